"""Very large evaluations through the Batch API: submit, quit, reopen, collect (scripted server)."""

from __future__ import annotations

import json
from pathlib import Path

import openai
import pytest

from desktop_app.cli import main
from desktop_app.core.errors import RunError
from desktop_app.core.project.folder import Project
from desktop_app.core.run import batch_files
from desktop_app.core.run.batch import cancel_batch, check_batches, list_batches, submit_batches
from desktop_app.core.run.project import prepare_project_run, project_summaries, run_variants
from desktop_app.core.run.scoring import summary_to_dict
from desktop_app.core.run.store import ResultStore
from tests.scripted_server import Reply, last_user_text


def _answer(req: dict) -> Reply | str:
    """Item N's answer is 'answer N'; item 3 is answered wrongly, so scores are not all 1.0."""
    n = last_user_text(req).rstrip("?").split()[-1]
    return "answer 99" if n == "3" else f"answer {n}"


def _project(tmp_path: Path, server, monkeypatch, rows: int = 6, name: str = "proj") -> Path:
    monkeypatch.setenv("OPENAI_API_KEY", server.api_key)
    data = tmp_path / f"{name}.csv"
    data.write_text(
        "id,question,answer\n" + "".join(f"q{i},What is item {i}?,answer {i}\n" for i in range(rows)), encoding="utf-8"
    )
    project = tmp_path / name
    assert main(["new", str(project), "--dataset", str(data), "--examples", "0"]) == 0
    assert (
        main(["connect", str(project), "--preset", "openai", "--base-url", server.base_url, "--model", "gpt-4o-mini"])
        == 0
    )
    server.chat_rule = _answer
    return project


def _submit(project: Path):
    return submit_batches(prepare_project_run(Project.open(project)))


def _scores(project: Path) -> list[dict]:
    """The leaderboard without what a batch cannot measure like an online run (latency) or bills at half (cost)."""
    return [
        {
            k: v
            for k, v in summary_to_dict(s).items()
            if k not in ("run_id", "latency_p50", "latency_p95", "cost", "cost_per_1000")
        }
        for s in project_summaries(Project.open(project))
    ]


def test_submit_quit_reopen_and_collect_gives_the_online_scores(tmp_path, scripted_server, monkeypatch):
    """A batch submitted, the app closed and the project reopened later, ends with the scores of an online run."""
    project = _project(tmp_path, scripted_server, monkeypatch)
    submission = _submit(project)
    assert len(submission.batches) == 1 and submission.requests == 6 and submission.rows == 6
    assert scripted_server.count() == 0  # nothing went to the online endpoint
    assert [b.status for b in list_batches(Project.open(project))] == ["validating"]
    # "quit": nothing of the submitting session is kept; the project is opened afresh each time
    first = check_batches(Project.open(project))
    assert [b.status for b in first.batches] == ["in_progress"] and first.answered == 0 and first.pending == 1
    done = check_batches(Project.open(project))
    assert done.collected == (submission.batches[0].id,) and done.answered == 6 and done.pending == 0
    assert [b.completed for b in done.batches] == [6]
    online = _project(tmp_path, scripted_server, monkeypatch, name="online")
    run_variants(Project.open(online))
    assert _scores(project) == _scores(online)
    (batched,), (direct,) = project_summaries(Project.open(project)), project_summaries(Project.open(online))
    assert batched.run.status == "complete" and batched.content_score == pytest.approx(5 / 6)
    assert batched.cost == pytest.approx(direct.cost / 2)  # the Batch API's half price
    assert check_batches(Project.open(project)).answered == 0  # collecting again stores nothing twice


def test_answers_land_in_the_request_cache_so_an_online_rerun_pays_nothing(tmp_path, scripted_server, monkeypatch):
    """What a batch answered is cached like an online answer: the same request is never paid twice."""
    project = _project(tmp_path, scripted_server, monkeypatch, rows=4)
    _submit(project)
    check_batches(Project.open(project))
    check_batches(Project.open(project))
    with ResultStore(Project.open(project).results_db) as store:
        store.delete_run(store.runs()[0].id)
    run_variants(Project.open(project))
    assert scripted_server.count() == 0
    assert _submit(project).batches == ()  # nothing left to ask either


