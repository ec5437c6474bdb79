"""A scripted OpenAI-compatible HTTP server on 127.0.0.1 for tests and benchmarks.

Every model call in the test suite goes through the real ``openai`` client to this server.
A test sets how it answers (``chat_rule``, ``embed_rule``), how slow it is (``latency``) and
which faults it injects (``fail_next``: 429 with Retry-After, 500, ...; ``hang_next``), then
asserts on what the server received (``requests``, ``count``).

Use the ``scripted_server`` fixture, or ``with ScriptedServer() as server:`` in a benchmark.
Run ``python -m tests.scripted_server`` to serve by hand (prints the base URL).
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable
from urllib.parse import urlparse

import pytest

from tests.scripted_batches import BATCH_PATH, BatchDesk
from tests.scripted_finetune import FineTuneScript
from tests.scripted_limits import RateLimit, TokenRateLimit
from tests.scripted_replies import (
    EMBED_DIM,
    Reply,
    _default_chat_rule,
    hashed_embedding,
    last_user_text,
    prompt_text,
    prompt_tokens_of,
    rating_rule,
    tail_of,
)

# Names tests and benchmarks import from here; the answers live in scripted_replies.py.
__all__ = [
    "EMBED_DIM",
    "Reply",
    "hashed_embedding",
    "last_user_text",
    "prompt_text",
    "rating_rule",
    "RateLimit",
    "TokenRateLimit",
    "ScriptedServer",
    "scripted_server",
]

_PURPOSE = re.compile(rb'name="purpose"\r?\n(?:[^\r\n]*\r?\n)*?\r?\n([\w-]+)')


class ScriptedServer:
    """An OpenAI-compatible server whose answers and faults a test scripts."""

    def __init__(self, *, latency: float = 0.0, models: list[str] | None = None):
        self.latency = latency
        self.models: list[str] = list(models or ["gpt-4o-mini", "gpt-4o", "text-embedding-3-small"])
        self.strict_models = True  # unknown model -> 404 model_not_found, like the real API
        self.api_key = "sk-test-scripted-0000"
        self.required_key: str | None = None
        self.chat_rule: Callable[[dict], str | Reply] = _default_chat_rule
        self.embed_rule: Callable[[list[str]], list[list[float]]] = lambda texts: [hashed_embedding(t) for t in texts]
        self.requests: list[dict[str, Any]] = []
        self._faults: deque[tuple[str, int, float | None]] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._active = 0
        self.max_active = 0
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.rate_limit: RateLimit | None = None  # a provider's requests-per-minute limit
        self.token_limit: TokenRateLimit | None = None  # a provider's tokens-per-minute limit
        # Extra fields per model id in /v1/models (vLLM's max_model_len, llama.cpp's meta), and
        # other paths a local server answers (llama.cpp /props, Ollama /api/show): path -> body -> JSON
        self.model_meta: dict[str, dict] = {}
        self.routes: dict[str, Callable[[Any], Any]] = {}
        self.one_at_a_time = False  # a local server with one slot: requests queue behind each other
        # A local server's context window (Ollama's num_ctx): a longer prompt is cut from the start,
        # silently, the model answers what is left, and usage counts only what it read.
        self.context_tokens: int | None = None
        self._slot = threading.Lock()
        self.batch_desk = BatchDesk(self)  # files and batches (tests/scripted_batches.py)
        self.finetune = FineTuneScript(self)  # files + fine-tuning jobs; refusals and failures scripted there

    # -- scripting ------------------------------------------------------------------------
    def fail_next(self, n: int = 1, status: int = 429, retry_after: float | None = None) -> None:
        """The next ``n`` model requests get ``status`` (with Retry-After seconds if given)."""
        with self._lock:
            self._faults.extend([("status", status, retry_after)] * n)

    def hang_next(self, n: int = 1) -> None:
        """The next ``n`` model requests never answer (until the server stops)."""
        with self._lock:
            self._faults.extend([("hang", 0, None)] * n)

    def count(self, path_suffix: str = "/chat/completions") -> int:
        with self._lock:
            return sum(1 for r in self.requests if r["path"].endswith(path_suffix))

    def chat_requests(self) -> list[dict]:
        with self._lock:
            return [r["json"] for r in self.requests if r["path"].endswith("/chat/completions")]

    @property
    def base_url(self) -> str:
        assert self._httpd is not None, "server not started"
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    @property
    def root_url(self) -> str:
        """For Azure clients: the endpoint without /v1."""
        return self.base_url[: -len("/v1")]

    # -- lifecycle ------------------------------------------------------------------------
    def start(self) -> "ScriptedServer":
        server = self

        class Handler(_Handler):
            scripted = server

        httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        httpd.daemon_threads = True
        httpd.request_queue_size = 256
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="scripted-server", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._httpd:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    def __enter__(self) -> "ScriptedServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- request handling (called from handler threads) -------------------------------------
    def _take_fault(self) -> tuple[str, int, float | None] | None:
        with self._lock:
            return self._faults.popleft() if self._faults else None

    def _record(self, path: str, body: Any, headers: dict[str, str]) -> None:
        with self._lock:
            self.requests.append({"path": path, "json": body, "headers": headers, "time": time.time()})

    def _authorized(self, headers: dict[str, str]) -> bool:
        if self.required_key is None:
            return True
        bearer = headers.get("authorization", "")
        return bearer == f"Bearer {self.required_key}" or headers.get("api-key") == self.required_key

    def handle_batch(self, method: str, path: str, raw: bytes, headers: dict[str, str]) -> tuple[int, dict, Any]:
        """Files and batches: the body may be a multipart upload, so it stays raw."""
        self._record(path, None, headers)
        if not self._authorized(headers):
            return 401, {}, _error("Incorrect API key provided.", "invalid_request_error", "invalid_api_key")
        return self.batch_desk.handle(method, path, raw, headers)

    def handle_training(
        self, method: str, path: str, body: Any, headers: dict[str, str], raw: bytes
    ) -> tuple[int, dict, Any]:
        """Files and fine-tuning jobs: multipart uploads need the raw bytes ``handle`` never sees."""
        self._record(path, body, headers)
        if not self._authorized(headers):
            return 401, {}, _error("Incorrect API key provided.", "invalid_request_error", "invalid_api_key")
        return self.finetune.handle(method, path, raw, headers)

    def handle(self, method: str, path: str, body: Any, headers: dict[str, str]) -> tuple[int, dict, Any]:
        self._record(path, body, headers)
        if not self._authorized(headers):
            return 401, {}, _error("Incorrect API key provided.", "invalid_request_error", "invalid_api_key")
        if path in self.routes:
            return 200, {}, self.routes[path](body)
        if method == "GET" and path.endswith("/models"):
            return (
                200,
                {},
                {
                    "object": "list",
                    "data": [
                        {"id": m, "object": "model", "created": 0, "owned_by": "scripted", **self.model_meta.get(m, {})}
                        for m in self.models
                    ],
                },
            )
        if method != "POST":
            return 404, {}, _error(f"Unknown path {path}", "invalid_request_error", None)
        if not isinstance(body, dict):
            return 400, {}, _error("Body must be JSON.", "invalid_request_error", None)
        azure = re.search(r"/deployments/([^/]+)/", path)
        model = azure.group(1) if azure else body.get("model", "")
        if self.strict_models and model not in self.models:
            return (
                404,
                {},
                _error(
                    f"The model `{model}` does not exist or you do not have access to it.",
                    "invalid_request_error",
                    "model_not_found",
                ),
            )
        if self.rate_limit is not None and path.endswith("/chat/completions"):
            limited = self.rate_limit.take()
            if limited is not None:
                return (
                    429,
                    limited,
                    _error(
                        "Rate limit reached for requests per min (RPM). Please try again later.",
                        "requests",
                        "rate_limit_exceeded",
                    ),
                )
        budget: dict[str, str] = {}
        if self.token_limit is not None and path.endswith("/chat/completions"):
            cost = (
                len(prompt_text(body)) // 4 + 1 + int(body.get("max_tokens") or body.get("max_completion_tokens") or 0)
            )
            accepted, budget = self.token_limit.take(cost)
            if not accepted:
                return (
                    429,
                    budget,
                    _error(
                        f"Rate limit reached on tokens per min (TPM): Limit {self.token_limit.limit}, "
                        f"Requested {cost}.",
                        "tokens",
                        "rate_limit_exceeded",
                    ),
                )
        fault = self._take_fault()
        if fault and fault[0] == "hang":
            self._stopping.wait(120)
            return 504, {}, _error("hung", "server_error", None)
        if fault:
            headers_out = {"Retry-After": str(fault[2])} if fault[2] is not None else {}
            return fault[1], headers_out, _error(f"scripted {fault[1]}", "server_error", None)
        if path.endswith("/embeddings"):
            return self._embeddings(model, body)
        if path.endswith("/chat/completions"):
            status, headers, payload = self._chat(model, body)
            return status, {**budget, **headers}, payload
        return 404, {}, _error(f"Unknown path {path}", "invalid_request_error", None)

    def _embeddings(self, model: str, body: dict) -> tuple[int, dict, dict]:
        texts = body.get("input", [])
        texts = [texts] if isinstance(texts, str) else list(texts)
        vectors = self.embed_rule(texts)
        data = [{"object": "embedding", "index": i, "embedding": v} for i, v in enumerate(vectors)]
        used = sum(len(t) // 4 + 1 for t in texts)
        return (
            200,
            {},
            {"object": "list", "data": data, "model": model, "usage": {"prompt_tokens": used, "total_tokens": used}},
        )

    def _chat(self, model: str, body: dict) -> tuple[int, dict, Any]:
        if self.one_at_a_time:  # llama.cpp-style: one slot, the others wait in line
            self._slot.acquire()
        with self._lock:
            self._active += 1
            self.max_active = max(self.max_active, self._active)
        read = prompt_tokens_of(prompt_text(body))
        if self.context_tokens and read > self.context_tokens:
            body = {**body, "messages": [{"role": "user", "content": tail_of(prompt_text(body), self.context_tokens)}]}
            read = self.context_tokens
        try:
            reply = self.chat_rule(body)
            if isinstance(reply, str):
                reply = Reply(content=reply)
            delay = self.latency + reply.delay
            if delay:
                self._stopping.wait(delay)
        finally:
            with self._lock:
                self._active -= 1
            if self.one_at_a_time:
                self._slot.release()
        if reply.raw is not None:
            return reply.status, {**reply.headers, "Content-Type": reply.content_type}, reply.raw
        if reply.status != 200:
            return reply.status, reply.headers, _error(reply.content or "scripted error", "server_error", None)
        prompt_tokens = reply.prompt_tokens if reply.prompt_tokens is not None else read
        completion = reply.completion_tokens if reply.completion_tokens is not None else len(reply.content) // 4 + 1
        return (
            200,
            reply.headers,
            {
                "id": f"chatcmpl-{len(self.requests)}",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": model,
                "choices": [
                    {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": reply.content}}
                ],
                "usage": {
                    "prompt_tokens": prompt_tokens,
                    "completion_tokens": completion,
                    "total_tokens": prompt_tokens + completion,
                },
            },
        )


def _error(message: str, kind: str, code: str | None) -> dict:
    return {"error": {"message": message, "type": kind, "param": None, "code": code}}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the SDK's connection pool expects
    disable_nagle_algorithm = True  # headers and body go in two sends; Nagle would hold the body ~40 ms
    scripted: ScriptedServer

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        pass

    def _serve(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        path = urlparse(self.path).path
        purpose = _PURPOSE.search(raw[:65536]) if method == "POST" and path.endswith("/files") else None
        if "/fine_tuning/" in path or (purpose is not None and purpose.group(1) == b"fine-tune"):
            # Fine-tuning uploads and jobs (tests/scripted_finetune.py); batch files go to the batch desk.
            status, extra_headers, payload = self.scripted.handle_training(
                method, path, raw.decode("utf-8", "replace"), headers, raw
            )
        elif BATCH_PATH.search(path):
            status, extra_headers, payload = self.scripted.handle_batch(method, path, raw, headers)
        else:
            try:
                body = json.loads(raw) if raw else None
            except json.JSONDecodeError:
                body = raw.decode("utf-8", "replace")
            status, extra_headers, payload = self.scripted.handle(method, path, body, headers)
        data = payload if isinstance(payload, bytes) else json.dumps(payload, ensure_ascii=False).encode("utf-8")
        content_type = extra_headers.pop("Content-Type", "application/json")
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            for key, value in extra_headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout or cancel); nothing to answer

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")


@pytest.fixture
def scripted_server():
    """A fresh scripted OpenAI-compatible server on 127.0.0.1 for one test."""
    with ScriptedServer() as server:
        yield server


def main() -> None:  # pragma: no cover - a manual tool
    import argparse

    parser = argparse.ArgumentParser(description="Serve the scripted OpenAI-compatible server.")
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--n-ctx", type=int, default=0, help="answer /props as llama.cpp does, with this context")
    args = parser.parse_args()
    with ScriptedServer(latency=args.latency) as server:
        if args.n_ctx:
            server.routes["/props"] = lambda body: {"default_generation_settings": {"n_ctx": args.n_ctx}}
        print(server.base_url, flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":  # pragma: no cover
    main()
