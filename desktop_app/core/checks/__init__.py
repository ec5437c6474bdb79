"""Checks: what "good" means, in two families that map onto the technique grid's two axes.

*content* (does the answer carry the right facts -> context work, RAG) and *behaviour* (does
it act right -> prompt work, fine-tuning). Modules: ``spec`` (CheckSpec, KINDS, validation),
``content``, ``behaviour``, ``language``, ``judge`` (LLM-judged kinds), ``defaults``
(inferred from the data), ``evaluate`` (specs + row + output -> Verdicts), ``catalog`` (a
project's stored checks).
"""

from __future__ import annotations

from desktop_app.core.checks.catalog import (
    add_check,
    expected_outputs,
    project_checks,
    remove_check,
    save_checks,
    stored_checks,
)
from desktop_app.core.checks.content import token_f1
from desktop_app.core.checks.defaults import default_checks, infer_schema
from desktop_app.core.checks.evaluate import evaluate_row, preview
from desktop_app.core.checks.judge import judge_messages, parse_category, parse_judge_reply
from desktop_app.core.checks.language import detect_language
from desktop_app.core.checks.spec import (
    CLI_KIND_NAMES,
    KINDS,
    LANGUAGES,
    CheckSpec,
    KindInfo,
    kind_from_name,
    make_check,
    validate_spec,
)
from desktop_app.core.errors import CheckError

__all__ = [
    "CLI_KIND_NAMES",
    "KINDS",
    "LANGUAGES",
    "CheckError",
    "CheckSpec",
    "KindInfo",
    "add_check",
    "default_checks",
    "detect_language",
    "evaluate_row",
    "expected_outputs",
    "infer_schema",
    "judge_messages",
    "kind_from_name",
    "make_check",
    "parse_category",
    "parse_judge_reply",
    "preview",
    "project_checks",
    "remove_check",
    "save_checks",
    "stored_checks",
    "token_f1",
    "validate_spec",
]
