"""`connect`, `test-connection` and `models`: choose the model server, check it, list its models.

`connect` writes the project's connection section (never a key); `--api-key-stdin` puts a key
read from standard input into the OS keychain. `test-connection` exits 0 when the server
answered, 1 when the connection fails; bad input exits 2 like every command.
"""

from __future__ import annotations

import argparse
import json
import sys
from urllib.parse import urlparse

from desktop_app.core.providers import client as providers
from desktop_app.core.providers import secrets
from desktop_app.core.providers.connection import check_key_env, check_url
from desktop_app.core.errors import AppError, ConnectionFailed
from desktop_app.core.project.folder import Project
from desktop_app.core.providers.client import PRESETS, ConnectionConfig
from desktop_app.core.run.judge import JUDGE_SECTION, judge_config

# CLI option -> connection field; only options the user gave change the saved section.
_FIELDS = {
    "base_url": "base_url",
    "model": "model",
    "api_key_env": "api_key_env",
    "keyring_user": "keyring_user",
    "embedding_model": "embedding_model",
    "azure_endpoint": "azure_endpoint",
    "azure_deployment": "azure_deployment",
    "api_version": "api_version",
    "timeout": "timeout_s",
    "max_retries": "max_retries",
}
_AZURE_OPTIONS = ("azure_endpoint", "azure_deployment", "api_version")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "connect",
        help="choose the model server of a project",
        description="Save how the project reaches its models. The key itself is never "
        "saved in the project: name an environment variable or use the keychain.",
    )
    p.add_argument("project", metavar="PROJECT")
    p.add_argument("--preset", choices=PRESETS, help="server kind (guessed from the other options if left out)")
    p.add_argument("--offline", action="store_true", help="make no model calls (same as --preset offline)")
    p.add_argument("--base-url", metavar="URL", help="OpenAI-compatible base URL, e.g. http://localhost:11434/v1")
    p.add_argument("--model", metavar="MODEL", help="chat model id (for Azure: the model behind the deployment)")
    p.add_argument("--api-key-env", metavar="VAR", help="environment variable that holds the API key")
    p.add_argument("--keyring-user", metavar="NAME", help="keychain entry name (default: preset and server)")
    p.add_argument("--embedding-model", metavar="M", help="embedding model (Azure: its deployment name)")
    p.add_argument("--azure-endpoint", metavar="URL", help="https://RESOURCE.openai.azure.com")
    p.add_argument("--azure-deployment", metavar="NAME", help="Azure deployment of the chat model")
    p.add_argument("--api-version", metavar="V", help=f"Azure API version (default {providers.AZURE_API_VERSION})")
    p.add_argument("--timeout", type=float, metavar="S", help="seconds to wait for one answer (default 60)")
    p.add_argument("--max-retries", type=int, metavar="N", help="SDK retries for one request (default 2)")
    p.add_argument("--api-key-stdin", action="store_true", help="read an API key from stdin into the OS keychain")
    p.add_argument("--forget-key", action="store_true", help="delete this connection's key from the keychain")
    p.add_argument("--json", action="store_true", help="print the saved section as JSON")
    p.add_argument(
        "--judge",
        action="store_true",
        help="set the LLM judge's own server instead (e.g. a stronger model than the one under test); "
        "--judge --offline: the judge uses the project's connection again",
    )
    p.set_defaults(func=_connect)

    t = sub.add_parser(
        "test-connection",
        help="send one tiny request and print the verdict",
        description="Exit 0 when the server answered, 1 when the connection fails.",
    )
    t.add_argument("project", metavar="PROJECT")
    t.add_argument("--json", action="store_true", help="print the report as JSON")
    t.add_argument("--judge", action="store_true", help="test the judge's connection (connect --judge)")
    t.set_defaults(func=_test_connection)

    m = sub.add_parser("models", help="list the models the server offers")
    m.add_argument("project", metavar="PROJECT")
    m.add_argument("--json", action="store_true", help="print a JSON list")
    m.set_defaults(func=_models)


def _guess_preset(args: argparse.Namespace, current: str) -> str:
    if args.offline:
        if args.preset not in (None, "offline"):
            raise AppError("--offline conflicts with --preset " + args.preset + ".", "Give only one of them.")
        return "offline"
    if args.preset:
        return args.preset
    if any(getattr(args, name) for name in _AZURE_OPTIONS):
        return "azure"
    if args.base_url:
        check_url(args.base_url.strip())  # a malformed URL is bad input (exit 2), not a traceback
        return "openai" if urlparse(args.base_url.strip()).hostname == "api.openai.com" else "local"
    if current != "offline":
        return current
    if args.model:
        return "openai"
    raise AppError(
        "Say which server to use.",
        "Give --preset openai|azure|local, --base-url URL, --azure-endpoint URL, or --offline.",
    )


