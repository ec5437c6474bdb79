"""The workflow's dialogs in Japanese: adding a check, the judge model, reviewing answers, fine-tuning."""

from __future__ import annotations

import re
import shutil

from PySide6.QtWidgets import QApplication, QDialog

from desktop_app.core.sample import ensure_sample_project
from desktop_app.ui.main_window import MainWindow
from tests.ui.conftest import REPO
from tests.ui.test_japanese_window import _english, _settle, _visible_texts

# Names of models, trainers and providers, and a model id given as an example, stay as they are.
NAMES = re.compile(r"""(?x) gpt-[\w.-]+ | mlx-lm | axolotl | Unsloth | LLaMA-Factory | DPO | LoRA | Together
    | Fireworks | --[\w-]+ | ollama\ create | ft:\S+ | support-lora""")


def _named(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(where, NAMES.sub(" ", text)) for where, text in texts]


def _dialog(qtbot, kind):
    qtbot.waitUntil(
        lambda: any(isinstance(w, kind) and w.isVisible() for w in QApplication.topLevelWidgets()), timeout=10000
    )
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def test_the_dialogs_of_the_workflow_read_in_japanese(qtbot, japanese, tmp_path):
    """A Japanese QA lead adds a check, sets the judge, reviews answers and opens the fine-tuning helper in Japanese."""
    from desktop_app.ui.checks.check_editor import CheckEditorDialog
    from desktop_app.ui.checks.judge_dialog import JudgeDialog
    from desktop_app.ui.finetune.dialog import FineTuneDialog
    from desktop_app.ui.results.review_dialog import ReviewDialog

    source = ensure_sample_project(REPO / "resources" / "sample_project_ja", tmp_path / "built")
    project = shutil.copytree(source, tmp_path / "sample")
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1100, 690)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.project_changed, timeout=10000):
        window.open_project(str(project))
    left: list[str] = []

    def look(dialog: QDialog, where: str) -> None:
        qtbot.waitExposed(dialog)
        left.extend(f"[{where}] {line}" for line in _english(_named(_visible_texts(dialog))))
        if hasattr(dialog, "tabs"):  # every tab of a tabbed dialog
            for i in range(dialog.tabs.count()):
                dialog.tabs.setCurrentIndex(i)
                QApplication.processEvents()
                left.extend(f"[{where} tab {i}] {line}" for line in _english(_named(_visible_texts(dialog))))
        dialog.reject()
        QApplication.processEvents()

    window.select_step("checks")
    _settle(qtbot, window)
    checks = window.pages["checks"]
    checks._open_editor(None)
    look(_dialog(qtbot, CheckEditorDialog), "add check")
    checks.open_judge()
    look(_dialog(qtbot, JudgeDialog), "judge")
    window.select_step("results")
    _settle(qtbot, window)
    window.pages["results"].review_sample()
    look(_dialog(qtbot, ReviewDialog), "review")
    window.select_step("variants")
    _settle(qtbot, window)
    window.pages["variants"].open_finetune()
    look(_dialog(qtbot, FineTuneDialog), "fine-tuning")
    assert not left, "English left in Japanese dialogs:\n" + "\n".join(left)
