"""The Run page's Batch option and Batches panel against the scripted server's Batch API."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.cli import main
from desktop_app.core.project.folder import Project
from desktop_app.core.run.project_scores import project_summaries
from desktop_app.ui.run.page import RunPage
from tests.scripted_server import last_user_text


def _answer(req: dict) -> str:
    return "answer " + last_user_text(req).rstrip("?").split()[-1]


def _project(tmp_path: Path, server, monkeypatch, preset: str = "openai", rows: int = 5) -> Project:
    monkeypatch.setenv("OPENAI_API_KEY", server.api_key)
    data = tmp_path / "data.csv"
    data.write_text(
        "id,question,answer\n" + "".join(f"q{i},What is item {i}?,answer {i}\n" for i in range(rows)), encoding="utf-8"
    )
    folder = tmp_path / "proj"
    assert main(["new", str(folder), "--dataset", str(data), "--examples", "0"]) == 0
    assert (
        main(["connect", str(folder), "--preset", preset, "--base-url", server.base_url, "--model", "gpt-4o-mini"]) == 0
    )
    server.chat_rule = _answer
    return Project.open(folder)


def _page(qtbot) -> RunPage:
    page = RunPage()
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def _close(page: RunPage) -> None:
    for runner in (page.load_runner, page.plan_runner, page.run_runner, page.import_runner, page.batch_runner):
        runner.shutdown(5000)


def _statuses(page: RunPage) -> list[str]:
    table = page.view.batches.table
    return [table.topLevelItem(i).text(1) for i in range(table.topLevelItemCount())]


@pytest.fixture
def pages(qtbot):
    made: list[RunPage] = []

    def make() -> RunPage:
        made.append(_page(qtbot))
        return made[-1]

    yield make
    for page in made:
        _close(page)


def test_send_batch_quit_reopen_and_results_arrive(qtbot, pages, tmp_path, scripted_server, monkeypatch):
    """Ticking Batch sends the rows as a batch; a page opened later checks it and says when results arrived."""
    project = _project(tmp_path, scripted_server, monkeypatch)
    page = pages()
    page.set_project(project)
    qtbot.waitUntil(lambda: page.plan is not None, timeout=10000)
    assert page.view.batch_check.isVisible() and not page.view.batches.isVisible()
    assert "Price online: <$0.0001. As a batch: <$0.0001" in page.view.estimate_label.text()
    page.view.batch_check.setChecked(True)
    assert page.view.start_button.text() == "&Send batch"
    with qtbot.waitSignal(page.project_modified, timeout=10000):
        qtbot.mouseClick(page.view.start_button, Qt.MouseButton.LeftButton)
    assert page.view.batches.isVisible() and _statuses(page) == ["checking the file"]
    assert "1 batch sent" in page.view.batches.notice.text() and scripted_server.count() == 0
    _close(page)  # "quit"; the project is opened again in a new window
    later = pages()
    later.set_project(Project.open(project.root))
    qtbot.waitUntil(lambda: _statuses(later) == ["in progress"] and not later.batch_runner.is_running(), timeout=10000)
    assert "Still running" in later.view.batches.notice.text()
    with qtbot.waitSignal(later.notice, timeout=10000) as notice:
        qtbot.mouseClick(later.view.batches.refresh_button, Qt.MouseButton.LeftButton)
    assert _statuses(later) == ["completed"]
    assert notice.args == ["Results of 1 batch have arrived. 5 answers stored."]  # also in the status bar
    assert later.view.batches.notice.text() == notice.args[0]
    (summary,) = project_summaries(Project.open(project.root))
    assert summary.rows == 5 and summary.content_score == 1.0 and summary.run.status == "complete"


def test_cancel_a_batch_from_the_panel_keeps_what_finished(qtbot, pages, tmp_path, scripted_server, monkeypatch):
    """Cancel batch stops the chosen batch; the answers finished before it are stored."""
    project = _project(tmp_path, scripted_server, monkeypatch)
    scripted_server.batch_desk.hold = True
    page = pages()
    page.set_project(project)
    qtbot.waitUntil(lambda: page.plan is not None, timeout=10000)
    page.view.batch_check.setChecked(True)
    with qtbot.waitSignal(page.batch_runner.finished, timeout=10000):
        page.start()
    panel = page.view.batches
    assert not panel.cancel_button.isEnabled()  # nothing chosen yet
    panel.table.topLevelItem(0).setSelected(True)
    assert panel.cancel_button.isEnabled()
    with qtbot.waitSignal(page.batch_runner.finished, timeout=10000):
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert _statuses(page) == ["cancelling"]
    with qtbot.waitSignal(page.batch_runner.finished, timeout=10000):
        page.check_batches()
    assert _statuses(page) == ["cancelled (finished part kept)"] and not panel.cancel_button.isEnabled()
    assert "1 answer stored" in panel.notice.text() and "4 rows got no answer" in panel.notice.text()


def test_a_local_server_offers_no_batch(qtbot, pages, tmp_path, scripted_server, monkeypatch):
    """A local server has no Batch API: the option is not offered and the estimate shows one price."""
    project = _project(tmp_path, scripted_server, monkeypatch, preset="local")
    page = pages()
    page.set_project(project)
    qtbot.waitUntil(lambda: page.plan is not None, timeout=10000)
    assert not page.view.batch_check.isVisible() and "As a batch" not in page.view.estimate_label.text()
    assert page.view.start_button.text() == "&Start"


def test_opening_the_project_collects_arrived_batches_and_says_so(qtbot, tmp_path, scripted_server, monkeypatch):
    """Sent from the command line, collected by the window on opening the project, whatever step is shown."""
    from desktop_app.ui.main_window import MainWindow

    project = _project(tmp_path, scripted_server, monkeypatch)
    assert main(["run", str(project.root), "--batch", "--yes"]) == 0
    assert main(["run", str(project.root), "--collect"]) == 4  # validating -> in_progress
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.select_step("project")
    with qtbot.waitSignal(window.project_changed, timeout=5000):
        window.open_project(str(project.root))
    qtbot.waitUntil(lambda: "Results of 1 batch have arrived" in window.statusBar().currentMessage(), timeout=10000)
    run_page = window.pages["run"]
    assert _statuses(run_page) == ["completed"]
    (summary,) = project_summaries(Project.open(project.root))
    assert summary.rows == 5 and summary.run.status == "complete"
    window.close()


def test_rows_waiting_for_a_batch_are_shown_as_waiting_not_done(qtbot, pages, tmp_path, scripted_server, monkeypatch):
    """While a batch runs, its rows read 'waiting for a batch' and the estimate sends nothing for them."""
    project = _project(tmp_path, scripted_server, monkeypatch)
    assert main(["run", str(project.root), "--batch", "--yes", "--variants", "baseline"]) == 0
    scripted_server.batch_desk.hold = True
    page = pages()
    page.set_project(Project.open(project.root))
    qtbot.waitUntil(lambda: page.plan is not None and not page.batch_runner.is_running(), timeout=10000)
    assert page.view.rows.rows["baseline"].status.text() == "5 waiting for a batch"
    assert "5 rows wait for a batch's results" in page.view.estimate_label.text()


def test_the_panel_says_how_far_storing_the_results_is(qtbot):
    """While a large batch is stored, the panel counts the rows instead of sitting silent."""
    from desktop_app.ui.run.batches_panel import BatchesPanel

    panel = BatchesPanel()
    qtbot.addWidget(panel)
    panel.show_progress({"event": "collecting", "batch": "batch_0007", "done": 1200, "total": 50000})
    assert panel.notice.text() == "Storing the results of batch_0007: 1,200 of 50,000 rows…"


def test_the_panel_counts_the_files_being_sent(qtbot):
    """A large send says which file is going up."""
    from desktop_app.ui.run.batches_panel import BatchesPanel

    panel = BatchesPanel()
    qtbot.addWidget(panel)
    panel.show_progress({"event": "sending", "done": 1, "total": 3})
    assert panel.notice.text() == "Sending batch 2 of 3…"


def test_cancel_while_sending_keeps_what_went_up(qtbot, pages, tmp_path, scripted_server, monkeypatch):
    """Cancel during a long send stops before the next file; the batches already sent are listed."""
    from desktop_app.core.run import batch_files

    monkeypatch.setitem(batch_files.LIMITS, "openai", (1, 200_000_000))
    project = _project(tmp_path, scripted_server, monkeypatch, rows=4)
    scripted_server.batch_desk.upload_delay = 0.3
    page = pages()
    page.set_project(project)
    qtbot.waitUntil(lambda: page.plan is not None and not page.batch_runner.is_running(), timeout=10000)
    page.view.batch_check.setChecked(True)
    qtbot.mouseClick(page.view.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Sending batch" in page.view.batches.notice.text(), timeout=5000)
    assert page.view.cancel_button.isEnabled() and not page.view.start_button.isEnabled()
    with qtbot.waitSignal(page.batch_runner.finished, timeout=10000):
        qtbot.mouseClick(page.view.cancel_button, Qt.MouseButton.LeftButton)
    sent = len(scripted_server.batch_desk.batches)
    assert 1 <= sent < 4 and page.view.batches.table.topLevelItemCount() == sent
