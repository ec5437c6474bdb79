"""Typed errors that carry a user-facing explanation and a hint.

Core code raises these; the CLI prints ``message`` (and ``hint``) on one line and exits 2,
the ui shows them in a banner or dialog and carries on.
"""

from __future__ import annotations

from desktop_app.core.phrases import phrase, translate


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


class StorageError(AppError):
    """The disk refused a write: full, over quota, or read-only."""

    code = "storage_error"


_FULL_ERRNOS = {28, 122}  # ENOSPC, EDQUOT (Linux; macOS's EDQUOT is 69, added below)


def as_app_error(exc: BaseException) -> AppError | None:
    """A plain AppError for failures a user can act on that arrive as library exceptions (a full
    disk from the OS or from SQLite, a read-only folder), else None: a bug stays a bug."""
    import errno
    import sqlite3

    if isinstance(exc, AppError):
        return exc
    full = {errno.ENOSPC, getattr(errno, "EDQUOT", 122)} | _FULL_ERRNOS
    text = str(exc).lower()
    if (isinstance(exc, OSError) and exc.errno in full) or (
        isinstance(exc, sqlite3.OperationalError) and ("disk is full" in text or "disk full" in text)
    ):
        return StorageError(
            translate("StorageErrors", "The disk is full: the last step could not be saved."),
            translate(
                "StorageErrors",
                "Free some disk space and try again; what was saved before is intact (a run resumes where it stopped).",
            ),
            details={"kind": "disk_full"},
        )
    if isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        problem = exc.strerror or exc
        message = (
            phrase(
                translate("StorageErrors", "The app may not write here ({where}): {problem}."),
                where=exc.filename,
                problem=problem,
            )
            if getattr(exc, "filename", None)
            else phrase(translate("StorageErrors", "The app may not write here: {problem}."), problem=problem)
        )
        return StorageError(
            message,
            translate("StorageErrors", "Choose a folder you can write to, or ask for write access."),
            details={"kind": "not_writable"},
        )
    if isinstance(exc, sqlite3.OperationalError) and "readonly" in text.replace(" ", ""):
        return StorageError(
            translate("StorageErrors", "The results file is read-only."),
            translate("StorageErrors", "Make the project folder writable and try again."),
            details={"kind": "not_writable"},
        )
    return None
