"""check-add / check-list / check-remove: the automation contract for a project's checks."""

from __future__ import annotations

import importlib
import json
import sys
import types

import pytest

from desktop_app.cli import COMMAND_MODULES, main
from desktop_app.core.checks import evaluate_row, project_checks
from desktop_app.core.errors import DataError
from desktop_app.core.project.folder import Project
from desktop_app.core.records import Row


@pytest.fixture
def project(tmp_path):
    return Project.create(tmp_path / "proj")


def _load_cli() -> None:
    """Load every command module first, so faking the datasets module below fakes it only for
    the checks' lazy look-up, not for the CLI modules that import it at load time."""
    for name in COMMAND_MODULES:
        importlib.import_module(name)


_load_cli()


@pytest.fixture
def no_datasets(monkeypatch):
    """As if the datasets module were not built yet: inference must be skipped, not crash."""
    monkeypatch.setitem(sys.modules, "desktop_app.core.data.rows", None)


def fake_datasets(monkeypatch, answers=None, error=None):
    module = types.ModuleType("desktop_app.core.data.rows")

    def load_rows(project):
        if error:
            raise error
        rows = [Row(f"r{i}", f"q{i}", a) for i, a in enumerate(answers)]
        return rows[:-1], rows[-1:]

    module.load_rows = load_rows
    monkeypatch.setitem(sys.modules, "desktop_app.core.data.rows", module)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_remove_round_trip(project, capsys, no_datasets):
    """Checks added on the command line are stored, listed, and removed by id."""
    root = str(project.root)
    assert run(capsys, "check-add", root, "regex", r"^\d{3}-\d{4}$")[:2] == (0, "added regex\n")
    assert run(capsys, "check-add", root, "regex", "保証")[1] == "added regex-2\n"
    assert run(capsys, "check-add", root, "token-f1", "--threshold", "0.7")[1] == "added token_f1\n"
    assert run(capsys, "check-add", root, "must-not-include", "申し訳")[0] == 0
    assert run(capsys, "check-add", root, "language", "ja")[0] == 0

    code, out, _ = run(capsys, "check-list", root, "--json")
    listed = json.loads(out)
    assert code == 0 and [c["id"] for c in listed] == ["regex", "regex-2", "token_f1", "must_not_include", "language"]
    assert listed[2]["params"] == {"threshold": 0.7} and listed[2]["family"] == "content"
    assert json.loads((project.root / "project.json").read_text("utf-8"))["checks"] == listed

    code, out, _ = run(capsys, "check-list", root)
    assert code == 0 and "regex-2\tbehaviour\tregex\t保証\t-\tuser" in out.splitlines()

    assert run(capsys, "check-remove", root, "regex-2")[:2] == (0, "removed regex-2\n")
    stored = [c["id"] for c in Project.open(root).section("checks")]
    assert stored == ["regex", "token_f1", "must_not_include", "language"]

    specs, _ = project_checks(Project.open(root))  # what a run would score with
    verdicts = {v.check: v.passed for v in evaluate_row(specs, Row("1", "q", "123-4567"), "123-4567")}
    assert verdicts == {"regex": True, "token_f1": True, "must_not_include": True, "language": True}


@pytest.mark.parametrize(
    "argv",
    [
        ["regex", "([a-z]"],
        ["json-schema", '{"type": "objec"}'],
        ["max-chars", "many"],
        ["language", "klingon"],
        ["frobnicate"],
        ["token-f1", "--threshold", "2"],
        ["regex", "a", "--allow-fence"],
    ],
)
def test_bad_input_exits_2_with_one_line_and_stores_nothing(project, capsys, no_datasets, argv):
    """A bad check is refused with exit 2 and one line on stderr; the project is unchanged."""
    before = (project.root / "project.json").read_text("utf-8")
    code, out, err = run(capsys, "check-add", str(project.root), *argv)
    assert code == 2 and out == "" and err.startswith("error: ") and err.count("\n") == 1
    assert (project.root / "project.json").read_text("utf-8") == before


def test_remove_unknown_id_and_missing_project_exit_2(project, tmp_path, capsys, no_datasets):
    """Removing a check that does not exist, or using a folder with no project, exits 2."""
    code, _, err = run(capsys, "check-remove", str(project.root), "nope")
    assert code == 2 and "nope" in err
    assert run(capsys, "check-list", str(tmp_path / "nowhere"))[0] == 2


