"""The Results page: leaderboard, example rows with filters, side-by-side detail, copy, focus payloads."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.cli import main
from desktop_app.core.run.imported import import_run
from desktop_app.core.project.folder import Project
from desktop_app.ui.results.page import ResultsPage
from desktop_app.ui.results.leaderboard_model import COLUMNS
from desktop_app.ui.results.rows_model import ROW_ROLE

HTML = "<b>x</b><img src=x>"
ROWS = [
    ("r1", "What is A?", "alpha", "specs"),
    ("r2", "What is B?", "beta", "specs"),
    ("r3", HTML, "gamma", "html"),
    ("r4", "What is D?", "delta", "usage"),
]
BASE = {"r1": "alpha", "r2": "wrong", "r3": f"{HTML} gamma", "r4": "delta, which is a very long answer indeed"}
RAG = {
    "r1": ("alpha", "The answer is alpha."),
    "r2": ("wrong", "Nothing useful here."),
    "r3": ("gamma", "gamma it is."),
    "r4": ("delta", "delta is the answer."),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A project with two imported runs (base, rag), a content and a behaviour check: built once."""
    tmp = tmp_path_factory.mktemp("results")
    data = tmp / "data.csv"
    lines = ["id,question,answer,category"] + [",".join(json.dumps(c) if "<" in c else c for c in r) for r in ROWS]
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    folder = tmp / "proj"
    assert main(["new", str(folder), "--dataset", str(data)]) == 0
    assert main(["check-add", str(folder), "contains"]) == 0
    assert main(["check-add", str(folder), "max-chars", "30"]) == 0
    project = Project.open(folder)
    base = tmp / "base.jsonl"
    base.write_text("\n".join(json.dumps({"id": k, "output": v}) for k, v in BASE.items()), encoding="utf-8")
    rag = tmp / "rag.jsonl"
    rag.write_text(
        "\n".join(
            json.dumps({"id": k, "output": o, "contexts": [{"text": c, "source": "manual.md", "page": 3}]})
            for k, (o, c) in RAG.items()
        ),
        encoding="utf-8",
    )
    import_run(project, "base", base, "none")
    import_run(project, "rag", rag, "rag")
    return folder


@pytest.fixture
def page(qtbot, built, tmp_path):
    import shutil

    folder = tmp_path / "proj"
    shutil.copytree(built, folder)
    p = ResultsPage()
    qtbot.addWidget(p)
    p.resize(1000, 700)
    p.project_for_test = Project.open(folder)
    yield p
    p.loader.shutdown(5000)


def _open(qtbot, page):
    page.set_project(page.project_for_test)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.data is not None and not page.loader.is_running(), timeout=10000)


def _shown_ids(page) -> list[str]:
    proxy = page.rows_proxy
    return sorted(proxy.index(r, 0).data(ROW_ROLE).id for r in range(proxy.rowCount()))


def _cell(page, row: int, key: str) -> str:
    model = page.board_model
    return model.data(model.index(row, COLUMNS.index(key)))


