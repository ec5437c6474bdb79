"""The Advice page's pieces: row links, evidence items, the checklist and the gap counts.

Row links are the one place with rich text: it is built ONLY from html-escaped row ids, the
html-escaped start of each row's question, and translated words, and each link's target is an index ("row:3", "all"), never data, so a row
id like "<img src=x>" can neither become markup nor change where a click goes.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.ui.advice.fmt import count, fill

ROWS_SHOWN = 10
QUESTIONS_SHOWN = 5  # rows named by their questions take a line each, or nearly


def plain_label(text: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


class RowLinks(QLabel):
    """ "Rows: q01, q03 … all 22 rows" where every id opens Results on that row."""

    rows_requested = Signal(list, object)  # row ids, run name (or None)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[str] = []
        self.run: str | None = None
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setOpenExternalLinks(False)
        self.linkActivated.connect(self._on_link)
        self.hide()

    def set_rows(self, rows, run: str | None, prefix: str, all_text: str, labels: dict | None = None) -> None:
        """``prefix`` ("Rows:") and ``all_text`` ("all %1 rows") are translated words, escaped here too.

        ``labels`` (row id -> the start of its question) names each row by its question, so a
        colleague sees what a link is about; the ids are in the tooltip."""
        self.rows, self.run = [str(r) for r in rows or []], run
        if not self.rows:
            self.clear()
            self.hide()
            return
        labels = labels or {}
        shown = self.rows[: QUESTIONS_SHOWN if any(labels.get(r) for r in self.rows) else ROWS_SHOWN]
        quote = self.tr("“%1”")
        links = [
            f'<a href="row:{i}">{escape(fill(quote, labels[r]) if labels.get(r) else r, quote=False)}</a>'
            for i, r in enumerate(shown)
        ]
        # Escaped: Qt would read a tooltip that looks like markup as rich text.
        self.setToolTip(
            "<p>"
            + "<br>".join(escape(f"{r}: {labels[r]}" if labels.get(r) else r, quote=False) for r in shown)
            + "</p>"
        )
        text = f"{escape(prefix, quote=False)} {', '.join(links)}"
        if len(self.rows) > 1:
            text += f' · <a href="all">{escape(fill(all_text, count(len(self.rows))), quote=False)}</a>'
        self.setText(text)
        self.setAccessibleName(prefix + " " + ", ".join(fill(quote, labels[r]) if labels.get(r) else r for r in shown))
        self.show()

    def _on_link(self, href: str) -> None:
        if href == "all":
            self.rows_requested.emit(list(self.rows), self.run)
        elif href.startswith("row:") and href[4:].isdigit() and int(href[4:]) < len(self.rows):
            self.rows_requested.emit([self.rows[int(href[4:])]], self.run)


class EvidenceItem(QWidget):
    def __init__(self, sentence: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.sentence = plain_label("• " + sentence)
        self.links = RowLinks()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(1)
        layout.addWidget(self.sentence)
        row = QHBoxLayout()
        row.setContentsMargins(14, 0, 0, 0)
        row.addWidget(self.links, 1)
        layout.addLayout(row)


class ChecklistItemRow(QWidget):
    """A check box and the step's sentence beside it (QCheckBox text cannot wrap)."""

    def __init__(self, cid: str, sentence: str, checked: bool, done: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.cid = cid
        self.done = done
        self.box = QCheckBox()
        self.box.setChecked(checked or done)
        self.box.setEnabled(not done)  # a measured run already took this step: a fact, not a choice
        self.box.setAccessibleName(sentence)
        self.label = plain_label(sentence)
        self.label.setBuddy(self.box)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 1, 0, 1)
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - clicking the sentence ticks the box too
        if self.box.isEnabled() and event.button() == Qt.MouseButton.LeftButton:
            self.box.toggle()
        super().mouseReleaseEvent(event)


class GapTiles(QFrame):
    """Four counts side by side: knowledge, behaviour, retrieval and generation gaps."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.numbers: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(24)
        for col, gap in enumerate(("knowledge", "behaviour", "retrieval", "generation")):
            number = plain_label("0", wrap=False)
            font = number.font()
            font.setPointSizeF(font.pointSizeF() * 1.5)
            font.setBold(True)
            number.setFont(font)
            caption = plain_label("", wrap=False)
            grid.addWidget(number, 0, col)
            grid.addWidget(caption, 1, col)
            self.numbers[gap], self.captions[gap] = number, caption
        grid.setColumnStretch(4, 1)

    def set_counts(self, gaps: dict, titles: dict[str, str], meanings: dict[str, str]) -> None:
        for gap, label in self.numbers.items():
            label.setText(count(int(gaps.get(gap, 0))))
            self.captions[gap].setText(titles[gap])
            for widget in (label, self.captions[gap]):
                widget.setToolTip(meanings[gap])  # our own words, no data
