"""Embedding functions registered with chromadb, so a collection never falls back to
chromadb's default (which downloads an ONNX model and fails offline).

Importing this module imports chromadb (slow): only index.py imports it, when a knowledge
base is opened. Each class has a ``name``/``get_config``/``build_from_config`` so Chroma can
check that the collection on disk was built with the same embedding.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import zlib
from pathlib import Path
from typing import Callable

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

from desktop_app.core.errors import KnowledgeError
from desktop_app.core.phrases import phrase, translate
from desktop_app.core.text import tokens

Embedder = Callable[[list[str]], list[list[float]]]

_WL_LOCK = threading.Lock()
_WL_MODEL = None


def _wordllama():
    """The bundled WordLlama model, loaded once per process (weights ship inside the wheel)."""
    global _WL_MODEL
    with _WL_LOCK:
        if _WL_MODEL is None:
            # wordllama calls logging.basicConfig(level=INFO) when imported: in a process that
            # has not configured logging (the CLI) that would print every HTTP request URL of
            # the run to stderr. The app's logging is the app's: put it back as it was.
            root = logging.getLogger()
            handlers, level = list(root.handlers), root.level
            try:
                import wordllama
                from wordllama import WordLlama
            finally:
                for handler in [h for h in root.handlers if h not in handlers]:
                    root.removeHandler(handler)
                root.setLevel(level)
            # load() without cache_dir looks for the tokenizer config elsewhere and tries the hub.
            _WL_MODEL = WordLlama.load(cache_dir=Path(wordllama.__file__).parent)
        return _WL_MODEL


def _unit(rows: np.ndarray) -> list[np.ndarray]:
    rows = np.asarray(rows, dtype=np.float32)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return list(rows / norms)


class _Base(EmbeddingFunction[Documents]):
    def default_space(self):
        return "cosine"

    def supported_spaces(self):
        return ["cosine"]

    def is_legacy(self) -> bool:
        return False


@register_embedding_function
class WordLlamaEmbedding(_Base):
    """WordLlama l2_supercat, 256 dimensions: fast static token embeddings, weak on Japanese."""

    def __init__(self, dim: int = 256):
        self.dim = int(dim)

    def __call__(self, input: Documents) -> Embeddings:
        if not input:
            return []
        return _unit(_wordllama().embed(list(input), batch_size=256)[:, : self.dim])

    @staticmethod
    def name() -> str:
        return "llm_path_advisor_wordllama"

    def get_config(self) -> dict:
        return {"dim": self.dim}

    @staticmethod
    def build_from_config(config: dict) -> "WordLlamaEmbedding":
        return WordLlamaEmbedding(dim=int(config.get("dim", 256)))


@register_embedding_function
class HashingEmbedding(_Base):
    """Feature-hashed words and CJK bigrams (no weights at all): a lexical baseline for the benchmark."""

    def __init__(self, dim: int = 512):
        self.dim = int(dim)

    def __call__(self, input: Documents) -> Embeddings:
        out = np.zeros((len(input), self.dim), dtype=np.float32)
        for row, text in enumerate(input):
            for tok in tokens(text, cjk="bigram"):
                h = zlib.crc32(tok.encode("utf-8"))
                out[row, h % self.dim] += 1.0 if (h >> 31) else -1.0
        return _unit(np.sign(out) * np.sqrt(np.abs(out)))

    @staticmethod
    def name() -> str:
        return "llm_path_advisor_hashing"

    def get_config(self) -> dict:
        return {"dim": self.dim}

    @staticmethod
    def build_from_config(config: dict) -> "HashingEmbedding":
        return HashingEmbedding(dim=int(config.get("dim", 512)))


@register_embedding_function
class ProviderEmbedding(_Base):
    """A connection's embedding model (through the openai SDK), or any injected callable."""

    def __init__(self, model: str, embedder: Embedder | None = None):
        self.model = model
        self._embedder = embedder

    def __call__(self, input: Documents) -> Embeddings:
        if self._embedder is None:
            raise KnowledgeError(
                phrase(
                    translate("KnowledgeErrors", "The embedding model “{model}” needs a connection."), model=self.model
                ),
                translate("KnowledgeErrors", "Set up a connection, or switch the knowledge embedding to offline."),
            )
        if not input:
            return []
        vectors = self._embedder(list(input))
        if len(vectors) != len(input):
            raise KnowledgeError(
                translate(
                    "KnowledgeErrors", "The embedding server returned a different number of vectors than texts sent."
                ),
                translate("KnowledgeErrors", "Check the embedding model name in the connection settings."),
            )
        return _unit(np.asarray(vectors, dtype=np.float32))

    @staticmethod
    def name() -> str:
        return "llm_path_advisor_provider"

    def get_config(self) -> dict:
        return {"model": self.model}

    @staticmethod
    def build_from_config(config: dict) -> "ProviderEmbedding":
        return ProviderEmbedding(model=str(config.get("model", "")))


OFFLINE = {"wordllama": WordLlamaEmbedding, "hash": HashingEmbedding}


def collection_name(embedding: str) -> str:
    """One Chroma collection per embedding choice; Chroma allows [a-zA-Z0-9._-], 3..512 chars."""
    slug = re.sub(r"[^a-zA-Z0-9._-]+", "-", embedding.replace(":", "_")).strip("-._")[:60]
    digest = hashlib.sha1(embedding.encode("utf-8")).hexdigest()[:8]
    return f"chunks_{slug}_{digest}"


def make_embedding_function(embedding: str, embedder: Embedder | None = None) -> _Base:
    kind, _, name = embedding.partition(":")
    if kind == "offline":
        cls = OFFLINE.get(name)
        if cls is None:
            raise KnowledgeError(
                phrase(translate("KnowledgeErrors", "Unknown offline embedding “{name}”."), name=name),
                phrase(
                    translate("KnowledgeErrors", "Use one of: {choices}."),
                    choices=", ".join("offline:" + n for n in OFFLINE),
                ),
            )
        return cls()
    if kind == "provider":
        return ProviderEmbedding(model=name, embedder=embedder)
    raise KnowledgeError(
        phrase(translate("KnowledgeErrors", "Unknown embedding choice “{choice}”."), choice=embedding),
        translate("KnowledgeErrors", "Use 'offline:wordllama' or 'provider:<embedding model>'."),
    )
