"""File readers: txt, md, csv, html, pdf, docx -> a Document of (page, text) parts.

Each reader raises KnowledgeError with a plain reason, so one unreadable file is listed in
the ingest report while the rest go on. Text files are often Shift-JIS/CP932 on Japanese
workstations, so decoding tries UTF-8, then the Japanese legacy encodings, then a guess.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.errors import KnowledgeError
from desktop_app.core.phrases import phrase, translate
from desktop_app.core.data.files import archive_problem, archive_sentence, binary_kind
from desktop_app.core.text import is_cjk

SUPPORTED = (".txt", ".md", ".markdown", ".csv", ".tsv", ".html", ".htm", ".pdf", ".docx")
_JP_LEGACY = ("cp932", "euc_jp")


@dataclass(frozen=True)
class Document:
    """A file's text, split into pages (page is None for formats without pages)."""

    source: str
    kind: str
    pages: tuple[tuple[int | None, str], ...]
    sha256: str
    encoding: str = ""

    @property
    def chars(self) -> int:
        return sum(len(t) for _, t in self.pages)


def source_key(path: str | os.PathLike) -> str:
    """The identity of a file in the index: its absolute path."""
    return str(Path(path).expanduser().resolve())


def collect_files(paths) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand folders (recursively, supported types only); return (files, [(path, reason)])."""
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            for sub in sorted(path.rglob("*")):
                if sub.is_file() and sub.suffix.lower() in SUPPORTED and not sub.name.startswith((".", "~$")):
                    files.append(sub)
        elif path.is_file():
            files.append(path)
        else:  # a pipe or a device is there but is no document: reading it could wait for ever
            problems.append((str(path), "not_a_file" if path.exists() else "not_found"))
    seen: set[str] = set()
    unique = []
    for f in files:
        key = source_key(f)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, problems


def _cjk_share(text: str) -> float:
    letters = [c for c in text if not c.isspace()]
    return sum(1 for c in letters if is_cjk(c)) / len(letters) if letters else 0.0


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode text of unknown encoding; returns (text, encoding name)."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    for enc in _JP_LEGACY:  # strict decode plus mostly-Japanese content: right far more often than a guess
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _cjk_share(text) >= 0.2:
            return text, enc
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise KnowledgeError(
            translate("KnowledgeErrors", "The text encoding of this file could not be recognized."),
            translate("KnowledgeErrors", "Save it as UTF-8 and add it again."),
            details={"reason": "unknown_encoding"},
        )
    return str(best), best.encoding


def _text_bytes(path: Path) -> bytes:
    """The file's bytes, refused when they are not text (random bytes named .txt would turn into
    hundreds of passages of noise): the same test the dataset importer applies."""
    data = path.read_bytes()
    kind = binary_kind(data[:8192])
    if kind is not None:
        raise KnowledgeError(
            phrase(
                translate("KnowledgeErrors", "{name} is not a text file: it looks like {kind}."),
                name=path.name,
                kind=kind,
            ),
            translate(
                "KnowledgeErrors", "Add the document itself (txt, md, pdf, docx, html or csv), or save it as text."
            ),
            details={"reason": "binary"},
        )
    return data


def _read_text(path: Path) -> tuple[list[tuple[int | None, str]], str]:
    text, enc = decode_bytes(_text_bytes(path))
    return [(None, text)], enc


def _read_csv(path: Path) -> tuple[list[tuple[int | None, str]], str]:
    text, enc = decode_bytes(_text_bytes(path))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel_tab if path.suffix.lower() == ".tsv" else csv.excel
    rows = [r for r in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in r)]
    if not rows:
        return [(None, "")], enc
    header, body = rows[0], rows[1:]
    # "column: value" keeps each cell's meaning with it after chunking splits the table.
    lines = ["; ".join(f"{h.strip()}: {c.strip()}" for h, c in zip(header, r) if c.strip()) for r in body]
    return [(None, "\n".join(lines) if body else "; ".join(header))], enc


def _read_html(path: Path) -> tuple[list[tuple[int | None, str]], str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_bytes(), "html.parser")  # honours <meta charset>
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    lines = [ln.strip() for ln in soup.get_text("\n").splitlines()]
    return [(None, "\n".join(ln for ln in lines if ln))], soup.original_encoding or ""


SHATTERED_MIN_LINES = 12  # a page this long whose lines are mostly single words was cut apart


def rejoin_shattered(text: str) -> str:
    """Some PDFs place every word (or every Japanese character run) on its own line: extracted
    as is, a passage reads one word per line and keyword search loses the phrases. Such a page is
    joined back: with spaces between Latin words, without them where Japanese meets anything; blank
    lines stay paragraph breaks."""
    lines = text.split("\n")
    words = [ln.strip() for ln in lines if ln.strip()]
    if len(words) < SHATTERED_MIN_LINES or sum(1 for w in words if " " not in w) < 0.8 * len(words):
        return text
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for ln in lines:
        piece = ln.strip()
        if not piece:
            if current:
                paragraphs.append(current)
                current = []
            continue
        current.append(piece)
    if current:
        paragraphs.append(current)

    def join(parts: list[str]) -> str:
        out = parts[0]
        for part in parts[1:]:
            japanese = is_cjk(out[-1]) or is_cjk(part[0]) or out[-1] in "。、．，！？」』）"  # no spaces there
            out += part if japanese else " " + part
        return out

    return "\n\n".join(join(p) for p in paragraphs)


def _read_pdf(path: Path) -> tuple[list[tuple[int | None, str]], str]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(str(path))
        # An owner-password-only PDF opens with the empty user password; a real lock does not.
        if reader.is_encrypted and not reader.decrypt(""):
            raise KnowledgeError(
                translate("KnowledgeErrors", "This PDF is password-protected."),
                translate("KnowledgeErrors", "Save an unprotected copy and add that."),
                details={"reason": "encrypted"},
            )
        pages: list[tuple[int | None, str]] = [
            (i + 1, rejoin_shattered(page.extract_text() or "")) for i, page in enumerate(reader.pages)
        ]
    except KnowledgeError:
        raise
    except (PyPdfError, ValueError, KeyError, OSError) as exc:
        raise KnowledgeError(
            phrase(translate("KnowledgeErrors", "This PDF could not be read ({problem})."), problem=exc),
            translate("KnowledgeErrors", "Check that the file opens in a PDF viewer, or export it again."),
            details={"reason": "damaged"},
        ) from exc
    if not any(t.strip() for _, t in pages):
        raise KnowledgeError(
            translate("KnowledgeErrors", "This PDF has no text layer (it may be scanned images)."),
            translate("KnowledgeErrors", "Run text recognition (OCR) on it first."),
            details={"reason": "no_text"},
        )
    return pages, ""


def _read_docx(path: Path) -> tuple[list[tuple[int | None, str]], str]:
    import docx

    problem = archive_problem(path)
    if problem is not None and problem.kind != "not_a_zip":  # a damaged file gets python-docx's word below
        raise KnowledgeError(
            archive_sentence(problem, path.name),
            translate("KnowledgeErrors", "Open it in Word and save it again, or add the text as a .txt file."),
            details={"reason": "archive_bomb"},
        )
    try:
        doc = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds for a bad zip/xml
        raise KnowledgeError(
            phrase(
                translate("KnowledgeErrors", "This Word file could not be read ({problem})."),
                problem=type(exc).__name__,
            ),
            translate("KnowledgeErrors", "Open it in Word and save it again as .docx."),
            details={"reason": "damaged"},
        ) from exc
    parts = [p.text for p in doc.paragraphs if p.text.strip()]
    for table in doc.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells if c.text.strip()]
            if cells:
                parts.append(" | ".join(dict.fromkeys(cells)))  # merged cells repeat; keep one
    return [(None, "\n".join(parts))], ""


_READERS = {
    ".txt": ("txt", _read_text),
    ".md": ("md", _read_text),
    ".markdown": ("md", _read_text),
    ".csv": ("csv", _read_csv),
    ".tsv": ("csv", _read_csv),
    ".html": ("html", _read_html),
    ".htm": ("html", _read_html),
    ".pdf": ("pdf", _read_pdf),
    ".docx": ("docx", _read_docx),
}


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_document(path: str | os.PathLike, sha256: str | None = None) -> Document:
    """Read one file; raise KnowledgeError (details["reason"]) when it cannot be used."""
    path = Path(path)
    kind_reader = _READERS.get(path.suffix.lower())
    if kind_reader is None:
        message = (
            phrase(
                translate("KnowledgeErrors", "{name}: this file type ({suffix}) is not supported."),
                name=path.name,
                suffix=path.suffix,
            )
            if path.suffix
            else phrase(
                translate("KnowledgeErrors", "{name}: a file without an extension is not supported."), name=path.name
            )
        )
        raise KnowledgeError(
            message,
            translate("KnowledgeErrors", "Use txt, md, pdf, docx, html or csv."),
            details={"reason": "unsupported"},
        )
    kind, reader = kind_reader
    try:
        digest = sha256 or file_sha256(path)
        pages, enc = reader(path)
    except KnowledgeError:
        raise
    except PermissionError as exc:
        raise KnowledgeError(
            phrase(translate("KnowledgeErrors", "{name} cannot be opened (permission denied)."), name=path.name),
            translate("KnowledgeErrors", "Check the file's permissions."),
            details={"reason": "permission"},
        ) from exc
    except OSError as exc:
        raise KnowledgeError(
            phrase(
                translate("KnowledgeErrors", "{name} cannot be read ({problem})."),
                name=path.name,
                problem=exc.strerror or exc,
            ),
            translate("KnowledgeErrors", "Check that the file exists and is not locked."),
            details={"reason": "io"},
        ) from exc
    if not any(t.strip() for _, t in pages):
        raise KnowledgeError(
            phrase(translate("KnowledgeErrors", "{name} contains no text."), name=path.name),
            translate("KnowledgeErrors", "Check that it is the right file."),
            details={"reason": "empty"},
        )
    return Document(source=source_key(path), kind=kind, pages=tuple(pages), sha256=digest, encoding=enc)


# -- what add_paths reports, per file ---------------------------------------------------------
STATUSES = ("read", "replaced", "skipped_unchanged", "failed")


@dataclass(frozen=True)
class FileResult:
    source: str
    status: str  # one of STATUSES
    chunks: int = 0
    pages: int | None = None
    chars: int = 0
    kind: str = ""
    encoding: str = ""
    reason: str = ""  # machine-readable reason when failed: not_found, unsupported, encrypted, ...
    message: str = ""  # the AppError message, for the ui to show as is


@dataclass(frozen=True)
class IngestReport:
    files: tuple[FileResult, ...]
    cancelled: bool = False

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def failed(self) -> tuple[FileResult, ...]:
        return tuple(f for f in self.files if f.status == "failed")

    @property
    def chunks_added(self) -> int:
        return sum(f.chunks for f in self.files if f.status in ("read", "replaced"))

    def to_dict(self) -> dict:
        from dataclasses import asdict

        return {
            "cancelled": self.cancelled,
            "files": [asdict(f) for f in self.files],
            **{s: self.count(s) for s in STATUSES},
        }
