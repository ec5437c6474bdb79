"""The asyncio runner through the real openai client against the scripted server."""

from __future__ import annotations

import asyncio
import time

import openai
import pytest

from desktop_app.core.errors import ConnectionFailed
from desktop_app.core.records import Row
from desktop_app.core.run.runner import RunOptions, execute_run, retry_delay
from desktop_app.core.run.plan import open_run, prepare_variant
from desktop_app.core.run.scoring import Scorer
from desktop_app.core.run.store import ResultStore
from desktop_app.core.variants.variant import preset
from tests.scripted_server import Reply, last_user_text

FAST = RunOptions(concurrency=4, timeout_s=5.0, max_retries=3, backoff_base_s=0.01, backoff_max_s=0.05)


def _rows(n: int, prefix: str = "q") -> list[Row]:
    return [Row(id=f"r{i}", input=f"{prefix} {i}", expected=f"answer {i}") for i in range(n)]


def _echo(req: dict) -> str:
    return "answer " + last_user_text(req).split()[-1]


def _exact(specs, row, output, passages=(), judge=None, embed=None):
    from desktop_app.core.records import Verdict

    ok = output is not None and output.strip() == row.expected
    return (Verdict("exact", "content", ok, float(ok), "" if ok else "mismatch"),)


def _run(server, store, rows, *, variant=None, options=FAST, scorer=None, **kw):
    """Prepare + execute one variant over ``rows``; returns (prepared, outcome)."""
    variant = variant or preset("baseline")
    prepared = prepare_variant(store, variant, "gpt-4o-mini", rows)
    run = open_run(store, prepared)

    async def go():
        client = openai.AsyncOpenAI(base_url=server.base_url, api_key=server.api_key)
        try:
            return await execute_run(
                client,
                store,
                run,
                prepared.pending,
                scorer=scorer,
                options=options,
                total=prepared.total,
                already_done=prepared.finished,
                seed=1,
                **kw,
            )
        finally:
            await client.close()

    return prepared, asyncio.run(go())


@pytest.fixture
def store(tmp_path):
    with ResultStore(tmp_path / "results.sqlite") as s:
        yield s


def test_concurrency_bound_is_respected(scripted_server, store):
    """No more requests hit the server at once than the concurrency setting allows."""
    scripted_server.latency = 0.05
    scripted_server.chat_rule = _echo
    _, outcome = _run(scripted_server, store, _rows(24), options=RunOptions(concurrency=3, timeout_s=5))
    assert outcome.status == "complete" and outcome.completed == 24
    assert scripted_server.max_active == 3
    assert scripted_server.count() == 24


def test_429_retry_after_is_honoured_then_succeeds(scripted_server, store):
    """A rate-limited row waits what the server asked (not our slow backoff) and then succeeds; the
    wait is not a failed try (it uses none of the row's retries)."""
    scripted_server.chat_rule = _echo
    scripted_server.fail_next(1, status=429, retry_after=0.4)
    slow_backoff = RunOptions(concurrency=1, timeout_s=5, max_retries=2, backoff_base_s=10, backoff_max_s=10)
    start = time.monotonic()
    prepared, outcome = _run(scripted_server, store, _rows(1), options=slow_backoff)
    elapsed = time.monotonic() - start
    (result,) = store.results(prepared.run.id)
    assert 0.4 <= elapsed < 3.0
    assert result.output == "answer 0" and result.error is None and result.attempts == 1
    assert scripted_server.count() == 2 and outcome.calls == 2


def test_500_is_retried_with_backoff(scripted_server, store):
    """Server errors are retried and the row ends with the real answer and its attempt count."""
    scripted_server.chat_rule = _echo
    scripted_server.fail_next(2, status=500)
    prepared, _ = _run(scripted_server, store, _rows(1))
    (result,) = store.results(prepared.run.id)
    assert result.output == "answer 0" and result.attempts == 3


def test_row_that_keeps_failing_is_recorded_and_run_goes_on(scripted_server, store):
    """A row that exhausts its retries is stored with its error; the other rows still finish."""
    scripted_server.chat_rule = lambda req: Reply("boom", status=503) if "q 2" in last_user_text(req) else _echo(req)
    prepared, outcome = _run(
        scripted_server,
        store,
        _rows(5),
        options=RunOptions(concurrency=2, timeout_s=5, max_retries=1, backoff_base_s=0.01),
    )
    results = {r.row_id: r for r in store.results(prepared.run.id)}
    assert len(results) == 5 and outcome.status == "complete" and outcome.errors == 1
    assert results["r2"].output is None and results["r2"].error.startswith("http_503")
    assert results["r2"].attempts == 2
    assert all(results[f"r{i}"].output == f"answer {i}" for i in (0, 1, 3, 4))


