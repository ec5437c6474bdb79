"""Switching to Japanese while the app runs: pages already shown redraw their words too."""

from __future__ import annotations

from desktop_app.ui import language
from desktop_app.ui.steps import STEPS
from tests.ui.test_japanese_window import _english, _menu_texts, _settle, _visible_texts, open_sample_window


def test_every_page_already_shown_in_english_reads_japanese_after_a_live_switch(
    qtbot, qapp, sample_source, tmp_path, monkeypatch
):
    """A user who opens every page in English, then picks 日本語, reads no English left on any page."""
    monkeypatch.delenv(language.ENV_VAR, raising=False)
    language.apply(qapp, "en")
    window = open_sample_window(qtbot, sample_source, tmp_path)
    for key, _ in STEPS:  # every page drawn once in English, with its data
        window.select_step(key)
        _settle(qtbot, window)
    try:
        language.apply(qapp, "ja")
        _settle(qtbot, window)  # Qt posts the LanguageChange events
        left = _english(_menu_texts(window))
        for key, _ in STEPS:
            window.select_step(key)
            _settle(qtbot, window)
            left += [f"[{key}] {line}" for line in _english(_visible_texts(window))]
    finally:
        language.apply(qapp, "en")
    assert not sorted(set(left)), "English left after switching to Japanese:\n" + "\n".join(sorted(set(left)))
