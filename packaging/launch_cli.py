"""Frozen entry point of the headless program (`llm-path-advisor-cli`): the same main() as
the [project.scripts] entry point of pyproject.toml."""
import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # see launch_gui.py
    from desktop_app.cli import main

    sys.exit(main())
