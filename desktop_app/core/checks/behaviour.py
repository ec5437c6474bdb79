"""Behaviour checks: does the answer act right (format, length, wording, language)?

JSON and code fences: an answer wrapped in ```json ... ``` is NOT valid JSON by default,
because a program that reads the answer with json.loads would fail on it; the verdict says
"json_fenced" so the advice can point at a prompt or fine-tuning fix. A check with
params {"allow_fence": true} strips one surrounding fence first (for pipelines that do too).
"""

from __future__ import annotations

import json
import re

from desktop_app.core.checks.content import contains_run
from desktop_app.core.checks.language import matches_language
from desktop_app.core.checks.spec import CheckSpec, char_limit, compile_regex, compile_schema, language_code
from desktop_app.core.records import Verdict

_FENCED = re.compile(r"^\s*```[A-Za-z0-9_+-]*[ \t]*\r?\n(.*?)\r?\n?```\s*$", re.S)


def strip_fence(text: str) -> tuple[str, bool]:
    """(text inside one surrounding ``` fence, whether there was one)."""
    m = _FENCED.match(text)
    return (m.group(1), True) if m else (text, False)


def parse_json_output(spec: CheckSpec, output: str) -> tuple[object | None, str | None]:
    """(parsed value, None) or (None, failure reason)."""
    inner, fenced = strip_fence(output)
    if fenced and not spec.params.get("allow_fence", False):
        try:
            json.loads(inner)
        except json.JSONDecodeError:
            pass
        else:
            return None, "json_fenced"
    try:
        return json.loads(inner if fenced else output), None
    except json.JSONDecodeError as exc:
        return None, f"json_invalid:line={exc.lineno},col={exc.colno}"


def _v(spec: CheckSpec, ok: bool, score: float, reason: str) -> Verdict:
    return Verdict(spec.id, spec.family, ok, round(max(0.0, min(1.0, score)), 4), reason)


def check_regex(spec: CheckSpec, output: str) -> Verdict:
    ok = compile_regex(spec.value).search(output) is not None
    return _v(spec, ok, float(ok), "regex_match" if ok else "regex_no_match")


def check_json(spec: CheckSpec, output: str) -> Verdict:
    _, problem = parse_json_output(spec, output)
    return _v(spec, problem is None, float(problem is None), problem or "json_ok")


def check_json_schema(spec: CheckSpec, output: str) -> Verdict:
    value, problem = parse_json_output(spec, output)
    if problem:
        return _v(spec, False, 0.0, problem)
    error = next(iter(compile_schema(spec.value).iter_errors(value)), None)
    if error is None:
        return _v(spec, True, 1.0, "schema_ok")
    return _v(spec, False, 0.0, f"schema_fail:{error.json_path}:{error.validator}")


def check_max_chars(spec: CheckSpec, output: str) -> Verdict:
    limit, n = char_limit(spec.value), len(output.strip())
    ok = n <= limit
    return _v(spec, ok, 1.0 if ok else limit / n, f"chars={n}{'<=' if ok else '>'}{limit}")


def check_min_chars(spec: CheckSpec, output: str) -> Verdict:
    limit, n = char_limit(spec.value), len(output.strip())
    ok = n >= limit
    return _v(spec, ok, 1.0 if ok or limit == 0 else n / limit, f"chars={n}{'>=' if ok else '<'}{limit}")


def _phrase_found(phrase: str, output: str) -> bool:
    # A run of folded tokens: 保証 is found inside 「保証期間」 (CJK compares per character),
    # "Ｗｉ－Ｆｉ" finds "wi-fi", but "cat" is not found in "concatenate" (Latin: whole words).
    return contains_run(phrase, output)


def _value(spec: CheckSpec) -> str:
    assert spec.value is not None  # validate_spec refuses a check of a kind that takes a value without one
    return spec.value


def check_must_include(spec: CheckSpec, output: str) -> Verdict:
    phrase = _value(spec)
    ok = _phrase_found(phrase, output)
    return _v(spec, ok, float(ok), "included" if ok else f"missing:{phrase[:40]}")


def check_must_not_include(spec: CheckSpec, output: str) -> Verdict:
    phrase = _value(spec)
    found = _phrase_found(phrase, output)
    return _v(spec, not found, float(not found), f"found:{phrase[:40]}" if found else "absent")


def check_language(spec: CheckSpec, output: str) -> Verdict:
    expected = language_code(_value(spec))
    ok, share, detected = matches_language(output, expected)
    if detected == "none":
        return _v(spec, True, 1.0, "lang=none")
    reason = f"lang={detected}" if ok else f"lang={detected}!={expected} share={share:.2f}"
    return _v(spec, ok, 1.0 if ok else share, reason)


BEHAVIOUR_CHECKS = {
    "regex": check_regex,
    "json": check_json,
    "json_schema": check_json_schema,
    "max_chars": check_max_chars,
    "min_chars": check_min_chars,
    "must_include": check_must_include,
    "must_not_include": check_must_not_include,
    "language": check_language,
}
