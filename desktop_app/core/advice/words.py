"""The advice in words, once for every place that says it: the window, the report and the CLI.

The advisor returns evidence as data (kind, numbers, rows, runs) and checklist items as stable
ids; these functions (the small words, confidence and trust here; evidence_words.py and
checklist_words.py for the rest) word them as ``Phrase``s (core/phrases.py): English text that
carries its template, so the window and a Japanese report say it again in the user's language
from the one catalogue. Everything returned is PLAIN text: run names are user text, so callers escape it or
show it in plain-text labels. A kind this module does not know, or numbers it cannot read, fall
back to the raw data instead of failing.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from desktop_app.core.advice.numbers import as_number, count, pct, seconds
from desktop_app.core.phrases import Phrase, phrase, translate

GAP_KINDS = ("knowledge", "behaviour", "retrieval", "generation")
Names = Mapping[Any, Any]  # run name -> what to call it (a preset run's ladder step, as a Phrase)


# -- small words --------------------------------------------------------------------------------
def then(first: Any, second: Any) -> Phrase:
    """Two sentences one after the other ("A. B." in English; Japanese puts no space after 。)."""
    if not second:
        return first if isinstance(first, Phrase) else phrase(translate("AdviceText", "{first}"), first=first)
    return phrase(translate("AdviceText", "{first} {second}"), first=first, second=second)


def listed(items: Iterable[Any], separator: str = "comma") -> Phrase | str:
    """Words in a list: "a, b, c" ("a; b" with separator "semicolon"); Japanese joins with 、."""
    items = list(items)
    if not items:
        return ""
    out = items[-1]
    for item in reversed(items[:-1]):
        template = (
            translate("Lists", "{first}; {rest}") if separator == "semicolon" else translate("Lists", "{first}, {rest}")
        )
        out = phrase(template, first=item, rest=out)
    return out if isinstance(out, Phrase) else phrase(translate("AdviceText", "{first}"), first=out)


def quoted(name: Any) -> Phrase:
    return phrase(translate("AdviceText", "“{name}”"), name=name)


def secs(value: Any) -> Phrase | str:
    """Seconds with their unit in the reader's language ("0.80 s", 「0.80 秒」)."""
    text = seconds(value)
    return text if as_number(value) is None else phrase(translate("Numbers", "{value} s"), value=text[:-2])


def technique(key: Any) -> Phrase | str:
    names = {
        "instructions": translate("AdviceText", "instructions"),
        "step_by_step": translate("AdviceText", "step-by-step"),
        "few_shot": translate("AdviceText", "few-shot"),
        "rag": translate("AdviceText", "RAG"),
        "rag_tuned": translate("AdviceText", "tuned retrieval"),
        "fine_tuned": translate("AdviceText", "fine-tuned"),
    }
    return names.get(str(key), str(key).replace("_", "-"))


def techniques(keys: Any) -> Phrase | str:
    keys = list(keys or [])
    return listed(technique(k) for k in keys) if keys else translate("AdviceText", "none (baseline)")


def gap_name(gap: str) -> Phrase | str:
    return {
        "knowledge": translate("AdviceText", "knowledge gap"),
        "behaviour": translate("AdviceText", "behaviour gap"),
        "retrieval": translate("AdviceText", "retrieval gap"),
        "generation": translate("AdviceText", "generation gap"),
    }.get(gap, gap)


def gap_title(gap: str) -> Phrase | str:
    return {
        "knowledge": translate("AdviceText", "Knowledge gaps"),
        "behaviour": translate("AdviceText", "Behaviour gaps"),
        "retrieval": translate("AdviceText", "Retrieval gaps"),
        "generation": translate("AdviceText", "Generation gaps"),
    }.get(gap, gap)


