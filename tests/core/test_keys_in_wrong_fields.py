"""A key typed in the wrong field is refused, shown only masked, and never reaches project.json."""
from __future__ import annotations

import pytest

from desktop_app.cli import main
from desktop_app.core.errors import ConnectionFailed
from desktop_app.core.providers.connection import ConnectionConfig

PLANTED = "sk-proj-PLANTEDsecret0123456789abcdWXYZ"
AZURE_KEY = "0123456789abcdef0123456789abcdef"


@pytest.mark.parametrize("field, value", [
    ("model", PLANTED), ("model", AZURE_KEY), ("azure_deployment", AZURE_KEY), ("embedding_model", PLANTED),
    ("keyring_user", PLANTED), ("base_url", f"http://user:{PLANTED}@127.0.0.1:8080/v1"),
    ("base_url", f"http://127.0.0.1:8080/v1?api_key={PLANTED}"),
])
def test_a_key_in_any_field_but_the_key_is_refused_masked(field, value):
    """Whichever field the key was pasted into, the message names the field and never the key."""
    preset = "azure" if field == "azure_deployment" else "local"
    data = {"preset": preset, "base_url": "http://127.0.0.1:8080/v1", "model": "gpt-4o-mini",
            "azure_endpoint": "https://acme.openai.azure.com", field: value}
    with pytest.raises(ConnectionFailed) as caught:
        ConnectionConfig.from_dict(data)
    text = f"{caught.value.message} {caught.value.hint}"
    assert PLANTED not in text and AZURE_KEY not in text and "never saved in the project" in text


@pytest.mark.parametrize("model", ["gpt-4o-mini", "ft:gpt-4o-mini-2024-07-18:acme::9abcDEF12", "qwen2.5:7b-instruct",
                                   "Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf", "text-embedding-3-small",
                                   "models/gemma-2-9b-it", "o3-mini"])
def test_real_model_names_are_not_taken_for_keys(model):
    """Model and deployment names with their usual separators pass."""
    assert ConnectionConfig.from_dict({"preset": "local", "base_url": "http://127.0.0.1:8080/v1",
                                       "model": model}).model == model


def test_connect_with_a_key_in_the_url_or_model_saves_nothing(tmp_path, capsys):
    """The CLI refuses with exit 2, and the project file holds no trace of the key."""
    data = tmp_path / "d.csv"
    data.write_text("id,question,answer\nq1,A?,a\n", encoding="utf-8")
    project = tmp_path / "p"
    assert main(["new", str(project), "--dataset", str(data)]) == 0
    for argv in (["--base-url", f"http://u:{PLANTED}@127.0.0.1:8080/v1", "--model", "m"],
                 ["--base-url", "http://127.0.0.1:8080/v1", "--model", PLANTED]):
        assert main(["connect", str(project), *argv]) == 2
    err = capsys.readouterr().err
    assert PLANTED not in err and "never saved in the project" in err
    assert PLANTED not in (project / "project.json").read_text(encoding="utf-8")
