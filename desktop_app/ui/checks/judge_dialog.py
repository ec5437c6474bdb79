"""The judge's own setting, opened from the Checks page: which model judges, on which server.

By default the judge asks the project's connection. "Use its own server" shows the Connection
page's form (without Offline) for a server of its own, e.g. a stronger model at OpenAI while a
small local model is under test; it is saved as project.json's ``judge_connection`` section, the
one ``connect --judge`` writes, and its key goes to the keychain through the Connection page's
work functions (never into the project). Test, loading and saving run in tasks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QFrame,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.checks.judge_line import WARNING_STYLE
from desktop_app.ui.checks.judge_summary import JUDGE_SECTION, model_of, project_model
from desktop_app.ui.connection import work
from desktop_app.ui.connection.form import ConnectionForm
from desktop_app.ui.connection.verdicts import describe, fill
from desktop_app.ui.tasks import ErrorRecord, TaskRunner, network_pool
from desktop_app.ui.widgets.banner import Banner

_RESULT_STYLE = {  # the Connection page's tints
    True: "QLabel#judgeResult { background: rgba(25, 135, 84, 0.14); border: 1px solid rgba(25, 135, 84, 0.5);"
    " border-radius: 4px; padding: 6px; }",
    False: "QLabel#judgeResult { background: rgba(220, 53, 69, 0.12); border: 1px solid rgba(220, 53, 69, 0.5);"
    " border-radius: 4px; padding: 6px; }",
    None: "QLabel#judgeResult { background: rgba(127, 127, 127, 0.10); border: 1px solid rgba(127, 127, 127, 0.4);"
    " border-radius: 4px; padding: 6px; }",
}
MODES = ("unsure", "all")


class _JudgeForm(ConnectionForm):
    """The Connection page's form without the embedding model: the judge only chats."""

    def _show_rows(self) -> None:
        super()._show_rows()
        self.form.setRowVisible(self.fields["embedding_model"], False)


