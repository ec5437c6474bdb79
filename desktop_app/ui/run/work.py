"""The Run step's background work: plain functions run by a TaskRunner, returning plain data.

Each takes a *snapshot* of the project (``snapshot``): a run lasts minutes while other pages edit
the shared Project object, and a worker must never read a dict the GUI thread is changing.
The core is imported inside the functions (pandas, openai, chromadb load on first use).

Which variants run: with no names, ``variants.resolve_variants`` decides, exactly as the CLI's
``run`` does: the variants ticked under Variants (``run_selection``), else every variant in
project.json, else the presets Baseline (+ Few-shot when there is an examples pool).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.core.records import Row

ERROR_ROWS_LIMIT = 500  # the error list shows this many; the counts stay exact


@dataclass(frozen=True)
class Problem:
    """An AppError as data (what went wrong, what to do), shown in the page's banner."""

    message: str
    hint: str = ""


@dataclass(frozen=True)
class VariantLine:
    name: str
    techniques: tuple[str, ...]
    model: str = ""


@dataclass(frozen=True)
class Interrupted:
    """The latest model run of a variant that stopped before every row had an answer."""

    name: str
    status: str  # running (the app was killed) | cancelled | failed
    done: int
    total: int


@dataclass(frozen=True)
class ErrorRow:
    run: str
    row_id: str
    error: str


@dataclass(frozen=True)
class LoadInfo:
    preset: str
    variants: tuple[VariantLine, ...] = ()
    source: str = "presets"  # ticked | all | presets
    selection_problem: Problem | None = None
    eval_rows: int = 0
    data_problem: Problem | None = None
    interrupted: tuple[Interrupted, ...] = ()
    error_rows: tuple[ErrorRow, ...] = ()
    error_count: int = 0


@dataclass(frozen=True)
class PlanLine:
    name: str
    model: str
    total: int
    finished: int
    pending: int
    cached: int
    resuming: bool  # continues an earlier run of the same settings
    priced: bool = True  # False: no price is known for the model, so "spent" cannot be told
    waiting: int = 0  # rows waiting for a batch's results (not sent again)


@dataclass(frozen=True)
class PlanInfo:
    lines: tuple[PlanLine, ...]
    estimate: object  # core.estimate.Estimate (frozen)

    @property
    def finished(self) -> int:
        return sum(line.finished for line in self.lines)

    @property
    def total(self) -> int:
        return sum(line.total for line in self.lines)

    @property
    def waiting(self) -> int:
        return sum(line.waiting for line in self.lines)


@dataclass(frozen=True)
class RunOutcome:
    statuses: dict = field(default_factory=dict)  # variant name -> complete | cancelled | failed
    rows: int = 0
    errors: int = 0
    stopped: bool = False  # the user pressed Cancel
    prompt_cut: dict = field(default_factory=dict)  # variant name -> rows whose prompt the server cut


@dataclass(frozen=True)
class ImportParams:
    path: str
    name: str
    techniques: tuple[str, ...]
    output_col: str | None = None
    contexts_col: str | None = None


def snapshot(project):
    """A private copy of the project (same folder, copied project.json data) for one task."""
    from desktop_app.core.project.folder import Project  # noqa: PLC0415

    return Project(project.root, copy.deepcopy(project.data))


def _problem(exc) -> Problem:
    return Problem(getattr(exc, "message", str(exc)), getattr(exc, "hint", ""))


def load(state, project) -> LoadInfo:
    """What the page shows before any planning: connection preset, variants, interrupted runs, errors."""
    from desktop_app.core.data import rows as datasets  # noqa: PLC0415 - pandas: off the start-up path
    from desktop_app.core.providers import client as providers  # noqa: PLC0415 - openai, likewise
    from desktop_app.core.variants import variant as variants  # noqa: PLC0415
    from desktop_app.core.errors import AppError  # noqa: PLC0415

    preset = providers.ConnectionConfig.from_dict(project.section("connection")).preset
    eval_rows: list[Row] = []
    pool: list[Row] = []
    data_problem = None
    try:
        eval_rows, pool = datasets.load_rows(project)
    except (AppError, OSError) as exc:
        data_problem = _problem(exc) if isinstance(exc, AppError) else Problem(str(exc))
    lines: tuple[VariantLine, ...] = ()
    source, selection_problem = "presets", None
    try:
        defined = variants.load_variants(project)
        ticked = variants.load_selection(project) if defined else None
        source = "ticked" if ticked is not None else "all" if defined else "presets"
        chosen = variants.resolve_variants(project, None, has_examples=bool(pool))
        lines = tuple(VariantLine(v.name, tuple(v.techniques), v.model) for v in chosen)
    except AppError as exc:
        selection_problem = _problem(exc)
    interrupted, error_rows, error_count = _store_state(project, len(eval_rows))
    return LoadInfo(
        preset=preset,
        variants=lines,
        source=source,
        selection_problem=selection_problem,
        eval_rows=len(eval_rows),
        data_problem=data_problem,
        interrupted=interrupted,
        error_rows=error_rows,
        error_count=error_count,
    )


