"""Pages that take files dropped on them (Data: the evaluation set; Knowledge: documents).

A page mixes ``FileDrop`` in before its Qt base class and says when it takes files
(``accepts_files``) and what it does with them (``files_dropped``); the drag is accepted only
for local files, so a link dragged from a browser is refused at once rather than on drop.
"""

from __future__ import annotations

from PySide6.QtGui import QDragEnterEvent, QDropEvent


def local_paths(mime) -> list[str]:
    """The local files a drag carries (none for links or text)."""
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []


class FileDrop:
    def accepts_files(self) -> bool:
        return True

    def files_dropped(self, paths: list[str]) -> bool:
        """Take the dropped files; False when the page refused them (it says why)."""
        return False

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.accepts_files() and local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData())
        if self.accepts_files() and paths and self.files_dropped(paths):
            event.acceptProposedAction()
        else:
            event.ignore()
