"""Work functions of the Knowledge page, run on pool threads through TaskRunners.

Each opens the project's KnowledgeBase (it holds a Chroma client and a SQLite connection),
uses it and closes it before returning plain data, so no index object outlives its task or
crosses threads. Opening costs about 2 ms once chromadb is imported. Writers (add, remove,
re-index) all run on the page's one index runner, so there is never a second writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.core.knowledge.lab import SweepResult


class StopFlag:
    """Cancel that still delivers: the page sets it, the work stops between files (or rows) and
    returns what it did. TaskRunner.cancel() would drop that result, and a user who stops an
    indexing half-way must still see which files made it in."""

    def __init__(self) -> None:
        self.requested = False

    def set(self) -> None:
        self.requested = True


def _should_stop(state, flag: StopFlag | None):
    return lambda: state.should_stop() or (flag is not None and flag.requested)


@dataclass(frozen=True)
class Overview:
    stats: dict
    documents: tuple[dict, ...]


@dataclass(frozen=True)
class Added:
    report: object  # core IngestReport (frozen)
    overview: Overview
    reindex: bool = False


@dataclass(frozen=True)
class Removed:
    removed: tuple[tuple[str, int], ...]  # (source, chunks dropped)
    overview: Overview


@dataclass(frozen=True)
class Readiness:
    result: dict  # knowledge.readiness() as returned
    rows: dict  # row id -> (input, expected), for the rows the result lists


def _open(project):
    from desktop_app.core.knowledge import KnowledgeBase

    return KnowledgeBase.open(project)


def _overview(kb) -> Overview:
    return Overview(dict(kb.stats()), tuple(kb.documents()))


def overview(state, project) -> Overview:
    kb = _open(project)
    try:
        return _overview(kb)
    finally:
        kb.close()


def add(state, project, paths: list[str], flag: StopFlag | None = None) -> Added:
    """Index files and folders; ``progress`` gets the core's stage dicts."""
    kb = _open(project)
    try:
        report = kb.add_paths(list(paths), progress=state.progress, should_stop=_should_stop(state, flag))
        return Added(report, _overview(kb))
    finally:
        kb.close()


def reindex(state, project, flag: StopFlag | None = None) -> Added:
    """Bring every document in line with the current settings: files whose chunking changed are
    chunked again, vectors missing for the current embedding are made (add_paths does both)."""
    kb = _open(project)
    try:
        sources = [d["source"] for d in kb.documents()]
        report = kb.add_paths(sources, progress=state.progress, should_stop=_should_stop(state, flag))
        return Added(report, _overview(kb), reindex=True)
    finally:
        kb.close()


def remove(state, project, sources: list[str]) -> Removed:
    kb = _open(project)
    try:
        removed = tuple((s, kb.remove(s)) for s in sources)
        return Removed(removed, _overview(kb))
    finally:
        kb.close()


def search(state, project, query: str, mode: str) -> tuple:
    """The top-k passages (records.Passage, frozen) for ``query``."""
    kb = _open(project)
    try:
        return tuple(kb.search(query, mode=mode))
    finally:
        kb.close()


def check_readiness(state, project, flag: StopFlag | None = None) -> Readiness:
    """readiness() over the evaluation rows, with the question and answer of each row it lists."""
    from desktop_app.core.data.rows import load_rows
    from desktop_app.core.knowledge.readiness import readiness

    rows, _examples = load_rows(project)
    kb = _open(project)
    try:
        result = readiness(project, progress=state.progress, should_stop=_should_stop(state, flag), rows=rows, kb=kb)
    finally:
        kb.close()
    wanted = {r["id"] for r in result["per_row"]}
    return Readiness(result, {r.id: (r.input, r.expected) for r in rows if r.id in wanted})


@dataclass(frozen=True)
class Lab:
    result: "SweepResult"  # frozen
    rows: dict  # row id -> (input, expected), for the rows no setting answered
    rerank_ok: bool = False  # a model can rate passages (re-ranking can be tried)
    rerank_why: str = ""  # why not, when it cannot


def _rerank_offer(project) -> tuple[bool, str]:
    from desktop_app.core.errors import AppError
    from desktop_app.core.run import lab_rerank

    try:
        return lab_rerank.available(project)
    except AppError as exc:  # a damaged connection section: said, not raised
        return False, exc.message


