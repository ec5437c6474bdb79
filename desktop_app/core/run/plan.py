"""Planning a run: the exact request per row, its cache key, and what a re-run still has to send.

A run is identified by (variant name, settings fingerprint). Re-running a variant with the
same settings finds that run and plans only the rows without an output (rows that ended in
an error are tried again). Any request whose key is already in the cache is answered from it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from desktop_app.core.errors import RunError
from desktop_app.core.records import Passage, Row, RunInfo
from desktop_app.core.run.store import ResultStore
from desktop_app.core.variants.variant import Variant, build_messages
from desktop_app.core.phrases import phrase, translate

Retriever = Callable[[str, "int | None"], Sequence[Passage]]  # (query, k or None: its default)


def canonical_json(value: Any) -> str:
    """One spelling per value: sorted keys, no spaces, raw unicode (so 質問 hashes as itself)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def request_body(model: str, messages: list[dict], params: dict | None) -> dict:
    """The keyword arguments of chat.completions.create: model, messages and the parameters."""
    body = {k: v for k, v in (params or {}).items() if k not in ("model", "messages", "stream")}
    body["model"] = model
    body["messages"] = messages
    return body


def request_key(body: dict, endpoint: str = "") -> str:
    """sha256 of the canonical JSON of the exact request and the server it goes to (``endpoint``,
    ConnectionConfig.endpoint_id: "" for OpenAI's own API): equal requests, equal key."""
    data = canonical_json(body) if not endpoint else canonical_json({"endpoint": endpoint, "request": body})
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PlannedRequest:
    row: Row
    body: dict
    key: str
    passages: tuple[Passage, ...] = ()
    # Paid calls made for this row before its answer (re-ranking's ratings): (model, in, out)
    extra_usage: tuple[tuple[str, int, int], ...] = ()

    @property
    def messages(self) -> list[dict]:
        return self.body["messages"]


@dataclass
class PreparedRun:
    """One variant ready to execute: the run to continue (or None: a new one) and what is left."""

    variant: Variant
    model: str
    fingerprint: str
    run: RunInfo | None
    total: int
    finished: int
    pending: list[PlannedRequest] = field(default_factory=list)
    cached_keys: set[str] = field(default_factory=set)
    waiting: int = 0  # rows left out because they wait in a batch not yet collected

    @property
    def to_send(self) -> list[PlannedRequest]:
        """Pending requests that will go over the network (cache hits and in-plan twins excluded)."""
        seen: set[str] = set()
        out = []
        for req in self.pending:
            if req.key in self.cached_keys or req.key in seen:
                continue
            seen.add(req.key)
            out.append(req)
        return out

    @property
    def cached(self) -> int:
        return len(self.pending) - len(self.to_send)


def fingerprint(variant: Variant, model: str, extra: dict | None = None) -> str:
    """What makes two runs of a variant the same run: every setting that shapes a request.

    The name is left out (runs are found by name anyway); ``extra`` carries what lies outside
    the variant, e.g. the examples pool or the knowledge base's state for RAG variants.
    """
    settings = variant.to_dict()
    settings.pop("name", None)
    settings["model"] = model
    return hashlib.sha256(canonical_json({"variant": settings, "extra": extra or {}}).encode()).hexdigest()[:32]


def resolve_model(variant: Variant, connection_model: str) -> str:
    """The variant's own model, else the connection's. A fine-tuned variant never falls back to
    the connection's base model: its run would measure the base model under a fine-tuned label."""
    if "fine_tuned" in variant.techniques and not (variant.model or "").strip():
        raise RunError(
            phrase(
                translate("RunErrors", "Variant '{name}' is fine-tuned but has no fine-tuned model id."),
                name=variant.name,
            ),
            translate(
                "RunErrors",
                "Set the fine-tuned model id of this variant (Variants page or "
                "project.json), e.g. ft:gpt-4o-mini:..., or the deployment name of the "
                "fine-tuned model on Azure.",
            ),
            details={"kind": "no_fine_tuned_model", "variant": variant.name},
        )
    model = (variant.model or connection_model or "").strip()
    if not model:
        raise RunError(
            translate("RunErrors", "No model is set for this run."),
            translate("RunErrors", "Choose a model under Connection, or set one on the variant."),
        )
    return model


