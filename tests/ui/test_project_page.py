"""The Project step: the new-project wizard, the sample-project notice, open and recent."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.project import appdirs
from desktop_app.core.project.folder import Project
from desktop_app.core.sample import ensure_sample_project
from desktop_app.ui.data.new_project_wizard import folder_name
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.project.page import ProjectPage

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sample_source(tmp_path_factory):
    """The real sample project, built once for this module (it takes a few seconds)."""
    return ensure_sample_project(REPO / "resources" / "sample_project", tmp_path_factory.mktemp("sample"))


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_new_project_wizard_creates_the_project_and_goes_on_to_data(qtbot, window, tmp_path):
    """Name, folder, Create: the project exists with the typed name and the Data step is next."""
    page: ProjectPage = window.pages["project"]
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    wizard = page.wizard
    assert wizard is not None and wizard.isVisible()
    assert wizard.location_edit.text() == str(appdirs.default_projects_dir())
    assert wizard.name_edit.text() == "My project"
    wizard.name_edit.setText("Support bot: eval/2024")
    wizard.location_edit.setText(str(tmp_path / "work"))
    folder = tmp_path / "work" / "Support bot_ eval_2024"
    assert wizard.folder_label.text() == f"Folder: {folder}"
    with (
        qtbot.waitSignal(window.project_changed, timeout=10000),
        qtbot.waitSignal(page.project_modified, timeout=10000) as renamed,
    ):
        qtbot.mouseClick(wizard.ok_button, Qt.MouseButton.LeftButton)
    assert renamed.args == ["settings"]
    qtbot.waitUntil(lambda: window.current_step() == "data")
    assert Project.open(folder).name == "Support bot: eval/2024"  # saved, not only in memory
    assert page.name_value.text() == "Support bot: eval/2024" and window.project.root == folder
    assert not page.sample_note.isVisible()
    assert window.windowTitle().startswith("Support bot: eval/2024")  # the title follows the rename


@pytest.fixture
def page(qtbot):
    """A Project page wired as the window wires it, minus the window: create = Project.create."""
    page = ProjectPage()
    qtbot.addWidget(page)
    page.create_requested.connect(lambda path: page.set_project(Project.create(path)))
    page.show()
    return page


def test_wizard_keeps_a_name_the_folder_can_hold_and_navigates(qtbot, page, tmp_path):
    """A plain name becomes the folder name as is; no rename is needed, Data is still next."""
    page.start_new_project()
    page.wizard.name_edit.setText("評価 2024")
    page.wizard.location_edit.setText(str(tmp_path))
    with qtbot.waitSignal(page.navigate, timeout=2000) as went:
        qtbot.mouseClick(page.wizard.ok_button, Qt.MouseButton.LeftButton)
    assert went.args == ["data", None]
    assert Project.open(tmp_path / "評価 2024").name == "評価 2024" and not page.save_runner.is_running()


def test_wizard_refuses_names_and_folders_that_cannot_work(qtbot, page, tmp_path):
    """The wizard says why Create is unavailable instead of failing after the click."""
    Project.create(tmp_path / "Taken")
    page.start_new_project()
    wizard = page.wizard
    wizard.location_edit.setText(str(tmp_path))
    for name, location, problem in [
        ("   ", str(tmp_path), "Give the project a name."),
        ("///", str(tmp_path), "Use at least one letter or digit in the name."),
        ("Taken", str(tmp_path), "A project with this name already exists there."),
        ("Fresh", "relative/folder", "Choose where to keep the project (a full folder path)."),
    ]:
        wizard.location_edit.setText(location)
        wizard.name_edit.setText(name)
        assert problem in wizard.problem_label.text()
        assert not wizard.ok_button.isEnabled()
    wizard.location_edit.setText(str(tmp_path))
    assert wizard.ok_button.isEnabled() and not wizard.problem_label.isVisible()
    wizard.reject()
    assert not (tmp_path / "Fresh").exists()


def test_default_name_is_not_one_already_taken(qtbot, page):
    """A second new project is offered as 'My project 2', not the folder of the first."""
    Project.create(appdirs.default_projects_dir() / "My project")
    page.start_new_project()
    assert page.wizard.name_edit.text() == "My project 2" and page.wizard.ok_button.isEnabled()
    page.wizard.reject()


def test_folder_names_are_safe_on_every_system():
    """Characters Windows or macOS refuse in folder names are replaced, reserved names escaped."""
    assert folder_name(' a<b>c:"d/e\\f|g?h*i ') == "a_b_c__d_e_f_g_h_i"
    assert folder_name("CON") == "_CON" and folder_name("nul.txt") == "_nul.txt"
    assert folder_name("評価 2024.") == "評価 2024" and folder_name("...") == ""


def test_file_new_opens_the_wizard(qtbot, window):
    """Ctrl+N from anywhere shows the Project step with the new-project wizard."""
    window.select_step("grid")
    window.new_action.trigger()
    page: ProjectPage = window.pages["project"]
    assert window.current_step() == "project" and page.wizard is not None and page.wizard.isVisible()
    page.wizard.reject()


def test_the_sample_project_says_plainly_that_it_is_the_sample(qtbot, sample_source, tmp_path):
    """A user opening the sample reads that it is made up and that its runs were written by hand."""
    folder = tmp_path / "sample"
    shutil.copytree(sample_source, folder)
    page = ProjectPage()
    qtbot.addWidget(page)
    page.show()
    page.set_project(Project.open(folder))
    assert page.sample_note.isVisible()
    assert page.sample_title.text() == "This is the sample project."
    assert "written by hand" in page.sample_text.text()
    assert page.sample_text.textFormat() == Qt.TextFormat.PlainText
    page.set_project(Project.create(tmp_path / "mine"))
    assert not page.sample_note.isVisible() and page.name_value.text() == "mine"


def test_open_sample_and_recent_ask_the_window(qtbot, tmp_path):
    """Open, the sample and a recent entry each send the request the window acts on."""
    page = ProjectPage()
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.open_requested, timeout=1000):
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.sample_requested, timeout=1000):
        qtbot.mouseClick(page.sample_button, Qt.MouseButton.LeftButton)
    page.set_recent([str(tmp_path / "one"), str(tmp_path / "two")])
    with qtbot.waitSignal(page.recent_requested, timeout=1000) as chosen:
        page.recent_list.itemActivated.emit(page.recent_list.item(1))
    assert chosen.args == [str(tmp_path / "two")]


def test_the_users_own_project_is_shown_as_open(qtbot, window, tmp_path):
    """With their own project open, the Project page says it is open, never "No project is open"."""
    Project.create(tmp_path / "mine")
    with qtbot.waitSignal(window.project_changed, timeout=10000):
        window.open_project(str(tmp_path / "mine"))
    page = window.pages["project"]
    window.select_step("project")
    assert page.status_label.text().startswith("This project is open")
    assert page.name_value.isVisible() and page.name_value.text() == "mine"
    page.set_project(None)
    assert page.status_label.text().startswith("No project is open")


def test_while_a_project_opens_the_page_says_so(qtbot, window, tmp_path):
    """On a cold first launch the page says the sample is opening, not "No project is open"."""
    page = window.pages["project"]
    Project.create(tmp_path / "slow")
    with qtbot.waitSignal(window.project_changed, timeout=10000):
        window.open_project(str(tmp_path / "slow"))
        assert page.status_label.text() == "Opening the project…"
    assert page.status_label.text().startswith("This project is open")
