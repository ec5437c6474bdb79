"""The Settings tab: chunking, passages per question, keyword/meaning balance and the embedding.

The values are the project's `knowledge` section (core KnowledgeSettings). Chunk size and
overlap apply to documents when they are indexed, and the embedding to vectors, so when the
index was built otherwise the tab says so and offers to index again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.knowledge.config import AUTO_FUSION_WEIGHT as AUTO_WEIGHT
from desktop_app.core.knowledge.config import DEFAULT_EMBEDDING as OFFLINE_EMBEDDING
from desktop_app.core.knowledge.config import KnowledgeSettings

DEFAULTS = KnowledgeSettings().to_dict()


class SettingsPanel(QWidget):
    save_requested = Signal(dict)
    reindex_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._section: dict = dict(DEFAULTS)
        self._filling = False
        self.chunk_size = QSpinBox()
        self.chunk_size.setRange(50, 20000)
        self.chunk_size.setSingleStep(50)
        self.chunk_overlap = QSpinBox()
        self.chunk_overlap.setRange(0, 10000)
        self.chunk_overlap.setSingleStep(25)
        self.top_k = QSpinBox()
        self.top_k.setRange(1, 100)
        self.auto_weight = QCheckBox()
        self.weight = QSlider(Qt.Orientation.Horizontal)
        self.weight.setMinimumWidth(220)
        self.weight.setRange(0, 100)
        self.weight.setSingleStep(5)
        self.weight.setPageStep(10)
        self.weight_label = QLabel()
        self.keywords_label = QLabel()
        self.meaning_label = QLabel()
        weight_row = QHBoxLayout()
        weight_row.setContentsMargins(0, 0, 0, 0)
        for w, stretch in (
            (self.auto_weight, 0),
            (self.keywords_label, 0),
            (self.weight, 1),
            (self.meaning_label, 0),
            (self.weight_label, 0),
        ):
            weight_row.addWidget(w, stretch)
        self.offline_radio = QRadioButton()
        self.provider_radio = QRadioButton()
        self.embedding_group = QButtonGroup(self)
        self.embedding_group.addButton(self.offline_radio)
        self.embedding_group.addButton(self.provider_radio)
        self.provider_model = QLineEdit()
        self.provider_model.setMinimumWidth(260)
        provider_row = QHBoxLayout()
        provider_row.setContentsMargins(0, 0, 0, 0)
        provider_row.addWidget(self.provider_radio)
        provider_row.addWidget(self.provider_model, 1)
        embedding_box = QVBoxLayout()
        embedding_box.setContentsMargins(0, 0, 0, 0)
        embedding_box.addWidget(self.offline_radio)
        embedding_box.addLayout(provider_row)

        self.labels = {name: QLabel() for name in ("chunk_size", "chunk_overlap", "top_k", "weight", "embedding")}
        self.labels["chunk_size"].setBuddy(self.chunk_size)
        self.labels["chunk_overlap"].setBuddy(self.chunk_overlap)
        self.labels["top_k"].setBuddy(self.top_k)
        self.labels["weight"].setBuddy(self.auto_weight)
        self.labels["embedding"].setBuddy(self.offline_radio)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.labels["chunk_size"], self.chunk_size)
        form.addRow(self.labels["chunk_overlap"], self.chunk_overlap)
        form.addRow(self.labels["top_k"], self.top_k)
        form.addRow(self.labels["weight"], weight_row)
        form.addRow(self.labels["embedding"], embedding_box)

        self.notice = QFrame()
        self.notice.setObjectName("reindexNotice")
        self.notice.setStyleSheet(
            "QFrame#reindexNotice { background: rgba(255, 193, 7, 0.18); "
            "border: 1px solid rgba(255, 193, 7, 0.6); border-radius: 4px; }"
        )
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self.reindex_button = QPushButton()
        self.reindex_button.clicked.connect(self.reindex_requested)
        notice_row = QHBoxLayout(self.notice)
        notice_row.setContentsMargins(10, 6, 6, 6)
        notice_row.addWidget(self.notice_label, 1)
        notice_row.addWidget(self.reindex_button)
        self.notice.hide()
        self.change_note = QLabel()
        self.change_note.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self._save)
        self.defaults_button = QPushButton()
        self.defaults_button.clicked.connect(self._defaults)
        buttons = QHBoxLayout()
        buttons.addWidget(self.change_note, 1)
        buttons.addWidget(self.defaults_button)
        buttons.addWidget(self.save_button)

        form_box = QWidget()
        form_box.setLayout(form)
        form_box.setMaximumWidth(760)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(form_box)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)
        layout.addStretch(1)

        for spin in (self.chunk_size, self.chunk_overlap, self.top_k):
            spin.valueChanged.connect(self._changed)
            spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("20000 characters") + 40)
        self.weight.valueChanged.connect(self._changed)
        self.auto_weight.toggled.connect(self._changed)
        self.offline_radio.toggled.connect(self._changed)
        self.provider_model.textEdited.connect(self._changed)
        self._writable = True
        self._needs_reindex = ""
        self.retranslate()
        self.load(DEFAULTS, "")

    def retranslate(self) -> None:
        self.labels["chunk_size"].setText(self.tr("Chunk si&ze"))
        self.labels["chunk_overlap"].setText(self.tr("O&verlap"))
        self.labels["top_k"].setText(self.tr("&Passages per question (top k)"))
        self.labels["weight"].setText(self.tr("Keywords or &meaning"))
        self.labels["embedding"].setText(self.tr("Em&bedding"))
        self.chunk_size.setSuffix(self.tr(" characters"))
        self.chunk_overlap.setSuffix(self.tr(" characters"))
        self.chunk_size.setToolTip(self.tr("Documents are split into passages of about this many characters"))
        self.chunk_overlap.setToolTip(
            self.tr(
                "Characters shared by neighbouring passages, so a fact split by a boundary stays whole in one of them"
            )
        )
        self.auto_weight.setText(self.tr("Automatic"))
        self.keywords_label.setText(self.tr("keywords"))
        self.meaning_label.setText(self.tr("meaning"))
        self.weight.setAccessibleName(self.tr("Weight of meaning against keywords"))
        self.offline_radio.setText(self.tr("Built in, offline (no calls; weaker on Japanese)"))
        self.provider_radio.setText(self.tr("The connection's embedding model:"))
        self.provider_model.setPlaceholderText("text-embedding-3-small")
        self.provider_model.setAccessibleName(self.tr("Embedding model name"))
        self.save_button.setText(self.tr("&Save settings"))
        self.defaults_button.setText(self.tr("Restore defa&ults"))
        self.reindex_button.setText(self.tr("Re-index &now"))
        self._refresh()

    # -- values ----------------------------------------------------------------------------
    def load(self, section: dict, connection_embedding: str) -> None:
        """Show the saved section; ``connection_embedding`` is the connection's embedding model."""
        self._section = {**DEFAULTS, **{k: v for k, v in (section or {}).items() if k in DEFAULTS}}
        self._filling = True
        try:
            self._write(self._section, connection_embedding)
        finally:
            self._filling = False
        self._refresh()

    def _write(self, s: dict, connection_embedding: str = "") -> None:
        self.chunk_size.setValue(int(s["chunk_size"]))
        self.chunk_overlap.setValue(int(s["chunk_overlap"]))
        self.top_k.setValue(int(s["top_k"]))
        weight = s.get("fusion_weight")
        self.auto_weight.setChecked(weight is None)
        kind, _, model = str(s.get("embedding") or OFFLINE_EMBEDDING).partition(":")
        self.offline_radio.setChecked(kind != "provider")
        self.provider_radio.setChecked(kind == "provider")
        self.provider_model.setText(model if kind == "provider" else connection_embedding)
        self.weight.setValue(int(round(100 * (weight if weight is not None else AUTO_WEIGHT.get(kind, 0.5)))))

    def values(self) -> dict:
        """The section as the form shows it (keys this tab does not edit are kept)."""
        out = dict(self._section)
        out["chunk_size"] = self.chunk_size.value()
        out["chunk_overlap"] = self.chunk_overlap.value()
        out["top_k"] = self.top_k.value()
        out["fusion_weight"] = None if self.auto_weight.isChecked() else round(self.weight.value() / 100, 2)
        model = self.provider_model.text().strip()
        out["embedding"] = f"provider:{model}" if self.provider_radio.isChecked() else OFFLINE_EMBEDDING
        return out

    def saved(self) -> dict:
        return dict(self._section)

    def set_writable(self, writable: bool) -> None:
        """False while indexing: settings read by the running task must not change under it."""
        self._writable = writable
        self._refresh()

    def set_reindex_needed(self, reason: str) -> None:
        """Show (non-empty ``reason``) or hide the offer to index the documents again."""
        self._needs_reindex = reason
        self._refresh()

    def _defaults(self) -> None:
        self._write({**self._section, **DEFAULTS}, self.provider_model.text())
        self._refresh()

    def _save(self) -> None:
        self.save_requested.emit(self.values())

    def _changed(self, *_args) -> None:
        if not self._filling:
            self._refresh()

    def _refresh(self) -> None:
        current = self.values()
        self.weight.setEnabled(not self.auto_weight.isChecked())
        kind = current["embedding"].partition(":")[0]
        shown = current["fusion_weight"] if current["fusion_weight"] is not None else AUTO_WEIGHT.get(kind, 0.5)
        if self.auto_weight.isChecked():
            self._filling, was = True, self._filling
            self.weight.setValue(int(round(shown * 100)))
            self._filling = was
        self.weight_label.setText(f"{shown:.2f}")
        self.provider_model.setEnabled(self.provider_radio.isChecked())
        dirty = current != self._section
        self.save_button.setEnabled(dirty and self._writable)
        rechunk = (current["chunk_size"], current["chunk_overlap"]) != (
            self._section["chunk_size"],
            self._section["chunk_overlap"],
        )
        notes = []
        if rechunk:
            notes.append(
                self.tr(
                    "A new chunk size or overlap applies after the documents are indexed again; saving offers that."
                )
            )
        if current["embedding"] != self._section["embedding"]:
            notes.append(self.tr("A new embedding needs every passage embedded again; saving offers that."))
        self.change_note.setText(" ".join(notes))
        self.notice_label.setText(self._needs_reindex)
        self.notice.setVisible(bool(self._needs_reindex))
        self.reindex_button.setEnabled(self._writable)
