"""The ONLY place that finds ``resources/``: icons, styles, translations, the sample project.

From the source tree (and an editable install) it is ``desktop_app/../resources``; in a
PyInstaller build the spec copies it to ``<bundle>/resources`` and ``sys._MEIPASS`` points at
the bundle. Frozen builds that forgot their resource files are a classic failure, so the
packaging smoke test should call ``missing_resources()``.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

log = logging.getLogger(__name__)

APP_ICON = ("icons", "app.svg")
STYLESHEET = ("styles", "app.qss")
REQUIRED = (APP_ICON, STYLESHEET)


def resources_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a file or folder under ``resources/`` (it may not exist; callers check)."""
    relative = Path(*parts) if parts else Path()
    if relative.is_absolute() or ".." in relative.parts:
        raise ValueError(f"Resource path escapes resources/: {relative}")
    return resources_root() / relative


SAMPLE_SOURCES = {"en": "sample_project", "ja": "sample_project_ja"}


def sample_project_source(language: str = "en") -> Path:
    """The sample project as shipped, in ``language`` ("en" or "ja"; English when the build has
    no sample in that language); ``core.sample`` builds it into the user's data dir."""
    localized = resource_path(SAMPLE_SOURCES.get(language, SAMPLE_SOURCES["en"]))
    return localized if (localized / "manifest.json").is_file() else resource_path(SAMPLE_SOURCES["en"])


def translations_dir() -> Path:
    return resource_path("i18n")


def missing_resources() -> list[str]:
    """Required resource files that are absent (empty when the build is complete)."""
    return ["/".join(parts) for parts in REQUIRED if not resource_path(*parts).is_file()]


def read_stylesheet() -> str:
    path = resource_path(*STYLESHEET)
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        log.warning("Stylesheet not found at %s; using the platform look only.", path)
        return ""


def app_icon():
    """The app icon as a QIcon (imported here so the core-facing helpers above stay Qt-free)."""
    from PySide6.QtGui import QIcon

    path = resource_path(*APP_ICON)
    if not path.is_file():
        log.warning("App icon not found at %s.", path)
        return QIcon()
    return QIcon(str(path))
