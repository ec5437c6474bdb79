"""finetune-train and finetune-register: the same helper from a script, exit codes per the CLI contract."""

from __future__ import annotations

import json

from desktop_app.cli import main
from desktop_app.core.project import Project
from desktop_app.core.variants.variant import load_variants
from tests.core.finetune_support import planted_project


def _cli(capsys, *argv) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_train_runs_a_job_prints_its_events_and_registers_the_model(tmp_path, scripted_server, capsys):
    """finetune-train uploads, trains, prints progress and events, and the tuned model runs at x=3 on the grid."""
    project = planted_project(tmp_path, scripted_server)
    code, out, _ = _cli(capsys, "finetune-train", project, "--poll", "0", "--epochs", "2")
    assert code == 0 and "training gpt-4o-mini on 24 examples" in out
    assert "  Step 3/3: training loss=0.333" in out and "ftjob-0001: succeeded 100%" in out
    assert "registered ft:gpt-4o-mini:scripted:advisor:0001 as: fine-tuned" in out
    assert (project / "exports" / "finetune" / "train.jsonl").exists()
    assert main(["run", str(project), "--variants", "fine-tuned", "--yes"]) == 0
    code, out, _ = _cli(capsys, "results", project, "--json")
    assert json.loads(out)[0]["technique_position"] == [3, 0]


def test_a_refused_job_exits_2_with_the_reason_and_the_other_routes(tmp_path, scripted_server, capsys):
    """OpenAI's 403 training_not_available is one line on stderr that names the other routes."""
    project = planted_project(tmp_path, scripted_server)
    scripted_server.finetune.refuse = "training_not_available"
    code, _, err = _cli(capsys, "finetune-train", project, "--poll", "0")
    assert code == 2 and err.count("\n") == 1
    assert "does not accept fine-tuning jobs" in err and "mlx-lm" in err and "register" in err


def test_train_can_follow_a_job_started_earlier(tmp_path, scripted_server, capsys):
    """--follow JOB picks up a job that kept training after the watcher stopped, and registers its model."""
    project = planted_project(tmp_path, scripted_server)
    scripted_server.finetune.steps = 2
    code, _, err = _cli(capsys, "finetune-train", project, "--poll", "0", "--follow", "ftjob-0009")
    assert code == 2 and "knows no such fine-tuning job" in err
    assert _cli(capsys, "finetune-train", project, "--poll", "0")[0] == 0
    code, out, _ = _cli(capsys, "finetune-train", project, "--poll", "0", "--follow", "ftjob-0001")
    assert code == 0 and "ftjob-0001: succeeded" in out and "as: fine-tuned-2" in out


def test_register_tests_the_model_first(tmp_path, scripted_server, capsys):
    """finetune-register refuses a model the server does not answer for, and adds one that answers."""
    project = planted_project(tmp_path, scripted_server)
    code, _, err = _cli(capsys, "finetune-register", project, "support-lora")
    assert code == 2 and "did not answer: model_not_found" in err
    scripted_server.models.append("support-lora")
    code, out, _ = _cli(capsys, "finetune-register", project, "support-lora", "--rag", "--name", "lora")
    assert code == 0 and out.strip() == "registered support-lora as: lora, lora + RAG"
    names = {v.name: v.model for v in load_variants(Project.open(project))}
    assert names["lora"] == names["lora + RAG"] == "support-lora"


def test_pairs_are_written_or_their_absence_explained(tmp_path, scripted_server, capsys):
    """finetune-pairs writes DPO JSONL when runs disagree, and says what to do when they never do."""
    from tests.core.test_engine_commands import _project

    root = _project(tmp_path, scripted_server, rows=3)
    assert main(["run", str(root), "--variants", "instructions", "--yes"]) == 0
    code, _, err = _cli(capsys, "finetune-pairs", root, tmp_path / "dpo.jsonl")
    assert code == 2 and "Run two variants" in err and not (tmp_path / "dpo.jsonl").exists()
    plain = scripted_server.chat_rule
    scripted_server.chat_rule = lambda req: plain(req) if req["messages"][0]["role"] == "system" else "no idea"
    assert main(["run", str(root), "--variants", "baseline", "--yes"]) == 0
    code, out, _ = _cli(capsys, "finetune-pairs", root, tmp_path / "dpo.jsonl", "--variant", "instructions")
    assert code == 0 and out.startswith(f"wrote {tmp_path / 'dpo.jsonl'} (3 pairs")
    first = json.loads((tmp_path / "dpo.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert first["input"]["messages"][0]["role"] == "system" and first["non_preferred_output"][0]["content"]
