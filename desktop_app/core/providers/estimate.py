"""Before a run: how many calls, tokens, dollars and minutes it will take.

Input tokens are counted exactly (offline, tokens.py) from the messages that will be sent.
Output tokens cannot be known before the model answers; the best guess is the length of the
expected answers (the caller passes their token counts), capped by ``max_tokens``. Reasoning
models also bill hidden reasoning tokens, which no estimate can see: their cost is a floor.
Time is ``calls / concurrency * latency_guess_s``. Requests whose cache key is in
``cached_keys`` are answered from the cache, so they cost no call, token or second.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from desktop_app.core.providers import prices as pricing
from desktop_app.core.providers import tokens
from desktop_app.core.errors import RunError

DEFAULT_OUTPUT_TOKENS = 200  # when neither an expected answer nor max_tokens says more


@dataclass(frozen=True)
class PlannedRequest:
    """One request a run would send; ``cache_key`` is the store's hash of the exact request."""

    messages: Sequence[dict]
    model: str
    max_tokens: int | None = None
    cache_key: str | None = None
    batchable: bool = False  # could go through the Batch API (a judge's call during scoring cannot)
    output_cap: int | None = None  # the cap sent (the server reserves room for it in the context)


@dataclass(frozen=True)
class ModelEstimate:
    model: str
    calls: int
    input_tokens: int
    output_tokens: int
    cost_usd: float | None  # None: no price known for this model
    price_source: str  # "project", "default", "local" or "" when unpriced
    exact_tokens: bool  # False: counted with an approximate tokenizer (local/unknown models)
    batch_cost_usd: float | None = None  # the same calls with the batchable ones at the Batch API's price


@dataclass(frozen=True)
class Estimate:
    calls: int  # requests that will go to the server
    cached: int  # requests answered from the cache instead
    input_tokens: int
    output_tokens: int
    cost_usd: float | None  # sum over priced models; None when no model has a price
    time_s: float
    concurrency: int
    latency_guess_s: float
    unpriced_models: tuple[str, ...] = ()  # cost_usd leaves these out
    approximate_models: tuple[str, ...] = ()  # token counts are approximations for these
    per_model: tuple[ModelEstimate, ...] = ()
    # Requests holding a text too long to count exactly (tokens.EXACT_CHARS): their input tokens
    # are extrapolated from its start, and the estimate says so.
    extrapolated: int = 0
    batch_cost_usd: float | None = None  # cost_usd with the batchable calls at the Batch API's price
    # Re-ranking's rating calls (one per passage rated), already inside calls/tokens/cost/time:
    # how many will be sent, how many ratings are known from the cache (free), their tokens and cost.
    rerank_calls: int = 0
    rerank_cached: int = 0
    rerank_tokens: int = 0
    rerank_cost_usd: float | None = 0.0
    # Requests whose prompt + output cap exceed the model's context window (when it is known):
    # the server would refuse them ("prompt too long for the model").
    too_long: int = 0
    context_tokens: int | None = None  # the smallest known window among the models sent to

    @property
    def total_tokens(self) -> int:
        return self.input_tokens + self.output_tokens

    @property
    def cost_complete(self) -> bool:
        return not self.unpriced_models

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["total_tokens"] = self.total_tokens
        data["cost_complete"] = self.cost_complete
        return data


def _planned(item: Any) -> PlannedRequest:
    if isinstance(item, PlannedRequest):
        return item
    if isinstance(item, Mapping):
        return PlannedRequest(item["messages"], item["model"], item.get("max_tokens"), item.get("cache_key"))
    if isinstance(item, (tuple, list)) and len(item) in (3, 4):
        return PlannedRequest(*item)
    raise RunError(
        "A planned request must be (messages, model, max_tokens[, cache_key]).",
        "This is a bug in the caller; please report it.",
    )


def _expected_list(expected: int | Sequence[int | None] | None, n: int) -> list[int | None]:
    if expected is None or isinstance(expected, int):
        return [expected] * n
    values = list(expected)
    if len(values) != n:
        raise RunError(
            f"Got {len(values)} expected output lengths for {n} requests.",
            "Pass one expected token count per request, or a single number.",
        )
    return values


