"""The retrieval lab's sweep: measure every setting of a Grid by retrieval readiness.

Each chunking is built once in a scratch index (a temporary folder, never the project's): the
documents are read again from their files, chunked, embedded with every embedding of the grid
and tokenised for every BM25 tokenisation. Each question is then searched once per embedding
and tokenisation, ``pool_size(max k)`` deep, and the candidates are fused at every weight and
top-k the way ``KnowledgeBase.search`` fuses them, so a grid of hundreds of settings costs a few
index builds and a few searches per question, not hundreds of indexes.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from desktop_app.core.errors import KnowledgeError
from desktop_app.core.knowledge.config import KnowledgeSettings
from desktop_app.core.knowledge.lab import Grid, Setting, SweepResult, Trial, pick_best, table_order
from desktop_app.core.knowledge.readiness import _evaluation_rows, judge_row, usable_rows
from desktop_app.core.records import Passage
from desktop_app.core.text import is_cjk, tokens


@dataclass(frozen=True)
class _Scratch:
    """What KnowledgeBase needs of a project: where its knowledge folder is."""

    knowledge_dir: Path


class _Stopped(Exception):
    pass


def _sources(project) -> list[str]:
    from desktop_app.core.knowledge.chunkstore import ChunkStore

    store = ChunkStore(project.knowledge_dir / "chunks.sqlite")
    try:
        sources = [d["source"] for d in store.documents()]
    finally:
        store.close()
    if not sources:
        raise KnowledgeError(
            "The knowledge base has no documents yet, so there is nothing to try settings on.",
            "Add documents on the Knowledge page (or with knowledge-add) first.",
        )
    gone = [s for s in sources if not Path(s).is_file()]
    if gone:
        raise KnowledgeError(
            f"{len(gone)} of the indexed documents are no longer where they were added from "
            f"(first: {gone[0]}); the lab reads the documents again to split them differently.",
            "Add the moved files again from their new place, or remove them from the index.",
        )
    return sources


def sweep(
    project, grid: Grid | None = None, progress=None, should_stop=None, *, rows=None, embedder=None
) -> SweepResult:
    """Measure every setting of ``grid`` (plus the project's own) on the evaluation rows.
    ``progress`` gets {"stage": "lab", "done", "total"}; ``should_stop()`` ends the sweep between
    questions with the chunkings already measured."""
    started = time.perf_counter()
    current = KnowledgeSettings.from_section(project.section("knowledge"))
    grid = (grid or Grid()).including(current)
    sources = _sources(project)
    all_rows = list(_evaluation_rows(project) if rows is None else rows)
    usable = usable_rows(all_rows)
    if not usable:
        raise KnowledgeError(
            "No evaluation row has both an input and an expected answer.",
            "Import an evaluation set and map its expected-answer column.",
        )
    if embedder is None and any(e.startswith("provider:") for e in grid.embeddings):
        from desktop_app.core.knowledge.index import _connection_embedder

        model = next(e for e in grid.embeddings if e.startswith("provider:")).partition(":")[2]
        embedder = _connection_embedder(project, model)
    stop = should_stop or (lambda: False)
    # A step per document read (building a chunking's index is most of the time on a large
    # corpus) and per question searched.
    total = len(grid.chunkings) * (len(sources) + len(usable))
    done = [0]

    def step() -> None:
        done[0] += 1
        if progress is not None:
            progress({"stage": "lab", "done": min(done[0], total), "total": total})

    trials: list[Trial] = []
    cancelled = False
    scratch = Path(tempfile.mkdtemp(prefix="llm-path-advisor-lab-"))
    try:
        for n, (size, overlap) in enumerate(grid.chunkings):
            try:
                trials += _measure_chunking(
                    scratch / f"c{n}", size, overlap, grid, current, sources, usable, embedder, stop, step
                )
            except _Stopped:
                cancelled = True
                break
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    trials.sort(key=table_order)
    found = set().union(*(t.hits for t in trials)) if trials else set()
    return SweepResult(
        trials=tuple(trials),
        best=pick_best(trials, Setting.of(current)),
        current=next((t for t in trials if t.current), None),
        unanswerable=tuple(r.id for r in usable if r.id not in found),
        evaluated=len(usable),
        skipped=len(all_rows) - len(usable),
        cancelled=cancelled,
        seconds=time.perf_counter() - started,
        grid_size=grid.size(),
    )


def _measure_chunking(
    folder: Path,
    size: int,
    overlap: int,
    grid: Grid,
    current: KnowledgeSettings,
    sources: list[str],
    rows,
    embedder,
    stop,
    step,
) -> list[Trial]:
    from desktop_app.core.knowledge.index import KnowledgeBase
    from desktop_app.core.knowledge.lexical import LexicalIndex, tokenize

    base = replace(
        current, chunk_size=size, chunk_overlap=overlap, embedding=grid.embeddings[0], tokenizer="bigram", rerank=False
    )
    kbs = [KnowledgeBase(_Scratch(folder), base, embedder)]
    try:
        report = kbs[0].add_paths(
            sources, should_stop=stop, progress=lambda e: step() if e.get("stage") == "read" and "status" in e else None
        )
        if report.cancelled:
            raise _Stopped
        for embedding in grid.embeddings[1:]:  # the same chunks, another collection of vectors
            kbs.append(KnowledgeBase(_Scratch(folder), replace(base, embedding=embedding), embedder))
            if not kbs[-1].reindex(should_stop=stop):
                raise _Stopped
        ids, _toks = kbs[0].store.all_tokens()
        found = kbs[0].store.chunks_by_id(ids)
        texts = {i: found[i][3] for i in ids if i in found}
        japanese = any(is_cjk(t) for text in texts.values() for t in tokens(text, cjk="run"))
        # Japanese words change nothing in a corpus without Japanese: measured once, as bigrams.
        tokenizers = [t for t in grid.tokenizers if japanese or t == "bigram"]
        lexicals = {}
        for tok in tokenizers:
            lexicals[tok] = LexicalIndex(folder / f"bm25-{tok}", tok)
            lexicals[tok].build(ids, [tokenize(texts[i], tok) for i in ids], 0)
        pool = max(max(grid.top_ks) * 4, 20)
        vec: dict[str, list] = {e: [] for e in grid.embeddings}
        lex: dict[str, list] = {t: [] for t in tokenizers}
        seconds = {key: 0.0 for key in (*grid.embeddings, *tokenizers)}
        for row in rows:
            if stop():
                raise _Stopped
            for embedding, kb in zip(grid.embeddings, kbs):
                t0 = time.perf_counter()
                vec[embedding].append(kb._vector_search(row.input, pool))
                seconds[embedding] += time.perf_counter() - t0
            for tok, index in lexicals.items():
                t0 = time.perf_counter()
                ranked = index.search(row.input, pool)
                exact = kbs[0]._exact_matches(row.input, [i for i, _ in ranked])
                lex[tok].append((ranked, exact))
                seconds[tok] += time.perf_counter() - t0
            step()
        judge = _Judge(rows, texts)
        out = []
        for embedding in grid.embeddings:
            for tok in tokenizers:
                for weight in grid.weights:
                    for k in grid.top_ks:
                        setting = Setting(size, overlap, k, weight, embedding, tok)
                        out.append(
                            judge.trial(
                                setting,
                                vec[embedding],
                                lex[tok],
                                (seconds[embedding] + seconds[tok]) / max(1, len(rows)),
                                setting == Setting.of(current),
                            )
                        )
        return out
    finally:
        for kb in kbs:
            _release(kb)


def _release(kb) -> None:
    """Close a scratch index and its Chroma client: Chroma keeps a system per folder for the life
    of the process unless its clients are closed, and Windows cannot delete open files."""
    kb.close()
    close = getattr(kb._client, "close", None)  # chromadb >= 1.1
    if close is not None:
        try:
            close()
        except Exception:  # noqa: BLE001 - the scratch folder is deleted next either way
            pass


class _Judge:
    """Fuses one setting's candidates per row and scores the result as readiness does; the
    verdict for a row and a list of passages is kept, as many settings retrieve the same ones."""

    def __init__(self, rows, texts: dict[str, str]):
        self.rows = rows
        self.texts = texts
        self._seen: dict[tuple, tuple[bool, int | None, float]] = {}

    def _verdict(self, n: int, ids: tuple[str, ...]) -> tuple[bool, int | None, float]:
        key = (n, ids)
        if key not in self._seen:
            passages = [Passage(text=self.texts[i], source="", chunk_id=i) for i in ids]
            self._seen[key] = judge_row(self.rows[n].expected, passages)
        return self._seen[key]

    def trial(self, setting: Setting, vec_rows, lex_rows, search_s: float, current: bool) -> Trial:
        from desktop_app.core.knowledge.index import fuse, pool_size

        k, pool = setting.top_k, pool_size(setting.top_k)
        hits, mrr, recall, chars, fuse_s = set(), 0.0, 0.0, 0, 0.0
        for n, row in enumerate(self.rows):
            t0 = time.perf_counter()
            lexical, exact = lex_rows[n]
            lexical = lexical[:pool]
            kept = {i for i, _ in lexical}
            ranked = fuse(vec_rows[n][:pool], lexical, [i for i in exact if i in kept], "hybrid", setting.fusion_weight)
            ids = tuple([i for i, _ in ranked[: k * 2] if i in self.texts][:k])
            fuse_s += time.perf_counter() - t0
            hit, rank, rec = self._verdict(n, ids)
            if hit:
                hits.add(row.id)
            mrr += 1 / rank if rank else 0.0
            recall += rec
            chars += sum(len(self.texts[i]) for i in ids)
        n = max(1, len(self.rows))
        return Trial(
            setting=setting,
            evaluated=len(self.rows),
            in_top_k=len(hits),
            share=round(len(hits) / n, 4),
            mrr=round(mrr / n, 4),
            mean_recall=round(recall / n, 4),
            ms_per_question=round((search_s + fuse_s / n) * 1000, 2),
            chunks=len(self.texts),
            context_chars=int(chars / n),
            hits=frozenset(hits),
            current=current,
        )
