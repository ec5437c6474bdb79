"""Connection page: presets, Test verdicts in plain words, the model list, keys in the keychain."""

from __future__ import annotations

import json
import logging
import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop_app.core.project import appdirs
from desktop_app.core.providers import secrets
from desktop_app.core.project.folder import Project
from desktop_app.ui.connection.page import ConnectionPage

PLANTED = "sk-proj-PLANTEDsecret0123456789abcdWXYZ"


@pytest.fixture
def project(tmp_path):
    return Project.create(tmp_path / "proj")


@pytest.fixture
def page(qtbot, project):
    p = ConnectionPage()
    qtbot.addWidget(p)
    p.resize(900, 700)
    p.show()
    load(qtbot, p, project)
    yield p
    for runner in (p.load_runner, p.key_runner, p.test_runner, p.models_runner, p.status_runner):
        runner.shutdown(5000)


def load(qtbot, page, project):
    with qtbot.waitSignal(page.load_runner.finished, timeout=10000):
        page.set_project(project)


def choose_local(qtbot, page, server, model="gpt-4o-mini", env="TEST_LLM_KEY"):
    page.form.preset_buttons["local"].click()
    page.form.fields["base_url"].setText(server.base_url if server else "")
    page.form.model.setEditText(model)
    page.form.fields["api_key_env"].setText(env)
    page.form.fields["api_key_env"].editingFinished.emit()


def run_test(qtbot, page):
    with qtbot.waitSignal(page.test_runner.running_changed, timeout=15000, check_params_cb=lambda running: not running):
        page.test_button.click()
    return page.result_headline.text()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_connected_verdict_names_model_and_seconds(qtbot, page, scripted_server, monkeypatch):
    """Pressing Test against a working server says which model answered and how fast."""
    monkeypatch.setenv("TEST_LLM_KEY", scripted_server.api_key)
    choose_local(qtbot, page, scripted_server)
    headline = run_test(qtbot, page)
    assert headline.startswith("Connected: gpt-4o-mini answered in ") and headline.endswith(" s")
    assert scripted_server.count() == 1


def test_test_keeps_the_context_window_the_local_server_reports(qtbot, page, project, scripted_server, monkeypatch):
    """Test reads a local server's context window from its metadata (llama.cpp /props), says it under the
    verdict, and keeps it in the project, so the Run estimate can warn about prompts that would not fit."""
    monkeypatch.setenv("TEST_LLM_KEY", scripted_server.api_key)
    scripted_server.routes["/props"] = lambda body: {"default_generation_settings": {"n_ctx": 4096}}
    choose_local(qtbot, page, scripted_server)
    assert run_test(qtbot, page).startswith("Connected")
    (entry,) = Project.open(project.root).section("model_info").values()
    assert entry == {"context_tokens": 4096, "source": "llama.cpp /props n_ctx"}
    assert scripted_server.count() == 1  # one tiny request; the window came from metadata
    assert page.result_hint.isVisible()
    assert page.result_hint.text() == "Context window: 4,096 tokens (the server's llama.cpp /props n_ctx)."


def test_rejected_key_is_said_plainly(qtbot, page, scripted_server, monkeypatch):
    """A wrong key reads 'The server rejected the key', not an HTTP 401 traceback."""
    scripted_server.required_key = "sk-the-right-key-000000000000"
    monkeypatch.setenv("TEST_LLM_KEY", "sk-a-wrong-key-1111111111111")
    choose_local(qtbot, page, scripted_server)
    assert run_test(qtbot, page) == "The server rejected the key"
    assert "sk-a-wrong-key-1111111111111" not in page.result_detail.text()


def test_typed_unsaved_key_is_used_by_test(qtbot, page, scripted_server, monkeypatch):
    """A key pasted but not saved yet is what Test uses, so it can be tried before Save."""
    scripted_server.required_key = PLANTED
    monkeypatch.delenv("TEST_LLM_KEY", raising=False)
    choose_local(qtbot, page, scripted_server)
    page.form.key_box.entry.setText(PLANTED)
    assert run_test(qtbot, page).startswith("Connected: gpt-4o-mini")


def test_unreachable_server_names_the_url(qtbot, page, monkeypatch):
    """With nothing listening the verdict says no server answered at that address."""
    monkeypatch.setenv("TEST_LLM_KEY", "sk-x")
    url = f"http://127.0.0.1:{free_port()}/v1"
    choose_local(qtbot, page, None)
    page.form.fields["base_url"].setText(url)
    assert run_test(qtbot, page) == f"No server answered at {url}"


