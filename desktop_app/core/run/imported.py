"""Imported runs: outputs produced elsewhere (another tool, a notebook, a vendor) stored as a
run like any other, with their techniques declared, and scored exactly as model runs are.

The file (CSV in any common encoding, XLSX, JSONL) has one line per row: the row id, the
output, optionally the passages that were retrieved for it (a JSON list of strings or of
objects {text, source}), and optionally latency_s / tokens_in / tokens_out / cost columns.
Nothing is half-imported: the run and all its rows are written in one transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from desktop_app.core.errors import DataError, RunError
from desktop_app.core.records import TECHNIQUES, Passage, Row, RowResult, RunInfo
from desktop_app.core.run.scoring import Scorer, checks_signature
from desktop_app.core.run.store import ResultStore

ID_COLUMNS = ("id", "row_id", "row id", "rowid", "question_id", "qid", "番号")
OUTPUT_COLUMNS = ("output", "response", "completion", "prediction", "model_output", "generated", "出力", "応答")
CONTEXT_COLUMNS = ("contexts", "retrieved_contexts", "passages", "context_passages")
NUMERIC_COLUMNS = {"latency_s": float, "tokens_in": int, "tokens_out": int, "cost": float}
SAMPLE = 10  # ids listed in a report


@dataclass(frozen=True)
class ImportedRow:
    row_id: str
    output: str
    passages: tuple[Passage, ...] = ()
    latency_s: float | None = None
    tokens_in: int = 0
    tokens_out: int = 0
    cost: float | None = None  # None: the file has no cost for it (unknown, not free)


@dataclass
class ImportReport:
    """What an import did: the run, and every row it could not match (ids listed, counts exact)."""

    run: RunInfo
    stored: int
    evaluation_rows: int
    missing: list[str] = field(default_factory=list)  # evaluation rows the file has no output for
    unknown: list[str] = field(default_factory=list)  # ids in the file that are no evaluation row
    pool: list[str] = field(default_factory=list)  # ids of examples-pool rows (not evaluated)
    blank_outputs: int = 0
    replaced: bool = False
    columns: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "run_id": self.run.id,
            "name": self.run.name,
            "techniques": list(self.run.techniques),
            "stored": self.stored,
            "evaluation_rows": self.evaluation_rows,
            "missing": len(self.missing),
            "missing_ids": self.missing[:SAMPLE],
            "unknown": len(self.unknown),
            "unknown_ids": self.unknown[:SAMPLE],
            "pool": len(self.pool),
            "pool_ids": self.pool[:SAMPLE],
            "blank_outputs": self.blank_outputs,
            "replaced": self.replaced,
            "columns": self.columns,
        }


def parse_techniques(text: str | Iterable[str]) -> tuple[str, ...]:
    """ "rag,few_shot" -> ("rag", "few_shot"); "none" (or empty) is the baseline."""
    items = text.split(",") if isinstance(text, str) else list(text)
    names = [t.strip().lower().replace("-", "_") for t in items if t and t.strip()]
    names = [n for n in names if n not in ("none", "baseline")]
    unknown = [n for n in names if n not in TECHNIQUES]
    if unknown:
        raise RunError(
            f"Unknown technique(s): {', '.join(unknown)}.",
            f"Use none, or a comma-separated list of: {', '.join(TECHNIQUES)}.",
        )
    return tuple(dict.fromkeys(names))


def _find_column(columns: list[str], given: str | None, candidates: Sequence[str], role: str, path: Path) -> str | None:
    if given:
        if given in columns:
            return given
        raise DataError(
            f"{path.name} has no column {given!r} (for the {role}).",
            f"Its columns are: {', '.join(columns)}.",
            details={"kind": "missing_column"},
        )
    lowered = {c.strip().lower(): c for c in columns}
    for name in candidates:
        if name in lowered:
            return lowered[name]
    return None


def _pick(columns: list[str], given: str | None, candidates: Sequence[str], role: str, path: Path) -> str:
    found = _find_column(columns, given, candidates, role, path)
    if found is None:
        option = {"row id": "--id-col", "output": "--output-col"}.get(role, "")
        raise DataError(
            f"{path.name} has no {role} column I can recognise.",
            f"Name it with {option} COLUMN; the columns are: {', '.join(columns)}.",
            details={"kind": "missing_column"},
        )
    return found


def parse_passages(cell: str, where: str) -> tuple[Passage, ...]:
    """A contexts cell: a JSON list of strings or {text, source[, page]} objects; plain text is one passage."""
    text = (cell or "").strip()
    if not text:
        return ()
    if not text.startswith(("[", "{")):
        return (Passage(text=text, source=""),)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(
            f"{where}: the contexts cell is not valid JSON ({exc.msg}).",
            'Write it as a JSON list, e.g. ["passage one", {"text": "...", "source": "manual.pdf"}].',
            details={"kind": "bad_contexts"},
        ) from None
    items = value if isinstance(value, list) else [value]
    out = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            out.append(Passage(text=item, source="", position=i))
        elif isinstance(item, dict) and isinstance(body := item.get("text", item.get("content")), str):
            page = item.get("page")
            out.append(
                Passage(
                    text=body,
                    source=str(item.get("source") or ""),
                    page=page if isinstance(page, int) else None,
                    position=i,
                )
            )
        else:
            raise DataError(
                f"{where}: passage {i + 1} is neither text nor an object with a 'text' field.",
                'Write passages as strings or as {"text": ..., "source": ...}.',
                details={"kind": "bad_contexts"},
            )
    return tuple(out)


def _number(cell: str, kind: type, where: str, column: str):
    if not (cell or "").strip():
        return None
    try:
        return kind(float(cell)) if kind is int else kind(cell)
    except ValueError:
        raise DataError(
            f"{where}: {column} is {cell!r}, not a number.",
            "Leave it empty or write a number.",
            details={"kind": "bad_number"},
        ) from None


def read_outputs(
    path: str | Path,
    *,
    id_col: str | None = None,
    output_col: str | None = None,
    contexts_col: str | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
) -> tuple[list[ImportedRow], dict]:
    """The file's rows (duplicate ids refused, with both line numbers) and the columns used."""
    from desktop_app.core.data.readers import open_source  # noqa: PLC0415 - encodings, delimiters, xlsx

    path = Path(path)
    with open_source(path, encoding=encoding, sheet=sheet) as src:
        cols = list(src.columns)
        c_id = _pick(cols, id_col, ID_COLUMNS, "row id", path)
        c_out = _pick(cols, output_col, OUTPUT_COLUMNS, "output", path)
        c_ctx = _find_column(cols, contexts_col, CONTEXT_COLUMNS, "contexts", path)
        i_id, i_out = cols.index(c_id), cols.index(c_out)
        i_ctx = cols.index(c_ctx) if c_ctx else None
        numeric = {name: cols.index(name) for name in NUMERIC_COLUMNS if name in cols}
        seen: dict[str, int] = {}
        rows: list[ImportedRow] = []
        for line, cells in src.records:
            where = f"{path.name} line {line}"
            row_id = (cells[i_id] or "").strip()
            if not row_id:
                raise DataError(
                    f"{where} has no row id.",
                    "Give every line the id of its evaluation row.",
                    details={"kind": "missing_id", "line": line},
                )
            if row_id in seen:
                raise DataError(
                    f"Row id {row_id!r} appears twice in {path.name} (lines {seen[row_id]} and {line}).",
                    "Keep one output per row id.",
                    details={"kind": "duplicate_id", "line": line},
                )
            seen[row_id] = line
            extra = {k: _number(cells[i], NUMERIC_COLUMNS[k], where, k) for k, i in numeric.items()}
            rows.append(
                ImportedRow(
                    row_id=row_id,
                    output=cells[i_out] or "",
                    passages=parse_passages(cells[i_ctx], where) if i_ctx is not None else (),
                    latency_s=extra.get("latency_s"),
                    tokens_in=extra.get("tokens_in") or 0,
                    tokens_out=extra.get("tokens_out") or 0,
                    cost=extra.get("cost"),
                )
            )
    if not rows:
        raise DataError(
            f"{path.name} has no output lines.", "Export the outputs with one line per row.", details={"kind": "empty"}
        )
    return rows, {"id": c_id, "output": c_out, "contexts": c_ctx}


