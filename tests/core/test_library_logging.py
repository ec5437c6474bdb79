"""No library may change how the app logs: a request URL must never reach the terminal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_loading_the_offline_embedding_leaves_logging_as_it_was():
    """Using the built-in embedding (wordllama calls logging.basicConfig at import) adds no handler
    and no INFO level, so httpx's request lines never print in the CLI."""
    code = (
        "import logging\n"
        "from desktop_app.core.knowledge import embeddings\n"
        "embeddings._wordllama()\n"
        "logging.getLogger('httpx').info('HTTP Request: POST http://u:sk-secret@host/v1')\n"
        "print(len(logging.getLogger().handlers), logging.getLogger().level)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", str(30)]  # no handler, WARNING: as Python starts
    assert "sk-secret" not in done.stderr