def expected_tokens(texts: Iterable[str | None], model: str) -> list[int | None]:
    """Token counts of the expected answers, the usual guess for output length (None: no answer)."""
    texts = list(texts)
    counts = tokens.count_many([t or "" for t in texts], model)
    return [c if t else None for c, t in zip(counts, texts)]


def estimate_run(
    requests: Iterable[Any],
    expected_output_tokens: int | Sequence[int | None] | None = None,
    prices: Mapping[str, Any] | None = None,
    concurrency: int = 8,
    latency_guess_s: float = 1.0,
    *,
    cached_keys: Iterable[str] | None = None,
    preset: str | None = None,
    default_output_tokens: int = DEFAULT_OUTPUT_TOKENS,
    context_windows: Mapping[str, int | None] | None = None,
) -> Estimate:
    """Calls, tokens, cost and time for ``requests`` (PlannedRequest or (messages, model,
    max_tokens[, cache_key])). ``prices`` is the project's override table; ``preset="local"``
    prices unknown models at 0. ``context_windows``: model -> its context window, where known."""
    windows = {m: w for m, w in (context_windows or {}).items() if w}
    planned = [_planned(r) for r in requests]
    expected = _expected_list(expected_output_tokens, len(planned))
    cached_set = set(cached_keys or ())
    pricing.validate_prices(prices)  # a bad table fails here, once, with its own message
    by_model: dict[str, list[int]] = {}  # model -> [calls, input, output, batchable input, batchable output]
    cached = extrapolated = too_long = 0
    for request, guess in zip(planned, expected):
        if request.cache_key is not None and request.cache_key in cached_set:
            cached += 1
            continue
        out = guess if guess is not None else (request.max_tokens or default_output_tokens)
        if request.max_tokens:
            out = min(out, request.max_tokens)
        totals = by_model.setdefault(request.model, [0, 0, 0, 0, 0])
        totals[0] += 1
        tin, guessed = tokens.measure_messages(request.messages, request.model)
        totals[1] += tin
        window = windows.get(request.model)
        if window and tin + (request.output_cap or request.max_tokens or 0) > window:
            too_long += 1
        extrapolated += guessed
        totals[2] += max(0, int(out))
        if request.batchable:
            totals[3] += tin
            totals[4] += max(0, int(out))
    per_model = []
    for model, (calls, tin, tout, bin_, bout) in sorted(by_model.items()):
        price = pricing.lookup(model, prices, preset=preset)
        full = None if price is None else pricing.cost(model, tin, tout, prices, preset=preset)
        batched = (
            None
            if full is None
            else full - (1 - pricing.BATCH_DISCOUNT) * (pricing.cost(model, bin_, bout, prices, preset=preset) or 0.0)
        )
        per_model.append(
            ModelEstimate(
                model=model,
                calls=calls,
                input_tokens=tin,
                output_tokens=tout,
                cost_usd=full,
                price_source=price.source if price else "",
                exact_tokens=tokens.is_exact(model),
                batch_cost_usd=batched,
            )
        )
    priced = [m.cost_usd for m in per_model if m.cost_usd is not None]
    batch_priced = [m.batch_cost_usd for m in per_model if m.batch_cost_usd is not None]
    calls = sum(m.calls for m in per_model)
    concurrency = max(1, int(concurrency))
    latency_guess_s = max(0.0, float(latency_guess_s))
    return Estimate(
        calls=calls,
        cached=cached,
        input_tokens=sum(m.input_tokens for m in per_model),
        output_tokens=sum(m.output_tokens for m in per_model),
        cost_usd=sum(priced) if priced else (0.0 if not per_model else None),
        time_s=calls / concurrency * latency_guess_s,
        concurrency=concurrency,
        latency_guess_s=latency_guess_s,
        unpriced_models=tuple(m.model for m in per_model if m.cost_usd is None),
        approximate_models=tuple(m.model for m in per_model if not m.exact_tokens),
        per_model=tuple(per_model),
        extrapolated=extrapolated,
        too_long=too_long,
        context_tokens=min((windows[m.model] for m in per_model if m.model in windows), default=None),
        batch_cost_usd=sum(batch_priced) if batch_priced else (0.0 if not per_model else None),
    )
