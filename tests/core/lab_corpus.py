"""A knowledge base whose default chunking (600 characters) splits every answer: each device's
reset procedure is twelve steps (about 650 characters) after an introduction, so the later steps
fall into a chunk that shares no words with the question, and a chunk of 1,000 holds it whole."""

from __future__ import annotations

import random
from pathlib import Path

DEVICES = [
    "Orion Aurora",
    "Vela Breeze",
    "Lyra Comet",
    "Helix Nova",
    "Juno Flux",
    "Atlas Jet",
    "Nimbus Arc",
    "Polaris Drift",
    "Cygnus Pulse",
    "Draco Wave",
    "Hydra Glow",
    "Carina Mist",
    "Pavo Spark",
    "Lupus Tide",
    "Orion Ridge",
    "Vela Storm",
    "Lyra Quill",
    "Helix Prism",
    "Juno Ember",
    "Atlas Frost",
]
PARTS = ["dial", "lever", "switch", "latch", "knob", "tab", "clip", "panel", "cover", "filter", "valve", "pin"]
INTRO = (
    "The {d} keeps its calibration in a sealed memory module. A reset clears every stored profile, "
    "the schedule and the network pairing, and returns the {d} to the state it left the factory in. "
    "Unplug every accessory first and keep the unit upright on a flat surface while you work."
)


def _code(rng: random.Random) -> str:
    return f"{rng.choice('BCDFGHJKLMNPRSTVWXZ')}{rng.randint(100, 999)}"


def build(folder: Path, seed: int = 3) -> list[tuple[str, str, str]]:
    """Write the manuals into ``folder``; return (id, question, expected answer) rows."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for n, device in enumerate(DEVICES):
        # Setting codes of their own in each step: what makes half a procedure half an answer.
        steps = [
            f"{i}. Set the {rng.choice(PARTS)} to {_code(rng)}, then {_code(rng)}, then {_code(rng)}."
            for i in range(1, 13)
        ]
        text = (
            f"# {device} service manual\n\n## Resetting the {device}\n\n{INTRO.format(d=device)}\n"
            + "\n".join(steps)
            + "\n\n## Cleaning\n\nWipe the housing with a dry cloth. Never use solvents.\n"
        )
        (folder / f"{device.lower().replace(' ', '_')}.md").write_text(text, encoding="utf-8")
        rows.append((f"r{n}", f"How do I reset the {device}?", " ".join(steps)))
    return rows
