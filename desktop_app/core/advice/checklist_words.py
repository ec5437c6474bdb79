"""The advice checklist's items in words (window, report and CLI alike).

Checklist ids are stable (core/advice/checklists.py emits them); an item with numbers is worded
with them when they are present, else plainly, else as its raw data.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

from desktop_app.core.advice.numbers import count, fallback, pct
from desktop_app.core.phrases import Phrase, phrase, translate

Numbers = Mapping[str, Any]


def _pool(template: str) -> Callable[[Numbers], Phrase]:
    return lambda n: phrase(template, pool=count(n["pool"]))


def _training(template: str) -> Callable[[Numbers], Phrase]:
    return lambda n: phrase(
        template, pool=count(n["pool"]), minimum=count(n["minimum"]), suggested=count(n["suggested"])
    )


# id -> (sentence with its numbers, sentence without them)
CHECKLIST: dict[str, tuple[Callable[[Numbers], Phrase] | None, Phrase]] = {
    "clear_instructions": (
        None,
        translate(
            "AdviceText", "Write clear, specific instructions: who answers, for whom, and what a good answer contains."
        ),
    ),
    "longer_context_window": (
        lambda n: phrase(
            translate(
                "AdviceText",
                "First give the model a longer context window: the server read only {read} of the {sent} tokens "
                "of some prompts (Ollama: OLLAMA_CONTEXT_LENGTH or num_ctx; LM Studio: the model's context "
                "length), then run again before trusting the rest.",
            ),
            read=count(n["read"]),
            sent=count(n["sent"]),
        ),
        translate(
            "AdviceText", "First give the model a longer context window (the server cut some prompts), then run again."
        ),
    ),
    "split_task": (None, translate("AdviceText", "Split a complex task into simpler steps or prompts.")),
    "step_by_step": (
        None,
        translate("AdviceText", "Give the model time to think: ask it to reason step by step before answering."),
    ),
    "few_shot_examples": (
        _pool(
            translate(
                "AdviceText", "Add a few worked examples (few-shot) from the examples pool ({pool} rows set aside)."
            )
        ),
        translate("AdviceText", "Add a few worked examples (few-shot)."),
    ),
    "output_format_spec": (
        None,
        translate("AdviceText", "Spell out the output format exactly (fields, length, language) and show it."),
    ),
    "answer_only_from_passages": (
        None,
        translate("AdviceText", "Tell the model to answer only from the retrieved passages."),
    ),
    "cite_passages": (None, translate("AdviceText", "Ask it to cite the passage each fact comes from.")),
    "say_when_not_found": (
        None,
        translate("AdviceText", "Let it say the documents do not contain the answer instead of guessing."),
    ),
    "passages_before_question": (
        None,
        translate("AdviceText", "Put the passages before the question, clearly delimited."),
    ),
    "grounded_few_shot_examples": (
        _pool(translate("AdviceText", "Add examples that answer from passages ({pool} rows in the examples pool).")),
        translate("AdviceText", "Add examples that answer from passages."),
    ),
    "add_documents": (None, translate("AdviceText", "Add the documents that hold the answers to the knowledge base.")),
    "check_readiness": (
        lambda n: phrase(
            translate(
                "AdviceText", "Check retrieval readiness: the answer is in the top passages for {share} of rows."
            ),
            share=pct(n["share"]),
        ),
        translate("AdviceText", "Check retrieval readiness: how often the answer is in the top passages."),
    ),
    "choose_top_k": (
        None,
        translate(
            "AdviceText",
            "Choose how many passages to retrieve (top-k): enough to hold the answer, "
            "few enough to keep prompts short.",
        ),
    ),
    "hybrid_search": (
        None,
        translate("AdviceText", "Use hybrid search (keywords plus embeddings) so names, codes and numbers are found."),
    ),
    "grounding_instructions": (
        None,
        translate("AdviceText", "Instruct the model to answer from the passages and to say when they lack the answer."),
    ),
    "compare_with_baseline": (
        None,
        translate("AdviceText", "Run RAG on the same rows and compare it with the baseline."),
    ),
    "watch_token_cost": (
        lambda n: phrase(
            translate(
                "AdviceText", "Watch the token cost: {tokens} tokens per request against {reference_tokens} without it."
            ),
            tokens=count(n["tokens_per_request"]),
            reference_tokens=count(n["reference_tokens_per_request"]),
        ),
        translate("AdviceText", "Watch the token cost: passages add prompt tokens and latency."),
    ),
    "add_missing_documents": (
        lambda n: phrase(
            translate("AdviceText", "Add the documents missing for the {rows} rows whose passages lacked the answer."),
            rows=count(n["rows"]),
        ),
        translate("AdviceText", "Add the documents that are missing from the knowledge base."),
    ),
    "chunk_size": (None, translate("AdviceText", "Experiment with chunk size and overlap.")),
    "rerank": (None, translate("AdviceText", "Re-rank the retrieved passages (for example with a cross-encoder).")),
    "classify_questions": (
        None,
        translate("AdviceText", "Classify questions and route each kind to the right source."),
    ),
    "metadata_filters": (None, translate("AdviceText", "Filter by metadata (product, date, document type).")),
    "query_expansion": (None, translate("AdviceText", "Expand or rewrite the query before searching.")),
    "tools_for_structured_data": (
        None,
        translate("AdviceText", "Use a tool (for example SQL) for structured data such as price lists."),
    ),
    "hyde": (None, translate("AdviceText", "Costly option: HyDE (search with a hypothetical answer).")),
    "finetune_embeddings": (None, translate("AdviceText", "Costly option: fine-tune the embedding model.")),
    "small_high_quality_set": (
        None,
        translate("AdviceText", "Start with a small set of high-quality examples: quality beats quantity."),
    ),
    "use_examples_pool": (
        _training(
            translate(
                "AdviceText",
                "Build the training set from the examples pool: {pool} rows now; "
                "at least {minimum}, ideally {suggested} or more.",
            )
        ),
        translate("AdviceText", "Build the training set from the examples pool."),
    ),
    "check_data_behaviour": (
        None,
        translate(
            "AdviceText",
            "Check that every training example shows exactly the wanted "
            "behaviour: a tuned model copies the data, good or bad.",
        ),
    ),
    "hold_out_eval": (
        None,
        translate(
            "AdviceText", "Keep the evaluation rows out of the training data and measure the tuned model on them."
        ),
    ),
    "compare_token_cost": (
        lambda n: phrase(
            translate(
                "AdviceText",
                "Compare token cost: a tuned model needs no long "
                "instructions or examples ({tokens} tokens per request "
                "now).",
            ),
            tokens=count(n["tokens_per_request"]),
        ),
        translate("AdviceText", "Compare token cost: a tuned model needs no long instructions or examples."),
    ),
    "train_with_retrieved_passages": (
        None,
        translate(
            "AdviceText", "Train on examples that include the retrieved passages, so the model learns to use them."
        ),
    ),
    "keep_improving_retrieval": (
        lambda n: phrase(
            translate("AdviceText", "Keep improving retrieval: {rows} rows still lack the answer in their passages."),
            rows=count(n["rows"]),
        ),
        translate("AdviceText", "Keep improving retrieval."),
    ),
    "try_stronger_model": (
        lambda n: phrase(
            translate(
                "AdviceText",
                "Run the same variant on a stronger model than {model} (a "
                "new variant with another model; it is drawn as a step of "
                "its own).",
            ),
            model=n["model"],
        ),
        translate("AdviceText", "Run the same variant on a stronger model (a new variant with another model)."),
    ),
    "same_rows_same_checks": (
        None,
        translate("AdviceText", "Compare it on the same rows with the same checks, so the difference is the model's."),
    ),
    "fine_tune_instead": (
        _training(
            translate(
                "AdviceText",
                "Or fine-tune this model on answers that use their passages: {pool} "
                "rows in the examples pool; at least {minimum}, ideally {suggested} "
                "or more.",
            )
        ),
        translate("AdviceText", "Or fine-tune this model on answers that use their passages."),
    ),
    "monitor_production": (
        None,
        translate("AdviceText", "Monitor answers in production and add new failures to the evaluation set."),
    ),
    "regression_set": (None, translate("AdviceText", "Keep this evaluation set as a regression test.")),
    "rerun_on_model_change": (
        None,
        translate("AdviceText", "Run it again whenever the model, prompt or documents change."),
    ),
    "cheaper_variant": (
        lambda n: phrase(
            translate(
                "AdviceText",
                "Consider the cheaper variant: it passes {pass_rate} at {tokens} "
                "tokens per request instead of {reference_tokens}.",
            ),
            pass_rate=pct(n["pass_rate"]),
            tokens=count(n["tokens_per_request"]),
            reference_tokens=count(n["reference_tokens_per_request"]),
        ),
        translate("AdviceText", "Consider a cheaper variant that also meets the target."),
    ),
}


def checklist_sentence(item: Mapping | str) -> Phrase | str:
    """A checklist item ({id, costly, done, numbers} or a bare id) as a sentence."""
    if isinstance(item, str):
        item = {"id": item}
    cid = str(item.get("id", "?"))
    numbers = item.get("numbers") or {}
    with_numbers, plain = CHECKLIST.get(cid, (None, ""))
    if with_numbers is not None and isinstance(numbers, dict) and numbers:
        try:
            return with_numbers(numbers)
        except (KeyError, TypeError, ValueError):
            pass
    return plain or fallback(cid.replace("_", " ").capitalize(), numbers)
