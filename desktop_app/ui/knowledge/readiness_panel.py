"""The Readiness tab: before any model call, do the documents hold the evaluation set's answers?

For every evaluation row the knowledge base is searched with the question, and the row counts
when its expected answer is in the top k passages. The rows that miss are listed; double-click
one to see what the search does find for it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.connection.verdicts import fill
from desktop_app.ui.knowledge import texts
from desktop_app.ui.knowledge.records_model import Column, RecordsModel


def _one_line(text: str, limit: int = 200) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class ReadinessPanel(QWidget):
    check_requested = Signal()
    cancel_requested = Signal()
    question_chosen = Signal(str)  # a missed row's question, to try in the Search tab

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self.check_requested)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.summary.setFont(font)
        self.details = QLabel()
        self.details.setWordWrap(True)
        for label in (self.summary, self.details):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.misses = RecordsModel(
            [
                Column(lambda: self.tr("Row"), lambda r: r["id"]),
                Column(lambda: self.tr("Question"), lambda r: _one_line(r["input"]), lambda r: r["input"]),
                Column(lambda: self.tr("Expected answer"), lambda r: _one_line(r["expected"]), lambda r: r["expected"]),
                Column(lambda: self.tr("Top passage from"), lambda r: r["top_source"], lambda r: r["top_source_path"]),
            ],
            self,
        )
        self.view = QTableView()
        self.view.setModel(self.misses)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setAlternatingRowColors(True)
        self.view.activated.connect(self._chosen)  # double-click or Enter
        self.view.hide()
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        row.addStretch(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.details)
        layout.addWidget(self.view, 1)
        layout.addStretch(0)
        self._result = None
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Check readiness searches the documents with every evaluation question and "
                "counts the questions whose expected answer is among the passages a RAG "
                "variant would get. No model is called."
            )
        )
        self.check_button.setText(self.tr("Check &readiness"))
        self.cancel_button.setText(self.tr("Stop"))
        self.view.setAccessibleName(self.tr("Questions whose answer was not found"))
        self.misses.retranslate()
        if self._result is not None:
            self._describe(self._result)

    def set_running(self, running: bool) -> None:
        self.check_button.setEnabled(not running)
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(True)
        if running:
            self.progress.setRange(0, 0)

    def stopping(self) -> None:
        self.cancel_button.setEnabled(False)

    def set_progress(self, event) -> None:
        text, done, total = texts.progress_text(event)
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.progress.setFormat(text or "%p%")
        self.progress.setTextVisible(bool(text))

    def set_available(self, available: bool) -> None:
        """False while indexing writes: the check would search a half-written index."""
        self.check_button.setEnabled(available and not self.cancel_button.isVisible())

    def clear(self) -> None:
        self._result = None
        self.summary.clear()
        self.details.clear()
        self.misses.set_records(())
        self.view.hide()

    def show_result(self, readiness) -> None:
        """A work.Readiness: the core's result and the text of the rows it lists."""
        self._result = readiness
        records = []
        for r in readiness.result["per_row"]:
            if r["in_top_k"]:
                continue
            question, expected = readiness.rows.get(r["id"], ("", ""))
            top = r["sources"][0]["source"] if r["sources"] else ""
            records.append(
                {
                    "id": r["id"],
                    "input": question,
                    "expected": expected,
                    "top_source": texts.file_name(top) if top else "",
                    "top_source_path": top,
                }
            )
        self.misses.set_records(records)
        self.view.setVisible(bool(records))
        if records:
            self.view.resizeColumnToContents(0)
            self.view.setColumnWidth(1, max(220, self.view.width() // 3))
            self.view.setColumnWidth(2, max(160, self.view.width() // 4))
        self._describe(readiness)

    def _describe(self, readiness) -> None:
        res = readiness.result
        n, hits, k = res["evaluated"], res["in_top_k"], res["k"]
        self.summary.setText(
            fill(
                self.tr("%1 of %2 questions have their answer in the top %3 passages (%4)"),
                hits,
                n,
                k,
                f"{res['share']:.0%}",
            )
        )
        parts = []
        if res.get("cancelled"):
            parts.append(self.tr("Stopped before every question was checked; the numbers cover those checked."))
        if res.get("skipped"):
            parts.append(fill(self.tr("%1 rows without an expected answer were left out."), res["skipped"]))
        if n - hits:
            parts.append(
                self.tr(
                    "The questions below missed: their answer may be absent from the documents, worded "
                    "differently, or ranked too low. Double-click one to see what the search finds."
                )
            )
        else:
            parts.append(self.tr("Every question found its answer: retrieval is ready for RAG variants."))
        self.details.setText(" ".join(parts))

    def _chosen(self, index) -> None:
        if index.isValid():
            self.question_chosen.emit(self.misses.record(index.row())["input"])
