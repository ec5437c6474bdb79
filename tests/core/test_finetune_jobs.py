"""Fine-tuning jobs through the openai SDK against the scripted server: success, refusals, failures."""

from __future__ import annotations

import json

import pytest

from desktop_app.cli import main
from desktop_app.core.finetune import build, jobs, register
from desktop_app.core.finetune.prepare import prepare
from desktop_app.core.project import Project
from desktop_app.core.providers.connection import ConnectionConfig
from desktop_app.core.variants.variant import load_selection, load_variants
from tests.core.finetune_support import planted_project


def _files(tmp_path, server):
    project = Project.open(planted_project(tmp_path, server))
    prepared = prepare(project)
    train = build.write_jsonl(prepared.training.train, tmp_path / "train.jsonl")
    val = build.write_jsonl(prepared.training.validation, build.validation_path(train))
    cfg = ConnectionConfig.from_dict(project.section("connection"))
    return project, prepared, cfg, train, val


def test_a_job_runs_end_to_end_and_the_tuned_model_lands_on_the_grid(tmp_path, scripted_server, capsys):
    """Upload, train with progress and events, register the tuned model, run it: it sits at x=3 on the grid."""
    project, prepared, cfg, train, val = _files(tmp_path, scripted_server)
    updates: list[jobs.JobUpdate] = []
    final = jobs.run_job(
        cfg, train, "gpt-4o-mini", validation_path=val, epochs=2, suffix="support", progress=updates.append, poll_s=0
    )
    assert final.status == "succeeded" and final.fine_tuned_model.startswith("ft:gpt-4o-mini:scripted:support")
    assert [u.progress for u in updates if u.progress is not None] == [pytest.approx(1 / 3), pytest.approx(2 / 3), 1.0]
    events = [e for u in updates for e in u.events]
    assert events[0].startswith("Created fine-tuning job") and "Step 1/3: training loss=1.000" in events
    job = scripted_server.finetune.jobs[final.job_id]
    assert job["validation_file"] and job["hyperparameters"] == {"n_epochs": 2}
    uploads = [r for r in scripted_server.requests if r["path"].endswith("/files")]
    assert len(uploads) == 2 and 'name="purpose"' in uploads[0]["json"] and "fine-tune" in uploads[0]["json"]

    added = register.register_model(project, final.fine_tuned_model, prompt=prepared.training.prompt)
    (tuned,) = added.variants  # no documents in this project: no RAG twin
    assert tuned.techniques == ("fine_tuned",) and tuned.system == prepared.training.prompt["system"]
    saved = Project.open(project.root)
    names = [v.name for v in load_variants(saved)]  # the ladder the Variants page showed stays, tuned one added
    assert names[0] == "baseline" and names[-1] == "fine-tuned" and "fine_tuned" not in names
    assert load_selection(saved) == ["baseline", "few_shot", "fine-tuned"]
    assert main(["run", str(project.root), "--variants", "fine-tuned", "--yes"]) == 0
    (run,) = _results(project.root, capsys)
    assert run["technique_position"] == [3, 0] and run["rows"] == 18
    served = {r["json"]["model"] for r in scripted_server.requests if r["path"].endswith("/chat/completions")}
    assert served == {final.fine_tuned_model}


