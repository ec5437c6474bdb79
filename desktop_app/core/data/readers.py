"""Open an evaluation-set file as a header plus a stream of rows of text cells.

``open_source`` returns a ``Source`` whose ``records`` iterator yields ``(line, cells)`` one row
at a time, so a 200 MB export never sits in memory; ``read_table`` collects (the first
``nrows``) rows into a pandas DataFrame for previews. Delimited text is in this module,
XLSX and the JSONL flavours in ``formats``; what both share is in ``source``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from desktop_app.core.data import formats
from desktop_app.core.data import sniff
from desktop_app.core.data.source import (
    JSON_SUFFIXES,
    TEXT_SUFFIXES,
    XLSX_SUFFIXES,
    Records,
    Source,
    Table,
    _check_file,
    empty_error,
    first_bad_line,
    header_only_error,
    open_text,
    unique_columns,
    wrong_encoding_error,
)
from desktop_app.core.errors import DataError
from desktop_app.core.phrases import phrase, translate

__all__ = ["Source", "Table", "open_source", "read_table"]


def _open_delimited(path: Path, size: int, encoding: str | None, delimiter: str | None) -> Source:
    warnings: list[dict] = []
    text, chosen, sample = open_text(path, encoding, warnings)
    delim = sniff.parse_delimiter(delimiter) if delimiter else sniff.sniff_delimiter(sample, path.suffix.lower())
    reader = csv.reader(text, delimiter=delim)
    state = {"line": 0}

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            for cells in reader:
                start, state["line"] = state["line"] + 1, reader.line_num
                if cells and any(c.strip() for c in cells):  # blank lines and ",,," rows carry nothing
                    yield start, cells
        except csv.Error as exc:
            raise DataError(
                phrase(
                    translate("DataErrors", "{name} line {line} cannot be parsed as CSV ({problem})."),
                    name=path.name,
                    line=state["line"] + 1,
                    problem=exc,
                ),
                translate("DataErrors", "Check that line for an unclosed quote or a stray character."),
                details={"kind": "csv", "line": state["line"] + 1},
            ) from None
        except UnicodeDecodeError:
            line, bad = first_bad_line(path, chosen)
            raise wrong_encoding_error(path, chosen, line, bad) from None

    stream = rows()
    try:
        _, header = next(stream)
    except StopIteration:
        text.close()
        raise empty_error(path) from None
    except BaseException:
        text.close()
        raise
    while len(header) > 1 and not header[-1].strip():
        header.pop()  # "q,a," headers: the empty last column is an export artefact, not data
    columns = unique_columns(header, warnings)
    width = len(columns)

    def records() -> Records:
        count = 0
        for line, cells in stream:
            if len(cells) != width:
                extra = cells[width:]
                if len(cells) < width or any(c.strip() for c in extra):
                    raise DataError(
                        phrase(
                            translate(
                                "DataErrors", "{name} line {line} has {fields} fields but the header has {width}."
                            ),
                            name=path.name,
                            line=line,
                            fields=len(cells),
                            width=width,
                        ),
                        phrase(
                            translate(
                                "DataErrors",
                                "A cell probably contains the delimiter {delimiter} without quotes, or "
                                "a quote is not closed: fix that line, or choose another delimiter.",
                            ),
                            delimiter=repr(delim),
                        ),
                        details={"kind": "ragged", "line": line, "fields": len(cells), "expected": width},
                    )
                cells = cells[:width]  # trailing empty fields, as some exports write
            count += 1
            yield line, cells
        if not count:
            raise header_only_error(path, columns)

    return Source(
        path=path,
        format="csv",
        columns=columns,
        records=records(),
        encoding=chosen,
        delimiter=delim,
        warnings=warnings,
        size=size,
        position=text.buffer.tell,
        closers=[text.close],
    )


def open_source(path, *, encoding: str | None = None, sheet: str | None = None, delimiter: str | None = None) -> Source:
    """Open any supported file; the format comes from the extension (and the first bytes)."""
    path = Path(path)
    size = _check_file(path)
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise DataError(
            phrase(
                translate("DataErrors", "{name} is an old Excel file (.xls), which cannot be read."), name=path.name
            ),
            translate("DataErrors", "Open it in Excel and save it as .xlsx or CSV."),
            details={"kind": "xls"},
        )
    if suffix in XLSX_SUFFIXES:
        return formats.open_xlsx(path, size, sheet)
    if suffix in JSON_SUFFIXES or (suffix not in TEXT_SUFFIXES and _starts_like_json(path)):
        return formats.open_jsonl(path, size, encoding)
    return _open_delimited(path, size, encoding, delimiter)


def _starts_like_json(path: Path) -> bool:
    with open(path, "rb") as fh:
        head = fh.read(256).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{")


def read_table(
    path, encoding: str | None = None, sheet: str | None = None, delimiter: str | None = None, nrows: int | None = None
) -> Table:
    """Read a file (all of it, or its first ``nrows`` data rows) into a Table of text cells."""
    with open_source(path, encoding=encoding, sheet=sheet, delimiter=delimiter) as src:
        rows: list[list[str]] = []
        truncated = False
        for _, cells in src.records:
            if nrows is not None and len(rows) >= nrows:
                truncated = True
                break
            rows.append(cells)
        frame = pd.DataFrame(rows, columns=src.columns, dtype=object)
        return Table(
            frame=frame,
            format=src.format,
            encoding=src.encoding,
            delimiter=src.delimiter,
            sheet=src.sheet,
            sheets=src.sheets,
            warnings=tuple(src.warnings),
            truncated=truncated,
        )
