"""The batches a project submitted to a provider's Batch API, remembered in its results store.

Kept in ``results.sqlite`` beside the runs they fill (not a separate project file): a batch's
request map and the rows it answers must agree, and one SQLite transaction keeps them in step
(a project file and the store could be restored or copied apart). ``batches`` holds one line
per provider batch (its status and counts as last seen); ``batch_requests`` maps each custom id
to the run, row, request hash and retrieved passages it answers (twins share a custom id, so a
request is paid once for every row that asked it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable, Sequence

from desktop_app.core.records import Passage
from desktop_app.core.run.store_codec import passages_to_json

# Part of the results store's schema (store.py creates it, and adds it to older stores).
TABLES = """
CREATE TABLE IF NOT EXISTS batches (
    id TEXT PRIMARY KEY,
    endpoint TEXT NOT NULL DEFAULT '',
    input_file_id TEXT NOT NULL DEFAULT '',
    output_file_id TEXT,
    error_file_id TEXT,
    status TEXT NOT NULL,
    total INTEGER NOT NULL DEFAULT 0,
    completed INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    finished_at TEXT,
    collected INTEGER NOT NULL DEFAULT 0,
    message TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS batch_requests (
    batch_id TEXT NOT NULL,
    custom_id TEXT NOT NULL,
    run_id INTEGER NOT NULL,
    row_id TEXT NOT NULL,
    request_key TEXT NOT NULL,
    model TEXT NOT NULL DEFAULT '',
    passages TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (batch_id, run_id, row_id)
);
CREATE INDEX IF NOT EXISTS batch_requests_key ON batch_requests(request_key)"""

# The provider's words for a batch that will change no more.
FINAL_STATUSES = ("completed", "expired", "cancelled", "failed")
# Ours for a batch being created: its rows are filed before the provider is asked, so a kill or a
# lost reply in between leaves a trace that the next check resolves (adopt the batch, or drop it).
SUBMITTING = "submitting"
PLACEHOLDER_PREFIX = "submitting-"


@dataclass(frozen=True)
class BatchRecord:
    """One submitted batch as last seen (times are ISO 8601 UTC strings)."""

    id: str
    status: str  # validating | in_progress | finalizing | completed | expired | cancelling | cancelled | failed
    total: int = 0
    completed: int = 0
    failed: int = 0
    created_at: str = ""
    expires_at: str | None = None  # the end of the 24-hour window: results are due by then
    finished_at: str | None = None
    collected: bool = False  # its answers are in the store
    endpoint: str = ""
    input_file_id: str = ""
    output_file_id: str | None = None
    error_file_id: str | None = None
    message: str = ""  # why a failed batch failed, as the provider said

    @property
    def final(self) -> bool:
        return self.status in FINAL_STATUSES

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "status": self.status,
            "total": self.total,
            "completed": self.completed,
            "failed": self.failed,
            "created_at": self.created_at,
            "expires_at": self.expires_at,
            "finished_at": self.finished_at,
            "collected": self.collected,
            "message": self.message,
        }


@dataclass(frozen=True)
class Mapped:
    """What one answered custom id fills: a row of a run, with the passages its prompt carried."""

    custom_id: str
    run_id: int
    row_id: str
    request_key: str
    model: str
    passages: tuple[Passage, ...]


_COLS = (
    "id, status, total, completed, failed, created_at, expires_at, finished_at, collected, endpoint, "
    "input_file_id, output_file_id, error_file_id, message"
)


def _values(record: BatchRecord) -> tuple:
    """A record's columns, in ``_COLS`` order."""
    return (
        record.id,
        record.status,
        record.total,
        record.completed,
        record.failed,
        record.created_at,
        record.expires_at,
        record.finished_at,
        int(record.collected),
        record.endpoint,
        record.input_file_id,
        record.output_file_id,
        record.error_file_id,
        record.message,
    )


def _record(r: Sequence) -> BatchRecord:
    return BatchRecord(
        id=r[0],
        status=r[1],
        total=r[2],
        completed=r[3],
        failed=r[4],
        created_at=r[5],
        expires_at=r[6],
        finished_at=r[7],
        collected=bool(r[8]),
        endpoint=r[9],
        input_file_id=r[10],
        output_file_id=r[11],
        error_file_id=r[12],
        message=r[13],
    )


class BatchBook:
    """The batches of one results store (``ResultStore.connection()`` of the calling thread)."""

    def __init__(self, store) -> None:
        self.store = store

    def _conn(self):
        return self.store.connection()

    def add(self, record: BatchRecord, mapped: Iterable[Mapped]) -> None:
        """A new batch and its request map in ONE commit: neither exists without the other."""
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(
                f"INSERT OR REPLACE INTO batches ({_COLS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", _values(record)
            )
            conn.executemany(
                "INSERT OR REPLACE INTO batch_requests (batch_id, custom_id, run_id, row_id, request_key,"
                " model, passages) VALUES (?,?,?,?,?,?,?)",
                [
                    (record.id, m.custom_id, m.run_id, m.row_id, m.request_key, m.model, _passages_json(m.passages))
                    for m in mapped
                ],
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def join(self, mapped: Iterable[Mapped]) -> int:
        """Rows whose exact request is already in an open batch wait for that batch's answer
        instead of being sent again; returns how many rows joined."""
        open_ids = {b.id: b for b in self.all() if not b.collected}
        conn = self._conn()
        joined = 0
        for m in mapped:
            r = conn.execute(
                "SELECT batch_id, custom_id FROM batch_requests WHERE request_key = ? ORDER BY rowid DESC",
                (m.request_key,),
            ).fetchall()
            target = next((x for x in r if x[0] in open_ids), None)
            if target is None:
                continue
            conn.execute(
                "INSERT OR IGNORE INTO batch_requests (batch_id, custom_id, run_id, row_id, request_key,"
                " model, passages) VALUES (?,?,?,?,?,?,?)",
                (target[0], target[1], m.run_id, m.row_id, m.request_key, m.model, _passages_json(m.passages)),
            )
            joined += 1
        return joined

    def replace(self, old_id: str, record: BatchRecord) -> None:
        """The placeholder ``old_id`` becomes the provider's batch ``record``, its rows with it, in ONE commit."""
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("DELETE FROM batches WHERE id = ?", (old_id,))
            conn.execute(f"INSERT INTO batches ({_COLS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", _values(record))
            conn.execute("UPDATE batch_requests SET batch_id = ? WHERE batch_id = ?", (record.id, old_id))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def drop(self, batch_id: str) -> None:
        """Forget a batch that never reached the provider: its rows are free to be sent again."""
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("DELETE FROM batch_requests WHERE batch_id = ?", (batch_id,))
            conn.execute("DELETE FROM batches WHERE id = ?", (batch_id,))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def update(self, record: BatchRecord) -> None:
        self._conn().execute(
            "UPDATE batches SET status = ?, total = ?, completed = ?, failed = ?, expires_at = ?, finished_at = ?,"
            " output_file_id = ?, error_file_id = ?, message = ?, collected = ? WHERE id = ?",
            (
                record.status,
                record.total,
                record.completed,
                record.failed,
                record.expires_at,
                record.finished_at,
                record.output_file_id,
                record.error_file_id,
                record.message,
                int(record.collected),
                record.id,
            ),
        )

    def get(self, batch_id: str) -> BatchRecord | None:
        r = self._conn().execute(f"SELECT {_COLS} FROM batches WHERE id = ?", (batch_id,)).fetchone()
        return _record(r) if r else None

    def all(self) -> list[BatchRecord]:
        """Every batch, newest first."""
        return [_record(r) for r in self._conn().execute(f"SELECT {_COLS} FROM batches ORDER BY rowid DESC")]

    def open_keys(self) -> set[str]:
        """Request hashes waiting in a batch not yet collected: an online run or a new batch leaves them be."""
        rows = (
            self._conn()
            .execute(
                "SELECT DISTINCT q.request_key FROM batch_requests q JOIN batches b"
                " ON b.id = q.batch_id WHERE b.collected = 0"
            )
            .fetchall()
        )
        return {r[0] for r in rows}

    def mapped(self, batch_id: str) -> list[Mapped]:
        rows = (
            self._conn()
            .execute(
                "SELECT custom_id, run_id, row_id, request_key, model, passages FROM"
                " batch_requests WHERE batch_id = ? ORDER BY rowid",
                (batch_id,),
            )
            .fetchall()
        )
        return [
            Mapped(r[0], r[1], r[2], r[3], r[4], tuple(Passage(**p) for p in json.loads(r[5] or "[]"))) for r in rows
        ]

    def runs_waiting(self) -> set[int]:
        """Runs with rows in a batch not yet collected."""
        rows = (
            self._conn()
            .execute(
                "SELECT DISTINCT q.run_id FROM batch_requests q JOIN batches b"
                " ON b.id = q.batch_id WHERE b.collected = 0"
            )
            .fetchall()
        )
        return {r[0] for r in rows}

    def waiting_rows(self, run_id: int) -> set[str]:
        """Rows of a run waiting in a batch not yet collected: an online run leaves them be."""
        rows = (
            self._conn()
            .execute(
                "SELECT q.row_id FROM batch_requests q JOIN batches b ON b.id = q.batch_id"
                " WHERE b.collected = 0 AND q.run_id = ?",
                (run_id,),
            )
            .fetchall()
        )
        return {r[0] for r in rows}

    def run_batches(self, run_id: int) -> list[BatchRecord]:
        ids = {
            r[0]
            for r in self._conn().execute("SELECT DISTINCT batch_id FROM batch_requests WHERE run_id = ?", (run_id,))
        }
        return [b for b in self.all() if b.id in ids]


def _passages_json(passages: Sequence[Passage]) -> str:
    return passages_to_json(passages) if passages else "[]"
