"""The Other routes tab: files and command lines for local trainers, and DPO preference pairs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.advice.compute import snapshot
from desktop_app.ui.finetune import work
from desktop_app.ui.tasks import ErrorRecord, TaskRunner
from desktop_app.ui.widgets.banner import Banner
from desktop_app.ui.words import fill


class RoutesTab(QWidget):
    def __init__(self, project, parent: QWidget | None = None):
        super().__init__(parent)
        from desktop_app.core.finetune.routes import DEFAULT_BASE  # noqa: PLC0415

        self.project = project
        self.prepared: Any = None
        self.banner = Banner()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.base_edit = QLineEdit(DEFAULT_BASE)
        self.name_edit = QLineEdit("advisor-tuned")
        self.base_label, self.name_label = QLabel(), QLabel()
        self.base_label.setBuddy(self.base_edit)
        self.name_label.setBuddy(self.name_edit)
        form = QFormLayout()
        form.addRow(self.base_label, self.base_edit)
        form.addRow(self.name_label, self.name_edit)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.ask_export)
        self.pairs_button = QPushButton()
        self.pairs_button.clicked.connect(self.ask_pairs)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.pairs_button)
        buttons.addStretch(1)
        self.commands = QPlainTextEdit()
        self.commands.setReadOnly(True)
        self.commands.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.commands, 1)
        self.runner = TaskRunner(self)
        self.runner.finished.connect(self._on_exported)
        self.runner.failed.connect(self._on_failed)
        self.pairs_runner = TaskRunner(self)
        self.pairs_runner.finished.connect(self._on_pairs)
        self.pairs_runner.failed.connect(self._on_failed)

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "mlx-lm, axolotl, Unsloth and LLaMA-Factory train from the same chat file on your own machine. "
                "Export writes the files, a configuration for each and the command lines; serve the result under a "
                "model name (vLLM, Ollama, llama.cpp) and add it on the Register tab."
            )
        )
        self.base_label.setText(self.tr("&Open model to tune:"))
        self.name_label.setText(self.tr("&Serve it as:"))
        self.export_button.setText(self.tr("&Export training files…"))
        self.pairs_button.setText(self.tr("Export &DPO preference pairs…"))
        self.pairs_button.setToolTip(
            self.tr(
                "Pairs of a right and a wrong answer to the same evaluation question, from your runs and reviews, in "
                "the format OpenAI and Azure document for preference tuning."
            )
        )
        self._update()

    def set_prepared(self, prepared) -> None:
        self.prepared = prepared
        self._update()

    def _update(self) -> None:
        self.export_button.setEnabled(self.prepared is not None)
        if self.prepared is None and not self.commands.toPlainText():
            self.status.setText(self.tr("Check the examples on the Prepare tab first."))

    def ask_export(self) -> None:
        default = str(self.project.exports_dir / "finetune")
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the export folder"), default)
        if folder:
            self.export(folder)

    def export(self, folder: str) -> None:
        if self.prepared is None:
            return
        self.banner.clear()
        self.runner.start(
            work.export,
            self.prepared,
            folder,
            self.base_edit.text().strip() or "model",
            self.name_edit.text().strip() or "advisor-tuned",
        )

    @Slot(object)
    def _on_exported(self, exported) -> None:
        self.status.setText(
            fill(
                self.tr("Written to %1 (%2 files). Run one of these in that folder:"),
                exported.folder,
                len(exported.files),
            )
        )
        lines = [f"{route}: {command}" for route, command in exported.commands.items()]
        lines += ["", self.tr("Then serve the adapter under its name:")]
        lines += [f"{server}: {command}" for server, command in exported.serve.items()]
        self.commands.setPlainText("\n".join(lines))

    def ask_pairs(self) -> None:
        default = str(self.project.exports_dir / "finetune" / "dpo_pairs.jsonl")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the preference pairs"), default, self.tr("JSON Lines (*.jsonl)")
        )
        if path:
            self.export_pairs(path)

    def export_pairs(self, path: str) -> None:
        system = self.prepared.training.prompt.get("system", "") if self.prepared is not None else ""
        self.banner.clear()
        self.pairs_runner.start(work.export_pairs, snapshot(self.project), system, path)

    @Slot(object)
    def _on_pairs(self, pairs) -> None:
        if not pairs.records:
            self.banner.show_message(
                self.tr("No preference pairs yet."),
                self.tr(
                    "A pair needs a question one variant answered right and another wrong; run two variants or "
                    "review some answers."
                ),
                "info",
            )
            return
        self.banner.show_message(
            fill(self.tr("%1 preference pairs saved."), len(pairs.records)),
            self.tr(
                "They come from evaluation rows: evaluate a model tuned on them on other rows, or the score flatters "
                "it."
            ),
            "info",
        )

    @Slot(object)
    def _on_failed(self, error: ErrorRecord) -> None:
        if error.is_app_error:
            self.banner.show_error(error)
        else:
            self.banner.show_message(
                self.tr("The files could not be written because of an internal error."),
                self.tr("The details are in the log (Help → Show Log Folder)."),
            )
