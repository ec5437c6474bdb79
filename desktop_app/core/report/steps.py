"""The report's English sentences for the advice checklist's ids and the project's checks.

Checklist ids are stable (the advisor emits them, the window translates them); a sentence with
numbers is used when its numbers are present, else the plain one, else the raw data.
"""
from __future__ import annotations

from desktop_app.core.report.numbers import count, fallback, pct

# id -> (sentence with numbers, sentence without). The first is used when its numbers are present.
CHECKLIST_SENTENCES: dict[str, tuple[str | None, str]] = {
    "clear_instructions": (None, "Write clear, specific instructions: who answers, for whom, and what a good "
                                 "answer contains."),
    "split_task": (None, "Split a complex task into simpler steps or prompts."),
    "step_by_step": (None, "Give the model time to think: ask it to reason step by step before answering."),
    "few_shot_examples": ("Add a few worked examples (few-shot) from the examples pool ({pool} rows set aside).",
                          "Add a few worked examples (few-shot)."),
    "output_format_spec": (None, "Spell out the output format exactly (fields, length, language) and show it."),
    "answer_only_from_passages": (None, "Tell the model to answer only from the retrieved passages."),
    "cite_passages": (None, "Ask it to cite the passage each fact comes from."),
    "say_when_not_found": (None, "Let it say the documents do not contain the answer instead of guessing."),
    "passages_before_question": (None, "Put the passages before the question, clearly delimited."),
    "grounded_few_shot_examples": ("Add examples that answer from passages ({pool} rows in the examples pool).",
                                   "Add examples that answer from passages."),
    "add_documents": (None, "Add the documents that hold the answers to the knowledge base."),
    "check_readiness": ("Check retrieval readiness: the answer is in the top passages for {share:pct} of rows.",
                        "Check retrieval readiness: how often the answer is in the top passages."),
    "choose_top_k": (None, "Choose how many passages to retrieve (top-k): enough to hold the answer, few "
                           "enough to keep prompts short."),
    "hybrid_search": (None, "Use hybrid search (keywords plus embeddings) so names, codes and numbers are found."),
    "grounding_instructions": (None, "Instruct the model to answer from the passages and to say when they lack "
                                     "the answer."),
    "compare_with_baseline": (None, "Run RAG on the same rows and compare it with the baseline."),
    "watch_token_cost": ("Watch the token cost: {tokens_per_request:int} tokens per request against "
                         "{reference_tokens_per_request:int} without it.",
                         "Watch the token cost: passages add prompt tokens and latency."),
    "add_missing_documents": ("Add the documents missing for the {rows} rows whose passages lacked the answer.",
                              "Add the documents that are missing from the knowledge base."),
    "chunk_size": (None, "Experiment with chunk size and overlap."),
    "rerank": (None, "Re-rank the retrieved passages (e.g. with a cross-encoder)."),
    "classify_questions": (None, "Classify questions and route each kind to the right source."),
    "metadata_filters": (None, "Filter by metadata (product, date, document type)."),
    "query_expansion": (None, "Expand or rewrite the query before searching."),
    "tools_for_structured_data": (None, "Use a tool (e.g. SQL) for structured data such as price lists."),
    "hyde": (None, "Costly option: HyDE (search with a hypothetical answer)."),
    "finetune_embeddings": (None, "Costly option: fine-tune the embedding model."),
    "small_high_quality_set": (None, "Start with a small set of high-quality examples: quality beats quantity."),
    "use_examples_pool": ("Build the training set from the examples pool: {pool} rows now; at least {minimum}, "
                          "ideally {suggested} or more.", "Build the training set from the examples pool."),
    "check_data_behaviour": (None, "Check that every training example shows exactly the wanted behaviour: a "
                                   "tuned model copies the data, good or bad."),
    "hold_out_eval": (None, "Keep the evaluation rows out of the training data and measure the tuned model on "
                            "them."),
    "compare_token_cost": ("Compare token cost: a tuned model needs no long instructions or examples "
                           "({tokens_per_request:int} tokens per request now).",
                           "Compare token cost: a tuned model needs no long instructions or examples."),
    "train_with_retrieved_passages": (None, "Train on examples that include the retrieved passages, so the model "
                                            "learns to use them."),
    "keep_improving_retrieval": ("Keep improving retrieval: {rows} rows still lack the answer in their passages.",
                                 "Keep improving retrieval."),
    "try_stronger_model": ("Run the same variant on a stronger model than {model} (a new variant with another "
                           "model; it is drawn as a step of its own).",
                           "Run the same variant on a stronger model (a new variant with another model)."),
    "same_rows_same_checks": (None, "Compare it on the same rows with the same checks, so the difference is the "
                                    "model's."),
    "fine_tune_instead": ("Or fine-tune this model on answers that use their passages: {pool} rows in the examples "
                          "pool; at least {minimum}, ideally {suggested} or more.",
                          "Or fine-tune this model on answers that use their passages."),
    "monitor_production": (None, "Monitor answers in production and add new failures to the evaluation set."),
    "regression_set": (None, "Keep this evaluation set as a regression test."),
    "rerun_on_model_change": (None, "Run it again whenever the model, prompt or documents change."),
    "cheaper_variant": ("Consider the cheaper variant: it passes {pass_rate:pct} at {tokens_per_request:int} "
                        "tokens per request instead of {reference_tokens_per_request:int}.",
                        "Consider a cheaper variant that also meets the target."),
}


