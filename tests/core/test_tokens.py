"""Offline token counts: the bundled tables are OpenAI's and the counts are exact."""

from __future__ import annotations

import gzip
import hashlib
import socket

import pytest
import tiktoken_ext.openai_public as openai_public

from desktop_app.core.providers import tokens

COOKBOOK_MESSAGES = [  # OpenAI cookbook "How to count tokens with tiktoken", example_messages
    {
        "role": "system",
        "content": "You are a helpful, pattern-following assistant that translates "
        "corporate jargon into plain English.",
    },
    {"role": "system", "name": "example_user", "content": "New synergies will help drive top-line growth."},
    {"role": "system", "name": "example_assistant", "content": "Things working well together will increase revenue."},
    {
        "role": "system",
        "name": "example_user",
        "content": "Let's circle back when we have more bandwidth to "
        "touch base on opportunities for increased leverage.",
    },
    {
        "role": "system",
        "name": "example_assistant",
        "content": "Let's talk later when we're less busy about how to do better.",
    },
    {
        "role": "user",
        "content": "This late pivot means we don't have time to boil the ocean for the client deliverable.",
    },
]

# (text, o200k_base count, cl100k_base count). Counts cross-checked with quicktok 0.4.0, an
# independent C++ implementation, when the tables were bundled.
KNOWN_COUNTS = [
    ("The quick brown fox jumps over the lazy dog.", 10, 10),
    ("東京都の人口は約1400万人です。", 10, 16),
    ("日本語のテキストを正しく数えられますか？", 16, 19),
    ("I love 🍣 and 🇯🇵! 👩\u200d👩\u200d👧", 18, 25),
    ("Ünïcödé café naïve — “quotes”", 12, 14),
    ("def f(x):\n    return x**2  # comment", 12, 12),
]


@pytest.mark.parametrize("name", ["o200k_base", "cl100k_base"])
def test_bundled_tables_are_openais_files(name, monkeypatch):
    """The shipped table is byte-identical to the file tiktoken would download, and defined alike."""
    raw = gzip.decompress(tokens._table_path(name).read_bytes())
    seen = {}

    def fake_load(url, expected_hash=None):  # capture what tiktoken pins, without a download
        seen["hash"] = expected_hash
        return {b"x": 0}

    monkeypatch.setattr(openai_public, "load_tiktoken_bpe", fake_load)
    upstream = getattr(openai_public, name)()
    assert hashlib.sha256(raw).hexdigest() == seen["hash"] == tokens.SPECS[name]["sha256"]
    assert upstream["pat_str"] == tokens.SPECS[name]["pat_str"]
    assert upstream["special_tokens"] == tokens.SPECS[name]["special_tokens"]


def test_counting_works_without_network(monkeypatch, tmp_path):
    """Token counts load with no network and an empty tiktoken cache (a fresh install offline)."""
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(tokens, "_loaded", {})

    def refuse(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert tokens.count("hello world", "gpt-4o") == 2
    assert tokens.count("hello world", "gpt-4") == 2
    assert list(tmp_path.iterdir()) == []


def test_known_token_ids():
    """Ids equal tiktoken's documented ones for "hello world"."""
    assert tokens.get_encoding("cl100k_base").encode("hello world") == [15339, 1917]
    assert tokens.get_encoding("o200k_base").encode("hello world") == [24912, 2375]


@pytest.mark.parametrize("text,o200k,cl100k", KNOWN_COUNTS)
def test_exact_counts_english_japanese_emoji(text, o200k, cl100k):
    """English, Japanese and emoji are counted exactly for both encodings."""
    assert tokens.count(text, "gpt-4o-mini") == o200k
    assert tokens.count(text, "gpt-3.5-turbo") == cl100k


def test_count_messages_matches_openai_api_figures():
    """Chat prompts cost what the OpenAI API bills: 129 tokens on gpt-4, 124 on gpt-4o (cookbook)."""
    assert tokens.count_messages(COOKBOOK_MESSAGES, "gpt-4") == 129
    assert tokens.count_messages(COOKBOOK_MESSAGES, "gpt-3.5-turbo-0125") == 129
    assert tokens.count_messages(COOKBOOK_MESSAGES, "gpt-4o") == 124
    assert tokens.count_messages(COOKBOOK_MESSAGES, "gpt-4o-mini") == 124
    assert tokens.count_messages([], "gpt-4o") == tokens.REPLY_PRIMING


def test_count_messages_with_content_parts():
    """Content given as text parts counts like the same text given as a string."""
    plain = [{"role": "user", "content": "東京の天気は？"}]
    parts = [{"role": "user", "content": [{"type": "text", "text": "東京の"}, {"type": "text", "text": "天気は？"}]}]
    assert tokens.count_messages(parts, "gpt-4o") == tokens.count_messages(plain, "gpt-4o")


@pytest.mark.parametrize(
    "model,encoding,exact",
    [
        ("gpt-4o-mini", "o200k_base", True),
        ("gpt-4o-2024-08-06", "o200k_base", True),
        ("gpt-4.1-nano", "o200k_base", True),
        ("o4-mini", "o200k_base", True),
        ("o1", "o200k_base", True),
        ("gpt-5-mini", "o200k_base", True),
        ("ft:gpt-4o-mini-2024-07-18:acme::abc123", "o200k_base", True),
        ("gpt-4", "cl100k_base", True),
        ("gpt-4-turbo", "cl100k_base", True),
        ("gpt-3.5-turbo", "cl100k_base", True),
        ("ft:gpt-3.5-turbo-0125:acme::x", "cl100k_base", True),
        ("text-embedding-3-small", "cl100k_base", True),
        ("llama3.2:3b", "o200k_base", False),
        ("Qwen/Qwen2.5-7B-Instruct", "o200k_base", False),
        ("olmo2", "o200k_base", False),
        ("", "o200k_base", False),
    ],
)
def test_model_to_encoding(model, encoding, exact):
    """Each model family uses its own tokenizer; local models get an approximation, flagged."""
    assert tokens.encoding_name_for(model) == (encoding, exact)
    assert tokens.is_exact(model) is exact


def test_special_tokens_in_user_text_are_plain_text():
    """A dataset row containing "<|endoftext|>" is counted, not rejected."""
    assert tokens.count("<|endoftext|>", "gpt-4o") > 1
    assert tokens.count("", "gpt-4o") == 0


def test_count_many_equals_single_counts():
    """Batch counting gives the same numbers as counting one by one."""
    texts = [t for t, _, _ in KNOWN_COUNTS] + [""]
    assert tokens.count_many(texts, "gpt-4o") == [tokens.count(t, "gpt-4o") for t in texts]
    assert tokens.count_many([], "gpt-4o") == []


def test_damaged_table_is_refused(monkeypatch, tmp_path):
    """A corrupted install fails with a plain message instead of silently wrong counts."""
    damaged = tmp_path / "o200k_base.tiktoken.gz"
    damaged.write_bytes(gzip.compress(b"eA== 0\n"))
    monkeypatch.setattr(tokens, "ENCODINGS_DIR", tmp_path)
    monkeypatch.setattr(tokens, "_loaded", {})
    with pytest.raises(tokens.AppError, match="does not match"):
        tokens.get_encoding("o200k_base")
    with pytest.raises(tokens.AppError, match="missing or damaged"):
        tokens.get_encoding("cl100k_base")
    with pytest.raises(tokens.AppError, match="Unknown token encoding"):
        tokens.get_encoding("p50k_base")
