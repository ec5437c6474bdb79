"""The pace a connection really keeps, for the estimate's time.

``calls / concurrency × latency`` assumes the server answers ``concurrency`` requests at once. A
local server with one slot queues them (an estimate of 8 s for a run that took 410 s), and a
provider's rate limit caps the pace whatever the concurrency. So each finished session records
the answers per second it achieved for its server and model (project.json ``throughput``:
``{"<endpoint> <model>": {"requests_per_s", "requests"}}``), and the next estimate uses it.
Without a measurement, a local server is taken to answer one request at a time.
"""

from __future__ import annotations

import dataclasses

SECTION = "throughput"
MIN_REQUESTS = 5  # fewer network answers than this say little about the pace


def _key(cfg, model: str) -> str:
    return f"{cfg.endpoint_id() or 'openai'} {model}"


def record(project, cfg, model: str, outcome) -> None:
    """Note the pace of a finished session (answers from the network per second of wall time)."""
    sent = outcome.completed - outcome.cache_hits - outcome.errors
    if sent < MIN_REQUESTS or outcome.wall_s <= 0 or outcome.status != "complete":
        return
    data = dict(project.section(SECTION) or {})
    data[_key(cfg, model)] = {"requests_per_s": round(sent / outcome.wall_s, 4), "requests": sent}
    project.set_section(SECTION, data)


def measured_rate(project, cfg, model: str) -> float | None:
    entry = (project.section(SECTION) or {}).get(_key(cfg, model))
    try:
        rate = float(entry["requests_per_s"]) if isinstance(entry, dict) else None
    except (KeyError, TypeError, ValueError):
        return None
    return rate if rate and rate > 0 else None


def adjust_estimate(est, project, cfg, models):
    """The estimate with its time from the measured pace (the slowest model), or one request at a
    time on a local server never measured."""
    rates = [measured_rate(project, cfg, m) for m in models]
    if rates and all(r is not None for r in rates):
        return dataclasses.replace(est, time_s=est.calls / min(r for r in rates if r is not None))
    if cfg.preset == "local":
        return dataclasses.replace(est, time_s=est.calls * est.latency_guess_s)
    return est
