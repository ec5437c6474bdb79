"""The estimate shown before a run: calls, tokens, cost and time."""

from __future__ import annotations

import pytest

from desktop_app.core.providers import estimate
from desktop_app.core.errors import AppError, RunError
from desktop_app.core.providers.estimate import PlannedRequest, estimate_run
from tests.core.test_tokens import COOKBOOK_MESSAGES  # 124 prompt tokens on gpt-4o(-mini), per OpenAI

PROMPT_TOKENS_4O = 124


def test_estimate_numbers():
    """Calls, input tokens, output guesses capped by max_tokens, cost and time add up."""
    requests = [(COOKBOOK_MESSAGES, "gpt-4o-mini", 15)] * 3
    est = estimate_run(requests, [10, 20, None], concurrency=2, latency_guess_s=0.5)
    assert (est.calls, est.cached) == (3, 0)
    assert est.input_tokens == 3 * PROMPT_TOKENS_4O
    assert est.output_tokens == 10 + 15 + 15  # 20 capped at 15; no guess -> max_tokens
    assert est.cost_usd == pytest.approx((3 * PROMPT_TOKENS_4O * 0.15 + 40 * 0.60) / 1e6)
    assert est.time_s == pytest.approx(3 / 2 * 0.5)
    assert est.cost_complete and est.unpriced_models == () and est.approximate_models == ()
    assert est.to_dict()["total_tokens"] == est.input_tokens + est.output_tokens


def test_cached_requests_cost_nothing():
    """Requests already answered (resume, identical requests) are left out of calls and cost."""
    requests = [PlannedRequest(COOKBOOK_MESSAGES, "gpt-4o", 100, cache_key=k) for k in "abcd"]
    est = estimate_run(requests, 50, concurrency=8, latency_guess_s=1.0, cached_keys={"b", "d", "zz"})
    assert (est.calls, est.cached) == (2, 2)
    assert est.input_tokens == 2 * PROMPT_TOKENS_4O and est.output_tokens == 100
    assert est.cost_usd == pytest.approx((2 * PROMPT_TOKENS_4O * 2.5 + 100 * 10.0) / 1e6)
    everything_cached = estimate_run(requests, 50, cached_keys=set("abcd"))
    assert (everything_cached.calls, everything_cached.cost_usd, everything_cached.time_s) == (0, 0.0, 0.0)


def test_mixed_models_price_overrides_and_flags():
    """Per-model figures; unpriced and approximately counted models are flagged, not fatal."""
    requests = [
        (COOKBOOK_MESSAGES, "gpt-4o-mini", None, "k1"),
        {"messages": COOKBOOK_MESSAGES, "model": "my-deployment", "max_tokens": None},
        (COOKBOOK_MESSAGES, "llama3.2:3b", None),
    ]
    est = estimate_run(requests, 100, prices={"gpt-4o-mini": {"input": 1.0, "output": 2.0}})
    by_model = {m.model: m for m in est.per_model}
    assert by_model["gpt-4o-mini"].cost_usd == pytest.approx((PROMPT_TOKENS_4O * 1.0 + 100 * 2.0) / 1e6)
    assert by_model["gpt-4o-mini"].price_source == "project"
    assert by_model["my-deployment"].cost_usd is None and est.unpriced_models == ("my-deployment",)
    assert by_model["llama3.2:3b"].cost_usd == 0.0 and by_model["llama3.2:3b"].price_source == "local"
    assert set(est.approximate_models) == {"my-deployment", "llama3.2:3b"}
    assert est.cost_usd == pytest.approx(by_model["gpt-4o-mini"].cost_usd) and not est.cost_complete
    only_unpriced = estimate_run([(COOKBOOK_MESSAGES, "my-deployment", None)], 10)
    assert only_unpriced.cost_usd is None


def test_local_preset_prices_any_model_at_zero():
    """On a local server the estimate shows no cost, whatever the model is called."""
    est = estimate_run([(COOKBOOK_MESSAGES, "my-lora", 64)], None, preset="local")
    assert est.cost_usd == 0.0 and est.output_tokens == 64


def test_default_output_guess_and_scalar_expected():
    """Without expected answers or max_tokens a default output length is assumed."""
    est = estimate_run([(COOKBOOK_MESSAGES, "gpt-4o", None)] * 2, None)
    assert est.output_tokens == 2 * estimate.DEFAULT_OUTPUT_TOKENS
    assert estimate_run([(COOKBOOK_MESSAGES, "gpt-4o", None)] * 2, 7).output_tokens == 14


def test_expected_tokens_from_answers():
    """Expected answers' token counts are the output guess; rows without one give None."""
    assert estimate.expected_tokens(["hello world", "", None], "gpt-4o") == [2, None, None]


def test_bad_inputs_raise_typed_errors():
    """Mismatched inputs fail with a plain message instead of a wrong number."""
    with pytest.raises(RunError):
        estimate_run([(COOKBOOK_MESSAGES, "gpt-4o", None)] * 2, [1, 2, 3])
    with pytest.raises(RunError):
        estimate_run([("only", "two")], None)
    with pytest.raises(AppError):
        estimate_run([(COOKBOOK_MESSAGES, "gpt-4o", None)], None, prices={"gpt-4o": "free"})


def test_empty_plan():
    """Nothing to send means no calls, no cost and no time."""
    est = estimate_run([], None)
    assert (est.calls, est.input_tokens, est.cost_usd, est.time_s) == (0, 0, 0.0, 0.0)


def test_a_huge_cell_is_estimated_from_its_length_quickly_and_flagged():
    """A 30 MB cell no longer takes minutes and gigabytes to estimate: its tokens are extrapolated
    (close to the exact count) and the estimate says how many requests were."""
    from desktop_app.core.providers import tokens

    unit = "The filter lasts twelve months in normal use. "
    huge = unit * (30_000_000 // len(unit))
    exact_head = tokens.count(huge[: tokens.EXACT_CHARS])
    est = estimate_run(
        [
            ([{"role": "user", "content": huge}], "gpt-4o-mini", 100),
            ([{"role": "user", "content": "short"}], "gpt-4o-mini", 100),
        ],
        expected_output_tokens=10,
    )
    assert est.extrapolated == 1 and est.to_dict()["extrapolated"] == 1
    scaled = exact_head * len(huge) / tokens.EXACT_CHARS
    assert abs(est.input_tokens - scaled) / scaled < 0.01


def test_batchable_requests_cost_half_in_the_batch_price():
    """The Batch API estimate halves the requests it can carry and keeps the others at full price."""
    msgs = [{"role": "user", "content": "hello there"}]
    online = estimate_run([PlannedRequest(msgs, "gpt-4o-mini", 50)], 50)
    batched = estimate_run([PlannedRequest(msgs, "gpt-4o-mini", 50, batchable=True)], 50)
    mixed = estimate_run(
        [PlannedRequest(msgs, "gpt-4o-mini", 50, batchable=True), PlannedRequest(msgs, "gpt-4o-mini", 50)], 50
    )
    assert online.batch_cost_usd == pytest.approx(online.cost_usd)
    assert batched.batch_cost_usd == pytest.approx(batched.cost_usd / 2)
    assert mixed.batch_cost_usd == pytest.approx(0.75 * mixed.cost_usd)
    assert estimate_run([PlannedRequest(msgs, "mystery-model", 50, batchable=True)], 50).batch_cost_usd is None
