"""Chat-format training examples from the examples pool, split into training and validation.

Each example is the exact conversation the tuned model will see at run time (the variant's
system prompt and template, no few-shot examples: the training replaces them) followed by the
expected answer as the assistant turn. The registered ``fine_tuned`` variant keeps the same
prompt (``TrainingSet.prompt``), because a tuned model answers best to what it was trained on.
The split is by a seeded hash of the row id, so re-preparing gives the same files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from hashlib import blake2b
from pathlib import Path
from typing import Sequence

from desktop_app.core.errors import AppError
from desktop_app.core.phrases import phrase, translate
from desktop_app.core.project.folder import atomic_write_text
from desktop_app.core.records import Row
from desktop_app.core.variants.variant import Variant, build_messages, load_variants, preset

DEFAULT_VALIDATION_SHARE = 0.1
# Below this many examples a validation file takes too much from training to be worth it.
MIN_FOR_VALIDATION = 20


@dataclass(frozen=True)
class Example:
    """One training conversation and where it came from."""

    row_id: str
    messages: tuple[dict, ...]
    split: str  # "train" | "validation"
    line: int  # 1-based line in its file
    source_input: str = ""  # the pool row's input, before the template wrapped it (for leak checks)

    def to_json(self) -> str:
        return json.dumps({"messages": list(self.messages)}, ensure_ascii=False)


@dataclass(frozen=True)
class TrainingSet:
    train: tuple[Example, ...]
    validation: tuple[Example, ...]
    variant: str
    prompt: dict = field(default_factory=dict)  # {"system", "template"} the tuned variant should use
    pool_size: int = 0  # examples in the pool before reviewed-only filtering
    reviewed_only: bool = False

    @property
    def examples(self) -> tuple[Example, ...]:
        return self.train + self.validation


def training_variant(project, name: str | None = None) -> Variant:
    """The variant whose prompt the examples carry: the named one, else the project's
    "instructions" variant, else the Instructions preset. Few-shot and RAG are dropped: the
    training itself teaches by example, and passages belong to the RAG variant at run time."""
    variants = {v.name: v for v in load_variants(project)} if project is not None else {}
    if name:
        if name in variants:
            chosen = variants[name]
        else:
            try:
                chosen = preset(name)
            except AppError:
                raise AppError(
                    phrase(
                        translate("FinetuneErrors", "There is no variant called “{name}” in this project."), name=name
                    ),
                    phrase(translate("FinetuneErrors", "Choose from: {choices}."), choices=", ".join(variants))
                    if variants
                    else translate("FinetuneErrors", "Choose one of the presets."),
                ) from None
    else:
        chosen = variants.get("instructions") or preset("instructions")
    if chosen.uses_retrieval:
        chosen = replace(
            chosen, template="{input}", techniques=tuple(t for t in chosen.techniques if t not in ("rag", "rag_tuned"))
        )
    return replace(chosen, k=0)


def _is_validation(row_id: str, seed: int, share: float) -> bool:
    digest = blake2b(f"ft:{seed}:{row_id}".encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little") / 2**64 < share


def build_training_set(
    variant: Variant,
    pool: Sequence[Row],
    *,
    validation_share: float = DEFAULT_VALIDATION_SHARE,
    seed: int = 0,
    keep_ids: set[str] | None = None,
) -> TrainingSet:
    """Examples from ``pool`` (only rows in ``keep_ids`` when given) with ``variant``'s prompt."""
    if not 0 <= validation_share < 0.5:
        raise AppError(
            phrase(
                translate("FinetuneErrors", "The validation share must be from 0 to 0.5, not {share}."),
                share=validation_share,
            ),
            translate("FinetuneErrors", "Use e.g. 0.1: one example in ten checks the training."),
        )
    rows = [r for r in pool if keep_ids is None or r.id in keep_ids]
    share = validation_share if len(rows) >= MIN_FOR_VALIDATION else 0.0
    train: list[Example] = []
    validation: list[Example] = []
    for row in rows:
        messages = build_messages(variant, row) + [{"role": "assistant", "content": row.expected}]
        target = validation if share and _is_validation(row.id, seed, share) else train
        target.append(
            Example(
                row.id, tuple(messages), "validation" if target is validation else "train", len(target) + 1, row.input
            )
        )
    prompt = {"system": variant.system, "template": variant.template}
    return TrainingSet(tuple(train), tuple(validation), variant.name, prompt, len(pool), keep_ids is not None)


def reviewed_right_ids(project) -> set[str]:
    """Row ids a person reviewed as right in any run (their answer was checked by a human)."""
    if not project.results_db.exists():
        return set()
    from desktop_app.core.run.store import ResultStore  # noqa: PLC0415 - sqlite only when asked

    with ResultStore(project.results_db) as store:
        return {
            r.row_id
            for run in store.runs()
            for r in store.results(run.id)
            if any(v.check == "review" and v.passed for v in r.verdicts)
        }


def write_jsonl(examples: Sequence[Example], path: str | Path) -> Path:
    """UTF-8 JSONL, one conversation a line, written atomically (a crash leaves no half file)."""
    path = Path(path)
    atomic_write_text(path, "".join(e.to_json() + "\n" for e in examples))
    return path


def validation_path(train_path: str | Path) -> Path:
    """Where the validation file goes beside OUT.jsonl: OUT.validation.jsonl."""
    p = Path(train_path)
    return p.with_name(p.stem + ".validation" + (p.suffix or ".jsonl"))
