"""The core's errors speak through phrases: no sentence a user reads is left as plain English."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORE = REPO / "desktop_app" / "core"
# The files whose errors were turned into phrases (issue #17); the rest of the core had been before.
CONVERTED = [
    "checks/spec.py",
    "checks/catalog.py",
    "knowledge/ingest.py",
    "knowledge/embeddings.py",
    "knowledge/chunkstore.py",
    "knowledge/japanese.py",
    "knowledge/__init__.py",
    "variants/variant.py",
    *(f"finetune/{p.name}" for p in sorted((CORE / "finetune").glob("*.py"))),
    "project/folder.py",
    "run/batch.py",
    "run/batch_files.py",
    "run/reviews.py",
    "report/build.py",
    "report/tables.py",
    "advice/diagnose.py",
    "advice/inputs.py",
    "lazy.py",
    "errors.py",
]
# Errors no user reads, so English for the developer is right:
INTERNAL = {
    # Python's own protocol for a missing module attribute (a typo in an import), never shown.
    ("lazy.py", "AttributeError"),
    ("knowledge/__init__.py", "AttributeError"),
    # A review label comes from the window's two buttons or the CLI's choices, never from free text:
    # another label is a programming error.
    ("run/reviews.py", "ValueError"),
}


def _english(node: ast.AST | None) -> bool:
    """A plain string literal, an f-string, or a sum with one in it: English fixed at the call."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(node.value.strip())
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _english(node.left) or _english(node.right)
    return False


def _name(func: ast.AST) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def test_no_error_in_the_converted_files_says_plain_english():
    """A Japanese user reads every error of checks, knowledge, variants, fine-tuning, projects, runs,
    reports and advice in Japanese: none is raised (or built) with an English literal or f-string."""
    found = []
    for rel in CONVERTED:
        tree = ast.parse((CORE / rel).read_text(encoding="utf-8"))
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call) or not _name(call.func).endswith(("Error", "Failed")):
                continue
            words = [*call.args[:2], *(k.value for k in call.keywords if k.arg in ("message", "hint"))]
            if any(_english(w) for w in words) and (rel, _name(call.func)) not in INTERNAL:
                found.append(f"{rel}:{call.lineno} {_name(call.func)}")
    assert not found, "say these with phrase(translate(...)):\n" + "\n".join(found)


def test_the_scan_finds_a_plain_english_error():
    """The scan above would catch the forms a sentence slips back in as."""
    for source in (
        'raise CheckError("Bad.", "Fix it.")',
        'raise CheckError(f"Bad {x!r}.")',
        'raise CheckError(translate("C", "Bad."), "Use " + ", ".join(k) + ".")',
        'return ExportError(message="Bad.")',
    ):
        call = next(
            n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Call) and _name(n.func).endswith("Error")
        )
        words = [*call.args[:2], *(k.value for k in call.keywords if k.arg in ("message", "hint"))]
        assert any(_english(w) for w in words), source


def test_core_errors_keep_their_english_for_the_cli():
    """The CLI and logs still read the English sentence, with the value quoted readably."""
    import pytest

    from desktop_app.core.checks.spec import make_check
    from desktop_app.core.errors import CheckError

    with pytest.raises(CheckError) as caught:
        make_check("regex", "([")
    assert caught.value.message.startswith("The regular expression “([” is invalid: ")
    assert caught.value.message.context == "CheckErrors" and "backslash" in caught.value.hint
