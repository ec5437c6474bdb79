"""The advice's evidence in words: one sentence per evidence kind (the advisor's data: kind,
numbers, rows, runs), said by the window and the report alike, and "this could be chance" for a
comparison whose difference a few rows could explain. The small words (quoted run names, gap
names, techniques, lists) come from words.py.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

from desktop_app.core.advice.numbers import as_number, count, fallback, pct
from desktop_app.core.advice.words import GAP_KINDS, Names, gap_name, quoted, secs, techniques, then
from desktop_app.core.phrases import Phrase, phrase, translate


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


def _prompt_cut(n: dict, runs: list, names: Names) -> Phrase:
    return then(
        phrase(
            translate(
                "AdviceText",
                "The server cut the prompt of {rows} of the {of} rows of {run} to fit its context window "
                "(it read {read} of the {sent} tokens sent): those answers never saw all of their passages "
                "or instructions, so their gaps may not be what they seem.",
            ),
            rows=count(n["rows"]),
            of=count(n["of"]),
            run=_run(runs, 0, names),
            read=count(n["read"]),
            sent=count(n["sent"]),
        ),
        PROMPT_CUT_HINT,
    )


# Shared with the CLI's `run` warning: what to change so the whole prompt is read.
PROMPT_CUT_HINT = translate(
    "AdviceText",
    "Give the model a longer context window (Ollama: start it with OLLAMA_CONTEXT_LENGTH=8192 or set "
    "num_ctx; LM Studio: raise the model's context length), or lower top-k, then run again.",
)


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
    "prompt_cut": _prompt_cut,
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