def run_lab(state, project, flag: StopFlag | None = None) -> Lab:
    """The retrieval lab's sweep (scratch indexes only) and the text of the rows it lists."""
    from desktop_app.core.data.rows import load_rows
    from desktop_app.core.knowledge.sweep import sweep

    rows, _examples = load_rows(project)
    result = sweep(project, progress=state.progress, should_stop=_should_stop(state, flag), rows=rows)
    wanted = set(result.unanswerable)
    return Lab(result, {r.id: (r.input, r.expected) for r in rows if r.id in wanted}, *_rerank_offer(project))


@dataclass(frozen=True)
class RerankOffer:
    """What re-ranking the lab's best settings would send and cost (core RerankPlan, RerankCost)."""

    plan: object
    cost: object


def plan_lab_rerank(state, project, lab: Lab, flag: StopFlag | None = None) -> RerankOffer:
    """Price re-ranking the sweep's best settings (scratch indexes; no model call)."""
    from desktop_app.core.data.rows import load_rows
    from desktop_app.core.run import lab_rerank

    rows, _examples = load_rows(project)
    found, cost = lab_rerank.plan(
        project, lab.result, rows=rows, progress=state.progress, should_stop=_should_stop(state, flag)
    )
    return RerankOffer(found, cost)


def run_lab_rerank(state, project, lab: Lab, offer: RerankOffer, flag: StopFlag | None = None) -> Lab:
    """The user agreed to the cost: make the ratings and add the re-ranked rows to the table."""
    from desktop_app.core.run import lab_rerank

    result = lab_rerank.perform(
        project, lab.result, offer.plan, progress=state.progress, should_stop=_should_stop(state, flag)
    )
    wanted = set(result.unanswerable)
    return Lab(result, {k: v for k, v in lab.rows.items() if k in wanted}, lab.rerank_ok, lab.rerank_why)


def mark_current(lab: Lab, setting: dict) -> Lab:
    """The same measurements with ``setting`` marked as the project's own (after adopting it)."""
    from dataclasses import replace

    from desktop_app.core.knowledge.lab import Setting

    chosen, reranked = Setting.from_dict(setting), bool(setting.get("rerank"))
    res = lab.result
    trials = tuple(replace(t, current=t.setting == chosen and t.reranked == reranked) for t in res.trials)
    current = next((t for t in trials if t.current), None)
    best = next(
        (
            t
            for t in trials
            if res.best is not None and t.setting == res.best.setting and t.reranked == res.best.reranked
        ),
        None,
    )
    return Lab(replace(res, trials=trials, current=current, best=best), lab.rows, lab.rerank_ok, lab.rerank_why)


def adopt(state, project, setting: dict, flag: StopFlag | None = None) -> Added:
    """Make ``setting`` the project's and index the documents for it (the page's writer runs this)."""
    from desktop_app.core.knowledge.lab import Setting
    from desktop_app.core.knowledge.lab import adopt as adopt_setting

    report = adopt_setting(
        project,
        Setting.from_dict(setting),
        progress=state.progress,
        should_stop=_should_stop(state, flag),
        rerank=True if setting.get("rerank") else None,
    )
    kb = _open(project)
    try:
        return Added(report, _overview(kb), reindex=True)
    finally:
        kb.close()


def rag_runs_before(project) -> list[str]:
    """The runs that retrieved passages, as the window names them: a change of documents makes their
    numbers those of the old documents (a small read of the results store: no model, no scoring)."""
    if project is None or not project.results_db.exists():
        return []
    from desktop_app.core.records import RAG_TECHNIQUES  # noqa: PLC0415
    from desktop_app.core.run.store import ResultStore  # noqa: PLC0415
    from desktop_app.core.variants import run_label  # noqa: PLC0415
    from desktop_app.ui.language import localized  # noqa: PLC0415

    with ResultStore(project.results_db) as store:
        runs = [r for r in store.runs() if RAG_TECHNIQUES & set(r.techniques)]
    return list(dict.fromkeys(localized(run_label(r.name, r.variant)) for r in runs))
