"""The Prepare tab: which prompt, which route, how many epochs; the findings and the cost."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.advice.compute import snapshot
from desktop_app.ui.advice.states import BusyRow
from desktop_app.ui.finetune import texts, work
from desktop_app.ui.tasks import ErrorRecord, TaskRunner
from desktop_app.ui.widgets.banner import Banner
from desktop_app.ui.words import fill

ROUTES = ("openai", "azure", "local")


def default_route(preset: str) -> str:
    return preset if preset in ("openai", "azure") else "local"


class PrepareTab(QWidget):
    prepared_changed = Signal(object)  # a core Prepared, or None while options changed since

    def __init__(self, project, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.prepared: Any = None
        self.banner = Banner()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.variant_combo = QComboBox()
        self.route_combo = QComboBox()
        self.model_edit = QLineEdit()
        self.epochs_spin = QSpinBox()
        self.epochs_spin.setRange(1, 50)
        self.epochs_spin.setValue(3)
        self.share_spin = QDoubleSpinBox()
        self.share_spin.setRange(0.0, 0.45)
        self.share_spin.setSingleStep(0.05)
        self.share_spin.setValue(0.1)
        self.price_edit = QLineEdit()  # the project's training price table, one model at a time
        self.reviewed_check = QCheckBox()
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(6)]
        for label, field in zip(
            self.labels,
            (self.variant_combo, self.route_combo, self.model_edit, self.price_edit, self.epochs_spin, self.share_spin),
        ):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.form.addRow("", self.reviewed_check)
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self.check)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.ask_save)
        self.save_button.setEnabled(False)
        self.busy = BusyRow()
        self.runner = TaskRunner(self)
        self.runner.finished.connect(self._on_prepared)
        self.runner.failed.connect(self._on_failed)
        self.runner.running_changed.connect(self.busy.setVisible)
        self.busy.cancel_requested.connect(self.runner.cancel)
        self.saver = TaskRunner(self)
        self.saver.finished.connect(self._on_saved)
        self.saver.failed.connect(self._on_failed)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 4)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.busy)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        for signal in (
            self.variant_combo.currentIndexChanged,
            self.route_combo.currentIndexChanged,
            self.model_edit.textEdited,
            self.epochs_spin.valueChanged,
            self.share_spin.valueChanged,
            self.reviewed_check.toggled,
            self.price_edit.textEdited,
        ):
            signal.connect(self._options_changed)
        self.route_combo.currentIndexChanged.connect(self._show_price)
        self.model_edit.textEdited.connect(self._show_price)
        self._fill_choices()

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Training examples come from the examples pool: each is the prompt of the chosen variant with the "
                "expected answer. Check them before anything is sent."
            )
        )
        for label, text in zip(
            self.labels,
            (
                self.tr("&Prompt of variant:"),
                self.tr("&Route:"),
                self.tr("&Base model:"),
                self.tr("Tr&aining price (USD per 1M tokens):"),
                self.tr("&Epochs:"),
                self.tr("&Validation share:"),
            ),
        ):
            label.setText(text)
        self.price_edit.setPlaceholderText(self.tr("unknown: enter USD per 1M training tokens to estimate the cost"))
        self.price_edit.setToolTip(
            self.tr(
                "USD per 1 million training tokens for this base model, kept with the "
                "project. Training is billed on the file's tokens times the epochs."
            )
        )
        self.reviewed_check.setText(self.tr("Only examples a person reviewed as right"))
        for i, text in enumerate(
            (
                self.tr("OpenAI"),
                self.tr("Azure OpenAI"),
                self.tr("Local trainer (mlx-lm, axolotl, Unsloth, LLaMA-Factory)"),
            )
        ):
            self.route_combo.setItemText(i, text)
        self.check_button.setText(self.tr("Check the e&xamples"))
        self.save_button.setText(self.tr("&Save training file…"))
        self.busy.set_texts(self.tr("Building and checking the examples…"), self.tr("&Cancel"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Severity"), self.tr("Where"), self.tr("Row"), self.tr("What to do")]
        )
        if self.prepared is not None:
            self._show(self.prepared)

    def _fill_choices(self) -> None:
        from desktop_app.core.errors import AppError  # noqa: PLC0415
        from desktop_app.core.providers.connection import ConnectionConfig  # noqa: PLC0415
        from desktop_app.core.variants.variant import load_variants  # noqa: PLC0415

        try:
            names = [v.name for v in load_variants(self.project) if "fine_tuned" not in v.techniques]
        except AppError:
            names = []
        for name in names or ["instructions"]:
            self.variant_combo.addItem(name, name)
        if "instructions" in names:
            self.variant_combo.setCurrentIndex(names.index("instructions"))
        for route in ROUTES:
            self.route_combo.addItem(route, route)
        try:
            cfg = ConnectionConfig.from_dict(self.project.section("connection"))
        except AppError:
            cfg = ConnectionConfig()
        self.route_combo.setCurrentIndex(ROUTES.index(default_route(cfg.preset)))
        self.model_edit.setText(cfg.model if cfg.preset in ("openai", "azure") and cfg.model else "gpt-4o-mini")
        self._show_price()

    def _show_price(self) -> None:
        from desktop_app.core.errors import AppError  # noqa: PLC0415
        from desktop_app.core.finetune import limits  # noqa: PLC0415

        local = self.route_combo.currentData() == "local"
        try:
            price = limits.training_price(
                self.model_edit.text().strip(),
                self.route_combo.currentData() or "openai",
                limits.project_overrides(self.project),
            )
        except AppError:
            price = None
        self.price_edit.setEnabled(not local)
        self.price_edit.setText("" if price is None or local else f"{price:g}")

    def _save_price(self) -> bool:
        """Store an edited price in the project's table (GUI thread: the open project is edited here only)."""
        from desktop_app.core.errors import AppError  # noqa: PLC0415
        from desktop_app.core.finetune import limits  # noqa: PLC0415

        text = self.price_edit.text().strip().replace(",", ".").lstrip("$")
        model = self.model_edit.text().strip()
        if not text or self.route_combo.currentData() == "local" or not model:
            return True
        try:
            table = limits.validate_training_prices(limits.project_overrides(self.project))
            if table.get(model) != float(text) and limits.training_price(model, "openai", table) != float(text):
                limits.save_training_prices(self.project, {**table, model: text})
        except ValueError:
            self.banner.show_message(
                self.tr("The training price is not a number."),
                self.tr("Enter USD per 1 million training tokens, e.g. 3, or leave it empty."),
            )
            return False
        except (AppError, OSError) as exc:
            self.banner.show_error(exc)
            return False
        return True

    def options(self) -> dict:
        return {
            "variant": self.variant_combo.currentData(),
            "provider": self.route_combo.currentData(),
            "model": self.model_edit.text().strip() or "gpt-4o-mini",
            "epochs": self.epochs_spin.value(),
            "validation_share": round(self.share_spin.value(), 2),
            "reviewed_only": self.reviewed_check.isChecked(),
        }

    @Slot()
    def _options_changed(self) -> None:
        if self.prepared is not None:
            self.prepared = None
            self.save_button.setEnabled(False)
            self.summary.setText(self.tr("The options changed: check the examples again."))
            self.prepared_changed.emit(None)

    def check(self) -> None:
        self.banner.clear()
        if not self._save_price():
            return
        self.runner.start(work.prepare_set, snapshot(self.project), self.options())

    @Slot(object)
    def _on_prepared(self, prepared) -> None:
        if prepared is None:
            return
        self.prepared = prepared
        self.save_button.setEnabled(True)
        self._show(prepared)
        self.prepared_changed.emit(prepared)

    def _show(self, prepared) -> None:
        report = prepared.to_dict()
        self.summary.setText(texts.summary_text(report))
        found = report["findings"]
        self.table.setRowCount(len(found))
        for i, f in enumerate(found):
            for col, text in enumerate(
                (texts.severity_text(f["severity"]), texts.where_text(f), f["row"], texts.finding_text(f))
            ):
                self.table.setItem(i, col, QTableWidgetItem(str(text)))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()

    @Slot(object)
    def _on_failed(self, error: ErrorRecord) -> None:
        if error.is_app_error:
            self.banner.show_error(error)
        else:
            self.banner.show_message(
                self.tr("The examples could not be checked because of an internal error."),
                self.tr("The details are in the log (Help → Show Log Folder)."),
            )

    def ask_save(self) -> None:
        if self.prepared is None:
            return
        default = str(self.project.exports_dir / "finetune" / "train.jsonl")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the training file"), default, self.tr("JSON Lines (*.jsonl)")
        )
        if path:
            self.save(path)

    def save(self, path: str) -> None:
        if self.prepared is not None:
            self.saver.start(work.save_files, self.prepared, path)

    @Slot(object)
    def _on_saved(self, paths) -> None:
        train, val = paths
        self.banner.show_message(
            fill(self.tr("Saved %1"), train), fill(self.tr("Validation examples: %1"), val) if val else "", "info"
        )
