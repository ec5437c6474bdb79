"""The scripted server behaves like the OpenAI API as seen through the real openai client."""

from __future__ import annotations

import time

import openai
import pytest

from tests.scripted_server import Reply, prompt_text


def _client(server, **kw):
    return openai.OpenAI(base_url=server.base_url, api_key=server.api_key, **kw)


def test_chat_rule_answers_through_the_sdk(scripted_server):
    """A test can script the model's answer and see the exact request it got."""
    scripted_server.chat_rule = lambda req: "42" if "answer" in prompt_text(req) else "?"
    resp = _client(scripted_server).chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": "the answer?"}]
    )
    assert resp.choices[0].message.content == "42"
    assert resp.usage.completion_tokens >= 1
    assert scripted_server.chat_requests()[0]["messages"][0]["content"] == "the answer?"


def test_429_with_retry_after_then_success(scripted_server):
    """Injected rate limits reach the client with their Retry-After header."""
    scripted_server.fail_next(1, status=429, retry_after=0.1)
    client = _client(scripted_server, max_retries=0)
    with pytest.raises(openai.RateLimitError) as err:
        client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "x"}])
    assert err.value.response.headers["retry-after"] == "0.1"
    ok = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "x"}])
    assert ok.choices[0].message.content == "scripted answer"


def test_unknown_model_and_wrong_key(scripted_server):
    """Unknown models get 404 and wrong keys 401, as the real API answers."""
    with pytest.raises(openai.NotFoundError):
        _client(scripted_server, max_retries=0).chat.completions.create(
            model="nope", messages=[{"role": "user", "content": "x"}]
        )
    scripted_server.required_key = "sk-right"
    with pytest.raises(openai.AuthenticationError):
        _client(scripted_server, max_retries=0).models.list()


def test_hang_times_out_and_embeddings_are_deterministic(scripted_server):
    """A hung request times out at the client; embeddings of equal texts are equal."""
    scripted_server.hang_next(1)
    client = _client(scripted_server, max_retries=0, timeout=0.3)
    start = time.monotonic()
    with pytest.raises(openai.APITimeoutError):
        client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "x"}])
    assert time.monotonic() - start < 3
    emb = _client(scripted_server).embeddings.create(model="text-embedding-3-small", input=["保証 期間", "保証 期間"])
    assert emb.data[0].embedding == emb.data[1].embedding and len(emb.data[0].embedding) == 64


def test_slow_replies_and_azure_paths(scripted_server):
    """Latency is scripted per reply, and Azure deployment URLs are served."""
    scripted_server.chat_rule = lambda req: Reply("slow", delay=0.2)
    client = openai.AzureOpenAI(
        azure_endpoint=scripted_server.root_url, api_key="k", api_version="2024-10-21", max_retries=0
    )
    start = time.monotonic()
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "x"}])
    assert resp.choices[0].message.content == "slow" and time.monotonic() - start >= 0.2
