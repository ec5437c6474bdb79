"""One evaluation row across runs: input, expected answer, then each run's output side by side
with its checks' verdicts and the passages it retrieved. Every data string is plain text.

``row_tsv`` is what "Copy row" puts on the clipboard: a header and one line per run, tab
separated, quoted like a spreadsheet expects when a cell holds tabs or line breaks.
"""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.checks.wording import check_label, reason_text
from desktop_app.ui.results import words
from desktop_app.ui.results.words import fill
from desktop_app.ui.run.words import error_text


def _label(bold: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class _TextBox(QPlainTextEdit):
    """Read-only plain text (setPlainText only: an answer with <b> shows as typed) whose preferred
    height is a few lines, so the layouts share spare height by stretch, not by Qt's 192 px default."""

    def __init__(self, lines: int):
        super().__init__()
        self.lines = lines
        self.setReadOnly(True)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(self._height())

    def set_lines(self, lines: int) -> None:
        self.lines = max(1, lines)
        self.setMinimumHeight(self._height())
        self.setMaximumHeight(self._height())
        self.updateGeometry()

    def _height(self) -> int:
        return self.fontMetrics().lineSpacing() * self.lines + 12

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height())


def _text_box(lines: int) -> QPlainTextEdit:
    return _TextBox(lines)


COLUMN_MIN_WIDTH = 260  # an answer narrower than this wraps every few words


