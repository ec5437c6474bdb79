"""The scripted server's Batch API: files (upload, metadata, content) and batches (create,
retrieve, cancel), for OpenAI's /v1 paths and Azure OpenAI's /openai paths alike.

A batch moves one step each time it is retrieved, as a real one moves while nobody looks:
validating -> in_progress -> completed. ``hold`` keeps it in_progress (results not yet due;
``held``: only these batch ids);
``expire_after`` ends it as expired with only that many requests answered (partial output);
a cancel makes it cancelling, then cancelled with ``done_before_cancel`` requests answered.
Each line is answered by the server's ``chat_rule``; a rule's non-200 Reply, or an unknown model,
goes to the error file, as the provider does.
"""

from __future__ import annotations

import json
import re
import threading
import time
from email import policy
from email.parser import BytesParser
from typing import Any

BATCH_PATH = re.compile(r"/(files|batches)(/|$)")
_FILE_CONTENT = re.compile(r"/files/([^/]+)/content$")
_FILE = re.compile(r"/files/([^/]+)$")
_BATCH_CANCEL = re.compile(r"/batches/([^/]+)/cancel$")
_BATCH = re.compile(r"/batches/([^/]+)$")
WINDOW_S = 24 * 3600


def _error(message: str, code: str | None = None) -> dict:
    return {"error": {"message": message, "type": "invalid_request_error", "param": None, "code": code}}


def _multipart(raw: bytes, content_type: str) -> dict[str, Any]:
    message = BytesParser(policy=policy.default).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + raw
    )
    fields: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        data = part.get_payload(decode=True) or b""
        fields[str(name)] = data if part.get_filename() else data.decode("utf-8")
        if part.get_filename():
            fields[f"{name}.filename"] = part.get_filename()
    return fields


