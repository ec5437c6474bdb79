"""The Documents tab: what is indexed (with Remove) and what the last addition did, file by file."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
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

from desktop_app.ui.knowledge import texts
from desktop_app.ui.language import localized
from desktop_app.ui.knowledge.records_model import Column, RecordsModel


def _added_at(iso: str) -> str:
    moment = QDateTime.fromString(iso or "", Qt.DateFormat.ISODate)
    return moment.toLocalTime().toString("yyyy-MM-dd HH:mm") if moment.isValid() else ""


def _table(model: RecordsModel, stretch_last: bool) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)  # compact, DPI-aware
    view.horizontalHeader().setStretchLastSection(stretch_last)
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    view.setAlternatingRowColors(True)
    return view


class DocumentsPanel(QWidget):
    remove_requested = Signal(list)  # sources

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._last_report = None
        self._writable = True  # False while indexing runs: removing would be a second writer
        self.documents = RecordsModel(
            [
                Column(lambda: self.tr("File"), lambda d: texts.file_name(d["source"]), lambda d: d["source"]),
                Column(lambda: self.tr("Type"), lambda d: texts.kind_text(d.get("kind", ""), None)),
                Column(lambda: self.tr("Pages"), lambda d: d.get("pages") or "", align_right=True),
                Column(lambda: self.tr("Passages"), lambda d: d.get("chunks", 0), align_right=True),
                Column(lambda: self.tr("Characters"), lambda d: f"{d.get('chars', 0):,}", align_right=True),
                Column(lambda: self.tr("Added"), lambda d: _added_at(d.get("added_at", ""))),
            ],
            self,
        )
        self.report = RecordsModel(
            [
                Column(lambda: self.tr("File"), lambda f: texts.file_name(f.source), lambda f: f.source),
                Column(lambda: self.tr("Result"), lambda f: texts.status_text(f.status)),
                Column(
                    lambda: self.tr("Passages"), lambda f: f.chunks if f.status != "failed" else "", align_right=True
                ),
                Column(
                    lambda: self.tr("Details"),
                    texts.details_text,
                    lambda f: localized(f.message) if f.message else texts.details_text(f),
                ),
            ],
            self,
        )
        self.documents_view = _table(self.documents, stretch_last=False)
        self.documents_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.documents_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.report_view = _table(self.report, stretch_last=True)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self._remove)
        self.remove_button.setEnabled(False)
        self.delete_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.documents_view)
        self.delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_shortcut.activated.connect(self._remove)
        self.report_label = QLabel()
        self.report_label.setWordWrap(True)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.documents_view, 1)
        top_layout.addWidget(self.empty_label, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_button)
        top_layout.addLayout(row)
        self.report_box = QWidget()
        report_layout = QVBoxLayout(self.report_box)
        report_layout.setContentsMargins(0, 6, 0, 0)
        report_layout.addWidget(self.report_label)
        report_layout.addWidget(self.report_view, 1)
        self.report_box.hide()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.report_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)
        self.retranslate()
        self.set_documents(())

    def retranslate(self) -> None:
        self.remove_button.setText(self.tr("&Remove from the index"))
        self.remove_button.setToolTip(self.tr("The files themselves are not touched (Delete key)"))
        self.empty_label.setText(
            self.tr("No documents yet.\nDrop files or folders here, or use Add files… (txt, md, pdf, docx, html, csv).")
        )
        self.documents_view.setAccessibleName(self.tr("Indexed documents"))
        self.report_view.setAccessibleName(self.tr("What the last addition did, file by file"))
        self.documents.retranslate()
        self.report.retranslate()
        if self._last_report is not None:
            self.report_label.setText(texts.report_summary(self._last_report))

    def set_documents(self, documents) -> None:
        documents = sorted(documents, key=lambda d: (texts.file_name(d["source"]).casefold(), d["source"]))
        self.documents.set_records(documents)
        self.documents_view.setVisible(bool(documents))
        self.empty_label.setVisible(not documents)
        if documents:
            self.documents_view.resizeColumnsToContents()
            # The file name takes the spare width; the numbers keep their fitted widths.
            self.documents_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._update_buttons()

    def show_report(self, report) -> None:
        """The per-file result of an addition (core IngestReport)."""
        self._last_report = report
        self.report.set_records(report.files)
        self.report_label.setText(texts.report_summary(report))
        self.report_view.resizeColumnToContents(0)
        self.report_view.resizeColumnToContents(1)
        if self.report_box.isHidden():
            self.report_box.show()
            total = max(2, self.splitter.height())
            self.splitter.setSizes([total * 3 // 5, total - total * 3 // 5])

    def clear(self) -> None:
        self._last_report = None
        self.report.set_records(())
        self.report_box.hide()
        self.set_documents(())

    def set_writable(self, writable: bool) -> None:
        self._writable = writable
        self._update_buttons()

    def selected_sources(self) -> list[str]:
        rows = sorted({i.row() for i in self.documents_view.selectionModel().selectedRows()})
        return [self.documents.record(r)["source"] for r in rows]

    def _update_buttons(self, *_args) -> None:
        self.remove_button.setEnabled(self._writable and bool(self.selected_sources()))

    def _remove(self) -> None:
        sources = self.selected_sources()
        if sources and self._writable:
            self.remove_requested.emit(sources)
