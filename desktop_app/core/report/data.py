"""``ReportData``: everything a report shows, as plain data, and the error an export raises.
The renderers (``html``, ``tables``) read only this; ``build`` fills it from a project."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app import __version__
from desktop_app.core.errors import AppError

CONNECTION_KEYS = ("preset", "model")  # everything else in the connection section stays out
OUTCOMES = ("pass", "error", "knowledge", "behaviour", "retrieval", "generation")


class ExportError(AppError):
    """A report or table could not be written where the user asked."""

    code = "export_error"


@dataclass(frozen=True)
class ReportData:
    """Everything a report shows, as plain data.

    leaderboard: one `results --json` dict per run, in the order made (name, techniques,
        technique_position, rows, errors, content_score, behaviour_score, pass_rate, tokens, cost,
        latency_p50, latency_p95; optional run_id, imported).
    diagnosis: `advise --json` (``Diagnosis.to_dict()``), or None with ``advice_note`` saying why.
    rows: evaluation rows in dataset order: {id, input, expected, category, results}, where
        ``results[i]`` belongs to ``leaderboard[i]`` and is None (row not in that run) or
        {output, outcome (pass|error|gap kind), error, failed_checks [{check, family, reason}],
        latency_s, tokens_in, tokens_out, cost}.
    dataset: {source, rows, eval_rows, examples}; checks: CheckSpec dicts; connection: preset, model.
    """

    project: str
    generated_at: str
    leaderboard: list[dict]
    diagnosis: dict | None = None
    rows: list[dict] = field(default_factory=list)
    dataset: dict = field(default_factory=dict)
    connection: dict = field(default_factory=dict)
    checks: list[dict] = field(default_factory=list)
    target: float = 0.9
    app_version: str = __version__
    advice_note: str = ""

    def __post_init__(self) -> None:
        given = self.connection if isinstance(self.connection, dict) else {}
        safe = {k: given[k] for k in CONNECTION_KEYS if given.get(k) not in (None, "")}
        object.__setattr__(self, "connection", safe)
