"""Import a run: outputs produced elsewhere (another tool, a notebook, a vendor) keyed by row id.

The dialog only collects what to import (file, name, techniques, columns); the page imports it
in a task and shows any error in its banner. The file's columns are read in a task too, so a
large spreadsheet never freezes the dialog; until they arrive (or if the file cannot be read)
the columns stay on "Automatic", which lets the core guess them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.run import work
from desktop_app.ui.tasks import TaskRunner

FILE_FILTER = "*.csv *.tsv *.txt *.xlsx *.xlsm *.jsonl *.ndjson *.json"
TECHNIQUES = ("instructions", "step_by_step", "few_shot", "rag", "rag_tuned", "fine_tuned")


class ImportRunDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, start_dir: str = ""):
        super().__init__(parent)
        self.setObjectName("importRunDialog")
        self.start_dir = start_dir
        self._auto_name = ""  # the name taken from the file; replaced only while the user kept it
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.editingFinished.connect(self._read_columns)
        self.path_edit.textChanged.connect(self._update_ok)
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        self.name_edit = QLineEdit()
        self.name_edit.textChanged.connect(self._update_ok)
        self.boxes: dict[str, QCheckBox] = {t: QCheckBox() for t in TECHNIQUES}
        techniques = QGridLayout()
        for i, t in enumerate(TECHNIQUES):
            techniques.addWidget(self.boxes[t], i // 3, i % 3)
        self.baseline_note = QLabel()
        self.baseline_note.setWordWrap(True)
        techniques.addWidget(self.baseline_note, 2, 0, 1, 3)
        self.output_combo, self.contexts_combo = QComboBox(), QComboBox()
        self.columns_note = QLabel()
        self.columns_note.setTextFormat(Qt.TextFormat.PlainText)  # may quote the file's error
        self.columns_note.setWordWrap(True)

        self.form = QFormLayout()
        self.file_caption, self.name_caption, self.tech_caption = QLabel(), QLabel(), QLabel()
        self.output_caption, self.contexts_caption = QLabel(), QLabel()
        self.file_caption.setBuddy(self.path_edit)
        self.name_caption.setBuddy(self.name_edit)
        self.output_caption.setBuddy(self.output_combo)
        self.contexts_caption.setBuddy(self.contexts_combo)
        self.form.addRow(self.file_caption, file_row)
        self.form.addRow(self.name_caption, self.name_edit)
        self.form.addRow(self.tech_caption, techniques)
        self.form.addRow(self.output_caption, self.output_combo)
        self.form.addRow(self.contexts_caption, self.contexts_combo)
        self.form.addRow(self.columns_note)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

        self.columns_runner = TaskRunner(self)
        self.columns_runner.finished.connect(self._on_columns)
        self.columns_runner.failed.connect(self._on_columns_failed)
        self._set_columns([])
        self.retranslate()
        self._update_ok()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import a run"))
        self.intro.setText(
            self.tr(
                "Outputs produced elsewhere become a run: one line per evaluation row with "
                "its row id and the output, optionally the retrieved passages. They are "
                "scored with this project's checks; no model is called."
            )
        )
        self.file_caption.setText(self.tr("&File:"))
        self.browse_button.setText(self.tr("&Browse…"))
        self.name_caption.setText(self.tr("&Name:"))
        self.name_edit.setPlaceholderText(self.tr("e.g. few-shot-v2"))
        self.tech_caption.setText(self.tr("Techniques used:"))
        labels = {
            "instructions": self.tr("Clear instr&uctions"),
            "step_by_step": self.tr("&Step-by-step"),
            "few_shot": self.tr("Fe&w-shot examples"),
            "rag": self.tr("&RAG (retrieval)"),
            "rag_tuned": self.tr("&Tuned retrieval"),
            "fine_tuned": self.tr("Fine-tuned &model"),
        }
        for t, box in self.boxes.items():
            box.setText(labels[t])
        self.baseline_note.setText(self.tr("None ticked: the outputs are a baseline (a plain prompt)."))
        self.output_caption.setText(self.tr("&Output column:"))
        self.contexts_caption.setText(self.tr("&Passages column:"))
        self.output_combo.setItemText(0, self.tr("Automatic"))
        self.contexts_combo.setItemText(0, self.tr("Automatic"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Import"))

    # -- file and columns -------------------------------------------------------------------
    @Slot()
    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the outputs file"), self.start_dir, self.tr("Tables (%1)").replace("%1", FILE_FILTER)
        )
        if path:
            self.set_path(path)

    def set_path(self, path: str) -> None:
        self.path_edit.setText(path)
        self._read_columns()

    @Slot()
    def _read_columns(self) -> None:
        path = self.path_edit.text().strip()
        if path and self.name_edit.text().strip() in ("", self._auto_name):
            self._auto_name = Path(path).stem
            self.name_edit.setText(self._auto_name)
        if not path or not Path(path).is_file():
            self._set_columns([])
            return
        self.columns_note.setText(self.tr("Reading the columns…"))
        self.columns_runner.start(work.read_columns, path)

    def _set_columns(self, columns: list[str]) -> None:
        for combo in (self.output_combo, self.contexts_combo):
            combo.clear()
            combo.addItem(self.tr("Automatic"), None)
            for c in columns:
                combo.addItem(c, c)
        self.columns_note.clear()

    @Slot(object)
    def _on_columns(self, columns: list[str]) -> None:
        self._set_columns(columns)

    @Slot(object)
    def _on_columns_failed(self, error) -> None:
        self._set_columns([])
        self.columns_note.setText(error.message)

    @Slot()
    def _update_ok(self) -> None:
        ok = bool(self.path_edit.text().strip() and self.name_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    # -- result -----------------------------------------------------------------------------
    def set_techniques(self, techniques) -> None:
        for t, box in self.boxes.items():
            box.setChecked(t in techniques)

    def params(self) -> work.ImportParams:
        return work.ImportParams(
            path=self.path_edit.text().strip(),
            name=self.name_edit.text().strip(),
            techniques=tuple(t for t, box in self.boxes.items() if box.isChecked()),
            output_col=self.output_combo.currentData(),
            contexts_col=self.contexts_combo.currentData(),
        )

    def done(self, result: int) -> None:
        self.columns_runner.cancel()
        super().done(result)
