"""The Results page's part for a person's review: the agreement line, the offer to review a
sample, and the Review dialog over the rows listed. A mixin of ResultsPage (it uses the page's
data, filters, banner and reload), kept apart so the page stays readable."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QWidget

from desktop_app.ui.results.rows_model import ROW_ROLE
from desktop_app.ui.results.words import fill, pct
from desktop_app.ui.words import plural

# The page's own context, so these sentences keep their translations wherever the code lives.
translate = QCoreApplication.translate


class ReviewActions:
    """Expects: ``data``, ``project``, ``rows_proxy``, ``filters``, ``banner``, ``agreement_label``,
    ``sample_button``, ``review``, ``_reviews_changed``, ``dirty``, ``reload()``, ``project_modified``
    (all provided by ResultsPage)."""

    data: Any
    project: Any
    rows_proxy: Any
    filters: Any
    banner: Any
    agreement_label: Any
    sample_button: Any
    review: Any
    _reviews_changed: bool
    dirty: bool
    project_modified: Any

    if TYPE_CHECKING:  # for the type checker only: at run time the page's own method answers

        def reload(self) -> None: ...

    def _show_agreement(self, has_runs: bool) -> None:
        found = self.data.agreement if (self.data is not None and has_runs) else None
        reviewed = bool(found is not None and found.count)
        if found is not None and reviewed:
            kappa = "—" if found.kappa is None else f"{found.kappa:.2f}"
            text = fill(
                plural(
                    found.count,
                    translate(
                        "ResultsPage",
                        "You reviewed %1 answer: the automatic verdict agreed with yours on %2 (%3, Cohen's kappa %4).",
                    ),
                    translate(
                        "ResultsPage",
                        "You reviewed %1 answers: the automatic verdicts agreed with yours on %2 "
                        "(%3, Cohen's kappa %4).",
                    ),
                ),
                found.count,
                found.agreed,
                pct(found.share),
                kappa,
            )
            if found.unsure:
                text += " " + fill(translate("ResultsPage", "%1 of them were unsure automatically."), found.unsure)
        else:
            text = translate("ResultsPage", "No answer reviewed yet: the advice rests on automatic verdicts alone.")
        self.agreement_label.setText(text if has_runs else "")
        self.sample_button.setText(
            translate("ResultsPage", "Review &20 answers") if not reviewed else translate("ResultsPage", "Review &more")
        )
        self.sample_button.setVisible(has_runs)
        self.filters.review_button.setEnabled(has_runs)

    # -- a person's review ------------------------------------------------------------------------
    @Slot()
    def review_listed(self) -> None:
        """Review the answers the example list shows, for its run (or the latest run)."""
        from desktop_app.ui.results.review_items import items_for  # noqa: PLC0415

        if not self.data or not self.data.runs:
            return
        run_id = self.rows_proxy.run_id if self.rows_proxy.run_id is not None else self.data.runs[-1].run_id
        ids = [self.rows_proxy.index(r, 0).data(ROW_ROLE).id for r in range(self.rows_proxy.rowCount())]
        self._open_review(items_for(self.data, run_id, ids))

    @Slot()
    def review_sample(self) -> None:
        from desktop_app.core.run.reviews import SAMPLE_SIZE  # noqa: PLC0415
        from desktop_app.ui.results.review_items import sample_items  # noqa: PLC0415

        if self.data:
            self._open_review(sample_items(self.data, SAMPLE_SIZE))

    def _open_review(self, items) -> None:
        from desktop_app.ui.results.review_dialog import ReviewDialog  # noqa: PLC0415

        if not items or self.project is None:
            self.banner.show_message(
                translate("ResultsPage", "No answers to review here."),
                translate("ResultsPage", "Choose a run whose rows have answers, or show all rows."),
                "info",
            )
            return
        self.review = ReviewDialog(self.project.results_db, items, cast(QWidget, self))
        self.review.reviewed.connect(self._on_reviewed)
        self.review.finished.connect(self._on_review_closed)
        self.review.open()

    @Slot()
    def _on_reviewed(self) -> None:
        self._reviews_changed = True

    @Slot()
    def _on_review_closed(self) -> None:
        self.review = None
        if self._reviews_changed:
            self._reviews_changed = False
            self.dirty = True
            self.reload()
            self.project_modified.emit("runs")  # the maps and the advice count the person's verdicts
