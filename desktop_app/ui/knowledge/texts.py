"""Sentences of the Knowledge page built from the core's codes and numbers.

Translatable under the "KnowledgePage" context: every string is a literal
QCoreApplication.translate call so lupdate finds it; %1, %2 are filled by ``fill``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop_app.ui.connection.verdicts import fill
from desktop_app.ui.language import joined, quoted_names
from desktop_app.ui.words import plural


def file_name(source: str) -> str:
    return Path(source).name or source


def status_text(status: str) -> str:
    return {
        "read": QCoreApplication.translate("KnowledgePage", "Added"),
        "replaced": QCoreApplication.translate("KnowledgePage", "Updated"),
        "skipped_unchanged": QCoreApplication.translate("KnowledgePage", "Unchanged, skipped"),
        "failed": QCoreApplication.translate("KnowledgePage", "Not added"),
    }.get(status, status)


def reason_text(reason: str, message: str = "") -> str:
    """Why a file was not added, in plain words (the core's message when the code is new)."""
    known = {
        "not_found": QCoreApplication.translate("KnowledgePage", "The file or folder was not found."),
        "not_a_file": QCoreApplication.translate(
            "KnowledgePage", "This is not a regular file (a pipe or a device); add a saved document."
        ),
        "unsupported": QCoreApplication.translate(
            "KnowledgePage", "This type of file is not supported; use txt, md, pdf, docx, html or csv."
        ),
        "encrypted": QCoreApplication.translate(
            "KnowledgePage", "The PDF is password-protected; add an unprotected copy."
        ),
        "damaged": QCoreApplication.translate(
            "KnowledgePage", "The file is damaged or is not what its name says; open it and save it again."
        ),
        "no_text": QCoreApplication.translate(
            "KnowledgePage", "The PDF has no text layer (scanned pages); run text recognition (OCR) first."
        ),
        "unknown_encoding": QCoreApplication.translate(
            "KnowledgePage", "The text encoding was not recognized; save the file as UTF-8."
        ),
        "permission": QCoreApplication.translate("KnowledgePage", "The file may not be opened (permission denied)."),
        "io": QCoreApplication.translate("KnowledgePage", "The file could not be read; it may be locked or moved."),
        "empty": QCoreApplication.translate("KnowledgePage", "The file contains no text."),
        "binary": QCoreApplication.translate(
            "KnowledgePage", "The file is not text (an image, an archive or a program?); add the document itself."
        ),
    }
    return known.get(reason) or message or reason


def kind_text(kind: str, pages: int | None) -> str:
    names = {
        "txt": QCoreApplication.translate("KnowledgePage", "Text"),
        "md": "Markdown",
        "csv": "CSV",
        "html": "HTML",
        "pdf": "PDF",
        "docx": "Word",
    }
    name = names.get(kind, kind.upper())
    if pages:
        count = plural(
            pages,
            QCoreApplication.translate("KnowledgePage", "%1 page"),
            QCoreApplication.translate("KnowledgePage", "%1 pages"),
        )
        return fill(QCoreApplication.translate("KnowledgePage", "%1, %2"), name, count)
    return name


def details_text(f) -> str:
    """The Details cell of the add report for one FileResult."""
    if f.status == "failed":
        return reason_text(f.reason, f.message)
    return kind_text(f.kind, f.pages)


def report_summary(report) -> str:
    counts = {s: report.count(s) for s in ("read", "replaced", "skipped_unchanged", "failed")}
    parts = []
    if counts["read"]:
        parts.append(fill(QCoreApplication.translate("KnowledgePage", "%1 added"), counts["read"]))
    if counts["replaced"]:
        parts.append(fill(QCoreApplication.translate("KnowledgePage", "%1 updated"), counts["replaced"]))
    if counts["skipped_unchanged"]:
        parts.append(fill(QCoreApplication.translate("KnowledgePage", "%1 unchanged"), counts["skipped_unchanged"]))
    if counts["failed"]:
        parts.append(fill(QCoreApplication.translate("KnowledgePage", "%1 not added"), counts["failed"]))
    text = joined(parts) or QCoreApplication.translate("KnowledgePage", "no files found")
    if report.cancelled:
        return fill(
            QCoreApplication.translate(
                "KnowledgePage", "Stopped: %1. The files already indexed stay; add the rest again to finish."
            ),
            text,
        )
    return fill(QCoreApplication.translate("KnowledgePage", "Last addition: %1."), text)


def stats_text(stats: dict) -> str:
    if not stats.get("documents"):
        return QCoreApplication.translate("KnowledgePage", "No documents yet")
    kind = stats.get("embedding", "").partition(":")[0]
    embedding = (
        QCoreApplication.translate("KnowledgePage", "built-in offline embedding")
        if kind == "offline"
        else fill(
            QCoreApplication.translate("KnowledgePage", "embedding by %1"), stats.get("embedding", "").partition(":")[2]
        )
    )
    return fill(
        QCoreApplication.translate("KnowledgePage", "%1 documents · %2 passages · %3"),
        stats["documents"],
        stats.get("chunks", 0),
        embedding,
    )


def progress_text(event) -> tuple[str, int, int]:
    """(sentence, done, total) for a progress event of add_paths or readiness; total 0: unknown."""
    if not isinstance(event, dict):
        return "", 0, 0
    stage, done, total = event.get("stage"), int(event.get("done") or 0), int(event.get("total") or 0)
    if stage == "read":
        name = file_name(str(event.get("source", "")))
        number = done if "status" in event else done + 1  # two events per file: before and after it
        return (
            fill(
                QCoreApplication.translate("KnowledgePage", "Indexing file %1 of %2: %3"),
                max(1, min(number, total)),
                total,
                name,
            ),
            done,
            total,
        )
    if stage == "embed":
        return (
            fill(QCoreApplication.translate("KnowledgePage", "Embedding passages: %1 of %2"), done, total),
            done,
            total,
        )
    if stage == "bm25":
        return QCoreApplication.translate("KnowledgePage", "Updating the keyword index…"), 0, 0
    if stage == "readiness":
        return (
            fill(QCoreApplication.translate("KnowledgePage", "Searching for question %1 of %2"), done, total),
            done,
            total,
        )
    return "", done, total


def reindex_reason(stats: dict, documents) -> str:
    """Why the documents need indexing again for the saved settings ("" when they do not)."""
    if not documents:
        return ""
    signature = stats.get("signature") or f"{stats.get('chunk_size')}/{stats.get('chunk_overlap')}"
    stale = [d for d in documents if d.get("signature") != signature]
    if stale:
        return fill(
            QCoreApplication.translate(
                "KnowledgePage",
                "%1 of %2 documents were split with other chunk settings than the saved ones. "
                "Index them again for the new settings to apply.",
            ),
            len(stale),
            len(documents),
        )
    missing = stats.get("chunks", 0) - stats.get("embedded", 0)
    if missing > 0:
        return fill(
            QCoreApplication.translate(
                "KnowledgePage",
                "%1 of %2 passages have no vectors for the chosen embedding yet. Index them again to embed them.",
            ),
            missing,
            stats.get("chunks", 0),
        )
    return ""


def removed_text(sources: list[str]) -> str:
    names = ", ".join(file_name(s) for s in sources)
    return fill(
        QCoreApplication.translate("KnowledgePage", "Removed from the index: %1. The files themselves are untouched."),
        names,
    )


def older_rag_runs_text(older: list[str]) -> str:
    """The RAG runs made with the documents as they were before this change."""
    shown = quoted_names(older, 5)
    return fill(
        QCoreApplication.translate(
            "KnowledgePage",
            "The RAG runs %1 were made with the documents as they were "
            "before: run them again to measure retrieval with these.",
        ),
        shown,
    )
