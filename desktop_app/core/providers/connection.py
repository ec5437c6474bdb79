"""The connection settings (``ConnectionConfig``, project.json's ``connection`` section, never a
key) and the checks on what a person types into them, before anything is saved.

A key pasted where the environment variable's *name* belongs must never reach project.json,
and a malformed address must give a message with a hint, not a traceback from urllib.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, fields
from typing import Any
from urllib.parse import urlsplit

from desktop_app.core.providers import secrets
from desktop_app.core.errors import ConnectionFailed
from desktop_app.core.phrases import phrase, translate

EXAMPLE_URL = "http://localhost:11434/v1"

_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
KEY_ENV_HINT = (
    "Enter the name of the environment variable that holds the key (e.g. OPENAI_API_KEY). To save "
    "the key itself, use the key field (CLI: connect --api-key-stdin): it goes to the OS keychain."
)


def looks_like_key(value: str) -> bool:
    """A pasted API key rather than a variable name: sk-..., very long, or a long run of letters
    (some lower case) and digits without the underscores variable names have (Azure keys: 32 hex)."""
    return (
        value.startswith("sk-")
        or len(value) > 64
        or (
            len(value) >= 24
            and "_" not in value
            and any(c.isdigit() for c in value)
            and any(c.islower() for c in value)
        )
    )


SERVER_URL_WORDS = translate("ConnectionErrors", "server URL")
AZURE_ENDPOINT_WORDS = translate("ConnectionErrors", "Azure OpenAI endpoint")


def check_key_env(name: str) -> str:
    """``name`` if it can be an environment variable's name; a key pasted there never reaches
    project.json (nor this error's text: only its masked form is shown)."""
    if not name:
        return name
    if looks_like_key(name):
        raise ConnectionFailed(
            f"The API key variable looks like an API key itself ({secrets.mask_key(name)}), "
            "and keys are never saved in the project.",
            KEY_ENV_HINT,
            details={"kind": "key_in_env_name"},
        )
    if not _ENV_NAME.match(name):
        shown = name if len(name) <= 24 else secrets.mask_key(name)
        raise ConnectionFailed(
            f"'{shown}' is not an environment variable name (letters, digits and _, not starting with a digit).",
            KEY_ENV_HINT,
            details={"kind": "bad_env_name"},
        )
    return name


def check_url(url: str, what: str = "") -> None:
    """Raise ConnectionFailed when ``url`` cannot be parsed (bad IPv6 brackets, port out of range),
    or carries a password or a key (``user:KEY@host``, ``?api_key=``): it would be saved in
    project.json, logs and reports, so it is refused without being shown."""
    if not url:
        return
    what = what or SERVER_URL_WORDS
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - parsing the port raises ValueError for "abc" or 99999
    except ValueError as exc:
        raise ConnectionFailed(
            phrase(
                translate("ConnectionErrors", "The {what} '{url}' is not a valid address ({problem})."),
                what=what,
                url=secrets.scrub_keys(url),
                problem=exc,
            ),
            phrase(
                translate(
                    "ConnectionErrors",
                    "Enter it like {example} or https://api.openai.com/v1 "
                    "(IPv6 hosts in brackets: http://[::1]:11434/v1).",
                ),
                example=EXAMPLE_URL,
            ),
            details={"kind": "bad_url"},
        ) from None
    if parts.password or parts.username or _SECRET_QUERY.search(parts.query) or looks_like_key_value(parts.query):
        raise ConnectionFailed(
            phrase(
                translate(
                    "ConnectionErrors",
                    "The {what} holds a password or a key ({where}), and keys are never saved in the project.",
                ),
                what=what,
                where=f"{parts.scheme}://{parts.hostname}/...",
            ),
            translate(
                "ConnectionErrors",
                "Enter the address alone; give the key in the key field "
                "(it goes to the system keychain) or through its "
                "environment variable.",
            ),
            details={"kind": "key_in_url"},
        )


_SECRET_QUERY = re.compile(r"(?:^|&)(?:api[-_]?key|key|token|access[-_]?token|secret|password)=", re.I)
_MODEL_LIKE_KEY = re.compile(r"^(?:sk-\S{8,}|[A-Za-z0-9]{32,})$")


def looks_like_key_value(value: str) -> bool:
    """A key pasted where a name belongs (a model, a deployment, a keychain user): "sk-..." or a
    long unbroken run of letters and digits (Azure keys: 32 hex). Real names have separators."""
    return any(_MODEL_LIKE_KEY.match(part) for part in re.split(r"[&=]", value or "") if part)


def check_no_key(value: str, what: str) -> str:
    """``value`` when it is not a pasted key; else refused, showing only its masked form."""
    if value and (looks_like_key_value(value.strip()) or len(value) > 200):
        raise ConnectionFailed(
            phrase(
                translate(
                    "ConnectionErrors",
                    "The {what} looks like an API key ({masked}), and keys are never saved in the project.",
                ),
                what=what,
                masked=secrets.mask_key(value.strip()),
            ),
            translate(
                "ConnectionErrors",
                "Enter the name here; give the key in the key field (it "
                "goes to the system keychain) or through its environment "
                "variable.",
            ),
            details={"kind": "key_in_field"},
        )
    return value


PRESETS = ("offline", "openai", "azure", "local")
OPENAI_BASE_URL = "https://api.openai.com/v1"
LOCAL_BASE_URL = "http://localhost:11434/v1"  # Ollama's default; LM Studio uses :1234/v1
AZURE_API_VERSION = "2024-10-21"  # the latest GA data-plane version at the time of writing
LOCAL_PLACEHOLDER_KEY = "local-server-no-key"  # local servers accept any key; the SDK wants one
VERDICTS = (
    "connected",
    "key_rejected",
    "unreachable",
    "model_not_found",
    "no_key",
    "timeout",
    "server_error",
    "offline",
    "quota",
    "bad_answer",
)
TEST_PROMPT = "Reply with the single word OK."

_PRESET_DEFAULTS: dict[str, dict[str, Any]] = {
    "offline": {},
    "openai": {
        "base_url": OPENAI_BASE_URL,
        "api_key_env": "OPENAI_API_KEY",
        "model": "gpt-4o-mini",
        "embedding_model": "text-embedding-3-small",
    },
    "azure": {"api_key_env": "AZURE_OPENAI_API_KEY", "api_version": AZURE_API_VERSION},
    "local": {"base_url": LOCAL_BASE_URL},
}


@dataclass(frozen=True)
class ConnectionConfig:
    """How to reach the model server. Holds names of where the key is, never the key."""

    preset: str = "offline"
    base_url: str = ""
    model: str = ""
    api_key_env: str = ""
    keyring_user: str = ""
    azure_endpoint: str = ""
    azure_deployment: str = ""
    api_version: str = ""
    embedding_model: str = ""
    timeout_s: float = 60.0
    max_retries: int = 2

    @classmethod
    def from_dict(cls, data: dict | None) -> "ConnectionConfig":
        """From project.json's section: unknown keys ignored, empty values take preset defaults."""
        data = dict(data or {})
        preset = str(data.get("preset") or "offline").strip().lower()
        if preset not in PRESETS:
            raise ConnectionFailed(
                phrase(translate("ConnectionErrors", "Unknown connection preset '{preset}'."), preset=preset),
                phrase(translate("ConnectionErrors", "Choose one of: {presets}."), presets=", ".join(PRESETS)),
            )
        values: dict[str, Any] = {"preset": preset}
        for f in fields(cls):
            if f.name == "preset":
                continue
            value = data.get(f.name)
            if value in (None, ""):
                value = _PRESET_DEFAULTS[preset].get(f.name, f.default)
            values[f.name] = value
        try:
            values["timeout_s"] = float(values["timeout_s"])
            values["max_retries"] = int(values["max_retries"])
        except (TypeError, ValueError):
            raise ConnectionFailed(
                translate("ConnectionErrors", "The connection's timeout or retry count is not a number."),
                translate("ConnectionErrors", "Enter the timeout in seconds (e.g. 60) and retries as a whole number."),
            ) from None
        if values["timeout_s"] <= 0 or values["max_retries"] < 0:
            raise ConnectionFailed(
                translate("ConnectionErrors", "The connection's timeout must be positive and retries not negative."),
                translate("ConnectionErrors", "Enter e.g. a 60 s timeout and 2 retries."),
            )
        for key in ("base_url", "azure_endpoint"):
            values[key] = str(values[key]).strip().rstrip("/")
            check_url(values[key], AZURE_ENDPOINT_WORDS if key == "azure_endpoint" else SERVER_URL_WORDS)
        values["api_key_env"] = check_key_env(str(values["api_key_env"] or "").strip())
        for key, what in (
            ("model", translate("ConnectionErrors", "model name")),
            ("azure_deployment", translate("ConnectionErrors", "Azure deployment name")),
            ("embedding_model", translate("ConnectionErrors", "embedding model name")),
            ("keyring_user", translate("ConnectionErrors", "keychain user name")),
        ):
            values[key] = check_no_key(str(values[key] or "").strip(), what)
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        """The project.json ``connection`` section. There is no key field to leak."""
        return dataclasses.asdict(self)

    def replace(self, **changes: Any) -> "ConnectionConfig":
        return ConnectionConfig.from_dict({**self.to_dict(), **changes})

    # -- derived -------------------------------------------------------------------------
    def default_key_env(self) -> str:
        return _PRESET_DEFAULTS.get(self.preset, {}).get("api_key_env", "")

    def server_url(self) -> str:
        return self.azure_endpoint if self.preset == "azure" else self.base_url

    def endpoint_id(self) -> str:
        """Which server answers (part of every request's cache key and of a run's identity): the
        same model name on another server is another model. "" for OpenAI's own API, so caches
        and runs made before this was part of the key stay valid there."""
        url = self.server_url().rstrip("/").lower()
        if self.preset != "azure" and url in ("", OPENAI_BASE_URL.rstrip("/").lower()):
            return ""
        return f"{url}#{self.azure_deployment}" if self.preset == "azure" else url

    def placeholder_key(self) -> str:
        return LOCAL_PLACEHOLDER_KEY if self.preset == "local" else ""

    @property
    def chat_model(self) -> str:
        """What goes in a request's ``model``: Azure routes it to the deployment of that name."""
        return (self.azure_deployment or self.model) if self.preset == "azure" else self.model

    def check_complete(self) -> None:
        """Raise ConnectionFailed naming the missing setting; offline needs nothing."""
        if self.preset == "azure":
            if not self.azure_endpoint:
                raise ConnectionFailed(
                    translate("ConnectionErrors", "The Azure OpenAI endpoint is not set."),
                    translate("ConnectionErrors", "Enter it as https://YOUR-RESOURCE.openai.azure.com."),
                )
            if not self.api_version:
                raise ConnectionFailed(
                    translate("ConnectionErrors", "The Azure OpenAI API version is not set."),
                    phrase(translate("ConnectionErrors", "Enter e.g. {example}."), example=AZURE_API_VERSION),
                )
        elif self.preset in ("openai", "local") and not self.base_url:
            raise ConnectionFailed(
                translate("ConnectionErrors", "The server URL is not set."),
                phrase(translate("ConnectionErrors", "Enter e.g. {example}."), example=LOCAL_BASE_URL),
            )
        if self.preset in ("openai", "local") and not self.base_url.startswith(("http://", "https://")):
            raise ConnectionFailed(
                phrase(
                    translate("ConnectionErrors", "The server URL '{url}' is not an http(s) address."),
                    url=self.base_url,
                ),
                phrase(
                    translate("ConnectionErrors", "Enter it with its scheme, e.g. {example}."), example=LOCAL_BASE_URL
                ),
            )
        url, what = (
            (self.azure_endpoint, AZURE_ENDPOINT_WORDS) if self.preset == "azure" else (self.base_url, SERVER_URL_WORDS)
        )
        check_url(url, what)
        if url and not urlsplit(url).hostname:
            raise ConnectionFailed(
                phrase(translate("ConnectionErrors", "The {what} '{url}' has no host name."), what=what, url=url),
                phrase(
                    translate("ConnectionErrors", "Enter it like {example} or https://YOUR-RESOURCE.openai.azure.com."),
                    example=LOCAL_BASE_URL,
                ),
            )


@dataclass(frozen=True)
class ConnectionReport:
    """The Test button's verdict; the ui turns it into a sentence."""

    ok: bool
    verdict: str  # one of VERDICTS
    latency_s: float | None = None
    model: str = ""
    detail: str = ""  # the server's own message, key masked
    url: str = ""  # the server address tried, for "server not reachable at URL"
    status: int | None = None  # HTTP status when the server answered
    context_tokens: int | None = None  # the model's context window, when its server's metadata says it
    context_source: str = ""  # where that was read (e.g. "llama.cpp /props n_ctx")

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)
