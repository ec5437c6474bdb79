"""The leaderboard: one line per run, sortable on every column.

DisplayRole is always a string (data stays plain text); SORT_ROLE gives the raw number, so a
proxy sorts 9% below 10% and "—" (unknown) below every number.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.ui.results import words
from desktop_app.ui.results.words import fill
from desktop_app.ui.run.words import plain_tooltip

SORT_ROLE = Qt.ItemDataRole.UserRole
RUN_ROLE = Qt.ItemDataRole.UserRole + 1  # the RunEntry of the line
_MISSING = float("-inf")

# (key, how to show it, numeric alignment)
COLUMNS = (
    "run",
    "techniques",
    "content_score",
    "behaviour_score",
    "pass_rate",
    "latency",
    "tokens_per_request",
    "cost_per_1000",
    "rows",
    "errors",
)


def _header(key: str) -> str:
    translate = QCoreApplication.translate
    return {
        "run": translate("Leaderboard", "Run"),
        "techniques": translate("Leaderboard", "Techniques"),
        "content_score": translate("Leaderboard", "Content"),
        "behaviour_score": translate("Leaderboard", "Behaviour"),
        "pass_rate": translate("Leaderboard", "Pass\nrate"),
        "latency": translate("Leaderboard", "Latency\np50 / p95"),
        "tokens_per_request": translate("Leaderboard", "Tokens /\nrequest"),
        "cost_per_1000": translate("Leaderboard", "Cost /\n1k req."),
        "rows": translate("Leaderboard", "Rows"),
        "errors": translate("Leaderboard", "Errors"),
    }[key]


def _header_tip(key: str) -> str:
    translate = QCoreApplication.translate
    return {
        "content_score": translate(
            "Leaderboard", "Share of rows whose answer carries the right facts (content checks)."
        ),
        "behaviour_score": translate(
            "Leaderboard", "Share of rows whose answer acts right: format, length, language (behaviour checks)."
        ),
        "pass_rate": translate("Leaderboard", "Share of rows that passed every check."),
        "latency": translate(
            "Leaderboard", "Time to an answer: half came faster than p50, 19 in 20 faster than p95. Sorted by p50."
        ),
        "tokens_per_request": translate("Leaderboard", "Prompt plus answer tokens per request, on average."),
        "cost_per_1000": translate(
            "Leaderboard",
            "What 1,000 requests like these cost at the project's prices (— when a price or the usage is unknown).",
        ),
        "rows": translate(
            "Leaderboard",
            "Evaluation rows with a result; “12 of 30” when some were never answered (they count as failed).",
        ),
    }.get(key, "")


def _status_note(entry) -> str:
    status = entry.info.status
    if entry.info.imported or status == "complete":  # an import says so in its tooltip
        return entry.label
    if status == "cancelled":
        return QCoreApplication.translate("Leaderboard", "%1 · cancelled").replace("%1", entry.label)
    if status == "failed":
        return QCoreApplication.translate("Leaderboard", "%1 · stopped").replace("%1", entry.label)
    if status == "batch":  # rows are still with the provider's Batch API
        return QCoreApplication.translate("Leaderboard", "%1 · waiting for its batch").replace("%1", entry.label)
    return QCoreApplication.translate("Leaderboard", "%1 · unfinished").replace("%1", entry.label)


def _run_tip(entry) -> str:
    info = entry.info
    if info.imported:
        source = (info.variant or {}).get("source") or ""
        text = QCoreApplication.translate("Leaderboard", "%1: imported from %2").replace("%2", source or "a file")
    else:
        text = QCoreApplication.translate("Leaderboard", "%1: run with %2").replace("%2", info.model or "—")
    return text.replace("%1", entry.label, 1)


class LeaderboardModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list = []

    def set_entries(self, entries) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _header(COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return _header_tip(COLUMNS[section]) or None
        return None

    def row_of(self, run_id: int) -> int:
        return next((i for i, e in enumerate(self.entries) if e.run_id == run_id), -1)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        key = COLUMNS[index.column()]
        s = entry.summary
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, key)
        if role == SORT_ROLE:
            if key == "run":
                return entry.run_id  # the order the runs were made
            if key == "techniques":
                return words.techniques_text(s["techniques"])
            value = s.get("latency_p50" if key == "latency" else key)
            return _MISSING if value is None else float(value)
        if role == RUN_ROLE:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole and key == "run":
            return plain_tooltip(_run_tip(entry))
        if role == Qt.ItemDataRole.ToolTipRole and key == "techniques":  # the column gives way: elided
            return plain_tooltip(words.techniques_text(s["techniques"]))
        if role == Qt.ItemDataRole.TextAlignmentRole and key not in ("run", "techniques"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(entry, key: str) -> str:
        s = entry.summary
        if key == "run":
            return _status_note(entry)
        if key == "techniques":
            return words.techniques_text(s["techniques"])
        if key in ("content_score", "behaviour_score", "pass_rate"):
            return words.pct(s[key])
        if key == "latency":
            if s["latency_p50"] is None:
                return "—"
            return f"{words.latency(s['latency_p50'])} / {words.latency(s['latency_p95'])}"
        if key == "tokens_per_request":
            return words.number(s[key])
        if key == "cost_per_1000":
            return "—" if s[key] is None else words.money(s[key])
        if key == "rows" and s.get("missing"):
            return fill(QCoreApplication.translate("Leaderboard", "%1 of %2"), s["rows"], s["rows"] + s["missing"])
        return words.number(s[key])
