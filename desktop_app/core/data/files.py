"""Looking at a user's file before trusting it: is it text at all, and is a zip-based document
(DOCX, XLSX) what it claims to be, or a bomb that would fill the memory when opened.

The dataset importer and the knowledge base both read files users pick or drop, so both ask
here, and a file is judged the same way wherever it is added.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.phrases import Phrase, phrase, translate

# File signatures of things that are never text (checked before any decoding).
MAGIC: tuple[tuple[bytes, Phrase], ...] = (
    (b"PK\x03\x04", translate("FileKinds", "a ZIP archive or an Excel/Word file (.xlsx/.docx)")),
    (b"\xd0\xcf\x11\xe0", translate("FileKinds", "an old Excel/Word file (.xls/.doc)")),
    (b"%PDF", translate("FileKinds", "a PDF document")),
    (b"\x89PNG", translate("FileKinds", "a PNG image")),
    (b"\xff\xd8\xff", translate("FileKinds", "a JPEG image")),
    (b"GIF8", translate("FileKinds", "a GIF image")),
    (b"\x1f\x8b", translate("FileKinds", "a gzip archive")),
    (b"7z\xbc\xaf", translate("FileKinds", "a 7-Zip archive")),
    (b"Rar!", translate("FileKinds", "a RAR archive")),
    (b"\x7fELF", translate("FileKinds", "a program")),
    (b"MZ", translate("FileKinds", "a Windows program")),
    (b"SQLite format 3", translate("FileKinds", "an SQLite database")),
)
UNICODE_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")

# Limits for zip-based documents, read from the archive's directory before anything is
# decompressed (zipfile never inflates a member past its declared size, so these hold). A
# real DOCX or XLSX of an evaluation set or a manual is far inside them; XML compresses about
# 5-20 times, and images not at all.
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_RATIO = 100  # unpacked / packed, for members that unpack to more than RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_MEMBERS = 10_000


def binary_kind(head: bytes) -> Phrase | None:
    """What ``head`` (the first bytes of a file) is when it is not text, else None."""
    for magic, kind in MAGIC:
        if head.startswith(magic):
            return kind
    if any(head.startswith(bom) for bom in UNICODE_BOMS[1:]):
        return None  # UTF-16 text is full of NULs and still text
    sample = head[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in sample or (sample and controls / len(sample) > 0.05):
        return translate("FileKinds", "binary data")
    return None


@dataclass(frozen=True)
class ArchiveProblem:
    kind: str  # too_big | too_compressed | too_many_members | not_a_zip
    unpacked: int = 0  # bytes the archive says it holds
    ratio: float = 0.0


def archive_problem(path: str | Path) -> ArchiveProblem | None:
    """Why a zip-based document must not be opened, or None when it looks like a real one."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return ArchiveProblem("not_a_zip")
    if len(members) > MAX_MEMBERS:
        return ArchiveProblem("too_many_members")
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED_BYTES:
        return ArchiveProblem("too_big", unpacked)
    for member in members:
        if member.file_size > RATIO_FLOOR:
            ratio = member.file_size / max(member.compress_size, 1)
            if ratio > MAX_RATIO:
                return ArchiveProblem("too_compressed", unpacked, ratio)
    return None


def archive_sentence(problem: ArchiveProblem, name: str) -> Phrase:
    """The reason in plain words (the callers add what to do)."""
    if problem.kind == "too_big":
        return phrase(
            translate("DataErrors", "{name} would unpack to {size} MB, more than a document of this kind holds."),
            name=name,
            size=f"{problem.unpacked / 2**20:,.0f}",
        )
    if problem.kind == "too_compressed":
        return phrase(
            translate(
                "DataErrors",
                "{name} is compressed {ratio} times, far more than real documents are: "
                "it may be built to fill the memory when opened.",
            ),
            name=name,
            ratio=f"{problem.ratio:,.0f}",
        )
    if problem.kind == "too_many_members":
        return phrase(
            translate("DataErrors", "{name} holds more than {count} parts, more than a document of this kind has."),
            name=name,
            count=f"{MAX_MEMBERS:,}",
        )
    return phrase(translate("DataErrors", "{name} is damaged: it is not a readable document."), name=name)
