"""End to end through the real main window: a user's first hour (PRODUCT.md "A first hour with it").

The whole MainWindow with its ten pages, offscreen, against the scripted OpenAI-compatible server:
the first launch opens the sample project, the user connects to a local server, ticks Baseline,
Few-shot and RAG, runs them, reads the leaderboard, the maps and the advice, then cancels a run
and resumes it without paying twice. The scripted model knows only what the passages tell it.
"""

from __future__ import annotations

import math

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from desktop_app.core.variants.variant import load_selection
from desktop_app.ui.main_window import MainWindow
from tests.ui.e2e_window_support import ReadingModel, advice_ready, grid_ready, run_idle, sample_rows

MODEL = "gpt-4o-mini"
CHOSEN = ("baseline", "few_shot", "rag")
SAMPLE_RUNS = ["Baseline", "Few-shot (k=3)", "RAG (top-3)"]
LONG = 30000  # generous: the 2-core test machine is shared with other suites
HELD_S = 20.0  # a held request outlasts the test: only Cancel (or the server stopping) ends it


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    run = w.pages["run"]
    run.run_runner.stop()
    w.close()  # cancels and waits for every TaskRunner under the window


def _open_sample(qtbot, window):
    window.first_launch()
    qtbot.waitUntil(lambda: window.project is not None, timeout=LONG)
    assert window.project.data.get("sample") is True
    grid, advice = window.pages["grid"], window.pages["advice"]
    window.select_step("grid")
    qtbot.waitUntil(lambda: grid_ready(grid) and advice_ready(advice), timeout=LONG)
    return grid, advice


def _connect(qtbot, window, server):
    window.select_step("connection")
    page = window.pages["connection"]
    qtbot.waitUntil(lambda: page.body.isEnabled(), timeout=LONG)  # the saved section is loaded
    qtbot.mouseClick(page.form.preset_buttons["local"], Qt.MouseButton.LeftButton)
    url = page.form.fields["base_url"]
    url.selectAll()
    qtbot.keyClicks(url, server.base_url)
    page.form.model.lineEdit().selectAll()
    qtbot.keyClicks(page.form.model.lineEdit(), MODEL)
    assert page.form.key_box.entry.isVisible() and "any key" in page.form.key_box.entry.placeholderText()
    with qtbot.waitSignal(page.project_modified, timeout=LONG) as saved:  # a working Test saves
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert page.result_headline.text().startswith(f"Connected: {MODEL} answered in ")
    assert page.result_hint.text().startswith("Saved") and not page.save_button.isEnabled()
    assert saved.args == ["connection"]
    section = window.project.section("connection")
    assert (section["preset"], section["base_url"], section["model"]) == ("local", server.base_url, MODEL)


def _tick(qtbot, window, wanted):
    """Tick exactly ``wanted`` with the keyboard (Space on the current row toggles its box)."""
    window.select_step("variants")
    page = window.pages["variants"]
    listing = page.list
    listing.setFocus()
    for row in range(listing.count()):
        item = listing.item(row)
        on = item.checkState() == Qt.CheckState.Checked
        if on != (item.data(Qt.ItemDataRole.UserRole) in wanted):
            listing.setCurrentRow(row)
            qtbot.keyClick(listing, Qt.Key.Key_Space)
    assert sorted(listing.ticked()) == sorted(wanted)
    assert page.summary.text().startswith(f"{len(wanted)} of ")
    assert sorted(load_selection(window.project)) == sorted(wanted)  # saved: Run runs these
    return page


def _stored(project) -> dict[str, set[str]]:
    """run name -> row ids with an answer, of the model runs (not imported) in results.sqlite."""
    out: dict[str, set[str]] = {}
    with sqlite3.connect(project.results_db) as conn:
        for name, row_id in conn.execute(
            "SELECT runs.name, results.row_id FROM results JOIN runs ON runs.id = results.run_id "
            "WHERE results.error IS NULL AND NOT runs.imported"
        ):
            out.setdefault(name, set()).add(row_id)
    return out


