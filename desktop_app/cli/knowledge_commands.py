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
    p.add_argument(
        "--sweep",
        action="store_true",
        help="retrieval lab: measure a grid of chunking, top-k, keyword/meaning weight, tokenisation "
        "and embedding settings in scratch indexes (the project's index is untouched); "
        "with --k, only that top-k",
    )
    p.add_argument(
        "--adopt",
        action="store_true",
        help="with --sweep: make the best setting the project's and index the documents for it",
    )
    p.add_argument(
        "--rerank",
        action="store_true",
        help="with --sweep: also re-rank the 3 best settings' passages with the connected model "
        "(its rating calls, tokens and cost are printed first and asked about)",
    )
    p.add_argument("--yes", "-y", action="store_true", help="with --rerank: make the rating calls without asking")
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
        print(
            f"read {report.count('read')}, replaced {report.count('replaced')}, "
            f"unchanged {report.count('skipped_unchanged')}, failed {report.count('failed')}"
        )
    if report.files and len(report.failed) == len(report.files):
        raise KnowledgeError("None of the given files could be added.", "See the reasons listed above.")
    return 0


def _search(args) -> int:
    kb = _open(args.project)
    try:
        if kb.stats()["chunks"] == 0:
            raise KnowledgeError(
                "The knowledge base has no documents yet.", "Add some with: knowledge-add PROJECT PATH..."
            )
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

    if args.sweep:
        return _sweep(args)
    if args.adopt or args.rerank:
        raise KnowledgeError(
            f"{'--adopt' if args.adopt else '--rerank'} needs --sweep: it adopts the best setting the sweep found.",
            "Run: readiness PROJECT --sweep --adopt (or --rerank)",
        )
    result = readiness(Project.open(args.project), k=args.k)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(
        f"{result['in_top_k']}/{result['evaluated']} rows ({result['share']:.0%}) have their expected answer "
        f"in the top {result['k']} passages; mean recall {result['mean_recall']:.2f}, MRR {result['mrr']:.2f}"
    )
    for r in result["per_row"]:
        if not r["in_top_k"]:
            print(f"  missing: row {r['id']} (recall {r['recall']:.2f})")
    return 0


def _describe(setting: dict, reranked: bool = False) -> str:
    return (
        f"chunks {setting['chunk_size']}/{setting['chunk_overlap']}, top {setting['top_k']}, "
        f"meaning weight {setting['fusion_weight']:.2f}, {setting['embedding']}, {setting['tokenizer']}"
        + (", re-ranked" if reranked else "")
    )


def _with_rerank(args, project, result, out: dict):
    """The sweep with the best settings re-ranked, if the user agrees to the printed cost; the
    result as it was and False when declined."""
    from desktop_app.cli.plan_prompt import confirm, duration, money
    from desktop_app.core.run import lab_rerank

    found, cost = lab_rerank.plan(project, result)
    stream = sys.stderr if args.json else sys.stdout
    print(
        f"re-ranking the {cost.settings} best settings: {cost.calls} rating calls ({cost.cached} ratings from "
        f"cache), ~{cost.tokens:,} tokens, {money(cost.cost_usd)}, about {duration(cost.time_s)} - {cost.model}",
        file=stream,
    )
    out["rerank"] = {**cost.to_dict(), "done": False}
    if cost.calls and not confirm(args):
        print("re-ranking not started", file=sys.stderr)
        return result, False
    out["rerank"]["done"] = True
    return lab_rerank.perform(project, result, found), True


def _sweep(args) -> int:
    from dataclasses import replace

    from desktop_app.core.knowledge.lab import Grid, adopt
    from desktop_app.core.knowledge.readiness import readiness
    from desktop_app.core.knowledge.sweep import sweep
    from desktop_app.core.project.folder import Project

    project = Project.open(args.project)
    if args.rerank:  # before the sweep: an offline project or no terminal to ask on fails at once
        from desktop_app.core.errors import RunError
        from desktop_app.core.run import lab_rerank

        ok, why = lab_rerank.available(project)
        if not ok:
            raise KnowledgeError(why, "Run the sweep without --rerank, or connect a model (connect PROJECT ...).")
        if not args.yes and not sys.stdin.isatty():
            raise RunError(
                "Not re-ranking: it would call the model and there is no terminal to confirm on.",
                "Add --yes to re-rank without asking.",
            )
    grid = replace(Grid(), top_ks=(args.k,)) if args.k else Grid()
    result = sweep(project, grid)
    out: dict = {}
    agreed = True
    if args.rerank:
        result, agreed = _with_rerank(args, project, result, out)
    out = {**result.to_dict(), **out}
    chosen = result.best if (args.adopt and result.improves) else None
    adopted = chosen is not None
    if chosen is not None:
        report = adopt(project, chosen.setting, rerank=True if chosen.reranked else None)
        out["adopted"] = True
        out["readiness_after"] = {k: v for k, v in readiness(project).items() if k != "per_row"}
        out["adopt_failed_files"] = [f.source for f in report.failed]
    elif args.adopt:
        out["adopted"] = False
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0 if agreed else 1
    print(
        f"measured {len(result.trials)} settings on {result.evaluated} rows in {result.seconds:.1f} s"
        + (" (stopped early)" if result.cancelled else "")
    )
    print(f"{'recall':>6} {'MRR':>5} {'ms/q':>6} {'chunks':>6}  setting")
    for t in [t for n, t in enumerate(result.trials) if n < 10 or t.reranked]:
        mark = "  <- current" if t.current else ""
        print(
            f"{t.share:>6.0%} {t.mrr:>5.2f} {t.ms_per_question:>6.1f} {t.chunks:>6}  "
            f"{_describe(t.setting.to_dict(), t.reranked)}{mark}"
        )
    if result.current is not None:
        print(
            f"current: {result.current.share:.0%} (MRR {result.current.mrr:.2f}), "
            f"{_describe(out['current']['setting'], result.current.reranked)}"
        )
    if result.best is not None:
        verdict = "better" if result.improves else "no better than the current setting"
        print(
            f"best:    {result.best.share:.0%} (MRR {result.best.mrr:.2f}), "
            f"{_describe(out['best']['setting'], result.best.reranked)}"
            f" [{verdict}]"
        )
    if adopted:
        after = out["readiness_after"]
        print(f"adopted: readiness is now {after['share']:.0%} (MRR {after['mrr']:.2f})")
    for row_id in result.unanswerable:
        print(f"  add documents for: row {row_id} (no setting found its answer)")
    return 0 if agreed else 1
