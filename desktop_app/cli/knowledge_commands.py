"""knowledge-add, knowledge-search, readiness: the knowledge base from the command line."""
from __future__ import annotations

import argparse
import json
import sys

from desktop_app.core.errors import KnowledgeError


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 100:
        raise argparse.ArgumentTypeError(f"{value} is out of range; use 1 to 100")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("knowledge-add", help="add documents (files or folders) to a project's knowledge base")
    p.add_argument("project", help="project folder")
    p.add_argument("paths", nargs="+", metavar="PATH", help="txt, md, pdf, docx, html or csv files, or folders")
    p.add_argument("--json", action="store_true", help="print the ingest report as JSON")
    p.set_defaults(func=_add)

    p = sub.add_parser("knowledge-search", help="show the passages retrieval finds for a query")
    p.add_argument("project", help="project folder")
    p.add_argument("query")
    p.add_argument("--k", type=_positive, default=None, help="number of passages (default: the project's top_k)")
    p.add_argument("--mode", choices=("hybrid", "vector", "bm25"), default="hybrid")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_search)

    p = sub.add_parser("readiness", help="measure whether the documents hold the evaluation set's answers")
    p.add_argument("project", help="project folder")
    p.add_argument("--k", type=_positive, default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_readiness)


def _open(path: str):
    from desktop_app.core.knowledge import KnowledgeBase
    from desktop_app.core.project.folder import Project
    return KnowledgeBase.open(Project.open(path))


def _add(args) -> int:
    kb = _open(args.project)
    try:
        report = kb.add_paths(args.paths)
    finally:
        kb.close()
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        for f in report.files:
            detail = f"{f.chunks} chunks" if f.status != "failed" else f"{f.reason}: {f.message}"
            print(f"{f.status:<18} {f.source}  ({detail})")
        print(f"read {report.count('read')}, replaced {report.count('replaced')}, "
              f"unchanged {report.count('skipped_unchanged')}, failed {report.count('failed')}")
    if report.files and len(report.failed) == len(report.files):
        raise KnowledgeError("None of the given files could be added.", "See the reasons listed above.")
    return 0


def _search(args) -> int:
    kb = _open(args.project)
    try:
        if kb.stats()["chunks"] == 0:
            raise KnowledgeError("The knowledge base has no documents yet.",
                                 "Add some with: knowledge-add PROJECT PATH...")
        passages = kb.search(args.query, k=args.k, mode=args.mode)
    finally:
        kb.close()
    if args.json:
        print(json.dumps([p.__dict__ for p in passages], ensure_ascii=False, indent=2))
        return 0
    for n, p in enumerate(passages, 1):
        where = p.source + (f" p.{p.page}" if p.page else "")
        text = " ".join(p.text.split())
        print(f"{n}. [{p.score:.4f}] {where}\n   {text[:300]}")
    if not passages:
        print("no passages matched", file=sys.stderr)
    return 0


def _readiness(args) -> int:
    from desktop_app.core.knowledge.readiness import readiness
    from desktop_app.core.project.folder import Project
    result = readiness(Project.open(args.project), k=args.k)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"{result['in_top_k']}/{result['evaluated']} rows ({result['share']:.0%}) have their expected answer "
          f"in the top {result['k']} passages; mean recall {result['mean_recall']:.2f}, MRR {result['mrr']:.2f}")
    for r in result["per_row"]:
        if not r["in_top_k"]:
            print(f"  missing: row {r['id']} (recall {r['recall']:.2f})")
    return 0
