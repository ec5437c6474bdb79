"""The sentences for checks: kind names, what a setting means, why a verdict came out as it did.

The core gives kinds and short machine-readable reasons (``f1=0.42<0.50``, ``json_fenced``);
the words live here, translatable. Literal translate() calls only, so lupdate finds them.
"""

from __future__ import annotations

import json
import re

from PySide6.QtCore import QCoreApplication

from desktop_app.ui.language import localized

# lupdate finds strings by the called function's name: the alias must stay "translate".
translate = QCoreApplication.translate


def kind_label(kind: str) -> str:
    labels = {
        "normalized_match": translate("Checks", "Same answer (normalized)"),
        "token_f1": translate("Checks", "Word overlap (token F1)"),
        "contains": translate("Checks", "Contains the expected answer"),
        "semantic": translate("Checks", "Similar meaning (embeddings)"),
        "judge": translate("Checks", "Judge model for what text cannot decide"),
        "regex": translate("Checks", "Matches a pattern (regex)"),
        "json": translate("Checks", "Valid JSON"),
        "json_schema": translate("Checks", "Follows a JSON schema"),
        "max_chars": translate("Checks", "At most N characters"),
        "min_chars": translate("Checks", "At least N characters"),
        "must_include": translate("Checks", "Must include a phrase"),
        "must_not_include": translate("Checks", "Must not include a phrase"),
        "language": translate("Checks", "Written in a language"),
        "rubric": translate("Checks", "LLM-judged rubric"),
        # Verdicts that come from no project check: retrieval metrics of a RAG run, a person's review.
        "context_recall": translate("Checks", "Answer in the passages"),
        "context_precision": translate("Checks", "Useful passages ranked first"),
        "faithfulness": translate("Checks", "Answer backed by the passages"),
        "review": translate("Checks", "Your review"),
    }
    return labels.get(kind, kind)


def check_label(check_id: str) -> str:
    """A verdict's check ("regex:1", "token_f1", "context_recall") by the name its kind goes by."""
    return kind_label(check_id.split(":")[0])


def kind_description(kind: str) -> str:
    texts = {
        "normalized_match": translate(
            "Checks",
            "Passes when the output equals the expected answer, ignoring case, width, spacing and punctuation. Good for labels.",
        ),
        "token_f1": translate(
            "Checks",
            "Scores the words the output shares with the expected answer; passes at the threshold. Good for longer answers.",
        ),
        "contains": translate(
            "Checks",
            "Passes when the expected answer appears inside the output. Good for short facts wrapped in a sentence.",
        ),
        "semantic": translate(
            "Checks",
            "Compares meanings with the connection's embedding model; passes at the threshold. Needs a model connection.",
        ),
        "judge": translate(
            "Checks",
            "A model compares the answer with the expected one and grades its facts (same, more, fewer, contradicting), by default only where the other content checks cannot decide, such as a paraphrase. Its verdict replaces theirs. Needs a model connection; a stronger model than the one under test is recommended.",
        ),
        "regex": translate("Checks", "Passes when the regular expression is found in the output."),
        "json": translate("Checks", "Passes when the whole output is valid JSON (a ``` code fence around it fails)."),
        "json_schema": translate("Checks", "Passes when the output is JSON that follows the schema."),
        "max_chars": translate("Checks", "Passes when the output has at most this many characters."),
        "min_chars": translate("Checks", "Passes when the output has at least this many characters."),
        "must_include": translate("Checks", "Passes when the phrase appears in the output (case and width ignored)."),
        "must_not_include": translate(
            "Checks", "Fails when the phrase appears in the output (case and width ignored)."
        ),
        "language": translate("Checks", "Passes when the output is written in the language."),
        "rubric": translate(
            "Checks",
            'A model grades the output against your rubric, e.g. "polite, cites the manual". Needs a model connection.',
        ),
    }
    return texts.get(kind, "")


def family_title(family: str) -> str:
    if family == "content":
        return translate("Checks", "Content: does it carry the right facts?")
    return translate("Checks", "Behaviour: does it act right?")


def value_caption(value_type: str, kind: str) -> str:
    if value_type == "regex":
        return translate("Checks", "&Pattern:")
    if value_type == "schema":
        return translate("Checks", "JSON &schema:")
    if value_type == "int":
        return translate("Checks", "&Characters:")
    if value_type == "language":
        return translate("Checks", "&Language:")
    if kind == "rubric":
        return translate("Checks", "&Rubric:")
    return translate("Checks", "&Phrase:")


def language_name(code: str) -> str:
    names = {
        "ja": translate("Checks", "Japanese"),
        "zh": translate("Checks", "Chinese"),
        "ko": translate("Checks", "Korean"),
        "en": translate("Checks", "English (or another Latin-script language)"),
    }
    return names.get(code, code)


def setting_text(spec) -> str:
    """The check's setting in a few words (plain text; values are user data)."""
    value = spec.value or ""
    if spec.kind in ("token_f1", "semantic"):
        return translate("Checks", "threshold %1").replace("%1", f"{spec.threshold:.2f}")
    if spec.kind == "max_chars":
        return translate("Checks", "at most %1 characters").replace("%1", value)
    if spec.kind == "min_chars":
        return translate("Checks", "at least %1 characters").replace("%1", value)
    if spec.kind == "language":
        return language_name(value.split("-")[0].lower())
    if spec.kind == "judge":
        which = (
            translate("Checks", "every answer")
            if spec.params.get("mode") == "all"
            else translate("Checks", "undecided answers")
        )
        model = str(spec.params.get("model") or "")
        return translate("Checks", "%1, by %2").replace("%1", which).replace("%2", model) if model else which
    if spec.kind == "json_schema":
        try:
            return json.dumps(json.loads(value), ensure_ascii=False, separators=(",", ":"))
        except ValueError:
            return value
    return " ".join(value.split())


