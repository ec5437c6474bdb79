"""The exported report in Japanese: the window's language, and the CLI's ``report --lang ja``."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

from desktop_app.core.project.folder import Project
from desktop_app.core.report.build import build_report_data, write_html
from desktop_app.ui import language
from tests.ui.test_japanese_window import ALLOWED, ENGLISH

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "llm_path_advisor_ja.ts"


class _Text(HTMLParser):
    """The words a reader sees: text outside <style>, plus the SVG maps' labels."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs) -> None:
        self._skip += tag == "style"

    def handle_endtag(self, tag) -> None:
        self._skip -= tag == "style"

    def handle_data(self, data) -> None:
        if not self._skip:
            self.parts.append(data)


def _seen(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def _english_templates() -> list[str]:
    """The fixed parts (four words or more) of every sentence the advice and the report say."""
    chunks = []
    for context in ET.parse(CATALOGUE).getroot().iter("context"):
        if context.findtext("name") not in ("AdviceText", "ReportText"):
            continue
        for source in context.iter("source"):
            chunks += [c.strip() for c in re.split(r"\{\w+\}", source.text or "") if len(c.split()) >= 4]
    return chunks


def _data_words(data) -> set[str]:
    """English words that come from the user's data (questions, answers, run and check names)."""
    texts = [data.project, data.dataset.get("source"), data.connection.get("model"), data.app_version]
    for row in data.rows:
        texts += [row.get("id"), row.get("input"), row.get("expected"), row.get("category")]
        for res in row.get("results") or []:
            if res:
                texts += [res.get("output"), res.get("error")]
                texts += [c.get("check") for c in res.get("failed_checks") or []]
    texts += [r.get("name") for r in data.leaderboard]
    texts += [f"{c.get('id')} {c.get('value') or ''}" for c in data.checks]
    return {w for t in texts if t for w in ENGLISH.findall(str(t))}


def _report(project_dir: Path, out: Path) -> tuple[str, object]:
    data = build_report_data(Project.open(project_dir))
    say, lang = language.report_language()
    write_html(data, out, say, lang)
    return out.read_text(encoding="utf-8"), data


def test_the_report_comes_out_in_japanese_when_the_window_is_japanese(qapp, japanese, sample_source, tmp_path):
    """A Japanese QA lead exports the report and her manager reads it in Japanese, maps included."""
    html, data = _report(sample_source, tmp_path / "report.html")
    seen = _seen(html)
    assert '<html lang="ja">' in html
    for heading in (
        "推奨する次のステップ",
        "根拠",
        "リーダーボード",
        "手法マップ",
        "診断マップ",
        "チェックの意味",
        "モデルが知るべきこと：コンテキスト",
        "合格率",
    ):
        assert heading in seen, heading
    left = [chunk for chunk in _english_templates() if chunk in seen]
    assert not left, f"English sentences left in the Japanese report: {left}"
    data_words = _data_words(data)
    unclipped = re.sub(r"[A-Za-z]+…", " ", seen)  # data text cut short mid-word
    stray = {w for w in ENGLISH.findall(ALLOWED.sub(" ", unclipped)) if w not in data_words}
    assert not stray, f"English words of the report's own in Japanese: {sorted(stray)}"


def test_the_report_stays_english_when_the_window_is_english(qapp, sample_source, tmp_path):
    """The same export from an English window is English (the language follows the user's choice)."""
    language.apply(qapp, "en")
    html, _ = _report(sample_source, tmp_path / "report.html")
    assert '<html lang="en">' in html and "Recommended next step" in html and "推奨" not in html


def test_the_cli_writes_the_report_in_japanese_on_request(qapp, sample_source, tmp_path, capsys):
    """`report PROJECT OUT.html --lang ja` writes the Japanese report; without --lang it stays English."""
    from desktop_app.cli import main

    try:
        assert main(["report", str(sample_source), str(tmp_path / "ja.html"), "--lang", "ja"]) == 0
    finally:
        language.apply(qapp, "en")  # the CLI installed the Japanese catalogue in this process
    assert "推奨する次のステップ" in (tmp_path / "ja.html").read_text(encoding="utf-8")
    assert main(["report", str(sample_source), str(tmp_path / "en.html")]) == 0
    assert "Recommended next step" in (tmp_path / "en.html").read_text(encoding="utf-8")