def _results(root, capsys) -> list[dict]:
    capsys.readouterr()
    assert main(["results", str(root), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_refused_job_says_why_and_offers_the_other_routes(tmp_path, scripted_server):
    """OpenAI's 403 training_not_available is explained in plain words, with the other routes named."""
    _, _, cfg, train, _ = _files(tmp_path, scripted_server)
    scripted_server.finetune.refuse = "training_not_available"
    with pytest.raises(jobs.FineTuneError) as caught:
        jobs.run_job(cfg, train, "gpt-4o-mini", poll_s=0)
    err = caught.value
    assert err.details["kind"] == "training_not_available" and err.details["status"] == 403
    assert "closing self-serve fine-tuning" in err.message and "mlx-lm" in err.hint and "register" in err.hint
    assert "Fine-tuning is not available for your organization" in err.details["said"]


def test_an_exhausted_quota_is_not_a_rate_limit(tmp_path, scripted_server):
    """A 429 insufficient_quota at job start is reported as quota, with billing and the other routes."""
    _, _, cfg, train, _ = _files(tmp_path, scripted_server)
    scripted_server.finetune.refuse = "quota"
    with pytest.raises(jobs.FineTuneError) as caught:
        jobs.run_job(cfg, train, "gpt-4o-mini", poll_s=0)
    assert caught.value.details["kind"] == "quota" and "billing" in caught.value.hint


def test_a_failed_job_carries_the_providers_reason(tmp_path, scripted_server):
    """A job that fails while training ends in job_failed with the provider's own words."""
    _, _, cfg, train, _ = _files(tmp_path, scripted_server)
    scripted_server.finetune.fail_jobs = True
    with pytest.raises(jobs.FineTuneError) as caught:
        jobs.run_job(cfg, train, "gpt-4o-mini", poll_s=0)
    assert caught.value.details["kind"] == "job_failed" and "context length" in caught.value.details["said"]
    assert caught.value.details["code"] == "invalid_training_file"


def test_a_rejected_file_names_the_line(tmp_path, scripted_server):
    """A training file the provider refuses is file_rejected, with its line in the provider's words."""
    _, _, cfg, train, _ = _files(tmp_path, scripted_server)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(train.read_text(encoding="utf-8").splitlines()[0] + '\n{"prompt": "old format"}\n', encoding="utf-8")
    with pytest.raises(jobs.FineTuneError) as caught:
        jobs.run_job(cfg, bad, "gpt-4o-mini", poll_s=0)
    assert caught.value.details["kind"] == "file_rejected" and "Line 2" in caught.value.details["said"]
    assert not scripted_server.finetune.jobs


def test_too_few_examples_and_an_untunable_model_are_refused_at_start(tmp_path, scripted_server):
    """Under 10 examples is a rejected file; a base model the provider cannot tune says so."""
    _, _, cfg, train, _ = _files(tmp_path, scripted_server)
    few = tmp_path / "few.jsonl"
    few.write_text("".join(train.read_text(encoding="utf-8").splitlines(keepends=True)[:3]), encoding="utf-8")
    with pytest.raises(jobs.FineTuneError) as caught:
        jobs.run_job(cfg, few, "gpt-4o-mini", poll_s=0)
    assert caught.value.details["kind"] == "file_rejected" and "at least 10" in caught.value.details["said"]
    with pytest.raises(jobs.FineTuneError) as caught:
        jobs.run_job(cfg, train, "gpt-4o", poll_s=0)
    assert caught.value.details["kind"] == "model_not_available"


def test_a_chat_only_server_has_no_training_api(tmp_path, scripted_server):
    """A local server without /files says it cannot train, and points to the local routes."""
    _, _, cfg, train, _ = _files(tmp_path, scripted_server)
    scripted_server.finetune.available = False
    with pytest.raises(jobs.FineTuneError) as caught:
        jobs.run_job(cfg, train, "gpt-4o-mini", poll_s=0)
    assert caught.value.details["kind"] == "no_training_api" and "axolotl" in caught.value.hint


def test_cancel_cancels_the_job_at_the_provider(tmp_path, scripted_server):
    """Cancel while a job runs stops it at the provider, so it stops costing money."""
    _, _, cfg, train, _ = _files(tmp_path, scripted_server)
    seen: list[jobs.JobUpdate] = []
    final = jobs.run_job(cfg, train, "gpt-4o-mini", progress=seen.append, should_stop=lambda: len(seen) >= 2, poll_s=0)
    assert final.status == "cancelled" and scripted_server.finetune.jobs[final.job_id]["status"] == "cancelled"


def test_azure_trains_through_the_same_sdk_calls(tmp_path, scripted_server, monkeypatch):
    """Azure OpenAI jobs go to /openai/files and /openai/fine_tuning/jobs with the api-key header."""
    _, _, _, train, _ = _files(tmp_path, scripted_server)
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", scripted_server.api_key)
    cfg = ConnectionConfig.from_dict(
        {"preset": "azure", "azure_endpoint": scripted_server.root_url, "azure_deployment": "gpt-4o-mini"}
    )
    final = jobs.run_job(cfg, train, "gpt-4o-mini-2024-07-18", poll_s=0)
    assert final.status == "succeeded"
    paths = {r["path"] for r in scripted_server.requests}
    assert "/openai/files" in paths and "/openai/fine_tuning/jobs" in paths


def test_a_job_outlives_the_window_and_is_followed_again(tmp_path, scripted_server):
    """Stopping the watch leaves the job training; the project remembers it and following it again ends it."""
    from desktop_app.core.finetune import history

    project, prepared, cfg, train, _ = _files(tmp_path, scripted_server)
    seen: list[jobs.JobUpdate] = []

    def note(update):
        seen.append(update)
        if update.job_id and not history.jobs(project):
            history.remember(
                project,
                update.job_id,
                model="gpt-4o-mini",
                endpoint=history.endpoint_of(cfg),
                prompt=prepared.training.prompt,
            )

    left = jobs.run_job(
        cfg,
        train,
        "gpt-4o-mini",
        progress=note,
        should_stop=lambda: len(seen) >= 3,
        poll_s=0,
        cancel_on_stop=lambda: False,
    )
    assert left.status == "running" and scripted_server.finetune.jobs[left.job_id]["status"] == "running"
    (earlier,) = history.unfinished(Project.open(project.root), history.endpoint_of(cfg))
    assert earlier["id"] == left.job_id and earlier["prompt"] == prepared.training.prompt
    assert history.unfinished(project, "azure|https://elsewhere") == []  # a job id means nothing on another server
    final = jobs.follow_job(cfg, earlier["id"], poll_s=0)
    assert final.status == "succeeded" and final.fine_tuned_model
    history.record(project, final.job_id, final.status, final.fine_tuned_model)
    assert history.unfinished(project, history.endpoint_of(cfg)) == []
    assert history.jobs(project)[0]["fine_tuned_model"] == final.fine_tuned_model
