"""Checks: each kind passes and fails as a user expects, Japanese included."""

from __future__ import annotations

import json

import pytest

from desktop_app.core.checks import (
    CheckError,
    CheckSpec,
    default_checks,
    detect_language,
    evaluate_row,
    judge_messages,
    make_check,
    parse_category,
    parse_judge_reply,
    preview,
    token_f1,
    validate_spec,
)
from desktop_app.core.records import Row, content_passed

ROW = Row(id="r1", input="保証期間は？", expected="保証期間は1年間です。")


def verdict(kind, output, value=None, row=ROW, **kw):
    spec = make_check(kind, value, threshold=kw.pop("threshold", None), params=kw.pop("params", None))
    return preview(spec, row, output, **kw)


# -- content ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "expected, output, ok",
    [
        ("１２３４５", "12345", True),  # full-width vs half-width digits
        ("「東京都」", "東京都", True),  # Japanese brackets are punctuation
        ("ｶﾀｶﾅ", "カタカナ", True),  # half-width katakana
        ("Tokyo Tower", "  tokyo   TOWER. ", True),
        ("12,000円", "１２０００円", True),  # digit grouping folds too
        ("東京都", "京都", False),
        ("Tokyo Tower", "Tokyo Skytree", False),
    ],
)
def test_normalized_match(expected, output, ok):
    """An answer equal up to width, case, punctuation and spacing counts as a match."""
    v = verdict("normalized_match", output, row=Row("1", "q", expected))
    assert (v.passed, v.score, v.family) == (ok, float(ok), "content")


def test_token_f1_japanese_and_chinese_are_not_all_or_nothing():
    """F1 on Japanese and Chinese compares characters, so a near answer scores near 1, not 0."""
    assert token_f1("保証期間は1年間です", "保証期間は１年間です") == 1.0
    assert token_f1("保証期間は1年間です", "保証期間は2年間です") == pytest.approx(0.9)
    assert token_f1("北京是中国的首都", "中国的首都是北京") == 1.0  # order-free, like SQuAD
    assert 0.0 < token_f1("北京是中国的首都", "上海是中国最大的城市") < 0.5
    assert token_f1("The Eiffel Tower", "eiffel tower") == 1.0  # articles dropped (SQuAD)
    assert token_f1("東京", "") == 0.0


def test_token_f1_threshold_and_reason():
    """The verdict says in words how much overlap there was and how much was needed; a low
    overlap is unsure (may be a paraphrase), not wrong."""
    row = Row("1", "q", "the warranty lasts one year from purchase")
    v = verdict("token_f1", "the warranty lasts two years", row=row)
    assert not v.passed and v.unsure and v.reason.startswith("The answer has only 40% word overlap")
    assert "(needs 50%)" in v.reason
    v = verdict("token_f1", "the warranty lasts two years", row=row, threshold=0.3)
    assert v.passed and not v.unsure and "(needs 30%)" in v.reason
    refusal = verdict("token_f1", "I don't have that information about the warranty.", row=row)
    assert not refusal.passed and not refusal.unsure


def test_contains_finds_short_answer_inside_a_sentence():
    """A short expected answer wrapped in a full sentence still passes containment."""
    row = Row("1", "保証期間は？", "１年間")
    assert verdict("contains", "保証期間は購入日から1年間です。", row=row).passed
    miss = verdict("contains", "保証期間は購入日から2年間です。", row=row)
    assert not miss.passed and not miss.unsure and miss.reason == "The answer gives 2年間, not the expected 1年間."
    assert not verdict("contains", "Model 150", row=Row("1", "q", "15")).passed  # whole words


def test_no_output_fails_content_but_not_behaviour():
    """An errored row fails its content checks; behaviour checks do not judge it."""
    specs = [make_check("token_f1"), make_check("max_chars", 10)]
    (v,) = evaluate_row(specs, ROW, None)
    assert (v.check, v.passed, v.reason) == ("token_f1", False, "no_output")
    blank = evaluate_row(specs, ROW, "   ")
    assert [x.passed for x in blank] == [False, True]


def test_semantic_uses_injected_embeddings_and_is_left_out_without_them():
    """Semantic similarity needs an embedding model; offline it is left out, not failed."""
    vectors = {ROW.expected: [1.0, 0.0], "same meaning": [0.9, 0.1], "unrelated": [0.0, 1.0]}
    embed = lambda texts: [vectors[t] for t in texts]  # noqa: E731
    spec = make_check("semantic")
    assert preview(spec, ROW, "same meaning", embed=embed).passed
    v = preview(spec, ROW, "unrelated", embed=embed)
    assert not v.passed and v.reason == "cos=0.00<0.80"
    assert preview(spec, ROW, "same meaning") is None

    def broken(texts):
        raise TimeoutError("embedding server down")

    assert preview(spec, ROW, "x", embed=broken) is None  # a failed call says nothing: left out, not failed


