"""A project's checks: read, seed from the data, add, remove (the `checks` section).

Shared by the CLI and the ui so both behave alike. While the section is empty the project
uses the checks inferred from its dataset (``project_checks``); the first edit stores those
defaults together with the change, so the user edits what they were already scored by.
"""

from __future__ import annotations

import importlib
from dataclasses import replace
from typing import Any

from desktop_app.core.checks.defaults import default_checks
from desktop_app.core.checks.spec import KINDS, CheckSpec, kind_from_name, make_check
from desktop_app.core.errors import AppError, CheckError
from desktop_app.core.phrases import phrase, translate


def stored_checks(project) -> list[CheckSpec]:
    """The checks saved in project.json (CheckError names a damaged entry)."""
    section = project.section("checks") or []
    if not isinstance(section, list):
        raise CheckError(
            translate("CheckErrors", "The checks list in project.json is damaged."),
            translate("CheckErrors", 'Remove the "checks" entry from project.json to start from the defaults.'),
        )
    return [CheckSpec.from_dict(item) for item in section]


def expected_outputs(project) -> list[str] | None:
    """Expected answers of the dataset (eval rows and examples pool), None when there is none.

    datasets is another module's work; a project without data (or a build without that
    module yet) simply gets no inferred defaults.
    """
    try:
        datasets = importlib.import_module("desktop_app.core.data.rows")
        load_rows = datasets.load_rows
    except (ImportError, AttributeError):
        return None
    try:
        eval_rows, examples = load_rows(project)
    except AppError:
        return None
    answers = [row.expected for row in [*eval_rows, *examples] if row.expected]
    return answers or None


def project_checks(project) -> tuple[list[CheckSpec], bool]:
    """(the checks a run uses, whether they are stored) - inferred defaults while none are."""
    stored = stored_checks(project)
    if stored:
        return stored, True
    answers = expected_outputs(project)
    return (default_checks(answers) if answers else []), False


def save_checks(project, specs: list[CheckSpec]) -> None:
    ids = [s.id for s in specs]
    if len(set(ids)) != len(ids):
        raise CheckError(
            translate("CheckErrors", "Two checks share an id."),
            translate("CheckErrors", "Remove one of them and add it again."),
        )
    project.set_section("checks", [s.to_dict() for s in specs])


def add_check(
    project, kind: str, value: Any = None, *, threshold: float | None = None, params: dict | None = None
) -> tuple[CheckSpec, str, list[CheckSpec]]:
    """Add a check and save. Returns (the check, "added"|"updated"|"unchanged", seeded defaults).

    A kind that exists once per project (token_f1, json, max_chars, language ...) is updated
    in place, keeping its id; adding the same regex / phrase / rubric twice changes nothing.
    Either way the check becomes the user's own (``inferred=False``).
    """
    kind = kind_from_name(kind)
    specs, stored = project_checks(project)
    seeded = [] if stored else list(specs)
    taken = [s.id for s in specs]
    new = make_check(kind, value, threshold=threshold, params=params, taken=taken)
    for i, old in enumerate(specs):
        if old.kind != kind:
            continue
        if KINDS[kind].single or old.value == new.value:
            merged_params = {**old.params, **new.params} if old.value == new.value else new.params
            updated = replace(old, value=new.value, params=merged_params, inferred=False, enabled=True)
            status = "unchanged" if updated == old else "updated"
            specs[i] = updated
            save_checks(project, specs)
            return updated, status, seeded
    specs.append(new)
    save_checks(project, specs)
    return new, "added", seeded


def remove_check(project, check_id: str) -> CheckSpec:
    """Remove the check with this id and save (the remaining defaults get stored with it)."""
    specs, _ = project_checks(project)
    for i, spec in enumerate(specs):
        if spec.id == check_id:
            del specs[i]
            save_checks(project, specs)
            return spec
    known = ", ".join(s.id for s in specs)
    raise CheckError(
        phrase(translate("CheckErrors", "No check with id “{id}”."), id=check_id),
        phrase(translate("CheckErrors", "Known check ids: {ids}."), ids=known)
        if known
        else translate("CheckErrors", "This project has no checks yet."),
    )
