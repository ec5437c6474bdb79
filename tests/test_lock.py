"""The standalone build installs packaging/requirements.lock: it must pin, with hashes, a version
of every dependency pyproject.toml names that satisfies pyproject's own bounds."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[1]
LOCK = REPO / "packaging" / "requirements.lock"
_PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^ ;\\]+)(?:\s*;\s*([^\\]+?))?\s*\\?$")


def _pins() -> dict[str, list[tuple[str, str]]]:
    pins: dict[str, list[tuple[str, str]]] = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        match = _PIN.match(line)
        if match:
            name, version, marker = match.groups()
            pins.setdefault(canonicalize_name(name), []).append((version, marker or ""))
    return pins


def _requirements() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    build = (REPO / "packaging" / "build-requirements.in").read_text(encoding="utf-8").splitlines()
    lines = project["dependencies"] + [x.strip() for x in build if x.strip() and not x.startswith("#")]
    return [Requirement(line) for line in lines]


def test_lock_pins_every_dependency_within_pyproject_bounds():
    """A dependency added or bounded in pyproject.toml without `packaging/lock.sh` fails here,
    not in a build that a user installs."""
    pins = _pins()
    for requirement in _requirements():
        locked = pins.get(canonicalize_name(requirement.name))
        assert locked, f"{requirement.name} is not in requirements.lock: run packaging/lock.sh --keep"
        for version, _marker in locked:
            assert requirement.specifier.contains(version, prereleases=True), (
                f"requirements.lock pins {requirement.name}=={version}, outside {requirement}: "
                "run packaging/lock.sh --keep"
            )


def test_every_locked_package_carries_hashes():
    """pip installs the lock with --require-hashes: a pin without a hash would stop the build."""
    text = LOCK.read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    assert len(blocks) > 50
    for block in blocks:
        if "==" in block.splitlines()[0]:
            assert "--hash=sha256:" in block, block.splitlines()[0]
