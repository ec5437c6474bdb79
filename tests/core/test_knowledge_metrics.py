"""Retrieval metrics (context recall, context precision, faithfulness) and retrieval readiness."""

from __future__ import annotations

import pytest

from desktop_app.core.errors import KnowledgeError
from desktop_app.core.knowledge import KnowledgeBase, metrics, readiness
from desktop_app.core.project.folder import Project
from desktop_app.core.records import Passage, Row


def _p(*texts):
    return tuple(Passage(text=t, source=f"doc{i}.md", position=0) for i, t in enumerate(texts))


def _by_id(verdicts):
    return {v.check: v for v in verdicts}


def test_context_recall_english_and_japanese():
    """The answer counts as retrieved when a passage holds it, whatever its width, case or spacing."""
    row = Row("1", "How long does the battery last?", "12 hours")
    hit = _by_id(metrics.score(row, None, _p("Filler.", "It runs for up to 12 Hours on a charge.")))
    miss = _by_id(metrics.score(row, None, _p("It charges in two hours.")))
    assert (hit["context_recall"].score, hit["context_recall"].passed) == (1.0, True)
    assert (miss["context_recall"].score, miss["context_recall"].passed) == (0.5, False)
    ja = Row("2", "保証期間は？", "３年間")
    found = _by_id(metrics.score(ja, None, _p("保証期間は購入日から3年間です。")))["context_recall"]
    absent = _by_id(metrics.score(ja, None, _p("修理はサポートセンターで受け付けます。")))["context_recall"]
    assert (found.score, found.passed, absent.passed) == (1.0, True, False)
    assert absent.score < 0.5


def test_context_recall_of_json_answers_looks_at_values_not_key_names():
    """A JSON expected answer counts as retrieved when the passages hold its values; key names are format."""
    row = Row("1", "Who runs Halvgard?", '{"answer": "Maren Oyelaran"}')
    hit = _by_id(metrics.score(row, None, _p("Filler.", "The chief executive is Maren Oyelaran.")))
    assert (hit["context_recall"].score, hit["context_recall"].passed) == (1.0, True)
    assert hit["context_precision"].score == 0.5  # the relevant passage is second
    miss = _by_id(metrics.score(row, None, _p("The answer is in the annual report.")))["context_recall"]
    assert (miss.score, miss.passed) == (0.0, False)
    nested = '{"product": "HX-40", "warranty": {"months": 27, "transferable": false}}'
    assert metrics.coverage(nested, "The HX-40 carries a warranty of 27 months.") == 1.0
    assert metrics.coverage(nested, "The HX-40 carries a warranty of two years.") == pytest.approx(2 / 3)
    assert metrics.coverage("[1, 2", "[1, 2") == 1.0  # not JSON: compared as text


def test_context_recall_counts_content_of_long_answers():
    """A long expected answer spread over passages is mostly retrieved when most of its content is there."""
    row = Row("1", "q", "Hold the reset button for fifteen seconds until the light blinks blue.")
    part = _by_id(metrics.score(row, None, _p("Hold the reset button for fifteen seconds.", "The light blinks blue.")))
    assert part["context_recall"].score >= 0.8 and part["context_recall"].passed
    half = _by_id(metrics.score(row, None, _p("Hold the reset button.")))
    assert 0.2 < half["context_recall"].score < 0.6


def test_context_precision_is_rank_weighted_like_ragas():
    """Relevant passages ranked first score higher than the same passages ranked last."""
    row = Row("1", "q", "3年間")
    first = metrics.context_precision(row.expected, _p("保証は3年間です。", "別の話。", "無関係。"))
    last = metrics.context_precision(row.expected, _p("別の話。", "無関係。", "保証は3年間です。"))
    both = metrics.context_precision(row.expected, _p("3年間保証", "別の話。", "延長で3年間"))
    assert first == (1.0, 1) and last == (pytest.approx(1 / 3), 1)
    assert both == (pytest.approx((1 + 2 / 3) / 2), 2)
    verdict = _by_id(metrics.score(row, None, _p("別の話。", "無関係。", "保証は3年間です。")))["context_precision"]
    assert (verdict.passed, verdict.reason) == (False, "relevant=1/3")


