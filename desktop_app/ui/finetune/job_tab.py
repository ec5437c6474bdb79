"""The Train tab: a job at the provider (OpenAI, Azure OpenAI) with progress, events and Cancel.

A refusal is explained in plain words with the other routes one click away; a finished job
registers the tuned model as variants, on the GUI thread (the open project is edited here only).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.finetune import texts, work
from desktop_app.ui.tasks import ErrorRecord, TaskRunner, network_pool
from desktop_app.ui.widgets.banner import Banner
from desktop_app.ui.words import fill


class JobTab(QWidget):
    registered = Signal(object)  # the core's Registered
    route_requested = Signal(str)  # "routes" | "register"

    def __init__(self, project, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.prepared: Any = None
        self.cfg: Any = None
        self.cancel_flag = [False]  # read by the worker: on stop, cancel at the provider or only stop watching
        self.job: dict = {}  # the job being watched: id, model, prompt (kept in project.json as well)
        self.banner = Banner()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.suffix_label = QLabel()
        self.suffix_edit = QLineEdit("advisor")
        self.suffix_edit.setMaxLength(18)
        self.suffix_label.setBuddy(self.suffix_edit)
        form = QFormLayout()
        form.addRow(self.suffix_label, self.suffix_edit)
        self.start_button = QPushButton()
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.routes_button = QPushButton()
        self.routes_button.clicked.connect(lambda: self.route_requested.emit("routes"))
        self.register_button = QPushButton()
        self.register_button.clicked.connect(lambda: self.route_requested.emit("register"))
        for button in (self.routes_button, self.register_button):
            button.hide()
        self.follow_button = QPushButton()  # a job started earlier that had not ended
        self.follow_button.clicked.connect(self.follow_earlier)
        self.follow_button.hide()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.hide()
        self.events = QPlainTextEdit()
        self.events.setReadOnly(True)
        buttons = QHBoxLayout()
        for button in (
            self.start_button,
            self.follow_button,
            self.cancel_button,
            self.routes_button,
            self.register_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.events, 1)
        self.runner = TaskRunner(self, pool=network_pool())
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.running_changed.connect(self._on_running)
        self._read_connection()
        self.earlier = self._earlier_job()

    def _read_connection(self) -> None:
        from desktop_app.core.errors import AppError  # noqa: PLC0415
        from desktop_app.core.providers.connection import ConnectionConfig  # noqa: PLC0415

        try:
            self.cfg = ConnectionConfig.from_dict(self.project.section("connection"))
        except AppError:
            self.cfg = None

    def _earlier_job(self) -> dict:
        from desktop_app.core.finetune import history  # noqa: PLC0415

        if not self.can_train():
            return {}
        found = history.unfinished(self.project, history.endpoint_of(self.cfg))
        return found[0] if found else {}

    def can_train(self) -> bool:
        return self.cfg is not None and self.cfg.preset in ("openai", "azure", "local")

    def retranslate(self) -> None:
        self.suffix_label.setText(self.tr("Model name su&ffix:"))
        self.start_button.setText(self.tr("&Start training"))
        self.cancel_button.setText(self.tr("Cancel the &job"))
        self.routes_button.setText(self.tr("Export for a local &trainer"))
        self.register_button.setText(self.tr("&Register a model trained elsewhere"))
        self._update_follow()
        self._update_intro()

    def _update_intro(self) -> None:
        if not self.can_train():
            self.intro.setText(
                self.tr(
                    "This project is offline: no job can be started. Choose OpenAI or Azure "
                    "OpenAI under Connection, or take another route."
                )
            )
        elif self.prepared is None:
            self.intro.setText(self.tr("Check the examples on the Prepare tab first; the job trains on them."))
        else:
            est = self.prepared.estimate
            self.intro.setText(
                fill(
                    self.tr(
                        "Train %1 on %2 examples for %3 epochs at %4. Jobs run at the provider and are billed there; "
                        "Azure OpenAI serves the tuned model only after you deploy it."
                    ),
                    est.model,
                    len(self.prepared.training.train),
                    est.epochs,
                    self.cfg.server_url() or "OpenAI",
                )
            )
        self.start_button.setEnabled(self.can_train() and self.prepared is not None and not self.runner.is_running())

    def set_prepared(self, prepared) -> None:
        self.prepared = prepared
        self._update_intro()

    def start(self) -> None:
        if self.prepared is None or not self.can_train():
            return
        self.banner.clear()
        self.events.clear()
        for button in (self.routes_button, self.register_button):
            button.hide()
        est = self.prepared.estimate
        folder = self.project.exports_dir / "finetune"
        self.cancel_flag = [False]
        self.job = {"model": est.model, "prompt": dict(self.prepared.training.prompt)}
        self.runner.start(
            work.train,
            self.cfg,
            self.prepared,
            str(folder),
            est.model,
            est.epochs,
            self.suffix_edit.text().strip(),
            self.cancel_flag,
        )

    def follow_earlier(self) -> None:
        if not self.earlier or not self.can_train():
            return
        self.banner.clear()
        self.events.clear()
        self.follow_button.hide()
        self.cancel_flag = [False]
        self.job = dict(self.earlier)
        self.runner.start(work.follow, self.cfg, self.earlier["id"], self.cancel_flag)

    def _update_follow(self) -> None:
        self.follow_button.setText(fill(self.tr("F&ollow job %1 started earlier"), self.earlier.get("id", "")))
        self.follow_button.setVisible(bool(self.earlier) and not self.runner.is_running())

    def stop_watching(self) -> None:
        """Closing the window: the job keeps training at the provider and can be followed again."""
        self.cancel_flag[0] = False
        self.runner.cancel()

    def cancel(self) -> None:
        self.cancel_flag[0] = True
        self.runner.stop()  # the job is cancelled at the provider, and that last state still arrives
        self.status.setText(self.tr("Cancelling the job at the provider…"))

    @Slot(bool)
    def _on_running(self, running: bool) -> None:
        self.cancel_button.setEnabled(running)
        self.bar.setVisible(running or self.bar.value() > 0)
        self._update_intro()
        self._update_follow()

    @Slot(object)
    def _on_progress(self, update) -> None:
        if update.job_id and not self.job.get("id"):
            self._remember(update.job_id)
        self._show_state(update)
        for line in update.events:
            self.events.appendPlainText(line)

    def _show_state(self, update) -> None:
        self.status.setText(texts.status_text(update.status) + (f" — {update.job_id}" if update.job_id else ""))
        if update.progress is not None:
            self.bar.setValue(round(100 * update.progress))

    @Slot(object)
    def _on_finished(self, update) -> None:
        if update is None:
            return
        if isinstance(update, work.Refused):
            self._refused(update)
            return
        self._show_state(update)  # its events already came with the last progress update
        from desktop_app.core.errors import AppError  # noqa: PLC0415
        from desktop_app.core.finetune import history  # noqa: PLC0415
        from desktop_app.core.finetune.register import register_model  # noqa: PLC0415

        try:
            if update.job_id:
                history.record(self.project, update.job_id, update.status, update.fine_tuned_model)
                self.earlier = self._earlier_job()
                self._update_follow()
            if update.status != "succeeded" or not update.fine_tuned_model:
                return
            added = register_model(
                self.project, update.fine_tuned_model, prompt=self.job.get("prompt"), azure=self.cfg.preset == "azure"
            )
        except (AppError, OSError) as exc:
            self.banner.show_error(exc)
            return
        names = ", ".join(v.name for v in added.variants)
        hint = (
            self.tr(
                "Deploy the model in Azure AI Foundry, then set each variant's model to the deployment "
                "name under Variants."
            )
            if added.needs_deployment
            else self.tr("Run them under Run: the tuned model then appears on the Grid.")
        )
        self.banner.show_message(
            fill(self.tr("%1 is ready and was added as: %2."), update.fine_tuned_model, names), hint, "info"
        )
        self.registered.emit(added)

    def _remember(self, job_id: str) -> None:
        from desktop_app.core.finetune import history  # noqa: PLC0415

        self.job["id"] = job_id
        try:
            history.remember(
                self.project,
                job_id,
                model=self.job.get("model", ""),
                endpoint=history.endpoint_of(self.cfg),
                prompt=self.job.get("prompt", {}),
            )
        except OSError as exc:  # the job runs anyway; only following it after a restart is lost
            self.banner.show_message(self.tr("The job could not be noted in the project."), str(exc), "warning")

    def _refused(self, refused) -> None:
        message, hint = texts.refusal_text(refused.kind)
        self.banner.show_message(message, hint)
        self.status.setText(fill(self.tr("The provider said: %1"), refused.said) if refused.said else "")
        offer = refused.kind in ("training_not_available", "quota", "no_training_api", "model_not_available")
        for button in (self.routes_button, self.register_button):
            button.setVisible(offer)

    @Slot(object)
    def _on_failed(self, error: ErrorRecord) -> None:
        if error.is_app_error:  # no key, offline, an unwritable folder: the core's own words
            self.banner.show_error(error)
        else:
            self.banner.show_message(
                self.tr("The job could not run because of an internal error."),
                self.tr("The details are in the log (Help → Show Log Folder)."),
            )
