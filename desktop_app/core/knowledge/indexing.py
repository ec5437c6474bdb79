"""Adding files to a KnowledgeBase: read, chunk, embed, then write vectors and chunks in batches.

Chroma pays about 20 ms per write call whatever its size, so files are written together once
about FLUSH_CHUNKS chunks are waiting (10,000 chunks: 31 s written file by file, 11 s batched).
Each batch writes vectors first, then the chunk store in one transaction: a kill in between
leaves those files unrecorded (the next add redoes them) and stray vectors that search ignores.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from desktop_app.core.errors import KnowledgeError
from desktop_app.core.knowledge.chunking import chunk_pages
from desktop_app.core.knowledge.ingest import (
    FileResult,
    IngestReport,
    collect_files,
    file_sha256,
    read_document,
    source_key,
)
from desktop_app.core.knowledge.lexical import tokenize

FLUSH_CHUNKS = 2000


@dataclass
class _Pending:
    result: FileResult
    doc: dict
    rows: list[tuple]
    vectors: list


def _report(progress, **event) -> None:
    if progress is not None:
        progress(event)


def add_paths(kb, paths, progress=None, should_stop=None) -> IngestReport:
    files, missing = collect_files(paths)
    order = {source_key(p): n for n, p in enumerate(files)}
    missing_words = {
        "not_found": "The file or folder was not found.",
        "not_a_file": "This is not a regular file (a pipe or a device); add a saved document.",
    }
    results = [FileResult(p, "failed", reason=r, message=missing_words.get(r, r)) for p, r in missing]
    pending: list[_Pending] = []
    cancelled = False
    try:
        cancelled = not backfill(kb, progress, should_stop)
        for i, path in enumerate(files):
            if cancelled or (should_stop is not None and should_stop()):
                cancelled = True
                break
            _report(progress, stage="read", done=i, total=len(files), source=str(path))
            item = _prepare(kb, path, should_stop)
            if item is None:
                cancelled = True
                break
            if isinstance(item, FileResult):
                results.append(item)
            else:
                pending.append(item)
                if sum(len(p.rows) for p in pending) >= FLUSH_CHUNKS:
                    results += _flush(kb, pending)
            status = item.status if isinstance(item, FileResult) else item.result.status
            _report(progress, stage="read", done=i + 1, total=len(files), source=str(path), status=status)
    finally:
        # Also after a failure (say the embedding server went away): files already embedded are
        # kept, and BM25 matches whatever the store now holds.
        results += _flush(kb, pending)
        if kb.lexical.generation != kb.store.generation():
            _report(progress, stage="bm25", done=0, total=1)
            kb._rebuild_lexical()
    results.sort(key=lambda r: order.get(r.source, -1))
    return IngestReport(files=tuple(results), cancelled=cancelled)


def _prepare(kb, path, should_stop) -> FileResult | _Pending | None:
    """A FileResult for a skipped or failed file, the embedded chunks of a new one, None if stopped."""
    source = source_key(path)
    signature = kb.settings.chunking_signature()
    try:
        sha = file_sha256(path)
        known = kb.store.document(source)
        if known and known["sha256"] == sha and known["signature"] == signature:
            return FileResult(
                source,
                "skipped_unchanged",
                chunks=known["chunks"],
                pages=known["pages"],
                chars=known["chars"],
                kind=known["kind"],
                encoding=known["encoding"] or "",
            )
        doc = read_document(path, sha256=sha)
    except KnowledgeError as exc:
        return FileResult(source, "failed", reason=exc.details.get("reason", "unreadable"), message=exc.message)
    except OSError as exc:
        return FileResult(source, "failed", reason="io", message=str(exc))
    chunks = chunk_pages(doc.pages, kb.settings.chunk_size, kb.settings.chunk_overlap)
    vectors = kb._embed([c.text for c in chunks], should_stop)
    if vectors is None:
        return None
    tokenizer = kb.settings.tokenizer
    prefix = hashlib.sha1(source.encode("utf-8")).hexdigest()[:16]
    pages = len(doc.pages) if doc.kind == "pdf" else None
    return _Pending(
        result=FileResult(
            source,
            "replaced" if known else "read",
            chunks=len(chunks),
            pages=pages,
            chars=doc.chars,
            kind=doc.kind,
            encoding=doc.encoding,
        ),
        doc={
            "source": source,
            "kind": doc.kind,
            "sha256": sha,
            "signature": signature,
            "chunks": len(chunks),
            "chars": doc.chars,
            "pages": pages,
            "encoding": doc.encoding,
        },
        rows=[
            (f"{prefix}:{c.index}", c.index, c.page, c.position, c.text, " ".join(tokenize(c.text, tokenizer)))
            for c in chunks
        ],
        vectors=vectors,
    )


def _flush(kb, pending: list[_Pending]) -> list[FileResult]:
    items = list(pending)
    pending.clear()  # taken even if writing fails, so the caller's final flush never repeats it
    if not items:
        return []
    kb._delete_vectors([p.doc["source"] for p in items])
    ids = [r[0] for p in items for r in p.rows]
    sources = [p.doc["source"] for p in items for _ in p.rows]
    kb._put_vectors(ids, sources, [v for p in items for v in p.vectors])
    kb.store.replace_documents([(p.doc, p.rows) for p in items])
    return [p.result for p in items]


def backfill(kb, progress=None, should_stop=None) -> bool:
    """Embed chunks the current collection lacks (after the embedding choice changed); False if stopped."""
    _docs, n_chunks = kb.store.counts()
    if not n_chunks or kb.collection.count() == n_chunks:
        return True
    have = set(kb.collection.get(include=[])["ids"])
    missing = [i for i in kb.store.all_ids() if i not in have]
    found = kb.store.chunks_by_id(missing)
    step = FLUSH_CHUNKS
    for start in range(0, len(missing), step):
        if should_stop is not None and should_stop():
            return False
        part = [i for i in missing[start : start + step] if i in found]
        _report(progress, stage="embed", done=start, total=len(missing))
        vectors = kb._embed([found[i][3] for i in part])
        kb._put_vectors(part, [found[i][0] for i in part], vectors)
    return True
