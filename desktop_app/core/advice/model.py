"""The advisor's output: immutable records plus ``Diagnosis.to_dict()``, the `advise --json` contract.

Evidence is the data of a sentence (numbers, row ids, run names), never prose: the ui and
the report word it in the user's language. Checklist ids are stable because the ui translates them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop_app.core.run.scoring import per_request

# Keys of `advise --json` fixed by the issue; EXTENSION_KEYS are additions (extend, never rename).
CONTRACT_KEYS = ("recommendation", "confidence", "target", "gaps", "evidence", "checklist", "runs")
EXTENSION_KEYS = (
    "from_run",
    "baseline_run",
    "errors",
    "checklist_details",
    "unsure",
    "agreement",
    "rows",
    "min_detectable",
    "focus",
    "confidence_level",
    "confidence_reasons",
    "row_inputs",
)
GAP_KEYS = ("knowledge", "behaviour", "retrieval", "generation")
EVIDENCE_KEYS = ("kind", "numbers", "rows", "runs")
RUN_CONTRACT_KEYS = (
    "name",
    "techniques",
    "technique_position",
    "diagnosis_position",
    "content_score",
    "behaviour_score",
    "pass_rate",
    "tokens_per_request",
    "cost",
    "latency_p50",
)
RUN_EXTENSION_KEYS = (
    "id",
    "order",
    "cell_index",
    "cell_count",
    "rows",
    "errors",
    "gaps",
    "is_rag",
    "imported",
    "status",
    "cost_per_1k",
    "unsure",
    "label",
)
CHECKLIST_KEYS = ("id", "costly", "done", "numbers")


def _r(value: float | None, places: int = 4) -> float | None:
    return None if value is None else round(float(value), places)


@dataclass(frozen=True)
class Evidence:
    """One fact behind the advice, e.g. kind "technique_fixed", numbers {fixed: 10, of: 12, share: 0.83}."""

    kind: str
    numbers: dict[str, Any] = field(default_factory=dict, hash=False)
    rows: tuple[str, ...] = ()
    runs: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"kind": self.kind, "numbers": dict(self.numbers), "rows": list(self.rows), "runs": list(self.runs)}


@dataclass(frozen=True)
class ChecklistItem:
    """A concrete step of the recommended move; ``done`` when a measured run already took it."""

    id: str
    costly: bool = False
    done: bool = False
    numbers: dict[str, Any] = field(default_factory=dict, hash=False)

    def to_dict(self) -> dict:
        return {"id": self.id, "costly": self.costly, "done": self.done, "numbers": dict(self.numbers)}


@dataclass(frozen=True)
class RunPoint:
    """One run as both grid maps draw it."""

    id: int
    name: str
    techniques: tuple[str, ...]
    order: int  # the technique map's arrows follow this order
    technique_position: tuple[int, int]
    cell_index: int  # runs sharing a grid cell: 0, 1, 2 ... in order made (the ui offsets them)
    cell_count: int
    content_score: float
    behaviour_score: float
    pass_rate: float
    rows: int
    errors: int
    gaps: dict[str, int] = field(hash=False)
    is_rag: bool = False
    imported: bool = False
    status: str = ""
    tokens_per_request: float | None = None
    cost: float | None = 0.0  # USD for the whole run; None: some row's price is unknown
    latency_p50: float | None = None
    unsure: int = 0  # rows whose content verdict is unsure: not gaps, out of the scores
    label: str = ""  # what the run is called on screen ("Few-shot (k=3)" for a run named few_shot)

    @property
    def diagnosis_position(self) -> tuple[float, float]:
        """(behaviour score, content score): low content needs context work, low behaviour LLM work."""
        return self.behaviour_score, self.content_score

    @property
    def cost_per_1k(self) -> float | None:
        answered = self.rows - self.errors
        return per_request(self.cost, answered, 1000) if self.cost else None

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "techniques": list(self.techniques),
            "technique_position": list(self.technique_position),
            "diagnosis_position": [_r(self.behaviour_score), _r(self.content_score)],
            "content_score": _r(self.content_score),
            "behaviour_score": _r(self.behaviour_score),
            "pass_rate": _r(self.pass_rate),
            "tokens_per_request": _r(self.tokens_per_request, 1),
            "cost": _r(self.cost, 6),
            "latency_p50": _r(self.latency_p50, 3),
            "id": self.id,
            "order": self.order,
            "cell_index": self.cell_index,
            "cell_count": self.cell_count,
            "rows": self.rows,
            "errors": self.errors,
            "gaps": {k: int(self.gaps.get(k, 0)) for k in GAP_KEYS},
            "is_rag": self.is_rag,
            "imported": self.imported,
            "status": self.status,
            "cost_per_1k": _r(self.cost_per_1k, 6),
            "unsure": self.unsure,
            "label": self.label or self.name,
        }


@dataclass(frozen=True)
class Diagnosis:
    recommendation: str  # one of records.RECOMMENDATIONS
    confidence: float  # 0..1, see advisor.diagnose for the formula
    target: float
    from_run: str  # the run the advice starts from; ``gaps`` are its row counts
    baseline_run: str
    gaps: dict[str, int] = field(hash=False)
    errors: int = 0  # rows of from_run without an output: not gaps, a connection matter
    unsure: int = 0  # rows of from_run whose content verdict is unsure: not gaps, awaiting a judge or review
    evidence: tuple[Evidence, ...] = ()
    checklist: tuple[ChecklistItem, ...] = ()
    runs: tuple[RunPoint, ...] = ()
    # How often the automatic content verdicts agree with the person's (reviews.measure().to_dict():
    # count, agreed, share, kappa, unsure); None until a person has reviewed an answer.
    agreement: dict | None = field(default=None, hash=False, compare=False)
    rows: int = 0  # evaluation rows the advice's run was scored on
    # The smallest difference in pass rate these rows can tell from chance (5% level, 80% power,
    # for the discordance seen between the baseline and the advice's run); None: none can.
    min_detectable: float | None = None
    # The move's focus: "" | "grounding" | "add_documents" | "on_rag" (rules.Decision.flavour).
    focus: str = ""
    # The confidence in words and the reasons that lowered it (diagnose.confidence_words).
    confidence_level: str = "high"
    confidence_reasons: tuple[str, ...] = ()
    # The start of each linked row's input (about 60 characters), so rows read as questions.
    row_inputs: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    @property
    def target_corner(self) -> tuple[float, float]:
        return self.target, self.target

    def evidence_of(self, kind: str) -> list[Evidence]:
        return [e for e in self.evidence if e.kind == kind]

    def to_dict(self) -> dict:
        return {
            "recommendation": self.recommendation,
            "confidence": _r(self.confidence, 3),
            "target": self.target,
            "gaps": {k: int(self.gaps.get(k, 0)) for k in GAP_KEYS},
            "evidence": [e.to_dict() for e in self.evidence],
            "checklist": [c.id for c in self.checklist],
            "runs": [r.to_dict() for r in self.runs],
            "from_run": self.from_run,
            "baseline_run": self.baseline_run,
            "errors": self.errors,
            "checklist_details": [c.to_dict() for c in self.checklist],
            "unsure": self.unsure,
            "agreement": self.agreement,
            "rows": self.rows,
            "min_detectable": self.min_detectable,
            "focus": self.focus,
            "confidence_level": self.confidence_level,
            "confidence_reasons": list(self.confidence_reasons),
            "row_inputs": dict(self.row_inputs),
        }
