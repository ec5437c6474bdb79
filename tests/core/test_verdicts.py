"""Content verdicts read as a person reads them: right, wrong, or unsure (left to a judge or a person)."""

from __future__ import annotations

import pytest

from bench.verdict_agreement import figures, load, offline_outcomes
from desktop_app.core.checks import default_checks, evaluate_row
from desktop_app.core.checks.agreement import agreement, cohen_kappa
from desktop_app.core.checks.answer import decide
from desktop_app.core.records import Row, Verdict, behaviour_passed, content_outcome
from desktop_app.core.text import contains_run

# The offline figure reached on tests/data/verdict_labels.jsonl (bench/README.md); a change that
# lowers it makes verdicts less trustworthy and must say why.
OFFLINE_AGREEMENT = 0.95
OFFLINE_DECIDED_AGREEMENT = 0.97


@pytest.mark.parametrize(
    "expected, answer, question, outcome",
    [
        ("Paris", "The capital is Paris, not Lyon.", "What is the capital of France?", "right"),
        ("Paris", "It is not Paris; it is Marseille.", "What is the capital of France?", "wrong"),
        ("USB-C", "Unlike older models it does not charge over USB-C.", "Which port charges it?", "wrong"),
        ("3", "There are 6 drawers, and it has 3 shelves.", "How many drawers are there?", "wrong"),
        ("3", "It has four shelves and three drawers.", "How many drawers are there?", "right"),
        ("3", "Either 3 or 4, depending on the model.", "How many drawers are there?", "wrong"),
        ("3", "3, 4 or 5.", "How many drawers are there?", "wrong"),
        ("3", "3 or 4.", "How many drawers are there?", "wrong"),  # "or" counts nothing: the 3 is hedged
        # "one to two weeks": the 1 is weeks too, and business days convert to no calendar
        ("10 business days", "Usually about one to two weeks.", "How long does a repair take?", "unsure"),
        ("support@nimbus.io", "Write to support@nimbus.io or call us.", "Support address?", "right"),  # another way
        ("カナダ", "カナダではなく、メキシコで組み立てています。", "組立国は？", "wrong"),
        ("カナダ", "組立はカナダではありません。", "組立国は？", "wrong"),
        ("カナダ", "カナダで組み立てています。", "組立国は？", "right"),
        ("2.35 kg", "It weighs 2.35kg.", "How heavy is it?", "right"),
        ("4120mAh", "The cell holds 4,120 mAh.", "Battery capacity?", "right"),
        ("4", "There are four burners.", "How many burners?", "right"),
        ("4", "4つのバーナーがあります。", "バーナーはいくつ？", "right"),
        ("4", "四口のバーナーです。", "バーナーはいくつ？", "right"),
        ("2023-09-12", "It shipped on September 12, 2023.", "When did it ship?", "right"),
        ("2023-09-12", "It shipped on 12 September 2023.", "When did it ship?", "right"),
        ("2023-09-12", "2023/9/12に出荷されました。", "出荷日は？", "right"),
        ("2023-09-12", "2023年9月12日です。", "出荷日は？", "right"),
        ("2023-09-12", "It shipped on 13 September 2023.", "When did it ship?", "wrong"),
        ("Lisbon", "I don't have that information.", "Where is the office?", "wrong"),
        ("Lisbon", "I cannot answer that.", "Where is the office?", "wrong"),
        ("リスボン", "その情報は持っていません。", "事務所はどこ？", "wrong"),
        ("リスボン", "わかりません。", "事務所はどこ？", "wrong"),
        ("one year", "12 months.", "How long is the warranty?", "right"),  # an exact conversion: a person says right
        ("2 years", "24 months.", "How long is the warranty?", "right"),
        ("27 months", "Two years and three months.", "How long is the warranty?", "right"),
        ("90分", "1時間30分です。", "充電時間は？", "right"),
        ("45 days", "It is not six weeks and three days.", "How long is the return window?", "wrong"),
        ("30 days", "About a month.", "How long is the return window?", "unsure"),  # a month is no fixed number of days
        ("30 days", "You can return it within 2 years of purchase.", "How long is the return window?", "wrong"),
        ("3 months", "Within 14 days.", "How long is the return window?", "wrong"),  # no calendar makes them equal
        ("30日以内", "購入日から2年以内であれば返品できます。", "何日以内なら返品できますか？", "wrong"),
        ("30 days", "It is not 2 years.", "How long is the return window?", "unsure"),  # says what it is not
        ("6か月ごと", "1年ごとです。", "交換の目安は？", "wrong"),  # an exact conversion that differs
        ("1.2 kg", "It weighs 800 g.", "How heavy is it?", "wrong"),
        ("30 minutes", "It lasts 10 hours and charges in 2 hours.", "How long does charging take?", "unsure"),
        ("30 minutes", "It charges in half an hour; the battery lasts 10 hours.", "Charging time?", "right"),
        ("90 minutes", "An hour and a half.", "How long does it take?", "right"),
        ("6か月ごと", "半年に一度の交換を推奨します。", "交換の目安は？", "right"),
        ("support@nimbus.io", "Email help@nimbus.io.", "Support address?", "wrong"),  # an address is exact
        ("support@nimbus.io", "Write to support@nimbus.io and we reply within a day.", "Support address?", "right"),
        ("$4.95", "Delivery is free.", "How much is delivery?", "wrong"),
        ("$4.95", "Delivery is not free: it costs $4.95.", "How much is delivery?", "right"),
        ("2025-04-30", "It ends at the end of April 2025.", "When does it end?", "right"),
        ("2025-04-30", "2025年4月末までです。", "いつまでですか？", "right"),
        ("2025-04-30", "It ends at the end of May 2025.", "When does it end?", "wrong"),
        ("USB Type-C", "USB-Cです。", "充電端子は？", "right"),
        ("リスボン", "資料には事務所の所在地の記載が見当たりません。", "事務所はどこ？", "wrong"),
        ("up to 32 m²", "It covers rooms up to 32 square metres.", "How big a room?", "right"),
        ("32m²まで", "一般的に20〜25m²程度の部屋に対応しています。", "適用床面積は？", "wrong"),
        ("32 m²", "The cord is 32 m long.", "How big a room?", "unsure"),  # an area is not a length
        ("Lisbon", "The documents do not give the office's address.", "Where is the office?", "wrong"),
    ],
)
def test_verdicts_read_answers_as_a_person_would(expected, answer, question, outcome):
    """Normalisation, negation, hedging, the number attached to the asked thing and refusals decide
    a verdict; a paraphrase text alone cannot settle is unsure, never wrong."""
    assert decide(expected, answer, question).outcome == outcome


