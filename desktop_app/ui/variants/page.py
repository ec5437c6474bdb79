"""The Variants step: the ladder of techniques as a checklist, an editor, a technique-grid preview.

The list is project.json's ``variants``, seeded with the eight presets of the ladder while
the project has none. The ticked names are stored beside it (``run_selection``, through
``variants.save_variants(..., selection=)``) and are what Run runs: ``resolve_variants`` with
no names returns them. The first evaluation row (for the prompt preview) and the number of
documents (for the RAG hint) are read in a task when the page is first shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop_app.core.errors import AppError
from desktop_app.core.variants.variant import PRESETS, Variant, load_selection, load_variants, preset, save_variants
from desktop_app.ui.widgets.page import Page
from desktop_app.ui.tasks import ErrorRecord, TaskRunner
from desktop_app.ui.variants import work
from desktop_app.ui.variants.ladder import needs_model_id, preset_label
from desktop_app.ui.variants.technique_grid_preview import GridItem, TechniqueGridPreview
from desktop_app.ui.variants.variant_editor import VariantEditor
from desktop_app.ui.variants.variant_list import HintBar, VariantList
from desktop_app.ui.widgets.banner import Banner
from desktop_app.ui.language import localized

if TYPE_CHECKING:
    from desktop_app.ui.finetune.dialog import FineTuneDialog


def unique_name(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


class VariantsPage(Page):
    def title(self) -> str:
        return self.tr("Variants")

    def build(self) -> None:
        self.variants: list[Variant] = []
        self.damaged = False  # project.json's variants could not be read: nothing is saved over them
        self.context: dict | None = None  # what work.load_context found, None until loaded
        self.banner = Banner()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.hint = HintBar()
        self.hint.action.connect(lambda: self.navigate.emit("knowledge", None))

        self.list = VariantList()
        self.list.setObjectName("variantList")
        self.list.ticked_changed.connect(self._on_ticked)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.add_button = QPushButton()
        self.add_menu = QMenu(self)
        self.add_button.setMenu(self.add_menu)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_current)
        self.finetune_button = QPushButton()
        self.finetune_button.clicked.connect(self.open_finetune)
        self.finetune_dialog: FineTuneDialog | None = None
        self.grid_caption = QLabel()
        self.grid_caption.setWordWrap(True)
        self.grid = TechniqueGridPreview()
        self.grid.clicked.connect(self._select)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.finetune_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 2, 0)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.grid_caption)
        left_layout.addWidget(self.grid)

        self.editor = VariantEditor()
        self.editor.set_name_validator(self._name_problem)
        self.editor.edited.connect(self._on_edited)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 0)  # the list keeps its natural width; the editor takes the rest
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.intro)
        self.layout_.addWidget(self.hint)
        self.layout_.addWidget(self.splitter, 1)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete),
            self.list,
            self.remove_current,
            context=Qt.ShortcutContext.WidgetShortcut,
        )

        self.runner = TaskRunner(self)
        self.runner.finished.connect(self._on_context)
        self.runner.failed.connect(self._on_context_failed)
        self.setTabOrder(self.list, self.add_button)
        self.setTabOrder(self.add_button, self.remove_button)
        self.setTabOrder(self.remove_button, self.editor.name_edit)
        self._set_enabled()

    def retranslate(self) -> None:
        super().retranslate()
        self.intro.setText(
            self.tr(
                "Each variant is one way of asking the model, from a plain question up the ladder to a fine-tuned "
                "model. Tick the ones to compare: Run runs the ticked variants. Select one to edit it."
            )
        )
        self.add_button.setText(self.tr("&Add variant"))
        self.remove_button.setText(self.tr("&Remove"))
        self.finetune_button.setText(self.tr("&Fine-tuning helper…"))
        self.finetune_button.setToolTip(
            self.tr(
                "Build and check training data from the examples pool, train "
                "where the provider can, or register a model tuned elsewhere."
            )
        )
        self.grid_caption.setText(self.tr("On the technique grid (filled: ticked):"))
        self.grid.setAccessibleName(self.tr("Technique grid preview"))
        self.list.setAccessibleName(self.tr("Variants to run"))
        self._fill_add_menu()
        self.editor.retranslate()
        if self.variants:
            self._refresh(keep_list=False)

    def _fill_add_menu(self) -> None:
        self.add_menu.clear()
        for key in PRESETS:
            spec = PRESETS[key]
            label = preset_label(key, spec.get("k", 0), spec.get("top_k", 0))
            action = self.add_menu.addAction(self.tr("Copy of %1").replace("%1", label))
            action.triggered.connect(lambda _=False, k=key: self.add_variant(k))
        self.add_menu.addSeparator()
        self.copy_action = self.add_menu.addAction(self.tr("Copy of the selected variant"))
        self.copy_action.triggered.connect(lambda: self.add_variant(None))

    # -- project ----------------------------------------------------------------------------
    def set_project(self, project) -> None:
        super().set_project(project)
        self.runner.cancel()
        self.context = None
        self.banner.clear()
        self._load_list()
        if self.isVisible():
            self._start_context()

    def open_finetune(self) -> None:
        if self.project is None:
            return
        from desktop_app.ui.finetune.dialog import open_helper  # noqa: PLC0415 - loaded when asked for

        self.finetune_dialog = open_helper(self, self.project, self._on_tuned_added)

    def _on_tuned_added(self, _registered) -> None:
        self._load_list()
        self.project_modified.emit("variants")

    def on_project_modified(self, what: str) -> None:
        if self.project is None:
            return
        if what == "variants":  # changed outside the window (a CLI command)
            self._load_list()
        if what in ("dataset", "knowledge"):
            self.context = None
            if self.isVisible():
                self._start_context()
            if what == "dataset" and not self.project.section("variants"):
                self._load_list()  # the default ticks depend on the examples pool
        elif what == "variants":
            self._load_list()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.project is not None and self.context is None and not self.runner.is_running():
            self._start_context()

    def _start_context(self) -> None:
        self.editor.set_preview_rows(None, [], "loading")
        self.runner.start(work.load_context, self.project)

    @Slot(object)
    def _on_context(self, context: dict) -> None:
        self.context = context
        self.editor.set_preview_rows(context["row"], context["examples"], "ready", context.get("passages", ()))
        self._refresh_hint()

    @Slot(object)
    def _on_context_failed(self, error: ErrorRecord) -> None:
        self.context = {"row": None, "examples": [], "documents": 0}
        self.editor.set_preview_rows(None, [], "ready")
        self.banner.show_error(error)

    def _load_list(self) -> None:
        """Read the variants and the ticks from the project (the ladder while it has none)."""
        self.variants = []
        self.damaged = False
        ticked: set[str] = set()
        if self.project is not None:
            selection: list[str] | None = None
            try:
                self.variants = load_variants(self.project)
            except AppError as exc:
                self.banner.show_error(exc)
                self.damaged, self.variants, selection = True, [], []
            try:
                if self.variants:
                    selection = load_selection(self.project)
            except AppError as exc:  # only the ticks are lost: re-ticking stores them anew, as the hint says
                self.banner.show_message(localized(exc.message), localized(exc.hint), "warning")
            if not self.variants and not self.damaged:
                self.variants = [preset(key) for key in PRESETS]
                # The same default as Run with nothing chosen: Baseline, plus Few-shot with an examples pool.
                selection = ["baseline"] + (["few_shot"] if self._examples_count() else [])
            ticked = set(selection) if selection is not None else {v.name for v in self.variants}
        current = self.list.current_name()
        self.list.fill(self.variants, ticked, current)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._refresh(keep_list=True)
        self._show_current()

    def _examples_count(self) -> int:
        if self.project is None:
            return 0
        section = self.project.section("dataset") or {}
        examples = section.get("examples") or {}
        return int(examples.get("count") or len(examples.get("ids") or ()))

    # -- changes ----------------------------------------------------------------------------
    def _save(self) -> None:
        if self.project is None or self.damaged:
            return
        try:
            save_variants(self.project, self.variants, selection=self.list.ticked())
        except (AppError, OSError) as exc:
            self.banner.show_error(exc)
            return
        self.project_modified.emit("variants")

    def _name_problem(self, new: str, old: str) -> str | None:
        if any(v.name == new for v in self.variants if v.name != old):
            return self.tr("Another variant is already called %1; choose a different name.").replace("%1", new)
        return None

    @Slot(object, str)
    def _on_edited(self, variant: Variant, old_name: str) -> None:
        index = next((i for i, v in enumerate(self.variants) if v.name == old_name), None)
        if index is None:
            return
        self.variants[index] = variant
        item = self.list.item_named(old_name)
        if item is not None:
            self.list.describe(item, variant)
        self._refresh(keep_list=True)
        self._save()

    @Slot()
    def _on_ticked(self) -> None:
        self._refresh(keep_list=True)
        self._save()

    def add_variant(self, key: str | None) -> None:
        """Add a copy of preset ``key`` (None: of the selected variant) under a new name, ticked."""
        if self.project is None or self.damaged:
            return
        self.editor.apply()
        taken = {v.name for v in self.variants}
        if key is None:
            source = self.editor.variant()
            if source is None:
                return
            new = Variant.from_dict(dict(source.to_dict(), name=unique_name(source.name, taken)))
        else:
            new = preset(key, name=unique_name(key, taken))
        self.variants.append(new)
        ticked = set(self.list.ticked()) | {new.name}
        self.list.fill(self.variants, ticked, new.name)
        self._refresh(keep_list=True)
        self._show_current()
        self._save()
        self.editor.name_edit.setFocus()
        self.editor.name_edit.selectAll()

    def remove_current(self) -> None:
        name = self.list.current_name()
        if not name or self.project is None:
            return
        row = self.list.currentRow()
        self.editor.set_variant(None)
        self.variants = [v for v in self.variants if v.name != name]
        ticked = set(self.list.ticked()) - {name}
        self.list.fill(self.variants, ticked)
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        self._refresh(keep_list=True)
        self._show_current()
        self._save()

    def _select(self, name: str) -> None:
        item = self.list.item_named(name)
        if item is not None:
            self.list.setCurrentItem(item)

    # -- drawing ----------------------------------------------------------------------------
    def _show_current(self) -> None:
        name = self.list.current_name()
        variant = next((v for v in self.variants if v.name == name), None)
        if variant is not self.editor.variant():
            self.editor.set_variant(variant)
        self.grid.set_current(name)
        self._set_enabled()

    def _set_enabled(self) -> None:
        usable = self.project is not None and not self.damaged
        self.add_button.setEnabled(usable)
        self.remove_button.setEnabled(usable and bool(self.list.current_name()))
        self.finetune_button.setEnabled(usable)

    def _refresh(self, keep_list: bool) -> None:
        """Summary, grid and hints from the current list (and row texts unless just filled)."""
        if not keep_list:
            for variant in self.variants:
                item = self.list.item_named(variant.name)
                if item is not None:
                    self.list.describe(item, variant)
        ticked = set(self.list.ticked())
        self.grid.set_items(
            [
                GridItem(v.name, *v.grid_position, selected=v.name in ticked, flagged=needs_model_id(v))
                for v in self.variants
            ]
        )
        self.summary.setText(
            self.tr("%1 of %2 ticked: Run runs these.")
            .replace("%1", str(len(ticked)))
            .replace("%2", str(len(self.variants)))
        )
        self._refresh_hint()

    def _refresh_hint(self) -> None:
        ticked = set(self.list.ticked())
        lines = []
        button = ""
        rag = [v for v in self.variants if v.uses_retrieval and v.name in ticked]
        if rag and self.context is not None and not self.context.get("documents"):
            lines.append(
                self.tr(
                    "RAG variants need documents, and this project has none yet: add them under "
                    "Knowledge, or untick the RAG variants."
                )
            )
            button = self.tr("Go to &Knowledge")
        flagged = [v.name for v in self.variants if v.name in ticked and needs_model_id(v)]
        if flagged:
            lines.append(
                self.tr("Ticked without a fine-tuned model id: %1. Select it and fill in Model.").replace(
                    "%1", ", ".join(flagged)
                )
            )
        if not ticked and self.variants:
            lines.append(self.tr("No variant is ticked: tick at least one to run."))
        self.hint.show_hint("\n".join(lines), button)
