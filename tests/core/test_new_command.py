"""`new PROJECT --dataset FILE`: a project from an evaluation set, with a stable CLI contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from desktop_app.cli import main
from desktop_app.core.data.rows import load_rows
from desktop_app.core.project.folder import Project

ROOT = Path(__file__).resolve().parents[2]
SJIS = "質問,正解,カテゴリ\r\n日本の首都は？,東京,地理\r\n富士山の高さは？,3776m,地理\r\n①とは？,丸1,記号\r\n"


@pytest.fixture
def sjis_csv(tmp_path):
    path = tmp_path / "評価.csv"
    path.write_bytes(SJIS.encode("cp932"))
    return path


def test_new_from_shift_jis_csv(tmp_path, sjis_csv, capsys):
    """A Shift-JIS CSV becomes a project; the summary shows rows, encoding and mapping."""
    code = main(["new", str(tmp_path / "proj"), "--dataset", str(sjis_csv), "--examples", "1", "--seed", "4"])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    assert "Rows: 3 (evaluation 2, examples pool 1, seed 4)" in out
    assert "Shift-JIS (cp932)" in out and "input=質問, expected=正解, id=(generated)" in out
    section = Project.open(tmp_path / "proj").section("dataset")
    assert section["encoding"] == "cp932" and section["examples"]["count"] == 1
    evaluation, pool = load_rows(Project.open(tmp_path / "proj"))
    assert len(evaluation) == 2 and len(pool) == 1


def test_new_from_xlsx_sheet_with_explicit_columns(tmp_path, capsys):
    """Sheet, input, expected, id and category can be named on the command line."""
    wb = openpyxl.Workbook()
    wb.active.title = "表紙"
    ws = wb.create_sheet("データ")
    ws.append(["No", "Frage", "Antwort", "Ideal", "Thema"])
    for i in range(1, 7):
        ws.append([f"k{i}", f"Frage {i}", f"falsch {i}", f"richtig {i}", "t"])
    wb.save(tmp_path / "eval.xlsx")
    code = main(
        [
            "new",
            str(tmp_path / "p"),
            "--dataset",
            str(tmp_path / "eval.xlsx"),
            "--sheet",
            "データ",
            "--input",
            "Frage",
            "--expected",
            "Ideal",
            "--id",
            "No",
            "--category",
            "Thema",
            "--examples",
            "2",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0 and "XLSX, sheet 'データ'" in out
    evaluation, pool = load_rows(Project.open(tmp_path / "p"))
    assert sorted(r.id for r in evaluation + pool) == [f"k{i}" for i in range(1, 7)]
    assert all(r.expected.startswith("richtig") and r.category == "t" for r in evaluation)


def test_new_prints_warnings(tmp_path, capsys):
    """Warnings (e.g. a huge cell, rows without input) are printed, the import still succeeds."""
    path = tmp_path / "eval.csv"
    path.write_text(f'question,answer\nq1,a1\n,orphan\nq2,"{"x" * 100_001}"\n', encoding="utf-8")
    assert main(["new", str(tmp_path / "p"), "--dataset", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1 row(s) have a cell over 100,000 characters" in out
    assert "1 row(s) without an input were skipped (lines 3)" in out


def test_bad_dataset_exits_2_and_leaves_no_project(tmp_path, capsys):
    """A bad file gives exit 2 and one line on stderr; no half-made project blocks the retry."""
    path = tmp_path / "eval.csv"
    path.write_text("question,answer\nq1,a1\nq2,a2,extra\n", encoding="utf-8")
    target = tmp_path / "proj"
    assert main(["new", str(target), "--dataset", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "line 3" in err
    assert not target.exists()
    path.write_text("question,answer\nq1,a1\nq2,a2\n", encoding="utf-8")
    assert main(["new", str(target), "--dataset", str(path)]) == 0


def test_failure_in_an_existing_folder_removes_only_what_it_made(tmp_path, sjis_csv, capsys):
    """When the target folder already exists, a failed import removes only the files it created."""
    target = tmp_path / "work"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["new", str(target), "--dataset", str(sjis_csv), "--input", "nope"]) == 2
    assert "Available columns: 質問, 正解, カテゴリ" in capsys.readouterr().err
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["--encoding", "utf-8"], "--encoding cp932"),
        (["--examples", "3"], "leaves no rows"),
        (["--delimiter", "ab"], "delimiter"),
    ],
)
def test_bad_options_exit_2(tmp_path, sjis_csv, capsys, args, message):
    """Wrong encoding, too many examples or a bad delimiter: exit 2 with the reason and a hint."""
    assert main(["new", str(tmp_path / "p"), "--dataset", str(sjis_csv), *args]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "p").exists()


def test_existing_project_and_missing_file_exit_2(tmp_path, sjis_csv, capsys):
    """An existing project is never overwritten; a missing dataset file is named."""
    assert main(["new", str(tmp_path / "p"), "--dataset", str(sjis_csv)]) == 0
    before = (tmp_path / "p" / "project.json").read_bytes()
    assert main(["new", str(tmp_path / "p"), "--dataset", str(sjis_csv)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert (tmp_path / "p" / "project.json").read_bytes() == before
    assert main(["new", str(tmp_path / "q"), "--dataset", str(tmp_path / "missing.csv")]) == 2
    assert "missing.csv does not exist" in capsys.readouterr().err


def test_dataset_option_is_required(tmp_path, capsys):
    """Forgetting --dataset is a usage error (exit 2), not a traceback."""
    with pytest.raises(SystemExit) as info:
        main(["new", str(tmp_path / "p")])
    assert info.value.code == 2 and "--dataset" in capsys.readouterr().err


def test_new_through_a_subprocess(tmp_path, sjis_csv):
    """`python -m desktop_app.cli new` works as a script would call it (errors: see the tests above)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_app.cli",
            "new",
            str(tmp_path / "p"),
            "--dataset",
            str(sjis_csv),
            "--examples",
            "1",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Rows: 3 (evaluation 2, examples pool 1" in proc.stdout
    data = json.loads((tmp_path / "p" / "project.json").read_text(encoding="utf-8"))
    assert data["dataset"]["mapping"]["input"] == "質問"
