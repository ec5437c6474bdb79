"""The project's `knowledge` section: chunking, retrieval and embedding settings, validated."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from desktop_app.core.errors import KnowledgeError
from desktop_app.core.phrases import phrase, translate

DEFAULT_EMBEDDING = "offline:wordllama"  # chosen by bench/knowledge.py; see bench/README.md
# Best fusion weights measured in bench/knowledge.py: the weak offline embedding needs BM25 to
# lead; a strong embedding model (multilingual-e5-small as a stand-in for a provider's) should.
AUTO_FUSION_WEIGHT = {"offline": 0.4, "provider": 0.8}
TOKENIZERS = ("bigram", "sudachi")


@dataclass(frozen=True)
class KnowledgeSettings:
    chunk_size: int = 600  # characters, so Japanese without spaces is chunked the same way
    chunk_overlap: int = 100
    top_k: int = 5
    fusion_weight: float | None = None  # weight of the vector ranking (1 - it for BM25); None: by embedding
    embedding: str = DEFAULT_EMBEDDING
    rerank: bool = False
    tokenizer: str = "bigram"  # BM25 words of Japanese text: "bigram" (character pairs) or "sudachi"

    @classmethod
    def from_section(cls, section: dict | None) -> "KnowledgeSettings":
        data = {k: v for k, v in (section or {}).items() if k in cls.__dataclass_fields__}
        try:
            s = cls(**data)
            s = cls(
                chunk_size=int(s.chunk_size),
                chunk_overlap=int(s.chunk_overlap),
                top_k=int(s.top_k),
                fusion_weight=None if s.fusion_weight is None else float(s.fusion_weight),
                embedding=str(s.embedding or DEFAULT_EMBEDDING),
                rerank=bool(s.rerank),
                tokenizer=str(s.tokenizer or "bigram"),
            )
        except (TypeError, ValueError) as exc:
            raise KnowledgeError(
                f"The knowledge settings in project.json are not numbers where they should be ({exc}).",
                "Reset the knowledge settings to their defaults.",
            ) from exc
        s.validate()
        return s

    def validate(self) -> None:
        if not 50 <= self.chunk_size <= 20000:
            raise KnowledgeError(
                phrase(translate("KnowledgeErrors", "Chunk size {value} is out of range."), value=self.chunk_size),
                translate("KnowledgeErrors", "Use between 50 and 20000 characters."),
            )
        if not 0 <= self.chunk_overlap < self.chunk_size // 2 + 1:
            raise KnowledgeError(
                phrase(
                    translate("KnowledgeErrors", "Chunk overlap {value} is out of range."), value=self.chunk_overlap
                ),
                translate("KnowledgeErrors", "Use at least 0 and at most half the chunk size."),
            )
        if not 1 <= self.top_k <= 100:
            raise KnowledgeError(
                phrase(translate("KnowledgeErrors", "top-k {value} is out of range."), value=self.top_k),
                translate("KnowledgeErrors", "Use between 1 and 100 passages."),
            )
        if self.fusion_weight is not None and not 0.0 <= self.fusion_weight <= 1.0:
            raise KnowledgeError(
                phrase(
                    translate("KnowledgeErrors", "Fusion weight {value} is out of range."), value=self.fusion_weight
                ),
                translate("KnowledgeErrors", "Use 0 (keywords only) to 1 (meaning only); 0.5 weighs both equally."),
            )
        if self.tokenizer not in TOKENIZERS:
            raise KnowledgeError(
                f"Unknown keyword tokenisation {self.tokenizer!r}.",
                "Use 'bigram' (character pairs) or 'sudachi' (Japanese words).",
            )
        kind, _, name = self.embedding.partition(":")
        if kind not in ("offline", "provider") or not name.strip():
            raise KnowledgeError(
                f"Unknown embedding choice {self.embedding!r}.",
                "Use 'offline:wordllama' or 'provider:<embedding model>'.",
            )

    @property
    def weight(self) -> float:
        """The fusion weight in force: the user's, else the measured best for the embedding kind."""
        if self.fusion_weight is not None:
            return self.fusion_weight
        return AUTO_FUSION_WEIGHT.get(self.embedding.partition(":")[0], 0.5)

    def chunking_signature(self) -> str:
        """Changing these re-chunks a file even when its content did not change. The tokenisation
        is part of it (BM25 words are stored with the chunks); bigram adds nothing, so indexes
        made before it existed stay current."""
        base = f"{self.chunk_size}/{self.chunk_overlap}"
        return base if self.tokenizer == "bigram" else f"{base}/{self.tokenizer}"

    def to_dict(self) -> dict:
        return asdict(self)