class JudgeDialog(QDialog):
    """Result: ``saved_mode`` (the mode chosen, or None when there is no judge check to set it on)."""

    def __init__(self, parent: QWidget | None, project, mode: str | None):
        super().__init__(parent)
        self.setObjectName("judgeDialog")
        self.project = project
        self.saved_mode = mode
        self._defaults: dict = {}
        self.banner = Banner()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.use_project = QRadioButton()
        self.use_own = QRadioButton()
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.use_project)
        self.choice.addButton(self.use_own)
        self.use_project.setChecked(True)
        self.choice.buttonToggled.connect(lambda *_: self._update())
        self.form = _JudgeForm()
        offline_card = self.form.preset_buttons["offline"].parentWidget()
        if offline_card is not None:
            offline_card.hide()  # no server at all is "the project's" here
        self.form.changed.connect(self._update)
        self.form.preset_changed.connect(lambda _p: self._refresh_key_status())
        self.form.identity_changed.connect(self._refresh_key_status)
        self.form.models_button.clicked.connect(self.fetch_models)
        self.form.key_box.forget_requested.connect(self.forget_key)
        self.warning = QLabel()
        self.warning.setObjectName("judgeWarning")
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.mode_combo = QComboBox()
        self.mode_caption = QLabel()
        self.mode_caption.setBuddy(self.mode_combo)
        self.mode_note = QLabel()
        self.mode_note.setWordWrap(True)
        self.mode_note.setEnabled(False)  # muted
        self.mode_combo.currentIndexChanged.connect(lambda _i: self._update())
        mode_form = QFormLayout()
        mode_form.addRow(self.mode_caption, self.mode_combo)
        mode_form.addRow(self.mode_note)

        self.test_button, self.cancel_button = QPushButton(), QPushButton()
        self.test_button.clicked.connect(self.test)
        self.cancel_button.clicked.connect(self.cancel_test)
        self.cancel_button.hide()
        self.result_label = QLabel()
        self.result_label.setObjectName("judgeResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)  # URLs, model names and server messages are data
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        tests = QHBoxLayout()
        tests.addWidget(self.test_button)
        tests.addWidget(self.cancel_button)
        tests.addStretch(1)

        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in (self.intro, self.use_project, self.use_own, self.form):
            lay.addWidget(w)
        lay.addLayout(tests)
        lay.addWidget(self.result_label)
        lay.addWidget(self.warning)
        lay.addSpacing(6)
        lay.addLayout(mode_form)
        lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(self.banner)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.buttons)

        self.load_runner = TaskRunner(self)
        self.load_runner.finished.connect(self._on_loaded)
        self.load_runner.failed.connect(self._on_load_failed)
        self.status_runner = TaskRunner(self)
        self.status_runner.finished.connect(
            lambda s: self.form.key_box.set_status(s, self.form.preset(), keep_typed=True)
        )
        self.key_runner = TaskRunner(self)
        self.key_runner.finished.connect(self._on_key_done)
        self.key_runner.failed.connect(self._on_failed)
        self.key_runner.running_changed.connect(lambda _r: self._update())
        self.test_runner = TaskRunner(self, pool=network_pool())
        self.test_runner.finished.connect(self._on_tested)
        self.test_runner.failed.connect(
            lambda e: self._show_result(False, e.message + ("\n" + e.hint if e.hint else ""))
        )
        self.test_runner.running_changed.connect(lambda _r: self._update())
        self.models_runner = TaskRunner(self, pool=network_pool())
        self.models_runner.finished.connect(self.form.set_models)
        self.models_runner.failed.connect(self._on_failed)
        self._pending_save = False
        self.retranslate()
        self.resize(760, 560)
        self._start_load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Judge model"))
        self.intro.setText(
            self.tr(
                "The judge is a model that decides what text alone cannot, such as a paraphrase. A stronger model than "
                "the one under test is recommended: it judges more like a person (e.g. gpt-4o to judge gpt-4o-mini)."
            )
        )
        self.use_project.setText(
            fill(self.tr("Use the pro&ject's connection: %1"), project_model(self.project) or self.tr("offline"))
        )
        self.use_own.setText(self.tr("Use its own ser&ver"))
        self.test_button.setText(self.tr("&Test the judge"))
        self.cancel_button.setText(self.tr("Stop"))
        self.mode_caption.setText(self.tr("Which ans&wers it judges:"))
        current = self.mode_combo.currentIndex()
        self.mode_combo.clear()
        self.mode_combo.addItems(
            [
                self.tr("only answers the other checks cannot decide (unsure)"),
                self.tr("every answer (its verdict replaces theirs)"),
            ]
        )
        self.mode_combo.setCurrentIndex(max(current, 0) if current >= 0 else MODES.index(self.saved_mode or "unsure"))

    # -- loading ---------------------------------------------------------------------------
    def _start_load(self) -> None:
        own = self.project.section(JUDGE_SECTION)
        self.use_own.setChecked(isinstance(own, dict) and own.get("preset") not in (None, "", "offline"))
        self.use_project.setChecked(not self.use_own.isChecked())
        # A server of its own starts from the project's (often only the model differs).
        start = own if self.use_own.isChecked() else dict(self.project.section("connection") or {})
        if str(start.get("preset") or "offline") == "offline":
            start = {"preset": "openai"}
        self.form.setEnabled(False)
        self.load_runner.start(work.load, dict(start))
        if self.saved_mode is None:
            self.mode_combo.setEnabled(False)
            self.mode_note.setText(self.tr("There is no judge check: add one with Add check… to have answers judged."))
        else:
            self.mode_combo.setCurrentIndex(MODES.index(self.saved_mode))
            self.mode_note.setText(self.tr("Every answer: each one is a paid call to the judge."))
        self._update()

    @Slot(object)
    def _on_loaded(self, loaded: work.Loaded) -> None:
        self._defaults = loaded.defaults
        self.form.load(loaded.section, self._defaults)
        self.form.key_box.set_status(loaded.status, loaded.section["preset"])
        self._update()

    @Slot(object)
    def _on_load_failed(self, error: ErrorRecord) -> None:
        self.banner.show_error(error)
        self.load_runner.start(work.load, {"preset": "openai"})

    @Slot()
    def _refresh_key_status(self) -> None:
        if self.form.preset() != "offline":
            self.status_runner.start(work.key_status, self.form.section())
        self.result_label.hide()

    # -- actions ---------------------------------------------------------------------------
    def _tested_section(self) -> tuple[dict, str]:
        if self.use_own.isChecked():
            return self.form.section(), self.form.key_box.typed_key()
        return dict(self.project.section("connection") or {}), ""

    @Slot()
    def test(self) -> None:
        self.banner.clear()
        self._show_result(None, self.tr("Testing the judge…"))
        self.test_runner.start(work.probe, *self._tested_section())

    @Slot()
    def cancel_test(self) -> None:
        self.test_runner.cancel()
        self.result_label.hide()

    @Slot()
    def fetch_models(self) -> None:
        self.banner.clear()
        self.models_runner.start(work.fetch_models, self.form.section(), self.form.key_box.typed_key())

    @Slot()
    def forget_key(self) -> None:
        self.banner.clear()
        self.key_runner.start(work.forget, self.form.section())

    @Slot()
    def save(self) -> None:
        self.banner.clear()
        self.status_runner.cancel()
        if self.use_own.isChecked():
            self._pending_save = True
            self.key_runner.start(work.save, self.form.section(), self.form.key_box.typed_key())
        else:
            self._finish(None)

    @Slot(object)
    def _on_key_done(self, result) -> None:
        if isinstance(result, work.Saved):
            if self._pending_save:
                self._pending_save = False
                self._finish(result.section)
        else:  # Forget: the key is gone from the keychain
            self.form.key_box.set_status(result, self.form.preset())

    def _finish(self, section: dict | None) -> None:
        from desktop_app.core.errors import AppError  # noqa: PLC0415

        try:  # merged per section under the project's lock, as connect --judge writes it
            self.project.set_section(JUDGE_SECTION, section)
        except (AppError, OSError) as exc:
            self.banner.show_error(exc)
            return
        if self.saved_mode is not None:
            self.saved_mode = MODES[max(self.mode_combo.currentIndex(), 0)]
        self.accept()

    @Slot(object)
    def _on_failed(self, error: ErrorRecord) -> None:
        self._pending_save = False
        self.banner.show_error(error)

    @Slot(object)
    def _on_tested(self, outcome: work.TestOutcome) -> None:
        if outcome.models:
            self.form.set_models(outcome.models)
        text = describe(outcome.report, outcome.models, env_var=outcome.env_var)
        lines = [text.headline] + [
            t for t in (text.hint, fill(self.tr("The server said: %1"), text.detail) if text.detail else "") if t
        ]
        self._show_result(text.ok, "\n".join(lines))

    def _show_result(self, ok: bool | None, text: str) -> None:
        self.result_label.setStyleSheet(_RESULT_STYLE[ok])
        self.result_label.setText(text)
        self.result_label.show()

    # -- state -----------------------------------------------------------------------------
    def judge_model(self) -> str:
        if self.use_own.isChecked():
            return model_of(self.form.section())
        return project_model(self.project)

    def _update(self) -> None:
        own = self.use_own.isChecked()
        self.form.setVisible(own)
        self.form.setEnabled(own and not self.load_runner.is_running())
        busy = self.test_runner.is_running()
        self.cancel_button.setVisible(busy)
        self.test_button.setEnabled(not busy and (own or project_model(self.project) != ""))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not self.key_runner.is_running())
        under_test, judge = project_model(self.project), self.judge_model()
        same = bool(judge) and judge == under_test
        self.warning.setText(
            fill(
                self.tr(
                    "The judge is the model under test (%1): it tends to pass its own "
                    "answers. A stronger model judges better."
                ),
                judge,
            )
            if same
            else ""
        )
        self.warning.setVisible(same)
        self.mode_note.setVisible(self.saved_mode is None or self.mode_combo.currentIndex() == 1)

    def done(self, result: int) -> None:
        for runner in (self.test_runner, self.models_runner, self.status_runner, self.load_runner):
            runner.cancel()
        super().done(result)
