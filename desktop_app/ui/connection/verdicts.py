"""The Test button's verdict codes (providers.VERDICTS) as sentences a person can act on.

The core reports codes and numbers; the sentences live here, translatable under the
"ConnectionPage" context. Each is a literal ``QCoreApplication.translate`` call so lupdate
finds it; placeholders %1, %2 are filled in one pass by ``fill`` (data never becomes a format
string, and a model named "%2" stays "%2").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

MAX_MODELS_NAMED = 8


def fill(text: str, *args: object) -> str:
    """``text`` with %1, %2... replaced by ``args``."""
    return re.sub(
        r"%(\d)", lambda m: str(args[int(m.group(1)) - 1]) if 0 < int(m.group(1)) <= len(args) else m.group(0), text
    )


@dataclass(frozen=True)
class VerdictText:
    headline: str
    hint: str = ""
    detail: str = ""  # the server's own words, shown as they came (plain text)
    ok: bool = False


def describe(report, models: tuple[str, ...] = (), env_var: str = "") -> VerdictText:
    """Headline, what to do, and the server's message for a ConnectionReport."""
    v = report.verdict
    url = report.url or QCoreApplication.translate("ConnectionPage", "the configured address")
    detail = report.detail if v not in ("connected", "offline", "no_key") else ""
    # "answered in 0.0 s" reads as "did not answer": a fast local server gets two decimals.
    latency = report.latency_s or 0.0
    seconds = f"{latency:.1f}" if latency >= 0.1 else f"{max(latency, 0.01):.2f}"
    if v == "connected":
        if report.model:
            window = getattr(report, "context_tokens", None)
            # The Run estimate warns against this number; the user sees where it came from.
            hint = (
                fill(
                    QCoreApplication.translate("ConnectionPage", "Context window: %1 tokens (the server's %2)."),
                    f"{int(window):,}",
                    getattr(report, "context_source", "") or "?",
                )
                if window
                else ""
            )
            return VerdictText(
                fill(
                    QCoreApplication.translate("ConnectionPage", "Connected: %1 answered in %2 s"),
                    report.model,
                    seconds,
                ),
                hint,
                ok=True,
            )
        return VerdictText(
            fill(
                QCoreApplication.translate("ConnectionPage", "Connected: the server at %1 answered in %2 s"),
                url,
                seconds,
            ),
            QCoreApplication.translate("ConnectionPage", "Choose a model so that Test also asks it a question."),
            ok=True,
        )
    if v == "key_rejected":
        return VerdictText(
            QCoreApplication.translate("ConnectionPage", "The server rejected the key"),
            QCoreApplication.translate(
                "ConnectionPage",
                "Check that the key is current and belongs to this server or Azure resource, then replace it.",
            ),
            detail,
        )
    if v == "unreachable":
        return VerdictText(
            fill(QCoreApplication.translate("ConnectionPage", "No server answered at %1"), url),
            QCoreApplication.translate(
                "ConnectionPage", "Check the address and port, that the server is running, and your network or proxy."
            ),
            detail,
        )
    if v == "model_not_found":
        model = report.model or "?"
        if models:
            names = ", ".join(models[:MAX_MODELS_NAMED]) + (", …" if len(models) > MAX_MODELS_NAMED else "")
            return VerdictText(
                fill(
                    QCoreApplication.translate("ConnectionPage", "The model %1 was not found — choose one of %2"),
                    model,
                    names,
                ),
                QCoreApplication.translate("ConnectionPage", "The model list now holds the server's models."),
                detail,
            )
        return VerdictText(
            fill(QCoreApplication.translate("ConnectionPage", "The model %1 was not found on the server"), model),
            QCoreApplication.translate("ConnectionPage", "Check the name; for Azure OpenAI use the deployment name."),
            detail,
        )
    if v == "timeout":
        return VerdictText(
            fill(
                QCoreApplication.translate("ConnectionPage", "The server at %1 did not answer in time (%2 s)"),
                url,
                seconds,
            ),
            QCoreApplication.translate(
                "ConnectionPage", "Check that the server is running; a slow local model may need a longer timeout."
            ),
            detail,
        )
    if v == "no_key":
        hint = (
            fill(
                QCoreApplication.translate(
                    "ConnectionPage", "Paste the key above and press Save, or set the environment variable %1."
                ),
                env_var,
            )
            if env_var
            else QCoreApplication.translate("ConnectionPage", "Paste the key above and press Save.")
        )
        return VerdictText(
            QCoreApplication.translate("ConnectionPage", "There is no API key for this connection"), hint
        )
    if v == "offline":
        return VerdictText(
            QCoreApplication.translate(
                "ConnectionPage", "Offline: no model calls are made, so there is nothing to test"
            )
        )
    if v == "bad_answer":
        return VerdictText(
            fill(
                QCoreApplication.translate(
                    "ConnectionPage", "The server at %1 answered, but not with a model's answer"
                ),
                url,
            ),
            QCoreApplication.translate(
                "ConnectionPage",
                "Check the address: a proxy, a login page or another "
                "service may be answering instead of the model server.",
            ),
            detail,
        )
    if v == "quota":
        return VerdictText(
            QCoreApplication.translate("ConnectionPage", "The account's quota or billing limit is used up"),
            QCoreApplication.translate(
                "ConnectionPage", "Add credit or raise the limit in the provider's billing settings."
            ),
            detail,
        )
    status = f" (HTTP {report.status})" if report.status else ""
    return VerdictText(
        fill(QCoreApplication.translate("ConnectionPage", "The server at %1 answered with an error%2"), url, status),
        QCoreApplication.translate(
            "ConnectionPage", "Try again later; if it persists, check the server's status or your quota."
        ),
        detail,
    )
