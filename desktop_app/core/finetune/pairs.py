"""Preference pairs for DPO from the project's runs, in the JSONL OpenAI and Azure document:
``{"input": {"messages": [...]}, "preferred_output": [...], "non_preferred_output": [...]}``.

A pair is an evaluation row where one variant's latest answer passed (content and behaviour,
a person's review counting first) and another's failed. These rows are evaluation rows: a
model trained on them must be evaluated on other rows, which ``leaked_rows`` lets the ui say.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.core.project.folder import atomic_write_text
from desktop_app.core.records import content_outcome, row_passed


@dataclass(frozen=True)
class Pairs:
    records: tuple[dict, ...]
    rows: tuple[str, ...]  # evaluation rows the pairs come from
    runs: tuple[str, ...]  # the runs compared


def preference_pairs(project, system: str = "") -> Pairs:
    """One pair per evaluation row with a passing and a failing answer (the first of each, by run order)."""
    from desktop_app.core.data.rows import load_rows  # noqa: PLC0415 - pandas
    from desktop_app.core.run.store import ResultStore  # noqa: PLC0415

    rows, _ = load_rows(project)
    by_id = {r.id: r for r in rows}
    if not project.results_db.exists():
        return Pairs((), (), ())
    latest: dict[str, Any] = {}
    with ResultStore(project.results_db) as store:
        for run in store.runs():
            latest[run.name] = run  # a later run of the same name replaces the earlier one
        answers: dict[str, tuple[list[str], list[str]]] = {}
        for run in latest.values():
            for r in store.results(run.id):
                if r.error is not None or r.output is None or not r.output.strip() or r.row_id not in by_id:
                    continue
                good, bad = answers.setdefault(r.row_id, ([], []))
                if row_passed(r):
                    good.append(r.output)
                elif content_outcome(r.verdicts) != "unsure":  # unsure is not a verdict to learn from
                    bad.append(r.output)
    records, used = [], []
    for row in rows:  # in the evaluation set's order, not the order answers happened to finish
        good, bad = answers.get(row.id, ([], []))
        if good and bad and good[0] != bad[0]:
            messages = ([{"role": "system", "content": system}] if system else []) + [
                {"role": "user", "content": row.input}
            ]
            records.append(
                {
                    "input": {"messages": messages},
                    "preferred_output": [{"role": "assistant", "content": good[0]}],
                    "non_preferred_output": [{"role": "assistant", "content": bad[0]}],
                }
            )
            used.append(row.id)
    return Pairs(tuple(records), tuple(used), tuple(latest))


def write_pairs(pairs: Pairs, path: str | Path) -> Path:
    path = Path(path)
    atomic_write_text(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in pairs.records))
    return path
