"""The runner while checks call a judge: answers are safe before judging, judge cost and failures land on the row."""

from __future__ import annotations

import dataclasses

import asyncio
import threading

import openai

from desktop_app.core.records import Verdict
from desktop_app.core.run.runner import execute_run
from desktop_app.core.run.plan import open_run, prepare_variant
from desktop_app.core.run.scoring import note_call, note_failure
from desktop_app.core.run.store import ResultStore
from desktop_app.core.variants.variant import preset
from tests.core.test_runner import FAST, _echo, _rows


class SlowJudge:
    """A scorer whose checks call a model: judging takes a while, unless told it is fast."""

    calls_models = True

    def __init__(self, started: threading.Event | None = None, fail: bool = False):
        self.started, self.fail = started, fail

    def __call__(self, row, output, passages=()):
        if self.started is not None:
            self.started.set()
            threading.Event().wait(1.0)  # the user presses Cancel while the judge is thinking
        if self.fail:
            note_failure("RateLimitError")
            return ()
        note_call("gpt-4o-mini", 1_000_000, 0)  # priced at $0.15
        return (Verdict("judge", "content", True, 1.0),)


def _execute(server, store, rows, scorer, should_stop=None, options=None):
    prepared = prepare_variant(store, preset("baseline"), "gpt-4o-mini", rows)
    run = open_run(store, prepared)

    async def go():
        client = openai.AsyncOpenAI(base_url=server.base_url, api_key=server.api_key)
        try:
            return await execute_run(
                client,
                store,
                run,
                prepared.pending,
                scorer=scorer,
                options=options or FAST,
                cost_fn=lambda m, i, o: (i * 0.15 + o * 0.6) / 1e6,
                should_stop=should_stop,
            )
        finally:
            await client.close()

    return prepared, asyncio.run(go())


def test_cancel_while_judging_never_pays_for_the_answer_again(scripted_server, tmp_path):
    """An answer that arrived is kept even if the run is cancelled while its judge is still working."""
    scripted_server.chat_rule = _echo
    rows = _rows(1)
    started = threading.Event()
    with ResultStore(tmp_path / "r.sqlite") as store:
        # No grace: the cancel lands while the judge is still working on the answer.
        prepared, outcome = _execute(
            scripted_server,
            store,
            rows,
            SlowJudge(started),
            should_stop=started.is_set,
            options=dataclasses.replace(FAST, cancel_grace_s=0),
        )
        assert outcome.status == "cancelled" and store.results(prepared.run.id) == []
        assert store.cache_get(prepared.pending[0].key) is not None
        _, again = _execute(scripted_server, store, rows, SlowJudge())
        assert again.status == "complete" and again.cache_hits == 1
    assert scripted_server.count() == 1


def test_judge_cost_is_added_and_a_failed_judge_marks_the_row_for_another_try(scripted_server, tmp_path):
    """Judging adds its cost to the row; a judge that failed leaves an error the next run retries, free."""
    scripted_server.chat_rule = _echo
    with ResultStore(tmp_path / "r.sqlite") as store:
        prepared, _ = _execute(scripted_server, store, _rows(1), SlowJudge())
        (row,) = store.results(prepared.run.id)
        assert row.error is None and row.cost > 0.15
        store.delete_run(prepared.run.id)
        prepared, _ = _execute(scripted_server, store, _rows(1), SlowJudge(fail=True))
        (row,) = store.results(prepared.run.id)
        assert row.output and row.error == "judge_error: RateLimitError" and row.cached
