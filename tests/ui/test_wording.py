"""Sentences a user reads about cost and speed say what is true, not what rounding made of it."""

from __future__ import annotations

from types import SimpleNamespace

from desktop_app.ui.connection.verdicts import describe
from desktop_app.ui.run.texts import estimate_text


def _plan(cost):
    est = SimpleNamespace(
        calls=40,
        cost_usd=cost,
        total_tokens=12000,
        input_tokens=10000,
        output_tokens=2000,
        time_s=30.0,
        concurrency=1,
        cached=0,
        unpriced_models=(),
        approximate_models=(),
        extrapolated=0,
    )
    return SimpleNamespace(estimate=est, finished=0, waiting=0)


def test_a_free_run_is_called_free_not_about_nothing(qapp):
    """A local server's estimate says "free", not "about $0.00"."""
    text = estimate_text(_plan(0.0))
    assert "free" in text and "$0.00" not in text
    assert "about $0.21" in estimate_text(_plan(0.21))


def test_a_fast_local_server_is_not_said_to_answer_in_zero_seconds(qapp):
    """A server that answered in 4 ms is reported in hundredths, never "0.0 s"."""
    report = SimpleNamespace(
        verdict="connected", url="http://127.0.0.1:8080/v1", detail="", latency_s=0.004, model="qwen2.5"
    )
    assert describe(report).headline == "Connected: qwen2.5 answered in 0.01 s"
    report.latency_s = 0.84
    assert describe(report).headline == "Connected: qwen2.5 answered in 0.8 s"


def test_a_one_page_pdf_is_one_page(qapp):
    """The Knowledge list says "PDF, 1 page", not "1 pages"."""
    from desktop_app.ui.knowledge.texts import kind_text

    assert kind_text("pdf", 1) == "PDF, 1 page"
    assert kind_text("pdf", 12) == "PDF, 12 pages"


def test_progress_counts_answered_rows_as_resume_does(qapp):
    """Rows that ended in an error are not "done": the totals say 22 − 7 answered, as Resume 15/48 does."""
    from desktop_app.ui.run.texts import totals_text

    text = totals_text({"done": 22, "total": 48, "errors": 7, "eta_s": None, "cost": 0.0}, running=False)
    assert text.startswith("Overall 15/48 answered") and "7 errors (sent again on resume)" in text


def test_the_run_estimate_names_re_ranking_calls_and_the_free_ratings(qapp):
    """The Run page's estimate says how many rating calls re-ranking adds, what they cost, and how many are free."""
    plan = _plan(0.21)
    plan.estimate.rerank_calls, plan.estimate.rerank_cached = 42, 0
    plan.estimate.rerank_tokens, plan.estimate.rerank_cost_usd = 3484, 0.0006
    text = estimate_text(plan)
    assert "Re-ranking is included: 42 rating calls" in text and "when the run starts" in text
    plan.estimate.rerank_calls, plan.estimate.rerank_cached = 0, 42
    text = estimate_text(plan)
    assert "Re-ranking is included" not in text and "42 re-ranking ratings come from the cache" in text


def test_the_run_estimate_warns_before_run_when_prompts_exceed_the_context(qapp):
    """Requests longer than the model's context are named before Run, with the stored error's hint;
    none, no warning."""
    plan = _plan(0.0)
    plan.estimate.too_long, plan.estimate.context_tokens = 12, 8192
    text = estimate_text(plan)
    assert (
        "Warning: 12 requests are longer than the model's context (8,192 tokens): lower the variant's top-k "
        "or the chunk size, or use a model with a longer context."
    ) in text
    plan.estimate.too_long = 0
    assert "context" not in estimate_text(plan)


def test_the_run_page_says_when_the_server_cut_prompts(qapp):
    """After a run, the Run page names the variant whose prompts the server cut, and points to the Advice."""
    from desktop_app.ui.run.texts import outcome_text
    from desktop_app.ui.run.work import RunOutcome

    text = outcome_text(RunOutcome(statuses={"rag": "complete"}, rows=40, prompt_cut={"rag": 12}))
    assert text.startswith("Finished: 1 run, 40 rows.")
    assert "“rag”: the server cut the prompt of 12 rows to fit its context window" in text
    assert "cut the prompt" not in outcome_text(RunOutcome(statuses={"rag": "complete"}, rows=40))