def test_missing_model_lists_the_choices_and_fills_the_combo(qtbot, page, scripted_server, monkeypatch):
    """A model name the server lacks gets 'choose one of ...' and the combo offers the real ones."""
    monkeypatch.setenv("TEST_LLM_KEY", scripted_server.api_key)
    choose_local(qtbot, page, scripted_server, model="<b>x</b><img src=x>")
    headline = run_test(qtbot, page)
    assert headline == (
        "The model <b>x</b><img src=x> was not found — choose one of gpt-4o, gpt-4o-mini, text-embedding-3-small"
    )
    assert page.result_headline.textFormat() == Qt.TextFormat.PlainText
    assert [page.form.model.itemText(i) for i in range(page.form.model.count())] == [
        "gpt-4o",
        "gpt-4o-mini",
        "text-embedding-3-small",
    ]
    assert page.form.model.currentText() == "<b>x</b><img src=x>"  # the user's text is kept to edit


def test_fetch_models_fills_the_editable_combo(qtbot, page, scripted_server, monkeypatch):
    """Fetch models asks the server and offers its models in the Model box."""
    scripted_server.models = ["llama3.1:8b", "qwen2.5:7b"]
    monkeypatch.setenv("TEST_LLM_KEY", scripted_server.api_key)
    choose_local(qtbot, page, scripted_server, model="")
    with qtbot.waitSignal(page.models_runner.finished, timeout=10000):
        page.form.models_button.click()
    assert [page.form.model.itemText(i) for i in range(page.form.model.count())] == ["llama3.1:8b", "qwen2.5:7b"]
    assert page.form.model.isEditable()


def test_incomplete_settings_are_explained_where_test_answers(qtbot, page):
    """Test with a server URL missing its http:// says what is wrong instead of failing silently."""
    page.form.preset_buttons["local"].click()
    page.form.fields["base_url"].setText("localhost:11434")
    with qtbot.waitSignal(page.test_runner.running_changed, timeout=5000, check_params_cb=lambda r: not r):
        page.test_button.click()
    assert page.result_headline.text() == "The server URL 'localhost:11434' is not an http(s) address."
    assert page.result_hint.text().startswith("Enter it with its scheme")


def test_save_puts_the_key_in_the_keychain_never_in_the_project_or_log(
    qtbot, page, project, scripted_server, memory_keychain, monkeypatch
):
    """After Save the key is in the keychain, shown only masked, and absent from project.json and the log."""
    from desktop_app.ui.logging_setup import log_file_path, remove_logging, setup_logging

    setup_logging(logging.DEBUG)
    try:
        monkeypatch.delenv("TEST_LLM_KEY", raising=False)
        scripted_server.required_key = PLANTED
        choose_local(qtbot, page, scripted_server)
        page.form.key_box.entry.setText(PLANTED)
        assert page.form.key_box.entry.echoMode() == QLineEdit.EchoMode.Password
        with qtbot.waitSignal(page.project_modified, timeout=10000) as modified:
            page.save_button.click()
        assert modified.args == ["connection"]
        assert list(memory_keychain.entries.values()) == [PLANTED]
        box = page.form.key_box
        assert box.saved_label.text() == "Key saved in the system keychain (sk-…WXYZ)"
        assert box.entry.isHidden() and box.entry.text() == "" and not box.replace_button.isHidden()
        saved = json.loads((project.root / "project.json").read_text(encoding="utf-8"))["connection"]
        assert saved["preset"] == "local" and saved["base_url"] == scripted_server.base_url
        assert saved["model"] == "gpt-4o-mini" and saved["api_key_env"] == "TEST_LLM_KEY"
        assert run_test(qtbot, page).startswith("Connected")  # Test now reads the key from the keychain
        logging.getLogger("test").info("connection saved and tested")
        for handler in logging.getLogger().handlers:
            handler.flush()
        assert log_file_path().parent == appdirs.log_dir() and log_file_path().exists()
        for path in [project.root / "project.json", *appdirs.log_dir().iterdir()]:
            assert PLANTED not in path.read_text(encoding="utf-8", errors="replace"), path
    finally:
        remove_logging()


def test_replace_and_forget_the_saved_key(qtbot, page, scripted_server, memory_keychain, monkeypatch):
    """Replace offers an empty masked field; Forget deletes the keychain entry and asks for a key again."""
    monkeypatch.delenv("TEST_LLM_KEY", raising=False)
    choose_local(qtbot, page, scripted_server)
    page.form.key_box.entry.setText(PLANTED)
    with qtbot.waitSignal(page.project_modified, timeout=10000):
        page.save_button.click()
    box = page.form.key_box
    box.replace_button.click()
    assert not box.entry.isHidden() and box.entry.text() == "" and not box.keep_button.isHidden()
    box.keep_button.click()
    assert box.entry.isHidden()
    with qtbot.waitSignal(page.key_runner.finished, timeout=10000):
        box.forget_button.click()
    assert memory_keychain.entries == {}
    assert not box.entry.isHidden() and box.replace_button.isHidden()


