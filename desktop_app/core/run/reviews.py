"""A person's verdicts on answers: stored in the results store, they override the automatic
content verdict of that row and that output (a new answer to the same row is not reviewed), and
they measure how far the automatic verdicts can be trusted (agreement and Cohen's kappa).

The table lives beside the results (``results.sqlite``), created on first use; a review is
keyed by run and row and remembers a hash of the output it judged, so a rerun that changes the
answer drops the person's word for it instead of carrying it over to text they never read.
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timezone

from typing import TYPE_CHECKING

from desktop_app.core.records import REVIEW_CHECK, RowResult, Verdict, content_outcome

if TYPE_CHECKING:
    from desktop_app.core.checks.agreement import Agreement

LABELS = ("right", "wrong")
SAMPLE_SIZE = 20  # what the app offers to review when nothing has been: enough for a first kappa

# Part of the results store's schema (store.py creates it, and adds it to older stores).
TABLE = """
CREATE TABLE IF NOT EXISTS reviews (
    run_id INTEGER NOT NULL,
    row_id TEXT NOT NULL,
    output_sha TEXT NOT NULL,
    label TEXT NOT NULL,
    reviewed_at TEXT NOT NULL,
    PRIMARY KEY (run_id, row_id)
)"""


def output_sha(output: str | None) -> str:
    return hashlib.sha256((output or "").encode("utf-8")).hexdigest()[:32]


def set_review(conn: sqlite3.Connection, run_id: int, row_id: str, output: str | None, label: str | None) -> None:
    """Store the person's label for this answer (None: take the review back)."""
    if label is None:
        conn.execute("DELETE FROM reviews WHERE run_id = ? AND row_id = ?", (run_id, row_id))
        return
    if label not in LABELS:
        raise ValueError(f"a review is one of {LABELS}, not {label!r}")
    conn.execute(
        "INSERT INTO reviews (run_id, row_id, output_sha, label, reviewed_at) VALUES (?,?,?,?,?)"
        " ON CONFLICT(run_id, row_id) DO UPDATE SET output_sha = excluded.output_sha,"
        " label = excluded.label, reviewed_at = excluded.reviewed_at",
        (run_id, row_id, output_sha(output), label, datetime.now(timezone.utc).isoformat(timespec="seconds")),
    )


def labels(conn: sqlite3.Connection, run_id: int) -> dict[str, tuple[str, str]]:
    """row id -> (output hash, label) of a run's reviews."""
    rows = conn.execute("SELECT row_id, output_sha, label FROM reviews WHERE run_id = ?", (run_id,)).fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}


def apply(conn: sqlite3.Connection, run_id: int, results: Sequence[RowResult]) -> list[RowResult]:
    """The results with the person's verdict added where they reviewed this very output."""
    found = labels(conn, run_id)
    if not found:
        return list(results)
    out = []
    for r in results:
        review = found.get(r.row_id)
        if review is not None and r.error is None and review[0] == output_sha(r.output):
            right = review[1] == "right"
            verdict = Verdict(REVIEW_CHECK, "content", right, float(right), "reviewed")
            r = replace(r, verdicts=tuple(v for v in r.verdicts if v.check != REVIEW_CHECK) + (verdict,))
        out.append(r)
    return out


def automatic_outcome(result: RowResult) -> str | None:
    """The row's content outcome without the person's word (what the checks and the judge said)."""
    return content_outcome(tuple(v for v in result.verdicts if v.check != REVIEW_CHECK))


def person_label(result: RowResult) -> str | None:
    found = [v for v in result.verdicts if v.check == REVIEW_CHECK]
    return None if not found else ("right" if found[-1].passed else "wrong")


def measure(results: Iterable[RowResult], *, skip_unsure: bool = False) -> "Agreement":
    """How often the automatic content verdicts agree with the person's, over the reviewed rows
    (an unsure automatic verdict counts as a disagreement unless ``skip_unsure``)."""
    from desktop_app.core.checks.agreement import agreement  # noqa: PLC0415 - the store imports this module

    pairs = [(automatic_outcome(r), person_label(r)) for r in results]
    return agreement([(a, p) for a, p in pairs if p is not None], skip_unsure=skip_unsure)


def sample(results: Sequence[RowResult], size: int = SAMPLE_SIZE, seed: int = 0) -> list[str]:
    """Rows worth a person's look: every unsure one first, then a seeded random draw of the rest
    (answered rows not reviewed yet), so the agreement measured is not only about hard cases."""
    open_rows = [r for r in results if r.error is None and person_label(r) is None and automatic_outcome(r) is not None]
    unsure = [r.row_id for r in open_rows if automatic_outcome(r) == "unsure"]
    rest = [r.row_id for r in open_rows if automatic_outcome(r) != "unsure"]
    random.Random(seed).shuffle(rest)
    return (unsure + rest)[:size]
