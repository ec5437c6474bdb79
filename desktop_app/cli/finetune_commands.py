"""Fine-tuning from a script: prepare the file, train where the provider runs jobs, register.

`finetune-prepare PROJECT OUT.jsonl [--json]` writes OUT.jsonl (and OUT.validation.jsonl when
the pool is big enough to split), then prints the findings, each with its row, and the
training cost for --epochs. The file is written even with findings: they are advice to read
before sending it; --strict makes any problem-level finding exit 2 for a pipeline to stop on.
`finetune-train PROJECT` prepares the same way, runs a job on the project's connection and
registers the tuned model as variants; a refusal exits 2 with what happened and the other
routes. `finetune-register PROJECT MODEL` adds any served model after the connection test.
`finetune-pairs PROJECT OUT.jsonl` writes DPO preference pairs from the runs.
"""

from __future__ import annotations

import argparse
import json

from desktop_app.core.errors import AppError
from desktop_app.core.finetune import build, limits, prepare
from desktop_app.core.project import Project


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "finetune-prepare",
        help="write the examples pool as chat-format training JSONL and check it",
        description="Write the examples pool as chat-format training JSONL (system / user / "
        "assistant) with a variant's prompt, split off a validation file, and report "
        "what to fix first: malformed or empty examples, token counts over the "
        "route's limits, duplicates, leaks into the evaluation rows, too few "
        "examples, answers failing the project's checks; and the training cost.",
    )
    p.add_argument("project", metavar="PROJECT", help="the project folder")
    p.add_argument("out", metavar="OUT.jsonl", help="the training file to write")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--variant",
        metavar="NAME",
        help="the variant whose system prompt and template the examples carry (default: instructions)",
    )
    p.add_argument(
        "--provider",
        choices=tuple(limits.PROVIDER_LIMITS),
        default="openai",
        help="whose limits to check against (default openai; local: mlx-lm, axolotl, Unsloth ...)",
    )
    p.add_argument(
        "--model", default="gpt-4o-mini", metavar="BASE", help="the base model to tune (default gpt-4o-mini)"
    )
    p.add_argument(
        "--price",
        type=float,
        metavar="USD",
        help="save USD per 1M training tokens for --model in the project's price table first",
    )
    p.add_argument("--epochs", type=int, default=limits.DEFAULT_EPOCHS, metavar="N", help="epochs to price (default 3)")
    p.add_argument(
        "--validation",
        type=float,
        default=build.DEFAULT_VALIDATION_SHARE,
        metavar="SHARE",
        help="share of the examples kept for validation (default 0.1; 0 for none)",
    )
    p.add_argument("--seed", type=int, default=0, metavar="N", help="seed of the train/validation split")
    p.add_argument(
        "--reviewed-only", action="store_true", help="only examples whose answers a person reviewed as right"
    )
    p.add_argument("--strict", action="store_true", help="exit 2 when any finding is a problem")
    p.set_defaults(func=_prepare)

    t = sub.add_parser(
        "finetune-train",
        help="train on the examples pool at the provider and register the model",
        description="Prepare the examples pool (as finetune-prepare), upload it, run a fine-tuning "
        "job on the project's connection (OpenAI, Azure OpenAI), print its events and "
        "register the tuned model as fine_tuned (+ fine_tuned_rag) variants. Ctrl+C "
        "stops watching; the job trains on and --follow JOB picks it up again.",
    )
    t.add_argument("project", metavar="PROJECT", help="the project folder")
    t.add_argument("--model", default="gpt-4o-mini", metavar="BASE", help="the base model (default gpt-4o-mini)")
    t.add_argument("--epochs", type=int, default=limits.DEFAULT_EPOCHS, metavar="N", help="epochs (default 3)")
    t.add_argument("--variant", metavar="NAME", help="the variant whose prompt the examples carry")
    t.add_argument("--suffix", default="advisor", metavar="TEXT", help="added to the tuned model's name")
    t.add_argument("--follow", metavar="JOB", help="follow a job started earlier instead of starting one")
    t.add_argument("--poll", type=float, default=10.0, metavar="S", help=argparse.SUPPRESS)
    t.set_defaults(func=_train)

    r = sub.add_parser(
        "finetune-register",
        help="add a fine-tuned model served anywhere as variants",
        description="Ask MODEL one question through the project's connection (the Test button's "
        "check), then add it as a fine_tuned variant, and fine_tuned_rag when the project "
        "has documents. MODEL: an ft:... id, an Azure deployment, or the name vLLM, "
        "Ollama or llama.cpp serve a LoRA under.",
    )
    r.add_argument("project", metavar="PROJECT", help="the project folder")
    r.add_argument("model", metavar="MODEL", help="the model name on the project's server")
    r.add_argument("--name", default="", help="the variant's name (default fine-tuned)")
    r.add_argument(
        "--rag",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="also add it with retrieval (default: when the project has documents)",
    )
    r.add_argument("--no-test", action="store_true", help="add it without asking it first")
    r.set_defaults(func=_register)

    d = sub.add_parser(
        "finetune-pairs",
        help="write DPO preference pairs from the runs",
        description="For each evaluation row where one variant's latest answer passed and another's "
        "failed (a person's review counting first), write {input, preferred_output, "
        "non_preferred_output} JSONL as OpenAI and Azure document for DPO. The pairs "
        "come from evaluation rows: evaluate a model tuned on them on other rows.",
    )
    d.add_argument("project", metavar="PROJECT", help="the project folder")
    d.add_argument("out", metavar="OUT.jsonl", help="the file to write")
    d.add_argument("--variant", metavar="NAME", help="the variant whose system prompt the pairs carry")
    d.set_defaults(func=_pairs)


