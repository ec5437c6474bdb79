"""The leaderboard: one line per run, sortable on every column.

DisplayRole is always a string (data stays plain text); SORT_ROLE gives the raw number, so a
proxy sorts 9% below 10% and "—" (unknown) below every number.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.ui.results import words

SORT_ROLE = Qt.ItemDataRole.UserRole
RUN_ROLE = Qt.ItemDataRole.UserRole + 1  # the RunEntry of the line
_MISSING = float("-inf")

# (key, how to show it, numeric alignment)
COLUMNS = ("run", "techniques", "content_score", "behaviour_score", "pass_rate", "latency_p50", "latency_p95",
           "tokens_per_request", "cost_per_1000", "rows", "errors")


def _header(key: str) -> str:
    translate = QCoreApplication.translate
    return {
        "run": translate("Leaderboard", "Run"),
        "techniques": translate("Leaderboard", "Techniques"),
        "content_score": translate("Leaderboard", "Content"),
        "behaviour_score": translate("Leaderboard", "Behaviour"),
        "pass_rate": translate("Leaderboard", "Pass\nrate"),
        "latency_p50": translate("Leaderboard", "Latency\np50"),
        "latency_p95": translate("Leaderboard", "Latency\np95"),
        "tokens_per_request": translate("Leaderboard", "Tokens\nper request"),
        "cost_per_1000": translate("Leaderboard", "Cost per\n1,000 requests"),
        "rows": translate("Leaderboard", "Rows"),
        "errors": translate("Leaderboard", "Errors"),
    }[key]


def _header_tip(key: str) -> str:
    translate = QCoreApplication.translate
    return {
        "content_score": translate("Leaderboard", "Share of rows whose answer carries the right facts (content checks)."),
        "behaviour_score": translate("Leaderboard", "Share of rows whose answer acts right: format, length, language "
                                            "(behaviour checks)."),
        "pass_rate": translate("Leaderboard", "Share of rows that passed every check."),
        "latency_p50": translate("Leaderboard", "Median time to an answer: half the answers came faster (cached "
                                                "and imported answers without timings are left out)."),
        "latency_p95": translate("Leaderboard", "95th percentile: 19 answers in 20 came faster than this."),
        "tokens_per_request": translate("Leaderboard", "Prompt plus answer tokens per request, on average."),
        "cost_per_1000": translate("Leaderboard", "What 1,000 requests like these cost at the project's prices."),
    }.get(key, "")


def _status_note(entry) -> str:
    status = entry.info.status
    if entry.info.imported:
        return QCoreApplication.translate("Leaderboard", "%1 · imported").replace("%1", entry.label)
    if status == "complete":
        return entry.label
    if status == "cancelled":
        return QCoreApplication.translate("Leaderboard", "%1 · cancelled").replace("%1", entry.label)
    if status == "failed":
        return QCoreApplication.translate("Leaderboard", "%1 · stopped").replace("%1", entry.label)
    return QCoreApplication.translate("Leaderboard", "%1 · unfinished").replace("%1", entry.label)


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
            value = s.get(key)
            return _MISSING if value is None else float(value)
        if role == RUN_ROLE:
            return entry
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
        if key in ("latency_p50", "latency_p95"):
            return words.latency(s[key])
        if key == "tokens_per_request":
            return words.number(s[key])
        if key == "cost_per_1000":
            return "—" if s[key] is None else words.money(s[key])
        return words.number(s[key])
