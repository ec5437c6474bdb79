"""The Advice step: the recommended next move, why, how sure, the evidence and a checklist.

The diagnosis runs on a pool thread (desktop_app/ui/advice/compute.py) when a project opens
and whenever its runs, checks, dataset or settings change. The page edits two things of the
project: the target pass rate (project.json ``target_pass_rate``; announced as "settings")
and the ticks of the checklist (``advice_checklist``: {recommendation: [ids]}, read only here).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSpinBox, QWidget

from desktop_app.ui.advice.compute import snapshot
from desktop_app.ui.advice.fmt import fill, rich_tooltip
from desktop_app.ui.advice.sentences import AdviceText
from desktop_app.ui.advice.states import BusyRow
from desktop_app.ui.advice.view import AdviceView
from desktop_app.ui.advice.diagnosis_page import DiagnosisPage
from desktop_app.ui.tasks import ErrorRecord, TaskRunner

RECOMPUTE_ON = ("runs", "checks", "dataset", "settings")
CHECKLIST_KEY = "advice_checklist"


def _export_report(state, project, path: str) -> str | None:
    from desktop_app.core.report.build import build_report_data, write_html  # noqa: PLC0415 - pandas, store

    data = build_report_data(project)
    if state.should_stop():
        return None
    from desktop_app.ui.language import report_language  # noqa: PLC0415

    return str(write_html(data, path, *report_language()))


class AdvicePage(DiagnosisPage):
    def title(self) -> str:
        return self.tr("Advice")

    def build(self) -> None:
        self._build_diagnosis()
        self.words = AdviceText(self)
        self.report_path: str | None = None
        self.export_runner = TaskRunner(self)
        self.export_runner.finished.connect(self._on_exported)
        self.export_runner.failed.connect(self._on_export_failed)

        self.export_busy = BusyRow()
        self.export_busy.cancel_requested.connect(self.export_runner.cancel)
        self.export_runner.running_changed.connect(self.export_busy.setVisible)

        self.target_label = QLabel()
        self.target_spin = QSpinBox()
        self.target_spin.setRange(1, 100)
        self.target_spin.setKeyboardTracking(False)  # one recompute per edit, not per keystroke
        self.target_label.setBuddy(self.target_spin)
        self.target_spin.valueChanged.connect(self._on_target_changed)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.ask_export)
        self.export_status = QLabel()
        self.export_status.setTextFormat(Qt.TextFormat.PlainText)
        self.open_report_button = QPushButton()
        self.open_report_button.clicked.connect(self.open_report)
        self.open_report_button.hide()
        self.finetune_button = QPushButton()  # shown when the advice is fine-tuning
        self.finetune_button.clicked.connect(self.open_finetune)
        self.finetune_button.hide()
        self.finetune_dialog: QWidget | None = None
        tools = QHBoxLayout()
        tools.addWidget(self.target_label)
        tools.addWidget(self.target_spin)
        tools.addStretch(1)
        tools.addWidget(self.export_status)
        tools.addWidget(self.open_report_button)
        tools.addWidget(self.finetune_button)
        tools.addWidget(self.export_button)

        self.view = AdviceView(self.words)
        self.view.rows_requested.connect(self._show_rows)
        self.view.tick_changed.connect(self._on_tick)
        self.view.lab_requested.connect(lambda: self.navigate.emit("knowledge", {"tab": "lab"}))
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setWidget(self.view)
        self.stack.addWidget(self.scroll_area)

        self.layout_.addWidget(self.banner)
        self.layout_.addLayout(tools)
        self.layout_.addWidget(self.busy)
        self.layout_.addWidget(self.export_busy)
        self.layout_.addWidget(self.stack, 1)
        self._set_tools_enabled(False)

    def retranslate(self) -> None:
        super().retranslate()
        self.busy.set_texts(self.tr("Weighing the evidence…"), self.tr("&Cancel"))
        self.export_busy.set_texts(self.tr("Writing the report…"), self.tr("Cancel e&xport"))
        self.target_label.setText(self.tr("&Target pass rate:"))
        self.target_spin.setSuffix(self.tr(" %"))
        self.target_spin.setToolTip(
            self.tr('The pass rate that is good enough; the advice says "Good enough" once the best run reaches it.')
        )
        self.export_button.setText(self.tr("&Export report…"))
        self.open_report_button.setText(self.tr("&Open report"))
        self.finetune_button.setText(self.tr("&Fine-tuning helper…"))
        self.view.retranslate()
        self._show_empty()

    # -- project ----------------------------------------------------------------------------------
    def set_project(self, project) -> None:
        super().set_project(project)
        self.export_runner.cancel()
        self.banner.clear()
        self.result = None
        self.finetune_button.hide()
        self.report_path = None
        self.export_status.clear()
        self.open_report_button.hide()
        self._set_tools_enabled(project is not None)
        self._update_busy()
        if project is None:
            self._set_empty("no_project")
            return
        self._show_target()
        self._set_empty("loading")
        self.refresh()

    def on_project_modified(self, what: str) -> None:
        if self.project is None or what not in RECOMPUTE_ON:
            return
        if what == "settings":
            self._show_target()
        self.refresh()

    def refresh(self) -> None:
        if self.project is not None:
            self.source.request(self.project)

    def _set_tools_enabled(self, on: bool) -> None:
        for widget in (self.target_spin, self.export_button):
            widget.setEnabled(on)

    def _show_target(self) -> None:
        if self.project is None:
            return
        value = self.project.section("target_pass_rate")
        shown = round(100 * value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 90
        self.target_spin.blockSignals(True)
        self.target_spin.setValue(max(1, min(100, shown)))
        self.target_spin.blockSignals(False)

    @Slot(int)
    def _on_target_changed(self, percent: int) -> None:
        if self.project is None:
            return
        try:
            self.project.set_section("target_pass_rate", round(percent / 100, 4))
        except OSError as exc:
            self.banner.show_message(
                self.tr("The target could not be saved."),
                fill(self.tr("Check that the project folder is writable (%1)."), exc),
            )
            return
        self.project_modified.emit("settings")
        self.refresh()

    # -- the diagnosis ------------------------------------------------------------------------------
    @Slot(object)
    def _on_finished(self, result) -> None:
        if not self._mine(result.root):
            return
        self.banner.clear()
        self.result = result
        self.view.set_result(result, self._ticked(result.diagnosis.recommendation))
        self.finetune_button.setVisible(result.diagnosis.recommendation in ("fine_tuning", "fine_tuning_and_rag"))
        self.stack.setCurrentWidget(self.scroll_area)

    def _internal_error_texts(self) -> tuple[str, str]:
        return (
            self.tr("The advice could not be computed because of an internal error."),
            self.tr("The details are in the log (Help → Show Log Folder)."),
        )

    def _empty_texts(self, kind: str) -> tuple[str, str, str, str, str]:
        if kind == "no_project":
            return (
                self.tr("No project is open"),
                self.tr("Open or create a project and run a few variants; the advice appears here."),
                "",
                self.tr("&Go to Project"),
                "project",
            )
        if kind == "loading":
            return (self.tr("Reading the runs…"), "", "", "", "")
        if kind == "stopped":
            return (
                self.tr("Stopped"),
                self.tr("The advice was not computed because the work was cancelled."),
                "",
                self.tr("&Try again"),
                "retry",
            )
        if kind == "no_runs":
            return (
                self.tr("No advice yet"),
                self.tr("This project has no runs yet."),
                self.tr(
                    "Run a baseline and one or two variants, or import a run made elsewhere; the advice compares them."
                ),
                self.tr("&Go to Run"),
                "run",
            )
        return (self.tr("No advice could be given"), self.tr("See the message above."), "", "", "")

    def _show_rows(self, rows: list, run) -> None:
        payload = {"rows": list(rows)}
        if run:
            payload["run"] = run
        self.navigate.emit("results", payload)

    # -- the checklist's ticks ------------------------------------------------------------------------
    def _ticked(self, recommendation: str) -> set[str]:
        section = self.project.data.get(CHECKLIST_KEY) if self.project is not None else None
        ids = section.get(recommendation) if isinstance(section, dict) else None
        return {str(i) for i in ids} if isinstance(ids, list) else set()

    @Slot(str, bool)
    def _on_tick(self, cid: str, on: bool) -> None:
        if self.project is None or self.result is None:
            return
        rec = self.result.diagnosis.recommendation
        section = dict(self.project.data.get(CHECKLIST_KEY) or {})
        ticked = self._ticked(rec)
        ticked = ticked | {cid} if on else ticked - {cid}
        section[rec] = sorted(ticked)
        try:
            self.project.set_section(CHECKLIST_KEY, section)
        except OSError as exc:
            self.banner.show_message(
                self.tr("The checklist could not be saved."),
                fill(self.tr("Check that the project folder is writable (%1)."), exc),
            )

    def open_finetune(self) -> None:
        if self.project is None:
            return
        from desktop_app.ui.finetune.dialog import open_helper  # noqa: PLC0415 - loaded when asked for

        self.finetune_dialog = open_helper(self, self.project, lambda _: self.project_modified.emit("variants"))

    # -- report -------------------------------------------------------------------------------------
    def ask_export(self) -> None:
        if self.project is None:
            return
        default = str(self.project.exports_dir / "report.html")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the report"), default, self.tr("HTML files (*.html *.htm)")
        )
        if path:
            self.export(path)

    def export(self, path: str) -> None:
        if not Path(path).suffix:
            path += ".html"
        self.open_report_button.hide()
        self.export_status.clear()
        self.export_runner.start(_export_report, snapshot(self.project), path)

    @Slot(object)
    def _on_exported(self, path) -> None:
        if path is None:
            return
        self.report_path = path
        self.export_status.setText(fill(self.tr("Saved %1"), Path(path).name))
        self.export_status.setToolTip(rich_tooltip([path]))
        self.open_report_button.show()
        self.open_report_button.setFocus()

    @Slot(object)
    def _on_export_failed(self, error: ErrorRecord) -> None:
        if error.is_app_error:
            self.banner.show_error(error)
        else:
            self.banner.show_message(
                self.tr("The report could not be written because of an internal error."),
                self.tr("The details are in the log (Help → Show Log Folder)."),
            )

    def open_report(self) -> None:
        if self.report_path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.report_path))
