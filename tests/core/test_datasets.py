"""Data import: formats, encodings, column mapping, ids, the examples split (see test_dataset_errors.py)."""

from __future__ import annotations

import json

import openpyxl
import pytest

from desktop_app.core.data.rows import guess_mapping, import_dataset, load_rows, read_table, resplit
from desktop_app.core.errors import DataError
from desktop_app.core.project.folder import Project

JA_ROWS = [
    ["質問", "正解", "カテゴリ"],
    ["日本の首都はどこですか？", "東京です。", "地理"],
    ["富士山の高さは？", "3776メートル", "地理"],
    ["①と㈱は何と読む？", "まる1、かぶしきがいしゃ", "記号"],
]


def csv_bytes(rows, encoding="utf-8", delimiter=","):
    lines = [delimiter.join(f'"{c}"' if delimiter in c or "\n" in c else c for c in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def write_xlsx(path, sheets: dict):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def write_jsonl(path, objects):
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects), encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path):
    return Project.create(tmp_path / "proj")


# -- reading ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "encoding, detected", [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp932", "cp932"), ("euc_jp", "euc_jp")]
)
def test_japanese_csv_in_each_encoding_reads_the_same(tmp_path, encoding, detected):
    """A Japanese export reads correctly whatever encoding Excel or a server wrote it in."""
    rows = JA_ROWS if encoding != "euc_jp" else JA_ROWS[:3]  # ① and ㈱ do not exist in EUC-JP
    path = tmp_path / "eval.csv"
    path.write_bytes(csv_bytes(rows, encoding))
    table = read_table(path)
    assert (table.format, table.encoding, table.delimiter) == ("csv", detected, ",")
    assert table.columns == ["質問", "正解", "カテゴリ"]  # no BOM glued to the first header
    assert table.frame.values.tolist() == rows[1:]


def test_shift_jis_override_wins_and_cp932_is_preferred(tmp_path):
    """A user who says cp932 gets cp932; detection calls Shift-JIS files cp932, not strict shift_jis."""
    path = tmp_path / "eval.csv"
    path.write_bytes(csv_bytes(JA_ROWS[:3], "shift_jis"))
    assert read_table(path).encoding == "cp932"
    assert read_table(path, encoding="Shift-JIS").encoding == "shift_jis"


def test_latin1_csv_with_semicolons(tmp_path):
    """A European Excel export (Latin-1, semicolon-delimited) keeps its accents."""
    rows = [
        ["question", "réponse"],
        ["Où est la tour Eiffel ?", "À Paris, près de la Seine"],
        ["Was ist größer?", "Die Straße"],
    ]
    path = tmp_path / "eval.csv"
    path.write_bytes(csv_bytes(rows, "latin-1", ";"))
    table = read_table(path)
    assert (table.encoding, table.delimiter) == ("latin-1", ";")
    assert table.frame.values.tolist() == rows[1:]


def test_chosen_encoding_that_garbles_is_warned_about(tmp_path):
    """Reading a UTF-8 file as Latin-1 works but warns that the file looks like UTF-8."""
    path = tmp_path / "eval.csv"
    path.write_text("question,answer,\nCafé ?,Oui,\n", encoding="utf-8")
    table = read_table(path, encoding="latin-1")
    assert table.frame.values.tolist() == [["CafÃ© ?", "Oui"]]
    assert {"kind": "encoding_differs", "chosen": "latin-1", "detected": "utf-8"} in table.warnings
    assert read_table(path).warnings == ()


@pytest.mark.parametrize("delimiter, suffix", [("\t", ".tsv"), ("\t", ".txt"), ("|", ".csv"), (";", ".csv")])
def test_delimiters_are_detected(tmp_path, delimiter, suffix):
    """Tab, pipe and semicolon files split into the right columns, quoted delimiters stay in a cell."""
    rows = [["id", "question", "answer"], ["1", "a, b; c | d", "yes"], ["2", "line one\nline two", "no"]]
    path = tmp_path / f"eval{suffix}"
    path.write_bytes(csv_bytes(rows, "utf-8", delimiter))
    table = read_table(path)
    assert table.delimiter == delimiter
    assert table.frame.values.tolist() == rows[1:]