def _store_state(project, eval_rows: int) -> tuple[tuple[Interrupted, ...], tuple[ErrorRow, ...], int]:
    """Interrupted runs and the error rows of each variant's latest model run."""
    from desktop_app.core.run.store import ResultStore  # noqa: PLC0415

    if not project.results_db.exists():  # never create a store just by looking
        return (), (), 0
    interrupted: list[Interrupted] = []
    errors: list[ErrorRow] = []
    count = 0
    with ResultStore(project.results_db) as store:
        latest = {}
        for run in store.runs():
            if not run.imported:
                latest[run.name] = run  # runs() is in creation order: the last one wins
        for run in latest.values():
            if run.status in ("running", "cancelled", "failed"):
                done = len(store.finished_row_ids(run.id))
                if done < eval_rows:
                    interrupted.append(Interrupted(run.name, run.status, done, eval_rows))
            stored, failed = store.count_results(run.id)
            if failed:
                count += failed
                if len(errors) < ERROR_ROWS_LIMIT:
                    errors.extend(
                        ErrorRow(run.name, r.row_id, r.error or "")
                        for r in store.results(run.id)
                        if r.error is not None
                    )
    return tuple(interrupted), tuple(errors[:ERROR_ROWS_LIMIT]), count


def _plan_info(plan) -> PlanInfo:
    unpriced = set(getattr(plan.estimate, "unpriced_models", ()) or ())
    lines = tuple(
        PlanLine(
            name=p.variant.name,
            model=p.model,
            total=p.total,
            finished=p.finished,
            pending=len(p.pending),
            cached=p.cached,
            resuming=p.run is not None,
            priced=p.model not in unpriced,
            waiting=p.waiting,
        )
        for p in plan.prepared
    )
    return PlanInfo(lines, plan.estimate)


def plan(state, project, names: list[str] | None) -> PlanInfo:
    """The estimate (calls, tokens, cost, time) of running now; retrieval runs here for RAG variants."""
    from desktop_app.core.run.project import prepare_project_run  # noqa: PLC0415

    prepared = prepare_project_run(project, names or None)
    try:
        return _plan_info(prepared)
    finally:
        prepared.close()


def run(state, project, names: list[str] | None) -> RunOutcome:
    """Plan, then run. Progress arrives as events: "progress" ones coalesced through
    ``state.progress``; the plan and each run's start/finish through ``state.partial`` (all kept).

    The page's Cancel is ``TaskRunner.stop``: the runner stops sending, keeps every finished row,
    and this function's result still reaches the page (it needs it to offer resume).
    """
    from desktop_app.core.run.project import execute_plan, prepare_project_run  # noqa: PLC0415

    should_stop = state.should_stop
    prepared = prepare_project_run(project, names or None)
    state.partial(("plan", _plan_info(prepared)))
    if should_stop():
        prepared.close()
        return RunOutcome(stopped=True)

    def progress(event: dict) -> None:
        if event.get("event") in ("progress", "rerank"):  # many: coalesced
            state.progress(event)
        else:
            state.partial(("event", event))

    summaries = execute_plan(prepared, progress, should_stop)
    return RunOutcome(
        statuses={s.run.name: s.run.status for s in summaries},
        rows=sum(s.rows for s in summaries),
        errors=sum(s.errors for s in summaries),
        stopped=state.should_stop(),
        prompt_cut={s.run.name: s.prompt_cut for s in summaries if s.prompt_cut},
    )


def import_outputs(state, project, params: ImportParams) -> dict:
    """Import a file of outputs as a run; returns ImportReport.to_dict() plus exact counts."""
    from desktop_app.core.run.imported import import_run  # noqa: PLC0415

    report = import_run(
        project,
        params.name,
        params.path,
        params.techniques or ("none",),
        output_col=params.output_col or None,
        contexts_col=params.contexts_col or None,
    )
    data = report.to_dict()
    data["missing_count"], data["unknown_count"] = len(report.missing), len(report.unknown)
    return data


def read_columns(state, path: str) -> list[str]:
    """The column names of an outputs file (for the import dialog's column choices)."""
    from desktop_app.core.data.readers import open_source  # noqa: PLC0415

    with open_source(path) as src:
        return [str(c) for c in src.columns]
