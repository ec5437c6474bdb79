"""What a provider accepts and what training costs.

Per-example token limits and minimum example counts are the providers' documented ones (OpenAI's
fine-tuning guide, mirrored by Azure OpenAI). Training is billed on the tokens in the training
file times the epochs; DEFAULT_TRAINING_PRICES are OpenAI's list prices (USD per 1M training
tokens) as of TRAINING_PRICES_AS_OF. The project's ``finetune.training_prices`` section overrides
or adds entries (an Azure contract, a new base model); a model with no price gets ``None``: the
estimate says the price is unknown instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

from desktop_app.core.errors import AppError
from desktop_app.core.phrases import phrase, translate

TRAINING_PRICES_AS_OF = "2025-08"
DEFAULT_EPOCHS = 3
# OpenAI's guide: "clear improvements from fine-tuning on 50 to 100 training examples"; the talk
# makes the same point: a small set of high-quality examples, not a dump of everything.
RECOMMENDED_START = 50

DEFAULT_TRAINING_PRICES: dict[str, float] = {
    "gpt-4o-mini-2024-07-18": 3.00,
    "gpt-4o-2024-08-06": 25.00,
    "gpt-4.1-2025-04-14": 25.00,
    "gpt-4.1-mini-2025-04-14": 5.00,
    "gpt-4.1-nano-2025-04-14": 1.50,
    "gpt-3.5-turbo-0125": 8.00,
}
# The names people type resolve to the snapshot that is actually trained.
_ALIASES = {
    "gpt-4o-mini": "gpt-4o-mini-2024-07-18",
    "gpt-4o": "gpt-4o-2024-08-06",
    "gpt-4.1": "gpt-4.1-2025-04-14",
    "gpt-4.1-mini": "gpt-4.1-mini-2025-04-14",
    "gpt-4.1-nano": "gpt-4.1-nano-2025-04-14",
    "gpt-3.5-turbo": "gpt-3.5-turbo-0125",
}


@dataclass(frozen=True)
class ProviderLimits:
    """What one route accepts; ``None`` means the route sets no such limit."""

    provider: str
    min_examples: int
    max_file_bytes: int | None
    default_example_tokens: int | None
    # Local trainers do not refuse a long example, they cut it: a warning, not a problem.
    truncates: bool = False


PROVIDER_LIMITS: dict[str, ProviderLimits] = {
    "openai": ProviderLimits("openai", 10, 512 * 1024 * 1024, 65_536),
    "azure": ProviderLimits("azure", 10, 512 * 1024 * 1024, 65_536),
    # mlx-lm's default --max-seq-length; axolotl and Unsloth configs commonly start at 2048 too.
    "local": ProviderLimits("local", 1, None, 2_048, truncates=True),
}
_EXAMPLE_TOKENS = {"gpt-3.5-turbo-0125": 16_385}


def provider_limits(provider: str) -> ProviderLimits:
    if provider not in PROVIDER_LIMITS:
        raise AppError(
            phrase(translate("FinetuneErrors", "Unknown fine-tuning route “{route}”."), route=provider),
            phrase(translate("FinetuneErrors", "Choose one of: {routes}."), routes=", ".join(PROVIDER_LIMITS)),
        )
    return PROVIDER_LIMITS[provider]


def base_snapshot(model: str) -> str:
    name = (model or "").strip().lower()
    return _ALIASES.get(name, name)


def example_token_limit(provider: str, model: str) -> int | None:
    limits = provider_limits(provider)
    if provider == "local":
        return limits.default_example_tokens
    return _EXAMPLE_TOKENS.get(base_snapshot(model), limits.default_example_tokens)


def validate_training_prices(section: Any) -> dict[str, float]:
    """The project's overrides checked: ``{model: USD per 1M training tokens}``, each >= 0."""
    if section in (None, ""):
        return {}
    if not isinstance(section, Mapping):
        raise AppError(
            translate("FinetuneErrors", "The training price table must map model names to a price."),
            translate("FinetuneErrors", 'Write it as {"gpt-4o-mini-2024-07-18": 3.0} (USD per 1M training tokens).'),
        )
    clean: dict[str, float] = {}
    for model, value in section.items():
        try:
            price = float(value)
        except (TypeError, ValueError):
            raise AppError(
                phrase(translate("FinetuneErrors", "The training price for “{model}” is not a number."), model=model),
                translate("FinetuneErrors", "Enter USD per 1 million training tokens, e.g. 3."),
            ) from None
        if price < 0 or price != price:
            raise AppError(
                phrase(translate("FinetuneErrors", "The training price for “{model}” is negative."), model=model),
                translate("FinetuneErrors", "Enter 0 or more."),
            )
        clean[str(model).strip()] = price
    return clean


