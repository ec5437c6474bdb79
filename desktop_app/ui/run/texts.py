"""The Run step's sentences, built from the plain data the tasks return (translatable, plain text).

Every string is a literal ``translate("RunTexts", ...)`` call, the form lupdate extracts.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.ui.run import words
from desktop_app.ui.run.words import fill, plural

translate = QCoreApplication.translate


def source_text(info) -> str:
    """Which variants will run and why these (LoadInfo)."""
    if not info.variants:
        return translate("RunTexts", "No variant to run yet.")
    if info.source == "ticked":
        template = translate("RunTexts", "%1 — the variants ticked under Variants.")
    elif info.source == "all":
        template = translate("RunTexts", "%1 — every variant of the project (none is ticked under Variants).")
    else:
        template = translate("RunTexts", "%1 — the starting presets (the project has no variants of its own yet).")
    return fill(template, ", ".join(v.name for v in info.variants))


def estimate_text(plan) -> str:
    """'360 calls, about 410k tokens (...), about $0.21, about 2 min.' plus what is skipped or free."""
    est = plan.estimate
    lines = []
    if est.calls == 0:
        lines.append(
            translate(
                "RunTexts",
                "Nothing to send: every row of these variants has an answer, or its request was answered before.",
            )
        )
    else:
        cost = words.money(est.cost_usd)
        if est.cost_usd == 0:  # a local server (or a price of zero): "about $0.00" reads like a guess
            cost = translate("RunTexts", "free")
        elif est.cost_usd is not None:
            cost = fill(translate("RunTexts", "about %1"), cost)
        calls = plural(est.calls, translate("RunTexts", "%1 call"), translate("RunTexts", "%1 calls"))
        template = translate("RunTexts", "%1, about %2 tokens (%3 in, about %4 out), %5, %6 at %7 requests at a time.")
        lines.append(
            fill(
                template,
                calls,
                words.tokens(est.total_tokens),
                words.tokens(est.input_tokens),
                words.tokens(est.output_tokens),
                cost,
                words.about_duration(est.time_s),
                est.concurrency,
            )
        )
    too_long = getattr(est, "too_long", 0)
    if too_long and est.context_tokens:  # the server would refuse them: say so before Run, not after
        lines.append(
            fill(
                plural(
                    too_long,
                    translate(
                        "RunTexts",
                        "Warning: %1 request is longer than the model's context (%2 "
                        "tokens): lower the variant's top-k or the chunk size, or "
                        "use a model with a longer context.",
                    ),
                    translate(
                        "RunTexts",
                        "Warning: %1 requests are longer than the model's context "
                        "(%2 tokens): lower the variant's top-k or the chunk size, "
                        "or use a model with a longer context.",
                    ),
                ),
                f"{too_long:,}",
                f"{est.context_tokens:,}",
            )
        )
    extra = []
    rerank_calls, rerank_cached = getattr(est, "rerank_calls", 0), getattr(est, "rerank_cached", 0)
    if rerank_calls:  # counted now, made only after Run is pressed
        template = (
            translate(
                "RunTexts", "Re-ranking is included: %1 rating call (about %2 tokens, %3), made when the run starts."
            )
            if rerank_calls == 1
            else translate(
                "RunTexts", "Re-ranking is included: %1 rating calls (about %2 tokens, %3), made when the run starts."
            )
        )
        extra.append(
            fill(template, f"{rerank_calls:,}", words.tokens(est.rerank_tokens), words.money(est.rerank_cost_usd))
        )
    if rerank_cached:
        extra.append(
            plural(
                rerank_cached,
                translate("RunTexts", "%1 re-ranking rating comes from the cache at no cost."),
                translate("RunTexts", "%1 re-ranking ratings come from the cache at no cost."),
            )
        )
    if plan.finished:
        extra.append(
            plural(
                plan.finished,
                translate("RunTexts", "%1 row already answered is skipped."),
                translate("RunTexts", "%1 rows already answered are skipped."),
            )
        )
    if plan.waiting:
        extra.append(
            plural(
                plan.waiting,
                translate("RunTexts", "%1 row waits for a batch's results and is not sent again."),
                translate("RunTexts", "%1 rows wait for a batch's results and are not sent again."),
            )
        )
    if est.cached:
        extra.append(
            plural(
                est.cached,
                translate("RunTexts", "%1 request answered before comes from the cache at no cost."),
                translate("RunTexts", "%1 requests answered before come from the cache at no cost."),
            )
        )
    if est.unpriced_models:
        extra.append(
            fill(
                translate("RunTexts", "No price is known for %1, so the cost leaves it out."),
                ", ".join(est.unpriced_models),
            )
        )
    if est.approximate_models and est.calls:
        extra.append(
            fill(translate("RunTexts", "Token counts for %1 are approximate."), ", ".join(est.approximate_models))
        )
    if est.extrapolated:
        extra.append(
            plural(
                est.extrapolated,
                translate(
                    "RunTexts",
                    "%1 request holds a very long text: its tokens are estimated from "
                    "its length (check the data for a huge cell).",
                ),
                translate(
                    "RunTexts",
                    "%1 requests hold a very long text: their tokens are estimated "
                    "from its length (check the data for a huge cell).",
                ),
            )
        )
    if est.calls:
        extra.append(
            translate("RunTexts", "Output tokens are guessed from the expected answers; the time from earlier runs.")
        )
    if extra:
        lines.append(" ".join(extra))
    return "\n".join(lines)


def batch_price_text(plan) -> str:
    """Both prices side by side, for connections with a Batch API ("" when nothing would be sent)."""
    est = plan.estimate
    if est.calls == 0:
        return ""
    return fill(
        translate("RunTexts", "Price online: %1. As a batch: %2 (about half; results within 24 hours)."),
        words.money(est.cost_usd),
        words.money(est.batch_cost_usd),
    )


def resume_text(interrupted) -> tuple[str, str]:
    """(sentence, button text) for runs that stopped before every row had an answer."""
    done = sum(i.done for i in interrupted)
    total = sum(i.total for i in interrupted)
    parts = [
        fill(
            translate("RunTexts", "%1 (%2, %3/%4)"), i.name, words.status_word(i.status), f"{i.done:,}", f"{i.total:,}"
        )
        for i in interrupted
    ]
    sentence = fill(
        translate("RunTexts", "An earlier run stopped before it finished: %1. Resume sends only the missing rows."),
        "; ".join(parts),
    )
    return sentence, fill(translate("RunTexts", "Res&ume %1/%2"), f"{done:,}", f"{total:,}")


def totals_text(totals: dict, running: bool) -> str:
    # Answered rows, as Resume counts them: a row that ended in an error is sent again, not done.
    answered = max(0, totals["done"] - totals["errors"])
    parts = [fill(translate("RunTexts", "Overall %1/%2 answered"), f"{answered:,}", f"{totals['total']:,}")]
    if running and totals["eta_s"] is not None:
        parts.append(fill(translate("RunTexts", "ETA %1"), words.duration(totals["eta_s"])))
    if totals.get("priced", True):
        parts.append(fill(translate("RunTexts", "%1 spent"), words.money(totals["cost"])))
    else:
        parts.append(
            fill(translate("RunTexts", "%1 spent on the models with a known price"), words.money(totals["cost"]))
        )
    if totals["errors"]:
        parts.append(
            plural(
                totals["errors"],
                translate("RunTexts", "%1 error (sent again on resume)"),
                translate("RunTexts", "%1 errors (sent again on resume)"),
            )
        )
    return " · ".join(parts)


def outcome_text(outcome) -> str:
    if outcome.stopped:
        return translate("RunTexts", "Cancelled. Every finished row is kept; resume whenever you like.")
    failed = [n for n, s in outcome.statuses.items() if s != "complete"]
    if failed:
        return fill(translate("RunTexts", "Stopped before the end: %1. Finished rows are kept."), ", ".join(failed))
    runs = plural(len(outcome.statuses), translate("RunTexts", "%1 run"), translate("RunTexts", "%1 runs"))
    text = fill(translate("RunTexts", "Finished: %1, %2 rows."), runs, f"{outcome.rows:,}")
    if outcome.errors:
        text += " " + plural(
            outcome.errors,
            translate("RunTexts", "%1 row ended in an error; see View errors. Running again retries it."),
            translate("RunTexts", "%1 rows ended in an error; see View errors. Running again retries them."),
        )
    for name, cut in outcome.prompt_cut.items():
        text += " " + fill(
            translate(
                "RunTexts",
                "“%1”: the server cut the prompt of %2 rows to fit its context window, so those answers never "
                "saw all of their passages (see Advice).",
            ),
            name,
            f"{cut:,}",
        )
    return text + " " + translate("RunTexts", "See the leaderboard under Results.")


def import_text(report: dict) -> tuple[str, str, str]:
    """(message, hint, banner kind) after an import: what was stored and what did not match."""
    message = fill(
        translate("RunTexts", "Imported “%1”: %2 of %3 evaluation rows."),
        report["name"],
        f"{report['stored']:,}",
        f"{report['evaluation_rows']:,}",
    )
    notes = []
    if report.get("replaced"):
        notes.append(translate("RunTexts", "It replaces the earlier import of that name."))
    if report.get("missing_count"):
        rows = plural(report["missing_count"], translate("RunTexts", "%1 row"), translate("RunTexts", "%1 rows"))
        notes.append(
            fill(
                translate("RunTexts", "%1 without an output (e.g. %2)."),
                rows,
                ", ".join(report.get("missing_ids", [])[:5]),
            )
        )
    if report.get("unknown_count"):
        ids = plural(report["unknown_count"], translate("RunTexts", "%1 id"), translate("RunTexts", "%1 ids"))
        notes.append(
            fill(
                translate("RunTexts", "%1 in the file match no evaluation row and were left out (e.g. %2)."),
                ids,
                ", ".join(report.get("unknown_ids", [])[:5]),
            )
        )
    if report.get("pool"):
        notes.append(
            plural(
                report["pool"],
                translate("RunTexts", "%1 id belongs to the examples pool and was left out."),
                translate("RunTexts", "%1 ids belong to the examples pool and were left out."),
            )
        )
    if report.get("blank_outputs"):
        notes.append(
            plural(
                report["blank_outputs"],
                translate("RunTexts", "%1 output is blank."),
                translate("RunTexts", "%1 outputs are blank."),
            )
        )
    kind = "warning" if (report.get("missing_count") or report.get("unknown_count") or report.get("pool")) else "info"
    return message, " ".join(notes), kind
