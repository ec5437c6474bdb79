"""What a check is: its kind, family, value and parameters, and the rules a valid one obeys.

A CheckSpec is stored in project.json (`checks` section) as ``to_dict()``; loading runs the
same validation as adding, so a hand-edited bad regex surfaces as a CheckError, not a crash
in the middle of a run.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from jsonschema.exceptions import SchemaError
from jsonschema.validators import validator_for

from desktop_app.core.errors import CheckError
from desktop_app.core.phrases import phrase, translate
from desktop_app.core.text import normalize


@dataclass(frozen=True)
class KindInfo:
    family: str  # "content" | "behaviour"
    value: str  # "none" | "text" | "regex" | "schema" | "int" | "language"
    needs: str | None = None  # "judge" | "embed": left out when the model is not configured
    threshold: float | None = None  # default pass threshold, for scored kinds
    single: bool = True  # at most one per project: adding again updates it


KINDS: dict[str, KindInfo] = {
    # content: does the answer carry the right facts (the context axis)
    "normalized_match": KindInfo("content", "none"),
    "token_f1": KindInfo("content", "none", threshold=0.5),
    "contains": KindInfo("content", "none"),
    "semantic": KindInfo("content", "none", needs="embed", threshold=0.8),
    "judge": KindInfo("content", "none", needs="judge"),
    # behaviour: does it act right (the LLM axis)
    "regex": KindInfo("behaviour", "regex", single=False),
    "json": KindInfo("behaviour", "none"),
    "json_schema": KindInfo("behaviour", "schema"),
    "max_chars": KindInfo("behaviour", "int"),
    "min_chars": KindInfo("behaviour", "int"),
    "must_include": KindInfo("behaviour", "text", single=False),
    "must_not_include": KindInfo("behaviour", "text", single=False),
    "language": KindInfo("behaviour", "language"),
    "rubric": KindInfo("behaviour", "text", needs="judge", single=False),
}

# CLI spelling (hyphens) -> kind; the underscore spelling is accepted too.
CLI_KIND_NAMES: dict[str, str] = {name.replace("_", "-"): name for name in KINDS}

# Languages the script-share detector can tell apart (see behaviour.detect_language).
LANGUAGES = ("ja", "zh", "ko", "en")
PARAM_KEYS = {"threshold", "allow_fence", "mode", "model"}
JUDGE_MODES = ("unsure", "all")


@dataclass(frozen=True)
class CheckSpec:
    """One configured check. ``id`` is stable (stored, shown, used by verdicts)."""

    id: str
    kind: str
    family: str
    value: str | None = None
    params: dict = field(default_factory=dict, hash=False)
    inferred: bool = False  # added by default_checks, not by the user
    enabled: bool = True

    @property
    def threshold(self) -> float | None:
        info = KINDS.get(self.kind)
        default = info.threshold if info else None
        return float(self.params.get("threshold", default)) if default is not None else None

    @property
    def needs(self) -> str | None:
        return KINDS[self.kind].needs

    @property
    def fingerprint(self) -> str:
        """What a verdict of this check depends on: kind, value and settings (not id or name)."""
        data = json.dumps([self.kind, self.value, self.params], sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "family": self.family,
            "value": self.value,
            "params": dict(self.params),
            "inferred": self.inferred,
            "enabled": self.enabled,
        }

    @classmethod
    def from_dict(cls, data: Any) -> "CheckSpec":
        if not isinstance(data, dict) or not isinstance(data.get("kind"), str):
            raise CheckError(
                translate("CheckErrors", "A stored check is unreadable (no kind)."),
                translate("CheckErrors", "Remove it from the checks list in project.json, or re-add the check."),
            )
        kind = kind_from_name(data["kind"])
        value = data.get("value")
        spec = cls(
            id=str(data.get("id") or kind),
            kind=kind,
            family=str(data.get("family") or KINDS[kind].family),
            value=None if value is None else str(value),
            params=dict(data.get("params") or {}),
            inferred=bool(data.get("inferred", False)),
            enabled=bool(data.get("enabled", True)),
        )
        validate_spec(spec)
        return spec


def kind_from_name(name: str) -> str:
    """Map a CLI or stored kind name (``json-schema`` or ``json_schema``) to the kind."""
    key = (name or "").strip().lower()
    kind = CLI_KIND_NAMES.get(key) or (key if key in KINDS else None)
    if kind is None:
        raise CheckError(
            phrase(translate("CheckErrors", "Unknown check kind: “{name}”."), name=name),
            phrase(translate("CheckErrors", "Use one of: {kinds}."), kinds=", ".join(CLI_KIND_NAMES)),
        )
    return kind


def next_id(kind: str, taken: set[str] | list[str] | tuple[str, ...]) -> str:
    """The kind's name for the first check of a kind, then ``kind-2``, ``kind-3`` ..."""
    taken = set(taken)
    if kind not in taken:
        return kind
    n = 2
    while f"{kind}-{n}" in taken:
        n += 1
    return f"{kind}-{n}"


