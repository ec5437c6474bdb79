"""Export: the HTML report a QA lead mails to her manager, and the per-row results as CSV / XLSX.

Two layers. ``ReportData`` is plain data (the `results --json` leaderboard, the `advise --json`
diagnosis, dataset facts, per-row outcomes) and the renderers (``html.render_html``,
``tables.write_csv`` / ``write_xlsx``) are pure functions of it. ``build_report_data``
is the only part that reads a project: the results store, the advisor and the dataset.

Secrets: ReportData keeps only the connection's preset and model, and error texts are scrubbed
of anything shaped like an API key, so no export can carry one.
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

from desktop_app.core.errors import AppError, DataError, ProjectError, RunError
from desktop_app.core.phrases import phrase, translate
from desktop_app.core.records import is_rag_run
from desktop_app.core.report.data import ExportError, ReportData

__all__ = ["ExportError", "ReportData"]

_KEY_SHAPES = re.compile(r"\b(sk-[A-Za-z0-9_\-]{6,}|[A-Za-z0-9]{32,})\b")


def scrub_secrets(text: str | None) -> str | None:
    """Hide key-shaped tokens in error messages (a provider may echo part of a rejected key)."""
    return None if text is None else _KEY_SHAPES.sub("[hidden]", text)


def now_text(now: datetime | None = None) -> str:
    """Local time to the minute with its UTC offset, e.g. "2026-05-01 14:03 +09:00"."""
    now = now or datetime.now().astimezone()
    offset = now.strftime("%z")
    return now.strftime("%Y-%m-%d %H:%M") + (f" {offset[:3]}:{offset[3:]}" if offset else "")


# -- gathering a project's data ---------------------------------------------------------------
def _row_result(result, is_rag: bool) -> dict:
    from desktop_app.core.advice.stats import classify  # noqa: PLC0415 - the advisor's own gap rule

    return {
        "output": result.output,
        "outcome": classify(result, is_rag),
        "error": scrub_secrets(result.error),
        "failed_checks": [
            {"check": v.check, "family": v.family, "reason": v.reason} for v in result.verdicts if not v.passed
        ],
        "latency_s": result.latency_s,
        "tokens_in": result.tokens_in,
        "tokens_out": result.tokens_out,
        "cost": result.cost,
    }


def _per_row(runs, eval_rows) -> list[dict]:
    from desktop_app.core.advice.stats import natural_key  # noqa: PLC0415

    rows = {
        r.id: {
            "id": r.id,
            "input": r.input,
            "expected": r.expected,
            "category": r.category,
            "results": [None] * len(runs),
        }
        for r in eval_rows
    }
    extra: dict[str, dict] = {}  # rows of a run that the current dataset no longer has
    for i, (info, results) in enumerate(runs):
        is_rag = is_rag_run(info.techniques, results)
        for result in results:
            row = rows.get(result.row_id) or extra.setdefault(
                result.row_id,
                {"id": result.row_id, "input": "", "expected": "", "category": "", "results": [None] * len(runs)},
            )
            old = row["results"][i]
            if old is None or (old["outcome"] == "error" and result.error is None):
                row["results"][i] = _row_result(result, is_rag)
    return list(rows.values()) + [extra[k] for k in sorted(extra, key=natural_key)]


def _dataset_facts(project) -> dict:
    section = project.section("dataset") or {}
    examples = section.get("examples") or {}
    source = section.get("source") or ""
    return {
        "source": Path(str(source)).name if source else "",
        "rows": section.get("rows"),
        "eval_rows": section.get("eval_rows"),
        "examples": examples.get("count", len(examples.get("ids") or [])),
    }


def _checks(project) -> list[dict]:
    from desktop_app.core.checks import project_checks  # noqa: PLC0415

    try:
        specs, _ = project_checks(project)
    except AppError:  # a damaged checks entry must not stop the report; the runs' verdicts still show
        return []
    return [s.to_dict() for s in specs]


def build_report_data(project, *, now: datetime | None = None, readiness: dict | None = None) -> ReportData:
    """Gather a project's report data. Raises RunError when the project has no runs with results."""
    from desktop_app.core.advice.inputs import diagnose_runs, load_evaluated_runs, target_pass_rate  # noqa: PLC0415
    from desktop_app.core.data.rows import load_rows  # noqa: PLC0415
    from desktop_app.core.run.scoring import summarize, summary_to_dict  # noqa: PLC0415

    runs, eval_ids = load_evaluated_runs(project)  # results of rows no longer evaluated are left out
    leaderboard = [
        summary_to_dict(summarize(info, results, eval_ids=eval_ids), unknown_cost=None) for info, results in runs
    ]
    diagnosis, note = None, ""
    try:
        diagnosis = diagnose_runs(project, runs, eval_ids, readiness).to_dict()
    except (RunError, ProjectError) as exc:  # e.g. every row an error: the report still shows the runs
        # What one_line() says, kept a Phrase so a Japanese report says the reason in Japanese.
        note = (
            phrase(translate("ReportErrors", "{message} {hint}"), message=exc.message, hint=exc.hint)
            if exc.hint
            else exc.message
        )
    try:
        eval_rows, _pool = load_rows(project)
    except DataError:  # dataset removed or re-imported oddly: rows show their ids and outputs only
        eval_rows = []
    target = diagnosis["target"] if diagnosis else target_pass_rate(project)
    return ReportData(
        project=project.name,
        generated_at=now_text(now),
        leaderboard=leaderboard,
        diagnosis=diagnosis,
        rows=_per_row(runs, eval_rows),
        dataset=_dataset_facts(project),
        connection=dict(project.section("connection") or {}),
        checks=_checks(project),
        target=target if isinstance(target, (int, float)) else 0.9,
        advice_note=note,
    )


