"""The files and fine-tuning job endpoints of the scripted server (tests/scripted_server.py).

Behaves like OpenAI's and Azure's API: ``POST /files`` (multipart, purpose=fine-tune) checks
the JSONL and answers 400 ``invalid_file_format`` naming the first bad line; ``POST
/fine_tuning/jobs`` needs 10 examples and a tunable base model; each retrieve moves a job
along validating_files -> queued -> running (``steps`` steps, a "Step n/m" event per step) ->
succeeded, when the tuned model is added to the server's models. A test scripts refusals:
``refuse = "training_not_available"`` (403, as OpenAI answers accounts it no longer trains
for) or ``"quota"`` (429 insufficient_quota); ``fail_jobs`` ends running jobs failed.
"""

from __future__ import annotations

import json
import re
import threading
import time
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

MIN_EXAMPLES = 10


def _error(message: str, kind: str, code: str | None, param: str | None = None) -> dict:
    return {"error": {"message": message, "type": kind, "param": param, "code": code}}


class FineTuneScript:
    def __init__(self, server: Any):
        self.server = server
        self.tunable = ["gpt-4o-mini-2024-07-18", "gpt-4o-mini", "gpt-4.1-mini-2025-04-14"]
        self.available = True  # False: a chat-only server (Ollama, a proxy) that has no such endpoints
        self.refuse: str | None = None  # "training_not_available" | "quota"
        self.fail_jobs = False
        self.steps = 3
        self.files: dict[str, dict] = {}
        self.jobs: dict[str, dict] = {}
        self.events: dict[str, list[dict]] = {}
        self._lock = threading.Lock()

    def handle(self, method: str, path: str, raw: bytes, headers: dict[str, str]) -> tuple[int, dict, Any]:
        with self._lock:
            if not self.available:
                return 404, {}, _error(f"Unknown path {path}", "invalid_request_error", None)
            if method == "POST" and path.endswith("/files"):
                return self._upload(raw, headers.get("content-type", ""))
            if method == "POST" and path.endswith("/fine_tuning/jobs"):
                return self._create(json.loads(raw or b"{}"))
            found = re.search(r"/fine_tuning/jobs/([^/]+)(/events|/cancel)?$", path)
            if found and found.group(1) in self.jobs:
                job_id, tail = found.group(1), found.group(2)
                if tail == "/cancel" and method == "POST":
                    return self._cancel(job_id)
                if tail == "/events":
                    return 200, {}, {"object": "list", "data": list(reversed(self.events[job_id])), "has_more": False}
                return 200, {}, self._advance(job_id)
            return 404, {}, _error(f"Unknown path {path}", "invalid_request_error", None)

    # -- files ------------------------------------------------------------------------------
    def _upload(self, raw: bytes, content_type: str) -> tuple[int, dict, Any]:
        message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + raw)
        parts = {p.get_param("name", header="content-disposition"): p for p in message.iter_parts()}
        if "file" not in parts:
            return 400, {}, _error("No file in the upload.", "invalid_request_error", None, "file")
        purpose = parts["purpose"].get_content().strip() if "purpose" in parts else ""
        data = parts["file"].get_payload(decode=True) or b""
        for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1):
            try:
                record = json.loads(line)
                assert isinstance(record.get("messages"), list) and record["messages"]
            except (ValueError, AssertionError, AttributeError):
                return (
                    400,
                    {},
                    _error(
                        f'Invalid file format. Line {number}, key "messages": expected a list of messages.',
                        "invalid_request_error",
                        "invalid_file_format",
                        "file",
                    ),
                )
        file_id = f"file-{len(self.files) + 1:04d}"
        self.files[file_id] = {
            "id": file_id,
            "object": "file",
            "bytes": len(data),
            "created_at": int(time.time()),
            "filename": parts["file"].get_filename() or "upload.jsonl",
            "purpose": purpose,
            "status": "processed",
            "lines": len(data.splitlines()),
        }
        return 200, {}, {k: v for k, v in self.files[file_id].items() if k != "lines"}

    # -- jobs -------------------------------------------------------------------------------
    def _create(self, body: dict) -> tuple[int, dict, Any]:
        if self.refuse == "training_not_available":
            return (
                403,
                {},
                _error(
                    "Fine-tuning is not available for your organization. New fine-tuning jobs "
                    "can no longer be created.",
                    "invalid_request_error",
                    "training_not_available",
                ),
            )
        if self.refuse == "quota":
            return (
                429,
                {},
                _error(
                    "You exceeded your current quota, please check your plan and billing details.",
                    "insufficient_quota",
                    "insufficient_quota",
                ),
            )
        model = body.get("model", "")
        if model not in self.tunable:
            return (
                400,
                {},
                _error(
                    f"Model {model} is not available for fine-tuning or does not exist.",
                    "invalid_request_error",
                    "model_not_available",
                    "model",
                ),
            )
        training = self.files.get(body.get("training_file", ""))
        if training is None:
            return 400, {}, _error("Invalid training_file.", "invalid_request_error", "invalid_file", "training_file")
        if training["lines"] < MIN_EXAMPLES:
            return (
                400,
                {},
                _error(
                    f"Training file has {training['lines']} example(s), but must have at least {MIN_EXAMPLES} examples",
                    "invalid_request_error",
                    "invalid_n_examples",
                    "training_file",
                ),
            )
        job_id = f"ftjob-{len(self.jobs) + 1:04d}"
        epochs = (((body.get("method") or {}).get("supervised") or {}).get("hyperparameters") or {}).get("n_epochs")
        self.jobs[job_id] = {
            "id": job_id,
            "object": "fine_tuning.job",
            "created_at": int(time.time()),
            "error": None,
            "fine_tuned_model": None,
            "finished_at": None,
            "hyperparameters": {"n_epochs": epochs or "auto"},
            "model": model,
            "organization_id": "org-scripted",
            "result_files": [],
            "seed": 0,
            "status": "validating_files",
            "trained_tokens": None,
            "training_file": training["id"],
            "validation_file": body.get("validation_file"),
            "suffix": body.get("suffix"),
            "_step": 0,
        }
        self.events[job_id] = []
        self._event(job_id, f"Created fine-tuning job: {job_id}")
        return 200, {}, self._public(job_id)

    def _event(self, job_id: str, message: str, data: dict | None = None) -> None:
        n = len(self.events[job_id]) + 1
        self.events[job_id].append(
            {
                "id": f"ftevent-{job_id}-{n}",
                "object": "fine_tuning.job.event",
                "created_at": int(time.time()),
                "level": "info",
                "message": message,
                "data": data or {},
                "type": "metrics" if data else "message",
            }
        )

    def _public(self, job_id: str) -> dict:
        return {k: v for k, v in self.jobs[job_id].items() if not k.startswith("_") and k != "suffix"}

    def _advance(self, job_id: str) -> dict:
        job = self.jobs[job_id]
        if job["status"] == "validating_files":
            job["status"] = "queued"
            self._event(job_id, "Files validated, moving job to queued state")
        elif job["status"] == "queued":
            job["status"] = "running"
            self._event(job_id, "Fine-tuning job started")
        elif job["status"] == "running" and self.fail_jobs:
            job.update(
                status="failed",
                finished_at=int(time.time()),
                error={
                    "code": "invalid_training_file",
                    "param": "training_file",
                    "message": "The job failed due to an invalid training file: too many examples "
                    "are over the context length.",
                },
            )
            self._event(job_id, "Fine-tuning job failed")
        elif job["status"] == "running":
            job["_step"] += 1
            step = job["_step"]
            self._event(
                job_id,
                f"Step {step}/{self.steps}: training loss={1.0 / step:.3f}",
                {"step": step, "total_steps": self.steps, "train_loss": 1.0 / step},
            )
            if step >= self.steps:
                suffix = job.get("suffix") or "scripted"
                name = f"ft:{job['model']}:scripted:{suffix}:{job_id[-4:]}"
                job.update(
                    status="succeeded", fine_tuned_model=name, finished_at=int(time.time()), trained_tokens=1234 * step
                )
                self.server.models.append(name)
                self._event(job_id, "The job has successfully completed")
        return self._public(job_id)

    def _cancel(self, job_id: str) -> tuple[int, dict, Any]:
        job = self.jobs[job_id]
        if job["status"] not in ("succeeded", "failed", "cancelled"):
            job["status"] = "cancelled"
            self._event(job_id, "Fine-tuning job cancelled")
        return 200, {}, self._public(job_id)
