"""The project: its folder and project.json (``folder``), the app's settings (``settings``) and
the per-user directories (``appdirs``). The lowest package: it imports only ``errors``."""

from desktop_app.core.lazy import exports

__getattr__, __all__ = exports(
    __name__,
    {
        "Project": "folder",
        "atomic_write_text": "folder",
        "SCHEMA_VERSION": "folder",
        "load": "settings",
        "save": "settings",
        "add_recent": "settings",
        "settings_path": "settings",
        "data_dir": "appdirs",
    },
)
