"""XLSX and the JSONL flavours (flat objects, OpenAI chat format, OpenAI Evals) as a Source.

Chat-format lines become one row: the last assistant message is the expected output, the last
user message before it the input; the system prompt and earlier turns go to the ``system``
and ``history`` columns so nothing in the file is dropped.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from itertools import chain
from pathlib import Path
from typing import Any, Iterator

from desktop_app.core.data.source import (
    Records,
    Source,
    empty_error,
    first_bad_line,
    header_only_error,
    open_text,
    unique_columns,
    wrong_encoding_error,
)
from desktop_app.core.errors import DataError
from desktop_app.core.data.files import archive_problem, archive_sentence
from desktop_app.core.phrases import phrase, translate

JSON_SAMPLE_LINES = 1000  # columns of flat JSONL = keys seen in the first lines ...
JSON_SAMPLE_CHARS = 4 << 20  # ... or in the first 4 M characters, if lines are long
CHAT_COLUMNS = ["input", "expected", "system", "history"]
EVALS_COLUMNS = ["input", "ideal", "ideal_alternatives", "system", "history"]


# -- XLSX ------------------------------------------------------------------------------------
def _cell_text(value: Any) -> str:
    """What the user sees in Excel: 12 not 12.0, TRUE, a date without a midnight time."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def open_xlsx(path: Path, size: int, sheet: str | None) -> Source:
    import openpyxl  # noqa: PLC0415 - imported here: only workbooks pay its import time
    from openpyxl.utils.exceptions import InvalidFileException  # noqa: PLC0415

    problem = archive_problem(path)
    if problem is not None and problem.kind != "not_a_zip":  # a damaged file gets openpyxl's word below
        raise DataError(
            archive_sentence(problem, path.name),
            translate("DataErrors", "Open it in Excel and save it again, or export the sheet as CSV."),
            details={"kind": "archive_bomb"},
        )
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise DataError(
            phrase(
                translate("DataErrors", "{name} is not a readable Excel workbook ({problem})."),
                name=path.name,
                problem=type(exc).__name__,
            ),
            translate("DataErrors", "Open it in Excel and save it again as .xlsx, or export it as CSV."),
            details={"kind": "bad_xlsx"},
        ) from None
    try:
        sheets = tuple(workbook.sheetnames)
        name = sheet if sheet is not None else sheets[0]
        if name not in sheets:  # be forgiving about case and surrounding spaces
            name = next((s for s in sheets if s.strip().casefold() == name.strip().casefold()), name)
        if name not in sheets:
            raise DataError(
                phrase(
                    translate("DataErrors", "{name} has no sheet named '{sheet}'. Its sheets: {sheets}."),
                    name=path.name,
                    sheet=sheet,
                    sheets=", ".join(sheets),
                ),
                translate("DataErrors", "Choose one of those sheets."),
                details={"kind": "unknown_sheet", "sheet": sheet, "sheets": list(sheets)},
            )
        worksheet = workbook[name]
        if not hasattr(worksheet, "iter_rows"):
            raise DataError(
                phrase(
                    translate("DataErrors", "Sheet '{sheet}' of {name} is a chart, not a table."),
                    sheet=name,
                    name=path.name,
                ),
                translate("DataErrors", "Choose a sheet that holds the data."),
                details={"kind": "unknown_sheet", "sheet": name, "sheets": list(sheets)},
            )
        # Many tools write a stale <dimension> element, and read-only mode trusts it: rows and
        # columns beyond it would be silently dropped. Reading the sheet to its real end costs
        # nothing extra (read-only mode streams anyway).
        worksheet.reset_dimensions()
        rows = enumerate(worksheet.iter_rows(values_only=True), start=1)
        header: list[str] | None = None
        for _, values in rows:
            cells = [_cell_text(v) for v in values]
            if any(c.strip() for c in cells):
                header = cells
                break
        if header is None:
            raise empty_error(path, f" (sheet '{name}')")
        while header and not header[-1].strip():
            header.pop()  # read-only sheets often report a few unused columns on the right
    except BaseException:
        workbook.close()
        raise
    warnings: list[dict] = []
    columns = unique_columns(header, warnings)
    width = len(columns)

    def records() -> Records:
        count = outside = 0
        for number, values in rows:
            cells = [_cell_text(v) for v in values]
            if not any(c.strip() for c in cells):
                continue
            if any(c.strip() for c in cells[width:]):
                outside += 1
            cells = (cells + [""] * width)[:width]
            count += 1
            yield number, cells
        if outside:
            warnings.append({"kind": "cells_outside_header", "count": outside})
        if not count:
            raise header_only_error(path, columns)

    return Source(
        path=path,
        format="xlsx",
        columns=columns,
        records=records(),
        sheet=name,
        sheets=sheets,
        warnings=warnings,
        size=size,
        closers=[workbook.close],
    )