def test_hang_times_out_and_is_recorded_while_run_goes_on(scripted_server, store):
    """A request that never answers times out, becomes an error row, and does not stall the run."""
    scripted_server.chat_rule = _echo
    scripted_server.hang_next(1)
    start = time.monotonic()
    prepared, outcome = _run(
        scripted_server, store, _rows(6), options=RunOptions(concurrency=2, timeout_s=0.4, max_retries=0)
    )
    assert time.monotonic() - start < 4
    results = store.results(prepared.run.id)
    errors = [r for r in results if r.error]
    assert len(results) == 6 and len(errors) == 1 and errors[0].error == "timeout"
    assert outcome.status == "complete" and store.run(prepared.run.id).status == "complete"


def test_cancel_stops_promptly_and_keeps_finished_rows(scripted_server, store):
    """Cancel sends nothing new, lets the answers already on their way land, and keeps every row."""
    scripted_server.latency = 0.1
    scripted_server.chat_rule = _echo
    events: list[dict] = []
    stop_at: list[float] = []

    def should_stop() -> bool:
        done = sum(1 for e in events if e["event"] == "progress")
        if done >= 4 and not stop_at:
            stop_at.append(time.monotonic())
            stop_at.append(done)
        return bool(stop_at)

    prepared, outcome = _run(
        scripted_server,
        store,
        _rows(40),
        options=RunOptions(concurrency=2, timeout_s=5),
        progress=events.append,
        should_stop=should_stop,
    )
    stopped_after = time.monotonic() - stop_at[0]
    stored = store.results(prepared.run.id)
    assert outcome.status == "cancelled" and store.run(prepared.run.id).status == "cancelled"
    assert stopped_after < 0.5
    assert 4 <= len(stored) <= stop_at[1] + 2 and all(r.error is None for r in stored)  # + the 2 on their way
    assert scripted_server.count() == len(stored)  # every request sent was paid for once and kept
    assert events[-1]["event"] == "finished" and events[-1]["status"] == "cancelled"


def test_cancel_waits_only_a_short_grace_for_slow_answers(scripted_server, store):
    """A cancel never hangs on a slow server: after the grace period the rest is dropped."""
    scripted_server.latency = 5.0
    scripted_server.chat_rule = _echo
    started = time.monotonic()
    prepared, outcome = _run(
        scripted_server,
        store,
        _rows(6),
        options=RunOptions(concurrency=2, timeout_s=10, cancel_grace_s=0.3),
        should_stop=lambda: time.monotonic() - started > 0.2,
    )
    assert outcome.status == "cancelled" and time.monotonic() - started < 2.0
    assert store.results(prepared.run.id) == []


def test_resume_sends_only_missing_rows(scripted_server, store):
    """Running again after a cancel continues the same run and sends only the rows it lacks."""
    scripted_server.chat_rule = _echo
    rows = _rows(12)
    first, _ = _run(scripted_server, store, rows[:5])  # as if the run stopped after five rows
    sent_before = {last_user_text(r) for r in scripted_server.chat_requests()}
    second, outcome = _run(scripted_server, store, rows)
    assert second.run.id == first.run.id and second.finished == 5 and len(second.pending) == 7
    texts = [last_user_text(r) for r in scripted_server.chat_requests()]
    assert len(texts) == 12 and len(set(texts)) == 12 and sent_before <= set(texts)
    assert len(store.results(first.run.id)) == 12 and outcome.completed == 7


def test_identical_requests_are_served_from_the_cache(scripted_server, store):
    """A second variant asking exactly the same requests pays nothing: no network call at all."""
    scripted_server.chat_rule = _echo
    rows = _rows(6)
    _run(scripted_server, store, rows)
    assert scripted_server.count() == 6
    copy = preset("baseline", name="baseline-again")
    prepared, outcome = _run(scripted_server, store, rows, variant=copy, scorer=Scorer(specs=[1], evaluate=_exact))
    assert scripted_server.count() == 6 and outcome.calls == 0 and outcome.cache_hits == 6
    results = store.results(prepared.run.id)
    assert all(r.cached and r.output == f"answer {r.row_id[1:]}" for r in results)
    assert all(r.verdicts and r.verdicts[0].passed for r in results)
    assert prepared.cached == 6 and prepared.to_send == []


