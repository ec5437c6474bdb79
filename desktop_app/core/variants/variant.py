"""Variants: the ladder of techniques from the talk, each a prompt recipe for one model.

A variant is a set of techniques plus a system prompt, a user template with the placeholders
{input} {examples} {context} {category}, a model (empty: the connection's) and parameters.
``build_messages`` turns (variant, row, examples pool, passages) into the exact chat messages
sent, so the same inputs always give the same request (and the same cache key).
"""

from __future__ import annotations

import copy
import hashlib
import re
from dataclasses import dataclass, field, fields
from typing import Any, Iterable, Sequence

from desktop_app.core.errors import RunError
from desktop_app.core.records import RAG_TECHNIQUES, TECHNIQUES, Passage, Row, technique_position
from desktop_app.core.phrases import phrase, translate

PLACEHOLDERS = ("input", "examples", "context", "category")
# Only our own placeholders are replaced: prompts often hold JSON braces that str.format would break.
_PLACEHOLDER_RE = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")

INSTRUCTIONS = (
    "You answer questions for a team that checks every answer against a reference.\n"
    "- Answer the question directly; do not restate it.\n"
    "- Be accurate and concise: give the facts asked for, nothing padded.\n"
    "- Follow any format the question or the examples ask for exactly (length, structure, JSON, language).\n"
    "- Answer in the language of the question.\n"
    "- If you do not know, say so plainly instead of guessing."
)
STEP_BY_STEP = (
    "\n\nWork through the problem step by step before you answer: identify what is asked, recall the "
    "relevant facts, then reason to the answer. Write your reasoning first, then the final answer on a "
    'last line that starts with "Answer:".'
)
RAG_RULES = (
    "\n\nUse the numbered passages in the context to answer. Rely on them over your own memory; "
    "if they do not contain the answer, say that the documents do not cover it."
)
RAG_TEMPLATE = "Context:\n{context}\n\nQuestion: {input}"
ANSWER_MARKER = "Answer:"


@dataclass
class Variant:
    """One way of asking the model; its techniques place it on the technique grid."""

    name: str
    preset: str = "baseline"
    techniques: tuple[str, ...] = ()
    system: str = ""
    template: str = "{input}"
    model: str = ""  # empty: the connection's model
    params: dict[str, Any] = field(default_factory=lambda: {"temperature": 0.0})
    k: int = 0  # few-shot examples per row
    top_k: int = 0  # passages per row; 0: the knowledge settings' top_k
    answer_marker: str = ""  # when set, checks score the text after its last occurrence

    def __post_init__(self) -> None:
        self.techniques = tuple(dict.fromkeys(self.techniques))
        unknown = [t for t in self.techniques if t not in TECHNIQUES]
        if unknown:
            raise RunError(
                phrase(
                    translate("RunErrors", "Variant “{name}” names unknown technique(s): {techniques}."),
                    name=self.name,
                    techniques=", ".join(unknown),
                ),
                phrase(translate("RunErrors", "Use techniques from: {techniques}."), techniques=", ".join(TECHNIQUES)),
            )
        if not self.name.strip():
            raise RunError(
                translate("RunErrors", "A variant needs a name."),
                translate("RunErrors", "Give each variant a short unique name."),
            )

    @property
    def grid_position(self) -> tuple[int, int]:
        """(x, y) on the technique grid; the strongest technique on each axis wins."""
        return technique_position(self.techniques)

    @property
    def uses_retrieval(self) -> bool:
        return bool(RAG_TECHNIQUES & set(self.techniques))

    @property
    def uses_examples(self) -> bool:
        return "few_shot" in self.techniques and self.k > 0

    def to_dict(self) -> dict:
        out = {f.name: copy.deepcopy(getattr(self, f.name)) for f in fields(self)}
        out["techniques"] = list(self.techniques)
        return out

    @classmethod
    def from_dict(cls, data: dict) -> "Variant":
        if not isinstance(data, dict) or not data.get("name"):
            raise RunError(
                translate("RunErrors", "A variant in project.json has no name."),
                translate("RunErrors", "Give each variant a name, or remove it."),
            )
        known = {f.name for f in fields(cls)}
        kwargs = {k: copy.deepcopy(v) for k, v in data.items() if k in known}  # newer keys are ignored
        kwargs["techniques"] = tuple(kwargs.get("techniques") or ())
        if not isinstance(kwargs.get("params", {}), dict):
            raise RunError(
                phrase(
                    translate("RunErrors", "Variant “{name}” has parameters that are not a mapping."), name=data["name"]
                ),
                translate("RunErrors", "Write parameters as name: value pairs, e.g. temperature: 0."),
            )
        return cls(**kwargs)


