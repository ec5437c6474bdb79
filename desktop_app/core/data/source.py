"""What every reader shares: a ``Source`` (header plus a lazy stream of ``(line, cells)``), the
``Table`` preview, text opened with the right encoding, and the errors that name the file.
``readers`` (delimited text, the entry points) and ``formats`` (XLSX, JSONL) build on it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import pandas as pd

from desktop_app.core.data import sniff
from desktop_app.core.errors import DataError
from desktop_app.core.phrases import phrase, translate

Records = Iterator[tuple[int, list[str]]]
TEXT_SUFFIXES = {".csv", ".tsv", ".txt", ".tab"}
JSON_SUFFIXES = {".jsonl", ".ndjson", ".json"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}

# Python's csv refuses fields over 128 KiB by default; a 100k+ character answer is accepted
# (and flagged by the importer), so lift the limit (2**31-1 is the largest a C long takes on Windows).
csv.field_size_limit(2**31 - 1)


@dataclass(frozen=True, eq=False)
class Table:
    """A file read into text cells: ``frame`` holds str only ('' for an empty cell)."""

    frame: pd.DataFrame
    format: str  # csv | xlsx | jsonl | chat_jsonl | evals_jsonl
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: tuple[str, ...] = ()
    warnings: tuple[dict, ...] = ()
    truncated: bool = False  # True when nrows stopped the read before the end

    @property
    def columns(self) -> list[str]:
        return [str(c) for c in self.frame.columns]


@dataclass
class Source:
    """An open file: its columns and a one-pass iterator of rows aligned with them."""

    path: Path
    format: str
    columns: list[str]
    records: Records
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: tuple[str, ...] = ()
    warnings: list[dict] = field(default_factory=list)
    size: int = 0
    position: Callable[[], int] = lambda: 0  # bytes consumed so far, for progress
    closers: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        for close in self.closers:
            close()
        self.closers.clear()

    def __enter__(self) -> "Source":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def unique_columns(names: list[str], warnings: list[dict]) -> list[str]:
    """Blank header cells get 'column N'; repeated names get ' (2)', so every column is addressable."""
    out: list[str] = []
    renamed: list[str] = []
    for i, name in enumerate(names, start=1):
        base = name.strip() or f"column {i}"
        candidate, k = base, 2
        while candidate in out:
            candidate, k = f"{base} ({k})", k + 1
        if candidate != name.strip():
            renamed.append(candidate)
        out.append(candidate)
    if renamed:
        warnings.append({"kind": "renamed_columns", "columns": renamed})
    return out


def _check_file(path: Path) -> int:
    if not path.exists():
        raise DataError(
            phrase(translate("DataErrors", "{path} does not exist."), path=path),
            translate("DataErrors", "Check the path and the file name."),
            details={"kind": "not_found"},
        )
    if path.is_dir():
        raise DataError(
            phrase(translate("DataErrors", "{path} is a folder, not a file."), path=path),
            translate("DataErrors", "Choose the data file inside it."),
            details={"kind": "not_found"},
        )
    if not path.is_file():  # a named pipe or a device: reading it could wait for ever
        raise DataError(
            phrase(translate("DataErrors", "{path} is not a regular file (a pipe or a device)."), path=path),
            translate("DataErrors", "Choose a saved data file."),
            details={"kind": "not_a_file"},
        )
    return path.stat().st_size


def empty_error(path: Path, where: str = "") -> DataError:
    return DataError(
        phrase(translate("DataErrors", "{name}{where} is empty."), name=path.name, where=where),
        translate("DataErrors", "Choose a file with a header row and at least one row of data."),
        details={"kind": "empty"},
    )


def header_only_error(path: Path, columns: list[str]) -> DataError:
    return DataError(
        phrase(translate("DataErrors", "{name} has a header row but no data rows."), name=path.name),
        translate("DataErrors", "Add rows below the header, or choose the file that holds the data."),
        details={"kind": "header_only", "columns": columns},
    )


def first_bad_line(path: Path, encoding: str, limit: int | None = None) -> tuple[int, bytes]:
    """Line number (1-based) and bytes of the first line ``encoding`` cannot decode (0 if none).

    Works line by line because \\n is never part of a multi-byte character in the encodings
    we read (UTF-8, cp932, EUC-JP, single-byte ones).
    """
    decoder_name = "utf-8" if encoding == "utf-8-sig" else encoding
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if limit and number > limit:
                break
            try:
                raw.decode(decoder_name)
            except UnicodeDecodeError:
                return number, raw
    return 0, b""


def wrong_encoding_error(path: Path, encoding: str, line: int, bad: bytes, detected: str | None = None) -> DataError:
    suggestion = detected if detected and detected != encoding else sniff.detect_encoding(bad)
    if suggestion == encoding:
        suggestion = "cp932" if encoding.startswith("utf") else "utf-8"
    where = phrase(translate("DataErrors", " (line {line})"), line=line) if line else ""
    return DataError(
        phrase(
            translate(
                "DataErrors",
                "{name} cannot be read as {encoding}: it has bytes that are not valid in that encoding{where}.",
            ),
            name=path.name,
            encoding=sniff.label(encoding),
            where=where,
        ),
        phrase(
            translate("DataErrors", "It looks like {encoding}; choose that encoding (e.g. --encoding {code})."),
            encoding=sniff.label(suggestion),
            code=suggestion,
        ),
        details={"kind": "wrong_encoding", "line": line, "encoding": encoding, "detected": suggestion},
    )


def open_text(
    path: Path, encoding: str | None, warnings: list[dict]
) -> tuple[io.TextIOWrapper[io.BufferedReader], str, str]:
    """Open ``path`` as text in the chosen (or detected) encoding; returns (file, encoding, sample)."""
    raw = open(path, "rb")
    try:
        head = raw.read(sniff.SAMPLE_BYTES)
        complete = len(head) < sniff.SAMPLE_BYTES
        if not head:
            raise empty_error(path)
        sniff.check_not_binary(head, path.name)
        sample = sniff.cut_at_line_end(head, complete)
        detected = sniff.detect_encoding(sample)
        chosen = detected
        if encoding:
            chosen = sniff.normalize_encoding(encoding)
            if chosen == "utf-8" and head.startswith(b"\xef\xbb\xbf"):
                chosen = "utf-8-sig"  # the BOM is not data; dropping it keeps the first header clean
        try:
            text_sample = sample.decode(chosen)
        except UnicodeDecodeError:
            line, bad = first_bad_line(path, chosen)
            raise wrong_encoding_error(path, chosen, line, bad, detected) from None
        if chosen != detected and text_sample != sample.decode(detected, errors="replace"):
            warnings.append({"kind": "encoding_differs", "chosen": chosen, "detected": detected})
        if not text_sample.strip().lstrip("\ufeff").strip():
            raise empty_error(path)
        raw.seek(0)
        return io.TextIOWrapper(raw, encoding=chosen, errors="strict", newline=""), chosen, text_sample
    except BaseException:
        raw.close()
        raise
