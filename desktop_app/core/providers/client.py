"""Model access through the ``openai`` SDK: OpenAI, Azure OpenAI, any OpenAI-compatible server.

The settings it reads are ``connection.ConnectionConfig``. Clients come from ``make_client`` / ``make_async_client``; ``test_connection`` answers the Test
button with a verdict code, ``list_models`` and ``embed_texts`` serve the settings page and
the knowledge base.

Who retries: the SDK retries 408/409/429/5xx and timeouts ``max_retries`` times with backoff,
honouring Retry-After (up to 120 s in openai 3.x). The client gets ``cfg.max_retries`` unless a
caller overrides it. The runner runs its own retry loop (it must count attempts, record
errors and stop on Cancel), so it asks for ``make_async_client(cfg, max_retries=0)`` and uses
``retry_after_s`` / ``is_retryable`` below: retries happen in exactly one layer. The Test button
also uses ``max_retries=0`` so a person gets a verdict in seconds, not after backoff.
"""

from __future__ import annotations

import time
from email.utils import parsedate_to_datetime
from typing import Any, Iterable

import openai

from desktop_app.core.providers import secrets
from desktop_app.core.providers.replies import read_answer
from desktop_app.core.providers.connection import (
    AZURE_API_VERSION,
    LOCAL_BASE_URL,
    LOCAL_PLACEHOLDER_KEY,
    OPENAI_BASE_URL,
    PRESETS,
    TEST_PROMPT,
    VERDICTS,
    ConnectionConfig,
    ConnectionReport,
)
from desktop_app.core.errors import ConnectionFailed
from desktop_app.core.phrases import phrase, translate

# The connection names stay reachable as client.X: the ui and cli hold this module as "providers".
__all__ = [
    "AZURE_API_VERSION",
    "LOCAL_BASE_URL",
    "LOCAL_PLACEHOLDER_KEY",
    "OPENAI_BASE_URL",
    "PRESETS",
    "TEST_PROMPT",
    "VERDICTS",
    "ConnectionConfig",
    "ConnectionReport",
    "classify",
    "embed_texts",
    "is_retryable",
    "list_models",
    "make_async_client",
    "make_client",
    "make_embedder",
    "retry_after_s",
    "test_connection",
    "to_connection_failed",
]


# -- clients ------------------------------------------------------------------------------
def _client_kwargs(
    cfg: ConnectionConfig, api_key: str | None, max_retries: int | None, timeout_s: float | None
) -> dict[str, Any]:
    if cfg.preset == "offline":
        raise ConnectionFailed(
            translate("ConnectionErrors", "This project is offline: no model calls are made."),
            translate(
                "ConnectionErrors", "Choose OpenAI, Azure OpenAI or a local server under Connection to run models."
            ),
            details={"verdict": "offline"},
        )
    cfg.check_complete()
    key = api_key or secrets.resolve_api_key(cfg)
    if not key:
        raise secrets.missing_key_error(cfg)
    kwargs: dict[str, Any] = {
        "api_key": key,
        "max_retries": cfg.max_retries if max_retries is None else max_retries,
        "timeout": cfg.timeout_s if timeout_s is None else timeout_s,
    }
    if cfg.preset == "azure":
        kwargs.update(azure_endpoint=cfg.azure_endpoint, api_version=cfg.api_version)
    else:
        kwargs["base_url"] = cfg.base_url
    return kwargs


def make_client(
    cfg: ConnectionConfig, *, api_key: str | None = None, max_retries: int | None = None, timeout_s: float | None = None
) -> openai.OpenAI:
    """A sync client (``AzureOpenAI`` for the azure preset). Raises ConnectionFailed when offline,
    incomplete or without a key."""
    kwargs = _client_kwargs(cfg, api_key, max_retries, timeout_s)
    return openai.AzureOpenAI(**kwargs) if cfg.preset == "azure" else openai.OpenAI(**kwargs)


def make_async_client(
    cfg: ConnectionConfig, *, api_key: str | None = None, max_retries: int | None = None, timeout_s: float | None = None
) -> openai.AsyncOpenAI:
    """An asyncio client for the runner; pass ``max_retries=0`` when retrying yourself."""
    kwargs = _client_kwargs(cfg, api_key, max_retries, timeout_s)
    return openai.AsyncAzureOpenAI(**kwargs) if cfg.preset == "azure" else openai.AsyncOpenAI(**kwargs)


