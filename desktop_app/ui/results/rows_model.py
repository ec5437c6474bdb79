"""The per-example list: one line per evaluation row, its outcome in each run, and the filters.

``RowsModel`` shows the rows (the start of the question, then one outcome column per run; the
row id, its category and the whole question are in the first cell's tooltip);
``RowsFilter`` keeps the lines that match: failed only, a category, a gap kind, one run, or a
list of row ids sent by another page (the Advice page's evidence links, the Grid's clicks).
With no run chosen, "failed" and a gap kind mean "in at least one run".
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop_app.core.text import short_text
from desktop_app.ui.results import words
from desktop_app.ui.run.words import plain_tooltip
from desktop_app.ui.words import fill

SORT_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
FIXED = 1  # the question; then one column per run (the category is a filter and in the tooltip)
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, SORT_ROLE, ROW_ROLE, Qt.ItemDataRole.ToolTipRole})
_TOOLTIP_CHARS = 600  # the detail view shows all of it


class RowsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self.runs: list = []  # RunEntry

    def set_data(self, rows, runs) -> None:
        self.beginResetModel()
        self.rows, self.runs = list(rows), list(runs)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else FIXED + len(self.runs)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and FIXED <= section < FIXED + len(self.runs):
            return plain_tooltip(self.runs[section - FIXED].label)  # the column may elide a long run name
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return QCoreApplication.translate("RowsModel", "Question")
        if FIXED <= section < FIXED + len(self.runs):
            return self.runs[section - FIXED].label
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role not in _ROLES:  # views ask ~10 roles per cell; answer the unused ones first
            return None
        row = self.rows[index.row()]
        col = index.column()
        run = self.runs[col - FIXED] if FIXED <= col < FIXED + len(self.runs) else None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return short_text(row.input) or row.id
            if run is not None:
                return words.outcome_label(run.outcome.get(row.id))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 0:  # plain: Qt would take a question that looks like markup for rich text
                head = (
                    fill(QCoreApplication.translate("RowsModel", "Row %1 · %2"), row.id, row.category)
                    if row.category
                    else fill(QCoreApplication.translate("RowsModel", "Row %1"), row.id)
                )
                return plain_tooltip(f"{head}\n{row.input[:_TOOLTIP_CHARS]}")
            if run is not None:
                return fill(
                    QCoreApplication.translate("RowsModel", "%1: %2"),
                    run.label,
                    words.outcome_sentence(run.outcome.get(row.id)),
                )
            return None
        if role == SORT_ROLE:
            if col == 0:
                return index.row()  # dataset order
            if run is not None:
                return run.outcome.get(row.id) or ""
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == ROW_ROLE:
            return row
        return None


class RowsFilter(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.run_id: int | None = None
        self.failed_only = False
        self.category = ""
        self.gap = ""  # "" any, or a gap kind, or "error"
        self.ids: frozenset[str] | None = None

    def set_filters(self, **values) -> None:
        begin = getattr(self, "beginFilterChange", None)  # Qt 6.10+; invalidateFilter is deprecated there
        if begin is not None:
            begin()
        for key, value in values.items():
            if not hasattr(self, key):
                raise AttributeError(key)
            setattr(self, key, value)
        if begin is not None:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def _rows_model(self) -> RowsModel:
        source = self.sourceModel()
        assert isinstance(source, RowsModel)  # the page sets one once, before any filtering
        return source

    def _outcomes(self, row_id: str) -> list:
        runs = self._rows_model().runs
        if self.run_id is not None:
            runs = [r for r in runs if r.run_id == self.run_id]
        return [r.outcome.get(row_id) for r in runs]

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        row = self._rows_model().rows[source_row]
        if self.ids is not None and row.id not in self.ids:
            return False
        if self.category and row.category != self.category:
            return False
        if not (self.failed_only or self.gap or self.run_id is not None):
            return True
        outcomes = self._outcomes(row.id)
        if self.run_id is not None and outcomes == [None]:
            return False  # the chosen run has no result for this row
        if self.failed_only and not any(o not in (None, "pass", "unsure") for o in outcomes):
            return False
        if self.gap and self.gap not in outcomes:
            return False
        return True


QUESTION_MIN_WIDTH = 220  # about 30 characters: enough to tell questions apart
QUESTION_TIGHT_WIDTH = 160  # the least it gets when that keeps every run in view


def outcome_width(table) -> int:
    """Wide enough for the longest outcome label ("✗ generation") in the current language."""
    metrics = table.fontMetrics()
    labels = [
        words.outcome_label(k) for k in ("pass", "error", "knowledge", "behaviour", "retrieval", "generation", "unsure")
    ]
    return max(metrics.horizontalAdvance(t) for t in labels) + 20


RUN_NAME_MAX_WIDTH = 140  # a run name wider than this is elided in the header (full name in its tooltip)


def fit_question(table, runs: int) -> None:
    """The question takes what the run columns leave, never less than a readable width: with many
    runs the outcome columns scroll sideways inside the table while the question stays in view.
    Where there is room, a run's column is as wide as its name (up to a limit), so a few runs show
    their names in full ("Few-shot (k=3)") instead of clipped to an outcome's width."""
    header = table.horizontalHeader()
    narrow = outcome_width(table)
    model = table.model()
    names = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(1, runs + 1)] if model else []
    metrics = header.fontMetrics()
    wide = [max(narrow, min(RUN_NAME_MAX_WIDTH, metrics.horizontalAdvance(n) + 24)) for n in names]
    room = table.viewport().width() - QUESTION_MIN_WIDTH
    if names and sum(wide) > room:  # share the room, never narrower than an outcome
        wide = [min(w, max(narrow, room // len(names))) for w in wide]
    for column, width in enumerate(wide, 1):
        header.resizeSection(column, width)
    spare = table.viewport().width() - sum(wide)
    # A little less room for the question beats hiding a run's column behind a scrollbar.
    header.resizeSection(0, spare if spare >= QUESTION_TIGHT_WIDTH else max(QUESTION_MIN_WIDTH, spare))
