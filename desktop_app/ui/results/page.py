"""The Results step: the leaderboard of runs, and every example row across runs.

Data is read in a task (``results.work.load``) whenever runs, checks or the dataset change and
the page is shown. Other pages send the user here with ``focus``: ``{"run": name}`` selects
that run (the latest of that name; ``{"run_id": id}`` names one exactly), and
``{"rows": [ids], "run": name}`` narrows the example list to those rows (the Advice page's
evidence links, the Grid's clicks). A focus that arrives before the data is kept and applied
when it lands. Selecting a run in the leaderboard makes it the example list's run.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Slot
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.widgets.page import Page
from desktop_app.ui.results.example_view import ExampleView, row_tsv
from desktop_app.ui.results.review_actions import ReviewActions
from desktop_app.ui.results.export_actions import ExportActions
from desktop_app.ui.results.filter_bar import FilterBar
from desktop_app.ui.results.leaderboard_model import RUN_ROLE, SORT_ROLE, LeaderboardModel
from desktop_app.ui.results.rows_model import ROW_ROLE, RowsFilter, RowsModel, fit_question, outcome_width
from desktop_app.ui.results.work import ResultsData, load
from desktop_app.ui.run.work import snapshot
from desktop_app.ui.tasks import ErrorRecord, TaskRunner
from desktop_app.ui.widgets.banner import Banner

REFRESH_ON = ("runs", "checks", "dataset")


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    # No sort until a column title is clicked: the models come in the runs' and the dataset's
    # order already, and sorting 2,000 rows through Python on every reload froze the window.
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setHighlightSections(False)
    # Fitting columns measures rows on the GUI thread: sample 100, not all (2,000 rows took ~0.5 s).
    table.horizontalHeader().setResizeContentsPrecision(100)
    return table


class ResultsPage(ExportActions, ReviewActions, Page):
    def title(self) -> str:
        return self.tr("Results")

    def build(self) -> None:
        self.data: ResultsData | None = None
        self.dirty = True
        self.pending_focus: dict | None = None

        self.banner = Banner()
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.run_page_button = QPushButton()
        self.run_page_button.clicked.connect(lambda: self.navigate.emit("run", None))
        empty_row = QHBoxLayout()
        empty_row.addWidget(self.empty_label, 1)
        empty_row.addWidget(self.run_page_button)

        self.board_model = LeaderboardModel(self)
        self.board_proxy = QSortFilterProxyModel(self)
        self.board_proxy.setSortRole(SORT_ROLE)
        self.board_proxy.setSourceModel(self.board_model)
        self.board = _table("leaderboard")
        self.board.setModel(self.board_proxy)
        header = self.board.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # run names in full, as on Variants
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the techniques give way (tooltip)
        header.setMinimumSectionSize(48)
        self.board.selectionModel().currentRowChanged.connect(self._on_board_row)

        self.filters = FilterBar()
        self.filters.changed.connect(self._apply_filters)
        self.filters.clear_ids_button.clicked.connect(lambda: self._set_ids(None))
        self.filters.copy_button.clicked.connect(self.copy_row)

        self.rows_model = RowsModel(self)
        self.rows_proxy = RowsFilter(self)
        self.rows_proxy.setSourceModel(self.rows_model)
        self.rows_table = _table("exampleRows")
        self.rows_table.setModel(self.rows_proxy)
        rows_header = self.rows_table.horizontalHeader()
        # Outcome columns as wide as an outcome, not as a long run name (full name in the header's
        # tooltip and in the detail view); the question takes the rest and elides (tooltip).
        rows_header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)  # sized by _fit_question
        rows_header.setTextElideMode(Qt.TextElideMode.ElideRight)  # "Few-shot (k…", not clipped at both ends
        # The question is sized to the viewport; a scrollbar that appeared after that sizing pushed
        # the last run's column out of view, so the width must not depend on the row count.
        self.rows_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.rows_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.rows_proxy.modelReset.connect(self._update_count)
        self.rows_proxy.layoutChanged.connect(self._update_count)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Copy),
            self.rows_table,
            self.copy_row,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.example = ExampleView()

        examples = QWidget()
        ex_layout = QVBoxLayout(examples)
        ex_layout.setContentsMargins(0, 4, 0, 0)
        ex_layout.addWidget(self.filters)
        self.rows_split = QSplitter(Qt.Orientation.Horizontal)
        self.rows_split.addWidget(self.rows_table)
        self.rows_split.addWidget(self.example)
        self.rows_split.setStretchFactor(1, 1)
        self.rows_split.setSizes([500, 480])
        self.rows_split.splitterMoved.connect(lambda *_: self._fit_question())
        ex_layout.addWidget(self.rows_split, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.board)
        self.splitter.addWidget(examples)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([150, 450])
        self.splitter.setChildrenCollapsible(False)

        # How far the automatic verdicts can be trusted: measured from the person's reviews.
        self.agreement_label = QLabel()
        self.agreement_label.setWordWrap(True)
        self.sample_button = QPushButton()
        self.sample_button.clicked.connect(self.review_sample)
        agreement_row = QHBoxLayout()
        agreement_row.addWidget(self.agreement_label, 1)
        for button in (self.sample_button, self.filters.review_button, self.filters.export_button):
            agreement_row.addWidget(button)
        self.filters.review_button.clicked.connect(self.review_listed)
        self.filters.export_button.clicked.connect(self.ask_export)
        self.export_runner = TaskRunner(self)
        self.export_runner.finished.connect(self._on_exported)
        self.export_runner.failed.connect(self._on_failed)
        self.review = None  # the open ReviewDialog
        self._reviews_changed = False

        self.layout_.addWidget(self.banner)
        self.layout_.addLayout(empty_row)
        self.layout_.addLayout(agreement_row)
        self.layout_.addWidget(self.splitter, 1)
        self.setTabOrder(self.board, self.filters.run_combo)

        self.loader = TaskRunner(self)
        self.loader.finished.connect(self._on_loaded)
        self.loader.failed.connect(self._on_failed)
        self._set_ids(None)

    def retranslate(self) -> None:
        super().retranslate()
        self.run_page_button.setText(self.tr("&Go to Run"))
        self.board.setAccessibleName(self.tr("Leaderboard"))
        self.rows_table.setAccessibleName(self.tr("Example rows"))
        self.rows_table.horizontalHeader().setDefaultSectionSize(outcome_width(self.rows_table))
        self.filters.retranslate()
        self.example.retranslate()
        self.board_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.board_model.columnCount() - 1)
        self._show_state()

    # -- project and loading ----------------------------------------------------------------
    def set_project(self, project) -> None:
        super().set_project(project)
        self.loader.cancel()
        self.data = None
        self.pending_focus = None
        self.banner.clear()
        self._show_data()
        self.dirty = True
        if self.isVisible():
            self.reload()

    def on_project_modified(self, what: str) -> None:
        if what in REFRESH_ON:
            self.dirty = True
            if self.isVisible():
                self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_question()
        if self.dirty:
            self.reload()

    def reload(self) -> None:
        if self.project is None:
            return
        self.dirty = False
        self.loader.start(load, snapshot(self.project))
        self._show_state()

    @Slot(object)
    def _on_loaded(self, data: ResultsData) -> None:
        keep_row, keep_run = self.current_row_id(), self.rows_proxy.run_id
        self.data = data
        if data.data_problem:
            self.banner.show_message(data.data_problem[0], data.data_problem[1], "warning")
        self._show_data()
        if self.pending_focus is not None:
            payload, self.pending_focus = self.pending_focus, None
            self._apply_focus(payload)
        else:
            self._select_run(keep_run)
            self._select_row(keep_row)

    @Slot(object)
    def _on_failed(self, error: ErrorRecord) -> None:
        if error.is_app_error:
            self.banner.show_error(error)
        self._show_state()

    def _fit_question(self) -> None:
        fit_question(self.rows_table, self.rows_model.columnCount() - 1)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_question()

    def _show_data(self) -> None:
        data = self.data or ResultsData()
        self.board_model.set_entries(data.runs)
        self.rows_model.set_data(data.rows, data.runs)
        self._fit_question()
        self._fit_board()
        self._fill_combos()
        self._show_current()
        self._show_state()

    def _fit_board(self) -> None:
        """The leaderboard as tall as its runs (up to eight lines), the rest for the examples."""
        lines = max(1, min(8, self.board_model.rowCount()))
        row_height = self.board.verticalHeader().defaultSectionSize()
        frame = 2 * self.board.frameWidth() + 4
        height = self.board.horizontalHeader().sizeHint().height() + lines * row_height + frame
        total = sum(self.splitter.sizes()) or self.splitter.height()
        self.splitter.setSizes([height, max(200, total - height)])

    def _fill_combos(self) -> None:
        data, proxy = self.data or ResultsData(), self.rows_proxy
        self.filters.fill(data.runs, data.categories, proxy.run_id, proxy.category, proxy.gap)
        if {k: v for k, v in self.filters.values().items() if k != "failed_only"} != {
            "run_id": proxy.run_id,
            "category": proxy.category,
            "gap": proxy.gap,
        }:
            self._apply_filters()  # a chosen run or category is gone: filtering 2,000 rows again only then

    def _show_state(self) -> None:
        has_runs = bool(self.data and self.data.runs)
        if self.project is None:
            text = self.tr("Open a project first.")
        elif self.data is None:
            text = self.tr("Reading the results…")
        elif not has_runs:
            text = self.tr("No runs yet. Run variants under Run, or import outputs made elsewhere as a run there.")
        else:
            text = self.tr("Click a run to see its rows below; click a column title to sort.")
        self.empty_label.setText(text)
        self.run_page_button.setVisible(self.project is not None and self.data is not None and not has_runs)
        self.splitter.setVisible(has_runs)
        self._show_agreement(has_runs)

    # -- filters and selection --------------------------------------------------------------
    @Slot()
    def _apply_filters(self) -> None:
        self.rows_proxy.set_filters(**self.filters.values())
        self._update_count()
        self._show_current()

    def _set_ids(self, ids) -> None:
        self.rows_proxy.set_filters(ids=None if ids is None else frozenset(str(i) for i in ids))
        self.filters.show_ids(None if ids is None else len(ids))
        self._update_count()
        self._show_current()

    def _update_count(self) -> None:
        self.filters.show_count(self.rows_proxy.rowCount(), self.rows_model.rowCount())

    @Slot(QModelIndex, QModelIndex)
    def _on_board_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = current.data(RUN_ROLE) if current.isValid() else None
        if entry is not None:
            self.filters.select_run(entry.run_id)

    def _select_run(self, run_id) -> None:
        row = self.board_model.row_of(run_id) if run_id is not None else -1
        if row < 0:
            self.board.selectionModel().clearSelection()
            return
        index = self.board_proxy.mapFromSource(self.board_model.index(row, 0))
        self.board.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.board.scrollTo(index)

    def _select_row(self, row_id) -> None:
        for r in range(self.rows_proxy.rowCount()):
            index = self.rows_proxy.index(r, 0)
            if row_id is None or index.data(ROW_ROLE).id == row_id:
                self.rows_table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )
                self.rows_table.scrollTo(index)
                return

    def current_row_id(self) -> str | None:
        index = self.rows_table.selectionModel().currentIndex()
        return index.data(ROW_ROLE).id if index.isValid() else None

    def _runs_in_order(self) -> list:
        runs = list(self.data.runs) if self.data else []
        chosen = self.rows_proxy.run_id
        return sorted(runs, key=lambda e: e.run_id != chosen)  # the chosen run first, the rest in order

    def _show_current(self) -> None:
        index = self.rows_table.selectionModel().currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        self.example.show_row(row, self._runs_in_order() if row is not None else [])
        self.filters.copy_button.setEnabled(row is not None)

    @Slot()
    def copy_row(self) -> None:
        index = self.rows_table.selectionModel().currentIndex()
        if index.isValid():
            QGuiApplication.clipboard().setText(row_tsv(index.data(ROW_ROLE), self._runs_in_order()))

    # -- other pages ------------------------------------------------------------------------
    def focus(self, payload) -> None:
        if not isinstance(payload, dict) or not payload:
            return
        if payload.get("export"):
            self.ask_export()
            return
        if self.data is None or self.dirty or self.loader.is_running():
            self.pending_focus = payload
            if self.dirty and self.isVisible():
                self.reload()
            return
        self._apply_focus(payload)

    def _apply_focus(self, payload: dict) -> None:
        runs = self.data.runs if self.data else ()
        run_id = payload.get("run_id")
        if run_id is None and payload.get("run") is not None:
            named = [e for e in runs if e.name == payload["run"]]
            run_id = named[-1].run_id if named else None
        if "rows" in payload:
            self.filters.reset()
            self._set_ids(payload.get("rows") or [])
        if run_id is not None:
            self._select_run(run_id)
        elif "rows" in payload:
            self.filters.select_run(None)
        self._select_row(None)
