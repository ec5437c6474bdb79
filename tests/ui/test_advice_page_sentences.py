"""The advice's words: a sentence for every evidence kind and checklist id the advisor can emit."""

from __future__ import annotations

import pytest

from desktop_app.core.report import text as report_text
from desktop_app.core.advice import checklists
from desktop_app.core.advice.diagnose import diagnose
from desktop_app.core.records import RECOMMENDATIONS
from desktop_app.ui.advice.fmt import fill, points
from desktop_app.ui.advice.headlines import AdviceHeadlines
from desktop_app.ui.advice.sentences import EVIDENCE_KINDS, AdviceText
from tests.core.test_advisor_gaps import make_run, outcomes


@pytest.fixture
def words(qapp):
    return AdviceText()


def _scenarios() -> dict[str, object]:
    """One real diagnosis per move (the advisor's own scenarios), plus readiness and regression evidence."""
    base = make_run(1, "baseline", (), outcomes(knowledge=18, **{"pass": 2}))
    per_row = [{"id": f"q{i}", "in_top_k": i != 7} for i in range(1, 21)]
    ready = {"k": 4, "rows": 20, "evaluated": 20, "in_top_k": 19, "share": 0.95, "per_row": per_row}
    fmt = [
        make_run(1, "baseline", (), outcomes(behaviour=16, **{"pass": 4}), tokens_in=100),
        make_run(2, "instructions", ("instructions",), outcomes(behaviour=12, **{"pass": 8}), tokens_in=180),
        make_run(3, "few_shot", ("instructions", "few_shot"), outcomes(behaviour=6, **{"pass": 14}), tokens_in=580),
    ]
    return {
        "rag": diagnose([base], readiness=ready),
        "improve_retrieval": diagnose(
            [
                make_run(1, "baseline", (), outcomes(knowledge=8, **{"pass": 12})),
                make_run(2, "rag", ("rag",), outcomes(retrieval=14, **{"pass": 6})),
            ]
        ),
        "grounding": diagnose(
            [base, make_run(2, "rag", ("instructions", "rag"), outcomes(generation=8, **{"pass": 12}))],
            examples_pool=12,
        ),
        "prompt_engineering": diagnose(
            [make_run(1, "baseline", (), outcomes(behaviour=16, **{"pass": 4}))], examples_pool=30
        ),
        "fine_tuning": diagnose(fmt, examples_pool=40),
        "fine_tuning_and_rag": diagnose(
            [
                make_run(1, "baseline", (), outcomes(knowledge=10, behaviour=8, **{"pass": 2})),
                make_run(
                    2, "rag", ("instructions", "rag"), outcomes(retrieval=2, generation=3, behaviour=7, **{"pass": 8})
                ),
                make_run(
                    3,
                    "rag_few_shot",
                    ("instructions", "few_shot", "rag"),
                    outcomes(retrieval=2, generation=2, behaviour=4, **{"pass": 12}),
                ),
            ],
            examples_pool=25,
        ),
        "good_enough": diagnose(
            [
                make_run(1, "baseline", (), outcomes(knowledge=1, **{"pass": 19}), tokens_in=100),
                make_run(2, "rag", ("instructions", "rag"), ["pass"] * 20, tokens_in=1100),
            ]
        ),
        "errors": diagnose([make_run(1, "baseline", (), outcomes(knowledge=3, error=4, **{"pass": 13}))]),
    }


def test_the_window_and_the_report_word_the_advice_the_same_way(words):
    """A manager reading the report reads the very sentences the QA lead saw in the window."""
    assert set(EVIDENCE_KINDS) == set(report_text.EVIDENCE_SENTENCES)
    for d in _scenarios().values():
        d = d.to_dict()
        words.use_runs(d["runs"])
        names = report_text.run_names(d["runs"])
        for e in d["evidence"]:
            assert words.evidence(e) == str(report_text.evidence_sentence(e, names))
        for c in d["checklist_details"]:
            assert words.checklist(c) == str(report_text.checklist_sentence(c))


def test_every_evidence_item_of_real_diagnoses_gets_a_sentence(words, qapp):
    """Each move's evidence reads as sentences naming its runs, and each move has a headline and a why."""
    heads = AdviceHeadlines(words)
    seen = set()
    for key, d in _scenarios().items():
        data = d.to_dict()
        for item in data["evidence"]:
            text = words.evidence(item)
            seen.add(item["kind"])
            assert not text.startswith(item["kind"]), (key, text)  # not the raw-data fallback
            assert not item["runs"] or f"“{item['runs'][-1]}”" in text, (key, text)  # names the run it is about
        assert heads.headline(data["recommendation"]).endswith(("next", "Good enough"))
        assert heads.why(data), key
        assert heads.meaning(data), key
    assert {
        "readiness",
        "regression",
        "token_cost",
        "plateau",
        "pass_rate",
        "cheaper_run",
        "errors",
        "technique_fixed",
    } <= seen


