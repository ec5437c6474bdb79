"""Every route that is not a hosted job: the files and a ready command line for local trainers,
and how to serve the result under a model name.

mlx-lm, axolotl, Unsloth and LLaMA-Factory all read the OpenAI ``{"messages": [...]}`` JSONL
(LLaMA-Factory through a ``dataset_info.json`` entry). A LoRA is then served under a name by
vLLM, Ollama or llama.cpp, and "Register a fine-tuned model" adds that name as a variant.
Only files are written here; nothing is run.
"""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.finetune.build import TrainingSet, write_jsonl
from desktop_app.core.project.folder import atomic_write_text

DEFAULT_BASE = "Qwen/Qwen2.5-1.5B-Instruct"
MLX_BASE = "mlx-community/Qwen2.5-1.5B-Instruct-4bit"  # mlx-lm trains fastest on a quantized copy
DATASET = "advisor_train"
ROUTES = ("mlx_lm", "axolotl", "unsloth", "llama_factory")


@dataclass(frozen=True)
class Exported:
    folder: Path
    files: tuple[Path, ...]
    commands: dict  # route -> the command line to run in ``folder``
    serve: dict  # server -> how to serve the adapter under ``name``


def _q(value: str | Path) -> str:
    return shlex.quote(str(value))


def _axolotl(base: str, has_val: bool) -> str:
    lines = [
        f"base_model: {base}",
        "adapter: lora",
        "lora_r: 16",
        "lora_alpha: 32",
        "lora_dropout: 0.05",
        "lora_target_linear: true",
        "sequence_len: 2048",
        "chat_template: tokenizer_default",
        "datasets:",
        "  - path: train.jsonl",
        "    type: chat_template",
        "    field_messages: messages",
        "    ds_type: json",
    ]
    if has_val:
        lines += [
            "test_datasets:",
            "  - path: valid.jsonl",
            "    type: chat_template",
            "    split: train",
            "    field_messages: messages",
            "    ds_type: json",
        ]
    else:
        lines.append("val_set_size: 0")
    lines += [
        "num_epochs: 3",
        "micro_batch_size: 2",
        "gradient_accumulation_steps: 4",
        "learning_rate: 0.0002",
        "output_dir: ./axolotl-out",
    ]
    return "\n".join(lines) + "\n"


def _unsloth(base: str) -> str:
    return f'''"""Train a LoRA on train.jsonl with Unsloth (pip install unsloth); the adapter goes to ./unsloth-out."""
from datasets import load_dataset
from trl import SFTConfig, SFTTrainer
from unsloth import FastLanguageModel

model, tokenizer = FastLanguageModel.from_pretrained({base!r}, max_seq_length=2048, load_in_4bit=True)
model = FastLanguageModel.get_peft_model(model, r=16, lora_alpha=16,
                                         target_modules=["q_proj", "k_proj", "v_proj", "o_proj",
                                                         "gate_proj", "up_proj", "down_proj"])
data = load_dataset("json", data_files="train.jsonl", split="train")
data = data.map(lambda row: {{"text": tokenizer.apply_chat_template(row["messages"], tokenize=False)}})
trainer = SFTTrainer(model=model, tokenizer=tokenizer, train_dataset=data,
                     args=SFTConfig(dataset_text_field="text", num_train_epochs=3, per_device_train_batch_size=2,
                                    gradient_accumulation_steps=4, learning_rate=2e-4, output_dir="unsloth-out"))
trainer.train()
model.save_pretrained("unsloth-out/adapter")
tokenizer.save_pretrained("unsloth-out/adapter")
'''


def _llama_factory_info() -> dict:
    tags = {
        "role_tag": "role",
        "content_tag": "content",
        "user_tag": "user",
        "assistant_tag": "assistant",
        "system_tag": "system",
    }
    return {
        DATASET: {
            "file_name": "train.jsonl",
            "formatting": "sharegpt",
            "columns": {"messages": "messages"},
            "tags": tags,
        }
    }