def _preset_specs() -> dict[str, dict]:
    rag_system = INSTRUCTIONS + RAG_RULES
    return {
        "baseline": dict(techniques=()),
        "instructions": dict(techniques=("instructions",), system=INSTRUCTIONS),
        "step_by_step": dict(
            techniques=("instructions", "step_by_step"), system=INSTRUCTIONS + STEP_BY_STEP, answer_marker=ANSWER_MARKER
        ),
        "few_shot": dict(techniques=("instructions", "few_shot"), system=INSTRUCTIONS, k=3),
        "rag": dict(techniques=("instructions", "rag"), system=rag_system, template=RAG_TEMPLATE),
        "rag_few_shot": dict(
            techniques=("instructions", "few_shot", "rag"), system=rag_system, template=RAG_TEMPLATE, k=3
        ),
        # A fine-tuned model learned its behaviour from the training data: a short prompt suffices.
        "fine_tuned": dict(techniques=("fine_tuned",)),
        "fine_tuned_rag": dict(techniques=("fine_tuned", "rag"), system=RAG_RULES.strip(), template=RAG_TEMPLATE),
    }


PRESETS: dict[str, dict] = _preset_specs()


def grounding_steps(variant: dict) -> frozenset[str]:
    """The grounding checklist steps a variant's prompt already takes, so advice never repeats them.

    Read from the prompt the model received, not from the preset's name: an edited prompt may
    have dropped a rule. Recognises the presets' own wording (RAG_RULES, RAG_TEMPLATE).
    """
    system = str(variant.get("system") or "")
    template = str(variant.get("template") or "")
    steps = set()
    if "Use the numbered passages in the context to answer" in system or "Rely on them over your own memory" in system:
        steps.add("answer_only_from_passages")
    if "do not cover it" in system or "do not contain the answer" in system:
        steps.add("say_when_not_found")
    context, question = template.find("{context}"), template.find("{input}")
    if 0 <= context < question:
        steps.add("passages_before_question")
    if "few_shot" in (variant.get("techniques") or ()) and int(variant.get("k") or 0) > 0 and steps:
        steps.add("grounded_few_shot_examples")
    return frozenset(steps)


def preset(name: str, /, **overrides: Any) -> Variant:
    """A fresh Variant from a preset; ``overrides`` (e.g. name="ft-v2", model="ft:...", k=5) replace its fields."""
    if name not in PRESETS:
        raise RunError(
            phrase(translate("RunErrors", "There is no variant preset called “{name}”."), name=name),
            phrase(translate("RunErrors", "Presets: {presets}."), presets=", ".join(PRESETS)),
        )
    spec = copy.deepcopy(PRESETS[name])
    spec.update(overrides)
    spec.setdefault("name", name)
    return Variant(preset=name, **spec)


# -- prompts ---------------------------------------------------------------------------------
def fill(template: str, values: dict[str, str]) -> str:
    return _PLACEHOLDER_RE.sub(lambda m: values.get(m.group(1), ""), template)


def choose_examples(row: Row, pool: Sequence[Row], k: int) -> list[Row]:
    """k examples from the pool, the same ones for the same row on every run (stable hash order).

    Never the row itself, even if a row id also sits in the pool by mistake.
    """
    if k <= 0 or not pool:
        return []

    def rank(ex: Row) -> str:
        return hashlib.sha256(f"{row.id}\x1f{ex.id}".encode("utf-8")).hexdigest()

    candidates = [ex for ex in pool if ex.id != row.id and ex.input != row.input]
    return sorted(candidates, key=rank)[:k]


def source_label(source: str) -> str:
    """The file name of a source: the user's folder names are not sent to a model (and moving the
    documents does not change the requests, so the cache still answers them)."""
    return re.split(r"[\\/]", source.rstrip("/\\"))[-1] if "://" not in source else source


def format_passages(passages: Iterable[Passage]) -> str:
    """Numbered passages, each with its source, so answers (and readers) can point at them."""
    blocks = []
    for i, p in enumerate(passages, 1):
        where = source_label(p.source) + (f", p. {p.page}" if p.page is not None else "")
        blocks.append(f"[{i}] (source: {where})\n{p.text.strip()}")
    return "\n\n".join(blocks)


def format_examples(examples: Iterable[Row]) -> str:
    return "\n\n".join(f"Input: {ex.input}\nOutput: {ex.expected}" for ex in examples)