# -- judge -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "reply, expected",
    [
        ('{"verdict": "pass", "reason": "same facts"}', (True, "same facts")),
        ('```json\n{"verdict": "FAIL", "reason": "wrong year"}\n```', (False, "wrong year")),
        ('<think>{maybe}</think>Sure! {"verdict":"pass","reason":"ok"} Hope this helps', (True, "ok")),
        ('{"verdict": "pass"}', (True, "")),
        ("PASS", None),
        ('{"verdict": "maybe", "reason": "unsure"}', None),
        ('{"result": "pass"}', None),
        ("", None),
        (None, None),
    ],
)
def test_parse_judge_reply(reply, expected):
    """Judge replies are read despite fences and chatter, and never guessed when unclear."""
    assert parse_judge_reply(reply) == expected


@pytest.mark.parametrize(
    "reply, expected",
    [
        ("Category: B\nThe answer states one year.", ("B", "The answer states one year.")),
        ("(D) It names 2023, the reference says 2024.", ("D", "It names 2023, the reference says 2024.")),
        ("<think>compare the years</think>\n**C** adds the model name", ("C", "adds the model name")),
        ("カテゴリ：E\n表記が違うだけです。", ("E", "表記が違うだけです。")),
        ("a", ("A", "")),
        ("The answer is correct.", None),  # no category first: a judge error, never a guess
        ("Category: G", None),
        ('{"verdict": "pass"}', None),
        ("", None),
        (None, None),
    ],
)
def test_parse_category(reply, expected):
    """The factuality grade is read only when the reply starts with a category."""
    assert parse_category(reply) == expected


def test_content_judge_grades_by_category_and_never_guesses():
    """The content judge sees question, reference and answer; B/C/E are right, A/D/F wrong; an
    unreadable reply or a failed call is no verdict (judged again later), never a wrong fact."""
    seen = []

    def judge(messages, **options):
        seen.append((messages, options))
        return "Category: B\nStates one year, as the reference."

    v = verdict("judge", "12か月です", judge=judge)
    assert v.passed and v.reason == "judge=same: States one year, as the reference." and v.family == "content"
    messages, options = seen[0]
    user = messages[-1]["content"]
    assert ROW.input in user and ROW.expected in user and "12か月です" in user
    assert "Category" in messages[0]["content"] and "Japanese" in messages[0]["content"]
    assert options["params"]["temperature"] == 0 and "seed" in options["params"]
    assert options["accept"]("Category: D") and not options["accept"]("I think it passes")
    for letter, right in zip("ABCDEF", (False, True, True, False, True, False)):
        assert verdict("judge", "x", judge=lambda m, letter=letter, **o: f"({letter}) because").passed is right
    assert verdict("judge", "x", judge=lambda m, **o: "I think it passes") is None

    def down(messages, **options):
        raise ConnectionError

    assert verdict("judge", "x", judge=down) is None  # a 429/timeout is no verdict on the facts
    assert verdict("judge", "x") is None  # offline: left out


def test_judge_settles_only_unsure_rows_unless_asked_for_all():
    """By default the judge is asked only where text alone could not decide; mode "all" asks it
    about every row, and its verdict then replaces the lexical one."""
    from desktop_app.core.records import content_outcome

    asked = []

    def judge(messages, **options):
        asked.append(messages[-1]["content"])
        return "Category: D\nWrong."

    specs = [make_check("contains"), make_check("judge")]
    right = evaluate_row(specs, ROW, f"It is {ROW.expected}.", judge=judge)
    assert asked == [] and content_outcome(right) == "right"
    every = [make_check("contains"), make_check("judge", params={"mode": "all"})]
    overruled = evaluate_row(every, ROW, f"It is {ROW.expected}.", judge=judge)
    assert len(asked) == 1 and content_outcome(overruled) == "wrong"
    with pytest.raises(CheckError):
        make_check("judge", params={"mode": "sometimes"})
    with pytest.raises(CheckError):
        make_check("contains", params={"mode": "all"})


