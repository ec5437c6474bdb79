"""Model access: connection presets, keys, verdicts, clients and embeddings (via the scripted server)."""

from __future__ import annotations

import asyncio
import logging
import socket
import time

import openai
import pytest

from desktop_app.core.providers import client as providers
from desktop_app.core.providers import secrets
from desktop_app.core.errors import ConnectionFailed
from desktop_app.core.providers.client import ConnectionConfig
from tests.scripted_server import Reply, hashed_embedding

PLANTED = "sk-proj-PLANTEDsecret0123456789abcdWXYZ"


def local_cfg(server, monkeypatch, **over) -> ConnectionConfig:
    monkeypatch.setenv("TEST_LLM_KEY", server.api_key)
    data = {
        "preset": "local",
        "base_url": server.base_url,
        "model": "gpt-4o-mini",
        "api_key_env": "TEST_LLM_KEY",
        "embedding_model": "text-embedding-3-small",
    }
    return ConnectionConfig.from_dict({**data, **over})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- configuration -------------------------------------------------------------------------
def test_presets_fill_sensible_defaults():
    """Choosing a preset is enough to get the usual server address and key variable."""
    openai_cfg = ConnectionConfig.from_dict({"preset": "openai"})
    assert (openai_cfg.base_url, openai_cfg.api_key_env) == ("https://api.openai.com/v1", "OPENAI_API_KEY")
    azure = ConnectionConfig.from_dict({"preset": "azure", "azure_endpoint": "https://r.openai.azure.com/"})
    assert azure.api_key_env == "AZURE_OPENAI_API_KEY" and azure.api_version
    assert azure.azure_endpoint == "https://r.openai.azure.com"
    local = ConnectionConfig.from_dict({"preset": "local"})
    assert local.base_url == "http://localhost:11434/v1"
    assert secrets.resolve_api_key(local) == providers.LOCAL_PLACEHOLDER_KEY
    assert ConnectionConfig.from_dict(None).preset == "offline"


def test_config_round_trips_and_rejects_bad_values():
    """What the settings page saves loads back the same; nonsense gets a plain message."""
    cfg = ConnectionConfig.from_dict(
        {"preset": "local", "base_url": "http://h:1/v1", "model": "m", "timeout_s": "12", "unknown_key": 1}
    )
    assert ConnectionConfig.from_dict(cfg.to_dict()) == cfg and cfg.timeout_s == 12.0
    with pytest.raises(ConnectionFailed, match="preset"):
        ConnectionConfig.from_dict({"preset": "anthropic"})
    with pytest.raises(ConnectionFailed, match="number"):
        ConnectionConfig.from_dict({"preset": "local", "timeout_s": "soon"})
    with pytest.raises(ConnectionFailed, match="http"):
        ConnectionConfig.from_dict({"preset": "local", "base_url": "localhost:11434"}).check_complete()
    with pytest.raises(ConnectionFailed, match="endpoint"):
        ConnectionConfig.from_dict({"preset": "azure"}).check_complete()


# -- verdicts ------------------------------------------------------------------------------
def test_connected_verdict_with_latency(scripted_server, monkeypatch):
    """Test says "Connected: MODEL answered in X s" after one tiny request."""
    scripted_server.latency = 0.15
    report = providers.test_connection(local_cfg(scripted_server, monkeypatch))
    assert report.ok and report.verdict == "connected" and report.model == "gpt-4o-mini"
    assert 0.15 <= report.latency_s < 5
    sent = scripted_server.chat_requests()
    assert len(sent) == 1 and sent[0]["model"] == "gpt-4o-mini" and sent[0]["max_tokens"] <= 5


def test_key_rejected_verdict(scripted_server, monkeypatch):
    """A wrong key is reported as "key rejected", not as a generic failure."""
    scripted_server.required_key = "sk-the-right-key-000000"
    report = providers.test_connection(local_cfg(scripted_server, monkeypatch))
    assert (report.ok, report.verdict, report.status) == (False, "key_rejected", 401)


def test_unreachable_verdict_names_the_url(monkeypatch):
    """Nothing listening at the address gives "server not reachable at URL"."""
    url = f"http://127.0.0.1:{free_port()}/v1"
    monkeypatch.setenv("TEST_LLM_KEY", "sk-x")
    report = providers.test_connection(
        ConnectionConfig.from_dict({"preset": "local", "base_url": url, "model": "m", "api_key_env": "TEST_LLM_KEY"})
    )
    assert (report.ok, report.verdict, report.url) == (False, "unreachable", url)


