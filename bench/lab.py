"""Retrieval lab benchmark: how long the sweep of the sample project takes (goal: under a
minute on this machine), what it finds against the project's own setting, and what adopting
the best setting gives.

    .venv/bin/python bench/lab.py [--rounds 3] [--sample en|ja]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop_app.core.knowledge.lab import adopt  # noqa: E402
from desktop_app.core.knowledge.readiness import readiness  # noqa: E402
from desktop_app.core.knowledge.sweep import sweep  # noqa: E402
from desktop_app.core.project.folder import Project  # noqa: E402
from desktop_app.core.sample import ensure_sample_project  # noqa: E402

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
SAMPLES = {"en": RESOURCES / "sample_project", "ja": RESOURCES / "sample_project_ja"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--sample", choices=sorted(SAMPLES), default="en")
    args = ap.parse_args()
    sample = SAMPLES[args.sample]
    tmp = Path(tempfile.mkdtemp(prefix="lab-bench-"))
    try:
        project = Project.open(ensure_sample_project(sample, tmp))
        before = readiness(project)
        seconds, result = [], None
        for _ in range(args.rounds):
            result = sweep(project)
            seconds.append(result.seconds)
        assert result is not None and result.best is not None and result.current is not None
        docs = len(list((sample / "knowledge").iterdir()))
        print(f"sample: {docs} documents, {result.evaluated} rows, {result.grid_size} settings")
        print(f"sweep s: median {statistics.median(seconds):.1f} (rounds: {', '.join(f'{s:.1f}' for s in seconds)})")
        print(
            f"readiness now: recall@{before['k']} {before['share']:.3f} ({before['in_top_k']}/{before['evaluated']}), MRR {before['mrr']:.3f}"
        )
        print(f"lab current:   recall {result.current.share:.3f}, MRR {result.current.mrr:.3f}")
        print(f"lab best:      recall {result.best.share:.3f}, MRR {result.best.mrr:.3f}  {result.best.setting}")
        print(f"add documents for: {', '.join(result.unanswerable) or '-'}")
        by_tok: dict[str, float] = {}
        for t in result.trials:
            key = t.setting.tokenizer
            by_tok[key] = max(by_tok.get(key, 0.0), t.mrr)
        print("best MRR by tokenisation: " + ", ".join(f"{k} {v:.3f}" for k, v in sorted(by_tok.items())))
        adopt(project, result.best.setting)
        after = readiness(Project.open(project.root))
        print(
            f"adopted:       recall@{after['k']} {after['share']:.3f} ({after['in_top_k']}/{after['evaluated']}), MRR {after['mrr']:.3f}"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