def test_without_a_keychain_a_key_is_kept_for_the_session(qtbot, page, project, scripted_server, monkeypatch):
    """With no OS keychain, Save keeps the key until the app closes (said plainly, shown masked), Test and
    runs use it, and it is written nowhere; an environment variable still wins when one is set."""
    from desktop_app.core.providers.connection import ConnectionConfig

    assert not secrets.keychain_available()  # conftest's fail backend
    monkeypatch.delenv("MY_TEAM_KEY", raising=False)
    scripted_server.required_key = PLANTED
    page.form.preset_buttons["openai"].click()
    assert (
        "no system keychain" in page.form.key_box.note.text()
        and "until the app closes" in page.form.key_box.note.text()
    )
    choose_local(qtbot, page, scripted_server, env="MY_TEAM_KEY")
    page.form.key_box.entry.setText(PLANTED)
    with qtbot.waitSignal(page.project_modified, timeout=10000):
        page.save_button.click()
    assert page.form.key_box.saved_label.text() == "Key kept for this session only (sk-…WXYZ)"
    assert PLANTED not in (project.root / "project.json").read_text(encoding="utf-8")
    assert run_test(qtbot, page).startswith("Connected")
    cfg = ConnectionConfig.from_dict(project.section("connection"))
    assert secrets.resolve_api_key(cfg) == PLANTED  # what a run started from the window uses
    with qtbot.waitSignal(page.key_runner.finished, timeout=10000):
        page.form.key_box.forget_button.click()
    assert secrets.resolve_api_key(cfg) != PLANTED and not page.form.key_box.entry.isHidden()

    monkeypatch.setenv("MY_TEAM_KEY", scripted_server.api_key)
    scripted_server.required_key = scripted_server.api_key
    with qtbot.waitSignal(page.status_runner.finished, timeout=5000):
        page.form.fields["api_key_env"].editingFinished.emit()
    assert page.form.key_box.saved_label.text() == "Using the key in the environment variable MY_TEAM_KEY (sk-…0000)"
    assert run_test(qtbot, page).startswith("Connected")


def test_offline_preset_explains_what_still_works_and_saves(qtbot, page, project, monkeypatch):
    """Offline hides the server fields, says in one line what works without a model, and saves."""
    monkeypatch.setenv("TEST_LLM_KEY", "sk-x")
    choose_local(qtbot, page, None)
    page.form.fields["base_url"].setText("http://localhost:1234/v1")
    with qtbot.waitSignal(page.project_modified, timeout=5000):
        page.save_button.click()
    page.form.preset_buttons["offline"].click()
    assert "imported runs" in page.form.preset_help.text() and "readiness" in page.form.preset_help.text()
    assert page.form.fields["base_url"].isHidden() and page.form.key_box.isHidden()
    assert not page.test_button.isEnabled()
    with qtbot.waitSignal(page.project_modified, timeout=5000):
        page.save_button.click()
    assert Project.open(project.root).section("connection")["preset"] == "offline"
    page.form.preset_buttons["local"].click()  # switching back restores what was typed for that preset
    assert page.form.fields["base_url"].text() == "http://localhost:1234/v1"


def test_azure_fields_and_test_through_the_deployment(qtbot, page, scripted_server, monkeypatch):
    """Azure shows endpoint, deployment and API version, and Test reaches the named deployment."""
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", scripted_server.api_key)
    page.form.preset_buttons["azure"].click()
    for name in ("azure_endpoint", "azure_deployment", "api_version"):
        assert not page.form.fields[name].isHidden()
    assert page.form.fields["base_url"].isHidden()
    assert page.form.fields["api_version"].text()  # the preset's default version is filled in
    page.form.fields["azure_endpoint"].setText(scripted_server.root_url)
    page.form.fields["azure_deployment"].setText("gpt-4o-mini")
    assert run_test(qtbot, page).startswith("Connected: gpt-4o-mini answered in")
    assert "/deployments/gpt-4o-mini/" in scripted_server.requests[-1]["path"]


