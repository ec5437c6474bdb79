"""One call for the CLI and the dialog: build, validate and price a project's training set."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop_app.core.errors import AppError
from desktop_app.core.phrases import translate
from desktop_app.core.finetune import findings as checks
from desktop_app.core.finetune import limits
from desktop_app.core.finetune.build import (
    DEFAULT_VALIDATION_SHARE,
    TrainingSet,
    build_training_set,
    reviewed_right_ids,
    training_variant,
)


@dataclass(frozen=True)
class Prepared:
    """A training set with its findings and cost, as the CLI prints and the dialog shows it."""

    training: TrainingSet
    findings: tuple[Any, ...]
    estimate: Any
    tokens: tuple[int, ...]  # per example, train then validation

    def longest(self) -> tuple[int, str]:
        """(tokens, row id) of the longest example; (0, "") for an empty set."""
        pairs = list(zip(self.tokens, (e.row_id for e in self.training.examples)))
        return max(pairs, default=(0, ""))

    def to_dict(self) -> dict:
        t = self.training
        tokens_max, longest_row = self.longest()
        return {
            "variant": t.variant,
            "prompt": t.prompt,
            "pool": t.pool_size,
            "reviewed_only": t.reviewed_only,
            "train": len(t.train),
            "validation": len(t.validation),
            "tokens_total": sum(self.tokens),
            "tokens_max": tokens_max,
            "tokens_max_row": longest_row,
            "tokens_limit": limits.example_token_limit(self.estimate.provider, self.estimate.model),
            "examples": [
                {"row": e.row_id, "split": e.split, "line": e.line, "tokens": n}
                for e, n in zip(t.examples, self.tokens)
            ],
            "estimate": self.estimate.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
        }


def prepare(
    project,
    *,
    variant: str | None = None,
    validation_share: float = DEFAULT_VALIDATION_SHARE,
    seed: int = 0,
    reviewed_only: bool = False,
    provider: str = "openai",
    model: str = "gpt-4o-mini",
    epochs: int = 3,
    near: float = 90.0,
    should_stop=None,
) -> Prepared:
    """Build, validate and price a project's training set (nothing is written or sent)."""
    from desktop_app.core.data.rows import load_rows  # noqa: PLC0415 - pandas

    rows, pool = load_rows(project)
    if not pool:
        raise AppError(
            translate("FinetuneErrors", "This project has no examples pool to train on."),
            translate("FinetuneErrors", "Set some rows aside as examples under Data (e.g. 50), then prepare again."),
        )
    keep = reviewed_right_ids(project) if reviewed_only else None
    chosen = training_variant(project, variant)
    training = build_training_set(chosen, pool, validation_share=validation_share, seed=seed, keep_ids=keep)
    found, tokens = checks.validate(
        training, rows, provider=provider, model=model, project=project, near=near, should_stop=should_stop
    )
    estimate = limits.estimate_cost(
        list(tokens[: len(training.train)]), model, provider, epochs, limits.project_overrides(project)
    )
    return Prepared(training, tuple(found), estimate, tuple(tokens))
