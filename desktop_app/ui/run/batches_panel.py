"""The Batches panel of the Run step: each batch sent to the provider's Batch API with its status,
counts, created time and expected end; Refresh asks the provider, Cancel stops the chosen batch,
and a notice says when results have arrived. The page runs the tasks; this widget only shows.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.run.words import fill, plural

translate = QCoreApplication.translate


def status_text(status: str) -> str:
    """The provider's status word in the user's language."""
    words = {
        "submitting": translate("BatchesPanel", "being sent (checked on Refresh)"),
        "validating": translate("BatchesPanel", "checking the file"),
        "in_progress": translate("BatchesPanel", "in progress"),
        "finalizing": translate("BatchesPanel", "finishing"),
        "completed": translate("BatchesPanel", "completed"),
        "expired": translate("BatchesPanel", "expired (finished part kept)"),
        "cancelling": translate("BatchesPanel", "cancelling"),
        "cancelled": translate("BatchesPanel", "cancelled (finished part kept)"),
        "failed": translate("BatchesPanel", "refused by the provider"),
    }
    return words.get(status, status)


def local_time(stamp: str | None) -> str:
    """An ISO UTC time as the user's local date and time, to the minute."""
    if not stamp:
        return "—"
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def notice_text(info) -> str:
    """What the last check, submit or cancel did, in one sentence ("" when nothing to say)."""
    if info.submitted:
        return (
            plural(
                info.submitted,
                translate("BatchesPanel", "%1 batch sent."),
                translate("BatchesPanel", "%1 batches sent."),
            )
            + " "
            + translate(
                "BatchesPanel",
                "You can close the app; results are collected when you open the project again or press Refresh.",
            )
        )
    if info.collected:
        text = (
            plural(
                info.collected,
                translate("BatchesPanel", "Results of %1 batch have arrived."),
                translate("BatchesPanel", "Results of %1 batches have arrived."),
            )
            + " "
            + plural(
                info.answered,
                translate("BatchesPanel", "%1 answer stored."),
                translate("BatchesPanel", "%1 answers stored."),
            )
        )
        if info.errors:
            text += " " + plural(
                info.errors,
                translate("BatchesPanel", "%1 row got no answer; run again to ask it."),
                translate("BatchesPanel", "%1 rows got no answer; run again to ask them."),
            )
        return text
    if info.skipped:
        return translate(
            "BatchesPanel", "Some batches were sent through another connection; switch back to it to collect them."
        )
    if info.checked and info.pending:
        return translate("BatchesPanel", "Still running at the provider. Results are due within 24 hours of sending.")
    return ""


class BatchesPanel(QGroupBox):
    refresh_requested = Signal()
    cancel_requested = Signal(str)  # batch id

    COLUMNS = 6

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("batchesPanel")
        # Never taller than its rows: spare height on the page goes below, not into gaps here.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.notice = QLabel()
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh_button, self.cancel_button = QPushButton(), QPushButton()
        for b in (self.refresh_button, self.cancel_button):
            b.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.cancel_button.clicked.connect(self._cancel_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.notice, 1, Qt.AlignmentFlag.AlignVCenter)
        buttons.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignVCenter)
        buttons.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignVCenter)
        col = QVBoxLayout(self)
        col.addLayout(buttons)
        col.addWidget(self.table)
        self.info = None
        self.busy = False
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Batches"))
        self.table.setHeaderLabels(
            [
                self.tr("Batch"),
                self.tr("Status"),
                self.tr("Done"),
                self.tr("Failed"),
                self.tr("Sent"),
                self.tr("Ended / due"),
            ]
        )
        self.table.setAccessibleName(self.tr("Batches sent to the provider"))
        self.refresh_button.setText(self.tr("Re&fresh"))
        self.refresh_button.setToolTip(self.tr("Ask the provider now and store the results that have arrived"))
        self.cancel_button.setText(self.tr("Cancel &batch"))
        self.cancel_button.setToolTip(self.tr("Stop the chosen batch; what it finished is kept"))
        if self.info is not None:
            self.show_info(self.info, self.busy)

    def show_info(self, info, busy: bool = False) -> None:
        """Draw BatchesInfo; ``busy``: a check, submit or cancel is going on."""
        chosen = self.selected_id()
        self.info, self.busy = info, busy
        self.table.clear()
        for b in info.batches:
            item = QTreeWidgetItem(
                [
                    b.id,
                    status_text(b.status),
                    f"{b.completed:,}/{b.total:,}",
                    f"{b.failed:,}",
                    local_time(b.created_at),
                    local_time(b.finished_at or b.expires_at),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, b.id)
            if b.message:
                item.setToolTip(1, b.message)
            self.table.addTopLevelItem(item)
            if b.id == chosen:
                item.setSelected(True)
        self.notice.setText(self.tr("Asking the provider…") if busy else notice_text(info))
        self.setVisible(bool(info.batches))
        # As tall as its rows (up to six), so the variants' bars below stay in view.
        shown = max(1, min(6, len(info.batches)))
        row = self.table.sizeHintForRow(0) if info.batches else self.table.fontMetrics().height() + 4
        self.table.setFixedHeight(
            self.table.header().sizeHint().height() + shown * row + 2 * self.table.frameWidth() + 2
        )
        self._update_buttons()

    def show_progress(self, event: dict) -> None:
        """How far a send or a collect is (their progress events)."""
        if event.get("event") == "sending":
            self.notice.setText(
                fill(self.tr("Sending batch %1 of %2…"), event.get("done", 0) + 1, event.get("total", 0))
            )
            return
        self.notice.setText(
            fill(
                self.tr("Storing the results of %1: %2 of %3 rows…"),
                event.get("batch", ""),
                f"{event.get('done', 0):,}",
                f"{event.get('total', 0):,}",
            )
        )

    def selected_id(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(0, Qt.ItemDataRole.UserRole) if items else None

    def _selected_open(self) -> bool:
        chosen = self.selected_id()
        batches: tuple = self.info.batches if self.info is not None else ()
        return any(b.id == chosen and not b.final and b.status != "submitting" for b in batches)

    def _update_buttons(self) -> None:
        self.refresh_button.setEnabled(not self.busy)
        self.cancel_button.setEnabled(not self.busy and self._selected_open())

    def _cancel_clicked(self) -> None:
        chosen = self.selected_id()
        if chosen and self._selected_open():
            self.cancel_requested.emit(chosen)
