"""The sample row of the live preview: pick a row, see its input and expected answer, type an output.

``changed`` fires (debounced) whenever the row or the output changes; the page then runs
the checks on it. Everything from the data is shown as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

DEBOUNCE_MS = 200
ROW_LIMIT = 500  # the picker lists the first rows; a sample needs no more


def _one_line(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class SamplePreview(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list = []
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.changed)
        self.row_combo = QComboBox()
        self.row_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.row_combo.setMinimumContentsLength(12)
        self.input_view = QPlainTextEdit(readOnly=True)
        self.expected_view = QPlainTextEdit(readOnly=True)
        self.output_edit = QPlainTextEdit()
        self.output_edit.setTabChangesFocus(True)
        self.reset_button = QPushButton()
        self.row_caption, self.input_caption = QLabel(), QLabel()
        self.expected_caption, self.output_caption = QLabel(), QLabel()
        for caption in (self.input_caption, self.expected_caption, self.output_caption):
            caption.setWordWrap(True)
        self.row_caption.setBuddy(self.row_combo)
        self.output_caption.setBuddy(self.output_edit)
        for view in (self.input_view, self.expected_view, self.output_edit):
            view.setMinimumHeight(48)
            view.setMaximumHeight(150)  # the checks list above gets the spare height

        top = QHBoxLayout()
        top.addWidget(self.row_caption)
        top.addWidget(self.row_combo, 1)
        top.addWidget(self.reset_button)
        grid = QGridLayout()
        grid.addWidget(self.input_caption, 0, 0)
        grid.addWidget(self.expected_caption, 0, 1)
        grid.addWidget(self.output_caption, 0, 2)
        grid.addWidget(self.input_view, 1, 0)
        grid.addWidget(self.expected_view, 1, 1)
        grid.addWidget(self.output_edit, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top, 0, 0)
        layout.addLayout(grid, 1, 0)

        self.row_combo.currentIndexChanged.connect(self._on_row)
        self.output_edit.textChanged.connect(self._timer.start)
        self.reset_button.clicked.connect(self.reset_output)
        self.retranslate()

    def retranslate(self) -> None:
        self.row_caption.setText(self.tr("Sample &row:"))
        self.input_caption.setText(self.tr("Input"))
        self.expected_caption.setText(self.tr("Expected answer"))
        self.output_caption.setText(self.tr("&Output to check (type or paste)"))
        self.reset_button.setText(self.tr("Use the e&xpected answer"))
        self.output_edit.setPlaceholderText(self.tr("Type an answer a model might give…"))

    def set_rows(self, rows: list) -> None:
        """Show ``rows`` (Row records) in the picker and select the first."""
        self.rows = list(rows[:ROW_LIMIT])
        self.row_combo.blockSignals(True)
        self.row_combo.clear()
        for row in self.rows:
            self.row_combo.addItem(f"{row.id} — {_one_line(row.input)}")  # combo items are plain text
        self.row_combo.blockSignals(False)
        self.setEnabled(bool(self.rows))
        self._on_row()

    def current_row(self):
        index = self.row_combo.currentIndex()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def output(self) -> str:
        return self.output_edit.toPlainText()

    def flush(self) -> None:
        """Fire a pending ``changed`` now (tests, and before a model check)."""
        if self._timer.isActive():
            self._timer.stop()
            self.changed.emit()

    @Slot()
    def _on_row(self) -> None:
        row = self.current_row()
        self.input_view.setPlainText(row.input if row else "")
        self.expected_view.setPlainText(row.expected if row else "")
        self.reset_output()

    @Slot()
    def reset_output(self) -> None:
        row = self.current_row()
        self.output_edit.setPlainText(row.expected if row else "")  # a correct answer: every check should pass
        self._timer.stop()
        self.changed.emit()
