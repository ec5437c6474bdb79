"""The retrieval lab's re-ranking with the project's model: its cost first, the ratings after.

``available`` says whether a model can rate passages (the judge's connection: the project's,
or its own ``judge_connection``); ``plan`` finds the ratings re-ranking the sweep's best
settings needs and prices them (no call); ``perform`` makes them, each cached like any judge
call (a later run with the adopted setting reuses them for free), and adds the re-ranked rows
to the sweep's table.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from desktop_app.core.errors import KnowledgeError
from desktop_app.core.phrases import translate
from desktop_app.core.run.rerank_phase import RATING_REPLY_TOKENS, check_answered, make_ratings


@dataclass(frozen=True)
class RerankCost:
    """What re-ranking in the lab would cost, shown before it is asked."""

    settings: int  # settings re-ranked
    calls: int  # rating calls to send
    cached: int  # ratings known from the cache (free)
    tokens: int
    cost_usd: float | None  # None: no price is known for the model
    time_s: float
    model: str

    def to_dict(self) -> dict:
        return {
            "settings": self.settings,
            "calls": self.calls,
            "cached": self.cached,
            "tokens": self.tokens,
            "cost_usd": self.cost_usd,
            "time_s": round(self.time_s, 1),
            "model": self.model,
        }


def _configs(project):
    from desktop_app.core.providers.connection import ConnectionConfig  # noqa: PLC0415
    from desktop_app.core.run.judge import judge_config  # noqa: PLC0415

    cfg = ConnectionConfig.from_dict(project.section("connection"))
    return cfg, judge_config(project, cfg)


def available(project) -> tuple[bool, str]:
    """(True, "") when a model can rate passages; else (False, why), e.g. an offline project."""
    _cfg, jcfg = _configs(project)
    if jcfg.preset == "offline" or not jcfg.chat_model:
        return False, translate(
            "LabRerank",
            "Re-ranking asks a model to rate passages; this project is offline. "
            "Connect a model (or a judge) under Connection to try it.",
        )
    return True, ""


@contextmanager
def _judge(project) -> Iterator:
    """The judge through the judge's connection, its replies cached in the project's store."""
    from desktop_app.core.providers import client as providers  # noqa: PLC0415
    from desktop_app.core.run.judge import make_judge  # noqa: PLC0415
    from desktop_app.core.run.store import ResultStore  # noqa: PLC0415

    ok, why = available(project)
    if not ok:
        raise KnowledgeError(why, translate("LabRerank", "Run the lab without re-ranking, or connect a model."))
    _cfg, jcfg = _configs(project)
    client = providers.make_client(jcfg)  # no key, bad URL: a ConnectionFailed with its hint, now
    store = ResultStore(project.results_db)
    try:
        yield make_judge(client, jcfg.chat_model, store, endpoint=jcfg.endpoint_id()), jcfg
    finally:
        store.close()
        client.close()


def plan(project, result, *, rows=None, progress=None, should_stop=None):
    """(RerankPlan, RerankCost) for re-ranking the sweep's best settings; no model is called."""
    from desktop_app.core.knowledge.lab_rerank import plan_rerank  # noqa: PLC0415
    from desktop_app.core.providers import estimate  # noqa: PLC0415
    from desktop_app.core.run.judge import price_name  # noqa: PLC0415
    from desktop_app.core.run.project import DEFAULT_LATENCY_GUESS_S, run_options  # noqa: PLC0415

    with _judge(project) as (judge, jcfg):
        found = plan_rerank(project, result, judge.lookup, rows=rows, progress=progress, should_stop=should_stop)
    prices = project.section("prices") or {}
    model = price_name(jcfg, jcfg.chat_model, prices)
    concurrency = run_options(project, jcfg).concurrency
    est = estimate.estimate_run(
        [estimate.PlannedRequest(m, model, RATING_REPLY_TOKENS) for m in found.messages],
        RATING_REPLY_TOKENS,
        prices,
        concurrency,
        DEFAULT_LATENCY_GUESS_S,
        preset=jcfg.preset,
    )
    return found, RerankCost(
        settings=len(found.trials),
        calls=est.calls,
        cached=found.cached,
        tokens=est.total_tokens,
        cost_usd=est.cost_usd,
        time_s=est.time_s,
        model=model,
    )


def perform(project, result, found, *, progress=None, should_stop=None):
    """The sweep's result with the planned settings measured again, re-ranked (the ratings are
    made now). Stopped midway: the result as it was (the ratings made are cached for next time)."""
    from desktop_app.core.knowledge.config import KnowledgeSettings  # noqa: PLC0415
    from desktop_app.core.knowledge.lab_rerank import measure_rerank, with_reranked  # noqa: PLC0415
    from desktop_app.core.run.project import run_options  # noqa: PLC0415

    with _judge(project) as (judge, jcfg):
        t0 = time.perf_counter()
        options = run_options(project, jcfg)
        ratings = make_ratings(
            found.calls, judge, options.concurrency, progress, should_stop, label="lab", options=options
        )
        if ratings.stopped:
            return result
        check_answered(ratings)
        seconds = (time.perf_counter() - t0) / max(1, len(found.trials))  # the calls of every setting at once
        trials = measure_rerank(found, judge.lookup, ratings.replies, rating_s=seconds)
    return with_reranked(result, trials, KnowledgeSettings.from_section(project.section("knowledge")))
