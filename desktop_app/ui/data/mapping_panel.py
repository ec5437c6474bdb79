"""Which file column plays which role: one combo per role, the guess preselected."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QSizePolicy, QWidget

ROLES = ("input", "expected", "id", "context", "category")  # same order as core.dataset_mapping
REQUIRED = ("input", "expected")


class MappingPanel(QWidget):
    """Combos for the five roles; ``changed`` fires when the user picks another column."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.combos: dict[str, QComboBox] = {}
        self.captions: dict[str, QLabel] = {}
        for role in ROLES:
            combo = QComboBox()
            combo.setObjectName(f"mapping_{role}")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            combo.currentIndexChanged.connect(self._on_changed)
            caption = QLabel()
            caption.setBuddy(combo)
            self.combos[role], self.captions[role] = combo, caption
            self.form.addRow(caption, combo)
        self.legend = QLabel()
        self.legend.setEnabled(False)  # muted palette colour
        self.legend.setWordWrap(True)
        self.form.addRow(self.legend)
        self.problem_label = QLabel()
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)  # may name a column of the file
        self.problem_label.setWordWrap(True)
        self.form.addRow(self.problem_label)
        self._columns: list[str] = []
        self._filling = False
        self.retranslate()

    def role_label(self, role: str) -> str:
        return {
            "input": self.tr("Input"),
            "expected": self.tr("Expected output"),
            "id": self.tr("Id"),
            "context": self.tr("Context"),
            "category": self.tr("Category"),
        }[role]

    def retranslate(self) -> None:
        captions = {
            "input": self.tr("&Input *:"),
            "expected": self.tr("E&xpected output *:"),
            "id": self.tr("I&d:"),
            "context": self.tr("Con&text:"),
            "category": self.tr("Cate&gory:"),
        }
        tips = {
            "input": self.tr("The question or prompt sent to the model. Required."),
            "expected": self.tr("The correct answer each output is compared with. Required."),
            "id": self.tr("A unique id per row. Without one, ids are made from the content."),
            "context": self.tr("Reference text for the row, if your file has it."),
            "category": self.tr("A group name, to filter and compare results by category."),
        }
        for role in ROLES:
            self.captions[role].setText(captions[role])
            self.combos[role].setToolTip(tips[role])
            self.combos[role].setAccessibleName(self.role_label(role))
        self.legend.setText(self.tr("* required. The app's guess is preselected; change it if it is wrong."))
        self._fill(self.mapping())

    def set_columns(self, columns: list[str], chosen: dict) -> None:
        """Offer ``columns`` and select ``chosen[role]`` for each role (None: no column)."""
        self._columns = [str(c) for c in columns]
        self._fill(chosen)

    def _fill(self, chosen: dict) -> None:
        self._filling = True
        try:
            for role, combo in self.combos.items():
                combo.clear()
                empty = self.tr("(choose a column)") if role in REQUIRED else self.tr("(none)")
                combo.addItem(empty, None)
                for column in self._columns:
                    combo.addItem(column, column)  # combo items are plain text: names are file data
                wanted = chosen.get(role)
                at = combo.findData(wanted) if wanted else 0
                combo.setCurrentIndex(max(0, at))
        finally:
            self._filling = False
        self._show_problem()

    def problem(self) -> str:
        """Why this mapping cannot be imported ('' when it can)."""
        if not self._columns:
            return ""
        missing = self.missing_required()
        if missing:
            return self.tr("Choose the %1 column.").replace("%1", self.role_label(missing[0]).lower())
        twice = self.duplicate_columns()
        if twice:
            return self.tr("Column “%1” is chosen for two roles; give each role its own column.").replace(
                "%1", twice[0]
            )
        return ""

    def _show_problem(self) -> None:
        problem = self.problem()
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))

    def columns(self) -> list[str]:
        return list(self._columns)

    def mapping(self) -> dict[str, str | None]:
        return {role: combo.currentData() for role, combo in self.combos.items()}

    def set_choice(self, role: str, column: str | None) -> None:
        combo = self.combos[role]
        combo.setCurrentIndex(max(0, combo.findData(column)) if column else 0)

    def missing_required(self) -> list[str]:
        return [role for role in REQUIRED if not self.combos[role].currentData()]

    def duplicate_columns(self) -> list[str]:
        chosen = [c for c in self.mapping().values() if c]
        return sorted({c for c in chosen if chosen.count(c) > 1})

    @Slot(int)
    def _on_changed(self, _index: int) -> None:
        if not self._filling:
            self._show_problem()
            self.changed.emit()
