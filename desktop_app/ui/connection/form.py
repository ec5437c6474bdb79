"""The preset choice and the fields of each preset, holding the values of every preset.

Switching preset keeps what was typed for the previous one (switching back restores it); a
preset never used starts from its defaults, which come from ConnectionConfig (loaded in a
task, since providers imports openai).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.connection.key_box import KeyBox

PRESET_ORDER = ("openai", "azure", "local", "offline")
# Which rows each preset shows, top to bottom.
ROWS = {
    "openai": ("base_url", "model", "embedding_model", "timeout_s", "api_key_env", "key"),
    "azure": (
        "azure_endpoint",
        "azure_deployment",
        "api_version",
        "model",
        "embedding_model",
        "timeout_s",
        "api_key_env",
        "key",
    ),
    "local": ("base_url", "model", "embedding_model", "timeout_s", "api_key_env", "key"),
    "offline": (),
}
TEXT_FIELDS = ("base_url", "azure_endpoint", "azure_deployment", "api_version", "embedding_model", "api_key_env")


class _PresetCard(QFrame):
    """One preset as a framed choice: a radio button and a line under it; a click anywhere selects it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.button = QRadioButton()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # secondary text in any theme
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.button)
        layout.addWidget(self.note)

    def mousePressEvent(self, event) -> None:
        self.button.setChecked(True)
        self.button.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)


