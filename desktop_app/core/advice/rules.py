"""The decision: which move the measured runs point to, following the DevDay talk's framework.

Start with prompt engineering; move along the context axis (RAG, better retrieval) for what the
model must know and along the LLM axis (few-shot, fine-tuning) for how it must act; measure
each step against the baseline; the path need not be linear. Each rule returns the move, the
margin of the comparison that decided it, how far the move's premise was measured, and the
evidence that supports it (listed first in the diagnosis).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.core.advice import evidence as ev
from desktop_app.core.advice.model import Evidence
from desktop_app.core.advice.stats import RunStats, compare, error_numbers, reference_run, sorted_ids

LARGE = 0.10  # a gap on >= 10% of the answered rows is "large": alone it costs 10 points of pass rate
RETRIEVAL_SUBSTANTIAL = 0.15  # retrieval gaps on >= 15% of rows: tune retrieval, not just adopt RAG
FIX_LARGE = 0.5  # RAG fixed at least half of the baseline's knowledge-gap rows
TOKEN_RATIO_LARGE = 2.0  # few-shot doubling the tokens per request pushes toward fine-tuning
BALANCED = 1 / 3  # both gap families hold at least a third of the failures

# The techniques each move adds, to check the move against measured regressions.
MOVE_TECHNIQUES = {
    "prompt_engineering": frozenset({"instructions", "step_by_step", "few_shot"}),
    "rag": frozenset({"rag"}),
    "improve_retrieval": frozenset({"rag_tuned"}),
    "fine_tuning": frozenset({"fine_tuned"}),
    "fine_tuning_and_rag": frozenset({"fine_tuned", "rag"}),
    "stronger_model": frozenset(),
    "good_enough": frozenset(),
}
CHANCE = 0.05  # a comparison with p >= this could be chance: it never decides a move by itself
MOSTLY_ABSENT = 0.5  # at least half the rows retrieval missed have no document holding the answer


@dataclass(frozen=True)
class Decision:
    recommendation: str
    margin: float  # 0..1: how clearly the deciding comparison came out
    measured: float  # 0..1: 1 when the step's premise was measured, lower when inferred
    support: tuple[Evidence, ...] = ()
    # The move's focus, shown in the headline: "grounding" (generation gaps), "add_documents"
    # (the documents hold none of the missing answers), "on_rag" (the next move on top of RAG).
    flavour: str = ""
    extra: dict = field(default_factory=dict, hash=False)  # numbers the checklist shows


@dataclass(frozen=True)
class Situation:
    """What has been measured so far; ``start`` is the run the advice starts from."""

    runs: tuple[RunStats, ...]
    start: RunStats
    baseline: RunStats
    target: float
    pool: int
    readiness: dict | None
    # Rows whose expected answer no document holds (knowledge.coverage), when that was measured.
    not_in_documents: frozenset[str] = frozenset()

    def tried(self, *techniques: str) -> bool:
        return any(set(techniques) & set(r.techniques) for r in self.runs if r.scored)

    @property
    def rag_tried(self) -> bool:
        """A RAG run answered: by its techniques, or (imported runs) by its retrieval verdicts."""
        return any(r.is_rag and r.scored for r in self.runs)

    def best(self, runs) -> RunStats | None:
        return best_run(list(runs))

    @property
    def grounding_tried(self) -> bool:
        """Prompt work on top of RAG measured: two differently named RAG runs, one with prompt techniques."""
        rag = [r for r in self.runs if r.is_rag and r.scored]
        return len({r.name for r in rag}) >= 2 and any(r.prompt_techniques for r in rag)

    @property
    def models_tried(self) -> int:
        """Different models measured with RAG (a variant naming another model is a step of its own)."""
        return len({r.model for r in self.runs if r.is_rag and r.scored})


def rank_key(run: RunStats) -> tuple:
    """Best first: pass rate, then both scores, then the simpler and cheaper run, then the earlier one."""
    x, y = run.position
    tokens = run.tokens_per_request if run.tokens_per_request is not None else float("inf")
    return (
        -round(run.pass_rate, 9),
        -round(run.content_score + run.behaviour_score, 9),
        x + y,
        round(tokens, 6),
        run.order,
    )


def best_run(runs: list[RunStats]) -> RunStats | None:
    """The best run, preferring runs that cover the whole evaluation set; among the candidates
    only those that answered at least half as many rows as the largest one.

    A partial run (an import of half the rows, a run cancelled after five lucky rows) must not
    outrank a full run, nor pass for "good enough".
    """
    scored = [r for r in runs if r.scored]
    if not scored:
        return None
    pool = [r for r in scored if r.covers_all] or scored
    floor = 0.5 * max(r.rows for r in pool)
    return min((r for r in pool if r.rows >= floor), key=rank_key)


def _clip(x: float) -> float:
    return max(0.0, min(1.0, x))


def decide(s: Situation) -> Decision:
    f = s.start
    n, b_rows, ctx_rows = f.scored, f.count("behaviour"), f.knowledge_side
    if f.pass_rate >= s.target and f.covers_all:
        return _good_enough(s)
    if b_rows + ctx_rows == 0:  # only errors (or rows never run) fail: nothing to diagnose until they answer
        return _current_step(s)
    # The axes are weighed with partial credit: an answer missing one fact of five is a smaller gap.
    b, ctx = f.weight("behaviour"), f.weight("knowledge", "retrieval", "generation")
    fails = b + ctx
    side_margin = abs(ctx - b) / fails
    if (
        s.rag_tried
        and s.tried("few_shot")
        and ctx_rows / n >= LARGE
        and b_rows / n >= LARGE
        and min(ctx, b) / fails >= BALANCED
    ):
        # Both gaps remain after the cheap steps on both axes: the talk's last Spider step.
        return _both(s, margin=2 * min(ctx, b) / fails)
    if b and b >= ctx and not s.tried("instructions", "step_by_step", "few_shot"):
        return Decision("prompt_engineering", side_margin, 0.8, tuple(ev.gap_share(f, "behaviour")))
    if ctx >= b:
        return _context_axis(s, side_margin)
    return _llm_axis(s, side_margin)


def current_move(run: RunStats) -> str:
    """The move a run already stands on: the rung of the ladder its techniques reached."""
    t = set(run.techniques)
    if "fine_tuned" in t:
        return "fine_tuning_and_rag" if run.is_rag else "fine_tuning"
    if "rag_tuned" in t:
        return "improve_retrieval"
    return "rag" if run.is_rag else "prompt_engineering"


def _current_step(s: Situation) -> Decision:
    """Every failure is an error (no output) or a row the run lacks: nothing new is measured.

    Stay on the current step (fix the errors, run every row, measure again) rather than
    recommend a technique no failure points to; the errors lead the evidence and the low
    ``measured`` keeps the confidence low.
    """
    f = s.start
    support = []
    if f.errors:
        support.append(Evidence("errors", error_numbers(f), f.rows_of("error"), (f.name,)))
    numbers = {"pass_rate": round(f.pass_rate, 4), "target": s.target, "rows": f.total}
    if f.missing:
        numbers["missing"] = len(f.missing)
    support.append(Evidence("pass_rate", numbers, f.missing, (f.name,)))
    return Decision(current_move(f), 0.0, 0.3, tuple(support))


def _good_enough(s: Situation) -> Decision:
    f = s.start
    margin = _clip((f.pass_rate - s.target) / max(1.0 - s.target, 0.05))
    support = [
        Evidence("pass_rate", {"pass_rate": round(f.pass_rate, 4), "target": s.target, "rows": f.total}, (), (f.name,))
    ]
    cheaper = None
    meeting = [
        (r.tokens_per_request, r)
        for r in s.runs
        if r.pass_rate >= s.target and r.covers_all and r.tokens_per_request is not None
    ]
    reference = f.tokens_per_request
    if reference is not None and meeting:
        tokens, cheapest = min(meeting, key=lambda m: (round(m[0], 6), m[1].order))
        if cheapest is not f and tokens < reference:
            cheaper = {
                "pass_rate": round(cheapest.pass_rate, 4),
                "tokens_per_request": round(tokens, 1),
                "reference_tokens_per_request": round(reference, 1),
            }
            support.append(Evidence("cheaper_run", dict(cheaper), (), (f.name, cheapest.name)))
    return Decision("good_enough", margin, 1.0, tuple(support), extra={"cheaper": cheaper})


def _both(s: Situation, margin: float) -> Decision:
    f = s.start
    support = ev.gap_shares(f)
    rag = s.best(r for r in s.runs if r.is_rag)
    few = s.best(r for r in s.runs if "few_shot" in r.techniques)
    for run in dict.fromkeys(x for x in (rag, few) if x is not None and x is not s.baseline):
        support += ev.technique_fixed(compare(s.baseline, run))
    cost = _few_shot_cost(s, few)
    return Decision(
        "fine_tuning_and_rag",
        _clip(margin),
        1.0,
        tuple(support + cost["evidence"]),
        "on_rag" if f.is_rag else "",
        extra={"token_cost": cost["numbers"], "retrieval_gaps": f.count("retrieval")},
    )


def _absent(s: Situation, run: RunStats, *kinds: str) -> Evidence | None:
    """The run's gap rows whose answer is in no document, when they are most of those gaps."""
    rows = run.rows_of(*kinds)
    absent = sorted_ids(set(rows) & s.not_in_documents)
    if not rows or len(absent) / len(rows) < MOSTLY_ABSENT:
        return None
    return Evidence(
        "not_in_documents",
        {"count": len(absent), "of": len(rows), "share": round(len(absent) / len(rows), 4)},
        absent,
        (run.name,),
    )