def test_delimiter_override_and_preview_rows(tmp_path):
    """The user can force a delimiter and preview only the first rows of a file."""
    path = tmp_path / "eval.csv"
    path.write_text("q;a\n" + "".join(f"x{i};y{i}\n" for i in range(50)), encoding="utf-8")
    table = read_table(path, delimiter="semicolon", nrows=5)
    assert table.frame.shape == (5, 2) and table.truncated
    assert read_table(path, delimiter=",").columns == ["q;a"]


def test_xlsx_sheets_japanese_and_numbers(tmp_path):
    """Excel sheets are read by name (first by default); numbers look as they do in Excel."""
    path = write_xlsx(
        tmp_path / "eval.xlsx",
        {
            "メモ": [["note"], ["ignore me"]],
            "評価": [
                ["番号", "質問", "正解"],
                [1, "日本の首都は？", "東京"],
                [2, "2+2は？", 4],
                [None, None, None],
                [3, "円周率は？", 3.14],
            ],
        },
    )
    first = read_table(path)
    assert (first.sheet, first.sheets, first.columns) == ("メモ", ("メモ", "評価"), ["note"])
    table = read_table(path, sheet="評価")
    assert table.format == "xlsx" and table.encoding is None
    assert table.frame.values.tolist() == [
        ["1", "日本の首都は？", "東京"],
        ["2", "2+2は？", "4"],
        ["3", "円周率は？", "3.14"],
    ]


def test_flat_jsonl_keeps_every_key(tmp_path):
    """Flat JSONL objects become columns; nested values stay as JSON text, nothing is dropped."""
    path = write_jsonl(
        tmp_path / "eval.jsonl",
        [{"question": "q1", "answer": "a1", "meta": {"k": 1}}, {"question": "q2", "answer": 2, "tags": ["x"]}],
    )
    table = read_table(path)
    assert table.format == "jsonl" and table.columns == ["question", "answer", "meta", "tags"]
    assert table.frame.values.tolist() == [["q1", "a1", '{"k": 1}', ""], ["q2", "2", "", '["x"]']]


def test_flat_jsonl_key_appearing_late_is_reported(tmp_path, monkeypatch):
    """A key that first shows up after the sampled lines is not silently lost: it is warned about."""
    from desktop_app.core.data import formats as dataset_formats

    monkeypatch.setattr(dataset_formats, "JSON_SAMPLE_LINES", 2)
    path = write_jsonl(
        tmp_path / "eval.jsonl", [{"q": "1", "a": "x"}, {"q": "2", "a": "y"}, {"q": "3", "a": "z", "note": "late"}]
    )
    table = read_table(path)
    assert table.columns == ["q", "a"] and len(table.frame) == 3
    assert {"kind": "ignored_keys", "count": 1, "keys": ["note"]} in table.warnings


def test_chat_format_jsonl_splits_input_and_expected(tmp_path):
    """In chat-format JSONL the last assistant message is expected; system and earlier turns are kept."""
    path = write_jsonl(
        tmp_path / "chat.jsonl",
        [
            {
                "messages": [
                    {"role": "system", "content": "丁寧に答えて"},
                    {"role": "user", "content": "こんにちは"},
                    {"role": "assistant", "content": "こんにちは！"},
                    {"role": "user", "content": [{"type": "text", "text": "日本の首都は？"}]},
                    {"role": "assistant", "content": "東京です。"},
                ],
                "id": "c1",
            }
        ],
    )
    table = read_table(path)
    assert table.format == "chat_jsonl"
    row = dict(zip(table.columns, table.frame.values.tolist()[0]))
    assert (row["input"], row["expected"], row["system"], row["id"]) == (
        "日本の首都は？",
        "東京です。",
        "丁寧に答えて",
        "c1",
    )
    assert [m["content"] for m in json.loads(row["history"])] == ["こんにちは", "こんにちは！"]
    assert guess_mapping(table.columns)["input"] == "input"


def test_evals_jsonl_string_and_chat_inputs(tmp_path):
    """OpenAI Evals lines work with a string or chat input and a string or list ideal."""
    path = write_jsonl(
        tmp_path / "evals.jsonl",
        [
            {"input": "2+2?", "ideal": "4"},
            {
                "input": [
                    {"role": "system", "content": "Be brief."},
                    {"role": "user", "content": "Capital of France?"},
                ],
                "ideal": ["Paris", "paris"],
            },
        ],
    )
    table = read_table(path)
    assert table.format == "evals_jsonl"
    rows = [dict(zip(table.columns, r)) for r in table.frame.values.tolist()]
    assert [(r["input"], r["ideal"]) for r in rows] == [("2+2?", "4"), ("Capital of France?", "Paris")]
    assert rows[1]["system"] == "Be brief." and json.loads(rows[1]["ideal_alternatives"]) == ["paris"]
    assert guess_mapping(table.columns)["expected"] == "ideal"


