"""Fine-tuning jobs through the ``openai`` SDK: upload, start, follow, cancel.

Works wherever the provider runs jobs behind the OpenAI API shape: Azure OpenAI, and OpenAI
while it still accepts them (accounts that never fine-tuned are refused since 2026-05-07 with
403 ``training_not_available``; no new jobs at all from 2027-01-06). Every refusal becomes a
``FineTuneError`` whose ``details["kind"]`` says which, so the ui can word it and offer the other
routes (export for a local trainer, then "Register a fine-tuned model").

Long work takes ``progress`` and ``should_stop``; Cancel while a job runs cancels the job at the
provider (it stops billing there), not only the watching.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import openai

from desktop_app.core.errors import AppError
from desktop_app.core.phrases import translate
from desktop_app.core.providers import secrets

FINISHED = ("succeeded", "failed", "cancelled")
POLL_S = 10.0  # providers update a job every few seconds to minutes; faster polling only costs requests
_STEP = re.compile(r"Step\s+(\d+)\s*/\s*(\d+)", re.IGNORECASE)
# The kinds of refusal and failure, worded by the ui (ui/finetune/texts.py) and the CLI.
KINDS = (
    "training_not_available",
    "quota",
    "file_rejected",
    "model_not_available",
    "no_training_api",
    "job_not_found",
    "key_rejected",
    "unreachable",
    "job_failed",
    "server_error",
)


class FineTuneError(AppError):
    """A job could not be started or did not finish; ``details["kind"]`` is one of KINDS."""

    code = "finetune_error"


@dataclass(frozen=True)
class JobUpdate:
    """What the provider said about a job at one poll; ``events`` are the new ones, oldest first."""

    job_id: str
    status: str
    model: str = ""
    fine_tuned_model: str = ""
    progress: float | None = None  # 0..1 from the "Step n/m" events; None before the first
    trained_tokens: int | None = None
    events: tuple[str, ...] = ()
    error: dict = field(default_factory=dict, hash=False)  # {"code", "message"} of a failed job

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    def to_dict(self) -> dict:
        return {
            "job": self.job_id,
            "status": self.status,
            "model": self.model,
            "fine_tuned_model": self.fine_tuned_model,
            "progress": self.progress,
            "trained_tokens": self.trained_tokens,
            "events": list(self.events),
            "error": dict(self.error),
        }


def _body(exc: BaseException) -> dict:
    body = getattr(exc, "body", None)
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        body = body["error"]
    return body if isinstance(body, dict) else {}


def explain(exc: BaseException, step: str, key: str | None = None) -> FineTuneError:
    """An SDK error at ``step`` ("upload" | "start" | "follow" | "cancel") as a FineTuneError."""
    from desktop_app.core.providers.client import is_quota_error  # noqa: PLC0415

    body = _body(exc)
    code = str(body.get("code") or "")
    said = secrets.scrub(str(body.get("message") or getattr(exc, "message", "") or exc), key)[:500]
    status = getattr(exc, "status_code", None)
    if code == "training_not_available" or "training_not_available" in said:
        kind = "training_not_available"
    elif isinstance(exc, openai.RateLimitError) or is_quota_error(exc) or "quota" in code:
        kind = "quota"
    elif isinstance(exc, openai.APIConnectionError):
        kind = "unreachable"
    elif isinstance(exc, (openai.AuthenticationError, openai.PermissionDeniedError)):
        kind = "key_rejected"
    elif isinstance(exc, openai.NotFoundError):
        kind = {"upload": "no_training_api", "start": "model_not_available"}.get(step, "job_not_found")
    elif isinstance(exc, (openai.BadRequestError, openai.UnprocessableEntityError)):
        kind = (
            "model_not_available"
            if step == "start" and (body.get("param") == "model" or "model" in code)
            else "file_rejected"
        )
    else:
        kind = "server_error"
    message, hint = refusal_words(kind)
    return FineTuneError(
        message, hint, details={"kind": kind, "step": step, "said": said, "code": code, "status": status}
    )


def refusal_words(kind: str) -> tuple[Any, Any]:
    """(what happened, what to do) for a refusal kind, as Phrases; the window says what happened in
    these words and points its own hint at its tabs."""
    return _WORDS.get(kind, _WORDS["server_error"])


_OTHER_ROUTES = translate(
    "FinetuneErrors",
    "Other routes: Azure OpenAI, Together or Fireworks with the same file, or "
    "train locally (Export for mlx-lm, axolotl, Unsloth or LLaMA-Factory), then "
    "register the tuned model.",
)
# (message, hint) per kind; the ui words the kinds in its own panels, the CLI and error dialogs say these.
_WORDS = {
    "training_not_available": (
        translate(
            "FinetuneErrors",
            "The provider does not accept fine-tuning jobs from this account "
            "(training_not_available): OpenAI is closing self-serve fine-tuning.",
        ),
        _OTHER_ROUTES,
    ),
    "quota": (
        translate("FinetuneErrors", "The account has no quota or credit left for fine-tuning."),
        translate(
            "FinetuneErrors",
            "Add credit or raise the limit in the provider's billing settings. Other "
            "routes: Azure OpenAI, Together or Fireworks with the same file, or train "
            "locally (Export for mlx-lm, axolotl, Unsloth or LLaMA-Factory), then "
            "register the tuned model.",
        ),
    ),
    "file_rejected": (
        translate("FinetuneErrors", "The provider rejected the training file."),
        translate("FinetuneErrors", "Fix what it names (see the findings), prepare the file again and retry."),
    ),
    "model_not_available": (
        translate("FinetuneErrors", "This base model cannot be fine-tuned here."),
        translate(
            "FinetuneErrors", "Choose a base model the provider lists as fine-tunable (e.g. gpt-4o-mini-2024-07-18)."
        ),
    ),
    "no_training_api": (
        translate(
            "FinetuneErrors", "This server has no fine-tuning API (a local server or a proxy only answers chat)."
        ),
        _OTHER_ROUTES,
    ),
    "job_not_found": (
        translate("FinetuneErrors", "The provider knows no such fine-tuning job."),
        translate(
            "FinetuneErrors",
            "Check the job id (the provider's dashboard lists them) and that the connection is "
            "the account or resource that started it.",
        ),
    ),
    "key_rejected": (
        translate("FinetuneErrors", "The server rejected the API key for fine-tuning."),
        translate("FinetuneErrors", "Check the key belongs to this account or Azure resource and may create jobs."),
    ),
    "unreachable": (
        translate("FinetuneErrors", "The server could not be reached."),
        translate("FinetuneErrors", "Check the network and the address under Connection."),
    ),
    "job_failed": (
        translate("FinetuneErrors", "The fine-tuning job failed at the provider."),
        translate("FinetuneErrors", "Read the provider's reason, fix it and start again."),
    ),
    "server_error": (
        translate("FinetuneErrors", "The server answered with an error."),
        translate("FinetuneErrors", "Try again later."),
    ),
}


def _wait(seconds: float, should_stop: Callable[[], bool]) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end and not should_stop():
        time.sleep(min(0.2, max(0.0, end - time.monotonic())))


def upload(client: openai.OpenAI, path: str | Path) -> str:
    """The file id of ``path`` uploaded for fine-tuning (FileRejected when the provider refuses it)."""
    try:
        with open(path, "rb") as fh:
            created = client.files.create(file=(Path(path).name, fh), purpose="fine-tune")
    except openai.OpenAIError as exc:
        raise explain(exc, "upload") from None
    if getattr(created, "status", "") == "error":
        message, hint = _WORDS["file_rejected"]
        raise FineTuneError(
            message,
            hint,
            details={
                "kind": "file_rejected",
                "step": "upload",
                "code": "",
                "said": str(getattr(created, "status_details", "") or ""),
            },
        )
    return created.id


def _update(job: Any, events: tuple[str, ...], progress: float | None) -> JobUpdate:
    error = getattr(job, "error", None)
    error_dict = (
        {"code": getattr(error, "code", "") or "", "message": getattr(error, "message", "") or ""}
        if error and (getattr(error, "code", None) or getattr(error, "message", None))
        else {}
    )
    done = 1.0 if job.status == "succeeded" else progress
    return JobUpdate(
        job.id,
        job.status,
        job.model or "",
        job.fine_tuned_model or "",
        done,
        getattr(job, "trained_tokens", None),
        events,
        error_dict,
    )


def _new_events(client: openai.OpenAI, job_id: str, seen: set[str]) -> tuple[list[str], float | None]:
    page = client.fine_tuning.jobs.list_events(job_id, limit=50)
    fresh = [e for e in reversed(list(page.data)) if e.id not in seen]  # the API lists newest first
    progress = None
    for event in fresh:
        seen.add(event.id)
        raw = getattr(event, "data", None)
        data: dict = raw if isinstance(raw, dict) else {}
        step, total = data.get("step"), data.get("total_steps")
        match = _STEP.search(event.message or "")
        if not (step and total) and match:
            step, total = int(match.group(1)), int(match.group(2))
        if step and total:
            progress = min(1.0, int(step) / int(total))
    return [e.message for e in fresh if e.message], progress


def follow(
    client: openai.OpenAI,
    job_id: str,
    *,
    progress: Callable[[JobUpdate], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    poll_s: float = POLL_S,
    cancel_on_stop: Callable[[], bool] | None = None,
) -> JobUpdate:
    """Poll until the job finishes. On stop the job is cancelled at the provider when
    ``cancel_on_stop()`` says so (the default); otherwise it keeps running there and the last
    state seen is returned (closing the window only stops watching; the job can be followed again)."""
    stop = should_stop or (lambda: False)
    seen: set[str] = set()
    fraction: float | None = None
    last = JobUpdate(job_id, "queued")
    while True:
        try:
            if stop():
                if cancel_on_stop is not None and not cancel_on_stop():
                    return last
                update = _update(client.fine_tuning.jobs.cancel(job_id), (), fraction)
                if progress:
                    progress(update)
                return update
            job = client.fine_tuning.jobs.retrieve(job_id)
            events, step = _new_events(client, job_id, seen)
        except openai.OpenAIError as exc:
            raise explain(exc, "follow") from None
        fraction = step if step is not None else fraction
        last = _update(job, tuple(events), fraction)
        if progress:
            progress(last)
        if last.finished:
            return last
        _wait(poll_s, stop)


def start(
    client: openai.OpenAI,
    training_file: str,
    model: str,
    *,
    validation_file: str | None = None,
    epochs: int | None = None,
    suffix: str = "",
) -> JobUpdate:
    kwargs: dict[str, Any] = {"model": model, "training_file": training_file}
    if validation_file:
        kwargs["validation_file"] = validation_file
    if suffix:
        kwargs["suffix"] = suffix[:18]  # OpenAI's limit on the suffix in the model name
    if epochs:
        kwargs["method"] = {"type": "supervised", "supervised": {"hyperparameters": {"n_epochs": epochs}}}
    try:
        job = client.fine_tuning.jobs.create(**kwargs)
    except openai.OpenAIError as exc:
        raise explain(exc, "start") from None
    return _update(job, (), None)


def _ended(final: JobUpdate) -> JobUpdate:
    """``final``, or FineTuneError(kind="job_failed") with the provider's reason when it failed."""
    if final.status == "failed":
        message, hint = _WORDS["job_failed"]
        raise FineTuneError(
            message,
            hint,
            details={
                "kind": "job_failed",
                "step": "follow",
                "job": final.job_id,
                "code": final.error.get("code", ""),
                "said": final.error.get("message", ""),
            },
        )
    return final


