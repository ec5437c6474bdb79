"""Apply a project's checks to one row's output -> Verdicts (sync; the runner uses to_thread).

Rules:
- A check that needs a model (judge, rubric, semantic) is left out when no ``judge`` /
  ``embed`` callable is given (Offline preset): left out, not failed.
- No output (None: the row errored; or blank) fails every content check with "no_output".
  Behaviour checks are left out for an errored row (None) - the error is counted on its own -
  but judge a blank answer like any other (blank is not JSON, is too short ...).
- Content checks need the expected answer; a row without one gets no content verdict.
- Disabled checks are skipped.
``passages`` is accepted for the contract's signature; the retrieval metrics that read them
live in knowledge.retrieval_metrics.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from desktop_app.core.checks.behaviour import BEHAVIOUR_CHECKS
from desktop_app.core.checks.content import CONTENT_CHECKS, check_semantic
from desktop_app.core.checks.judge import run_judge
from desktop_app.core.checks.spec import CheckSpec
from desktop_app.core.records import Passage, Row, Verdict, content_outcome

Judge = Callable[[list[dict]], str]
Embed = Callable[[list[str]], list[list[float]]]


def evaluate_row(
    specs: Iterable[CheckSpec],
    row: Row,
    output: str | None,
    passages: Sequence[Passage] = (),
    judge: Judge | None = None,
    embed: Embed | None = None,
) -> tuple[Verdict, ...]:
    """One Verdict per enabled check that could judge this row, in the order of ``specs``.

    Verdicts of model-judged checks carry the check's fingerprint (``Verdict.spec``), so a
    rescore after the check was edited knows they are stale."""
    verdicts: list[Verdict] = []
    judges = []
    for spec in specs:
        if spec.kind == "judge":  # it settles what the other content checks left open: ask it last
            judges.append(spec)
            continue
        verdict = _evaluate_one(spec, row, output, judge, embed)
        if verdict is not None:
            verdicts.append(replace(verdict, spec=spec.fingerprint) if spec.needs else verdict)
    for spec in judges:
        if judge_applies(spec, tuple(verdicts)):
            verdict = _evaluate_one(spec, row, output, judge, embed)
            if verdict is not None:
                verdicts.append(replace(verdict, spec=spec.fingerprint))
    return tuple(verdicts)


def judge_mode(spec: CheckSpec) -> str:
    """ "unsure" (the default: the judge decides what text alone left open) or "all" rows."""
    return str(spec.params.get("mode") or "unsure")


def judge_applies(spec: CheckSpec, lexical: Sequence[Verdict]) -> bool:
    """Whether the content judge is asked about a row, given the row's other verdicts: always in
    "all" mode, else only when the lexical content checks left the row unsure (or there are none)."""
    if judge_mode(spec) == "all":
        return True
    outcome = content_outcome(tuple(v for v in lexical if v.check != spec.id))
    return outcome in (None, "unsure")


def preview(
    spec: CheckSpec, row: Row, output: str | None, judge: Judge | None = None, embed: Embed | None = None
) -> Verdict | None:
    """The live preview of one check on one sample output (None: the check cannot judge it)."""
    found = evaluate_row([spec], row, output, judge=judge, embed=embed)
    return found[0] if found else None


def _best_answer(
    spec: CheckSpec, answers: list[str], output: str, embed: Embed | None, question: str = ""
) -> Verdict | None:
    """The verdict against the first accepted answer the output matches, else an unsure one, else
    the closest (Evals files list several ideal answers; any of them is right, and an answer
    wrong against one may still be a paraphrase of another)."""
    best = None
    for answer in (a for a in answers if a.strip()):
        if spec.kind == "semantic":
            assert embed is not None  # _evaluate_one leaves out a check that needs embed when there is none
            verdict = check_semantic(spec, answer, output, embed)
            if verdict is None:  # the embedding call failed: left out, not failed
                return None
        else:
            verdict = CONTENT_CHECKS[spec.kind](spec, answer, output, question)
        if verdict.passed:
            return verdict
        if best is None or (verdict.unsure, verdict.score) > (best.unsure, best.score):
            best = verdict
    return best


def _evaluate_one(
    spec: CheckSpec, row: Row, output: str | None, judge: Judge | None, embed: Embed | None
) -> Verdict | None:
    if not spec.enabled:
        return None
    needs = spec.needs
    if (needs == "judge" and judge is None) or (needs == "embed" and embed is None):
        return None
    if spec.family == "content":
        expected = row.expected or ""
        if not expected.strip():
            return None
        if output is None or not output.strip():
            return Verdict(spec.id, spec.family, False, 0.0, "no_output")
        if spec.kind == "judge":  # the judge sees every accepted answer at once (one call)
            assert judge is not None  # its needs == "judge": left out above when there is none
            return run_judge(spec, row, output, judge)
        return _best_answer(spec, [expected, *row.alternatives], output, embed, row.input or "")
    if output is None:
        return None
    if spec.kind == "rubric":
        assert judge is not None  # its needs == "judge": left out above when there is none
        return run_judge(spec, row, output, judge)
    return BEHAVIOUR_CHECKS[spec.kind](spec, output)