# -- JSONL -----------------------------------------------------------------------------------
def _json_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _content(message: dict) -> str:
    """A message's text; content may be a string or a list of parts (text parts are kept)."""
    content = message.get("content")
    if isinstance(content, list):
        return "\n".join(
            str(p.get("text", ""))
            for p in content
            if isinstance(p, dict) and p.get("type", "text") in ("text", "input_text")
        )
    return _json_text(content)


def _split_chat(messages: Any, name: str, line: int) -> tuple[str, str, str, str]:
    """(input, expected, system, history) of one chat: see the module docstring."""
    if not isinstance(messages, list) or not all(isinstance(m, dict) for m in messages):
        raise DataError(
            phrase(
                translate("DataErrors", "{name} line {line}: 'messages' is not a list of message objects."),
                name=name,
                line=line,
            ),
            'Each line needs {"messages": [{"role": ..., "content": ...}, ...]}.',
            details={"kind": "bad_chat", "line": line},
        )
    roles = [str(m.get("role", "")) for m in messages]
    last_assistant = max((i for i, r in enumerate(roles) if r == "assistant"), default=None)
    expected = _content(messages[last_assistant]) if last_assistant is not None else ""
    before = messages[:last_assistant] if last_assistant is not None else messages
    last_user = max((i for i, m in enumerate(before) if m.get("role") == "user"), default=None)
    text = _content(before[last_user]) if last_user is not None else ""
    rest = before[:last_user] if last_user is not None else before
    system = "\n\n".join(_content(m) for m in rest if m.get("role") in ("system", "developer"))
    turns = [m for m in rest if m.get("role") not in ("system", "developer")]
    return text, expected, system, json.dumps(turns, ensure_ascii=False) if turns else ""


def _json_lines(text, name: str, read: list[int]) -> Iterator[tuple[int, dict]]:
    for number, raw in enumerate(text, start=1):
        read[0] += len(raw)
        raw = raw.strip()
        if not raw:
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise DataError(
                phrase(
                    translate("DataErrors", "{name} line {line} is not valid JSON ({problem} at column {column})."),
                    name=name,
                    line=number,
                    problem=exc.msg,
                    column=exc.colno,
                ),
                translate("DataErrors", "Fix or remove that line; each line must hold one JSON object."),
                details={"kind": "bad_json", "line": number},
            ) from None
        if not isinstance(obj, dict):
            raise DataError(
                phrase(
                    translate("DataErrors", "{name} line {line} is a JSON {kind}, not an object."),
                    name=name,
                    line=number,
                    kind=type(obj).__name__,
                ),
                'Each line must hold one object, e.g. {"question": ..., "answer": ...}.',
                details={"kind": "bad_json", "line": number},
            )
        yield number, obj


