"""The Grid page: the sample's runs on both maps, clicks to Results, PNG export, empty and error states."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from desktop_app.core.advice.inputs import diagnose_project
from desktop_app.core.project.folder import Project
from desktop_app.ui.grid.page import GridPage

MARKUP = "<b>x</b><img src=x>"


@pytest.fixture
def page(qtbot):
    p = GridPage()
    qtbot.addWidget(p)
    p.resize(1000, 640)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.source.cancel()
    p.source.runner.shutdown()


def _load(qtbot, page, project):
    page.set_project(project)
    qtbot.waitUntil(lambda: page.result is not None and not page.source.is_running(), timeout=15000)
    qtbot.waitUntil(lambda: page.pair.is_wide() or page.pair.tabs.count() == 2)
    return page.result


def test_sample_places_three_runs_on_each_map(qtbot, page, sample):
    """Aiko opens the app and sees Baseline, Few-shot and RAG where the talk's picture puts them."""
    result = _load(qtbot, page, sample)
    assert page.stack.currentWidget() is page.content
    assert page.technique.point_positions() == [(0.0, 0.0), (2.0, 0.0), (0.0, 1.0)]  # few-shot x=2, RAG y=1
    expected = diagnose_project(sample)
    assert [r.name for r in expected.runs] == ["Baseline", "Few-shot (k=3)", "RAG (top-3)"]
    shown = [c for xy in page.diagnosis.point_positions() for c in xy]
    assert shown == pytest.approx([c for r in expected.runs for c in r.diagnosis_position])  # (behaviour, content)
    assert len(page.technique.arrow_items) == 2  # Baseline -> Few-shot -> RAG, the order they were made
    labels = [label.textItem.toPlainText() for label in page.technique.labels]
    assert labels[2] == "3. RAG (top-3)\n80%"
    assert page.diagnosis.target == pytest.approx(result.diagnosis.target) == pytest.approx(0.9)
    assert page.run_combo.count() == 3 and page.run_combo.currentText() == "3. RAG (top-3)"  # the advice's start
    assert "Few-shot (k=3)" in page.technique.tooltip(1) and "content 21%" in page.technique.tooltip(1)


def test_clicking_a_point_opens_that_run_in_results(qtbot, page, sample):
    """A click on a point shows that run's rows on the Results page."""
    _load(qtbot, page, sample)
    view = page.technique
    qtbot.waitUntil(lambda: view.width() > 100)
    with qtbot.waitSignal(page.navigate, timeout=3000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.scene_pos_of(1))
    assert blocker.args == ["results", {"run": "Few-shot (k=3)", "run_id": 2}]
    with qtbot.waitSignal(page.navigate, timeout=3000) as blocker:
        qtbot.mouseClick(page.diagnosis.viewport(), Qt.MouseButton.LeftButton, pos=page.diagnosis.scene_pos_of(0))
    assert blocker.args[1]["run"] == "Baseline"


def test_keyboard_users_open_a_run_from_the_run_list(qtbot, page, sample):
    """Without a mouse, the run list and its button lead to the same place as a click."""
    _load(qtbot, page, sample)
    page.run_combo.setCurrentIndex(0)
    with qtbot.waitSignal(page.navigate, timeout=3000) as blocker:
        qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["results", {"run": "Baseline", "run_id": 1}]


def test_each_map_saves_as_a_png(qtbot, page, sample, tmp_path, monkeypatch):
    """The maps go into a slide or a mail as pictures."""
    _load(qtbot, page, sample)
    target = tmp_path / "out" / "technique"  # no suffix: .png is added; the folder is created
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.panels[0].save_button, Qt.MouseButton.LeftButton)
    saved = target.with_suffix(".png")
    assert saved.stat().st_size > 5000
    image = QImage(str(saved))
    assert image.width() >= 2 * page.technique.width() - 2 and page.banner.kind == "info"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "diag.png"), ""))
    qtbot.mouseClick(page.panels[1].save_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "diag.png").stat().st_size > 5000


