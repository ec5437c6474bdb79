"""The project's results store: results.sqlite with runs, per-row results and a request cache.

Every result is committed the moment it completes, so a crash or a SIGKILL loses at most the
requests that were in flight. WAL mode lets the ui read while a run writes: one writer
connection plus any number of readers; each thread gets its own connection (sqlite3
connections must not be shared across threads). ``synchronous=NORMAL`` in WAL survives a
killed process (the OS has the pages); only a power cut can drop the last commits.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from dataclasses import replace as dc_replace
from pathlib import Path
from typing import Iterable

from desktop_app.core.run import reviews
from desktop_app.core.run.store_codec import (
    now_iso,
    passages_to_json,  # noqa: F401
    verdicts_to_json,
)
from desktop_app.core.run.store_sql import (
    MIGRATIONS,
    RESULT_COLS,
    SCHEMA,
    SCHEMA_VERSION,
    UPSERT,
    CachedResponse,
    cache_lookup,
    cache_write,
    cached_among,
    inserted_id,
    result_params,
    row_result,
)
from desktop_app.core.errors import ProjectError
from desktop_app.core.records import RowResult, RunInfo, Verdict
from desktop_app.core.phrases import phrase, translate


class ResultStore:
    """results.sqlite of one project. Usable from several threads: each gets its own connection."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._conn()  # create / check the schema now, so a bad file fails at open, not mid-run
        self._identity = self._file_identity()

    def _file_identity(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return st.st_dev, st.st_ino

    def ensure_present(self) -> None:
        """Raise ProjectError when results.sqlite was deleted or replaced since it was opened: SQLite
        would go on writing into the removed file and every answer from then on would be lost."""
        if self._identity is not None and self._file_identity() != self._identity:
            raise ProjectError(
                phrase(
                    translate(
                        "ProjectErrors",
                        "{name} was removed or replaced while the app was "
                        "writing to it; the answers since then could not be "
                        "kept.",
                    ),
                    name=self.path.name,
                ),
                translate(
                    "ProjectErrors",
                    "Restore the file if it was moved (or start again: finished "
                    "answers in the restored file are not paid again), and do "
                    "not move project files during a run.",
                ),
                details={"kind": "results_vanished"},
            )

    # -- connections -----------------------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            # Each thread uses its own connection; check_same_thread=False only lets close() reach them all.
            conn = sqlite3.connect(self.path, timeout=10.0, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout = 10000")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise ProjectError(
                phrase(
                    translate("ProjectErrors", "The results store {path} cannot be opened ({problem})."),
                    path=self.path,
                    problem=exc,
                ),
                translate("ProjectErrors", "Restore results.sqlite from a backup, or move it away to start afresh."),
            ) from exc
        if version > SCHEMA_VERSION:
            conn.close()
            raise ProjectError(
                phrase(
                    translate("ProjectErrors", "The results store {name} was written by a newer version of the app."),
                    name=self.path.name,
                ),
                translate("ProjectErrors", "Update LLM Path Advisor to open these results."),
            )
        if version < SCHEMA_VERSION:
            self._upgrade(conn)
        self.journal_mode = str(mode).lower()  # "wal" except on file systems without shared memory
        self._local.conn = conn
        with self._lock:
            self._all.append(conn)
        return conn

    @staticmethod
    def _upgrade(conn: sqlite3.Connection) -> None:
        """Create or migrate the schema in one transaction: a kill midway leaves no half schema."""
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]  # another process may have done it
            if version < SCHEMA_VERSION:
                steps = SCHEMA if version == 0 else "".join(MIGRATIONS[v] for v in range(version, SCHEMA_VERSION))
                for statement in filter(str.strip, steps.split(";")):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def connection(self) -> sqlite3.Connection:
        """This thread's connection, for the tables kept beside the results (batch_table)."""
        return self._conn()

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                try:
                    conn.close()
                except sqlite3.Error:
                    pass
            self._all.clear()
        self._local = threading.local()

    def __enter__(self) -> "ResultStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- runs ------------------------------------------------------------------------------
    def create_run(
        self,
        name: str,
        techniques: Iterable[str],
        *,
        model: str = "",
        variant: dict | None = None,
        imported: bool = False,
        fingerprint: str = "",
        status: str = "running",
    ) -> RunInfo:
        cur = self._conn().execute(
            "INSERT INTO runs (name, techniques, model, variant, imported, status, created_at, fingerprint)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (
                name,
                json.dumps(list(techniques)),
                model,
                json.dumps(variant or {}, ensure_ascii=False),
                int(imported),
                status,
                now_iso(),
                fingerprint,
            ),
        )
        return self.run(inserted_id(cur))

    def _run_from(self, r: sqlite3.Row | tuple) -> RunInfo:
        return RunInfo(
            id=r[0],
            name=r[1],
            techniques=tuple(json.loads(r[2])),
            model=r[3],
            variant=json.loads(r[4]),
            imported=bool(r[5]),
            status=r[6],
            created_at=r[7],
        )

    _RUN_COLS = "id, name, techniques, model, variant, imported, status, created_at"

    def run(self, run_id: int) -> RunInfo:
        r = self._conn().execute(f"SELECT {self._RUN_COLS} FROM runs WHERE id = ?", (run_id,)).fetchone()
        if r is None:
            raise KeyError(run_id)
        return self._run_from(r)

    def runs(self) -> list[RunInfo]:
        """All runs in the order they were made (the grid's arrows follow this order)."""
        rows = self._conn().execute(f"SELECT {self._RUN_COLS} FROM runs ORDER BY id").fetchall()
        return [self._run_from(r) for r in rows]

    def runs_named(self, name: str) -> list[RunInfo]:
        rows = self._conn().execute(f"SELECT {self._RUN_COLS} FROM runs WHERE name = ? ORDER BY id", (name,)).fetchall()
        return [self._run_from(r) for r in rows]

    def find_run(self, name: str, fingerprint: str) -> RunInfo | None:
        """The latest model run with this name and these exact settings (the one a re-run resumes)."""
        r = (
            self._conn()
            .execute(
                f"SELECT {self._RUN_COLS} FROM runs WHERE name = ? AND fingerprint = ? AND imported = 0"
                " ORDER BY id DESC LIMIT 1",
                (name, fingerprint),
            )
            .fetchone()
        )
        return self._run_from(r) if r else None

    def fingerprint(self, run_id: int) -> str:
        r = self._conn().execute("SELECT fingerprint FROM runs WHERE id = ?", (run_id,)).fetchone()
        return r[0] if r else ""

    def checks_signature(self, run_id: int) -> str:
        """Which checks the run's verdicts were computed with (see scoring.checks_signature)."""
        r = self._conn().execute("SELECT checks_sig FROM runs WHERE id = ?", (run_id,)).fetchone()
        return r[0] if r else ""

    def set_checks_signature(self, run_id: int, signature: str) -> None:
        self._conn().execute("UPDATE runs SET checks_sig = ? WHERE id = ?", (signature, run_id))

    def set_status(self, run_id: int, status: str) -> None:
        finished = None if status == "running" else now_iso()
        self._conn().execute("UPDATE runs SET status = ?, finished_at = ? WHERE id = ?", (status, finished, run_id))

    def delete_run(self, run_id: int) -> None:
        self._transaction(
            [("DELETE FROM results WHERE run_id = ?", [(run_id,)]), ("DELETE FROM runs WHERE id = ?", [(run_id,)])]
        )

    def add_complete_run(
        self,
        name: str,
        techniques: Iterable[str],
        results: Iterable[RowResult],
        *,
        model: str = "",
        variant: dict | None = None,
        imported: bool = True,
        replaces: int | None = None,
        checks_sig: str = "",
    ) -> RunInfo:
        """A finished run and all its results in ONE transaction (imports: nothing half-imported).

        ``replaces`` names a run deleted in the same transaction (re-importing under one name).
        """
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            if replaces is not None:
                conn.execute("DELETE FROM results WHERE run_id = ?", (replaces,))
                conn.execute("DELETE FROM runs WHERE id = ?", (replaces,))
            stamp = now_iso()
            cur = conn.execute(
                "INSERT INTO runs (name, techniques, model, variant, imported, status, created_at, finished_at,"
                " checks_sig) VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    name,
                    json.dumps(list(techniques)),
                    model,
                    json.dumps(variant or {}, ensure_ascii=False),
                    int(imported),
                    "complete",
                    stamp,
                    stamp,
                    checks_sig,
                ),
            )
            run_id = inserted_id(cur)
            conn.executemany(UPSERT, [result_params(dc_replace(r, run_id=run_id), "") for r in results])
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return self.run(run_id)

    def _transaction(self, statements: list[tuple[str, list[tuple]]]) -> None:
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            for sql, params in statements:
                conn.executemany(sql, params)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    # -- results ---------------------------------------------------------------------------
    def add_result(self, result: RowResult, request_key: str = "") -> None:
        """Store one row's result and commit at once (autocommit): it survives a kill from here on."""
        self._conn().execute(UPSERT, result_params(result, request_key))

    def add_results(self, results: Iterable[RowResult], request_keys: Iterable[str] | None = None) -> None:
        """Store many results in one transaction: all or nothing (used by imports)."""
        results = list(results)
        keys = list(request_keys) if request_keys is not None else [""] * len(results)
        self._transaction([(UPSERT, [result_params(r, k) for r, k in zip(results, keys)])])

    def update_verdicts(
        self, run_id: int, verdicts_by_row: dict[str, tuple[Verdict, ...]], checks_sig: str | None = None
    ) -> None:
        """New verdicts for stored rows (after the checks changed), in one transaction."""
        statements: list[tuple[str, list[tuple]]] = [
            (
                "UPDATE results SET verdicts = ? WHERE run_id = ? AND row_id = ?",
                [(verdicts_to_json(v), run_id, rid) for rid, v in verdicts_by_row.items()],
            )
        ]
        if checks_sig is not None:
            statements.append(("UPDATE runs SET checks_sig = ? WHERE id = ?", [(checks_sig, run_id)]))
        self._transaction(statements)

    def results(self, run_id: int) -> list[RowResult]:
        """The run's results, with the person's verdict on every answer they reviewed."""
        rows = (
            self._conn()
            .execute(f"SELECT {RESULT_COLS} FROM results WHERE run_id = ? ORDER BY rowid", (run_id,))
            .fetchall()
        )
        return reviews.apply(self._conn(), run_id, [row_result(r) for r in rows])

    def set_review(self, run_id: int, row_id: str, output: str | None, label: str | None) -> None:
        """A person's verdict on this answer ("right" / "wrong"; None takes it back)."""
        reviews.set_review(self._conn(), run_id, row_id, output, label)

    def finished_row_ids(self, run_id: int) -> set[str]:
        """Rows with an output; rows that ended in an error are tried again on resume."""
        rows = (
            self._conn().execute("SELECT row_id FROM results WHERE run_id = ? AND error IS NULL", (run_id,)).fetchall()
        )
        return {r[0] for r in rows}

    def request_keys(self, run_id: int) -> dict[str, str]:
        rows = self._conn().execute("SELECT row_id, request_key FROM results WHERE run_id = ?", (run_id,)).fetchall()
        return {r[0]: r[1] for r in rows}

    def count_results(self, run_id: int) -> tuple[int, int]:
        """(rows stored, rows with an error) of a run."""
        r = self._conn().execute("SELECT COUNT(*), COUNT(error) FROM results WHERE run_id = ?", (run_id,)).fetchone()
        return int(r[0]), int(r[1])

    # -- request cache ---------------------------------------------------------------------
    def cache_get(self, key: str) -> CachedResponse | None:
        return cache_lookup(self._conn(), key)

    def cached_keys(self, keys: Iterable[str]) -> set[str]:
        return cached_among(self._conn(), keys)

    def cache_put(
        self,
        key: str,
        response: str,
        *,
        tokens_in: int = 0,
        tokens_out: int = 0,
        latency_s: float | None = None,
        model: str = "",
    ) -> None:
        cache_write(self._conn(), key, response, tokens_in, tokens_out, latency_s, model)

    def store_answer(self, result: RowResult, request_key: str, *, model: str = "") -> None:
        """Cache the answer and store the row in ONE commit, so neither can exist without the other."""
        self.ensure_present()
        conn = self._conn()
        conn.execute("BEGIN")
        try:
            if result.error is None and request_key and not result.cached:
                cache_write(
                    conn, request_key, result.output or "", result.tokens_in, result.tokens_out, result.latency_s, model
                )
            conn.execute(UPSERT, result_params(result, request_key))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
