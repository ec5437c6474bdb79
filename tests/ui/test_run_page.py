"""The Run page against the scripted server: estimate, run with bars, cancel, resume, errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.cli import main
from desktop_app.core.data import rows as datasets
from desktop_app.core.project.folder import Project
from desktop_app.core.variants.variant import preset, save_variants
from desktop_app.ui.results.page import ResultsPage
from desktop_app.ui.run.page import RunPage
from desktop_app.ui.results.leaderboard_model import COLUMNS
from tests.scripted_server import Reply, last_user_text

VARIANTS = ("baseline", "instructions", "few_shot")


def _answer(req: dict):
    """The scripted model knows item N's answer is 'answer N'."""
    return "answer " + last_user_text(req).rstrip("?").split()[-1]


def _refusing(row_id: str):
    """Like _answer, but the server refuses the request of one row (HTTP 400, not retried)."""

    def rule(req: dict):
        if last_user_text(req) == f"What is item {row_id[1:]}?":
            return Reply("the prompt was refused", status=400)
        return _answer(req)

    return rule


def make_project(
    tmp_path: Path, server, rows: int = 12, examples: int = 3, selected=VARIANTS, concurrency: int | None = None
) -> Project:
    data = tmp_path / "data.csv"
    data.write_text(
        "id,question,answer\n" + "".join(f"q{i},What is item {i}?,answer {i}\n" for i in range(rows + examples)),
        encoding="utf-8",
    )
    folder = tmp_path / "proj"
    assert main(["new", str(folder), "--dataset", str(data), "--examples", str(examples)]) == 0
    assert main(["connect", str(folder), "--base-url", server.base_url, "--model", "gpt-4o-mini"]) == 0
    project = Project.open(folder)
    save_variants(
        project,
        [preset(name, k=2) if name == "few_shot" else preset(name) for name in VARIANTS],
        selection=list(selected),
    )
    if concurrency:
        project.set_section("run_settings", {"concurrency": concurrency})
    server.chat_rule = _answer
    return project


@pytest.fixture
def page(qtbot):
    p = RunPage()
    qtbot.addWidget(p)
    p.resize(900, 700)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.run_runner.stop()
    for runner in (p.load_runner, p.plan_runner, p.run_runner, p.import_runner):
        runner.shutdown(5000)


def _idle(page) -> bool:
    return not (page.is_running() or page.load_runner.is_running() or page.plan_runner.is_running())


def _finished_rows(project: Project) -> set[str]:
    with sqlite3.connect(project.results_db) as conn:
        return {r[0] for r in conn.execute("SELECT row_id FROM results WHERE error IS NULL")}


def _runs(project: Project) -> int:
    with sqlite3.connect(project.results_db) as conn:
        return conn.execute("SELECT COUNT(*) FROM runs").fetchone()[0]


def test_three_variants_run_to_full_bars_and_fill_the_leaderboard(qtbot, page, tmp_path, scripted_server):
    """Ctrl+R runs the ticked variants: each bar reaches 100%, errors are listed, Results shows the runs."""
    project = make_project(tmp_path, scripted_server)
    refused = datasets.load_rows(project)[0][0].id  # an evaluation row (the examples pool is random)
    scripted_server.chat_rule = _refusing(refused)
    results = ResultsPage()
    qtbot.addWidget(results)
    results.set_project(project)
    page.project_modified.connect(results.on_project_modified)
    page.set_project(project)
    qtbot.waitUntil(lambda: page.plan is not None, timeout=10000)
    assert (
        "40 calls" in page.view.estimate_label.text()
    )  # 36 answers + about 1 in 10 for the judge (unsure rows) and "$" in page.view.estimate_label.text()
    assert page.view.source_label.text().startswith("baseline, instructions, few_shot")
    assert page.view.start_button.isEnabled() and not page.view.resume_box.isVisible()

    with qtbot.waitSignal(page.project_modified, timeout=20000) as modified:
        page.focus({"start": True})  # what the window's Ctrl+R sends
        assert page.is_running() and page.view.cancel_button.isEnabled() and not page.view.start_button.isEnabled()
    assert modified.args == ["runs"]
    for name in VARIANTS:
        bar = page.view.rows.rows[name].bar
        assert bar.maximum() == 12 and bar.value() == 12 and bar.text() == "12/12"
        assert "1 error" in page.view.rows.rows[name].status.text()
    assert scripted_server.count() == 36
    qtbot.waitUntil(lambda: _idle(page) and page.info is not None and page.info.error_count == 3, timeout=10000)
    assert page.view.errors_button.isEnabled() and "(3)" in page.view.errors_button.text()
    qtbot.mouseClick(page.view.errors_button, Qt.MouseButton.LeftButton)
    assert page.view.errors.isVisible() and page.view.errors.topLevelItemCount() == 3
    first = page.view.errors.topLevelItem(0)
    assert "HTTP 400" in first.text(2) and first.text(1) == refused

    results.show()
    qtbot.waitUntil(lambda: results.board_model.rowCount() == 3, timeout=10000)
    names = [results.board_model.entries[i].name for i in range(3)]
    assert names == list(VARIANTS)
    errors = results.board_model.index(0, COLUMNS.index("errors"))
    assert results.board_model.data(errors) == "1"


