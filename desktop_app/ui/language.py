"""The interface language: which one applies, switching it while the app runs, and the UI font.

The setting ("language" in the app settings JSON) is "system" (the default: follow the
operating system's locale), "en" or "ja". The environment variable LLM_PATH_ADVISOR_LANG
overrides it (screenshots, support, trying the app in another language without changing the
setting). Switching installs or removes QTranslators; Qt then sends every widget a
LanguageChange event and the window and pages call their ``retranslate()``.

Japanese text needs a CJK font; the platform default is often a Latin font whose fallback
picks a Chinese-styled or mismatched face, so when the language is Japanese the UI font is set
here, in one place, per platform.
"""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
ENV_VAR = "LLM_PATH_ADVISOR_LANG"
CHOICES = ("system", "en", "ja")
# Preferred UI fonts for Japanese, best first; the first one installed is used.
JAPANESE_FONTS = {
    "win32": ("Yu Gothic UI", "Meiryo UI", "Meiryo", "MS UI Gothic"),
    "darwin": ("Hiragino Sans", "Hiragino Kaku Gothic ProN", "Osaka"),
    "linux": (
        "Noto Sans CJK JP",
        "Noto Sans JP",
        "IPAPGothic",
        "IPAexGothic",
        "IPAGothic",
        "TakaoPGothic",
        "VL PGothic",
    ),
}
_state: dict = {"translators": [], "default_font": None}  # what apply() installed last


def chosen(setting: str | None) -> str:
    """The language to use: the environment override, else the setting, else "system"."""
    value = (os.environ.get(ENV_VAR) or setting or "system").strip().lower()
    return value if value in CHOICES else "system"


def locale_for(language: str) -> QLocale:
    return QLocale.system() if language in ("", "system") else QLocale(language)


def is_japanese(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.Japanese


def platform_key(platform: str | None = None) -> str:
    platform = platform or sys.platform
    return "win32" if platform.startswith("win") else "darwin" if platform == "darwin" else "linux"


def japanese_font_families(platform: str | None = None, installed: set[str] | None = None) -> list[str]:
    """The installed Japanese UI fonts for this platform, best first (may be empty)."""
    if installed is None:
        installed = set(QFontDatabase.families())
    return [family for family in JAPANESE_FONTS[platform_key(platform)] if family in installed]


def _any_japanese_family() -> list[str]:
    """A proportional installed font that has Japanese glyphs, when none of the preferred is there
    (e.g. Source Han Sans, or a distribution's own CJK package): better than Qt's blind fallback."""
    capable = QFontDatabase.families(QFontDatabase.WritingSystem.Japanese)
    return [f for f in capable if not QFontDatabase.isFixedPitch(f)][:1]


def ui_font_families(
    japanese: bool, default_families: list[str], platform: str | None = None, installed: set[str] | None = None
) -> list[str]:
    """The family list the window's font uses: for Japanese, the platform's Japanese UI fonts (or
    any proportional Japanese-capable one) before the original, often generic, family."""
    if not japanese:
        return list(default_families)
    families = japanese_font_families(platform, installed)
    if not families and installed is None:
        families = _any_japanese_family()
    return [*families, *(f for f in default_families if f not in families)]


def apply_font(app: QApplication, japanese: bool) -> None:
    """Japanese: the platform's Japanese UI font first, the original family as fallback.
    Any other language: the font the app started with."""
    default = _state["default_font"]
    if default is None:
        default = _state["default_font"] = QFont(app.font())
    font = QFont(default)
    if japanese:
        families = ui_font_families(True, default.families())
        if families != default.families():
            font.setFamilies(families)
        else:
            log.warning(
                "No Japanese UI font found (on Linux install fonts-noto-cjk or "
                "fonts-ipafont-gothic); Japanese text may look uneven."
            )
    app.setFont(font)


def apply(app: QApplication, setting: str | None) -> str:
    """Install the translators and the font for ``setting``; replaces what a previous call
    installed, so it also switches languages at run time. Returns the language applied."""
    from desktop_app.ui.app import install_translations

    language = chosen(setting)
    for translator in _state["translators"]:
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    _state["translators"] = install_translations(app, language)
    apply_font(app, is_japanese(locale_for(language)))
    log.info("Interface language: %s (%s)", language, QLocale().name())
    return language


def joined(parts) -> str:
    """A list of words in the UI's language: "a, b, c" in English, "a、b、c" in Japanese."""
    return QCoreApplication.translate("Lists", ", ").join(parts)


def quoted_names(names, most: int) -> str:
    """Run names quoted and listed in the UI's language (“a”, “b” / 「a」、「b」), the first ``most``."""
    from desktop_app.core.advice.words import quoted  # noqa: PLC0415 - the one quoting of a run's name

    names = list(names)
    return joined(localized(quoted(n)) for n in names[:most]) + ("…" if len(names) > most else "")


_CLOSES_WITHOUT_SPACE = tuple("。．！？）」』】")


def sentences(*parts: str) -> str:
    """Sentences one after another: "A. B." in English; Japanese puts no space after 。"""
    text = ""
    for part in (p for p in parts if p):
        text = f"{text}{part}" if not text or text.endswith(_CLOSES_WITHOUT_SPACE) else f"{text} {part}"
    return text


def localized(text) -> str:
    """A core sentence (core.phrases.Phrase) in the user's language; any other text as it is.

    The translation keeps the template's {fields}; one that does not (a translator's slip) falls
    back to the English sentence rather than failing."""
    from desktop_app.core.phrases import Phrase  # noqa: PLC0415 - light, no Qt

    if not isinstance(text, Phrase) or not text.context or not text.template:
        return "" if text is None else str(text)
    template = QCoreApplication.translate(text.context, text.template)
    if not text.params:
        return template
    values = {k: localized(v) for k, v in text.params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return str(text)


def current() -> str:
    """The interface language now applied: "ja" or "en" (what apply() resolved "system" to)."""
    return "ja" if is_japanese(QLocale()) else "en"


def report_language() -> tuple:
    """(say, lang) for an exported report in the interface's language."""
    return localized, current()


def speaker(language: str) -> tuple:
    """(say, lang) for a report written without the window (the CLI's ``report --lang``): the
    app's translations installed on a headless QCoreApplication when none is running."""
    if language == "en":
        return str, "en"
    from desktop_app.ui.app import install_translations  # noqa: PLC0415

    app = QCoreApplication.instance() or QCoreApplication([])
    _state["headless"] = app  # kept alive for the translators' sake
    _state["translators"] = install_translations(app, language)  # type: ignore[arg-type]
    return localized, language


def shown(run) -> str:
    """A run as the window names it: its label (a run named after its preset reads as the ladder
    step, in the user's language), else its name. ``run``: a RunPoint or MapPoint."""
    return localized(getattr(run, "label", "") or run.name)
