"""The results store: runs, per-row results and the request cache in results.sqlite."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from desktop_app.core.errors import ProjectError
from desktop_app.core.records import Passage, RowResult, Verdict
from desktop_app.core.run.store import SCHEMA_VERSION, ResultStore


def _result(run_id: int, row_id: str, output: str | None = "ok", **kw) -> RowResult:
    return RowResult(run_id=run_id, row_id=row_id, output=output, **kw)


def test_schema_is_versioned_and_in_wal_mode(tmp_path):
    """The file says which schema it has and lets the ui read while a run writes (WAL)."""
    path = tmp_path / "results.sqlite"
    ResultStore(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"runs", "results", "request_cache"} <= tables


def test_store_from_a_newer_app_is_refused_with_a_hint(tmp_path):
    """Results written by a newer app are not misread: a clear error says to update."""
    path = tmp_path / "results.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(ProjectError, match="newer version"):
        ResultStore(path)


def test_damaged_file_is_a_project_error(tmp_path):
    """A results file that is not SQLite gives a plain message, not a traceback."""
    path = tmp_path / "results.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(ProjectError, match="cannot be opened"):
        ResultStore(path)


def test_results_round_trip_with_passages_and_verdicts(tmp_path):
    """Everything a row produced comes back as it was stored, as records."""
    with ResultStore(tmp_path / "r.sqlite") as store:
        run = store.create_run("rag", ("instructions", "rag"), model="m", variant={"k": 1}, fingerprint="fp")
        res = _result(
            run.id,
            "r1",
            "日本語の答え",
            error=None,
            latency_s=0.25,
            tokens_in=10,
            tokens_out=3,
            cost=0.01,
            attempts=2,
            passages=(Passage("text", "a.pdf", 3, 1, 0.5, "c1"),),
            verdicts=(Verdict("token_f1", "content", True, 0.9, "f1"),),
        )
        store.add_result(res)
        assert store.results(run.id) == [res]
        assert store.run(run.id).techniques == ("instructions", "rag") and store.run(run.id).variant == {"k": 1}
        assert store.find_run("rag", "fp").id == run.id and store.find_run("rag", "other") is None


def test_result_is_committed_at_once_and_visible_to_another_connection(tmp_path):
    """A stored row is on disk immediately: a second reader (the ui) sees it without a close."""
    path = tmp_path / "r.sqlite"
    writer = ResultStore(path)
    run = writer.create_run("b", ())
    writer.add_result(_result(run.id, "r1"))
    reader = sqlite3.connect(path)
    assert reader.execute("SELECT row_id FROM results").fetchall() == [("r1",)]
    writer.close()


def test_one_row_per_run_and_row_a_retry_replaces_an_error(tmp_path):
    """A row retried after an error keeps one result (the newest), never two."""
    with ResultStore(tmp_path / "r.sqlite") as store:
        run = store.create_run("b", ())
        store.add_result(_result(run.id, "r1", None, error="timeout"))
        assert store.finished_row_ids(run.id) == set() and store.count_results(run.id) == (1, 1)
        store.add_result(_result(run.id, "r1", "fixed"))
        assert [r.output for r in store.results(run.id)] == ["fixed"]
        assert store.finished_row_ids(run.id) == {"r1"}


def test_answer_and_cache_entry_are_written_together(tmp_path):
    """An answer is cached in the same commit that stores the row: one never exists without the other."""
    with ResultStore(tmp_path / "r.sqlite") as store:
        run = store.create_run("b", ())
        store.store_answer(_result(run.id, "r1", "hello", tokens_in=5, tokens_out=1, latency_s=0.3), "key1", model="m")
        hit = store.cache_get("key1")
        assert (hit.response, hit.tokens_in, hit.tokens_out, hit.latency_s) == ("hello", 5, 1, 0.3)
        store.store_answer(_result(run.id, "r2", None, error="timeout"), "key2")
        assert store.cache_get("key2") is None  # failures are never cached
        assert store.cached_keys(["key1", "key2", "key3"]) == {"key1"}


def test_imported_run_is_all_or_nothing(tmp_path):
    """A failed import leaves no run behind; a re-import replaces the old one in one step."""
    with ResultStore(tmp_path / "r.sqlite") as store:
        first = store.add_complete_run("ext", ("rag",), [_result(0, "r1"), _result(0, "r2")])
        bad = [_result(0, "r1"), RowResult(run_id=0, row_id=None, output="x")]  # type: ignore[arg-type]
        with pytest.raises(sqlite3.IntegrityError):
            store.add_complete_run("ext", ("rag",), bad, replaces=first.id)
        assert [r.id for r in store.runs()] == [first.id] and len(store.results(first.id)) == 2
        second = store.add_complete_run("ext", ("rag",), [_result(0, "r3")], replaces=first.id)
        assert [r.id for r in store.runs()] == [second.id]
        assert [r.row_id for r in store.results(second.id)] == ["r3"] and second.imported


def test_readers_in_other_threads_while_one_thread_writes(tmp_path):
    """The ui can read the leaderboard from its thread while the run thread keeps writing."""
    store = ResultStore(tmp_path / "r.sqlite")
    run = store.create_run("b", ())
    errors: list[BaseException] = []
    seen: dict[int, list[int]] = {0: [], 1: []}

    def read(i: int) -> None:
        try:
            for _ in range(50):
                seen[i].append(len(store.results(run.id)))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    readers = [threading.Thread(target=read, args=(i,)) for i in range(2)]
    for t in readers:
        t.start()
    for i in range(200):
        store.add_result(_result(run.id, f"r{i}"))
    for t in readers:
        t.join()
    assert not errors
    assert all(counts == sorted(counts) and len(counts) == 50 for counts in seen.values())  # never goes back
    assert len(store.results(run.id)) == 200
    store.close()


def test_delete_run_removes_its_results(tmp_path):
    """Deleting a run leaves no orphan rows behind."""
    with ResultStore(tmp_path / "r.sqlite") as store:
        run = store.create_run("b", ())
        store.add_result(_result(run.id, "r1"))
        store.delete_run(run.id)
        assert store.runs() == [] and store.results(run.id) == []


def test_a_store_from_the_previous_version_is_upgraded_in_place(tmp_path):
    """Results stored by the previous app version open, keep their costs, and can record an unknown price."""
    from desktop_app.core.run import batch_table, reviews, store_sql

    path = tmp_path / "results.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(
        store_sql.SCHEMA.replace("    cost_known INTEGER NOT NULL DEFAULT 1,\n", "")
        .replace("    tokens_sent INTEGER NOT NULL DEFAULT 0,\n", "")
        .replace(reviews.TABLE + ";", "")
        .replace(batch_table.TABLES + ";", "")
        + "PRAGMA user_version = 1;"
    )
    conn.execute("INSERT INTO runs (name, created_at) VALUES ('old', 'then')")
    conn.execute("INSERT INTO results (run_id, row_id, output, cost, created_at) VALUES (1, 'a', 'x', 0.25, 'then')")
    conn.commit()
    conn.close()
    with ResultStore(path) as store:
        assert [r.cost for r in store.results(1)] == [0.25]
        store.add_result(_result(1, "b", cost=None))
        assert {r.row_id: r.cost for r in store.results(1)} == {"a": 0.25, "b": None}
        store.set_review(1, "a", "x", "wrong")  # version 3: a person's reviews
        assert [v.check for v in store.results(1)[0].verdicts] == ["review"]
        assert batch_table.BatchBook(store).all() == []  # version 4: submitted batches
        assert store.results(1)[0].tokens_sent == 0  # version 5: unknown for answers stored before
        store.add_result(_result(1, "c", tokens_in=2000, tokens_sent=6000))
        assert [r.read_short for r in store.results(1)] == [False, False, True]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
