"""The HTML report a QA lead mails to her manager: structure, escaping, sentences, numbers, the two maps."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from desktop_app.core.report import text as T
from desktop_app.core.advice import checklists
from desktop_app.core.advice.diagnose import diagnose
from desktop_app.core.report.build import ReportData
from desktop_app.core.report.html import MAX_FAILURE_ROWS, render_html
from desktop_app.core.report.svg import diagnosis_map_svg, technique_map_svg
from tests.core.test_advisor_gaps import make_run, outcomes

XSS = '<script>alert(1)</script><img src=x onerror="alert(2)">'
VOID = {"meta", "br", "img", "col", "input", "link", "hr", "wbr", "source"}
PLANTED_KEY = "sk-PLANTEDplanted0123456789abcdefXYZ"


class _Tags(HTMLParser):
    """Collects tags and attributes, and checks that every opened element is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.problems: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Tags:
    p = _Tags()
    p.feed(html)
    p.close()
    return p


def _leader(name, techniques, **kw) -> dict:
    row = {
        "name": name,
        "techniques": list(techniques),
        "technique_position": [0, 0],
        "rows": 10,
        "errors": 0,
        "content_score": 0.5,
        "behaviour_score": 0.5,
        "pass_rate": 0.5,
        "tokens": 0,
        "cost": 0.0,
        "latency_p50": None,
        "latency_p95": None,
    }
    row.update(kw)
    answered = row["rows"] - row["errors"]  # as scoring.summary_to_dict gives them
    row.setdefault("tokens_per_request", row["tokens"] / answered if answered and row["tokens"] else None)
    row.setdefault("cost_per_1000", 1000 * row["cost"] / answered if answered and row["cost"] is not None else None)
    return row


def _result(outcome, output="answer", **kw) -> dict:
    return {
        "output": output,
        "outcome": outcome,
        "error": None,
        "failed_checks": [],
        "latency_s": 0.5,
        "tokens_in": 10,
        "tokens_out": 5,
        "cost": 0.0001,
        **kw,
    }


def _data(**overrides) -> ReportData:
    base = dict(
        project="Support bot",
        generated_at="2026-05-01 14:03 +09:00",
        leaderboard=[
            _leader("Baseline", [], pass_rate=0.4123, tokens=1500, cost=0.0042),
            _leader(
                "RAG", ["rag"], technique_position=[0, 1], pass_rate=0.9, cost=12.345, tokens=3000, latency_p50=0.8123
            ),
        ],
        rows=[
            {
                "id": "q1",
                "input": "保証期間は？",
                "expected": "2年",
                "category": "warranty",
                "results": [_result("knowledge", "分かりません"), _result("pass", "2年です")],
            }
        ],
        dataset={"source": "評価セット.csv", "rows": 12, "eval_rows": 10, "examples": 2},
        connection={"preset": "azure", "model": "gpt-4o-mini"},
    )
    base.update(overrides)
    return ReportData(**base)


# -- HTML structure -------------------------------------------------------------------------------
def test_report_is_one_well_formed_self_contained_file():
    """The mailed file opens offline: balanced tags, two inline SVG maps, no script or external resource."""
    d = diagnose(
        [
            make_run(1, "Baseline", (), outcomes(knowledge=6, **{"pass": 4})),
            make_run(2, "RAG", ("rag",), outcomes(retrieval=1, **{"pass": 9})),
        ]
    ).to_dict()
    html = render_html(_data(diagnosis=d))
    tags = _parse(html)
    assert tags.problems == [] and tags.stack == []
    assert tags.tags.count("svg") == 2 and "script" not in tags.tags
    assert not [v for k, v in tags.attrs if k in ("src", "href") and v and not v.startswith("#")]
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in html
    assert '<meta charset="utf-8">' in html and "@import" not in html
    text = "".join(tags.text)
    for name in ("Baseline", "RAG"):
        assert name in text
    assert "Recommended next step" in text and "Leaderboard" in text and "What the checks mean" in text


