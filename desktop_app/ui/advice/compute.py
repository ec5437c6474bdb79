"""The work behind the Grid and Advice pages, run on a pool thread: diagnosis, maps, last change.

``compute_advice`` is a TaskRunner work function. It gets a *snapshot* of the project (a copy
of project.json's data), so a page editing the project on the GUI thread meanwhile cannot
change what the worker reads; it returns frozen records only. Core modules are imported
inside the function: they pull pandas and the results store, which must not slow start-up.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RunChange:
    """The latest run against its parent on the ladder (else the run made before it), on the rows both answered."""

    latest: str
    previous: str
    pass_rate: float
    previous_pass_rate: float
    fixed: tuple[str, ...]  # failed in the previous run, pass in the latest
    broken: tuple[str, ...]  # passed in the previous run, fail in the latest
    common: int
    parent: bool = False  # ``previous`` is one step away: the same variant, one technique fewer, or another model
    added: tuple[str, ...] = ()  # techniques the latest run adds to its parent
    model_changed: bool = False  # same techniques, another model: a step of its own
    model: str = ""  # the latest run's model
    labels: dict = field(default_factory=dict, hash=False, compare=False)  # row id -> start of its question


def _parent(latest, earlier, infos):
    """(run, kind) the latest run is one step from: "same" (run again), "model" (same techniques, another
    model) or "technique" (the largest strict subset of its techniques); None when no earlier run is."""
    mine = set(latest.techniques)
    model = infos[latest.id].model
    same = [r for r in earlier if set(r.techniques) == mine]
    for run in reversed(same):
        if infos[run.id].model == model and run.name == latest.name:
            return run, "same"
    if same:
        return same[-1], "model"
    subsets = [r for r in earlier if set(r.techniques) < mine]
    if subsets:
        # The ladder climbs on one model: a run on the same model first, then the closest in techniques.
        return max(subsets, key=lambda r: (infos[r.id].model == model, len(r.techniques), r.order)), "technique"
    return None


@dataclass(frozen=True)
class AdviceResult:
    diagnosis: object  # desktop_app.core.advice.diagnose.Diagnosis (frozen)
    maps: object  # desktop_app.core.advice.gridmaps.GridMaps (frozen)
    change: RunChange | None
    sample: bool
    root: str  # the project folder: a page ignores results of a project it no longer shows


def snapshot(project):
    """A copy of the open project the worker may read while the GUI thread edits the original."""
    return type(project)(project.root, copy.deepcopy(project.data))


def last_change(project, diagnosis) -> RunChange | None:
    """Compare the two most recent runs row by row (None with fewer than two runs)."""
    from desktop_app.core.advice.stats import natural_key, run_stats  # noqa: PLC0415
    from desktop_app.core.data.rows import row_inputs  # noqa: PLC0415
    from desktop_app.core.run.store import ResultStore  # noqa: PLC0415

    if len(diagnosis.runs) < 2:
        return None
    latest = diagnosis.runs[-1]
    with ResultStore(project.results_db) as store:  # diagnose_project has just rescored them
        infos = {info.id: info for info in store.runs()}
        earlier = [r for r in diagnosis.runs[:-1] if r.id in infos]
        if latest.id not in infos or not earlier:
            return None
        found = _parent(latest, earlier, infos)
        previous, kind = found if found else (earlier[-1], "")
        before = run_stats(infos[previous.id], store.results(previous.id), previous.order)
        after = run_stats(infos[latest.id], store.results(latest.id), latest.order)
    common = [r for r in before.outcome if r in after.outcome]
    key = natural_key
    fixed = sorted((r for r in common if before.outcome[r] != "pass" and after.outcome[r] == "pass"), key=key)
    broken = sorted((r for r in common if before.outcome[r] == "pass" and after.outcome[r] != "pass"), key=key)
    return RunChange(
        latest.name,
        previous.name,
        latest.pass_rate,
        previous.pass_rate,
        tuple(fixed),
        tuple(broken),
        len(common),
        parent=bool(kind),
        added=tuple(t for t in latest.techniques if t not in previous.techniques),
        model_changed=kind == "model",
        model=infos[latest.id].model,
        labels=row_inputs(project, fixed + broken) if fixed or broken else {},
    )


def compute_advice(state, project, *, warm_plots: bool = False) -> AdviceResult | None:
    """Diagnose ``project`` (a snapshot) and gather what both pages draw.

    ``warm_plots``: import pyqtgraph here, off the GUI thread (about 0.4 s), so the Grid page
    can build its plots without a visible stall when the result arrives.
    """
    if warm_plots:
        import pyqtgraph  # noqa: F401, PLC0415

    from desktop_app.core.advice.gridmaps import grid_maps  # noqa: PLC0415
    from desktop_app.core.advice.inputs import diagnose_project  # noqa: PLC0415

    diagnosis = diagnose_project(project, **state.callbacks())
    if state.should_stop():
        return None
    change = last_change(project, diagnosis)
    return AdviceResult(diagnosis, grid_maps(diagnosis), change, bool(project.data.get("sample")), str(project.root))
