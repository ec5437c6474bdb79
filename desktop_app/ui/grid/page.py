"""The Grid step: where each run stands, on the technique map and the diagnosis map.

The diagnosis is computed on a pool thread (desktop_app/ui/advice/compute.py) when a project
opens and whenever its runs, checks, dataset or settings change; the page only draws it.
pyqtgraph loads when the first result arrives (the task imports it off the GUI thread), so
the window opens without paying for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.ui.advice.fmt import fill
from desktop_app.ui.advice.headlines import AdviceHeadlines
from desktop_app.ui.advice.sentences import AdviceText
from desktop_app.ui.grid.pair import AdaptivePair
from desktop_app.ui.grid.style import PassRateLegend
from desktop_app.ui.advice.diagnosis_page import DiagnosisPage
from desktop_app.ui.language import shown

if TYPE_CHECKING:  # the maps load pyqtgraph: imported when the first result arrives
    from desktop_app.core.advice.model import RunPoint
    from desktop_app.ui.grid.diagnosis_map import DiagnosisMap
    from desktop_app.ui.grid.map_view import MapView
    from desktop_app.ui.grid.panel import MapPanel
    from desktop_app.ui.grid.technique_map import TechniqueMap

RECOMPUTE_ON = ("runs", "checks", "dataset", "settings")


class GridPage(DiagnosisPage):
    def title(self) -> str:
        return self.tr("Grid")

    def build(self) -> None:
        self._build_diagnosis()
        self.words = AdviceText(self)
        self.heads = AdviceHeadlines(self.words, self)
        # The maps, built with the first result.
        self.technique: TechniqueMap | None = None
        self.diagnosis: DiagnosisMap | None = None
        self.panels: list[MapPanel] = []

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)

        # The recommendation in one line: the first screen of the tour shows it next to the maps.
        self.advice_line = QLabel()
        self.advice_line.setTextFormat(Qt.TextFormat.PlainText)
        self.advice_line.setWordWrap(True)
        font = self.advice_line.font()
        font.setBold(True)
        self.advice_line.setFont(font)
        self.advice_button = QPushButton()
        self.advice_button.clicked.connect(lambda: self.navigate.emit("advice", None))
        advice_row = QHBoxLayout()
        advice_row.setContentsMargins(0, 0, 0, 0)
        advice_row.addWidget(self.advice_line, 1)
        advice_row.addWidget(self.advice_button, 0, Qt.AlignmentFlag.AlignTop)
        self.pair = AdaptivePair()
        self.run_label = QLabel()
        self.run_combo = QComboBox()
        self.run_combo.setMinimumContentsLength(12)
        self.run_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.run_label.setBuddy(self.run_combo)
        self.show_button = QPushButton()
        self.show_button.clicked.connect(lambda: self.open_run(self.run_combo.currentIndex()))
        self.legend = PassRateLegend()
        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        tools.addWidget(self.run_label)
        tools.addWidget(self.run_combo)
        tools.addWidget(self.show_button)
        tools.addStretch(1)
        tools.addWidget(self.legend)
        self.content = QWidget()
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.addLayout(advice_row)
        content.addWidget(self.pair, 1)
        content.addLayout(tools)
        self.stack.addWidget(self.content)

        self.layout_.addWidget(self.intro)
        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.busy)
        self.layout_.addWidget(self.stack, 1)
        self.setTabOrder(self.run_combo, self.show_button)

    def retranslate(self) -> None:
        super().retranslate()
        self.intro.setText(
            self.tr(
                "Where each run stands: by the techniques it uses, and by what it gets right. "
                "Hover over a point for its numbers; click it to see its rows."
            )
        )
        self.busy.set_texts(self.tr("Placing the runs on the maps…"), self.tr("&Cancel"))
        self.run_label.setText(self.tr("Ru&n:"))
        self.show_button.setText(self.tr("Show in Res&ults"))
        self.legend.set_caption(self.tr("Pass rate"))
        self.advice_button.setText(self.tr("See the &advice"))
        self._advice_text()
        if self.technique is not None and self.diagnosis is not None:
            self._texts_of_maps()
            self.technique.retranslate()
            self.diagnosis.retranslate()
        self._show_empty()

    def _advice_text(self) -> None:
        if self.result is None:
            self.advice_line.clear()
            return
        d = self.result.diagnosis.to_dict()
        self.words.use_runs(d.get("runs"))
        why = self.heads.why(d)
        self.advice_line.setText(
            fill(self.tr("%1: %2"), self.heads.headline(d["recommendation"], d.get("focus") or ""), why)
            if why
            else self.heads.headline(d["recommendation"], d.get("focus") or "")
        )

    def _texts_of_maps(self) -> None:
        titles = (self.tr("Technique map"), self.tr("Diagnosis map"))
        self.panels[0].set_texts(
            titles[0],
            self.tr(
                "The picture from OpenAI's talk “A Survey of Techniques for "
                "Maximizing LLM Performance”: to the right, how the model is "
                "asked to act; upwards, what it is given to know. Arrows "
                "follow the order the runs were made."
            ),
            self.tr("&Save technique map…"),
        )
        self.panels[1].set_texts(
            titles[1],
            self.tr(
                "Low on content → context work (RAG). Low on behaviour → LLM "
                "work (prompt, few-shot, fine-tuning). Colour: pass rate."
            ),
            self.tr("Save &diagnosis map…"),
        )
        self.pair.set_titles(titles)

    # -- project ----------------------------------------------------------------------------------
    def set_project(self, project) -> None:
        super().set_project(project)
        self.banner.clear()
        self.result = None
        self._update_busy()
        if project is None:
            self._set_empty("no_project")
            return
        self._set_empty("loading")
        self.refresh()

    def focus(self, payload) -> None:
        """Another page sent the user here about a run: select it in the run list."""
        name = payload.get("run") if isinstance(payload, dict) else None
        runs: tuple[RunPoint, ...] = self.result.diagnosis.runs if self.result is not None else ()
        found = [i for i, r in enumerate(runs) if r.name == name]
        if found:
            self.run_combo.setCurrentIndex(found[-1])

    def on_project_modified(self, what: str) -> None:
        if self.project is not None and what in RECOMPUTE_ON:
            self.refresh()

    def refresh(self) -> None:
        """Compute the diagnosis again (the maps on screen stay until the new one arrives)."""
        if self.project is not None:
            self.source.request(self.project, warm_plots=True)

    @Slot(object)
    def _on_finished(self, result) -> None:
        if not self._mine(result.root):
            return
        self.banner.clear()
        self.result = result
        technique, diagnosis = self._ensure_maps()
        d = result.diagnosis
        technique.set_data(result.maps, d.runs)
        diagnosis.set_data(result.maps, d.runs)
        current = self.run_combo.currentText()
        self.run_combo.clear()
        for i, run in enumerate(d.runs):
            self.run_combo.addItem(fill(self.tr("%1. %2"), i + 1, shown(run)))  # combo items are plain text
        starting = [i for i, r in enumerate(d.runs) if r.name == d.from_run]
        found = self.run_combo.findText(current, Qt.MatchFlag.MatchExactly) if current else -1
        self.run_combo.setCurrentIndex(found if found >= 0 else (starting[-1] if starting else 0))
        self._advice_text()
        self.stack.setCurrentWidget(self.content)

    def _internal_error_texts(self) -> tuple[str, str]:
        return (
            self.tr("The maps could not be drawn because of an internal error."),
            self.tr("The details are in the log (Help → Show Log Folder)."),
        )

    def _empty_texts(self, kind: str) -> tuple[str, str, str, str, str]:
        if kind == "no_project":
            return (
                self.tr("No project is open"),
                self.tr("Open or create a project, then run a few variants: each run becomes a point here."),
                "",
                self.tr("&Go to Project"),
                "project",
            )
        if kind == "loading":
            return (self.tr("Reading the runs…"), "", "", "", "")
        if kind == "stopped":
            return (
                self.tr("Stopped"),
                self.tr("The maps were not drawn because the work was cancelled."),
                "",
                self.tr("&Try again"),
                "retry",
            )
        if kind == "no_runs":
            return (
                self.tr("Nothing to place yet"),
                self.tr("This project has no runs yet."),
                self.tr("Run some variants, or import a run made elsewhere; each run becomes a point on both maps."),
                self.tr("&Go to Run"),
                "run",
            )
        return (self.tr("The maps could not be drawn"), self.tr("See the message above."), "", "", "")

    # -- the maps ---------------------------------------------------------------------------------
    def _ensure_maps(self) -> tuple[TechniqueMap, DiagnosisMap]:
        if self.technique is not None and self.diagnosis is not None:
            return self.technique, self.diagnosis
        from desktop_app.ui.grid.diagnosis_map import DiagnosisMap  # noqa: PLC0415 - pyqtgraph, on demand
        from desktop_app.ui.grid.panel import MapPanel  # noqa: PLC0415
        from desktop_app.ui.grid.technique_map import TechniqueMap  # noqa: PLC0415

        technique, diagnosis = TechniqueMap(self.words), DiagnosisMap(self.words)
        self.technique, self.diagnosis = technique, diagnosis
        self.panels = [MapPanel(technique), MapPanel(diagnosis)]
        for view, panel, name in (
            (technique, self.panels[0], "technique-map.png"),
            (diagnosis, self.panels[1], "diagnosis-map.png"),
        ):
            view.run_clicked.connect(self.open_run)
            panel.save_button.clicked.connect(lambda _=False, v=view, n=name: self.save_map(v, n))
        self._texts_of_maps()
        self.pair.set_panels(self.panels[0], self.panels[1], (self.tr("Technique map"), self.tr("Diagnosis map")))
        self.setTabOrder(self.panels[0].save_button, self.panels[1].save_button)
        self.setTabOrder(self.panels[1].save_button, self.run_combo)
        return technique, diagnosis

    @Slot(int)
    def open_run(self, index: int) -> None:
        """Show run ``index`` (order made) in Results."""
        runs = self.result.diagnosis.runs if self.result is not None else ()
        if 0 <= index < len(runs):
            self.navigate.emit("results", {"run": runs[index].name, "run_id": runs[index].id})

    def save_map(self, view: MapView, default_name: str) -> None:
        folder = self.project.exports_dir if self.project is not None else Path.home()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the map as a picture"), str(folder / default_name), self.tr("PNG images (*.png)")
        )
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            ok = view.export_png(path)
        except OSError:
            ok = False
        if ok:
            self.banner.show_message(fill(self.tr("Saved %1"), path), "", "info")
        else:
            self.banner.show_message(
                fill(self.tr("Could not save the picture to %1."), path),
                self.tr("Choose a folder you can write to, and close the file if another program has it open."),
            )
