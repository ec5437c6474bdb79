"""The Lab tab's table of settings tried: one column per figure (recall, MRR, search time, index
size, characters per question) and per setting (chunking, top-k, meaning weight, keywords,
embedding). Headers are short so the table fits a 1024-pixel window; each explains itself on
hover. Words are in the Lab tab's translation context ("LabPanel").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.ui.knowledge.records_model import Column


def note(trial) -> str:
    parts = ([QCoreApplication.translate("LabPanel", "now")] if trial.current else []) + (
        [QCoreApplication.translate("LabPanel", "re-ranked")] if trial.reranked else []
    )
    return ", ".join(parts)


def tokenizer_short(tokenizer: str) -> str:
    return (
        QCoreApplication.translate("LabPanel", "Japanese", "keywords: Japanese words")
        if tokenizer == "sudachi"
        else QCoreApplication.translate("LabPanel", "pairs", "keywords: character pairs")
    )


def tokenizer_text(tokenizer: str) -> str:
    return (
        QCoreApplication.translate("LabPanel", "Japanese words")
        if tokenizer == "sudachi"
        else QCoreApplication.translate("LabPanel", "character pairs")
    )


def embedding_text(embedding: str) -> str:
    kind, _, name = embedding.partition(":")
    if kind == "offline":
        return (
            QCoreApplication.translate("LabPanel", "built-in")
            if name == "wordllama"
            else QCoreApplication.translate("LabPanel", "word hashing")
        )
    return name


def trial_columns() -> list[Column]:
    """The columns of the settings table, best first by the core's order until a header is clicked."""
    return [
        Column(
            lambda: QCoreApplication.translate("LabPanel", "Note"),
            note,
            sort=lambda t: (t.current, t.reranked),
            header_tip=lambda: QCoreApplication.translate(
                "LabPanel", "now: the project's setting; re-ranked: passages ordered by the model's ratings"
            ),
        ),
        Column(
            lambda: QCoreApplication.translate("LabPanel", "Recall"),
            lambda t: f"{t.share:.0%}",
            align_right=True,
            sort=lambda t: t.share,
            header_tip=lambda: QCoreApplication.translate(
                "LabPanel", "Questions whose answer is in the passages given"
            ),
        ),
        Column(
            lambda: QCoreApplication.translate("LabPanel", "MRR"),
            lambda t: f"{t.mrr:.2f}",
            align_right=True,
            sort=lambda t: t.mrr,
            header_tip=lambda: QCoreApplication.translate("LabPanel", "How high the answer ranks (1 = always first)"),
        ),
        Column(
            lambda: QCoreApplication.translate("LabPanel", "ms/q"),
            lambda t: f"{t.ms_per_question:.1f}",
            align_right=True,
            sort=lambda t: t.ms_per_question,
            header_tip=lambda: QCoreApplication.translate("LabPanel", "Milliseconds of search per question"),
        ),
        Column(
            lambda: QCoreApplication.translate("LabPanel", "Chunks"),
            lambda t: t.chunks,
            align_right=True,
            sort=lambda t: t.chunks,
            header_tip=lambda: QCoreApplication.translate("LabPanel", "Passages in the index: its size"),
        ),
        Column(
            lambda: QCoreApplication.translate("LabPanel", "Chars"),
            lambda t: f"{t.context_chars:,}",
            align_right=True,
            sort=lambda t: t.context_chars,
            header_tip=lambda: QCoreApplication.translate(
                "LabPanel", "Characters of passages a question gets: what a prompt pays for"
            ),
        ),
        Column(
            lambda: QCoreApplication.translate("LabPanel", "Size"),
            lambda t: f"{t.setting.chunk_size}/{t.setting.chunk_overlap}",
            sort=lambda t: (t.setting.chunk_size, t.setting.chunk_overlap),
            header_tip=lambda: QCoreApplication.translate("LabPanel", "Chunk size / overlap, in characters"),
        ),
        Column(
            lambda: QCoreApplication.translate("LabPanel", "k"),
            lambda t: t.setting.top_k,
            align_right=True,
            sort=lambda t: t.setting.top_k,
            header_tip=lambda: QCoreApplication.translate("LabPanel", "Passages per question (top k)"),
        ),
        Column(
            lambda: QCoreApplication.translate("LabPanel", "Meaning"),
            lambda t: f"{t.setting.fusion_weight:.1f}",
            align_right=True,
            sort=lambda t: t.setting.fusion_weight,
            header_tip=lambda: QCoreApplication.translate(
                "LabPanel", "Weight of meaning against keywords (0 = keywords only)"
            ),
        ),
        Column(
            lambda: QCoreApplication.translate("LabPanel", "Keywords"),
            lambda t: tokenizer_short(t.setting.tokenizer),
            tooltip=lambda t: tokenizer_text(t.setting.tokenizer),
            header_tip=lambda: QCoreApplication.translate("LabPanel", "How keywords are cut from Japanese text"),
        ),
        Column(
            lambda: QCoreApplication.translate("LabPanel", "Embedding"),
            lambda t: embedding_text(t.setting.embedding),
            tooltip=lambda t: t.setting.embedding,
        ),
    ]
