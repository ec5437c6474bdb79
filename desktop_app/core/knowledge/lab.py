"""The retrieval lab's vocabulary: a setting, the grid of settings a sweep tries, what one
setting measured, the sweep's result, and adopting a setting.

A sweep (sweep.py) measures every setting of the grid by retrieval readiness (recall@k and MRR
over the evaluation rows, no model called) in scratch indexes; ``adopt`` then writes the chosen
setting into the project and indexes the documents again, in one step.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from desktop_app.core.knowledge.config import DEFAULT_EMBEDDING, KnowledgeSettings

SETTING_KEYS = ("chunk_size", "chunk_overlap", "top_k", "fusion_weight", "embedding", "tokenizer")


@dataclass(frozen=True)
class Setting:
    """One point of the grid: the KnowledgeSettings fields retrieval depends on."""

    chunk_size: int
    chunk_overlap: int
    top_k: int
    fusion_weight: float
    embedding: str
    tokenizer: str

    @classmethod
    def of(cls, settings: KnowledgeSettings) -> "Setting":
        # The weight in force, not None: "automatic" is a number the lab can compare.
        return cls(
            settings.chunk_size,
            settings.chunk_overlap,
            settings.top_k,
            round(settings.weight, 2),
            settings.embedding,
            settings.tokenizer,
        )

    @classmethod
    def from_dict(cls, data: dict) -> "Setting":
        return cls(
            int(data["chunk_size"]),
            int(data["chunk_overlap"]),
            int(data["top_k"]),
            round(float(data["fusion_weight"]), 2),
            str(data["embedding"]),
            str(data["tokenizer"]),
        )

    def to_dict(self) -> dict:
        return asdict(self)

    def settings(self, base: KnowledgeSettings | None = None) -> KnowledgeSettings:
        return replace(base or KnowledgeSettings(), **self.to_dict())


@dataclass(frozen=True)
class Grid:
    """The values a sweep combines. Chunkings cost an index build each (re-chunk and embed);
    embeddings an embedding pass per chunking; tokenisations a BM25 build; weights and top-k
    only a re-fusion of the same candidates, so they are nearly free."""

    chunkings: tuple[tuple[int, int], ...] = ((300, 50), (600, 100), (1000, 150), (1500, 250))
    top_ks: tuple[int, ...] = (3, 5, 8)
    weights: tuple[float, ...] = (0.2, 0.4, 0.6, 0.8)
    embeddings: tuple[str, ...] = (DEFAULT_EMBEDDING, "offline:hash")
    tokenizers: tuple[str, ...] = ("bigram", "sudachi")

    def including(self, settings: KnowledgeSettings) -> "Grid":
        """This grid plus the project's own values, so its current setting is measured too."""

        def add(values: tuple, value) -> tuple:
            return values if value in values else (*values, value)

        return Grid(
            chunkings=add(self.chunkings, (settings.chunk_size, settings.chunk_overlap)),
            top_ks=add(self.top_ks, settings.top_k),
            weights=add(self.weights, round(settings.weight, 2)),
            embeddings=add(self.embeddings, settings.embedding),
            tokenizers=add(self.tokenizers, settings.tokenizer),
        )

    def size(self) -> int:
        return len(self.chunkings) * len(self.top_ks) * len(self.weights) * len(self.embeddings) * len(self.tokenizers)


@dataclass(frozen=True)
class Trial:
    """What one setting measured: readiness figures plus its costs."""

    setting: Setting
    evaluated: int
    in_top_k: int
    share: float  # recall@k: rows whose expected answer is in the top-k passages
    mrr: float
    mean_recall: float
    ms_per_question: float  # search time per question (vector + keyword search + fusion)
    chunks: int  # passages in the index: its size
    context_chars: int  # mean characters of the k passages a question gets: the prompt's cost
    hits: frozenset[str] = field(default_factory=frozenset)  # ids of the rows found
    current: bool = False  # the project's own setting
    reranked: bool = False  # the passages were re-ranked by the model's ratings (lab_rerank.py)

    def to_dict(self) -> dict:
        out = asdict(self)
        out["setting"] = self.setting.to_dict()
        out["hits"] = sorted(self.hits)
        return out


def table_order(trial: Trial) -> tuple:
    """Recall first, then MRR, then the quicker, then the smaller index."""
    return (-trial.share, -trial.mrr, trial.ms_per_question, trial.chunks, trial.context_chars)


def changes(setting: Setting, other: Setting) -> int:
    return sum(getattr(setting, k) != getattr(other, k) for k in SETTING_KEYS)


def pick_best(trials, current: Setting | None = None) -> Trial | None:
    """The highest recall (MRR breaks ties); among equals the one that changes the fewest of
    the project's settings, so the lab never proposes a change that measures the same."""
    if not trials:
        return None
    top = max((t.share, t.mrr) for t in trials)
    tied = [t for t in trials if (t.share, t.mrr) == top]
    # Re-ranking costs model calls on every question: it wins only by measuring better.
    return min(tied, key=lambda t: (changes(t.setting, current) if current else 0, t.reranked, table_order(t)))


@dataclass(frozen=True)
class SweepResult:
    trials: tuple[Trial, ...]  # in table order
    best: Trial | None
    current: Trial | None
    unanswerable: tuple[str, ...]  # row ids no setting found: add documents for these
    evaluated: int
    skipped: int  # rows without a question or an expected answer
    cancelled: bool
    seconds: float
    grid_size: int

    @property
    def improves(self) -> bool:
        """The best setting finds more answers than the project's own (or ranks them higher)."""
        return bool(
            self.best and self.current and (self.best.share, self.best.mrr) > (self.current.share, self.current.mrr)
        )

    def to_dict(self) -> dict:
        return {
            "evaluated": self.evaluated,
            "skipped": self.skipped,
            "cancelled": self.cancelled,
            "seconds": round(self.seconds, 2),
            "grid_size": self.grid_size,
            "measured": len(self.trials),
            "improves": self.improves,
            "best": self.best.to_dict() if self.best else None,
            "current": self.current.to_dict() if self.current else None,
            "unanswerable": list(self.unanswerable),
            "trials": [t.to_dict() for t in self.trials],
        }


def adopt(project, setting: Setting, progress=None, should_stop=None, embedder=None, rerank: bool | None = None):
    """Make ``setting`` the project's and index the documents for it (re-chunking, embedding and
    re-tokenising what changed). Returns the IngestReport; if stopped, the settings are already
    saved and the Knowledge page offers to finish the re-index. ``rerank``: the project's
    re-ranking setting too (True for a re-ranked row of the lab; None leaves it as it is)."""
    from desktop_app.core.knowledge.index import KnowledgeBase

    current = KnowledgeSettings.from_section(project.section("knowledge"))
    chosen = setting.settings(current if rerank is None else replace(current, rerank=bool(rerank)))
    chosen.validate()
    project.set_section("knowledge", {**(project.section("knowledge") or {}), **chosen.to_dict()})
    kb = KnowledgeBase.open(project, embedder=embedder)
    try:
        return kb.add_paths([d["source"] for d in kb.documents()], progress=progress, should_stop=should_stop)
    finally:
        kb.close()