def test_leaderboard_shows_each_run_and_sorts_by_a_number_column(qtbot, page):
    """Each run is one line with its scores in words; clicking a column title sorts by the number."""
    _open(qtbot, page)
    assert [e.name for e in page.board_model.entries] == ["base", "rag"]
    assert _cell(page, 0, "run") == "base" and _cell(page, 0, "techniques") == "none (baseline)"
    assert _cell(page, 0, "content_score") == "75%" and _cell(page, 0, "pass_rate") == "50%"
    assert _cell(page, 1, "pass_rate") == "75%" and _cell(page, 1, "behaviour_score") == "100%"
    assert _cell(page, 0, "rows") == "4" and _cell(page, 0, "cost_per_1000") == "—"  # an import has no cost
    tip = page.board_model.data(page.board_model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "imported from base.jsonl" in tip
    page.board.sortByColumn(COLUMNS.index("pass_rate"), Qt.SortOrder.DescendingOrder)
    first = page.board_proxy.index(0, 0).data()
    assert first == "rag"


def test_example_filters_by_failure_run_category_and_gap(qtbot, page):
    """Failed only, a run, a category and a gap kind each narrow the rows to the ones that match."""
    _open(qtbot, page)
    assert _shown_ids(page) == ["r1", "r2", "r3", "r4"] and page.filters.count_label.text() == "4 of 4 rows"
    page.filters.failed_box.setChecked(True)
    assert _shown_ids(page) == ["r2", "r4"]  # failed in at least one run
    page.filters.run_combo.setCurrentIndex(page.filters.run_combo.findText("rag"))
    assert _shown_ids(page) == ["r2"]
    page.filters.failed_box.setChecked(False)
    page.filters.gap_combo.setCurrentIndex(page.filters.gap_combo.findData("retrieval"))
    assert _shown_ids(page) == ["r2"]  # rag's passage lacked "beta"
    page.filters.run_combo.setCurrentIndex(0)
    page.filters.gap_combo.setCurrentIndex(page.filters.gap_combo.findData("behaviour"))
    assert _shown_ids(page) == ["r4"]  # base: right facts, far too long
    page.filters.gap_combo.setCurrentIndex(page.filters.gap_combo.findData("knowledge"))
    assert _shown_ids(page) == ["r2"]
    page.filters.gap_combo.setCurrentIndex(0)
    page.filters.category_combo.setCurrentIndex(page.filters.category_combo.findData("specs"))
    assert _shown_ids(page) == ["r1", "r2"] and page.filters.count_label.text() == "2 of 4 rows"


def test_dataset_and_output_text_is_shown_literally(qtbot, page):
    """An input or answer that looks like HTML is shown as typed, never rendered."""
    _open(qtbot, page)
    page._select_row("r3")
    assert page.example.input_box.toPlainText() == HTML
    assert page.example.header.textFormat() == Qt.TextFormat.PlainText
    outputs = {c.title.text(): c.output.toPlainText() for c in page.example.columns if c.isVisible()}
    assert outputs["base"] == f"{HTML} gamma"
    cell = page.rows_proxy.index(page.rows_table.currentIndex().row(), 0)  # the row by its question, as typed
    assert cell.data() == HTML and html.escape(HTML) in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert all(c.title.textFormat() == Qt.TextFormat.PlainText for c in page.example.columns)


def test_detail_shows_each_runs_verdicts_and_passages_side_by_side(qtbot, page):
    """The selected row shows every run's output, each check's verdict and reason, and the passages."""
    _open(qtbot, page)
    page._select_row("r2")
    columns = [c for c in page.example.columns if c.isVisible()]
    assert [c.title.text() for c in columns] == ["base", "rag"]
    base, rag = columns
    assert base.output.toPlainText() == "wrong" and "knowledge gap" in base.outcome.toolTip()
    lines = base.checks.toPlainText().splitlines()
    # one sentence per check, by the check's name, never a code such as "chars=37<=50"
    assert lines[0].startswith("✗ Contains the expected answer: ") and len(lines[0]) > 40
    assert lines[1].startswith("✓ At most N characters: ") and "characters (limit" in lines[1]
    assert not any("=" in line for line in lines)
    assert not base.passages.isVisible()
    assert rag.outcome.text() == "✗ retrieval" and "retrieval gap" in rag.outcome.toolTip()
    assert not any("=" in line for line in rag.checks.toPlainText().splitlines())  # retrieval reasons in words
    assert rag.passages.toPlainText().startswith("[1] manual.md · p. 3\nNothing useful here.")


def test_copy_row_puts_plain_tab_separated_text_on_the_clipboard(qtbot, page):
    """Copy row gives a header and one tab-separated line per run, ready for a spreadsheet."""
    _open(qtbot, page)
    page._select_row("r4")
    qtbot.mouseClick(page.filters.copy_button, Qt.MouseButton.LeftButton)
    text = QApplication.clipboard().text()
    lines = text.splitlines()
    assert lines[0].split("\t")[:5] == ["Row", "Category", "Input", "Expected", "Run"]
    assert len(lines) == 3 and lines[1].startswith("r4\tusage\tWhat is D?\tdelta\tbase\t")
    assert not QApplication.clipboard().mimeData().hasHtml()


def test_focus_selects_a_run_and_narrows_to_rows_even_before_the_data_arrives(qtbot, page):
    """Advice and Grid links land on the right run and rows; 'Show all rows' brings the rest back."""
    page.set_project(page.project_for_test)
    page.focus({"rows": ["r2", "r4"], "run": "rag"})  # arrives before anything was loaded
    page.show()
    qtbot.waitUntil(lambda: page.data is not None and not page.loader.is_running(), timeout=10000)
    assert _shown_ids(page) == ["r2", "r4"] and page.filters.clear_ids_button.isVisible()
    assert page.filters.run_combo.currentText() == "rag"
    assert page.board.currentIndex().data() == "rag"
    qtbot.mouseClick(page.filters.clear_ids_button, Qt.MouseButton.LeftButton)
    assert _shown_ids(page) == ["r1", "r2", "r3", "r4"] and not page.filters.clear_ids_button.isVisible()
    page.focus({"run": "base"})
    assert page.board.currentIndex().data() == "base" and page.filters.run_combo.currentText() == "base"


def test_a_check_edit_elsewhere_refreshes_the_scores(qtbot, page):
    """After the Checks page changes the checks, the leaderboard shows the new scores without a restart."""
    _open(qtbot, page)
    assert _cell(page, 0, "behaviour_score") == "75%"
    assert main(["check-add", str(page.project.root), "max-chars", "3"]) == 0  # every answer is longer
    page.project.data = Project.open(page.project.root).data  # as the Checks page's shared project holds it
    page.on_project_modified("checks")
    qtbot.waitUntil(lambda: not page.loader.is_running() and _cell(page, 0, "behaviour_score") == "0%", timeout=10000)


def test_no_runs_says_where_to_make_one(qtbot, tmp_path):
    """A project without runs explains how to get some and offers the Run step."""
    data = tmp_path / "d.csv"
    data.write_text("id,question,answer\nr1,q,a\n", encoding="utf-8")
    assert main(["new", str(tmp_path / "p"), "--dataset", str(data)]) == 0
    page = ResultsPage()
    qtbot.addWidget(page)
    page.set_project(Project.open(tmp_path / "p"))
    page.show()
    qtbot.waitUntil(lambda: page.data is not None, timeout=10000)
    assert "No runs yet" in page.empty_label.text() and page.run_page_button.isVisible()
    assert not page.splitter.isVisible()
    with qtbot.waitSignal(page.navigate) as nav:
        qtbot.mouseClick(page.run_page_button, Qt.MouseButton.LeftButton)
    assert nav.args == ["run", None]


def test_a_damaged_dataset_is_explained_and_the_leaderboard_still_shows(qtbot, page):
    """rows.jsonl changed outside the app: a banner says what to do; the runs are still listed."""
    rows_file = page.project_for_test.rows_file
    rows_file.write_text(rows_file.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    _open(qtbot, page)
    assert page.banner.isVisible() and page.banner.kind == "warning"
    assert "rows.jsonl" in page.banner.message_label.text() and page.banner.hint_label.text()
    assert [e.name for e in page.board_model.entries] == ["base", "rag"]


def test_review_with_the_keyboard_changes_scores_and_shows_agreement(qtbot, page):
    """Aiko reviews a sample with R, W and S: her verdicts replace the automatic ones in the
    leaderboard, and the page says how often the automatic verdicts agreed with hers."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    _open(qtbot, page)
    assert page.agreement_label.text().startswith("No answer reviewed yet")
    before = page.data.runs[-1].summary["pass_rate"]
    assert before > 0
    modified = []
    page.project_modified.connect(modified.append)
    page.sample_button.click()
    dialog = page.review
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # shortcuts reach the active window
    assert dialog.header.text().startswith("Answer 1 of 4 · run rag")
    first = dialog.current()
    assert dialog.answer.toPlainText() == first.output and dialog.automatic.text().startswith("Automatic verdict:")
    QTest.keySequence(dialog, QKeySequence("W"))  # wrong, where the checks said right
    QTest.keySequence(dialog, QKeySequence("S"))  # skipped: no verdict
    QTest.keySequence(dialog, QKeySequence("R"))
    assert dialog.header.text().startswith("Answer 4 of 4")
    QTest.keySequence(dialog, QKeySequence("B"))
    assert dialog.header.text().startswith("Answer 3 of 4") and "you said right" in dialog.header.text()
    dialog.close()
    qtbot.waitUntil(
        lambda: page.review is None and page.data is not None and not page.loader.is_running(), timeout=10000
    )
    assert modified == ["runs"]
    assert page.agreement_label.text().startswith("You reviewed 2 answers")
    from desktop_app.core.records import content_outcome

    rag = page.data.runs[-1]
    assert content_outcome(rag.results[first.row_id].verdicts) == "wrong"  # her word, not the checks'
    assert rag.summary["pass_rate"] < before or rag.summary["content_score"] < 1.0


def test_unsure_answers_can_be_listed_apart(qtbot, page):
    """The outcome filter offers the unsure answers, and "failed only" does not count them as failures."""
    _open(qtbot, page)
    gaps = [page.filters.gap_combo.itemData(i) for i in range(page.filters.gap_combo.count())]
    assert "unsure" in gaps
    page.filters.gap_combo.setCurrentIndex(gaps.index("unsure"))
    for row_id in _shown_ids(page):
        assert "unsure" in {e.outcome.get(row_id) for e in page.data.runs}


def test_results_are_exported_from_the_window_as_xlsx_and_csv(qtbot, page, tmp_path, monkeypatch):
    """File → Export Results… (and Export… on the page) writes every row of every run with verdicts."""
    import openpyxl
    import pandas as pd
    from PySide6.QtWidgets import QFileDialog

    _open(qtbot, page)
    with qtbot.waitSignal(page.export_runner.finished, timeout=15000):
        page.export(str(tmp_path / "rows.csv"))
    frame = pd.read_csv(tmp_path / "rows.csv", encoding="utf-8-sig", keep_default_na=False)
    assert set(frame["run"]) == {"base", "rag"} and len(frame) == 8
    assert page.banner.message_label.text().startswith("Saved ")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "all"), ""))
    with qtbot.waitSignal(page.export_runner.finished, timeout=15000):
        page.focus({"export": True})  # what File → Export Results… sends
    assert openpyxl.load_workbook(tmp_path / "all.xlsx").sheetnames[:2] == ["Leaderboard", "Rows"]


def test_the_rows_splitter_leaves_qwidget_lower_alone(qtbot, page):
    """The splitter under the leaderboard has its own name, so Qt's QWidget.lower() still restacks the page."""
    assert page.rows_split.orientation() == Qt.Orientation.Horizontal
    page.lower()  # a QSplitter stored as page.lower made this a TypeError (found by mypy)


@pytest.mark.parametrize("width", [1100, 830, 560])
def test_run_columns_stay_in_view_and_show_their_names_where_there_is_room(qtbot, sample, width):
    """The sample's three runs all stay in view in the rows table, each column as wide as its run's name
    when the page has room ("Few-shot (k=3)" in full), and the question column keeps a readable width."""
    page = ResultsPage()
    qtbot.addWidget(page)
    page.resize(width, 600)
    page.set_project(sample)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.data is not None and not page.loader.is_running(), timeout=10000)
    table, header = page.rows_table, page.rows_table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(0) > 0)
    runs = page.rows_model.columnCount() - 1
    right_edge = header.sectionViewportPosition(runs) + header.sectionSize(runs)
    assert runs == 3 and right_edge <= table.viewport().width()
    assert header.sectionSize(0) >= 160
    metrics = header.fontMetrics()
    names = [page.rows_model.headerData(c, Qt.Orientation.Horizontal) for c in range(1, runs + 1)]
    in_full = all(header.sectionSize(c) >= metrics.horizontalAdvance(n) for c, n in enumerate(names, 1))
    if width >= 830:
        assert in_full, [header.sectionSize(c) for c in range(1, runs + 1)]
