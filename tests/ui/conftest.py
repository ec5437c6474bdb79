"""Fixtures several ui test modules share: the real sample project, the Japanese interface."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from desktop_app.core.project.folder import Project
from desktop_app.ui import language

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sample_source(tmp_path_factory) -> Path:
    """The real sample project, built once per test module (it takes a few seconds)."""
    from desktop_app.core.sample import ensure_sample_project

    return ensure_sample_project(REPO / "resources" / "sample_project", tmp_path_factory.mktemp("sample"))


@pytest.fixture
def sample(sample_source, tmp_path) -> Project:
    """A private copy: tests that change the target must not change the others' project."""
    return Project.open(shutil.copytree(sample_source, tmp_path / "sample"))


@pytest.fixture
def japanese(qapp, monkeypatch):
    """The Japanese catalogue installed as the app does it; English again afterwards."""
    monkeypatch.delenv(language.ENV_VAR, raising=False)
    assert language.apply(qapp, "ja") == "ja"
    assert QCoreApplication.translate("MainWindow", "&File") == "ファイル(&F)"
    yield
    language.apply(qapp, "en")
