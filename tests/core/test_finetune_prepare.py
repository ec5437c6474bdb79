"""finetune-prepare: the examples pool as a checked chat-format training file."""

from __future__ import annotations

import json

from desktop_app.cli import main
from desktop_app.core.data.rows import load_rows
from desktop_app.core.finetune import build, findings, limits
from desktop_app.core.project import Project
from desktop_app.core.records import Row
from desktop_app.core.variants.variant import preset
from tests.core.finetune_support import planted_project


def _prepare(capsys, *argv) -> tuple[int, dict | str, str]:
    capsys.readouterr()
    code = main(["finetune-prepare", *map(str, argv)])
    out = capsys.readouterr()
    return code, (json.loads(out.out) if "--json" in argv and code == 0 else out.out), out.err


def test_prepare_writes_valid_chat_jsonl_and_names_the_planted_problems(tmp_path, capsys):
    """The training file is chat JSONL any trainer reads, and the duplicate and the leak are named with their rows."""
    project = planted_project(tmp_path)
    rows, pool = load_rows(Project.open(project))
    assert {"dupA", "dupB", "near1"} <= {r.id for r in pool} and "q5" in {r.id for r in rows}
    out = tmp_path / "train.jsonl"
    code, report, _ = _prepare(capsys, project, out, "--json")
    assert code == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    val = [json.loads(line) for line in build.validation_path(out).read_text(encoding="utf-8").splitlines()]
    assert len(lines) + len(val) == 25 == report["train"] + report["validation"]
    by_input = {r.input: r.expected for r in pool}
    for record in lines + val:
        roles = [m["role"] for m in record["messages"]]
        assert roles == ["system", "user", "assistant"]
        assert record["messages"][2]["content"] == by_input[record["messages"][1]["content"]]
    kinds = {(f["kind"], f["row"]) for f in report["findings"]}
    assert ("duplicate", "dupB") in kinds or ("duplicate", "dupA") in kinds
    leak = next(f for f in report["findings"] if f["kind"] == "near_leak")
    assert (leak["row"], leak["eval_row"]) == ("near1", "q5") and leak["line"] >= 1
    assert not any(f["kind"] == "near_duplicate" for f in report["findings"])  # widget 3 is not widget 4
    assert report["estimate"]["cost"] > 0 and report["estimate"]["epochs"] == 3
    per_example = report["examples"]
    assert len(per_example) == 25 and sum(e["tokens"] for e in per_example) == report["tokens_total"]
    assert max(e["tokens"] for e in per_example) == report["tokens_max"] and report["tokens_limit"] == 65_536


def test_text_output_names_each_finding_with_its_line(tmp_path, capsys):
    """Without --json a person reads one line per finding: severity, kind, file line and row."""
    project = planted_project(tmp_path)
    code, text, _ = _prepare(capsys, project, tmp_path / "t.jsonl")
    assert code == 0 and "wrote " in text and "cost about $" in text
    assert "near_leak: train line" in text and "(row near1)" in text and "eval_row=q5" in text
    assert "warning: too_few: whole set: count=" in text and "(limit 65536)" in text and "longest example: " in text


def test_strict_stops_a_pipeline_on_a_problem(tmp_path, capsys):
    """--strict exits 2 with one line when the set has a problem (here: too few reviewed examples)."""
    project = planted_project(tmp_path)
    code, _, err = _prepare(capsys, project, tmp_path / "t.jsonl", "--reviewed-only", "--strict")
    assert code == 2 and err.count("\n") == 1 and "too_few" in err


def test_a_project_without_examples_pool_is_told_what_to_do(tmp_path, capsys):
    """No examples pool: exit 2 saying to set examples aside under Data."""
    data = tmp_path / "d.csv"
    data.write_text("question,answer\nA?,a\nB?,b\n", encoding="utf-8")
    assert main(["new", str(tmp_path / "p"), "--dataset", str(data)]) == 0
    code, _, err = _prepare(capsys, tmp_path / "p", tmp_path / "t.jsonl")
    assert code == 2 and "no examples pool" in err and "Data" in err


def _examples(pairs) -> list[build.Example]:
    pool = [Row(id=f"e{i}", input=q, expected=a) for i, (q, a) in enumerate(pairs)]
    return list(build.build_training_set(preset("baseline"), pool, validation_share=0).train)


