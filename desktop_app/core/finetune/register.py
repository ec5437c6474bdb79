"""A tuned model as variants: ``fine_tuned``, and ``fine_tuned_rag`` when the project has knowledge.

The variant keeps the prompt the model was trained with (a tuned model answers best to what it
learned on); the RAG twin adds the passages and the rule to rely on them. Newly registered
variants are ticked to run, so the next run puts the tuned model on the grid.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.errors import AppError
from desktop_app.core.phrases import translate
from desktop_app.core.variants.variant import (
    PRESETS,
    RAG_RULES,
    RAG_TEMPLATE,
    Variant,
    load_selection,
    load_variants,
    preset,
    save_variants,
)


@dataclass(frozen=True)
class Registered:
    variants: tuple[Variant, ...]
    # Azure serves a tuned model only after it is deployed; the variant's model must then be the
    # deployment's name, which only the person deploying it chooses.
    needs_deployment: bool = False


def has_knowledge(project) -> bool:
    """Whether the project has indexed documents (checked on the chunk store, not chromadb: fast)."""
    path = project.knowledge_dir / "chunks.sqlite"
    if not path.exists():
        return False
    from desktop_app.core.knowledge.chunkstore import ChunkStore  # noqa: PLC0415

    store = ChunkStore(path)
    try:
        return store.counts()[1] > 0
    finally:
        store.close()


def _has_examples(project) -> bool:
    section = project.section("dataset") or {}
    return bool(isinstance(section, dict) and (section.get("examples") or {}).get("count"))


def _unique(base: str, taken: set[str]) -> str:
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    return name


def register_model(
    project,
    model: str,
    *,
    prompt: dict | None = None,
    name: str = "",
    with_rag: bool | None = None,
    azure: bool = False,
) -> Registered:
    """Add the tuned ``model`` as variants and save; ``with_rag`` None: when the project has knowledge."""
    model = (model or "").strip()
    if not model:
        raise AppError(
            translate("FinetuneErrors", "A fine-tuned model needs its name."),
            translate(
                "FinetuneErrors",
                "Enter the model id (ft:...), the Azure deployment name or the name the server serves it under.",
            ),
        )
    prompt = prompt or {}
    variants = load_variants(project)
    selection = load_selection(project) if variants else None
    if not variants:  # the Variants page shows the ladder until something is stored: keep it
        variants = [preset(key) for key in PRESETS if key not in ("fine_tuned", "fine_tuned_rag")]
        selection = ["baseline"] + (["few_shot"] if _has_examples(project) else [])
    taken = {v.name for v in variants}
    base = name.strip() or "fine-tuned"
    system = str(prompt.get("system") or "")
    wanted = [("fine_tuned", base, system, str(prompt.get("template") or "{input}"))]
    if has_knowledge(project) if with_rag is None else with_rag:
        wanted.append(
            ("fine_tuned_rag", f"{base} + RAG", (system + RAG_RULES) if system else RAG_RULES.strip(), RAG_TEMPLATE)
        )
    added = []
    for kind, label, sys_prompt, template in wanted:
        # A ladder placeholder still waiting for its model id is filled in rather than duplicated.
        empty = next((v for v in variants if v.preset == kind and not v.model.strip()), None)
        if empty is not None:
            empty.model, empty.system, empty.template = model, sys_prompt, template
            added.append(empty)
            continue
        fresh = preset(kind, name=_unique(label, taken), model=model, system=sys_prompt, template=template)
        taken.add(fresh.name)
        variants.append(fresh)
        added.append(fresh)
    ticked = None if selection is None else list(dict.fromkeys(selection + [v.name for v in added]))
    save_variants(project, variants, ticked)
    return Registered(tuple(added), needs_deployment=azure)


def test_model(cfg, model: str):
    """The Connection page's test, asked of ``model`` on the project's server (a ConnectionReport).

    On Azure the name is a deployment: the request goes to that deployment."""
    from desktop_app.core.providers.client import test_connection  # noqa: PLC0415

    changes = {"azure_deployment": model} if cfg.preset == "azure" else {"model": model}
    return test_connection(cfg.replace(**changes))


test_model.__test__ = False  # type: ignore[attr-defined]  # not a pytest test when imported