def _connect(args: argparse.Namespace) -> int:
    if args.api_key_env is not None:
        try:
            check_key_env(args.api_key_env.strip())
        except ConnectionFailed as exc:  # say how to store a key from here: the ui's wording names its key field
            raise ConnectionFailed(
                exc.message,
                "Give --api-key-env the variable's NAME (e.g. OPENAI_API_KEY); to "
                "store the key itself, pipe it to connect --api-key-stdin (OS keychain).",
                details=exc.details,
            ) from None
    project = Project.open(args.project)
    section_name = JUDGE_SECTION if args.judge else "connection"
    current = dict(project.section(section_name) or {})
    preset = _guess_preset(args, str(current.get("preset") or "offline"))
    # Same preset: keep what was set before; another preset: start from its defaults.
    section = current if current.get("preset") == preset else {}
    section["preset"] = preset
    for option, field in _FIELDS.items():
        value = getattr(args, option)
        if value is not None:
            section[field] = value
    cfg = ConnectionConfig.from_dict(section)
    cfg.check_complete()
    if cfg.preset == "azure" and not cfg.chat_model:
        raise AppError(
            "Azure OpenAI needs the deployment of the chat model.",
            "Give --azure-deployment NAME (as shown in Azure AI Foundry).",
        )
    messages = []
    if args.forget_key:
        deleted = secrets.forget_api_key(cfg)
        messages.append("keychain entry deleted" if deleted else "no keychain entry to delete")
    if args.api_key_stdin:
        masked = secrets.store_api_key(cfg, sys.stdin.readline())
        messages.append(f"key {masked} stored in the keychain")
    if args.judge and cfg.preset == "offline":  # no server of its own: the judge asks the project's
        project.set_section(JUDGE_SECTION, None)
        print("judge connection cleared: the judge uses the project's connection")
        return 0
    project.set_section(section_name, cfg.to_dict())
    source = secrets.key_source(cfg)
    if args.json:
        print(json.dumps({"connection": cfg.to_dict(), "key_source": source}, ensure_ascii=False, indent=2))
        return 0
    where = cfg.server_url() or "no server"
    print(
        f"{'judge ' if args.judge else ''}connection saved: {cfg.preset} {where} model={cfg.chat_model or '-'} "
        f"key={_describe_source(cfg, source)}"
    )
    for line in messages:
        print(line)
    return 0


def _describe_source(cfg: ConnectionConfig, source: str) -> str:
    var = secrets.env_var_for(cfg)
    return {
        "env": f"from ${var}",
        "keychain": "from the keychain",
        "placeholder": "none needed (local server)",
        "none": "none needed (offline)" if cfg.preset == "offline" else f"missing (set ${var} or use --api-key-stdin)",
    }[source]


def _sentence(report: providers.ConnectionReport, cfg: ConnectionConfig) -> str:
    latency = f"{report.latency_s:.1f} s" if report.latency_s is not None else "-"
    detail = f": {report.detail}" if report.detail else ""
    return {
        "connected": f"Connected: {report.model or cfg.server_url()} answered in {latency}"
        + (f"; context {report.context_tokens:,} tokens" if report.context_tokens else ""),
        "key_rejected": f"Key rejected by {report.url}{detail}",
        "unreachable": f"Server not reachable at {report.url}",
        "model_not_found": f"Model not found: {report.model} at {report.url}{detail}",
        "no_key": f"No API key{detail}",
        "timeout": f"No answer from {report.url} within {cfg.timeout_s:g} s",
        "server_error": f"Server error (HTTP {report.status}) from {report.url}{detail}",
        "offline": "Offline: this project makes no model calls",
        "quota": f"Quota or billing limit used up at {report.url}{detail}",
        "bad_answer": f"Not working: {report.url} answered, but not with a chat completion{detail}",
    }[report.verdict]


def _test_connection(args: argparse.Namespace) -> int:
    project = Project.open(args.project)
    cfg = ConnectionConfig.from_dict(project.section("connection"))
    if args.judge:
        cfg = judge_config(project, cfg)
    report = providers.test_connection(cfg)
    if report.context_tokens:  # the estimate warns about prompts longer than this window
        from desktop_app.core.providers import model_info  # noqa: PLC0415

        model_info.remember(project, cfg, report.context_tokens, report.context_source)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print(_sentence(report, cfg))
    return 0 if report.ok else 1


def _models(args: argparse.Namespace) -> int:
    project = Project.open(args.project)
    cfg = ConnectionConfig.from_dict(project.section("connection"))
    try:
        models = providers.list_models(cfg)
    except ConnectionFailed as exc:
        if "verdict" not in exc.details:  # offline, incomplete settings: bad input, exit 2
            raise
        print(f"error: {exc.one_line()}", file=sys.stderr)
        return 1
    print(json.dumps(models) if args.json else "\n".join(models))
    return 0
