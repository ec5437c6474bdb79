"""How results.sqlite spells a row's passages and verdicts (JSON columns) and its timestamps:
one spelling for the results, the batch request map and anything else that stores them."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Iterable

from desktop_app.core.records import REVIEW_CHECK, Passage, Verdict


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


# Hand-built dicts: dataclasses.asdict deep-copies and costs more than the commit itself.
def passages_to_json(passages: Iterable[Passage]) -> str:
    if not passages:
        return "[]"
    return json.dumps(
        [
            {
                "text": p.text,
                "source": p.source,
                "page": p.page,
                "position": p.position,
                "score": p.score,
                "chunk_id": p.chunk_id,
            }
            for p in passages
        ],
        ensure_ascii=False,
    )


def passages_from_json(text: str | None) -> tuple[Passage, ...]:
    return tuple(Passage(**p) for p in json.loads(text or "[]"))


def verdicts_to_json(verdicts: Iterable[Verdict]) -> str:
    # A person's verdict lives in the reviews table, joined on reading: never copied into a row.
    kept = [v for v in verdicts if v.check != REVIEW_CHECK]
    if not kept:
        return "[]"
    return json.dumps(
        [
            {
                "check": v.check,
                "family": v.family,
                "passed": v.passed,
                "score": v.score,
                "reason": v.reason,
                **({"spec": v.spec} if v.spec else {}),
                **({"unsure": True} if v.unsure else {}),
            }
            for v in kept
        ],
        ensure_ascii=False,
    )


def verdicts_from_json(text: str | None) -> tuple[Verdict, ...]:
    return tuple(Verdict(**v) for v in json.loads(text or "[]"))
