"""The Data step: preview, column mapping, split and import, on real projects in tmp_path."""

from __future__ import annotations

import time

import openpyxl
import pandas as pd
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

import pytest

from desktop_app.core.data import rows as datasets
from desktop_app.core.project.folder import Project
from desktop_app.ui.data.rows_table import RowsTable
from desktop_app.ui.data.page import DataPage

DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole


def busy(page) -> bool:
    return any(r.is_running() for r in (page.preview_runner, page.rows_runner, page.import_runner))


def settle(qtbot, page) -> None:
    qtbot.waitUntil(lambda: not busy(page), timeout=10000)


def cells(page, column: int) -> list[str]:
    model = page.model
    return [model.data(model.index(r, column), DISPLAY) for r in range(model.rowCount())]


def header(page, column: int) -> str:
    return page.model.headerData(column, Qt.Orientation.Horizontal, DISPLAY)


def ja_csv(path, rows: int, encoding="cp932"):
    lines = ["質問,正解,カテゴリ"] + [f"富士山の高さは？その{i},3776メートル{i},地理" for i in range(rows)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


@pytest.fixture
def project(tmp_path):
    return Project.create(tmp_path / "proj")


@pytest.fixture
def page(qtbot, project):
    page = DataPage()
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.set_project(project)
    settle(qtbot, page)
    return page


def import_and_wait(qtbot, page):
    with qtbot.waitSignal(page.project_modified, timeout=10000, check_params_cb=lambda w: w == "dataset"):
        qtbot.mouseClick(page.panel.import_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)


def test_shift_jis_csv_is_previewed_mapped_split_and_imported(qtbot, page, project, tmp_path):
    """Aiko's Shift-JIS export: columns guessed, N evaluation rows and M examples, every row shown."""
    page.load_file(ja_csv(tmp_path / "評価セット.csv", 120))
    settle(qtbot, page)
    assert page.mode == "preview" and page.model.rowCount() == 120
    assert page.mapping.mapping() == {
        "input": "質問",
        "expected": "正解",
        "id": None,
        "context": None,
        "category": "カテゴリ",
    }
    assert page.source.encoding_combo.itemText(0) == "Automatic (Shift-JIS (cp932))"
    assert header(page, 0) == "質問 → Input" and "富士山の高さは？その0" in cells(page, 0)
    assert "all 120 rows of 評価セット.csv" in page.info_label.text()
    assert page.panel.pool_spin.value() == 20  # a sensible default: 20 set aside for few-shot
    assert page.panel.split_label.text() == "About 100 evaluation rows, 20 examples."

    import_and_wait(qtbot, page)
    section = project.section("dataset")
    assert (section["rows"], section["eval_rows"], section["examples"]["count"]) == (120, 100, 20)
    assert section["encoding"] == "cp932" and section["mapping"]["category"] == "カテゴリ"
    assert page.mode == "imported" and page.model.rowCount() == 120
    assert "Imported. 100 evaluation rows, 20 examples" in page.panel.progress_label.text()
    assert "120 rows imported from 評価セット.csv" in page.info_label.text()
    assert cells(page, 0).count("example") == 20 and header(page, 2) == "Input (質問)"
    assert not page.banner.isVisible()


def test_opening_a_project_with_a_dataset_shows_the_imported_rows(qtbot, project, tmp_path):
    """Reopening a project shows its evaluation rows and examples pool without importing again."""
    datasets.import_dataset(project, ja_csv(tmp_path / "eval.csv", 40, "utf-8"), examples=5, seed=3)
    evaluation, pool = datasets.load_rows(project)
    page = DataPage()
    qtbot.addWidget(page)
    page.set_project(Project.open(project.root))
    settle(qtbot, page)
    assert page.mode == "imported" and page.model.rowCount() == 40
    assert cells(page, 2) == [r.input for r in evaluation + pool]
    assert cells(page, 0) == ["evaluation"] * 35 + ["example"] * 5
    assert (page.panel.pool_spin.value(), page.panel.seed_spin.value()) == (5, 3)
    assert page.panel.split_label.text() == "35 evaluation rows, 5 examples"
    assert page.mapping.mapping()["input"] == "質問" and not page.panel.mapping_box.isEnabled()


def test_xlsx_sheet_choice_rereads_the_preview_and_imports_that_sheet(qtbot, page, project, tmp_path):
    """A workbook with several sheets: the user picks the sheet that holds the evaluation set."""
    wb = openpyxl.Workbook()
    wb.active.title = "Notes"
    wb.active.append(["readme"])
    wb.active.append(["this sheet is not the data"])
    data = wb.create_sheet("Eval")
    data.append(["question", "answer"])
    for i in range(12):
        data.append([f"q{i}?", f"a{i}"])
    wb.save(tmp_path / "book.xlsx")
    page.load_file(tmp_path / "book.xlsx")
    settle(qtbot, page)
    assert page.source.sheet_combo.isVisible() and page.source.sheet_combo.count() == 2
    assert not page.source.encoding_combo.isEnabled()  # a workbook has no text encoding to choose
    assert page.mapping.missing_required() and not page.panel.import_button.isEnabled()
    assert page.mapping.problem_label.text() == "Choose the input column."

    page.source.sheet_combo.setCurrentIndex(page.source.sheet_combo.findData("Eval"))
    page.source.sheet_combo.activated.emit(page.source.sheet_combo.currentIndex())
    settle(qtbot, page)
    assert page.preview.sheet == "Eval" and page.model.rowCount() == 12
    assert page.mapping.mapping()["input"] == "question" and page.panel.import_button.isEnabled()
    import_and_wait(qtbot, page)
    assert project.section("dataset")["sheet"] == "Eval" and page.model.rowCount() == 12


def test_a_changed_mapping_is_the_one_imported(qtbot, page, project, tmp_path):
    """When the guess is wrong the user's choice of column wins."""
    path = tmp_path / "eval.jsonl"
    path.write_text(
        "".join(f'{{"question": "q{i}", "answer": "a{i}", "gold": "g{i}"}}\n' for i in range(10)), encoding="utf-8"
    )
    page.load_file(path)
    settle(qtbot, page)
    assert page.mapping.mapping()["expected"] == "answer"
    page.mapping.set_choice("expected", "gold")
    assert header(page, 2) == "gold → Expected output" and header(page, 1) == "answer"
    page.mapping.set_choice("category", "gold")  # one column for two roles cannot be imported
    assert not page.panel.import_button.isEnabled() and "gold" in page.mapping.problem_label.text()
    page.mapping.set_choice("category", None)
    import_and_wait(qtbot, page)
    assert project.section("dataset")["mapping"]["expected"] == "gold"
    assert datasets.load_rows(project)[0][0].expected == "g0"


def test_dropping_a_file_on_the_page_previews_it(qtbot, page, tmp_path):
    """Dragging the export from the file manager onto the page is enough to load it."""
    path = ja_csv(tmp_path / "dropped.csv", 7, "utf-8-sig")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        page.rect().center(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(page, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(page.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(page, drop)
    settle(qtbot, page)
    assert page.mode == "preview" and page.model.rowCount() == 7
    assert page.preview.encoding == "utf-8-sig" and page.source.file_label.text() == "dropped.csv"

    two = QMimeData()
    two.setUrls([QUrl.fromLocalFile(str(path)), QUrl.fromLocalFile(str(tmp_path))])
    assert page.handle_drop(two) is False
    assert page.banner.isVisible() and page.banner.message_label.text() == "Drop one file at a time."
    assert page.model.rowCount() == 7  # the preview stays


def test_markup_in_the_data_is_shown_as_plain_text(qtbot, page, tmp_path):
    """A cell holding HTML shows literally: nothing is rendered, no image is fetched."""
    markup = "<b>x</b><img src=x>"
    path = tmp_path / "markup.csv"
    path.write_text(f'question,answer,{markup}\n"{markup}",ok,c\nplain,"{markup}",d\n', encoding="utf-8")
    page.load_file(path)
    settle(qtbot, page)
    model = page.model
    assert model.data(model.index(0, 0), DISPLAY) == markup
    assert header(page, 2) == markup
    tip = model.data(model.index(0, 0), TOOLTIP)
    assert "&lt;b&gt;x&lt;/b&gt;&lt;img src=x&gt;" in tip and "<img" not in tip
    assert "<img" not in model.headerData(2, Qt.Orientation.Horizontal, TOOLTIP)
    page.mapping.set_choice("category", markup)
    import_and_wait(qtbot, page)
    assert markup in cells(page, 2) and markup in cells(page, 3)
    for label in (page.info_label, page.source.file_label, page.panel.warnings_label, page.banner.message_label):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_apply_split_sets_a_new_examples_pool(qtbot, page, project, tmp_path):
    """Changing the pool size after the import re-splits the saved rows without the source file."""
    source = ja_csv(tmp_path / "eval.csv", 50, "utf-8")
    page.load_file(source)
    settle(qtbot, page)
    page.panel.pool_spin.setValue(5)
    import_and_wait(qtbot, page)
    source.unlink()  # re-splitting must not need the original file
    assert not page.panel.apply_split_button.isEnabled()
    page.panel.pool_spin.setValue(12)
    page.panel.seed_spin.setValue(7)
    assert page.panel.split_label.text() == "Now 45 evaluation rows, 5 examples. Apply to set 12 aside instead."
    with qtbot.waitSignal(page.project_modified, timeout=10000):
        qtbot.mouseClick(page.panel.apply_split_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    examples = project.section("dataset")["examples"]
    assert (examples["count"], examples["seed"]) == (12, 7)
    assert cells(page, 0).count("example") == 12 and page.panel.split_label.text() == "38 evaluation rows, 12 examples"


def test_cancel_stops_the_import_and_changes_nothing(qtbot, page, project, tmp_path):
    """Cancel during an import leaves the project as it was."""
    path = tmp_path / "big.csv"
    path.write_text("question,answer\n" + "".join(f"q{i},a{i}\n" for i in range(60_000)), encoding="utf-8")
    page.load_file(path)
    settle(qtbot, page)
    qtbot.mouseClick(page.panel.import_button, Qt.MouseButton.LeftButton)
    assert page.panel.cancel_button.isVisible() and page.panel.cancel_button.isEnabled()
    qtbot.mouseClick(page.panel.cancel_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert page.banner.message_label.text() == "The import was cancelled."
    assert project.section("dataset") is None and not project.rows_file.exists()
    assert page.mode == "preview" and page.panel.import_button.isEnabled()


def test_a_hundred_thousand_rows_scroll_without_copying(qtbot):
    """A 100k-row evaluation set scrolls smoothly: the model reads only the cells on screen."""
    frame = pd.DataFrame({c: [f"{c} {i} " + "text " * 20 for i in range(100_000)] for c in "abcd"}, dtype=object)
    table = RowsTable()
    qtbot.addWidget(table)
    table.resize(900, 600)
    table.show()
    qtbot.waitExposed(table)
    start = time.perf_counter()
    table.show_frame(frame)
    set_up = time.perf_counter() - start
    assert table.frame_model.frame is frame and table.frame_model.rowCount() == 100_000
    bar, worst = table.verticalScrollBar(), 0.0
    for step in range(1, 21):
        start = time.perf_counter()
        bar.setValue(bar.maximum() * step // 20)
        table.viewport().repaint()
        worst = max(worst, time.perf_counter() - start)
    assert set_up < 0.2 and worst < 0.05, (set_up, worst)
    last = table.rowAt(table.viewport().height() - 2)
    assert last == 99_999


def test_without_a_project_the_page_says_what_to_do_first(qtbot):
    """Before any project is open, the Data step points back to step 1 and cannot import."""
    page = DataPage()
    qtbot.addWidget(page)
    page.set_project(None)
    assert page.info_label.text() == "Open or create a project first (step 1)."
    assert not page.source.choose_button.isEnabled() and not page.panel.import_button.isEnabled()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(__file__)])
    assert page.handle_drop(mime) is False and page.preview is None


def test_import_summary_lists_skipped_and_flagged_rows(qtbot, page, project, tmp_path):
    """After the import the user reads which rows were skipped or flagged, and the cell stays light."""
    huge = "long answer " * 10_000  # 120k characters
    path = tmp_path / "flags.csv"
    path.write_text(f'question,answer\nq1,a1\n,orphan answer\nq3,"{huge}"\nq4,\n', encoding="utf-8")
    page.load_file(path)
    settle(qtbot, page)
    import_and_wait(qtbot, page)
    warnings = page.panel.warnings_label.text()
    assert "Rows skipped because their input is empty: 1 (lines 3)." in warnings
    assert "Rows with a cell over 100,000 characters, kept but costly to send: 1" in warnings
    assert "Rows without an expected output, which content checks cannot grade: 1" in warnings
    assert page.model.rowCount() == 3 and project.section("dataset")["rows"] == 3
    shown = cells(page, 3)
    assert max(len(c) for c in shown) <= 301 and shown[1].endswith("…")  # drawn cut, stored whole
    assert page.model.cell(1, 3) == huge


def test_apply_split_does_not_move_when_the_split_sentence_wraps(qtbot):
    """ "Apply split" stays under the mouse whatever length the sentence about the split has."""
    from desktop_app.ui.data.import_panel import ImportPanel

    panel = ImportPanel()
    qtbot.addWidget(panel)
    panel.resize(360, 600)
    panel.show()
    qtbot.waitExposed(panel)
    places = []
    for text in (
        "3 examples.",
        "120 rows: 100 to evaluate and 20 set aside as examples for few-shot prompts "
        "and fine-tuning, chosen at random with this seed; none of them is ever evaluated.",
    ):
        panel.split_label.setText(text)
        panel.layout().activate()
        panel.split_box.layout().activate()
        button = panel.apply_split_button
        places.append(button.mapTo(panel, button.rect().topLeft()))
    assert places[0] == places[1]


def test_a_new_split_names_the_runs_it_affects_and_waits_for_a_yes(qtbot, page, project, tmp_path, monkeypatch):
    """With runs made, Apply split says which runs were scored on the old split and changes nothing
    unless the user agrees."""
    from desktop_app.core.records import RowResult
    from desktop_app.core.run.store import ResultStore

    source = ja_csv(tmp_path / "eval.csv", 50, "utf-8")
    page.load_file(source)
    settle(qtbot, page)
    page.panel.pool_spin.setValue(5)
    import_and_wait(qtbot, page)
    with ResultStore(project.results_db) as store:
        store.add_complete_run("Few-shot (k=3)", ("few_shot",), [RowResult(0, "1", "answer")])
    asked = []
    monkeypatch.setattr(page, "confirm_resplit", lambda runs: asked.append(runs) or False)
    page.panel.pool_spin.setValue(12)
    qtbot.mouseClick(page.panel.apply_split_button, Qt.MouseButton.LeftButton)
    assert asked == [["Few-shot (k=3)"]] and project.section("dataset")["examples"]["count"] == 5
    monkeypatch.setattr(page, "confirm_resplit", lambda runs: True)
    with qtbot.waitSignal(page.project_modified, timeout=10000):
        qtbot.mouseClick(page.panel.apply_split_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert project.section("dataset")["examples"]["count"] == 12
