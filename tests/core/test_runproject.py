"""Project-level runs: which model a variant uses, which rows count, what judging costs and when it is redone."""

from __future__ import annotations

import json

import pytest

from desktop_app.cli import main
from desktop_app.core.data import rows as datasets
from desktop_app.core.providers import prices as pricing
from desktop_app.core.checks.judge import FACTUALITY_PROMPT
from desktop_app.core.errors import ConnectionFailed, RunError
from desktop_app.core.project.folder import Project
from desktop_app.core.run.plan import resolve_model
from desktop_app.core.run.project import plan_run, run_variants
from desktop_app.core.run.store import ResultStore
from desktop_app.core.variants.variant import preset
from tests.core.test_engine_commands import _answer, _project, _results
from tests.scripted_server import Reply


def _is_judge(req: dict) -> bool:
    return req["messages"][0]["content"] == FACTUALITY_PROMPT


def _judge_only(project) -> None:
    """The content judge as the project's only check (so a missing verdict would read as a knowledge gap)."""
    Project.open(project).set_section("checks", [{"kind": "judge", "id": "judge", "params": {"mode": "all"}}])


def test_a_fine_tuned_variant_without_its_model_id_does_not_run_the_base_model(tmp_path, scripted_server, capsys):
    """Running Fine-tuned before entering its model id stops with a hint instead of measuring the base model."""
    project = _project(tmp_path, scripted_server, rows=3)
    capsys.readouterr()
    assert main(["run", str(project), "--variants", "fine_tuned_rag", "--yes"]) == 2
    assert "Set the fine-tuned model id of this variant" in capsys.readouterr().err
    assert scripted_server.count() == 0
    with pytest.raises(RunError, match="no fine-tuned model id"):
        resolve_model(preset("fine_tuned"), "gpt-4o-mini")
    tuned = preset("fine_tuned", model="ft:gpt-4o-mini:acme::1")
    assert resolve_model(tuned, "gpt-4o-mini") == "ft:gpt-4o-mini:acme::1"