def open_jsonl(path: Path, size: int, encoding: str | None) -> Source:
    warnings: list[dict] = []
    text, chosen, sample = open_text(path, encoding, warnings)
    read = [0]  # characters consumed, to bound the sample kept for the column list
    try:
        if sample.lstrip("\ufeff \t\r\n").startswith("["):
            # A JSON array is read whole (it cannot be streamed line by line); items count as lines.
            try:
                items = json.load(text)
            except json.JSONDecodeError as exc:
                if exc.msg == "Extra data" and exc.lineno > 1:  # JSON lines whose first line is a list
                    raise DataError(
                        phrase(translate("DataErrors", "{name} line 1 is a JSON list, not an object."), name=path.name),
                        'Each line must hold one object, e.g. {"question": ..., "answer": ...}: remove or fix line 1.',
                        details={"kind": "bad_json", "line": 1},
                    ) from None
                raise DataError(
                    phrase(
                        translate("DataErrors", "{name} is not valid JSON ({problem}, line {line})."),
                        name=path.name,
                        problem=exc.msg,
                        line=exc.lineno,
                    ),
                    translate("DataErrors", "Fix the file, or save it as JSONL (one object per line)."),
                    details={"kind": "bad_json", "line": exc.lineno},
                ) from None
            lines = iter([(i, o) for i, o in enumerate(items, start=1) if isinstance(o, dict)])
        else:
            lines = _json_lines(text, path.name, read)
        head = []
        for item in lines:
            head.append(item)
            if len(head) >= JSON_SAMPLE_LINES or read[0] > JSON_SAMPLE_CHARS:
                break
    except UnicodeDecodeError:
        text.close()
        line, bad = first_bad_line(path, chosen)
        raise wrong_encoding_error(path, chosen, line, bad) from None
    except BaseException:
        text.close()
        raise
    if not head:
        text.close()
        raise empty_error(path)
    first = head[0][1]
    if isinstance(first.get("messages"), list):
        kind, fixed = "chat_jsonl", CHAT_COLUMNS
    elif "input" in first and "ideal" in first:
        kind, fixed = "evals_jsonl", EVALS_COLUMNS
    else:
        kind, fixed = "jsonl", []
    skip = {"messages", "input", "ideal"} if fixed else set()
    keys: list[str] = []
    for _, obj in head:
        keys += [k for k in obj if k not in skip and k not in keys and k not in fixed]
    columns = fixed + keys

    def cells_of(number: int, obj: dict) -> list[str]:
        if kind == "chat_jsonl":
            if "messages" not in obj:
                raise DataError(
                    phrase(
                        translate("DataErrors", "{name} line {line} has no 'messages' list."),
                        name=path.name,
                        line=number,
                    ),
                    translate("DataErrors", "Every line of a chat-format file needs a messages list."),
                    details={"kind": "bad_chat", "line": number},
                )
            fixed_cells = list(_split_chat(obj["messages"], path.name, number))
        elif kind == "evals_jsonl":
            given = obj.get("input")
            if isinstance(given, list):
                user, _, system, history = _split_chat(given, path.name, number)
            else:
                user, system, history = _json_text(given), "", ""
            ideal = obj.get("ideal")
            ideals = [_json_text(i) for i in ideal] if isinstance(ideal, list) else [_json_text(ideal)]
            ideals = ideals or [""]
            alternatives = json.dumps(ideals[1:], ensure_ascii=False) if len(ideals) > 1 else ""
            fixed_cells = [user, ideals[0], alternatives, system, history]
        else:
            fixed_cells = []
            if not obj.keys() <= known:  # a key first seen after the sample has no column
                late.update(k for k in obj if k not in known)
                late_rows[0] += 1
        return fixed_cells + [_json_text(obj.get(k)) for k in keys]

    known, late, late_rows = set(keys), set[str](), [0]

    def records() -> Records:
        try:
            for number, obj in chain(head, lines):
                cells = cells_of(number, obj)
                if any(c.strip() for c in cells):
                    yield number, cells
        except UnicodeDecodeError:
            line, bad = first_bad_line(path, chosen)
            raise wrong_encoding_error(path, chosen, line, bad) from None
        if late:
            warnings.append({"kind": "ignored_keys", "count": late_rows[0], "keys": sorted(late)[:20]})

    return Source(
        path=path,
        format=kind,
        columns=columns,
        records=records(),
        encoding=chosen,
        warnings=warnings,
        size=size,
        position=text.buffer.tell,
        closers=[text.close],
    )