def test_cancel_keeps_finished_rows_and_resume_sends_only_the_missing_ones(qtbot, page, tmp_path, scripted_server):
    """Cancel stops promptly keeping finished rows; Resume N/40 then asks the server for the rest only."""
    project = make_project(tmp_path, scripted_server, rows=40, selected=("baseline",), concurrency=2)
    scripted_server.latency = 0.05
    page.set_project(project)
    qtbot.waitUntil(lambda: page.plan is not None, timeout=10000)
    qtbot.mouseClick(page.view.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.session.get("baseline", {}).get("done", 0) >= 6, timeout=10000)
    qtbot.mouseClick(page.view.cancel_button, Qt.MouseButton.LeftButton)
    assert "Stopping" in page.view.totals_label.text()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=3000)  # promptly, not after the 40 rows
    done = _finished_rows(project)
    assert 6 <= len(done) < 40
    assert "Cancelled" in page.view.totals_label.text()
    qtbot.waitUntil(lambda: _idle(page) and page.view.resume_box.isVisible(), timeout=10000)
    assert page.view.resume_button.text().replace("&", "") == f"Resume {len(done)}/40"
    assert "cancelled" in page.view.resume_label.text()

    sent_before = scripted_server.count()
    qtbot.mouseClick(page.view.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=15000)
    asked = [last_user_text(r) for r in scripted_server.chat_requests()[sent_before:]]
    evaluation = {r.id for r in datasets.load_rows(project)[0]}
    missing = {f"What is item {row[1:]}?" for row in evaluation - done}
    assert sorted(asked) == sorted(missing)  # each missing row once, no finished row again
    assert _finished_rows(project) == evaluation
    qtbot.waitUntil(lambda: _idle(page) and page.info is not None, timeout=10000)
    assert not page.view.resume_box.isVisible() and "Finished" in page.view.totals_label.text()


def test_a_killed_run_is_offered_for_resume(qtbot, page, tmp_path, scripted_server):
    """A run left 'running' by a crash shows 'Resume 3/12' when the project is opened again."""
    from desktop_app.core.records import RowResult
    from desktop_app.core.run.store import ResultStore

    project = make_project(tmp_path, scripted_server, selected=("baseline",))
    with ResultStore(project.results_db) as store:
        run = store.create_run("baseline", ())
        for i in range(3):
            store.add_result(RowResult(run.id, f"q{i}", f"answer {i}"))
    page.set_project(project)
    qtbot.waitUntil(lambda: page.view.resume_box.isVisible(), timeout=10000)
    assert page.view.resume_button.text().replace("&", "") == "Resume 3/12"
    assert "interrupted" in page.view.resume_label.text()


def test_connection_failure_shows_in_the_banner_and_keeps_the_page(qtbot, page, tmp_path, scripted_server):
    """A model the server does not have stops the run with a plain message; no traceback, page usable."""
    project = make_project(tmp_path, scripted_server, selected=("baseline",))
    connection = dict(project.section("connection"), model="no-such-model")
    project.set_section("connection", connection)
    page.set_project(project)
    qtbot.waitUntil(lambda: page.plan is not None, timeout=10000)
    page.start()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=10000)
    assert page.banner.isVisible() and page.banner.kind == "error"
    assert "no-such-model" in page.banner.message_label.text() + page.banner.hint_label.text()
    assert "Traceback" not in page.banner.message_label.text()
    qtbot.waitUntil(lambda: _idle(page), timeout=10000)
    assert page.view.start_button.isEnabled()


def test_a_variant_the_data_cannot_support_is_explained_before_start(qtbot, page, tmp_path, scripted_server):
    """Few-shot without an examples pool: the estimate says why and Start stays off; nothing is sent."""
    project = make_project(tmp_path, scripted_server, rows=4, examples=0, selected=("few_shot",))
    page.set_project(project)
    qtbot.waitUntil(lambda: page.plan_failed, timeout=10000)
    assert page.banner.kind == "warning" and "examples pool" in page.banner.message_label.text()
    assert page.banner.hint_label.text() and not page.view.start_button.isEnabled()
    assert scripted_server.count() == 0


def _offline_project(tmp_path: Path, server) -> Project:
    project = make_project(tmp_path, server, rows=4, examples=0)
    assert main(["connect", str(project.root), "--offline"]) == 0
    return Project.open(project.root)


