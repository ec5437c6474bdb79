"""Frozen entry point of the window program (`llm-path-advisor`): the same main() as the
[project.gui-scripts] entry point of pyproject.toml."""
import multiprocessing
import sys

if __name__ == "__main__":
    # A library that starts a worker process re-runs this executable; freeze_support() makes
    # that child do the work instead of opening a second window (Windows and macOS spawn).
    multiprocessing.freeze_support()
    from desktop_app.ui.app import main

    sys.exit(main())
