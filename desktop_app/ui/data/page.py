"""The Data step: pick or drop the evaluation set, preview it, map columns, split, import.

The table shows one of three things: nothing yet, a preview of a chosen file (its first rows),
or the project's imported rows. Reading a file, importing and loading rows run as tasks; a
failed preview or import leaves what was shown, and the project's data, exactly as they were.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, Slot
from PySide6.QtWidgets import QFileDialog, QSplitter, QWidget

from desktop_app.ui.data import work
from desktop_app.ui.data.dataset_text import DatasetText
from desktop_app.ui.data.import_panel import ImportPanel, plain_label
from desktop_app.ui.data.rows_table import RowsTable
from desktop_app.ui.data.source_bar import SourceBar
from desktop_app.ui.data.resplit import ask_resplit, made_runs
from desktop_app.ui.widgets.file_drop import FileDrop, local_paths
from desktop_app.ui.widgets.page import Page
from desktop_app.ui.tasks import ErrorRecord, TaskRunner
from desktop_app.ui.widgets.banner import Banner

FILE_FILTER = " ".join("*" + suffix for suffix in work.SUFFIXES)


def _split_of(section: dict | None) -> tuple[int, int]:
    examples = (section or {}).get("examples") or {}
    return examples.get("count", 0), examples.get("seed", 0)


class DataPage(FileDrop, Page):
    def title(self) -> str:
        return self.tr("Data")

    # -- building ---------------------------------------------------------------------------
    def build(self) -> None:
        self.text = DatasetText(self)
        self.mode = "none"  # none | preview | imported: what the table shows
        self.preview: work.Preview | None = None
        self.imported: work.Imported | None = None
        self.stop_flag: work.StopFlag | None = None
        self.action = ""  # what import_runner is doing: "import" or "split"
        self.setAcceptDrops(True)

        self.banner = Banner()
        self.intro = plain_label()
        self.source = SourceBar()
        self.source.choose_button.clicked.connect(self.choose_file)
        self.source.show_imported_button.clicked.connect(self.show_imported)
        # activated = a user's choice only, so filling the combos never starts a re-read
        self.source.encoding_combo.activated.connect(self._reread)
        self.source.sheet_combo.activated.connect(self._reread)
        self.info_label = plain_label()

        self.table = RowsTable()
        self.model = self.table.frame_model
        self.panel = ImportPanel()
        self.mapping = self.panel.mapping
        self.mapping.changed.connect(self._on_mapping_changed)
        self.panel.pool_spin.valueChanged.connect(self._refresh_split)
        self.panel.seed_spin.valueChanged.connect(self._refresh_split)
        self.panel.apply_split_button.clicked.connect(self.apply_split)
        self.panel.import_button.clicked.connect(self.start_import)
        self.panel.cancel_button.clicked.connect(self.cancel_import)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([640, 280])
        self.splitter.setChildrenCollapsible(False)

        for widget in (self.banner, self.intro, self.source, self.info_label):
            self.layout_.addWidget(widget)
        self.layout_.addWidget(self.splitter, 1)
        order = [*self.source.tab_chain(), self.table, *self.panel.tab_chain()]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

        self.preview_runner = TaskRunner(self)
        self.preview_runner.finished.connect(self._on_preview_ready)
        self.preview_runner.failed.connect(self._on_preview_failed)
        self.rows_runner = TaskRunner(self)
        self.rows_runner.finished.connect(self._on_imported)
        self.rows_runner.failed.connect(self._show_error)
        self.import_runner = TaskRunner(self)
        self.import_runner.progress.connect(self._on_import_progress)
        self.import_runner.finished.connect(self._on_import_done)
        self.import_runner.failed.connect(self._on_import_failed)
        self.import_runner.running_changed.connect(self._update_controls)

    def retranslate(self) -> None:
        super().retranslate()
        self.panel.retranslate()
        self.source.retranslate()
        self.intro.setText(
            self.tr(
                "Import your evaluation set: a CSV or text file in any common encoding, "
                "an Excel workbook, or JSONL. Choose it, or drop it onto this page."
            )
        )
        imported = getattr(self, "imported", None)  # getattr, like mode: retranslate may run before build() sets them
        if getattr(self, "mode", None) == "preview" and self.preview is not None:
            self.model.set_headers(self._preview_headers())
        elif imported is not None and self.mode != "preview":
            self.model.set_headers(self._imported_headers(imported))
        self._refresh()

    # -- project ----------------------------------------------------------------------------
    def set_project(self, project) -> None:
        super().set_project(project)
        for runner in (self.preview_runner, self.rows_runner):
            runner.cancel()
        self.preview, self.imported, self.mode = None, None, "none"
        self.banner.clear()
        self.table.show_frame(None)
        self._refresh()
        if project is not None:
            self.load_imported()

    def on_project_modified(self, what: str) -> None:
        if what == "dataset" and self.project is not None and not self.import_runner.is_running():
            self.load_imported()

    def focus(self, payload) -> None:
        if isinstance(payload, dict) and payload.get("file"):
            self.load_file(payload["file"])

    def load_imported(self) -> None:
        self.rows_runner.start(work.load_imported, self.project, self._use_labels())

    def _use_labels(self) -> tuple[str, str]:
        return self.tr("evaluation"), self.tr("example")

    # -- choosing a file --------------------------------------------------------------------
    @Slot()
    def choose_file(self) -> None:
        start = str(Path(self.preview.path).parent) if self.preview else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the evaluation set"),
            start,
            self.tr("Evaluation sets (%1);;All files (*)").replace("%1", FILE_FILTER),
        )
        if path:
            self.load_file(path)

    def load_file(self, path, encoding: str | None = None, sheet: str | None = None) -> None:
        """Preview ``path`` in a task; what the table shows stays until the preview is ready."""
        if self.project is None or self.import_runner.is_running():
            return
        self.banner.clear()
        self.preview_runner.start(work.preview_file, str(path), encoding, sheet)
        self.info_label.setText(self.tr("Reading %1…").replace("%1", Path(path).name))

    def handle_drop(self, mime: QMimeData) -> bool:
        """Preview the file a drop carries; False (and a note) when it carries none or several."""
        return self.project is not None and mime.hasUrls() and self.files_dropped(local_paths(mime))

    def accepts_files(self) -> bool:
        return self.project is not None and not self.import_runner.is_running()

    def files_dropped(self, paths: list[str]) -> bool:
        path = work.dropped_file(paths)
        if path is None:
            self.banner.show_message(
                self.tr("Drop one file at a time."),
                self.tr("A CSV, TSV, TXT, XLSX or JSONL file holding the evaluation set."),
                "warning",
            )
            return False
        self.load_file(path)
        return True

    @Slot(int)
    def _reread(self, _index: int = 0) -> None:
        if self.preview is not None:
            self.load_file(
                self.preview.path, self.source.encoding_combo.currentData(), self.source.sheet_combo.currentData()
            )

    @Slot(object)
    def _on_preview_ready(self, preview: work.Preview) -> None:
        same_file = self.preview is not None and self.preview.path == preview.path
        chosen = preview.guess
        if same_file:  # another encoding or sheet: keep the user's choices that still exist
            chosen = {**chosen, **{r: c for r, c in self.mapping.mapping().items() if c in preview.columns}}
        self.preview, self.mode = preview, "preview"
        self.mapping.set_columns(preview.columns, chosen)
        if not same_file:
            rows = len(preview.frame)
            self.panel.pool_spin.setValue(20 if preview.truncated or rows >= 100 else rows // 5)
        self.table.show_frame(preview.frame, self._preview_headers())
        self._refresh()

    @Slot(object)
    def _on_preview_failed(self, error: ErrorRecord) -> None:
        self._show_error(error)
        self._refresh()  # the combos go back to what the table shows

    # -- importing --------------------------------------------------------------------------
    def import_options(self) -> dict:
        preview = self.preview
        return {
            "encoding": preview.asked_encoding if preview else None,
            "sheet": preview.sheet if preview else None,
            "mapping": self.mapping.mapping(),
            "examples": self.panel.pool_spin.value(),
            "seed": self.panel.seed_spin.value(),
        }

    @Slot()
    def start_import(self) -> None:
        preview = self.preview
        if self.mode != "preview" or preview is None or not self.panel.import_button.isEnabled():
            return
        self.banner.clear()
        self.action, self.stop_flag = "import", work.StopFlag()
        self.panel.start_progress(self.text.progress(None))
        self.import_runner.start(
            work.import_file, self.project, preview.path, self.import_options(), self.stop_flag, self._use_labels()
        )

    @Slot()
    def cancel_import(self) -> None:
        # Ask, do not drop: if the rows were already replaced, that result must still arrive.
        if self.stop_flag is not None:
            self.stop_flag.set()
            self.panel.progress_label.setText(self.tr("Stopping…"))
            self.panel.cancel_button.setEnabled(False)

    @Slot()
    def apply_split(self) -> None:
        if self.mode != "imported" or not self.panel.apply_split_button.isEnabled():
            return
        if not self.confirm_resplit(made_runs(self.project)):
            return
        self.banner.clear()
        self.action, self.stop_flag = "split", None
        self.panel.start_progress(self.tr("Choosing the examples…"))
        self.import_runner.start(
            work.resplit_rows,
            self.project,
            self.panel.pool_spin.value(),
            self.panel.seed_spin.value(),
            self._use_labels(),
        )

    def confirm_resplit(self, runs: list[str]) -> bool:
        """Runs were scored on the old split: say which, and apply only when the user agrees."""
        return ask_resplit(self, runs)

    @Slot(object)
    def _on_import_progress(self, event) -> None:
        total = event.get("total") if isinstance(event, dict) else None
        self.panel.set_progress(event.get("done", 0) / total if total else None, self.text.progress(event))

    @Slot(object)
    def _on_import_done(self, result: work.Imported) -> None:
        self.stop_flag = None
        if self.project is None or result.root != str(self.project.root):
            return  # the user opened another project meanwhile; that one is unchanged
        self.preview, self.mode = None, "none"
        self._on_imported(result)
        assert result.section is not None  # an import or a new split always saves the dataset section
        examples, _ = _split_of(result.section)
        done = self.tr("Imported.") if self.action == "import" else self.tr("New split saved.")
        self.panel.progress_label.setText(done + " " + self.text.split_line(result.section["eval_rows"], examples))
        self.project_modified.emit("dataset")

    @Slot(object)
    def _on_import_failed(self, error: ErrorRecord) -> None:
        self.stop_flag = None
        self.panel.progress_label.clear()
        if error.exc_type == "ImportCancelled":
            self.banner.show_message(self.tr("The import was cancelled."), self.tr("Nothing was changed."), "info")
        else:
            self._show_error(error)
        self._refresh()

    # -- showing rows -----------------------------------------------------------------------
    @Slot(object)
    def _on_imported(self, result: work.Imported) -> None:
        if self.project is None or result.root != str(self.project.root):
            return  # a late result for a project that is no longer open
        self.imported = result
        if self.mode == "preview":
            self._refresh()  # the preview stays; "Show imported rows" switches back
            return
        section = result.section
        self.mode = "imported" if section else "none"
        if section:
            count, seed = _split_of(section)
            self.panel.pool_spin.setValue(count)
            self.panel.seed_spin.setValue(seed)
            mapping = section.get("mapping") or {}
            self.mapping.set_columns(section.get("columns") or [c for c in mapping.values() if c], mapping)
        self.table.show_frame(result.frame if section else None, self._imported_headers(result))
        self._refresh()

    @Slot()
    def show_imported(self) -> None:
        self.preview, self.mode = None, "none"
        self.banner.clear()
        if self.imported is not None:
            self._on_imported(self.imported)

    def _preview_headers(self) -> list[str]:
        roles = {column: role for role, column in self.mapping.mapping().items() if column}
        return [
            f"{c} → {self.mapping.role_label(roles[c])}" if c in roles else c
            for c in (self.preview.columns if self.preview else [])
        ]

    def _imported_headers(self, result: work.Imported) -> list[str]:
        mapping = (result.section or {}).get("mapping") or {}
        headers = [self.tr("Use")]
        for role in result.roles:
            label, source = self.mapping.role_label(role), mapping.get(role)
            headers.append(f"{label} ({source})" if source and source.casefold() != label.casefold() else label)
        return headers

    @Slot()
    def _on_mapping_changed(self) -> None:
        if self.mode == "preview":
            self.model.set_headers(self._preview_headers())
        self._refresh_split()

    # -- state ------------------------------------------------------------------------------
    @Slot(object)
    def _show_error(self, error: ErrorRecord) -> None:
        hint = error.hint if error.is_app_error else self.tr("This is a bug; the details are in the log file.")
        if self.imported is not None and self.imported.section:
            hint = (hint + " " + self.tr("The imported data was not changed.")).strip()
        self.banner.show_message(error.message, hint, "error")

    def _refresh(self) -> None:
        """Combos and labels from the state: what the table shows and what the project holds."""
        preview = self.preview if self.mode == "preview" else None
        self.source.show_preview(preview, self.text.encoding_label(preview.encoding) if preview else "")
        section = self.imported.section if self.imported else None
        if self.project is None:
            info = self.tr("Open or create a project first (step 1).")
        elif preview:
            info = self.text.preview_line(preview)
        elif section:
            info = self.text.imported_summary(section)
        else:
            info = self.tr("No evaluation set imported yet.")
        self.info_label.setText(info)
        shown = preview.warnings if preview else (section or {}).get("warnings", ())
        self.panel.warnings_label.setText("\n".join("• " + w for w in self.text.warnings(shown)))
        self._refresh_split()

    @Slot()
    def _refresh_split(self) -> None:
        """The split line under the spin boxes, then which controls can be used."""
        examples, seed = self.panel.pool_spin.value(), self.panel.seed_spin.value()
        section = self.imported.section if self.imported else None
        text = ""
        if self.mode == "imported" and section:
            text = self.text.resplit_line(section, examples, seed)
        elif self.mode == "preview" and self.preview is not None:
            text = self.text.planned_split(self.preview, self.mapping.mapping().get("input"), examples)
        self.panel.split_label.setText(text)
        self._update_controls()

    def _update_controls(self, *_running) -> None:
        busy = self.import_runner.is_running()
        has_project = self.project is not None
        preview = self.preview if self.mode == "preview" else None
        section = self.imported.section if self.imported else None
        panel = self.panel
        self.source.update_controls(preview, busy, has_project, bool(section))
        panel.mapping_box.setEnabled(bool(preview) and not busy)
        ready = not self.mapping.missing_required() and not self.mapping.duplicate_columns()
        panel.import_button.setEnabled(bool(preview) and ready and not busy)
        panel.import_button.setVisible(bool(preview) or (busy and self.action == "import"))
        panel.mapping_box.setTitle(self.tr("Columns (as imported)") if self.mode == "imported" else self.tr("Columns"))
        for spin in (panel.pool_spin, panel.seed_spin):
            spin.setEnabled(self.mode != "none" and not busy)
        panel.apply_split_button.setVisible(self.mode == "imported")
        panel.apply_split_button.setEnabled(
            bool(section)
            and not busy
            and (panel.pool_spin.value(), panel.seed_spin.value()) != _split_of(section)
            and panel.pool_spin.value() < (section or {}).get("rows", 0)
        )
        panel.cancel_button.setVisible(busy and self.action == "import")
        panel.cancel_button.setEnabled(self.stop_flag is not None and not self.stop_flag.stopped)
        panel.progress_bar.setVisible(busy)
