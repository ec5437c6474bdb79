"""LLM-judged checks: the content judge (a factuality grade against the expected answer) and
behaviour rubrics.

The judge is an injected ``judge(messages, **options) -> str`` (the runner wraps a model
through the openai SDK and its request cache), so this module builds messages and reads
replies and never talks to the network.

Content: a reference-based factuality grade in the categories the known graders use (OpenAI's
"fact" eval and promptfoo's factuality assertion): the answer is a subset of the reference
(A), says the same (B), is a superset (C), disagrees (D), differs only in what does not matter
for the facts (E), or does not answer (F). B, C and E are right; A, D and F are wrong. The
category comes first in the reply, before any explanation, and is read strictly: a reply
without one is a judge error (recorded, not cached, judged again on the next run), never a
wrong fact. Its verdict replaces the lexical ones (records.content_outcome).

Rubrics: a JSON object {"verdict": "pass"|"fail", "reason": "..."} (code fences, prose around
it and a reasoning model's <think> block tolerated); an unreadable reply is a failed verdict
with reason "judge_unparseable". A judge call that fails (429, timeout) gives no verdict at
all: the check is left out for that row and judged again later.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from desktop_app.core.checks.spec import CheckSpec
from desktop_app.core.records import Row, Verdict

FACTUALITY_PROMPT = (
    "You grade the factual content of an ANSWER to a QUESTION against a REFERENCE answer written "
    "by an expert. Ignore style, length, politeness, formatting and language: only the facts count. "
    'Equal facts written differently are the same facts ("12 months" and "one year"; '
    '"3.74kg" and "3.74 kg"; in Japanese, full-width and half-width characters, kanji '
    "numerals and Arabic digits, and Japanese and Western date forms). Judge a Japanese answer in "
    "Japanese terms. Choose one category:\n"
    "(A) The answer is a subset of the reference: consistent with it, but some of its facts are missing.\n"
    "(B) The answer contains the same facts as the reference.\n"
    "(C) The answer is a superset of the reference: all its facts, plus others that do not "
    "contradict it.\n"
    "(D) The answer disagrees with the reference: a fact is wrong, negated, or given as one of "
    "several candidates without choosing.\n"
    "(E) The answers differ, but not in a way that matters for the facts.\n"
    "(F) The answer does not answer: it refuses, says it does not know, or is about something else.\n"
    'Reply with the letter of the category on the first line, like "Category: B", then one short '
    "sentence saying why."
)
FACTUALITY_PARAMS = {"temperature": 0, "seed": 7}  # the same grade for the same answer, where the server allows
FACTUALITY_REPLY_TOKENS = 60
RIGHT_CATEGORIES = frozenset("BCE")
CATEGORY_WORDS = {"A": "subset", "B": "same", "C": "superset", "D": "disagrees", "E": "immaterial", "F": "no_answer"}

BEHAVIOUR_RUBRIC = (
    "You are a strict reviewer of how an assistant behaves. Decide whether the ANSWER to the "
    "QUESTION follows the RUBRIC (form, structure, tone, instructions). Do not judge whether "
    "its facts are correct. PASS only when every point of the rubric is met; otherwise FAIL. "
    "Reply with only a JSON object: "
    '{"verdict": "pass" or "fail", "reason": "<one short sentence>"}'
)

_THINK = re.compile(r"<think>.*?</think>", re.S | re.I)
_FENCE_LINE = re.compile(r"^\s*```[A-Za-z0-9_-]*\s*$", re.M)
_REASON_CHARS = 160


def judge_messages(spec: CheckSpec, row: Row, output: str) -> list[dict]:
    """Chat messages for the judge model; content judge or behaviour rubric by spec kind."""
    if spec.kind == "rubric":
        user = f"RUBRIC:\n{spec.value}\n\nQUESTION:\n{row.input}\n\nANSWER:\n{output}"
        return [{"role": "system", "content": BEHAVIOUR_RUBRIC}, {"role": "user", "content": user}]
    reference = row.expected
    if row.alternatives:  # only then: the messages (and cache keys) of other rows stay as they were
        reference += "\n\nALSO ACCEPTED (any one of these is a correct reference):\n" + "\n".join(
            f"- {a}" for a in row.alternatives
        )
    user = f"QUESTION:\n{row.input}\n\nREFERENCE:\n{reference}\n\nANSWER:\n{output}"
    return [{"role": "system", "content": FACTUALITY_PROMPT}, {"role": "user", "content": user}]


_CATEGORY = re.compile(
    r"^[\W_]*(?:category|grade|カテゴリ|分類)?\s*[:：]?\s*[(\[（*]*\s*([A-F])\s*[)\]）*]*(?![A-Za-z])", re.I
)


def parse_category(text: str | None) -> tuple[str, str] | None:
    """(category letter, the judge's reason) when the reply starts with a category, else None."""
    if not isinstance(text, str):
        return None
    cleaned = _FENCE_LINE.sub("", _THINK.sub("", text)).strip()
    match = _CATEGORY.match(cleaned)
    if match is None:
        return None
    reason = " ".join(cleaned[match.end() :].split()).lstrip(".:-) ").strip()
    return match.group(1).upper(), reason


def parse_judge_reply(text: str | None) -> tuple[bool, str] | None:
    """(passed, the judge's reason) from a reply, or None when no verdict can be read."""
    if not isinstance(text, str):
        return None
    cleaned = _FENCE_LINE.sub("", _THINK.sub("", text))
    decoder = json.JSONDecoder()
    # The first JSON object holding a "verdict" key wins; prose before or after is ignored.
    for match in re.finditer(r"\{", cleaned):
        try:
            obj, _ = decoder.raw_decode(cleaned, match.start())
        except json.JSONDecodeError:
            continue
        if not isinstance(obj, dict):
            continue
        verdict = obj.get("verdict")
        if not isinstance(verdict, str):
            continue
        verdict = verdict.strip().lower()
        if verdict not in ("pass", "fail"):
            return None
        reason = obj.get("reason")
        reason = " ".join(str(reason).split()) if reason is not None else ""
        return verdict == "pass", reason
    return None


def run_judge(spec: CheckSpec, row: Row, output: str, judge: Callable[..., str]) -> Verdict | None:
    """Ask the judge and turn its reply into a Verdict.

    None when no verdict came: the call failed (429, timeout, server down) or, for the content
    judge, the reply named no category. The check is then left out for this row, never failed,
    and the runner (scoring.unjudged_rows) has the row judged again on the next run.
    """
    if spec.family == "content":
        return _run_factuality(spec, row, output, judge)
    try:
        reply = judge(judge_messages(spec, row, output))
    except Exception:  # noqa: BLE001 - a model failure must not stop a run, nor fail the row
        return None
    parsed = parse_judge_reply(reply)
    if parsed is None:
        return Verdict(spec.id, spec.family, False, 0.0, "judge_unparseable")
    passed, reason = parsed
    label = "pass" if passed else "fail"
    return Verdict(
        spec.id, spec.family, passed, float(passed), f"judge={label}: {_short(reason)}" if reason else f"judge={label}"
    )


def _short(reason: str) -> str:
    return reason[:_REASON_CHARS] + ("…" if len(reason) > _REASON_CHARS else "")


def _run_factuality(spec: CheckSpec, row: Row, output: str, judge: Callable[..., str]) -> Verdict | None:
    try:
        reply = judge(
            judge_messages(spec, row, output),
            params=FACTUALITY_PARAMS,
            model=str(spec.params.get("model") or "") or None,
            accept=lambda text: parse_category(text) is not None,
        )
    except Exception:  # noqa: BLE001 - a model failure must not stop a run, nor fail the row
        return None
    parsed = parse_category(reply)
    if parsed is None:  # not cached and noted as a failure by the judge (accept said no): asked again
        return None
    category, reason = parsed
    passed = category in RIGHT_CATEGORIES
    text = f"judge={CATEGORY_WORDS[category]}"
    return Verdict(spec.id, spec.family, passed, float(passed), f"{text}: {_short(reason)}" if reason else text)
