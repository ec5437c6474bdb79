"""The window in Japanese: every page and the main dialogs show no English of the UI's own."""

from __future__ import annotations

import re
import shutil

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

from desktop_app.core import settings as app_settings
from desktop_app.ui import language
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.steps import STEPS
from desktop_app.ui.tasks import TaskRunner

# Words that stay as they are in Japanese: product, format and technique names, units, keys.
ALLOWED = re.compile(r"""(?x)
    LLM\ Path\ Advisor | OpenAI | Azure | Ollama | LM\ Studio | vLLM | llama\.cpp | Foundry
    | RAG | Few-shot | few-shot | HyDE | SQL | JSON(?:L)? | CSV | TSV | TXT | XLSX | HTML | PNG | PDF | OCR
    | API | URL | ID | LLM | UTF-8 | BOM | Shift-JIS | Markdown | F1 | top-k | top-\d+ | p50 | p95
    | Ctrl\+\w | Esc | Delete | \{(?:input|examples|context|category)\} | ft:\S+ | OPENAI_API_KEY
    | https?://\S+ | \b[kK]\b | 1k | Excel | FAQ
    | A\ Survey\ of\ Techniques\ for\ Maximizing\ LLM\ Performance
""")
# Text that comes from the data, not from the UI: the sample project's name, runs, files, ids,
# categories and column names, the check ids it uses, and anything the app quotes as data (a row's
# question in a link is the user's own text, in whatever language the evaluation set is).
SAMPLE_DATA = re.compile(r"""(?x)
    Sample:\ Haluna\ AirLoop\ support\ bot | sample-project | Baseline | \b(?:baseline|instructions
    |step_by_step|few_shot|rag|rag_few_shot|fine_tuned|fine_tuned_rag)\b
    | [\w\-]+\.(?:md|csv|txt|json|pdf|docx|html) | /\S+ | \bq\d\d\b
    | \b(?:question|answer|id|category|specs|usage|warranty|troubleshooting|pricing|support)\b
    | \b(?:contains|max_chars)\b
    | 「[^」]*」 | “[^”]*”
""")
ENGLISH = re.compile(r"[A-Za-z]{3,}")


def _visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for what a user reads: labels, buttons, group boxes, tabs, headers, placeholders."""
    found = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        name = f"{type(w).__name__}#{w.objectName()}"
        if isinstance(w, QLabel):
            found.append((name, w.text()))
        elif isinstance(w, QAbstractButton):
            found.append((name, w.text()))
            found.append((name + " tooltip", w.toolTip()))
        elif isinstance(w, QGroupBox):
            found.append((name, w.title()))
        elif isinstance(w, QTabWidget):
            found.extend((name + " tab", w.tabText(i)) for i in range(w.count()))
        elif isinstance(w, QLineEdit):
            found.append((name + " placeholder", w.placeholderText()))
        elif isinstance(w, QHeaderView) and w.orientation() == Qt.Orientation.Horizontal and w.model():
            found.extend(
                (name, str(w.model().headerData(i, Qt.Orientation.Horizontal) or ""))
                for i in range(w.count())
                if not w.isSectionHidden(i)
            )
        found.append((name + " accessible", w.accessibleName()))
    return [(where, text) for where, text in found if text]


def _menu_texts(window) -> list[tuple[str, str]]:
    texts = []
    for action in window.menuBar().actions():
        texts.append(("menu", action.text()))
        menu = action.menu()
        if isinstance(menu, QMenu):
            texts.extend(("menu item", a.text()) for a in menu.actions() if a.text())
    return texts


def _english(texts: list[tuple[str, str]]) -> list[str]:
    left = []
    for where, text in texts:
        plain = re.sub(r"<[^>]+>", " ", text)  # rich-text labels: their tags are not words
        rest = SAMPLE_DATA.sub(" ", ALLOWED.sub(" ", plain))
        if ENGLISH.search(rest):
            left.append(f"{where}: {text!r}")
    return left


def _settle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not any(r.pending_workers() for r in window.findChildren(TaskRunner)), timeout=20000)
    QApplication.processEvents()


def open_sample_window(qtbot, sample_source, tmp_path) -> MainWindow:
    """The window at 1100×690 with a copy of the sample project open."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1100, 690)
    window.show()
    qtbot.waitExposed(window)
    project = shutil.copytree(sample_source, tmp_path / "sample")
    with qtbot.waitSignal(window.project_changed, timeout=10000):
        window.open_project(str(project))
    return window


def test_every_page_of_the_sample_reads_in_japanese(qtbot, japanese, sample_source, tmp_path):
    """A Japanese QA lead walks through all ten steps of the sample and reads Japanese only."""
    window = open_sample_window(qtbot, sample_source, tmp_path)
    left = _english(_menu_texts(window))
    for key, _ in STEPS:
        window.select_step(key)
        _settle(qtbot, window)
        left += [f"[{key}] {line}" for line in _english(_visible_texts(window))]
        if key == "connection":  # the offline sample hides the server forms: look at each preset
            for preset in ("openai", "azure", "local"):
                window.pages[key].form.preset_buttons[preset].click()
                left += [f"[{key}/{preset}] {line}" for line in _english(_visible_texts(window))]
    assert window.step_list.item(0).text().strip().endswith("プロジェクト")
    assert not sorted(set(left)), "English left in Japanese mode:\n" + "\n".join(sorted(set(left)))


