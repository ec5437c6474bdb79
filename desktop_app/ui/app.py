"""Start the GUI: application, logging, crash reporting, translations, the main window.

Start-up must stay fast: nothing here (or in the modules the window imports at load time)
may import chromadb, pandas or openai — together ~2.5 s. Pages import the core lazily, in
work functions that run after the window is on screen.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import time

_IMPORTED_AT = time.perf_counter()

from PySide6.QtCore import (  # noqa: E402
    QLibraryInfo,
    QLocale,
    QTimer,
    QTranslator,
    QtMsgType,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_app import APP_ID, APP_NAME, __version__  # noqa: E402

log = logging.getLogger(__name__)
HEAVY_MODULES = ("chromadb", "pandas", "openai")
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def process_age_s() -> tuple[float, str]:
    """Seconds since this process started, and how that was measured."""
    try:  # Linux: start time in clock ticks since boot, field 22 of /proc/self/stat
        with open("/proc/self/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started, "process start"
    except (OSError, ValueError, IndexError, AttributeError):
        return time.perf_counter() - _IMPORTED_AT, "app module import"


def _qt_message(msg_type, context, message: str) -> None:
    logging.getLogger("qt").log(_QT_LEVELS.get(msg_type, logging.WARNING), "%s", message)


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog=APP_ID, add_help=True)
    parser.add_argument("project", nargs="?", help="project folder to open")
    parser.add_argument(
        "--measure-startup",
        action="store_true",
        help="print the time from process start to the window shown, then quit",
    )
    parser.add_argument("--debug", action="store_true", help="log at DEBUG level, also to stderr")
    # The packaging smoke test's walk through every page (ui/self_test.py); not for users.
    parser.add_argument("--self-test", metavar="DIR", help=argparse.SUPPRESS)
    return parser.parse_known_args(argv)  # the rest (-style, -platform ...) belongs to Qt


def create_application(qt_argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(qt_argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)  # Wayland/X11 match the window to its icon
    # The Windows "vista" style ignores the dark scheme; Fusion follows the platform palette
    # in both schemes (Qt >= 6.5). Other platforms keep their native style.
    if app.style().name().lower() == "windowsvista":
        app.setStyle("Fusion")
    from desktop_app.ui import resources

    app.setWindowIcon(resources.app_icon())
    app.setStyleSheet(resources.read_stylesheet())
    return app


def install_translations(app: QApplication, language: str = "system") -> list[QTranslator]:
    """Load Qt's own and the app's .qm files for ``language``; a missing file means English."""
    from desktop_app.ui import resources

    locale = QLocale.system() if language in ("", "system") else QLocale(language)
    QLocale.setDefault(locale)
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase", qt_dir), ("llm_path_advisor", str(resources.translations_dir()))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.debug("No %s translation for %s in %s", name, locale.name(), folder)
    return installed


def _report_startup_when_shown(app: QApplication, window) -> None:
    """--measure-startup: wait until the window is really exposed, print, quit."""

    def check() -> None:
        handle = window.windowHandle()
        if handle is None or not handle.isExposed():
            QTimer.singleShot(5, check)
            return
        age, origin = process_age_s()
        heavy = [m for m in HEAVY_MODULES if m in sys.modules]
        print(
            f"startup_ms={age * 1000:.0f} (from {origin} to the window shown); "
            f"heavy modules loaded: {', '.join(heavy) or 'none'}",
            flush=True,
        )
        app.quit()

    QTimer.singleShot(0, check)


def _close_on_signals(app: QApplication) -> None:
    """Ctrl+C in a terminal or a SIGTERM at logout closes the windows properly (work stops,
    geometry is saved) instead of killing the process mid-write."""

    def handler(signum, frame) -> None:
        log.info("Received signal %s; closing.", signum)
        app.closeAllWindows()
        app.quit()

    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            signal.signal(signum, handler)
        except (ValueError, OSError):  # not the main thread, or not supported here
            return
    # Python runs signal handlers only between bytecodes; wake it up while Qt waits for events.
    ticker = QTimer(app)
    ticker.timeout.connect(lambda: None)
    ticker.start(250)


def missing_display() -> str:
    """A sentence for a Linux session with no display, where Qt would abort with a misleading
    "libxcb-cursor0 is needed" message; empty when a window can be shown."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return ""
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return ""
    return (
        f"{APP_NAME} is a desktop program and needs a graphical session, but this one has no "
        "display (neither DISPLAY nor WAYLAND_DISPLAY is set; for example over SSH or on a "
        "server). Start it from the desktop, or use `ssh -X`, or run the headless commands "
        "with llm-path-advisor-cli."
    )


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    options, qt_args = parse_args(argv[1:])
    if sentence := missing_display():
        print(sentence, file=sys.stderr)
        return 2
    app = create_application([argv[0] if argv else APP_ID, *qt_args])

    from desktop_app.core import settings as app_settings
    from desktop_app.ui import tasks
    from desktop_app.ui.crash_dialog import CrashReporter
    from desktop_app.ui.logging_setup import setup_logging
    from desktop_app.ui.main_window import MainWindow

    log_path = setup_logging(logging.DEBUG if options.debug else logging.INFO, console=options.debug)
    qInstallMessageHandler(_qt_message)
    log.info(
        "Starting %s %s (Qt %s, Python %s, %s); log: %s",
        APP_NAME,
        __version__,
        qVersion(),
        sys.version.split()[0],
        sys.platform,
        log_path,
    )
    window = None
    reporter = CrashReporter(parent_widget=lambda: window)
    reporter.install()
    from desktop_app.ui import language

    language.apply(app, app_settings.load().get("language", "system"))

    window = MainWindow()
    window.show()
    _close_on_signals(app)
    if options.measure_startup:
        _report_startup_when_shown(app, window)
    elif options.self_test:
        from desktop_app.ui.self_test import run_self_test

        window.self_test = run_self_test(app, window, options.self_test)
        # Without a project, the sample: what a first launch opens, and it exercises every page.
        QTimer.singleShot(0, lambda: window.open_project(options.project) if options.project else window.open_sample())
    elif options.project:
        QTimer.singleShot(0, lambda: window.open_project(options.project))
    else:
        QTimer.singleShot(0, window.first_launch)
    code = 1
    try:
        code = app.exec()
    finally:
        tasks.shutdown_all()  # windows already waited for their own work; this catches the rest
        reporter.uninstall()
        qInstallMessageHandler(None)
        log.info("Quit with exit code %s", code)
    return code
