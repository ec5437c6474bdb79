"""The Checks step: grouped checks, inferred defaults, the editor's inline errors, the live preview."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.core.data import rows as datasets
from desktop_app.core.checks import stored_checks
from desktop_app.core.project.folder import Project
from desktop_app.ui.checks.checks_tree import COL_CHECK, COL_REASON, COL_SETTING, COL_VERDICT
from desktop_app.ui.checks.page import ChecksPage

HOSTILE = "<b>x</b><img src=x>"


def make_project(tmp_path, rows=None) -> Project:
    project = Project.create(tmp_path / "proj")
    rows = rows or [(f"保証期間はどのくらい？ {i}", f"{i + 1}年間です") for i in range(8)]
    csv = tmp_path / "eval.csv"
    lines = ["question,answer"] + [f'"{q.replace(chr(34), chr(34) * 2)}","{a}"' for q, a in rows]
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    datasets.import_dataset(project, csv, examples=0)
    return project


def open_page(qtbot, project) -> ChecksPage:
    page = ChecksPage()
    qtbot.addWidget(page)
    page.resize(1000, 650)
    page.set_project(project)
    page.show()
    qtbot.waitUntil(lambda: page.loaded, timeout=10000)
    return page


@pytest.fixture
def page(qtbot, tmp_path):
    return open_page(qtbot, make_project(tmp_path))


def cells(page, check_id):
    item = page.tree.item_for(check_id)
    return [item.text(c) for c in (COL_CHECK, COL_SETTING, COL_VERDICT, COL_REASON)]


def type_output(qtbot, page, text):
    page.preview.output_edit.setPlainText(text)
    page.preview.flush()


def test_inferred_defaults_are_grouped_by_family_and_marked(qtbot, page):
    """A fresh project shows the checks suggested from its data, under content and behaviour."""
    tree = page.tree
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert groups == ["Content: does it carry the right facts?", "Behaviour: does it act right?"]
    content = [tree.topLevelItem(0).child(j).text(0) for j in range(tree.topLevelItem(0).childCount())]
    behaviour = [tree.topLevelItem(1).child(j).text(0) for j in range(tree.topLevelItem(1).childCount())]
    assert content == [
        "Contains the expected answer (suggested)",
        "Judge model for what text cannot decide (suggested)",
    ]
    assert "Written in a language (suggested)" in behaviour
    assert page.legend.isVisible() and "suggested from your data" in page.legend.text()
    assert cells(page, "language")[1] == "Japanese"
    assert not page.stored and Project.open(page.project.root).section("checks") in (None, [])


def test_live_preview_verdict_flips_as_the_output_changes(qtbot, page):
    """Typing an output re-runs the checks: the expected answer passes, a wrong one fails with a reason."""
    assert page.preview.output() == page.preview.current_row().expected
    assert cells(page, "contains")[2] == "pass"
    page.preview.output_edit.setPlainText("I do not know.")
    qtbot.waitUntil(lambda: cells(page, "contains")[2] == "fail", timeout=2000)  # debounced, as typed
    assert "declines" in cells(page, "contains")[3]
    assert cells(page, "language")[2] == "fail" and "not Japanese" in cells(page, "language")[3]
    page.preview.output_edit.setPlainText("保証は1年間です。")
    qtbot.waitUntil(lambda: cells(page, "contains")[2] == "pass", timeout=2000)
    assert cells(page, "language")[2] == "pass"
    page.preview.row_combo.setCurrentIndex(3)  # another row: the output resets to its expected answer
    assert page.preview.output() == "4年間です" and cells(page, "contains")[2] == "pass"


def _add_dialog(qtbot, page, kind):
    page.add_check()
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind))
    return dialog


def test_a_bad_regex_is_refused_with_the_message_and_never_saved(qtbot, page):
    """An invalid pattern shows the check error and hint under the field; OK keeps the dialog open."""
    dialog = _add_dialog(qtbot, page, "regex")
    dialog.line_edit.setText("([0-9]+")
    assert dialog.error_label.isVisible()
    assert "regular expression “([0-9]+” is invalid" in dialog.error_label.text()
    assert "escape special characters" in dialog.error_label.text()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and page.tree.item_for("regex") is None
    assert Project.open(page.project.root).section("checks") in (None, [])
    dialog.line_edit.setText(r"\d+年")
    assert not dialog.error_label.isVisible()
    with qtbot.waitSignal(page.project_modified, timeout=2000) as blocker:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert blocker.args == ["checks"]
    stored = {s.id: s for s in stored_checks(Project.open(page.project.root))}
    assert stored["regex"].value == r"\d+年" and not stored["regex"].inferred
    assert stored["contains"].inferred  # the defaults are stored with the first edit
    assert cells(page, "regex")[2] == "pass"


def test_a_bad_schema_is_refused_inline(qtbot, page):
    """A JSON schema that is not JSON is explained under the field and not saved."""
    dialog = _add_dialog(qtbot, page, "json_schema")
    dialog.text_edit.setPlainText('{"type": "object",')
    assert dialog.error_label.isVisible() and "not valid JSON" in dialog.error_label.text()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    dialog.reject()
    assert page.tree.item_for("json_schema") is None and not page.stored


def test_edit_a_threshold_and_switch_a_check_off(qtbot, page):
    """Editing keeps the check's id; unticking it leaves it out of the preview and of runs."""
    dialog = _add_dialog(qtbot, page, "token_f1")
    dialog.threshold_spin.setValue(0.8)
    dialog.accept()
    assert cells(page, "token_f1")[1] == "threshold 0.80"
    page.tree.setCurrentItem(page.tree.item_for("token_f1"))
    page.edit_current()
    page.dialog.threshold_spin.setValue(0.3)
    page.dialog.accept()
    stored = {s.id: s for s in stored_checks(page.project)}
    assert stored["token_f1"].threshold == 0.3
    with qtbot.waitSignal(page.project_modified, timeout=2000):
        page.tree.item_for("language").setCheckState(COL_CHECK, Qt.CheckState.Unchecked)
    assert cells(page, "language")[2] == "off"
    assert not {s.id: s for s in stored_checks(Project.open(page.project.root))}["language"].enabled
    page.tree.setCurrentItem(page.tree.item_for("language"))
    page.remove_current()
    assert page.tree.item_for("language") is None
    assert "language" not in {s.id for s in stored_checks(page.project)}


