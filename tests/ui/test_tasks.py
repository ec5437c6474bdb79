"""TaskRunner: work off the GUI thread, results back on it, cancel, supersede, shut down."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from desktop_app.core.errors import DataError
from desktop_app.ui import tasks
from desktop_app.ui.tasks import ErrorRecord, TaskRunner


def _on_gui_thread() -> bool:
    return (
        QThread.currentThread() is QApplication.instance().thread()
        and threading.current_thread() is threading.main_thread()
    )


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner()
    yield runner
    assert runner.shutdown(5000), "a test left work running"


def _wait_idle(qtbot, runner):
    """Until every worker this runner started has left its thread and its signals are handled."""
    qtbot.waitUntil(lambda: runner.pending_workers() == 0, timeout=5000)
    qtbot.wait(20)


def test_progress_partial_and_result_arrive_on_the_gui_thread(qtbot, runner):
    """Views update widgets from progress and results without ever being called off the GUI thread."""
    seen = {"work_thread_is_gui": None, "progress": [], "partial": [], "slot_threads_ok": []}

    def work(state, count):
        seen["work_thread_is_gui"] = _on_gui_thread()
        for i in range(count):
            state.progress((i + 1, count))
            state.partial({"row": i})
            time.sleep(0.002)
        return "done"

    def on_progress(value):
        seen["slot_threads_ok"].append(_on_gui_thread())
        seen["progress"].append(value)

    def on_partial(value):
        seen["slot_threads_ok"].append(_on_gui_thread())
        seen["partial"].append(value["row"])

    runner.progress.connect(on_progress)
    runner.partial.connect(on_partial)
    with qtbot.waitSignal(runner.finished, timeout=5000) as blocker:
        runner.start(work, 20)
    assert blocker.args == ["done"]
    assert seen["work_thread_is_gui"] is False
    assert seen["slot_threads_ok"] and all(seen["slot_threads_ok"])
    assert seen["partial"] == list(range(20))  # every partial result, in order
    assert seen["progress"][-1] == (20, 20)  # coalescing never loses the latest value
    assert not runner.is_running()


def test_a_flood_of_progress_is_coalesced_but_ends_on_the_last_value(qtbot, runner):
    """A loop reporting every row cannot freeze the window with queued updates."""
    received = []
    runner.progress.connect(received.append)

    def work(state):
        for i in range(20000):
            state.progress(i)
        return None

    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.start(work)
    assert received[-1] == 19999
    assert len(received) < 20000


def test_cancel_stops_the_work_and_nothing_is_delivered(qtbot, runner):
    """Pressing Cancel really stops the work, and the view hears nothing more from it."""
    started, reached = threading.Event(), {"step": 0, "end": False}
    finished = []
    runner.finished.connect(finished.append)

    def work(state):
        started.set()
        for step in range(500):
            if state.should_stop():
                return "stopped early"
            reached["step"] = step
            time.sleep(0.01)
        reached["end"] = True
        return "ran to the end"

    with qtbot.waitSignal(runner.running_changed, timeout=2000):
        runner.start(work)
    assert started.wait(2)
    assert runner.is_running()
    runner.cancel()
    assert not runner.is_running()
    _wait_idle(qtbot, runner)
    assert reached["end"] is False and reached["step"] < 400
    assert finished == []


def test_stop_delivers_what_finished(qtbot, runner):
    """Cancel on a run stops the work yet its partial results and its own result still arrive."""
    started = threading.Event()
    partials, finished = [], []
    runner.partial.connect(partials.append)
    runner.finished.connect(finished.append)

    def work(state):
        started.set()
        done = 0
        while not state.should_stop() and done < 500:
            done += 1
            state.partial(done)
            time.sleep(0.01)
        return ("stopped", done)

    runner.start(work)
    assert started.wait(2)
    qtbot.waitUntil(lambda: len(partials) >= 2, timeout=2000)
    runner.stop()
    assert runner.is_running() and runner.is_stopping()
    with qtbot.waitSignal(runner.finished, timeout=3000):
        pass
    assert not runner.is_running() and not runner.is_stopping()
    kind, done = finished[0]
    assert kind == "stopped" and done < 500
    assert partials[-1] == done


def test_a_second_start_cancels_the_first_and_drops_its_late_result(qtbot, runner):
    """Changing options mid-task never shows results computed for the old options."""
    first_started, release_first = threading.Event(), threading.Event()
    first_saw_stop = []
    results, partials = [], []
    runner.finished.connect(results.append)
    runner.partial.connect(partials.append)

    def first(state):
        first_started.set()
        release_first.wait(5)  # a task that does not poll should_stop still finishes late
        first_saw_stop.append(state.should_stop())
        state.partial("first partial")
        return "first result"

    def second(state):
        state.partial("second partial")
        return "second result"

    runner.start(first)
    assert first_started.wait(2)
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.start(second)
    release_first.set()
    _wait_idle(qtbot, runner)
    assert first_saw_stop == [True]
    assert results == ["second result"]
    assert partials == ["second partial"]


def test_an_exception_arrives_as_failed_with_the_message(qtbot, runner):
    """A crash in background work reaches the window as an error record, not a dead thread."""
    bugs = []
    tasks.set_unhandled_error_hook(bugs.append)
    try:

        def work(state, column):
            raise ValueError(f"column {column!r} has no values")

        with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
            runner.start(work, "answer")
    finally:
        tasks.set_unhandled_error_hook(None)
    error = blocker.args[0]
    assert isinstance(error, ErrorRecord)
    assert error.exc_type == "ValueError"
    assert error.message == "column 'answer' has no values"
    assert "in work" in error.traceback and not error.is_app_error
    assert bugs == [error]  # a bug is also reported to the crash dialog hook
    assert not runner.is_running()


def test_an_app_error_carries_its_hint_and_is_not_reported_as_a_bug(qtbot, runner):
    """A user mistake shows its explanation and hint; it never opens the crash dialog."""
    bugs = []
    tasks.set_unhandled_error_hook(bugs.append)
    try:

        def work(state):
            raise DataError("The file has no header row.", "Add a first row with column names.")

        with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
            runner.start(work)
    finally:
        tasks.set_unhandled_error_hook(None)
    error = blocker.args[0]
    assert (error.exc_type, error.message, error.hint, error.is_app_error) == (
        "DataError",
        "The file has no header row.",
        "Add a first row with column names.",
        True,
    )
    assert bugs == []


def test_state_callbacks_fit_the_core_long_work_signature(qtbot, runner):
    """Core functions taking progress= and should_stop= run unchanged under the runner."""
    progress = []
    runner.progress.connect(progress.append)

    def core_like(items, progress=None, should_stop=None):
        done = 0
        for done, _ in enumerate(items, 1):
            if should_stop():
                break
            progress({"done": done, "total": len(items)})
        return done

    with qtbot.waitSignal(runner.finished, timeout=5000) as blocker:
        runner.start(lambda state, items: core_like(items, **state.callbacks()), list("abcde"))
    assert blocker.args == [5]
    assert progress[-1] == {"done": 5, "total": 5}


def test_shutdown_requests_stop_and_waits_for_the_work(qtbot):
    """Quitting never leaves a thread writing to a project after the app is gone."""
    runner = TaskRunner()
    started, state_after = threading.Event(), {}

    def work(state):
        started.set()
        while not state.should_stop():
            time.sleep(0.005)
        time.sleep(0.05)  # winding down (closing files) takes a moment
        state_after["exited"] = True

    runner.start(work)
    assert started.wait(2)
    assert runner.shutdown(5000) is True
    assert state_after == {"exited": True}
    assert runner.pending_workers() == 0


def test_network_work_does_not_block_quick_queries(qtbot):
    """A long evaluation run on the network pool leaves quick lookups responsive."""
    release = threading.Event()
    slow = [TaskRunner(pool=tasks.network_pool()) for _ in range(tasks.network_pool().maxThreadCount())]
    quick = TaskRunner()
    try:
        for r in slow:
            r.start(lambda state: release.wait(5))
        qtbot.waitUntil(lambda: tasks.network_pool().activeThreadCount() == len(slow), timeout=2000)
        with qtbot.waitSignal(quick.finished, timeout=2000) as blocker:
            quick.start(lambda state: "search results")
        assert blocker.args == ["search results"]
        assert tasks.network_pool() is not tasks.quick_pool()
    finally:
        release.set()
        for r in [*slow, quick]:
            assert r.shutdown(5000)


def test_closing_the_window_waits_for_running_work(qtbot, qtlog):
    """Closing the app mid-task stops the work cleanly before the window is gone."""
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    page_runner = TaskRunner(window.pages["run"])  # a page's runner, found through the window
    started, trace = threading.Event(), []

    def work(state):
        started.set()
        while not state.should_stop():
            time.sleep(0.005)
        time.sleep(0.1)  # e.g. committing the last result
        trace.append("work exited")

    page_runner.start(work)
    assert started.wait(2)
    window.close()
    trace.append("close returned")
    assert trace == ["work exited", "close returned"]
    assert page_runner.pending_workers() == 0
    assert not [r for r in qtlog.records if "destroyed while" in r.message.lower()]


def test_a_dialog_deleted_while_its_work_runs_does_not_crash_the_app(qtbot):
    """Closing a dialog (deleting it and its runner) while its background work still runs: the work ends and
    reports into nothing, and the app carries on (a worker emitting on a deleted object used to crash it)."""
    from PySide6.QtWidgets import QDialog

    dialog = QDialog()
    runner = TaskRunner(dialog)
    release, ended = threading.Event(), threading.Event()

    def work(state):
        release.wait(5)
        state.progress({"done": 1, "total": 2})
        state.partial("late")
        ended.set()
        return "late result"

    runner.start(work)
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not _alive(dialog), timeout=5000)
    release.set()
    assert ended.wait(5)
    assert tasks._pools and all(pool.waitForDone(5000) for pool in tasks._pools.values())
    qtbot.wait(50)  # the queued deliveries are dropped, not delivered to a deleted runner
    other = TaskRunner()  # and the app goes on working
    with qtbot.waitSignal(other.finished, timeout=5000) as done:
        other.start(lambda state: "next")
    assert done.args == ["next"]


def _alive(obj) -> bool:
    from shiboken6 import isValid

    return isValid(obj)
