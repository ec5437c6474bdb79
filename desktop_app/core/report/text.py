"""The report's words: number formats and the English sentences for evidence, checklist ids and checks.

The advisor returns evidence as data (kind, numbers, rows, runs); the ui words it for the
screen and this module words it for the exported report. Every function returns PLAIN text:
the HTML renderer escapes it, so data text (run names, check values) can never become markup.
An unknown kind or a malformed number never breaks the report: it falls back to the raw data.
"""
from __future__ import annotations

from typing import Any, Callable

# The number formats and the raw-data fallback live in numbers.py, the checklist and check
# sentences in steps.py; both are re-exported so callers read every word from ``text``.
from desktop_app.core.report.numbers import DASH, as_number, count, fallback, money, pct, seconds  # noqa: F401
from desktop_app.core.report.steps import (CHECK_KINDS, CHECKLIST_SENTENCES, check_sentence,  # noqa: F401
                                           checklist_sentence)

RECOMMENDATION_TITLES = {
    "prompt_engineering": "Prompt engineering",
    "rag": "RAG (retrieval-augmented generation)",
    "improve_retrieval": "Improve retrieval",
    "fine_tuning": "Fine-tuning",
    "fine_tuning_and_rag": "Fine-tuning + RAG",
    "good_enough": "Good enough",
    "stronger_model": "A stronger model",
}
# Titles and meanings when the move has a focus (Diagnosis.focus) that changes what it says.
FOCUS_TITLES = {
    ("rag", "add_documents"): "Add documents, then RAG",
    ("improve_retrieval", "add_documents"): "Add documents that cover the missing answers",
    ("improve_retrieval", "on_rag"): "Improve retrieval on top of RAG",
    ("fine_tuning", "on_rag"): "Fine-tuning on top of RAG",
    ("fine_tuning_and_rag", "on_rag"): "Fine-tuning on top of RAG",
}
FOCUS_MEANING = {
    ("rag", "add_documents"): "The model lacks facts, and for most of the questions it gets wrong no document "
                              "holds the answer: retrieval can only bring what the documents contain. Add "
                              "documents that cover the questions listed first, then measure RAG.",
    ("improve_retrieval", "add_documents"): "With RAG, most of the answers still missing are in none of the "
                                            "documents: no search setting can find them. Add documents that "
                                            "cover the questions listed first, then measure again.",
    ("improve_retrieval", "on_rag"): "RAG is in use and fixed most of the missing facts. The next move on top "
                                     "of it: tune retrieval for the rows whose passages still lack the answer.",
    ("fine_tuning", "on_rag"): "RAG is in use and brings the facts, but the answers still take the wrong form. "
                               "Train the model on examples of the wanted behaviour, with their passages.",
    ("fine_tuning_and_rag", "on_rag"): "RAG is in use, yet both missing facts and wrong form remain after prompt "
                                       "work: fine-tune the model and keep improving retrieval.",
}
CONFIDENCE_LEVELS = {"high": "high", "moderate": "moderate", "low": "low"}
CONFIDENCE_REASONS = {
    "few_rows": "few evaluation rows",
    "chance": "the comparison behind it could be chance",
    "inferred": "its premise is inferred, not yet measured",
    "close_call": "the other move is nearly as well supported",
    "regression": "the move repeats a step measured to make things worse",
    "verdicts_disagree": "the automatic verdicts often disagree with a person's",
    "many_unsure": "many answers are unsure",
}
RECOMMENDATION_MEANING = {
    "prompt_engineering": "Improve the prompt first: clearer instructions, a step-by-step request and a few "
                          "worked examples. It is the cheapest step and the baseline for every other one.",
    "rag": "The model lacks facts. Retrieve passages from your documents into the prompt (context "
           "optimization: what the model needs to know).",
    "improve_retrieval": "RAG is in place, but its passages often lack the answer. Tune chunking, search and "
                         "ranking before changing the model.",
    "fine_tuning": "The model knows enough but does not act consistently. Train it on examples of the "
                   "wanted behaviour (LLM optimization: how the model needs to act).",
    "fine_tuning_and_rag": "Both missing facts and wrong form remain after prompt work and RAG: combine a "
                           "fine-tuned model with retrieval.",
    "good_enough": "The pass rate meets the target. Keep the evaluation set as a regression test.",
    "stronger_model": "The passages hold the answer and a grounding prompt was measured, yet the model still "
                      "ignores them: the model itself is the limit. Try a stronger model on the same rows, or "
                      "fine-tune this one on answers that use the passages.",
}
RAG_ADOPT_MEANING = ("RAG has been measured and fixed most of the missing facts: adopt it, then tune retrieval and "
                     "grounding with the checklist below.")