def store_imported(
    store: ResultStore,
    name: str,
    techniques: Sequence[str],
    outputs: Sequence[ImportedRow],
    rows: Sequence[Row],
    pool: Sequence[Row],
    scorer: Scorer | Callable | None,
    *,
    source: str = "",
    model: str = "",
    columns: dict | None = None,
) -> ImportReport:
    """Match outputs to evaluation rows, score them, and store them as one complete run."""
    by_id = {r.id: r for r in rows}
    pool_ids = {r.id for r in pool}
    matched = [o for o in outputs if o.row_id in by_id]
    unknown = [o.row_id for o in outputs if o.row_id not in by_id and o.row_id not in pool_ids]
    in_pool = [o.row_id for o in outputs if o.row_id in pool_ids]
    if not matched:
        sample = ", ".join(list(by_id)[:3])
        raise RunError(
            f"None of the {len(outputs)} row ids in {source or 'the file'} match this project's evaluation rows.",
            f"Use the ids of the imported dataset (e.g. {sample}), or pick the id column with --id-col.",
            details={"kind": "no_match"},
        )
    existing = store.runs_named(name)
    if any(not r.imported for r in existing):
        raise RunError(f"A model run is already called {name!r}.", "Choose another name for the imported run.")
    results = []
    for o in matched:
        row = by_id[o.row_id]
        verdicts = scorer(row, o.output, o.passages) if scorer is not None else ()
        results.append(
            RowResult(
                run_id=0,
                row_id=o.row_id,
                output=o.output,
                latency_s=o.latency_s,
                tokens_in=o.tokens_in,
                tokens_out=o.tokens_out,
                cost=o.cost,
                attempts=0,
                passages=o.passages,
                verdicts=tuple(verdicts),
            )
        )
    replaced = existing[-1].id if existing else None
    specs = getattr(scorer, "specs", None)
    run = store.add_complete_run(
        name,
        techniques,
        results,
        model=model,
        imported=True,
        replaces=replaced,
        variant={"source": source, "columns": columns or {}},
        checks_sig=checks_signature(specs) if specs is not None else "",
    )
    have = {o.row_id for o in matched}
    return ImportReport(
        run=run,
        stored=len(results),
        evaluation_rows=len(rows),
        missing=[r.id for r in rows if r.id not in have],
        unknown=unknown,
        pool=in_pool,
        blank_outputs=sum(1 for o in matched if not o.output.strip()),
        replaced=replaced is not None,
        columns=columns or {},
    )


