"""Opening projects off the GUI thread: the work functions the main window's runner calls, and
what they hand back (plain data; the window only draws it)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.core.project.folder import Project

log = logging.getLogger(__name__)
SAMPLE_MODULE = "desktop_app.core.sample"


@dataclass(frozen=True)
class OpenResult:
    """What an open-project task hands back to the window."""

    project: Project | None
    sample: bool = False


def open_folder_task(state, path: str) -> OpenResult:
    from desktop_app.core.project.folder import Project

    return OpenResult(Project.open(path))


def create_folder_task(state, path: str) -> OpenResult:
    from desktop_app.core.project.folder import Project

    return OpenResult(Project.create(path))


def open_sample_task(state, source: str) -> OpenResult:
    try:
        from desktop_app.core.sample import ensure_sample_project
    except ImportError as exc:
        if exc.name != SAMPLE_MODULE:
            raise  # sample.py exists but is broken: that is a bug, report it
        log.warning("Sample project not available: %s is not part of this build yet.", SAMPLE_MODULE)
        return OpenResult(None, sample=True)
    if state.should_stop():
        return OpenResult(None, sample=True)
    from desktop_app.core.project.folder import Project

    # First launch builds it (dataset, index, tour runs): seconds, so it must be cancellable.
    folder = ensure_sample_project(Path(source), **state.callbacks())
    return OpenResult(Project.open(folder), sample=True)
