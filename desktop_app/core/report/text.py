"""The report's words: the advice's own sentences (core/advice/words.py, shared with the window)
and the few that only the report says (titles, what a move means, what a check does).

Every sentence is a ``Phrase`` (core/phrases.py): English as it stands, and said in the reader's
language by the ``say`` function the report is rendered with. Every function returns PLAIN text:
the HTML renderer escapes it, so data text (run names, check values) can never become markup.
"""

from __future__ import annotations

from desktop_app.core.advice.checklist_words import CHECKLIST, checklist_sentence
from desktop_app.core.advice.numbers import DASH, as_number, count, fallback, money, pct, seconds
from desktop_app.core.advice.evidence_words import EVIDENCE_SENTENCES, chance, evidence_sentence
from desktop_app.core.advice.words import (
    confidence_sentence,
    gap_meaning,
    gap_name,
    gap_title,
    listed,
    outcome,
    quoted,
    run_names,
    secs,
    techniques,
    then,
    trust_sentence,
)
from desktop_app.core.phrases import translate
from desktop_app.core.report.steps import CHECK_KINDS, check_sentence

# What the report's renderers read from here: the advice's words, the number formats, and below,
# the report's own titles and meanings.
__all__ = [
    "CHECKLIST",
    "checklist_sentence",
    "DASH",
    "as_number",
    "count",
    "fallback",
    "money",
    "pct",
    "seconds",
    "EVIDENCE_SENTENCES",
    "chance",
    "confidence_sentence",
    "evidence_sentence",
    "gap_meaning",
    "gap_name",
    "gap_title",
    "listed",
    "outcome",
    "quoted",
    "run_names",
    "secs",
    "techniques",
    "then",
    "trust_sentence",
    "CHECK_KINDS",
    "check_sentence",
    "RECOMMENDATION_TITLES",
    "FOCUS_TITLES",
    "FOCUS_MEANING",
    "RECOMMENDATION_MEANING",
    "RAG_ADOPT_MEANING",
    "GROUNDING_TITLE",
    "GROUNDING_MEANING",
    "GAP_KINDS",
]

RECOMMENDATION_TITLES = {
    "prompt_engineering": translate("ReportText", "Prompt engineering"),
    "rag": translate("ReportText", "RAG (retrieval-augmented generation)"),
    "improve_retrieval": translate("ReportText", "Improve retrieval"),
    "fine_tuning": translate("ReportText", "Fine-tuning"),
    "fine_tuning_and_rag": translate("ReportText", "Fine-tuning + RAG"),
    "good_enough": translate("ReportText", "Good enough"),
    "stronger_model": translate("ReportText", "A stronger model"),
}
# Titles and meanings when the move has a focus (Diagnosis.focus) that changes what it says.
FOCUS_TITLES = {
    ("rag", "add_documents"): translate("ReportText", "Add documents, then RAG"),
    ("improve_retrieval", "add_documents"): translate("ReportText", "Add documents that cover the missing answers"),
    ("improve_retrieval", "on_rag"): translate("ReportText", "Improve retrieval on top of RAG"),
    ("fine_tuning", "on_rag"): translate("ReportText", "Fine-tuning on top of RAG"),
    ("fine_tuning_and_rag", "on_rag"): translate("ReportText", "Fine-tuning on top of RAG"),
}
FOCUS_MEANING = {
    ("rag", "add_documents"): translate(
        "ReportText",
        "The model lacks facts, and for most of the questions it gets wrong no "
        "document holds the answer: retrieval can only bring what the documents "
        "contain. Add documents that cover the questions listed first, then "
        "measure RAG.",
    ),
    ("improve_retrieval", "add_documents"): translate(
        "ReportText",
        "With RAG, most of the answers still missing are in none of "
        "the documents: no search setting can find them. Add "
        "documents that cover the questions listed first, then "
        "measure again.",
    ),
    ("improve_retrieval", "on_rag"): translate(
        "ReportText",
        "RAG is in use and fixed most of the missing facts. The next move "
        "on top of it: tune retrieval for the rows whose passages still "
        "lack the answer.",
    ),
    ("fine_tuning", "on_rag"): translate(
        "ReportText",
        "RAG is in use and brings the facts, but the answers still take the "
        "wrong form. Train the model on examples of the wanted behaviour, with "
        "their passages.",
    ),
    ("fine_tuning_and_rag", "on_rag"): translate(
        "ReportText",
        "RAG is in use, yet both missing facts and wrong form remain "
        "after prompt work: fine-tune the model and keep improving "
        "retrieval.",
    ),
}
RECOMMENDATION_MEANING = {
    "prompt_engineering": translate(
        "ReportText",
        "Improve the prompt first: clearer instructions, a step-by-step request and "
        "a few worked examples. It is the cheapest step and the baseline for every "
        "other one.",
    ),
    "rag": translate(
        "ReportText",
        "The model lacks facts. Retrieve passages from your documents into the prompt (context "
        "optimization: what the model needs to know).",
    ),
    "improve_retrieval": translate(
        "ReportText",
        "RAG is in place, but its passages often lack the answer. Tune chunking, "
        "search and ranking before changing the model.",
    ),
    "fine_tuning": translate(
        "ReportText",
        "The model knows enough but does not act consistently. Train it on examples of the "
        "wanted behaviour (LLM optimization: how the model needs to act).",
    ),
    "fine_tuning_and_rag": translate(
        "ReportText",
        "Both missing facts and wrong form remain after prompt work and RAG: combine "
        "a fine-tuned model with retrieval.",
    ),
    "good_enough": translate(
        "ReportText", "The pass rate meets the target. Keep the evaluation set as a regression test."
    ),
    "stronger_model": translate(
        "ReportText",
        "The passages hold the answer and a grounding prompt was measured, yet the model "
        "still ignores them: the model itself is the limit. Try a stronger model on the "
        "same rows, or fine-tune this one on answers that use the passages.",
    ),
}
RAG_ADOPT_MEANING = translate(
    "ReportText",
    "RAG has been measured and fixed most of the missing facts: adopt it, then tune "
    "retrieval and grounding with the checklist below.",
)
GROUNDING_TITLE = translate("ReportText", "Prompt engineering: grounding on the passages")
GROUNDING_MEANING = translate(
    "ReportText",
    "The passages hold the answer but the replies do not use it. Tell the model to "
    "answer from the passages before trying anything costlier.",
)
GAP_KINDS = ("knowledge", "behaviour", "retrieval", "generation")
