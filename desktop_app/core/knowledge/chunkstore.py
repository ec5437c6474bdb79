"""The chunk store: one SQLite file with every document and chunk (text, page, position,
BM25 tokens). It is the source of truth; Chroma holds only vectors and the BM25 index is
rebuilt from it, so either can be rebuilt if lost or stale.
"""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime, timezone
from pathlib import Path

from desktop_app.core.errors import KnowledgeError
from desktop_app.core.phrases import phrase, translate

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    source TEXT PRIMARY KEY, kind TEXT NOT NULL, sha256 TEXT NOT NULL, signature TEXT NOT NULL,
    chunks INTEGER NOT NULL, chars INTEGER NOT NULL, pages INTEGER, encoding TEXT, added_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, idx INTEGER NOT NULL, page INTEGER,
    position INTEGER NOT NULL, text TEXT NOT NULL, toks TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_source ON chunks(source);
"""


class ChunkStore:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(str(self.path), check_same_thread=False, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise KnowledgeError(
                phrase(
                    translate("KnowledgeErrors", "The knowledge index in {folder} is damaged ({problem})."),
                    folder=self.path.parent,
                    problem=exc,
                ),
                translate("KnowledgeErrors", "Delete the project's knowledge folder and add the documents again."),
            ) from exc

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- reads -----------------------------------------------------------------------------
    def document(self, source: str) -> dict | None:
        with self._lock:
            cur = self._db.execute("SELECT * FROM documents WHERE source = ?", (source,))
            row = cur.fetchone()
            return dict(zip([c[0] for c in cur.description], row)) if row else None

    def documents(self) -> list[dict]:
        with self._lock:
            cur = self._db.execute("SELECT * FROM documents ORDER BY source")
            names = [c[0] for c in cur.description]
            return [dict(zip(names, r)) for r in cur.fetchall()]

    def counts(self) -> tuple[int, int]:
        with self._lock:
            docs = self._db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            chunks = self._db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
            return docs, chunks

    def chunks_by_id(self, ids: list[str]) -> dict[str, tuple]:
        """id -> (source, page, position, text)."""
        out: dict[str, tuple] = {}
        with self._lock:
            for start in range(0, len(ids), 500):
                part = ids[start : start + 500]
                marks = ",".join("?" * len(part))
                for row in self._db.execute(
                    f"SELECT id, source, page, position, text FROM chunks WHERE id IN ({marks})", part
                ):
                    out[row[0]] = row[1:]
        return out

    def all_tokens(self) -> tuple[list[str], list[list[str]]]:
        with self._lock:
            rows = self._db.execute("SELECT id, toks FROM chunks ORDER BY source, idx").fetchall()
        return [r[0] for r in rows], [r[1].split(" ") if r[1] else [] for r in rows]

    def chunk_texts(self, ids: list[str]) -> list[str]:
        found = self.chunks_by_id(ids)
        return [found[i][3] for i in ids if i in found]

    def all_ids(self) -> list[str]:
        with self._lock:
            return [r[0] for r in self._db.execute("SELECT id FROM chunks")]

    def generation(self) -> int:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
            return int(row[0]) if row else 0

    # -- writes (each one transaction, so a kill never leaves half a document) ---------------
    def replace_documents(self, items: list[tuple[dict, list[tuple]]]) -> None:
        """(document, chunk rows) pairs; a chunk row is (id, idx, page, position, text, toks)."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._lock, self._db:
            for doc, chunks in items:
                doc = dict(doc, added_at=now)
                self._db.execute("DELETE FROM chunks WHERE source = ?", (doc["source"],))
                self._db.executemany(
                    "INSERT INTO chunks (id, source, idx, page, position, text, toks) VALUES (?,?,?,?,?,?,?)",
                    [(c[0], doc["source"], *c[1:]) for c in chunks],
                )
                self._db.execute(
                    "INSERT OR REPLACE INTO documents (source, kind, sha256, signature, chunks, chars, pages,"
                    " encoding, added_at) VALUES (:source, :kind, :sha256, :signature, :chunks, :chars, :pages,"
                    " :encoding, :added_at)",
                    doc,
                )
            self._bump()

    def remove_document(self, source: str) -> int:
        with self._lock, self._db:
            n = self._db.execute("DELETE FROM chunks WHERE source = ?", (source,)).rowcount
            d = self._db.execute("DELETE FROM documents WHERE source = ?", (source,)).rowcount
            if n or d:
                self._bump()
            return n if (n or d) else -1

    def _bump(self) -> None:
        self._db.execute(
            "INSERT INTO meta (key, value) VALUES ('generation', '1') ON CONFLICT(key)"
            " DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )
