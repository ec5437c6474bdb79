"""Sub-commands of this area; see desktop_app/cli/__init__.py."""
from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    pass