class ConnectionForm(QWidget):
    changed = Signal()
    preset_changed = Signal(str)
    identity_changed = Signal()  # the server or key variable changed: the key may be found elsewhere

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._values: dict[str, dict] = {p: {"preset": p} for p in PRESET_ORDER}
        self._preset = "offline"
        self._filling = False

        self.preset_group = QButtonGroup(self)
        self.preset_buttons: dict[str, QRadioButton] = {}
        self.preset_notes: dict[str, QLabel] = {}
        presets = QHBoxLayout()
        presets.setContentsMargins(0, 0, 0, 0)
        for n, key in enumerate(PRESET_ORDER):
            card = _PresetCard()
            self.preset_group.addButton(card.button, n)
            self.preset_buttons[key] = card.button
            self.preset_notes[key] = card.note
            presets.addWidget(card, 1)
        self.preset_group.idToggled.connect(self._on_preset_toggled)
        self.preset_help = QLabel()
        self.preset_help.setWordWrap(True)
        self.preset_help.setTextFormat(Qt.TextFormat.PlainText)

        self.fields: dict[str, QWidget] = {}
        self.edits: dict[str, QLineEdit] = {}  # the text fields among them, typed as what they are
        for name in TEXT_FIELDS:
            edit = QLineEdit()
            edit.textEdited.connect(self._edited)
            if name in ("base_url", "azure_endpoint", "api_key_env"):
                edit.editingFinished.connect(self.identity_changed)
            self.fields[name] = self.edits[name] = edit
        self.model = QComboBox()
        self.model.setEditable(True)
        self.model.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.model.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.model.setMinimumContentsLength(24)
        self.model.editTextChanged.connect(self._edited)
        self.models_button = QToolButton()
        self.models_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        model_row = QWidget()
        row = QHBoxLayout(model_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.model, 1)
        row.addWidget(self.models_button)
        self.fields["model"] = model_row
        self.timeout = QSpinBox()
        self.timeout.setRange(1, 600)
        self.timeout.valueChanged.connect(self._edited)
        self.fields["timeout_s"] = self.timeout
        self.key_box = KeyBox()
        self.key_box.changed.connect(self.changed)
        self.fields["key"] = self.key_box

        self.form = QFormLayout()
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        buddies = {"model": self.model, "key": self.key_box.entry}
        for name in (
            "base_url",
            "azure_endpoint",
            "azure_deployment",
            "api_version",
            "model",
            "embedding_model",
            "timeout_s",
            "api_key_env",
            "key",
        ):
            label = QLabel()
            label.setBuddy(buddies.get(name, self.fields[name]))  # Alt+mnemonic focuses the field
            self.labels[name] = label
            self.form.addRow(label, self.fields[name])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(presets)
        layout.addWidget(self.preset_help)
        layout.addSpacing(6)
        fields = QWidget()
        fields.setLayout(self.form)
        fields.setMaximumWidth(820)  # a URL field across a maximized window is hard to read
        layout.addWidget(fields)
        self.retranslate()
        self._show_rows()

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        b = self.preset_buttons
        b["openai"].setText(self.tr("&OpenAI"))
        b["azure"].setText(self.tr("&Azure OpenAI"))
        b["local"].setText(self.tr("&Local server"))
        b["offline"].setText(self.tr("O&ffline"))
        notes = self.preset_notes
        notes["openai"].setText(self.tr("OpenAI's API with your key"))
        notes["azure"].setText(self.tr("Your Azure OpenAI resource"))
        notes["local"].setText(self.tr("Ollama, LM Studio, vLLM, llama.cpp"))
        notes["offline"].setText(self.tr("No model calls at all"))
        self.models_button.setText(self.tr("Fetc&h models"))
        self.models_button.setToolTip(self.tr("Ask the server which models it offers"))
        azure = self._preset == "azure"
        labels = {
            "base_url": self.tr("Server &URL"),
            "azure_endpoint": self.tr("Azure e&ndpoint"),
            "azure_deployment": self.tr("Chat &deployment"),
            "api_version": self.tr("API ve&rsion"),
            "model": self.tr("&Model behind it (optional)") if azure else self.tr("&Model"),
            "embedding_model": self.tr("&Embedding deployment") if azure else self.tr("&Embedding model"),
            "timeout_s": self.tr("T&imeout"),
            "api_key_env": self.tr("Key environment varia&ble"),
            "key": self.tr("API &key"),
        }
        for name, text in labels.items():
            self.labels[name].setText(text)
        self.timeout.setSuffix(self.tr(" s"))
        self.edits["base_url"].setPlaceholderText(
            "https://api.openai.com/v1" if self._preset == "openai" else "http://localhost:11434/v1"
        )
        self.edits["azure_endpoint"].setPlaceholderText("https://YOUR-RESOURCE.openai.azure.com")
        self.edits["azure_deployment"].setPlaceholderText(self.tr("the deployment name in Azure AI Foundry"))
        self.edits["api_key_env"].setPlaceholderText(self.tr("e.g. OPENAI_API_KEY"))
        self.preset_help.setText(self._help(self._preset))
        self.key_box.retranslate()

    def _help(self, preset: str) -> str:
        return {
            "openai": self.tr(
                "OpenAI's API. The key is kept in the system keychain or read from an environment "
                "variable, never written into the project."
            ),
            "azure": self.tr(
                "Your Azure OpenAI resource: its endpoint, the deployment of the chat model and the API version."
            ),
            "local": self.tr(
                "A server on this computer or your network that speaks the OpenAI API, such as "
                "Ollama, LM Studio, vLLM or llama.cpp."
            ),
            "offline": self.tr(
                "No model calls at all. Still works: scoring imported runs, retrieval readiness, "
                "every check that needs no model, and advice from what was measured."
            ),
        }[preset]

    # -- values ----------------------------------------------------------------------------
    def preset(self) -> str:
        return self._preset

    def load(self, section: dict, defaults: dict, keep_others: bool = False) -> None:
        """Show a saved section; other presets start from ``defaults`` (preset -> section), or
        keep what was typed for them (``keep_others``: the same project was just saved)."""
        if keep_others:
            self._values[self._preset].update(self._read())
        else:
            self._values = {p: dict(defaults.get(p, {"preset": p})) for p in PRESET_ORDER}
        preset = section.get("preset", "offline")
        self._values[preset] = dict(section)
        self._preset = preset
        self._filling = True
        try:
            self.preset_buttons[preset].setChecked(True)
            self._write(self._values[preset])
        finally:
            self._filling = False
        self._show_rows()

    def section(self) -> dict:
        """The section the form describes now (fields this form does not show are kept)."""
        values = dict(self._values[self._preset])
        values.update(self._read())
        values["preset"] = self._preset
        return values

    def set_models(self, models) -> None:
        current = self.model.currentText()
        self._filling = True
        try:
            self.model.clear()
            self.model.addItems(list(models))
            # A server with one model (a local one, usually) leaves nothing to choose: take it.
            self.model.setEditText(models[0] if len(models) == 1 else current)
        finally:
            self._filling = False
        if len(models) == 1 and models[0] != current:
            self.changed.emit()

    def _read(self) -> dict:
        out: dict[str, Any] = {name: self.edits[name].text().strip() for name in TEXT_FIELDS}
        out["model"] = self.model.currentText().strip()
        out["timeout_s"] = float(self.timeout.value())
        return out

    def _write(self, values: dict) -> None:
        for name in TEXT_FIELDS:
            self.edits[name].setText(str(values.get(name) or ""))
        self.model.setEditText(str(values.get("model") or ""))
        self.timeout.setValue(int(round(float(values.get("timeout_s") or 60))))

    def _edited(self, *_args) -> None:
        if not self._filling:
            self.changed.emit()

    def _on_preset_toggled(self, button_id: int, checked: bool) -> None:
        if not checked or self._filling:
            return
        new = PRESET_ORDER[button_id]
        self._values[self._preset].update(self._read())
        self._preset = new
        self._filling = True
        try:
            self._write(self._values[new])
            self.model.clear()  # another server: the fetched list no longer applies
            self.model.setEditText(str(self._values[new].get("model") or ""))
        finally:
            self._filling = False
        self._show_rows()
        self.preset_changed.emit(new)
        self.changed.emit()

    def _show_rows(self) -> None:
        shown = set(ROWS[self._preset])
        if self._preset == "local" and not self.edits["api_key_env"].text().strip():
            shown.discard("api_key_env")  # local servers seldom need a key: no environment-variable talk unless set
        for name, widget in self.fields.items():
            self.form.setRowVisible(widget, name in shown)
        self.key_box.set_preset(self._preset)
        self.retranslate()
