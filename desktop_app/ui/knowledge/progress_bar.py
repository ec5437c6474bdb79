"""The indexing progress row: a bar, what is being done, and Cancel (which keeps the files done)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from desktop_app.ui.knowledge import texts


class IndexingProgress(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bar = QProgressBar()
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # file names
        self.cancel_button = QPushButton()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar, 1)
        row.addWidget(self.label, 2)
        row.addWidget(self.cancel_button)
        self._stopping = False
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("&Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop after the current file; the files already indexed stay"))

    def start(self) -> None:
        self._stopping = False
        self.bar.setRange(0, 0)
        self.label.setText(self.tr("Opening the index…"))
        self.cancel_button.setEnabled(True)

    def stopping(self) -> None:
        self._stopping = True
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Stopping after the current file…"))

    def set_progress(self, event) -> None:
        text, done, total = texts.progress_text(event)
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        else:
            self.bar.setRange(0, 0)  # a stage of unknown length: the bar shows activity
        if text and not self._stopping:
            self.label.setText(text)
