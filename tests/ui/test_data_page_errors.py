"""The Data step's error paths: each shows in the page banner with a hint; nothing imported is lost."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.project.folder import Project
from desktop_app.ui.data.work import PREVIEW_ROWS
from desktop_app.ui.data.page import DataPage

DISPLAY = Qt.ItemDataRole.DisplayRole
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def busy(page) -> bool:
    return any(r.is_running() for r in (page.preview_runner, page.rows_runner, page.import_runner))


def settle(qtbot, page) -> None:
    qtbot.waitUntil(lambda: not busy(page), timeout=10000)


def column(page, col: int) -> list[str]:
    return [page.model.data(page.model.index(r, col), DISPLAY) for r in range(page.model.rowCount())]


def jsonl(path, count: int, broken_at: int | None = None):
    lines = [json.dumps({"question": f"q{i}", "answer": f"a{i}"}) for i in range(1, count + 1)]
    if broken_at:
        lines[broken_at - 1] = '{"question": "unfinished, "answer": '
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def page(qtbot, tmp_path):
    """A page whose project already holds 8 good rows (imported through the page)."""
    project = Project.create(tmp_path / "proj")
    page = DataPage()
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.set_project(project)
    settle(qtbot, page)
    page.load_file(jsonl(tmp_path / "good.jsonl", 8))
    settle(qtbot, page)
    page.panel.pool_spin.setValue(2)
    with qtbot.waitSignal(page.project_modified, timeout=10000):
        page.start_import()
    settle(qtbot, page)
    assert page.mode == "imported" and page.model.rowCount() == 8
    page.saved = (project.rows_file.read_bytes(), json.dumps(project.section("dataset"), sort_keys=True))
    page.shown = column(page, 2)
    return page


def assert_untouched(page) -> None:
    project = Project.open(page.project.root)  # what is on disk, not what the page holds
    assert project.rows_file.read_bytes() == page.saved[0]
    assert json.dumps(project.section("dataset"), sort_keys=True) == page.saved[1]
    assert "The imported data was not changed." in page.banner.hint_label.text()


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("picture.png", PNG, "picture.png is not a text table: it looks like"),
        ("empty.csv", b"", "empty.csv is empty."),
        ("broken.jsonl", None, "broken.jsonl line 3 is not valid JSON"),
        ("notes.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "is an old Excel file (.xls)"),
    ],
)
def test_a_file_that_cannot_be_read_shows_why_and_keeps_the_old_rows(qtbot, page, tmp_path, name, content, message):
    """Binary, empty, broken JSON, old Excel: the banner says why and what to do; the old rows stay."""
    path = tmp_path / name
    if content is None:
        jsonl(path, 5, broken_at=3)
    else:
        path.write_bytes(content)
    page.load_file(path)
    settle(qtbot, page)
    assert page.banner.isVisible() and page.banner.kind == "error"
    assert message in page.banner.message_label.text()
    assert page.banner.hint_label.isVisible() and len(page.banner.hint_label.text()) > 40
    assert page.mode == "imported" and column(page, 2) == page.shown  # the table still shows the old rows
    assert_untouched(page)


def test_a_broken_line_past_the_preview_fails_the_import_and_keeps_the_old_rows(qtbot, page, tmp_path):
    """A bad line the preview did not reach stops the import with its line number; nothing changes."""
    broken_at = PREVIEW_ROWS + 300
    page.load_file(jsonl(tmp_path / "long.jsonl", PREVIEW_ROWS + 500, broken_at=broken_at))
    settle(qtbot, page)
    assert page.mode == "preview" and page.preview.truncated and not page.banner.isVisible()
    page.start_import()
    settle(qtbot, page)
    assert f"long.jsonl line {broken_at} is not valid JSON" in page.banner.message_label.text()
    assert_untouched(page)
    assert page.mode == "preview" and page.panel.import_button.isEnabled()  # fix the file, try again
    qtbot.mouseClick(page.source.show_imported_button, Qt.MouseButton.LeftButton)
    assert page.mode == "imported" and column(page, 2) == page.shown


def test_a_wrong_encoding_choice_is_explained_and_undone(qtbot, page, tmp_path):
    """Choosing UTF-8 for a Shift-JIS file says which encoding it looks like; the preview stays readable."""
    path = tmp_path / "sjis.csv"
    path.write_bytes("質問,正解\r\n日本の首都は？,東京\r\n富士山の高さは？,3776メートル\r\n".encode("cp932"))
    page.load_file(path)
    settle(qtbot, page)
    assert column(page, 0) == ["日本の首都は？", "富士山の高さは？"]
    page.source.encoding_combo.setCurrentIndex(page.source.encoding_combo.findData("utf-8"))
    page.source.encoding_combo.activated.emit(page.source.encoding_combo.currentIndex())
    settle(qtbot, page)
    assert "sjis.csv cannot be read as UTF-8" in page.banner.message_label.text()
    assert "Shift-JIS" in page.banner.hint_label.text()
    assert page.source.encoding_combo.currentIndex() == 0  # back to what the preview was read with
    assert column(page, 0) == ["日本の首都は？", "富士山の高さは？"]
    assert_untouched(page)

    page.source.encoding_combo.setCurrentIndex(page.source.encoding_combo.findData("cp932"))
    page.source.encoding_combo.activated.emit(page.source.encoding_combo.currentIndex())
    settle(qtbot, page)
    assert not page.banner.isVisible() and page.preview.asked_encoding == "cp932"
    assert page.import_options()["encoding"] == "cp932"


def test_a_mapped_column_missing_at_import_time_is_named(qtbot, page, tmp_path):
    """The file was edited after the preview and lost its mapped column: the banner names it."""
    path = tmp_path / "edited.csv"
    path.write_text("question,answer\nq1,a1\nq2,a2\n", encoding="utf-8")
    page.load_file(path)
    settle(qtbot, page)
    path.write_text("question,reply\nq1,a1\nq2,a2\n", encoding="utf-8")  # saved again from Excel
    page.start_import()
    settle(qtbot, page)
    assert page.banner.message_label.text() == "There is no column 'answer' (asked for as the expected column)."
    assert "question, reply" in page.banner.hint_label.text()
    assert_untouched(page)


def test_an_examples_pool_as_large_as_the_file_is_refused(qtbot, page, tmp_path):
    """Setting every row aside as an example would leave nothing to evaluate: the import says so."""
    page.load_file(jsonl(tmp_path / "small.jsonl", 4))
    settle(qtbot, page)
    page.panel.pool_spin.setValue(4)
    page.start_import()
    settle(qtbot, page)
    assert "leaves no rows to evaluate" in page.banner.message_label.text()
    assert_untouched(page)