# -- errors ---------------------------------------------------------------------------------
def retry_after_s(exc: BaseException) -> float | None:
    """Seconds the server asked to wait (retry-after-ms, Retry-After seconds or HTTP date)."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if not headers:
        return None
    try:
        if headers.get("retry-after-ms"):
            return max(0.0, float(headers["retry-after-ms"]) / 1000.0)
        value = headers.get("retry-after")
        if not value:
            return None
        try:
            return max(0.0, float(value))
        except ValueError:
            return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, OverflowError):
        return None


def is_retryable(exc: BaseException) -> bool:
    """Worth another attempt: timeouts, lost connections, 408/409/429 and 5xx."""
    if isinstance(exc, (openai.APITimeoutError, openai.APIConnectionError)):
        return True
    status = getattr(exc, "status_code", None)
    return isinstance(status, int) and (status in (408, 409, 429) or status >= 500)


_QUOTA_CODES = ("insufficient_quota", "billing_hard_limit_reached", "billing_not_active", "quota_exceeded")


def is_quota_error(exc: BaseException) -> bool:
    """A 429 for an exhausted quota or a billing limit (OpenAI's insufficient_quota), not a rate
    limit: no wait helps, so a run stops with a hint instead of retrying."""
    body = getattr(exc, "body", None)
    code = str(body.get("code") or "") if isinstance(body, dict) else ""
    kind = str(body.get("type") or "") if isinstance(body, dict) else ""
    message = str(getattr(exc, "message", "") or "").lower()
    return (
        code in _QUOTA_CODES or kind in _QUOTA_CODES or "exceeded your current quota" in message or "billing" in message
    )


def classify(exc: BaseException) -> str:
    """The verdict code for an SDK exception."""
    if isinstance(exc, openai.RateLimitError) and is_quota_error(exc):
        return "quota"
    if isinstance(exc, openai.APITimeoutError):  # a subclass of APIConnectionError: test first
        return "timeout"
    if isinstance(exc, openai.APIConnectionError):
        return "unreachable"
    if isinstance(exc, (openai.AuthenticationError, openai.PermissionDeniedError)):
        return "key_rejected"
    if isinstance(exc, openai.NotFoundError):
        return "model_not_found"
    return "server_error"


def _detail(exc: BaseException, key: str | None) -> str:
    body = getattr(exc, "body", None)  # the server's {"message": ..., "code": ...} when it sent one
    message = body.get("message") if isinstance(body, dict) else None
    message = message or getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return secrets.scrub(str(message), key)[:500]


def to_connection_failed(exc: BaseException, cfg: ConnectionConfig, key: str | None = None) -> ConnectionFailed:
    """An SDK exception as a ConnectionFailed with a plain message and hint (key masked)."""
    verdict = classify(exc)
    url = cfg.server_url()
    model = cfg.chat_model
    message, hint = {
        "timeout": (
            phrase(translate("ConnectionErrors", "The server at {url} did not answer in time."), url=url),
            translate("ConnectionErrors", "Check the server is running; raise the timeout for slow local models."),
        ),
        "unreachable": (
            phrase(translate("ConnectionErrors", "The server is not reachable at {url}."), url=url),
            translate(
                "ConnectionErrors", "Check the address and port, your network or proxy, and that the server is running."
            ),
        ),
        "key_rejected": (
            translate("ConnectionErrors", "The server rejected the API key."),
            translate("ConnectionErrors", "Check the key is current and belongs to this server or Azure resource."),
        ),
        "model_not_found": (
            phrase(translate("ConnectionErrors", "The model '{model}' was not found on the server."), model=model),
            translate(
                "ConnectionErrors", "Pick a model from the server's list (models command) or check the deployment name."
            ),
        ),
        "quota": (
            translate(
                "ConnectionErrors",
                "The account has no quota or credit left for this model (the provider "
                "said insufficient quota, or a billing limit).",
            ),
            translate(
                "ConnectionErrors",
                "Add credit or raise the limit in the provider's billing settings, then "
                "run again: the rows not sent yet are still to do.",
            ),
        ),
        "server_error": (
            phrase(translate("ConnectionErrors", "The server at {url} answered with an error."), url=url),
            translate("ConnectionErrors", "Try again later; if it persists, check the server's status or your quota."),
        ),
    }[verdict]
    return ConnectionFailed(
        message,
        hint,
        details={"verdict": verdict, "detail": _detail(exc, key), "status": getattr(exc, "status_code", None)},
    )


# -- calls ----------------------------------------------------------------------------------
def list_models(cfg: ConnectionConfig, api_key: str | None = None) -> list[str]:
    """Model ids the server offers, sorted (Azure lists models, not deployment names).

    ``api_key``: a key the user typed but has not saved yet; otherwise the saved one is used."""
    key = api_key or secrets.resolve_api_key(cfg)
    client = make_client(cfg, api_key=key, max_retries=0, timeout_s=min(cfg.timeout_s, 20.0))
    try:
        return sorted({m.id for m in client.models.list()})
    except openai.OpenAIError as exc:
        raise to_connection_failed(exc, cfg, key) from None
    finally:
        client.close()


def limit_param(model: str) -> str:
    # Reasoning models (o1/o3/o4, gpt-5) reject max_tokens; older servers reject the new name.
    name = model.lower().rsplit("/", 1)[-1]
    reasoning = name.startswith("gpt-5") or (len(name) > 1 and name[0] == "o" and name[1].isdigit())
    return "max_completion_tokens" if reasoning else "max_tokens"


def _tiny_completion(client: openai.OpenAI, model: str) -> str | None:
    """None when the model answered; else why what came back is not an answer (a proxy's page,
    a JSON list, choices: []), so Test never calls such a server "connected"."""
    param = limit_param(model)
    limit = 64 if param == "max_completion_tokens" else 5  # reasoning models think first
    messages: Any = [{"role": "user", "content": TEST_PROMPT}]
    cap: dict[str, Any] = {param: limit}
    try:
        resp = client.chat.completions.create(model=model, messages=messages, **cap)
    except openai.BadRequestError as exc:
        if "max_tokens" not in str(exc) and "max_completion_tokens" not in str(exc):
            raise
        other = "max_tokens" if param == "max_completion_tokens" else "max_completion_tokens"
        cap = {other: 64}
        resp = client.chat.completions.create(model=model, messages=messages, **cap)
    except (ValueError, openai.APIResponseValidationError) as exc:  # a body that is not JSON at all
        return f"the reply could not be read ({type(exc).__name__})"
    text, problem = read_answer(resp)
    # A reasoning model may spend a tiny cap on thinking and say nothing: still a working model.
    return None if problem == "the answer has no text (content: null)" and text is None and limit > 5 else problem


def test_connection(cfg: ConnectionConfig, api_key: str | None = None) -> ConnectionReport:
    """Send one tiny chat completion (or list models when no model is chosen) and report.

    ``api_key``: a key the user typed but has not saved yet; otherwise the saved one is used."""
    url, model = cfg.server_url(), cfg.chat_model
    if cfg.preset == "offline":
        return ConnectionReport(False, "offline", model=model, url=url)
    cfg.check_complete()
    key = api_key or secrets.resolve_api_key(cfg)
    if not key:
        err = secrets.missing_key_error(cfg)
        return ConnectionReport(False, "no_key", model=model, url=url, detail=err.one_line())
    client = make_client(cfg, api_key=key, max_retries=0, timeout_s=min(cfg.timeout_s, 30.0))
    started = time.perf_counter()
    try:
        problem = _tiny_completion(client, model) if model else None
        if not model:
            client.models.list()
    except openai.OpenAIError as exc:
        return ConnectionReport(
            False,
            classify(exc),
            latency_s=round(time.perf_counter() - started, 3),
            model=model,
            url=url,
            detail=_detail(exc, key),
            status=getattr(exc, "status_code", None),
        )
    finally:
        client.close()
    if problem is not None:  # it answered, but not with a model's answer: not working
        return ConnectionReport(
            False,
            "bad_answer",
            latency_s=round(time.perf_counter() - started, 3),
            model=model,
            url=url,
            detail=secrets.scrub(problem, key)[:500],
            status=200,
        )
    latency = round(time.perf_counter() - started, 3)
    from desktop_app.core.providers.model_info import probe_context  # noqa: PLC0415

    window = probe_context(cfg, key) if model else None  # metadata only: no model call
    return ConnectionReport(
        True,
        "connected",
        latency_s=latency,
        model=model,
        url=url,
        detail="" if model else "no model chosen; the server listed its models",
        context_tokens=window[0] if window else None,
        context_source=window[1] if window else "",
    )


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test when imported


def embed_texts(
    cfg: ConnectionConfig, texts: Iterable[str], batch: int = 128, client: openai.OpenAI | None = None
) -> list[list[float]]:
    """Embedding vectors for ``texts`` in order, ``batch`` texts per request."""
    texts = list(texts)
    if not texts:
        return []
    if not cfg.embedding_model:
        raise ConnectionFailed(
            translate("ConnectionErrors", "No embedding model is set for this connection."),
            translate(
                "ConnectionErrors",
                "Choose one under Connection (e.g. text-embedding-3-small, or nomic-embed-text locally).",
            ),
        )
    key = None
    own = client is None
    if own:
        key = secrets.resolve_api_key(cfg)
        client = make_client(cfg, api_key=key)
    assert client is not None  # given, or made just above
    vectors: list[list[float]] = []
    try:
        for start in range(0, len(texts), max(1, batch)):
            # The API rejects empty strings; a space embeds as "nothing" without failing the batch.
            chunk = [t if t and t.strip() else " " for t in texts[start : start + batch]]
            response = client.embeddings.create(model=cfg.embedding_model, input=chunk)
            vectors.extend(item.embedding for item in sorted(response.data, key=lambda d: d.index))
    except openai.OpenAIError as exc:
        raise to_connection_failed(
            exc, cfg.replace(model=cfg.embedding_model, azure_deployment=cfg.embedding_model), key
        ) from None
    finally:
        if own:
            client.close()
    return vectors


def make_embedder(cfg: ConnectionConfig, batch: int = 128):
    """A reusable ``embed(texts) -> list[list[float]]`` with one client, for checks and knowledge."""
    client = make_client(cfg)

    def embed(texts: Iterable[str]) -> list[list[float]]:
        return embed_texts(cfg, texts, batch=batch, client=client)

    embed.close = client.close  # type: ignore[attr-defined]
    return embed
