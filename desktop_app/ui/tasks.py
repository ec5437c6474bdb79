"""The ONLY threading code of the app: run long work off the GUI thread and report back.

A view owns one ``TaskRunner`` per kind of work and calls ``runner.start(fn, *args)``; the work
function runs on a pool thread as ``fn(state, *args, **kwargs)`` and talks back only through
``state``: ``state.progress(x)``, ``state.partial(x)`` and ``state.should_stop()`` — the same
``progress``/``should_stop`` callables the core's long functions take (``state.callbacks()``).
The runner re-emits everything as its own signals on the GUI thread, so slots may touch
widgets; the worker never does. Starting again cancels the running task and drops its late
results (a generation counter), which is how a view avoids showing results for options the
user has since changed. Evaluation runs (network-bound, minutes long) go to ``network_pool()``
so quick queries on ``quick_pool()`` never wait behind them.
"""

from __future__ import annotations

import logging
import os
import threading
import traceback
import weakref
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

# Python code (pandas, chromadb, deep recursion in parsers) needs more stack than the 512 KB
# some platforms give secondary threads (macOS); Orange hit the same wall (QTBUG-2568).
_STACK_BYTES = 8 * 1024 * 1024
_pools: dict[str, QThreadPool] = {}
_runners: "weakref.WeakSet[TaskRunner]" = weakref.WeakSet()
_unhandled_error_hook: Callable[["ErrorRecord"], None] | None = None


def _pool(name: str, threads: int) -> QThreadPool:
    pool = _pools.get(name)
    if pool is None:
        pool = QThreadPool()
        pool.setObjectName(f"{name}-pool")
        pool.setMaxThreadCount(threads)
        pool.setStackSize(_STACK_BYTES)
        _pools[name] = pool
    return pool


def quick_pool() -> QThreadPool:
    """Pool for short, CPU- or disk-bound work: opening projects, previews, searches."""
    return _pool("quick", max(2, min(4, os.cpu_count() or 2)))


def network_pool() -> QThreadPool:
    """Pool for evaluation runs: each is asyncio inside and may wait minutes on a server."""
    return _pool("network", 2)


def set_unhandled_error_hook(hook: Callable[["ErrorRecord"], None] | None) -> None:
    """Where failures that are bugs (not AppError) are reported; the crash dialog installs one."""
    global _unhandled_error_hook
    _unhandled_error_hook = hook


@dataclass(frozen=True)
class ErrorRecord:
    """A failure as plain data: safe to pass between threads and to show or log later."""

    exc_type: str
    message: str
    hint: str = ""
    traceback: str = ""
    is_app_error: bool = False

    @classmethod
    def from_exception(cls, exc: BaseException) -> "ErrorRecord":
        from desktop_app.core.errors import as_app_error

        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        known = as_app_error(exc)  # a full disk is the user's to fix, not a crash to report
        if known is not None:
            from desktop_app.ui.language import localized  # noqa: PLC0415

            return cls(type(known).__name__, localized(known.message), localized(known.hint), text, True)
        return cls(type(exc).__name__, str(exc), "", text, False)

    def summary(self) -> str:
        return f"{self.exc_type}: {self.message}" if self.message else self.exc_type


class TaskState:
    """Handed to the work function: a stop flag to poll and two ways to report back.

    Thread-safe. Progress is coalesced: while one update waits for the GUI thread, newer
    values replace it, so a loop reporting every row cannot flood the event queue; the
    latest value always arrives. Partial results are all delivered, in order.
    """

    def __init__(self, emit_progress: Callable[[], None], emit_partial: Callable[[Any], None]):
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._latest: Any = None
        self._progress_pending = False
        self._emit_progress = emit_progress
        self._emit_partial = emit_partial

    def should_stop(self) -> bool:
        return self._stop.is_set()

    def request_stop(self) -> None:
        self._stop.set()

    def progress(self, value: Any) -> None:
        with self._lock:
            self._latest = value
            if self._progress_pending:
                return
            self._progress_pending = True
        self._emit_progress()

    def partial(self, value: Any) -> None:
        self._emit_partial(value)

    def callbacks(self) -> dict[str, Callable]:
        """``progress=`` and ``should_stop=`` keyword arguments for a core function."""
        return {"progress": self.progress, "should_stop": self.should_stop}

    def _take_progress(self) -> Any:
        with self._lock:
            self._progress_pending = False
            return self._latest


class _Relay(QObject):
    """Lives on the GUI thread; workers emit on it, so every delivery is a queued call."""

    progress = Signal(int)
    partial = Signal(int, object)
    done = Signal(int, object, object)  # generation, result, ErrorRecord or None