class RunColumn(QFrame):
    """One run's answer to the row: outcome, output, verdicts, passages."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(COLUMN_MIN_WIDTH)
        self.title = _label(bold=True)
        self.title.setWordWrap(False)
        self.outcome = _label()
        self.outcome.setWordWrap(False)
        self.output = _text_box(3)
        self.passages_caption = QLabel()
        self.checks = _TextBox(2)  # one wrapped line per check: a narrow column still shows every reason
        self.checks.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.passages = _text_box(3)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.outcome, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.output, 2)
        layout.addWidget(self.checks)
        layout.addWidget(self.passages_caption)
        layout.addWidget(self.passages, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.output.setAccessibleName(self.tr("Output"))
        self.checks.setAccessibleName(self.tr("Checks"))
        self.passages_caption.setText(self.tr("Retrieved passages"))
        self.passages.setAccessibleName(self.tr("Retrieved passages"))

    def show_result(self, entry, row_id: str) -> None:
        result = entry.results.get(row_id)
        kind = entry.outcome.get(row_id)
        self.title.setText(entry.label)
        self.outcome.setText(words.outcome_label(kind))  # short: the title line stays one line
        self.outcome.setToolTip(words.outcome_sentence(kind))
        if result is None:
            self.output.setPlainText("")
        elif result.error is not None:
            self.output.setPlainText(fill(self.tr("(no output) %1"), error_text(result.error)))
        else:
            self.output.setPlainText(result.output or "")
        verdicts = result.verdicts if result else ()
        self.checks.setPlainText("\n".join(verdict_line(v) for v in verdicts))
        self.checks.set_lines(min(6, 2 * len(verdicts)))  # a reason usually wraps once in a column
        passages = result.passages if result else ()
        self.passages.setPlainText(passages_text(passages))
        for w in (self.passages_caption, self.passages):
            w.setVisible(bool(passages))
        self.checks.setVisible(bool(verdicts))


def verdict_line(v) -> str:
    """One sentence per check: "✗ Word overlap (token F1): Word overlap 0.42 (needs 0.50)."."""
    mark = "?" if getattr(v, "unsure", False) else "✓" if v.passed else "✗"
    return fill(
        QCoreApplication.translate("ExampleView", "%1 %2: %3"), mark, check_label(v.check), reason_text(v.reason)
    )


def passages_text(passages) -> str:
    """Each passage under a line naming it: "[1] manual.pdf · p. 3 · score 0.82"."""
    blocks = []
    for i, p in enumerate(passages, 1):
        head = fill(QCoreApplication.translate("ExampleView", "[%1] %2"), i, p.source or "—")
        if p.page is not None:
            head = fill(QCoreApplication.translate("ExampleView", "%1 · p. %2"), head, p.page)
        if p.score:  # imported passages carry no score
            head = fill(QCoreApplication.translate("ExampleView", "%1 · score %2"), head, f"{p.score:.3f}")
        blocks.append(f"{head}\n{p.text.strip()}")
    return "\n\n".join(blocks)


class ExampleView(QWidget):
    """The selected row: header, input and expected answer, then one RunColumn per run side by side."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.header = _label(bold=True)
        self.input_caption, self.expected_caption = QLabel(), QLabel()
        self.input_box, self.expected_box = _text_box(3), _text_box(3)
        for box in (self.input_box, self.expected_box):
            box.setMaximumHeight(box.fontMetrics().lineSpacing() * 3 + 12)
        self.input_caption.setBuddy(self.input_box)
        self.expected_caption.setBuddy(self.expected_box)
        self.texts = QWidget()
        texts = QHBoxLayout(self.texts)
        texts.setContentsMargins(0, 0, 0, 0)
        for caption, box in ((self.input_caption, self.input_box), (self.expected_caption, self.expected_box)):
            col = QVBoxLayout()
            col.addWidget(caption)
            col.addWidget(box)
            texts.addLayout(col, 1)
        self.columns: list[RunColumn] = []
        runs_body = QWidget()
        # Runs side by side as far as the width allows, then on further lines: the view scrolls
        # down, never sideways (a QGridLayout reflowed on resize).
        self.runs_grid = QGridLayout(runs_body)
        self.runs_grid.setContentsMargins(0, 0, 0, 0)
        self.runs_grid.setSpacing(8)
        self.per_line = 0
        self.shown = 0
        self.runs_scroll = QScrollArea()
        self.runs_scroll.setWidgetResizable(True)
        self.runs_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.runs_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.runs_scroll.setWidget(runs_body)
        self.empty = _label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.empty)
        layout.addWidget(self.texts)
        layout.addWidget(self.runs_scroll, 1)
        self.retranslate()
        self.show_row(None, [])

    def retranslate(self) -> None:
        self.input_caption.setText(self.tr("Input"))
        self.expected_caption.setText(self.tr("Expected answer"))
        self.empty.setText(self.tr("Select a row to see each run's answer, its checks and its passages."))
        for column in self.columns:
            column.retranslate()
        showing: tuple | None = getattr(self, "_showing", None)
        if showing is not None:
            self.show_row(*showing)  # the header and each run's verdicts in the new language

    def show_row(self, row, runs) -> None:
        """``row``: records.Row or None; ``runs``: RunEntry items in the order to show them."""
        self._showing = (row, runs) if row is not None else None
        self.empty.setVisible(row is None)
        self.texts.setVisible(row is not None)
        self.runs_scroll.setVisible(row is not None)
        if row is None:
            self.header.setText("")
            return
        header = fill(self.tr("Row %1"), row.id)
        if row.category:
            header = fill(self.tr("%1 · %2"), header, row.category)
        self.header.setText(header)
        self.input_box.setPlainText(row.input)
        self.expected_box.setPlainText(row.expected)
        while len(self.columns) < len(runs):
            self.columns.append(RunColumn())
        for i, column in enumerate(self.columns):
            if i < len(runs):
                column.show_result(runs[i], row.id)
                column.show()
            else:
                column.hide()
        self.shown = len(runs)
        self.per_line = 0  # place them again
        self._reflow()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._reflow()

    def _reflow(self) -> None:
        shown = self.columns[: self.shown]
        width = self.runs_scroll.viewport().width() or self.width()
        per_line = max(1, min(len(shown) or 1, (width + 8) // (COLUMN_MIN_WIDTH + 8)))
        if per_line == self.per_line:
            return
        self.per_line = per_line
        for column in self.columns:
            self.runs_grid.removeWidget(column)
        for i, column in enumerate(shown):
            self.runs_grid.addWidget(column, i // per_line, i % per_line)
        for c in range(self.runs_grid.columnCount()):
            self.runs_grid.setColumnStretch(c, 1 if c < per_line else 0)


def row_tsv(row, runs) -> str:
    """The row as tab-separated text: a header line and one line per run (for a spreadsheet or a mail)."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="\t", lineterminator="\n")
    translate = QCoreApplication.translate
    writer.writerow(
        [
            translate("ExampleView", "Row"),
            translate("ExampleView", "Category"),
            translate("ExampleView", "Input"),
            translate("ExampleView", "Expected"),
            translate("ExampleView", "Run"),
            translate("ExampleView", "Outcome"),
            translate("ExampleView", "Output"),
            translate("ExampleView", "Checks"),
        ]
    )
    for entry in runs:
        result = entry.results.get(row.id)
        output = "" if result is None else (result.output if result.error is None else error_text(result.error))
        checks = "; ".join(verdict_line(v) for v in (result.verdicts if result else ()))
        writer.writerow(
            [
                row.id,
                row.category,
                row.input,
                row.expected,
                entry.label,
                words.outcome_sentence(entry.outcome.get(row.id)),
                output or "",
                checks,
            ]
        )
    return buf.getvalue()
