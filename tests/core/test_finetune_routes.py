"""The routes that are not a hosted job: local trainers, registering any served model, DPO pairs."""

from __future__ import annotations

import json

from desktop_app.cli import main
from desktop_app.core.finetune import pairs, register, routes
from desktop_app.core.finetune.prepare import prepare
from desktop_app.core.project import Project
from desktop_app.core.providers.connection import ConnectionConfig
from desktop_app.core.variants.variant import load_selection, load_variants, save_variants, preset
from tests.core.finetune_support import planted_project
from tests.core.test_engine_commands import _project


def test_export_writes_files_every_local_trainer_reads(tmp_path):
    """The export folder holds train/valid JSONL, configs for axolotl, Unsloth and LLaMA-Factory, and the commands."""
    training = prepare(Project.open(planted_project(tmp_path))).training
    out = routes.export_routes(training, tmp_path / "export", name="support-lora")
    names = {p.name for p in out.files}
    assert {
        "train.jsonl",
        "valid.jsonl",
        "axolotl.yaml",
        "unsloth_train.py",
        "dataset_info.json",
        "llama_factory.yaml",
        "README.txt",
    } <= names
    info = json.loads((tmp_path / "export" / "dataset_info.json").read_text(encoding="utf-8"))
    assert info["advisor_train"]["file_name"] == "train.jsonl" and info["advisor_train"]["formatting"] == "sharegpt"
    assert "dataset: advisor_train" in (tmp_path / "export" / "llama_factory.yaml").read_text(encoding="utf-8")
    compile((tmp_path / "export" / "unsloth_train.py").read_text(encoding="utf-8"), "unsloth_train.py", "exec")
    assert (
        out.commands["mlx_lm"].startswith("mlx_lm.lora --model mlx-community/") and "--data ." in out.commands["mlx_lm"]
    )
    assert out.commands["llama_factory"] == "llamafactory-cli train llama_factory.yaml"
    assert "--lora-modules support-lora=" in out.serve["vllm"] and "ADAPTER" in out.serve["ollama"]
    assert "--alias support-lora" in out.serve["llama_cpp"] and "convert_lora_to_gguf.py" in out.serve["llama_cpp"]
    assert "FROM qwen2.5:1.5b-instruct" in out.serve["ollama"]  # Ollama's own name for the default base
    assert "template: qwen" in (tmp_path / "export" / "llama_factory.yaml").read_text(encoding="utf-8")
    other = routes.export_routes(training, tmp_path / "other", base="my-org/custom-7b")
    assert "template: default" in (tmp_path / "other" / "llama_factory.yaml").read_text(encoding="utf-8")
    assert other.commands["mlx_lm"].startswith("mlx_lm.lora --model my-org/custom-7b")
    readme = (tmp_path / "export" / "README.txt").read_text(encoding="utf-8")
    assert "axolotl train axolotl.yaml" in readme and "Register a fine-tuned model" in readme
    lines = (tmp_path / "export" / "train.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(training.train) and json.loads(lines[0])["messages"][-1]["role"] == "assistant"


def test_a_served_lora_is_tested_then_registered_with_its_rag_twin(tmp_path, scripted_server):
    """A model name on the project's server passes the connection test and becomes fine_tuned (+ RAG) variants."""
    project = Project.open(planted_project(tmp_path, scripted_server))
    cfg = ConnectionConfig.from_dict(project.section("connection"))
    assert register.test_model(cfg, "support-lora").verdict == "model_not_found"
    scripted_server.models.append("support-lora")
    assert register.test_model(cfg, "support-lora").ok
    save_variants(project, [preset("baseline")], ["baseline"])
    added = register.register_model(
        project, "support-lora", prompt={"system": "Be brief.", "template": "{input}"}, with_rag=True
    )
    assert [v.preset for v in added.variants] == ["fine_tuned", "fine_tuned_rag"]
    assert added.variants[1].system.startswith("Be brief.") and "{context}" in added.variants[1].template
    saved = Project.open(project.root)
    assert [v.name for v in load_variants(saved)] == ["baseline", "fine-tuned", "fine-tuned + RAG"]
    assert load_selection(saved) == ["baseline", "fine-tuned", "fine-tuned + RAG"]
    again = register.register_model(saved, "support-lora", with_rag=False)
    assert [v.name for v in again.variants] == ["fine-tuned-2"]
    save_variants(saved, [preset("baseline"), preset("fine_tuned")], ["baseline"])
    filled = register.register_model(saved, "ft:gpt-4o-mini:acme::x1", with_rag=False)
    assert [(v.name, v.model) for v in filled.variants] == [("fine_tuned", "ft:gpt-4o-mini:acme::x1")]
    assert len(load_variants(Project.open(project.root))) == 2  # the empty placeholder was filled, not copied


def test_registering_without_a_model_name_says_what_to_enter(tmp_path):
    """An empty model name is refused with what to type instead."""
    project = Project.open(planted_project(tmp_path))
    try:
        register.register_model(project, "  ")
    except Exception as exc:  # noqa: BLE001 - the message is what is tested
        assert "needs its name" in str(exc) and "ft:" in getattr(exc, "hint", "")
    else:
        raise AssertionError("an empty model name was accepted")


def test_dpo_pairs_come_from_a_right_and_a_wrong_answer(tmp_path, scripted_server, capsys):
    """Where one variant was right and another wrong (by the checks, a person's review first), a DPO pair is exported."""
    root = _project(tmp_path, scripted_server, rows=4)
    plain = scripted_server.chat_rule
    scripted_server.chat_rule = lambda req: (
        plain(req) if req["messages"][0]["role"] == "system" else f"I believe it is {plain(req)}, more or less."
    )
    assert main(["run", str(root), "--variants", "baseline,instructions", "--yes"]) == 0
    assert pairs.preference_pairs(Project.open(root)).rows == ("q0", "q1", "q2", "q3")  # hedged answers fail
    assert main(["review", str(root), "baseline", "q0", "right"]) == 0  # the person accepts one hedge
    assert main(["review", str(root), "baseline", "q2", "right"]) == 0
    assert main(["review", str(root), "baseline", "q3", "right"]) == 0
    found = pairs.preference_pairs(Project.open(root), system="Answer briefly.")
    assert found.rows == ("q1",) and set(found.runs) == {"baseline", "instructions"}
    (record,) = found.records
    assert record["input"]["messages"] == [
        {"role": "system", "content": "Answer briefly."},
        {"role": "user", "content": "What is item 1?"},
    ]
    assert record["preferred_output"] == [{"role": "assistant", "content": "answer 1"}]
    assert record["non_preferred_output"] == [
        {"role": "assistant", "content": "I believe it is answer 1, more or less."}
    ]
    out = pairs.write_pairs(found, tmp_path / "dpo.jsonl")
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0]) == record
