"""A project is one folder: project.json, results.sqlite, data/, knowledge/, exports/.

project.json is versioned JSON, migrated on load and written atomically (temp file +
os.replace), so a crash or kill mid-save never leaves a half-written file. It never holds
an API key: the connection section names an environment variable or the keychain entry.
"""
from __future__ import annotations

import copy
import json
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from desktop_app.core.errors import ProjectError

FORMAT = "llm-path-advisor-project"
VERSION = 1
PROJECT_FILE = "project.json"

DEFAULTS: dict[str, Any] = {
    "format": FORMAT,
    "version": VERSION,
    "name": "",
    "created_at": "",
    "dataset": None,
    "connection": {"preset": "offline"},
    "variants": [],
    "checks": [],
    "knowledge": {},
    # Timeout and retries live with the connection (the Connection page and `connect` set them).
    "run_settings": {"concurrency": 8},
    "prices": {},
    "target_pass_rate": 0.9,
    "notes": "",
}

# Keys that must never be persisted; a connection dict passing through save() is scrubbed.
_SECRET_KEYS = {"api_key", "key", "token", "password", "secret"}


def _migrate(data: dict) -> dict:
    version = data.get("version", 0)
    if not isinstance(version, int):
        raise ProjectError("project.json has an unreadable version field.",
                           "Restore the file from a backup or create a new project.")
    if version > VERSION:
        raise ProjectError(
            f"This project was saved by a newer version of the app (format {version}).",
            "Update LLM Path Advisor to open it.")
    # version 0 -> 1: early drafts had no "format" key and kept checks under "metrics".
    if version < 1:
        if "metrics" in data and "checks" not in data:
            data["checks"] = data.pop("metrics")
        data["format"] = FORMAT
        data["version"] = 1
    merged = copy.deepcopy(DEFAULTS)
    merged.update(data)
    return merged


def atomic_write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _scrub(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _scrub(v) for k, v in value.items() if k.lower() not in _SECRET_KEYS}
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    return value


class Project:
    """An open project folder. ``data`` is the parsed project.json; call ``save()`` after edits."""

    def __init__(self, root: Path, data: dict):
        self.root = Path(root)
        self.data = data

    # -- lifecycle -------------------------------------------------------------------------
    @classmethod
    def create(cls, root: str | os.PathLike, name: str | None = None) -> "Project":
        root = Path(root)
        if (root / PROJECT_FILE).exists():
            raise ProjectError(f"A project already exists in {root}.",
                               "Open it instead, or choose an empty folder.")
        if root.exists() and not root.is_dir():
            raise ProjectError(f"{root} is a file, not a folder.", "Choose a folder for the project.")
        root.mkdir(parents=True, exist_ok=True)
        data = copy.deepcopy(DEFAULTS)
        data["name"] = name or root.name
        data["created_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        project = cls(root, data)
        for sub in (project.data_dir, project.knowledge_dir, project.exports_dir):
            sub.mkdir(parents=True, exist_ok=True)
        project.save()
        return project

    @classmethod
    def open(cls, root: str | os.PathLike) -> "Project":
        root = Path(root)
        if root.is_file() and root.name == PROJECT_FILE:
            root = root.parent
        path = root / PROJECT_FILE
        if not path.exists():
            raise ProjectError(f"No project found in {root} (project.json is missing).",
                               "Choose the folder that contains project.json, or create a new project.")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ProjectError(f"project.json in {root} is damaged ({exc}).",
                               "Restore it from a backup; your results in results.sqlite are untouched.") from exc
        if not isinstance(data, dict) or data.get("format", FORMAT) != FORMAT:
            raise ProjectError(f"{path} is not an LLM Path Advisor project file.",
                               "Choose a folder created by this app.")
        return cls(root, _migrate(data))

    def save(self) -> None:
        self.data = _scrub(self.data)
        atomic_write_text(self.root / PROJECT_FILE,
                          json.dumps(self.data, ensure_ascii=False, indent=2, sort_keys=False) + "\n")

    # -- paths -----------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.data.get("name") or self.root.name

    @property
    def results_db(self) -> Path:
        return self.root / "results.sqlite"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def rows_file(self) -> Path:
        """All imported rows, normalized, one JSON object per line (written by datasets)."""
        return self.data_dir / "rows.jsonl"

    @property
    def knowledge_dir(self) -> Path:
        return self.root / "knowledge"

    @property
    def exports_dir(self) -> Path:
        return self.root / "exports"

    # -- sections --------------------------------------------------------------------------
    def section(self, key: str) -> Any:
        return self.data.get(key, copy.deepcopy(DEFAULTS.get(key)))

    def set_section(self, key: str, value: Any, *, save: bool = True) -> None:
        self.data[key] = value
        if save:
            self.save()
