"""The Data step's background work: plain functions run by a TaskRunner, returning plain data.

They import the core (pandas and friends) lazily, so the window opens before pandas loads.
Nothing here touches a widget; sentences are the page's job, so results carry data only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd  # noqa: PLC0415

PREVIEW_ROWS = 1000  # enough to judge the mapping; the full count comes with the import
# The encodings offered besides automatic detection (names as the core accepts them).
ENCODINGS = ("utf-8", "utf-8-sig", "cp932", "shift_jis", "euc-jp", "latin-1")
SUFFIXES = (".csv", ".tsv", ".txt", ".tab", ".xlsx", ".xlsm", ".jsonl", ".ndjson", ".json")


@dataclass(frozen=True)
class Preview:
    """The first rows of a file, what was detected, and the guessed mapping."""

    path: str
    frame: pd.DataFrame  # of str
    format: str
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    sheets: tuple[str, ...]
    warnings: tuple[dict, ...]
    truncated: bool
    guess: dict
    asked_encoding: str | None = None
    asked_sheet: str | None = None

    @property
    def columns(self) -> list[str]:
        return [str(c) for c in self.frame.columns]


@dataclass(frozen=True)
class Imported:
    """The project's dataset section and its rows as a frame (evaluation rows, then examples)."""

    root: str
    section: dict | None
    frame: pd.DataFrame | None = None
    roles: tuple[str, ...] = field(default_factory=tuple)  # role of each frame column after "use"


class StopFlag:
    """The Cancel button's request, separate from the runner's cancel.

    TaskRunner.cancel drops a task's late result; an import that already replaced the rows
    must still report back, so Cancel only asks the import to stop and waits for its answer.
    """

    def __init__(self) -> None:
        self.stopped = False

    def set(self) -> None:
        self.stopped = True


def preview_file(state, path: str, encoding: str | None, sheet: str | None) -> Preview:
    from desktop_app.core.data import rows as datasets  # noqa: PLC0415 - pandas: off the start-up path

    table = datasets.read_table(path, encoding=encoding, sheet=sheet, nrows=PREVIEW_ROWS)
    return Preview(
        path=str(path),
        frame=table.frame,
        format=table.format,
        encoding=table.encoding,
        delimiter=table.delimiter,
        sheet=table.sheet,
        sheets=tuple(table.sheets),
        warnings=tuple(table.warnings),
        truncated=table.truncated,
        guess=datasets.guess_mapping(table.columns),
        asked_encoding=encoding,
        asked_sheet=sheet,
    )


def _rows_frame(project, section: dict, use_labels: tuple[str, str]) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """All imported rows as a DataFrame: a 'use' column, then the mapped roles."""
    import pandas as pd  # noqa: PLC0415

    from desktop_app.core.data import rows as datasets  # noqa: PLC0415 - pandas: off the start-up path

    evaluation, pool = datasets.load_rows(project)
    mapping = section.get("mapping") or {}
    roles = tuple(
        r
        for r in ("id", "input", "expected", "context", "category")
        if r in ("id", "input", "expected") or mapping.get(r)
    )
    rows = evaluation + pool
    columns = {"use": [use_labels[0]] * len(evaluation) + [use_labels[1]] * len(pool)}
    for role in roles:
        columns[role] = [getattr(row, role) for row in rows]
    return pd.DataFrame(columns, dtype=object), roles


def load_imported(state, project, use_labels: tuple[str, str]) -> Imported:
    section = project.section("dataset")
    if not section:
        return Imported(str(project.root), None)
    frame, roles = _rows_frame(project, section, use_labels)
    return Imported(str(project.root), section, frame, roles)


def import_file(state, project, path: str, options: dict, stop: StopFlag, use_labels: tuple[str, str]) -> Imported:
    from desktop_app.core.data import rows as datasets  # noqa: PLC0415 - pandas: off the start-up path

    section = datasets.import_dataset(
        project, path, **options, progress=state.progress, should_stop=lambda: stop.stopped or state.should_stop()
    )
    # From here the new rows are saved: loading them is not cancelled by the Cancel button.
    state.progress({"stage": "load"})
    frame, roles = _rows_frame(project, section, use_labels)
    return Imported(str(project.root), section, frame, roles)


def resplit_rows(state, project, examples: int, seed: int, use_labels: tuple[str, str]) -> Imported:
    from desktop_app.core.data import rows as datasets  # noqa: PLC0415 - pandas: off the start-up path

    section = datasets.resplit(project, examples, seed)
    frame, roles = _rows_frame(project, section, use_labels)
    return Imported(str(project.root), section, frame, roles)


def dropped_file(paths: list[str]) -> str | None:
    """The one file among dropped paths (None for a folder, or several files).

    Any file is taken, whatever its extension: the core reads what it can (a CSV saved as .dat)
    and explains what it cannot (a PDF, an old .xls), which beats silently refusing the drop.
    """
    files = [p for p in paths if p and Path(p).is_file()]
    return files[0] if len(files) == 1 and len(paths) == 1 else None
