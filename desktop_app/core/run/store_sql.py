"""results.sqlite's tables and the SQL the store writes and reads them with: the schema and its
migrations (one step per version), a result's row as stored (``result_params``) and as read back
(``row_result``), and a cached answer (``CachedResponse``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Iterable

from desktop_app.core.records import RowResult
from desktop_app.core.run import batch_table, reviews
from desktop_app.core.run.store_codec import (
    now_iso,
    passages_from_json,
    passages_to_json,
    verdicts_from_json,
    verdicts_to_json,
)

SCHEMA_VERSION = 5  # 2: results.cost_known (an unknown price is not $0); 3: a person's reviews; 4: batches;
# 5: results.tokens_sent (our count of the prompt sent: a server that counted far fewer cut it)

SCHEMA = (
    """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    techniques TEXT NOT NULL DEFAULT '[]',
    model TEXT NOT NULL DEFAULT '',
    variant TEXT NOT NULL DEFAULT '{}',
    imported INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'running',
    created_at TEXT NOT NULL,
    finished_at TEXT,
    fingerprint TEXT NOT NULL DEFAULT '',
    checks_sig TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS runs_name ON runs(name, fingerprint);
CREATE TABLE IF NOT EXISTS results (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    row_id TEXT NOT NULL,
    output TEXT,
    error TEXT,
    latency_s REAL,
    tokens_in INTEGER NOT NULL DEFAULT 0,
    tokens_out INTEGER NOT NULL DEFAULT 0,
    cost REAL NOT NULL DEFAULT 0,
    cost_known INTEGER NOT NULL DEFAULT 1,
    cached INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 1,
    passages TEXT NOT NULL DEFAULT '[]',
    verdicts TEXT NOT NULL DEFAULT '[]',
    request_key TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    tokens_sent INTEGER NOT NULL DEFAULT 0,
    UNIQUE(run_id, row_id)
);
CREATE TABLE IF NOT EXISTS request_cache (
    key TEXT PRIMARY KEY,
    model TEXT NOT NULL DEFAULT '',
    response TEXT NOT NULL,
    tokens_in INTEGER NOT NULL DEFAULT 0,
    tokens_out INTEGER NOT NULL DEFAULT 0,
    latency_s REAL,
    created_at TEXT NOT NULL
);
"""
    + reviews.TABLE
    + ";"
    + batch_table.TABLES
    + ";"
)
# Each step brings a store of the version before it up to the next one.
MIGRATIONS = {
    1: "ALTER TABLE results ADD COLUMN cost_known INTEGER NOT NULL DEFAULT 1;",
    2: reviews.TABLE + ";",
    3: batch_table.TABLES + ";",
    4: "ALTER TABLE results ADD COLUMN tokens_sent INTEGER NOT NULL DEFAULT 0;",
}

RESULT_COLS = (
    "run_id, row_id, output, error, latency_s, tokens_in, tokens_out, cost, cached, "
    "attempts, passages, verdicts, cost_known, tokens_sent"
)
UPSERT = (
    "INSERT INTO results (run_id, row_id, output, error, latency_s, tokens_in, tokens_out, cost, cached,"
    " attempts, passages, verdicts, request_key, created_at, cost_known, tokens_sent)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
    " ON CONFLICT(run_id, row_id) DO UPDATE SET output=excluded.output, error=excluded.error,"
    " latency_s=excluded.latency_s, tokens_in=excluded.tokens_in, tokens_out=excluded.tokens_out,"
    " cost=excluded.cost, cost_known=excluded.cost_known, cached=excluded.cached, attempts=excluded.attempts,"
    " passages=excluded.passages,"
    " verdicts=excluded.verdicts, request_key=excluded.request_key, created_at=excluded.created_at,"
    " tokens_sent=excluded.tokens_sent"
)


def inserted_id(cur: sqlite3.Cursor) -> int:
    row_id = cur.lastrowid
    assert row_id is not None  # set by every successful INSERT; None only before one
    return row_id


@dataclass(frozen=True)
class CachedResponse:
    """A model answer kept for its exact request, so the same request is never paid twice."""

    key: str
    response: str
    tokens_in: int
    tokens_out: int
    latency_s: float | None
    model: str = ""


def result_params(result: RowResult, request_key: str) -> tuple:
    return (
        result.run_id,
        result.row_id,
        result.output,
        result.error,
        result.latency_s,
        result.tokens_in,
        result.tokens_out,
        result.cost or 0.0,
        int(result.cached),
        result.attempts,
        passages_to_json(result.passages),
        verdicts_to_json(result.verdicts),
        request_key,
        now_iso(),
        int(result.cost is not None),
        result.tokens_sent,
    )


def row_result(r) -> RowResult:
    """A row of ``SELECT RESULT_COLS`` as the RowResult it was stored from."""
    return RowResult(
        run_id=r[0],
        row_id=r[1],
        output=r[2],
        error=r[3],
        latency_s=r[4],
        tokens_in=r[5],
        tokens_out=r[6],
        cost=r[7] if r[12] else None,
        cached=bool(r[8]),
        attempts=r[9],
        passages=passages_from_json(r[10]),
        verdicts=verdicts_from_json(r[11]),
        tokens_sent=r[13] or 0,
    )


# -- the request cache: one answer per exact request, so the same request is never paid twice --
def cache_lookup(conn: sqlite3.Connection, key: str) -> CachedResponse | None:
    r = conn.execute(
        "SELECT key, response, tokens_in, tokens_out, latency_s, model FROM request_cache WHERE key = ?", (key,)
    ).fetchone()
    return CachedResponse(*r) if r else None


def cached_among(conn: sqlite3.Connection, keys: Iterable[str]) -> set[str]:
    keys = list(keys)
    found: set[str] = set()
    for i in range(0, len(keys), 500):  # stay under SQLite's bound-parameter limit
        chunk = keys[i : i + 500]
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in conn.execute(f"SELECT key FROM request_cache WHERE key IN ({marks})", chunk))
    return found


def cache_write(
    conn: sqlite3.Connection,
    key: str,
    response: str,
    tokens_in: int,
    tokens_out: int,
    latency_s: float | None,
    model: str,
) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO request_cache (key, model, response, tokens_in, tokens_out, latency_s, created_at)"
        " VALUES (?,?,?,?,?,?,?)",
        (key, model, response, tokens_in, tokens_out, latency_s, now_iso()),
    )
