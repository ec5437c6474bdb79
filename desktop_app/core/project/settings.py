"""App-wide settings (recent projects, language, defaults) as versioned JSON in the config dir.

Never pickled, so a newer or older app reads them; unknown keys are kept, missing ones
take defaults, and a damaged file is set aside instead of stopping the app.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from desktop_app.core.project import appdirs
from desktop_app.core.project.folder import atomic_write_text

VERSION = 1
DEFAULTS: dict[str, Any] = {
    "version": VERSION,
    "recent_projects": [],
    "language": "system",
    "sample_opened": False,
    "concurrency": 8,
}
MAX_RECENT = 10


def settings_path() -> Path:
    return appdirs.config_dir() / "settings.json"


def load() -> dict[str, Any]:
    path = settings_path()
    data = copy.deepcopy(DEFAULTS)
    if path.exists():
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(stored, dict):
                data.update(stored)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            path.replace(path.with_suffix(".damaged.json"))
    data["version"] = VERSION
    return data


def save(data: dict[str, Any]) -> None:
    atomic_write_text(settings_path(), json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def add_recent(data: dict[str, Any], project_root: Path) -> dict[str, Any]:
    path = str(Path(project_root).resolve())
    recent = [p for p in data.get("recent_projects", []) if p != path]
    data["recent_projects"] = [path, *recent][:MAX_RECENT]
    return data
