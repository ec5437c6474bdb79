"""project.json under two writers, a full disk and hand edits: nothing lost, nothing half-written."""

from __future__ import annotations

import errno
import json
import threading

import pytest

from desktop_app.cli import main
from desktop_app.core.errors import ProjectError
from desktop_app.core.project import folder
from desktop_app.core.project.folder import Project


def _disk(project: Project) -> dict:
    return json.loads((project.root / "project.json").read_text(encoding="utf-8"))


def test_two_writers_editing_different_sections_keep_both_changes(tmp_path):
    """A window with the project open and a CLI command that both save lose neither change."""
    Project.create(tmp_path / "p")
    window = Project.open(tmp_path / "p")
    cli = Project.open(tmp_path / "p")
    cli.set_section("checks", [{"id": "token_f1", "kind": "token_f1", "family": "content"}])
    window.set_section("target_pass_rate", 0.8)  # the window saved without knowing of the CLI's change
    on_disk = _disk(window)
    assert on_disk["target_pass_rate"] == 0.8 and on_disk["checks"][0]["id"] == "token_f1"
    assert window.data["checks"] == on_disk["checks"]  # the window now holds the CLI's change too


def test_concurrent_saves_from_two_threads_never_lose_an_update(tmp_path):
    """Twenty rounds of two writers saving at once (each its own section): every last value is on disk."""
    Project.create(tmp_path / "p")
    errors = []

    def writer(section: str) -> None:
        try:
            for i in range(20):
                p = Project.open(tmp_path / "p")
                p.set_section(section, f"{section}-{i}")
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(name,)) for name in ("notes", "name")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    on_disk = _disk(Project.open(tmp_path / "p"))
    assert (on_disk["notes"], on_disk["name"]) == ("notes-19", "name-19")


def test_reload_takes_outside_changes_and_keeps_unsaved_edits(tmp_path):
    """The window's reload shows what a CLI changed and keeps what the user has not saved yet."""
    Project.create(tmp_path / "p")
    window = Project.open(tmp_path / "p")
    window.set_section("notes", "typed in the window", save=False)
    Project.open(tmp_path / "p").set_section("prices", {"m": {"input": 1.0, "output": 2.0}})
    assert window.reload() == {"prices"}
    assert window.data["prices"]["m"]["input"] == 1.0 and window.data["notes"] == "typed in the window"
    assert window.reload() == set()  # nothing new outside
    window.save()
    assert _disk(window)["notes"] == "typed in the window" and _disk(window)["prices"]["m"]["output"] == 2.0


def test_a_full_disk_gives_a_plain_error_and_leaves_the_file_as_it_was(tmp_path, monkeypatch, capsys):
    """Saving on a full disk says so with what to do, and project.json keeps its last good content."""
    project = Project.create(tmp_path / "p", name="before")
    before = (project.root / "project.json").read_text(encoding="utf-8")

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(folder.os, "fsync", full)
    project.data["name"] = "after"
    with pytest.raises(ProjectError) as err:
        project.save()
    assert err.value.details["kind"] == "disk_full" and "Free some disk space" in err.value.hint
    assert (project.root / "project.json").read_text(encoding="utf-8") == before
    assert not [p for p in project.root.iterdir() if p.name.endswith(".tmp")]  # no half-written temp file
    code = main(["connect", str(project.root), "--preset", "offline"])
    err = capsys.readouterr().err
    assert code == 2 and "is full" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "section, value, word",
    [
        ("checks", "token_f1", "a list"),
        ("connection", ["openai"], "a set of named values"),
        ("target_pass_rate", "90%", "a number"),
        ("target_pass_rate", True, "a number"),
    ],
)
def test_a_wrong_typed_section_is_named_with_how_to_fix_it(tmp_path, capsys, section, value, word):
    """A hand edit that gives a section the wrong type is a plain error naming the section, not a traceback."""
    project = Project.create(tmp_path / "p")
    data = _disk(project)
    data[section] = value
    (project.root / "project.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProjectError) as err:
        Project.open(project.root)
    assert f'"{section}"' in str(err.value) and word in str(err.value) and err.value.details["section"] == section
    assert main(["advise", str(project.root)]) == 2
    assert section in capsys.readouterr().err


def test_a_full_disk_mid_run_stops_with_a_plain_error_and_keeps_finished_answers(
    tmp_path, scripted_server, monkeypatch, capsys
):
    """The disk filling up during `run` ends it with exit 2 and one plain line; answers saved before stay."""
    import sqlite3

    from desktop_app.core.run.store import ResultStore
    from tests.core.e2e_support import facts, new_project

    root = new_project(tmp_path, scripted_server, facts(8))
    real, calls = ResultStore.store_answer, []

    def filling(self, *args, **kwargs):
        calls.append(1)
        if len(calls) > 3:
            raise sqlite3.OperationalError("database or disk is full")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(ResultStore, "store_answer", filling)
    capsys.readouterr()
    code = main(["run", str(root), "--yes", "--concurrency", "1", "--variants", "baseline"])
    err = capsys.readouterr().err
    assert code == 2 and "disk is full" in err and "Traceback" not in err
    with ResultStore(root / "results.sqlite") as store:
        assert len(store.results(store.runs()[0].id)) == 3


def test_a_results_file_removed_during_a_run_stops_it_with_an_error(tmp_path, scripted_server, capsys):
    """results.sqlite moved away mid-run is an error naming the file, never a run reported as complete."""
    from tests.core.e2e_support import facts, new_project

    root = new_project(tmp_path, scripted_server, facts(8))
    answered = []

    def rule(request: dict) -> str:
        answered.append(1)
        if len(answered) == 3:
            (root / "results.sqlite").rename(tmp_path / "moved.sqlite")
        return "I do not know."

    scripted_server.chat_rule = rule
    capsys.readouterr()
    code = main(["run", str(root), "--yes", "--concurrency", "1", "--variants", "baseline"])
    err = capsys.readouterr().err
    assert code == 2 and "results.sqlite was removed or replaced" in err


def test_new_after_a_killed_new_starts_the_project_again_and_says_so(tmp_path, capsys):
    """`new` killed mid-import left project.json and a temp file: running it again works and tells the user."""
    data = tmp_path / "set.csv"
    data.write_text("question,answer\nWhat is 2+2?,4\nCapital of France?,Paris\n", encoding="utf-8")
    left = Project.create(tmp_path / "p")  # what a kill right after creating the folder leaves
    (left.data_dir / ".rows.abc.tmp").write_text('{"id": "1"', encoding="utf-8")
    assert main(["new", str(tmp_path / "p"), "--dataset", str(data)]) == 0
    captured = capsys.readouterr()
    assert "interrupted `new`" in captured.err and "Rows: 2" in captured.out
    assert not list((tmp_path / "p" / "data").glob(".rows.*.tmp"))
    assert main(["new", str(tmp_path / "p"), "--dataset", str(data)]) == 2  # a real project is never replaced
    assert "already exists" in capsys.readouterr().err


def test_temp_files_of_a_killed_import_are_removed_when_the_project_is_opened(tmp_path):
    """A stale temp file from a killed import or save goes on the next open; one being written stays."""
    import os
    import time

    project = Project.create(tmp_path / "p")
    stale, fresh = project.data_dir / ".rows.old.tmp", project.data_dir / ".rows.new.tmp"
    for path in (stale, fresh, project.root / ".project.json.x.tmp"):
        path.write_text("partial", encoding="utf-8")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    os.utime(project.root / ".project.json.x.tmp", (old, old))
    Project.open(project.root)
    assert not stale.exists() and fresh.exists() and not (project.root / ".project.json.x.tmp").exists()