def test_unwritable_png_path_is_reported_in_the_banner(qtbot, page, sample, tmp_path, monkeypatch):
    """Saving where the app cannot write says so and keeps the maps."""
    _load(qtbot, page, sample)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(blocker / "map.png"), ""))
    qtbot.mouseClick(page.panels[1].save_button, Qt.MouseButton.LeftButton)
    assert page.banner.isVisible() and page.banner.kind == "error"
    assert "Could not save the picture" in page.banner.message_label.text()
    assert page.stack.currentWidget() is page.content


def test_a_new_target_moves_the_target_corner(qtbot, page, sample):
    """Changing the target pass rate (Advice page) redraws the corner here."""
    _load(qtbot, page, sample)
    first = page.result
    sample.set_section("target_pass_rate", 0.6)
    page.on_project_modified("settings")
    qtbot.waitUntil(lambda: page.result is not first and not page.source.is_running(), timeout=10000)
    assert page.diagnosis.target == pytest.approx(0.6)
    assert page.result.diagnosis.recommendation == "good_enough"  # RAG's 80% passes a 60% target


def test_damaged_target_shows_the_error_and_keeps_the_maps(qtbot, page, sample):
    """A bad value in project.json is explained with a hint; what was drawn stays."""
    _load(qtbot, page, sample)
    sample.set_section("target_pass_rate", 1.5)
    page.on_project_modified("settings")
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=10000)
    assert "target pass rate" in page.banner.message_label.text()
    assert page.banner.hint_label.text()
    assert page.stack.currentWidget() is page.content and len(page.technique.point_positions()) == 3


