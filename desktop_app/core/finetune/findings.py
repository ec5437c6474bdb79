"""What to fix in a training set before anything is sent, each finding tied to its row.

Kinds (the ui and the CLI word them):
- ``malformed`` / ``empty``: a line that is not a conversation, a message without a role or
  text, a conversation that does not end with the answer to learn;
- ``too_long``: an example over the route's per-example token limit; ``file_too_large``;
- ``duplicate`` / ``near_duplicate``: the same example twice (near: rapidfuzz ratio of the
  user turn and of the answer both at or above the threshold);
- ``leak`` / ``near_leak``: an example whose input is (nearly) an evaluation row's input: the
  tuned model would be scored on what it was taught, and the advice would flatter it;
- ``too_few``: fewer examples than the route accepts (a problem) or than usually helps (a warning);
- ``fails_check``: an answer that fails one of the project's behaviour checks: fine-tuning
  copies the behaviour in the data, good or bad (the talk's Slack example).
Severity: ``problem`` (the provider refuses it, or the result would mislead) or ``warning``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from desktop_app.core.finetune.build import Example, TrainingSet
from desktop_app.core.finetune.limits import RECOMMENDED_START, example_token_limit, provider_limits
from desktop_app.core.records import Row

ROLES = ("system", "user", "assistant")
CHUNK = 512  # rows compared at once: bounds the rapidfuzz score matrix to CHUNK x N bytes


@dataclass(frozen=True)
class Finding:
    kind: str
    severity: str  # "problem" | "warning"
    row_id: str = ""  # the examples-pool row ("" for the whole set)
    split: str = ""  # "train" | "validation"
    line: int = 0  # 1-based line in its file (0: the whole set)
    detail: dict = field(default_factory=dict, hash=False)

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "row": self.row_id,
            "split": self.split,
            "line": self.line,
            **self.detail,
        }


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").casefold().split())


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _numbers(text: str) -> list[str]:
    """The numbers in a text: "widget 12" and "widget 13" read 97% alike but ask different things,
    so near matches must also carry the same numbers (templated questions are common)."""
    return _NUMBER.findall(text)


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content if isinstance(p, dict))
    return ""


def message_problems(messages: Any) -> list[tuple[str, dict]]:
    """(kind, detail) for what makes a conversation unusable for training."""
    if not isinstance(messages, (list, tuple)) or not messages:
        return [("malformed", {"reason": "no_messages"})]
    out: list[tuple[str, dict]] = []
    for i, msg in enumerate(messages):
        if not isinstance(msg, dict) or msg.get("role") not in ROLES:
            out.append(
                (
                    "malformed",
                    {
                        "reason": "bad_role",
                        "message": i + 1,
                        "role": str(msg.get("role")) if isinstance(msg, dict) else "",
                    },
                )
            )
        elif not isinstance(msg.get("content"), (str, list)):
            out.append(("malformed", {"reason": "no_content", "message": i + 1, "role": msg["role"]}))
        elif not _text(msg["content"]).strip() and msg["role"] != "system":
            out.append(("empty", {"message": i + 1, "role": msg["role"]}))
    roles = [m.get("role") for m in messages if isinstance(m, dict)]
    if "user" not in roles:
        out.append(("malformed", {"reason": "no_user"}))
    if not roles or roles[-1] != "assistant":
        out.append(("malformed", {"reason": "no_final_answer"}))
    return out


def read_jsonl(path: str | Path, split: str = "train") -> tuple[list[Example], list[Finding]]:
    """A training file someone else made, read for validation: its conversations, and a
    ``malformed`` finding for every line that is not one."""
    examples: list[Example] = []
    found: list[Finding] = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                found.append(Finding("malformed", "problem", f"line-{number}", split, number, {"reason": "not_json"}))
                continue
            messages = record.get("messages") if isinstance(record, dict) else None
            if not isinstance(messages, list):
                found.append(
                    Finding("malformed", "problem", f"line-{number}", split, number, {"reason": "no_messages"})
                )
                continue
            examples.append(Example(f"line-{number}", tuple(messages), split, number))
    return examples, found


def _user_and_answer(example: Example) -> tuple[str, str]:
    user = next(
        (
            _text(m.get("content"))
            for m in reversed(example.messages)
            if isinstance(m, dict) and m.get("role") == "user"
        ),
        "",
    )
    answer = next(
        (
            _text(m.get("content"))
            for m in reversed(example.messages)
            if isinstance(m, dict) and m.get("role") == "assistant"
        ),
        "",
    )
    return example.source_input or user, answer


def _finding(kind: str, severity: str, ex: Example, **detail: Any) -> Finding:
    return Finding(kind, severity, ex.row_id, ex.split, ex.line, detail)


def _similar_pairs(
    left: Sequence[str], right: Sequence[str], cutoff: float, same: bool, should_stop: Callable[[], bool]
) -> Iterable[tuple[int, int, float]]:
    """(i, j, score) with ratio >= cutoff; with ``same`` only i < j (one list against itself)."""
    import numpy as np  # noqa: PLC0415
    from rapidfuzz import fuzz, process  # noqa: PLC0415

    if not left or not right:
        return
    for start in range(0, len(left), CHUNK):
        if should_stop():
            return
        part = left[start : start + CHUNK]
        scores = process.cdist(part, right, scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.uint8, workers=-1)
        for i, j in zip(*np.nonzero(scores)):
            i, j = int(i) + start, int(j)
            if not same or i < j:
                yield i, j, float(scores[i - start, j])


def validate(
    training: TrainingSet | Sequence[Example],
    eval_rows: Sequence[Row] = (),
    *,
    provider: str = "openai",
    model: str = "gpt-4o-mini",
    project=None,
    near: float = 90.0,
    should_stop: Callable[[], bool] | None = None,
) -> tuple[list[Finding], list[int]]:
    """(findings, tokens per example). ``project`` adds its behaviour checks; ``near`` is the
    rapidfuzz ratio (0-100) from which two texts count as nearly the same."""
    from desktop_app.core.providers.tokens import count_messages  # noqa: PLC0415 - tiktoken

    stop = should_stop or (lambda: False)
    examples = list(training.examples if isinstance(training, TrainingSet) else training)
    limits = provider_limits(provider)
    cap = example_token_limit(provider, model)
    found: list[Finding] = []
    tokens: list[int] = []
    usable: list[Example] = []
    for ex in examples:
        problems = message_problems(ex.messages)
        for kind, detail in problems:
            found.append(_finding(kind, "problem", ex, **detail))
        good = [m for m in ex.messages if isinstance(m, dict)]
        n = count_messages(good, model if provider != "local" else "gpt-4o-mini")
        tokens.append(n)
        if cap and n > cap:
            found.append(_finding("too_long", "warning" if limits.truncates else "problem", ex, tokens=n, limit=cap))
        if not problems:
            usable.append(ex)

    size = sum(len(e.to_json().encode("utf-8")) + 1 for e in examples)
    if limits.max_file_bytes and size > limits.max_file_bytes:
        found.append(Finding("file_too_large", "problem", detail={"bytes": size, "limit": limits.max_file_bytes}))
    train_count = sum(1 for e in usable if e.split == "train")
    if train_count < limits.min_examples:
        found.append(
            Finding(
                "too_few",
                "problem",
                detail={"count": train_count, "minimum": limits.min_examples, "recommended": RECOMMENDED_START},
            )
        )
    elif train_count < RECOMMENDED_START:
        found.append(
            Finding(
                "too_few",
                "warning",
                detail={"count": train_count, "minimum": limits.min_examples, "recommended": RECOMMENDED_START},
            )
        )
    found += _duplicates(usable, near, stop)
    found += _leaks(usable, eval_rows, near, stop)
    if project is not None:
        found += _failing_checks(usable, project)
    return found, tokens


def _duplicates(examples: Sequence[Example], near: float, stop: Callable[[], bool]) -> list[Finding]:
    pairs = [_user_and_answer(e) for e in examples]
    keys = [(_fold(u), _fold(a)) for u, a in pairs]
    first: dict[tuple[str, str], int] = {}
    found: list[Finding] = []
    exact: set[int] = set()
    for i, key in enumerate(keys):
        if key in first:
            exact.add(i)
            found.append(_finding("duplicate", "warning", examples[i], same_as=examples[first[key]].row_id))
        else:
            first[key] = i
    users = [k[0] for k in keys]
    answers = [k[1] for k in keys]
    from rapidfuzz import fuzz  # noqa: PLC0415

    for i, j, score in _similar_pairs(users, users, near, True, stop):
        if j in exact or i in exact or keys[i] == keys[j] or _numbers(users[i]) != _numbers(users[j]):
            continue
        answer_score = fuzz.ratio(answers[i], answers[j])
        if answer_score >= near:
            found.append(
                _finding(
                    "near_duplicate",
                    "warning",
                    examples[j],
                    same_as=examples[i].row_id,
                    similarity=round(min(score, answer_score)),
                )
            )
    return found


def _leaks(
    examples: Sequence[Example], eval_rows: Sequence[Row], near: float, stop: Callable[[], bool]
) -> list[Finding]:
    if not eval_rows:
        return []
    users = [_fold(_user_and_answer(e)[0]) for e in examples]
    inputs = [_fold(r.input) for r in eval_rows]
    by_input = {text: r.id for text, r in zip(inputs, eval_rows)}
    found: list[Finding] = []
    leaked: set[int] = set()
    for i, text in enumerate(users):
        if text in by_input:
            leaked.add(i)
            found.append(_finding("leak", "problem", examples[i], eval_row=by_input[text]))
    best: dict[int, tuple[float, int]] = {}
    for i, j, score in _similar_pairs(users, inputs, near, False, stop):
        if i not in leaked and score > best.get(i, (0.0, 0))[0] and _numbers(users[i]) == _numbers(inputs[j]):
            best[i] = (score, j)
    for i, (score, j) in sorted(best.items()):
        found.append(_finding("near_leak", "warning", examples[i], eval_row=eval_rows[j].id, similarity=round(score)))
    return found


def _failing_checks(examples: Sequence[Example], project) -> list[Finding]:
    """Behaviour checks on each answer (content checks compare an answer with itself here)."""
    from desktop_app.core.checks.catalog import project_checks  # noqa: PLC0415
    from desktop_app.core.checks.evaluate import evaluate_row  # noqa: PLC0415
    from desktop_app.core.errors import AppError  # noqa: PLC0415

    try:
        specs = [s for s in project_checks(project)[0] if s.family == "behaviour" and s.enabled and not s.needs]
    except AppError:
        return []
    found: list[Finding] = []
    for ex in examples:
        user, answer = _user_and_answer(ex)
        row = Row(id=ex.row_id, input=user, expected=answer)
        for verdict in evaluate_row(specs, row, answer):
            if not verdict.passed:
                found.append(_finding("fails_check", "warning", ex, check=verdict.check, reason=verdict.reason))
    return found
