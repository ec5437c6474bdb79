"""Paired statistics for two runs over the same rows: could the difference be chance?

Each row passed or failed in both runs, so the comparison is paired: only the discordant rows
(fixed: failed before, passes after; broken: the other way) carry information.

- p-value: the exact two-sided McNemar test, i.e. a binomial sign test on the discordant rows
  (``math.comb``; scipy would add ~100 MB to the standalone build for these few lines).
- 95% interval for the difference in pass rate: Newcombe's method 10 for paired proportions
  (Wilson score intervals of both pass rates, combined with the phi correlation of the pairs),
  which stays inside [-1, 1] and behaves with few rows, unlike the Wald interval.
- rows to settle it and the smallest detectable difference: the normal approximation of the
  McNemar test's power (Connor 1987) at a two-sided 5% level and 80% power, for the observed
  share of discordant rows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

ALPHA = 0.05
Z_ALPHA = 1.959964  # two-sided 5%
Z_BETA = 0.841621  # 80% power


@dataclass(frozen=True)
class Paired:
    rows: int  # rows both runs answered or failed (the pairs)
    fixed: int
    broken: int
    both_pass: int
    p_value: float
    ci95: tuple[float, float]  # difference in pass rate (after - before), fractions
    difference: float

    @property
    def significant(self) -> bool:
        return self.p_value < ALPHA

    def numbers(self) -> dict:
        return {
            "fixed": self.fixed,
            "broken": self.broken,
            "p_value": round(self.p_value, 4),
            "ci95": [round(self.ci95[0], 4), round(self.ci95[1], 4)],
            "rows_to_settle": rows_to_settle(self.difference, self.discordance, self.rows),
        }

    @property
    def discordance(self) -> float:
        return (self.fixed + self.broken) / self.rows if self.rows else 0.0


def mcnemar_exact(fixed: int, broken: int) -> float:
    """Two-sided exact p-value of the sign test on the discordant pairs (1.0 when there are none)."""
    n = fixed + broken
    if n == 0:
        return 1.0
    k = min(fixed, broken)
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2**n
    return min(1.0, 2 * tail)


def wilson(successes: int, n: int, z: float = Z_ALPHA) -> tuple[float, float]:
    if n == 0:
        return 0.0, 1.0
    p = successes / n
    centre = p + z * z / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    denom = 1 + z * z / n
    return max(0.0, (centre - half) / denom), min(1.0, (centre + half) / denom)


def newcombe_paired(both: int, broken: int, fixed: int, neither: int) -> tuple[float, float]:
    """95% interval of (after - before) pass rate; ``broken``: passed before only, ``fixed``: after only."""
    n = both + broken + fixed + neither
    if n == 0:
        return -1.0, 1.0
    p1, p2 = (both + broken) / n, (both + fixed) / n
    l1, u1 = wilson(both + broken, n)
    l2, u2 = wilson(both + fixed, n)
    denom = (both + broken) * (fixed + neither) * (both + fixed) * (broken + neither)
    phi = 0.0 if denom == 0 else (both * neither - broken * fixed) / math.sqrt(denom)
    diff = p2 - p1
    delta = math.sqrt(max(0.0, (p2 - l2) ** 2 - 2 * phi * (p2 - l2) * (u1 - p1) + (u1 - p1) ** 2))
    eps = math.sqrt(max(0.0, (u2 - p2) ** 2 - 2 * phi * (u2 - p2) * (p1 - l1) + (p1 - l1) ** 2))
    return max(-1.0, diff - delta), min(1.0, diff + eps)


def rows_needed(difference: float, discordance: float) -> int | None:
    """Rows a paired comparison needs to tell ``difference`` from chance (5%, 80% power)."""
    d = abs(difference)
    if d == 0:
        return None
    psi = max(discordance, d)
    n = (Z_ALPHA * math.sqrt(psi) + Z_BETA * math.sqrt(max(0.0, psi - d * d))) ** 2 / (d * d)
    return math.ceil(n)


def rows_to_settle(difference: float, discordance: float, rows: int) -> int | None:
    """Rows needed for the observed difference; None when there is none, or these rows suffice."""
    needed = rows_needed(difference, discordance)
    return needed if needed is not None and needed > rows else None


def min_detectable(rows: int, discordance: float) -> float | None:
    """The smallest difference in pass rate ``rows`` pairs can tell from chance at 5% with 80%
    power, for this share of discordant rows (at least the share one row makes)."""
    if rows <= 0:
        return None
    lo, hi = 1.0 / rows, 1.0
    if (rows_needed(hi, discordance) or 0) > rows:
        return None  # no difference can be told from chance with this few rows
    for _ in range(40):
        mid = (lo + hi) / 2
        if (rows_needed(mid, discordance) or 0) <= rows:
            hi = mid
        else:
            lo = mid
    return round(hi, 4)


def paired(both: int, broken: int, fixed: int, neither: int) -> Paired:
    n = both + broken + fixed + neither
    return Paired(
        rows=n,
        fixed=fixed,
        broken=broken,
        both_pass=both,
        p_value=mcnemar_exact(fixed, broken),
        ci95=newcombe_paired(both, broken, fixed, neither),
        difference=(fixed - broken) / n if n else 0.0,
    )
