"""Import an evaluation set into a project: read, map columns, validate, split, save.

The import streams: rows go one at a time from the file to a temporary rows file, and only
two 8-byte hashes per row (id and normalized input) stay in memory for the duplicate-id check
and the split, so memory does not grow with the size of the cells. Nothing is half-imported:
the temporary file replaces data/rows.jsonl and project.json gets the new ``dataset`` section
only after every check passed; on any error both stay as they were.
"""

from __future__ import annotations

import json
import os
import tempfile
from array import array
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import numpy as np

from desktop_app.core.data import split
from desktop_app.core.data.mapping import ROLES, guess_mapping, resolve_mapping
from desktop_app.core.data.readers import Table, open_source, read_table
from desktop_app.core.errors import DataError
from desktop_app.core.records import Row
from desktop_app.core.text import ROW_LABEL_CHARS, short_text
from desktop_app.core.phrases import phrase, translate

__all__ = [
    "Table",
    "read_table",
    "guess_mapping",
    "import_dataset",
    "load_rows",
    "resplit",
    "evaluation_ids",
    "ImportCancelled",
    "HUGE_CELL",
    "ROLES",
]

HUGE_CELL = 100_000  # characters; such rows are kept but flagged: they are costly to send
SAMPLE_IDS = 20  # how many ids/lines a warning lists
PROGRESS_EVERY = 2000  # rows between progress/should_stop calls
_ENCODER = json.JSONEncoder(ensure_ascii=False)


class ImportCancelled(DataError):
    """The user stopped the import; nothing was changed."""

    code = "cancelled"


def _note(stats: dict, kind: str, **sample) -> None:
    entry = stats.setdefault(kind, {"kind": kind, "count": 0})
    entry["count"] += 1
    for key, value in sample.items():
        listed = entry.setdefault(key, [])
        if len(listed) < SAMPLE_IDS:
            listed.append(value)


def _write_rows(src, mapping: dict, out, progress, should_stop) -> tuple[array, array, array, dict]:
    """Pass 1: map each record to a row line in ``out``; returns id hashes, input hashes,
    a generated-id marker per row, and the warning counters."""
    columns = src.columns
    index = {role: (columns.index(col) if col else None) for role, col in mapping.items()}
    mapped = {i for i in index.values() if i is not None}
    i_in, i_exp, i_id, i_ctx, i_cat = (index[r] for r in ROLES)
    id_hashes, input_hashes, generated = array("Q"), array("Q"), array("B")
    stats: dict = {}
    # A bound encoder skips json.dumps' per-call argument handling: this loop runs once per row.
    dumps, write, h64, input_key = _ENCODER.encode, out.write, split.h64, split.input_key
    for n, (line, cells) in enumerate(src.records, start=1):
        if n % PROGRESS_EVERY == 0:
            if should_stop and should_stop():
                raise ImportCancelled(
                    "The import was cancelled.", "Nothing was changed.", details={"kind": "cancelled"}
                )
            if progress:
                progress({"stage": "read", "done": src.position(), "total": src.size, "rows": n})
        text = cells[i_in]
        if not text.strip():
            _note(stats, "empty_input", lines=line)
            continue
        expected = cells[i_exp]
        context = cells[i_ctx] if i_ctx is not None else ""
        category = cells[i_cat].strip() if i_cat is not None else ""
        row_id = cells[i_id].strip() if i_id is not None else ""
        if not row_id:
            row_id = split.content_id(text, expected)
            if i_id is not None:
                _note(stats, "generated_ids", lines=line)
        flags = []
        if max(len(text), len(expected), len(context), len(category)) > HUGE_CELL:
            flags.append("huge_cell")
            _note(stats, "huge_cell", ids=row_id)
        if not expected.strip():
            flags.append("empty_expected")
            _note(stats, "empty_expected", ids=row_id)
        record = {
            "id": row_id,
            "input": text,
            "expected": expected,
            "context": context,
            "category": category,
            "flags": flags,
            "line": line,
        }
        extra = {columns[j]: c for j, c in enumerate(cells) if j not in mapped and c}
        if extra:  # unmapped columns (e.g. a chat file's system prompt) are kept, not dropped
            record["extra"] = extra
        write(dumps(record))
        write("\n")
        id_hashes.append(h64(row_id))
        input_hashes.append(input_key(text))
        generated.append(i_id is None or not cells[i_id].strip())
    return id_hashes, input_hashes, generated, stats


