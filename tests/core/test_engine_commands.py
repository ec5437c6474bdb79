"""The run / import-run / results commands, end to end through the CLI and the scripted server."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.scripted_server import last_user_text

REPO = Path(__file__).resolve().parents[2]
CONTRACT_KEYS = (
    "name",
    "techniques",
    "technique_position",
    "rows",
    "errors",
    "content_score",
    "behaviour_score",
    "pass_rate",
    "tokens",
    "cost",
    "latency_p50",
    "latency_p95",
)


def _answer(req: dict) -> str:
    """The scripted model knows item N's answer is 'answer N'."""
    return "answer " + last_user_text(req).rstrip("?").split()[-1]


def _project(tmp_path: Path, server, rows: int = 10, examples: int = 0) -> Path:
    data = tmp_path / "data.csv"
    data.write_text(
        "id,question,answer\n" + "".join(f"q{i},What is item {i}?,answer {i}\n" for i in range(rows)), encoding="utf-8"
    )
    project = tmp_path / "proj"
    assert main(["new", str(project), "--dataset", str(data), "--examples", str(examples)]) == 0
    assert main(["connect", str(project), "--base-url", server.base_url, "--model", "gpt-4o-mini"]) == 0
    server.chat_rule = _answer
    return project


def _results(project: Path, capsys) -> list[dict]:
    capsys.readouterr()
    assert main(["results", str(project), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_run_prints_estimate_runs_and_a_second_run_sends_nothing(tmp_path, scripted_server, capsys):
    """run --yes shows the estimate, evaluates every row, and running again costs no call."""
    project = _project(tmp_path, scripted_server, rows=8)
    capsys.readouterr()
    assert main(["run", str(project), "--yes", "--concurrency", "4"]) == 0
    out = capsys.readouterr().out
    assert "estimate: 9 calls" in out and "baseline: complete, 8 rows, 0 errors" in out
    assert scripted_server.count() == 8
    (run,) = _results(project, capsys)
    assert all(key in run for key in CONTRACT_KEYS)
    assert run["rows"] == 8 and run["content_score"] == 1.0 and run["technique_position"] == [0, 0]
    assert run["tokens"] > 0 and run["latency_p50"] is not None
    assert main(["run", str(project), "--yes"]) == 0
    assert "estimate: 0 calls" in capsys.readouterr().out and scripted_server.count() == 8


def test_run_without_a_terminal_or_yes_exits_2_and_sends_nothing(tmp_path, scripted_server, capsys, monkeypatch):
    """A script that forgot --yes gets exit 2 with a hint, and no money is spent."""
    project = _project(tmp_path, scripted_server, rows=3)
    monkeypatch.setattr(sys, "stdin", open(os.devnull))  # noqa: SIM115 - closed with the test
    capsys.readouterr()
    assert main(["run", str(project)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--yes" in err[0]
    assert scripted_server.count() == 0


@pytest.mark.parametrize(
    "argv_tail, needle",
    [
        (["--variants", "nope"], "nope"),
        (["--variants", "few_shot"], "examples pool"),
        (["--concurrency", "0"], "concurrency"),
    ],
)
def test_bad_run_input_exits_2_with_one_line(tmp_path, scripted_server, capsys, argv_tail, needle):
    """Unknown variants, a variant the data cannot support, or a bad setting: exit 2, one line."""
    project = _project(tmp_path, scripted_server, rows=3)
    capsys.readouterr()
    assert main(["run", str(project), "--yes", *argv_tail]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and needle in err[0]
    assert scripted_server.count() == 0


def test_offline_project_refuses_to_run(tmp_path, scripted_server, capsys):
    """An offline project says plainly that it makes no model calls."""
    project = _project(tmp_path, scripted_server, rows=3)
    assert main(["connect", str(project), "--offline"]) == 0
    capsys.readouterr()
    assert main(["run", str(project), "--yes"]) == 2
    assert "offline" in capsys.readouterr().err.lower()


def test_import_run_scores_outputs_and_reports_unknown_and_missing(tmp_path, scripted_server, capsys):
    """Outputs made elsewhere become a scored run; unknown ids and missing rows are named."""
    project = _project(tmp_path, scripted_server, rows=6)
    outputs = tmp_path / "outs.jsonl"
    lines = [
        {"id": "q0", "output": "answer 0", "contexts": ["Item 0: answer 0.", {"text": "x", "source": "a.md"}]},
        {"id": "q1", "output": "answer 7", "contexts": []},
        {"id": "q2", "output": "answer 2", "contexts": []},
        {"id": "zz9", "output": "who am I", "contexts": []},
    ]
    outputs.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    capsys.readouterr()
    assert main(["import-run", str(project), "ext-rag", str(outputs), "--techniques", "instructions,rag"]) == 0
    cap = capsys.readouterr()
    assert "imported ext-rag: 3 of 6 evaluation rows" in cap.out
    assert "3 missing" in cap.err and "q3, q4, q5" in cap.err and "1 unknown ids" in cap.err and "zz9" in cap.err
    (run,) = _results(project, capsys)
    assert run["name"] == "ext-rag" and run["imported"] and run["technique_position"] == [1, 1]
    # The three rows the file lacks count as failed: a half import does not score like a full run.
    assert run["rows"] == 3 and run["missing"] == 3 and run["content_score"] == pytest.approx(2 / 6)
    assert run["pass_rate"] <= 2 / 6 and run["cost"] is None and run["cost_known"] is False
    assert run["context_recall"] is not None  # the passages were stored and measured
    assert scripted_server.count() == 0  # importing never calls a model


def test_import_run_baseline_from_csv_and_reimport_replaces(tmp_path, scripted_server, capsys):
    """`none` declares a baseline; importing the same name again replaces that import."""
    project = _project(tmp_path, scripted_server, rows=3)
    csv = tmp_path / "outs.csv"
    csv.write_text("row,answer_text\nq0,answer 0\nq1,answer 1\nq2,no idea\n", encoding="utf-8")
    args = [
        "import-run",
        str(project),
        "ext",
        str(csv),
        "--techniques",
        "none",
        "--id-col",
        "row",
        "--output-col",
        "answer_text",
    ]
    assert main(args) == 0 and main(args) == 0
    (run,) = _results(project, capsys)
    assert run["techniques"] == [] and run["rows"] == 3 and run["pass_rate"] == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    "content, extra, needle",
    [
        ("id,text\nq0,a\n", [], "no output column"),
        ("id,output\nq0,a\nq0,b\n", [], "appears twice"),
        ("id,output,contexts\nq0,a,[broken\n", [], "not valid JSON"),
        ("id,output\nx1,a\nx2,b\n", [], "match"),
        ("id,output\nq0,a\n", ["--output-col", "nope"], "no column 'nope'"),
    ],
)
def test_bad_import_exits_2_and_stores_nothing(tmp_path, scripted_server, capsys, content, extra, needle):
    """A file that cannot be imported as asked is refused with one line, and no run appears."""
    project = _project(tmp_path, scripted_server, rows=2)
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    capsys.readouterr()
    assert main(["import-run", str(project), "ext", str(path), "--techniques", "rag", *extra]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and needle in err[0]
    assert _results(project, capsys) == []


def test_unknown_technique_in_import_exits_2(tmp_path, scripted_server, capsys):
    """A typo in --techniques is named, with the valid list."""
    project = _project(tmp_path, scripted_server, rows=2)
    path = tmp_path / "o.csv"
    path.write_text("id,output\nq0,a\n", encoding="utf-8")
    assert main(["import-run", str(project), "ext", str(path), "--techniques", "rag,fewshot"]) == 2
    assert "fewshot" in capsys.readouterr().err


def _gate(server, admit: int):
    """Let the first ``admit`` chat requests in; hold later ones at the door, unrecorded, as if the
    network had not delivered them yet. Returns a function that drops the held ones."""
    original = server.handle
    admitted = [0]
    lock = threading.Lock()
    release = threading.Event()

    def gated(method, path, body, headers):
        if path.endswith("/chat/completions"):
            with lock:
                admitted[0] += 1
                held = admitted[0] > admit
            if held:
                release.wait(60)
                return 503, {}, {"error": {"message": "dropped", "type": "server_error"}}
        return original(method, path, body, headers)

    server.handle = gated

    def drop_held() -> None:
        server.handle = original
        release.set()

    return drop_held


def _finished_rows(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT COUNT(*) FROM results WHERE error IS NULL").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_sigkill_mid_run_then_rerun_requests_every_row_exactly_once(tmp_path, scripted_server, capsys):
    """A run killed with SIGKILL resumes where it stopped: over both runs, each row is requested once."""
    rows = 30
    project = _project(tmp_path, scripted_server, rows=rows)
    scripted_server.latency = 0.02
    drop_held = _gate(scripted_server, admit=12)
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop_app.cli", "run", str(project), "--yes", "--concurrency", "3"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while _finished_rows(project / "results.sqlite") < 12:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the first run never reached 12 rows"
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
        drop_held()
    assert proc.returncode == -signal.SIGKILL
    assert scripted_server.count() == 12
    capsys.readouterr()
    assert main(["run", str(project), "--yes", "--concurrency", "3"]) == 0
    assert f"baseline: {rows} rows, 12 done, {rows - 12} to do" in capsys.readouterr().out
    asked = [last_user_text(r) for r in scripted_server.chat_requests()]
    assert sorted(asked) == sorted(f"What is item {i}?" for i in range(rows))  # each row exactly once
    (run,) = _results(project, capsys)
    assert run["rows"] == rows and run["errors"] == 0 and run["content_score"] == 1.0


def test_results_follow_a_check_added_after_the_run(tmp_path, scripted_server, capsys):
    """Adding a check after a run rescores the stored outputs at once, with no new model call."""
    project = _project(tmp_path, scripted_server, rows=4)
    assert main(["run", str(project), "--yes"]) == 0
    (before,) = _results(project, capsys)
    assert before["behaviour_score"] == 1.0
    assert main(["check-add", str(project), "must-not-include", "answer"]) == 0
    (after,) = _results(project, capsys)
    assert after["behaviour_score"] == 0.0 and after["pass_rate"] == 0.0 and after["content_score"] == 1.0
    assert scripted_server.count() == 4


def test_ctrl_c_keeps_finished_rows_and_marks_the_run_cancelled(tmp_path, scripted_server):
    """Ctrl+C stops at once (exit 130), keeps every finished row, and the run resumes later."""
    project = _project(tmp_path, scripted_server, rows=20)
    drop_held = _gate(scripted_server, admit=5)
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop_app.cli", "run", str(project), "--yes", "--concurrency", "2"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        deadline = time.monotonic() + 60
        while _finished_rows(project / "results.sqlite") < 5:
            assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
        drop_held()
    assert proc.returncode == 130 and "finished rows are saved" in err
    conn = sqlite3.connect(project / "results.sqlite")
    assert conn.execute("SELECT status FROM runs").fetchall() == [("cancelled",)]
    assert conn.execute("SELECT COUNT(*) FROM results WHERE error IS NULL").fetchone()[0] == 5
