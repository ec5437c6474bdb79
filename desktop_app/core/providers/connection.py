"""Checks on what a person types into the connection settings, before anything is saved.

A key pasted where the environment variable's *name* belongs must never reach project.json,
and a malformed address must give a message with a hint, not a traceback from urllib.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from desktop_app.core.providers import secrets
from desktop_app.core.errors import ConnectionFailed

EXAMPLE_URL = "http://localhost:11434/v1"

_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
KEY_ENV_HINT = ("Enter the name of the environment variable that holds the key (e.g. OPENAI_API_KEY). To save "
                "the key itself, use the key field (CLI: connect --api-key-stdin): it goes to the OS keychain.")


def looks_like_key(value: str) -> bool:
    """A pasted API key rather than a variable name: sk-..., very long, or a long run of letters
    (some lower case) and digits without the underscores variable names have (Azure keys: 32 hex)."""
    return (value.startswith("sk-") or len(value) > 64
            or (len(value) >= 24 and "_" not in value and any(c.isdigit() for c in value)
                and any(c.islower() for c in value)))


def check_key_env(name: str) -> str:
    """``name`` if it can be an environment variable's name; a key pasted there never reaches
    project.json (nor this error's text: only its masked form is shown)."""
    if not name:
        return name
    if looks_like_key(name):
        raise ConnectionFailed(f"The API key variable looks like an API key itself ({secrets.mask_key(name)}), "
                               "and keys are never saved in the project.", KEY_ENV_HINT,
                               details={"kind": "key_in_env_name"})
    if not _ENV_NAME.match(name):
        shown = name if len(name) <= 24 else secrets.mask_key(name)
        raise ConnectionFailed(f"'{shown}' is not an environment variable name (letters, digits and _, "
                               "not starting with a digit).", KEY_ENV_HINT, details={"kind": "bad_env_name"})
    return name


def check_url(url: str, what: str = "server URL") -> None:
    """Raise ConnectionFailed when ``url`` cannot be parsed (bad IPv6 brackets, port out of range)."""
    if not url:
        return
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - parsing the port raises ValueError for "abc" or 99999
    except ValueError as exc:
        raise ConnectionFailed(f"The {what} '{url}' is not a valid address ({exc}).",
                               f"Enter it like {EXAMPLE_URL} or https://api.openai.com/v1 "
                               "(IPv6 hosts in brackets: http://[::1]:11434/v1).",
                               details={"kind": "bad_url"}) from None
