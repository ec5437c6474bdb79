"""Chat-format and Evals rows keep their conversation and accepted answers through to the model and the checks."""

from __future__ import annotations

import json

import pytest

from desktop_app.core import checks
from desktop_app.core.data.rows import import_dataset, load_rows, resplit
from desktop_app.core.errors import DataError
from desktop_app.core.project.folder import Project
from desktop_app.core.records import Row
from desktop_app.core.variants.variant import build_messages, preset


def _jsonl(path, lines):
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    return path


def test_chat_rows_send_the_files_system_prompt_and_earlier_turns(tmp_path):
    """A chat-format evaluation set is asked as its app asked it: system prompt and earlier turns kept."""
    path = _jsonl(
        tmp_path / "chat.jsonl",
        [
            {
                "messages": [
                    {"role": "system", "content": "You are Halvgard's support bot. Answer in one word."},
                    {"role": "user", "content": "I have an HX-40."},
                    {"role": "assistant", "content": "Noted."},
                    {"role": "user", "content": "Which battery does it use?"},
                    {"role": "assistant", "content": "Lithium-sulfur"},
                ]
            }
        ],
    )
    project = Project.create(tmp_path / "p")
    import_dataset(project, path)
    (row,), _ = load_rows(project)
    assert row.input == "Which battery does it use?" and row.expected == "Lithium-sulfur"
    assert build_messages(preset("baseline"), row) == [
        {"role": "system", "content": "You are Halvgard's support bot. Answer in one word."},
        {"role": "user", "content": "I have an HX-40."},
        {"role": "assistant", "content": "Noted."},
        {"role": "user", "content": "Which battery does it use?"},
    ]
    sent = build_messages(preset("instructions"), row)
    assert sent[0]["role"] == "system" and sent[0]["content"].startswith("You are Halvgard's support bot.")
    assert "Answer the question directly" in sent[0]["content"] and len(sent) == 4


def test_rows_without_a_conversation_send_what_they_always_sent():
    """Plain rows keep their exact requests, so earlier answers stay in the cache."""
    row = Row("1", "What is 2+2?", "4")
    assert build_messages(preset("instructions"), row) == [
        {"role": "system", "content": preset("instructions").system},
        {"role": "user", "content": "What is 2+2?"},
    ]


def test_evals_alternative_ideals_are_accepted_by_content_checks(tmp_path):
    """An Evals row with several ideal answers passes when the output matches any of them."""
    path = _jsonl(tmp_path / "evals.jsonl", [{"input": "Capital of Japan?", "ideal": ["Tokyo", "Tōkyō", "東京"]}])
    project = Project.create(tmp_path / "p")
    import_dataset(project, path)
    (row,), _ = load_rows(project)
    assert row.expected == "Tokyo" and row.alternatives == ("Tōkyō", "東京")
    specs = [checks.make_check("normalized_match"), checks.make_check("contains")]
    assert all(v.passed for v in checks.evaluate_row(specs, row, "東京"))
    assert not any(v.passed for v in checks.evaluate_row(specs, row, "Kyoto"))
    judged = checks.judge_messages(checks.make_check("judge"), row, "東京")[1]["content"]
    assert "Tokyo" in judged and "東京" in judged


@pytest.mark.parametrize("call", [load_rows, lambda p: resplit(p, 1)])
def test_a_truncated_rows_file_is_a_data_error_with_a_hint(tmp_path, call):
    """A rows file cut short (disk full, hand edit) says to re-import instead of crashing."""
    path = tmp_path / "d.csv"
    path.write_text("id,question,answer\nq1,a?,b\nq2,c?,d\n", encoding="utf-8")
    project = Project.create(tmp_path / "p")
    import_dataset(project, path)
    text = project.rows_file.read_text(encoding="utf-8")
    project.rows_file.write_text(text[:-20], encoding="utf-8")
    with pytest.raises(DataError, match="damaged at line 2") as err:
        call(project)
    assert "Import the evaluation set again" in err.value.hint
