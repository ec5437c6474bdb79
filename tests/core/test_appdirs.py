"""Where the app keeps things: its own dirs, and the user's projects in their Documents."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from desktop_app.core.project import appdirs


def test_new_projects_go_to_the_documents_folder_not_a_hidden_one(monkeypatch, tmp_path):
    """A user finds their projects (and the reports in them) in Documents, and nothing is made there
    just by starting the app."""
    monkeypatch.delenv(appdirs.HOME_ENV, raising=False)
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(tmp_path / "Documents"))
    folder = appdirs.default_projects_dir()
    assert folder == tmp_path / "Documents" / "LLM Path Advisor"
    assert not folder.exists()


def test_an_app_home_keeps_projects_inside_it(monkeypatch, tmp_path):
    """Tests and the smoke test redirect the app home; default projects stay within it."""
    monkeypatch.setenv(appdirs.HOME_ENV, str(tmp_path / "home"))
    assert Path(appdirs.default_projects_dir()).is_relative_to(tmp_path / "home")
