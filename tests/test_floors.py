"""The core floor stays free of Qt so it runs headless in tests, the CLI and benchmarks."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "desktop_app" / "core"
FORBIDDEN = ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6", "qtpy")


def _imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            names.append(str(node.args[0].value))
    return names


def test_core_never_imports_qt():
    """The engine can run from the CLI and tests on a machine without Qt."""
    files = sorted(CORE.rglob("*.py"))
    assert files, "no core modules found"
    offenders = {
        str(path.relative_to(CORE)): name
        for path in files
        for name in _imported_modules(path)
        if name.split(".")[0] in FORBIDDEN
    }
    assert offenders == {}


def test_scan_catches_a_qt_import(tmp_path):
    """The floor check is real: a Qt import in a file is found."""
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6 import QtCore\nimport importlib\nimportlib.import_module('pyqtgraph')\n")
    assert [n.split(".")[0] for n in _imported_modules(bad)] == ["PySide6", "importlib", "pyqtgraph"]
