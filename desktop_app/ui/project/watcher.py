"""Noticing when another program (a CLI command, a second window) changes the open project.

A QFileSystemWatcher on project.json; a short delay gathers the bursts of one save. The
project then takes in the sections changed outside (``Project.reload`` keeps edits not yet
saved), and the window tells the pages which parts changed. Our own saves change nothing
``reload`` does not already know, so they pass quietly.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from desktop_app.core.errors import AppError

SETTLE_MS = 300  # one save is a temp file, a rename and a lock release: let it finish

# project.json section -> the "what" pages already listen for (Page.on_project_modified)
SECTION_WHAT = {
    "checks": "checks",
    "connection": "connection",
    "dataset": "dataset",
    "knowledge": "knowledge",
    "variants": "variants",
    "judge_connection": "judge",
}


class ProjectFileWatcher(QObject):
    changed_outside = Signal(list)  # the pages' "what" words, e.g. ["checks", "settings"]
    failed = Signal(object)  # an AppError: the file became unreadable

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.project = None
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_file_changed)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SETTLE_MS)
        self.timer.timeout.connect(self._reload)

    def watch(self, project) -> None:
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        self.project = project
        self._arm()

    def _path(self) -> str:
        return str(Path(self.project.root) / "project.json") if self.project is not None else ""

    def _arm(self) -> None:
        path = self._path()
        if path and Path(path).exists() and path not in self.watcher.files():
            self.watcher.addPath(path)

    def _on_file_changed(self, _path: str) -> None:
        self.timer.start()

    def _reload(self) -> None:
        self._arm()  # a save replaces the file, and the watch goes with the old one
        if self.project is None or not Path(self._path()).exists():
            return
        try:
            sections = self.project.reload()
        except AppError as exc:
            self.failed.emit(exc)
            return
        if sections:
            self.changed_outside.emit(sorted({SECTION_WHAT.get(s, "settings") for s in sections}))