def test_rows_already_answered_or_waiting_are_not_submitted_again(tmp_path, scripted_server, monkeypatch):
    """Rows answered online, or already in an open batch, never go into a new batch."""
    project = _project(tmp_path, scripted_server, monkeypatch, rows=5)
    run_variants(Project.open(project), concurrency=1)
    with ResultStore(Project.open(project).results_db) as store:
        run_id = store.runs()[0].id
        store.connection().execute("DELETE FROM results WHERE run_id = ? AND row_id IN ('q3', 'q4')", (run_id,))
        store.connection().execute("DELETE FROM request_cache WHERE response IN ('answer 99', 'answer 4')")
    first = _submit(project)
    assert first.requests == 2 and first.rows == 2
    assert _submit(project).batches == ()  # q3, q4 wait in the open batch: not sent again
    plan = prepare_project_run(Project.open(project))
    try:
        assert plan.estimate.calls == 0  # nor online
    finally:
        plan.close()


def test_failed_rows_are_errors_with_their_reason_and_rerun_online(tmp_path, scripted_server, monkeypatch):
    """Rows in the batch's error file are stored as errors with the reason, and a normal run answers them."""
    project = _project(tmp_path, scripted_server, monkeypatch, rows=4)
    scripted_server.chat_rule = lambda req: (
        Reply("model overloaded", status=500) if "item 2" in last_user_text(req) else _answer(req)
    )
    _submit(project)
    check_batches(Project.open(project))
    done = check_batches(Project.open(project))
    assert done.answered == 3 and done.errors == 1 and [b.failed for b in done.batches] == [1]
    with ResultStore(Project.open(project).results_db) as store:
        errors = {r.row_id: r.error for r in store.results(store.runs()[0].id) if r.error}
    assert list(errors) == ["q2"] and "batch_http_500" in errors["q2"] and "overloaded" in errors["q2"]
    scripted_server.chat_rule = _answer
    run_variants(Project.open(project))
    assert scripted_server.count() == 1  # only the failed row went online
    (summary,) = project_summaries(Project.open(project))
    assert summary.errors == 0 and summary.rows == 4


def test_an_expired_batch_keeps_what_finished(tmp_path, scripted_server, monkeypatch):
    """A batch whose 24 hours ran out keeps its finished answers; the rest are errors to run again."""
    project = _project(tmp_path, scripted_server, monkeypatch, rows=5)
    scripted_server.batch_desk.expire_after = 2
    _submit(project)
    check_batches(Project.open(project))
    done = check_batches(Project.open(project))
    assert [b.status for b in done.batches] == ["expired"] and done.answered == 2 and done.errors == 3
    (summary,) = project_summaries(Project.open(project))
    assert summary.run.status == "failed" and summary.errors == 3
    with ResultStore(Project.open(project).results_db) as store:
        reasons = {r.error.split(":")[0] for r in store.results(store.runs()[0].id) if r.error}
    assert reasons == {"batch_expired"}
    assert _submit(project).requests == 3  # a new batch asks only what is missing


def test_cancel_keeps_what_finished_before_it(tmp_path, scripted_server, monkeypatch):
    """Cancelling a batch stops it; what the provider finished before the cancel is stored."""
    project = _project(tmp_path, scripted_server, monkeypatch, rows=4)
    scripted_server.batch_desk.hold = True
    (batch,) = _submit(project).batches
    check_batches(Project.open(project))
    assert cancel_batch(Project.open(project), batch.id).status == "cancelling"
    done = check_batches(Project.open(project))
    assert [b.status for b in done.batches] == ["cancelled"] and done.answered == 1 and done.errors == 3
    (summary,) = project_summaries(Project.open(project))
    assert summary.run.status == "cancelled"