def test_model_checks_need_a_connection(qtbot, page):
    """Offline, a rubric check says it needs a model and is left out of the live preview."""
    dialog = _add_dialog(qtbot, page, "rubric")
    dialog.text_edit.setPlainText("Polite and cites the manual")
    dialog.accept()
    assert cells(page, "rubric")[2] == "needs a model"
    assert page.model_button.isVisible() and not page.model_button.isEnabled()


def test_model_checks_run_on_the_sample_through_the_connection(qtbot, tmp_path, scripted_server):
    """With a connection, 'Check with the model' asks the judge once and shows its verdict."""
    scripted_server.chat_rule = lambda request: '{"verdict": "fail", "reason": "not polite"}'
    project = make_project(tmp_path)
    project.set_section("connection", {"preset": "local", "base_url": scripted_server.base_url, "model": "gpt-4o-mini"})
    page = open_page(qtbot, project)
    dialog = _add_dialog(qtbot, page, "rubric")
    dialog.text_edit.setPlainText("Polite")
    dialog.accept()
    assert cells(page, "rubric")[2] == "not tried" and page.model_button.isEnabled()
    page.model_button.click()
    qtbot.waitUntil(lambda: cells(page, "rubric")[2] == "fail", timeout=10000)
    assert "not polite" in cells(page, "rubric")[3]
    assert scripted_server.count() == 1  # the judge is not asked: "contains" decided this answer
    assert cells(page, "judge")[2] == "not needed"
    assert cells(page, "contains")[2] == "pass"  # the live checks are untouched
    type_output(qtbot, page, "something else")
    assert cells(page, "rubric")[2] == "not tried"  # a verdict belongs to the output it judged


def test_dataset_text_shows_as_plain_text(qtbot, tmp_path):
    """Markup in a row's input or expected answer is shown literally in the sample panel."""
    page = open_page(qtbot, make_project(tmp_path, rows=[(HOSTILE, HOSTILE), ("q2", "a2")]))
    assert page.preview.input_view.toPlainText() == HOSTILE
    assert page.preview.expected_view.toPlainText() == HOSTILE
    assert HOSTILE in page.preview.row_combo.currentText()
    assert page.preview.input_view.document().toPlainText() == HOSTILE
    assert page.preview.input_view.document().toRawText() == HOSTILE  # no rich-text objects
    dialog = _add_dialog(qtbot, page, "must_include")
    dialog.line_edit.setText(HOSTILE)
    dialog.accept()
    item = next(i for i in page.tree.check_items() if i.text(COL_SETTING) == HOSTILE)
    assert item is not None


def test_damaged_checks_are_reported_and_left_alone(qtbot, tmp_path):
    """A hand-broken regex in project.json shows its error and hint; nothing is saved over it."""
    project = make_project(tmp_path)
    project.set_section("checks", [{"id": "regex", "kind": "regex", "value": "(["}])
    before = (project.root / "project.json").read_text(encoding="utf-8")
    page = open_page(qtbot, project)
    assert page.banner.isVisible() and "is invalid" in page.banner.message_label.text()
    assert page.banner.hint_label.text()
    assert not page.add_button.isEnabled()
    page.add_check()
    assert page.dialog is None
    assert json.loads((project.root / "project.json").read_text(encoding="utf-8")) == json.loads(before)


def test_the_judge_gets_its_own_model_and_mode(qtbot, page):
    """The judge check asks which answers to judge and which (stronger) model judges; both are saved."""
    judge = next(s for s in page.specs if s.kind == "judge")
    from desktop_app.ui.checks.check_editor import CheckEditorDialog

    dialog = CheckEditorDialog(page, judge, [s.id for s in page.specs])
    qtbot.addWidget(dialog)
    assert dialog.mode_combo.isVisibleTo(dialog) and dialog.mode_combo.currentData() == "unsure"
    dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData("all"))
    dialog.judge_model_edit.setText("gpt-4o")
    dialog.accept()
    assert dialog.result_spec.params == {"mode": "all", "model": "gpt-4o"}
    regex = CheckEditorDialog(page, None, [s.id for s in page.specs], kind="regex")
    qtbot.addWidget(regex)
    assert not regex.mode_combo.isVisibleTo(regex)
