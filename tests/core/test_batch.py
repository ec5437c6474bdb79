"""Very large evaluations through the Batch API: submit, quit, reopen, collect (scripted server)."""

from __future__ import annotations

import json

import pytest

from desktop_app.cli import main
from desktop_app.core.errors import RunError
from desktop_app.core.project.folder import Project
from desktop_app.core.run import batch_files
from desktop_app.core.run.batch import cancel_batch, check_batches, list_batches
from desktop_app.core.run.project import prepare_project_run, run_variants
from desktop_app.core.run.project_scores import project_summaries
from desktop_app.core.run.store import ResultStore
from tests.scripted_server import Reply, last_user_text
from tests.core.batch_support import answer, batch_project, scores, submit


def test_submit_quit_reopen_and_collect_gives_the_online_scores(tmp_path, scripted_server, monkeypatch):
    """A batch submitted, the app closed and the project reopened later, ends with the scores of an online run."""
    project = batch_project(tmp_path, scripted_server, monkeypatch)
    submission = submit(project)
    assert len(submission.batches) == 1 and submission.requests == 6 and submission.rows == 6
    assert scripted_server.count() == 0  # nothing went to the online endpoint
    assert [b.status for b in list_batches(Project.open(project))] == ["validating"]
    # "quit": nothing of the submitting session is kept; the project is opened afresh each time
    first = check_batches(Project.open(project))
    assert [b.status for b in first.batches] == ["in_progress"] and first.answered == 0 and first.pending == 1
    done = check_batches(Project.open(project))
    assert done.collected == (submission.batches[0].id,) and done.answered == 6 and done.pending == 0
    assert [b.completed for b in done.batches] == [6]
    online = batch_project(tmp_path, scripted_server, monkeypatch, name="online")
    run_variants(Project.open(online))
    assert scores(project) == scores(online)
    (batched,), (direct,) = project_summaries(Project.open(project)), project_summaries(Project.open(online))
    assert batched.run.status == "complete" and batched.content_score == pytest.approx(5 / 6)
    assert batched.cost == pytest.approx(direct.cost / 2)  # the Batch API's half price
    assert check_batches(Project.open(project)).answered == 0  # collecting again stores nothing twice


def test_answers_land_in_the_request_cache_so_an_online_rerun_pays_nothing(tmp_path, scripted_server, monkeypatch):
    """What a batch answered is cached like an online answer: the same request is never paid twice."""
    project = batch_project(tmp_path, scripted_server, monkeypatch, rows=4)
    submit(project)
    check_batches(Project.open(project))
    check_batches(Project.open(project))
    with ResultStore(Project.open(project).results_db) as store:
        store.delete_run(store.runs()[0].id)
    run_variants(Project.open(project))
    assert scripted_server.count() == 0
    assert submit(project).batches == ()  # nothing left to ask either


def test_rows_already_answered_or_waiting_are_not_submitted_again(tmp_path, scripted_server, monkeypatch):
    """Rows answered online, or already in an open batch, never go into a new batch."""
    project = batch_project(tmp_path, scripted_server, monkeypatch, rows=5)
    run_variants(Project.open(project), concurrency=1)
    with ResultStore(Project.open(project).results_db) as store:
        run_id = store.runs()[0].id
        store.connection().execute("DELETE FROM results WHERE run_id = ? AND row_id IN ('q3', 'q4')", (run_id,))
        store.connection().execute("DELETE FROM request_cache WHERE response IN ('answer 99', 'answer 4')")
    first = submit(project)
    assert first.requests == 2 and first.rows == 2
    assert submit(project).batches == ()  # q3, q4 wait in the open batch: not sent again
    plan = prepare_project_run(Project.open(project))
    try:
        assert plan.estimate.calls == 0  # nor online
    finally:
        plan.close()


def test_failed_rows_are_errors_with_their_reason_and_rerun_online(tmp_path, scripted_server, monkeypatch):
    """Rows in the batch's error file are stored as errors with the reason, and a normal run answers them."""
    project = batch_project(tmp_path, scripted_server, monkeypatch, rows=4)
    scripted_server.chat_rule = lambda req: (
        Reply("model overloaded", status=500) if "item 2" in last_user_text(req) else answer(req)
    )
    submit(project)
    check_batches(Project.open(project))
    done = check_batches(Project.open(project))
    assert done.answered == 3 and done.errors == 1 and [b.failed for b in done.batches] == [1]
    with ResultStore(Project.open(project).results_db) as store:
        errors = {r.row_id: r.error for r in store.results(store.runs()[0].id) if r.error}
    assert list(errors) == ["q2"] and "batch_http_500" in errors["q2"] and "overloaded" in errors["q2"]
    scripted_server.chat_rule = answer
    run_variants(Project.open(project))
    assert scripted_server.count() == 1  # only the failed row went online
    (summary,) = project_summaries(Project.open(project))
    assert summary.errors == 0 and summary.rows == 4


def test_an_expired_batch_keeps_what_finished(tmp_path, scripted_server, monkeypatch):
    """A batch whose 24 hours ran out keeps its finished answers; the rest are errors to run again."""
    project = batch_project(tmp_path, scripted_server, monkeypatch, rows=5)
    scripted_server.batch_desk.expire_after = 2
    submit(project)
    check_batches(Project.open(project))
    done = check_batches(Project.open(project))
    assert [b.status for b in done.batches] == ["expired"] and done.answered == 2 and done.errors == 3
    (summary,) = project_summaries(Project.open(project))
    assert summary.run.status == "failed" and summary.errors == 3
    with ResultStore(Project.open(project).results_db) as store:
        reasons = {r.error.split(":")[0] for r in store.results(store.runs()[0].id) if r.error}
    assert reasons == {"batch_expired"}
    assert submit(project).requests == 3  # a new batch asks only what is missing


def test_cancel_keeps_what_finished_before_it(tmp_path, scripted_server, monkeypatch):
    """Cancelling a batch stops it; what the provider finished before the cancel is stored."""
    project = batch_project(tmp_path, scripted_server, monkeypatch, rows=4)
    scripted_server.batch_desk.hold = True
    (batch,) = submit(project).batches
    check_batches(Project.open(project))
    assert cancel_batch(Project.open(project), batch.id).status == "cancelling"
    done = check_batches(Project.open(project))
    assert [b.status for b in done.batches] == ["cancelled"] and done.answered == 1 and done.errors == 3
    (summary,) = project_summaries(Project.open(project))
    assert summary.run.status == "cancelled"


def test_a_large_run_is_split_over_the_providers_limits(tmp_path, scripted_server, monkeypatch):
    """More requests than one batch file may hold go out as several batches, every row filed."""
    monkeypatch.setitem(batch_files.LIMITS, "openai", (3, 200_000_000))
    project = batch_project(tmp_path, scripted_server, monkeypatch, rows=8)
    submission = submit(project)
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
    project = batch_project(tmp_path, scripted_server, monkeypatch, rows=2)
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
        submit(project)


def test_the_estimate_shows_the_batch_price_at_about_half(tmp_path, scripted_server, monkeypatch):
    """Before submitting, the user sees both prices; an unknown price stays unknown for batches too."""
    project = batch_project(tmp_path, scripted_server, monkeypatch, rows=3)
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
