"""Retrieval readiness: before any model call, can the documents answer the evaluation set?

For each evaluation row, search with its input and check whether the expected answer is in
the top-k passages. The share of rows that pass tells a user whether RAG can work at all and
feeds the advisor (improve_retrieval vs rag).
"""

from __future__ import annotations

from desktop_app.core.errors import KnowledgeError
from desktop_app.core.knowledge.coverage import answer_in_documents
from desktop_app.core.knowledge.metrics import RELEVANT, THRESHOLDS, context_recall, coverage, literal_answer
from desktop_app.core.phrases import translate


def _evaluation_rows(project):
    from desktop_app.core.data.rows import load_rows  # the datasets module owns rows.jsonl

    rows, _examples = load_rows(project)
    return rows


def usable_rows(rows) -> list:
    """Rows readiness can measure: a question and an expected answer a passage can state literally
    (a yes/no is never written in a passage: looking for it would call every such row a miss)."""
    return [r for r in rows if (r.expected or "").strip() and (r.input or "").strip() and literal_answer(r.expected)]


def judge_row(expected: str, passages) -> tuple[bool, int | None, float]:
    """(answer in the passages, 1-based rank of the first passage carrying it, recall): the one
    definition of a hit, shared by readiness and the retrieval lab."""
    recall = context_recall(expected, passages)
    rank = next((n for n, p in enumerate(passages, 1) if coverage(expected, p.text) >= RELEVANT), None)
    return recall >= THRESHOLDS["context_recall"], rank, recall


def readiness(
    project, k: int | None = None, progress=None, should_stop=None, *, rows=None, kb=None, mode: str = "hybrid"
) -> dict:
    """Per row: ``in_top_k`` (the expected answer is in the top-k passages), ``rank`` (1-based rank
    of the first passage carrying it, or None), ``in_documents`` (some passage holds it, in the
    top k or not) and ``recall``; overall: ``share`` of rows in the top k, ``mean_recall``,
    ``mrr`` and ``not_in_documents``. Rows without an expected answer are left out, and so are
    yes/no answers no passage states literally (``not_literal`` counts them)."""
    own = kb is None
    if own:
        from desktop_app.core.knowledge.index import KnowledgeBase

        kb = KnowledgeBase.open(project)
    try:
        if kb.stats()["chunks"] == 0:
            raise KnowledgeError(
                translate(
                    "KnowledgeErrors", "The knowledge base has no documents yet, so retrieval cannot be measured."
                ),
                translate("KnowledgeErrors", "Add documents on the Knowledge page (or with knowledge-add) first."),
            )
        rows = list(_evaluation_rows(project) if rows is None else rows)
        k = int(k or kb.settings.top_k)
        answered = [r for r in rows if (r.expected or "").strip() and (r.input or "").strip()]
        usable = usable_rows(rows)
        if answered and not usable:
            raise KnowledgeError(
                translate(
                    "KnowledgeErrors",
                    "Every expected answer is a yes/no (or true/false), which "
                    "no document states word for word, so retrieval cannot be "
                    "measured by looking for it.",
                ),
                translate(
                    "KnowledgeErrors",
                    "Add rows whose expected answer is a fact the documents "
                    "hold, or judge retrieval from a RAG run's answers.",
                ),
            )
        if not usable:
            raise KnowledgeError(
                translate("KnowledgeErrors", "No evaluation row has both an input and an expected answer."),
                translate("KnowledgeErrors", "Import an evaluation set and map its expected-answer column."),
            )
        per_row, cancelled = [], False
        for i, row in enumerate(usable):
            if should_stop is not None and should_stop():
                cancelled = True
                break
            passages = kb.search(row.input, k=k, mode=mode)
            hit, rank, recall = judge_row(row.expected, passages)
            per_row.append(
                {
                    "id": row.id,
                    "in_top_k": hit,
                    "rank": rank,
                    "in_documents": True if hit else bool(answer_in_documents(kb, row.expected)),
                    "recall": round(recall, 4),
                    "sources": [{"source": p.source, "page": p.page, "chunk_id": p.chunk_id} for p in passages],
                }
            )
            if progress is not None:
                progress({"stage": "readiness", "done": i + 1, "total": len(usable)})
        n = len(per_row)
        hits = sum(1 for r in per_row if r["in_top_k"])
        return {
            "k": k,
            "mode": mode,
            "embedding": kb.settings.embedding,
            "rows": len(rows),
            "evaluated": n,
            "skipped": len(rows) - len(usable),
            "not_literal": len(answered) - len(usable),
            "cancelled": cancelled,
            "in_top_k": hits,
            "share": round(hits / n, 4) if n else 0.0,
            "mean_recall": round(sum(r["recall"] for r in per_row) / n, 4) if n else 0.0,
            "mrr": round(sum(1 / r["rank"] for r in per_row if r["rank"]) / n, 4) if n else 0.0,
            "not_in_documents": sum(1 for r in per_row if not r["in_documents"]),
            "per_row": per_row,
        }
    finally:
        if own:
            kb.close()
