"""Knowledge: the user's documents in an embedded Chroma index plus BM25, hybrid search,
retrieval metrics and retrieval readiness.

Public names are loaded lazily: chromadb and wordllama take about a second to import, and
the GUI imports this package at start-up only to name the types.
"""

from __future__ import annotations

import importlib

# Light (no chromadb), and imported eagerly on purpose: the function shares its name with its
# module, and a lazy export would be shadowed by the module once anything imported
# desktop_app.core.knowledge.readiness directly (the lab does), making
# `from desktop_app.core.knowledge import readiness` hand back the module.
from desktop_app.core.knowledge.readiness import readiness

_EXPORTS = {
    "KnowledgeBase": "desktop_app.core.knowledge.index",
    "rrf_fuse": "desktop_app.core.knowledge.index",
    "MODES": "desktop_app.core.knowledge.index",
    "IngestReport": "desktop_app.core.knowledge.ingest",
    "FileResult": "desktop_app.core.knowledge.ingest",
    "SUPPORTED": "desktop_app.core.knowledge.ingest",
    "KnowledgeSettings": "desktop_app.core.knowledge.config",
    "llm_reranker": "desktop_app.core.knowledge.rerank",
}
__all__ = sorted(_EXPORTS) + ["metrics", "readiness"]


def __getattr__(name: str):
    if name == "metrics":
        return importlib.import_module("desktop_app.core.knowledge.metrics")
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
