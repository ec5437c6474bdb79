"""`finetune-prepare`: the examples pool as a checked chat-format training file.

`finetune-prepare PROJECT OUT.jsonl [--json]` writes OUT.jsonl (and OUT.validation.jsonl when
the pool is big enough to split), then prints the findings, each with its row, and the
training cost for --epochs. The file is written even with findings: they are advice to read
before sending it; --strict makes any problem-level finding exit 2 for a pipeline to stop on.
"""
from __future__ import annotations

import argparse
import json

from desktop_app.core.errors import AppError
from desktop_app.core.finetune import build, limits, prepare
from desktop_app.core.project import Project


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("finetune-prepare", help="write the examples pool as chat-format training JSONL and check it",
                       description="Write the examples pool as chat-format training JSONL (system / user / "
                                   "assistant) with a variant's prompt, split off a validation file, and report "
                                   "what to fix first: malformed or empty examples, token counts over the "
                                   "route's limits, duplicates, leaks into the evaluation rows, too few "
                                   "examples, answers failing the project's checks; and the training cost.")
    p.add_argument("project", metavar="PROJECT", help="the project folder")
    p.add_argument("out", metavar="OUT.jsonl", help="the training file to write")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--variant", metavar="NAME", help="the variant whose system prompt and template the examples "
                                                     "carry (default: instructions)")
    p.add_argument("--provider", choices=tuple(limits.PROVIDER_LIMITS), default="openai",
                   help="whose limits to check against (default openai; local: mlx-lm, axolotl, Unsloth ...)")
    p.add_argument("--model", default="gpt-4o-mini", metavar="BASE", help="the base model to tune (default gpt-4o-mini)")
    p.add_argument("--price", type=float, metavar="USD",
                   help="save USD per 1M training tokens for --model in the project's price table first")
    p.add_argument("--epochs", type=int, default=limits.DEFAULT_EPOCHS, metavar="N", help="epochs to price (default 3)")
    p.add_argument("--validation", type=float, default=build.DEFAULT_VALIDATION_SHARE, metavar="SHARE",
                   help="share of the examples kept for validation (default 0.1; 0 for none)")
    p.add_argument("--seed", type=int, default=0, metavar="N", help="seed of the train/validation split")
    p.add_argument("--reviewed-only", action="store_true",
                   help="only examples whose answers a person reviewed as right")
    p.add_argument("--strict", action="store_true", help="exit 2 when any finding is a problem")
    p.set_defaults(func=_prepare)


def _line(f: dict) -> str:
    where = f"{f['split']} line {f['line']} (row {f['row']})" if f["line"] else "whole set"
    detail = ", ".join(f"{k}={v}" for k, v in f.items() if k not in ("kind", "severity", "row", "split", "line"))
    return f"{f['severity']}: {f['kind']}: {where}" + (f": {detail}" if detail else "")


def _prepare(args: argparse.Namespace) -> int:
    project = Project.open(args.project)
    if args.price is not None:
        table = limits.validate_training_prices(limits.project_overrides(project))
        limits.save_training_prices(project, {**table, args.model: args.price})
    prepared = prepare.prepare(project, variant=args.variant, validation_share=args.validation, seed=args.seed,
                             reviewed_only=args.reviewed_only, provider=args.provider, model=args.model,
                             epochs=args.epochs)
    training = prepared.training
    try:
        train_path = build.write_jsonl(training.train, args.out)
        val_path = build.write_jsonl(training.validation, build.validation_path(args.out)) \
            if training.validation else None
    except OSError as exc:
        raise AppError(f"Could not write {args.out}: {exc.strerror or exc}.",
                       "Choose a folder you can write to.") from None
    report = {**prepared.to_dict(), "train_file": str(train_path), "validation_file": str(val_path or "") or None}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        est = prepared.estimate
        price = "unknown (add its training price to the project's finetune.training_prices)" \
            if est.cost is None else f"about ${est.cost:.2f}"
        print(f"wrote {train_path} ({len(training.train)} examples)"
              + (f" and {val_path} ({len(training.validation)})" if val_path else ""))
        print(f"tokens: {est.tokens_per_epoch} per epoch, {est.trained_tokens} over {est.epochs} epochs "
              f"of {est.model}; cost {price}")
        for f in report["findings"]:
            print(_line(f))
        if not report["findings"]:
            print("no findings")
    problems = [f for f in report["findings"] if f["severity"] == "problem"]
    if args.strict and problems:
        raise AppError(f"{len(problems)} problem(s) in the training set, first: {_line(problems[0])}.",
                       "Fix them in the examples pool (or run without --strict to write the file anyway).")
    return 0
