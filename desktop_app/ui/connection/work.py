"""Work functions of the Connection page, run on pool threads through a TaskRunner.

Each takes the connection as a plain dict (the form's values) and, where it needs one, the key
the user typed but has not saved; it returns plain data. A key never comes back: only its
masked form ("sk-…abcd"). providers imports openai (about a second), so it is imported here,
inside the functions, never by the page at start-up.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from desktop_app.core.errors import AppError, ConnectionFailed


@dataclass(frozen=True)
class KeyStatus:
    """Where the key of a connection comes from, as the page shows it."""

    source: str  # "env", "keychain", "session", "placeholder" or "none" (secrets.key_source)
    masked: str = ""  # the key in use, masked; "" when there is none
    env_var: str = ""  # the environment variable that is (or would be) read
    keychain: bool = True  # False: this computer has no usable OS keychain


@dataclass(frozen=True)
class Loaded:
    """A project's connection section, normalized, with the defaults of every preset."""

    section: dict
    defaults: dict  # preset -> the section a fresh connection of that preset starts from
    status: KeyStatus


@dataclass(frozen=True)
class TestOutcome:
    report: object  # providers.ConnectionReport (a frozen dataclass)
    models: tuple[str, ...] = field(default=())  # the server's models when the chosen one was not found
    env_var: str = ""  # the environment variable this connection reads its key from


def _config(section: dict):
    from desktop_app.core.providers.client import ConnectionConfig

    return ConnectionConfig.from_dict(section)


def key_status_for(cfg) -> KeyStatus:
    from desktop_app.core.providers import secrets

    var = secrets.env_var_for(cfg)
    available = secrets.keychain_available()
    if cfg.preset == "offline":
        return KeyStatus("none", "", var, available)
    source = secrets.key_source(cfg)
    masked = ""
    if source == "env":
        masked = secrets.mask_key(os.environ.get(var, "").strip())
    elif source == "keychain":
        masked = secrets.mask_key(secrets.key_from_keychain(cfg))
    elif source == "session":
        masked = secrets.mask_key(secrets.key_from_session(cfg))
    return KeyStatus(source, masked, var, available)


def load(state, section: dict | None) -> Loaded:
    """The saved section as ConnectionConfig reads it (bad values raise ConnectionFailed)."""
    from desktop_app.core.providers.client import PRESETS, ConnectionConfig

    cfg = ConnectionConfig.from_dict(section or {})
    defaults = {p: ConnectionConfig.from_dict({"preset": p}).to_dict() for p in PRESETS}
    return Loaded(cfg.to_dict(), defaults, key_status_for(cfg))


def key_status(state, section: dict) -> KeyStatus:
    return key_status_for(_config(section))


def validated(section: dict):
    """The form's section as a ConnectionConfig, or ConnectionFailed naming what is missing."""
    cfg = _config(section)
    cfg.check_complete()
    if cfg.preset == "azure" and not cfg.chat_model:
        raise ConnectionFailed(
            QCoreApplication.translate("ConnectionPage", "Azure OpenAI needs the name of the chat model's deployment."),
            QCoreApplication.translate("ConnectionPage", "Enter the deployment name as shown in Azure AI Foundry."),
        )
    return cfg


@dataclass(frozen=True)
class Saved:
    section: dict
    status: KeyStatus
    stored: bool  # a key was put into the keychain


def save(state, section: dict, typed_key: str = "") -> Saved:
    """Validate the section and store a typed key in the keychain (or, on a computer without one,
    keep it for this session only). The page writes the section to project.json when this returns, so a key
    that cannot be stored leaves the project as it was."""
    from desktop_app.core.providers import secrets

    cfg = validated(section)
    stored = False
    if typed_key.strip() and cfg.preset != "offline":
        if secrets.keychain_available():
            secrets.store_api_key(cfg, typed_key)
        else:  # no keychain on this computer: keep it until the app closes rather than send the user to env vars
            secrets.remember_for_session(cfg, typed_key)
        stored = True
    return Saved(cfg.to_dict(), key_status_for(cfg), stored)


def forget(state, section: dict) -> KeyStatus:
    from desktop_app.core.providers import secrets

    cfg = _config(section)
    secrets.forget_api_key(cfg)
    return key_status_for(cfg)


def probe(state, section: dict, typed_key: str = "") -> TestOutcome:
    """One tiny request with the form's settings (and the typed key, if any); when the model is
    missing, also the server's model list so the page can offer the right names."""
    from desktop_app.core.providers import client as providers
    from desktop_app.core.providers import secrets

    cfg = _config(section)
    report = providers.test_connection(cfg, api_key=typed_key.strip() or None)
    models: tuple[str, ...] = ()
    if report.verdict == "model_not_found" and not state.should_stop():
        try:
            models = fetch_models(state, section, typed_key)
        except AppError:
            models = ()  # the verdict stands on its own; the list was only a suggestion
    return TestOutcome(report, models, secrets.env_var_for(cfg))


def fetch_models(state, section: dict, typed_key: str = "") -> tuple[str, ...]:
    """The model ids the server offers, sorted; ConnectionFailed in plain words when it cannot."""
    from desktop_app.core.providers import client as providers

    return tuple(providers.list_models(_config(section), api_key=typed_key.strip() or None))


def remember_context(project, section: dict, window: int, source: str) -> None:
    """Keep the model's context window Test read from the server, for the Run estimate's warning."""
    from desktop_app.core.providers import model_info

    try:
        model_info.remember(project, _config(section), window, source)
    except AppError:
        pass  # a note for the estimate; a full disk or odd settings refuse it, not the test
