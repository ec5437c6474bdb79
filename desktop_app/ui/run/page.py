"""The Run step: which variants run, what it will cost, then a progress bar per variant.

Three tasks, one view each: *load* (quick: connection preset, the variants to run, interrupted
runs and error rows from the store), *plan* (quick: the estimate; it may retrieve passages for
RAG variants) and *run* (network pool: plan again, then the asyncio runner). Cancel is
``TaskRunner.stop``: the runner keeps every finished row and the task still reports back, and
the page can offer "Resume 214/360". Ctrl+R arrives as ``focus({"start": True})``.
The widgets and their sentences live in ``run.run_view.RunView``; this module runs the tasks.
"""

from __future__ import annotations


from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent

from desktop_app.ui.widgets.page import Page
from desktop_app.ui.run import batch_work, texts, work
from desktop_app.ui.run.batches_panel import notice_text
from desktop_app.ui.run.import_run_dialog import ImportRunDialog
from desktop_app.ui.run.run_view import RunView, ViewState
from desktop_app.ui.tasks import ErrorRecord, TaskRunner, network_pool
from desktop_app.ui.widgets.banner import Banner
from desktop_app.ui.language import localized


class RunPage(Page):
    def title(self) -> str:
        return self.tr("Run")

    # -- building ---------------------------------------------------------------------------
    def build(self) -> None:
        self.info: work.LoadInfo | None = None
        self.plan: work.PlanInfo | None = None
        self.dirty = True
        self.session: dict[str, dict] = {}  # variant name -> its last event in this app session
        self.outcome_text = ""
        self.import_dialog: ImportRunDialog | None = None
        self.banner_from_state = False  # the banner shows a load/plan warning (not a run or import message)
        self.plan_failed = False  # the estimate failed with a plain reason: Start would fail the same way

        self.banner = Banner()
        self.view = RunView()
        v = self.view
        v.connection_button.clicked.connect(lambda: self.navigate.emit("connection", None))
        v.change_button.clicked.connect(lambda: self.navigate.emit("variants", None))
        v.offline_import_button.clicked.connect(self.open_import_dialog)
        v.import_button.clicked.connect(self.open_import_dialog)
        v.resume_button.clicked.connect(self.resume)
        v.start_button.clicked.connect(lambda: self.start())
        v.cancel_button.clicked.connect(self.cancel)
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape), self, self.cancel, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.view, 1)  # the window scrolls pages that outgrow it

        self.load_runner = TaskRunner(self)
        self.load_runner.finished.connect(self._on_loaded)
        self.load_runner.failed.connect(self._on_failed)
        self.plan_runner = TaskRunner(self)
        self.plan_runner.finished.connect(self._on_planned)
        self.plan_runner.failed.connect(self._on_plan_failed)
        self.run_runner = TaskRunner(self, pool=network_pool())
        self.run_runner.partial.connect(self._on_partial)
        self.run_runner.progress.connect(self._on_progress)
        self.run_runner.finished.connect(self._on_run_finished)
        self.run_runner.failed.connect(self._on_run_failed)
        self.import_runner = TaskRunner(self)
        self.import_runner.finished.connect(self._on_imported)
        self.import_runner.failed.connect(self._on_failed)
        # Batches: sending, checking and cancelling talk to the provider (network pool, one at a time).
        self.batches_info = batch_work.BatchesInfo()
        self.sending = False  # the batch task is a send (Cancel stops it before the next file)
        self.batch_runner = TaskRunner(self, pool=network_pool())
        self.batch_runner.finished.connect(self._on_batches)
        self.batch_runner.failed.connect(self._on_batch_failed)
        self.batch_runner.progress.connect(v.batches.show_progress)
        v.batches.refresh_requested.connect(self.check_batches)
        v.batches.cancel_requested.connect(self.cancel_batch)
        self._show()

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "view"):
            self.view.retranslate()

    # -- project ----------------------------------------------------------------------------
    def set_project(self, project) -> None:
        super().set_project(project)
        for runner in (self.load_runner, self.plan_runner, self.import_runner):
            runner.cancel()
        self.run_runner.cancel()  # the old project's run stops; its finished rows are kept
        self.batch_runner.cancel()
        self.batches_info = batch_work.BatchesInfo()
        self.view.batches.show_info(self.batches_info)
        self.info = self.plan = None
        self.session.clear()
        self.outcome_text = ""
        self.banner.clear()
        self.view.rows.clear()
        self.view.errors.set_rows([])
        self.dirty = True
        self._show()
        if project is not None:  # batches sent in an earlier session are checked on opening
            self.check_batches()
        if self.isVisible():
            self.refresh()

    def on_project_modified(self, what: str) -> None:
        self.dirty = True
        if self.isVisible() and not self.is_running():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.dirty and not self.is_running():
            self.refresh()

    def focus(self, payload) -> None:
        if isinstance(payload, dict) and payload.get("start"):
            self.start()

    def refresh(self) -> None:
        """Read the project again: variants, interrupted runs, error rows; then the estimate."""
        if self.project is None:
            return
        self.dirty = False
        self.plan_runner.cancel()
        self.load_runner.start(work.load, work.snapshot(self.project))
        self._show()

    def is_running(self) -> bool:
        return self.run_runner.is_running()

    # -- load and plan ----------------------------------------------------------------------
    @Slot(object)
    def _on_loaded(self, info: work.LoadInfo) -> None:
        self.info = info
        self.plan = None
        self.plan_failed = False
        problem = info.data_problem or info.selection_problem
        if problem is not None and info.preset != "offline":
            self._warn(localized(problem.message), localized(problem.hint))
        elif self.banner_from_state:  # what stopped planning before is fixed: its warning goes
            self.banner.clear()
            self.banner_from_state = False
        self.view.errors.set_rows(info.error_rows)
        if not self.is_running():
            self.view.rows.set_names(info.variants)
            for name, event in self.session.items():
                if name in self.view.rows.rows:
                    self.view.rows.update_event(event)
            if info.preset != "offline" and problem is None and info.variants:
                self.plan_runner.start(work.plan, work.snapshot(self.project), None)
        self._show()

    @Slot(object)
    def _on_planned(self, plan: work.PlanInfo) -> None:
        self.plan = plan
        if not self.is_running():
            self.view.rows.set_plan(plan.lines, self.session)
        self._show()

    @Slot(object)
    def _on_plan_failed(self, error: ErrorRecord) -> None:
        if error.is_app_error:
            self._warn(error.message, error.hint)
            self.plan_failed = True
        self._show()

    def _warn(self, message: str, hint: str) -> None:
        """A warning about the project's state (no data, nothing ticked...), cleared once it is fixed."""
        self.banner.show_message(message, hint, "warning")
        self.banner_from_state = True

    def _say(self, message: str, hint: str = "", kind: str = "info") -> None:
        self.banner.show_message(message, hint, kind)
        self.banner_from_state = False

    @Slot(object)
    def _on_failed(self, error: ErrorRecord) -> None:
        if error.is_app_error:
            self._say(error.message, error.hint, "error")
        self._show()

    # -- running ----------------------------------------------------------------------------
    def start(self, names: list[str] | None = None) -> bool:
        """Run ``names`` (None: the variants to run); False when nothing was started and why is shown."""
        if self.is_running() or self.project is None:
            return False
        if self.info is not None and self.info.preset == "offline":
            self._say(
                self.tr("This project is offline, so nothing can be run."),
                self.tr("Choose a model server under Connection, or import a run."),
            )
            return False
        if self.view.batch_check.isVisible() and self.view.batch_check.isChecked():
            return self.submit_batches(names)
        self.plan_runner.cancel()
        self.banner.clear()
        self.session.clear()
        self.outcome_text = ""
        self.run_runner.start(work.run, work.snapshot(self.project), names)
        self._show()
        self.view.totals_label.setText(self.tr("Planning the run…"))
        return True

    @Slot()
    def resume(self) -> None:
        if self.info is not None and self.info.interrupted:
            self.start([i.name for i in self.info.interrupted])

    @Slot()
    def cancel(self) -> None:
        if self.sending and self.batch_runner.is_running() and not self.batch_runner.is_stopping():
            self.batch_runner.stop()  # batches already sent stay sent; the rest are not
            self._show()
            return
        if self.is_running() and not self.run_runner.is_stopping():
            self.run_runner.stop()  # finished rows and the outcome still arrive
            self.view.show_stopping()

    @Slot(object)
    def _on_partial(self, item) -> None:
        kind, value = item
        if kind == "plan":
            self.plan = value
            self.view.rows.set_plan(value.lines)
            self.view.rows.mark_waiting()
        else:
            self.session[value["run"]] = value
            self.view.rows.update_event(value)
        self._show_live()

    @Slot(object)
    def _on_progress(self, event: dict) -> None:
        self.session[event["run"]] = event
        self.view.rows.update_event(event)
        self._show_live()

    def _show_live(self) -> None:
        if self.run_runner.is_stopping():
            return  # keep saying "Stopping…" until the runner has stopped
        self.view.show_totals(running=True)

    @Slot(object)
    def _on_run_finished(self, outcome: work.RunOutcome) -> None:
        self.outcome_text = texts.outcome_text(outcome)
        self._after_run()

    @Slot(object)
    def _on_run_failed(self, error: ErrorRecord) -> None:
        self.outcome_text = self.tr("The run stopped. Finished rows are kept.")
        if error.is_app_error:
            self._say(error.message, error.hint, "error")
        self._after_run()

    def _after_run(self) -> None:
        self.project_modified.emit("runs")  # rows were stored, whatever the ending
        self.refresh()  # interrupted runs, error rows, and what is left to do

    # -- batches ----------------------------------------------------------------------------
    def submit_batches(self, names: list[str] | None = None) -> bool:
        if self.batch_runner.is_running() or self.project is None:
            return False
        self.banner.clear()
        self.sending = True
        self.batch_runner.start(batch_work.submit, work.snapshot(self.project), names)
        self._show_batches()
        self._show()
        return True

    @Slot()
    def check_batches(self) -> None:
        """Ask the provider about open batches and store what arrived (quick when none is open)."""
        if self.project is None or self.batch_runner.is_running():
            return
        self.sending = False
        self.batch_runner.start(batch_work.check, work.snapshot(self.project))
        self._show_batches()

    @Slot(str)
    def cancel_batch(self, batch_id: str) -> None:
        if self.project is None or self.batch_runner.is_running():
            return
        self.sending = False
        self.batch_runner.start(batch_work.cancel, work.snapshot(self.project), batch_id)
        self._show_batches()

    @Slot(object)
    def _on_batches(self, info: batch_work.BatchesInfo) -> None:
        self.batches_info = info
        self._show_batches()
        if info.collected:
            self.notice.emit(notice_text(info))
        if info.submitted or info.collected or info.answered:  # rows were stored: other pages read them
            self.project_modified.emit("runs")
            self.refresh()
        else:
            self._show()

    @Slot(object)
    def _on_batch_failed(self, error: ErrorRecord) -> None:
        if error.is_app_error:
            self._say(error.message, error.hint, "error")
        self._show_batches()
        self._show()

    def _show_batches(self) -> None:
        self.view.batches.show_info(self.batches_info, busy=self.batch_runner.is_running())

    # -- import -----------------------------------------------------------------------------
    @Slot()
    def open_import_dialog(self) -> None:
        if self.project is None:
            return
        dialog = ImportRunDialog(self, str(self.project.root))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.start_import(dialog.params()))
        self.import_dialog = dialog
        dialog.open()  # window-modal, never blocks the event loop

    def start_import(self, params: work.ImportParams) -> None:
        if self.project is None:
            return
        self._say(self.tr("Importing the run…"))
        self.import_runner.start(work.import_outputs, work.snapshot(self.project), params)

    @Slot(object)
    def _on_imported(self, report: dict) -> None:
        message, hint, kind = texts.import_text(report)
        self._say(message, hint, kind)
        self.project_modified.emit("runs")
        self.refresh()

    # -- showing ----------------------------------------------------------------------------
    def _show(self) -> None:
        self.view.show_state(
            ViewState(
                has_project=self.project is not None,
                info=self.info,
                plan=self.plan,
                planning=self.plan_runner.is_running(),
                running=self.is_running(),
                stopping=self.run_runner.is_stopping() or (self.sending and self.batch_runner.is_stopping()),
                session=bool(self.session),
                outcome_text=self.outcome_text,
                blocked=self.plan_failed,
                submitting=self.sending and self.batch_runner.is_running(),
                batch_busy=self.batch_runner.is_running(),
            )
        )
