"""API keys: from an environment variable the user names, or the OS keychain (``keyring``).

A key never reaches project.json, the results store, a log, an exception message or a repr:
the project keeps only the variable's name and the keychain entry's user name, and anything
shown to a person goes through ``mask_key`` ("sk-…abcd") or ``scrub``.

Where no keychain backend exists (a headless Linux box, CI, the fail backend), reading gives
nothing and storing raises ``KeychainUnavailable`` whose hint names the environment variable
to set instead.
"""

from __future__ import annotations

import logging
import os
import re
from typing import Protocol

import keyring
import keyring.backends.fail
import keyring.errors

from desktop_app.core.errors import ConnectionFailed
from desktop_app.core.phrases import translate


log = logging.getLogger(__name__)

SERVICE = "llm-path-advisor"


class KeyConfig(Protocol):
    """What the keychain needs of a connection. ``connection.ConnectionConfig`` has it; a Protocol
    because connection imports this module (``mask_key``) and imports must not go round."""

    @property
    def preset(self) -> str: ...
    @property
    def api_key_env(self) -> str: ...
    @property
    def keyring_user(self) -> str: ...
    def default_key_env(self) -> str: ...
    def server_url(self) -> str: ...
    def placeholder_key(self) -> str: ...


class KeychainUnavailable(ConnectionFailed):
    """The OS keychain cannot be used here; the user has to set an environment variable."""

    code = "keychain_unavailable"


def mask_key(key: str | None) -> str:
    """A key as a person may see it: its prefix and last four characters, "sk-…abcd"."""
    if not key:
        return ""
    if len(key) < 12:  # too short to show any of it safely
        return "…"
    prefix = key[:3] if key.startswith("sk-") else ""
    return f"{prefix}…{key[-4:]}"


def scrub(text: str, key: str | None) -> str:
    """``text`` with every occurrence of ``key`` masked (for server messages shown to a user)."""
    if not text or not key or len(key) < 4:
        return text or ""
    return text.replace(key, mask_key(key))


# sk-... (OpenAI), and long runs of letters/digits (Azure keys are 32 hex characters).
_KEY_SHAPES = re.compile(r"\b(sk-[A-Za-z0-9_\-]{6,}|[A-Za-z0-9]{32,})\b")


def scrub_keys(text: str | None, key: str | None = None) -> str:
    """``text`` with ``key`` and anything shaped like an API key masked: for server messages
    that are stored (results.error) or shown, since a server may echo part of a rejected key."""
    return _KEY_SHAPES.sub(lambda m: mask_key(m.group()), scrub(text or "", key))


def env_var_for(cfg: KeyConfig) -> str:
    return cfg.api_key_env or cfg.default_key_env()


def keyring_user(cfg: KeyConfig) -> str:
    """The keychain entry's user name: set by the user, else one entry per preset and server."""
    if cfg.keyring_user:
        return cfg.keyring_user
    return f"{cfg.preset}:{cfg.server_url().rstrip('/')}"


def _backend_missing(backend: object) -> bool:
    return isinstance(backend, keyring.backends.fail.Keyring)


def keychain_available() -> bool:
    """True when an OS keychain backend is installed and usable from this process."""
    try:
        return not _backend_missing(keyring.get_keyring())
    except Exception:  # noqa: BLE001 - a broken backend is an absent one for us
        return False


def _unavailable(cfg: KeyConfig, reason: str) -> KeychainUnavailable:
    var = env_var_for(cfg) or "OPENAI_API_KEY"
    return KeychainUnavailable(
        f"The OS keychain is not available on this computer ({reason}).",
        f"Set the environment variable {var} instead, and name it in the connection settings.",
        details={"env_var": var},
    )


def store_api_key(cfg: KeyConfig, key: str) -> str:
    """Save ``key`` in the OS keychain for ``cfg``; returns the masked key for confirmation."""
    key = (key or "").strip()
    if not key:
        raise ConnectionFailed(
            translate("ConnectionErrors", "The API key is empty."),
            translate("ConnectionErrors", "Paste the whole key, starting with its prefix."),
        )
    if any(ch.isspace() for ch in key):
        raise ConnectionFailed(
            translate("ConnectionErrors", "The API key contains spaces or line breaks."),
            translate("ConnectionErrors", "Paste only the key itself, without quotes or surrounding text."),
        )
    try:
        backend = keyring.get_keyring()
        if _backend_missing(backend):
            raise keyring.errors.NoKeyringError("no keychain backend")
        backend.set_password(SERVICE, keyring_user(cfg), key)
    except keyring.errors.NoKeyringError:
        raise _unavailable(cfg, "no keychain backend is installed") from None
    except Exception as exc:  # noqa: BLE001 - locked keychain, D-Bus errors, denied access ...
        # The backend's message is not shown: some backends echo the secret they failed to store.
        raise _unavailable(cfg, f"the keychain refused to store the key: {type(exc).__name__}") from None
    masked = mask_key(key)
    log.info("stored API key %s in the keychain entry %s/%s", masked, SERVICE, keyring_user(cfg))
    return masked


