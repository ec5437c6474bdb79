"""Fine-tuning helper: from the examples pool to a validated training file, a job where the
provider runs one, and the tuned model registered as a variant.

``build`` (chat-format examples + train/validation split), ``findings`` (what to fix before
anything is sent, each finding with its row), ``limits`` (provider limits, training prices,
the cost estimate), ``jobs`` (upload, start, follow, cancel through the ``openai`` SDK, refusals
explained), ``register`` (a tuned model as ``fine_tuned`` / ``fine_tuned_rag`` variants),
``routes`` (files and command lines for mlx-lm, axolotl, Unsloth, LLaMA-Factory and serving),
``pairs`` (DPO preference pairs from runs).
"""

from desktop_app.core.lazy import exports

__getattr__, __all__ = exports(
    __name__,
    {
        "TrainingSet": "build",
        "build_training_set": "build",
        "write_jsonl": "build",
        "prepare": "prepare",
        "Finding": "findings",
        "validate": "findings",
        "read_jsonl": "findings",
        "estimate_cost": "limits",
        "training_price": "limits",
        "PROVIDER_LIMITS": "limits",
        "FineTuneError": "jobs",
        "JobUpdate": "jobs",
        "run_job": "jobs",
        "register_model": "register",
        "export_routes": "routes",
        "preference_pairs": "pairs",
    },
)