def test_an_exact_leak_and_a_near_duplicate_are_found():
    """An example that is an evaluation question is a problem; a reworded twin is a warning."""
    examples = _examples(
        [("Where is the plant?", "In Tessavik."), ("Where is the  plant ?", "In Tessavik!"), ("Who runs it?", "Maren.")]
        * 1
    )
    found, tokens = findings.validate(examples, [Row(id="x1", input="who runs IT?", expected="Maren")])
    kinds = {(f.kind, f.row_id, f.severity) for f in found}
    assert ("leak", "e2", "problem") in kinds and ("near_duplicate", "e1", "warning") in kinds
    assert ("too_few", "", "problem") in kinds and len(tokens) == 3


def test_malformed_and_empty_lines_of_a_file_are_named(tmp_path):
    """A hand-made file with a broken line, an empty answer or no final answer gets one finding per line."""
    path = tmp_path / "f.jsonl"
    good = {"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]}
    path.write_text(
        "\n".join(
            [
                json.dumps(good),
                "{not json",
                json.dumps({"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": " "}]}),
                json.dumps({"messages": [{"role": "user", "content": "q"}, {"role": "robot", "content": "a"}]}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    examples, found = findings.read_jsonl(path)
    more, _ = findings.validate(examples)
    by_line = {(f.line, f.kind) for f in found + more}
    assert (2, "malformed") in by_line and (3, "empty") in by_line and (4, "malformed") in by_line
    assert not any(line == 1 for line, kind in by_line if kind in ("malformed", "empty"))


def test_long_examples_exceed_the_local_trainers_window():
    """An example over mlx-lm's default sequence length is a warning for the local route, fine for OpenAI."""
    examples = _examples([("word " * 3000, "ok")] + [(f"q{i}", "a") for i in range(12)])
    local, _ = findings.validate(examples, provider="local")
    hosted, _ = findings.validate(examples, provider="openai")
    assert any(f.kind == "too_long" and f.severity == "warning" and f.detail["limit"] == 2048 for f in local)
    assert not any(f.kind == "too_long" for f in hosted)


def test_answers_failing_the_projects_checks_are_flagged(tmp_path, capsys):
    """A behaviour check (here: at most 20 characters) flags the training answers that break it."""
    project = planted_project(tmp_path)
    assert main(["check-add", str(project), "max-chars", "20"]) == 0
    code, report, _ = _prepare(capsys, project, tmp_path / "t.jsonl", "--json")
    failing = [f for f in report["findings"] if f["kind"] == "fails_check"]
    assert code == 0 and failing and all(f["check"].startswith("max_chars") for f in failing)


def test_cost_unknown_stays_unknown_and_the_table_is_editable(tmp_path):
    """A base model without a training price has no cost; adding one to the project's table prices it."""
    project = Project.open(planted_project(tmp_path))
    est = limits.estimate_cost([1000, 2000], "my-custom-base", "openai", 2)
    assert est.trained_tokens == 6000 and est.cost is None and est.price_per_million is None
    limits.save_training_prices(project, {"my-custom-base": 4.0})
    priced = limits.estimate_cost([1000, 2000], "my-custom-base", "openai", 2, limits.project_overrides(project))
    assert priced.cost == 6000 * 4.0 / 1_000_000
    assert limits.estimate_cost([10], "gpt-4o-mini", "local").cost == 0.0
    assert limits.training_price("gpt-4o-mini", "openai") == 3.0


def test_the_cli_keeps_a_training_price_for_the_next_estimates(tmp_path, capsys):
    """--price stores the base model's training price in the project, so its cost is known from then on."""
    project = planted_project(tmp_path)
    code, report, _ = _prepare(capsys, project, tmp_path / "t.jsonl", "--model", "acme-base", "--json")
    assert code == 0 and report["estimate"]["cost"] is None
    code, report, _ = _prepare(capsys, project, tmp_path / "t.jsonl", "--model", "acme-base", "--price", "2", "--json")
    assert report["estimate"]["price_per_million"] == 2.0 and report["estimate"]["cost"] > 0
    code, text, _ = _prepare(capsys, project, tmp_path / "t.jsonl", "--model", "acme-base")
    assert "cost about $" in text