def test_a_large_run_is_split_over_the_providers_limits(tmp_path, scripted_server, monkeypatch):
    """More requests than one batch file may hold go out as several batches, every row filed."""
    monkeypatch.setitem(batch_files.LIMITS, "openai", (3, 200_000_000))
    project = _project(tmp_path, scripted_server, monkeypatch, rows=8)
    submission = _submit(project)
    assert [b.total for b in submission.batches] == [0, 0, 0] and submission.requests == 8
    assert len({b.id for b in submission.batches}) == 3
    for _ in range(2):
        check_batches(Project.open(project))
    (summary,) = project_summaries(Project.open(project))
    assert summary.rows == 8 and summary.missing == 0


def test_split_lines_respects_both_the_count_and_the_size_limit():
    """An input file never holds more requests or bytes than the provider takes."""
    lines = [(f"c{i}", b"x" * 10) for i in range(7)]
    assert [len(c) for c in batch_files.split_lines(lines, 3, 1000)] == [3, 3, 1]
    assert [len(c) for c in batch_files.split_lines(lines, 100, 25)] == [2, 2, 2, 1]
    with pytest.raises(ValueError):
        list(batch_files.split_lines([("big", b"x" * 30)], 10, 25))


def test_azure_batches_use_the_azure_paths_and_limit():
    """Azure OpenAI's Global Batch takes 100,000 requests a file and its own endpoint spelling."""
    assert batch_files.LIMITS["azure"][0] == 100_000 and batch_files.LIMITS["openai"][0] == 50_000
    assert batch_files.endpoint_path("azure") == "/chat/completions"
    assert batch_files.endpoint_path("openai") == "/v1/chat/completions"


def test_a_local_server_has_no_batch_api(tmp_path, scripted_server, monkeypatch):
    """A local server is told plainly that batches need OpenAI or Azure OpenAI."""
    project = _project(tmp_path, scripted_server, monkeypatch, rows=2)
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
    with pytest.raises(RunError, match="Batch API"):
        _submit(project)


def test_the_estimate_shows_the_batch_price_at_about_half(tmp_path, scripted_server, monkeypatch):
    """Before submitting, the user sees both prices; an unknown price stays unknown for batches too."""
    project = _project(tmp_path, scripted_server, monkeypatch, rows=3)
    plan = prepare_project_run(Project.open(project))
    try:
        est = plan.estimate
        # the answers at half price; a judge's calls while scoring stay online at the full price
        assert est.cost_usd and est.cost_usd / 2 < est.batch_cost_usd < est.cost_usd
        assert "batch_cost_usd" in json.loads(json.dumps(est.to_dict()))
    finally:
        plan.close()
    assert main(["connect", str(project), "--model", "no-price-model"]) == 0
    scripted_server.models.append("no-price-model")
    plan = prepare_project_run(Project.open(project))
    try:
        assert plan.estimate.cost_usd is None and plan.estimate.batch_cost_usd is None
    finally:
        plan.close()


