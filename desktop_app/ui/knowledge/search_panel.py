"""The Search tab: type a question, see the passages retrieval would put into a prompt.

Each passage is a card: rank, source file, page and a relevance from 0 to 100% over the passage
text, with the words it shares with the question marked. Passages are data (often pasted from
manuals or exports), never markup: the header is plain text, and the passage is shown as rich
text only to mark words, every piece of it escaped.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.connection.verdicts import fill
from desktop_app.ui.knowledge import texts
from desktop_app.ui.knowledge.records_model import plain_tooltip

MODES = ("hybrid", "vector", "bm25")


MARK = "background-color: #ffe08a; color: #000000;"


def marked_html(text: str, spans) -> str:
    """``text`` as rich text with ``spans`` marked; every piece is escaped, so a passage that
    contains tags or entities shows them as the characters they are."""
    out, at = [], 0
    for start, end in spans:
        out.append(html.escape(text[at:start]))
        out.append(f"<span style='{MARK}'>{html.escape(text[start:end])}</span>")
        at = end
    out.append(html.escape(text[at:]))
    return f"<div style='white-space: pre-wrap'>{''.join(out)}</div>"


class PassageCard(QFrame):
    def __init__(
        self, rank: int, passage, parent: QWidget | None = None, query: str = "", mode: str = "hybrid", top: float = 0.0
    ):
        from desktop_app.core.knowledge.highlight import matched_spans, relevance

        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        where = texts.file_name(passage.source)
        if passage.page:
            where = fill(self.tr("%1, page %2"), where, passage.page)
        self.relevance = relevance(passage.score, mode, top)
        self.header = QLabel(fill(self.tr("%1. %2 · relevance %3"), rank, where, f"{self.relevance:.0%}"))
        self.header.setToolTip(plain_tooltip(passage.source))
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        body = passage.text.strip()
        self.spans = matched_spans(query, body)
        self.text = QLabel(marked_html(body, self.spans))
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(self.text)


class SearchPanel(QWidget):
    search_requested = Signal(str, str)  # query, mode

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.query = QLineEdit()
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self._search)
        self.mode = QComboBox()
        for _ in MODES:
            self.mode.addItem("")
        self.search_button = QPushButton()
        self.search_button.clicked.connect(self._search)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # may quote the query
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.cards = QWidget()
        self.cards_layout = QVBoxLayout(self.cards)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.cards)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.mode)
        row.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        self._paused = False
        self._busy = False
        self.retranslate()

    def retranslate(self) -> None:
        self.query.setPlaceholderText(self.tr("Type a question from your evaluation set…"))
        self.query.setAccessibleName(self.tr("Search text"))
        self.mode.setItemText(0, self.tr("Keywords and meaning"))
        self.mode.setItemText(1, self.tr("Meaning only"))
        self.mode.setItemText(2, self.tr("Keywords only"))
        self.mode.setAccessibleName(self.tr("Search mode"))
        self.mode.setToolTip(self.tr("Keywords and meaning (hybrid) is what RAG variants use"))
        self.search_button.setText(self.tr("&Search"))
        self._update()

    def current_mode(self) -> str:
        return MODES[max(0, self.mode.currentIndex())]

    def set_paused(self, paused: bool) -> None:
        """While indexing writes, searching waits (it would read a half-written index)."""
        self._paused = paused
        self._update()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update()

    def _update(self) -> None:
        self.search_button.setEnabled(not self._paused)
        self.query.setEnabled(not self._paused)
        waiting = (self.tr("Search is available again when indexing has finished."), self.tr("Searching…"))
        if self._paused:
            self.status.setText(waiting[0])
        elif self._busy:
            self.status.setText(waiting[1])
        elif self.status.text() in waiting:  # what it waited for is over (results set their own text)
            self.status.clear()

    def _search(self) -> None:
        text = self.query.text().strip()
        if text and not self._paused:
            self.search_requested.emit(text, self.current_mode())

    def clear(self) -> None:
        self.status.clear()
        while self.cards_layout.count() > 1:
            item = self.cards_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def show_passages(self, query: str, passages, mode: str = "hybrid") -> None:
        self.clear()
        top = max((p.score for p in passages), default=0.0)
        for n, passage in enumerate(passages, 1):
            self.cards_layout.insertWidget(n - 1, PassageCard(n, passage, query=query, mode=mode, top=top))
        if passages:
            self.status.setText(
                fill(
                    self.tr(
                        "The %1 passages a RAG variant would be given for this question, "
                        "best first; words shared with the question are marked. Relevance "
                        "100% is a passage both keyword and meaning search rank first."
                    ),
                    len(passages),
                )
            )
        else:
            self.status.setText(self.tr("No passage matched. Add documents, or try other words."))

    def card_count(self) -> int:
        return self.cards_layout.count() - 1

    def card(self, n: int) -> PassageCard:
        item = self.cards_layout.itemAt(n)
        card = item.widget() if item is not None else None
        assert isinstance(card, PassageCard), n  # the layout holds cards and one stretch, last
        return card
