"""How long a prompt the model takes (its context window), known before a run without a model call.

Local servers say it in their metadata, which the Connection page's Test (and `test-connection`)
reads after its tiny request: vLLM's ``/v1/models`` ``max_model_len``; llama.cpp's ``/props``
``n_ctx`` (the window it serves; ``/v1/models`` ``meta.n_ctx_train`` is only what the model was
trained on); LM Studio's ``/api/v0/models`` ``loaded_context_length`` / ``max_context_length``;
Ollama's ``/api/show`` ``model_info.<arch>.context_length`` (a smaller ``num_ctx`` parameter wins).
What was found is kept in project.json's ``model_info`` section,
``{"<endpoint> <model>": {"context_tokens": 8192, "source": "llama.cpp /props n_ctx"}}``; hosted
models fall back to ``prices.DEFAULT_CONTEXT_WINDOWS``.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from desktop_app.core.providers import prices

SECTION = "model_info"
_PROBE_TIMEOUT_S = 5.0


def _key(cfg, model: str) -> str:
    return f"{cfg.endpoint_id() or 'openai'} {model}"


def _int(value: Any) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def _entry(data: Any, model: str) -> dict:
    items = data.get("data") if isinstance(data, dict) else None
    found = [m for m in items or [] if isinstance(m, dict) and m.get("id") == model]
    return found[0] if found else {}


def _from_models(data: Any, model: str) -> tuple[int, str] | None:
    entry = _entry(data, model)
    if _int(entry.get("max_model_len")):
        return int(entry["max_model_len"]), "vLLM /v1/models max_model_len"
    meta = entry.get("meta")
    meta = meta if isinstance(meta, dict) else {}
    if _int(meta.get("n_ctx_train")):
        return int(meta["n_ctx_train"]), "llama.cpp /v1/models n_ctx_train"
    return None


def _from_props(data: Any, model: str) -> tuple[int, str] | None:
    settings = data.get("default_generation_settings") if isinstance(data, dict) else None
    n_ctx = _int((settings or {}).get("n_ctx")) if isinstance(settings, dict) else None
    return (n_ctx, "llama.cpp /props n_ctx") if n_ctx else None


def _from_lmstudio(data: Any, model: str) -> tuple[int, str] | None:
    entry = _entry(data, model)
    for field in ("loaded_context_length", "max_context_length"):
        if _int(entry.get(field)):
            return int(entry[field]), f"LM Studio /api/v0/models {field}"
    return None


def _from_ollama(data: Any, model: str) -> tuple[int, str] | None:
    info = data.get("model_info") if isinstance(data, dict) else None
    found = (
        [_int(v) for k, v in (info or {}).items() if str(k).endswith(".context_length")]
        if isinstance(info, dict)
        else []
    )
    window = next((f for f in found if f), None)
    num_ctx = re.search(r"num_ctx\s+(\d+)", str(data.get("parameters") or "")) if isinstance(data, dict) else None
    if num_ctx and (window is None or int(num_ctx.group(1)) < window):
        return int(num_ctx.group(1)), "Ollama /api/show num_ctx"
    return (window, "Ollama /api/show context_length") if window else None


def _from_ollama_ps(data: Any, model: str) -> tuple[int, str] | None:
    """The window the loaded model runs with (Test has just loaded it): Ollama's default is far
    below the model's own context_length unless OLLAMA_CONTEXT_LENGTH or num_ctx raise it, and
    longer prompts are cut without an error."""
    loaded = data.get("models") if isinstance(data, dict) else None
    names = {model, f"{model}:latest"}
    for entry in loaded or []:
        if isinstance(entry, dict) and names & {entry.get("name"), entry.get("model")}:
            window = _int(entry.get("context_length"))
            return (window, "Ollama /api/ps context_length") if window else None
    return None


Reader = Callable[[Any, str], "tuple[int, str] | None"]


def probe_context(cfg, key: str | None) -> tuple[int, str] | None:
    """(window, where it was read) from a local or self-hosted server's metadata; None when it says
    nothing. OpenAI's and Azure's APIs publish no window: their models are in the price table."""
    import httpx  # noqa: PLC0415 - comes with openai

    if cfg.preset not in ("local", "openai") or not cfg.endpoint_id() or not cfg.chat_model:
        return None
    base = cfg.base_url.rstrip("/")
    root = base[: -len("/v1")] if base.endswith("/v1") else base
    model = cfg.chat_model
    asks: list[tuple[str, str, dict | None, Reader]] = [
        ("GET", f"{base}/models", None, _from_models),
        ("GET", f"{root}/props", None, _from_props),
        ("GET", f"{root}/api/v0/models", None, _from_lmstudio),
        ("GET", f"{root}/api/ps", None, _from_ollama_ps),
        ("POST", f"{root}/api/show", {"model": model}, _from_ollama),
    ]
    trained = None
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    with httpx.Client(timeout=min(cfg.timeout_s, _PROBE_TIMEOUT_S), headers=headers) as client:
        for method, url, body, read in asks:
            try:
                resp = client.request(method, url, json=body)
                found = read(resp.json(), model) if resp.status_code == 200 else None
            except httpx.TimeoutException:
                break  # a server that hangs on paths it does not know would hold Test for each one
            except (httpx.HTTPError, ValueError):
                continue
            if found and "n_ctx_train" in found[1]:
                trained = trained or found  # what it was trained on; /props may say what it serves
            elif found:
                return found
    return trained


def remember(project, cfg, window: int | None, source: str) -> None:
    """Keep what Test learned about the model's window (nothing changes when it learned nothing)."""
    if not window or not cfg.chat_model:
        return
    data = dict(project.section(SECTION) or {})
    data[_key(cfg, cfg.chat_model)] = {"context_tokens": int(window), "source": source}
    project.set_section(SECTION, data)


def context_window(project, cfg, model: str, price_model: str | None = None) -> int | None:
    """The window of ``model`` on this connection: what its server said, else the known table."""
    entry = (project.section(SECTION) or {}).get(_key(cfg, model)) if project is not None else None
    stored = _int(entry.get("context_tokens")) if isinstance(entry, dict) else None
    return stored or prices.context_window(price_model or model)