GROUNDING_TITLE = "Prompt engineering: grounding on the passages"
GROUNDING_MEANING = ("The passages hold the answer but the replies do not use it. Tell the model to answer "
                     "from the passages before trying anything costlier.")

GAP_NAMES = {"knowledge": "knowledge gap", "behaviour": "behaviour gap", "retrieval": "retrieval gap",
             "generation": "generation gap"}
GAP_MEANING = {
    "knowledge": "the facts in the answer were missing or wrong",
    "behaviour": "the facts were right but the form was wrong (format, length, tone, language)",
    "retrieval": "with RAG, the retrieved passages did not contain the answer",
    "generation": "with RAG, the passages had the answer but the reply did not use it",
}
OUTCOME_LABELS = {"pass": "pass", "error": "error (no answer)", **GAP_NAMES}


TECHNIQUE_NAMES = {"instructions": "instructions", "step_by_step": "step-by-step", "few_shot": "few-shot",
                   "rag": "RAG", "rag_tuned": "tuned retrieval", "fine_tuned": "fine-tuned"}


def techniques(values: Any) -> str:
    names = [TECHNIQUE_NAMES.get(str(t), str(t).replace("_", "-")) for t in (values or [])]
    return ", ".join(names) if names else "none (baseline)"


def quoted(name: Any) -> str:
    return f"“{name}”"


def confidence_sentence(d: dict) -> str:
    """"Confidence: moderate (few evaluation rows)." from the advice's words and reasons (docs/advice.md)."""
    level = CONFIDENCE_LEVELS.get(str(d.get("confidence_level")), "unknown")
    reasons = [CONFIDENCE_REASONS[r] for r in d.get("confidence_reasons") or [] if r in CONFIDENCE_REASONS]
    return f"Confidence: {level}" + (f" ({'; '.join(reasons)})." if reasons else ".")


def trust_sentence(d: dict) -> str:
    """How far the verdicts behind the advice can be trusted (the window says it the same way)."""
    found = d.get("agreement") or {}
    if not found.get("count"):
        text = "The verdicts behind this advice are automatic: no answer has been reviewed by a person yet."
    else:
        kappa = "—" if found.get("kappa") is None else f"{found['kappa']:.2f}"
        answers = "answer" if found["count"] == 1 else "answers"
        text = (f"A person reviewed {count(found['count'])} {answers}: the automatic verdicts agreed on "
                f"{count(found['agreed'])} ({pct(found.get('share'))}, Cohen's kappa {kappa}).")
    if d.get("unsure"):
        text += f" {count(d['unsure'])} answers of {quoted(d.get('from_run', ''))} are unsure and counted apart."
    return text


# -- evidence -----------------------------------------------------------------------------------
def _runs(runs: list, i: int) -> str:
    return quoted(runs[i]) if len(runs) > i else "the run"


def _gap_share(gap: str) -> Callable[[dict, list], str]:
    def sentence(n: dict, runs: list) -> str:
        return (f"{n['count']} of the {n['failures']} failing rows of {_runs(runs, 0)} ({pct(n['share'])}) "
                f"are {GAP_NAMES[gap]}s: {GAP_MEANING[gap]}.")
    return sentence


def _technique_fixed(n: dict, runs: list) -> str:
    added = f" (adding {techniques(n['techniques'])})" if n.get("techniques") else ""
    broke = f"; it broke {n['broken']} rows that passed before" if n.get("broken") else ""
    return (f"{_runs(runs, 1)}{added} fixed {n['fixed']} of the {n['of']} {GAP_NAMES[n['gap']]} rows of "
            f"{_runs(runs, 0)} ({pct(n['share'])}){broke}.")


def _regression(n: dict, runs: list) -> str:
    return (f"{_runs(runs, 1)} did worse than {_runs(runs, 0)}: on the {n['common']} rows both answered, the pass "
            f"rate fell from {pct(n['reference_pass_rate'])} to {pct(n['pass_rate'])} ({n['broken']} rows broke, "
            f"{n['fixed']} were fixed).")


def _token_cost(n: dict, runs: list) -> str:
    text = (f"{_runs(runs, 1)} uses {count(n['tokens_per_request'])} tokens per request against "
            f"{count(n['reference_tokens_per_request'])} for {_runs(runs, 0)} (×{n['ratio']:.1f})")
    if as_number(n.get("latency_p50")) is not None and as_number(n.get("reference_latency_p50")) is not None:
        text += f"; median latency {seconds(n['latency_p50'])} against {seconds(n['reference_latency_p50'])}"
    return text + "."


