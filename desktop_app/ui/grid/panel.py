"""A map with its title, a reading line under it and a Save button (no pyqtgraph import here)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class MapPanel(QWidget):
    def __init__(self, view: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
        self.title = QLabel()
        self.title.setObjectName("mapTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton()
        self.view.setMinimumSize(300, 260)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.caption, 1)
        bottom.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

    def set_texts(self, title: str, caption: str, save: str) -> None:
        self.title.setText(title)
        self.caption.setText(caption)
        self.save_button.setText(save)
        self.view.setAccessibleName(title)
