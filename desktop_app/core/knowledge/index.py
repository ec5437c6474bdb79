"""KnowledgeBase: documents -> chunks -> Chroma vectors + BM25, and hybrid search.

Layout inside the project's knowledge folder: ``chunks.sqlite`` (documents, chunk text,
tokens: the source of truth), ``chroma/`` (one collection per embedding choice, vectors and
the source only: storing the text there too took 20 of 46 s for 20,000 chunks) and ``bm25/``.
"""

from __future__ import annotations

import threading
from typing import Any, Callable, Sequence

from desktop_app.core.errors import KnowledgeError
from desktop_app.core.knowledge.chunkstore import ChunkStore
from desktop_app.core.knowledge.config import KnowledgeSettings
from desktop_app.core.knowledge.ingest import IngestReport, source_key
from desktop_app.core.knowledge.lexical import LexicalIndex, identifiers
from desktop_app.core.records import Passage
from desktop_app.core.phrases import phrase, translate

MODES = ("hybrid", "vector", "bm25")
RRF_K = 60  # the usual reciprocal-rank constant: damps the difference between ranks 1 and 2
EMBED_BATCH = 256
Rerank = Callable[[str, list[Passage]], list[Passage]]


def rrf_fuse(
    vector_ids: list[str], bm25_ids: list[str], weight: float, exact_ids: Sequence[str] = ()
) -> list[tuple[str, float]]:
    """Weighted reciprocal-rank fusion: ``weight`` on the vector ranking, ``1 - weight`` on BM25,
    and full weight on chunks that contain the query's identifiers verbatim. Without that third
    list a code found only by BM25 loses to chunks both rankings find moderately similar."""
    scores: dict[str, float] = {}
    for ids, w in ((vector_ids, weight), (bm25_ids, 1.0 - weight), (exact_ids, 1.0)):
        for rank, cid in enumerate(ids, 1):
            scores[cid] = scores.get(cid, 0.0) + w / (RRF_K + rank)
    return sorted(scores.items(), key=lambda kv: -kv[1])


def pool_size(want: int) -> int:
    """Candidates taken from each ranking before fusion for ``want`` passages."""
    return max(want * 4, 20)


def fuse(
    vec: list[tuple[str, float]], lex: list[tuple[str, float]], exact: list[str], mode: str, weight: float
) -> list[tuple[str, float]]:
    """The ranking a search returns from its candidates: fused in hybrid mode, else the one list."""
    if mode == "hybrid":
        return rrf_fuse([i for i, _ in vec], [i for i, _ in lex], weight, exact)
    return vec or lex