def test_faithfulness_lexical_support():
    """An answer that states only what the passages say is faithful; invented statements lower it."""
    row = Row("1", "q", "")
    passages = _p("The Orion X5 runs for up to 12 hours. Charging takes two hours.")
    good = _by_id(metrics.score(row, "The Orion X5 runs for 12 hours.", passages))["faithfulness"]
    mixed = _by_id(metrics.score(row, "It runs for 12 hours. It is waterproof to fifty metres.", passages))
    assert (good.score, good.passed) == (1.0, True)
    assert (mixed["faithfulness"].score, mixed["faithfulness"].passed) == (0.5, False)
    assert "context_recall" not in mixed, "no expected answer: recall is left out, not failed"
    ja = _by_id(
        metrics.score(row, "保証は3年間です。防水性能は水深100メートルです。", _p("保証期間は購入日から3年間です。"))
    )
    assert ja["faithfulness"].score == 0.5


def test_faithfulness_uses_a_judge_when_given_and_falls_back():
    """With a model available its rating is used; if the call fails the lexical measure still answers."""
    row = Row("1", "q", "12 hours")
    passages = _p("It runs for 12 hours.")
    judged = _by_id(metrics.score(row, "It runs for 12 hours.", passages, judge=lambda m: "0.25"))["faithfulness"]
    assert (judged.score, judged.reason, judged.passed) == (0.25, "llm_judge", False)

    def broken(messages):
        raise TimeoutError("server went away")

    fallback = _by_id(metrics.score(row, "It runs for 12 hours.", passages, judge=broken))["faithfulness"]
    assert (fallback.score, fallback.reason) == (1.0, "supported=1/1")


def test_verdict_family_and_empty_retrieval():
    """Verdicts belong to the retrieval family; a RAG row that got no passages scores 0 recall."""
    verdicts = metrics.score(Row("1", "q", "12 hours"), "It lasts 12 hours.", ())
    assert [(v.check, v.family, v.score, v.passed) for v in verdicts] == [
        ("context_recall", "retrieval", 0.0, False),
        ("context_precision", "retrieval", 0.0, False),
    ]
    full = metrics.score(Row("1", "q", "12 hours"), "It lasts 12 hours.", _p("It lasts 12 hours."))
    assert [v.check for v in full] == list(metrics.CHECK_IDS)


@pytest.fixture
def kb_project(tmp_path):
    project = Project.create(tmp_path / "proj")
    (tmp_path / "manual.md").write_text(
        "## Battery\n\nThe Orion X5 runs for up to 12 hours on a full charge.\n\n"
        "## Warranty\n\nThe warranty lasts 36 months from purchase.\n",
        "utf-8",
    )
    (tmp_path / "保証.txt").write_text("修理の受付はサポートセンターで平日9時から17時まで行います。", "utf-8")
    kb = KnowledgeBase.open(project)
    kb.add_paths([tmp_path / "manual.md", tmp_path / "保証.txt"])
    yield project, kb
    kb.close()


ROWS = [
    Row("r1", "How long does the Orion X5 battery last?", "12 hours"),
    Row("r2", "How long is the warranty?", "36 months"),
    Row("r3", "修理の受付時間は？", "9時から17時"),
    Row("r4", "What colour is the case?", "midnight blue"),
    Row("r5", "No expected answer here", ""),
]


def test_readiness_measures_each_row_before_any_model_call(kb_project):
    """Readiness tells which questions the documents can answer, with numbers per row and overall."""
    project, kb = kb_project
    events = []
    result = readiness(project, k=2, rows=ROWS, kb=kb, progress=events.append)
    per = {r["id"]: r for r in result["per_row"]}
    assert (result["evaluated"], result["skipped"], result["in_top_k"], result["share"]) == (4, 1, 3, 0.75)
    assert [per[i]["in_top_k"] for i in ("r1", "r2", "r3", "r4")] == [True, True, True, False]
    assert per["r3"]["rank"] == 1 and per["r4"]["rank"] is None and per["r4"]["recall"] < 0.8
    assert result["mrr"] == pytest.approx(sum(1 / per[i]["rank"] for i in ("r1", "r2", "r3")) / 4, abs=1e-4)
    assert events[-1] == {"stage": "readiness", "done": 4, "total": 4}
    assert per["r3"]["sources"][0]["source"].endswith("保証.txt")


