"""Errors of checks, knowledge, fine-tuning, projects and exports read in Japanese in the window."""

from __future__ import annotations

import errno
import json

import pytest

from desktop_app.ui.language import localized
from desktop_app.ui.tasks import ErrorRecord


def _caught(fn, *args, **kwargs) -> ErrorRecord:
    with pytest.raises(Exception) as caught:
        fn(*args, **kwargs)
    record = ErrorRecord.from_exception(caught.value)
    assert record.is_app_error, record.traceback
    return record


def test_a_bad_check_reads_in_japanese_with_the_value_quoted(qtbot, japanese):
    """A broken regular expression in the check editor: what is wrong and what to do, in Japanese."""
    from desktop_app.core.checks.spec import _VALUE_HINTS, make_check

    record = _caught(make_check, "regex", "([")
    assert record.message.startswith("正規表現「([」が正しくありません: ") and "The regular" not in record.message
    assert record.hint.startswith("パターンを直してください。") and "バックスラッシュ" in record.hint
    record = _caught(make_check, "token_f1", threshold=1.5)
    assert record.message == "token-f1 チェックのしきい値「1.5」が 0 から 1 の間の数値になっていません。"
    # Hints holding braces and backslashes (no fields) are found in the catalogue as written.
    assert localized(_VALUE_HINTS["regex"]) == "正規表現を指定してください（例: '^\\d{3}-\\d{4}$'）。"
    assert localized(_VALUE_HINTS["schema"]).startswith("JSON Schema を JSON テキストで指定してください")


def test_a_document_that_cannot_be_added_reads_in_japanese(qtbot, japanese, tmp_path):
    """Knowledge: an unsupported file and an empty one are refused in Japanese, the file name kept."""
    from desktop_app.core.knowledge.ingest import read_document

    (tmp_path / "手順書.xyz").write_text("本文", encoding="utf-8")
    record = _caught(read_document, tmp_path / "手順書.xyz")
    assert record.message == "手順書.xyz: この種類のファイル（.xyz）には対応していません。"
    assert record.hint == "txt、md、pdf、docx、html、csv のいずれかを使ってください。"
    (tmp_path / "空.txt").write_text("   \n", encoding="utf-8")
    assert _caught(read_document, tmp_path / "空.txt").message == "空.txt にはテキストがありません。"


def test_a_fine_tuning_error_reads_in_japanese(qtbot, japanese):
    """Fine-tuning: a server that cannot be reached and an epoch count out of range, in Japanese."""
    import httpx
    import openai

    from desktop_app.core.finetune.jobs import explain
    from desktop_app.core.finetune.limits import estimate_cost

    error = explain(openai.APIConnectionError(request=httpx.Request("POST", "http://127.0.0.1:9/v1/files")), "upload")
    record = ErrorRecord.from_exception(error)
    assert record.message == "サーバーに接続できませんでした。" and "接続設定のアドレス" in record.hint
    assert error.details["kind"] == "unreachable" and str(error) == "The server could not be reached."
    record = _caught(estimate_cost, [100], "gpt-4o-mini", "openai", epochs=0)
    assert record.message == "エポック数は 1 から 50 の整数で指定してください（「0」は使えません）。"


def test_a_report_export_error_reads_in_japanese(qtbot, japanese, tmp_path):
    """Export: a report named .pdf and a write the disk refuses are explained in Japanese."""
    from desktop_app.core.report.build import HTML_SUFFIXES, check_suffix, write_failed

    record = _caught(check_suffix, tmp_path / "報告.pdf", HTML_SUFFIXES, "the report")
    assert record.message == "レポートを 報告.pdf に書き出せません。ファイル名の末尾は .html か .htm にしてください。"
    assert record.hint == "report.html のようなファイル名にしてください。"
    record = ErrorRecord.from_exception(
        write_failed(tmp_path / "r.html", PermissionError(errno.EACCES, "Permission denied"))
    )
    assert record.message.endswith("r.html に書き込めません（Permission denied）。")
    assert record.hint.startswith("ほかのプログラムでファイルを開いている場合は")


def test_a_damaged_project_file_reads_in_japanese_down_to_its_type_words(qtbot, japanese, tmp_path):
    """project.json with a wrong section: the sentence and the words inside it (a list, an object) are Japanese."""
    from desktop_app.core.project.folder import Project

    project = Project.create(tmp_path / "p")
    data = json.loads((project.root / "project.json").read_text(encoding="utf-8"))
    data["variants"] = {"a": 1}
    (project.root / "project.json").write_text(json.dumps(data), encoding="utf-8")
    record = _caught(Project.open, project.root)
    assert record.message == (
        'project.json の "variants" の項目はリストであるべきですが、'
        "名前付きの値の集まり（オブジェクト）になっています。"
    )
    data["variants"], data["dataset"] = [], 3
    (project.root / "project.json").write_text(json.dumps(data), encoding="utf-8")
    assert "名前付きの値の集まり（オブジェクト）または空（null）" in _caught(Project.open, project.root).message


def test_a_full_disk_reads_in_japanese(qtbot, japanese):
    """The disk refusing a write (no space) is the user's to fix, said in Japanese."""
    record = ErrorRecord.from_exception(OSError(errno.ENOSPC, "No space left on device"))
    assert record.is_app_error and record.message == "ディスクがいっぱいのため、直前の処理を保存できませんでした。"
    assert record.hint.startswith("ディスクの空き容量を増やしてから")


def test_a_report_without_advice_says_why_in_japanese(qtbot, japanese, tmp_path, monkeypatch):
    """An exported report whose runs give no advice says the advisor's reason in Japanese, not in English."""
    from desktop_app.core.advice import inputs
    from desktop_app.core.project.folder import Project
    from desktop_app.core.report.build import build_report_data
    from desktop_app.core.report.html import render_html

    monkeypatch.setattr(inputs, "load_evaluated_runs", lambda project: ([], None))  # the advisor gets no run
    data = build_report_data(Project.create(tmp_path / "p"))
    assert data.diagnosis is None
    assert str(data.advice_note) == "There are no runs to advise on yet. Run or import a run first."
    html = render_html(data, localized, "ja")
    assert "助言の元になる実行がまだありません。先に実行するか、実行結果を取り込んでください。" in html
    assert "There are no runs" not in html