def import_run(
    project,
    name: str,
    path: str | Path,
    techniques: str | Iterable[str],
    *,
    output_col: str | None = None,
    contexts_col: str | None = None,
    id_col: str | None = None,
    model: str = "",
    encoding: str | None = None,
    sheet: str | None = None,
) -> ImportReport:
    """Import outputs from ``path`` into ``project`` as the run ``name`` (replacing an earlier import of it)."""
    from desktop_app.core.data import rows as datasets  # noqa: PLC0415
    from desktop_app.core.run.project import model_tools  # noqa: PLC0415
    from desktop_app.core.run.scoring import project_scorer  # noqa: PLC0415

    name = (name or "").strip()
    if not name:
        raise RunError("An imported run needs a name.", "Name it after what produced it, e.g. few-shot-v2.")
    declared = parse_techniques(techniques)
    outputs, columns = read_outputs(
        path, id_col=id_col, output_col=output_col, contexts_col=contexts_col, encoding=encoding, sheet=sheet
    )
    rows, pool = datasets.load_rows(project)
    with ResultStore(project.results_db) as store:
        judge, embed, closers = model_tools(project, store)
        try:
            scorer = project_scorer(project, rows, judge=judge, embed=embed)
            return store_imported(
                store, name, declared, outputs, rows, pool, scorer, source=Path(path).name, model=model, columns=columns
            )
        finally:
            for close in closers:
                close()
