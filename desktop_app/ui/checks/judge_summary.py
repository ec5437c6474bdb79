"""Which model judges, read from project.json without the providers (no openai at page load).

The sections are the ones ``judge.judge_config`` reads: ``judge_connection`` when it names a
server, else the project's ``connection``.
"""

from __future__ import annotations

from desktop_app.core.run.judge import JUDGE_SECTION

__all__ = ["JUDGE_SECTION", "model_of", "project_model", "own_section"]


def model_of(section: dict | None) -> str:
    """The model a connection section asks (ConnectionConfig.chat_model: Azure names a deployment)."""
    section = section or {}
    if str(section.get("preset") or "offline") == "offline":
        return ""
    if section.get("preset") == "azure":
        return str(section.get("azure_deployment") or section.get("model") or "")
    return str(section.get("model") or "")


def project_model(project) -> str:
    """The model under test: the project's connection's ("" offline)."""
    return model_of(project.section("connection")) if project is not None else ""


def own_section(project) -> dict | None:
    """The judge's own server, or None when it asks the project's connection."""
    own = project.section(JUDGE_SECTION) if project is not None else None
    if isinstance(own, dict) and own.get("preset") not in (None, "", "offline"):
        return own
    return None
