"""The jobs a project started, kept in project.json (``finetune.jobs``): a job outlives the
window, the app, even a killed process, so the helper can follow it again and register its
model when it ends. Each entry remembers the server it runs on and the prompt it trained with."""

from __future__ import annotations

from datetime import datetime, timezone

SECTION = "finetune"
KEEP = 20  # the newest entries; older finished jobs are of no use to anyone here


def _section(project) -> dict:
    data = project.section(SECTION)
    return dict(data) if isinstance(data, dict) else {}


def jobs(project) -> list[dict]:
    found = _section(project).get("jobs")
    return [j for j in found if isinstance(j, dict) and j.get("id")] if isinstance(found, list) else []


def remember(project, job_id: str, *, model: str, endpoint: str, prompt: dict) -> None:
    """A job just started: keep where it runs and how its model should be asked."""
    section = _section(project)
    entry = {
        "id": job_id,
        "model": model,
        "endpoint": endpoint,
        "prompt": dict(prompt),
        "status": "queued",
        "fine_tuned_model": "",
        "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    section["jobs"] = ([entry] + [j for j in jobs(project) if j["id"] != job_id])[:KEEP]
    project.set_section(SECTION, section)


def record(project, job_id: str, status: str, fine_tuned_model: str = "") -> None:
    """The job's latest known state (succeeded, failed, cancelled ...)."""
    section = _section(project)
    entries = jobs(project)
    for entry in entries:
        if entry["id"] == job_id:
            entry["status"] = status
            entry["fine_tuned_model"] = fine_tuned_model or entry.get("fine_tuned_model", "")
    section["jobs"] = entries
    project.set_section(SECTION, section)


def unfinished(project, endpoint: str) -> list[dict]:
    """Jobs on this server that had not ended when last seen, newest first."""
    return [
        j
        for j in jobs(project)
        if j.get("endpoint") == endpoint and j.get("status") not in ("succeeded", "failed", "cancelled")
    ]


def endpoint_of(cfg) -> str:
    """Which server a job runs on (a job id means nothing on another one)."""
    return f"{cfg.preset}|{cfg.server_url().rstrip('/').lower()}"
