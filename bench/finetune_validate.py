"""How long the fine-tuning helper takes to build and check a training set (prints figures).

`.venv/bin/python bench/finetune_validate.py` — synthetic pools of N examples against N
evaluation rows, texts drawn from a small vocabulary so near matches are common; the check is
all of it: tokens, exact and near duplicates, exact and near leaks (rapidfuzz, chunked).
"""

from __future__ import annotations

import random
import time

from desktop_app.core.finetune import build, findings
from desktop_app.core.records import Row
from desktop_app.core.variants.variant import preset

WORDS = (
    "drone",
    "battery",
    "warranty",
    "rotor",
    "camera",
    "return",
    "delivery",
    "plant",
    "sensor",
    "firmware",
    "update",
    "charge",
    "flight",
    "range",
    "speed",
)


def main() -> None:
    rng = random.Random(1)

    def text(n: int, tag: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n)) + f" {tag}?"

    print("| pool × evaluation rows | build | check | findings | tokens |")
    print("|---|---:|---:|---:|---:|")
    for n in (1_000, 5_000, 10_000):
        pool = [Row(id=f"p{i}", input=text(12, i), expected=text(30, i)) for i in range(n)]
        evaluation = [Row(id=f"e{i}", input=text(12, i + n), expected="x") for i in range(n)]
        started = time.perf_counter()
        training = build.build_training_set(preset("instructions"), pool)
        built = time.perf_counter()
        found, tokens = findings.validate(training, evaluation)
        checked = time.perf_counter()
        print(f"| {n:,} × {n:,} | {built - started:.2f} s | {checked - built:.2f} s | {len(found)} | {sum(tokens):,} |")


if __name__ == "__main__":
    main()
