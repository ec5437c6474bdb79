"""Runner throughput: 2,000 requests at concurrency 32 against the scripted server (200 ms latency).

Prints the runner's wall time, its ratio to the ideal (2000 x 0.2 / 32 s) and to a bare
AsyncOpenAI + asyncio.gather loop (a semaphore of 32) over the same requests in the same run,
and the runner's per-row scoring + storing overhead. Goals: runner/bare <= 1.05,
runner/ideal <= 1.25, overhead < 1 ms per row.

    .venv/bin/python -m bench.runner_throughput [--requests 2000] [--concurrency 32] [--latency 0.2]
        [--in-process]

By default the server runs in its own process (tests.scripted_server), so its HTTP handling
does not compete with the client for the GIL; ``--in-process`` runs it as a thread of this
process instead (both loops then pay for it alike). ``--nagle`` keeps the server's 40 ms
Nagle/delayed-ACK stall per response (see _SERVE below).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import openai

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.core import checks  # noqa: E402
from desktop_app.core.records import Row  # noqa: E402
from desktop_app.core.run.runner import RunOptions, execute_run  # noqa: E402
from desktop_app.core.run.plan import open_run, prepare_variant  # noqa: E402
from desktop_app.core.run.scoring import Scorer  # noqa: E402
from desktop_app.core.run.store import ResultStore  # noqa: E402
from desktop_app.core.variants.variant import preset  # noqa: E402

API_KEY = "sk-test-scripted-0000"


# The scripted server writes headers and body in two sends; without TCP_NODELAY, Nagle's algorithm
# holds the body until the client's delayed ACK (~40 ms), adding 40 ms to every request, which no
# real API does. socketserver's own switch turns it off (a no-op once the server sets it itself).
_SERVE = (
    "import sys; import tests.scripted_server as s; s._Handler.disable_nagle_algorithm = {nodelay}; "
    "sys.argv = ['scripted_server', '--latency', '{latency}']; s.main()"
)


@contextmanager
def server(latency: float, in_process: bool, nodelay: bool):
    if in_process:
        from tests import scripted_server

        scripted_server._Handler.disable_nagle_algorithm = nodelay
        with scripted_server.ScriptedServer(latency=latency) as s:
            yield s.base_url
        return
    proc = subprocess.Popen(
        [sys.executable, "-c", _SERVE.format(nodelay=nodelay, latency=latency)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        yield proc.stdout.readline().strip()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


async def bare(base_url: str, bodies: list[dict], concurrency: int) -> float:
    """The floor: the SDK alone, no retries, cache, scoring or storing."""
    client = openai.AsyncOpenAI(base_url=base_url, api_key=API_KEY, timeout=60)  # SDK retries on
    sem = asyncio.Semaphore(concurrency)

    async def one(body: dict) -> str:
        async with sem:
            resp = await client.chat.completions.create(**body)
            return resp.choices[0].message.content

    start = time.perf_counter()
    await asyncio.gather(*(one(b) for b in bodies))
    wall = time.perf_counter() - start
    await client.close()
    return wall


async def runner(base_url: str, store: ResultStore, prepared, scorer: Scorer, concurrency: int):
    client = openai.AsyncOpenAI(base_url=base_url, api_key=API_KEY)
    run = open_run(store, prepared)
    start = time.perf_counter()
    outcome = await execute_run(
        client,
        store,
        run,
        prepared.pending,
        scorer=scorer,
        options=RunOptions(concurrency=concurrency, timeout_s=60),
        total=prepared.total,
    )
    wall = time.perf_counter() - start
    await client.close()
    assert outcome.completed == len(prepared.pending) and outcome.errors == 0, outcome
    return wall, outcome


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--latency", type=float, default=0.2)
    ap.add_argument("--rounds", type=int, default=1, help="alternate bare/runner this many times")
    ap.add_argument("--in-process", action="store_true", help="serve from a thread of this process")
    ap.add_argument(
        "--nagle", action="store_true", help="leave the server's Nagle delay on (adds ~40 ms per request at the server)"
    )
    args = ap.parse_args()
    rows = [
        Row(f"r{i}", f"What is the warranty period of product {i}?", f"{i % 5 + 1} years") for i in range(args.requests)
    ]
    scorer = Scorer(specs=checks.default_checks([r.expected for r in rows]), evaluate=checks.evaluate_row)
    ideal = args.requests * args.latency / args.concurrency
    bare_walls, runner_walls, overheads = [], [], []
    with tempfile.TemporaryDirectory() as tmp, server(args.latency, args.in_process, not args.nagle) as base_url:
        for i in range(args.rounds):
            with ResultStore(Path(tmp) / f"results{i}.sqlite") as store:  # a fresh store: nothing cached
                prepared = prepare_variant(store, preset("baseline"), "gpt-4o-mini", rows)
                bodies = [r.body for r in prepared.pending]
                bare_walls.append(asyncio.run(bare(base_url, bodies, args.concurrency)))
                wall, outcome = asyncio.run(runner(base_url, store, prepared, scorer, args.concurrency))
                runner_walls.append(wall)
                overheads.append(outcome.overhead_per_row_ms)
                print(
                    f"round {i + 1}: bare {bare_walls[-1]:.2f} s, runner {wall:.2f} s, "
                    f"overhead {outcome.overhead_per_row_ms:.3f} ms/row",
                    flush=True,
                )
    b, r, o = statistics.median(bare_walls), statistics.median(runner_walls), statistics.median(overheads)
    where = ("in-process thread" if args.in_process else "separate process") + (
        ", Nagle on" if args.nagle else ", TCP_NODELAY"
    )
    print(
        f"{args.requests} requests, concurrency {args.concurrency}, latency {args.latency * 1000:.0f} ms, "
        f"server: {where}"
    )
    print(f"ideal           {ideal:7.2f} s")
    print(f"bare SDK loop   {b:7.2f} s   bare/ideal   {b / ideal:.3f}")
    print(f"runner          {r:7.2f} s   runner/ideal {r / ideal:.3f}   (goal <= 1.25)")
    print(f"runner/bare     {r / b:.3f}          (goal <= 1.05)")
    print(f"scoring+storing {o:.3f} ms per row (goal < 1 ms)")


if __name__ == "__main__":
    main()
