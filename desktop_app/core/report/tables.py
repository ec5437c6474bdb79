"""Per-row results across runs as CSV (UTF-8 with BOM) or XLSX (a Leaderboard and a Rows sheet).

Made for Excel users: the BOM makes Excel on Japanese Windows read UTF-8 rather than CP932;
XLSX cells hold text as text (a cell starting with "=" is never a formula), longer cells than
Excel's 32,767-character limit are cut with a marker, and characters XML cannot hold are
replaced. In the CSV, text that Excel would run as a formula gets a leading apostrophe.
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from desktop_app.core.errors import AppError
from desktop_app.core.phrases import phrase, translate
from desktop_app.core.report.data import ReportData

EXCEL_CELL_MAX = 32_767  # characters (UTF-16 code units) in one cell
EXCEL_ROWS_MAX = 1_048_576
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

ROW_COLUMNS = (
    "row_id",
    "category",
    "input",
    "expected",
    "run",
    "techniques",
    "outcome",
    "passed",
    "failed_checks",
    "output",
    "error",
    "latency_s",
    "tokens_in",
    "tokens_out",
    "cost_usd",
)
BOARD_COLUMNS = (
    "run",
    "techniques",
    "grid_x",
    "grid_y",
    "rows",
    "errors",
    "content_score",
    "behaviour_score",
    "pass_rate",
    "tokens",
    "tokens_per_request",
    "cost_usd",
    "cost_per_1000_requests_usd",
    "latency_p50_s",
    "latency_p95_s",
    "imported",
)
TEXT_WIDTH = {"input": 50, "expected": 40, "output": 60, "failed_checks": 30, "error": 30, "run": 22}
FORMATS = {
    "content_score": "0.0%",
    "behaviour_score": "0.0%",
    "pass_rate": "0.0%",
    "cost_usd": "$#,##0.0000",
    "cost_per_1000_requests_usd": "$#,##0.0000",
    "latency_s": "0.00",
    "latency_p50_s": "0.00",
    "latency_p95_s": "0.00",
    "tokens_per_request": "#,##0.0",
}


def _labels(board: list[dict]) -> list[str]:
    names = [str(r.get("name", "?")) for r in board]
    return [
        n if names.count(n) == 1 else f"{n} (run {r.get('run_id', i + 1)})"
        for i, (n, r) in enumerate(zip(names, board))
    ]


def _failed(res: dict) -> str:
    parts = []
    for c in res.get("failed_checks") or []:
        reason = f": {c['reason']}" if c.get("reason") else ""
        parts.append(f"{c.get('check', '')} ({c.get('family', '')}){reason}")
    return "; ".join(parts)


def rows_frame(data: ReportData) -> pd.DataFrame:
    """One line per (evaluation row, run) that has a result, in dataset order then run order."""
    labels = _labels(data.leaderboard)
    lines = []
    for row in data.rows:
        for label, board, res in zip(labels, data.leaderboard, row.get("results") or []):
            if res is None:
                continue
            lines.append(
                (
                    row.get("id"),
                    row.get("category") or "",
                    row.get("input") or "",
                    row.get("expected") or "",
                    label,
                    ",".join(board.get("techniques") or []) or "none",
                    res.get("outcome"),
                    res.get("outcome") == "pass",
                    _failed(res),
                    res.get("output"),
                    res.get("error"),
                    res.get("latency_s"),
                    res.get("tokens_in"),
                    res.get("tokens_out"),
                    res.get("cost"),
                )
            )
    return pd.DataFrame(lines, columns=list(ROW_COLUMNS))


def leaderboard_frame(data: ReportData) -> pd.DataFrame:
    lines = []
    for label, r in zip(_labels(data.leaderboard), data.leaderboard):
        tokens, cost = r.get("tokens") or 0, r.get("cost")  # cost None: no price known, left empty
        position = r.get("technique_position") or (None, None)
        lines.append(
            (
                label,
                ",".join(r.get("techniques") or []) or "none",
                position[0],
                position[1],
                r.get("rows"),
                r.get("errors"),
                r.get("content_score"),
                r.get("behaviour_score"),
                r.get("pass_rate"),
                tokens,
                r.get("tokens_per_request"),
                cost,
                r.get("cost_per_1000"),
                r.get("latency_p50"),
                r.get("latency_p95"),
                bool(r.get("imported")),
            )
        )
    return pd.DataFrame(lines, columns=list(BOARD_COLUMNS))


# -- cell hygiene -----------------------------------------------------------------------------
def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def excel_text(text: str, limit: int = EXCEL_CELL_MAX) -> str:
    """Text Excel accepts: no XML-illegal characters, at most ``limit`` UTF-16 units, cut with a marker."""
    text = ILLEGAL_CHARACTERS_RE.sub(" ", text)
    if _utf16_len(text) <= limit:
        return text
    marker = f" …[truncated: {len(text):,} characters in all; the CSV export has the full text]"
    room = limit - _utf16_len(marker)
    cut = text[:room]
    while _utf16_len(cut) > room:  # characters outside the BMP take two units
        cut = cut[: room - (_utf16_len(cut) - room)]
    return cut + marker


def csv_text(value):
    """Defuse text that Excel would evaluate as a formula when it opens the CSV. Excel (Japanese
    input especially) also takes the full-width ＝ ＋ － ＠ as formula starts, and leading
    spaces do not stop it, so the test looks at the NFKC-folded text after any spaces."""
    if isinstance(value, str) and unicodedata.normalize("NFKC", value[:8]).lstrip(" ").startswith(FORMULA_START):
        return "'" + value
    return value


def _atomic(path: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_csv(data: ReportData, path: Path) -> None:
    frame = rows_frame(data)
    for col in ("row_id", "category", "input", "expected", "run", "output", "error", "failed_checks"):
        frame[col] = frame[col].map(csv_text)
    _atomic(path, lambda tmp: frame.to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\r\n"))


def _sheet(wb: Workbook, title: str, frame: pd.DataFrame) -> None:
    if len(frame) + 1 > EXCEL_ROWS_MAX:
        raise AppError(
            phrase(
                translate("ReportErrors", "The results have {count} lines, more than an Excel sheet holds."),
                count=f"{len(frame):,}",
            ),
            translate("ReportErrors", "Export to CSV instead (`export PROJECT OUT.csv`)."),
        )
    ws = wb.create_sheet(title)
    for i, col in enumerate(frame.columns):
        ws.column_dimensions[get_column_letter(i + 1)].width = TEXT_WIDTH.get(col, max(10, len(col) + 2))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{max(1, len(frame) + 1)}"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="F3F4F6")
    header = []
    for col in frame.columns:
        cell = WriteOnlyCell(ws, value=col)
        cell.font, cell.fill = bold, fill
        header.append(cell)
    ws.append(header)
    wrap = Alignment(wrap_text=True, vertical="top")
    formats = [FORMATS.get(c) for c in frame.columns]
    for values in frame.itertuples(index=False, name=None):
        cells: list = []
        for value, fmt in zip(values, formats):
            if value is None or (isinstance(value, float) and value != value):
                cells.append(None)
                continue
            if isinstance(value, str):
                cell = WriteOnlyCell(ws, value=excel_text(value))
                cell.data_type = "s"  # "=SUM(...)" from a dataset stays text, never a formula
                if len(value) > 60:
                    cell.alignment = wrap
            else:
                cell = WriteOnlyCell(ws, value=value.item() if hasattr(value, "item") else value)
                if fmt:
                    cell.number_format = fmt
            cells.append(cell)
        ws.append(cells)


def write_xlsx(data: ReportData, path: Path) -> None:
    wb = Workbook(write_only=True)
    _sheet(wb, "Leaderboard", leaderboard_frame(data))
    _sheet(wb, "Rows", rows_frame(data))
    _atomic(path, wb.save)