@pytest.mark.parametrize("concurrency", [1, 4])
def test_duplicate_rows_in_one_run_share_one_request(scripted_server, store, concurrency):
    """Two rows with the same question in one run cost one call, one after the other or at the same time."""
    scripted_server.latency = 0.1
    scripted_server.chat_rule = lambda req: "same"
    rows = [Row("a", "same question", "x"), Row("b", "same question", "x"), Row("c", "other", "y")]
    prepared, outcome = _run(scripted_server, store, rows, options=RunOptions(concurrency=concurrency))
    assert scripted_server.count() == 2 and outcome.cache_hits == 1
    assert {r.row_id: r.output for r in store.results(prepared.run.id)} == {"a": "same", "b": "same", "c": "same"}


def test_unknown_model_stops_the_run_with_a_connection_error(scripted_server, store):
    """A model the server does not have stops the run at once with a clear error, not 100 error rows."""
    rows = _rows(30)
    prepared = prepare_variant(store, preset("baseline"), "no-such-model", rows)
    run = open_run(store, prepared)

    async def go():
        client = openai.AsyncOpenAI(base_url=scripted_server.base_url, api_key="k")
        return await execute_run(client, store, run, prepared.pending, options=FAST)

    with pytest.raises(ConnectionFailed):
        asyncio.run(go())
    assert scripted_server.count() <= FAST.concurrency
    assert store.run(run.id).status == "failed"


def test_each_row_is_scored_and_stored_with_usage(scripted_server, store):
    """Every stored row carries its verdicts, tokens, cost and latency as it completes."""
    scripted_server.chat_rule = lambda req: "answer 1"
    cost = lambda model, tin, tout: (tin + tout) / 1000  # noqa: E731
    prepared, outcome = _run(scripted_server, store, _rows(3), scorer=Scorer(specs=[1], evaluate=_exact), cost_fn=cost)
    results = {r.row_id: r for r in store.results(prepared.run.id)}
    assert [results[f"r{i}"].verdicts[0].passed for i in range(3)] == [False, True, False]
    assert all(r.tokens_in > 0 and r.tokens_out > 0 and r.latency_s > 0 for r in results.values())
    assert outcome.cost_paid == pytest.approx(sum(r.cost for r in results.values())) and outcome.cost_paid > 0


def test_retry_delay_prefers_retry_after_and_backs_off_otherwise():
    """Backoff doubles per attempt within its cap; a server's Retry-After wins over it."""
    import random

    opts = RunOptions(backoff_base_s=1.0, backoff_max_s=5.0)
    rng = random.Random(0)
    plain = [retry_delay(TimeoutError(), a, opts, rng) for a in (1, 2, 3, 6)]
    assert 0.5 <= plain[0] <= 1 and 1 <= plain[1] <= 2 and 2 <= plain[2] <= 4 and 2.5 <= plain[3] <= 5


# -- project level: what the ui calls ---------------------------------------------------------
def _project(tmp_path, server, rows: int = 12, examples: int = 0):
    from desktop_app.core.data import rows as datasets
    from desktop_app.core.project.folder import Project

    data = tmp_path / "data.csv"
    data.write_text(
        "id,question,answer\n" + "".join(f"q{i},question {i},answer {i}\n" for i in range(rows)), encoding="utf-8"
    )
    project = Project.create(tmp_path / "proj")
    datasets.import_dataset(project, data, examples=examples)
    project.set_section("connection", {"preset": "local", "base_url": server.base_url, "model": "gpt-4o-mini"})
    server.chat_rule = _echo
    return project


def test_plan_run_counts_only_what_will_be_sent(tmp_path, scripted_server):
    """The estimate counts calls still needed: finished rows and cache hits cost nothing."""
    from desktop_app.core.run.project import plan_run, run_variants

    project = _project(tmp_path, scripted_server, rows=10, examples=2)
    first = plan_run(project, ["baseline", "few_shot"])
    # 8 answers per variant, and about one in ten of them for the judge (the rows checks leave unsure)
    assert first.calls == 16 + 2 and first.cached == 0 and first.input_tokens > 0 and first.time_s > 0
    run_variants(project, ["baseline"])
    after = plan_run(project, ["baseline", "few_shot"])
    assert after.calls == 8 + 1 and scripted_server.count() == 8