def _run_three_variants(qtbot, window, server, model, n_eval):
    """The estimate first, then Ctrl+R; returns the rows the RAG variant answered right."""
    window.select_step("run")
    run = window.pages["run"]
    qtbot.waitUntil(lambda: run.plan is not None and run_idle(run), timeout=LONG)
    plan = run.plan
    assert [line.name for line in plan.lines] == list(CHOSEN)
    assert all(line.total == n_eval and line.finished == 0 for line in plan.lines)
    cached = plan.estimate.cached
    judge_share = len(CHOSEN) * math.ceil(n_eval / 10)  # the judge, for answers the checks cannot decide
    assert plan.estimate.calls == len(CHOSEN) * n_eval - cached + judge_share
    assert f"{plan.estimate.calls} calls" in run.view.estimate_label.text()
    assert run.view.start_button.isEnabled()
    sent_before, mark = server.count(), model.mark()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach the active window only
    with qtbot.waitSignal(run.project_modified, timeout=LONG):
        qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # Run Selected Variants
        assert run.is_running()
    for name in CHOSEN:
        bar = run.view.rows.rows[name].bar
        assert (bar.value(), bar.maximum()) == (n_eval, n_eval), name
    assert server.count() - sent_before == len(CHOSEN) * n_eval - cached  # every answer decided: no judge call
    assert "Finished: 3 runs" in run.view.totals_label.text()
    assert {name: len(rows) for name, rows in _stored(window.project).items()} == dict.fromkeys(CHOSEN, n_eval)
    # The model was right exactly where retrieval put the fact in front of it.
    rag_right = model.answered_right(mark, with_passages=True)
    assert not model.answered_right(mark, with_passages=False)  # without passages it never knows
    assert len(rag_right) >= n_eval // 2, "retrieval found too few of the sample's facts"
    return rag_right


def _see_the_new_runs(qtbot, window, rag_right, n_eval):
    """Results lists them, both maps place them, Advice says what RAG fixed."""
    window.select_step("results")
    results = window.pages["results"]
    qtbot.waitUntil(lambda: results.board_model.rowCount() == 6 and not results.loader.is_running(), timeout=LONG)
    board = {e.info.name: e for e in results.board_model.entries}
    assert list(board) == SAMPLE_RUNS + list(CHOSEN)
    assert board["baseline"].summary["pass_rate"] == board["few_shot"].summary["pass_rate"] == 0.0
    assert board["rag"].summary["pass_rate"] == pytest.approx(len(rag_right) / n_eval)
    assert {row for row, outcome in board["rag"].outcome.items() if outcome == "pass"} == rag_right

    grid, advice = window.pages["grid"], window.pages["advice"]
    window.select_step("grid")
    qtbot.waitUntil(lambda: grid_ready(grid) and len(grid.result.diagnosis.runs) == 6, timeout=LONG)
    qtbot.waitUntil(lambda: advice_ready(advice) and advice.result is grid.result, timeout=LONG)
    assert [r.name for r in grid.result.diagnosis.runs] == SAMPLE_RUNS + list(CHOSEN)
    assert len(grid.technique.point_positions()) == 6 and grid.run_combo.count() == 6
    content = [y for _, y in grid.diagnosis.point_positions()]  # diagnosis map: (behaviour, content)
    # baseline and few_shot scored alike: one marker for both, labelled with both names
    assert grid.diagnosis.groups[3:] == [[3, 4], [5]]
    assert content[3:] == pytest.approx([0.0, len(rag_right) / n_eval])
    # runs named after their presets read as their ladder steps, never as internal keys
    assert grid.diagnosis.labels[3].textItem.toPlainText() == "4. Baseline, 5. Few-shot (k=3)"

    window.select_step("advice")
    view = advice.view
    assert view.headline.text() == "Improve retrieval on top of RAG next"  # RAG in use: never "RAG next"
    k, pct = len(rag_right), round(100 * len(rag_right) / n_eval)
    # against its parent on the ladder (the same model's baseline), naming what the step added
    assert view.change_line.text() == (
        f"Latest run “RAG” against its parent “Baseline” (adds instructions, RAG): "
        f"pass rate 0% → {pct}% (+{pct} points). On the {n_eval} rows both ran: "
        f"{k} fixed, 0 broken."
    )
    sentences = [i.sentence.text() for i in view.evidence_items]
    assert any(
        t.startswith("• “RAG” (adding instructions, RAG) fixed ") and "lacked the right facts" in t for t in sentences
    ), sentences
    assert set(view.fixed_links.rows) == rag_right and len(view.fixed_links.rows) == k


