"""The editor of one variant: name, model, k, top-k, temperature, max tokens, the prompts.

Edits are applied as the user types (debounced) and handed to the page as a new Variant
through ``edited(variant, previous_name)``; the page saves. A name is applied when the field
loses focus or Enter is pressed, and only if the page's validator accepts it (unique,
non-empty), so a half-typed name never renames anything.
"""

from __future__ import annotations

import dataclasses
from typing import Callable

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.records import Row
from desktop_app.core.variants.variant import Variant
from desktop_app.ui.language import joined
from desktop_app.ui.variants.ladder import needs_model_id, technique_label
from desktop_app.ui.variants.prompt_preview import PromptPreview
from desktop_app.ui.variants.template_highlighter import TemplateHighlighter, unknown_placeholders

DEBOUNCE_MS = 300
_WARN_STYLE = "color: rgb(220, 53, 69);"  # red reads on light and dark backgrounds


def _warning_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # quotes what the user typed
    label.setWordWrap(True)
    label.setStyleSheet(_WARN_STYLE)
    label.hide()
    return label


class VariantEditor(QWidget):
    edited = Signal(object, str)  # the new Variant, the name it had before

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._variant: Variant | None = None
        self._loading = False
        self._validate_name: Callable[[str, str], str | None] = lambda new, old: None
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.apply)

        self.name_edit = QLineEdit()
        self.name_error = _warning_label()
        self.model_edit = QLineEdit()
        self.model_warning = _warning_label()
        self.k_spin = QSpinBox(minimum=0, maximum=50)
        self.top_k_spin = QSpinBox(minimum=0, maximum=50)
        self.temperature_spin = QDoubleSpinBox(minimum=0.0, maximum=2.0, singleStep=0.1, decimals=2)
        self.max_tokens_spin = QSpinBox(minimum=0, maximum=128000, singleStep=64)
        self.techniques_label = QLabel()
        self.techniques_label.setWordWrap(True)
        self.techniques_label.setTextFormat(Qt.TextFormat.PlainText)

        self.template_edit = QPlainTextEdit()
        self.system_edit = QPlainTextEdit()
        self.highlighters = [
            TemplateHighlighter(self.template_edit.document()),
            TemplateHighlighter(self.system_edit.document()),
        ]
        self.placeholder_help = QLabel()
        self.placeholder_help.setWordWrap(True)
        self.placeholder_help.setTextFormat(Qt.TextFormat.PlainText)
        self.placeholder_help.setEnabled(False)  # muted palette colour
        self.template_warning = _warning_label()
        self.preview = PromptPreview()

        self.name_caption, self.model_caption = QLabel(), QLabel()
        self.k_caption, self.top_k_caption = QLabel(), QLabel()
        self.temperature_caption, self.max_tokens_caption = QLabel(), QLabel()
        for caption, buddy in (
            (self.name_caption, self.name_edit),
            (self.model_caption, self.model_edit),
            (self.k_caption, self.k_spin),
            (self.top_k_caption, self.top_k_spin),
            (self.temperature_caption, self.temperature_spin),
            (self.max_tokens_caption, self.max_tokens_spin),
        ):
            caption.setBuddy(buddy)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.name_caption, self.name_edit)
        form.addRow("", self.name_error)
        form.addRow(self.model_caption, self.model_edit)
        form.addRow("", self.model_warning)
        numbers = QGridLayout()  # two by two: the page must fit a small window
        numbers.setContentsMargins(0, 0, 0, 0)
        numbers.setHorizontalSpacing(4)
        pairs = (
            (self.k_caption, self.k_spin),
            (self.temperature_caption, self.temperature_spin),
            (self.top_k_caption, self.top_k_spin),
            (self.max_tokens_caption, self.max_tokens_spin),
        )
        for i, (caption, spin) in enumerate(pairs):
            numbers.addWidget(caption, i // 2, (i % 2) * 2)
            numbers.addWidget(spin, i // 2, (i % 2) * 2 + 1)
        numbers.setColumnStretch(4, 1)
        form.addRow(numbers)
        form.addRow(self.techniques_label)

        template_tab = QWidget()
        tab_layout = QVBoxLayout(template_tab)
        tab_layout.addWidget(self.template_edit, 1)
        tab_layout.addWidget(self.placeholder_help)
        self.tabs = QTabWidget()
        self.tabs.addTab(template_tab, "")
        self.tabs.addTab(self.system_edit, "")
        # The preview sits under the prompts, not in a tab, so it changes in sight as the user types.
        self.preview_caption = QLabel()
        self.preview_caption.setWordWrap(True)
        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 4, 0, 0)
        preview_layout.addWidget(self.preview_caption)
        preview_layout.addWidget(self.preview, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(preview_box)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.template_warning)
        layout.addWidget(self.splitter, 1)

        self.name_edit.editingFinished.connect(self.apply)
        self.name_edit.textEdited.connect(lambda _: self.name_error.hide())
        for widget in (self.model_edit,):
            widget.textEdited.connect(self._schedule)
        for spin in (self.k_spin, self.top_k_spin, self.max_tokens_spin, self.temperature_spin):
            spin.valueChanged.connect(self._schedule)
        for edit in (self.template_edit, self.system_edit):
            edit.textChanged.connect(self._schedule)
        self.retranslate()
        self.set_variant(None)

    def retranslate(self) -> None:
        self.name_caption.setText(self.tr("&Name:"))
        self.model_caption.setText(self.tr("&Model:"))
        self.k_caption.setText(self.tr("E&xamples:"))
        self.top_k_caption.setText(self.tr("&Passages:"))
        self.temperature_caption.setText(self.tr("&Temperature:"))
        self.max_tokens_caption.setText(self.tr("Max t&okens:"))
        self.top_k_spin.setSpecialValueText(self.tr("default"))
        self.top_k_spin.setToolTip(self.tr("Passages retrieved per question (top-k); default: the Knowledge setting."))
        # 0 is the automatic cap every run sends (run/plan.default_output_cap): never "no limit".
        self.max_tokens_spin.setSpecialValueText(self.tr("automatic"))
        self.max_tokens_spin.setToolTip(
            self.tr(
                "The longest answer the model may write. Automatic: four times the "
                "longest expected answer, at least 256 tokens, so no answer can "
                "run away."
            )
        )
        self.k_spin.setToolTip(self.tr("Few-shot examples per question (k), taken from the examples pool."))
        self.tabs.setTabText(0, self.tr("Prompt t&emplate"))
        self.tabs.setTabText(1, self.tr("S&ystem prompt"))
        self.preview_caption.setText(self.tr("What the model receives for the first evaluation row:"))
        self.placeholder_help.setText(
            self.tr(
                "Placeholders: {input} the question · {examples} the few-shot examples (without it they are "
                "sent as earlier chat turns) · {context} the retrieved passages · {category} the row's category. "
                "Changes are saved as you type."
            )
        )
        self._refresh_hints()

    # -- data in ----------------------------------------------------------------------------
    def set_name_validator(self, validate: Callable[[str, str], str | None]) -> None:
        """``validate(new_name, old_name)`` returns an error sentence, or None when the name is fine."""
        self._validate_name = validate

    def variant(self) -> Variant | None:
        return self._variant

    def set_variant(self, variant: Variant | None) -> None:
        """Show ``variant`` (None: nothing selected); any edit pending for the previous one is applied first."""
        if self._timer.isActive():
            self.apply()
        self._loading = True
        try:
            self._variant = variant
            v = variant or Variant("-")
            self.name_edit.setText(v.name if variant else "")
            self.model_edit.setText(v.model)
            self.k_spin.setValue(v.k)
            self.top_k_spin.setValue(v.top_k)
            self.temperature_spin.setValue(float(v.params.get("temperature", 0.0) or 0.0))
            self.max_tokens_spin.setValue(int(v.params.get("max_tokens", 0) or 0))
            self.template_edit.setPlainText(v.template if variant else "")
            self.system_edit.setPlainText(v.system if variant else "")
            self.name_error.hide()
        finally:
            self._loading = False
        self.setEnabled(variant is not None)
        self._refresh_hints()
        self.preview.show_variant(variant)

    def set_preview_rows(self, row: Row | None, examples: list[Row], state: str = "ready", passages=()) -> None:
        self.preview.set_rows(row, examples, state, passages)
        self.preview.show_variant(self._variant)

    # -- applying ---------------------------------------------------------------------------
    @Slot()
    def _schedule(self) -> None:
        if not self._loading and self._variant is not None:
            self._timer.start()

    @Slot()
    def apply(self) -> None:
        """Build the Variant the fields describe and hand it on if it changed."""
        self._timer.stop()
        old = self._variant
        if old is None or self._loading:
            return
        name = self.name_edit.text().strip()
        error = None
        if name != old.name:
            error = self.tr("A variant needs a name.") if not name else self._validate_name(name, old.name)
        if error:
            self.name_error.setText(error)
            self.name_error.show()
            name = old.name
        params = dict(old.params)
        params["temperature"] = round(self.temperature_spin.value(), 2)
        if self.max_tokens_spin.value() > 0:
            params["max_tokens"] = self.max_tokens_spin.value()
        else:
            params.pop("max_tokens", None)
        new = dataclasses.replace(
            old,
            name=name,
            model=self.model_edit.text().strip(),
            k=self.k_spin.value(),
            top_k=self.top_k_spin.value(),
            params=params,
            template=self.template_edit.toPlainText(),
            system=self.system_edit.toPlainText(),
        )
        if new != old:
            self._variant = new
            self.edited.emit(new, old.name)
        self._refresh_hints()
        self.preview.show_variant(self._variant)

    def _refresh_hints(self) -> None:
        v = self._variant
        few_shot = bool(v and "few_shot" in v.techniques)
        retrieval = bool(v and v.uses_retrieval)
        self.k_spin.setEnabled(few_shot)
        self.k_caption.setEnabled(few_shot)
        self.top_k_spin.setEnabled(retrieval)
        self.top_k_caption.setEnabled(retrieval)
        fine_tuned = bool(v and "fine_tuned" in v.techniques)
        self.model_edit.setPlaceholderText(
            self.tr("Required: the fine-tuned model's id, e.g. ft:gpt-4o-mini:my-org::abc123")
            if fine_tuned
            else self.tr("Empty: the model chosen under Connection")
        )
        flagged = bool(v and needs_model_id(v))
        self.model_warning.setText(self.tr("A fine-tuned variant needs its model id; Run cannot start it without one."))
        self.model_warning.setVisible(flagged)
        if v is None:
            self.techniques_label.setText("")
            self.template_warning.hide()
            return
        techniques = joined(technique_label(t) for t in v.techniques) or self.tr("none (the plain question)")
        self.techniques_label.setText(self.tr("Techniques: %1").replace("%1", techniques))
        problems = []
        unknown = list(dict.fromkeys(unknown_placeholders(v.template) + unknown_placeholders(v.system)))
        if unknown:
            names = ", ".join("{" + n + "}" for n in unknown)
            problems.append(
                self.tr(
                    "Unknown placeholder %1: it is sent to the model as written. "
                    "Use {input}, {examples}, {context} or {category}."
                ).replace("%1", names)
            )
        if "{input}" not in v.template and "{input}" not in v.system:
            problems.append(self.tr("The template has no {input}: the question would not reach the model."))
        if v.uses_retrieval and "{context}" not in v.template and "{context}" not in v.system:
            problems.append(
                self.tr(
                    "This variant retrieves passages but its prompts have no {context}: the passages would not be sent."
                )
            )
        self.template_warning.setText("\n".join(problems))
        self.template_warning.setVisible(bool(problems))
