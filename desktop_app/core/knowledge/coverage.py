"""Is a row's answer anywhere in the documents, whatever the search returns for its question?

Retrieval can miss an answer the documents hold (tune retrieval) or miss it because no
document holds it (add documents). Searching with the expected answer itself, by keywords,
finds the passage that states it when one exists; the question's own top-k is not needed.
"""

from __future__ import annotations

from desktop_app.core.knowledge.metrics import RELEVANT, coverage, literal_answer

PROBE_K = 10  # passages read per answer: one that states the answer ranks high on its own words


def answer_in_documents(kb, expected: str) -> bool | None:
    """True when some passage carries the expected answer, False when none does; None for an
    answer no passage can hold literally (yes/no) or an empty one."""
    if not (expected or "").strip() or not literal_answer(expected):
        return None
    return any(coverage(expected, p.text) >= RELEVANT for p in kb.search(expected, k=PROBE_K, mode="bm25"))


def answers_in_documents(project, expected_by_row: dict[str, str], kb=None) -> dict[str, bool]:
    """Row id -> whether the documents hold its expected answer (rows that cannot tell are left out)."""
    own = kb is None
    if own:
        from desktop_app.core.knowledge.index import KnowledgeBase  # chromadb: only when asked

        kb = KnowledgeBase.open(project)
    try:
        if not expected_by_row or kb.store.counts()[1] == 0:  # counts, not stats(): no vector store needed
            return {}
        found = {rid: answer_in_documents(kb, text) for rid, text in expected_by_row.items()}
        return {rid: ok for rid, ok in found.items() if ok is not None}
    finally:
        if own:
            kb.close()