def _line(f: dict) -> str:
    where = f"{f['split']} line {f['line']} (row {f['row']})" if f["line"] else "whole set"
    detail = ", ".join(f"{k}={v}" for k, v in f.items() if k not in ("kind", "severity", "row", "split", "line"))
    return f"{f['severity']}: {f['kind']}: {where}" + (f": {detail}" if detail else "")


def _prepare(args: argparse.Namespace) -> int:
    project = Project.open(args.project)
    if args.price is not None:
        table = limits.validate_training_prices(limits.project_overrides(project))
        limits.save_training_prices(project, {**table, args.model: args.price})
    prepared = prepare.prepare(
        project,
        variant=args.variant,
        validation_share=args.validation,
        seed=args.seed,
        reviewed_only=args.reviewed_only,
        provider=args.provider,
        model=args.model,
        epochs=args.epochs,
    )
    training = prepared.training
    try:
        train_path = build.write_jsonl(training.train, args.out)
        val_path = (
            build.write_jsonl(training.validation, build.validation_path(args.out)) if training.validation else None
        )
    except OSError as exc:
        raise AppError(
            f"Could not write {args.out}: {exc.strerror or exc}.", "Choose a folder you can write to."
        ) from None
    report = {**prepared.to_dict(), "train_file": str(train_path), "validation_file": str(val_path or "") or None}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        est = prepared.estimate
        price = (
            "unknown (add its training price to the project's finetune.training_prices)"
            if est.cost is None
            else f"about ${est.cost:.2f}"
        )
        print(
            f"wrote {train_path} ({len(training.train)} examples)"
            + (f" and {val_path} ({len(training.validation)})" if val_path else "")
        )
        print(
            f"tokens: {est.tokens_per_epoch} per epoch, {est.trained_tokens} over {est.epochs} epochs "
            f"of {est.model}; cost {price}"
        )
        if report["tokens_max_row"]:
            limit = f" (limit {report['tokens_limit']})" if report["tokens_limit"] else ""
            print(f"longest example: {report['tokens_max']} tokens, row {report['tokens_max_row']}{limit}")
        for f in report["findings"]:
            print(_line(f))
        if not report["findings"]:
            print("no findings")
    problems = [f for f in report["findings"] if f["severity"] == "problem"]
    if args.strict and problems:
        raise AppError(
            f"{len(problems)} problem(s) in the training set, first: {_line(problems[0])}.",
            "Fix them in the examples pool (or run without --strict to write the file anyway).",
        )
    return 0


def _connection(project):
    from desktop_app.core.providers.connection import ConnectionConfig  # noqa: PLC0415

    return ConnectionConfig.from_dict(project.section("connection"))


