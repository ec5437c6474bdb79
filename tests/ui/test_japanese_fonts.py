"""Japanese text in a Japanese font: the window's font and the report's CSS on every platform."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop_app.core.project.folder import Project
from desktop_app.core.report.build import build_report_data
from desktop_app.core.report.html import render_html
from desktop_app.core.sample import ensure_sample_project
from desktop_app.ui import language

REPO = Path(__file__).resolve().parents[2]
# What each platform's Japanese user should read, by the generic or Latin default it replaces.
PLATFORMS = {
    "win32": ({"Segoe UI", "Yu Gothic UI", "Meiryo UI", "Meiryo", "MS UI Gothic"}, ["Segoe UI"], "Yu Gothic UI"),
    "win32-no-yu-gothic": ({"Segoe UI", "Meiryo", "MS UI Gothic"}, ["MS Shell Dlg 2"], "Meiryo"),
    "darwin": (
        {".AppleSystemUIFont", "Hiragino Sans", "Hiragino Kaku Gothic ProN"},
        [".AppleSystemUIFont"],
        "Hiragino Sans",
    ),
    "linux": ({"Sans Serif", "DejaVu Sans", "Noto Sans CJK JP"}, ["Sans Serif"], "Noto Sans CJK JP"),
    "linux-ipa": ({"Sans Serif", "IPAGothic", "IPAPGothic"}, ["Sans Serif"], "IPAPGothic"),
}
CJK = {family for families in language.JAPANESE_FONTS.values() for family in families}


@pytest.mark.parametrize("case", sorted(PLATFORMS))
def test_the_window_font_names_the_platforms_japanese_font_first(case):
    """A Japanese user on Windows, macOS or Linux reads the window in that platform's Japanese UI font."""
    installed, default, expected = PLATFORMS[case]
    families = language.ui_font_families(True, default, platform=case.split("-")[0], installed=installed)
    assert families[0] == expected
    assert families.index(expected) < families.index(default[0])  # before the generic or Latin default
    assert language.ui_font_families(False, default, platform=case.split("-")[0], installed=installed) == default


def test_switching_to_japanese_sets_a_japanese_font_and_back(qapp, japanese):
    """With 日本語 the app font starts with an installed Japanese font; English restores the original."""
    if not language.japanese_font_families() and not language._any_japanese_family():
        pytest.skip("no Japanese font installed on this machine")
    families = QApplication.font().families()
    assert families and (families[0] in CJK or families[0] in language._any_japanese_family())
    language.apply(qapp, "en")
    assert QApplication.font().families()[0] not in CJK
    language.apply(qapp, "ja")


def _stack(css_rule: str) -> list[str]:
    return [f.strip().strip('"') for f in css_rule.split(":", 1)[1].split(",")]


def test_the_japanese_report_names_a_japanese_font_for_every_platform(japanese, tmp_path):
    """A report mailed to a colleague on Windows, a Mac or Linux renders its Japanese in a Japanese font."""
    project = Project.open(ensure_sample_project(REPO / "resources" / "sample_project_ja", tmp_path))
    say, lang = language.report_language()
    html = render_html(build_report_data(project), say, lang)
    assert lang == "ja" and '<html lang="ja">' in html and "ベースライン" in html
    rules = re.findall(r"font-family:[^;}]+", html)
    assert len(rules) >= 2  # the page and the map pictures
    for rule in rules:
        stack = _stack(rule)
        generic = stack.index("sans-serif")
        assert generic == len(stack) - 1
        for choices in (
            ("Yu Gothic UI", "Meiryo"),
            ("Hiragino Sans", "Hiragino Kaku Gothic ProN"),
            ("Noto Sans CJK JP", "IPAPGothic"),
        ):
            assert any(c in stack and stack.index(c) < generic for c in choices), choices
        assert "IPAGothic" not in stack  # fixed-width Latin: the report would read as typewriter text
