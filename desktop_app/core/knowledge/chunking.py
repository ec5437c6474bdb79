"""Character-based chunking with overlap that keeps each chunk's page and position.

Characters (not words) so Japanese, which has no spaces, is cut the same way as English.
A cut prefers a break before a heading, then a paragraph break, then a line break, then a sentence end, then a space, in
the last part of the window, so chunks rarely split a sentence. Chunks never cross pages,
so every passage can cite its page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BREAKS = (
    re.compile(r"\n\s*\n(?=#)"),
    re.compile(r"\n\s*\n"),
    re.compile(r"\n"),
    re.compile(r"[。．！？!?]|[.;:](?=\s)"),
    re.compile(r"[、，,]\s*|\s"),
)


@dataclass(frozen=True)
class Chunk:
    text: str
    page: int | None
    position: int  # character offset of the chunk's start within its page (or file)
    index: int  # order of the chunk within its file


def _cut(text: str, start: int, size: int) -> int:
    """End offset of the chunk that starts at ``start``: a natural break in the window's last 40%."""
    end = start + size
    if end >= len(text):
        return len(text)
    floor = start + int(size * 0.6)
    for pattern in _BREAKS:
        best = -1
        for m in pattern.finditer(text, floor, end):
            best = m.end()
        if best > floor:
            return best
    return end


def chunk_text(text: str, size: int, overlap: int) -> list[tuple[int, str]]:
    """(offset, chunk) pairs covering ``text``; whitespace-only chunks are dropped."""
    out: list[tuple[int, str]] = []
    start, n = 0, len(text)
    while start < n:
        while start < n and text[start].isspace():
            start += 1
        if start >= n:
            break
        end = _cut(text, start, size)
        piece = text[start:end].strip()
        if piece:
            out.append((start, piece))
        if end >= n:
            break
        nxt = max(end - overlap, start + 1)
        # Start the overlap at a word or sentence boundary when one is close, not mid-word.
        if overlap and nxt > start + 1:
            space = text.find(" ", nxt, end)
            if 0 <= space < nxt + overlap // 2:
                nxt = space + 1
        start = nxt
    return out


def chunk_pages(pages, size: int, overlap: int) -> list[Chunk]:
    chunks: list[Chunk] = []
    for page, text in pages:
        for offset, piece in chunk_text(text or "", size, overlap):
            chunks.append(Chunk(text=piece, page=page, position=offset, index=len(chunks)))
    return chunks