def run_job(
    cfg,
    train_path: str | Path,
    model: str,
    *,
    validation_path: str | Path | None = None,
    epochs: int | None = None,
    suffix: str = "",
    progress: Callable[[JobUpdate], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    poll_s: float = POLL_S,
    cancel_on_stop: Callable[[], bool] | None = None,
    api_key: str | None = None,
) -> JobUpdate:
    """Upload the files, start the job and follow it to the end (``cfg``: a ConnectionConfig).

    The first progress update after the start carries the job id (worth remembering: the job
    outlives the window). A job that ends failed raises FineTuneError(kind="job_failed").
    """
    from desktop_app.core.providers.client import make_client  # noqa: PLC0415

    stop = should_stop or (lambda: False)
    client = make_client(cfg, api_key=api_key)
    try:
        training_file = upload(client, train_path)
        validation_file = upload(client, validation_path) if validation_path else None
        if stop():
            return JobUpdate("", "cancelled")
        started = start(client, training_file, model, validation_file=validation_file, epochs=epochs, suffix=suffix)
        if progress:
            progress(started)
        final = follow(
            client, started.job_id, progress=progress, should_stop=stop, poll_s=poll_s, cancel_on_stop=cancel_on_stop
        )
    finally:
        client.close()
    return _ended(final)


def follow_job(
    cfg,
    job_id: str,
    *,
    progress: Callable[[JobUpdate], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    poll_s: float = POLL_S,
    cancel_on_stop: Callable[[], bool] | None = None,
    api_key: str | None = None,
) -> JobUpdate:
    """Follow a job started earlier (the app was closed or killed while it trained)."""
    from desktop_app.core.providers.client import make_client  # noqa: PLC0415

    client = make_client(cfg, api_key=api_key)
    try:
        final = follow(
            client, job_id, progress=progress, should_stop=should_stop, poll_s=poll_s, cancel_on_stop=cancel_on_stop
        )
    finally:
        client.close()
    return _ended(final)