def test_main_dialogs_read_in_japanese(qtbot, japanese):
    """Settings, New project and About speak Japanese too, Qt's own buttons included."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    left = []
    window.settings_action.trigger()
    dialog = window.settings_dialog
    qtbot.waitExposed(dialog)
    left += _english(_visible_texts(dialog))
    assert dialog.windowTitle() == "設定"
    dialog.reject()
    window.show_about()
    left += _english(_visible_texts(window.about_box))
    window.about_box.close()
    window.ask_new_project()
    from desktop_app.ui.data.new_project_wizard import NewProjectDialog

    qtbot.waitUntil(
        lambda: any(w.isVisible() for w in QApplication.topLevelWidgets() if isinstance(w, NewProjectDialog))
    )
    wizard = next(w for w in QApplication.topLevelWidgets() if isinstance(w, NewProjectDialog) and w.isVisible())
    left += _english(_visible_texts(wizard))
    wizard.reject()
    assert not left, "English left in Japanese mode:\n" + "\n".join(left)


def test_language_switches_at_once_and_is_remembered(qtbot, qapp, monkeypatch):
    """Choosing 日本語 in Settings redraws the open window in Japanese and is kept for the next start."""
    monkeypatch.delenv(language.ENV_VAR, raising=False)
    language.apply(qapp, "en")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.file_menu.title() == "&File"
    try:
        window.settings_action.trigger()
        dialog = window.settings_dialog
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ja"))
        dialog.accept()
        qtbot.waitUntil(lambda: window.file_menu.title() == "ファイル(&F)")
        assert window.pages["data"].title() == "データ"
        assert app_settings.load()["language"] == "ja"
    finally:
        language.apply(qapp, "en")
    QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
    assert window.file_menu.title() == "&File"


def test_the_cores_sentences_read_in_japanese(qtbot, japanese, tmp_path):
    """A content check's reason (stored in English) and a core error reach a Japanese user in Japanese,
    with their values in place; the CLI and the report keep the English."""
    from desktop_app.core.errors import DataError
    from desktop_app.core.phrases import phrase, translate
    from desktop_app.ui.checks.wording import reason_text
    from desktop_app.ui.results.example_view import verdict_line
    from desktop_app.ui.tasks import ErrorRecord
    from desktop_app.core.records import Verdict

    stored = "The answer gives 25 m², not the expected 32 m²."  # as results.sqlite holds it
    assert reason_text(stored) == "回答は期待される 32 m² ではなく 25 m² を示しています。"
    line = verdict_line(Verdict("contains", "content", False, 0.0, stored))
    assert "25 m²" in line and "回答は" in line and "The answer" not in line
    assert reason_text("Something a newer version wrote.") == "Something a newer version wrote."
    error = DataError(phrase(translate("CheckReasons", "The answer denies {want}."), want="3"))
    assert ErrorRecord.from_exception(error).message == "回答は 3 を否定しています。"
    assert str(error) == "The answer denies 3."


def test_a_data_import_error_reads_in_japanese(qtbot, japanese, tmp_path):
    """A Shift-JIS file opened as UTF-8: the window says what is wrong and what to do in Japanese."""
    from desktop_app.core.data.readers import open_source
    from desktop_app.ui.tasks import ErrorRecord

    path = tmp_path / "評価セット.csv"
    path.write_bytes("質問,正解\n保証期間は？,2年\n".encode("cp932"))
    with pytest.raises(Exception) as caught:
        open_source(path, encoding="utf-8")
    record = ErrorRecord.from_exception(caught.value)
    assert record.is_app_error and "評価セット.csv を UTF-8" in record.message and "文字コード" in record.message
    assert "--encoding cp932" in record.hint and "のようです" in record.hint
    assert "cannot be read as" in str(caught.value)  # the CLI keeps the English


def test_a_connection_error_reads_in_japanese_with_its_parts_translated(qtbot, japanese):
    """A key pasted into the model field: the refusal, the field's name in it and the hint read in Japanese."""
    from desktop_app.core.providers.connection import ConnectionConfig
    from desktop_app.ui.tasks import ErrorRecord

    with pytest.raises(Exception) as caught:
        ConnectionConfig.from_dict(
            {
                "preset": "local",
                "base_url": "http://127.0.0.1:8080/v1",
                "model": "sk-proj-PLANTEDsecret0123456789abcdWXYZ",
            }
        )
    record = ErrorRecord.from_exception(caught.value)
    assert record.message.startswith("モデル名が API キーのようです") and "PLANTEDsecret" not in record.message
    assert "キーの欄" in record.hint
