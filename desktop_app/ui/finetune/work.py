"""What the helper runs on a pool thread (through ui/tasks.py): plain functions that take the
task state first and return plain data. Nothing here touches a widget or the open project:
they read a snapshot, and whatever saves to project.json happens back on the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Refused:
    """A job the provider refused or that failed: the core's kind and the provider's own words."""

    kind: str
    said: str = ""


def prepare_set(state, project, options: dict):
    from desktop_app.core.finetune.prepare import prepare  # noqa: PLC0415 - pandas, tiktoken, rapidfuzz

    prepared = prepare(project, should_stop=state.should_stop, **options)
    return None if state.should_stop() else prepared


def save_files(state, prepared, path: str) -> tuple[str, str]:
    from desktop_app.core.finetune import build  # noqa: PLC0415

    train = build.write_jsonl(prepared.training.train, path)
    val = (
        build.write_jsonl(prepared.training.validation, build.validation_path(path))
        if prepared.training.validation
        else ""
    )
    return str(train), str(val)


def train(state, cfg, prepared, folder: str, model: str, epochs: int, suffix: str, cancel: list):
    """Write the files, upload them, run the job; progress delivers JobUpdates. On stop the job is
    cancelled at the provider only when ``cancel[0]`` is True (Cancel, not closing the window)."""
    from desktop_app.core.finetune import build, jobs  # noqa: PLC0415

    folder_path = Path(folder)
    train_path = build.write_jsonl(prepared.training.train, folder_path / "train.jsonl")
    val_path = (
        build.write_jsonl(prepared.training.validation, folder_path / "valid.jsonl")
        if prepared.training.validation
        else None
    )
    state.progress(jobs.JobUpdate("", "uploading"))
    try:
        return jobs.run_job(
            cfg,
            train_path,
            model,
            validation_path=val_path,
            epochs=epochs,
            suffix=suffix,
            progress=state.progress,
            should_stop=state.should_stop,
            poll_s=POLL_S,
            cancel_on_stop=lambda: cancel[0],
        )
    except jobs.FineTuneError as exc:  # an ErrorRecord would lose the kind the dialog words
        return Refused(str(exc.details.get("kind", "server_error")), str(exc.details.get("said", "")))


POLL_S = 10.0  # tests lower it: the scripted server moves a job one step per poll


def follow(state, cfg, job_id: str, cancel: list):
    """Follow a job started earlier, like ``train`` does once it has started one."""
    from desktop_app.core.finetune import jobs  # noqa: PLC0415

    try:
        return jobs.follow_job(
            cfg,
            job_id,
            progress=state.progress,
            should_stop=state.should_stop,
            poll_s=POLL_S,
            cancel_on_stop=lambda: cancel[0],
        )
    except jobs.FineTuneError as exc:
        return Refused(str(exc.details.get("kind", "server_error")), str(exc.details.get("said", "")))


def export(state, prepared, folder: str, base: str, name: str):
    from desktop_app.core.finetune.routes import export_routes  # noqa: PLC0415

    return export_routes(prepared.training, folder, base=base, name=name)


def export_pairs(state, project, system: str, path: str):
    from desktop_app.core.finetune.pairs import preference_pairs, write_pairs  # noqa: PLC0415

    pairs = preference_pairs(project, system=system)
    if pairs.records:
        write_pairs(pairs, path)
    return pairs


def test_model(state, cfg, model: str):
    from desktop_app.core.finetune.register import test_model as check  # noqa: PLC0415

    return check(cfg, model)


test_model.__test__ = False  # type: ignore[attr-defined]  # not a pytest test when imported
