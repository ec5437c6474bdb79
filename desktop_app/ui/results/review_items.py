"""Which answers the Review dialog shows, built from the Results page's loaded data (no I/O).

From the example list: the rows it lists, in its order, for the run it shows. As a first
sample: the unsure answers of the latest run first, then a seeded draw of its others
(``core.reviews.sample``), so the agreement measured is not only about the hard cases.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.ui.checks.wording import reason_text
from desktop_app.ui.results.review_dialog import ReviewItem
from desktop_app.ui.words import fill

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "literal") calls


def automatic_sentence(result) -> str:
    """The automatic content verdict of an answer, in words, with the check's reason."""
    from desktop_app.core.run import reviews  # noqa: PLC0415 - light: records only

    outcome = reviews.automatic_outcome(result)
    content = [v for v in result.verdicts if v.family == "content" and v.check != "review"]
    reason = next((v.reason for v in content if v.unsure or not v.passed), content[0].reason if content else "")
    word = {
        "right": translate("ResultsWords", "right"),
        "wrong": translate("ResultsWords", "wrong"),
        "unsure": translate("ResultsWords", "unsure"),
    }.get(outcome or "", "—")
    return fill(translate("ResultsWords", "%1 (%2)"), word, reason_text(reason)) if reason else word


def _item(entry, row, result) -> ReviewItem | None:
    if result is None or result.error is not None or result.output is None:
        return None
    from desktop_app.core.run import reviews  # noqa: PLC0415

    return ReviewItem(
        entry.run_id,
        entry.label,
        row.id,
        row.input,
        row.expected,
        result.output,
        automatic_sentence(result),
        reviews.person_label(result),
    )


def items_for(data, run_id: int, row_ids: list[str]) -> list[ReviewItem]:
    """The answers ``run_id`` gave to these rows, in this order (rows without an answer left out)."""
    entry = next((e for e in data.runs if e.run_id == run_id), None)
    if entry is None:
        return []
    rows = {r.id: r for r in data.rows}
    found = (_item(entry, rows[rid], entry.results.get(rid)) for rid in row_ids if rid in rows)
    return [item for item in found if item is not None]


def sample_items(data, size: int) -> list[ReviewItem]:
    """A first sample of the latest run's answers: unsure ones first."""
    from desktop_app.core.run import reviews  # noqa: PLC0415

    if not data.runs:
        return []
    entry = data.runs[-1]
    eval_ids = {r.id for r in data.rows}
    picked = reviews.sample([r for rid, r in entry.results.items() if rid in eval_ids], size)
    return items_for(data, entry.run_id, picked)