class _Worker(QRunnable):
    def __init__(self, generation: int, state: TaskState, relay: _Relay, fn, args, kwargs):
        super().__init__()
        self.setAutoDelete(False)  # the runner holds it until its done signal is handled
        self.generation = generation
        self.state = state
        self.relay = relay
        self.finished_event = threading.Event()
        self._call: tuple | None = (fn, args, kwargs)

    def run(self) -> None:
        threading.current_thread().name = f"task-{self.generation}"  # readable log lines
        assert self._call is not None  # set by the constructor, cleared only below
        fn, args, kwargs = self._call
        result, error = None, None
        try:
            if not self.state.should_stop():
                result = fn(self.state, *args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI as data
            error = ErrorRecord.from_exception(exc)
        finally:
            self._call = None  # drop references to inputs before the GUI thread sees "done"
        try:
            self.relay.done.emit(self.generation, result, error)
        except RuntimeError:  # the runner was destroyed without shutdown(); nobody listens
            pass
        finally:
            self.finished_event.set()


class TaskRunner(QObject):
    """Runs one task at a time for a view; signals arrive on the GUI thread as plain data."""

    progress = Signal(object)
    partial = Signal(object)
    finished = Signal(object)
    failed = Signal(object)  # ErrorRecord
    running_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, pool: QThreadPool | None = None):
        super().__init__(parent)
        self._pool = pool or quick_pool()
        self._generation = 0
        self._current: _Worker | None = None
        self._workers: dict[int, _Worker] = {}
        # Not the runner's child: a dialog or page may be deleted while its worker still runs, and
        # a worker emitting on a deleted relay crashes the app. Owned by the application instead,
        # the relay outlives every worker; Qt drops the queued deliveries to a deleted runner.
        self._relay = _Relay(QCoreApplication.instance())
        q = Qt.ConnectionType.QueuedConnection
        self._relay.progress.connect(self._on_progress, q)
        self._relay.partial.connect(self._on_partial, q)
        self._relay.done.connect(self._on_done, q)
        _runners.add(self)

    # -- control (GUI thread) ------------------------------------------------------------
    def start(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> int:
        """Run ``fn(state, *args, **kwargs)`` on the pool; cancels the task already running."""
        was_running = self.is_running()
        self._stop_current()
        self._generation += 1
        gen = self._generation
        relay = self._relay
        state = TaskState(lambda: relay.progress.emit(gen), lambda value: relay.partial.emit(gen, value))
        worker = _Worker(gen, state, relay, fn, args, kwargs)
        self._workers[gen] = worker
        self._current = worker
        self._pool.start(worker)
        if not was_running:
            self.running_changed.emit(True)
        return gen

    def cancel(self) -> None:
        """Ask the running task to stop; whatever it still reports is ignored."""
        if self._stop_current():
            self.running_changed.emit(False)

    def stop(self) -> None:
        """Ask the running task to stop but deliver what finished: it stays current, so its
        progress, partial results and its own result (or failure) still arrive (a run's kept
        rows and the offer to resume). ``cancel`` is the other mode: everything late is dropped."""
        if self._current is not None:
            self._current.state.request_stop()

    def is_stopping(self) -> bool:
        """A task is running and has been asked to stop (by ``stop``) but has not ended yet."""
        return self._current is not None and self._current.state.should_stop()

    def is_running(self) -> bool:
        return self._current is not None

    def pending_workers(self) -> int:
        """Workers of this runner still on a thread, including cancelled ones winding down."""
        return sum(not w.finished_event.is_set() for w in self._workers.values())

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Stop everything this runner started and wait; True if all work ended in time."""
        self.cancel()
        for worker in self._workers.values():
            worker.state.request_stop()
        deadline = QDeadlineTimer(timeout_ms)
        for worker in list(self._workers.values()):
            if not worker.finished_event.wait(max(0, deadline.remainingTime()) / 1000):
                log.warning("A background task did not stop within %d ms.", timeout_ms)
                return False
        self._workers.clear()
        return True

    def _stop_current(self) -> bool:
        worker, self._current = self._current, None
        if worker is None:
            return False
        worker.state.request_stop()
        if self._pool.tryTake(worker):  # still queued: it will never run
            worker.finished_event.set()
            self._workers.pop(worker.generation, None)
        return True

    # -- deliveries (GUI thread, queued from workers) ---------------------------------------
    def _is_current(self, gen: int) -> bool:
        return self._current is not None and self._current.generation == gen

    @Slot(int)
    def _on_progress(self, gen: int) -> None:
        worker = self._workers.get(gen)
        if worker is not None:
            value = worker.state._take_progress()
            if self._is_current(gen):
                self.progress.emit(value)

    @Slot(int, object)
    def _on_partial(self, gen: int, value: Any) -> None:
        if self._is_current(gen):
            self.partial.emit(value)

    @Slot(int, object, object)
    def _on_done(self, gen: int, result: Any, error: ErrorRecord | None) -> None:
        self._workers.pop(gen, None)
        if error is not None and not error.is_app_error:
            log.error(
                "Background task failed%s:\n%s",
                "" if self._is_current(gen) else " after it was cancelled",
                error.traceback,
            )
        if not self._is_current(gen):
            return  # cancelled or superseded: late results must not reach the view
        self._current = None
        self.running_changed.emit(False)
        if error is None:
            self.finished.emit(result)
            return
        self.failed.emit(error)
        if not error.is_app_error and _unhandled_error_hook is not None:
            _unhandled_error_hook(error)


def shutdown_all(timeout_ms: int = 5000) -> bool:
    """On quit: ask every runner's work to stop, then wait for both pools to drain."""
    for runner in list(_runners):
        runner.cancel()
        for worker in list(runner._workers.values()):
            worker.state.request_stop()
    ok = all(pool.waitForDone(timeout_ms) for pool in _pools.values())
    if not ok:
        log.warning("Background work was still running %d ms after the app was asked to quit.", timeout_ms)
    return ok


def any_running() -> bool:
    """Whether any runner of the app has work on a thread (the self-test waits for quiet)."""
    return any(runner.is_running() or runner.pending_workers() for runner in list(_runners))
