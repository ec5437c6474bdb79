"""Data import: every bad input gets a typed error with a hint, and nothing is half-imported."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from desktop_app.core.data import sniff as dataset_sniff
from desktop_app.core.data.rows import HUGE_CELL, ImportCancelled, import_dataset, load_rows, read_table
from desktop_app.core.errors import DataError
from desktop_app.core.project.folder import Project

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path):
    """A project that already holds a good import, so a failed import has something to spoil."""
    project = Project.create(tmp_path / "proj")
    good = tmp_path / "good.csv"
    good.write_text("question,answer\nq1,a1\nq2,a2\nq3,a3\n", encoding="utf-8")
    import_dataset(project, good, examples=1)
    return project


def _snapshot(project):
    files = sorted(p.relative_to(project.root) for p in project.root.rglob("*"))
    return files, (project.root / "project.json").read_bytes(), project.rows_file.read_bytes()


def failed_import(project, path, **kwargs) -> DataError:
    """Import that must fail; checks that the project on disk and in memory is as before."""
    before, section = _snapshot(project), json.dumps(project.section("dataset"))
    with pytest.raises(DataError) as info:
        import_dataset(project, path, **kwargs)
    assert _snapshot(project) == before, "a failed import changed the project folder"
    assert json.dumps(project.section("dataset")) == section
    assert info.value.message and info.value.hint
    return info.value


def test_empty_file(tmp_path, project):
    """An empty file (or one with only blank lines) says it is empty."""
    for content in (b"", b"\xef\xbb\xbf\r\n\r\n  \n"):
        path = tmp_path / "empty.csv"
        path.write_bytes(content)
        assert failed_import(project, path).details["kind"] == "empty"


def test_header_only(tmp_path, project):
    """A header without data rows says so instead of importing nothing."""
    path = tmp_path / "header.csv"
    path.write_text("question,answer\n\n", encoding="utf-8")
    err = failed_import(project, path)
    assert err.details["kind"] == "header_only" and "no data rows" in err.message


@pytest.mark.parametrize(
    "content, kind",
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
        (None, "ZIP"),
        (b"abc,def\n\x00\x01\x02\x03" * 100, "binary data"),
    ],
)
def test_binary_file_renamed_csv(tmp_path, project, content, kind):
    """An image or archive renamed .csv is refused as binary, with what it looks like."""
    path = tmp_path / "data.csv"
    if content is None:
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("xl/workbook.xml", "<workbook/>")
    else:
        path.write_bytes(content)
    err = failed_import(project, path)
    assert err.details["kind"] == "binary" and kind in err.message


def test_wrong_encoding_chosen_by_the_user(tmp_path, project):
    """Shift-JIS read as UTF-8 fails with the line and suggests the detected encoding."""
    path = tmp_path / "sjis.csv"
    path.write_bytes("question,answer\nq1,a1\n質問,正解\n".encode("cp932"))
    err = failed_import(project, path, encoding="utf-8")
    assert err.details == {"kind": "wrong_encoding", "line": 3, "encoding": "utf-8", "detected": "cp932"}
    assert "UTF-8" in err.message and "cp932" in err.hint


def test_bad_bytes_after_the_detection_sample(tmp_path, project, monkeypatch):
    """A file whose first part is plain ASCII but later turns Shift-JIS reports the exact line."""
    monkeypatch.setattr(dataset_sniff, "SAMPLE_BYTES", 64)  # detection sees only the ASCII start
    path = tmp_path / "late.csv"
    path.write_bytes(("question,answer\n" + "q,a\n" * 200 + "質問,正解\n").encode("cp932"))
    err = failed_import(project, path)
    assert err.details["kind"] == "wrong_encoding" and err.details["line"] == 202
    assert err.details["detected"] == "cp932"


def test_unknown_encoding_name(tmp_path, project):
    """A misspelt encoding name is refused with examples of valid ones."""
    err = failed_import(project, tmp_path / "good.csv", encoding="shiftjiss")
    assert err.details["kind"] == "unknown_encoding" and "cp932" in err.hint


@pytest.mark.parametrize("bad_line, fields", [("q2,a2,oops", 3), ("q2", 1)])
def test_ragged_rows_report_the_line(tmp_path, project, bad_line, fields):
    """A row with too many or too few fields is reported with its line number."""
    path = tmp_path / "ragged.csv"
    path.write_text(f'question,answer\n"multi\nline",a1\n{bad_line}\nq3,a3\n', encoding="utf-8")
    err = failed_import(project, path)
    assert err.details == {"kind": "ragged", "line": 4, "fields": fields, "expected": 2}
    assert "line 4" in err.message


def test_trailing_empty_fields_are_not_ragged(tmp_path):
    """Exports that end rows with extra empty delimiters still read."""
    path = tmp_path / "trailing.csv"
    path.write_text("question,answer\nq1,a1,,\nq2,a2\n", encoding="utf-8")
    assert read_table(path).frame.values.tolist() == [["q1", "a1"], ["q2", "a2"]]


def test_missing_mapped_column_lists_the_columns(tmp_path, project):
    """Asking for a column that is not there lists the columns that are."""
    path = tmp_path / "eval.csv"
    path.write_text("質問,正解\nq,a\n", encoding="utf-8")
    err = failed_import(project, path, mapping={"expected": "answer"})
    assert err.details["kind"] == "missing_column" and err.details["columns"] == ["質問", "正解"]
    assert "質問, 正解" in err.hint
    path.write_text("foo,bar\nq,a\n", encoding="utf-8")
    assert "foo, bar" in failed_import(project, path).message  # nothing guessable either


def test_unknown_sheet_lists_the_sheets(tmp_path, project):
    """Choosing a sheet that does not exist names the sheets that do."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "Data"
    wb.create_sheet("Notes")
    wb.save(tmp_path / "eval.xlsx")
    err = failed_import(project, tmp_path / "eval.xlsx", sheet="Results")
    assert err.details["sheets"] == ["Data", "Notes"] and "Data, Notes" in err.message


