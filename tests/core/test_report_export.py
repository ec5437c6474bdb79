"""Exports built from a project: report data, CSV/XLSX tables, no secrets, and the CLI commands."""

from __future__ import annotations

import csv
import io
import os

import pandas as pd
import pytest
from openpyxl import load_workbook

from desktop_app.cli import main
from desktop_app.core.advice.inputs import diagnose_project
from desktop_app.core.data.rows import import_dataset, load_rows
from desktop_app.core.project.folder import Project
from desktop_app.core.records import RowResult, RunInfo, Verdict
from desktop_app.core.report.build import build_report_data, export_table, write_html
from desktop_app.core.report.tables import EXCEL_CELL_MAX
from desktop_app.core.run.scoring import checks_signature, project_specs
from desktop_app.core.run.store import ResultStore
from tests.core.test_advisor_gaps import make_run, outcomes
from tests.core.test_report import PLANTED_KEY, _data, _result


# -- from a project ---------------------------------------------------------------------------------
def _project(tmp_path, runs, n=10, connection=None):
    src = tmp_path / "評価セット.csv"
    with open(src, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "質問", "正解", "category"])
        for i in range(n):
            w.writerow([f"q{i + 1}", f"質問 {i + 1} は？", f"答え{i + 1}", "faq"])
    project = Project.create(tmp_path / "proj")
    import_dataset(project, src, mapping={"input": "質問", "expected": "正解", "id": "id", "category": "category"})
    if connection:
        project.set_section("connection", connection)
    # The planted verdicts stand for a scoring with the project's current checks; a run scored with
    # other checks would be rescored (as the leaderboard and advice do) before the report reads it.
    sig = checks_signature(project_specs(project, load_rows(project)[0]))
    with ResultStore(project.results_db) as store:
        for info, results in runs:
            store.add_complete_run(info.name, info.techniques, results, imported=False, checks_sig=sig)
    return Project.open(project.root)


def test_report_data_gathers_rows_runs_and_advice_from_a_project(tmp_path):
    """The report shows the project's own rows, every run's verdicts, and the advisor's advice."""
    project = _project(
        tmp_path,
        [
            make_run(0, "Baseline", (), outcomes(knowledge=6, behaviour=1, **{"pass": 3})),
            make_run(0, "RAG", ("rag",), outcomes(retrieval=2, **{"pass": 8})),
        ],
    )
    data = build_report_data(project)
    assert [r["name"] for r in data.leaderboard] == ["Baseline", "RAG"]
    assert data.diagnosis == diagnose_project(project).to_dict() and data.dataset["eval_rows"] == 10
    assert data.diagnosis["recommendation"] == "improve_retrieval"
    assert [r["id"] for r in data.rows] == [f"q{i}" for i in range(1, 11)]
    q1, q7 = data.rows[0], data.rows[6]
    assert q1["input"] == "質問 1 は？" and q1["category"] == "faq"
    assert [r["outcome"] for r in q1["results"]] == ["knowledge", "retrieval"]
    assert [r["outcome"] for r in q7["results"]] == ["behaviour", "pass"]
    assert {"check": "valid_json", "family": "behaviour", "reason": ""} in q7["results"][0]["failed_checks"]
    assert data.connection == {"preset": "offline"}


def test_a_key_in_an_error_message_or_the_settings_never_reaches_any_export(tmp_path):
    """Report, CSV and XLSX carry no key even when a provider echoed it in an error message."""
    info, results = make_run(0, "Baseline", (), outcomes(knowledge=2, **{"pass": 2}))
    results[0] = RowResult(0, "q1", None, error=f"401 Incorrect API key provided: {PLANTED_KEY}")
    project = _project(
        tmp_path,
        [(info, results)],
        n=4,
        connection={
            "preset": "local",
            "model": "llama3",
            "base_url": f"http://{PLANTED_KEY}@x",
            "api_key_env": "PLANTED_ENV_NAME",
        },
    )
    data = build_report_data(project)
    outs = [
        write_html(data, tmp_path / "r.html"),
        export_table(data, tmp_path / "r.csv"),
        export_table(data, tmp_path / "r.xlsx"),
    ]
    assert PLANTED_KEY not in outs[0].read_text(encoding="utf-8") and "llama3" in outs[0].read_text(encoding="utf-8")
    assert PLANTED_KEY not in outs[1].read_text(encoding="utf-8-sig")
    cells = [str(c) for ws in load_workbook(outs[2]).worksheets for row in ws.iter_rows(values_only=True) for c in row]
    assert not [c for c in cells if PLANTED_KEY in c or "PLANTED_ENV_NAME" in c]
    assert any("Incorrect API key provided: [hidden]" in c for c in cells)