def test_damaged_connection_section_is_reported_and_a_fresh_one_offered(qtbot, project):
    """An unknown preset in project.json shows the problem in the banner and the page stays usable."""
    project.set_section("connection", {"preset": "telepathy"})
    page = ConnectionPage()
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.load_runner.finished, timeout=10000):
        page.set_project(project)
    assert "telepathy" in page.banner.message_label.text()
    assert page.body.isEnabled() and page.form.preset() == "offline"
    assert project.section("connection") == {"preset": "telepathy"}  # untouched until Save


def test_slow_and_failing_servers_get_their_own_verdicts(qtbot, page, scripted_server, monkeypatch):
    """A server that hangs past the timeout, or answers 500, is described as such with its address."""
    monkeypatch.setenv("TEST_LLM_KEY", scripted_server.api_key)
    choose_local(qtbot, page, scripted_server)
    page.form.timeout.setValue(1)
    scripted_server.hang_next()
    assert run_test(qtbot, page) == f"The server at {scripted_server.base_url} did not answer in time (1.0 s)"
    scripted_server.fail_next(status=500)
    assert run_test(qtbot, page) == f"The server at {scripted_server.base_url} answered with an error (HTTP 500)"
    assert page.result_detail.text() == "The server said: scripted 500"


def test_missing_key_names_the_variable_to_set(qtbot, page, scripted_server, monkeypatch):
    """OpenAI-style presets with no key anywhere say to paste one or set the named variable."""
    monkeypatch.delenv("TEAM_OPENAI_KEY", raising=False)
    page.form.preset_buttons["openai"].click()
    page.form.fields["base_url"].setText(scripted_server.base_url)
    page.form.fields["api_key_env"].setText("TEAM_OPENAI_KEY")
    assert run_test(qtbot, page) == "There is no API key for this connection"
    assert page.result_hint.text() == (
        "Paste the key above and press Save, or set the environment variable TEAM_OPENAI_KEY."
    )
    assert scripted_server.requests == []  # nothing was sent without a key


def test_a_successful_test_saves_the_connection_and_says_so(qtbot, page, project, scripted_server, monkeypatch):
    """After Test says Connected, the project uses that connection (Run is not left "offline")."""
    monkeypatch.setenv("TEST_LLM_KEY", scripted_server.api_key)
    choose_local(qtbot, page, scripted_server)
    with qtbot.waitSignal(page.project_modified, timeout=15000) as modified:
        page.test_button.click()
    assert modified.args == ["connection"]
    assert page.result_headline.text().startswith("Connected")
    assert page.result_hint.text() == "Saved: this project now uses this connection."
    saved = json.loads((project.root / "project.json").read_text(encoding="utf-8"))["connection"]
    assert saved["preset"] == "local" and saved["base_url"] == scripted_server.base_url
    assert not page.is_dirty() and not page.save_button.isEnabled()


def test_a_failed_test_saves_nothing(qtbot, page, project, monkeypatch):
    """A connection that does not work is not saved behind the user's back."""
    monkeypatch.setenv("TEST_LLM_KEY", "sk-x")
    choose_local(qtbot, page, None)
    page.form.fields["base_url"].setText(f"http://127.0.0.1:{free_port()}/v1")
    before = (project.root / "project.json").read_text(encoding="utf-8")
    assert run_test(qtbot, page).startswith("No server answered")
    assert (project.root / "project.json").read_text(encoding="utf-8") == before
    assert page.is_dirty()


def test_a_server_with_one_model_has_it_chosen(qtbot, page, scripted_server, monkeypatch):
    """Fetch models on a local server that serves one model fills the Model box with it."""
    scripted_server.models = ["qwen2.5:7b-instruct"]
    monkeypatch.setenv("TEST_LLM_KEY", scripted_server.api_key)
    choose_local(qtbot, page, scripted_server, model="")
    with qtbot.waitSignal(page.models_runner.finished, timeout=10000):
        page.form.models_button.click()
    assert page.form.model.currentText() == "qwen2.5:7b-instruct"
    assert page.banner.message_label.text() == "The server offers one model, qwen2.5:7b-instruct, and it is now chosen."
    assert page.is_dirty() and page.save_button.isEnabled()


def test_a_local_server_asks_no_environment_variable_unless_one_is_named(qtbot, page):
    """Local servers seldom need a key: the environment-variable field stays out of the way until one is set."""
    page.form.preset_buttons["local"].click()
    if page.form.fields["api_key_env"].text():
        page.form.fields["api_key_env"].clear()
        page.form._show_rows()
    assert not page.form.form.isRowVisible(page.form.fields["api_key_env"])
    page.form.preset_buttons["openai"].click()
    assert page.form.form.isRowVisible(page.form.fields["api_key_env"])
