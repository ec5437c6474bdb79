"""Review: a person goes through answers with the keyboard and says right or wrong.

R marks the answer right, W wrong, S (or Space) skips it, B goes back. What the person says is
stored at once in the project's results store (a one-row upsert: far below a frame, so it is
written on the GUI thread and a fast reviewer never races a background writer); it replaces the
automatic content verdict of that answer everywhere, and measures how far the automatic
verdicts can be trusted. Every text from the data is shown as plain text.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.words import fill


@dataclass(frozen=True)
class ReviewItem:
    """One answer to review, as plain data."""

    run_id: int
    run_label: str
    row_id: str
    question: str
    expected: str
    output: str
    automatic: str  # the automatic verdict as a sentence
    label: str | None = None  # the person's verdict so far ("right" | "wrong")


def _text_box() -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setReadOnly(True)
    box.setTabChangesFocus(True)
    box.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys belong to the review, not the text
    return box


class ReviewDialog(QDialog):
    """``reviewed`` fires after each verdict stored (the Results page reloads when it closes)."""

    reviewed = Signal()

    def __init__(self, results_db, items: list[ReviewItem], parent: QWidget | None = None):
        super().__init__(parent)
        from desktop_app.core.run.store import ResultStore  # noqa: PLC0415 - the store is opened only to review

        self.setWindowTitle(self.tr("Review answers"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.store = ResultStore(results_db)
        self.items = list(items)
        self.index = 0
        self.marked = 0
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.question, self.expected, self.answer = _text_box(), _text_box(), _text_box()
        self.automatic = QLabel()
        self.automatic.setTextFormat(Qt.TextFormat.PlainText)
        self.automatic.setWordWrap(True)
        self.captions = [QLabel() for _ in range(3)]
        grid = QGridLayout()
        for row, (caption, box) in enumerate(zip(self.captions, (self.question, self.expected, self.answer))):
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(box, row, 1)
        # The answer is what is judged: it gets the room; question and expected answer are short.
        line = self.fontMetrics().lineSpacing()
        for box in (self.question, self.expected):
            box.setMaximumHeight(5 * line + 12)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        grid.setRowStretch(2, 4)
        self.right_button, self.wrong_button = QPushButton(), QPushButton()
        self.skip_button, self.back_button, self.close_button = QPushButton(), QPushButton(), QPushButton()
        self.right_button.clicked.connect(lambda: self.mark("right"))
        self.wrong_button.clicked.connect(lambda: self.mark("wrong"))
        self.skip_button.clicked.connect(self.skip)
        self.back_button.clicked.connect(self.back)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for b in (self.right_button, self.wrong_button, self.skip_button, self.back_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        for key, slot in (
            ("R", lambda: self.mark("right")),
            ("W", lambda: self.mark("wrong")),
            ("S", self.skip),
            ("Space", self.skip),
            ("B", self.back),
        ):
            QShortcut(QKeySequence(key), self, slot)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(grid, 1)
        layout.addWidget(self.automatic)
        layout.addLayout(buttons)
        self.resize(760, 560)
        self.retranslate()
        self.show_item()

    def retranslate(self) -> None:
        for caption, text in zip(self.captions, (self.tr("Question"), self.tr("Expected"), self.tr("Answer"))):
            caption.setText(text)
        self.right_button.setText(self.tr("Right (R)"))
        self.wrong_button.setText(self.tr("Wrong (W)"))
        self.skip_button.setText(self.tr("Skip (S)"))
        self.back_button.setText(self.tr("Back (B)"))
        self.close_button.setText(self.tr("Close"))
        self.right_button.setToolTip(self.tr("The answer carries the expected facts"))
        self.wrong_button.setToolTip(self.tr("A fact is missing, wrong or denied, or the answer declines"))

    # -- walking through the answers ----------------------------------------------------------------
    def current(self) -> ReviewItem | None:
        return self.items[self.index] if 0 <= self.index < len(self.items) else None

    def show_item(self) -> None:
        item = self.current()
        for w in (self.right_button, self.wrong_button, self.skip_button):
            w.setEnabled(item is not None)
        self.back_button.setEnabled(self.index > 0)
        if item is None:
            self.header.setText(fill(self.tr("Done: %1 answers reviewed in this session."), self.marked))
            for box in (self.question, self.expected, self.answer):
                box.clear()
            self.automatic.setText(self.tr("Your verdicts now count in Results, on the maps and in the advice."))
            self.close_button.setFocus()
            return
        header = fill(
            self.tr("Answer %1 of %2 · run %3 · row %4"), self.index + 1, len(self.items), item.run_label, item.row_id
        )
        if item.label:
            header += " · " + (self.tr("you said right") if item.label == "right" else self.tr("you said wrong"))
        self.header.setText(header)
        self.question.setPlainText(item.question)
        self.expected.setPlainText(item.expected)
        self.answer.setPlainText(item.output)
        self.automatic.setText(fill(self.tr("Automatic verdict: %1"), item.automatic))

    def mark(self, label: str) -> None:
        item = self.current()
        if item is None:
            return
        self.store.set_review(item.run_id, item.row_id, item.output, label)
        self.items[self.index] = ReviewItem(**{**item.__dict__, "label": label})
        self.marked += 1
        self.reviewed.emit()
        self.index += 1
        self.show_item()

    def skip(self) -> None:
        if self.current() is not None:
            self.index += 1
            self.show_item()

    def back(self) -> None:
        if self.index > 0:
            self.index -= 1
            self.show_item()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.store.close()
        super().closeEvent(event)