def test_model_not_found_verdict(scripted_server, monkeypatch):
    """A model the server does not have is reported as "model not found"."""
    report = providers.test_connection(local_cfg(scripted_server, monkeypatch, model="gpt-9-imaginary"))
    assert (report.verdict, report.model, report.status) == ("model_not_found", "gpt-9-imaginary", 404)
    assert "gpt-9-imaginary" in report.detail


def test_timeout_and_server_error_verdicts_without_retries(scripted_server, monkeypatch):
    """Test answers within the timeout and does not hide a failing server behind retries."""
    cfg = local_cfg(scripted_server, monkeypatch, timeout_s=0.5, max_retries=5)
    scripted_server.hang_next(1)
    started = time.perf_counter()
    assert providers.test_connection(cfg).verdict == "timeout"
    assert time.perf_counter() - started < 3
    scripted_server.fail_next(1, status=500)
    before = scripted_server.count()
    report = providers.test_connection(cfg)
    assert (report.verdict, report.status) == ("server_error", 500)
    assert scripted_server.count() - before == 1


def test_no_key_and_offline_verdicts(scripted_server, monkeypatch, no_keychain):
    """Without a key nothing is sent; an offline project says so instead of failing."""
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    cfg = ConnectionConfig.from_dict({"preset": "openai", "base_url": scripted_server.base_url})
    report = providers.test_connection(cfg)
    assert (report.ok, report.verdict) == (False, "no_key") and "OPENAI_API_KEY" in report.detail
    assert scripted_server.requests == []
    assert providers.test_connection(ConnectionConfig()).verdict == "offline"
    with pytest.raises(ConnectionFailed, match="offline"):
        providers.make_async_client(ConnectionConfig())


def test_azure_routes_to_the_deployment_with_api_key_header(scripted_server, monkeypatch):
    """Azure OpenAI works with endpoint + deployment + API version, keys sent as api-key."""
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", scripted_server.api_key)
    scripted_server.required_key = scripted_server.api_key
    cfg = ConnectionConfig.from_dict(
        {
            "preset": "azure",
            "azure_endpoint": scripted_server.root_url,
            "azure_deployment": "gpt-4o",
            "embedding_model": "text-embedding-3-small",
        }
    )
    assert isinstance(providers.make_async_client(cfg), openai.AsyncAzureOpenAI)
    assert providers.test_connection(cfg).verdict == "connected"
    request = scripted_server.requests[-1]
    assert request["path"] == "/openai/deployments/gpt-4o/chat/completions"
    assert request["headers"]["api-key"] == scripted_server.api_key
    providers.embed_texts(cfg, ["x"])
    assert scripted_server.requests[-1]["path"] == "/openai/deployments/text-embedding-3-small/embeddings"


# -- calls ---------------------------------------------------------------------------------
def test_list_models_and_failures_as_typed_errors(scripted_server, monkeypatch):
    """The model picker shows the server's models; a rejected key is a clear error."""
    scripted_server.models = ["llama3.2:3b", "gpt-4o-mini"]
    cfg = local_cfg(scripted_server, monkeypatch)
    assert providers.list_models(cfg) == ["gpt-4o-mini", "llama3.2:3b"]
    scripted_server.required_key = "sk-other-key-0000000000"
    with pytest.raises(ConnectionFailed) as err:
        providers.list_models(cfg)
    assert err.value.details["verdict"] == "key_rejected" and err.value.hint


def test_embed_texts_in_order_and_batches(scripted_server, monkeypatch):
    """Embeddings come back one per text, in order, sent in batches."""
    texts = ["alpha beta", "東京 タワー", "", "gamma", "delta epsilon"]
    vectors = providers.embed_texts(local_cfg(scripted_server, monkeypatch), texts, batch=2)
    assert vectors[0] == pytest.approx(hashed_embedding("alpha beta"))
    assert vectors[1] == pytest.approx(hashed_embedding("東京 タワー"))
    assert vectors[4] == pytest.approx(hashed_embedding("delta epsilon"))
    assert len(vectors) == 5 and scripted_server.count("/embeddings") == 3
    with pytest.raises(ConnectionFailed, match="embedding model"):
        providers.embed_texts(local_cfg(scripted_server, monkeypatch, embedding_model=""), ["x"])


def test_async_client_answers(scripted_server, monkeypatch):
    """The runner's asyncio client reaches the configured server with the resolved key."""
    scripted_server.required_key = scripted_server.api_key
    client = providers.make_async_client(local_cfg(scripted_server, monkeypatch), max_retries=0)
    assert client.max_retries == 0

    async def ask():
        async with client:
            return await client.chat.completions.create(
                model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}]
            )

    assert asyncio.run(ask()).choices[0].message.content == "scripted answer"


