"""What the Variants page reads off the GUI thread (TaskRunner functions): the first evaluation
row and the examples pool for the prompt preview, the number of documents for the RAG hint, and
the passages a keyword search finds for that row (no model call). pandas and chromadb load here.
"""

from __future__ import annotations

from desktop_app.core.errors import AppError


def load_context(state, project) -> dict:
    """The first evaluation row and the examples pool (prompt preview), and the document count."""
    from desktop_app.core.data import rows as datasets  # noqa: PLC0415 - pandas: never at page import

    out: dict = {"row": None, "examples": [], "documents": 0, "passages": ()}
    try:
        rows, pool = datasets.load_rows(project)
        out["row"], out["examples"] = (rows[0] if rows else None), pool
    except (AppError, OSError):
        pass  # no data yet: the preview says so
    if state.should_stop():
        return out
    store_file = project.knowledge_dir / "chunks.sqlite"
    if store_file.exists():
        from desktop_app.core.knowledge.chunkstore import ChunkStore  # noqa: PLC0415

        store = ChunkStore(store_file)
        try:
            out["documents"] = store.counts()[0]
        finally:
            store.close()
    if out["documents"] and out["row"] is not None and not state.should_stop():
        out["passages"] = preview_passages(project, out["row"])
    return out


def preview_passages(project, row) -> tuple:
    """The passages a keyword search finds for the preview's row: real text in the prompt preview,
    with no model call (a RAG run's hybrid search may rank them a little differently)."""
    from desktop_app.core.knowledge.index import KnowledgeBase  # noqa: PLC0415 - chromadb: only here

    try:
        kb = KnowledgeBase.open(project)
        try:
            return tuple(kb.search(row.input, mode="bm25"))
        finally:
            kb.close()
    except AppError:
        return ()  # no usable index: the preview shows where passages would go
