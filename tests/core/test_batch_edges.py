"""The Batch API from the CLI, on Azure, and when things go wrong: keys echoed, batches lost or
made twice, collecting stopped, judges billed (scripted server)."""

from __future__ import annotations

import json
from pathlib import Path

import openai
import pytest

from desktop_app.cli import main
from desktop_app.core.project.folder import Project
from desktop_app.core.run import batch_files
from desktop_app.core.run.batch import check_batches, list_batches, submit_batches
from desktop_app.core.run.project import prepare_project_run
from desktop_app.core.run.project_scores import project_summaries
from desktop_app.core.run.store import ResultStore
from tests.scripted_server import Reply, last_user_text
from tests.core.batch_support import answer, batch_project, submit


def _results_json(project: Path, capsys) -> list[dict]:
    capsys.readouterr()
    assert main(["results", str(project), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_batch_then_collect_gives_the_online_results(tmp_path, scripted_server, monkeypatch, capsys):
    """run --batch returns at once with the batch ids; run --collect later gives the online run's results --json."""
    project = batch_project(tmp_path, scripted_server, monkeypatch, rows=6)
    capsys.readouterr()
    assert main(["run", str(project), "--batch", "--yes"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip().splitlines()[-1] == "batch_0001" and "batch price: $" in captured.out
    assert main(["run", str(project), "--yes"]) == 0  # an online run leaves the waiting rows be
    assert "6 waiting for a batch" in capsys.readouterr().out and scripted_server.count() == 0
    assert _results_json(project, capsys)[0]["status"] == "batch"
    assert main(["run", str(project), "--collect"]) == 4  # validating -> in_progress: not yet
    assert "batch_0001\tin_progress" in capsys.readouterr().out
    assert main(["run", str(project), "--collect", "--json"]) == 0
    collected = json.loads(capsys.readouterr().out)
    assert collected["collected"] == ["batch_0001"] and collected["answered"] == 6 and collected["pending"] == 0
    online = batch_project(tmp_path, scripted_server, monkeypatch, rows=6, name="online")
    assert main(["run", str(online), "--yes"]) == 0
    batched, direct = _results_json(project, capsys), _results_json(online, capsys)
    assert [r["cost"] for r in batched] == pytest.approx([r["cost"] / 2 for r in direct])
    assert [r["latency_p50"] for r in batched] == [None]  # the provider's fleet reports no per-request time
    differ = {"run_id", "cost", "cost_per_1000", "latency_p50", "latency_p95"}
    assert [{k: v for k, v in r.items() if k not in differ} for r in batched] == [
        {k: v for k, v in r.items() if k not in differ} for r in direct
    ]
    assert main(["run", str(project), "--collect"]) == 0


def test_cli_batch_json_and_errors(tmp_path, scripted_server, monkeypatch, capsys):
    """run --batch --json prints the ids for scripts; failed rows exit 3; a local server exits 2 with a hint."""
    project = batch_project(tmp_path, scripted_server, monkeypatch, rows=3)
    scripted_server.chat_rule = lambda req: Reply("bad", status=400) if "item 1" in last_user_text(req) else answer(req)
    capsys.readouterr()
    assert main(["run", str(project), "--batch", "--yes", "--json"]) == 0
    submitted = json.loads(capsys.readouterr().out)
    assert [b["id"] for b in submitted["batches"]] == ["batch_0001"] and submitted["requests"] == 3
    assert main(["run", str(project), "--collect"]) == 4
    assert main(["run", str(project), "--collect"]) == 3
    assert main(["run", str(project), "--json"]) == 2
    assert (
        main(
            [
                "connect",
                str(project),
                "--preset",
                "local",
                "--base-url",
                scripted_server.base_url,
                "--model",
                "gpt-4o-mini",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["run", str(project), "--batch", "--yes"]) == 2
    assert "Batch API" in capsys.readouterr().err


def test_azure_global_batch_round_trip(tmp_path, scripted_server, monkeypatch):
    """An Azure OpenAI deployment goes through Global Batch with Azure's paths and is collected the same way."""
    project = batch_project(tmp_path, scripted_server, monkeypatch, rows=3)
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", scripted_server.api_key)
    scripted_server.models.append("prod-chat")
    assert (
        main(
            [
                "connect",
                str(project),
                "--preset",
                "azure",
                "--azure-endpoint",
                scripted_server.root_url,
                "--azure-deployment",
                "prod-chat",
                "--model",
                "gpt-4o-mini",
            ]
        )
        == 0
    )
    (batch,) = submit(project).batches
    assert scripted_server.batch_desk.batches[batch.id]["endpoint"] == "/chat/completions"
    assert any(r["path"].startswith("/openai/batches") for r in scripted_server.requests)
    check_batches(Project.open(project))
    done = check_batches(Project.open(project))
    assert done.answered == 3 and {b["model"] for b in scripted_server.batch_desk.answered} == {"prod-chat"}
    (summary,) = project_summaries(Project.open(project))
    assert summary.rows == 3 and summary.cost is not None and summary.cost > 0  # priced as the model behind it


def test_batches_of_another_connection_wait_for_it(tmp_path, scripted_server, monkeypatch):
    """Switching the project to a local server leaves its open batches alone until the connection is back."""
    project = batch_project(tmp_path, scripted_server, monkeypatch, rows=2)
    (batch,) = submit(project).batches
    base = scripted_server.base_url
    assert main(["connect", str(project), "--preset", "local", "--base-url", base, "--model", "gpt-4o-mini"]) == 0
    waiting = check_batches(Project.open(project))
    assert waiting.skipped == (batch.id,) and waiting.pending == 1 and waiting.answered == 0
    assert main(["connect", str(project), "--preset", "openai", "--base-url", base, "--model", "gpt-4o-mini"]) == 0
    check_batches(Project.open(project))
    assert check_batches(Project.open(project)).answered == 2


def test_a_key_echoed_in_the_error_file_is_masked(tmp_path, scripted_server, monkeypatch):
    """A provider message that repeats a key never gets it written to a row's error."""
    secret = "sk-proj-" + "Ab3" * 16
    project = batch_project(tmp_path, scripted_server, monkeypatch, rows=2)
    scripted_server.chat_rule = lambda req: Reply(f"key {secret} has no access", status=403)
    submit(project)
    check_batches(Project.open(project))
    assert check_batches(Project.open(project)).errors == 2
    with ResultStore(Project.open(project).results_db) as store:
        errors = [r.error for r in store.results(store.runs()[0].id)]
    assert all(e and "batch_http_403" in e and secret not in e for e in errors)


def test_a_batch_made_but_not_recorded_is_adopted_by_the_next_check(tmp_path, scripted_server, monkeypatch):
    """A kill or lost reply right after the provider made the batch: the next check finds it, nothing paid twice."""
    from desktop_app.core.run.batch_table import BatchBook

    project = batch_project(tmp_path, scripted_server, monkeypatch, rows=3)
    monkeypatch.setattr(BatchBook, "replace", lambda self, old, record: (_ for _ in ()).throw(OSError("killed")))
    with pytest.raises(OSError):
        submit(project)
    monkeypatch.undo()
    monkeypatch.setenv("OPENAI_API_KEY", scripted_server.api_key)
    (left,) = list_batches(Project.open(project))
    assert left.status == "submitting" and len(scripted_server.batch_desk.batches) == 1
    assert submit(project).batches == ()  # its rows wait: not sent again
    check_batches(Project.open(project))
    assert [b.id for b in list_batches(Project.open(project))] == ["batch_0001"]
    assert check_batches(Project.open(project)).answered == 3


def test_a_batch_the_provider_never_made_frees_its_rows(tmp_path, scripted_server, monkeypatch):
    """A submit cut off before the provider made the batch leaves nothing waiting: the rows can be sent again."""
    project = batch_project(tmp_path, scripted_server, monkeypatch, rows=2)
    real_create = scripted_server.batch_desk._create
    scripted_server.batch_desk._create = lambda body: (_ for _ in ()).throw(ConnectionResetError())
    with pytest.raises(openai.APIConnectionError):  # the reply to batches.create never came
        submit(project)
    scripted_server.batch_desk._create = real_create
    assert sum(r["path"].endswith("/batches") for r in scripted_server.requests) == 1  # never retried: no twin batch
    assert [b.status for b in list_batches(Project.open(project))] == ["submitting"]  # a lost reply looks alike
    check_batches(Project.open(project))
    assert list_batches(Project.open(project)) == []
    assert submit(project).requests == 2


def test_collecting_reports_progress_and_can_stop(tmp_path, scripted_server, monkeypatch):
    """A long collect says how far it is, and a stop leaves the batch to be collected again, rows kept."""
    project = batch_project(tmp_path, scripted_server, monkeypatch, rows=4)
    submit(project)
    check_batches(Project.open(project))
    events: list[dict] = []
    stopped = check_batches(Project.open(project), progress=events.append, should_stop=lambda: len(events) >= 3)
    assert [e["done"] for e in events] == [0, 1, 2] and {e["total"] for e in events} == {4}
    assert stopped.answered == 3 and stopped.pending == 1  # not marked collected
    assert check_batches(Project.open(project)).answered == 1  # the last one, none twice
    (summary,) = project_summaries(Project.open(project))
    assert summary.rows == 4 and summary.run.status == "complete"


def test_a_judges_calls_while_collecting_are_billed_at_the_online_price(tmp_path):
    """Only the batched answer gets the discount; a judge asked while scoring is an online call."""
    from desktop_app.core.records import Row
    from desktop_app.core.run.batch_collect import BatchAnswer, store_row
    from desktop_app.core.run.batch_table import Mapped
    from desktop_app.core.run.scoring import note_call

    def judging_scorer(row, output, passages=()):
        note_call("judge-model", 10, 1)
        return ()

    with ResultStore(tmp_path / "results.sqlite") as store:
        run = store.create_run("baseline", ())
        store_row(
            store,
            run.id,
            Row(id="q1", input="?", expected="a"),
            Mapped("c1", run.id, "q1", "k1", "m", ()),
            BatchAnswer("c1", "a", 100, 10),
            scorer=judging_scorer,
            cost_fn=lambda m, i, o: 1.0,
            answer_share=0.5,
        )
        (result,) = store.results(run.id)
    assert result.cost == pytest.approx(0.5 + 1.0)  # half the answer, the whole judge call


def test_stopping_a_send_keeps_the_batches_sent_and_frees_the_rest(tmp_path, scripted_server, monkeypatch):
    """Cancel while sending: files already up stay batches, the other rows go in the next send."""
    monkeypatch.setitem(batch_files.LIMITS, "openai", (2, 200_000_000))
    project = batch_project(tmp_path, scripted_server, monkeypatch, rows=6)
    events: list[dict] = []
    first = submit_batches(
        prepare_project_run(Project.open(project)), progress=events.append, should_stop=lambda: len(events) >= 1
    )
    assert len(first.batches) == 1 and first.requests == 2 and first.rows == 2
    assert events == [{"event": "sending", "done": 0, "total": 3}]
    assert submit(project).requests == 4  # the rest, nothing twice
