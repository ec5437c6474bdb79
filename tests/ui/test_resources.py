"""resources/ is found from the source tree and from a frozen build, and holds what the app needs."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from desktop_app.ui import resources

REPO = Path(__file__).resolve().parents[2]


def test_resources_are_found_in_the_source_tree():
    """Running from a checkout (or an editable install) finds icons and styles."""
    assert resources.resources_root() == REPO / "resources"
    assert resources.resource_path("icons", "app.svg") == REPO / "resources" / "icons" / "app.svg"
    assert resources.sample_project_source() == REPO / "resources" / "sample_project"
    assert resources.sample_project_source("ja") == REPO / "resources" / "sample_project_ja"
    assert resources.missing_resources() == []


def test_resources_are_found_in_a_frozen_build(monkeypatch, tmp_path):
    """The standalone executable finds its bundled resources, not the build machine's."""
    bundle = tmp_path / "_MEI12345"
    (bundle / "resources" / "icons").mkdir(parents=True)
    (bundle / "resources" / "icons" / "app.svg").write_text("<svg/>", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert resources.resources_root() == bundle / "resources"
    assert resources.resource_path("icons", "app.svg").read_text(encoding="utf-8") == "<svg/>"
    assert resources.sample_project_source() == bundle / "resources" / "sample_project"
    # A build without the Japanese sample opens the English one rather than nothing.
    assert resources.sample_project_source("ja") == bundle / "resources" / "sample_project"
    # A build that forgot a file is caught by the packaging smoke test.
    assert resources.missing_resources() == ["styles/app.qss"]
    assert resources.read_stylesheet() == ""


def test_a_resource_path_cannot_escape_the_folder():
    """A name from a settings file cannot point the app at files outside resources/."""
    with pytest.raises(ValueError):
        resources.resource_path("..", "pyproject.toml")
    with pytest.raises(ValueError):
        resources.resource_path("/etc/passwd")


def test_the_app_icon_renders(qapp):
    """The window and task bar show the app icon at any DPI (it is an SVG)."""
    icon = resources.app_icon()
    assert not icon.isNull()
    image = icon.pixmap(64, 64).toImage()
    assert (image.width(), image.height()) == (64, 64)
    colours = {image.pixel(x, y) for x in range(0, 64, 4) for y in range(0, 64, 4)}
    assert len(colours) > 3  # drawn, not a blank square


def test_the_stylesheet_leaves_colours_to_the_platform_palette():
    """Light and dark schemes both stay readable: the stylesheet hard-codes no colour."""
    qss = resources.read_stylesheet()
    assert "QListWidget#stepList" in qss
    body = re.sub(r"/\*.*?\*/", "", qss, flags=re.S)
    assert not re.search(r"#[0-9a-fA-F]{3,8}\b|\brgba?\(|\bhsla?\(|\b(white|black)\b", body)
