"""A project is one folder: project.json, results.sqlite, data/, knowledge/, exports/.

project.json is versioned JSON, migrated on load and written atomically (temp file +
os.replace), so a crash or kill mid-save never leaves a half-written file. It never holds
an API key: the connection section names an environment variable or the keychain entry.

Two writers (the window and a CLI command, two commands) never lose each other's change: a
save takes a lock, re-reads the file and writes back only the sections this Project changed
since it last read or wrote them; every other section keeps what is on disk (a compare-and-swap
per section). ``reload`` takes in what changed outside without losing edits not yet saved.
"""

from __future__ import annotations

import copy
import errno
import json
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from desktop_app.core.errors import ProjectError
from desktop_app.core.phrases import phrase, translate

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

LOCK_FILE = ".project.json.lock"
LOCK_TIMEOUT_S = 10.0  # a save takes milliseconds: a longer wait means a stuck writer
# The type each known section must have in project.json (None allowed where the default is None).
SECTION_TYPES: dict[str, tuple[type, ...]] = {
    "name": (str,),
    "created_at": (str,),
    "dataset": (dict, type(None)),
    "connection": (dict,),
    "variants": (list,),
    "checks": (list,),
    "knowledge": (dict,),
    "run_settings": (dict,),
    "prices": (dict,),
    "target_pass_rate": (int, float),
    "notes": (str,),
}
_TYPE_WORDS = {
    str: translate("ProjectErrors", "text"),
    dict: translate("ProjectErrors", "a set of named values (an object)"),
    list: translate("ProjectErrors", "a list"),
    int: translate("ProjectErrors", "a number"),
    float: translate("ProjectErrors", "a number"),
    type(None): translate("ProjectErrors", "empty (null)"),
}
_MISSING = object()

# Keys that must never be persisted; a connection dict passing through save() is scrubbed.
_SECRET_KEYS = {"api_key", "key", "token", "password", "secret"}


def _migrate(data: dict) -> dict:
    version = data.get("version", 0)
    if not isinstance(version, int):
        raise ProjectError(
            translate("ProjectErrors", "project.json has an unreadable version field."),
            translate("ProjectErrors", "Restore the file from a backup or create a new project."),
        )
    if version > VERSION:
        raise ProjectError(
            phrase(
                translate("ProjectErrors", "This project was saved by a newer version of the app (format {version})."),
                version=version,
            ),
            translate("ProjectErrors", "Update LLM Path Advisor to open it."),
        )
    # version 0 -> 1: early drafts had no "format" key and kept checks under "metrics".
    if version < 1:
        if "metrics" in data and "checks" not in data:
            data["checks"] = data.pop("metrics")
        data["format"] = FORMAT
        data["version"] = 1
    for key, types in SECTION_TYPES.items():
        value = data.get(key, _MISSING)
        if value is not _MISSING and (not isinstance(value, types) or isinstance(value, bool)):
            words = list(dict.fromkeys(_TYPE_WORDS[t] for t in types))
            # Two kinds at most (dataset: an object or null): each word stays a Phrase the window translates.
            want = (
                words[0]
                if len(words) == 1
                else phrase(translate("ProjectErrors", "{first} or {second}"), first=words[0], second=words[1])
            )
            raise ProjectError(
                phrase(
                    translate(
                        "ProjectErrors", 'The "{key}" section of project.json should be {want}, but it is {found}.'
                    ),
                    key=key,
                    want=want,
                    found=_TYPE_WORDS.get(type(value), type(value).__name__),
                ),
                phrase(
                    translate(
                        "ProjectErrors",
                        'Correct "{key}" in project.json (or delete the line '
                        "to get the default back); your results and data are "
                        "untouched.",
                    ),
                    key=key,
                ),
                details={"kind": "wrong_type", "section": key},
            )
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


def _read(root: Path) -> dict:
    path = root / PROJECT_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProjectError(
            phrase(
                translate("ProjectErrors", "project.json in {root} is damaged ({problem})."), root=root, problem=exc
            ),
            translate("ProjectErrors", "Restore it from a backup; your results in results.sqlite are untouched."),
        ) from exc
    except OSError as exc:
        raise ProjectError(
            phrase(
                translate("ProjectErrors", "project.json in {root} cannot be read ({problem})."),
                root=root,
                problem=exc.strerror or exc,
            ),
            translate("ProjectErrors", "Check that the folder is still there and readable."),
        ) from exc
    if not isinstance(data, dict) or data.get("format", FORMAT) != FORMAT:
        raise ProjectError(
            phrase(translate("ProjectErrors", "{path} is not an LLM Path Advisor project file."), path=path),
            translate("ProjectErrors", "Choose a folder created by this app."),
        )
    return _migrate(data)


# Temp files a killed import or save leaves behind; the writing ones are touched every moment.
TEMP_PATTERNS = (".project.json.*.tmp", "data/.rows.*.tmp")
STALE_TEMP_S = 300.0


def sweep_temp_files(root: Path, stale_s: float = STALE_TEMP_S) -> list[Path]:
    """Remove temp files of killed writes that nothing has touched for ``stale_s`` seconds."""
    import time  # noqa: PLC0415

    gone = []
    for pattern in TEMP_PATTERNS:
        for path in root.glob(pattern):
            try:
                if time.time() - path.stat().st_mtime >= stale_s:
                    path.unlink()
                    gone.append(path)
            except OSError:
                pass  # in use or already gone: the next open tries again
    return gone


