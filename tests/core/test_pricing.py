"""Prices per model and the cost of calls."""

from __future__ import annotations

import pytest

from desktop_app.core.providers import prices as pricing
from desktop_app.core.errors import AppError


def test_cost_math_per_million_tokens():
    """Cost is input and output tokens times their USD-per-1M prices."""
    assert pricing.cost("gpt-4o-mini", 1_000_000, 1_000_000) == pytest.approx(0.15 + 0.60)
    assert pricing.cost("gpt-4o-mini", 1000, 500) == pytest.approx((1000 * 0.15 + 500 * 0.60) / 1e6)
    assert pricing.cost("gpt-4.1", 2_000_000, 0) == pytest.approx(4.0)
    assert pricing.cost("gpt-4o", 0, 0) == 0.0


def test_embedding_models_bill_input_only():
    """Embedding calls cost input tokens only."""
    assert pricing.cost("text-embedding-3-small", 1_000_000, 999) == pytest.approx(0.02)
    assert pricing.cost("text-embedding-3-large", 500_000, 0) == pytest.approx(0.065)


def test_dated_snapshots_use_their_family_price():
    """A pinned snapshot such as gpt-4o-mini-2024-07-18 costs what its family costs."""
    assert pricing.lookup("gpt-4o-mini-2024-07-18") == pricing.lookup("gpt-4o-mini")
    assert pricing.lookup("gpt-4-0613").input == 30.0
    assert pricing.lookup("gpt-4o-2024-05-13").input == 5.0  # its own, older price
    assert pricing.lookup("openai/gpt-4o").input == 2.5  # a router's model id


def test_project_overrides_win_and_add_models():
    """The project's price table changes a default and prices a fine-tune or Azure deployment."""
    prices = {
        "gpt-4o-mini": {"input": 1, "output": 2},
        "ft:gpt-4o-mini:acme::x": {"input": 0.3, "output": 1.2},
        "my-azure-deployment": {"input": 0.2},
    }
    assert pricing.cost("gpt-4o-mini", 1_000_000, 1_000_000, prices) == pytest.approx(3.0)
    assert pricing.lookup("gpt-4o-mini", prices).source == "project"
    assert pricing.cost("ft:gpt-4o-mini:acme::x", 1_000_000, 0, prices) == pytest.approx(0.3)
    assert pricing.cost("my-azure-deployment", 1_000_000, 1_000_000, prices) == pytest.approx(0.2)
    table = pricing.price_table(prices)
    assert table["gpt-4o-mini"] == {"input": 1.0, "output": 2.0} and table["gpt-4o"]["input"] == 2.5


def test_unknown_model_has_no_price_instead_of_crashing():
    """A model nobody priced gives None (the estimate flags it), fine-tunes included."""
    assert pricing.cost("my-azure-deployment", 1000, 1000) is None
    assert pricing.lookup("ft:gpt-4o-mini-2024-07-18:acme::abc") is None


def test_local_models_are_free():
    """Models on a local server cost nothing, by family name, Ollama tag or the local preset."""
    assert pricing.cost("llama3.2:3b", 10**6, 10**6) == 0.0
    assert pricing.cost("Qwen/Qwen2.5-7B-Instruct", 10**6, 10**6) == 0.0
    assert pricing.cost("my-own-finetune", 10**6, 10**6, preset="local") == 0.0
    assert pricing.lookup("my-own-finetune", preset="local").source == "local"


@pytest.mark.parametrize(
    "bad",
    [
        [1, 2],
        {"gpt-4o": 2.5},
        {"gpt-4o": {"input": "cheap"}},
        {"gpt-4o": {"input": -1}},
        {"gpt-4o": {"input": float("nan")}},
    ],
)
def test_bad_price_tables_get_a_plain_message(bad):
    """A hand-edited price table with a mistake says what is wrong."""
    with pytest.raises(AppError) as err:
        pricing.cost("gpt-4o", 1, 1, bad)
    assert err.value.hint
