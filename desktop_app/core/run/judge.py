"""The LLM judge of a run: its calls (cached, metered), its place in the estimate and the price
of a request, and judging finished rows again when their judge failed or the check was edited.
"""

from __future__ import annotations

from typing import Callable, Iterable, Sequence

from desktop_app.core.records import Row
from desktop_app.core.run.plan import request_body, request_key
from desktop_app.core.run.scoring import Scorer, collect_calls, note_call, note_failure
from desktop_app.core.run.store import ResultStore

JUDGE_PARAMS = {"temperature": 0}
JUDGE_REPLY_TOKENS = 40  # {"verdict": "fail", "reason": "<one short sentence>"}


JUDGE_SECTION = "judge_connection"  # project.json: the judge's own server, when it is not the project's


def judge_config(project, cfg):
    """The connection the judge calls: its own (``judge_connection``: e.g. a stronger model at
    OpenAI while a small local model is under test), else the project's. An offline or missing
    section means "the project's connection"."""
    from desktop_app.core.providers.connection import ConnectionConfig  # noqa: PLC0415

    own = project.section(JUDGE_SECTION)
    if isinstance(own, dict) and own.get("preset") not in (None, "", "offline"):
        return ConnectionConfig.from_dict(own)
    return cfg


def make_judge(client, default_model: str, store: ResultStore, endpoint: str = "") -> Callable[..., str]:
    """An LLM judge through the sync client, its answers cached like any request (never paid twice).

    Paid calls and failures are noted (scoring.note_call / note_failure) for the row being
    scored: the runner adds their cost to the row and has a row whose judge failed judged again.
    """

    def judge(
        messages: list[dict],
        *,
        params: dict | None = None,
        model: str | None = None,
        accept: Callable[[str], bool] | None = None,
    ) -> str:
        """``model``: a judge model of its own (else the connection's); ``accept``: whether the
        reply can be read: one that cannot is paid but never cached (the next run asks again)."""
        use = model or default_model
        body = request_body(use, messages, JUDGE_PARAMS if params is None else params)
        key = request_key(body, endpoint)
        hit = store.cache_get(key)
        if hit is not None and (accept is None or accept(hit.response)):
            return hit.response
        try:
            resp = client.chat.completions.create(**body)
        except Exception as exc:
            note_failure(type(exc).__name__)  # the class only: a server message may echo the key
            raise
        text = (resp.choices[0].message.content if resp.choices else "") or ""
        usage = resp.usage
        tin, tout = getattr(usage, "prompt_tokens", 0) or 0, getattr(usage, "completion_tokens", 0) or 0
        note_call(use, tin, tout)
        if accept is not None and not accept(text):
            note_failure("judge_unparseable")
            return text
        store.cache_put(key, text, tokens_in=tin, tokens_out=tout, model=use)
        return text

    def lookup(messages: list[dict]) -> str | None:
        """The reply already paid for (the cache), never a call: what planning may use."""
        hit = store.cache_get(request_key(request_body(default_model, messages, JUDGE_PARAMS), endpoint))
        return None if hit is None else hit.response

    judge.lookup = lookup  # type: ignore[attr-defined]
    judge.model = default_model  # type: ignore[attr-defined]
    return judge


def metered_embedder(embed):
    """The embedder with its failures noted, like the judge's (a semantic check left out is redone)."""

    def metered(texts):
        try:
            return embed(texts)
        except Exception as exc:
            note_failure(type(exc).__name__)
            raise

    metered.close = getattr(embed, "close", lambda: None)  # type: ignore[attr-defined]
    return metered


def price_name(cfg, model: str, prices: dict | None = None) -> str:
    """The model a request is priced by. An Azure request names a deployment; it costs what the
    model behind it costs (the connection's model), unless the project priced the deployment."""
    if cfg.preset != "azure" or not cfg.model or model in (prices or {}) or model != cfg.chat_model:
        return model
    return cfg.model


def _judge_specs(scorer: Scorer) -> list:
    if scorer.judge is None:
        return []
    return [s for s in scorer.specs if getattr(s, "needs", None) == "judge" and getattr(s, "enabled", True)]


# The share of answers the lexical checks leave unsure, for the estimate of the judge's default
# mode (it is asked about those only): 7.5% on the labelled set of bench/verdict_agreement.py.
EXPECTED_UNSURE_SHARE = 0.1


def judge_requests_for(cfg, prices: dict | None, scorer: Scorer, rows: Iterable[Row]) -> list:
    """For the estimate: one judge request per row per rubric and per content judge in mode
    "all"; in its default mode the content judge is asked about the unsure rows only, about one
    in ten. The answer is not known yet, so the expected answer stands in for it (about as long)."""
    import math  # noqa: PLC0415

    from desktop_app.core.providers import estimate  # noqa: PLC0415
    from desktop_app.core.checks import judge_messages  # noqa: PLC0415
    from desktop_app.core.checks.evaluate import judge_mode  # noqa: PLC0415

    requests = []
    rows = list(rows)
    for spec in _judge_specs(scorer):
        model = price_name(cfg, str(spec.params.get("model") or "") or cfg.chat_model, prices)
        judged = [row for row in rows if spec.family != "content" or (row.expected or "").strip()]
        if spec.kind == "judge" and judge_mode(spec) == "unsure":
            judged = judged[: math.ceil(len(judged) * EXPECTED_UNSURE_SHARE)]
        requests += [
            estimate.PlannedRequest(judge_messages(spec, row, row.expected or row.input), model, None) for row in judged
        ]
    return requests


def rejudge_rows(
    store: ResultStore,
    run,
    row_ids: Sequence[str],
    rows_by_id: dict[str, Row],
    scorer: Scorer,
    should_stop: Callable[[], bool] | None = None,
) -> int:
    """Score these finished rows again with the judge (their model-judged checks had no current
    verdict). A row whose judge fails again keeps what it had. Returns the rows updated."""
    wanted = set(row_ids)
    updated: dict = {}
    for r in store.results(run.id):
        if should_stop is not None and should_stop():
            break
        row = rows_by_id.get(r.row_id)
        if r.row_id not in wanted or row is None or r.error is not None:
            continue
        with collect_calls() as calls:
            verdicts = scorer(row, r.output, r.passages)
        if not calls.failures:
            updated[r.row_id] = verdicts
    if updated:
        store.update_verdicts(run.id, updated)
    return len(updated)
