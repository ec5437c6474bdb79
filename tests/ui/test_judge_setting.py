"""The judge's own setting, from the Checks page: a server of its own, tested, used, and given back."""

from __future__ import annotations

import json

import pytest

from desktop_app.cli import main
from desktop_app.core.project.folder import Project
from desktop_app.core.providers.client import ConnectionConfig
from desktop_app.core.run.judge import JUDGE_SECTION, judge_config
from desktop_app.ui.checks.judge_dialog import JudgeDialog
from tests.scripted_server import ScriptedServer
from tests.ui.test_checks_page import cells, make_project, open_page, type_output

JUDGE_KEY = "sk-judge-PLANTEDsecret0123456789WXYZ"


@pytest.fixture
def judge_server():
    with ScriptedServer() as server:
        server.required_key = JUDGE_KEY
        server.chat_rule = lambda request: "Category: B\nIt says the same as the reference."
        yield server


def connected_project(tmp_path, server) -> Project:
    project = make_project(tmp_path)
    project.set_section("connection", {"preset": "local", "base_url": server.base_url, "model": "gpt-4o-mini"})
    return project


def open_dialog(qtbot, page) -> JudgeDialog:
    page.judge_line.button.click()
    dialog = page.judge_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.load_runner.is_running(), timeout=10000)
    return dialog


def save(qtbot, page, dialog) -> None:
    with qtbot.waitSignal(dialog.finished, timeout=10000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: page.judge_dialog is None, timeout=5000)


def model_check(qtbot, page, output: str) -> None:
    type_output(qtbot, page, output)
    page.model_button.click()
    qtbot.waitUntil(
        lambda: not page.model_runner.is_running() and cells(page, "judge")[2] not in ("asking…",), timeout=10000
    )


def test_the_judge_defaults_to_the_projects_connection_and_warns_it_is_the_model_under_test(
    qtbot, tmp_path, scripted_server
):
    """Out of the box the page says the project's model judges, and warns that a stronger one is better."""
    page = open_page(qtbot, connected_project(tmp_path, scripted_server))
    assert page.judge_line.label.text().startswith("Judge: the project's connection: gpt-4o-mini.")
    assert "cannot decide" in page.judge_line.label.text()
    assert page.judge_line.warning.isVisible() and "model under test" in page.judge_line.warning.text()
    dialog = open_dialog(qtbot, page)
    assert dialog.use_project.isChecked() and not dialog.form.isVisible()
    assert "stronger model" in dialog.intro.text() and dialog.warning.isVisible()
    dialog.reject()


def test_a_judge_server_of_its_own_is_tested_used_and_given_back(
    qtbot, tmp_path, scripted_server, judge_server, memory_keychain
):
    """Set in the window, the judge's own server is tested, judges every answer instead of the
    project's server, keeps its key in the keychain, is read by the CLI; then the project's returns."""
    scripted_server.chat_rule = lambda request: "Category: D\nthe project's server must not be asked"
    project = connected_project(tmp_path, scripted_server)
    page = open_page(qtbot, project)
    dialog = open_dialog(qtbot, page)
    dialog.use_own.click()
    assert dialog.form.isVisible() and not dialog.form.preset_buttons["offline"].isVisible()
    dialog.form.preset_buttons["local"].click()
    dialog.form.fields["base_url"].setText(judge_server.base_url)
    dialog.form.fields["base_url"].editingFinished.emit()
    dialog.form.model.setEditText("gpt-4o")
    qtbot.waitUntil(lambda: not dialog.status_runner.is_running(), timeout=5000)
    dialog.form.key_box.entry.setText(JUDGE_KEY)
    assert not dialog.warning.isVisible()  # another model than the one under test
    with qtbot.waitSignal(dialog.test_runner.running_changed, timeout=15000, check_params_cb=lambda r: not r):
        dialog.test_button.click()
    assert dialog.result_label.text().startswith("Connected: gpt-4o answered in ")
    assert judge_server.count() == 1 and scripted_server.count() == 0
    dialog.mode_combo.setCurrentIndex(1)  # every answer
    save(qtbot, page, dialog)

    text = (project.root / "project.json").read_text(encoding="utf-8")
    assert JUDGE_KEY not in text  # the key is in the keychain only
    assert JUDGE_KEY in memory_keychain.entries.values()
    on_disk = Project.open(project.root)
    jcfg = judge_config(on_disk, ConnectionConfig.from_dict(on_disk.section("connection")))
    assert (jcfg.preset, jcfg.base_url, jcfg.chat_model) == ("local", judge_server.base_url, "gpt-4o")
    assert next(c for c in on_disk.section("checks") if c["kind"] == "judge")["params"]["mode"] == "all"
    assert main(["test-connection", str(project.root), "--judge"]) == 0  # the CLI reaches it with the stored key
    assert page.judge_line.label.text().startswith("Judge: gpt-4o on its own server. Asked about every answer.")
    assert not page.judge_line.warning.isVisible()

    before = judge_server.count()
    model_check(qtbot, page, "It is covered for one year.")
    assert cells(page, "judge")[2] == "pass"
    assert judge_server.count() == before + 1 and scripted_server.count() == 0

    dialog = open_dialog(qtbot, page)
    assert dialog.use_own.isChecked() and dialog.form.fields["base_url"].text() == judge_server.base_url
    dialog.use_project.click()
    save(qtbot, page, dialog)
    assert Project.open(project.root).section(JUDGE_SECTION) is None
    assert page.judge_line.label.text().startswith("Judge: the project's connection: gpt-4o-mini.")
    model_check(qtbot, page, "It is covered for twelve months.")
    assert cells(page, "judge")[2] == "fail"  # the project's server answered "D"
    assert scripted_server.count() == 1 and judge_server.count() == before + 1


def test_a_judge_set_by_the_cli_shows_in_the_window(qtbot, tmp_path, scripted_server, judge_server):
    """`connect --judge` and the window share one section: the page and dialog show what the CLI set."""
    project = connected_project(tmp_path, scripted_server)
    assert (
        main(["connect", str(project.root), "--judge", "--base-url", judge_server.base_url, "--model", "gpt-4o"]) == 0
    )
    page = open_page(qtbot, Project.open(project.root))
    assert page.judge_line.label.text().startswith("Judge: gpt-4o on its own server.")
    dialog = open_dialog(qtbot, page)
    assert dialog.use_own.isChecked() and dialog.form.preset() == "local"
    assert dialog.form.model.currentText() == "gpt-4o"
    dialog.reject()
    saved = json.loads((project.root / "project.json").read_text(encoding="utf-8"))[JUDGE_SECTION]
    assert saved["model"] == "gpt-4o"


def test_the_judge_setting_is_translated(qtbot, tmp_path, scripted_server, japanese):
    """In Japanese the judge line, its warning and the dialog read in Japanese."""
    page = open_page(qtbot, connected_project(tmp_path, scripted_server))
    assert "gpt-4o-mini" in page.judge_line.label.text() and "Judge" not in page.judge_line.label.text()
    dialog = open_dialog(qtbot, page)
    assert "Judge" not in dialog.windowTitle() and "project" not in dialog.use_project.text()
    dialog.reject()