def _import(qtbot, page, path: Path, name: str = "ext", techniques=("rag",)) -> None:
    qtbot.mouseClick(page.view.offline_import_button, Qt.MouseButton.LeftButton)
    dialog = page.import_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.set_path(str(path))
    dialog.name_edit.setText(name)
    dialog.set_techniques(techniques)
    qtbot.waitUntil(lambda: not dialog.columns_runner.is_running(), timeout=5000)
    dialog.accept()
    qtbot.waitUntil(lambda: not page.import_runner.is_running(), timeout=10000)


def test_offline_project_explains_and_refuses_to_start(qtbot, page, tmp_path, scripted_server):
    """Offline: the page says runs need a connection, offers an import, and Ctrl+R sends nothing."""
    project = _offline_project(tmp_path, scripted_server)
    page.set_project(project)
    qtbot.waitUntil(lambda: page.info is not None and page.view.offline_box.isVisible(), timeout=10000)
    assert "offline" in page.view.offline_label.text() and not page.view.start_button.isEnabled()
    page.focus({"start": True})
    assert not page.is_running() and page.banner.isVisible() and "offline" in page.banner.message_label.text()
    assert scripted_server.count() == 0


@pytest.mark.parametrize(
    "content, needle",
    [
        ("id,output\nx1,a\nx2,b\n", "match"),  # unknown ids only
        ("id,text\nq0,a\n", "no output column"),  # a file that is not an outputs file
    ],
)
def test_import_errors_show_in_the_banner(qtbot, page, tmp_path, scripted_server, content, needle):
    """An outputs file that cannot be imported shows what is wrong and what to do; no run appears."""
    project = _offline_project(tmp_path, scripted_server)
    page.set_project(project)
    qtbot.waitUntil(lambda: page.info is not None, timeout=10000)
    bad = tmp_path / "outs.csv"
    bad.write_text(content, encoding="utf-8")
    emitted = []
    page.project_modified.connect(emitted.append)
    _import(qtbot, page, bad)
    assert page.banner.kind == "error" and needle in page.banner.message_label.text()
    assert page.banner.hint_label.text()  # and what to do about it
    assert emitted == []
    assert not project.results_db.exists() or _runs(project) == 0


def test_import_with_some_unknown_ids_warns_and_announces_the_run(qtbot, page, tmp_path, scripted_server):
    """A partly matching file is imported; the banner names the missing rows and the unknown ids."""
    project = _offline_project(tmp_path, scripted_server)
    page.set_project(project)
    qtbot.waitUntil(lambda: page.info is not None, timeout=10000)
    outs = tmp_path / "outs.csv"
    outs.write_text("id,output\nq0,answer 0\nq1,answer 1\nzz9,stray\n", encoding="utf-8")
    with qtbot.waitSignal(page.project_modified, timeout=10000) as modified:
        _import(qtbot, page, outs, name="ext-rag")
    assert modified.args == ["runs"]
    assert page.banner.kind == "warning"
    assert "ext-rag" in page.banner.message_label.text() and "2 of 4" in page.banner.message_label.text()
    hint = page.banner.hint_label.text()
    assert "2 rows without an output" in hint and "zz9" in hint
    qtbot.waitUntil(lambda: _idle(page), timeout=10000)
    assert page.banner.isVisible() and "ext-rag" in page.banner.message_label.text()  # the refresh keeps it
    assert _runs(project) == 1


def test_start_and_cancel_stay_under_the_mouse_through_a_run(qtbot, page, tmp_path, scripted_server):
    """The buttons do not move when a run starts, is cancelled or is offered for resume."""
    project = make_project(tmp_path, scripted_server, rows=40, selected=("baseline",), concurrency=2)
    scripted_server.latency = 0.05
    page.set_project(project)
    qtbot.waitUntil(lambda: page.plan is not None and _idle(page), timeout=10000)

    def places():
        return [b.mapTo(page, b.rect().topLeft()).y() for b in (page.view.start_button, page.view.cancel_button)]

    before = places()
    qtbot.mouseClick(page.view.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.session.get("baseline", {}).get("done", 0) >= 4, timeout=10000)
    assert places() == before
    qtbot.mouseClick(page.view.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _idle(page) and page.view.resume_box.isVisible(), timeout=10000)
    assert places() == before


def test_a_rate_limit_reads_as_waiting_not_as_errors(qtbot, page):
    """While the provider's rate limit holds the run, the variant's line says it is waiting."""
    from desktop_app.ui.run.progress_rows import ProgressRows

    rows = ProgressRows()
    qtbot.addWidget(rows)
    event = {
        "event": "waiting",
        "run": "baseline",
        "run_id": 1,
        "done": 3,
        "total": 40,
        "errors": 0,
        "cached": 0,
        "cost": 0.0,
        "eta_s": 20.0,
        "status": "running",
        "waiting_s": 12.0,
        "rate_limited": 5,
    }
    rows.update_event(event)
    text = rows.rows["baseline"].status.text()
    assert text.startswith("waiting for the rate limit: 12 s") and "error" not in text