def test_japanese_text_is_written_as_utf8_with_a_japanese_font_stack():
    """Japanese questions and answers show as text, not mojibake or entities, in a Japanese-capable font."""
    html = render_html(_data())
    assert "保証期間は？" in html and "評価セット.csv" in html
    for font in ('"Hiragino Sans"', '"Yu Gothic"', '"Noto Sans CJK JP"', '"IPAPGothic"', "sans-serif"):
        assert font in html
    assert '"IPAGothic"' not in html  # fixed-width Latin glyphs: the report read as typewriter text
    stack = html[html.index("font-family:") :].split(";")[0]
    assert stack.index('"DejaVu Sans"') < stack.index('"IPAPGothic"')  # a proportional Latin face first
    html.encode("utf-8")


def test_dataset_markup_is_escaped_and_no_tag_is_injected():
    """Untrusted text from the evaluation set, outputs or run names can never run or inject markup."""
    rows = [
        {
            "id": XSS,
            "input": XSS,
            "expected": XSS,
            "category": XSS,
            "results": [
                _result("knowledge", XSS, failed_checks=[{"check": XSS, "family": "content", "reason": XSS}]),
                _result("error", None, error=XSS),
            ],
        }
    ]
    d = {
        "recommendation": "rag",
        "confidence": 0.5,
        "target": 0.9,
        "from_run": XSS,
        "gaps": {XSS: 1},
        "evidence": [
            {"kind": XSS, "numbers": {XSS: XSS}, "rows": [XSS], "runs": [XSS]},
            {"kind": "pass_rate", "numbers": {"pass_rate": 0.5, "target": 0.9, "rows": 3}, "rows": [], "runs": [XSS]},
        ],
        "checklist_details": [{"id": XSS, "numbers": {XSS: XSS}}],
        "runs": [],
    }
    data = _data(
        project=XSS,
        leaderboard=[_leader(XSS, [XSS]), _leader("RAG", ["rag"])],
        rows=rows,
        diagnosis=d,
        dataset={"source": XSS, "rows": 1, "eval_rows": 1, "examples": 0},
        checks=[{"id": XSS, "kind": "regex", "family": "behaviour", "value": XSS}],
    )
    html = render_html(data)
    tags = _parse(html)
    assert "<script" not in html and "<img" not in html and "onerror=" not in html.replace("onerror=&quot;", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in html
    assert not {"script", "img", "iframe", "object"} & set(tags.tags)
    assert not [k for k, _ in tags.attrs if k.startswith("on")]
    assert tags.problems == []
    assert XSS in "".join(tags.text)  # shown as text, exactly as written


def test_an_unknown_evidence_kind_shows_its_kind_and_numbers():
    """Advice from a newer advisor still reads: an unknown fact is listed by its name and numbers."""
    assert T.evidence_sentence({"kind": "new_kind", "numbers": {"fixed": 3}, "runs": ["A"]}) == "new_kind: fixed 3 (A)"
    broken = T.evidence_sentence({"kind": "technique_fixed", "numbers": {"fixed": 1}, "runs": ["A", "B"]})
    assert broken.startswith("technique_fixed: fixed 1")
    assert T.checklist_sentence({"id": "brand_new_step"}) == "Brand new step"


def test_every_evidence_kind_and_checklist_id_the_advisor_emits_has_an_english_sentence():
    """The manager reads sentences, not ids, for every fact and step the advisor can produce."""
    from desktop_app.core.advice import evidence  # noqa: PLC0415

    sources = [Path(evidence.__file__).parent.glob("*.py"), [Path(diagnose.__code__.co_filename)]]
    kinds = set(evidence._SHARE_KIND.values())
    for path in (p for group in sources for p in group):
        kinds |= set(re.findall(r'Evidence\(\s*"([a-z_]+)"', path.read_text(encoding="utf-8")))
    assert {"technique_fixed", "regression", "errors"} <= kinds  # the scan finds the advisor's kinds
    assert kinds <= set(T.EVIDENCE_SENTENCES), kinds - set(T.EVIDENCE_SENTENCES)
    assert set(checklists.ALL_IDS) <= set(T.CHECKLIST), set(checklists.ALL_IDS) - set(T.CHECKLIST)
    runs = [
        make_run(1, "base", (), outcomes(knowledge=5, behaviour=6, error=1, **{"pass": 8}), tokens_in=100),
        make_run(2, "few", ("few_shot",), outcomes(knowledge=5, behaviour=4, **{"pass": 11}), tokens_in=400),
        make_run(3, "rag", ("rag",), outcomes(retrieval=3, generation=2, behaviour=5, **{"pass": 10})),
    ]
    seen = set()
    for items in (runs, runs[:1], runs[:2]):
        d = diagnose(items, examples_pool=20).to_dict()
        for e in d["evidence"]:
            seen.add(e["kind"])
            assert not T.evidence_sentence(e).startswith(e["kind"] + ":"), e  # a real sentence, not the fallback
        for c in d["checklist_details"]:
            assert "{" not in T.checklist_sentence(c) and T.checklist_sentence(c)[0].isupper()
    assert len(seen) >= 5


def test_numbers_are_formatted_as_percentages_and_dollars():
    """Scores read as percentages and costs as dollars, with no misleading rounding to 0% or 100%."""
    assert (T.pct(0.8234), T.pct(1.0), T.pct(0.0), T.pct(0.996), T.pct(0.004), T.pct(None)) == (
        "82%",
        "100%",
        "0%",
        "99.6%",
        "0.4%",
        "—",
    )
    assert (T.money(12.345), T.money(0.12), T.money(0.0042), T.money(0), T.money(1234.5), T.money(None)) == (
        "$12.35",
        "$0.12",
        "$0.0042",
        "$0.00",
        "$1,234.50",
        "—",
    )
    assert T.seconds(0.8123) == "0.81 s"
    html = render_html(_data())
    assert ">41%<" in html and ">90%<" in html and ">$12.35<" in html and ">$0.0042<" in html
    assert ">150<" in html  # tokens per request: 1,500 tokens over 10 answered rows
    assert ">0.81 s<" in html


def test_the_report_never_contains_connection_details_beyond_preset_and_model():
    """Mailing the report can never leak a key, even one planted in the connection settings."""
    data = _data(
        connection={
            "preset": "azure",
            "model": "gpt-4o-mini",
            "api_key": PLANTED_KEY,
            "base_url": f"https://u:{PLANTED_KEY}@example.test",
            "azure_endpoint": f"https://{PLANTED_KEY}.example",
            "api_key_env": "MY_SECRET_VAR",
        }
    )
    assert data.connection == {"preset": "azure", "model": "gpt-4o-mini"}
    html = render_html(data)
    assert PLANTED_KEY not in html and "MY_SECRET_VAR" not in html and "gpt-4o-mini" in html


# -- the two maps -----------------------------------------------------------------------------------
def test_technique_map_draws_each_run_in_its_cell_with_arrows_in_run_order():
    """The talk's picture: quadrants named, each run at its technique cell, arrows from one run to the next."""
    svg = technique_map_svg(
        [
            {"label": "Baseline", "position": (0, 0), "pass_rate": 0.2, "start": False},
            {"label": "Few-shot", "position": (2, 0), "pass_rate": 0.4, "start": False},
            {"label": "FT+RAG", "position": (3, 1), "pass_rate": 0.95, "start": True},
        ]
    )
    for label in ("Prompt engineering", "RAG", "Fine-tuning", "All of the above"):
        assert f">{label}<" in svg
    dots = [(float(x), float(y)) for x, y in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="9"', svg)]
    assert len(dots) == 3
    assert dots[0][1] == dots[1][1] and dots[1][0] > dots[0][0]  # same row, few-shot to the right
    assert dots[2][0] > dots[1][0] and dots[2][1] < dots[1][1]  # fine-tuned + RAG: right and up
    assert svg.count('marker-end="url(#tm-arrow)"') == 2
    assert svg.count('r="13"') == 1  # the ring on the run the advice starts from
    assert "Baseline 20%" in svg and "FT+RAG 95%" in svg


def test_runs_sharing_a_cell_or_a_score_are_never_drawn_on_top_of_each_other():
    """Two runs with the same techniques or the same scores stay separately visible."""
    same = [{"label": f"run{i}", "position": (1, 0), "pass_rate": 0.5} for i in range(3)]
    dots = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="9"', technique_map_svg(same))
    assert len(set(dots)) == 3
    same = [{"label": f"run{i}", "behaviour": 0.7, "content": 0.7, "pass_rate": 0.5} for i in range(2)]
    dots = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="9"', diagnosis_map_svg(same, 0.9))
    assert len(set(dots)) == 2


def test_diagnosis_map_shades_the_target_corner_at_the_target():
    """The shaded corner starts at (target, target), so a stricter target shows a smaller corner."""

    def corner(target):
        svg = diagnosis_map_svg([{"label": "A", "behaviour": 1.0, "content": 0.0, "pass_rate": 0.0}], target)
        x, y, w, h = map(
            float,
            re.search(
                r'<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" '
                r'fill="#dcf2e1"',
                svg,
            ).groups(),
        )
        return x, y, w, h, svg

    x8, _, w8, h8, svg = corner(0.8)
    x9, _, w9, h9, _ = corner(0.9)
    assert w8 == pytest.approx(2 * w9, rel=0.01) and h8 == pytest.approx(2 * h9, rel=0.01) and x9 > x8
    dot = re.search(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="9"', svg)
    assert float(dot.group(1)) == pytest.approx(x8 + w8)  # behaviour 100% sits on the right edge
    assert "target 80%" in svg


# -- failures table ---------------------------------------------------------------------------------
def test_failures_table_lists_still_failing_rows_first_and_stops_at_200_with_a_note():
    """A huge evaluation set gives a readable report; the note points to the full export."""
    rows = [
        {
            "id": f"r{i}",
            "input": f"question {i}",
            "expected": "x",
            "category": "",
            "results": [_result("knowledge"), _result("pass" if i % 2 else "behaviour")],
        }
        for i in range(260)
    ]
    rows.append(
        {"id": "ok", "input": "q", "expected": "x", "category": "", "results": [_result("pass"), _result("pass")]}
    )
    d = {
        "recommendation": "fine_tuning",
        "confidence": 0.7,
        "target": 0.9,
        "from_run": "RAG",
        "gaps": {},
        "evidence": [
            {
                "kind": "behaviour_gap_share",
                "numbers": {"share": 0.5, "count": 130, "failures": 130, "rows": 260},
                "rows": ["r0", "r2", "r1"],
                "runs": ["RAG"],
            }
        ],
        "checklist": [],
        "runs": [],
    }
    html = render_html(_data(rows=rows, diagnosis=d))
    shown = re.findall(r'<tr id="row-(\d+)">', html)
    assert len(shown) == MAX_FAILURE_ROWS
    assert [int(i) for i in shown[:130]] == list(range(0, 260, 2))  # still failing in "RAG" first
    assert "260 of the 261 evaluation rows failed" in html and "Showing the first 200" in html
    assert '<a href="#row-0" title="r0">r0</a>' in html and '<a href="#row-1" title="r1">r1</a>' in html
    d["row_inputs"] = {"r0": "What does the <b>warranty</b> cover?"}  # evidence links read as the questions
    html = render_html(_data(rows=rows, diagnosis=d))
    assert '<a href="#row-0" title="r0">“What does the &lt;b&gt;warranty&lt;/b&gt; cover?”</a>' in html


def test_report_without_advice_still_shows_the_runs_and_says_why():
    """When every row errored there is no advice, but the report explains it and shows the leaderboard."""
    html = render_html(_data(diagnosis=None, advice_note="None of the runs produced an answer."))
    assert "No advice yet" in html and "None of the runs produced an answer." in html
    assert html.count("<svg") == 2 and "Baseline" in html


def test_errors_evidence_quotes_the_commonest_error_instead_of_blaming_the_connection():
    """After rows fail for a prompt too long, the advice names that error and says how to resume them."""
    from dataclasses import replace

    from desktop_app.core.advice.diagnose import diagnose
    from tests.core.test_advisor_gaps import make_run, outcomes

    info, rows = make_run(1, "baseline", (), outcomes(knowledge=3, error=4, **{"pass": 13}))
    too_long = "prompt_too_long: the prompt is longer than the model's context (4,096 tokens)"
    rows = [replace(r, error=too_long) if r.error else r for r in rows]
    d = diagnose([(info, rows)]).to_dict()
    errors = next(e for e in d["evidence"] if e["kind"] == "errors")
    assert errors["numbers"]["commonest"] == too_long
    sentence = T.evidence_sentence(errors)
    assert "The commonest error: prompt_too_long" in sentence and "Run again to resume" in sentence
    assert "Check the connection" not in sentence