def _cancel_and_resume(qtbot, window, model, eval_ids):
    """A fourth variant on a slow server: Cancel after 8 answers, "Resume 8/30", Resume; no answered
    row is asked again, and each missing one is asked once."""
    n_eval = len(eval_ids)
    _tick(qtbot, window, CHOSEN + ("instructions",))
    window.select_step("run")
    run = window.pages["run"]
    qtbot.waitUntil(lambda: run_idle(run) and run.plan is not None and len(run.plan.lines) == 4, timeout=LONG)
    pending = {line.name: line.pending for line in run.plan.lines}
    assert pending == {"baseline": 0, "instructions": n_eval, "few_shot": 0, "rag": 0}  # done ones are not re-run
    calls = n_eval + math.ceil(n_eval / 10)  # and the judge's share, for answers the checks cannot decide
    assert run.plan.estimate.calls == calls and f"{calls} calls" in run.view.estimate_label.text()
    first_answers, concurrency = 8, run.plan.estimate.concurrency
    model.hold(after=first_answers, seconds=HELD_S)
    start = model.mark()
    qtbot.mouseClick(run.view.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: run.session.get("instructions", {}).get("done", 0) >= first_answers, timeout=LONG)
    qtbot.waitUntil(lambda: model.mark() - start > first_answers, timeout=LONG)  # more are in flight, held
    qtbot.mouseClick(run.view.cancel_button, Qt.MouseButton.LeftButton)
    assert "Stopping" in run.view.totals_label.text()
    qtbot.waitUntil(lambda: not run.is_running(), timeout=LONG)  # long before the held replies come
    cancelled_at = model.mark()
    answered = _stored(window.project).get("instructions", set())
    assert len(answered) == first_answers
    in_flight = set(model.asked_rows(start, cancelled_at)) - answered  # asked, cut off by Cancel unanswered
    assert 0 < len(in_flight) <= concurrency
    qtbot.waitUntil(lambda: run_idle(run) and run.view.resume_box.isVisible(), timeout=LONG)
    assert run.view.resume_button.text().replace("&", "") == f"Resume {first_answers}/{n_eval}"
    assert "cancelled" in run.view.resume_label.text()

    model.release()
    qtbot.mouseClick(run.view.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not run.is_running(), timeout=LONG)
    bar = run.view.rows.rows["instructions"].bar
    assert (bar.value(), bar.maximum()) == (n_eval, n_eval)
    resumed = model.asked_rows(cancelled_at)
    assert set(resumed) == eval_ids - answered and max(resumed.values()) == 1  # the missing rows, each once
    assert _stored(window.project)["instructions"] == eval_ids
    twice = {row for row, n in model.asked_rows(start).items() if n > 1}
    assert twice == in_flight  # only requests Cancel cut off unanswered were sent again
    qtbot.waitUntil(lambda: run_idle(run) and not run.view.resume_box.isVisible(), timeout=LONG)
    total = (len(CHOSEN) + 1) * n_eval
    assert f"Overall {total}/{total} answered" in run.view.totals_label.text()
    assert "Finished: 1 run" in run.view.totals_label.text()


def test_first_hour_from_the_sample_to_advice_with_cancel_and_resume(qtbot, window, scripted_server):
    """From the sample's maps to connect, run three variants, read the advice, cancel and resume paying once."""
    model = ReadingModel()
    scripted_server.chat_rule = model
    evaluation = sample_rows("eval")  # the 30 evaluation rows; 6 more are the examples pool
    eval_ids = {row for row, _ in evaluation.values()}

    # 1. First launch: the sample project, three points per map, the next move on top of RAG.
    grid, advice = _open_sample(qtbot, window)
    assert window.current_step() == "grid" and window.windowTitle().startswith("Sample")
    assert [r.name for r in grid.result.diagnosis.runs] == SAMPLE_RUNS
    assert len(grid.technique.point_positions()) == 3 and len(grid.diagnosis.point_positions()) == 3
    headline = "Improve retrieval on top of RAG next"
    assert advice.view.headline.text() == headline and grid.advice_line.text().startswith(headline)

    # 2. Connection: local server preset, the scripted server's URL and model, Test (which saves).
    _connect(qtbot, window, scripted_server)
    # 3. Variants: Baseline, Few-shot and RAG ticked, everything else not.
    _tick(qtbot, window, CHOSEN)
    # 4. Run: the estimate, Ctrl+R, every bar at 100%.
    assert window.run_action.shortcut() == QKeySequence("Ctrl+R")
    rag_right = _run_three_variants(qtbot, window, scripted_server, model, len(eval_ids))
    # 5. Results, Grid and Advice show the new runs.
    _see_the_new_runs(qtbot, window, rag_right, len(eval_ids))
    # 6. Cancel by mistake, resume, pay once.
    _cancel_and_resume(qtbot, window, model, eval_ids)