def test_duplicate_ids_are_listed(tmp_path, project):
    """Duplicate ids in the id column are refused, naming some of them with their lines."""
    path = tmp_path / "eval.csv"
    path.write_text("id,question,answer\n1,q1,a\n2,q2,a\n1,q3,a\n3,q4,a\n2,q5,a\n", encoding="utf-8")
    err = failed_import(project, path)
    assert err.details["kind"] == "duplicate_ids" and err.details["lines"] == {"1": [2, 4], "2": [3, 6]}
    assert "'1' (lines 2, 4)" in err.message


def test_broken_json_line_reports_its_number(tmp_path, project):
    """A broken JSONL line is reported by number, even far into the file."""
    path = tmp_path / "eval.jsonl"
    lines = [json.dumps({"question": f"q{i}", "answer": "a"}) for i in range(1500)]
    lines[1200] = '{"question": "q", "answer": '
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    err = failed_import(project, path)
    assert err.details == {"kind": "bad_json", "line": 1201} and "line 1201" in err.message


def test_huge_cell_is_accepted_and_flagged(tmp_path, project):
    """A cell over 100k characters is imported, flagged huge_cell, and warned about."""
    path = tmp_path / "eval.csv"
    big = "長" * (HUGE_CELL + 1)
    path.write_text(f'id,question,answer\nsmall,q,a\nbig,"{big}",a\n', encoding="utf-8")
    section = import_dataset(project, path)
    warning = next(w for w in section["warnings"] if w["kind"] == "huge_cell")
    assert warning["count"] == 1 and warning["ids"] == ["big"]
    assert section["flagged"]["huge_cell"] == {"count": 1, "ids": ["big"]}
    rows = {r.id: r for r in load_rows(project)[0]}
    assert rows["big"].flags == ("huge_cell",) and len(rows["big"].input) == HUGE_CELL + 1
    assert rows["small"].flags == ()


def test_too_large_examples_pool(tmp_path, project):
    """An examples pool as large as the data is refused: nothing would be left to evaluate."""
    path = tmp_path / "eval.csv"
    path.write_text("q,a\n1,1\n2,2\n", encoding="utf-8")
    assert failed_import(project, path, examples=2).details["kind"] == "bad_split"
    assert failed_import(project, path, examples=-1).details["kind"] == "bad_split"