OUTPUT_CAP_FLOOR = 256  # tokens: room for a polite, complete answer to any short question
_CAP_SAMPLE_CHARS = 20_000  # a huge expected cell is measured by its start (never a 300 MB tokenisation)
CAP_PARAMS = ("max_tokens", "max_completion_tokens")


def default_output_cap(rows: Sequence[Row]) -> int:
    """Every answer gets a cap, so a runaway generation cannot hold a run (a one-slot local
    server stalled for minutes without one): 4 x the longest expected answer, at least 256."""
    from desktop_app.core.providers import tokens  # noqa: PLC0415 - tiktoken, only when planning

    longest = max((tokens.count(r.expected[:_CAP_SAMPLE_CHARS]) for r in rows if r.expected), default=0)
    return max(OUTPUT_CAP_FLOOR, 4 * longest)


def with_output_cap(params: dict | None, cap: tuple[str, int] | None) -> dict:
    """The variant's parameters, with the default cap where the variant sets none itself."""
    params = dict(params or {})
    if cap is not None and not any(params.get(k) for k in CAP_PARAMS):
        params[cap[0]] = cap[1]
    return params


def plan_requests(
    variant: Variant,
    model: str,
    rows: Sequence[Row],
    examples: Sequence[Row],
    retriever: Retriever | None,
    output_cap: tuple[str, int] | None = None,
    endpoint: str = "",
) -> list[PlannedRequest]:
    """The exact request of every row, retrieval done up front (its calls never block the loop)."""
    if variant.uses_retrieval and retriever is None:
        raise RunError(
            phrase(
                translate("RunErrors", "Variant '{name}' uses retrieval but the project has no documents."),
                name=variant.name,
            ),
            translate("RunErrors", "Add documents under Knowledge, or run a variant without RAG."),
        )
    if "few_shot" in variant.techniques and variant.k > 0 and not examples:
        raise RunError(
            phrase(
                translate("RunErrors", "Variant '{name}' needs few-shot examples but the examples pool is empty."),
                name=variant.name,
            ),
            translate("RunErrors", "Set aside some rows as examples when importing the data (e.g. --examples 20)."),
        )
    planned = []
    for row in rows:
        passages = (
            tuple(retriever(row.input, variant.top_k or None))
            if variant.uses_retrieval and retriever is not None
            else ()
        )  # None refused above
        messages = build_messages(variant, row, examples, passages)
        body = request_body(model, messages, with_output_cap(variant.params, output_cap))
        planned.append(PlannedRequest(row=row, body=body, key=request_key(body, endpoint), passages=passages))
    return planned


def prepare_variant(
    store: ResultStore,
    variant: Variant,
    model: str,
    rows: Sequence[Row],
    examples: Sequence[Row] = (),
    retriever: Retriever | None = None,
    extra: dict | None = None,
    cap_param: str | None = "max_tokens",
    endpoint: str = "",
) -> PreparedRun:
    """Find the run this variant continues and plan the rows it still lacks. ``cap_param``: the
    name the server takes for the output cap (None: no default cap)."""
    fp = fingerprint(variant, model, {**(extra or {}), "endpoint": endpoint} if endpoint else extra)
    run = store.find_run(variant.name, fp)
    done = store.finished_row_ids(run.id) if run else set()
    todo = [r for r in rows if r.id not in done]
    cap = (cap_param, default_output_cap(rows)) if cap_param else None  # all rows: the same cap on resume
    pending = plan_requests(variant, model, todo, examples, retriever, cap, endpoint)
    return PreparedRun(
        variant=variant,
        model=model,
        fingerprint=fp,
        run=run,
        total=len(rows),
        finished=len(rows) - len(todo),
        pending=pending,
        cached_keys=store.cached_keys(r.key for r in pending),
    )


def open_run(store: ResultStore, prepared: PreparedRun) -> RunInfo:
    """The run to write into: the one being continued, or a new one."""
    if prepared.run is None:
        v = prepared.variant
        prepared.run = store.create_run(
            v.name, v.techniques, model=prepared.model, variant=v.to_dict(), fingerprint=prepared.fingerprint
        )
    return prepared.run