# -- CSV / XLSX -------------------------------------------------------------------------------------
def test_csv_has_a_bom_opens_with_pandas_and_defuses_formulas(tmp_path):
    """Excel on Japanese Windows reads the CSV right, and dataset text never runs as a formula."""
    data = _data(
        rows=[
            {
                "id": "q1",
                "input": '=HYPERLINK("http://x")',
                "expected": "2年",
                "category": "",
                "results": [_result("knowledge", "改行\nあり, カンマ"), None],
            },
            {
                "id": "q2",
                "input": "普通",
                "expected": "-3",
                "category": "",
                "results": [_result("pass"), _result("pass", "+1")],
            },
        ]
    )
    path = export_table(data, tmp_path / "sub" / "rows.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig", keep_default_na=False)
    assert list(frame["row_id"]) == ["q1", "q2", "q2"] and list(frame["run"]) == ["Baseline", "Baseline", "RAG"]
    assert frame.loc[0, "output"] == "改行\nあり, カンマ" and frame.loc[0, "outcome"] == "knowledge"
    assert frame.loc[0, "input"] == '\'=HYPERLINK("http://x")' and frame.loc[1, "expected"] == "'-3"
    assert frame.loc[2, "output"] == "'+1" and bool(frame.loc[2, "passed"]) is True


def test_xlsx_has_leaderboard_and_rows_sheets_with_text_kept_as_text(tmp_path):
    """The workbook opens with a leaderboard and every row; "=1+1" from a dataset stays text."""
    data = _data(
        rows=[
            {
                "id": "q1",
                "input": "=1+1",
                "expected": "2",
                "category": "",
                "results": [_result("knowledge", "bad\x07bell"), _result("pass", "2")],
            }
        ]
    )
    wb = load_workbook(export_table(data, tmp_path / "rows.xlsx"))
    assert wb.sheetnames == ["Leaderboard", "Rows"]
    board = list(wb["Leaderboard"].iter_rows(values_only=True))
    assert board[0][:3] == ("run", "techniques", "grid_x") and [r[0] for r in board[1:]] == ["Baseline", "RAG"]
    assert board[1][8] == pytest.approx(0.4123) and wb["Leaderboard"]["I2"].number_format == "0.0%"
    rows = list(wb["Rows"].iter_rows(values_only=True))
    assert len(rows) == 3 and rows[1][2] == "=1+1" and wb["Rows"]["C2"].data_type == "s"
    assert rows[1][9] == "bad bell"  # a control character Excel cannot hold is replaced, not fatal


def test_cells_over_excels_limit_are_truncated_with_a_marker(tmp_path):
    """A 30,000-character answer (40,000 Excel units) does not break the workbook; the CSV keeps it whole."""
    huge = "あ" * 20_000 + "😀" * 10_000
    data = _data(
        rows=[
            {"id": "q1", "input": huge, "expected": "x", "category": "", "results": [_result("knowledge", huge), None]}
        ]
    )
    wb = load_workbook(export_table(data, tmp_path / "rows.xlsx"))
    cell = wb["Rows"]["C2"].value
    assert len(cell.encode("utf-16-le")) // 2 <= EXCEL_CELL_MAX
    assert cell.startswith("あ" * 100) and cell.endswith("the CSV export has the full text]")
    assert "30,000 characters" in cell  # code points, as a person counts them
    frame = pd.read_csv(export_table(data, tmp_path / "rows.csv"), encoding="utf-8-sig")
    assert frame.loc[0, "output"] == huge


