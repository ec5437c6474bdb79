"""What the Grid and Advice pages share: the one diagnosis task, its busy row, failures, empty states.

Both pages draw the same diagnosis (desktop_app/ui/advice/source.py) and only differ in what they
draw and in their words. Each page gives its words through ``_empty_texts`` and
``_internal_error_texts``, so every sentence stays a ``self.tr`` literal of its own page.
(It lives next to base.py, not under ui/advice, so importing it never imports the pages package
half-way through.)
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QStackedWidget

from desktop_app.ui.advice.source import shared_source
from desktop_app.ui.advice.states import BusyRow, EmptyState
from desktop_app.ui.widgets.page import Page
from desktop_app.ui.tasks import ErrorRecord
from desktop_app.ui.widgets.banner import Banner


class DiagnosisPage(Page):
    """A page that draws the shared diagnosis.

    ``build()`` calls ``_build_diagnosis()`` first, then puts ``self.banner``, ``self.busy`` and
    ``self.stack`` (which holds ``self.empty``; the page adds its content) on screen. Subclasses
    give ``refresh()``, ``_on_finished(result)``, ``_empty_texts(kind)`` and
    ``_internal_error_texts()``.
    """

    def _build_diagnosis(self) -> None:
        self.result = None
        self._empty: tuple[str, str, str] = ("no_project", "", "")
        self.source = shared_source()  # one diagnosis task for this page and its twin
        self.source.finished.connect(self._on_finished)
        self.source.failed.connect(self._on_failed)
        self.source.busy_changed.connect(self._update_busy)
        self.source.cancelled.connect(self._on_cancelled)
        self.banner = Banner()
        self.busy = BusyRow()
        self.busy.cancel_requested.connect(self.source.cancel)
        self.empty = EmptyState()
        self.empty.action_requested.connect(self._on_empty_action)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)

    def refresh(self) -> None:
        """Ask for the diagnosis of the open project again."""

    def _on_finished(self, result) -> None:
        """A diagnosis arrived (of any project: check ``_mine(result.root)``)."""

    def _empty_texts(self, kind: str) -> tuple[str, str, str, str, str]:
        """(headline, detail, hint, button, step) of the empty state ``kind``: "no_project",
        "loading", "stopped", "no_runs" or "failed". For "no_runs" the core's own message and hint,
        when there are any, replace detail and hint."""
        return ("", "", "", "", "")

    def _internal_error_texts(self) -> tuple[str, str]:
        """(message, hint) of the banner shown when the diagnosis failed on a bug."""
        return ("", "")

    def _mine(self, root: str) -> bool:
        return self.project is not None and root == str(self.project.root)

    @Slot()
    def _on_cancelled(self) -> None:
        if self.project is not None and self.result is None:
            self._set_empty("stopped")

    @Slot(str)
    def _on_empty_action(self, step: str) -> None:
        if step == "retry":
            self._set_empty("loading")
            self.refresh()
        else:
            self.navigate.emit(step, None)

    @Slot()
    def _update_busy(self) -> None:
        self.busy.setVisible(self.project is not None and self.source.is_running())

    @Slot(object, str)
    def _on_failed(self, error: ErrorRecord, root: str) -> None:
        if not self._mine(root):
            return
        if error.exc_type == "RunError":  # no runs (with answers) yet: not an error, a next step
            self.result = None
            self._set_empty("no_runs", error.message, error.hint)
        elif error.is_app_error:
            self.banner.show_error(error)  # e.g. a target outside 1-100%: what was shown before stays
            if self.result is None:
                self._set_empty("failed")
        else:
            self.banner.show_message(*self._internal_error_texts())
            if self.result is None:
                self._set_empty("failed")

    def _set_empty(self, kind: str, message: str = "", hint: str = "") -> None:
        self._empty = (kind, message, hint)
        self._show_empty()
        self.stack.setCurrentWidget(self.empty)

    def _show_empty(self) -> None:
        kind, message, hint = self._empty
        headline, detail, default_hint, button, step = self._empty_texts(kind)
        self.empty.show_state(headline, message or detail, hint or default_hint, button, step)