def _write_error(root: Path, exc: OSError) -> ProjectError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return ProjectError(
            phrase(
                translate("ProjectErrors", "The disk holding {root} is full: the project could not be saved."),
                root=root,
            ),
            translate("ProjectErrors", "Free some disk space and save again; the project file is as it was before."),
            details={"kind": "disk_full"},
        )
    return ProjectError(
        phrase(
            translate("ProjectErrors", "The project in {root} could not be saved ({problem})."),
            root=root,
            problem=exc.strerror or exc,
        ),
        translate(
            "ProjectErrors", "Check that the folder exists and is writable; the project file is as it was before."
        ),
        details={"kind": "write_failed"},
    )


class Project:
    """An open project folder. ``data`` is the parsed project.json; call ``save()`` after edits."""

    def __init__(self, root: Path, data: dict):
        self.root = Path(root)
        self.data = data
        # The sections as last read from or written to disk: what this Project changed is what differs.
        self._base: dict = copy.deepcopy(data)

    # -- lifecycle -------------------------------------------------------------------------
    @classmethod
    def create(cls, root: str | os.PathLike, name: str | None = None) -> "Project":
        root = Path(root)
        if (root / PROJECT_FILE).exists():
            raise ProjectError(
                phrase(translate("ProjectErrors", "A project already exists in {root}."), root=root),
                translate("ProjectErrors", "Open it instead, or choose an empty folder."),
            )
        if root.exists() and not root.is_dir():
            raise ProjectError(
                phrase(translate("ProjectErrors", "{root} is a file, not a folder."), root=root),
                translate("ProjectErrors", "Choose a folder for the project."),
            )
        root.mkdir(parents=True, exist_ok=True)
        data = copy.deepcopy(DEFAULTS)
        data["name"] = name or root.name
        data["created_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        project = cls(root, data)
        project._base = {}  # nothing on disk yet: every section is this Project's own
        for sub in (project.data_dir, project.knowledge_dir, project.exports_dir):
            sub.mkdir(parents=True, exist_ok=True)
        project.save()
        return project

    @classmethod
    def open(cls, root: str | os.PathLike) -> "Project":
        root = Path(root)
        if root.is_file() and root.name == PROJECT_FILE:
            root = root.parent
        if not (root / PROJECT_FILE).exists():
            raise ProjectError(
                phrase(translate("ProjectErrors", "No project found in {root} (project.json is missing)."), root=root),
                translate("ProjectErrors", "Choose the folder that contains project.json, or create a new project."),
            )
        project = cls(root, _read(root))
        sweep_temp_files(root)
        return project

    def half_made(self) -> bool:
        """True for a project an interrupted `new` left behind: nothing imported, run or added yet."""
        return (
            self.data.get("dataset") is None
            and not self.data.get("variants")
            and not self.data.get("checks")
            and not self.results_db.exists()
            and not (self.knowledge_dir / "chunks.sqlite").exists()
        )

    def save(self) -> set[str]:
        """Write the sections this Project changed, keeping every other section as it is on disk.

        Returns the sections taken from disk because another writer changed them meanwhile
        (``data`` holds them now). Raises ProjectError when the disk is full or not writable
        (project.json stays as it was) or another writer holds the lock too long."""
        from filelock import FileLock, Timeout  # noqa: PLC0415 - only when saving

        self.data = _scrub(self.data)
        try:
            with FileLock(str(self.root / LOCK_FILE), timeout=LOCK_TIMEOUT_S):
                disk = _read(self.root) if (self.root / PROJECT_FILE).exists() else None
                taken = self._merge(disk) if disk is not None else set()
                atomic_write_text(
                    self.root / PROJECT_FILE,
                    json.dumps(self.data, ensure_ascii=False, indent=2, sort_keys=False) + "\n",
                )
        except Timeout:
            raise ProjectError(
                translate("ProjectErrors", "Another program has been saving this project for more than 10 seconds."),
                translate("ProjectErrors", "Wait for it to finish (or close it) and try again."),
                details={"kind": "locked"},
            ) from None
        except OSError as exc:
            raise _write_error(self.root, exc) from exc
        self._base = copy.deepcopy(self.data)
        return taken

    def reload(self) -> set[str]:
        """Take in the sections another writer changed on disk; edits not yet saved are kept.
        Returns the sections that changed (empty when the file is as this Project last saw it)."""
        disk = _read(self.root)
        taken = self._merge(disk)
        self._base = copy.deepcopy(disk)
        return taken

    def _merge(self, disk: dict) -> set[str]:
        """Into ``data``: disk's value of every section this Project did not change; returns those that differ."""
        taken = set()
        for key in set(disk) | set(self.data) | set(self._base):
            mine, base = self.data.get(key, _MISSING), self._base.get(key, _MISSING)
            theirs = disk.get(key, _MISSING)
            if mine != base or theirs == mine:  # ours changed (ours wins on that section), or nothing to take
                continue
            taken.add(key)
            if theirs is _MISSING:
                self.data.pop(key, None)
            else:
                self.data[key] = copy.deepcopy(theirs)
        return taken

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