# -- mapping ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "columns, expected",
    [
        (["Question", "Answer", "ID"], {"input": "Question", "expected": "Answer", "id": "ID"}),
        (
            ["ＩＤ", "質問", "正解", "カテゴリ", "参考"],
            {"input": "質問", "expected": "正解", "id": "ＩＤ", "category": "カテゴリ", "context": "参考"},
        ),
        (
            ["番号", "問い", "回答", "分類", "文脈"],
            {"input": "問い", "expected": "回答", "id": "番号", "category": "分類", "context": "文脈"},
        ),
        (["prompt", "ideal"], {"input": "prompt", "expected": "ideal", "id": None}),
        (
            ["question_id", "user input", "Expected Output", "model output"],
            {"id": "question_id", "input": "user input", "expected": "Expected Output"},
        ),
        (["質問内容", "期待する回答"], {"input": "質問内容", "expected": "期待する回答"}),
        (["foo", "bar"], {"input": None, "expected": None, "id": None, "context": None, "category": None}),
    ],
)
def test_guess_mapping_english_and_japanese(columns, expected):
    """Usual English and Japanese headers are mapped without the user having to do it."""
    mapping = guess_mapping(columns)
    assert set(mapping) == {"input", "expected", "id", "context", "category"}
    assert {k: mapping[k] for k in expected} == expected
    chosen = [c for c in mapping.values() if c]
    assert len(chosen) == len(set(chosen))


# -- import ----------------------------------------------------------------------------------
def test_import_shift_jis_csv_end_to_end(tmp_path, project):
    """A Shift-JIS CSV with 質問/正解 headers becomes rows, with the dataset section saved."""
    path = tmp_path / "eval.csv"
    path.write_bytes(csv_bytes(JA_ROWS, "cp932"))
    section = import_dataset(project, path)
    assert section["encoding"] == "cp932" and section["rows"] == 3 == section["eval_rows"]
    assert section["mapping"] == {
        "input": "質問",
        "expected": "正解",
        "id": None,
        "context": None,
        "category": "カテゴリ",
    }
    assert Project.open(project.root).section("dataset") == section
    evaluation, pool = load_rows(project)
    assert pool == [] and [r.input for r in evaluation] == [r[0] for r in JA_ROWS[1:]]
    assert evaluation[2].category == "記号" and all(r.id.startswith("r-") for r in evaluation)


def test_explicit_mapping_overrides_guesses(tmp_path, project):
    """The user's column choice wins over the guess, and other roles are still guessed."""
    path = tmp_path / "eval.csv"
    path.write_text("question,answer,better answer,topic\nq1,a1,b1,t1\nq2,a2,b2,t2\n", encoding="utf-8")
    section = import_dataset(project, path, mapping={"expected": "Better Answer", "category": None})
    assert section["mapping"]["expected"] == "better answer" and section["mapping"]["category"] is None
    assert [r.expected for r in load_rows(project)[0]] == ["b1", "b2"]


def test_generated_ids_are_stable_and_unique(tmp_path):
    """Rows without ids get the same ids on every import, and identical rows still get distinct ids."""
    path = tmp_path / "eval.csv"
    path.write_text("q,a\nsame,x\nother,y\nsame,x\n", encoding="utf-8")
    ids = []
    for name in ("p1", "p2"):
        project = Project.create(tmp_path / name)
        import_dataset(project, path)
        ids.append([r.id for r in load_rows(project)[0]])
    assert ids[0] == ids[1]
    assert len(set(ids[0])) == 3 and ids[0][2] == ids[0][0] + "-2"


def test_id_column_and_unmapped_columns_are_kept(tmp_path, project):
    """Ids from the file are used as they are; unmapped columns are stored with the row."""
    path = tmp_path / "eval.csv"
    path.write_text("No.,質問,正解,備考\n q7 ,問1,答1,メモ\nq8,問2,答2,\n", encoding="utf-8")
    import_dataset(project, path)
    assert [r.id for r in load_rows(project)[0]] == ["q7", "q8"]
    stored = [json.loads(line) for line in project.rows_file.read_text(encoding="utf-8").splitlines()]
    assert stored[0]["extra"] == {"備考": "メモ"} and "extra" not in stored[1]
    assert [s["line"] for s in stored] == [2, 3]