class BatchDesk:
    """Files and batches of one scripted server."""

    def __init__(self, server) -> None:
        self.server = server
        self.files: dict[str, dict] = {}
        self.contents: dict[str, bytes] = {}
        self.batches: dict[str, dict] = {}
        self.lines: dict[str, list[dict]] = {}  # batch id -> its input lines
        self.hold = False
        self.held: set[str] = set()  # these batches stay in_progress, whatever ``hold`` says
        self.expire_after: int | None = None
        self.done_before_cancel = 1
        self.upload_delay = 0.0  # seconds each file upload takes (a large file on a slow line)
        self.answered: list[dict] = []  # bodies of every request a batch answered
        self._lock = threading.Lock()

    # -- files ------------------------------------------------------------------------------
    def _add_file(self, data: bytes, filename: str, purpose: str) -> dict:
        file_id = f"file-{len(self.files) + 1:04d}"
        self.files[file_id] = {
            "id": file_id,
            "object": "file",
            "bytes": len(data),
            "created_at": int(time.time()),
            "filename": filename,
            "purpose": purpose,
            "status": "processed",
        }
        self.contents[file_id] = data
        return self.files[file_id]

    # -- batches ----------------------------------------------------------------------------
    def _answer_line(self, line: dict) -> tuple[bool, dict]:
        body = line.get("body") or {}
        model = body.get("model", "")
        out = {"id": f"batch_req_{len(self.answered) + 1}", "custom_id": line.get("custom_id"), "error": None}
        if self.server.strict_models and model not in self.server.models:
            status, payload = 404, _error(f"The model `{model}` does not exist.", "model_not_found")
        else:
            status, _headers, payload = self.server._chat(model, body)
            self.answered.append(body)
        if isinstance(payload, bytes):
            status, payload = 502, _error("the upstream reply was not JSON")
        out["response"] = {"status_code": status, "request_id": out["id"], "body": payload}
        return status == 200, out

    def _finish(self, batch: dict, status: str, answer: int) -> None:
        done, failed = [], []
        for line in self.lines[batch["id"]][:answer]:
            ok, out = self._answer_line(line)
            (done if ok else failed).append(json.dumps(out, ensure_ascii=False))
        if done:
            batch["output_file_id"] = self._add_file(("\n".join(done) + "\n").encode(), "output.jsonl", "batch_output")[
                "id"
            ]
        if failed:
            batch["error_file_id"] = self._add_file(
                ("\n".join(failed) + "\n").encode(), "errors.jsonl", "batch_output"
            )["id"]
        batch["request_counts"] = {"total": len(self.lines[batch["id"]]), "completed": len(done), "failed": len(failed)}
        batch["status"] = status
        batch[f"{status}_at"] = int(time.time())

    def _step(self, batch: dict) -> None:
        total = len(self.lines[batch["id"]])
        if batch["status"] == "validating":
            batch["status"], batch["in_progress_at"] = "in_progress", int(time.time())
            batch["request_counts"] = {"total": total, "completed": 0, "failed": 0}
        elif batch["status"] == "in_progress" and not self.hold and batch["id"] not in self.held:
            if self.expire_after is not None:
                self._finish(batch, "expired", self.expire_after)
            else:
                self._finish(batch, "completed", total)
        elif batch["status"] == "cancelling":
            self._finish(batch, "cancelled", self.done_before_cancel)

    def _create(self, body: dict) -> tuple[int, dict, Any]:
        input_id = body.get("input_file_id", "")
        if input_id not in self.contents:
            return 400, {}, _error(f"No file {input_id}.", "invalid_file")
        lines = [json.loads(x) for x in self.contents[input_id].decode("utf-8").splitlines() if x.strip()]
        if any(ln.get("url") != body.get("endpoint") for ln in lines):
            return 400, {}, _error("Every line's url must be the batch's endpoint.", "invalid_url")
        now = int(time.time())
        batch_id = f"batch_{len(self.batches) + 1:04d}"
        self.lines[batch_id] = lines
        self.batches[batch_id] = {
            "id": batch_id,
            "object": "batch",
            "endpoint": body.get("endpoint"),
            "errors": None,
            "input_file_id": input_id,
            "completion_window": body.get("completion_window", "24h"),
            "status": "validating",
            "output_file_id": None,
            "error_file_id": None,
            "created_at": now,
            "in_progress_at": None,
            "expires_at": now + WINDOW_S,
            "finalizing_at": None,
            "completed_at": None,
            "failed_at": None,
            "expired_at": None,
            "cancelling_at": None,
            "cancelled_at": None,
            "request_counts": {"total": 0, "completed": 0, "failed": 0},
            "metadata": body.get("metadata"),
        }
        return 200, {}, self.batches[batch_id]

    # -- routing ----------------------------------------------------------------------------
    def handle(self, method: str, path: str, raw: bytes, headers: dict[str, str]) -> tuple[int, dict, Any]:
        if method == "POST" and path.endswith("/files") and self.upload_delay:
            time.sleep(self.upload_delay)
        with self._lock:
            if method == "POST" and path.endswith("/files"):
                form = _multipart(raw, headers.get("content-type", ""))
                if form.get("purpose") != "batch" or not isinstance(form.get("file"), bytes):
                    return 400, {}, _error("Upload a file with purpose=batch.")
                return 200, {}, self._add_file(form["file"], form.get("file.filename", "upload.jsonl"), "batch")
            found = _FILE_CONTENT.search(path)
            if method == "GET" and found:
                if found.group(1) not in self.contents:
                    return 404, {}, _error("No such file.")
                return 200, {"Content-Type": "application/octet-stream"}, self.contents[found.group(1)]
            found = _FILE.search(path)
            if method == "GET" and found and found.group(1) in self.files:
                return 200, {}, self.files[found.group(1)]
            if method == "POST" and path.endswith("/batches"):
                return self._create(json.loads(raw or b"{}"))
            if method == "GET" and path.endswith("/batches"):  # newest first, as the provider lists them
                data = list(reversed(self.batches.values()))
                return (
                    200,
                    {},
                    {
                        "object": "list",
                        "data": data,
                        "has_more": False,
                        "first_id": data[0]["id"] if data else None,
                        "last_id": data[-1]["id"] if data else None,
                    },
                )
            found = _BATCH_CANCEL.search(path)
            if method == "POST" and found and found.group(1) in self.batches:
                batch = self.batches[found.group(1)]
                if batch["status"] in ("validating", "in_progress"):
                    batch["status"], batch["cancelling_at"] = "cancelling", int(time.time())
                return 200, {}, batch
            found = _BATCH.search(path)
            if method == "GET" and found and found.group(1) in self.batches:
                batch = self.batches[found.group(1)]
                self._step(batch)
                return 200, {}, batch
            return 404, {}, _error(f"Unknown path {path}")
