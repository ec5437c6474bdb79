"""Where the app keeps settings, data, logs and caches (platformdirs).

``LLM_PATH_ADVISOR_HOME`` redirects every directory below one folder: tests point it at
``tmp_path`` and the frozen-app smoke test at a sandbox, so nothing leaks into the real home.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

import platformdirs

from desktop_app import APP_ID

HOME_ENV = "LLM_PATH_ADVISOR_HOME"


def _dir(kind: str) -> Path:
    override = os.environ.get(HOME_ENV)
    if override:
        path = Path(override) / kind
    else:
        getter: Callable[..., str] = {  # type: ignore[assignment]  # platformdirs' getters are untyped here
            "config": platformdirs.user_config_dir,
            "data": platformdirs.user_data_dir,
            "log": platformdirs.user_log_dir,
            "cache": platformdirs.user_cache_dir,
        }[kind]
        path = Path(getter(APP_ID, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    return _dir("config")


def data_dir() -> Path:
    return _dir("data")


def log_dir() -> Path:
    return _dir("log")


def cache_dir() -> Path:
    return _dir("cache")


def default_projects_dir() -> Path:
    """Where new projects go unless the user picks a folder: a folder of their Documents, where
    they will look for them (and their exports), not a hidden app-data folder. Not created
    here: only a project made there creates it. Under ``LLM_PATH_ADVISOR_HOME`` (tests, the
    smoke test) it stays inside that home."""
    if os.environ.get(HOME_ENV):
        path = data_dir() / "projects"
        path.mkdir(parents=True, exist_ok=True)
        return path
    return Path(platformdirs.user_documents_dir()) / "LLM Path Advisor"