def training_price_table(project=None) -> dict[str, float]:
    """Defaults merged with the project's overrides, for display and editing."""
    table = dict(DEFAULT_TRAINING_PRICES)
    table.update(validate_training_prices(project_overrides(project)))
    return table


def project_overrides(project) -> Any:
    section = project.section("finetune") if project is not None else None
    return section.get("training_prices") if isinstance(section, dict) else None


def save_training_prices(project, prices: Mapping[str, Any]) -> None:
    section = dict(project.section("finetune") or {})
    section["training_prices"] = validate_training_prices(prices)
    project.set_section("finetune", section)


_DATED = re.compile(r"-(\d{4}-\d{2}-\d{2}|\d{4})$")


def training_price(model: str, provider: str, prices: Mapping[str, Any] | None = None) -> float | None:
    """USD per 1M training tokens: the project's entry, else the default for the base snapshot,
    0 on your own hardware, else None (unknown)."""
    if provider == "local":
        return 0.0
    overrides = validate_training_prices(prices)
    name = (model or "").strip()
    for candidate in (name, name.lower(), base_snapshot(name)):
        if candidate in overrides:
            return overrides[candidate]
    key = base_snapshot(name)
    if key in DEFAULT_TRAINING_PRICES:
        return DEFAULT_TRAINING_PRICES[key]
    family = _DATED.sub("", key)
    return DEFAULT_TRAINING_PRICES.get(_ALIASES.get(family, ""))  # another snapshot: its family's price


@dataclass(frozen=True)
class CostEstimate:
    """Training tokens and cost; ``cost`` None when the price is unknown."""

    model: str
    provider: str
    epochs: int
    tokens_per_epoch: int
    trained_tokens: int
    price_per_million: float | None
    cost: float | None

    def to_dict(self) -> dict:
        return {
            "model": self.model,
            "provider": self.provider,
            "epochs": self.epochs,
            "tokens_per_epoch": self.tokens_per_epoch,
            "trained_tokens": self.trained_tokens,
            "price_per_million": self.price_per_million,
            "cost": self.cost,
        }


def estimate_cost(
    tokens_per_example: list[int],
    model: str,
    provider: str,
    epochs: int = DEFAULT_EPOCHS,
    prices: Mapping[str, Any] | None = None,
) -> CostEstimate:
    """Tokens trained over ``epochs`` and their cost. An example longer than the provider's limit
    is cut to it before billing, as OpenAI's own data-preparation guide counts."""
    if isinstance(epochs, bool) or not isinstance(epochs, int) or not 1 <= epochs <= 50:
        raise AppError(
            phrase(
                translate("FinetuneErrors", "Epochs must be a whole number from 1 to 50, not “{epochs}”."),
                epochs=epochs,
            ),
            translate("FinetuneErrors", "Start with 3."),
        )
    cap = example_token_limit(provider, model)
    per_epoch = sum(min(n, cap) if cap else n for n in tokens_per_example)
    trained = per_epoch * epochs
    price = training_price(model, provider, prices)
    return CostEstimate(
        model, provider, epochs, per_epoch, trained, price, None if price is None else trained * price / 1_000_000
    )
