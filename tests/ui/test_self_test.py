"""The self-test the packaging smoke test runs on the built program: it must pass on a healthy
app and go red when a page is broken the way the frozen build once was (a missing module)."""

from __future__ import annotations

import importlib.abc
import json
import sys

import pytest

from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.self_test import SelfTest


class _Refuse(importlib.abc.MetaPathFinder):
    """Makes one top-level package unimportable, as a build that left it out would."""

    def __init__(self, name: str):
        self.name = name

    def find_spec(self, fullname, path=None, target=None):
        if fullname == self.name or fullname.startswith(self.name + "."):
            raise ModuleNotFoundError(f"No module named '{fullname}'", name=fullname)
        return None


def _walk(qtbot, sample, out_dir) -> tuple[int, dict]:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    codes: list[int] = []
    test = SelfTest(window, out_dir, codes.append)
    test.start()
    window.open_project(str(sample.root))
    qtbot.waitUntil(lambda: bool(codes), timeout=120_000)
    return codes[0], json.loads((out_dir / "self-test.json").read_text(encoding="utf-8"))


def test_self_test_visits_every_page_and_passes_on_the_sample(qtbot, sample, tmp_path):
    """A healthy app passes the walk, with a screenshot of each of the ten pages."""
    code, verdict = _walk(qtbot, sample, tmp_path / "out")
    assert code == 0, verdict
    assert [p["step"] for p in verdict["pages"]] == verdict["steps_expected"]
    assert len(verdict["pages"]) == 10
    for page in verdict["pages"]:
        assert (tmp_path / "out" / page["screenshot"]).stat().st_size > 1000


@pytest.mark.qt_no_exception_capture
def test_self_test_fails_when_the_maps_module_is_missing(qtbot, sample, tmp_path, monkeypatch):
    """A build that lacks a module the maps import makes the walk fail on the Grid page."""
    for name in [
        m for m in sys.modules if m == "pyqtgraph" or m.startswith("pyqtgraph.") or m.startswith("desktop_app.ui.grid.")
    ]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "meta_path", [_Refuse("pyqtgraph"), *sys.meta_path])

    code, verdict = _walk(qtbot, sample, tmp_path / "out")

    assert code == 1
    problems = {p["step"]: " ".join(p["problems"]) for p in verdict["pages"]}
    found = " ".join(verdict["general"]) + " ".join(problems.values())
    assert "pyqtgraph" in found
    assert "error banner" in problems["grid"]