def _temp_path(project) -> Path:
    project.data_dir.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".rows.", suffix=".tmp", dir=project.data_dir)
    os.close(fd)
    return Path(name)


def import_dataset(
    project,
    path,
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    delimiter: str | None = None,
    mapping: dict | None = None,
    examples: int = 0,
    seed: int = 0,
    progress: Callable | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> dict:
    """Import ``path`` into ``project``; returns the saved ``dataset`` section (with warnings)."""
    examples, seed = split.check_split_args(examples, seed)
    path = Path(path)
    temps: list[Path] = []
    try:
        with open_source(path, encoding=encoding, sheet=sheet, delimiter=delimiter) as src:
            resolved = resolve_mapping(src.columns, mapping)
            temps.append(_temp_path(project))
            with open(temps[0], "w", encoding="utf-8", errors="backslashreplace", newline="\n") as out:
                ids, inputs, generated, stats = _write_rows(src, resolved, out, progress, should_stop)
            warnings = list(src.warnings)
            meta = {
                "format": src.format,
                "encoding": src.encoding,
                "sheet": src.sheet,
                "sheets": list(src.sheets),
                "delimiter": src.delimiter,
                "columns": list(src.columns),
            }
        total = len(ids)
        if not total:
            raise DataError(
                phrase(
                    translate("DataErrors", "{name} has no rows with an input (column '{column}')."),
                    name=path.name,
                    column=resolved["input"],
                ),
                translate("DataErrors", "Check the input column mapping, or fill in the inputs."),
                details={"kind": "no_rows", "columns": meta["columns"]},
            )

        def new_temp() -> Path:
            temps.append(_temp_path(project))  # listed, so the finally below removes it too
            return temps[-1]

        id_array = np.frombuffer(ids, dtype=np.uint64)
        rows_path = split.fix_ids(temps[0], id_array, np.frombuffer(generated, dtype=np.uint8), path.name, new_temp)
        input_array = np.frombuffer(inputs, dtype=np.uint64)
        pool_mask = split.choose_pool(input_array, examples, seed, total)
        pool_ids = split.ids_at(rows_path, pool_mask) if examples else []
        duplicates = split.duplicate_input_rows(input_array)
        if duplicates:
            warnings.append({"kind": "duplicate_inputs", "count": duplicates})
        warnings += list(stats.values())
        flagged = {k: {"count": v["count"], "ids": v["ids"]} for k, v in stats.items() if "ids" in v}
        section = {
            "source": str(path.resolve()),
            **meta,
            "mapping": resolved,
            "rows": total,
            "eval_rows": total - len(pool_ids),
            "examples": {"count": len(pool_ids), "seed": seed, "ids": pool_ids},
            "flagged": flagged,
            "warnings": warnings,
            "imported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        _commit(project, rows_path, section)
        return section
    finally:
        for temp in temps:
            temp.unlink(missing_ok=True)


def _commit(project, new_rows: Path, section: dict) -> None:
    """Swap in the new rows file and save project.json; if saving fails, put both back."""
    rows_file = project.rows_file
    backup = rows_file.with_name(".rows.jsonl.previous")
    had_rows = rows_file.exists()
    if had_rows:
        os.replace(rows_file, backup)
    os.replace(new_rows, rows_file)
    previous = project.data.get("dataset")
    try:
        project.set_section("dataset", section)
    except BaseException:
        project.data["dataset"] = previous
        if had_rows:
            os.replace(backup, rows_file)
        else:
            rows_file.unlink(missing_ok=True)
        raise
    if had_rows:
        backup.unlink(missing_ok=True)


def _section(project) -> dict:
    section = project.section("dataset")
    if not section:
        raise DataError(
            translate("DataErrors", "This project has no evaluation set yet."),
            translate("DataErrors", "Import one first (the Data step, or `new PROJECT --dataset FILE`)."),
            details={"kind": "no_dataset"},
        )
    if not project.rows_file.exists():
        raise DataError(
            translate("DataErrors", "The imported rows (data/rows.jsonl) are missing from the project folder."),
            translate("DataErrors", "Import the evaluation set again."),
            details={"kind": "rows_missing"},
        )
    return section


CHAT_FORMATS = ("chat_jsonl", "evals_jsonl")  # dataset_formats puts their extra parts in these columns


def _damaged(line: int) -> DataError:
    return DataError(
        phrase(
            translate("DataErrors", "data/rows.jsonl is damaged at line {line} (it was cut short or edited by hand)."),
            line=line,
        ),
        translate("DataErrors", "Import the evaluation set again."),
        details={"kind": "rows_damaged", "line": line},
    )


def _text(content) -> str:
    """A chat message's content as text (a list of parts keeps its text parts)."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(str(p.get("text", "")) for p in content if isinstance(p, dict))
    return "" if content is None else json.dumps(content, ensure_ascii=False)


def _json_list(cell) -> list:
    try:
        value = json.loads(cell) if isinstance(cell, str) and cell.strip() else []
    except json.JSONDecodeError:
        return []
    return value if isinstance(value, list) else []


def _conversation(extra: dict) -> dict:
    """system / history / alternatives of a chat-format or Evals row (see dataset_formats)."""
    # Only plain user/assistant turns: a tool message without its call would be refused by the API.
    turns = [m for m in _json_list(extra.get("history")) if isinstance(m, dict)]
    history = tuple(
        (m["role"], _text(m.get("content")))
        for m in turns
        if m.get("role") in ("user", "assistant") and _text(m.get("content")).strip()
    )
    alternatives = tuple(a for a in _json_list(extra.get("ideal_alternatives")) if isinstance(a, str) and a.strip())
    return {"system": str(extra.get("system") or ""), "history": history, "alternatives": alternatives}


def _row(d: dict, chat: bool) -> Row:
    more = _conversation(d.get("extra") or {}) if chat else {}
    return Row(
        d["id"],
        d["input"],
        d["expected"],
        d.get("context", ""),
        d.get("category", ""),
        tuple(d.get("flags", ())),
        **more,
    )


def load_rows(project) -> tuple[list[Row], list[Row]]:
    """(evaluation rows, examples pool), in file order. A damaged rows file is a DataError."""
    section = _section(project)
    pool_ids = set(section.get("examples", {}).get("ids", ()))
    chat = section.get("format") in CHAT_FORMATS
    evaluation: list[Row] = []
    pool: list[Row] = []
    loads = json.loads
    with open(project.rows_file, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            try:
                row = _row(loads(line), chat)
            except (ValueError, KeyError, TypeError, AttributeError):  # JSONDecodeError is a ValueError
                raise _damaged(n) from None
            (pool if row.id in pool_ids else evaluation).append(row)
    if len(evaluation) + len(pool) != section.get("rows") or len(pool) != len(pool_ids):
        raise DataError(
            "data/rows.jsonl does not match project.json (it was changed outside the app).",
            "Import the evaluation set again.",
            details={"kind": "rows_mismatch"},
        )
    return evaluation, pool


def evaluation_ids(project) -> set[str] | None:
    """Ids of the current evaluation rows (results of other rows are stale).

    None when there is no dataset, or its rows file is gone: then nothing tells which stored
    results are current and all are kept. A damaged rows file is a DataError (re-import)."""
    if not project.section("dataset") or not project.rows_file.exists():
        return None
    rows, _ = load_rows(project)
    return {r.id for r in rows}


def row_inputs(project, ids=None, width: int = ROW_LABEL_CHARS) -> dict[str, str]:
    """Row id -> the start of its input, for the rows named (every row when ``ids`` is None).

    Evaluation rows and the examples pool alike; {} when there is no dataset yet."""
    if not project.section("dataset") or not project.rows_file.exists():
        return {}
    wanted = None if ids is None else {str(i) for i in ids}
    evaluation, pool = load_rows(project)
    return {r.id: short_text(r.input, width) for r in evaluation + pool if wanted is None or r.id in wanted}


def resplit(project, examples: int, seed: int = 0) -> dict:
    """Choose a new examples pool from the imported rows (the source file is not read again)."""
    examples, seed = split.check_split_args(examples, seed)
    section = dict(_section(project))
    hashes = array("Q")
    with open(project.rows_file, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            try:
                hashes.append(split.input_key(json.loads(line)["input"]))
            except (ValueError, KeyError, TypeError):
                raise _damaged(n) from None
    total = len(hashes)
    if total != section.get("rows"):
        raise DataError(
            "data/rows.jsonl does not match project.json (it was changed outside the app).",
            "Import the evaluation set again.",
            details={"kind": "rows_mismatch"},
        )
    mask = split.choose_pool(np.frombuffer(hashes, dtype=np.uint64), examples, seed, total)
    ids = split.ids_at(project.rows_file, mask) if examples else []
    section["examples"] = {"count": len(ids), "seed": seed, "ids": ids}
    section["eval_rows"] = total - len(ids)
    project.set_section("dataset", section)
    return section
