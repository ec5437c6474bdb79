"""The Run step's Batch API work: plain functions a TaskRunner runs, returning plain data.

``look`` reads the project's batches from its store (no network: the panel fills at once);
``check`` asks the provider about the open ones and stores what finished (on project open and
on Refresh); ``submit`` plans like a run and sends batches; ``cancel`` asks the provider to stop one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BatchesInfo:
    batches: tuple = ()  # core BatchRecord (frozen), newest first
    collected: int = 0  # batches whose results were stored by this task
    answered: int = 0
    errors: int = 0
    skipped: int = 0  # open batches sent through another connection
    checked: bool = False  # the provider was asked (False: read from the store only)
    submitted: int = 0  # batches this task sent

    @property
    def pending(self) -> int:
        return sum(1 for b in self.batches if not b.collected)


def look(state, project) -> BatchesInfo:
    from desktop_app.core.run.batch import list_batches  # noqa: PLC0415

    return BatchesInfo(tuple(list_batches(project)))


def check(state, project) -> BatchesInfo:
    """Ask about open batches and collect those that ended; nothing is asked when none is open."""
    from desktop_app.core.run.batch import check_batches, list_batches  # noqa: PLC0415

    known = list_batches(project)
    if all(b.collected for b in known):
        return BatchesInfo(tuple(known))
    found = check_batches(project, should_stop=state.should_stop, progress=state.progress)
    return BatchesInfo(
        found.batches, len(found.collected), found.answered, found.errors, len(found.skipped), checked=True
    )


def submit(state, project, names: list[str] | None) -> BatchesInfo:
    from desktop_app.core.run.batch import list_batches, submit_batches  # noqa: PLC0415
    from desktop_app.core.run.project import prepare_project_run  # noqa: PLC0415

    submission = submit_batches(
        prepare_project_run(project, names or None), progress=state.progress, should_stop=state.should_stop
    )
    return BatchesInfo(
        tuple(list_batches(project)), answered=submission.cached, checked=True, submitted=len(submission.batches)
    )


def cancel(state, project, batch_id: str) -> BatchesInfo:
    from desktop_app.core.run.batch import cancel_batch, list_batches  # noqa: PLC0415

    cancel_batch(project, batch_id)
    return BatchesInfo(tuple(list_batches(project)), checked=True)
