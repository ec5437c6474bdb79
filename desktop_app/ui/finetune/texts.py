"""Sentences of the fine-tuning helper built from the core's codes and numbers.

Translatable under the "FineTuneText" context: every string is a literal
QCoreApplication.translate call so lupdate finds it; %1, %2 are filled by ``fill``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.ui.words import fill


def severity_text(severity: str) -> str:
    return {
        "problem": QCoreApplication.translate("FineTuneText", "Problem"),
        "warning": QCoreApplication.translate("FineTuneText", "Warning"),
    }.get(severity, severity)


def finding_text(f: dict) -> str:
    """One finding (``Finding.to_dict()``) as a sentence a non-programmer can act on."""
    kind = f.get("kind", "")
    if kind == "malformed":
        return QCoreApplication.translate(
            "FineTuneText", "Not a usable conversation: each example needs a user turn and ends with the answer."
        )
    if kind == "empty":
        return fill(
            QCoreApplication.translate("FineTuneText", "Message %1 (%2) is empty."),
            f.get("message", ""),
            f.get("role", ""),
        )
    if kind == "too_long":
        return fill(
            QCoreApplication.translate(
                "FineTuneText", "%1 tokens, over the limit of %2 per example: shorten it or leave it out."
            ),
            f"{f.get('tokens', 0):,}",
            f"{f.get('limit', 0):,}",
        )
    if kind == "file_too_large":
        return QCoreApplication.translate("FineTuneText", "The file is larger than the provider accepts.")
    if kind == "duplicate":
        return fill(
            QCoreApplication.translate("FineTuneText", "The same example as row %1: keep one."), f.get("same_as", "")
        )
    if kind == "near_duplicate":
        return fill(
            QCoreApplication.translate("FineTuneText", "Nearly the same as row %1 (%2% alike): keep one."),
            f.get("same_as", ""),
            f.get("similarity", ""),
        )
    if kind == "leak":
        return fill(
            QCoreApplication.translate(
                "FineTuneText",
                "The same question as evaluation row %1: the tuned model would be scored on what it "
                "was taught. Remove it from one side.",
            ),
            f.get("eval_row", ""),
        )
    if kind == "near_leak":
        return fill(
            QCoreApplication.translate(
                "FineTuneText",
                "Nearly the same question as evaluation row %1 (%2% alike): the score could flatter the tuned model.",
            ),
            f.get("eval_row", ""),
            f.get("similarity", ""),
        )
    if kind == "too_few" and f.get("severity") == "problem":
        return fill(
            QCoreApplication.translate(
                "FineTuneText",
                "%1 training examples; the provider needs at least %2. About %3 good ones are usually enough to start.",
            ),
            f.get("count", 0),
            f.get("minimum", 0),
            f.get("recommended", 0),
        )
    if kind == "too_few":
        return fill(
            QCoreApplication.translate(
                "FineTuneText",
                "%1 training examples. A small set of high-quality examples is the right start; about "
                "%2 usually show a clear change.",
            ),
            f.get("count", 0),
            f.get("recommended", 0),
        )
    if kind == "fails_check":
        return fill(
            QCoreApplication.translate(
                "FineTuneText",
                "The answer fails the check %1: fine-tuning copies the behaviour in the data, good or bad.",
            ),
            f.get("check", ""),
        )
    return kind


def where_text(f: dict) -> str:
    if not f.get("line"):
        return QCoreApplication.translate("FineTuneText", "Whole set")
    if f.get("split") == "validation":
        return fill(QCoreApplication.translate("FineTuneText", "Validation, line %1"), f["line"])
    return fill(QCoreApplication.translate("FineTuneText", "Training, line %1"), f["line"])


def summary_text(report: dict) -> str:
    est = report["estimate"]
    cost = (
        QCoreApplication.translate("FineTuneText", "price unknown: add it to the price table")
        if est["cost"] is None
        else QCoreApplication.translate("FineTuneText", "no fee, it runs on your machine")
        if est["provider"] == "local"
        else fill(QCoreApplication.translate("FineTuneText", "about $%1"), f"{est['cost']:.2f}")
    )
    return fill(
        QCoreApplication.translate(
            "FineTuneText",
            "%1 training and %2 validation examples from a pool of %3. %4 tokens per epoch, %5 over %6 "
            "epochs of %7: %8.",
        ),
        report["train"],
        report["validation"],
        report["pool"],
        f"{est['tokens_per_epoch']:,}",
        f"{est['trained_tokens']:,}",
        est["epochs"],
        est["model"],
        cost,
    ) + longest_text(report)


def longest_text(report: dict) -> str:
    if not report.get("tokens_max_row"):
        return ""
    if report.get("tokens_limit"):
        return " " + fill(
            QCoreApplication.translate("FineTuneText", "Longest example: %1 tokens (row %2; the limit is %3)."),
            f"{report['tokens_max']:,}",
            report["tokens_max_row"],
            f"{report['tokens_limit']:,}",
        )
    return " " + fill(
        QCoreApplication.translate("FineTuneText", "Longest example: %1 tokens (row %2)."),
        f"{report['tokens_max']:,}",
        report["tokens_max_row"],
    )


def refusal_text(kind: str) -> tuple[str, str]:
    """(what happened, what to do) for a FineTuneError kind: what happened in the core's words (the
    CLI says the same), what to do pointing at this dialog's tabs."""
    from desktop_app.core.finetune.jobs import refusal_words  # noqa: PLC0415 - openai loads with it
    from desktop_app.ui.language import localized  # noqa: PLC0415

    other = QCoreApplication.translate(
        "FineTuneText",
        "Other routes work with the same file: Azure OpenAI, Together or Fireworks, or a local "
        "trainer (Other routes tab), then register the tuned model.",
    )
    hints = {
        "training_not_available": other,
        "quota": QCoreApplication.translate(
            "FineTuneText", "Add credit in the provider's billing settings, or take another route."
        )
        + " "
        + other,
        "file_rejected": QCoreApplication.translate(
            "FineTuneText", "Fix what it names, check the file again and retry."
        ),
        "no_training_api": other,
        "job_failed": QCoreApplication.translate(
            "FineTuneText", "Read the provider's reason below, fix it and start again."
        ),
    }
    message, hint = refusal_words(kind)
    return localized(message), hints.get(kind) or localized(hint)


def status_text(status: str) -> str:
    return {
        "validating_files": QCoreApplication.translate("FineTuneText", "Checking the files"),
        "queued": QCoreApplication.translate("FineTuneText", "Waiting in the provider's queue"),
        "running": QCoreApplication.translate("FineTuneText", "Training"),
        "succeeded": QCoreApplication.translate("FineTuneText", "Finished"),
        "failed": QCoreApplication.translate("FineTuneText", "Failed"),
        "cancelled": QCoreApplication.translate("FineTuneText", "Cancelled"),
        "uploading": QCoreApplication.translate("FineTuneText", "Uploading the files"),
    }.get(status, status)
