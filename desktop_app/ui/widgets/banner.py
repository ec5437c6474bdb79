"""An inline banner at the top of a page: what went wrong and what to do, never a traceback.

Pages show core errors (AppError's message and hint, or a task's ErrorRecord) here instead
of a modal dialog, so the user keeps working and nothing they made is touched.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

_STYLES = {
    # Tinted backgrounds readable on light and dark palettes.
    "error": "background: rgba(220, 53, 69, 0.16); border: 1px solid rgba(220, 53, 69, 0.55);",
    "warning": "background: rgba(255, 193, 7, 0.18); border: 1px solid rgba(255, 193, 7, 0.6);",
    "info": "background: rgba(13, 110, 253, 0.12); border: 1px solid rgba(13, 110, 253, 0.45);",
}


class Banner(QFrame):
    """Hidden until ``show_message``; the close button hides it again."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.message_label = QLabel()
        self.hint_label = QLabel()
        for label in (self.message_label, self.hint_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # messages may quote dataset text
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.message_label.font()
        font.setBold(True)
        self.message_label.setFont(font)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.message_label)
        text.addWidget(self.hint_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addLayout(text, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.kind = ""
        self.hide()

    def show_message(self, message: str, hint: str = "", kind: str = "error") -> None:
        self.kind = kind
        self.setStyleSheet(f"QFrame#banner {{ {_STYLES.get(kind, _STYLES['info'])} border-radius: 4px; }}")
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.message_label.setText(message)
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))
        self.show()

    def show_error(self, error) -> None:
        """Show an AppError, a task's ErrorRecord, or any exception, in plain words."""
        message = getattr(error, "message", None) or str(error)
        hint = getattr(error, "hint", "") or ""
        self.show_message(message, hint, "error")

    def clear(self) -> None:
        self.hide()
        self.message_label.clear()
        self.hint_label.clear()
