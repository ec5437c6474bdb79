"""Placeholders in a prompt template, highlighted as the user types.

Known placeholders ({input} {examples} {context} {category}) are tinted; any other
``{word}`` is marked as an error (red wavy underline): ``fill`` leaves it in the prompt as
written, which is almost always a typo. JSON braces such as {"answer": 1} are not words in
braces, so prompts that ask for JSON are not flagged.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

# The core's list, repeated here as a literal would drift; importing variants is cheap (no pandas).
from desktop_app.core.variants.variant import PLACEHOLDERS

_CANDIDATE_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def placeholder_spans(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, length, name, known) for every ``{word}`` in ``text``."""
    return [
        (m.start(), m.end() - m.start(), m.group(1), m.group(1) in PLACEHOLDERS) for m in _CANDIDATE_RE.finditer(text)
    ]


def unknown_placeholders(text: str) -> list[str]:
    """Names of the ``{word}`` placeholders the app will not fill, in order, without repeats."""
    return list(dict.fromkeys(name for _, _, name, known in placeholder_spans(text) if not known))


class TemplateHighlighter(QSyntaxHighlighter):
    """Tints known placeholders and marks unknown ones as errors, block by block."""

    def __init__(self, document: QTextDocument):
        super().__init__(document)
        # Tints with alpha read well on light and dark palettes alike.
        self.known_format = QTextCharFormat()
        self.known_format.setBackground(QColor(13, 110, 253, 50))
        font_weight = self.known_format.fontWeight()
        self.known_format.setFontWeight(max(font_weight, 600))
        self.unknown_format = QTextCharFormat()
        self.unknown_format.setBackground(QColor(220, 53, 69, 60))
        self.unknown_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.unknown_format.setUnderlineColor(QColor(220, 53, 69))

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        for start, length, _, known in placeholder_spans(text):
            self.setFormat(start, length, self.known_format if known else self.unknown_format)