def make_check(
    kind: str,
    value: Any = None,
    *,
    threshold: float | None = None,
    params: dict | None = None,
    id: str | None = None,
    taken=(),
    inferred: bool = False,
) -> CheckSpec:
    """Build and validate a check; ``taken`` holds the ids already in use."""
    kind = kind_from_name(kind)
    merged = dict(params or {})
    if threshold is not None:
        merged["threshold"] = threshold
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    elif isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False)
    spec = CheckSpec(
        id=id or next_id(kind, taken),
        kind=kind,
        family=KINDS[kind].family,
        value=value,
        params=merged,
        inferred=inferred,
    )
    validate_spec(spec)
    return spec


# -- validation -----------------------------------------------------------------------------
def validate_spec(spec: CheckSpec) -> None:
    """Raise CheckError (message + hint) when the check could not work as configured."""
    if spec.kind not in KINDS:
        kind_from_name(spec.kind)  # raises with the list of kinds
    info = KINDS[spec.kind]
    label = spec.kind.replace("_", "-")
    if spec.family != info.family:
        raise CheckError(
            phrase(
                translate("CheckErrors", "The {label} check belongs to the {family} family, not “{given}”."),
                label=label,
                family=info.family,
                given=spec.family,
            ),
            phrase(
                translate("CheckErrors", "Set its family to “{family}” or remove the family field."), family=info.family
            ),
        )
    if not spec.id or not re.fullmatch(r"[\w.:-]{1,64}", spec.id):
        raise CheckError(
            phrase(translate("CheckErrors", "Check id “{id}” is not usable."), id=spec.id),
            translate("CheckErrors", "Use letters, digits, '-', '_' or ':' (at most 64 characters)."),
        )
    unknown = set(spec.params) - PARAM_KEYS
    if unknown:
        raise CheckError(
            phrase(
                translate("CheckErrors", "The {label} check has unknown settings: {settings}."),
                label=label,
                settings=", ".join(sorted(unknown)),
            ),
            translate("CheckErrors", "Remove them; known settings are threshold, allow_fence, mode and model."),
        )
    _validate_threshold(spec, info, label)
    _validate_judge(spec, label)
    value = spec.value
    if info.value == "none":
        if value not in (None, ""):
            raise CheckError(
                phrase(
                    translate("CheckErrors", "The {label} check takes no value (got “{value}”)."),
                    label=label,
                    value=value,
                ),
                translate("CheckErrors", "Leave the value out."),
            )
        return
    if value is None or not str(value).strip():
        raise CheckError(
            phrase(translate("CheckErrors", "The {label} check needs a value."), label=label), _VALUE_HINTS[info.value]
        )
    if info.value == "regex":
        compile_regex(value)
    elif info.value == "schema":
        compile_schema(value)
    elif info.value == "int":
        char_limit(value, label)
    elif info.value == "language":
        language_code(value)
    elif spec.kind in ("must_include", "must_not_include") and not normalize(value):
        raise CheckError(
            phrase(
                translate("CheckErrors", "The {label} phrase “{value}” has no letters or digits to look for."),
                label=label,
                value=value,
            ),
            translate("CheckErrors", "Give a word or phrase; punctuation and spacing are ignored when comparing."),
        )


_VALUE_HINTS = {
    "text": translate("CheckErrors", "Give the phrase or rubric text as the value."),
    # The examples are sentences without fields: phrase() never formats them, so their braces stay text.
    "regex": translate("CheckErrors", "Give a regular expression, e.g. '^\\d{3}-\\d{4}$'."),
    "schema": translate(
        "CheckErrors", 'Give a JSON Schema as JSON text, e.g. \'{"type": "object", "required": ["answer"]}\'.'
    ),
    "int": translate("CheckErrors", "Give a whole number of characters, e.g. 300."),
    "language": phrase(translate("CheckErrors", "Give a language code: {codes}."), codes=", ".join(LANGUAGES)),
}


