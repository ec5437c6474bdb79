"""The Register tab: any fine-tuned model on the project's server (a LoRA served by vLLM, Ollama
or llama.cpp, a Together or Fireworks tune, an Azure deployment) tested, then added as variants."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop_app.ui.connection.verdicts import describe
from desktop_app.ui.finetune import work
from desktop_app.ui.tasks import ErrorRecord, TaskRunner, network_pool
from desktop_app.ui.widgets.banner import Banner
from desktop_app.ui.words import fill


class RegisterTab(QWidget):
    registered = Signal(object)  # the core's Registered

    def __init__(self, project, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.prepared: Any = None
        self.tested = ""  # the model name that passed the test
        self.banner = Banner()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.model_edit = QLineEdit()
        self.model_edit.textChanged.connect(self._on_edited)
        self.model_label = QLabel()
        self.model_label.setBuddy(self.model_edit)
        self.rag_check = QCheckBox()
        form = QFormLayout()
        form.addRow(self.model_label, self.model_edit)
        form.addRow("", self.rag_check)
        self.test_button = QPushButton()
        self.test_button.clicked.connect(self.test)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add)
        self.result = QLabel()
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.runner = TaskRunner(self, pool=network_pool())
        self.runner.finished.connect(self._on_tested)
        self.runner.failed.connect(self._on_failed)
        self.runner.running_changed.connect(lambda running: self.test_button.setEnabled(not running))
        from desktop_app.core.finetune.register import has_knowledge  # noqa: PLC0415

        self.rag_check.setChecked(has_knowledge(project))
        self._on_edited()

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "A model tuned elsewhere joins the comparison under the name its server gives it: a LoRA served by "
                "vLLM (--lora-modules), Ollama (ollama create) or llama.cpp (--alias), a Together or Fireworks model, "
                "or an Azure deployment. It must be reachable through the project's connection; Test asks it one "
                "question first."
            )
        )
        self.model_label.setText(self.tr("&Model name:"))
        self.model_edit.setPlaceholderText(self.tr("e.g. ft:gpt-4o-mini:acme::abc123 or support-lora"))
        self.rag_check.setText(self.tr("Also add it with retrieval (fine-tuned + RAG)"))
        self.test_button.setText(self.tr("&Test"))
        self.add_button.setText(self.tr("&Add as variant"))

    def set_prepared(self, prepared) -> None:
        self.prepared = prepared

    @Slot()
    def _on_edited(self) -> None:
        name = self.model_edit.text().strip()
        self.test_button.setEnabled(bool(name) and not self.runner.is_running())
        self.add_button.setEnabled(bool(name) and name == self.tested)

    def test(self) -> None:
        from desktop_app.core.errors import AppError  # noqa: PLC0415
        from desktop_app.core.providers.connection import ConnectionConfig  # noqa: PLC0415

        name = self.model_edit.text().strip()
        if not name:
            return
        self.banner.clear()
        try:
            cfg = ConnectionConfig.from_dict(self.project.section("connection"))
        except AppError as exc:
            self.banner.show_error(exc)
            return
        self.result.setText(fill(self.tr("Asking %1…"), name))
        self.runner.start(work.test_model, cfg, name)

    @Slot(object)
    def _on_tested(self, report) -> None:
        self.tested = report.model if report.ok else ""
        said = describe(report)
        self.result.setText("\n".join(t for t in (said.headline, said.hint, said.detail) if t))
        self._on_edited()

    @Slot(object)
    def _on_failed(self, error: ErrorRecord) -> None:
        self.result.clear()
        self.banner.show_error(error)

    def add(self) -> None:
        from desktop_app.core.errors import AppError  # noqa: PLC0415
        from desktop_app.core.finetune.register import register_model  # noqa: PLC0415

        prompt = self.prepared.training.prompt if self.prepared is not None else None
        try:
            added = register_model(self.project, self.tested, prompt=prompt, with_rag=self.rag_check.isChecked())
        except (AppError, OSError) as exc:
            self.banner.show_error(exc)
            return
        self.result.setText(
            fill(
                self.tr("Added as: %1. Tick them under Run to put the model on the Grid."),
                ", ".join(v.name for v in added.variants),
            )
        )
        self.tested = ""
        self._on_edited()
        self.registered.emit(added)
