"""A new split of the evaluation rows, after runs were made: which runs it concerns, and the
question the Data page asks before applying it (rows that move lose their scores; few-shot runs
may have shown as examples rows that are now evaluated). Words in the Data page's context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.ui.language import quoted_names


def made_runs(project) -> list[str]:
    """Names of the runs stored in the project (a small read: no model, no scoring)."""
    if project is None or not project.results_db.exists():
        return []
    from desktop_app.core.run.store import ResultStore  # noqa: PLC0415

    with ResultStore(project.results_db) as store:
        return list(dict.fromkeys(info.name for info in store.runs()))


def ask_resplit(parent: QWidget, runs: list[str]) -> bool:
    """Runs were scored on the old split: say which, and apply only when the user agrees."""
    if not runs:
        return True
    shown = quoted_names(runs, 6)
    text = (
        QCoreApplication.translate(
            "DataPage",
            "A new split changes which rows are evaluated. The %1 runs made so far (%2) were scored on "
            "the old one: rows that move into the examples pool leave their scores, and few-shot runs "
            "may have shown as examples rows that are now evaluated. Run them again to compare them "
            "fairly.",
        )
        .replace("%1", str(len(runs)))
        .replace("%2", shown)
    )
    box = QMessageBox(
        QMessageBox.Icon.Question, QCoreApplication.translate("DataPage", "Apply the new split?"), text, parent=parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # run names are the user's text
    apply = box.addButton(
        QCoreApplication.translate("DataPage", "Apply the new split"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is apply