def test_rubric_is_a_behaviour_judge_with_the_rubric_text():
    """A behaviour rubric asks the judge about form, with the user's rubric in the prompt."""
    spec = make_check("rubric", "敬語で答えること")
    messages = judge_messages(spec, ROW, "1年だよ")
    assert "敬語で答えること" in messages[-1]["content"] and ROW.expected not in messages[-1]["content"]
    v = preview(spec, ROW, "1年だよ", judge=lambda m: '{"verdict": "fail", "reason": "casual"}')
    assert (v.family, v.passed, v.reason) == ("behaviour", False, "judge=fail: casual")


# -- behaviour -------------------------------------------------------------------------------
def test_regex():
    """A regex check passes when the pattern occurs in the answer."""
    assert verdict("regex", "注文番号は123-4567です", r"\d{3}-\d{4}").passed
    assert verdict("regex", "注文番号は不明です", r"\d{3}-\d{4}").reason == "regex_no_match"


def test_json_and_fences():
    """Valid JSON passes; a fenced answer fails as json_fenced unless fences are allowed."""
    assert verdict("json", ' {"answer": "東京"} ').passed
    assert verdict("json", "{answer: 東京}").reason == "json_invalid:line=1,col=2"
    fenced = '```json\n{"answer": "東京"}\n```'
    assert verdict("json", fenced).reason == "json_fenced"
    assert verdict("json", fenced, params={"allow_fence": True}).passed


def test_json_schema():
    """A schema check names the field that broke the schema."""
    schema = json.dumps({"type": "object", "required": ["price"], "properties": {"price": {"type": "number"}}})
    assert verdict("json_schema", '{"price": 1200}', schema).passed
    v = verdict("json_schema", '{"price": "千二百円"}', schema)
    assert not v.passed and v.reason == "schema_fail:$.price:type"
    assert verdict("json_schema", "not json", schema).reason.startswith("json_invalid")


def test_length_bounds():
    """Length checks count characters (a Japanese character is one) and report the numbers."""
    v = verdict("max_chars", "あ" * 12, 10)
    assert (v.passed, v.reason, v.score) == (False, "chars=12>10", pytest.approx(10 / 12, abs=1e-4))
    assert verdict("max_chars", "あ" * 10, 10).passed
    assert verdict("min_chars", "短い", 5).reason == "chars=2<5"
    assert verdict("min_chars", "十分に長い答えです", 5).passed


def test_must_include_and_must_not_include():
    """Required and forbidden phrases are found regardless of width, brackets and case."""
    assert verdict("must_include", "「保証」の対象です", "保証").passed
    v = verdict("must_include", "対象外です", "保証")
    assert (v.passed, v.reason) == (False, "missing:保証")
    assert verdict("must_include", "ＷＩ－ＦＩ対応", "wi-fi").passed
    assert verdict("must_not_include", "申し訳ありませんが", "申し訳").reason == "found:申し訳"
    assert verdict("must_not_include", "This is a classic", "ass").passed  # whole words in Latin


@pytest.mark.parametrize(
    "text, code",
    [
        ("保証期間は1年間です。", "ja"),
        ("API keyはSettingsから設定します", "ja"),
        ("The warranty is one year. 保証 means warranty.", "en"),
        ("北京是中国的首都，也是政治中心。", "zh"),
        ("보증 기간은 1년입니다", "ko"),
        ("東京都", "cjk"),
        ("12345", None),
    ],
)
def test_detect_language(text, code):
    """The answer's language is told apart by script: ja / zh / ko / Latin."""
    assert detect_language(text)[0] == code


def test_language_check():
    """Asked for Japanese, an English answer fails and a Japanese one passes."""
    assert verdict("language", "保証期間は1年間です。", "ja").passed
    v = verdict("language", "The warranty period is one year.", "ja-JP")
    assert not v.passed and v.reason.startswith("lang=en!=ja") and v.score == 0.0
    assert verdict("language", "東京都", "zh").passed  # undecidable short Han: not failed
    assert verdict("language", "1200", "ja").reason == "lang=none"


def test_disabled_checks_are_skipped_and_order_is_kept():
    """Disabled checks give no verdict; the rest come back in the order they were configured."""
    specs = [
        make_check("max_chars", 5),
        make_check("contains"),
        CheckSpec("regex", "regex", "behaviour", "x", enabled=False),
    ]
    assert [v.check for v in evaluate_row(specs, ROW, "保証期間は1年間です。")] == ["max_chars", "contains"]


