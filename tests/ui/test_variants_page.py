"""The Variants step: the ladder as a checklist, the editor, the technique-grid preview."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from desktop_app.core.data import rows as datasets
from desktop_app.core.errors import RunError
from desktop_app.core.project.folder import Project
from desktop_app.core.variants.variant import PRESETS, load_selection, load_variants, resolve_variants
from desktop_app.ui.variants.page import VariantsPage

HOSTILE = "<b>x</b><img src=x>"


def make_project(tmp_path, inputs=None, examples=3) -> Project:
    project = Project.create(tmp_path / "proj")
    inputs = inputs or [f"What is item {i}?" for i in range(8)]
    csv = tmp_path / "eval.csv"
    lines = ["question,answer"] + [f'"{q.replace(chr(34), chr(34) * 2)}",answer {i}' for i, q in enumerate(inputs)]
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    datasets.import_dataset(project, csv, examples=examples)
    return project


@pytest.fixture
def page(qtbot, tmp_path):
    p = VariantsPage()
    qtbot.addWidget(p)
    p.resize(1000, 650)
    p.set_project(make_project(tmp_path))
    p.show()
    qtbot.waitUntil(lambda: p.context is not None, timeout=10000)
    return p


def _select(page, name):
    page.list.setCurrentItem(page.list.item_named(name))
    assert page.editor.variant().name == name


def test_presets_are_listed_and_the_ticked_ones_are_what_run_runs(qtbot, page):
    """The eight ladder presets appear; ticking one stores it as a variant Run will run."""
    texts = [page.list.item(r).text() for r in range(page.list.count())]
    assert [page.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(page.list.count())] == list(PRESETS)
    assert texts[0] == "Baseline" and texts[3] == "+ few-shot (k=3)" and texts[4].startswith("RAG")
    # Nothing chosen yet: the same default as Run (Baseline, + Few-shot with an examples pool).
    assert page.list.ticked() == ["baseline", "few_shot"]
    with qtbot.waitSignal(page.project_modified, timeout=2000) as blocker:
        page.list.set_ticked("step_by_step", True)
    assert blocker.args == ["variants"]
    reopened = Project.open(page.project.root)
    assert load_selection(reopened) == ["baseline", "step_by_step", "few_shot"]
    assert [v.name for v in load_variants(reopened)] == list(PRESETS)
    assert [v.name for v in resolve_variants(reopened, None)] == ["baseline", "step_by_step", "few_shot"]
    assert page.summary.text().startswith("3 of 8")


def test_editor_saves_and_the_highlighter_marks_an_unknown_placeholder(qtbot, page):
    """Editing a template saves it; {input} is tinted and a typo like {qestion} is marked as an error."""
    _select(page, "few_shot")
    editor = page.editor
    editor.template_edit.setPlainText("Q: {input}\nTopic: {qestion}")
    editor.k_spin.setValue(5)
    editor.temperature_spin.setValue(0.7)
    editor.max_tokens_spin.setValue(256)
    with qtbot.waitSignal(page.project_modified, timeout=2000):
        pass  # the debounced apply saves
    saved = {v.name: v for v in load_variants(Project.open(page.project.root))}["few_shot"]
    assert saved.template == "Q: {input}\nTopic: {qestion}" and saved.k == 5
    assert saved.params == {"temperature": 0.7, "max_tokens": 256}
    assert page.list.item_named("few_shot").text() == "+ few-shot (k=5)"

    doc = editor.template_edit.document()
    first, second = doc.firstBlock(), doc.firstBlock().next()
    known = [r for r in first.layout().formats() if r.start == 3]
    unknown = [r for r in second.layout().formats() if r.start == len("Topic: ")]
    assert known and known[0].length == len("{input}")
    assert known[0].format.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline
    assert unknown and unknown[0].length == len("{qestion}")
    assert unknown[0].format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert editor.template_warning.isVisible() and "{qestion}" in editor.template_warning.text()
    # The preview is the exact request for the first evaluation row, with 5 examples as chat turns.
    preview = editor.preview.toPlainText()
    assert "Q: What is item" in preview and "Topic: {qestion}" in preview
    assert preview.count("Assistant (example answer)") == 3  # the pool holds 3 rows


def test_a_duplicate_or_empty_name_is_refused_inline(qtbot, page):
    """Renaming a variant to a name already taken says so and keeps the old name."""
    _select(page, "few_shot")
    page.editor.name_edit.setText("baseline")
    page.editor.name_edit.editingFinished.emit()
    assert page.editor.name_error.isVisible() and "already called baseline" in page.editor.name_error.text()
    assert page.editor.variant().name == "few_shot"
    page.editor.name_edit.setText("Few-shot v2")
    with qtbot.waitSignal(page.project_modified, timeout=2000):
        page.editor.name_edit.editingFinished.emit()
    reopened = Project.open(page.project.root)
    assert "Few-shot v2" in [v.name for v in load_variants(reopened)]
    assert "Few-shot v2" in load_selection(reopened)  # it stays ticked under its new name


def test_grid_preview_places_each_variant_and_fills_the_ticked(qtbot, page):
    """The grid shows few-shot at x=2, RAG at y=1, fine-tuned at x=3; ticked points are filled."""
    grid = page.grid
    assert grid.cell_of("baseline") == (0, 0)
    assert grid.cell_of("few_shot") == (2, 0)
    assert grid.cell_of("rag") == (1, 1)
    assert grid.cell_of("rag_few_shot") == (2, 1)
    assert grid.cell_of("fine_tuned_rag") == (3, 1)
    selected = {i.name for i in grid.items() if i.selected}
    assert selected == {"baseline", "few_shot"}
    positions = grid.positions()
    assert positions["rag"].y() < positions["baseline"].y()  # RAG sits above: y grows upwards
    assert positions["fine_tuned"].x() > positions["few_shot"].x()
    assert positions["instructions"] != positions["step_by_step"]  # one cell, two distinct points
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=positions["rag"].toPoint())
    assert page.list.current_name() == "rag"


def test_fine_tuned_without_a_model_id_is_flagged(qtbot, page):
    """A ticked fine-tuned variant without a model id is flagged until the id is filled in."""
    assert {i.name for i in page.grid.items() if i.flagged} == {"fine_tuned", "fine_tuned_rag"}
    page.list.set_ticked("fine_tuned", True)
    assert page.hint.isVisible() and "fine_tuned" in page.hint.label.text()
    _select(page, "fine_tuned")
    assert page.editor.model_warning.isVisible()
    page.editor.model_edit.setText("ft:gpt-4o-mini:acme::abc123")
    page.editor.model_edit.textEdited.emit("ft:gpt-4o-mini:acme::abc123")
    page.editor.apply()
    assert not page.editor.model_warning.isVisible()
    assert page.list.item_named("fine_tuned").text() == "Fine-tuned (ft:gpt-4o-mini:acme::abc123)"
    assert "fine_tuned" not in page.hint.label.text()
    assert {v.name: v for v in load_variants(page.project)}["fine_tuned"].model == "ft:gpt-4o-mini:acme::abc123"


def test_rag_without_documents_points_to_knowledge(qtbot, page):
    """Ticking a RAG variant in a project with no documents says so and offers the Knowledge step."""
    assert not page.hint.isVisible()
    page.list.set_ticked("rag", True)
    assert page.hint.isVisible() and "Knowledge" in page.hint.label.text()
    with qtbot.waitSignal(page.navigate, timeout=1000) as blocker:
        page.hint.button.click()
    assert blocker.args == ["knowledge", None]


def test_add_a_copy_of_a_preset_and_remove_it(qtbot, page):
    """Add variant copies a preset under a new, ticked name; Remove deletes it from the project."""
    page.add_variant("few_shot")
    assert page.list.current_name() == "few_shot-2" and "few_shot-2" in page.list.ticked()
    assert page.editor.name_edit.hasFocus() or page.editor.name_edit.selectedText() == "few_shot-2"
    assert [v.name for v in load_variants(page.project)][-1] == "few_shot-2"
    page.remove_current()
    assert page.list.item_named("few_shot-2") is None
    assert "few_shot-2" not in [v.name for v in load_variants(page.project)]
    assert "few_shot-2" not in load_selection(page.project)


def test_dataset_text_and_names_show_as_plain_text(qtbot, tmp_path):
    """Markup in the data or in a variant name is shown literally, never rendered."""
    p = VariantsPage()
    qtbot.addWidget(p)
    p.set_project(make_project(tmp_path, inputs=[HOSTILE, "second"], examples=0))
    p.show()
    qtbot.waitUntil(lambda: p.context is not None, timeout=10000)
    _select(p, "baseline")
    assert HOSTILE in p.editor.preview.toPlainText()
    p.editor.name_edit.setText(HOSTILE)
    p.editor.name_edit.editingFinished.emit()
    assert p.list.current_name() == HOSTILE
    assert p.list.currentItem().text().startswith(HOSTILE)
    for label in (p.editor.name_error, p.editor.template_warning, p.hint.label, p.editor.techniques_label):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_a_damaged_variants_section_is_reported_and_left_alone(qtbot, tmp_path):
    """Unreadable variants in project.json show the error and hint; nothing is saved over them."""
    project = make_project(tmp_path)
    project.set_section("variants", [{"name": "a", "techniques": ["telepathy"]}])
    before = (project.root / "project.json").read_text(encoding="utf-8")
    p = VariantsPage()
    qtbot.addWidget(p)
    p.set_project(project)
    p.show()
    assert p.banner.isVisible() and "telepathy" in p.banner.message_label.text()
    assert p.banner.hint_label.text()
    assert p.list.count() == 0 and not p.add_button.isEnabled()
    p.add_variant("baseline")
    assert (project.root / "project.json").read_text(encoding="utf-8") == before
    assert json.loads(before)["variants"][0]["techniques"] == ["telepathy"]


def test_unticking_everything_is_explained_here_and_stops_run(qtbot, page):
    """With no variant ticked the page says so, and Run refuses with a plain message instead of running all."""
    for name in page.list.ticked():
        page.list.set_ticked(name, False)
    assert page.hint.isVisible() and "No variant is ticked" in page.hint.label.text()
    with pytest.raises(RunError) as caught:
        resolve_variants(Project.open(page.project.root), None)
    assert "Tick at least one variant" in caught.value.hint


def test_a_damaged_run_selection_is_reported_and_replaced_by_new_ticks(qtbot, tmp_path):
    """A broken list of ticked variants is reported; the variants stay editable and re-ticking repairs it."""
    project = make_project(tmp_path)
    project.set_section("variants", [{"name": "baseline"}, {"name": "mine", "techniques": ["few_shot"], "k": 2}])
    project.set_section("run_selection", "baseline")
    p = VariantsPage()
    qtbot.addWidget(p)
    p.set_project(project)
    p.show()
    assert p.banner.isVisible() and "damaged" in p.banner.message_label.text()
    assert p.list.ticked() == ["baseline", "mine"] and p.add_button.isEnabled()
    p.list.set_ticked("baseline", False)
    assert load_selection(Project.open(project.root)) == ["mine"]


def test_the_rag_prompt_preview_shows_the_passages_the_documents_give_for_the_row(qtbot, tmp_path):
    """With documents added, the RAG preview holds real passages found for the first row (a keyword
    search, no model call) instead of a placeholder."""
    from desktop_app.core.knowledge import KnowledgeBase

    project = make_project(
        tmp_path,
        inputs=["How long is the warranty on the HL-4020?", "What is item 2?", "What is item 3?", "What is item 4?"],
        examples=1,
    )
    (tmp_path / "manual.md").write_text(
        "# Warranty\n\nThe HL-4020 warranty lasts 36 months from purchase.\n", encoding="utf-8"
    )
    kb = KnowledgeBase.open(project)
    kb.add_paths([tmp_path / "manual.md"])
    kb.close()
    p = VariantsPage()
    qtbot.addWidget(p)
    p.set_project(project)
    p.show()
    qtbot.waitUntil(lambda: p.context is not None, timeout=15000)
    _select(p, "rag")
    text = p.editor.preview.toPlainText()
    assert "warranty lasts 36 months" in text and "go here" not in text
