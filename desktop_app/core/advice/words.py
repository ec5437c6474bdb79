"""The advice in words, once for every place that says it: the window, the report and the CLI.

The advisor returns evidence as data (kind, numbers, rows, runs) and checklist items as stable
ids; these functions word them as ``Phrase``s (core/phrases.py): English text that carries its
template, so the window and a Japanese report say it again in the user's language from the one
catalogue. Everything returned is PLAIN text: run names are user text, so callers escape it or
show it in plain-text labels. A kind this module does not know, or numbers it cannot read, fall
back to the raw data instead of failing.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping

from desktop_app.core.advice.numbers import as_number, count, fallback, pct, seconds
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


# -- evidence -----------------------------------------------------------------------------------
def _run(runs: list, i: int, names: Names) -> Phrase:
    return quoted(names.get(runs[i], runs[i])) if len(runs) > i else translate("AdviceText", "the run")


def _gap_share(gap: str) -> Callable[[dict, list, Names], Phrase]:
    def sentence(n: dict, runs: list, names: Names) -> Phrase:
        template = {
            "knowledge": translate(
                "AdviceText",
                "{count} of the {failures} failing rows of {run} ({share}) are knowledge "
                "gaps: the facts in the answer were missing or wrong.",
            ),
            "behaviour": translate(
                "AdviceText",
                "{count} of the {failures} failing rows of {run} ({share}) are behaviour "
                "gaps: the facts were right but the form was wrong (format, length, tone, "
                "language).",
            ),
            "retrieval": translate(
                "AdviceText",
                "{count} of the {failures} failing rows of {run} ({share}) are retrieval "
                "gaps: the retrieved passages did not contain the answer.",
            ),
            "generation": translate(
                "AdviceText",
                "{count} of the {failures} failing rows of {run} ({share}) are generation "
                "gaps: the passages had the answer but the reply did not use it.",
            ),
        }[gap]
        return phrase(
            template,
            count=count(n["count"]),
            failures=count(n["failures"]),
            run=_run(runs, 0, names),
            share=pct(n["share"]),
        )

    return sentence


def _technique_fixed(n: dict, runs: list, names: Names) -> Phrase:
    run: Any = _run(runs, 1, names)
    if n.get("techniques"):
        run = phrase(
            translate("AdviceText", "{run} (adding {techniques})"), run=run, techniques=techniques(n["techniques"])
        )
    template = (
        translate(
            "AdviceText", "{run} fixed {fixed} of the {of} rows of {reference} that had the wrong form ({share})."
        )
        if n["gap"] == "behaviour"
        else translate(
            "AdviceText", "{run} fixed {fixed} of the {of} rows of {reference} that lacked the right facts ({share})."
        )
    )
    text = phrase(
        template,
        run=run,
        fixed=count(n["fixed"]),
        of=count(n["of"]),
        reference=_run(runs, 0, names),
        share=pct(n["share"]),
    )
    if n.get("broken"):
        broke = (
            translate("AdviceText", "It broke {count} row that passed before.")
            if n["broken"] == 1
            else translate("AdviceText", "It broke {count} rows that passed before.")
        )
        text = then(text, phrase(broke, count=count(n["broken"])))
    return text


def _regression(n: dict, runs: list, names: Names) -> Phrase:
    text = phrase(
        translate(
            "AdviceText",
            "{run} did worse than {reference}: on the {common} rows both answered, the pass "
            "rate fell from {before} to {after}.",
        ),
        run=_run(runs, 1, names),
        reference=_run(runs, 0, names),
        common=count(n["common"]),
        before=pct(n["reference_pass_rate"]),
        after=pct(n["pass_rate"]),
    )
    return then(
        text,
        phrase(
            translate("AdviceText", "Rows broken: {broken}; rows fixed: {fixed}."),
            broken=count(n["broken"]),
            fixed=count(n["fixed"]),
        ),
    )


def _token_cost(n: dict, runs: list, names: Names) -> Phrase:
    text = phrase(
        translate(
            "AdviceText",
            "{run} uses {tokens} tokens per request against {reference_tokens} for {reference} (×{ratio}).",
        ),
        run=_run(runs, 1, names),
        tokens=count(n["tokens_per_request"]),
        reference_tokens=count(n["reference_tokens_per_request"]),
        reference=_run(runs, 0, names),
        ratio=f"{float(n['ratio']):.1f}",
    )
    if as_number(n.get("latency_p50")) is not None and as_number(n.get("reference_latency_p50")) is not None:
        text = then(
            text,
            phrase(
                translate("AdviceText", "Median latency {latency} against {reference_latency}."),
                latency=secs(n["latency_p50"]),
                reference_latency=secs(n["reference_latency_p50"]),
            ),
        )
    return text


def _plateau(n: dict, runs: list, names: Names) -> Phrase:
    return phrase(
        translate(
            "AdviceText",
            "{run} fixed {fixed} of the {of} rows of {reference} with a {gap} ({fixed_share}), "
            "but {remaining} of its {rows} answered rows ({share}) still have one.",
        ),
        run=_run(runs, 1, names),
        fixed=count(n["fixed"]),
        of=count(n["of"]),
        reference=_run(runs, 0, names),
        gap=gap_name(n["gap"]),
        fixed_share=pct(n["fixed_share"]),
        remaining=count(n["remaining"]),
        rows=count(n["rows"]),
        share=pct(n["share"]),
    )


def _readiness(n: dict, runs: list, names: Names) -> Phrase:
    if "in_top_k" in n and "evaluated" in n and "k" in n:
        return phrase(
            translate(
                "AdviceText",
                "Retrieval readiness: the knowledge base returns the answer in its top {k} "
                "passages for {hits} of {rows} rows ({share}).",
            ),
            k=count(n["k"]),
            hits=count(n["in_top_k"]),
            rows=count(n["evaluated"]),
            share=pct(n["share"]),
        )
    return phrase(
        translate(
            "AdviceText",
            "Retrieval readiness: the knowledge base returns the answer in its top passages for "
            "{share} of the rows checked.",
        ),
        share=pct(n["share"]),
    )


def _pass_rate(n: dict, runs: list, names: Names) -> Phrase:
    return phrase(
        translate("AdviceText", "{run} passes {pass_rate} of its {rows} rows; the target is {target}."),
        run=_run(runs, 0, names),
        pass_rate=pct(n["pass_rate"]),
        rows=count(n["rows"]),
        target=pct(n["target"]),
    )


def _cheaper_run(n: dict, runs: list, names: Names) -> Phrase:
    return phrase(
        translate(
            "AdviceText",
            "{run} also meets the target ({pass_rate}) with {tokens} tokens per request instead of {reference_tokens}.",
        ),
        run=_run(runs, 1, names),
        pass_rate=pct(n["pass_rate"]),
        tokens=count(n["tokens_per_request"]),
        reference_tokens=count(n["reference_tokens_per_request"]),
    )


def _errors(n: dict, runs: list, names: Names) -> Phrase:
    text = phrase(
        translate(
            "AdviceText", "{errors} of the {rows} rows of {run} got no answer (errors); they are not counted as gaps."
        ),
        errors=count(n["errors"]),
        rows=count(n["rows"]),
        run=_run(runs, 0, names),
    )
    if n.get("commonest"):
        return then(
            text,
            phrase(
                translate("AdviceText", "The commonest error: {error}. Run again to resume these rows."),
                error=n["commonest"],
            ),
        )
    return then(text, translate("AdviceText", "Check the connection and run again."))


def _no_content_checks(n: dict, runs: list, names: Names) -> Phrase:
    return phrase(
        translate(
            "AdviceText",
            "{run} has no content check, so missing or wrong facts cannot be detected. Add one on "
            "the Checks page (for example token F1 or an LLM judge).",
        ),
        run=_run(runs, 0, names),
    )


def _retrieval_unmeasured(n: dict, runs: list, names: Names) -> Phrase:
    return phrase(
        translate(
            "AdviceText",
            "{count} of the {rows} answered rows of {run} have wrong facts, but no retrieval check "
            "scored their passages, so it is unknown whether retrieval or the answer is at fault.",
        ),
        count=count(n["count"]),
        rows=count(n["rows"]),
        run=_run(runs, 0, names),
    )


def _not_in_documents(n: dict, runs: list, names: Names) -> Phrase:
    return phrase(
        translate(
            "AdviceText",
            "For {count} of the {of} rows {run} got wrong, no document holds the expected answer "
            "({share}): add documents that cover these questions.",
        ),
        count=count(n["count"]),
        of=count(n["of"]),
        run=_run(runs, 0, names),
        share=pct(n["share"]),
    )


EVIDENCE_SENTENCES: dict[str, Callable[[dict, list, Names], Phrase]] = {
    "not_in_documents": _not_in_documents,
    **{f"{gap}_gap_share": _gap_share(gap) for gap in GAP_KINDS},
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


def evidence_sentence(item: Mapping, names: Names | None = None) -> Phrase | str:
    """One evidence dict ({kind, numbers, rows, runs}) as a sentence (its rows are shown apart)."""
    kind = str(item.get("kind", "?"))
    numbers = item.get("numbers") or {}
    runs = [str(r) for r in item.get("runs") or []]
    make = EVIDENCE_SENTENCES.get(kind)
    if make is not None and isinstance(numbers, dict):
        try:
            return then(make(numbers, runs, names or {}), chance(numbers))
        except (KeyError, TypeError, ValueError, IndexError):
            pass  # a changed or partial numbers dict: show the raw data rather than nothing
    text = fallback(kind, numbers)
    return text + (f" ({', '.join(runs)})" if runs else "")


def chance(n: Mapping) -> Phrase | str:
    """For a comparison of two runs: said plainly when its difference could be chance."""
    p = n.get("p_value")
    if not isinstance(p, (int, float)) or p < 0.05 or not (n.get("broken") or n.get("fixed")):
        return ""
    text = phrase(translate("AdviceText", "This could be chance (p = {p})."), p=f"{p:.2f}")
    if n.get("rows_to_settle"):
        text = then(
            text,
            phrase(
                translate("AdviceText", "About {rows} evaluation rows would settle it."),
                rows=count(n["rows_to_settle"]),
            ),
        )
    return text
