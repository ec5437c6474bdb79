"""Old home of ``project.settings``; ``ui/app.py`` (edited on another branch) still imports
``desktop_app.core.settings``. Delete once it imports ``desktop_app.core.project.settings``."""

from desktop_app.core.project.settings import add_recent, load, save, settings_path

__all__ = ["add_recent", "load", "save", "settings_path"]