def _dataset(tmp_path, n=40, duplicates=0):
    path = tmp_path / "eval.csv"
    lines = [f"質問 {i},答え {i}" for i in range(n)]
    # the same question in other widths/case must land on the same side of the split
    lines += [
        f"質問　{i % 5}  ,別の答え" if k % 2 else f"ＱＵＥＳＴＩＯＮ {i % 5}," for k, i in enumerate(range(duplicates))
    ]
    lines += [f"question {i}" + ",x" for i in range(5)] if duplicates else []
    path.write_text("質問,正解\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_examples_split_is_seeded_saved_and_leak_free(tmp_path, project):
    """The examples pool is reproducible from its seed, saved, and shares no input with evaluation rows."""
    path = _dataset(tmp_path, n=40, duplicates=10)
    section = import_dataset(project, path, examples=12, seed=7)
    evaluation, pool = load_rows(project)
    assert section["examples"]["count"] == len(pool) == 12 and section["eval_rows"] == len(evaluation)
    assert section["examples"]["ids"] == [r.id for r in pool]
    assert any(w["kind"] == "duplicate_inputs" for w in section["warnings"])

    def key(text):
        import unicodedata

        return " ".join(unicodedata.normalize("NFKC", text).casefold().split())

    assert not {key(r.input) for r in pool} & {key(r.input) for r in evaluation}

    again = Project.create(tmp_path / "again")
    assert import_dataset(again, path, examples=12, seed=7)["examples"]["ids"] == section["examples"]["ids"]
    other = Project.create(tmp_path / "other")
    assert import_dataset(other, path, examples=12, seed=8)["examples"]["ids"] != section["examples"]["ids"]


def test_pool_takes_whole_input_groups_and_fills_exactly():
    """Whatever the seed, the pool has exactly the size asked when groups allow, and never splits a group."""
    import numpy as np
    from desktop_app.core.data.split import choose_pool

    hashes = np.array([1, 1, 1, 2, 2, 2, 3, 4, 5, 5], dtype=np.uint64)
    pools = set()
    for seed in range(20):
        mask = choose_pool(hashes, 4, seed, len(hashes))
        assert mask.sum() == 4 and not set(hashes[mask].tolist()) & set(hashes[~mask].tolist())
        pools.add(tuple(mask))
    assert len(pools) > 2  # the seed really changes the draw


def test_resplit_changes_the_pool_without_the_source_file(tmp_path, project):
    """The split can be redrawn after the source file is gone; the rows themselves do not change."""
    path = _dataset(tmp_path, n=30)
    import_dataset(project, path, examples=5, seed=1)
    before = project.rows_file.read_bytes()
    path.unlink()
    section = resplit(project, 10, seed=2)
    evaluation, pool = load_rows(Project.open(project.root))
    assert (len(evaluation), len(pool), section["examples"]["seed"]) == (20, 10, 2)
    assert project.rows_file.read_bytes() == before
    assert resplit(project, 0)["examples"] == {"count": 0, "seed": 0, "ids": []}
    with pytest.raises(DataError, match="leaves no rows"):
        resplit(project, 30)


def test_load_rows_is_fast(tmp_path, project):
    """Opening a project with 20,000 rows loads them in well under a second."""
    import time

    path = tmp_path / "eval.csv"
    path.write_text("q,a\n" + "".join(f"question number {i},answer {i}\n" for i in range(20_000)), encoding="utf-8")
    import_dataset(project, path, examples=100)
    start = time.perf_counter()
    evaluation, pool = load_rows(project)
    assert time.perf_counter() - start < 1.0
    assert (len(evaluation), len(pool)) == (19_900, 100)


def test_progress_is_reported(tmp_path, project):
    """Long imports report progress in bytes so the ui can show a bar."""
    path = _dataset(tmp_path, n=5000)
    events = []
    import_dataset(project, path, progress=events.append)
    assert events and all(0 < e["done"] <= e["total"] == path.stat().st_size for e in events)
    assert events[-1]["rows"] >= 4000
