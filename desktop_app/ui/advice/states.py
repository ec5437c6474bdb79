"""Two small states both advice pages show: "working on it" (with Cancel) and "nothing to show yet"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget


class BusyRow(QWidget):
    """An indeterminate bar, what is being done, and Cancel; hidden while nothing runs."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(160)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.bar)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        self.hide()

    def set_texts(self, label: str, cancel: str) -> None:
        self.label.setText(label)
        self.cancel_button.setText(cancel)


class EmptyState(QWidget):
    """A headline, a plain explanation and one button that leads where the user can act."""

    action_requested = Signal(str)  # the step key of the button

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.headline = QLabel()
        self.headline.setObjectName("emptyHeadline")
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.headline.setFont(font)
        self.detail = QLabel()
        self.hint = QLabel()
        for label in (self.headline, self.detail, self.hint):
            label.setTextFormat(Qt.TextFormat.PlainText)  # core messages may quote project text
            label.setWordWrap(True)
        self.button = QPushButton()
        self.step = ""
        self.button.clicked.connect(lambda: self.action_requested.emit(self.step))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 24, 0, 0)
        layout.addWidget(self.headline)
        layout.addWidget(self.detail)
        layout.addWidget(self.hint)
        layout.addSpacing(8)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def show_state(self, headline: str, detail: str, hint: str = "", button: str = "", step: str = "") -> None:
        self.headline.setText(headline)
        self.detail.setText(detail)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.step = step
        self.button.setText(button)
        self.button.setVisible(bool(button and step))
