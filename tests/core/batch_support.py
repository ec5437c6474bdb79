"""What the Batch API tests share: a small project on the scripted server whose item N is answered
'answer N' (item 3 wrongly), submitting its runs, and its leaderboard without what a batch
measures differently (latency) or bills at half (cost)."""

from __future__ import annotations

from pathlib import Path


from desktop_app.cli import main
from desktop_app.core.project.folder import Project
from desktop_app.core.run.batch import submit_batches
from desktop_app.core.run.project import prepare_project_run
from desktop_app.core.run.project_scores import project_summaries
from desktop_app.core.run.scoring import summary_to_dict
from tests.scripted_server import Reply, last_user_text


def answer(req: dict) -> Reply | str:
    """Item N's answer is 'answer N'; item 3 is answered wrongly, so scores are not all 1.0."""
    n = last_user_text(req).rstrip("?").split()[-1]
    return "answer 99" if n == "3" else f"answer {n}"


def batch_project(tmp_path: Path, server, monkeypatch, rows: int = 6, name: str = "proj") -> Path:
    monkeypatch.setenv("OPENAI_API_KEY", server.api_key)
    data = tmp_path / f"{name}.csv"
    data.write_text(
        "id,question,answer\n" + "".join(f"q{i},What is item {i}?,answer {i}\n" for i in range(rows)), encoding="utf-8"
    )
    project = tmp_path / name
    assert main(["new", str(project), "--dataset", str(data), "--examples", "0"]) == 0
    assert (
        main(["connect", str(project), "--preset", "openai", "--base-url", server.base_url, "--model", "gpt-4o-mini"])
        == 0
    )
    server.chat_rule = answer
    return project


def submit(project: Path):
    return submit_batches(prepare_project_run(Project.open(project)))


def scores(project: Path) -> list[dict]:
    """The leaderboard without what a batch cannot measure like an online run (latency) or bills at half (cost)."""
    return [
        {
            k: v
            for k, v in summary_to_dict(s).items()
            if k not in ("run_id", "latency_p50", "latency_p95", "cost", "cost_per_1000")
        }
        for s in project_summaries(Project.open(project))
    ]
