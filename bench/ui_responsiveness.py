"""GUI responsiveness during a run: is the event loop free while 2,000 requests go out?

Drives the real Run page (RunPage: plan task, then the run on the network pool, progress
events to the bars) over a 2,000-row project against the scripted server (200 ms per reply,
concurrency 32), with the Results page listening as in the window. A 10 ms QTimer samples the
GUI event loop; a *stall* is how much later than 10 ms each tick came. Prints p50/p99/max stall
for three windows: idle before the run, the run itself (Start pressed -> finished), and the
refresh after it (the Run page re-reads the store and re-plans, Results reloads 2,000 rows).
Goal: p99 < 50 ms during the run.

    .venv/bin/python -m bench.ui_responsiveness [--requests 2000] [--concurrency 32] [--latency 0.2]
        [--in-process] [--platform offscreen|xcb]

The server runs in its own process by default (a real server is not in the app's process);
``--in-process`` serves from a thread of this process, so its HTTP handling competes for the GIL.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.runner_throughput import server  # noqa: E402 - the same server set-up as the throughput bench

TICK_MS = 10


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    pos = (len(ordered) - 1) * q / 100
    lo, hi = int(pos), min(int(pos) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def make_project(folder: Path, rows: int, base_url: str, concurrency: int):
    from desktop_app.cli import main
    from desktop_app.core.project.folder import Project
    from desktop_app.core.variants.variant import preset, save_variants

    data = folder / "data.csv"
    data.write_text(
        "id,question,answer\n"
        + "".join(f"r{i},What is the warranty period of product {i}?,{i % 5 + 1} years\n" for i in range(rows)),
        encoding="utf-8",
    )
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["new", str(folder / "proj"), "--dataset", str(data)]) == 0
        assert main(["connect", str(folder / "proj"), "--base-url", base_url, "--model", "gpt-4o-mini"]) == 0
    project = Project.open(folder / "proj")
    save_variants(project, [preset("baseline")], selection=["baseline"])
    project.set_section("run_settings", {"concurrency": concurrency, "timeout_s": 60})
    return project


class Sampler:
    """A 10 ms timer on the GUI thread; records when each tick really came."""

    def __init__(self):
        from PySide6.QtCore import Qt, QTimer

        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

    def start(self) -> None:
        self.ticks.clear()
        self.timer.start()

    def stalls(self, t0: float, t1: float) -> list[float]:
        """Milliseconds each tick came late, for ticks between t0 and t1."""
        inside = [t for t in self.ticks if t0 <= t <= t1]
        return [max(0.0, (b - a) * 1000 - TICK_MS) for a, b in zip(inside, inside[1:])]


def pump_until(app, condition, timeout_s: float) -> bool:
    """Run the event loop as the app does (QEventLoop.exec, which lets other threads have the GIL
    while it waits) until ``condition()`` holds; a 20 ms timer checks it."""
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.perf_counter() + timeout_s
    if condition():
        return True
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(20)
    check.timeout.connect(lambda: (condition() or time.perf_counter() > deadline) and loop.quit())
    check.start()
    loop.exec()
    check.stop()
    return condition()


def report(name: str, stalls: list[float]) -> str:
    return (
        f"{name:<22} ticks {len(stalls) + 1:6d}   stall p50 {percentile(stalls, 50):6.1f} ms   "
        f"p99 {percentile(stalls, 99):6.1f} ms   max {max(stalls, default=float('nan')):7.1f} ms"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--latency", type=float, default=0.2)
    ap.add_argument("--in-process", action="store_true", help="serve from a thread of this process")
    ap.add_argument("--platform", default="offscreen", help="Qt platform plugin (xcb needs a display)")
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", args.platform)
    with tempfile.TemporaryDirectory() as home:
        os.environ["LLM_PATH_ADVISOR_HOME"] = home  # no real settings touched
        with server(args.latency, args.in_process, True) as base_url:
            run(args, Path(home), base_url)


def run(args, home: Path, base_url: str) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.results.page import ResultsPage
    from desktop_app.ui.run.page import RunPage
    from desktop_app.ui.tasks import shutdown_all

    app = QApplication.instance() or QApplication([sys.argv[0]])
    project = make_project(home, args.requests, base_url, args.concurrency)
    page, results = RunPage(), ResultsPage()
    page.project_modified.connect(results.on_project_modified)
    page.resize(900, 700)
    results.resize(1000, 700)
    page.show()
    results.show()
    page.set_project(project)
    results.set_project(project)
    sampler = Sampler()
    sampler.start()
    t_open = time.perf_counter()
    assert pump_until(app, lambda: page.plan is not None, 120), "the estimate never came"
    t_planned = time.perf_counter()
    pump_until(app, lambda: False, 1.0)  # a quiet second for the idle baseline
    t_start = time.perf_counter()
    assert page.start(), "the run did not start"
    assert pump_until(app, lambda: not page.is_running(), 600), "the run never finished"
    t_done = time.perf_counter()
    settled = pump_until(
        app,
        lambda: not (page.load_runner.is_running() or page.plan_runner.is_running() or results.loader.is_running()),
        120,
    )
    pump_until(app, lambda: False, 0.3)
    t_after = time.perf_counter()
    sampler.timer.stop()
    ideal = args.requests * args.latency / args.concurrency
    where = "in-process thread" if args.in_process else "separate process"
    print(
        f"{args.requests} requests, concurrency {args.concurrency}, latency {args.latency * 1000:.0f} ms, "
        f"server: {where}, Qt platform {app.platformName()}"
    )
    print(f"open + estimate        {t_planned - t_open:6.2f} s")
    print(f"run (Start -> done)    {t_done - t_start:6.2f} s   ideal {ideal:.2f} s   {page.outcome_text}")
    print(f"refresh after the run  {t_after - t_done:6.2f} s{'' if settled else ' (did not settle)'}")
    print(report("idle", sampler.stalls(t_planned, t_start)))
    print(report("open + estimate", sampler.stalls(t_open, t_planned)))
    print(report("run", sampler.stalls(t_start, t_done)) + "   (goal p99 < 50 ms)")
    print(report("refresh after the run", sampler.stalls(t_done, t_after)))
    page.close()
    results.close()
    shutdown_all(5000)


if __name__ == "__main__":
    main()
