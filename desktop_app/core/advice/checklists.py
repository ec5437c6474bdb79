"""Concrete steps for each recommended move, as stable ids the ui translates.

Sources: the DevDay talk's prompt-engineering list; its RAG case that climbed from 45% to
98% (chunking, hybrid search, re-ranking, question classification, query expansion, a SQL
tool; HyDE and fine-tuned embeddings tried as costly options); and its fine-tuning lessons
(a small high-quality set beats a large one; a model tuned on 140k Slack messages learned
to answer "I shall work on that in the morning": it copies the data's behaviour).
"""

from __future__ import annotations

from desktop_app.core.advice.model import ChecklistItem

# Every id the advisor can emit, by move; the ui keeps one translation per id.
PROMPT_ENGINEERING = ("clear_instructions", "split_task", "step_by_step", "few_shot_examples", "output_format_spec")
GROUNDING = (
    "answer_only_from_passages",
    "cite_passages",
    "say_when_not_found",
    "passages_before_question",
    "grounded_few_shot_examples",
)
RAG = (
    "add_documents",
    "check_readiness",
    "choose_top_k",
    "hybrid_search",
    "grounding_instructions",
    "compare_with_baseline",
    "watch_token_cost",
)
IMPROVE_RETRIEVAL = (
    "add_missing_documents",
    "chunk_size",
    "hybrid_search",
    "rerank",
    "classify_questions",
    "metadata_filters",
    "query_expansion",
    "tools_for_structured_data",
    "hyde",
    "finetune_embeddings",
)
FINE_TUNING = (
    "small_high_quality_set",
    "use_examples_pool",
    "check_data_behaviour",
    "hold_out_eval",
    "compare_token_cost",
)
FINE_TUNING_AND_RAG = ("train_with_retrieved_passages", "keep_improving_retrieval") + FINE_TUNING
# The model ignores passages that hold the answer even with a grounding prompt: the model is the limit.
STRONGER_MODEL = ("try_stronger_model", "same_rows_same_checks", "fine_tune_instead", "compare_token_cost")
GOOD_ENOUGH = ("monitor_production", "regression_set", "rerun_on_model_change", "cheaper_variant")
COSTLY = frozenset({"hyde", "finetune_embeddings"})
# Put before any move's steps when a run's prompts were cut by the server (advice.diagnose).
LONGER_CONTEXT = "longer_context_window"

# Fine-tuning providers accept 10 examples; the talk and provider guides see gains from ~50-100.
MIN_TRAINING_EXAMPLES = 10
SUGGESTED_TRAINING_EXAMPLES = 50

ALL_IDS = tuple(
    dict.fromkeys(
        PROMPT_ENGINEERING + GROUNDING + RAG + IMPROVE_RETRIEVAL + FINE_TUNING_AND_RAG + STRONGER_MODEL + GOOD_ENOUGH
    )
)


def _item(cid: str, *, done: bool = False, numbers: dict | None = None) -> ChecklistItem:
    return ChecklistItem(id=cid, costly=cid in COSTLY, done=done, numbers=dict(numbers or {}))


def _pool_numbers(pool: int) -> dict:
    return {"pool": pool, "minimum": MIN_TRAINING_EXAMPLES, "suggested": SUGGESTED_TRAINING_EXAMPLES}


def build(
    recommendation: str,
    *,
    flavour: str = "",
    tried: frozenset[str] = frozenset(),
    pool: int = 0,
    token_cost: dict | None = None,
    readiness_share: float | None = None,
    retrieval_gaps: int = 0,
    cheaper: dict | None = None,
    grounded: frozenset[str] = frozenset(),
    not_in_documents: int = 0,
    model: str = "",
) -> tuple[ChecklistItem, ...]:
    """The checklist of one move.

    ``flavour`` "grounding" turns prompt engineering / fine-tuning toward generation gaps,
    "add_documents" puts the documents to add first; ``tried`` are the techniques measured runs
    already used and ``grounded`` the grounding steps the measured RAG prompt already takes
    (both marked done); ``not_in_documents`` counts rows whose answer no document holds.
    """
    if recommendation == "stronger_model":
        return tuple(
            _item(
                c,
                numbers={"model": model}
                if c == "try_stronger_model" and model
                else _pool_numbers(pool)
                if c == "fine_tune_instead"
                else token_cost
                if c == "compare_token_cost"
                else None,
            )
            for c in STRONGER_MODEL
            if c != "compare_token_cost" or token_cost
        )
    if recommendation == "prompt_engineering" and flavour == "grounding":
        return tuple(
            _item(c, done=c in grounded, numbers=_pool_numbers(pool) if c == "grounded_few_shot_examples" else None)
            for c in GROUNDING
        )
    if recommendation == "prompt_engineering":
        done = {
            "clear_instructions": "instructions" in tried,
            "step_by_step": "step_by_step" in tried,
            "few_shot_examples": "few_shot" in tried,
        }
        return tuple(
            _item(c, done=done.get(c, False), numbers={"pool": pool} if c == "few_shot_examples" else None)
            for c in PROMPT_ENGINEERING
        )
    if recommendation == "rag":
        rag_done = bool({"rag", "rag_tuned"} & tried)
        out = []
        for c in RAG:
            numbers = None
            if c == "check_readiness" and readiness_share is not None:
                numbers = {"share": round(readiness_share, 4)}
            if c == "watch_token_cost" and token_cost:
                numbers = token_cost
            out.append(_item(c, done=rag_done and c in ("add_documents", "compare_with_baseline"), numbers=numbers))
        if not_in_documents:  # RAG cannot bring what no document holds: that comes first
            out.insert(0, _item("add_missing_documents", numbers={"rows": not_in_documents}))
        return tuple(out)
    if recommendation == "improve_retrieval":
        return tuple(
            _item(c, numbers={"rows": not_in_documents or retrieval_gaps} if c == "add_missing_documents" else None)
            for c in IMPROVE_RETRIEVAL
        )
    if recommendation in ("fine_tuning", "fine_tuning_and_rag"):
        ids: tuple[str, ...] = FINE_TUNING_AND_RAG if recommendation == "fine_tuning_and_rag" else FINE_TUNING
        if recommendation == "fine_tuning" and flavour == "grounding":
            ids = ("train_with_retrieved_passages",) + FINE_TUNING
        if not retrieval_gaps:
            ids = tuple(c for c in ids if c != "keep_improving_retrieval")
        out = []
        for c in ids:
            numbers = {"rows": retrieval_gaps} if c == "keep_improving_retrieval" else None
            if c == "use_examples_pool":
                numbers = _pool_numbers(pool)
            if c == "compare_token_cost" and token_cost:
                numbers = token_cost
            out.append(_item(c, numbers=numbers))
        return tuple(out)
    if recommendation == "good_enough":
        return tuple(_item(c, numbers=cheaper) for c in GOOD_ENOUGH if c != "cheaper_variant" or cheaper)
    raise ValueError(f"unknown recommendation {recommendation!r}")
