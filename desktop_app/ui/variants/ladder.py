"""The words for the ladder of presets and the technique grid (the core only has keys)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# Literal contexts and strings throughout: lupdate extracts only literal translate() calls.


def preset_label(key: str, k: int = 0, top_k: int = 0, model: str = "") -> str:
    """The ladder step a preset stands for, with its number filled in (e.g. "+ few-shot (k=3)")."""
    if key == "baseline":
        return QCoreApplication.translate("Ladder", "Baseline")
    if key == "instructions":
        return QCoreApplication.translate("Ladder", "+ clear instructions")
    if key == "step_by_step":
        return QCoreApplication.translate("Ladder", "+ step-by-step")
    if key == "few_shot":
        return QCoreApplication.translate("Ladder", "+ few-shot (k=%1)").replace("%1", str(k))
    if key == "rag":
        if top_k:
            return QCoreApplication.translate("Ladder", "RAG (top-%1)").replace("%1", str(top_k))
        return QCoreApplication.translate("Ladder", "RAG (top-k from Knowledge)")
    if key == "rag_few_shot":
        return QCoreApplication.translate("Ladder", "RAG + few-shot (k=%1)").replace("%1", str(k))
    if key == "fine_tuned":
        if model:
            return QCoreApplication.translate("Ladder", "Fine-tuned (%1)").replace("%1", model)
        return QCoreApplication.translate("Ladder", "Fine-tuned (no model id yet)")
    if key == "fine_tuned_rag":
        return QCoreApplication.translate("Ladder", "Fine-tuned + RAG")
    return key


def variant_label(variant) -> str:
    """What a variant row says: its ladder step, and its own name when that differs from the key."""
    step = preset_label(variant.preset, variant.k, variant.top_k, variant.model)
    if variant.name == variant.preset:
        return step
    return QCoreApplication.translate("Ladder", "%1 — %2").replace("%1", variant.name).replace("%2", step)


def needs_model_id(variant) -> bool:
    """A fine-tuned variant cannot run on the connection's base model: it needs its own id."""
    return "fine_tuned" in variant.techniques and not (variant.model or "").strip()


def x_labels() -> list[str]:
    """Technique-grid columns, x = 0..3 (how the model is asked to act)."""
    return [
        QCoreApplication.translate("Ladder", "none"),
        QCoreApplication.translate("Ladder", "prompt"),
        QCoreApplication.translate("Ladder", "few-shot"),
        QCoreApplication.translate("Ladder", "fine-tuned"),
    ]


def y_labels() -> list[str]:
    """Technique-grid rows, y = 0..2 (what the model is given to know)."""
    return [
        QCoreApplication.translate("Ladder", "none"),
        QCoreApplication.translate("Ladder", "RAG"),
        QCoreApplication.translate("Ladder", "tuned RAG"),
    ]


def technique_label(key: str) -> str:
    if key == "instructions":
        return QCoreApplication.translate("Ladder", "clear instructions")
    if key == "step_by_step":
        return QCoreApplication.translate("Ladder", "step-by-step")
    if key == "few_shot":
        return QCoreApplication.translate("Ladder", "few-shot examples")
    if key == "rag":
        return QCoreApplication.translate("Ladder", "retrieval (RAG)")
    if key == "rag_tuned":
        return QCoreApplication.translate("Ladder", "tuned retrieval")
    if key == "fine_tuned":
        return QCoreApplication.translate("Ladder", "fine-tuned model")
    return key