def _format(template: str, numbers: dict) -> str:
    """Fill {key}, {key:pct} and {key:int}; KeyError when a placeholder stays unfilled."""
    out = template
    for key, value in numbers.items():
        out = (out.replace("{%s:pct}" % key, pct(value)).replace("{%s:int}" % key, count(value))
               .replace("{%s}" % key, str(value)))
    if "{" in out:  # a number the sentence needs is missing
        raise KeyError(out)
    return out


def checklist_sentence(item: dict | str) -> str:
    """A checklist item ({id, costly, done, numbers} or a bare id) as an English sentence."""
    if isinstance(item, str):
        item = {"id": item}
    cid = str(item.get("id", "?"))
    numbers = item.get("numbers") or {}
    with_numbers, plain = CHECKLIST_SENTENCES.get(cid, (None, ""))
    if with_numbers and isinstance(numbers, dict) and numbers:
        try:
            return _format(with_numbers, numbers)
        except (KeyError, TypeError, ValueError):
            pass
    return plain or fallback(cid.replace("_", " ").capitalize(), numbers)


# -- checks -------------------------------------------------------------------------------------
CHECK_KINDS = {
    "normalized_match": "equals the expected answer once case, width, punctuation and spaces are normalized",
    "token_f1": "overlaps the expected answer in words or characters (token F1 at least {threshold})",
    "contains": "contains the expected answer",
    "semantic": "means the same as the expected answer (embedding similarity at least {threshold})",
    "judge": "is judged by an LLM to agree with the expected answer",
    "regex": "matches the pattern {value}",
    "json": "is valid JSON",
    "json_schema": "is JSON that matches the project's schema",
    "max_chars": "has at most {value} characters",
    "min_chars": "has at least {value} characters",
    "must_include": "contains “{value}”",
    "must_not_include": "does not contain “{value}”",
    "language": "is written in the language “{value}”",
    "rubric": "is judged by an LLM to meet the rubric “{value}”",
}


def check_sentence(spec: dict) -> str:
    """One project check ({id, kind, family, value, params}) as "token_f1 (content): the answer ..."."""
    kind = str(spec.get("kind", "?"))
    params = spec.get("params") or {}
    value = spec.get("value")
    text = CHECK_KINDS.get(kind, kind.replace("_", " "))
    threshold = params.get("threshold", {"token_f1": 0.5, "semantic": 0.8}.get(kind))
    text = text.replace("{threshold}", str(threshold)).replace("{value}", "" if value is None else str(value))
    family = spec.get("family", "")
    return f"{spec.get('id', kind)} ({family}): the answer {text}." if family else f"{spec.get('id', kind)}: {text}."
