"""What a run is called on screen: a run named after its preset ("few_shot") reads as the ladder
step it is ("Few-shot (k=3)"); a name the user chose is kept as typed.

The name stays the run's identity (CLI --variants, results --json "name"); the label is only how
it is shown. Labels are core phrases, so the window says them in the user's language.
"""

from __future__ import annotations

from desktop_app.core.phrases import phrase, translate


def run_label(name: str, variant: dict | None) -> str:
    """The label of a run called ``name`` made with ``variant`` (RunInfo.variant)."""
    variant = variant or {}
    preset = str(variant.get("preset") or "")
    if not preset or name != preset:
        return name
    k, top_k, model = int(variant.get("k") or 0), int(variant.get("top_k") or 0), str(variant.get("model") or "")
    templates = {
        "baseline": translate("RunNames", "Baseline"),
        "instructions": translate("RunNames", "Clear instructions"),
        "step_by_step": translate("RunNames", "Step-by-step"),
        "few_shot": translate("RunNames", "Few-shot (k={k})"),
        "rag": translate("RunNames", "RAG (top-{top_k})") if top_k else translate("RunNames", "RAG"),
        "rag_few_shot": translate("RunNames", "RAG + few-shot (k={k})"),
        "fine_tuned": translate("RunNames", "Fine-tuned ({model})") if model else translate("RunNames", "Fine-tuned"),
        "fine_tuned_rag": translate("RunNames", "Fine-tuned + RAG"),
    }
    template = templates.get(preset)
    return phrase(template, k=k, top_k=top_k, model=model) if template is not None else name
