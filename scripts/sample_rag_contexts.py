"""Write the sample's RAG run passages from the sample's own index (for maintainers).

    .venv/bin/python scripts/sample_rag_contexts.py resources/sample_project
    .venv/bin/python scripts/sample_rag_contexts.py resources/sample_project_ja

The tour's RAG run is imported, its answers written by hand; its ``contexts`` column must be
what the sample's index retrieves at the setting in manifest.json (``knowledge_settings``), or
the advice's retrieval gaps and the Knowledge page's readiness would tell two stories. This
builds the sample in a temporary folder, searches every row of runs/rag.csv, writes the passages
back (the answers are kept) and lists the rows whose passages lack the expected answer: their
answers must not be right unless the model could know the fact without the documents.
Run it after changing the documents, the chunking or the retrieval code; tests/core/test_sample_rag.py
fails until it is run.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop_app.core.knowledge import KnowledgeBase  # noqa: E402
from desktop_app.core.knowledge.readiness import _evaluation_rows, judge_row  # noqa: E402
from desktop_app.core.project.folder import Project  # noqa: E402
from desktop_app.core.sample import build_sample_project  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="resources/sample_project or resources/sample_project_ja")
    args = parser.parse_args()
    manifest = json.loads((args.source / "manifest.json").read_text(encoding="utf-8"))
    rag = next(r for r in manifest["runs"] if "rag" in r.get("techniques", []))
    path = args.source / rag["file"]
    with path.open(encoding="utf-8", newline="") as fh:
        lines = list(csv.DictReader(fh))
    with tempfile.TemporaryDirectory() as tmp:
        build_sample_project(args.source, Path(tmp) / "sample")
        project = Project.open(Path(tmp) / "sample")
        rows = {r.id: r for r in _evaluation_rows(project)}
        kb = KnowledgeBase.open(project)
        try:
            for line in lines:
                row = rows[line["id"]]
                passages = kb.search(row.input)
                line["contexts"] = json.dumps(
                    [{"text": p.text, "source": Path(p.source).name} for p in passages], ensure_ascii=False
                )
                found, rank, recall = judge_row(row.expected, passages)
                if not found:
                    print(f"{row.id}: answer not in the passages (recall {recall:.2f}): {row.expected!r}")
                    print(f"    answer written: {line['output']!r}")
        finally:
            kb.close()
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(lines[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(lines)
    print(f"wrote {len(lines)} rows to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
