"""What each of the project's checks does, in words, for the report's footer."""

from __future__ import annotations

from desktop_app.core.phrases import Phrase, phrase, translate

CHECK_KINDS = {
    "normalized_match": translate(
        "ReportText", "equals the expected answer once case, width, punctuation and spaces are normalized"
    ),
    "token_f1": translate(
        "ReportText", "overlaps the expected answer in words or characters (token F1 at least {threshold})"
    ),
    "contains": translate("ReportText", "contains the expected answer"),
    "semantic": translate(
        "ReportText", "means the same as the expected answer (embedding similarity at least {threshold})"
    ),
    "judge": translate("ReportText", "is judged by an LLM to agree with the expected answer"),
    "regex": translate("ReportText", "matches the pattern {value}"),
    "json": translate("ReportText", "is valid JSON"),
    "json_schema": translate("ReportText", "is JSON that matches the project's schema"),
    "max_chars": translate("ReportText", "has at most {value} characters"),
    "min_chars": translate("ReportText", "has at least {value} characters"),
    "must_include": translate("ReportText", "contains “{value}”"),
    "must_not_include": translate("ReportText", "does not contain “{value}”"),
    "language": translate("ReportText", "is written in the language “{value}”"),
    "rubric": translate("ReportText", "is judged by an LLM to meet the rubric “{value}”"),
}
FAMILIES = {"content": translate("ReportText", "content"), "behaviour": translate("ReportText", "behaviour")}


def check_sentence(spec: dict) -> Phrase:
    """One project check ({id, kind, family, value, params}) as "token_f1 (content): the answer ..."."""
    kind = str(spec.get("kind", "?"))
    params = spec.get("params") or {}
    value = spec.get("value")
    threshold = params.get("threshold", {"token_f1": 0.5, "semantic": 0.8}.get(kind))
    template = CHECK_KINDS.get(kind)
    does = (
        phrase(
            template,
            **{
                k: v
                for k, v in (("threshold", threshold), ("value", "" if value is None else value))
                if "{%s}" % k in template
            },
        )
        if template is not None
        else kind.replace("_", " ")
    )
    family = spec.get("family", "")
    name = spec.get("id", kind)
    if family:
        return phrase(
            translate("ReportText", "{name} ({family}): the answer {does}."),
            name=name,
            family=FAMILIES.get(str(family), family),
            does=does,
        )
    return phrase(translate("ReportText", "{name}: {does}."), name=name, does=does)