class KnowledgeBase:
    """One project's documents, searchable by meaning (Chroma), keywords (BM25) or both.
    Writes are serialized by a lock; searches may run beside them from another thread."""

    def __init__(self, project, settings: KnowledgeSettings, embedder=None, rerank: Rerank | None = None):
        self.project = project
        self.settings = settings
        self.folder = project.knowledge_dir
        self._rerank = rerank
        self._lock = threading.RLock()
        self.store = ChunkStore(self.folder / "chunks.sqlite")
        self.lexical = LexicalIndex(self.folder / "bm25", settings.tokenizer)
        from desktop_app.core.knowledge.embeddings import collection_name, make_embedding_function

        self.embedding_function = make_embedding_function(settings.embedding, embedder)
        self.collection_name = collection_name(settings.embedding)
        self._client: Any = None  # chromadb's client, opened with the collection
        self._collection: Any = None  # chromadb's collection, opened on first use

    @classmethod
    def open(cls, project, embedder=None, rerank: Rerank | None = None) -> "KnowledgeBase":
        """Open (creating if needed) the project's index. ``embedder(texts) -> vectors`` serves a
        ``provider:`` embedding; without one it is built from the project's connection."""
        settings = KnowledgeSettings.from_section(project.section("knowledge"))
        if settings.embedding.startswith("provider:") and embedder is None:
            embedder = _connection_embedder(project, settings.embedding.partition(":")[2])
        kb = cls(project, settings, embedder, rerank)
        kb._load_lexical()
        return kb

    # -- storage ---------------------------------------------------------------------------
    @property
    def collection(self):
        if self._collection is None:
            import chromadb
            from chromadb.config import Settings

            try:
                self._client = client = chromadb.PersistentClient(
                    path=str(self.folder / "chroma"), settings=Settings(anonymized_telemetry=False)
                )
                embedding: Any = self.embedding_function  # ours, duck-typed to chromadb's protocol
                self._collection = client.get_or_create_collection(
                    self.collection_name, embedding_function=embedding, configuration={"hnsw": {"space": "cosine"}}
                )
            except Exception as exc:  # noqa: BLE001 - chromadb raises several kinds for a damaged store
                raise KnowledgeError(
                    phrase(
                        translate("KnowledgeErrors", "The vector index in {folder} cannot be opened ({problem})."),
                        folder=self.folder,
                        problem=exc,
                    ),
                    translate(
                        "KnowledgeErrors", "Delete the project's knowledge/chroma folder and add the documents again."
                    ),
                ) from exc
        return self._collection

    def _load_lexical(self) -> None:
        gen = self.store.generation()
        if not (self.lexical.load() and self.lexical.generation == gen):
            self._rebuild_lexical()

    def _rebuild_lexical(self) -> None:
        ids, toks = self.store.all_tokens()
        self.lexical.build(ids, toks, self.store.generation())
        self.lexical.save()

    def _embed(self, texts: list[str], should_stop=None) -> list | None:
        vectors: list = []
        for start in range(0, len(texts), EMBED_BATCH):
            if should_stop is not None and should_stop():
                return None
            vectors.extend(self.embedding_function(texts[start : start + EMBED_BATCH]))
        return vectors

    def _delete_vectors(self, sources: list[str]) -> None:
        """Drop files' vectors from every collection, so switching embedding back never finds
        vectors of an older version of a file under the same chunk ids."""
        where = {"source": {"$in": list(sources)}}
        self.collection.delete(where=where)
        client = self._client
        assert client is not None  # the collection above opened it
        for col in client.list_collections():
            if col.name != self.collection_name:
                col.delete(where=where)

    def _put_vectors(self, ids: list[str], sources: list[str], vectors: list) -> None:
        col = self.collection
        step = 4000  # below Chroma's max batch size
        for start in range(0, len(ids), step):
            col.upsert(
                ids=ids[start : start + step],
                embeddings=vectors[start : start + step],
                metadatas=[{"source": s} for s in sources[start : start + step]],
            )

    # -- public API ------------------------------------------------------------------------
    def add_paths(self, paths, progress=None, should_stop=None) -> IngestReport:
        """Read, chunk, embed and index files and folders; one bad file never stops the others.
        ``progress`` gets dicts (stage, done, total, source, status); ``should_stop()`` cancels
        between files, keeping the files already done."""
        from desktop_app.core.knowledge import indexing

        with self._lock:
            return indexing.add_paths(self, paths, progress, should_stop)

    def reindex(self, progress=None, should_stop=None) -> bool:
        """Bring the vectors and BM25 up to date with the stored chunks; False if stopped."""
        with self._lock:
            from desktop_app.core.knowledge.indexing import backfill

            done = backfill(self, progress, should_stop)
            self._rebuild_lexical()
            return done

    def search(self, query: str, k: int | None = None, mode: str = "hybrid") -> list[Passage]:
        """The ``k`` best passages for ``query`` (default: the top_k setting)."""
        if mode not in MODES:
            raise KnowledgeError(f"Unknown search mode {mode!r}.", f"Use one of: {', '.join(MODES)}.")
        if not (query or "").strip():
            raise KnowledgeError(
                translate("KnowledgeErrors", "The search text is empty."),
                translate("KnowledgeErrors", "Type a question or some keywords."),
            )
        k = self.settings.top_k if k is None else int(k)
        if k < 1:
            raise KnowledgeError(f"k must be at least 1 (got {k}).", "Ask for 1 or more passages.")
        want = k * 2 if (self._rerank and self.settings.rerank) else k
        vec, lex, exact = self.candidates(query, pool_size(want), mode)
        ranked = fuse(vec, lex, exact, mode, self.settings.weight)
        ranked = ranked[: want * 2]  # spare ones cover stray vectors missing from the store
        found = self.store.chunks_by_id([i for i, _ in ranked])
        passages = [
            Passage(
                text=found[i][3],
                source=found[i][0],
                page=found[i][1],
                position=found[i][2],
                score=round(s, 6),
                chunk_id=i,
            )
            for i, s in ranked
            if i in found
        ][:want]
        if self._rerank is not None and self.settings.rerank and passages:
            passages = list(self._rerank(query, passages))
        return passages[:k]

    def candidates(
        self, query: str, pool: int, mode: str = "hybrid"
    ) -> tuple[list[tuple[str, float]], list[tuple[str, float]], list[str]]:
        """(vector ranking, BM25 ranking, chunks holding the query's identifiers), ``pool`` deep
        each: what ``fuse`` turns into the result list. The retrieval lab calls it once per
        question and fuses at many weights."""
        vec = self._vector_search(query, pool) if mode in ("hybrid", "vector") else []
        lex = self.lexical.search(query, pool) if mode in ("hybrid", "bm25") else []
        exact = self._exact_matches(query, [i for i, _ in lex]) if mode == "hybrid" else []
        return vec, lex, exact

    def _exact_matches(self, query: str, ids: list[str]) -> list[str]:
        """Of ``ids`` (BM25 order), those containing every identifier in the query
        ("KX-7731", "kx7731" and "ＫＸ－７７３１" are one identifier)."""
        codes = set(identifiers(query))
        if not codes or not ids:
            return []
        found = self.store.chunks_by_id(ids)
        return [i for i in ids if i in found and codes <= set(identifiers(found[i][3]))]

    def _vector_search(self, query: str, n: int) -> list[tuple[str, float]]:
        col = self.collection
        count = col.count()
        if not count:
            return []
        vector = self.embedding_function.embed_query([query])
        res = col.query(query_embeddings=vector, n_results=min(n, count), include=["distances"])
        return [(i, 1.0 - float(d)) for i, d in zip(res["ids"][0], res["distances"][0])]

    def remove(self, source: str) -> int:
        """Forget a file; returns how many chunks went. Unknown source -> KnowledgeError."""
        with self._lock:
            key = source if self.store.document(source) else source_key(source)
            n = self.store.remove_document(key)
            if n < 0:
                raise KnowledgeError(
                    phrase(translate("KnowledgeErrors", "{source} is not in the knowledge base."), source=source),
                    translate("KnowledgeErrors", "Check the file name against the list of documents."),
                )
            self._delete_vectors([key])
            self._rebuild_lexical()
            return n

    def documents(self) -> list[dict]:
        return self.store.documents()

    def stats(self) -> dict:
        docs, chunks = self.store.counts()
        embedded = self.collection.count() if chunks else 0
        return {
            "documents": docs,
            "chunks": chunks,
            "embedding": self.settings.embedding,
            "embedded": embedded,
            "collection": self.collection_name,
            "fusion_weight": self.settings.weight,
            "signature": self.settings.chunking_signature(),
            **{k: getattr(self.settings, k) for k in ("chunk_size", "chunk_overlap", "top_k", "rerank", "tokenizer")},
        }

    def close(self) -> None:
        self.store.close()


def _connection_embedder(project, model: str):
    """The project's connection's embedding model (providers.py, openai SDK), made on first use
    so opening the index for stats or BM25 needs no key."""
    from desktop_app.core.providers import client as providers

    cfg = providers.ConnectionConfig.from_dict(project.section("connection") or {})
    cfg = cfg.replace(embedding_model=model)
    made: list = []

    def embed(texts: list[str]) -> list[list[float]]:
        if not made:
            made.append(providers.make_embedder(cfg))
        return made[0](texts)

    return embed