# Keys kept in memory for this process only, for computers with no keychain: a user need not learn
# about environment variables to try the app. Gone when the app closes; never written anywhere.
_SESSION: dict[str, str] = {}


def remember_for_session(cfg: KeyConfig, key: str) -> str:
    """Keep ``key`` in memory until the app closes (no keychain here); returns it masked."""
    key = (key or "").strip()
    if not key:
        raise ConnectionFailed(
            translate("ConnectionErrors", "The API key is empty."),
            translate("ConnectionErrors", "Paste the whole key, starting with its prefix."),
        )
    if any(ch.isspace() for ch in key):
        raise ConnectionFailed(
            translate("ConnectionErrors", "The API key contains spaces or line breaks."),
            translate("ConnectionErrors", "Paste only the key itself, without quotes or surrounding text."),
        )
    _SESSION[keyring_user(cfg)] = key
    return mask_key(key)


def key_from_session(cfg: KeyConfig) -> str | None:
    return _SESSION.get(keyring_user(cfg))


def forget_session_key(cfg: KeyConfig) -> bool:
    return _SESSION.pop(keyring_user(cfg), None) is not None


def key_from_keychain(cfg: KeyConfig) -> str | None:
    try:
        backend = keyring.get_keyring()
        if _backend_missing(backend):
            return None
        return backend.get_password(SERVICE, keyring_user(cfg)) or None
    except Exception as exc:  # noqa: BLE001 - an unusable keychain means "no key there"
        log.warning("could not read the keychain: %s", type(exc).__name__)
        return None


def key_source(cfg: KeyConfig) -> str:
    """Where ``resolve_api_key`` finds the key: "env", "keychain", "session", "placeholder" or "none"."""
    var = env_var_for(cfg)
    if var and os.environ.get(var, "").strip():
        return "env"
    if cfg.preset != "offline" and key_from_keychain(cfg):
        return "keychain"
    if cfg.preset != "offline" and key_from_session(cfg):
        return "session"
    if cfg.placeholder_key():
        return "placeholder"
    return "none"


def resolve_api_key(cfg: KeyConfig) -> str | None:
    """The key to use: the named environment variable first, then the OS keychain, then a key kept
    for this session (no keychain), then (for a local server, which accepts any key) a
    placeholder; None when there is none."""
    if cfg.preset == "offline":
        return None
    var = env_var_for(cfg)
    if var:
        value = os.environ.get(var, "").strip()
        if value:
            return value
    stored = key_from_keychain(cfg) or key_from_session(cfg)
    if stored:
        return stored
    return cfg.placeholder_key() or None


def forget_api_key(cfg: KeyConfig) -> bool:
    """Delete the keychain entry (and any session key) for ``cfg``; True when one was deleted."""
    if forget_session_key(cfg):
        return True
    try:
        backend = keyring.get_keyring()
        if _backend_missing(backend):
            return False
        backend.delete_password(SERVICE, keyring_user(cfg))
        return True
    except keyring.errors.PasswordDeleteError:
        return False
    except keyring.errors.NoKeyringError:
        return False
    except Exception as exc:  # noqa: BLE001
        raise _unavailable(cfg, f"the keychain refused to delete the key: {type(exc).__name__}") from None


def missing_key_error(cfg: KeyConfig) -> ConnectionFailed:
    var = env_var_for(cfg)
    where = f"the environment variable {var}" if var else "an environment variable"
    hint = (
        f"Set {where}, or store the key in the keychain (connect --api-key-stdin)."
        if keychain_available()
        else f"Set {where}; this computer has no usable keychain."
    )
    return ConnectionFailed(
        "No API key found for this connection.", hint, details={"verdict": "no_key", "env_var": var}
    )
