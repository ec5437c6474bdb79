"""Log to a rotating file in the user log dir, with anything that looks like a key masked.

Users send us their log when something breaks; it must never carry their API key. The mask
runs on the handler, so records from every library (openai, httpx, chromadb) pass through it,
including exception text and tracebacks.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from desktop_app.core.project import appdirs

LOG_NAME = "llm-path-advisor.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
MASK = "***"
_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"

_SECRET_PATTERNS = [
    # OpenAI-style keys: sk-..., sk-proj-..., sk-svcacct-...
    (re.compile(r"\bsk-[A-Za-z0-9_\-]{8,}"), "sk-" + MASK),
    # "Authorization: Bearer <token>"
    (re.compile(r"(?i)(\bbearer\s+)[A-Za-z0-9._~+/\-]{12,}=*"), r"\1" + MASK),
    # A long hex/base64 token after a word containing "key" (api-key: ..., AZURE_OPENAI_API_KEY=...,
    # "key" "...") — Azure keys are 32 hex characters.
    (re.compile(r"(?i)(key[\w\-]*[\"']?\s*[:=]?\s*[\"']?\s*)[A-Za-z0-9+/_\-]{32,}={0,2}"), r"\1" + MASK),
]


def mask_secrets(text: str) -> str:
    """``text`` with API keys and bearer tokens replaced by ``***``."""
    for pattern, replacement in _SECRET_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class SecretMaskingFilter(logging.Filter):
    """Rewrites a record's message, exception and stack text with secrets masked."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string must not hide the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg, record.args = mask_secrets(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_secrets(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_secrets(record.stack_info)
        return True


def log_file_path() -> Path:
    return appdirs.log_dir() / LOG_NAME


def _ours(handler: logging.Handler) -> bool:
    return getattr(handler, "_llm_path_advisor", False)


def setup_logging(level: int = logging.INFO, *, console: bool = False) -> Path:
    """Install the rotating file log on the root logger (again: replaces ours); returns its path."""
    remove_logging()
    path = log_file_path()
    handlers: list[logging.Handler] = [
        logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=False
        )
    ]
    if console:
        handlers.append(logging.StreamHandler())
    root = logging.getLogger()
    for handler in handlers:
        handler._llm_path_advisor = True  # type: ignore[attr-defined]
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler.addFilter(SecretMaskingFilter())
        root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    # Library chatter at INFO (every HTTP request) would bury what matters and grow the log.
    for noisy in ("httpx", "httpcore", "chromadb", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    logging.captureWarnings(True)
    return path


def remove_logging() -> None:
    """Detach and close the handlers ``setup_logging`` installed (tests, re-configuration)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if _ours(h)]:
        root.removeHandler(handler)
        handler.close()