def verdict_text(verdict) -> str:
    if getattr(verdict, "unsure", False):  # text alone could not decide: for a judge or a person
        return translate("Checks", "unsure")
    return translate("Checks", "pass") if verdict.passed else translate("Checks", "fail")


_NUM = r"([0-9.]+)"


def reason_text(reason: str) -> str:
    """A verdict's reason in a sentence; unknown reasons are shown as they are."""
    fixed = {
        "match": translate("Checks", "Same as the expected answer."),
        "no_match": translate("Checks", "Differs from the expected answer."),
        "contained": translate("Checks", "The expected answer is in the output."),
        "no_output": translate("Checks", "There is no output."),
        "regex_match": translate("Checks", "The pattern is found."),
        "regex_no_match": translate("Checks", "The pattern is not found."),
        "json_ok": translate("Checks", "Valid JSON."),
        "json_fenced": translate("Checks", "JSON inside a ``` code fence: a program reading the answer would fail."),
        "schema_ok": translate("Checks", "Follows the schema."),
        "included": translate("Checks", "The phrase is there."),
        "absent": translate("Checks", "The phrase is not there."),
        "lang=none": translate("Checks", "No letters to tell the language by."),
        "judge_unparseable": translate("Checks", "The judge's reply could not be read."),
        "answer_in_passages": translate("Checks", "The retrieved passages hold the whole expected answer."),
        "no_passages": translate("Checks", "Nothing was retrieved."),
        "llm_judge": translate("Checks", "Rated by the judge model."),
    }
    if reason in fixed:
        return fixed[reason]
    if m := re.fullmatch(r"not_contained recall=" + _NUM, reason):
        return translate("Checks", "The expected answer is not in the output (%1% of its words are).").replace(
            "%1", str(round(float(m.group(1)) * 100))
        )
    if m := re.fullmatch(r"f1=" + _NUM + r"(>=|<)" + _NUM, reason):
        return translate("Checks", "Word overlap %1 (needs %2).").replace("%1", m.group(1)).replace("%2", m.group(3))
    if m := re.fullmatch(r"cos=" + _NUM + r"(>=|<)" + _NUM, reason):
        return translate("Checks", "Similarity %1 (needs %2).").replace("%1", m.group(1)).replace("%2", m.group(3))
    if m := re.fullmatch(r"chars=(\d+)(<=|>|>=|<)(\d+)", reason):
        return translate("Checks", "%1 characters (limit %2).").replace("%1", m.group(1)).replace("%2", m.group(3))
    if m := re.fullmatch(r"json_invalid:line=(\d+),col=(\d+)", reason):
        return (
            translate("Checks", "Not valid JSON (line %1, column %2).")
            .replace("%1", m.group(1))
            .replace("%2", m.group(2))
        )
    if m := re.fullmatch(r"schema_fail:(.*):(\w+)", reason):
        return (
            translate("Checks", "Does not follow the schema at %1 (%2).")
            .replace("%1", m.group(1))
            .replace("%2", m.group(2))
        )
    if reason.startswith("missing:"):
        return translate("Checks", "Missing: %1").replace("%1", reason[len("missing:") :])
    if reason.startswith("found:"):
        return translate("Checks", "Found: %1").replace("%1", reason[len("found:") :])
    if m := re.fullmatch(r"lang=(\w+)!=(\w+) share=" + _NUM, reason):
        return (
            translate("Checks", "Written in %1, not %2.")
            .replace("%1", language_name(m.group(1)))
            .replace("%2", language_name(m.group(2)))
        )
    if m := re.fullmatch(r"lang=(\w+)", reason):
        return translate("Checks", "Written in %1.").replace("%1", language_name(m.group(1)))
    if reason.startswith(("judge_error:", "embed_error:")):
        return translate("Checks", "The model call failed (%1).").replace("%1", reason.split(":", 1)[1])
    if m := re.fullmatch(r"coverage=" + _NUM, reason):
        return translate("Checks", "The retrieved passages hold %1% of the expected answer.").replace(
            "%1", str(round(float(m.group(1)) * 100))
        )
    if m := re.fullmatch(r"relevant=(\d+)/(\d+)", reason):
        return (
            translate("Checks", "%1 of the %2 retrieved passages hold the answer.")
            .replace("%1", m.group(1))
            .replace("%2", m.group(2))
        )
    if m := re.fullmatch(r"supported=(\d+)/(\d+)", reason):
        return (
            translate("Checks", "%1 of the answer's %2 statements are backed by the passages.")
            .replace("%1", m.group(1))
            .replace("%2", m.group(2))
        )
    if reason.startswith("judge="):
        return translate("Checks", "Judge: %1").replace("%1", reason[len("judge=") :])
    return content_reason(reason)


def content_reason(reason: str) -> str:
    """A content check's sentence (stored in English) in the user's language, recognised by its template."""
    from desktop_app.core.checks import reasons  # noqa: PLC0415 - light: templates only
    from desktop_app.core.phrases import recognise  # noqa: PLC0415

    found = recognise(reason, reasons.ALL) if reason.startswith("The ") else None
    return localized(found) if found is not None else reason
