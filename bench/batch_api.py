"""Batch API throughput: plan + submit, then collect (download, score, store), for a large project.

`.venv/bin/python bench/batch_api.py [--rows 20000] [--limit 50000]`

Everything goes through the real code and the real `openai` client to the scripted server on
127.0.0.1 (tests/scripted_batches.py); the time the provider takes is left out (the scripted
batch finishes on the second look). Prints rows, batches, seconds and rows per second.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop_app.cli import main as cli  # noqa: E402
from desktop_app.core.project.folder import Project  # noqa: E402
from desktop_app.core.run import batch_files  # noqa: E402
from desktop_app.core.run.batch import check_batches, submit_batches  # noqa: E402
from desktop_app.core.run.project import prepare_project_run  # noqa: E402
from desktop_app.core.run.project_scores import project_summaries  # noqa: E402
from tests.scripted_server import ScriptedServer, last_user_text  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--limit", type=int, default=50_000, help="requests per batch file")
    args = parser.parse_args()
    batch_files.LIMITS["openai"] = (args.limit, batch_files.LIMITS["openai"][1])
    with tempfile.TemporaryDirectory() as tmp, ScriptedServer() as server:
        os.environ["LLM_PATH_ADVISOR_HOME"] = str(Path(tmp) / "home")
        os.environ["OPENAI_API_KEY"] = server.api_key
        server.chat_rule = lambda req: "answer " + last_user_text(req).rstrip("?").split()[-1]
        data = Path(tmp) / "data.csv"
        data.write_text(
            "id,question,answer\n" + "".join(f"q{i},What is item {i}?,answer {i}\n" for i in range(args.rows)),
            encoding="utf-8",
        )
        folder = Path(tmp) / "proj"
        quiet = open(os.devnull, "w")  # noqa: SIM115 - the CLI's chatter is not the measurement
        stdout, sys.stdout = sys.stdout, quiet
        try:
            cli(["new", str(folder), "--dataset", str(data), "--examples", "0"])
            cli(["connect", str(folder), "--preset", "openai", "--base-url", server.base_url, "--model", "gpt-4o-mini"])
        finally:
            sys.stdout = stdout
        t0 = time.perf_counter()
        submission = submit_batches(prepare_project_run(Project.open(folder)))
        t1 = time.perf_counter()
        check_batches(Project.open(folder))  # validating -> in_progress
        t2 = time.perf_counter()
        found = check_batches(Project.open(folder))
        t3 = time.perf_counter()
        (summary,) = project_summaries(Project.open(folder))
        print(f"rows {args.rows:,}, batches {len(submission.batches)}, requests {submission.requests:,}")
        print(f"plan + submit {t1 - t0:.1f} s ({args.rows / (t1 - t0):,.0f} rows/s)")
        print(
            f"collect {t3 - t2:.1f} s ({found.answered / (t3 - t2):,.0f} rows/s), "
            f"answered {found.answered:,}, errors {found.errors}"
        )
        print(f"content score {summary.content_score:.3f}, rows stored {summary.rows:,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
