"""The body of the Advice page: one diagnosis, worded (the page owns tasks and the project).

Everything that quotes data (run names, row ids) is a plain-text label, except the row links,
which RowLinks builds from escaped ids only.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.ui.advice.fmt import fill
from desktop_app.ui.advice.headlines import AdviceHeadlines
from desktop_app.ui.advice.sentences import GAP_KINDS, AdviceText
from desktop_app.ui.advice.widgets import ChecklistItemRow, EvidenceItem, GapTiles, RowLinks, plain_label
from desktop_app.ui.language import sentences

_INFO_STYLE = (
    "QLabel#sampleNote { background: rgba(13, 110, 253, 0.12); border: 1px solid rgba(13, 110, 253, "
    "0.45); border-radius: 4px; padding: 6px 8px; }"
)


class AdviceView(QWidget):
    rows_requested = Signal(list, object)  # row ids, run name or None
    tick_changed = Signal(str, bool)  # checklist id, ticked
    lab_requested = Signal()  # "improve retrieval": open the Knowledge page's retrieval lab

    def __init__(self, words: AdviceText, parent: QWidget | None = None):
        super().__init__(parent)
        self.words = words
        self.heads = AdviceHeadlines(words, self)
        self.result = None
        self.ticked: set[str] = set()
        self.evidence_items: list[EvidenceItem] = []
        self.checklist_rows: list[ChecklistItemRow] = []

        self.sample_note = plain_label()
        self.sample_note.setObjectName("sampleNote")
        self.sample_note.setStyleSheet(_INFO_STYLE)
        self.kicker = plain_label()
        self.headline = plain_label()
        self.headline.setObjectName("adviceHeadline")
        self._scale(self.headline, 1.8, bold=True)
        self.why = plain_label()
        self._scale(self.why, 1.15)
        self.meaning = plain_label()
        self.confidence_label = plain_label()
        self.start_line = plain_label()
        self.trust_line = plain_label()
        self.gaps_caption = plain_label()
        self.gaps = GapTiles()
        self.change_title = plain_label()
        self.change_line = plain_label()
        self.fixed_links = RowLinks()
        self.broken_links = RowLinks()
        for links in (self.fixed_links, self.broken_links):
            links.rows_requested.connect(self.rows_requested)
        self.evidence_title = plain_label()
        self.checklist_title = plain_label()
        self.evidence_box, self.evidence_layout = self._section()
        self.checklist_box, self.checklist_layout = self._section()
        for title in (self.change_title, self.evidence_title, self.checklist_title):
            self._scale(title, 1.1, bold=True)
        self.lab_button = QPushButton()
        self.lab_button.clicked.connect(self.lab_requested)
        self.lab_button.hide()
        lab_row = QHBoxLayout()
        lab_row.addWidget(self.lab_button)
        lab_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        for widget in (self.sample_note, self.kicker, self.headline, self.why, self.meaning):
            layout.addWidget(widget)
        layout.addWidget(self.confidence_label)
        layout.addWidget(self.start_line)
        layout.addWidget(self.trust_line)
        layout.addSpacing(6)
        layout.addWidget(self.gaps_caption)
        layout.addWidget(self.gaps)
        for widgets in (
            (self.change_title, self.change_line, self.fixed_links, self.broken_links),
            (self.evidence_title, self.evidence_box),
            (self.checklist_title, self.checklist_box),
        ):
            layout.addSpacing(10)
            for part in widgets:
                layout.addWidget(part)
        layout.addLayout(lab_row)
        layout.addStretch(1)

    @staticmethod
    def _section() -> tuple[QWidget, QVBoxLayout]:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        return box, layout

    @staticmethod
    def _scale(label: QLabel, factor: float, bold: bool = False) -> None:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * factor)
        font.setBold(bold)
        label.setFont(font)

    def set_result(self, result, ticked: set[str]) -> None:
        self.result, self.ticked = result, set(ticked)
        self.retranslate()

    def retranslate(self) -> None:
        self.kicker.setText(self.tr("Recommended next step"))
        self.evidence_title.setText(self.tr("Evidence"))
        self.checklist_title.setText(self.tr("Checklist for this step"))
        self.lab_button.setText(self.tr("Try retrieval settings in the &lab…"))
        self.lab_button.setToolTip(
            self.tr(
                "Knowledge → Retrieval lab: chunk sizes, passages per question, keywords "
                "against meaning, measured offline"
            )
        )
        self.change_title.setText(self.tr("What the latest run changed"))
        if self.result is None:
            return
        d = self.result.diagnosis.to_dict()
        h, w = self.heads, self.words
        w.use_runs(d.get("runs"))
        self.sample_note.setText(h.sample_note())
        self.sample_note.setVisible(self.result.sample)
        self.headline.setText(h.headline(d["recommendation"], d.get("focus") or ""))
        why = h.why(d)
        cut = next((e for e in d.get("evidence") or [] if e.get("kind") == "prompt_cut"), None)
        if cut and cut.get("runs"):  # the move below rests on answers that never read their whole prompt
            warning = self.tr(
                "Careful: the server cut the prompts of %1 to fit its context window, so this advice rests on "
                "answers that never saw all of their passages. Give the model a longer context window first."
            )
            why = sentences(fill(warning, w.quoted(cut["runs"][0])), why)
        self.why.setText(why)
        self.why.setVisible(bool(why))
        self.meaning.setText(h.meaning(d))
        self.confidence_label.setText(h.confidence(d))
        self.start_line.setText(h.starting_point(d))
        self.trust_line.setText(h.trust(d))
        self.gaps_caption.setText(
            fill(self.tr("Failing rows of %1 by kind of gap:"), w.quoted(d["from_run"]))
            + (
                ""
                if not d.get("errors")
                else " " + fill(self.tr("(%1 rows got no answer; they are not gaps.)"), d["errors"])
            )
        )
        self.gaps.set_counts(
            d["gaps"], {g: w.gap_title(g) for g in GAP_KINDS}, {g: w.gap_meaning(g) for g in GAP_KINDS}
        )
        change = self.result.change
        self.change_line.setText(h.change(change))
        latest = change.latest if change else None
        labels = change.labels if change else {}
        self.fixed_links.set_rows(change.fixed if change else (), latest, self.tr("Fixed:"), self.tr("all %1"), labels)
        self.broken_links.set_rows(
            change.broken if change else (), latest, self.tr("Broken:"), self.tr("all %1"), labels
        )
        self._fill_evidence(d)
        self._fill_checklist(d)

    def _fill_evidence(self, d: dict) -> None:
        for item in self.evidence_items:
            item.deleteLater()
        self.evidence_items = []
        for e in d.get("evidence") or []:
            item = EvidenceItem(self.words.evidence(e))
            runs = e.get("runs") or []
            item.links.set_rows(
                e.get("rows"),
                runs[-1] if runs else None,
                self.tr("Rows:"),
                self.tr("show all %1 rows"),
                d.get("row_inputs") or {},
            )
            item.links.rows_requested.connect(self.rows_requested)
            self.evidence_layout.addWidget(item)
            self.evidence_items.append(item)
        self.evidence_box.setVisible(bool(self.evidence_items))
        self.evidence_title.setVisible(bool(self.evidence_items))

    def _fill_checklist(self, d: dict) -> None:
        for row in self.checklist_rows:
            row.deleteLater()
        self.checklist_rows = []
        for c in d.get("checklist_details") or [{"id": cid} for cid in d.get("checklist") or []]:
            sentence = self.words.checklist(c)
            if c.get("costly"):
                sentence = sentences(sentence, self.tr("(costly)"))
            if c.get("done"):
                sentence = sentences(sentence, self.tr("(already done in a measured run)"))
            row = ChecklistItemRow(c["id"], sentence, c["id"] in self.ticked, bool(c.get("done")))
            row.box.toggled.connect(lambda on, cid=c["id"]: self.tick_changed.emit(cid, on))
            self.checklist_layout.addWidget(row)
            self.checklist_rows.append(row)
        self.checklist_box.setVisible(bool(self.checklist_rows))
        self.checklist_title.setVisible(bool(self.checklist_rows))
        self.lab_button.setVisible(d.get("recommendation") == "improve_retrieval")