def _plateau(n: dict, runs: list) -> str:
    gap = GAP_NAMES[n["gap"]]
    return (f"{_runs(runs, 1)} fixed {n['fixed']} of the {n['of']} {gap} rows of {_runs(runs, 0)} "
            f"({pct(n['fixed_share'])}), but {n['remaining']} of its {n['rows']} answered rows "
            f"({pct(n['share'])}) still have a {gap}.")


def _readiness(n: dict, runs: list) -> str:
    k = f"top {n['k']}" if "k" in n else "top"
    of = f"{n['in_top_k']} of {n['evaluated']} rows, " if "in_top_k" in n and "evaluated" in n else ""
    return (f"Retrieval readiness: the knowledge base returns the answer in its {k} passages for {of}"
            f"{pct(n['share'])} of the rows checked.")


def _pass_rate(n: dict, runs: list) -> str:
    return (f"{_runs(runs, 0)} passes {pct(n['pass_rate'])} of its {n['rows']} rows; the target is "
            f"{pct(n['target'])}.")


def _cheaper_run(n: dict, runs: list) -> str:
    return (f"{_runs(runs, 1)} also meets the target ({pct(n['pass_rate'])}) with "
            f"{count(n['tokens_per_request'])} tokens per request instead of "
            f"{count(n['reference_tokens_per_request'])}.")


def _errors(n: dict, runs: list) -> str:
    return (f"{n['errors']} of the {n['rows']} rows of {_runs(runs, 0)} got no answer (errors); they are not "
            f"counted as gaps. Check the connection and run again.")


def _no_content_checks(n: dict, runs: list) -> str:
    return (f"{_runs(runs, 0)} has no content check, so missing or wrong facts cannot be detected. Add one "
            f"(e.g. token F1 or an LLM judge).")


def _retrieval_unmeasured(n: dict, runs: list) -> str:
    return (f"{n['count']} of the {n['rows']} answered rows of {_runs(runs, 0)} have wrong facts, but no retrieval "
            f"check scored their passages, so it is unknown whether retrieval or the answer is at fault.")


def _not_in_documents(n: dict, runs: list) -> str:
    return (f"For {count(n['count'])} of the {count(n['of'])} rows {_runs(runs, 0)} got wrong, no document holds the "
            f"expected answer ({pct(n['share'])}): add documents that cover these questions.")


EVIDENCE_SENTENCES: dict[str, Callable[[dict, list], str]] = {
    "not_in_documents": _not_in_documents,
    "knowledge_gap_share": _gap_share("knowledge"),
    "behaviour_gap_share": _gap_share("behaviour"),
    "retrieval_gap_share": _gap_share("retrieval"),
    "generation_gap_share": _gap_share("generation"),
    "technique_fixed": _technique_fixed,
    "regression": _regression,
    "token_cost": _token_cost,
    "plateau": _plateau,
    "readiness": _readiness,
    "pass_rate": _pass_rate,
    "cheaper_run": _cheaper_run,
    "errors": _errors,
    "no_content_checks": _no_content_checks,
    "retrieval_unmeasured": _retrieval_unmeasured,
}


def evidence_sentence(item: dict) -> str:
    """One evidence dict ({kind, numbers, rows, runs}) as an English sentence (rows are shown apart)."""
    kind = item.get("kind", "?")
    numbers = item.get("numbers") or {}
    runs = [str(r) for r in item.get("runs") or []]
    make = EVIDENCE_SENTENCES.get(kind)
    if make is not None and isinstance(numbers, dict):
        try:
            return make(numbers, runs) + chance(numbers)
        except (KeyError, TypeError, ValueError, IndexError):
            pass  # a changed or partial numbers dict: show the raw data rather than nothing
    text = fallback(kind, numbers)
    return text + (f" (runs: {', '.join(runs)})" if runs else "")


def chance(n: dict) -> str:
    """For a comparison of two runs: said plainly when its difference could be chance."""
    p = n.get("p_value")
    if not isinstance(p, (int, float)) or p < 0.05 or not (n.get("broken") or n.get("fixed")):
        return ""
    text = f" This could be chance (p = {p:.2f})."
    if n.get("rows_to_settle"):
        text += f" About {count(n['rows_to_settle'])} evaluation rows would settle it."
    return text
