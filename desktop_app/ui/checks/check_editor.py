"""The dialog that adds or edits one check: its kind, value and threshold.

The value is validated as it is typed with the core's own ``make_check``: a bad regular
expression or JSON schema shows the CheckError's message and hint under the field, and OK
keeps the dialog open until the check is valid, so nothing broken is ever saved.
(Imports the checks core at module level: the page imports this module only when opened.)
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.checks import KINDS, LANGUAGES, CheckError, CheckSpec, make_check
from desktop_app.ui.checks.wording import kind_description, kind_label, language_name, value_caption
from desktop_app.ui.language import localized

_ERROR_STYLE = (
    "QLabel { background: rgba(220, 53, 69, 0.14); border: 1px solid rgba(220, 53, 69, 0.5); "
    "border-radius: 4px; padding: 4px; }"
)


class CheckEditorDialog(QDialog):
    """``spec`` None: add a check (``taken`` holds the ids in use); else edit it (kind fixed, id kept)."""

    def __init__(self, parent: QWidget | None = None, spec: CheckSpec | None = None, taken=(), kind: str | None = None):
        super().__init__(parent)
        self.original = spec
        self.taken = [t for t in taken if spec is None or t != spec.id]
        self.result_spec: CheckSpec | None = None
        self.setWindowTitle(self.tr("Edit check") if spec else self.tr("Add a check"))
        self.setMinimumWidth(520)

        self.kind_combo = QComboBox()
        for family in ("content", "behaviour"):
            if self.kind_combo.count():
                self.kind_combo.insertSeparator(self.kind_combo.count())
            for name, info in KINDS.items():
                if info.family == family:
                    self.kind_combo.addItem(kind_label(name), name)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setEnabled(False)  # muted palette colour
        self.line_edit = QLineEdit()
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setFixedHeight(110)
        self.int_spin = QSpinBox(minimum=0, maximum=1_000_000, singleStep=10)
        self.language_combo = QComboBox()
        for code in LANGUAGES:
            self.language_combo.addItem(f"{code} — {language_name(code)}", code)
        # One form row per kind of value, only the current kind's shown (a stack would keep the
        # tallest editor's height for a one-line pattern).
        self.value_widgets = (self.line_edit, self.text_edit, self.int_spin, self.language_combo)
        self.value_captions = {w: QLabel() for w in self.value_widgets}
        self._value_widget: QWidget | None = None
        self.threshold_spin = QDoubleSpinBox(minimum=0.0, maximum=1.0, singleStep=0.05, decimals=2)
        # The judge's own settings: which answers it is asked about, and which model judges.
        self.mode_combo = QComboBox()
        self.mode_combo.addItem(self.tr("Only answers the other checks cannot decide"), "unsure")
        self.mode_combo.addItem(self.tr("Every answer (its verdict replaces the others')"), "all")
        self.judge_model_edit = QLineEdit()
        self.judge_model_edit.setPlaceholderText(self.tr("the model under test"))
        self.judge_model_edit.setToolTip(
            self.tr(
                "A stronger model than the one under test judges better, e.g. "
                "gpt-4o for a gpt-4o-mini feature. It is asked through the "
                "project's connection."
            )
        )
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)  # the message quotes the user's pattern
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(_ERROR_STYLE)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.kind_caption, self.threshold_caption = QLabel(), QLabel()
        self.kind_caption.setText(self.tr("&Kind:"))
        self.kind_caption.setBuddy(self.kind_combo)
        self.threshold_caption.setText(self.tr("&Threshold:"))
        self.threshold_caption.setBuddy(self.threshold_spin)
        self.form = QFormLayout()
        self.form.addRow(self.kind_caption, self.kind_combo)
        self.form.addRow("", self.description)
        for widget in self.value_widgets:
            self.value_captions[widget].setBuddy(widget)
            self.form.addRow(self.value_captions[widget], widget)
        self.form.addRow(self.threshold_caption, self.threshold_spin)
        self.mode_caption, self.judge_model_caption = (
            QLabel(self.tr("&Ask it about:")),
            QLabel(self.tr("Judge &model:")),
        )
        self.mode_caption.setBuddy(self.mode_combo)
        self.judge_model_caption.setBuddy(self.judge_model_edit)
        self.form.addRow(self.mode_caption, self.mode_combo)
        self.form.addRow(self.judge_model_caption, self.judge_model_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.kind_combo.currentIndexChanged.connect(self._on_kind)
        self.line_edit.textChanged.connect(self.validate)
        self.text_edit.textChanged.connect(self.validate)
        self.int_spin.valueChanged.connect(self.validate)
        self.language_combo.currentIndexChanged.connect(self.validate)
        self.threshold_spin.valueChanged.connect(self.validate)
        self.mode_combo.currentIndexChanged.connect(self.validate)
        self.judge_model_edit.textChanged.connect(self.validate)

        start = spec.kind if spec else (kind or "regex")
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(start)))
        self._on_kind()
        if spec is not None:
            self.kind_combo.setEnabled(False)  # another kind is another check: add it instead
            self._load_value(spec)
        self.error_label.hide()  # an empty new check is not an error yet

    # -- fields -----------------------------------------------------------------------------
    def kind(self) -> str:
        return self.kind_combo.currentData()

    @Slot()
    def _on_kind(self) -> None:
        kind = self.kind()
        info = KINDS[kind]
        self.description.setText(kind_description(kind))
        page = {
            "none": None,
            "regex": self.line_edit,
            "text": self.line_edit,
            "schema": self.text_edit,
            "int": self.int_spin,
            "language": self.language_combo,
        }[info.value]
        if kind == "rubric":
            page = self.text_edit
        self._value_widget = page
        for widget in self.value_widgets:
            self.form.setRowVisible(widget, widget is page)
        if page is not None:
            self.value_captions[page].setText(value_caption(info.value, kind))
        self.text_edit.setFont(
            QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont) if info.value == "schema" else self.font()
        )
        self.form.setRowVisible(self.threshold_spin, info.threshold is not None)
        for widget in (self.mode_combo, self.judge_model_edit):
            self.form.setRowVisible(widget, kind == "judge")
        if info.threshold is not None and (self.original is None or self.original.kind != kind):
            self.threshold_spin.setValue(info.threshold)
        if info.value == "int" and self.int_spin.value() == 0:
            self.int_spin.setValue(300 if kind == "max_chars" else 20)
        self.validate()

    def _load_value(self, spec: CheckSpec) -> None:
        info = KINDS[spec.kind]
        value = spec.value or ""
        if info.value == "int":
            self.int_spin.setValue(int(value or 0))
        elif info.value == "language":
            self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(value.split("-")[0].lower())))
        elif self._value_widget is self.text_edit:
            self.text_edit.setPlainText(value)
        else:
            self.line_edit.setText(value)
        if spec.threshold is not None:
            self.threshold_spin.setValue(spec.threshold)
        if spec.kind == "judge":
            self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(spec.params.get("mode", "unsure"))))
            self.judge_model_edit.setText(str(spec.params.get("model") or ""))

    def value(self):
        page = self._value_widget
        if page is None:
            return None
        if page is self.int_spin:
            return self.int_spin.value()
        if page is self.language_combo:
            return self.language_combo.currentData()
        if page is self.text_edit:
            return self.text_edit.toPlainText()
        return self.line_edit.text()

    # -- validating -------------------------------------------------------------------------
    def build(self) -> CheckSpec:
        """The check the fields describe (raises CheckError when it could not work)."""
        kind = self.kind()
        threshold = self.threshold_spin.value() if KINDS[kind].threshold is not None else None
        params = {
            k: v
            for k, v in (self.original.params if self.original else {}).items()
            if k not in ("threshold", "mode", "model")
        }
        if kind == "judge":
            params["mode"] = self.mode_combo.currentData()
            if self.judge_model_edit.text().strip():
                params["model"] = self.judge_model_edit.text().strip()
        spec = make_check(
            kind,
            self.value(),
            threshold=threshold,
            params=params or None,
            id=self.original.id if self.original else None,
            taken=self.taken,
        )
        if self.original is not None:
            from dataclasses import replace  # noqa: PLC0415

            spec = replace(spec, enabled=self.original.enabled)
        return spec

    @Slot()
    def validate(self) -> bool:
        try:
            self.build()
        except CheckError as exc:
            self.error_label.setText(f"{localized(exc.message)}\n{localized(exc.hint)}".strip())
            self.error_label.show()
            return False
        self.error_label.hide()
        return True

    def accept(self) -> None:
        try:
            self.result_spec = self.build()
        except CheckError as exc:
            self.error_label.setText(f"{localized(exc.message)}\n{localized(exc.hint)}".strip())
            self.error_label.show()
            return  # stays open: a broken check is never saved
        super().accept()