def test_verdict_reasons_are_plain_sentences():
    """A person reading a verdict sees why in words, not codes like f1=0.40 or lang=en!=ja."""
    reason = decide("150 kg", "It holds up to 120 kg.", "Maximum load?").reason
    assert reason == "The answer gives 120 kg, not the expected 150 kg."
    assert (
        decide("up to 32 m²", "About 25 m².", "Room size?").reason == "The answer gives 25 m², not the expected 32 m²."
    )


def test_unsure_verdicts_make_the_row_unsure_and_never_wrong():
    """An unsure content check leaves the row unsure; a decided judge or review verdict replaces it."""
    unsure = Verdict("contains", "content", False, 0.3, "paraphrase", unsure=True)
    assert content_outcome((unsure,)) == "unsure"
    judged = Verdict("judge", "content", True, 1.0, "same facts")
    assert content_outcome((unsure, judged)) == "right"
    review = Verdict("review", "content", False, 0.0, "person")
    assert content_outcome((unsure, judged, review)) == "wrong"


def test_whole_word_matching_has_one_home():
    """'15' is not found in '150' and CJK is matched per character, for checks and retrieval alike."""
    from desktop_app.core.knowledge import metrics

    assert not contains_run("15", "Model 150") and contains_run("保証", "保証期間は1年")
    assert metrics.contains_run is contains_run


def test_cohen_kappa_matches_the_textbook_example():
    """The agreement figure the app shows is Cohen's kappa as statistics books compute it."""
    first = ["yes"] * 20 + ["yes"] * 5 + ["no"] * 10 + ["no"] * 15
    second = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(first, second) == pytest.approx(0.4)
    both = agreement([("right", "right"), ("unsure", "right"), ("wrong", "wrong")])
    assert (both.count, both.agreed, both.unsure) == (3, 2, 1)
    decided = agreement([("right", "right"), ("unsure", "right"), ("wrong", "wrong")], skip_unsure=True)
    assert (decided.count, decided.agreed, decided.share) == (2, 2, 1.0)


def test_offline_verdicts_agree_with_the_labelled_set():
    """On 361 labelled answers (half Japanese) the offline verdict agrees with a person at least as
    often as measured when this was written (unsure counted as disagreement)."""
    items = load()
    assert len(items) >= 200 and sum(i["lang"] == "ja" for i in items) * 2 >= len(items)
    f = figures(items, offline_outcomes(items))
    assert f["agreement"] >= OFFLINE_AGREEMENT and f["decided_agreement"] >= OFFLINE_DECIDED_AGREEMENT
    assert f["unsure_rate"] <= 0.06


def test_no_right_answer_in_the_labelled_set_fails_for_its_length():
    """A right answer wrapped in polite sentences is never a behaviour failure under the defaults."""
    items = load()
    for lang in ("en", "ja"):
        subset = [i for i in items if i["lang"] == lang]
        specs = default_checks([i["expected"] for i in subset])
        for item in (i for i in subset if i["label"] == "right"):
            verdicts = evaluate_row(specs, Row(item["id"], item["question"], item["expected"]), item["answer"])
            failed = [v for v in verdicts if v.family == "behaviour" and not v.passed and v.check == "max_chars"]
            assert not failed, (item["id"], failed)
            assert behaviour_passed(verdicts) or lang == "en", (item["id"], verdicts)


def test_language_is_read_outside_numbers_with_units_and_quotes():
    """An English answer quoting 「4時間20分」 or a 3.74kg figure is English; a Japanese one is Japanese."""
    from desktop_app.core.checks.language import detect_language

    assert detect_language("The answer is 4時間20分.")[0] == "en"
    assert detect_language("The answer is 3.74kg.")[0] == "en"
    assert detect_language("The term 「保証」 means warranty.")[0] == "en"
    assert detect_language("保証期間は1年間です。")[0] == "ja"
