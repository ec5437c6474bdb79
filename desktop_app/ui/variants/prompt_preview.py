"""The live prompt preview: the exact messages a variant sends for the first evaluation row."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from desktop_app.core.records import Passage, Row
from desktop_app.core.variants.variant import Variant, build_messages


def role_label(role: str) -> str:
    if role == "system":
        return QCoreApplication.translate("PromptPreview", "System")
    if role == "assistant":
        return QCoreApplication.translate("PromptPreview", "Assistant (example answer)")
    return QCoreApplication.translate("PromptPreview", "User")


def stand_in_passages(variant: Variant) -> tuple[Passage, ...]:
    """A labelled stand-in for retrieval: the preview never searches (no index, no model calls)."""
    if not variant.uses_retrieval:
        return ()
    text = QCoreApplication.translate(
        "PromptPreview", "(the passages retrieved from your documents for this question go here)"
    )
    return (Passage(text=text, source=QCoreApplication.translate("PromptPreview", "your documents")),)


def render_messages(messages: list[dict]) -> str:
    """Messages as plain text, one block per message under its role."""
    blocks = []
    for message in messages:
        title = role_label(message.get("role", "user"))
        blocks.append(f"── {title} ──\n{message.get('content', '')}")
    return "\n\n".join(blocks)


class PromptPreview(QPlainTextEdit):
    """Read-only, monospace, plain text (rows are user data and are never read as HTML)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._row: Row | None = None
        self._examples: list[Row] = []
        self._state = "loading"  # loading | ready | no_rows
        self._passages: tuple[Passage, ...] = ()

    def set_rows(self, row: Row | None, examples: list[Row], state: str = "ready", passages=()) -> None:
        """``passages``: what a keyword search of the documents finds for ``row`` (no model call)."""
        self._row, self._examples, self._state = row, list(examples), state
        self._passages = tuple(passages or ())

    def show_variant(self, variant: Variant | None) -> None:
        if variant is None:
            self.setPlainText("")
        elif self._state == "loading":
            self.setPlainText(QCoreApplication.translate("PromptPreview", "Loading the first evaluation row…"))
        elif self._row is None:
            self.setPlainText(
                QCoreApplication.translate(
                    "PromptPreview", "Import an evaluation set under Data to see the prompt of its first row here."
                )
            )
        else:
            found = self._passages[: variant.top_k or None] if variant.uses_retrieval else ()
            messages = build_messages(variant, self._row, self._examples, found or stand_in_passages(variant))
            self.setPlainText(render_messages(messages))
