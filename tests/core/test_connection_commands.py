"""CLI: `connect`, `test-connection` and `models` (in process, against the scripted server)."""

from __future__ import annotations

import io
import json
import logging
import socket

import pytest

from desktop_app.cli import main
from desktop_app.core.project.folder import Project
from tests.core.test_providers import PLANTED


@pytest.fixture
def project(tmp_path):
    return Project.create(tmp_path / "proj")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def section(project):
    return Project.open(project.root).section("connection")


def test_connect_local_server_and_test_it(project, scripted_server, monkeypatch, capsys):
    """A user points the project at a local server and gets "Connected" with exit 0."""
    monkeypatch.setenv("MY_LLM_KEY", scripted_server.api_key)
    code, out, _ = run(
        capsys,
        "connect",
        project.root,
        "--base-url",
        scripted_server.base_url,
        "--model",
        "gpt-4o-mini",
        "--api-key-env",
        "MY_LLM_KEY",
        "--embedding-model",
        "text-embedding-3-small",
    )
    assert code == 0 and "local" in out and "from $MY_LLM_KEY" in out
    saved = section(project)
    assert (saved["preset"], saved["base_url"], saved["model"], saved["api_key_env"]) == (
        "local",
        scripted_server.base_url,
        "gpt-4o-mini",
        "MY_LLM_KEY",
    )
    code, out, _ = run(capsys, "test-connection", project.root)
    assert code == 0 and out.startswith("Connected: gpt-4o-mini answered in ")
    code, out, _ = run(capsys, "test-connection", project.root, "--json")
    report = json.loads(out)
    assert code == 0 and report["verdict"] == "connected" and report["latency_s"] >= 0


def test_test_connection_exit_1_on_failures(project, scripted_server, monkeypatch, capsys):
    """A rejected key, a wrong model or a dead server exits 1 with the verdict."""
    monkeypatch.setenv("MY_LLM_KEY", "sk-wrong-key-0000000000")
    scripted_server.required_key = scripted_server.api_key
    run(
        capsys,
        "connect",
        project.root,
        "--preset",
        "local",
        "--base-url",
        scripted_server.base_url,
        "--model",
        "gpt-4o-mini",
        "--api-key-env",
        "MY_LLM_KEY",
    )
    code, out, _ = run(capsys, "test-connection", project.root)
    assert code == 1 and out.startswith("Key rejected by " + scripted_server.base_url)
    monkeypatch.setenv("MY_LLM_KEY", scripted_server.api_key)
    run(capsys, "connect", project.root, "--model", "no-such-model")
    code, out, _ = run(capsys, "test-connection", project.root, "--json")
    assert code == 1 and json.loads(out)["verdict"] == "model_not_found"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/v1"
    run(capsys, "connect", project.root, "--base-url", dead)
    code, out, _ = run(capsys, "test-connection", project.root)
    assert code == 1 and out.strip() == f"Server not reachable at {dead}"


def test_preset_is_guessed_and_settings_kept(project, capsys):
    """connect guesses OpenAI/Azure/local from the options and keeps earlier settings."""
    assert run(capsys, "connect", project.root, "--model", "gpt-4.1-mini")[0] == 0
    assert section(project)["base_url"] == "https://api.openai.com/v1"
    assert section(project)["api_key_env"] == "OPENAI_API_KEY"
    run(capsys, "connect", project.root, "--embedding-model", "text-embedding-3-large")
    assert (section(project)["model"], section(project)["embedding_model"]) == (
        "gpt-4.1-mini",
        "text-embedding-3-large",
    )
    run(
        capsys,
        "connect",
        project.root,
        "--azure-endpoint",
        "https://acme.openai.azure.com",
        "--azure-deployment",
        "chat4o",
        "--api-version",
        "2024-10-21",
    )
    saved = section(project)
    assert (saved["preset"], saved["azure_deployment"], saved["api_key_env"], saved["model"]) == (
        "azure",
        "chat4o",
        "AZURE_OPENAI_API_KEY",
        "",
    )
    run(capsys, "connect", project.root, "--offline")
    assert section(project)["preset"] == "offline"
    code, out, _ = run(capsys, "test-connection", project.root)
    assert code == 1 and out.startswith("Offline")


@pytest.mark.parametrize(
    "argv,message",
    [
        (["--preset", "local", "--timeout", "0"], "timeout"),
        (["--preset", "azure"], "endpoint"),
        (["--azure-endpoint", "https://a.openai.azure.com"], "deployment"),
        (["--base-url", "localhost:8000"], "http"),
        (["--offline", "--preset", "openai"], "conflicts"),
        ([], "which server"),
    ],
)
def test_connect_bad_input_exits_2(project, capsys, argv, message):
    """Incomplete or contradictory settings are refused with one line on stderr."""
    code, _, err = run(capsys, "connect", project.root, *argv)
    assert code == 2 and message in err and err.count("\n") == 1
    assert section(project)["preset"] == "offline"  # nothing half-saved


