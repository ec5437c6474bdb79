"""The Connection step: where the models run (OpenAI, Azure OpenAI, a local server, or offline),
the API key in the OS keychain, a Test button with the verdict in plain words, the model list.

The key typed into the masked field goes to the keychain on Save and is never shown again in
full; project.json gets the connection section only (providers.ConnectionConfig, no key).
Everything that touches the network or the keychain runs in a task: Test and the model list
on the network pool, loading, saving and forgetting keys on the quick pool.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QStyle, QVBoxLayout, QWidget

from desktop_app.ui.connection import work
from desktop_app.ui.connection.form import ConnectionForm
from desktop_app.ui.connection.verdicts import describe, fill
from desktop_app.ui.widgets.page import Page
from desktop_app.ui.tasks import ErrorRecord, TaskRunner, network_pool

_RESULT_STYLE = {  # tints readable on light and dark palettes
    True: "QFrame#connectionResult { background: rgba(25, 135, 84, 0.14); border: 1px solid rgba(25, 135, 84, 0.5);"
    " border-radius: 4px; }",
    False: "QFrame#connectionResult { background: rgba(220, 53, 69, 0.12); border: 1px solid rgba(220, 53, 69, 0.5);"
    " border-radius: 4px; }",
    None: "QFrame#connectionResult { background: rgba(127, 127, 127, 0.10); border: 1px solid rgba(127, 127, 127, 0.4);"
    " border-radius: 4px; }",
}


class ConnectionPage(Page):
    def title(self) -> str:
        return self.tr("Connection")

    def build(self) -> None:
        from desktop_app.ui.widgets.banner import Banner

        self.saved_section: dict | None = None
        self._tested: tuple[dict, str] | None = None  # what the running Test is testing
        self._saved_by_test = False
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.banner = Banner()
        self.form = ConnectionForm()
        self.form.changed.connect(self._on_form_changed)
        self.form.preset_changed.connect(self._on_preset_changed)
        self.form.models_button.clicked.connect(self.fetch_models)
        self.form.key_box.forget_requested.connect(self.forget_key)
        self.form.identity_changed.connect(self._refresh_key_status)

        self.test_button = QPushButton()
        self.test_button.clicked.connect(self.test)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton()
        self.revert_button.clicked.connect(self.revert)
        actions = QHBoxLayout()
        for b in (self.test_button, self.cancel_button):
            actions.addWidget(b)
        actions.addStretch(1)
        for b in (self.revert_button, self.save_button):
            actions.addWidget(b)

        self.result = QFrame()
        self.result.setObjectName("connectionResult")
        self.result_icon = QLabel()
        self.result_headline = QLabel()
        self.result_hint = QLabel()
        self.result_detail = QLabel()
        for label in (self.result_headline, self.result_hint, self.result_detail):
            label.setTextFormat(Qt.TextFormat.PlainText)  # URLs, model names and server messages are data
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.result_headline.font()
        font.setBold(True)
        self.result_headline.setFont(font)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        for label in (self.result_headline, self.result_hint, self.result_detail):
            texts.addWidget(label)
        result_row = QHBoxLayout(self.result)
        result_row.setContentsMargins(10, 8, 10, 8)
        result_row.addWidget(self.result_icon, 0, Qt.AlignmentFlag.AlignTop)
        result_row.addLayout(texts, 1)
        self.result.hide()

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.form)
        body.addSpacing(8)
        body.addLayout(actions)
        body.addWidget(self.result)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        self.layout_.addWidget(self.intro)
        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(scroll, 1)

        self.load_runner = TaskRunner(self)  # loading and the key: quick pool
        self.load_runner.finished.connect(self._on_loaded)
        self.load_runner.failed.connect(self._on_load_failed)
        self.status_runner = TaskRunner(self)
        self.status_runner.finished.connect(self._on_status)
        self.key_runner = TaskRunner(self)
        self.key_runner.finished.connect(self._on_key_done)
        self.key_runner.failed.connect(self._on_failed)
        self.key_runner.running_changed.connect(self._update_buttons)
        self.test_runner = TaskRunner(self, pool=network_pool())
        self.test_runner.finished.connect(self._on_tested)
        self.test_runner.failed.connect(self._on_test_failed)
        self.test_runner.running_changed.connect(self._update_buttons)
        self.models_runner = TaskRunner(self, pool=network_pool())
        self.models_runner.finished.connect(self._on_models)
        self.models_runner.failed.connect(self._on_failed)
        self.models_runner.running_changed.connect(self._update_buttons)
        self._defaults: dict = {}
        self._update_buttons()

    def retranslate(self) -> None:
        super().retranslate()
        self.intro.setText(
            self.tr(
                "Where the models run. Test checks the server, the key and the model with one "
                "tiny request. Keys stay in the system keychain, never in the project."
            )
        )
        self.test_button.setText(self.tr("&Test connection"))
        self.cancel_button.setText(self.tr("&Cancel"))
        self.save_button.setText(self.tr("&Save"))
        self.revert_button.setText(self.tr("Re&vert"))
        self.revert_button.setToolTip(self.tr("Show the saved connection again"))

    # -- project ---------------------------------------------------------------------------
    def set_project(self, project) -> None:
        super().set_project(project)
        for runner in (self.test_runner, self.models_runner, self.key_runner, self.status_runner):
            runner.cancel()
        self.banner.clear()
        self.result.hide()
        self.saved_section = None
        self._reload()

    def on_project_modified(self, what: str) -> None:
        if what == "connection":
            self._reload()

    def _reload(self) -> None:
        self.body.setEnabled(False)
        if self.project is None:
            self.load_runner.cancel()
            return
        self.load_runner.start(work.load, dict(self.project.section("connection") or {}))

    @Slot(object)
    def _on_loaded(self, loaded: work.Loaded) -> None:
        self._defaults = loaded.defaults
        self._show_saved(loaded.section, loaded.status)
        self.body.setEnabled(True)

    @Slot(object)
    def _on_load_failed(self, error: ErrorRecord) -> None:
        """A damaged section: say so and offer a fresh one; project.json changes only on Save."""
        self.banner.show_error(error)
        if self.project is not None and error.is_app_error:
            self.load_runner.start(work.load, {})

    def _show_saved(self, section: dict, status, keep_others: bool = False) -> None:
        self.saved_section = section
        self.form.load(section, self._defaults, keep_others)
        self.form.key_box.set_status(status, section["preset"])
        self._update_buttons()

    @Slot()
    def _refresh_key_status(self) -> None:
        """The keychain entry belongs to a preset and server: look again when those change."""
        if self.project is not None and self.saved_section is not None:
            self.status_runner.start(work.key_status, self.form.section())

    @Slot(object)
    def _on_status(self, status) -> None:
        self.form.key_box.set_status(status, self.form.preset(), keep_typed=True)

    # -- actions ---------------------------------------------------------------------------
    @Slot()
    def test(self) -> None:
        self.banner.clear()
        self._show_result(None, self.tr("Testing the connection…"))
        self._tested = (self.form.section(), self.form.key_box.typed_key())
        self._saved_by_test = False
        self.test_runner.start(work.probe, *self._tested)

    @Slot()
    def fetch_models(self) -> None:
        self.banner.clear()
        self.models_runner.start(work.fetch_models, self.form.section(), self.form.key_box.typed_key())

    @Slot()
    def cancel(self) -> None:
        self.test_runner.cancel()
        self.models_runner.cancel()
        self.result.hide()

    @Slot()
    def save(self) -> None:
        if self.project is None:
            return
        self.banner.clear()
        self.status_runner.cancel()  # a key status read before the save would arrive stale
        self.key_runner.start(work.save, self.form.section(), self.form.key_box.typed_key())

    @Slot()
    def revert(self) -> None:
        self.banner.clear()
        self.result.hide()
        self._reload()

    @Slot()
    def forget_key(self) -> None:
        if self.saved_section is not None:
            self.banner.clear()
            self.status_runner.cancel()
            self.key_runner.start(work.forget, self.saved_section)

    # -- results ---------------------------------------------------------------------------
    @Slot(object)
    def _on_key_done(self, result) -> None:
        if self.project is None:
            return
        if isinstance(result, work.Saved):
            self.project.set_section("connection", result.section)
            # The normalized values, the key field cleared; other presets keep what was typed.
            self._show_saved(result.section, result.status, keep_others=True)
            if self._saved_by_test and self.result.isVisible():
                self._saved_by_test = False
                said = self.result_hint.text() if self.result_hint.isVisible() else ""  # e.g. the context window
                saved = self.tr("Saved: this project now uses this connection.")
                gap = "" if saved.endswith("。") else " "  # Japanese sentences follow one another unspaced
                self.result_hint.setText(f"{saved}{gap}{said}".strip())
                self.result_hint.setVisible(True)
        else:  # Forget: the key is gone from the keychain
            self.form.key_box.set_status(result, self.form.preset())
        self.project_modified.emit("connection")

    @Slot(object)
    def _on_tested(self, outcome: work.TestOutcome) -> None:
        if outcome.models:
            self.form.set_models(outcome.models)
        text = describe(outcome.report, outcome.models, env_var=outcome.env_var)
        self._show_result(text.ok, text.headline, text.hint, text.detail)
        window = getattr(outcome.report, "context_tokens", None)
        if window and self.project is not None and self._tested is not None:
            work.remember_context(self.project, self._tested[0], window, getattr(outcome.report, "context_source", ""))
            self.project_modified.emit("model_info")  # the Run estimate's warning reads it
        # A connection that works is the one the user wants: keep it, as long as the form still
        # shows what was tested (otherwise Run would say "offline" while this says "Connected").
        if text.ok and self.is_dirty() and self._tested == (self.form.section(), self.form.key_box.typed_key()):
            self._saved_by_test = True
            self.save()

    @Slot(object)
    def _on_test_failed(self, error: ErrorRecord) -> None:
        # Incomplete settings (no URL, no endpoint) are a verdict too: show them where Test answers.
        self._show_result(False, error.message, error.hint)

    @Slot(object)
    def _on_models(self, models) -> None:
        self.form.set_models(models)
        if len(models) == 1:
            self.banner.show_message(
                fill(self.tr("The server offers one model, %1, and it is now chosen."), models[0]), kind="info"
            )
        elif models:
            self.banner.show_message(
                fill(self.tr("The server offers %1 models: choose one from the Model list."), len(models)), kind="info"
            )
        else:
            self.banner.show_message(
                self.tr("The server lists no models."), self.tr("Type the model name yourself."), "warning"
            )

    @Slot(object)
    def _on_failed(self, error: ErrorRecord) -> None:
        self.banner.show_error(error)
        if self.saved_section is not None:
            self.body.setEnabled(True)

    def _show_result(self, ok: bool | None, headline: str, hint: str = "", detail: str = "") -> None:
        self.result.setStyleSheet(_RESULT_STYLE[ok])
        icon = {
            True: QStyle.StandardPixmap.SP_DialogApplyButton,
            False: QStyle.StandardPixmap.SP_MessageBoxCritical,
            None: QStyle.StandardPixmap.SP_BrowserReload,
        }[ok]
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.result_icon.setPixmap(self.style().standardIcon(icon).pixmap(size, size))
        self.result_headline.setText(headline)
        self.result_hint.setText(hint)
        self.result_hint.setVisible(bool(hint))
        self.result_detail.setText(fill(self.tr("The server said: %1"), detail) if detail else "")
        self.result_detail.setVisible(bool(detail))
        self.result.show()

    # -- state -----------------------------------------------------------------------------
    def _on_form_changed(self) -> None:
        self._update_buttons()

    def _on_preset_changed(self, preset: str) -> None:
        self.result.hide()
        self._refresh_key_status()
        self._update_buttons()

    def is_dirty(self) -> bool:
        if self.saved_section is None:
            return False
        return self.form.section() != self.saved_section or bool(self.form.key_box.typed_key())

    def _update_buttons(self, *_args) -> None:
        busy = self.test_runner.is_running() or self.models_runner.is_running()
        offline = self.form.preset() == "offline"
        self.cancel_button.setVisible(busy)
        self.test_button.setEnabled(not offline)
        self.form.models_button.setEnabled(not offline and not self.models_runner.is_running())
        saving = self.key_runner.is_running()
        self.save_button.setEnabled(self.project is not None and not saving and self.is_dirty())
        self.revert_button.setEnabled(self.is_dirty())