# -- CLI ----------------------------------------------------------------------------------------------
def test_cli_report_and_export_write_files_and_print_their_paths(tmp_path, capsys):
    """`report` and `export` create missing folders and print where the file went."""
    project = _project(tmp_path, [make_run(0, "Baseline", (), outcomes(knowledge=4, **{"pass": 6}))])
    out = tmp_path / "deep" / "folder" / "report.html"
    assert main(["report", str(project.root), str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out.resolve())
    assert "Baseline" in out.read_text(encoding="utf-8")
    assert os.name != "posix" or out.stat().st_mode & 0o777 == 0o644  # others may open the mailed file
    for name in ("x/rows.csv", "x/rows.xlsx"):
        assert main(["export", str(project.root), str(tmp_path / name)]) == 0
        assert capsys.readouterr().out.strip().endswith(name.split("/")[1])
    assert len(pd.read_csv(tmp_path / "x/rows.csv", encoding="utf-8-sig")) == 10


def test_cli_exits_2_with_one_line_for_no_runs_a_wrong_name_or_a_wrong_folder(tmp_path, capsys):
    """Bad requests get one plain line and exit 2, and leave nothing behind."""
    empty = Project.create(tmp_path / "empty")
    assert main(["report", str(empty.root), str(tmp_path / "out" / "r.html")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Run or import a run first" in err
    assert not (tmp_path / "out").exists()
    assert main(["export", str(empty.root), str(tmp_path / "r.csv")]) == 2
    assert "Run or import a run first" in capsys.readouterr().err
    assert main(["export", str(empty.root), str(tmp_path / "r.pdf")]) == 2
    assert ".csv or .xlsx" in capsys.readouterr().err
    assert main(["report", str(empty.root), str(tmp_path / "r.txt")]) == 2
    assert ".html" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "nowhere"), str(tmp_path / "r.html")]) == 2
    assert "project.json" in capsys.readouterr().err


def test_a_run_where_every_row_errored_still_gets_a_report(tmp_path, capsys):
    """A failed connection gives a report that says why there is no advice, not a crash."""
    runs = [(RunInfo(0, "Broken", ()), [RowResult(0, f"q{i}", None, error="timeout") for i in range(1, 4)])]
    project = _project(tmp_path, runs, n=3)
    assert main(["report", str(project.root), str(tmp_path / "r.html")]) == 0
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "No advice yet" in html and "error (no answer)" in html and "Broken" in html


def test_verdict_reasons_reach_the_tables(tmp_path):
    """The export says which check failed and why, so the team can fix the right thing."""
    res = RowResult(
        0,
        "q1",
        "out",
        verdicts=(Verdict("token_f1", "content", False, 0.1, "f1=0.10"), Verdict("json", "behaviour", True, 1.0)),
    )
    project = _project(tmp_path, [(RunInfo(0, "Only", ()), [res])], n=1)
    frame = pd.read_csv(export_table(build_report_data(project), tmp_path / "r.csv"), encoding="utf-8-sig")
    assert frame.loc[0, "failed_checks"] == "token_f1 (content): f1=0.10" and frame.loc[0, "outcome"] == "knowledge"


def test_full_width_and_spaced_formula_starts_are_defused_too(tmp_path):
    """「＝SUM(A1)」 typed with a Japanese IME, or " =1+1" after a space, never runs in Excel either."""
    from desktop_app.core.report.tables import csv_text

    assert csv_text('＝HYPERLINK("http://x")') == '\'＝HYPERLINK("http://x")'
    assert csv_text("＋81 3 1234") == "'＋81 3 1234"
    assert csv_text("  =1+1") == "'  =1+1"
    assert csv_text("普通の回答") == "普通の回答" and csv_text("12 months") == "12 months"