def test_cancel_changes_nothing(tmp_path, project):
    """Stopping an import part-way leaves the previous import in place."""
    path = tmp_path / "eval.csv"
    path.write_text("q,a\n" + "".join(f"{i},{i}\n" for i in range(10_000)), encoding="utf-8")
    assert isinstance(failed_import(project, path, should_stop=lambda: True), ImportCancelled)


def test_failed_project_save_restores_the_rows(tmp_path, project, monkeypatch):
    """If project.json cannot be written, the old rows file comes back and the section is unchanged."""
    path = tmp_path / "eval.csv"
    path.write_text("q,a\nnew,row\n", encoding="utf-8")

    def broken_save():
        raise DataError("disk full", "free some space")

    monkeypatch.setattr(project, "save", broken_save)
    failed_import(project, path)
    evaluation, pool = load_rows(project)
    assert sorted(r.input for r in evaluation + pool) == ["q1", "q2", "q3"] and len(pool) == 1


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="peak RSS reset needs Linux /proc")
def test_large_files_stream_in_bounded_memory(tmp_path):
    """A 40 MB CSV and a 20 MB JSONL import without memory growing with the file size."""
    script = textwrap.dedent("""
        import json, re, sys, time
        from pathlib import Path
        from desktop_app.core.data.rows import import_dataset
        from desktop_app.core.project.folder import Project
        tmp = Path(sys.argv[1])
        def status_mb(key):
            return int(re.search(key + r":\\s+(\\d+)", Path("/proc/self/status").read_text()).group(1)) / 1024
        def reset_peak():  # getrusage's peak would include the parent's RSS from before exec
            Path("/proc/self/clear_refs").write_text("5")
            return status_mb("VmRSS")
        filler = ("回答の根拠となる補足説明 some English words " * 40)[:600]
        def write(path, mb, jsonl):
            with open(path, "w", encoding="utf-8") as fh:
                fh.write("" if jsonl else "id,質問,正解\\n")
                i = 0
                while fh.tell() < mb * 2**20:
                    i += 1
                    if jsonl:
                        fh.write(json.dumps({"id": f"q{i}", "質問": f"{i} {filler}", "正解": str(i)},
                                            ensure_ascii=False) + "\\n")
                    else:
                        fh.write(f'q{i},"{i} {filler}",{i}\\n')
            return i
        write(tmp / "warm.csv", 1, False)
        import_dataset(Project.create(tmp / "warm"), tmp / "warm.csv", examples=5)  # lazy imports, arenas
        out = {}
        for name, mb, jsonl in (("csv", 40, False), ("jsonl", 20, True)):
            path = tmp / f"big.{name}"
            rows = write(path, mb, jsonl)
            before, start = reset_peak(), time.perf_counter()
            section = import_dataset(Project.create(tmp / name), path, examples=50, seed=3)
            out[name] = {"rows": rows, "imported": section["rows"], "pool": section["examples"]["count"],
                         "growth_mb": status_mb("VmHWM") - before, "file_mb": path.stat().st_size / 2**20,
                         "seconds": time.perf_counter() - start}
            path.unlink()
        print(json.dumps(out))
    """)
    proc = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    for name, r in result.items():
        assert r["imported"] == r["rows"] and r["pool"] == 50
        # holding the rows would cost several times the file size; streaming costs ~16 B/row
        assert r["growth_mb"] < r["file_mb"] / 5, (name, r)


def test_rows_without_a_dataset_or_changed_outside(tmp_path, project):
    """Loading rows of a project without a dataset, or with a tampered rows file, says what to do."""
    with pytest.raises(DataError, match="no evaluation set") as info:
        load_rows(Project.create(tmp_path / "fresh"))
    assert "Import" in info.value.hint
    with open(project.rows_file, "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "x", "input": "i", "expected": "e"}) + "\n")
    with pytest.raises(DataError, match="does not match") as info:
        load_rows(project)
    assert info.value.details["kind"] == "rows_mismatch"
