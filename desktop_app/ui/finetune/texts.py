"""Sentences of the fine-tuning helper built from the core's codes and numbers.

Translatable under the "FineTuneText" context: every string is a literal
QCoreApplication.translate call so lupdate finds it; %1, %2 are filled by ``fill``.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.ui.words import fill


def severity_text(severity: str) -> str:
    return {"problem": QCoreApplication.translate("FineTuneText", "Problem"),
            "warning": QCoreApplication.translate("FineTuneText", "Warning")}.get(severity, severity)


def finding_text(f: dict) -> str:
    """One finding (``Finding.to_dict()``) as a sentence a non-programmer can act on."""
    kind = f.get("kind", "")
    if kind == "malformed":
        return QCoreApplication.translate(
            "FineTuneText", "Not a usable conversation: each example needs a user turn and ends with the answer.")
    if kind == "empty":
        return fill(QCoreApplication.translate("FineTuneText", "Message %1 (%2) is empty."),
                    f.get("message", ""), f.get("role", ""))
    if kind == "too_long":
        return fill(QCoreApplication.translate(
            "FineTuneText", "%1 tokens, over the limit of %2 per example: shorten it or leave it out."),
            f"{f.get('tokens', 0):,}", f"{f.get('limit', 0):,}")
    if kind == "file_too_large":
        return QCoreApplication.translate("FineTuneText", "The file is larger than the provider accepts.")
    if kind == "duplicate":
        return fill(QCoreApplication.translate("FineTuneText", "The same example as row %1: keep one."),
                    f.get("same_as", ""))
    if kind == "near_duplicate":
        return fill(QCoreApplication.translate("FineTuneText", "Nearly the same as row %1 (%2% alike): keep one."),
                    f.get("same_as", ""), f.get("similarity", ""))
    if kind == "leak":
        return fill(QCoreApplication.translate(
            "FineTuneText", "The same question as evaluation row %1: the tuned model would be scored on what it "
                            "was taught. Remove it from one side."), f.get("eval_row", ""))
    if kind == "near_leak":
        return fill(QCoreApplication.translate(
            "FineTuneText", "Nearly the same question as evaluation row %1 (%2% alike): the score could flatter "
                            "the tuned model."), f.get("eval_row", ""), f.get("similarity", ""))
    if kind == "too_few" and f.get("severity") == "problem":
        return fill(QCoreApplication.translate(
            "FineTuneText", "%1 training examples; the provider needs at least %2. About %3 good ones are usually "
                            "enough to start."), f.get("count", 0), f.get("minimum", 0), f.get("recommended", 0))
    if kind == "too_few":
        return fill(QCoreApplication.translate(
            "FineTuneText", "%1 training examples. A small set of high-quality examples is the right start; about "
                            "%2 usually show a clear change."), f.get("count", 0), f.get("recommended", 0))
    if kind == "fails_check":
        return fill(QCoreApplication.translate(
            "FineTuneText", "The answer fails the check %1: fine-tuning copies the behaviour in the data, good or "
                            "bad."), f.get("check", ""))
    return kind


def where_text(f: dict) -> str:
    if not f.get("line"):
        return QCoreApplication.translate("FineTuneText", "Whole set")
    if f.get("split") == "validation":
        return fill(QCoreApplication.translate("FineTuneText", "Validation, line %1"), f["line"])
    return fill(QCoreApplication.translate("FineTuneText", "Training, line %1"), f["line"])


def summary_text(report: dict) -> str:
    est = report["estimate"]
    cost = (QCoreApplication.translate("FineTuneText", "price unknown: add it to the price table")
            if est["cost"] is None else QCoreApplication.translate("FineTuneText", "no fee, it runs on your machine")
            if est["provider"] == "local" else fill(QCoreApplication.translate("FineTuneText", "about $%1"),
                                             f"{est['cost']:.2f}"))
    return fill(QCoreApplication.translate(
        "FineTuneText", "%1 training and %2 validation examples from a pool of %3. %4 tokens per epoch, %5 over %6 "
                        "epochs of %7: %8."),
        report["train"], report["validation"], report["pool"], f"{est['tokens_per_epoch']:,}",
        f"{est['trained_tokens']:,}", est["epochs"], est["model"], cost) + longest_text(report)


def longest_text(report: dict) -> str:
    if not report.get("tokens_max_row"):
        return ""
    if report.get("tokens_limit"):
        return " " + fill(QCoreApplication.translate("FineTuneText", "Longest example: %1 tokens (row %2; the limit "
                                                                     "is %3)."),
                          f"{report['tokens_max']:,}", report["tokens_max_row"], f"{report['tokens_limit']:,}")
    return " " + fill(QCoreApplication.translate("FineTuneText", "Longest example: %1 tokens (row %2)."),
                      f"{report['tokens_max']:,}", report["tokens_max_row"])


def refusal_text(kind: str) -> tuple[str, str]:
    """(what happened, what to do) for a FineTuneError kind."""
    other = QCoreApplication.translate(
        "FineTuneText", "Other routes work with the same file: Azure OpenAI, Together or Fireworks, or a local "
                        "trainer (Other routes tab), then register the tuned model.")
    texts = {
        "training_not_available": (QCoreApplication.translate(
            "FineTuneText", "The provider does not accept fine-tuning jobs from this account. OpenAI is closing "
                            "self-serve fine-tuning: accounts that never fine-tuned are refused."), other),
        "quota": (QCoreApplication.translate("FineTuneText", "The account has no quota or credit left for "
                                                             "fine-tuning."),
                  QCoreApplication.translate("FineTuneText", "Add credit in the provider's billing settings, or "
                                                             "take another route.") + " " + other),
        "file_rejected": (QCoreApplication.translate("FineTuneText", "The provider rejected the training file."),
                          QCoreApplication.translate("FineTuneText", "Fix what it names, check the file again and "
                                                                     "retry.")),
        "model_not_available": (QCoreApplication.translate("FineTuneText", "This base model cannot be fine-tuned "
                                                                           "here."),
                                QCoreApplication.translate("FineTuneText", "Choose a base model the provider lists "
                                                                           "as fine-tunable, e.g. "
                                                                           "gpt-4o-mini-2024-07-18.")),
        "no_training_api": (QCoreApplication.translate("FineTuneText", "This server has no fine-tuning API (a local "
                                                                       "server only answers chat)."), other),
        "job_not_found": (QCoreApplication.translate("FineTuneText", "The provider knows no such fine-tuning job."),
                          QCoreApplication.translate("FineTuneText", "Check that the connection is the account or "
                                                                     "resource that started it.")),
        "key_rejected": (QCoreApplication.translate("FineTuneText", "The server rejected the key for "
                                                                    "fine-tuning."),
                         QCoreApplication.translate("FineTuneText", "Check the key may create fine-tuning jobs on "
                                                                    "this account or Azure resource.")),
        "unreachable": (QCoreApplication.translate("FineTuneText", "The server could not be reached."),
                        QCoreApplication.translate("FineTuneText", "Check the network and the address under "
                                                                   "Connection.")),
        "job_failed": (QCoreApplication.translate("FineTuneText", "The fine-tuning job failed at the provider."),
                       QCoreApplication.translate("FineTuneText", "Read the provider's reason below, fix it and "
                                                                  "start again.")),
    }
    return texts.get(kind, (QCoreApplication.translate("FineTuneText", "The server answered with an error."),
                            QCoreApplication.translate("FineTuneText", "Try again later.")))


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
