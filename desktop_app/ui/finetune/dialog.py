"""The fine-tuning helper: one dialog, reached from Advice (when it recommends fine-tuning) and
from Variants. Prepare checks the training set; Train runs a job where the provider offers one;
Other routes exports for local trainers and DPO; Register adds any tuned model as variants.
``variants_added`` tells the opener that project.json's variants changed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from desktop_app.ui.finetune.job_tab import JobTab
from desktop_app.ui.finetune.prepare_tab import PrepareTab
from desktop_app.ui.finetune.register_tab import RegisterTab
from desktop_app.ui.finetune.routes_tab import RoutesTab


class FineTuneDialog(QDialog):
    variants_added = Signal(object)  # the core's Registered

    def __init__(self, project, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fineTuneDialog")
        self.project = project
        self.prepare_tab = PrepareTab(project)
        self.job_tab = JobTab(project)
        self.routes_tab = RoutesTab(project)
        self.register_tab = RegisterTab(project)
        self.tabs = QTabWidget()
        for tab in (self.prepare_tab, self.job_tab, self.routes_tab, self.register_tab):
            self.tabs.addTab(tab, "")
        self.prepare_tab.prepared_changed.connect(self._on_prepared)
        self.job_tab.route_requested.connect(self._show_route)
        self.job_tab.registered.connect(self.variants_added)
        self.register_tab.registered.connect(self.variants_added)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(1000, 640)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Fine-tuning helper"))
        for i, text in enumerate(
            (
                self.tr("&1 Prepare"),
                self.tr("&2 Train with the provider"),
                self.tr("&3 Other routes"),
                self.tr("&4 Register a model"),
            )
        ):
            self.tabs.setTabText(i, text)
        for tab in (self.prepare_tab, self.job_tab, self.routes_tab, self.register_tab):
            tab.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(object)
    def _on_prepared(self, prepared) -> None:
        for tab in (self.job_tab, self.routes_tab, self.register_tab):
            tab.set_prepared(prepared)

    @Slot(str)
    def _show_route(self, which: str) -> None:
        self.tabs.setCurrentWidget(self.routes_tab if which == "routes" else self.register_tab)

    def done(self, result: int) -> None:
        for runner in (
            self.prepare_tab.runner,
            self.prepare_tab.saver,
            self.routes_tab.runner,
            self.routes_tab.pairs_runner,
            self.register_tab.runner,
        ):
            runner.cancel()
        self.job_tab.stop_watching()  # the job trains on at the provider; the helper follows it when reopened
        super().done(result)


def open_helper(parent: QWidget, project, on_added) -> FineTuneDialog:
    """Show the helper window-modal without blocking (tests drive it); ``on_added(Registered)``
    runs whenever variants were added."""
    dialog = FineTuneDialog(project, parent)
    dialog.variants_added.connect(on_added)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