def build_messages(
    variant: Variant, row: Row, examples: Sequence[Row] = (), passages: Sequence[Passage] = ()
) -> list[dict]:
    """The exact chat messages for one row.

    ``examples`` is the examples pool (never evaluation rows): the variant picks its k from it.
    Examples go inline where the template says {examples}, otherwise as user/assistant turns.
    {context} holds the numbered passages, or the row's own context column when there are none.
    A row from a chat-format file keeps its conversation: its system prompt comes first in the
    one system message (the task as the file's app set it), the variant's after it (the
    technique on top); its earlier turns come right before the final user turn.
    """
    chosen = choose_examples(row, examples, variant.k) if "few_shot" in variant.techniques else []
    context = format_passages(passages) if passages else row.context
    values = {"input": row.input, "context": context, "category": row.category, "examples": format_examples(chosen)}
    messages: list[dict] = []
    system = [s for s in (row.system.strip(), fill(variant.system, values) if variant.system.strip() else "") if s]
    if system:
        messages.append({"role": "system", "content": "\n\n".join(system)})
    if chosen and "{examples}" not in variant.template and "{examples}" not in variant.system:
        for ex in chosen:
            messages.append({"role": "user", "content": ex.input})
            messages.append({"role": "assistant", "content": ex.expected})
    messages.extend({"role": role, "content": content} for role, content in row.history)
    messages.append({"role": "user", "content": fill(variant.template, values)})
    return messages


def answer_part(variant: Variant | None, output: str) -> str:
    """The part of an output the checks judge: after the variant's answer marker, if it has one."""
    marker = variant.answer_marker if variant else ""
    if marker and marker in output:
        return output.rsplit(marker, 1)[1].strip()
    return output


# -- project.json `variants` section ---------------------------------------------------------
def load_variants(project) -> list[Variant]:
    data = project.section("variants") or []
    if not isinstance(data, list):
        raise RunError(
            translate("RunErrors", "The variants section of project.json is not a list."),
            translate("RunErrors", "Restore project.json or recreate the variants."),
        )
    variants = [Variant.from_dict(d) for d in data]
    names = [v.name for v in variants]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise RunError(
            phrase(translate("RunErrors", "Two variants share the name '{name}'."), name=dupes[0]),
            translate("RunErrors", "Give each variant a unique name."),
        )
    return variants


def save_variants(project, variants: Iterable[Variant], selection: Iterable[str] | None = None) -> None:
    """Store the variants; ``selection`` (names ticked to run) is stored with them in one write."""
    variants = list(variants)
    if selection is None:
        project.set_section("variants", [v.to_dict() for v in variants])
        return
    project.set_section("variants", [v.to_dict() for v in variants], save=False)
    names = {v.name for v in variants}
    project.set_section(SELECTION_SECTION, [n for n in dict.fromkeys(selection) if n in names])


# The variants ticked to run live beside the list (a top-level section): a flag inside each
# variant dict would change Variant.to_dict() and with it every run's fingerprint.
SELECTION_SECTION = "run_selection"


def load_selection(project) -> list[str] | None:
    """Names of the variants ticked to run; None when the user never chose (every variant runs)."""
    data = project.section(SELECTION_SECTION)
    if data is None:
        return None
    if not isinstance(data, list) or not all(isinstance(n, str) for n in data):
        raise RunError(
            translate("RunErrors", "The list of variants to run in project.json is damaged."),
            translate("RunErrors", "Tick the variants to run again under Variants."),
        )
    return list(data)


def resolve_variants(project, names: Iterable[str] | None, *, has_examples: bool = False) -> list[Variant]:
    """The variants to run: named ones from project.json, else presets of that name.

    With no names: the variants ticked to run (``load_selection``), else every variant in
    project.json, or Baseline (+ Few-shot when there is an examples pool) for a project that
    has none yet.
    """
    defined = {v.name: v for v in load_variants(project)}
    if not names:
        selection = load_selection(project) if defined else None
        if selection is not None:  # the ticked ones, in the order of the list
            ticked = set(selection)
            chosen = [v for v in defined.values() if v.name in ticked]
            if not chosen:
                raise RunError(
                    translate("RunErrors", "No variant is ticked to run."),
                    translate("RunErrors", "Tick at least one variant under Variants."),
                )
            return chosen
        if defined:
            return list(defined.values())
        return [preset("baseline")] + ([preset("few_shot")] if has_examples else [])
    out = []
    for name in names:
        name = name.strip()
        if not name:
            continue
        if name in defined:
            out.append(defined[name])
        elif name in PRESETS:
            out.append(preset(name))
        else:
            choices = ", ".join(list(defined) + [p for p in PRESETS if p not in defined])
            raise RunError(
                phrase(translate("RunErrors", "There is no variant called “{name}” in this project."), name=name),
                phrase(translate("RunErrors", "Choose from: {choices}."), choices=choices),
            )
    return out
