"""LLM-judged checks: the content judge (against the expected answer) and behaviour rubrics.

The judge is an injected ``judge(messages) -> str`` (the runner wraps the project's model
through the openai SDK), so this module builds messages and reads replies and never talks to
the network. Rubrics are fixed text so verdicts are comparable across runs. The reply must be
a JSON object {"verdict": "pass"|"fail", "reason": "..."}; code fences, prose around it and a
reasoning model's <think> block are tolerated, anything else is a failed verdict with reason
"judge_unparseable" (never an exception: one odd reply must not stop a run). A judge call that
fails (429, timeout) gives no verdict at all: the check is left out for that row.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable

from desktop_app.core.checks.spec import CheckSpec
from desktop_app.core.records import Row, Verdict

CONTENT_RUBRIC = (
    "You are a strict grader of factual content. Compare the ANSWER with the REFERENCE answer "
    "to the QUESTION. PASS when the answer states the facts of the reference correctly, in any "
    "wording, order or length; extra details are fine when they do not contradict the "
    "reference. FAIL when a fact of the reference is missing, wrong or contradicted, or when "
    "the answer refuses or says it does not know. Judge facts only, not style, format or "
    "language. Reply with only a JSON object: "
    '{"verdict": "pass" or "fail", "reason": "<one short sentence>"}'
)

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
        user = (f"RUBRIC:\n{spec.value}\n\nQUESTION:\n{row.input}\n\nANSWER:\n{output}")
        return [{"role": "system", "content": BEHAVIOUR_RUBRIC}, {"role": "user", "content": user}]
    reference = row.expected
    if row.alternatives:  # only then: the messages (and cache keys) of other rows stay as they were
        reference += "\n\nALSO ACCEPTED (any one of these is a correct reference):\n" + "\n".join(
            f"- {a}" for a in row.alternatives)
    user = f"QUESTION:\n{row.input}\n\nREFERENCE:\n{reference}\n\nANSWER:\n{output}"
    return [{"role": "system", "content": CONTENT_RUBRIC}, {"role": "user", "content": user}]


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


def run_judge(spec: CheckSpec, row: Row, output: str, judge: Callable[[list[dict]], str]) -> Verdict | None:
    """Ask the judge and turn its reply into a Verdict ("judge_unparseable" for an odd reply).

    None when the call itself failed (429, timeout, server down): the check is left out for
    this row, never failed, since a judge that could not answer said nothing about the facts.
    The runner notices the failure (scoring.collect_calls) and has the row judged again.
    """
    try:
        reply = judge(judge_messages(spec, row, output))
    except Exception:  # noqa: BLE001 - a model failure must not stop a run, nor fail the row
        return None
    parsed = parse_judge_reply(reply)
    if parsed is None:
        return Verdict(spec.id, spec.family, False, 0.0, "judge_unparseable")
    passed, reason = parsed
    label = "pass" if passed else "fail"
    short = reason[:_REASON_CHARS] + ("…" if len(reason) > _REASON_CHARS else "")
    return Verdict(spec.id, spec.family, passed, float(passed),
                   f"judge={label}: {short}" if short else f"judge={label}")
