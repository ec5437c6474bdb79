"""Imported runs: reading outputs made elsewhere and storing them as a scored run."""

from __future__ import annotations

import json

import pytest

from desktop_app.core import checks
from desktop_app.core.errors import DataError, RunError
from desktop_app.core.run.imported import ImportedRow, parse_passages, parse_techniques, read_outputs, store_imported
from desktop_app.core.records import Passage, Row
from desktop_app.core.run.scoring import Scorer
from desktop_app.core.run.store import ResultStore

ROWS = [Row(f"r{i}", f"質問 {i}", f"答え{i}") for i in range(4)]
POOL = [Row("p0", "例", "例の答え")]


def test_techniques_accept_none_and_hyphens_and_refuse_typos():
    """`none` is the baseline, step-by-step spelling is forgiven, a typo is named."""
    assert parse_techniques("none") == ()
    assert parse_techniques("few-shot, RAG") == ("few_shot", "rag")
    with pytest.raises(RunError, match="ragg"):
        parse_techniques("ragg")


def test_passages_from_strings_objects_or_plain_text():
    """Contexts may be a JSON list of strings or {text, source, page}; plain text is one passage."""
    got = parse_passages('["one", {"text": "two", "source": "m.pdf", "page": 4}]', "f line 2")
    assert got == (Passage("one", "", position=0), Passage("two", "m.pdf", page=4, position=1))
    assert parse_passages("just some text", "f") == (Passage("just some text", ""),)
    assert parse_passages("  ", "f") == ()
    with pytest.raises(DataError, match="f line 3"):
        parse_passages('[{"source": "no text"}]', "f line 3")


def test_shift_jis_csv_with_japanese_headers_and_numbers(tmp_path):
    """A Japanese Excel export (Shift-JIS) is read; latency/tokens/cost columns are kept."""
    path = tmp_path / "outs.csv"
    text = "番号,出力,latency_s,tokens_in,tokens_out,cost\nr0,答え0,0.5,12,3,0.001\nr1,わからない,,,,\n"
    path.write_bytes(text.encode("cp932"))
    outputs, columns = read_outputs(path)
    assert columns == {"id": "番号", "output": "出力", "contexts": None}
    assert outputs[0] == ImportedRow("r0", "答え0", (), 0.5, 12, 3, 0.001)
    assert outputs[1] == ImportedRow("r1", "わからない")


def test_bad_number_and_missing_id_name_the_line(tmp_path):
    """A broken cell is reported with its file line, so the user can fix it."""
    path = tmp_path / "o.csv"
    path.write_text("id,output,latency_s\nr0,a,fast\n", encoding="utf-8")
    with pytest.raises(DataError, match="line 2"):
        read_outputs(path)
    path.write_text("id,output\n,a\n", encoding="utf-8")
    with pytest.raises(DataError, match="no row id"):
        read_outputs(path)


def test_jsonl_with_nested_contexts(tmp_path):
    """JSONL outputs keep their contexts lists as passages."""
    path = tmp_path / "o.jsonl"
    path.write_text(
        json.dumps({"row_id": "r2", "response": "答え2", "retrieved_contexts": ["答え2 です"]}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    (out,), columns = read_outputs(path)
    assert out.passages == (Passage("答え2 です", ""),) and columns["contexts"] == "retrieved_contexts"


def test_store_imported_scores_like_a_run_and_lists_what_did_not_match(tmp_path):
    """Matched rows are scored with the project's checks; unknown, pool and missing ids are listed."""
    outputs = [
        ImportedRow("r0", "答え0です"),
        ImportedRow("r1", "違う"),
        ImportedRow("p0", "x"),
        ImportedRow("ghost", "y"),
        ImportedRow("r3", "  "),
    ]
    scorer = Scorer(specs=[checks.make_check("contains")], evaluate=checks.evaluate_row)
    with ResultStore(tmp_path / "r.sqlite") as store:
        report = store_imported(store, "ext", ("few_shot",), outputs, ROWS, POOL, scorer, source="o.csv")
        results = {r.row_id: r for r in store.results(report.run.id)}
        assert report.run.imported and report.run.status == "complete" and report.run.techniques == ("few_shot",)
    assert (report.stored, report.missing, report.unknown, report.pool, report.blank_outputs) == (
        3,
        ["r2"],
        ["ghost"],
        ["p0"],
        1,
    )
    assert results["r0"].verdicts[0].passed and not results["r1"].verdicts[0].passed
    assert report.to_dict()["unknown_ids"] == ["ghost"]


def test_import_never_takes_a_model_runs_name(tmp_path):
    """An import cannot overwrite results that a model run paid for."""
    with ResultStore(tmp_path / "r.sqlite") as store:
        store.create_run("baseline", ())
        with pytest.raises(RunError, match="already called"):
            store_imported(store, "baseline", (), [ImportedRow("r0", "a")], ROWS, POOL, None)
