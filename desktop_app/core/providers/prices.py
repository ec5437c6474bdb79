"""Prices per model (USD per 1M tokens) and the cost of a call.

DEFAULT_PRICES are editable defaults: OpenAI's public list prices, standard tier, without
batch or cached-input discounts, as of PRICES_AS_OF. Prices change and Azure's differ by region
and contract, so the project's ``prices`` section overrides any entry
(``{"gpt-4o-mini": {"input": 0.15, "output": 0.6}}``) and adds models (a fine-tune, an Azure
deployment name). Models on a local server cost nothing. A model with no known price gets
``None`` — the estimate says so rather than guessing or crashing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

from desktop_app.core.errors import AppError

PRICES_AS_OF = "2025-08"

# model -> (input, output) USD per 1M tokens. Embedding models have no output tokens.
DEFAULT_PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o": (2.50, 10.00),
    "gpt-4o-2024-05-13": (5.00, 15.00),  # the first gpt-4o snapshot kept its launch price
    "chatgpt-4o-latest": (5.00, 15.00),
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-5": (1.25, 10.00),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5-nano": (0.05, 0.40),
    "o1": (15.00, 60.00),
    "o3": (2.00, 8.00),
    "o3-mini": (1.10, 4.40),
    "o4-mini": (1.10, 4.40),
    "gpt-4-turbo": (10.00, 30.00),
    "gpt-4": (30.00, 60.00),
    "gpt-3.5-turbo": (0.50, 1.50),
    "text-embedding-3-small": (0.02, 0.0),
    "text-embedding-3-large": (0.13, 0.0),
    "text-embedding-ada-002": (0.10, 0.0),
}

# Context windows (tokens: prompt + answer) of well-known hosted models, as OpenAI documents them
# (PRICES_AS_OF). A local server's window is read from its own metadata (providers/model_info.py).
DEFAULT_CONTEXT_WINDOWS: dict[str, int] = {
    "gpt-4o": 128_000,
    "gpt-4o-mini": 128_000,
    "chatgpt-4o-latest": 128_000,
    "gpt-4.1": 1_047_576,
    "gpt-4.1-mini": 1_047_576,
    "gpt-4.1-nano": 1_047_576,
    "gpt-5": 400_000,
    "gpt-5-mini": 400_000,
    "gpt-5-nano": 400_000,
    "o1": 200_000,
    "o3": 200_000,
    "o3-mini": 200_000,
    "o4-mini": 200_000,
    "gpt-4-turbo": 128_000,
    "gpt-4": 8_192,
    "gpt-3.5-turbo": 16_385,
}


def context_window(model: str) -> int | None:
    """The context window of a well-known hosted model (dated snapshots as their family); None: unknown."""
    key = (model or "").strip().lower().rsplit("/", 1)[-1]
    while key and not key.startswith("ft:"):
        if key in DEFAULT_CONTEXT_WINDOWS:
            return DEFAULT_CONTEXT_WINDOWS[key]
        stripped = _DATED_SNAPSHOT.sub("", key)
        if stripped == key:
            return None
        key = stripped
    return None


# Open-weight families people serve locally (Ollama, LM Studio, vLLM, llama.cpp): free to run.
# An Ollama tag ("llama3.2:3b") or a Hugging Face path ("Qwen/Qwen2.5-7B") is local too.
_LOCAL_FAMILIES = re.compile(
    r"^(llama|codellama|mistral|mixtral|ministral|qwen|qwq|gemma|phi|deepseek|granite|falcon|"
    r"command-r|aya|olmo|smollm|tinyllama|vicuna|nomic-embed|mxbai-embed|bge|e5|all-minilm|"
    r"snowflake-arctic-embed|gpt-oss)",
    re.IGNORECASE,
)
_DATED_SNAPSHOT = re.compile(r"-(\d{4}-\d{2}-\d{2}|\d{4})$")  # gpt-4o-mini-2024-07-18, gpt-4-0613


@dataclass(frozen=True)
class Price:
    input: float  # USD per 1M input tokens
    output: float  # USD per 1M output tokens
    source: str  # "project" (override), "default" (DEFAULT_PRICES) or "local" (free)


def validate_prices(section: Any) -> dict[str, dict[str, float]]:
    """The project's ``prices`` overrides checked: ``{model: {"input": x, "output": y}}``, x, y >= 0."""
    if section in (None, ""):
        return {}
    if not isinstance(section, Mapping):
        raise AppError(
            "The price table must map model names to input and output prices.",
            'Write it as {"model": {"input": 0.15, "output": 0.6}} (USD per 1M tokens).',
        )
    clean: dict[str, dict[str, float]] = {}
    for model, entry in section.items():
        if not isinstance(entry, Mapping):
            raise AppError(
                f"The price for '{model}' is not an input/output pair.",
                'Write it as {"input": 0.15, "output": 0.6} (USD per 1M tokens).',
            )
        try:
            values = {k: float(entry.get(k, 0.0)) for k in ("input", "output")}
        except (TypeError, ValueError):
            raise AppError(
                f"The price for '{model}' is not a number.", "Enter USD per 1 million tokens, e.g. 0.15."
            ) from None
        if any(v < 0 or v != v for v in values.values()):
            raise AppError(
                f"The price for '{model}' is negative or not a number.", "Enter USD per 1 million tokens, 0 or more."
            )
        clean[str(model)] = values
    return clean


def price_table(overrides: Mapping[str, Any] | None = None) -> dict[str, dict[str, float]]:
    """Defaults merged with the project's overrides, for display and editing."""
    table = {m: {"input": i, "output": o} for m, (i, o) in DEFAULT_PRICES.items()}
    table.update(validate_prices(overrides))
    return table


def is_local_model(model: str) -> bool:
    """A model id that names an open-weight model served locally (priced at 0)."""
    name = (model or "").strip()
    return bool(_LOCAL_FAMILIES.match(name.rsplit("/", 1)[-1])) or (":" in name and not name.startswith("ft:"))


def lookup(model: str, prices: Mapping[str, Any] | None = None, *, preset: str | None = None) -> Price | None:
    """The price of ``model``: project override, then default (dated snapshots fall back to their
    family, e.g. gpt-4o-mini-2024-07-18 -> gpt-4o-mini), then 0 for local models; else None."""
    name = (model or "").strip()
    overrides = validate_prices(prices)
    for candidate in (name, name.lower()):
        if candidate in overrides:
            return Price(overrides[candidate]["input"], overrides[candidate]["output"], "project")
    key = name.lower()
    if key.startswith("ft:"):  # fine-tunes are priced differently from their base: override them
        return None
    key = key.rsplit("/", 1)[-1]  # "openai/gpt-4o" from a router or proxy
    while key:
        if key in DEFAULT_PRICES:
            i, o = DEFAULT_PRICES[key]
            return Price(i, o, "default")
        stripped = _DATED_SNAPSHOT.sub("", key)
        if stripped == key:
            break
        key = stripped
    if preset == "local" or is_local_model(name):
        return Price(0.0, 0.0, "local")
    return None


# OpenAI's Batch API and Azure OpenAI's Global Batch bill about half the standard price.
BATCH_DISCOUNT = 0.5


def cost(
    model: str, tokens_in: int, tokens_out: int, prices: Mapping[str, Any] | None = None, *, preset: str | None = None
) -> float | None:
    """USD for one call (or a sum of calls) of ``model``; None when the model has no price."""
    price = lookup(model, prices, preset=preset)
    if price is None:
        return None
    return (max(0, tokens_in) * price.input + max(0, tokens_out) * price.output) / 1_000_000
