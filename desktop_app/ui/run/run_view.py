"""The Run step's widgets and what they say; the page (pages/run_page.py) runs the tasks.

``RunView.show_state(state)`` draws everything from one ``ViewState`` (plain values the page
collects), so the texts, visibilities and enabled buttons always agree with each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFrame, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.core.run.batch_files import BATCH_PRESETS
from desktop_app.ui.run import texts
from desktop_app.ui.run.batches_panel import BatchesPanel
from desktop_app.ui.run.error_list import ErrorList
from desktop_app.ui.run.progress_rows import ProgressRows
from desktop_app.ui.run.work import LoadInfo, PlanInfo

# Tints with alpha read on light and dark palettes alike.
_TINT = (
    "QFrame#%s { background: rgba(13, 110, 253, 0.10); border: 1px solid rgba(13, 110, 253, 0.40);"
    " border-radius: 4px; }"
)


def plain_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # sentences quote variant and model names
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _box(name: str, label: QLabel, *buttons: QPushButton) -> QFrame:
    frame = QFrame()
    frame.setObjectName(name)
    frame.setStyleSheet(_TINT % name)
    row = QHBoxLayout(frame)
    row.setContentsMargins(10, 6, 10, 6)
    row.addWidget(label, 1)
    for b in buttons:
        row.addWidget(b, 0, Qt.AlignmentFlag.AlignVCenter)
    frame.hide()
    return frame


@dataclass(frozen=True)
class ViewState:
    has_project: bool
    info: LoadInfo | None
    plan: PlanInfo | None
    planning: bool
    running: bool
    stopping: bool
    session: bool  # this app session ran something: show its totals
    outcome_text: str
    blocked: bool = False  # planning failed for a reason the banner gives
    submitting: bool = False  # batches are being sent (Cancel stops before the next file)
    batch_busy: bool = False  # a batch task (send, check, cancel) is going on


class RunView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.intro = plain_label()
        self.offline_label = plain_label()
        self.connection_button, self.offline_import_button = QPushButton(), QPushButton()
        self.offline_box = _box("offlineBox", self.offline_label, self.connection_button, self.offline_import_button)
        self.resume_label = plain_label()
        self.resume_button = QPushButton()
        self.resume_box = _box("resumeBox", self.resume_label, self.resume_button)

        self.variants_box = QGroupBox()
        self.source_label = plain_label()
        self.change_button = QPushButton()
        head = QHBoxLayout()
        head.addWidget(self.source_label, 1)
        head.addWidget(self.change_button, 0, Qt.AlignmentFlag.AlignTop)
        self.rows = ProgressRows()
        self.totals_label = plain_label()
        inner = QVBoxLayout(self.variants_box)
        inner.addLayout(head)
        inner.addWidget(self.rows)
        inner.addWidget(self.totals_label)

        self.estimate_box = QGroupBox()
        self.estimate_label = plain_label()
        QVBoxLayout(self.estimate_box).addWidget(self.estimate_label)

        self.start_button, self.cancel_button = QPushButton(), QPushButton()
        self.import_button, self.errors_button = QPushButton(), QPushButton()
        self.start_button.setDefault(True)
        self.errors_button.setCheckable(True)
        # Beside the normal run, for providers with a Batch API: the same rows at about half the price.
        self.batch_check = QCheckBox()
        self.batch_check.toggled.connect(self._batch_toggled)
        actions = QHBoxLayout()
        for b in (self.start_button, self.cancel_button, self.batch_check):
            actions.addWidget(b)
        actions.addStretch(1)
        for b in (self.import_button, self.errors_button):
            actions.addWidget(b)
        self.errors = ErrorList()
        self.errors.hide()
        self.batches = BatchesPanel()
        self.errors_button.toggled.connect(self.errors.setVisible)
        for button in (
            self.cancel_button,
            self.import_button,
            self.errors_button,
            self.resume_button,
            self.change_button,
            self.connection_button,
            self.offline_import_button,
        ):
            button.setAutoDefault(False)  # Enter starts the run, nothing else

        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        # Start and Cancel sit above everything that grows or hides while a run goes on (the
        # estimate, the resume offer, the totals), so a click aimed at Cancel lands on Cancel.
        for above in (self.intro, self.offline_box):
            col.addWidget(above)
        col.addLayout(actions)
        for below in (self.estimate_box, self.resume_box, self.batches, self.variants_box):
            col.addWidget(below)
        col.addWidget(self.errors, 1)
        col.addStretch(0)
        self.state: ViewState | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Run the variants against the model and keep every answer. Rows already "
                "answered and requests answered before are never paid for twice; a run "
                "you cancel can be resumed."
            )
        )
        self.offline_label.setText(
            self.tr(
                "This project is offline: runs need a connection to a model server. "
                "Set one up under Connection, or import outputs produced elsewhere "
                "as a run; they are scored like any other."
            )
        )
        self.connection_button.setText(self.tr("Go to C&onnection"))
        self.offline_import_button.setText(self.tr("&Import a run…"))
        self.variants_box.setTitle(self.tr("Variants to run"))
        self.change_button.setText(self.tr("Chan&ge…"))
        self.estimate_box.setTitle(self.tr("Estimate"))
        self.cancel_button.setText(self.tr("Ca&ncel"))
        self.cancel_button.setToolTip(self.tr("Stop now; finished rows are kept (Esc)"))
        self.import_button.setText(self.tr("&Import a run…"))
        self.batch_check.setText(self.tr("Batch: about half the price, results within 24 hours"))
        self.batch_check.setToolTip(
            self.tr(
                "Send the requests to the provider's Batch API instead. You can close "
                "the app; the results are collected when you open the project again."
            )
        )
        self.errors.retranslate()
        self.batches.retranslate()
        if self.state is not None:
            self.show_state(self.state)

    def show_totals(self, running: bool) -> None:
        self.totals_label.setText(texts.totals_text(self.rows.totals(), running))
        self.totals_label.show()

    def show_stopping(self) -> None:
        self.totals_label.setText(self.tr("Stopping… every finished row is kept."))
        self.cancel_button.setEnabled(False)

    def _batch_toggled(self, _on: bool) -> None:
        if self.state is not None:
            self.show_state(self.state)

    def show_state(self, st: ViewState) -> None:
        self.state = st
        info, running = st.info, st.running
        offline = info is not None and info.preset == "offline"
        self.offline_box.setVisible(offline)
        interrupted = info.interrupted if (info is not None and not running and not offline) else ()
        if interrupted:
            sentence, button = texts.resume_text(interrupted)
            self.resume_label.setText(sentence)
            self.resume_button.setText(button)
        self.resume_box.setVisible(bool(interrupted))
        if not st.has_project:
            self.source_label.setText(self.tr("Open a project first."))
        elif info is None:
            self.source_label.setText(self.tr("Reading the project…"))
        else:
            self.source_label.setText(texts.source_text(info))
        self.estimate_box.setVisible(not offline)
        self.variants_box.setVisible(not offline)  # offline nothing runs: no bars to show
        for b in (self.start_button, self.cancel_button, self.import_button, self.errors_button):
            b.setVisible(not offline)  # the offline box has its own Import button
        batchable = info is not None and info.preset in BATCH_PRESETS
        self.batch_check.setVisible(batchable)
        batch = batchable and self.batch_check.isChecked()
        self.start_button.setText(self.tr("&Send batch") if batch else self.tr("&Start"))
        self.start_button.setToolTip(
            self.tr("Send the variants' requests as batches") if batch else self.tr("Run the variants (Ctrl+R)")
        )
        if st.plan is not None:
            prices = texts.batch_price_text(st.plan) if batchable else ""
            self.estimate_label.setText("\n".join(t for t in (texts.estimate_text(st.plan), prices) if t))
        elif st.planning:
            self.estimate_label.setText(self.tr("Estimating… (RAG variants retrieve their passages first)"))
        else:
            self.estimate_label.setText(self.tr("No estimate yet."))
        if running:
            self.totals_label.show()
        else:
            text = texts.totals_text(self.rows.totals(), False) if st.session else ""
            self.totals_label.setText("\n".join(t for t in (text, st.outcome_text) if t))
            self.totals_label.setVisible(bool(self.totals_label.text()))
        count = info.error_count if info is not None else 0
        self.errors_button.setText(self.tr("View &errors (%1)").replace("%1", f"{count:,}"))

        can_run = (
            st.has_project
            and info is not None
            and not offline
            and bool(info.variants)
            and not st.blocked
            and info.data_problem is None
            and info.selection_problem is None
        )
        nothing_left = st.plan is not None and all(line.pending == 0 for line in st.plan.lines)
        self.start_button.setEnabled(can_run and not running and not nothing_left and not st.batch_busy)
        self.batch_check.setEnabled(not running and not st.batch_busy)
        self.resume_button.setEnabled(not running)
        self.cancel_button.setEnabled((running or st.submitting) and not st.stopping)
        self.import_button.setEnabled(st.has_project)
        self.offline_import_button.setEnabled(st.has_project)
        self.change_button.setEnabled(not running)
        self.errors_button.setEnabled(count > 0)
        if count == 0:
            self.errors_button.setChecked(False)
