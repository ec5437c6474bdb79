"""Workbooks written by tools that leave a stale <dimension> element lose no rows or columns."""

from __future__ import annotations

import re
import zipfile

import openpyxl

from desktop_app.core.data.rows import import_dataset, load_rows
from desktop_app.core.data.readers import read_table
from desktop_app.core.project import Project


def _stale_workbook(path, rows: int):
    """120 rows and three columns, saying in its <dimension> that it holds A1:B5 (as many tools do)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["質問", "正解", "カテゴリ"])
    for i in range(rows):
        ws.append([f"質問 {i} は？", f"答え {i}", "製品"])
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        files = {name: z.read(name) for name in z.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    files[sheet] = re.sub(rb'<dimension ref="[^"]+"\s*/>', b'<dimension ref="A1:B5"/>', files[sheet])
    assert b'<dimension ref="A1:B5"/>' in files[sheet]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return path


def test_every_row_and_column_of_a_stale_dimension_workbook_is_read(tmp_path):
    """The preview shows all three columns, and the whole sheet is there."""
    table = read_table(_stale_workbook(tmp_path / "評価セット.xlsx", 120))
    assert list(table.frame.columns) == ["質問", "正解", "カテゴリ"]
    assert len(table.frame) == 120 and table.frame.iloc[-1, 2] == "製品"


def test_importing_a_stale_dimension_workbook_keeps_all_120_rows(tmp_path):
    """Import gives 120 evaluation rows, not the 4 the dimension element claims."""
    project = Project.create(tmp_path / "proj")
    section = import_dataset(project, _stale_workbook(tmp_path / "eval.xlsx", 120))
    assert section["rows"] == 120 and section["mapping"]["category"] == "カテゴリ"
    evaluation, _pool = load_rows(project)
    assert len(evaluation) == 120 and evaluation[-1].expected == "答え 119"