def test_adding_again_updates_instead_of_duplicating(project, capsys, no_datasets):
    """Re-running the same check-add is harmless; a new limit replaces the old one."""
    root = str(project.root)
    run(capsys, "check-add", root, "max-chars", "100")
    assert run(capsys, "check-add", root, "max-chars", "200")[1] == "updated max_chars\n"
    assert run(capsys, "check-add", root, "max-chars", "200")[1] == "unchanged max_chars\n"
    assert run(capsys, "check-add", root, "must-include", "保証")[1] == "added must_include\n"
    assert run(capsys, "check-add", root, "must-include", "保証")[1] == "unchanged must_include\n"
    specs = Project.open(root).section("checks")
    assert [(c["id"], c["value"]) for c in specs] == [("max_chars", "200"), ("must_include", "保証")]


def test_first_add_starts_from_inferred_defaults(project, capsys, monkeypatch):
    """The first check added to a project with data keeps the checks inferred from its answers."""
    fake_datasets(monkeypatch, ["1年間です", "はい", "東京都", "無料です", "3営業日以内"])
    root = str(project.root)
    code, out, _ = run(capsys, "check-list", root)
    assert code == 0 and "not saved yet" in out and "contains\tcontent" in out
    code, out, _ = run(capsys, "check-add", root, "must-include", "です")
    assert code == 0 and out.splitlines() == [
        "inferred contains",
        "inferred judge",
        "inferred language",
        "added must_include",
    ]
    stored = Project.open(root).section("checks")
    assert [(c["id"], c["inferred"]) for c in stored] == [
        ("contains", True),
        ("judge", True),
        ("language", True),
        ("must_include", False),
    ]
    # Confirming an inferred check makes it the user's own, same id, no duplicate.
    assert run(capsys, "check-add", root, "language", "ja")[1] == "updated language\n"
    assert [c["inferred"] for c in Project.open(root).section("checks")] == [True, True, False, False]
    # The judge's own settings: every row, by a stronger model than the one under test.
    assert run(capsys, "check-add", root, "judge", "--mode", "all", "--judge-model", "gpt-4o")[1] == "updated judge\n"
    judge = next(c for c in Project.open(root).section("checks") if c["id"] == "judge")
    assert judge["params"] == {"mode": "all", "model": "gpt-4o"} and not judge["inferred"]
    assert "mode=all,model=gpt-4o" in run(capsys, "check-list", root)[1]
    assert run(capsys, "check-add", root, "contains", "--mode", "all")[0] == 2


def test_json_schema_from_file_and_allow_fence(project, tmp_path, capsys, no_datasets):
    """A long schema can be given as @file; --allow-fence accepts fenced JSON answers."""
    schema = tmp_path / "schema.json"
    schema.write_text('{"type": "object", "required": ["answer"]}', encoding="utf-8")
    assert run(capsys, "check-add", str(project.root), "json-schema", f"@{schema}", "--allow-fence")[0] == 0
    (spec,), _ = project_checks(Project.open(project.root))
    assert spec.params == {"allow_fence": True}
    fenced = '```json\n{"answer": "東京"}\n```'
    assert [v.passed for v in evaluate_row([spec], Row("1", "q", "東京"), fenced)] == [True]
    assert run(capsys, "check-add", str(project.root), "json-schema", f"@{tmp_path / 'missing.json'}")[0] == 2


@pytest.mark.parametrize("error", [DataError("No dataset imported yet.", "Import one."), None])
def test_no_inference_without_data(project, capsys, monkeypatch, error):
    """Without a dataset (or its module) the first check is simply added on its own."""
    if error is None:
        monkeypatch.setitem(sys.modules, "desktop_app.core.data.rows", None)
    else:
        fake_datasets(monkeypatch, error=error)
    assert run(capsys, "check-add", str(project.root), "json")[1] == "added json\n"
    assert [c["id"] for c in Project.open(project.root).section("checks")] == ["json"]


def test_reading_results_never_writes_and_a_check_edit_rescores_explicitly(tmp_path, scripted_server, capsys):
    """Looking at results or advice leaves results.sqlite untouched; adding a check rewrites its verdicts."""
    import hashlib

    from tests.core.test_engine_commands import _project

    project = _project(tmp_path, scripted_server, rows=3)
    assert main(["run", str(project), "--yes"]) == 0
    db = project / "results.sqlite"

    def digest() -> str:
        import sqlite3

        with sqlite3.connect(db) as conn:
            return hashlib.sha256(
                repr(conn.execute("SELECT run_id, row_id, verdicts FROM results ORDER BY row_id").fetchall()).encode()
            ).hexdigest()

    before = digest()
    Project.open(project).set_section("checks", [{"kind": "regex", "id": "regex", "value": "^zzz"}])  # by hand
    capsys.readouterr()
    assert main(["results", str(project), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["behaviour_score"] == 0.0
    assert main(["advise", str(project), "--json"]) == 0
    assert digest() == before  # shown with the new check, stored as it was
    assert main(["check-add", str(project), "must-include", "answer"]) == 0
    assert digest() != before  # the explicit step stored the verdicts of the edited checks