def test_readiness_can_be_cancelled_and_needs_documents(kb_project, tmp_path):
    """Readiness stops when asked, and says plainly when there is nothing to search yet."""
    project, kb = kb_project
    result = readiness(project, k=2, rows=ROWS, kb=kb, should_stop=lambda: True)
    assert result["cancelled"] and result["evaluated"] == 0
    empty = Project.create(tmp_path / "empty")
    with pytest.raises(KnowledgeError) as err:
        readiness(empty, rows=ROWS)
    assert err.value.hint
    with pytest.raises(KnowledgeError):
        readiness(project, rows=[ROWS[-1]], kb=kb)


@pytest.mark.parametrize(
    "expected, passage, found",
    [
        ("2 years", "The warranty lasts 12 years.", False),
        ("E3", "Error code E31 means the battery is cold.", False),
        ("2 years", "The warranty lasts 2 years.", True),
        ("E3", "Code E3: the fan is blocked.", True),
        ("東京", "本社は東京都にあります。", True),
    ],
)
def test_retrieval_finds_an_answer_only_as_whole_words(expected, passage, found):
    """Context recall does not find "2 years" inside "12 years" (nor E3 in E31); Japanese still matches."""
    row = Row("r1", "q", expected)
    recall = {v.check: v for v in metrics.score(row, None, [Passage(passage, "m.md")])}["context_recall"]
    assert (recall.score == 1.0) is found


def test_yes_no_answers_are_left_out_of_readiness_and_never_retrieval_gaps(kb_project):
    """A passage never says "Yes": such rows are left out of readiness (and counted) instead of
    being called misses, and a RAG row expecting "yes" gets no recall verdict to fail."""
    project, kb = kb_project
    rows = ROWS[:2] + [
        Row("y1", "Is the battery removable?", "Yes."),
        Row("y2", "充電できますか？", "はい"),
        Row("y3", "Does it float?", "No, it does not."),
    ]
    result = readiness(project, k=2, rows=rows, kb=kb)
    assert (result["evaluated"], result["not_literal"], result["share"]) == (2, 3, 1.0)
    assert [v.check for v in metrics.score(rows[2], "Yes, it is.", _p("The battery can be removed."))] == [
        "faithfulness"
    ]
    assert metrics.literal_answer("12 hours") and metrics.literal_answer("No. 5 screwdriver")
    with pytest.raises(KnowledgeError) as err:
        readiness(project, rows=rows[2:], kb=kb)
    assert "yes/no" in str(err.value)


def test_readiness_tells_answers_no_document_holds_from_ones_the_search_missed(kb_project):
    """A row whose answer is in some document but not the top k is a search miss; one whose
    answer is nowhere needs a document added: readiness says which is which."""
    project, kb = kb_project
    rows = [
        Row("r1", "How long does the Orion X5 battery last?", "12 hours"),
        Row("far", "What colour is the case?", "36 months"),  # the answer is there, the question finds nothing
        Row("none", "What colour is the case?", "midnight blue"),
    ]
    result = readiness(project, k=1, rows=rows, kb=kb)
    per = {r["id"]: r for r in result["per_row"]}
    assert (per["r1"]["in_documents"], per["far"]["in_documents"], per["none"]["in_documents"]) == (True, True, False)
    assert result["not_in_documents"] == 1


def test_an_answer_that_leads_with_yes_or_no_is_found_by_its_facts():
    """「いいえ、日本国内専用です」 is in a passage that says 日本国内専用（AC100V）です, as a person would say."""
    from desktop_app.core.knowledge.metrics import coverage

    assert coverage("いいえ、日本国内専用です", "AirLoopは日本国内専用（AC100V）です。") >= 0.8
    assert coverage("No, it is sold only in Japan.", "The AirLoop is sold only in Japan.") >= 0.8
    assert coverage("いいえ、日本国内専用です", "AirLoopは海外でも使えます。") < 0.5  # still needs the facts