def _print_update(update, shown: set[str]) -> None:
    for line in update.events:
        print(f"  {line}")
    state = f"{update.job_id}: {update.status}" + (f" {update.progress:.0%}" if update.progress is not None else "")
    if state not in shown:
        shown.add(state)
        print(state, flush=True)


def _train(args: argparse.Namespace) -> int:
    from desktop_app.core.finetune import history, jobs, register  # noqa: PLC0415

    project = Project.open(args.project)
    cfg = _connection(project)
    shown: set[str] = set()
    endpoint = history.endpoint_of(cfg)
    if args.follow:
        known = next((j for j in history.jobs(project) if j["id"] == args.follow), {})
        prompt = known.get("prompt") or {}
        final = jobs.follow_job(
            cfg, args.follow, progress=lambda u: _print_update(u, shown), poll_s=args.poll, cancel_on_stop=lambda: False
        )
    else:
        prepared = prepare.prepare(
            project,
            variant=args.variant,
            provider=cfg.preset if cfg.preset in ("openai", "azure") else "openai",
            model=args.model,
            epochs=args.epochs,
        )
        problems = [f for f in prepared.findings if f.severity == "problem"]
        if problems:
            raise AppError(
                f"{len(problems)} problem(s) in the training set, first: {_line(problems[0].to_dict())}.",
                "Fix them in the examples pool (finetune-prepare lists them all), then train.",
            )
        folder = project.exports_dir / "finetune"
        train = build.write_jsonl(prepared.training.train, folder / "train.jsonl")
        val = (
            build.write_jsonl(prepared.training.validation, folder / "valid.jsonl")
            if prepared.training.validation
            else None
        )
        prompt = prepared.training.prompt

        def note(update) -> None:
            if update.job_id and update.job_id not in shown:
                shown.add(update.job_id)
                history.remember(project, update.job_id, model=args.model, endpoint=endpoint, prompt=prompt)
            _print_update(update, shown)

        print(
            f"training {args.model} on {len(prepared.training.train)} examples; Ctrl+C stops watching, "
            "the job trains on",
            flush=True,
        )
        final = jobs.run_job(
            cfg,
            train,
            args.model,
            validation_path=val,
            epochs=args.epochs,
            suffix=args.suffix,
            progress=note,
            poll_s=args.poll,
            cancel_on_stop=lambda: False,
        )
    history.record(project, final.job_id, final.status, final.fine_tuned_model)
    if final.status != "succeeded":
        print(f"{final.job_id}: {final.status}")
        return 0
    added = register.register_model(project, final.fine_tuned_model, prompt=prompt, azure=cfg.preset == "azure")
    print(f"registered {final.fine_tuned_model} as: {', '.join(v.name for v in added.variants)}")
    if added.needs_deployment:
        print("Azure: deploy the model, then set each variant's model to the deployment name.")
    return 0


def _register(args: argparse.Namespace) -> int:
    from desktop_app.core.finetune import register  # noqa: PLC0415

    project = Project.open(args.project)
    cfg = _connection(project)
    if not args.no_test:
        report = register.test_model(cfg, args.model)
        if not report.ok:
            detail = f" ({report.detail})" if report.detail else ""
            raise AppError(
                f"The model {args.model!r} did not answer: {report.verdict}{detail}.",
                "Check the name the server serves it under (or the Azure deployment), or use --no-test.",
            )
    added = register.register_model(project, args.model, name=args.name, with_rag=args.rag, azure=cfg.preset == "azure")
    print(f"registered {args.model} as: {', '.join(v.name for v in added.variants)}")
    return 0


def _pairs(args: argparse.Namespace) -> int:
    from desktop_app.core.finetune import pairs  # noqa: PLC0415

    project = Project.open(args.project)
    system = build.training_variant(project, args.variant).system if args.variant else ""
    found = pairs.preference_pairs(project, system=system)
    if not found.records:
        raise AppError(
            "No preference pairs: no evaluation row has a passing and a failing answer.",
            "Run two variants (or review some answers), then try again.",
        )
    pairs.write_pairs(found, args.out)
    print(f"wrote {args.out} ({len(found.records)} pairs from runs {', '.join(found.runs)})")
    return 0