def _template(base: str) -> str:
    """LLaMA-Factory's chat template for the base model's family (it must match the model's own)."""
    name = base.lower()
    for key, template in (
        ("qwen", "qwen"),
        ("llama-3", "llama3"),
        ("gemma", "gemma"),
        ("mistral", "mistral"),
        ("phi", "phi"),
    ):
        if key in name:
            return template
    return "default"


def _llama_factory_yaml(base: str) -> str:
    return (
        "\n".join(
            [
                f"model_name_or_path: {base}",
                "stage: sft",
                "do_train: true",
                "finetuning_type: lora",
                "lora_target: all",
                f"dataset: {DATASET}",
                "dataset_dir: .",
                f"template: {_template(base)}",
                "cutoff_len: 2048",
                "output_dir: llama-factory-out",
                "num_train_epochs: 3.0",
                "per_device_train_batch_size: 2",
                "gradient_accumulation_steps: 4",
                "learning_rate: 2.0e-4",
            ]
        )
        + "\n"
    )


# Ollama's FROM names its own copy of the base model, not the Hugging Face path.
OLLAMA_NAMES = {DEFAULT_BASE: "qwen2.5:1.5b-instruct"}


def serve_commands(base: str, adapter: str, name: str) -> dict:
    """How vLLM, Ollama and llama.cpp serve a LoRA under ``name`` (the model name to register).
    llama.cpp reads a GGUF adapter: convert_lora_to_gguf.py (in llama.cpp) makes one."""
    ollama_base = OLLAMA_NAMES.get(base, base)
    return {
        "vllm": f"vllm serve {_q(base)} --enable-lora --lora-modules {_q(f'{name}={adapter}')}",
        "ollama": f"printf 'FROM {ollama_base}\\nADAPTER {adapter}\\n' > Modelfile && "
        f"ollama create {_q(name)} -f Modelfile",
        "llama_cpp": f"python convert_lora_to_gguf.py {_q(adapter)} --outfile adapter.gguf && "
        f"llama-server -m base.gguf --lora adapter.gguf --alias {_q(name)}",
    }


def export_routes(
    training: TrainingSet, folder: str | Path, *, base: str = DEFAULT_BASE, name: str = "advisor-tuned"
) -> Exported:
    """Write train.jsonl (+ valid.jsonl), configs for each trainer and a README with the commands."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = [write_jsonl(training.train, folder / "train.jsonl")]
    has_val = bool(training.validation)
    if has_val:
        files.append(write_jsonl(training.validation, folder / "valid.jsonl"))
    texts = {
        "axolotl.yaml": _axolotl(base, has_val),
        "unsloth_train.py": _unsloth(base),
        "dataset_info.json": json.dumps(_llama_factory_info(), indent=2) + "\n",
        "llama_factory.yaml": _llama_factory_yaml(base),
    }
    for file_name, text in texts.items():
        atomic_write_text(folder / file_name, text)
        files.append(folder / file_name)
    mlx_base = MLX_BASE if base == DEFAULT_BASE else base
    commands = {
        # mlx-lm reads train.jsonl and valid.jsonl from --data and needs the validation file.
        "mlx_lm": f"mlx_lm.lora --model {_q(mlx_base)} --train --data . --iters 600 --adapter-path mlx-adapter"
        + ("" if has_val else "  # copy train.jsonl to valid.jsonl first: mlx-lm wants both"),
        "axolotl": "axolotl train axolotl.yaml",
        "unsloth": "python unsloth_train.py",
        "llama_factory": "llamafactory-cli train llama_factory.yaml",
    }
    serve = serve_commands(base, "./axolotl-out", name)
    readme = [
        "Training files made by LLM Path Advisor from the examples pool.",
        f"train.jsonl: {len(training.train)} examples"
        + (f", valid.jsonl: {len(training.validation)}" if has_val else ""),
        "",
        "Train (run in this folder):",
    ]
    readme += [f"  {route}: {command}" for route, command in commands.items()]
    readme += ["", f"Serve the adapter under the name {name} (then Register a fine-tuned model in the app):"]
    readme += [f"  {server}: {command}" for server, command in serve.items()]
    atomic_write_text(folder / "README.txt", "\n".join(readme) + "\n")
    files.append(folder / "README.txt")
    return Exported(folder, tuple(files), commands, serve)
