"""What every page of the step list shares: a title, a short purpose line, a project slot."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from desktop_app.core.project.folder import Project


class Page(QWidget):
    """A step page. Subclasses give ``title()`` and build their body in ``build()``.

    Pages never reach into each other: a page asks the window to show another step with
    ``navigate.emit(step_key, payload)`` (the target's ``focus(payload)`` is then called), and
    says it changed the project with ``project_modified.emit(what)`` — what is one of
    "dataset", "knowledge", "connection", "judge", "variants", "checks", "runs", "settings" — upon
    which every other page's ``on_project_modified(what)`` runs.
    """

    navigate = Signal(str, object)
    project_modified = Signal(str)
    notice = Signal(str)  # a sentence for the window's status bar, seen from any step (results arrived)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.project: Project | None = None
        self.title_label = QLabel()
        self.title_label.setObjectName("pageTitle")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(24, 18, 24, 18)
        self.layout_.addWidget(self.title_label)
        self.build()
        self.retranslate()

    def title(self) -> str:
        """The page's heading, translated; every page gives its own."""
        return ""

    def build(self) -> None:
        """Add the page's widgets to ``self.layout_``."""

    def retranslate(self) -> None:
        """Set every visible string again (called on start and when the language changes)."""
        self.title_label.setText(self.title())

    def set_project(self, project) -> None:
        """The open project changed (``None``: no project open)."""
        self.project = project

    def focus(self, payload) -> None:
        """Another page sent the user here with ``payload`` (e.g. {"run": name, "rows": [...]})."""

    def on_project_modified(self, what: str) -> None:
        """Another page changed part of the open project; refresh what depends on it."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            # Panels inside a page set their words in their own retranslate(); a page need not
            # remember to call each of them (a missed one stayed English after a live switch).
            for child in self.findChildren(QWidget):
                again = getattr(child, "retranslate", None)
                if not isinstance(child, Page) and callable(again):
                    again()
        super().changeEvent(event)