def test_run_variants_reports_progress_and_cancel_then_resumes(tmp_path, scripted_server):
    """The ui's call: progress events per row, Cancel keeps finished rows, Run again finishes the rest."""
    from desktop_app.core.run.project import run_variants

    project = _project(tmp_path, scripted_server, rows=20)
    project.set_section("run_settings", {"concurrency": 2, "timeout_s": 5, "max_retries": 1})
    scripted_server.latency = 0.05
    events: list[dict] = []
    (first,) = run_variants(
        project,
        ["baseline"],
        progress=events.append,
        should_stop=lambda: sum(e["event"] == "progress" for e in events) >= 6,
    )
    assert first.run.status == "cancelled" and 6 <= first.rows < 20
    progress = [e for e in events if e["event"] == "progress"]
    assert [e["done"] for e in progress] == list(range(1, len(progress) + 1))
    assert all(e["total"] == 20 and e["run"] == "baseline" and "eta_s" in e and "cost" in e for e in progress)
    (second,) = run_variants(project, ["baseline"])
    assert second.run.id == first.run.id and second.rows == 20 and second.run.status == "complete"
    assert second.content_score == 1.0
    assert scripted_server.count() <= 20 + 2  # at most the requests cancelled in flight go twice


def test_judge_checks_call_the_model_off_the_loop_and_are_cached(tmp_path, scripted_server):
    """An LLM-judge check is asked through the connection for each row, and never twice for the same answer."""
    from desktop_app.core import checks
    from desktop_app.core.run.project import run_variants

    project = _project(tmp_path, scripted_server, rows=4)
    checks.add_check(project, "judge", params={"mode": "all"})
    grader = "grade the factual content"

    def rule(req: dict) -> str:
        if grader in req["messages"][0]["content"]:
            return "Category: B\nSame facts."
        return _echo(req)

    scripted_server.chat_rule = rule
    (summary,) = run_variants(project, ["baseline"])
    judged = [r for r in scripted_server.chat_requests() if grader in r["messages"][0]["content"]]
    assert len(judged) == 4 and summary.pass_rate == 1.0
    assert all(r.get("temperature") == 0 and "seed" in r for r in judged)
    run_variants(project, ["instructions"])
    second = [r for r in scripted_server.chat_requests() if grader in r["messages"][0]["content"]]
    assert len(second) == 4  # same question + same answer: the judge's verdict came from the cache


def test_rag_variant_retrieves_puts_passages_in_the_prompt_and_measures_retrieval(tmp_path, scripted_server):
    """A RAG run sends the retrieved passages with their sources, stores them, and scores retrieval;
    new documents make a new run instead of mixing old and new passages."""
    from desktop_app.core.knowledge import KnowledgeBase
    from desktop_app.core.run.project import plan_run, run_variants
    from tests.scripted_server import prompt_text

    project = _project(tmp_path, scripted_server, rows=3)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "manual.md").write_text(
        "\n\n".join(f"Fact for question {i}: the answer is answer {i}." for i in range(3)), encoding="utf-8"
    )
    kb = KnowledgeBase.open(project)
    kb.add_paths([docs / "manual.md"])
    kb.close()

    def rule(req: dict) -> str:  # knows the answer only when the passage is in the prompt
        text = prompt_text(req)
        n = last_user_text(req).split()[-1]
        return f"answer {n}" if f"the answer is answer {n}" in text else "I don't know"

    scripted_server.chat_rule = rule
    (summary,) = run_variants(project, ["rag"])
    assert summary.content_score == 1.0 and summary.context_recall == 1.0
    assert all("[1] (source: manual.md)" in prompt_text(r) for r in scripted_server.chat_requests())
    assert str(docs) not in prompt_text(scripted_server.chat_requests()[0])  # no local folder names sent
    from desktop_app.core.run.store import ResultStore

    with ResultStore(project.results_db) as store:
        assert all(r.passages and r.passages[0].source.endswith("manual.md") for r in store.results(summary.run.id))
    assert plan_run(project, ["rag"]).calls == 0
    (docs / "faq.md").write_text("Question 1 is also answered in the FAQ: answer 1.", encoding="utf-8")
    kb = KnowledgeBase.open(project)
    kb.add_paths([docs / "faq.md"])
    kb.close()
    estimate = plan_run(project, ["rag"])
    assert estimate.calls + estimate.cached == 3 + 1  # a new run: every row planned again (and the judge's share)