def test_api_key_stdin_goes_to_keychain_only(project, scripted_server, memory_keychain, monkeypatch, capsys, caplog):
    """A key piped in is kept in the keychain and works; it is in no project file, output or log."""
    caplog.set_level(logging.DEBUG)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    scripted_server.required_key = PLANTED
    monkeypatch.setattr("sys.stdin", io.StringIO(PLANTED + "\n"))
    code, out, err = run(
        capsys,
        "connect",
        project.root,
        "--preset",
        "openai",
        "--base-url",
        scripted_server.base_url,
        "--model",
        "gpt-4o-mini",
        "--api-key-stdin",
    )
    assert code == 0 and "sk-…WXYZ stored in the keychain" in out
    assert PLANTED in memory_keychain.entries.values()
    outputs = [out, err]
    for argv in (
        ["test-connection", project.root],
        ["test-connection", project.root, "--json"],
        ["models", project.root],
        ["connect", project.root, "--json"],
    ):
        code, out, err = run(capsys, *argv)
        assert code == 0
        outputs += [out, err]
    assert "Connected: gpt-4o-mini" in outputs[2] and "gpt-4o-mini" in outputs[6]
    files = [p for p in project.root.rglob("*") if p.is_file()]
    assert files and all(PLANTED.encode() not in p.read_bytes() for p in files)
    assert all(PLANTED not in text for text in outputs + [caplog.text])
    run(capsys, "connect", project.root, "--forget-key")
    assert memory_keychain.entries == {}


def test_api_key_stdin_without_keychain_says_use_env_var(project, no_keychain, monkeypatch, capsys):
    """Where no keychain exists, the message names the environment variable to set instead."""
    monkeypatch.setattr("sys.stdin", io.StringIO(PLANTED + "\n"))
    code, out, err = run(capsys, "connect", project.root, "--preset", "openai", "--api-key-stdin")
    assert code == 2 and "Set the environment variable OPENAI_API_KEY instead" in err
    assert PLANTED not in out + err and section(project)["preset"] == "offline"


def test_models_command(project, scripted_server, monkeypatch, capsys):
    """`models` lists what the server offers; a failing server exits 1."""
    monkeypatch.setenv("MY_LLM_KEY", scripted_server.api_key)
    scripted_server.models = ["qwen2.5:7b", "llama3.2:3b"]
    run(capsys, "connect", project.root, "--base-url", scripted_server.base_url, "--api-key-env", "MY_LLM_KEY")
    code, out, _ = run(capsys, "models", project.root)
    assert code == 0 and out.split() == ["llama3.2:3b", "qwen2.5:7b"]
    assert json.loads(run(capsys, "models", project.root, "--json")[1]) == ["llama3.2:3b", "qwen2.5:7b"]
    scripted_server.required_key = "sk-another-key-000000"
    code, _, err = run(capsys, "models", project.root)
    assert code == 1 and "rejected the API key" in err


@pytest.mark.parametrize(
    "value",
    [
        "sk-proj-4f9QzT1xW8vLk2mN7pR3sY6uB0cE5gH9",
        "0123456789abcdef0123456789abcdef",
        "a1b2c3d4e5f60718293a4b5c6d7e8f90",
        "x" * 65,
    ],
)
def test_a_key_given_as_the_variable_name_is_refused_and_never_saved(project, capsys, value):
    """Pasting the key where its variable's name belongs fails with a hint; the key reaches no file or message."""
    code, _, err = run(capsys, "connect", project.root, "--preset", "openai", "--api-key-env", value)
    assert code == 2 and "--api-key-stdin" in err and value not in err and err.count("\n") == 1
    assert value not in (project.root / "project.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("value", ["MY-KEY", "1KEY", "MY KEY"])
def test_a_variable_name_that_cannot_exist_is_refused(project, capsys, value):
    """A name the shell could never set is named as the problem, with the fix."""
    code, _, err = run(capsys, "connect", project.root, "--preset", "openai", "--api-key-env", value)
    assert code == 2 and "not an environment variable name" in err and "--api-key-stdin" in err


def test_a_key_already_in_project_json_is_reported_without_showing_it(project):
    """A project.json that holds a key in api_key_env (hand edit, old version) is refused with the key masked."""
    from desktop_app.core.errors import ConnectionFailed
    from desktop_app.core.providers.client import ConnectionConfig

    key = "sk-proj-4f9QzT1xW8vLk2mN7pR3sY6uB0cE5gH9"
    with pytest.raises(ConnectionFailed) as err:
        ConnectionConfig.from_dict({"preset": "openai", "api_key_env": key})
    assert key not in err.value.one_line() and "sk-…5gH9" in err.value.message
    assert ConnectionConfig.from_dict({"preset": "openai", "api_key_env": "TEAM_OPENAI_KEY"}).api_key_env


@pytest.mark.parametrize("url", ["http://[::1", "http://localhost:99999/v1", "http://host:port/v1", "http:///v1"])
def test_a_malformed_server_url_is_one_line_not_a_traceback(project, capsys, url):
    """A mistyped address (IPv6 bracket, port) exits 2 with a hint; nothing is saved."""
    code, _, err = run(capsys, "connect", project.root, "--base-url", url, "--model", "m")
    assert code == 2 and err.startswith("error: ") and err.count("\n") == 1 and "http://" in err
    assert section(project)["preset"] == "offline"
