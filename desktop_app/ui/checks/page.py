"""The Checks step: what a good answer is, as content and behaviour checks, tried live on a sample.

While the project has stored no checks it is scored by the ones inferred from its data
(``project_checks``), shown as "suggested from your data"; the first edit stores them with
the change (as the CLI's check-add does). Checks that need a model (judge, rubric, semantic)
are left out of the live preview; with a connection, one button runs them on the sample.
The checks core (jsonschema) and the rows are loaded in a task: never at page import.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop_app.core.errors import AppError
from desktop_app.ui.checks import work
from desktop_app.ui.checks.checks_tree import ChecksTree
from desktop_app.ui.checks.judge_line import JudgeLine, judge_mode_of
from desktop_app.ui.checks.judge_summary import own_section
from desktop_app.ui.checks.sample_preview import SamplePreview
from desktop_app.ui.widgets.page import Page
from desktop_app.ui.tasks import ErrorRecord, TaskRunner, network_pool
from desktop_app.ui.widgets.banner import Banner


class ChecksPage(Page):
    def title(self) -> str:
        return self.tr("Checks")

    def build(self) -> None:
        self.specs: list = []
        self.stored = False
        self.loaded = False
        self.damaged = False  # stored checks unreadable: nothing is saved over them
        self.model_results: dict = {}  # {"key": (row id, output), "verdicts": (...)}
        self.dialog: QDialog | None = None
        self.judge_dialog: QDialog | None = None
        self.banner = Banner()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.tree = ChecksTree()
        self.tree.setObjectName("checksTree")
        # Queued: saving refills the tree, which must not delete the item while it emits itemChanged.
        self.tree.enabled_toggled.connect(self._on_toggled, Qt.ConnectionType.QueuedConnection)
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit_current())
        self.tree.currentItemChanged.connect(lambda *_: self._set_enabled())
        self.add_button, self.edit_button, self.remove_button = QPushButton(), QPushButton(), QPushButton()
        self.add_button.clicked.connect(self.add_check)
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.model_note = QLabel()
        self.model_note.setWordWrap(True)
        self.model_note.setEnabled(False)  # muted
        self.model_button = QPushButton()
        self.model_button.clicked.connect(self.run_model_checks)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addSpacing(12)
        buttons.addWidget(self.model_note, 1)
        buttons.addWidget(self.model_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setEnabled(False)  # muted
        top_layout.addWidget(self.tree, 1)
        top_layout.addWidget(self.legend)
        top_layout.addLayout(buttons)
        self.judge_line = JudgeLine()
        self.judge_line.button.clicked.connect(self.open_judge)
        top_layout.addWidget(self.judge_line)

        self.preview_caption = QLabel()
        self.preview = SamplePreview()
        self.preview.changed.connect(self.evaluate)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 6, 0, 0)
        bottom_layout.addWidget(self.preview_caption)
        bottom_layout.addWidget(self.preview)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 1)  # the sample's boxes stop growing; the list takes the rest
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)

        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.intro)
        self.layout_.addWidget(self.splitter, 1)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete),
            self.tree,
            self.remove_current,
            context=Qt.ShortcutContext.WidgetShortcut,
        )

        self.runner = TaskRunner(self)
        self.runner.finished.connect(self._on_loaded)
        self.runner.failed.connect(self._on_load_failed)
        self.model_runner = TaskRunner(self, pool=network_pool())
        self.rescore_runner = TaskRunner(self)
        self.model_runner.finished.connect(self._on_model_checks)
        self.model_runner.failed.connect(self._on_model_failed)
        self.model_runner.running_changed.connect(lambda _: self._set_enabled())
        self._set_enabled()

    def retranslate(self) -> None:
        super().retranslate()
        self.intro.setText(
            self.tr(
                "What a good answer is. Content checks ask whether the answer carries the right facts (work on "
                "context: RAG); behaviour checks ask whether it acts right (work on the prompt or fine-tuning). "
                "Untick a check to leave it out; double-click to edit it."
            )
        )
        self.add_button.setText(self.tr("&Add check…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.remove_button.setText(self.tr("Re&move"))
        self.model_button.setText(self.tr("Check with the mo&del"))
        self.preview_caption.setText(self.tr("Try them on a sample: the verdicts above update as you type."))
        self.tree.setAccessibleName(self.tr("Checks"))
        self.legend.setText(
            self.tr(
                "(suggested): suggested from your data, chosen from its expected answers. "
                "Runs use them as they are until you change them."
            )
        )
        self.judge_line.retranslate()
        self.tree.retranslate()
        self.preview.retranslate()
        self._show_judge()
        if self.loaded:
            self._show_specs()

    # -- project ----------------------------------------------------------------------------
    def set_project(self, project) -> None:
        super().set_project(project)
        self.runner.cancel()
        self.model_runner.cancel()
        self.loaded, self.damaged, self.specs, self.model_results = False, False, [], {}
        self.banner.clear()
        self.tree.fill([])
        self.preview.set_rows([])
        self._set_enabled()
        if project is not None and self.isVisible():
            self.reload()

    def on_project_modified(self, what: str) -> None:
        if what in ("connection", "judge"):
            self._show_judge()
        if self.project is not None and what in ("dataset", "checks", "connection", "judge"):
            self.loaded = False
            if self.isVisible():
                self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.project is not None and not self.loaded and not self.runner.is_running():
            self.reload()

    def reload(self) -> None:
        self.runner.start(work.load_checks, self.project)

    @Slot(object)
    def _on_loaded(self, data: dict) -> None:
        self.specs, self.stored, self.loaded, self.damaged = list(data["specs"]), data["stored"], True, False
        self._show_specs()
        self.preview.set_rows(data["rows"])  # evaluates

    @Slot(object)
    def _on_load_failed(self, error: ErrorRecord) -> None:
        self.loaded, self.damaged = True, True
        self.banner.show_error(error)
        self._set_enabled()

    def connected(self) -> bool:
        """A model can be called: the project's connection, or the judge's own server."""
        section = (self.project.section("connection") or {}) if self.project is not None else {}
        return str(section.get("preset") or "offline").lower() != "offline" or own_section(self.project) is not None

    # -- the judge --------------------------------------------------------------------------
    def _judge_spec(self):
        return next((s for s in self.specs if s.kind == "judge"), None)

    def _show_judge(self) -> None:
        self.judge_line.show_for(self.project, self._judge_spec())

    def open_judge(self) -> None:
        if self.project is None or not self.loaded or self.damaged:
            return
        from desktop_app.ui.checks.judge_dialog import JudgeDialog  # noqa: PLC0415

        spec = self._judge_spec()
        dialog = JudgeDialog(self, self.project, judge_mode_of(spec) if spec is not None else None)
        dialog.finished.connect(lambda result, d=dialog: self._on_judge_done(d, result))
        self.judge_dialog = dialog
        dialog.open()

    def _on_judge_done(self, dialog, result: int) -> None:
        self.judge_dialog = None
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted:
            return
        spec = self._judge_spec()
        self._show_judge()
        self.project_modified.emit("judge")
        if spec is not None and dialog.saved_mode != judge_mode_of(spec):
            params = {k: v for k, v in spec.params.items() if k != "mode"}
            if dialog.saved_mode == "all":
                params["mode"] = "all"
            self._commit([replace(s, params=params) if s.id == spec.id else s for s in self.specs], select=spec.id)

    # -- editing ----------------------------------------------------------------------------
    def add_check(self) -> None:
        self._open_editor(None)

    def edit_current(self) -> None:
        spec = self._spec(self.tree.current_id())
        if spec is not None:
            self._open_editor(spec)

    def _open_editor(self, spec) -> None:
        if not self.loaded or self.damaged:
            return
        from desktop_app.ui.checks.check_editor import CheckEditorDialog  # noqa: PLC0415 - imports the checks core

        dialog = CheckEditorDialog(self, spec, taken=[s.id for s in self.specs])
        dialog.finished.connect(lambda result, d=dialog: self._on_editor_done(d, result))
        self.dialog = dialog
        dialog.open()  # window-modal, and nothing waits on it

    def _on_editor_done(self, dialog, result: int) -> None:
        self.dialog = None
        new = dialog.result_spec
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted or new is None:
            return
        specs = list(self.specs)
        if dialog.original is not None:
            specs = [new if s.id == dialog.original.id else s for s in specs]
        else:
            specs, new = self._merge(specs, new)
        self._commit(specs, select=new.id)

    @staticmethod
    def _merge(specs: list, new) -> tuple[list, object]:
        """Like the CLI's check-add: a once-per-project kind is updated in place, a duplicate changes nothing."""
        from desktop_app.core.checks import KINDS  # noqa: PLC0415

        for i, old in enumerate(specs):
            if old.kind == new.kind and (KINDS[new.kind].single or old.value == new.value):
                specs[i] = replace(old, value=new.value, params=new.params, inferred=False, enabled=True)
                return specs, specs[i]
        return specs + [new], new

    def remove_current(self) -> None:
        check_id = self.tree.current_id()
        if check_id and not self.damaged:
            self._commit([s for s in self.specs if s.id != check_id])

    @Slot(str, bool)
    def _on_toggled(self, check_id: str, on: bool) -> None:
        self._commit([replace(s, enabled=on) if s.id == check_id else s for s in self.specs], select=check_id)

    def _commit(self, specs: list, select: str = "") -> None:
        """Save ``specs``; on failure the banner says why and the list stays as it was."""
        from desktop_app.core.checks import save_checks  # noqa: PLC0415

        try:
            save_checks(self.project, specs)
        except (AppError, OSError) as exc:
            self.banner.show_error(exc)
            self._show_specs()
            return
        self.specs, self.stored = specs, True
        self._show_specs(select)
        # The stored verdicts follow the checks, as an explicit step off the GUI thread (results
        # shown meanwhile are rescored in memory, so nothing waits for it).
        self.rescore_runner.start(work.rescore, self.project)
        self.project_modified.emit("checks")

    def _spec(self, check_id: str):
        return next((s for s in self.specs if s.id == check_id), None)

    # -- preview ----------------------------------------------------------------------------
    def _show_specs(self, select: str = "") -> None:
        self.tree.fill(self.specs, select or self.tree.current_id())
        self.legend.setVisible(any(s.inferred for s in self.specs))
        self._show_judge()
        self.evaluate()
        self._set_enabled()

    @Slot()
    def evaluate(self) -> None:
        """Each check's verdict on the sample output (model checks only from the last model run)."""
        if not self.specs:
            return
        row, output = self.preview.current_row(), self.preview.output()
        if row is None:
            for spec in self.specs:
                self.tree.show_note(spec.id, "", self.tr("Import an evaluation set under Data to try checks."))
            return
        from desktop_app.core.checks import evaluate_row  # noqa: PLC0415

        live = [s for s in self.specs if s.enabled and not s.needs]
        verdicts = {v.check: v for v in evaluate_row(live, row, output)}
        if self.model_results.get("key") == (row.id, output):
            verdicts.update({v.check: v for v in self.model_results["verdicts"]})
        for spec in self.specs:
            if spec.id in verdicts:
                self.tree.show_verdict(spec.id, verdicts[spec.id])
            elif not spec.enabled:
                self.tree.show_note(spec.id, self.tr("off"), self.tr("Unticked: runs leave it out."))
            elif spec.needs and not self.connected():
                self.tree.show_note(
                    spec.id, self.tr("needs a model"), self.tr("Needs a model connection: set one up under Connection.")
                )
            elif spec.kind == "judge" and self.model_results.get("key") == (row.id, output):
                self.tree.show_note(
                    spec.id,
                    self.tr("not needed"),
                    self.tr(
                        "The other content checks decided this answer; the judge is asked "
                        "only about answers they cannot decide."
                    ),
                )
            elif spec.needs:
                self.tree.show_note(spec.id, self.tr("not tried"), self.tr("Press Check with the model to try it."))
            else:
                self.tree.show_note(spec.id, "—", self.tr("This row has no expected answer to compare with."))

    def run_model_checks(self) -> None:
        row = self.preview.current_row()
        specs = [s for s in self.specs if s.enabled]
        if row is None or not any(s.needs for s in specs) or not self.connected():
            return
        self.preview.flush()
        for spec in specs:
            if spec.needs:
                self.tree.show_note(spec.id, self.tr("asking…"), "")
        self.model_runner.start(work.model_checks, self.project, specs, row, self.preview.output())

    @Slot(object)
    def _on_model_checks(self, result: dict) -> None:
        if not result["reached"]:
            self.banner.show_message(
                self.tr("The model could not be reached for these checks."),
                self.tr("Check the connection under Connection (key, address, model)."),
            )
        self.model_results = result
        self.evaluate()

    @Slot(object)
    def _on_model_failed(self, error: ErrorRecord) -> None:
        self.banner.show_error(error)
        self.evaluate()

    def _set_enabled(self) -> None:
        usable = self.project is not None and self.loaded and not self.damaged
        has_current = bool(self.tree.current_id())
        self.add_button.setEnabled(usable)
        self.edit_button.setEnabled(usable and has_current)
        self.remove_button.setEnabled(usable and has_current)
        self.judge_line.button.setEnabled(usable)
        model_specs = [s for s in self.specs if s.enabled and s.needs]
        self.model_button.setVisible(bool(model_specs))
        self.model_button.setEnabled(usable and self.connected() and not self.model_runner.is_running())
        if not model_specs:
            self.model_note.setText("")
        elif self.connected():
            self.model_note.setText(self.tr("Model-judged checks are not tried as you type (each try is a paid call)."))
        else:
            self.model_note.setText(self.tr("Model-judged checks need a connection; offline runs leave them out."))