def test_rows_moved_to_the_examples_pool_leave_results_advice_and_report(tmp_path, scripted_server, capsys):
    """After a resplit, the leaderboard, the advice and the report count only the current evaluation rows."""
    from desktop_app.core.report.build import build_report_data

    project = _project(tmp_path, scripted_server, rows=10)
    assert main(["run", str(project), "--yes"]) == 0
    datasets.resplit(Project.open(project), 3, seed=1)
    (run,) = _results(project, capsys)
    assert (run["rows"], run["missing"], run["pass_rate"]) == (7, 0, 1.0)
    assert main(["advise", str(project), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["runs"][0]["rows"] == 7
    data = build_report_data(Project.open(project))
    assert data.leaderboard[0]["rows"] == 7 and len(data.rows) == 7


def test_the_estimate_counts_one_judge_call_per_row_and_judged_check(tmp_path, scripted_server, capsys):
    """The estimate before a run includes the judge's calls, so the cost shown is the cost paid:
    by default the judge settles the unsure rows only (about one in ten), in mode "all" every row."""
    project = _project(tmp_path, scripted_server, rows=20)
    assert plan_run(Project.open(project)).calls == 20 + 2
    assert main(["check-add", str(project), "judge", "--mode", "all"]) == 0
    assert main(["check-add", str(project), "rubric", "Answer politely."]) == 0
    est = plan_run(Project.open(project))
    assert est.calls == 20 + 20 * 2 and est.cost_usd > 0


def test_the_judges_tokens_are_part_of_the_rows_cost(tmp_path, scripted_server):
    """A row's cost includes what judging it cost, so cost per 1,000 requests is the real one."""
    project = _project(tmp_path, scripted_server, rows=2)
    _judge_only(project)
    scripted_server.chat_rule = lambda req: (
        Reply("Category: B\nSame facts.", prompt_tokens=500, completion_tokens=10)
        if _is_judge(req)
        else Reply(_answer(req), prompt_tokens=1000, completion_tokens=100)
    )
    (summary,) = run_variants(Project.open(project))
    row = pricing.cost("gpt-4o-mini", 1000, 100) + pricing.cost("gpt-4o-mini", 500, 10)
    assert summary.pass_rate == 1.0 and summary.cost == pytest.approx(2 * row)


def test_a_failed_judge_call_is_no_knowledge_gap_and_the_next_run_judges_again_for_free(
    tmp_path, scripted_server, capsys
):
    """A 429 from the judge marks the row for judging again; the answer is never paid twice."""
    project = _project(tmp_path, scripted_server, rows=3)
    assert main(["connect", str(project), "--max-retries", "0"]) == 0
    _judge_only(project)

    def busy_judge(req):  # the judge is rate-limited on item 0's answer
        if not _is_judge(req):
            return _answer(req)
        return Reply("slow down", status=429) if "item 0?" in req["messages"][1]["content"] else "Category: B"

    scripted_server.chat_rule = busy_judge
    assert main(["run", str(project), "--yes"]) == 3  # a row not judged is not done: exit 3, resumable
    (run,) = _results(project, capsys)
    assert run["errors"] == 1 and run["pass_rate"] == pytest.approx(2 / 3)
    assert main(["advise", str(project), "--json"]) == 0
    advice = json.loads(capsys.readouterr().out)
    assert advice["gaps"]["knowledge"] == 0 and advice["errors"] == 1 and advice["recommendation"] != "good_enough"
    answers = sum(not _is_judge(r) for r in scripted_server.chat_requests())
    scripted_server.chat_rule = lambda req: "Category: B" if _is_judge(req) else _answer(req)
    assert main(["run", str(project), "--yes"]) == 0
    (run,) = _results(project, capsys)
    assert (run["errors"], run["pass_rate"]) == (0, 1.0)
    assert sum(not _is_judge(r) for r in scripted_server.chat_requests()) == answers == 3


def test_an_edited_rubric_is_judged_again_by_the_next_run(tmp_path, scripted_server, capsys):
    """Changing a rubric's text re-judges the stored answers instead of keeping the old verdicts."""
    project = _project(tmp_path, scripted_server, rows=2)
    Project.open(project).set_section(
        "checks", [{"kind": "contains", "id": "contains"}, {"kind": "rubric", "id": "rubric", "value": "Be brief."}]
    )
    scripted_server.chat_rule = lambda req: (
        '{"verdict": "pass"}' if "RUBRIC" in req["messages"][-1]["content"] else _answer(req)
    )
    assert main(["run", str(project), "--yes"]) == 0
    assert _results(project, capsys)[0]["behaviour_score"] == 1.0
    Project.open(project).set_section(
        "checks",
        [{"kind": "contains", "id": "contains"}, {"kind": "rubric", "id": "rubric", "value": "Answer in French."}],
    )
    scripted_server.chat_rule = lambda req: (
        '{"verdict": "fail"}' if "RUBRIC" in req["messages"][-1]["content"] else _answer(req)
    )
    before = scripted_server.count()
    assert plan_run(Project.open(project)).calls == 2  # the two stored answers, judged again
    assert main(["run", str(project), "--yes"]) == 0
    assert scripted_server.count() == before + 2  # judge calls only
    assert _results(project, capsys)[0]["behaviour_score"] == 0.0


def test_azure_runs_are_priced_by_the_model_behind_the_deployment(tmp_path, scripted_server, capsys, monkeypatch):
    """An Azure deployment is priced as its model; with no model known the cost is unknown, not $0."""
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", scripted_server.api_key)
    scripted_server.models.append("prod-chat")
    for name, model in (("unknown", []), ("known", ["--model", "gpt-4o-mini"])):
        (tmp_path / name).mkdir()
        project = _project(tmp_path / name, scripted_server, rows=2)
        assert (
            main(
                [
                    "connect",
                    str(project),
                    "--preset",
                    "azure",
                    "--azure-endpoint",
                    scripted_server.root_url,
                    "--azure-deployment",
                    "prod-chat",
                    *model,
                ]
            )
            == 0
        )
        estimate = plan_run(Project.open(project))
        assert main(["run", str(project), "--yes"]) == 0
        (run,) = _results(project, capsys)
        if model:
            assert estimate.cost_usd > 0 and run["cost"] > 0 and run["cost_known"] is True
        else:
            assert estimate.cost_usd is None and run["cost"] is None and run["cost_known"] is False
            assert main(["results", str(project)]) == 0 and "\t-\t" in capsys.readouterr().out


def test_a_key_echoed_by_the_server_is_masked_in_stored_errors_and_messages(
    tmp_path, scripted_server, capsys, monkeypatch
):
    """A server that repeats the API key in an error never gets it written to results or shown."""
    secret = "hunter2-plain-secret"
    monkeypatch.setenv("OPENAI_API_KEY", secret)
    project = _project(tmp_path, scripted_server, rows=2)
    assert main(["connect", str(project), "--preset", "openai", "--base-url", scripted_server.base_url]) == 0
    scripted_server.chat_rule = lambda req: Reply(f"key {secret} may not use this model", status=400)
    run_variants(Project.open(project))
    with ResultStore(Project.open(project).results_db) as store:
        errors = [r.error for r in store.results(store.runs()[0].id)]
    assert all(e and "http_400" in e and secret not in e for e in errors)
    scripted_server.chat_rule = lambda req: Reply(f"key {secret} is not allowed here", status=403)
    with pytest.raises(ConnectionFailed) as err:
        run_variants(Project.open(project))
    assert secret not in json.dumps(err.value.details) and secret not in err.value.one_line()


@pytest.mark.parametrize("command", ["results", "advise", "run", "readiness"])
def test_a_truncated_rows_file_gives_a_message_not_a_traceback(tmp_path, scripted_server, capsys, command):
    """A damaged data/rows.jsonl is a one-line error with a hint to re-import, in every command."""
    project = _project(tmp_path, scripted_server, rows=3)
    assert main(["run", str(project), "--yes"]) == 0
    if command == "readiness":  # readiness reads the rows only once there are documents
        (tmp_path / "manual.md").write_text("Item 0: answer 0.", encoding="utf-8")
        assert main(["knowledge-add", str(project), str(tmp_path / "manual.md")]) == 0
    rows_file = Project.open(project).rows_file
    rows_file.write_text(rows_file.read_text(encoding="utf-8")[:-15], encoding="utf-8")
    capsys.readouterr()
    assert main([command, str(project), "--yes"] if command == "run" else [command, str(project)]) == 2
    assert "Import the evaluation set again" in capsys.readouterr().err


def test_a_damaged_check_is_reported_instead_of_silently_keeping_old_verdicts(tmp_path, scripted_server, capsys):
    """A check edited into an invalid regex by hand is named when the results are read."""
    project = _project(tmp_path, scripted_server, rows=2)
    assert main(["run", str(project), "--yes"]) == 0
    Project.open(project).set_section("checks", [{"kind": "regex", "value": "(unclosed"}])
    capsys.readouterr()
    assert main(["results", str(project)]) == 2
    assert "regular expression" in capsys.readouterr().err


def test_the_estimate_learns_the_pace_a_one_slot_local_server_really_keeps(tmp_path, scripted_server):
    """A local server answering one request at a time: the first estimate assumes one at a time, and after a
    run the estimate uses the pace measured, not concurrency × latency (8 s said for a 410 s run before)."""
    from desktop_app.core.run.project import plan_run
    from tests.core.e2e_support import facts, new_project, run

    scripted_server.one_at_a_time = True
    scripted_server.latency = 0.05
    root = new_project(tmp_path, scripted_server, facts(16))
    first = plan_run(Project.open(root), ["baseline"])
    assert first.time_s == pytest.approx(first.calls * first.latency_guess_s)  # never measured: one at a time
    run(root, "baseline")
    pace = Project.open(root).section("throughput")
    (entry,) = pace.values()
    assert entry["requests"] == 16 and 0 < entry["requests_per_s"] <= 1 / 0.05 * 1.2
    again = plan_run(Project.open(root), ["instructions"])
    assert again.time_s == pytest.approx(again.calls / entry["requests_per_s"])
    assert again.time_s > again.calls / again.concurrency * again.latency_guess_s  # slower than 8 at a time


def test_the_judge_can_have_its_own_server_while_a_small_model_is_under_test(tmp_path, scripted_server):
    """`connect --judge` points the judge at another server (a stronger model): the model under test never
    sees a judge prompt, the judge server grades every answer, and `--judge --offline` goes back."""
    from tests.scripted_server import ScriptedServer

    project = _project(tmp_path, scripted_server, rows=3)
    _judge_only(project)
    scripted_server.chat_rule = lambda req: "Category: A" if _is_judge(req) else _answer(req)
    with ScriptedServer(models=["big-judge"]) as strong:
        strong.chat_rule = lambda req: "Category: B\nSame facts." if _is_judge(req) else "not a judge call"
        assert main(["connect", str(project), "--judge", "--base-url", strong.base_url, "--model", "big-judge"]) == 0
        assert main(["test-connection", str(project), "--judge"]) == 0
        (summary,) = run_variants(Project.open(project))
        judged = [r for r in strong.requests if r["path"].endswith("/chat/completions") and _is_judge(r["json"])]
        assert summary.pass_rate == 1.0 and len(judged) == 3
        assert {r["json"]["model"] for r in judged} == {"big-judge"}
        assert not any(
            _is_judge(r["json"])
            for r in scripted_server.requests
            if isinstance(r["json"], dict) and r["json"].get("messages")
        )
    assert main(["connect", str(project), "--judge", "--offline"]) == 0
    assert Project.open(project).section("judge_connection") is None
