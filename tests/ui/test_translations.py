"""The Japanese catalogue: complete, faithful to its placeholders and mnemonics, current, and built."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop_app.ui import resources

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "i18n" / "llm_path_advisor_ja.ts"
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"%(?:\d|n)|\{\w+\}")  # Qt's %1 and the core's {name}
MNEMONIC = re.compile(r"&(?!&)(\S)")
FIX = "run scripts/update_translations.sh, translate the new entries in the .ts, run it again"


def _tool(name: str) -> str:
    """A Qt Linguist tool from the PySide6 wheel (next to this Python, or on PATH)."""
    found = Path(sys.executable).with_name(name)
    if found.exists():
        return str(found)
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name"), message.findtext("source"), message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def test_every_japanese_entry_is_translated():
    """A Japanese user never meets an English word the translator skipped."""
    messages = _messages(TS)
    assert len(messages) > 900
    problems = []
    for context, source, message in messages:
        translation = message.find("translation")
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{context}: {source!r} is {translation.get('type')}")
        elif not all(text.strip() for text in _texts(message)):
            problems.append(f"{context}: {source!r} has an empty translation")
    assert not problems, f"{len(problems)} entries to translate ({FIX}):\n" + "\n".join(problems[:20])


def test_translations_keep_placeholders_and_mnemonics():
    """Numbers, names and Alt+letter shortcuts still appear in Japanese: %1..%9, %n, {name} and & survive."""
    problems = []
    for context, source, message in _messages(TS):
        wanted = sorted(PLACEHOLDER.findall(source))
        for text in _texts(message):
            if sorted(PLACEHOLDER.findall(text)) != wanted:
                problems.append(f"{context}: {source!r} -> {text!r}: placeholders differ")
            has = MNEMONIC.search(source.replace("&&", ""))
            if has and not any(
                m.group(1).lower() == has.group(1).lower() for m in MNEMONIC.finditer(text.replace("&&", ""))
            ):
                problems.append(f"{context}: {source!r} -> {text!r}: mnemonic &{has.group(1)} missing")
    assert not problems, "\n".join(problems)


def test_catalogue_holds_every_string_of_the_ui(tmp_path):
    """A string added to the UI, or a sentence of the core marked for translation, is not shown in English by
    mistake: lupdate finds nothing new to translate."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (REPO / "desktop_app" / "ui").rglob("*.py"))
    sources += sorted(
        str(p)
        for p in (REPO / "desktop_app" / "core").rglob("*.py")  # the core's marked sentences
        if "phrases import" in p.read_text(encoding="utf-8")
    )
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *sources,
            "-ts",
            str(copy),
            "-target-language",
            "ja",
            "-no-obsolete",
            "-locations",
            "none",
            "-silent",
        ],
        check=True,
        cwd=REPO,
        timeout=120,
    )
    new = [
        f"{context}: {source!r}"
        for context, source, message in _messages(copy)
        if message.find("translation").get("type") == "unfinished"
    ]
    assert not new, f"{len(new)} UI strings are not in the catalogue ({FIX}):\n" + "\n".join(new[:20])


def test_compiled_catalogue_is_current(tmp_path):
    """The shipped .qm is built from the committed .ts, so a fixed translation really reaches users."""
    fresh = tmp_path / QM.name
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(fresh), "-silent"], check=True, timeout=60)
    assert QM.is_file(), f"{QM} is missing ({FIX})"
    assert QM.read_bytes() == fresh.read_bytes(), f"{QM.name} is older than the .ts ({FIX})"


def test_translations_are_found_where_the_app_looks():
    """The app (and the frozen build, which bundles resources/) loads the catalogue from resources/i18n."""
    assert resources.translations_dir() == REPO / "resources" / "i18n"
    assert (resources.translations_dir() / QM.name).is_file()


def test_no_sentence_is_marked_where_lupdate_cannot_see_it():
    """Every core sentence reaches the catalogue: lupdate skips translate() inside f-strings and with
    a context held in a variable, which would leave those sentences English for good."""
    import ast

    hidden = []
    for path in sorted((REPO / "desktop_app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_fstrings = {
            id(call)
            for node in ast.walk(tree)
            if isinstance(node, ast.JoinedStr)
            for call in ast.walk(node)
            if isinstance(call, ast.Call)
        }
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and getattr(call.func, "id", None) == "translate" and call.args:
                literal = all(isinstance(a, ast.Constant) for a in call.args[:2])
                if id(call) in in_fstrings or not literal:
                    hidden.append(f"{path.relative_to(REPO)}:{call.lineno}")
    assert not hidden, hidden