def _validate_judge(spec: CheckSpec, label: str) -> None:
    extra = {"mode", "model"} & set(spec.params)
    if extra and spec.kind != "judge":
        raise CheckError(
            phrase(
                translate("CheckErrors", "The {label} check has no {settings} setting."),
                label=label,
                settings=" / ".join(sorted(extra)),
            ),
            translate("CheckErrors", "Mode and model are settings of the judge check only."),
        )
    mode = spec.params.get("mode", "unsure")
    if mode not in JUDGE_MODES:
        raise CheckError(
            phrase(translate("CheckErrors", "Judge mode “{mode}” is not known."), mode=mode),
            translate(
                "CheckErrors", "Use 'unsure' (the judge decides the rows text alone cannot) or 'all' (every row)."
            ),
        )
    model = spec.params.get("model", "")
    if not isinstance(model, str) or len(model) > 200 or any(c.isspace() for c in model.strip()):
        raise CheckError(
            phrase(translate("CheckErrors", "Judge model “{model}” is not a model name."), model=model),
            translate("CheckErrors", "Give the model's name, e.g. gpt-4o."),
        )


def _validate_threshold(spec: CheckSpec, info: KindInfo, label: str) -> None:
    if "threshold" not in spec.params:
        return
    if info.threshold is None:
        raise CheckError(
            phrase(translate("CheckErrors", "The {label} check has no threshold."), label=label),
            translate("CheckErrors", "Thresholds apply to token-f1 and semantic checks only."),
        )
    raw = spec.params["threshold"]
    try:
        value = float(raw)
    except (TypeError, ValueError):
        value = float("nan")
    if isinstance(raw, bool) or not 0.0 <= value <= 1.0:
        raise CheckError(
            phrase(
                translate("CheckErrors", "Threshold “{value}” for the {label} check is not a number between 0 and 1."),
                value=raw,
                label=label,
            ),
            translate("CheckErrors", "Use e.g. 0.5."),
        )


@lru_cache(maxsize=256)
def compile_regex(pattern: str) -> re.Pattern:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise CheckError(
            phrase(
                translate("CheckErrors", "The regular expression “{pattern}” is invalid: {problem}."),
                pattern=pattern,
                problem=exc,
            ),
            translate(
                "CheckErrors", "Fix the pattern; escape special characters such as ( ) [ ] . * + ? with a backslash."
            ),
        ) from exc


@lru_cache(maxsize=64)
def compile_schema(text: str):
    """A ready validator for the schema text (cached: scoring calls this once per row)."""
    try:
        schema = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CheckError(
            phrase(
                translate(
                    "CheckErrors", "The JSON schema is not valid JSON ({problem} at line {line}, column {column})."
                ),
                problem=exc.msg,
                line=exc.lineno,
                column=exc.colno,
            ),
            translate("CheckErrors", 'Check quotes and brackets; a schema looks like {"type": "object"}.'),
        ) from exc
    if not isinstance(schema, (dict, bool)):
        raise CheckError(
            translate("CheckErrors", "The JSON schema must be a JSON object."),
            translate("CheckErrors", 'A schema looks like {"type": "object", "required": ["answer"]}.'),
        )
    cls = validator_for(schema)
    try:
        cls.check_schema(schema)
    except SchemaError as exc:
        where = "/".join(str(p) for p in exc.path) or translate("CheckErrors", "top level")
        raise CheckError(
            phrase(
                translate("CheckErrors", "The JSON schema is invalid at {where}: {problem}."),
                where=where,
                problem=exc.message,
            ),
            translate("CheckErrors", "Fix the schema; see json-schema.org for the keywords."),
        ) from exc
    return cls(schema)


def char_limit(value: Any, label: str = "length") -> int:
    text = str(value).strip()
    try:
        number = float(text)
    except ValueError:
        number = float("nan")
    if number != number or not number.is_integer() or number < 0:  # nan, 2.5, inf, -1
        raise CheckError(
            phrase(
                translate("CheckErrors", "The {label} check needs a whole number of characters, not “{value}”."),
                label=label,
                value=value,
            ),
            translate("CheckErrors", "Give a number such as 300."),
        )
    return int(number)


def language_code(value: str) -> str:
    """'ja', 'ja-JP', 'JA_jp' -> 'ja'; only languages the detector can tell apart."""
    code = re.split(r"[-_]", str(value).strip().lower())[0]
    if code not in LANGUAGES:
        raise CheckError(
            phrase(translate("CheckErrors", "Language “{value}” cannot be checked."), value=value),
            translate(
                "CheckErrors",
                "Supported: ja (Japanese), zh (Chinese), ko (Korean), en (English or another Latin-script language).",
            ),
        )
    return code
