"""Typed errors that carry a user-facing explanation and a hint.

Core code raises these; the CLI prints ``message`` (and ``hint``) on one line and exits 2,
the ui shows them in a banner or dialog and carries on.
"""
from __future__ import annotations


class AppError(Exception):
    """An error a user can act on: what is wrong (``message``) and what to do (``hint``)."""

    code = "app_error"

    def __init__(self, message: str, hint: str = "", *, details: dict | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.details = dict(details or {})

    def one_line(self) -> str:
        return f"{self.message} {self.hint}".strip()


class DataError(AppError):
    """The evaluation set cannot be read or mapped as asked."""

    code = "data_error"


class ProjectError(AppError):
    """The project folder or project.json is missing, unreadable or from a newer version."""

    code = "project_error"


class ConnectionFailed(AppError):
    """A model server could not be used: unreachable, key rejected, model missing."""

    code = "connection_failed"


class KnowledgeError(AppError):
    """Documents could not be indexed or searched."""

    code = "knowledge_error"


class CheckError(AppError):
    """A check is misconfigured (bad regex, bad JSON schema, unknown kind)."""

    code = "check_error"


class RunError(AppError):
    """A run cannot start or an imported run cannot be read."""

    code = "run_error"