def test_retry_after_is_read_and_honoured(scripted_server, monkeypatch):
    """A 429's Retry-After is available to the runner, and the SDK layer waits that long."""
    cfg = local_cfg(scripted_server, monkeypatch)
    scripted_server.fail_next(1, status=429, retry_after=2)
    messages = [{"role": "user", "content": "x"}]
    with pytest.raises(openai.RateLimitError) as err:
        providers.make_client(cfg, max_retries=0).chat.completions.create(model="gpt-4o-mini", messages=messages)
    assert providers.retry_after_s(err.value) == 2.0 and providers.is_retryable(err.value)
    scripted_server.fail_next(1, status=429, retry_after=0.4)
    started = time.perf_counter()
    providers.make_client(cfg, max_retries=1).chat.completions.create(model="gpt-4o-mini", messages=messages)
    assert time.perf_counter() - started >= 0.4 and scripted_server.count() == 3


# -- keys ----------------------------------------------------------------------------------
def test_keychain_store_resolve_forget(scripted_server, memory_keychain, monkeypatch):
    """A key pasted once is found in the keychain; the named env variable wins over it."""
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    cfg = ConnectionConfig.from_dict({"preset": "openai", "base_url": scripted_server.base_url})
    assert secrets.store_api_key(cfg, f"  {PLANTED}\n") == "sk-…WXYZ"
    assert secrets.resolve_api_key(cfg) == PLANTED and secrets.key_source(cfg) == "keychain"
    scripted_server.required_key = PLANTED
    assert providers.test_connection(cfg).verdict == "connected"
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-the-environment-0001")
    assert secrets.resolve_api_key(cfg) == "sk-from-the-environment-0001"
    monkeypatch.delenv("OPENAI_API_KEY")
    assert secrets.forget_api_key(cfg) is True and secrets.resolve_api_key(cfg) is None
    with pytest.raises(ConnectionFailed, match="spaces"):
        secrets.store_api_key(cfg, "sk-two words-here")


def test_no_keychain_gives_env_var_hint(no_keychain, monkeypatch):
    """Where no keychain exists the user is told which environment variable to set."""
    monkeypatch.delenv("AZURE_OPENAI_API_KEY", raising=False)
    cfg = ConnectionConfig.from_dict({"preset": "azure", "azure_endpoint": "https://r.openai.azure.com"})
    with pytest.raises(secrets.KeychainUnavailable) as err:
        secrets.store_api_key(cfg, PLANTED)
    assert "Set the environment variable AZURE_OPENAI_API_KEY instead" in err.value.hint
    assert PLANTED not in err.value.one_line()
    assert secrets.resolve_api_key(cfg) is None and not secrets.keychain_available()


def test_mask_key():
    """Keys are shown only as their prefix and last four characters."""
    assert secrets.mask_key(PLANTED) == "sk-…WXYZ"
    assert secrets.mask_key("abcdefghijklmnop") == "…mnop"
    assert secrets.mask_key("short") == "…" and secrets.mask_key(None) == ""


def test_planted_key_never_leaks(scripted_server, memory_keychain, monkeypatch, caplog, tmp_path):
    """The key never appears in a repr, an error, a report or any log line, even at DEBUG."""
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("PLANTED_KEY_ENV", PLANTED)
    cfg = local_cfg(scripted_server, monkeypatch, api_key_env="PLANTED_KEY_ENV")
    secrets.store_api_key(cfg, PLANTED)
    # A server that echoes the key back in its error message must not make us show it.
    scripted_server.chat_rule = lambda req: Reply(status=500, content=f"bad request with key {PLANTED}")
    report = providers.test_connection(cfg)
    assert report.verdict == "server_error" and "sk-…WXYZ" in report.detail
    scripted_server.required_key = "sk-someone-else-000000"
    with pytest.raises(ConnectionFailed) as err:
        providers.list_models(cfg)
    seen = [
        repr(cfg),
        repr(report),
        str(report.to_dict()),
        str(cfg.to_dict()),
        err.value.one_line(),
        repr(err.value.details),
        repr(providers.make_async_client(cfg)),
        caplog.text,
    ]
    seen += [r.getMessage() for r in caplog.records]
    assert all(PLANTED not in text for text in seen)
    assert any("openai" in r.name or "httpx" in r.name for r in caplog.records)  # the SDK did log
