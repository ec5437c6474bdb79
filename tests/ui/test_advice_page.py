"""The Advice page: the sample's recommendation, links to rows, the target, the checklist, the report."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from desktop_app.core.project.folder import Project
from desktop_app.ui.advice.page import AdvicePage

MARKUP = "<b>x</b><img src=x>"


@pytest.fixture
def page(qtbot):
    p = AdvicePage()
    qtbot.addWidget(p)
    p.resize(900, 800)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.source.cancel()
    p.source.runner.shutdown()
    p.export_runner.shutdown()


def _load(qtbot, page, project):
    page.set_project(project)
    qtbot.waitUntil(lambda: page.result is not None and not page.source.is_running(), timeout=15000)
    return page.view


def test_sample_names_the_move_on_top_of_rag_with_its_reasons(qtbot, page, sample):
    """The first screen of the tour: the move (on top of RAG, which is in use), why, how sure in words,
    the gaps and what the latest run changed against its parent on the ladder."""
    view = _load(qtbot, page, sample)
    assert view.headline.text() == "Improve retrieval on top of RAG next"
    assert view.why.text() == (
        "100% of the failures were missing facts, and RAG fixed 76% of them. 67% of the "
        "failures with RAG came from passages that lacked the answer."
    )
    assert view.confidence_label.text() == "Confidence: high."  # 30 rows, p < 0.05, measured: no reason lowers it
    assert view.sample_note.isVisible() and "written by hand for the tour" in view.sample_note.text()
    assert [view.gaps.numbers[g].text() for g in ("knowledge", "behaviour", "retrieval", "generation")] == [
        "0",
        "0",
        "4",
        "2",
    ]
    assert view.change_line.text().startswith("Latest run “RAG (top-3)” against its parent “Baseline” (adds RAG): ")
    assert view.fixed_links.isVisible() and not view.broken_links.isVisible()
    assert "How long is the standard warranty on the HL-4020" in view.fixed_links.text()
    first, second = (i.sentence.text() for i in view.evidence_items[:2])
    assert first.startswith("• 4 of the 6 failing rows of “RAG (top-3)” (67%) are retrieval gaps")
    assert second == (
        "• “RAG (top-3)” (adding RAG) fixed 19 of the 25 rows of “Baseline” that lacked the right facts (76%)."
    )
    rows = {r.cid: r for r in view.checklist_rows}
    assert list(rows) == list(page.result.diagnosis.to_dict()["checklist"])
    assert not rows["hybrid_search"].box.isChecked() and rows["hybrid_search"].box.isEnabled()
    assert page.target_spin.value() == 90


def test_evidence_rows_open_in_results(qtbot, page, sample):
    """One click on a row id, or on "show all", opens those rows of that run in Results."""
    view = _load(qtbot, page, sample)
    links = next(i.links for i in view.evidence_items if "retrieval gaps" in i.sentence.text())
    assert links.rows == ["q01", "q05", "q15", "q35"]
    assert links.text().count("“") == 4 and "q05" in links.toolTip()  # shown by their questions, ids in the tooltip
    with qtbot.waitSignal(page.navigate) as blocker:
        links.linkActivated.emit("row:1")  # what QLabel emits when the link "q05" is clicked
    assert blocker.args == ["results", {"rows": ["q05"], "run": "RAG (top-3)"}]
    with qtbot.waitSignal(page.navigate) as blocker:
        links.linkActivated.emit("all")
    assert blocker.args == ["results", {"rows": ["q01", "q05", "q15", "q35"], "run": "RAG (top-3)"}]
    with qtbot.waitSignal(page.navigate) as blocker:
        view.fixed_links.linkActivated.emit("all")
    assert blocker.args[1]["run"] == "RAG (top-3)" and len(blocker.args[1]["rows"]) == 21
    assert 'href="row:0"' in links.text() and links.textFormat() == Qt.TextFormat.RichText


def test_target_change_is_saved_and_recomputes(qtbot, page, sample):
    """Lowering the target to 80% saves it and turns the advice into "Good enough" (RAG passes 80%)."""
    _load(qtbot, page, sample)
    first = page.result
    with qtbot.waitSignal(page.project_modified) as blocker:
        page.target_spin.setValue(80)
    assert blocker.args == ["settings"]
    assert json.loads((sample.root / "project.json").read_text(encoding="utf-8"))["target_pass_rate"] == 0.8
    qtbot.waitUntil(lambda: page.result is not first and not page.source.is_running(), timeout=10000)
    assert page.view.headline.text() == "Good enough"
    assert page.view.why.text() == "“RAG (top-3)” passes 80% of its rows; the target is 80%."


def test_checklist_ticks_are_kept_with_the_project(qtbot, page, sample):
    """A ticked step stays ticked when the project is opened again."""
    view = _load(qtbot, page, sample)
    row = next(r for r in view.checklist_rows if r.cid == "hybrid_search")
    qtbot.mouseClick(row.box, Qt.MouseButton.LeftButton)
    assert row.box.isChecked()
    reopened = Project.open(sample.root)
    assert reopened.data["advice_checklist"] == {"improve_retrieval": ["hybrid_search"]}
    first = page.result
    page.set_project(reopened)
    qtbot.waitUntil(lambda: page.result is not None and page.result is not first, timeout=10000)
    assert next(r for r in page.view.checklist_rows if r.cid == "hybrid_search").box.isChecked()


def test_export_report_and_open_it(qtbot, page, sample, tmp_path, monkeypatch):
    """The report is written off the GUI thread, then one click opens it."""
    _load(qtbot, page, sample)
    target = tmp_path / "mail" / "report"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report_path is not None, timeout=15000)
    html = target.with_suffix(".html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "RAG (top-3)" in html
    assert page.export_status.text() == "Saved report.html" and page.open_report_button.isVisible()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    qtbot.mouseClick(page.open_report_button, Qt.MouseButton.LeftButton)
    assert opened == [str(target.with_suffix(".html"))]


def test_export_to_a_bad_name_explains_in_the_banner(qtbot, page, sample, tmp_path):
    """A report name the app cannot use is explained with a hint; the advice stays."""
    _load(qtbot, page, sample)
    page.export(str(tmp_path / "report.txt"))
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=15000)
    assert ".html" in page.banner.message_label.text() and page.banner.hint_label.text()
    assert page.stack.currentWidget() is page.scroll_area and page.report_path is None


def test_project_without_runs_shows_what_to_do(qtbot, page, tmp_path):
    """A fresh project gets a next step, not an error; the button leads to Run."""
    page.set_project(Project.create(tmp_path / "fresh"))
    qtbot.waitUntil(lambda: page.empty.headline.text() == "No advice yet", timeout=10000)
    assert not page.banner.isVisible() and page.stack.currentWidget() is page.empty
    with qtbot.waitSignal(page.navigate) as blocker:
        qtbot.mouseClick(page.empty.button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["run", None]
    page.set_project(None)
    assert page.empty.headline.text() == "No project is open" and not page.export_button.isEnabled()


def test_run_names_and_row_ids_stay_plain_text(qtbot, page, tmp_path):
    """Markup in a run name or a row id is shown literally and never becomes a link target."""
    from desktop_app.core.data import rows as datasets
    from desktop_app.core.run.imported import import_run

    project = Project.create(tmp_path / "markup")
    (tmp_path / "data.csv").write_text(
        "id,question,answer\n<i>r1</i>,Capital of France?,Paris\nr2,Capital of Japan?,Tokyo\n", encoding="utf-8"
    )
    datasets.import_dataset(project, tmp_path / "data.csv")
    (tmp_path / "run.csv").write_text("id,output\n<i>r1</i>,Rome\nr2,Tokyo\n", encoding="utf-8")
    import_run(project, MARKUP, tmp_path / "run.csv", ["none"])
    view = _load(qtbot, page, project)
    assert MARKUP in view.start_line.text() and view.start_line.textFormat() == Qt.TextFormat.PlainText
    sentence = next(i for i in view.evidence_items if i.links.rows == ["<i>r1</i>"])
    assert MARKUP in sentence.sentence.text() and sentence.sentence.textFormat() == Qt.TextFormat.PlainText
    html = sentence.links.text()
    assert "“Capital of France?”" in html and "<i>" not in html  # the row by its question, never markup
    assert "&lt;i&gt;r1&lt;/i&gt;" in sentence.links.toolTip() and "<i>" not in sentence.links.toolTip()
    with qtbot.waitSignal(page.navigate) as blocker:
        sentence.links.linkActivated.emit("row:0")
    assert blocker.args == ["results", {"rows": ["<i>r1</i>"], "run": MARKUP}]


def test_grid_and_advice_share_one_diagnosis(qtbot, page, sample, monkeypatch):
    """Opening a project diagnoses it once for both pages (two cores are shared with everything else)."""
    from desktop_app.ui.advice import source
    from desktop_app.ui.grid.page import GridPage

    calls = []
    real = source.compute_advice
    monkeypatch.setattr(
        source, "compute_advice", lambda state, project, **kw: calls.append(1) or real(state, project, **kw)
    )
    grid = GridPage()
    qtbot.addWidget(grid)
    grid.set_project(sample)
    page.set_project(sample)  # the window tells every page in the same turn
    qtbot.waitUntil(lambda: page.result is not None and grid.result is not None, timeout=15000)
    assert len(calls) == 1 and grid.result is page.result
    assert grid.technique is not None and page.view.headline.text() == "Improve retrieval on top of RAG next"


def test_advice_on_a_run_whose_prompts_were_cut_says_so_before_its_move(qtbot):
    """When the server cut a run's prompts, the Advice page warns above everything else and the checklist starts
    with a longer context window, whatever the move is."""
    from dataclasses import replace

    from desktop_app.core.advice.diagnose import diagnose
    from desktop_app.ui.advice.compute import AdviceResult
    from desktop_app.ui.advice.sentences import AdviceText
    from desktop_app.ui.advice.view import AdviceView
    from tests.core.test_advisor_gaps import make_run, outcomes

    base = make_run(1, "baseline", (), outcomes(knowledge=20, **{"pass": 10}))
    info, rows = make_run(2, "rag", ("rag",), outcomes(generation=12, **{"pass": 18}), tokens_in=2048)
    rows = [replace(r, tokens_sent=5000) for r in rows]  # the server read 2,048 of the 5,000 tokens sent
    view = AdviceView(AdviceText())
    qtbot.addWidget(view)
    view.set_result(AdviceResult(diagnose([base, (info, rows)]), None, None, False, ""), set())
    assert view.why.text().startswith("Careful: the server cut the prompts of “rag” to fit its context window")
    assert view.evidence_items[0].sentence.text().startswith("• The server cut the prompt of 30 of the 30 rows of")
    assert view.checklist_rows[0].cid == "longer_context_window"
    assert "read only 2,048 of the 5,000 tokens" in view.checklist_rows[0].label.text()
