"""One diagnosis task shared by the Grid and Advice pages.

Both pages need the same diagnosis at the same moments (a project opens, a change is broadcast
to every page). Requests made in one turn of the event loop are coalesced into one task on
the quick pool, whose result goes to both, so the two-core machines our users have do the
work once. Results carry the project folder they belong to; a page ignores any other.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.ui.advice.compute import compute_advice, snapshot
from desktop_app.ui.tasks import TaskRunner

_shared: "AdviceSource | None" = None


class AdviceSource(QObject):
    finished = Signal(object)  # AdviceResult
    failed = Signal(object, str)  # ErrorRecord, the project folder it was for
    busy_changed = Signal()  # ask is_running()
    cancelled = Signal()  # the user stopped it: pages without a result say so

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = TaskRunner(self)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.running_changed.connect(lambda _running: self.busy_changed.emit())
        self.root = ""  # the folder of the project being computed, or last computed
        self._pending = None
        self._warm = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._start)

    def request(self, project, *, warm_plots: bool = False) -> None:
        """Compute the diagnosis of ``project`` as it is now (coalesced with requests of this turn)."""
        self._pending = snapshot(project)  # the latest state wins
        self._warm = self._warm or warm_plots
        if not self._timer.isActive():
            self._timer.start()
            self.busy_changed.emit()

    def is_running(self) -> bool:
        """A request waiting for its turn counts: the pages show "working" at once."""
        return self._timer.isActive() or self.runner.is_running()

    def cancel(self) -> None:
        self._timer.stop()
        self._pending = None
        self.runner.cancel()
        self.busy_changed.emit()
        self.cancelled.emit()

    def _start(self) -> None:
        project, warm = self._pending, self._warm
        self._pending, self._warm = None, False
        if project is not None:
            self.root = str(project.root)
            self.runner.start(compute_advice, project, warm_plots=warm)  # cancels an older one
        self.busy_changed.emit()

    def _on_finished(self, result) -> None:
        if result is not None:
            self.finished.emit(result)

    def _on_failed(self, error) -> None:
        self.failed.emit(error, self.root)


def shared_source() -> AdviceSource:
    """The app's one AdviceSource (made on first use, after the QApplication exists)."""
    global _shared
    if _shared is None:
        _shared = AdviceSource()
    return _shared
