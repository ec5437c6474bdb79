"""How often automatic content verdicts agree with a person's, as a share and as Cohen's kappa.

Advice is only as true as its verdicts, so the app shows this beside every score. Kappa is
computed here in a few lines (observed vs chance agreement over the labels both raters used):
scikit-learn has it, but would add tens of MB to the standalone build for one formula.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

OUTCOMES = ("right", "wrong", "unsure")


@dataclass(frozen=True)
class Agreement:
    """Automatic vs person over the rows both judged."""

    count: int  # rows compared
    agreed: int
    kappa: float | None  # None: too few rows, or both raters used one label only
    unsure: int = 0  # rows the automatic side left unsure (counted as disagreement unless left out)

    @property
    def share(self) -> float | None:
        return self.agreed / self.count if self.count else None

    def to_dict(self) -> dict:
        return {
            "count": self.count,
            "agreed": self.agreed,
            "share": self.share,
            "kappa": self.kappa,
            "unsure": self.unsure,
        }


def cohen_kappa(first: list[str], second: list[str]) -> float | None:
    """Cohen's kappa of two raters' labels (same length). None when chance agreement is total."""
    n = len(first)
    if n == 0 or n != len(second):
        return None
    observed = sum(a == b for a, b in zip(first, second)) / n
    ca, cb = Counter(first), Counter(second)
    expected = sum(ca[label] * cb[label] for label in set(ca) | set(cb)) / (n * n)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def agreement(pairs: Iterable[tuple[str | None, str | None]], *, skip_unsure: bool = False) -> Agreement:
    """Agreement of (automatic outcome, person's label) pairs; pairs with a None side are left out.

    ``skip_unsure``: rows the automatic side left unsure are left out (agreement on decided rows,
    with ``unsure`` saying how many); otherwise an unsure verdict counts as a disagreement.
    """
    auto, person, unsure = [], [], 0
    for a, p in pairs:
        if a is None or p is None:
            continue
        if a == "unsure":
            unsure += 1
            if skip_unsure:
                continue
        auto.append(a)
        person.append(p)
    agreed = sum(a == p for a, p in zip(auto, person))
    return Agreement(count=len(auto), agreed=agreed, kappa=cohen_kappa(auto, person), unsure=unsure)