def gap_meaning(gap: str) -> Phrase | str:
    return {
        "knowledge": translate("AdviceText", "The facts in the answer were missing or wrong."),
        "behaviour": translate(
            "AdviceText", "The facts were right but the form was wrong (format, length, tone, language)."
        ),
        "retrieval": translate("AdviceText", "With RAG, the retrieved passages did not contain the answer."),
        "generation": translate("AdviceText", "With RAG, the passages had the answer but the reply did not use it."),
    }.get(gap, "")


def outcome(kind: str) -> Phrase | str:
    """A row's outcome in a run: pass, error or its gap."""
    if kind == "pass":
        return translate("AdviceText", "pass")
    if kind == "error":
        return translate("AdviceText", "error (no answer)")
    if kind == "unsure":
        return translate("AdviceText", "unsure")
    return gap_name(kind)


def confidence_level(level: Any) -> Phrase:
    return {
        "high": translate("AdviceText", "high"),
        "moderate": translate("AdviceText", "moderate"),
        "low": translate("AdviceText", "low"),
    }.get(str(level), translate("AdviceText", "unknown"))


def confidence_reason(reason: str) -> Phrase | str:
    """Why the confidence is lower (diagnose.confidence_words; the rule is in docs/advice.md)."""
    return {
        "few_rows": translate("AdviceText", "few evaluation rows"),
        "chance": translate("AdviceText", "the comparison behind it could be chance"),
        "inferred": translate("AdviceText", "its premise is inferred, not yet measured"),
        "close_call": translate("AdviceText", "the other move is nearly as well supported"),
        "regression": translate("AdviceText", "the move repeats a step measured to make things worse"),
        "verdicts_disagree": translate("AdviceText", "the automatic verdicts often disagree with a person's"),
        "many_unsure": translate("AdviceText", "many answers are unsure"),
        "prompt_cut": translate("AdviceText", "the server cut some prompts"),
    }.get(reason, reason.replace("_", " "))


def confidence_sentence(d: Mapping) -> Phrase:
    """ "Confidence: moderate (few evaluation rows)." from the advice's words and reasons."""
    level = confidence_level(d.get("confidence_level"))
    reasons = [confidence_reason(str(r)) for r in d.get("confidence_reasons") or []]
    if reasons:
        return phrase(
            translate("AdviceText", "Confidence: {level} ({reasons})."),
            level=level,
            reasons=listed(reasons, "semicolon"),
        )
    return phrase(translate("AdviceText", "Confidence: {level}."), level=level)


def trust_sentence(d: Mapping, names: Names | None = None) -> Phrase:
    """How far the verdicts behind the advice can be trusted: a person's reviews and unsure rows."""
    found = d.get("agreement") or {}
    if not found.get("count"):
        text = translate(
            "AdviceText", "The verdicts behind this advice are automatic: no answer has been reviewed by a person yet."
        )
    else:
        kappa = "—" if found.get("kappa") is None else f"{found['kappa']:.2f}"
        template = (
            translate(
                "AdviceText",
                "A person reviewed {count} answer: the automatic verdicts agreed on {agreed} "
                "({share}, Cohen's kappa {kappa}).",
            )
            if found["count"] == 1
            else translate(
                "AdviceText",
                "A person reviewed {count} answers: the automatic verdicts agreed on {agreed} "
                "({share}, Cohen's kappa {kappa}).",
            )
        )
        text = phrase(
            template,
            count=count(found["count"]),
            agreed=count(found.get("agreed")),
            share=pct(found.get("share")),
            kappa=kappa,
        )
    if d.get("unsure"):
        run = d.get("from_run", "")
        text = then(
            text,
            phrase(
                translate("AdviceText", "{unsure} answers of {run} are unsure and counted apart."),
                unsure=count(d["unsure"]),
                run=quoted((names or {}).get(run, run)),
            ),
        )
    return text


def run_names(runs: Iterable[Mapping] | None) -> dict:
    """run name -> what to call it: a run named after its preset reads as its ladder step."""
    return {r.get("name"): (r.get("label") or r.get("name")) for r in runs or []}
