"""Real providers' limits and faults, met without losing rows: a rate limit is waited out, a
quota stops the run plainly, a broken reply is an error of its row, every answer has a cap."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.core.project import Project
from desktop_app.core.run.store import ResultStore
from tests.core.test_engine_commands import _answer, _project
from tests.scripted_server import RateLimit, Reply, TokenRateLimit


def _rows(project) -> list:
    with ResultStore(Path(project) / "results.sqlite") as store:
        return [r for run in store.runs() for r in store.results(run.id)]


def test_a_rate_limit_is_waited_out_and_no_row_is_lost(tmp_path, scripted_server, capsys):
    """60 requests against 600 per minute at concurrency 16: every row answered, none an error,
    and the run does not crawl (the bench measures how close to the limit's ideal it gets)."""
    project = _project(tmp_path, scripted_server, rows=60)
    scripted_server.latency = 0.05
    scripted_server.rate_limit = RateLimit(per_minute=600, burst=10)
    started = time.monotonic()
    code = main(["run", str(project), "--yes", "--concurrency", "16"])
    elapsed = time.monotonic() - started
    assert code == 0, capsys.readouterr().err
    rows = _rows(project)
    assert len(rows) == 60 and all(r.error is None for r in rows)
    assert scripted_server.rate_limit.limited > 0  # the limit was met, and waited out
    assert elapsed < 3 * 5.0  # ideal (60 - 10) / 10 per s = 5 s: waiting per row would take far longer


PASSAGE = (
    "The warranty covers parts and labour for two years from the date of purchase and the battery "
    "for one year; damage from water or dropping is not covered. "
) * 22  # ~3,000 characters: a RAG prompt


def _long_project(tmp_path, server, rows: int):
    data = tmp_path / "long.csv"
    data.write_text(
        "id,question,answer\n" + "".join(f"q{i},{PASSAGE} What is item {i}?,answer {i}\n" for i in range(rows)),
        encoding="utf-8",
    )
    project = tmp_path / "rag"
    assert main(["new", str(project), "--dataset", str(data)]) == 0
    assert main(["connect", str(project), "--base-url", server.base_url, "--model", "gpt-4o-mini"]) == 0
    server.chat_rule = _answer
    return project


def test_a_tokens_per_minute_limit_is_paced_not_collected_as_429s(tmp_path, scripted_server, capsys):
    """RAG-sized prompts against a tokens-per-minute limit: the run reads the budget from the
    x-ratelimit-*-tokens headers and waits for the refill, so every row is answered, none is an
    error, and the server turns away only a few requests, not one in two."""
    project = _long_project(tmp_path, scripted_server, 40)
    scripted_server.latency = 0.05
    # ~1,040 tokens a request (prompt + the 256-token output cap); 10,000 a second, one second's burst
    scripted_server.token_limit = TokenRateLimit(per_minute=600_000, burst=10_000)
    code = main(["run", str(project), "--yes", "--concurrency", "16"])
    assert code == 0, capsys.readouterr().err
    rows = _rows(project)
    assert len(rows) == 40 and all(r.error is None and r.output for r in rows)
    limit = scripted_server.token_limit
    assert limit.accepted == 40 and limit.limited <= 8, limit.limited  # without pacing: about 30 for 40 rows


def test_an_exhausted_quota_stops_the_run_with_a_plain_hint(tmp_path, scripted_server, capsys):
    """OpenAI's insufficient_quota is no rate limit: the run stops at once, says so, and the rows
    not sent stay to do (not errors), so a run after topping up sends only those."""
    project = _project(tmp_path, scripted_server, rows=6)
    scripted_server.chat_rule = lambda req: Reply(
        raw=json.dumps(
            {
                "error": {
                    "message": "You exceeded your current quota, please check your plan and billing details.",
                    "type": "insufficient_quota",
                    "code": "insufficient_quota",
                }
            }
        ).encode(),
        status=429,
    )
    assert main(["run", str(project), "--yes", "--concurrency", "1"]) == 2
    err = capsys.readouterr().err
    assert "no quota or credit left" in err and "billing" in err
    assert scripted_server.count() <= 2 and not any(r.error for r in _rows(project))  # to do, not failed
    scripted_server.chat_rule = _answer
    assert main(["run", str(project), "--yes"]) == 0
    rows = _rows(project)
    assert len(rows) == 6 and all(r.error is None for r in rows)


@pytest.mark.parametrize(
    "reply, reason",
    [
        (
            Reply(raw=b"<html><body>502 Bad Gateway from the proxy</body></html>", content_type="text/html"),
            "not a chat completion",
        ),
        (Reply(raw=b"[1, 2, 3]"), "not a chat completion"),
        (Reply(raw=b'{"id": "x", "object": "chat.completion", "choices": []}'), "choices: []"),
        (
            Reply(
                raw=json.dumps(
                    {
                        "id": "x",
                        "object": "chat.completion",
                        "created": 0,
                        "model": "gpt-4o-mini",
                        "choices": [
                            {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": None}}
                        ],
                    }
                ).encode()
            ),
            "content: null",
        ),
        (Reply(raw=b'{"id": "x", "choices": [ {"index": 0, '), ""),
    ],
)
def test_a_broken_reply_is_an_error_of_its_row_never_an_answer(tmp_path, scripted_server, capsys, reply, reason):
    """Whatever a proxy or a broken server sends instead of a completion is recorded per row with
    its reason, exit 3, never cached: once the server is fixed, a run answers those rows."""
    project = _project(tmp_path, scripted_server, rows=2)
    Project.open(project).set_section("run_settings", {"max_retries": 0})
    scripted_server.chat_rule = lambda req: reply
    code = main(["run", str(project), "--yes"])
    err = capsys.readouterr().err
    assert code == 3 and "2 rows ended in errors" in err and "run again to resume them" in err
    rows = _rows(project)
    assert len(rows) == 2 and all(r.error and r.output is None for r in rows)
    assert reason in rows[0].error
    scripted_server.chat_rule = _answer
    assert main(["run", str(project), "--yes"]) == 0
    assert all(r.error is None and r.output for r in _rows(project))


def test_every_answer_has_a_cap_so_a_runaway_cannot_stall_a_one_slot_server(tmp_path, scripted_server, capsys):
    """A local server with one slot and a model that runs away without a cap: the default cap keeps
    every answer short, so no request queues into a timeout."""
    project = _project(tmp_path, scripted_server, rows=6)
    Project.open(project).set_section("run_settings", {"timeout_s": 1.5, "max_retries": 1})
    scripted_server.one_at_a_time = True

    def local_model(req: dict):
        capped = req.get("max_tokens") or req.get("max_completion_tokens")
        return Reply(_answer(req), delay=0.05 if capped else 4.0)  # without a cap: thousands of tokens

    scripted_server.chat_rule = local_model
    assert main(["run", str(project), "--yes", "--concurrency", "4"]) == 0, capsys.readouterr().err
    assert all(r.error is None for r in _rows(project))
    caps = {r.get("max_tokens") for r in scripted_server.chat_requests()}
    assert caps == {256}  # max(256, 4 x the longest expected answer)


def test_the_timeout_and_retries_set_with_connect_are_the_ones_a_run_uses(tmp_path, scripted_server, capsys):
    """`connect --timeout 1 --max-retries 0`: a hung request ends after about a second, once, not after minutes."""
    project = _project(tmp_path, scripted_server, rows=1)
    assert main(["connect", str(project), "--timeout", "1", "--max-retries", "0"]) == 0
    scripted_server.hang_next(1)
    started = time.monotonic()
    assert main(["run", str(project), "--yes"]) == 3
    assert time.monotonic() - started < 8 and scripted_server.count() == 1
    assert "timeout" in capsys.readouterr().err


def test_the_same_model_name_on_another_server_is_asked_again(tmp_path, scripted_server, capsys):
    """Switching the connection to another server with the same model name reuses no old answer:
    the cache key and the run's identity include the server."""
    from tests.scripted_server import ScriptedServer

    project = _project(tmp_path, scripted_server, rows=3)
    assert main(["run", str(project), "--yes"]) == 0
    with ScriptedServer() as other:
        other.chat_rule = lambda req: (
            "Category: D\nAnother answer."
            if "grade the factual content" in req["messages"][0]["content"]
            else "answer from the other server"
        )
        assert main(["connect", str(project), "--base-url", other.base_url, "--model", "gpt-4o-mini"]) == 0
        assert main(["run", str(project), "--yes"]) == 0
        answers = [r for r in other.chat_requests() if "grade the factual content" not in r["messages"][0]["content"]]
        assert len(answers) == 3  # every row asked again (the judge then grades the new answers)
    with ResultStore(Path(project) / "results.sqlite") as store:
        assert len(store.runs()) == 2  # a new run, not the old one continued


def test_two_runs_on_one_project_pay_nothing_twice(tmp_path, scripted_server, capsys):
    """A second command on a project that is running is told so plainly; nothing is sent twice."""
    import subprocess
    import sys

    project = _project(tmp_path, scripted_server, rows=8)
    scripted_server.latency = 0.25
    first = subprocess.Popen(
        [sys.executable, "-m", "desktop_app.cli", "run", str(project), "--yes", "--concurrency", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while scripted_server.count() == 0 and time.monotonic() < deadline:
        time.sleep(0.05)  # the first run is under way
    assert main(["run", str(project), "--yes"]) == 2
    assert "A run is going on for this project in another window or command" in capsys.readouterr().err
    assert first.wait(timeout=60) == 0
    assert scripted_server.count() == 8  # each row paid once
    assert main(["run", str(project), "--yes"]) == 0 and scripted_server.count() == 8


def test_sigterm_keeps_the_answers_in_flight_and_marks_the_run_cancelled(tmp_path, scripted_server):
    """SIGTERM (logout, a killed terminal) stores the answers already on their way and marks the run
    cancelled; the resume sends only the rows never asked."""
    import signal
    import subprocess
    import sys

    project = _project(tmp_path, scripted_server, rows=12)
    scripted_server.latency = 0.4
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop_app.cli", "run", str(project), "--yes", "--concurrency", "3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while scripted_server.count() < 4 and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 130
    asked = scripted_server.count()
    with ResultStore(Path(project) / "results.sqlite") as store:
        (run,) = store.runs()
        stored = {r.row_id for r in store.results(run.id) if r.error is None}
        assert run.status == "cancelled" and len(stored) == asked  # every request sent was kept
    assert main(["run", str(project), "--yes"]) == 0
    assert scripted_server.count() == 12  # nothing asked twice


def test_a_prompt_too_long_for_the_model_is_named_and_advise_quotes_it(tmp_path, scripted_server, capsys):
    """A context-length 400 is recorded as "prompt too long" with what to change, and advise quotes
    it instead of blaming the connection."""
    project = _project(tmp_path, scripted_server, rows=2)
    scripted_server.chat_rule = lambda req: Reply(
        "This model's maximum context length is 2048 tokens. However, your messages resulted in 3120 tokens.",
        status=400,
    )
    assert main(["run", str(project), "--yes"]) == 3
    assert "prompt_too_long" in capsys.readouterr().err
    assert all(r.error.startswith("prompt_too_long") and "top-k" in r.error for r in _rows(project))
    assert main(["advise", str(project)]) == 2
    err = capsys.readouterr().err
    assert "maximum context length" in err and "Check the connection" not in err and "top-k" in err


@pytest.mark.parametrize(
    "body, content_type",
    [
        (b"<html><body>Sign in to the company proxy</body></html>", "text/html"),
        (b"[1, 2, 3]", "application/json"),
        (b'{"id": "x", "object": "chat.completion", "choices": []}', "application/json"),
    ],
)
def test_connection_test_calls_a_server_that_sends_no_answer_not_working(
    tmp_path, scripted_server, capsys, body, content_type
):
    """A proxy's login page or a broken server answers 200: Test says it is not working and what came back."""
    project = _project(tmp_path, scripted_server, rows=1)
    scripted_server.chat_rule = lambda req: Reply(raw=body, content_type=content_type)
    code = main(["test-connection", str(project)])
    out = capsys.readouterr()
    assert code != 0 and "Not working" in out.out + out.err and "not with a chat completion" in out.out + out.err
