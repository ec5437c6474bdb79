"""The Checks page's line about the judge: which model judges, where, about which answers, a
warning when it is the model under test, and the button that opens the judge's setting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.ui.checks.judge_summary import model_of, own_section, project_model
from desktop_app.ui.connection.verdicts import fill

WARNING_STYLE = "QLabel#judgeWarning { color: #b35c00; }"  # orange: readable on light and dark palettes


def judge_mode_of(spec) -> str:
    """As checks.evaluate.judge_mode reads it (that module loads jsonschema: not at page import)."""
    return str(spec.params.get("mode") or "unsure")


class JudgeLine(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel()
        self.label.setObjectName("judgeLine")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # model names are data
        self.warning = QLabel()
        self.warning.setObjectName("judgeWarning")
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.hide()
        self.button = QPushButton()
        texts = QVBoxLayout()
        texts.setSpacing(0)
        texts.addWidget(self.label)
        texts.addWidget(self.warning)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(texts, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self._shown: tuple = (None, None)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(self.tr("&Judge model…"))
        self.button.setToolTip(self.tr("Which model judges, on which server, and which answers it is asked about"))
        self.show_for(*self._shown)

    def show_for(self, project, spec) -> None:
        """``spec``: the project's judge check, or None."""
        self._shown = (project, spec)
        if project is None:
            self.label.setText("")
            self.warning.hide()
            return
        own, under_test = own_section(project), project_model(project)
        model = str((spec.params.get("model") if spec is not None else "") or model_of(own) or under_test)
        if own is not None:
            text = fill(self.tr("Judge: %1 on its own server."), model)
        elif under_test:
            text = fill(self.tr("Judge: the project's connection: %1."), model)
        else:
            text = self.tr("Judge: none, the project is offline; set one up to have answers judged.")
        if spec is not None and model:
            text += " " + (
                self.tr("Asked about every answer.")
                if judge_mode_of(spec) == "all"
                else self.tr("Asked only about answers the other checks cannot decide.")
            )
        self.label.setText(text)
        same = bool(model) and model == under_test
        self.warning.setText(
            self.tr(
                "It is the model under test: a stronger model judges more like a person (e.g. gpt-4o for gpt-4o-mini)."
            )
            if same
            else ""
        )
        self.warning.setVisible(same)
