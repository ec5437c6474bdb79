"""A person's verdict: it overrides the automatic one for the answer they read, never leaks into
another answer, and measures how far the automatic verdicts can be trusted."""

from __future__ import annotations

import pytest

from desktop_app.core.run import reviews
from desktop_app.core.records import RowResult, Verdict, content_outcome, row_passed
from desktop_app.core.run.store import ResultStore


def _result(row_id: str, output: str, outcome: str) -> RowResult:
    passed, unsure = outcome == "right", outcome == "unsure"
    return RowResult(
        run_id=1,
        row_id=row_id,
        output=output,
        verdicts=(Verdict("contains", "content", passed, float(passed), "", unsure=unsure),),
    )


@pytest.fixture
def store(tmp_path):
    with ResultStore(tmp_path / "results.sqlite") as s:
        run = s.create_run("baseline", [])
        s.add_results(
            [
                _result(r, f"answer {r}", o)
                for r, o in (("r1", "right"), ("r2", "wrong"), ("r3", "unsure"), ("r4", "right"))
            ]
        )
        assert run.id == 1
        yield s


def test_a_review_overrides_the_automatic_verdict_of_that_answer(store):
    """Marking an answer right makes the row pass everywhere results are read."""
    store.set_review(1, "r3", "answer r3", "right")
    store.set_review(1, "r1", "answer r1", "wrong")
    by_id = {r.row_id: r for r in store.results(1)}
    assert content_outcome(by_id["r3"].verdicts) == "right" and row_passed(by_id["r3"])
    assert content_outcome(by_id["r1"].verdicts) == "wrong"
    assert reviews.automatic_outcome(by_id["r3"]) == "unsure" and reviews.person_label(by_id["r3"]) == "right"
    store.set_review(1, "r3", "answer r3", None)  # taken back
    assert content_outcome({r.row_id: r for r in store.results(1)}["r3"].verdicts) == "unsure"


def test_a_new_answer_to_a_reviewed_row_is_not_covered_by_the_old_review(store):
    """A rerun that changes the answer drops the person's word: they never read the new text."""
    store.set_review(1, "r2", "answer r2", "right")
    store.add_result(_result("r2", "a different answer", "wrong"))
    (r2,) = [r for r in store.results(1) if r.row_id == "r2"]
    assert reviews.person_label(r2) is None and content_outcome(r2.verdicts) == "wrong"


def test_rescoring_never_copies_the_review_into_the_stored_verdicts(store):
    """The review stays in its own table: rewriting verdicts after a check edit keeps it apart."""
    store.set_review(1, "r1", "answer r1", "wrong")
    results = store.results(1)
    store.update_verdicts(1, {r.row_id: r.verdicts for r in results})
    store.set_review(1, "r1", "answer r1", None)
    assert content_outcome({r.row_id: r for r in store.results(1)}["r1"].verdicts) == "right"


def test_agreement_counts_kappa_and_unsure_as_disagreement(store):
    """Four reviewed rows: the two decided ones agree, the unsure one counts against, one disagrees."""
    for row_id, label in (("r1", "right"), ("r2", "wrong"), ("r3", "right"), ("r4", "wrong")):
        store.set_review(1, row_id, f"answer {row_id}", label)
    found = reviews.measure(store.results(1))
    assert (found.count, found.agreed, found.unsure) == (4, 2, 1)
    assert found.kappa is not None and found.kappa < 0.5
    decided = reviews.measure(store.results(1), skip_unsure=True)
    assert (decided.count, decided.agreed) == (3, 2)


def test_the_sample_to_review_starts_with_the_unsure_rows(store):
    """Offered rows: unsure answers first, then a seeded draw of the others, never reviewed ones."""
    store.set_review(1, "r4", "answer r4", "right")
    picked = reviews.sample(store.results(1), size=3, seed=1)
    assert picked[0] == "r3" and "r4" not in picked and len(picked) == 3
    assert picked == reviews.sample(store.results(1), size=3, seed=1)
    with pytest.raises(ValueError):
        store.set_review(1, "r1", "answer r1", "maybe")