def test_why_sentences_carry_the_numbers(qapp):
    """ "RAG next" says how many failures were missing facts and what RAG fixed; grounding says passages."""
    heads = AdviceHeadlines()
    s = _scenarios()
    assert heads.why(s["rag"].to_dict()) == (
        "100% of the failures were missing facts: RAG can bring them from your "
        "documents. The documents hold the answer for 95% of the rows."
    )
    assert heads.headline(s["grounding"].recommendation) == "More prompt engineering next"
    assert "passages" in heads.meaning(s["grounding"].to_dict())
    assert heads.why(s["grounding"].to_dict()).startswith("100% of the failures with RAG had the answer")
    assert heads.why(s["fine_tuning"].to_dict()) == (
        "Few-shot examples fixed 50% of the rows with the wrong form, but 30% of the rows still have it."
    )


def test_every_checklist_id_has_a_sentence(words):
    """Each step of every checklist is a sentence, with its numbers where the advisor gave them."""
    assert set(checklists.ALL_IDS) <= set(words.checklist_ids())
    for cid in checklists.ALL_IDS:
        text = words.checklist(cid)
        assert text and "_" not in text and text.endswith("."), cid
    assert (
        words.checklist({"id": "use_examples_pool", "numbers": {"pool": 25, "minimum": 10, "suggested": 50}})
        == "Build the training set from the examples pool: 25 rows now; at least 10, ideally 50 or more."
    )
    assert words.checklist({"id": "check_readiness", "numbers": {"share": 0.9}}).endswith("for 90% of rows.")


def test_unknown_or_damaged_items_fall_back_to_their_data(words):
    """A newer advisor's kind or odd numbers still show something readable, never an error."""
    assert words.evidence({"kind": "new_kind", "numbers": {"a": 1}, "runs": ["r"]}) == "new_kind: a 1 (r)"
    assert words.evidence({"kind": "plateau", "numbers": {"gap": "behaviour"}}).startswith("plateau:")
    assert (
        words.checklist({"id": "use_examples_pool", "numbers": {"pool": 3}})
        == "Build the training set from the examples pool."
    )
    assert words.checklist("brand_new_step") == "Brand new step"
    assert AdviceHeadlines(words).why({"recommendation": "rag", "evidence": [{"kind": "technique_fixed"}]}) == ""


def test_headlines_cover_every_recommendation(qapp):
    """Each move the advisor can name has its own headline."""
    heads = AdviceHeadlines()
    titles = {heads.headline(r) for r in RECOMMENDATIONS}
    assert titles == {
        "More prompt engineering next",
        "RAG next",
        "Improve retrieval next",
        "Fine-tuning next",
        "Fine-tuning and RAG next",
        "Good enough",
        "A stronger model next",
    }
    assert heads.headline("fine_tuning", "on_rag") == "Fine-tuning on top of RAG next"
    assert heads.headline("improve_retrieval", "add_documents") == "Add documents that cover the missing answers"


def test_placeholders_are_filled_once():
    """A run named "%2" is shown as such, not replaced by the next number."""
    assert fill("%1 and %2", "%2", "b") == "%2 and b"
    assert fill("%1 of %10", *range(1, 11)) == "1 of 10"
    assert (points(0.666), points(-0.03), points(0.001)) == ("+67", "−3", "±0")


def test_improve_retrieval_advice_opens_the_retrieval_lab(words, qtbot):
    """When the advice is to improve retrieval, one button takes the user to the Knowledge page's lab; other advice has none."""
    from desktop_app.ui.advice.compute import AdviceResult
    from desktop_app.ui.advice.view import AdviceView
    from desktop_app.ui.knowledge.page import KnowledgePage

    view = AdviceView(words)
    qtbot.addWidget(view)
    scenarios = _scenarios()
    for key, shown in (("improve_retrieval", True), ("rag", False), ("fine_tuning", False)):
        d = scenarios[key]
        view.set_result(AdviceResult(d, None, None, False, "/p"), set())
        assert view.lab_button.isVisibleTo(view) is shown, key
    view.set_result(AdviceResult(scenarios["improve_retrieval"], None, None, False, "/p"), set())
    with qtbot.waitSignal(view.lab_requested, timeout=1000):
        view.lab_button.click()
    page = KnowledgePage()
    qtbot.addWidget(page)
    page.focus({"tab": "lab"})
    assert page.tabs.currentWidget() is page.lab
