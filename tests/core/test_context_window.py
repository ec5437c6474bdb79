"""The model's context window, learned without a model call, warns before a run whose prompts
would not fit (the server would refuse each of them as "prompt too long for the model")."""

from __future__ import annotations

import json

import pytest

from desktop_app.cli import main
from desktop_app.cli.plan_prompt import print_plan
from desktop_app.core.project import Project
from desktop_app.core.providers import prices
from desktop_app.core.providers.connection import ConnectionConfig
from desktop_app.core.providers.estimate import estimate_run
from desktop_app.core.run.project import plan_run, prepare_project_run
from tests.core.test_engine_commands import _answer
from tests.core.test_real_providers import PASSAGE

MODEL = "smollm2-135m-instruct"


def _project(tmp_path, server, long: bool):
    data = tmp_path / "data.csv"
    prefix = PASSAGE if long else ""
    data.write_text(
        "id,question,answer\n" + "".join(f"q{i},{prefix} What is item {i}?,answer {i}\n" for i in range(4)),
        encoding="utf-8",
    )
    project = tmp_path / "proj"
    assert main(["new", str(project), "--dataset", str(data)]) == 0
    server.models.append(MODEL)
    assert main(["connect", str(project), "--base-url", server.base_url, "--model", MODEL]) == 0
    server.chat_rule = _answer
    return project


@pytest.mark.parametrize("kind", ["vllm", "llama.cpp", "lmstudio", "ollama", "ollama-loaded"])
def test_test_connection_reads_and_keeps_a_local_servers_context(tmp_path, scripted_server, capsys, kind):
    """test-connection reads the window from the metadata each local server sends (no model call
    for it) and keeps it in project.json's model_info section."""
    project = _project(tmp_path, scripted_server, long=False)
    if kind == "vllm":
        scripted_server.model_meta[MODEL] = {"max_model_len": 800}
    elif kind == "llama.cpp":
        scripted_server.model_meta[MODEL] = {"meta": {"n_ctx_train": 8192}}  # trained on; serves less
        scripted_server.routes["/props"] = lambda body: {"default_generation_settings": {"n_ctx": 800}}
    elif kind == "lmstudio":
        scripted_server.routes["/api/v0/models"] = lambda body: {
            "data": [{"id": MODEL, "max_context_length": 4096, "loaded_context_length": 800}]
        }
    elif kind == "ollama-loaded":  # what the loaded model runs with, not the model's 131k maximum
        scripted_server.routes["/api/ps"] = lambda body: {
            "models": [{"name": f"{MODEL}:latest", "model": f"{MODEL}:latest", "context_length": 800}]
        }
        scripted_server.routes["/api/show"] = lambda body: {"model_info": {"llama.context_length": 131072}}
    else:
        scripted_server.routes["/api/show"] = lambda body: (
            {"model_info": {"llama.context_length": 8192}, "parameters": "num_ctx 800"}
            if body["model"] == MODEL
            else {}
        )
    capsys.readouterr()
    assert main(["test-connection", str(project), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["context_tokens"] == 800 and report["context_source"]
    cfg = ConnectionConfig.from_dict(Project.open(project).section("connection"))
    stored = Project.open(project).section("model_info")[f"{cfg.endpoint_id()} {MODEL}"]
    assert stored["context_tokens"] == 800
    assert scripted_server.count() == 1  # the tiny test request only


def test_the_estimate_warns_about_prompts_longer_than_the_context(tmp_path, scripted_server, capsys):
    """RAG-sized prompts against an 800-token window: the estimate counts them and the run plan
    says so with the same hint as the stored error; short prompts raise no warning."""
    project = _project(tmp_path, scripted_server, long=True)
    scripted_server.model_meta[MODEL] = {"max_model_len": 800}
    assert main(["test-connection", str(project)]) == 0
    assert "context 800 tokens" in capsys.readouterr().out
    est = plan_run(Project.open(project))
    # the 4 rows (and the judge's call on an unsure answer, which quotes the question)
    assert est.too_long >= 4 and est.context_tokens == 800 and est.to_dict()["too_long"] == est.too_long
    plan = prepare_project_run(Project.open(project))
    try:
        print_plan(plan)
    finally:
        plan.close()
    out = capsys.readouterr().out
    assert f"warning: {est.too_long} requests are longer than the model's context (800 tokens)" in out
    assert "lower the variant's top-k or the chunk size" in out
    assert scripted_server.count() == 1  # planning called no model

    short = tmp_path / "short"
    short.mkdir()
    project = _project(short, scripted_server, long=False)
    assert main(["test-connection", str(project)]) == 0
    est = plan_run(Project.open(project))
    assert est.too_long == 0 and est.context_tokens == 800


def test_known_hosted_models_have_their_window_in_one_table():
    """gpt-4o-mini and its dated snapshots, gpt-4.1, gpt-3.5-turbo and the o-series are known
    without asking; an unknown model is None, never a guess."""
    assert prices.context_window("gpt-4o-mini-2024-07-18") == 128_000
    assert prices.context_window("gpt-4.1-mini") == 1_047_576
    assert prices.context_window("gpt-3.5-turbo") == 16_385
    assert prices.context_window("o3-mini") == 200_000
    assert prices.context_window("my-own-model") is None
    msgs = [{"role": "user", "content": "word " * 9000}]
    est = estimate_run([(msgs, "gpt-4", 256)], context_windows={"gpt-4": prices.context_window("gpt-4")})
    assert est.too_long == 1 and est.context_tokens == 8192
