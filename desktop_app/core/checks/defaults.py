"""Sensible checks inferred from the expected answers, so a first run means something.

Exactly one content check is inferred, because a row's content passes only when every
content check passes (records.content_passed), and the right one depends on the answers:
- labels (a few distinct short values, e.g. 可/不可, positive/negative): normalized_match,
  since containment would pass "positive or negative";
- short factual answers (median <= 6 tokens, e.g. 「1年間」, "Paris"): contains, since models
  wrap short answers in a sentence ("保証期間は1年間です") and F1 would punish that;
- anything longer, and JSON: token_f1 (threshold 0.5; order-free, so JSON key order is moot).
Behaviour: all expected JSON objects/arrays -> json (+ json_schema of the keys all objects
share, with their types when consistent, and max_chars of 3x the longest when they are long:
a structured reply has a size); answers mostly ja / zh / ko -> language. No length limit is
inferred for prose: a right answer wrapped in a polite sentence must never fail for its
length (the user adds one when length matters). A language check is not inferred for
Latin-script sets: it could not tell English from French anyway.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from statistics import median

from desktop_app.core.checks.content import answer_tokens, fold
from desktop_app.core.checks.language import detect_language
from desktop_app.core.checks.spec import CheckSpec, make_check

LABEL_MIN_ROWS = 5
SHORT_MEDIAN_TOKENS = 6
LONG_STRUCTURED_CHARS = 200  # JSON answers at least this long get a size limit
LENGTH_FACTOR = 3
LENGTH_FLOOR = 40
LANGUAGE_SHARE = 0.6


def default_checks(expected_outputs: list[str]) -> list[CheckSpec]:
    """Inferred checks (``inferred=True``) for a set of expected answers; [] never: always content."""
    answers = [str(e).strip() for e in expected_outputs if e is not None and str(e).strip()]
    parsed = _all_json(answers)
    specs: list[CheckSpec] = []

    def add(kind: str, value=None, **params) -> None:
        specs.append(make_check(kind, value, params=params or None, taken=[s.id for s in specs], inferred=True))

    add(_content_kind(answers, json_answers=parsed is not None))
    # What text alone cannot decide (a paraphrase) goes to a judge model when the project has a
    # connection; offline the check is left out and those rows stay unsure.
    add("judge")
    if parsed is not None:
        add("json")
        schema = infer_schema(parsed)
        if schema is not None:
            add("json_schema", json.dumps(schema, ensure_ascii=False, sort_keys=True))
    if parsed is not None and min(map(len, answers)) >= LONG_STRUCTURED_CHARS:
        add("max_chars", length_bound(max(map(len, answers))))
    language = majority_language(answers)
    if language:
        add("language", language)
    return specs


def _content_kind(answers: list[str], *, json_answers: bool) -> str:
    if not answers or json_answers:
        return "token_f1"
    folded = [fold(a) for a in answers]
    sizes = [len(answer_tokens(a)) for a in answers]
    distinct = len(set(folded))
    if len(answers) >= LABEL_MIN_ROWS and distinct <= max(2, len(answers) // 5) and max(sizes) <= SHORT_MEDIAN_TOKENS:
        return "normalized_match"
    if median(sizes) <= SHORT_MEDIAN_TOKENS:
        return "contains"
    return "token_f1"


def _all_json(answers: list[str]) -> list | None:
    """Parsed answers when every one is a JSON object or array (a bare "42" is not JSON intent)."""
    if not answers:
        return None
    values = []
    for answer in answers:
        try:
            value = json.loads(answer)
        except json.JSONDecodeError:
            return None
        if not isinstance(value, (dict, list)):
            return None
        values.append(value)
    return values


_JSON_TYPES = (
    (bool, "boolean"),
    (int, "number"),
    (float, "number"),
    (str, "string"),
    (list, "array"),
    (dict, "object"),
    (type(None), "null"),
)


def _json_type(value) -> str:
    return next(name for cls, name in _JSON_TYPES if isinstance(value, cls))


def infer_schema(values: list) -> dict | None:
    """{"type": "object", "required": [shared keys], "properties": {key: {"type": t}}} or None."""
    if not values or not all(isinstance(v, dict) for v in values):
        return None
    common = set(values[0])
    for value in values[1:]:
        common &= set(value)
    if not common:
        return None
    properties = {}
    for key in sorted(common):
        types = {_json_type(v[key]) for v in values}
        properties[key] = {"type": types.pop()} if len(types) == 1 else {}
    return {"type": "object", "required": sorted(common), "properties": properties}


def length_bound(longest: int) -> int:
    """3x the longest expected answer, at least 40, rounded up to 10 (or 50 past 100)."""
    raw = max(LENGTH_FACTOR * longest, LENGTH_FLOOR)
    step = 10 if raw <= 100 else 50
    return int(math.ceil(raw / step) * step)


def majority_language(answers: list[str]) -> str | None:
    """'ja' | 'zh' | 'ko' when most answers with letters are written in it, else None."""
    detected = Counter(code for code in (detect_language(a)[0] for a in answers) if code)
    with_letters = sum(detected.values())
    if not with_letters:
        return None
    ambiguous = detected["cjk"]  # short Han-only answers side with whichever of ja/zh is seen
    votes = {"ko": detected["ko"]}
    if detected["ja"] or detected["zh"]:
        lead = "ja" if detected["ja"] >= detected["zh"] else "zh"
        votes[lead] = detected[lead] + ambiguous
    best = max(votes, key=lambda lang: votes[lang])
    return best if votes[best] and votes[best] / with_letters >= LANGUAGE_SHARE else None
