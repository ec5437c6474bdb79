"""The main window: steps, pages, remembered geometry, projects and the first-launch sample."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import types
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.project import appdirs
from desktop_app.core.project import settings as app_settings
from desktop_app.core.project.folder import Project
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.steps import STEPS

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _open(qtbot, window, call, *args):
    with qtbot.waitSignal(window.project_changed, timeout=5000) as blocker:
        call(*args)
    return blocker.args[0]


def test_every_step_selects_its_page(qtbot, window):
    """Clicking a step in the side list shows that step's page."""
    assert window.step_list.count() == len(STEPS) == 10
    for row, (key, page_class) in enumerate(STEPS):
        item = window.step_list.item(row)
        rect = window.step_list.visualItemRect(item)
        qtbot.mouseClick(window.step_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        page = window.stack.currentWidget().widget()  # each page sits in a scroll area
        assert isinstance(page, page_class) and page is window.pages[key]
        assert window.current_step() == key
        assert page.title() in item.text()


def test_geometry_and_step_are_restored_after_close_and_reopen(qtbot):
    """The window comes back where and as big as the user left it."""
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(713, 544)  # the offscreen screen is 800x600; restoring clamps to the screen
    first.move(37, 29)
    first.select_step("checks")
    qtbot.waitUntil(lambda: first.size().width() == 713)
    first.close()
    assert (appdirs.config_dir() / "window.ini").is_file()  # under the test's tmp home

    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (713, 544)
    assert (second.x(), second.y()) == (37, 29)
    assert second.current_step() == "checks"


def test_opening_a_project_shows_its_name_and_remembers_it(qtbot, window, tmp_path):
    """After opening a project its name is in the title and it is in the recent list."""
    Project.create(tmp_path / "support-bot", name="Support bot QA")
    project = _open(qtbot, window, window.open_project, str(tmp_path / "support-bot"))
    assert project.name == "Support bot QA"
    assert window.windowTitle().startswith("Support bot QA")
    page = window.pages["project"]
    assert page.name_value.text() == "Support bot QA"
    assert page.recent_list.count() == 1
    stored = app_settings.load()["recent_projects"]
    assert stored == [str((tmp_path / "support-bot").resolve())]
    window._fill_recent_menu()
    assert [a.text() for a in window.recent_menu.actions()] == ["support-bot"]


def test_project_names_are_shown_as_plain_text(qtbot, window, tmp_path):
    """A name with markup in it is shown as typed, never interpreted as rich text."""
    Project.create(tmp_path / "p", name="<b>Q&A</b> <img src=x>")
    _open(qtbot, window, window.open_project, str(tmp_path / "p"))
    label = window.pages["project"].name_value
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "<b>Q&A</b> <img src=x>"


def test_a_damaged_project_shows_the_explanation_and_the_app_carries_on(qtbot, window, tmp_path):
    """Opening a broken project says what is wrong and what to do; nothing else changes."""
    bad = tmp_path / "broken"
    bad.mkdir()
    (bad / "project.json").write_text("{ not json", encoding="utf-8")
    with qtbot.waitSignal(window.project_runner.failed, timeout=5000):
        window.open_project(str(bad))
    assert window.banner.isVisible()
    assert "damaged" in window.banner_text.text() and "backup" in window.banner_text.text()
    assert window.project is None
    Project.create(tmp_path / "good")
    _open(qtbot, window, window.open_project, str(tmp_path / "good"))  # still works afterwards
    assert not window.banner.isVisible()


def test_first_launch_opens_the_sample_project_off_the_gui_thread(qtbot, monkeypatch, tmp_path):
    """A new user sees the sample project on first launch; later launches reopen the last project."""
    calls = []

    def ensure_sample_project(source_dir, progress=None, should_stop=None):
        assert callable(progress) and should_stop() is False  # building it can be cancelled
        calls.append((Path(source_dir), threading.current_thread() is threading.main_thread()))
        target = appdirs.data_dir() / "sample"
        if not (target / "project.json").exists():
            Project.create(target, name="Sample: Orbit support bot")
        return target

    fake = types.ModuleType("desktop_app.core.sample")
    fake.ensure_sample_project = ensure_sample_project
    monkeypatch.setitem(sys.modules, "desktop_app.core.sample", fake)

    first = MainWindow()
    qtbot.addWidget(first)
    project = _open(qtbot, first, first.first_launch)
    assert project.name == "Sample: Orbit support bot"
    assert "Sample: Orbit support bot" in first.windowTitle()
    assert calls == [(REPO / "resources" / "sample_project", False)]
    assert app_settings.load()["sample_opened"] is True
    assert first.current_step() == "grid"  # the first thing a new user sees: runs on the grid
    first.close()

    mine = Project.create(tmp_path / "mine", name="Mine")
    settings = app_settings.add_recent(app_settings.load(), mine.root)
    app_settings.save(settings)
    second = MainWindow()
    qtbot.addWidget(second)
    reopened = _open(qtbot, second, second.first_launch)
    assert reopened.name == "Mine" and len(calls) == 1  # the sample was not built again


def test_first_launch_in_japanese_opens_the_japanese_sample(qtbot, monkeypatch, japanese):
    """On a Japanese system (or with 日本語 chosen) the first project a user sees is the Japanese sample."""
    calls = []

    def ensure_sample_project(source_dir, progress=None, should_stop=None):
        calls.append(Path(source_dir))
        target = appdirs.data_dir() / "sample-ja"
        if not (target / "project.json").exists():
            Project.create(target, name="サンプル")
        return target

    fake = types.ModuleType("desktop_app.core.sample")
    fake.ensure_sample_project = ensure_sample_project
    monkeypatch.setitem(sys.modules, "desktop_app.core.sample", fake)
    first = MainWindow()
    qtbot.addWidget(first)
    assert _open(qtbot, first, first.first_launch).name == "サンプル"
    assert calls == [REPO / "resources" / "sample_project_ja"]
    first.close()


def test_without_the_sample_module_the_project_page_shows_no_project(qtbot, window, monkeypatch, caplog):
    """If the build has no sample, the app says so in the log and waits on the Project page."""
    monkeypatch.setitem(sys.modules, "desktop_app.core.sample", None)
    with qtbot.waitSignal(window.project_runner.finished, timeout=5000):
        window.first_launch()
    assert window.project is None
    assert window.current_step() == "project"
    assert "Sample project not available" in caplog.text
    assert app_settings.load()["sample_opened"] is False  # try again next launch


def test_startup_shows_the_window_without_heavy_imports(tmp_path):
    """The window appears before chromadb, pandas or openai are loaded (fast start)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LLM_PATH_ADVISOR_HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--measure-startup"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "heavy modules loaded: none" in done.stdout
    log = (tmp_path / "log" / "llm-path-advisor.log").read_text(encoding="utf-8")
    assert "Starting LLM Path Advisor" in log


def test_pages_navigate_and_hear_about_changes(qtbot):
    """A page can send the user to another step with a payload, and changes reach the others."""
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    seen = []
    window.pages["results"].focus = lambda payload: seen.append(("focus", payload))
    window.pages["grid"].on_project_modified = lambda what: seen.append(("grid", what))
    window.pages["data"].on_project_modified = lambda what: seen.append(("data", what))
    window.pages["advice"].navigate.emit("results", {"rows": ["q1"]})
    assert window.current_step() == "results"
    window.pages["data"].project_modified.emit("dataset")
    assert ("focus", {"rows": ["q1"]}) in seen and ("grid", "dataset") in seen
    assert ("data", "dataset") not in seen  # the sender already knows
    window.run_action.trigger()
    assert window.current_step() == "run"


def test_closing_during_work_says_it_is_finishing(qtbot):
    """Quitting while work winds down tells the user why the window has not gone yet."""
    import time

    from desktop_app.ui.tasks import TaskRunner

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    runner = TaskRunner(w)

    def slow(state):
        while not state.should_stop():
            time.sleep(0.01)
        time.sleep(0.3)  # stopping takes a moment, as a run's grace for answers in flight does

    runner.start(slow)
    qtbot.waitUntil(lambda: runner.pending_workers() == 1)
    messages = []
    w.statusBar().messageChanged.connect(messages.append)
    w.close()
    assert "Closing: finishing the work in progress…" in messages
    assert runner.pending_workers() == 0


def test_a_change_made_outside_the_window_is_taken_in_and_never_overwritten(qtbot, window, tmp_path):
    """A CLI command editing the open project: the window shows its change at once, and the window's
    next save keeps it (before, the window wrote its old copy back over it every time)."""
    Project.create(tmp_path / "p", name="Mine")
    project = _open(qtbot, window, window.open_project, str(tmp_path / "p"))
    heard = []
    window.pages["checks"].on_project_modified = heard.append
    outside = Project.open(tmp_path / "p")
    outside.set_section("checks", [{"id": "contains", "kind": "contains", "family": "content"}])
    qtbot.waitUntil(lambda: bool(project.data["checks"]), timeout=5000)
    assert heard == ["checks"] and "changed by another program" in window.statusBar().currentMessage()
    project.set_section("target_pass_rate", 0.75)  # the window saves its own edit
    reopened = Project.open(tmp_path / "p")
    assert reopened.data["checks"][0]["id"] == "contains" and reopened.data["target_pass_rate"] == 0.75
    outside.set_section("notes", "second change")  # the watch survives the window's own save
    qtbot.waitUntil(lambda: project.data["notes"] == "second change", timeout=5000)
