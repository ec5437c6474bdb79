"""Shared test set-up: offscreen Qt, every app directory redirected into tmp_path."""

from __future__ import annotations

import os

# Without a display, Qt aborts the whole pytest process before it can report anything.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test may reach the network; a library that tries to must fail fast, not hang.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import pytest  # noqa: E402

from desktop_app.core.project import appdirs  # noqa: E402

pytest_plugins = ["tests.scripted_server", "tests.keyring_memory"]


@pytest.fixture(autouse=True)
def _isolated_app_dirs(tmp_path_factory, monkeypatch):
    """Settings, data, logs and caches of every test live in a fresh temporary folder."""
    home = tmp_path_factory.mktemp("app-home")
    monkeypatch.setenv(appdirs.HOME_ENV, str(home))
    # The keychain backend of the test machine must never see a test's key.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    return home
