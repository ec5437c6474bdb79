"""A key typed in the wrong field is refused, shown only masked, and never reaches project.json."""

from __future__ import annotations

import pytest

from desktop_app.cli import main
from desktop_app.core.errors import ConnectionFailed
from desktop_app.core.providers.connection import ConnectionConfig

PLANTED = "sk-proj-PLANTEDsecret0123456789abcdWXYZ"
AZURE_KEY = "0123456789abcdef0123456789abcdef"


@pytest.mark.parametrize(
    "field, value",
    [
        ("model", PLANTED),
        ("model", AZURE_KEY),
        ("azure_deployment", AZURE_KEY),
        ("embedding_model", PLANTED),
        ("keyring_user", PLANTED),
        ("base_url", f"http://user:{PLANTED}@127.0.0.1:8080/v1"),
        ("base_url", f"http://127.0.0.1:8080/v1?api_key={PLANTED}"),
    ],
)
def test_a_key_in_any_field_but_the_key_is_refused_masked(field, value):
    """Whichever field the key was pasted into, the message names the field and never the key."""
    preset = "azure" if field == "azure_deployment" else "local"
    data = {
        "preset": preset,
        "base_url": "http://127.0.0.1:8080/v1",
        "model": "gpt-4o-mini",
        "azure_endpoint": "https://acme.openai.azure.com",
        field: value,
    }
    with pytest.raises(ConnectionFailed) as caught:
        ConnectionConfig.from_dict(data)
    text = f"{caught.value.message} {caught.value.hint}"
    assert PLANTED not in text and AZURE_KEY not in text and "never saved in the project" in text


@pytest.mark.parametrize(
    "model",
    [
        "gpt-4o-mini",
        "ft:gpt-4o-mini-2024-07-18:acme::9abcDEF12",
        "qwen2.5:7b-instruct",
        "Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf",
        "text-embedding-3-small",
        "models/gemma-2-9b-it",
        "o3-mini",
    ],
)
def test_real_model_names_are_not_taken_for_keys(model):
    """Model and deployment names with their usual separators pass."""
    assert (
        ConnectionConfig.from_dict({"preset": "local", "base_url": "http://127.0.0.1:8080/v1", "model": model}).model
        == model
    )


def test_connect_with_a_key_in_the_url_or_model_saves_nothing(tmp_path, capsys):
    """The CLI refuses with exit 2, and the project file holds no trace of the key."""
    data = tmp_path / "d.csv"
    data.write_text("id,question,answer\nq1,A?,a\n", encoding="utf-8")
    project = tmp_path / "p"
    assert main(["new", str(project), "--dataset", str(data)]) == 0
    for argv in (
        ["--base-url", f"http://u:{PLANTED}@127.0.0.1:8080/v1", "--model", "m"],
        ["--base-url", "http://127.0.0.1:8080/v1", "--model", PLANTED],
    ):
        assert main(["connect", str(project), *argv]) == 2
    err = capsys.readouterr().err
    assert PLANTED not in err and "never saved in the project" in err
    assert PLANTED not in (project / "project.json").read_text(encoding="utf-8")


def test_a_planted_key_is_found_nowhere_after_every_wrong_field_a_run_a_report_and_an_export(
    tmp_path, scripted_server, capsys, caplog
):
    """Typed into each field that is not the key, the key is in no file of the project, the app's own
    folders, the report or the exports, and in no message or log line."""
    import logging
    import os

    from desktop_app.core.project import appdirs
    from tests.core.e2e_support import facts, new_project, run

    caplog.set_level(logging.DEBUG)
    root = new_project(tmp_path, scripted_server, facts(4))
    url = scripted_server.base_url
    host = url.split("://", 1)[1]
    attempts = [
        ["--base-url", f"http://u:{PLANTED}@{host}", "--model", "m"],
        ["--base-url", f"{url}?api_key={PLANTED}", "--model", "m"],
        ["--base-url", url, "--model", PLANTED],
        ["--base-url", url, "--model", "m", "--keyring-user", PLANTED],
        ["--base-url", url, "--model", "m", "--embedding-model", PLANTED],
        [
            "--preset",
            "azure",
            "--azure-endpoint",
            "https://acme.openai.azure.com",
            "--model",
            "gpt-4o",
            "--azure-deployment",
            AZURE_KEY,
        ],
    ]
    for argv in attempts:
        assert main(["connect", str(root), *argv]) == 2
    run(root, "baseline")
    assert main(["report", str(root), str(root / "exports" / "report.html")]) == 0
    assert main(["export", str(root), str(tmp_path / "out" / "rows.xlsx")]) == 0
    assert main(["export", str(root), str(tmp_path / "out" / "rows.csv")]) == 0
    said = capsys.readouterr()
    places = [root, tmp_path / "out", appdirs.config_dir(), appdirs.data_dir(), appdirs.log_dir(), appdirs.cache_dir()]
    files = [p for place in places if place.exists() for p in place.rglob("*") if p.is_file()]
    assert any(p.name == "report.html" for p in files) and any(p.suffix == ".xlsx" for p in files)
    for path in files:
        blob = path.read_bytes()
        if path.suffix == ".xlsx":  # a zip: its sheets are compressed
            import zipfile

            with zipfile.ZipFile(path) as z:
                blob = b"".join(z.read(name) for name in z.namelist())
        assert PLANTED.encode() not in blob and AZURE_KEY.encode() not in blob, path
    everything = said.out + said.err + caplog.text + "".join(os.environ.get(k, "") for k in os.environ)
    assert PLANTED not in everything and AZURE_KEY not in everything