# -- specs and validation --------------------------------------------------------------------
@pytest.mark.parametrize(
    "kind, value, kw",
    [
        ("regex", "([a-z]", {}),
        ("json_schema", "{not json", {}),
        ("json_schema", '{"type": "objec"}', {}),
        ("json_schema", "[1, 2]", {}),
        ("max_chars", "abc", {}),
        ("min_chars", "2.5", {}),
        ("max_chars", "-3", {}),
        ("language", "fr", {}),
        ("must_include", "「」", {}),
        ("must_include", None, {}),
        ("json", "x", {}),
        ("token_f1", None, {"threshold": 1.5}),
        ("regex", "a", {"threshold": 0.5}),
        ("no_such_kind", None, {}),
    ],
)
def test_bad_specs_raise_check_error(kind, value, kw):
    """A check that could not work is refused when added, with a message and a hint."""
    with pytest.raises(CheckError) as info:
        make_check(kind, value, **kw)
    assert info.value.message and info.value.hint


def test_spec_round_trip_and_stored_damage():
    """Checks survive project.json unchanged; a damaged stored check is reported, not crashed on."""
    spec = make_check("token-f1", threshold=0.6)
    assert CheckSpec.from_dict(json.loads(json.dumps(spec.to_dict()))) == spec
    assert (spec.family, spec.threshold) == ("content", 0.6)
    with pytest.raises(CheckError):
        CheckSpec.from_dict({"id": "regex", "kind": "regex", "value": "("})
    with pytest.raises(CheckError):
        validate_spec(CheckSpec("x", "regex", "content", "a"))  # wrong family
    assert make_check("regex", "a", taken=["regex"]).id == "regex-2"


# -- inferred defaults -----------------------------------------------------------------------
def kinds(specs):
    return {s.kind: s.value for s in specs}


def test_defaults_for_json_answers():
    """All-JSON expected answers give json + a schema of the shared keys, all marked inferred."""
    specs = default_checks(['{"city": "東京", "zip": 1000001}', '{"city": "大阪", "zip": 5300001, "note": null}'])
    found = kinds(specs)
    assert found.keys() >= {"token_f1", "json", "json_schema"} and all(s.inferred for s in specs)
    schema = json.loads(found["json_schema"])
    assert schema["required"] == ["city", "zip"] and schema["properties"]["zip"] == {"type": "number"}
    json_spec = next(s for s in specs if s.kind == "json_schema")
    assert preview(json_spec, ROW, '{"city": "名古屋", "zip": 4500002}').passed
    assert not preview(json_spec, ROW, '{"city": "名古屋"}').passed


def test_defaults_for_short_japanese_answers():
    """Short Japanese answers give containment and a Japanese-language check, and no length
    limit: a polite sentence around a right short answer must not fail."""
    answers = ["1年間です", "はい", "東京都", "無料です", "3営業日以内"]
    found = kinds(default_checks(answers))
    assert found == {"contains": None, "judge": None, "language": "ja"}  # the judge settles unsure rows
    assert "json" not in found


def test_defaults_for_long_answers_and_labels():
    """Long answers get token F1, label sets exact normalized match; prose never gets an
    inferred length bound, long structured (JSON) answers do."""
    long = ["The warranty covers manufacturing defects for one year from the date of purchase. " * 4] * 3
    assert kinds(default_checks(long)) == {"token_f1": None, "judge": None}
    labels = ["positive", "negative", "Positive", "negative", "positive", "negative"]
    assert kinds(default_checks(labels)) == {"normalized_match": None, "judge": None}
    assert "max_chars" not in kinds(default_checks(["Paris", "Berlin", "about 3 km"]))
    assert "max_chars" not in kinds(default_checks(["x" * 60]))
    structured = [json.dumps({"answer": "x" * 220, "n": i}) for i in range(3)]
    assert int(kinds(default_checks(structured))["max_chars"]) >= 3 * len(structured[0])
    assert kinds(default_checks([])) == {"token_f1": None, "judge": None}
    assert "json" not in kinds(default_checks(["42", "43"]))  # bare numbers are not JSON intent


def test_defaults_make_a_sensible_first_run():
    """Scored by the inferred checks, a right Japanese answer passes; a right answer in English
    has the right facts (content passes) but fails the language check (a behaviour gap)."""
    rows = [Row(str(i), "q", a) for i, a in enumerate(["1年間", "2年間", "はい", "いいえ", "東京都です"])]
    specs = default_checks([r.expected for r in rows])
    good = evaluate_row(specs, rows[0], "保証期間は1年間です。")
    assert content_passed(good) and all(v.passed for v in good)
    bad = evaluate_row(specs, rows[0], "The warranty is one year.")
    assert content_passed(bad) and any(v.check == "language" and not v.passed for v in bad)
