"""The Lab tab: try many retrieval settings at once, offline, and adopt the best one.

Run the lab measures every setting of the core's grid (chunk size and overlap, passages per
question, keywords against meaning, Japanese words or character pairs, the offline embeddings)
by readiness, in scratch indexes; the project's index is untouched until "Use this setting".
The table is in the core's order: recall, then MRR, then search time, then index size; it also
shows how many characters of passages a question gets, which is what a prompt pays for. Rows
no setting could answer are listed below it: the documents need more for those.

The sweep runs on this tab's own TaskRunner; adopting writes the index, so the tab asks the
page to do it on the page's one index runner (``adopt_requested``).
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.connection.verdicts import fill
from desktop_app.ui.knowledge import work
from desktop_app.ui.knowledge.lab_columns import trial_columns
from desktop_app.ui.knowledge.readiness_panel import _one_line
from desktop_app.ui.knowledge.records_model import SORT_ROLE, Column, RecordsModel
from desktop_app.ui.tasks import ErrorRecord, TaskRunner, network_pool
from desktop_app.ui.words import plural


class LabPanel(QWidget):
    adopt_requested = Signal(dict)  # the chosen setting, core Setting.to_dict()
    failed = Signal(object)  # ErrorRecord, shown in the page's banner

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.run_button = QPushButton()
        self.run_button.clicked.connect(self.start)
        self.stop_button = QPushButton()
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.hide()
        self.progress = QProgressBar()
        self.progress.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        # Never squeezed below its lines when the window is short: the table gives way instead.
        self.summary.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.use_button = QPushButton()
        self.use_button.clicked.connect(self._use)
        self.use_button.setEnabled(False)
        self.rerank_button = QPushButton()
        self.rerank_button.clicked.connect(self._offer_rerank)
        self.rerank_button.hide()
        # Short headers (the table fits a 1024-pixel window); each says what it means on hover.
        self.trials = RecordsModel(trial_columns(), self)
        # A click on a header sorts by that column; until then the core's order (best first).
        self.sorted_trials = QSortFilterProxyModel(self)
        self.sorted_trials.setSourceModel(self.trials)
        self.sorted_trials.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.sorted_trials)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(24)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for text_column in (9, 10):  # words: they share what is left and elide, never a sideways scroll
            header.setSectionResizeMode(text_column, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAlternatingRowColors(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.missing = RecordsModel(
            [
                Column(lambda: self.tr("Row"), lambda r: r["id"]),
                Column(lambda: self.tr("Question"), lambda r: _one_line(r["input"]), lambda r: r["input"]),
                Column(lambda: self.tr("Expected answer"), lambda r: _one_line(r["expected"]), lambda r: r["expected"]),
            ],
            self,
        )
        self.missing_view = QTableView()
        self.missing_view.setModel(self.missing)
        self.missing_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.missing_view.verticalHeader().hide()
        self.missing_view.horizontalHeader().setStretchLastSection(True)
        missing_box = QWidget()
        missing_layout = QVBoxLayout(missing_box)
        missing_layout.setContentsMargins(0, 0, 0, 0)
        missing_layout.addWidget(self.missing_label)
        missing_layout.addWidget(self.missing_view, 1)
        self.missing_box = missing_box
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(missing_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.hide()

        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addWidget(self.progress, 1)
        row.addWidget(self.stop_button)
        row.addStretch(0)
        result_row = QHBoxLayout()
        result_row.addWidget(self.summary, 1)
        result_row.addWidget(self.rerank_button)
        result_row.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addLayout(result_row)
        layout.addWidget(self.splitter, 1)
        layout.addStretch(0)

        self.runner = TaskRunner(self, pool=network_pool())  # a provider embedding embeds over the network
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_done)
        self.runner.failed.connect(self._on_failed)
        self.runner.running_changed.connect(self._on_running)
        self.rerank_runner = TaskRunner(self, pool=network_pool())  # pricing, then the ratings
        self.rerank_runner.progress.connect(self._on_progress)
        self.rerank_runner.finished.connect(self._on_rerank_done)
        self.rerank_runner.failed.connect(self._on_failed)
        self.rerank_runner.running_changed.connect(self._on_running)
        self.confirm: QMessageBox | None = None
        self._flag = work.StopFlag()
        self._project = None
        self._available = True
        self._result: work.Lab | None = None
        self.retranslate()

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "The lab tries many retrieval settings on copies of the index (chunk size, passages per question, "
                "keywords against meaning, Japanese words, the built-in embeddings) and measures each by readiness. "
                "No model is called (unless you choose to re-rank) and your index is not changed until you use a "
                "setting."
            )
        )
        self.rerank_button.setText(self.tr("&Re-rank the best…"))
        self.run_button.setText(self.tr("&Run the lab"))
        self.stop_button.setText(self.tr("Stop"))
        self.use_button.setText(self.tr("&Use this setting"))
        self.use_button.setToolTip(self.tr("Save the selected setting and index the documents again for it"))
        self.table.setAccessibleName(self.tr("Settings measured, best first"))
        self.missing_view.setAccessibleName(self.tr("Questions no setting could answer"))
        self.trials.retranslate()
        self.missing.retranslate()
        self._describe()

    # -- state -----------------------------------------------------------------------------
    def _busy(self) -> bool:
        return self.runner.is_running() or self.rerank_runner.is_running()

    def set_project(self, project) -> None:
        self._flag.set()
        self.runner.cancel()
        self.rerank_runner.cancel()
        self._project = project
        self.clear()

    def set_available(self, available: bool) -> None:
        """False while indexing writes: the lab reads the documents the index lists."""
        self._available = available
        if not available and self._busy():
            self.stop()
        self._update_buttons()

    def clear(self) -> None:
        self._result = None
        self.trials.set_records(())
        self.missing.set_records(())
        self.splitter.hide()
        self.summary.clear()
        self._update_buttons()

    def start(self) -> None:
        if self._project is None or not self._available or self._busy():
            return
        self.clear()
        self._flag = work.StopFlag()
        self.runner.start(work.run_lab, self._project, self._flag)

    def stop(self) -> None:
        self._flag.set()
        self.stop_button.setEnabled(False)

    def shutdown(self) -> None:
        self._flag.set()
        self.runner.cancel()
        self.rerank_runner.cancel()

    def mark_adopted(self, setting: dict) -> None:
        """After "Use this setting": that row is now the project's."""
        if self._result is None:
            return
        self._result = work.mark_current(self._result, setting)
        self._show(self._result)

    # -- slots -----------------------------------------------------------------------------
    def _on_running(self, _running: bool) -> None:
        running = self._busy()
        self.progress.setVisible(running)
        self.stop_button.setVisible(running)
        self.stop_button.setEnabled(True)
        if running:
            self.progress.setRange(0, 0)
            self.summary.setText(
                self.tr("Re-ranking…") if self.rerank_runner.is_running() else self.tr("Trying settings…")
            )
        self._update_buttons()

    def _on_progress(self, event) -> None:
        if isinstance(event, dict) and event.get("total"):
            self.progress.setRange(0, int(event["total"]))
            self.progress.setValue(int(event.get("done") or 0))

    def _on_failed(self, error: ErrorRecord) -> None:
        self.summary.clear()
        self.failed.emit(error)

    def _on_done(self, lab: work.Lab) -> None:
        self._show(lab)

    def _show(self, lab: work.Lab) -> None:
        self._result = lab
        result = lab.result
        self.trials.set_records(result.trials)
        self.missing.set_records(
            [
                {"id": i, "input": lab.rows.get(i, ("", ""))[0], "expected": lab.rows.get(i, ("", ""))[1]}
                for i in result.unanswerable
            ]
        )
        self.missing_box.setVisible(bool(result.unanswerable))
        self.splitter.setVisible(bool(result.trials))
        if result.trials:
            self.table.resizeColumnsToContents()
            self.missing_view.resizeColumnToContents(0)
            self.missing_view.setColumnWidth(1, max(220, self.missing_view.width() // 2))
            best = result.trials.index(result.best) if result.best in result.trials else 0
            self.table.selectRow(self.sorted_trials.mapFromSource(self.trials.index(best, 0)).row())
        self._describe()

    def _describe(self) -> None:
        if self._result is None:
            return
        result = self._result.result
        parts = []
        if result.best is not None and result.current is not None:
            if result.improves:
                parts.append(
                    fill(
                        self.tr("Best: %1 of questions found (MRR %2), against %3 (MRR %4) now."),
                        f"{result.best.share:.0%}",
                        f"{result.best.mrr:.2f}",
                        f"{result.current.share:.0%}",
                        f"{result.current.mrr:.2f}",
                    )
                )
            else:
                parts.append(
                    fill(
                        self.tr("The current setting is already among the best: %1 of questions found (MRR %2)."),
                        f"{result.current.share:.0%}",
                        f"{result.current.mrr:.2f}",
                    )
                )
        parts.append(
            fill(
                self.tr("%1 settings measured on %2 questions in %3 s."),
                len(result.trials),
                result.evaluated,
                f"{result.seconds:.1f}",
            )
        )
        if result.cancelled:
            parts.append(self.tr("Stopped early: the table covers the settings measured."))
        if not self._result.rerank_ok and self._result.rerank_why:
            parts.append(self.tr("Re-ranking needs a connected model."))
        self.summary.setText(" ".join(parts))
        self.missing_label.setText(
            plural(
                len(result.unanswerable),
                self.tr("Add documents for this question: no setting found its answer in the passages."),
                self.tr("Add documents for these %1 questions: no setting found their answer in the passages."),
            )
        )

    def _selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.trials.record(self.sorted_trials.mapToSource(rows[0]).row()) if rows else None

    def _selection_changed(self, *_args) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self._busy()
        lab = self._result
        self.rerank_button.setVisible(lab is not None and bool(lab.result.trials))
        self.rerank_button.setEnabled(lab is not None and lab.rerank_ok and self._available and not running)
        self.rerank_button.setToolTip(
            lab.rerank_why
            if lab is not None and not lab.rerank_ok
            else self.tr(
                "Measure the best settings again with their passages re-ranked by the model (its cost is shown first)"
            )
        )
        self.run_button.setEnabled(self._project is not None and self._available and not running)
        chosen = self._selected() if self._result is not None else None
        self.use_button.setEnabled(chosen is not None and not chosen.current and self._available and not running)
        self.use_button.setVisible(self._result is not None)

    def _use(self) -> None:
        chosen = self._selected()
        if chosen is not None and not chosen.current:
            self.adopt_requested.emit({**chosen.setting.to_dict(), **({"rerank": True} if chosen.reranked else {})})

    # -- re-ranking: priced first, made only after the user agrees ------------------------------
    def _offer_rerank(self) -> None:
        if self._project is None or self._result is None or self._busy():
            return
        self._flag = work.StopFlag()
        self.rerank_runner.start(work.plan_lab_rerank, self._project, self._result, self._flag)

    def _on_rerank_done(self, value) -> None:
        if isinstance(value, work.Lab):
            self._show(value)
            return
        self._describe()
        cost = value.cost
        if not cost.settings:
            return
        if cost.calls == 0:  # every rating is known: free, no question to ask
            self._agreed(value)
            return
        money = self.tr("price unknown") if cost.cost_usd is None else f"${cost.cost_usd:,.4f}"
        text = fill(
            self.tr(
                "Re-ranking the %1 best settings asks %2 to rate their passages: about %3 calls, "
                "%4 tokens, %5 (%6 ratings are already known and free). Make the calls now?"
            ),
            cost.settings,
            cost.model,
            f"{cost.calls:,}",
            f"{cost.tokens:,}",
            money,
            f"{cost.cached:,}",
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Re-rank with the model?"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # the model's name is the user's text
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.buttonClicked.connect(
            lambda button, offer=value: (
                self._agreed(offer) if box.standardButton(button) == QMessageBox.StandardButton.Yes else None
            )
        )
        box.finished.connect(lambda _code: setattr(self, "confirm", None))
        self.confirm = box
        box.open()  # window-modal, never blocks the event loop

    def _agreed(self, offer) -> None:
        if self._project is None or self._result is None or self._busy():
            return
        self._flag = work.StopFlag()
        self.rerank_runner.start(work.run_lab_rerank, self._project, self._result, offer, self._flag)