def test_project_without_runs_shows_what_to_do(qtbot, page, tmp_path):
    """A fresh project gets a next step, not an error."""
    page.set_project(Project.create(tmp_path / "fresh"))
    qtbot.waitUntil(lambda: page.empty.headline.text() == "Nothing to place yet", timeout=10000)
    assert page.stack.currentWidget() is page.empty and not page.banner.isVisible()
    assert "no runs" in page.empty.detail.text()
    with qtbot.waitSignal(page.navigate) as blocker:
        qtbot.mouseClick(page.empty.button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["run", None]


def test_cancel_then_try_again(qtbot, page, sample):
    """Cancel stops the work and says so; Try again draws the maps."""
    page.set_project(sample)
    assert page.busy.isVisible()
    qtbot.mouseClick(page.busy.cancel_button, Qt.MouseButton.LeftButton)
    assert page.empty.headline.text() == "Stopped" and not page.busy.isVisible()
    qtbot.mouseClick(page.empty.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.result is not None, timeout=15000)
    assert page.stack.currentWidget() is page.content


def test_no_project_open(qtbot, page):
    """Before a project is open the page says so and leads to the Project step."""
    page.set_project(None)
    assert page.empty.headline.text() == "No project is open" and page.empty.step == "project"


def test_narrow_window_shows_the_maps_as_tabs(qtbot, page, sample):
    """On a small screen each map gets the full width, one tab each."""
    _load(qtbot, page, sample)
    page.resize(600, 600)
    qtbot.waitUntil(lambda: not page.pair.is_wide())
    assert [page.pair.tabs.tabText(i) for i in range(2)] == ["Technique map", "Diagnosis map"]
    assert page.minimumSizeHint().width() <= 560  # fits beside the step list on a 800-pixel screen
    page.resize(1100, 640)
    qtbot.waitUntil(page.pair.is_wide)
    assert page.pair.splitter.count() == 2 and page.pair.tabs.count() == 0


def test_run_names_stay_plain_text(qtbot, page, tmp_path):
    """A run named like markup shows its brackets in labels, tooltips and the run list."""
    from desktop_app.core.data import rows as datasets
    from desktop_app.core.run.imported import import_run

    project = Project.create(tmp_path / "markup")
    (tmp_path / "data.csv").write_text("id,question,answer\nr1,Capital of France?,Paris\nr2,2+2?,4\n", encoding="utf-8")
    datasets.import_dataset(project, tmp_path / "data.csv")
    (tmp_path / "run.csv").write_text("id,output\nr1,Paris\nr2,5\n", encoding="utf-8")
    import_run(project, MARKUP, tmp_path / "run.csv", ["none"])
    _load(qtbot, page, project)
    assert page.technique.labels[0].textItem.toPlainText() == f"1. {MARKUP}\n50%"
    assert page.diagnosis.labels[0].textItem.toPlainText() == f"1. {MARKUP}"
    tip = page.technique.tooltip(0)
    assert "&lt;b&gt;x&lt;/b&gt;&lt;img src=x&gt;" in tip and "<img" not in tip and "<b>" not in tip
    assert page.run_combo.itemText(0) == f"1. {MARKUP}"


SEVEN = [
    ("baseline", "none", "wrong"),
    ("few_shot", "few_shot", "wrong"),
    ("instructions", "instructions", "half"),
    ("step_by_step", "step_by_step", "half"),
    ("rag", "rag", "most"),
    ("rag_few_shot", "rag,few_shot", "most"),
    ("a run with a rather long name for a label", "rag", "all"),
]


def _seven_runs(tmp_path) -> Project:
    """Seven runs as a real project has them: two pairs score alike, two pairs share a technique cell."""
    from desktop_app.core.data import rows as datasets
    from desktop_app.core.run.imported import import_run

    project = Project.create(tmp_path / "seven")
    rows = [(f"r{i}", f"What is item {i}?", f"answer {i}") for i in range(10)]
    (tmp_path / "data.csv").write_text(
        "id,question,answer\n" + "".join(",".join(r) + "\n" for r in rows), encoding="utf-8"
    )
    datasets.import_dataset(project, tmp_path / "data.csv")
    right = {"wrong": 0, "half": 5, "most": 8, "all": 10}
    for name, techniques, quality in SEVEN:
        path = tmp_path / f"{name[:12]}.csv"
        path.write_text(
            "id,output\n"
            + "".join(
                f"{rid},{answer if i < right[quality] else 'no idea'}\n" for i, (rid, _, answer) in enumerate(rows)
            ),
            encoding="utf-8",
        )
        import_run(project, name, path, techniques.split(","))
    return project


def _overlap(a, b) -> float:
    from desktop_app.ui.grid.label_layout import overlap

    return overlap(a, b)


@pytest.mark.parametrize("size", [(1000, 640), (780, 560)])
def test_seven_runs_keep_every_label_readable(qtbot, page, tmp_path, size):
    """With seven runs, no label covers another label or a point, none leaves the plot, and runs in
    the same place are one marker whose label and tooltip name them all."""
    from desktop_app.ui.grid.map_view import RING_SIZE

    page.resize(*size)
    _load(qtbot, page, _seven_runs(tmp_path))
    for tab, view in enumerate((page.technique, page.diagnosis)):
        if not page.pair.is_wide():  # a narrow window shows the maps as tabs
            page.pair.tabs.setCurrentIndex(tab)
        qtbot.waitUntil(lambda view=view: view.isVisible() and view.width() > 100)
        view.place_labels()
        vb = view.getPlotItem().getViewBox()
        bounds = view.scene_rect(vb)
        rects = view.label_rects()
        assert len(rects) == len(view.groups) == len(view.point_positions())
        markers = []
        for group in view.groups:
            p = view.points[group[0]]
            c = vb.mapViewToScene(QPointF(p.x, p.y))
            markers.append((c.x() - RING_SIZE / 2, c.y() - RING_SIZE / 2, RING_SIZE, RING_SIZE))
        for i, rect in enumerate(rects):
            assert bounds[0] <= rect[0] and rect[0] + rect[2] <= bounds[0] + bounds[2] + 0.5, (view, i)
            assert bounds[1] <= rect[1] and rect[1] + rect[3] <= bounds[1] + bounds[3] + 0.5, (view, i)
            for j, other in enumerate(rects[i + 1 :], i + 1):
                assert _overlap(rect, other) < 1, (type(view).__name__, i, j)
            for marker in markers:
                assert _overlap(rect, marker) < 1, (type(view).__name__, i, marker)
    # baseline and few_shot: both wrong everywhere, so one marker at (behaviour, 0%) for both
    diag = page.diagnosis
    shared = [g for g in diag.groups if len(g) > 1]
    assert [0, 1] in shared
    g = diag.groups.index([0, 1])
    assert diag.labels[g].textItem.toPlainText() == "1. baseline, 2. few_shot"
    assert "baseline" in diag.group_tooltip(g) and "few_shot" in diag.group_tooltip(g)
