"""The Results page's export: every row of every run, with its verdicts, as an Excel workbook or a
CSV file, written off the GUI thread. A mixin of ResultsPage (it uses the page's project, banner
and export runner); its words keep the page's translation context.
"""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QCoreApplication, Slot

from desktop_app.ui.results.words import fill
from desktop_app.ui.run.work import snapshot

translate = QCoreApplication.translate


def _export_rows(state, project, path: str) -> str | None:
    from desktop_app.core.report.build import build_report_data, export_table  # noqa: PLC0415 - pandas

    data = build_report_data(project)
    if state.should_stop():
        return None
    return str(export_table(data, path))


class ExportActions:
    """Expects ``project``, ``banner`` and ``export_runner`` (provided by ResultsPage)."""

    project: Any
    banner: Any
    export_runner: Any

    @Slot()
    def ask_export(self) -> None:
        """Every row of every run, with verdicts, as a workbook or CSV (File → Export Results…)."""
        from PySide6.QtWidgets import QFileDialog, QWidget  # noqa: PLC0415

        if self.project is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            cast(QWidget, self),
            translate("ResultsPage", "Export the results"),
            str(self.project.exports_dir / "results.xlsx"),
            translate("ResultsPage", "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
        )
        if path:
            self.export(path)

    def export(self, path: str) -> None:
        if not path.lower().endswith((".xlsx", ".csv")):
            path += ".xlsx"
        self.export_runner.start(_export_rows, snapshot(self.project), path)

    @Slot(object)
    def _on_exported(self, path) -> None:
        if path:
            self.banner.show_message(fill(translate("ResultsPage", "Saved %1"), path), "", "info")