def _results_json(project: Path, capsys) -> list[dict]:
    capsys.readouterr()
    assert main(["results", str(project), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_batch_then_collect_gives_the_online_results(tmp_path, scripted_server, monkeypatch, capsys):
    """run --batch returns at once with the batch ids; run --collect later gives the online run's results --json."""
    project = _project(tmp_path, scripted_server, monkeypatch, rows=6)
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
    online = _project(tmp_path, scripted_server, monkeypatch, rows=6, name="online")
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
    project = _project(tmp_path, scripted_server, monkeypatch, rows=3)
    scripted_server.chat_rule = lambda req: (
        Reply("bad", status=400) if "item 1" in last_user_text(req) else _answer(req)
    )
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
    project = _project(tmp_path, scripted_server, monkeypatch, rows=3)
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
    (batch,) = _submit(project).batches
    assert scripted_server.batch_desk.batches[batch.id]["endpoint"] == "/chat/completions"
    assert any(r["path"].startswith("/openai/batches") for r in scripted_server.requests)
    check_batches(Project.open(project))
    done = check_batches(Project.open(project))
    assert done.answered == 3 and {b["model"] for b in scripted_server.batch_desk.answered} == {"prod-chat"}
    (summary,) = project_summaries(Project.open(project))
    assert summary.rows == 3 and summary.cost is not None and summary.cost > 0  # priced as the model behind it


def test_batches_of_another_connection_wait_for_it(tmp_path, scripted_server, monkeypatch):
    """Switching the project to a local server leaves its open batches alone until the connection is back."""
    project = _project(tmp_path, scripted_server, monkeypatch, rows=2)
    (batch,) = _submit(project).batches
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
    project = _project(tmp_path, scripted_server, monkeypatch, rows=2)
    scripted_server.chat_rule = lambda req: Reply(f"key {secret} has no access", status=403)
    _submit(project)
    check_batches(Project.open(project))
    assert check_batches(Project.open(project)).errors == 2
    with ResultStore(Project.open(project).results_db) as store:
        errors = [r.error for r in store.results(store.runs()[0].id)]
    assert all(e and "batch_http_403" in e and secret not in e for e in errors)


def test_a_batch_made_but_not_recorded_is_adopted_by_the_next_check(tmp_path, scripted_server, monkeypatch):
    """A kill or lost reply right after the provider made the batch: the next check finds it, nothing paid twice."""
    from desktop_app.core.run.batch_table import BatchBook

    project = _project(tmp_path, scripted_server, monkeypatch, rows=3)
    monkeypatch.setattr(BatchBook, "replace", lambda self, old, record: (_ for _ in ()).throw(OSError("killed")))
    with pytest.raises(OSError):
        _submit(project)
    monkeypatch.undo()
    monkeypatch.setenv("OPENAI_API_KEY", scripted_server.api_key)
    (left,) = list_batches(Project.open(project))
    assert left.status == "submitting" and len(scripted_server.batch_desk.batches) == 1
    assert _submit(project).batches == ()  # its rows wait: not sent again
    check_batches(Project.open(project))
    assert [b.id for b in list_batches(Project.open(project))] == ["batch_0001"]
    assert check_batches(Project.open(project)).answered == 3


def test_a_batch_the_provider_never_made_frees_its_rows(tmp_path, scripted_server, monkeypatch):
    """A submit cut off before the provider made the batch leaves nothing waiting: the rows can be sent again."""
    project = _project(tmp_path, scripted_server, monkeypatch, rows=2)
    real_create = scripted_server.batch_desk._create
    scripted_server.batch_desk._create = lambda body: (_ for _ in ()).throw(ConnectionResetError())
    with pytest.raises(openai.APIConnectionError):  # the reply to batches.create never came
        _submit(project)
    scripted_server.batch_desk._create = real_create
    assert sum(r["path"].endswith("/batches") for r in scripted_server.requests) == 1  # never retried: no twin batch
    assert [b.status for b in list_batches(Project.open(project))] == ["submitting"]  # a lost reply looks alike
    check_batches(Project.open(project))
    assert list_batches(Project.open(project)) == []
    assert _submit(project).requests == 2


def test_collecting_reports_progress_and_can_stop(tmp_path, scripted_server, monkeypatch):
    """A long collect says how far it is, and a stop leaves the batch to be collected again, rows kept."""
    project = _project(tmp_path, scripted_server, monkeypatch, rows=4)
    _submit(project)
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
    project = _project(tmp_path, scripted_server, monkeypatch, rows=6)
    events: list[dict] = []
    first = submit_batches(
        prepare_project_run(Project.open(project)), progress=events.append, should_stop=lambda: len(events) >= 1
    )
    assert len(first.batches) == 1 and first.requests == 2 and first.rows == 2
    assert events == [{"event": "sending", "done": 0, "total": 3}]
    assert _submit(project).requests == 4  # the rest, nothing twice