def _context_axis(s: Situation, side_margin: float) -> Decision:
    f = s.start
    if not s.rag_tried:
        share = ev.readiness_share(s.readiness)
        # Documents that hold the answers make RAG's premise measured; documents that do not, doubtful.
        measured = 0.6 if share is None else 0.45 + 0.45 * share
        support = ev.gap_share(f, "knowledge") + ([ev.readiness(s.readiness)] if s.readiness else [])
        absent = _absent(s, f, "knowledge")
        return Decision(
            "rag",
            side_margin,
            measured,
            tuple(([absent] if absent else []) + support),
            "add_documents" if absent else "",
            extra={"readiness_share": share, "not_in_documents": absent.rows if absent else ()},
        )
    rag = f if f.is_rag else s.best(r for r in s.runs if r.is_rag)
    assert rag is not None  # rag_tried: a RAG run answered, so there is a best one
    k, r, g = rag.count("knowledge"), rag.count("retrieval"), rag.count("generation")
    ctx = k + r + g
    # What RAG fixed of the baseline's knowledge-gap rows, on the same rows (None: nothing to compare).
    support = (
        [e for e in ev.technique_fixed(compare(s.baseline, rag)) if e.numbers["gap"] == "knowledge"]
        if rag is not s.baseline
        else []
    )
    fix_share = support[0].numbers["share"] if support else None
    chance = bool(support) and support[0].numbers.get("p_value", 0.0) >= CHANCE
    cost = ev.token_cost(s.baseline, rag) if rag is not s.baseline else []
    if g and g > r and g >= k:
        sub_margin = (g - max(r, k)) / ctx
        support = ev.gap_share(rag, "generation") + support
        if s.grounding_tried and g / rag.scored >= LARGE:
            ref = reference_run(rag, list(s.runs)) or s.baseline
            support.append(ev.plateau(ref, rag, "generation"))
            # The passages hold the answer and grounding was measured: the model is the limit. A
            # stronger model is one setting away; once one was measured too, train the model.
            move = "fine_tuning" if s.models_tried >= 2 else "stronger_model"
            return Decision(
                move, (side_margin + sub_margin) / 2, 0.8, tuple(support), "grounding", extra={"model": rag.model}
            )
        measured = 0.9 if rag.has_retrieval_checks else 0.7
        return Decision("prompt_engineering", (side_margin + sub_margin) / 2, measured, tuple(support), "grounding")
    unresolved = r + k  # passages lacked the answer, or no retrieval check could tell
    # "RAG fixed most of the gaps" decides only when the comparison is not chance.
    fixed_most = fix_share is not None and fix_share >= FIX_LARGE and not chance
    if not f.is_rag and (ctx == 0 or (fixed_most and unresolved / rag.scored < RETRIEVAL_SUBSTANTIAL)):
        # RAG closed most of the knowledge gap and little is left to retrieval: adopt it and keep going.
        sub_margin = _clip(2 * (fix_share if fix_share is not None else 1.0) - 1)
        measured = 0.6 + 0.4 * (fix_share if fix_share is not None else 0.0)
        return Decision(
            "rag",
            (side_margin + sub_margin) / 2,
            measured,
            tuple(support + cost),
            extra={"token_cost": cost[0].numbers if cost else None},
        )
    absent = _absent(s, rag, "retrieval", "knowledge")
    if absent is not None:  # no search setting can find what no document holds
        return Decision(
            "improve_retrieval",
            absent.numbers["share"],
            1.0,
            tuple([absent] + ev.gap_share(rag, "retrieval") + support),
            "add_documents",
            extra={"retrieval_gaps": r + k, "not_in_documents": absent.rows},
        )
    # RAG in use, little left to retrieval: ground the answers in it (fixed_most implies a fix_share).
    if fixed_most and fix_share is not None and unresolved < g:
        return Decision(
            "prompt_engineering",
            (side_margin + _clip(2 * fix_share - 1)) / 2,
            0.7,
            tuple(ev.gap_share(rag, "generation") + support + cost),
            "grounding",
        )
    sub_margin = (unresolved - g) / ctx if ctx else 0.0
    lead = ev.gap_share(rag, "retrieval")
    if k and not rag.has_retrieval_checks:
        lead.append(
            Evidence("retrieval_unmeasured", {"count": k, "rows": rag.scored}, rag.rows_of("knowledge"), (rag.name,))
        )
    measured = 1.0 if rag.has_retrieval_checks and r >= k else 0.6
    return Decision(
        "improve_retrieval",
        (side_margin + sub_margin) / 2,
        measured,
        tuple(lead + support + cost),
        "on_rag" if fixed_most else "",
        extra={"retrieval_gaps": r + k},
    )


