"""The side panel of the Data step: column mapping, the examples split, Import and its progress."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.data.mapping_panel import MappingPanel


def plain_label(word_wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # file names, columns and warnings quote user data
    label.setWordWrap(word_wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ImportPanel(QWidget):
    """Widgets only; the Data page decides what is enabled and what the labels say."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.mapping = MappingPanel()
        self.mapping_box = QGroupBox()
        QVBoxLayout(self.mapping_box).addWidget(self.mapping)

        self.pool_spin, self.seed_spin = QSpinBox(), QSpinBox()
        self.pool_spin.setRange(0, 1_000_000)
        self.seed_spin.setRange(0, 2_147_483_647)
        self.pool_caption, self.seed_caption = QLabel(), QLabel()
        self.pool_caption.setBuddy(self.pool_spin)
        self.seed_caption.setBuddy(self.seed_spin)
        self.split_label = plain_label()
        self.apply_split_button = QPushButton()
        self.split_box = QGroupBox()
        split_form = QFormLayout(self.split_box)
        # The button sits beside the pool size, above the sentence that describes the split:
        # that sentence wraps to more or fewer lines as the numbers change, and must not move it.
        pool_row = QHBoxLayout()
        pool_row.addWidget(self.pool_spin, 1)
        pool_row.addWidget(self.apply_split_button)
        split_form.addRow(self.pool_caption, pool_row)
        split_form.addRow(self.seed_caption, self.seed_spin)
        split_form.addRow(self.split_label)

        self.import_button = QPushButton()
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.progress_bar = QProgressBar()
        self.progress_bar.hide()
        self.progress_label = plain_label()
        self.warnings_label = plain_label()
        actions = QHBoxLayout()
        actions.addWidget(self.import_button, 1)
        actions.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.mapping_box)
        layout.addWidget(self.split_box)
        layout.addLayout(actions)
        for widget in (self.progress_bar, self.progress_label, self.warnings_label):
            layout.addWidget(widget)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.mapping.retranslate()
        self.split_box.setTitle(self.tr("Examples pool"))
        self.pool_caption.setText(self.tr("Examples &pool:"))
        self.pool_spin.setToolTip(
            self.tr(
                "Rows set aside for few-shot prompts and fine-tuning. "
                "They are never used to evaluate, so nothing leaks."
            )
        )
        self.seed_caption.setText(self.tr("Ra&ndom seed:"))
        self.seed_spin.setToolTip(self.tr("The same seed picks the same examples again."))
        self.apply_split_button.setText(self.tr("&Apply split"))
        self.import_button.setText(self.tr("I&mport"))
        self.cancel_button.setText(self.tr("Cance&l"))

    def tab_chain(self) -> list[QWidget]:
        return [
            *self.mapping.combos.values(),
            self.pool_spin,
            self.seed_spin,
            self.apply_split_button,
            self.import_button,
            self.cancel_button,
        ]

    def start_progress(self, text: str) -> None:
        self.progress_bar.setRange(0, 0)  # busy until the first report says how far
        self.progress_label.setText(text)

    def set_progress(self, fraction: float | None, text: str) -> None:
        if fraction is None:
            self.progress_bar.setRange(0, 0)
        else:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(int(1000 * max(0.0, min(1.0, fraction))))
        self.progress_label.setText(text)