# -- writing ----------------------------------------------------------------------------------
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".csv", ".xlsx")


def check_suffix(path: str | Path, suffixes: tuple[str, ...], what: str) -> Path:
    """The path, if its name ends in one of ``suffixes``; else an ExportError saying what to name it."""
    path = Path(path)
    if path.suffix.lower() not in suffixes:
        # ``what`` is "the report" or "the results" (the CLI passes them too): each has its own sentence.
        template = (
            translate("ReportErrors", "Cannot write the report to {name}: the name must end in {first} or {second}.")
            if what == "the report"
            else translate(
                "ReportErrors", "Cannot write the results to {name}: the name must end in {first} or {second}."
            )
        )
        first, second = suffixes  # .html or .htm, .csv or .xlsx
        raise ExportError(
            phrase(template, name=path.name, first=first, second=second),
            phrase(translate("ReportErrors", "Choose a file name such as {example}."), example=f"report{suffixes[0]}"),
        )
    return path


def _writable(path: str | Path, suffixes: tuple[str, ...], what: str) -> Path:
    path = check_suffix(path, suffixes, what)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(
            phrase(
                translate("ReportErrors", "Cannot create the folder {folder} ({problem})."),
                folder=path.parent,
                problem=exc.strerror or exc,
            ),
            translate("ReportErrors", "Choose a folder you can write to."),
        ) from exc
    return path


def shareable(path: Path) -> None:
    """Temp files are created private (0600); an export is meant to be opened by others too."""
    try:
        os.chmod(path, 0o644)
    except OSError:
        pass  # e.g. a file system without permissions: the file is written, that is what matters


def write_failed(path: Path, exc: OSError) -> ExportError:
    return ExportError(
        phrase(translate("ReportErrors", "Cannot write {path} ({problem})."), path=path, problem=exc.strerror or exc),
        translate("ReportErrors", "Close the file if it is open in another program, or choose another folder."),
    )


def write_html(data: ReportData, path: str | Path, say=str, lang: str = "en") -> Path:
    """Render and save the HTML report (atomically: an old report is never left half-written);
    ``say`` speaks its sentences in the reader's language ``lang`` (default English)."""
    from desktop_app.core.project.folder import atomic_write_text  # noqa: PLC0415
    from desktop_app.core.report.html import render_html  # noqa: PLC0415

    path = _writable(path, HTML_SUFFIXES, "the report")
    try:
        atomic_write_text(path, render_html(data, say, lang))
        shareable(path)
    except OSError as exc:
        raise write_failed(path, exc) from exc
    return path


def export_table(data: ReportData, path: str | Path) -> Path:
    """Per-row results across runs: .csv (UTF-8 with BOM) or .xlsx (Leaderboard and Rows sheets)."""
    from desktop_app.core.report import tables as report_tables  # noqa: PLC0415 - pandas loads only when exporting

    path = _writable(path, TABLE_SUFFIXES, "the results")
    try:
        if path.suffix.lower() == ".csv":
            report_tables.write_csv(data, path)
        else:
            report_tables.write_xlsx(data, path)
        shareable(path)
    except OSError as exc:
        raise write_failed(path, exc) from exc
    return path