def _few_shot_cost(s: Situation, few: RunStats | None) -> dict:
    """Token cost of the best few-shot run against the run it adds examples to."""
    if few is None:
        return {"evidence": [], "numbers": None, "ratio": None}
    ref = reference_run(few, list(s.runs)) or s.baseline
    items = ev.token_cost(ref, few) if ref is not few else []
    return {
        "evidence": items,
        "numbers": items[0].numbers if items else None,
        "ratio": items[0].numbers["ratio"] if items else None,
    }


def _llm_axis(s: Situation, side_margin: float) -> Decision:
    f = s.start
    support = ev.gap_share(f, "behaviour")
    prompt_runs = [r for r in s.runs if r.prompt_techniques and r is not s.baseline]
    best_prompt = s.best(prompt_runs)
    if best_prompt is not None:
        support += [e for e in ev.technique_fixed(compare(s.baseline, best_prompt)) if e.numbers["gap"] == "behaviour"]
    if not s.tried("few_shot"):  # instructions measured, examples not yet: the next rung of the ladder
        return Decision("prompt_engineering", side_margin, 0.8, tuple(support))
    few = s.best(r for r in s.runs if "few_shot" in r.techniques)
    assert few is not None  # tried("few_shot"): a few-shot run answered, so there is a best one
    ref = reference_run(few, list(s.runs)) or s.baseline
    support.append(ev.plateau(ref, few, "behaviour"))
    cost = _few_shot_cost(s, few)
    support += cost["evidence"]
    extra = {"token_cost": cost["numbers"]}
    on_rag = "on_rag" if f.is_rag else ""  # the model is trained to act right with the passages it gets
    if s.tried("fine_tuned"):  # tuned already and behaviour still leads: better data, not another technique
        return Decision("fine_tuning", side_margin, 0.6, tuple(support), on_rag, extra=extra)
    remaining = few.count("behaviour") / few.scored
    heavy = cost["ratio"] is not None and cost["ratio"] >= TOKEN_RATIO_LARGE
    if remaining >= LARGE or heavy:
        return Decision("fine_tuning", side_margin, 1.0, tuple(support), on_rag, extra=extra)
    # Few-shot is still closing the gap cheaply: more or better examples before training a model.
    return Decision("prompt_engineering", side_margin, 0.6, tuple(support), extra=extra)
