"""The core's packages follow the workflow: the import-linter contracts in pyproject.toml hold."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(not LINT.exists(), reason="import-linter is not installed (test extras)")


def _lint(cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run(
        [str(LINT), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _copy_app(tmp_path: Path) -> Path:
    shutil.copytree(
        ROOT / "desktop_app", tmp_path / "desktop_app", ignore=shutil.ignore_patterns("__pycache__", "encodings")
    )
    return tmp_path / "desktop_app" / "core"


def test_contracts_kept():
    """A lower package never reaches up the workflow and no core package has an import cycle."""
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_contract_catches_an_upward_import(tmp_path):
    """The layers check is real: records importing the report breaks it."""
    core = _copy_app(tmp_path)
    with open(core / "records.py", "a", encoding="utf-8") as fh:
        fh.write("\nfrom desktop_app.core.report import build  # noqa\n")
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "The core's packages follow the workflow BROKEN" in result.stdout


def test_contract_catches_a_cycle_inside_a_package(tmp_path):
    """The cycle check is real: two data modules importing each other break it, even in a function."""
    core = _copy_app(tmp_path)
    with open(core / "data" / "source.py", "a", encoding="utf-8") as fh:
        fh.write("\n\ndef _late():\n    from desktop_app.core.data import readers  # noqa\n")
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "No import cycles among the modules of any core package BROKEN" in result.stdout
