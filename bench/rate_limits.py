"""Rate limits and faults as providers have them, met by the real runner (prints figures).

    .venv/bin/python bench/rate_limits.py [--requests 600] [--per-minute 1200] [--latency 0.2]
                                          [--concurrency 32] [--faults 0.2]

1. A provider's limit: a loopback OpenAI-compatible server with a token bucket of PER_MINUTE
   requests (burst = one second's worth), 429 at once with Retry-After / retry-after-ms /
   x-ratelimit-* headers, LATENCY s per answer. Ideal: the limit's own pace. Reported: wall time,
   wall / ideal (goal at most 1.15), rows answered, rows recorded as errors, 429s met.
2. A tokens-per-minute limit: RAG-sized prompts (~3,000 characters, ~1,100 tokens a request with
   the 256-token output cap) against a bucket of TPM tokens (burst = one second's worth) that
   sends x-ratelimit-*-tokens headers. Reported: wall time vs ideal, rows, errors, 429s met.
3. Faults: the same run without a limit but FAULTS of the requests answered 500 or 429 at random;
   reported: rows answered and rows lost (goal: none lost).
Loopback only; every loop is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import openai  # noqa: E402

from desktop_app.core.records import Row  # noqa: E402
from desktop_app.core.run.plan import prepare_variant  # noqa: E402
from desktop_app.core.run.runner import RunOptions, execute_run  # noqa: E402
from desktop_app.core.run.store import ResultStore  # noqa: E402
from desktop_app.core.variants import preset  # noqa: E402
from tests.scripted_server import RateLimit, Reply, ScriptedServer, TokenRateLimit, last_user_text  # noqa: E402


def _rows(n: int) -> list[Row]:
    return [Row(id=f"r{i}", input=f"What is item {i}?", expected=f"answer {i}") for i in range(n)]


PASSAGE = (
    "The warranty covers parts and labour for two years from the date of purchase and the battery "
    "for one year; damage from water or dropping is not covered. "
) * 22


def _run(
    server: ScriptedServer, n: int, concurrency: int, retries: int = 4, long: bool = False
) -> tuple[float, int, int]:
    rows = [Row(id=r.id, input=f"{PASSAGE} {r.input}", expected=r.expected) for r in _rows(n)] if long else _rows(n)
    with tempfile.TemporaryDirectory() as tmp, ResultStore(Path(tmp) / "results.sqlite") as store:
        prepared = prepare_variant(
            store, preset("baseline"), "gpt-4o-mini", rows, cap_param="max_tokens" if long else None
        )
        run = store.create_run("baseline", [], model="gpt-4o-mini", fingerprint=prepared.fingerprint)
        client = openai.AsyncOpenAI(base_url=server.base_url, api_key=server.api_key, max_retries=0)
        options = RunOptions(
            concurrency=concurrency, timeout_s=30, max_retries=retries, backoff_base_s=0.05, backoff_max_s=1.0
        )
        started = time.perf_counter()
        asyncio.run(execute_run(client, store, run, prepared.pending, options=options, model="gpt-4o-mini"))
        wall = time.perf_counter() - started
        results = store.results(run.id)
        return wall, sum(r.error is None for r in results), sum(r.error is not None for r in results)


def _server_cost(n: int) -> float:
    """Tokens the scripted server charges one long request: characters / 4 + max_tokens (256)."""
    rows = [Row(id="r", input=f"{PASSAGE} What is item {n - 1}?", expected="answer")]
    from desktop_app.core.run.plan import plan_requests  # noqa: PLC0415
    from tests.scripted_server import prompt_text  # noqa: PLC0415

    (req,) = plan_requests(preset("baseline"), "gpt-4o-mini", rows, (), None, ("max_tokens", 256))
    return len(prompt_text(req.body)) // 4 + 1 + 256


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--per-minute", type=float, default=1200)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--faults", type=float, default=0.2)
    parser.add_argument("--tpm", type=float, default=600_000, help="tokens per minute of scenario 2")
    args = parser.parse_args()

    with ScriptedServer(latency=args.latency) as server:
        server.chat_rule = lambda req: "answer " + last_user_text(req).rstrip("?").split()[-1]
        server.rate_limit = RateLimit(per_minute=args.per_minute, burst=args.per_minute / 60)
        burst = args.per_minute / 60
        ideal = max(0.0, args.requests - burst) / (args.per_minute / 60) + args.latency
        wall, answered, errors = _run(server, args.requests, args.concurrency)
        print(
            f"rate limit {args.per_minute:.0f}/min, {args.requests} requests, concurrency {args.concurrency}, "
            f"{args.latency * 1000:.0f} ms per answer"
        )
        print(f"  wall {wall:.1f} s, ideal {ideal:.1f} s, wall/ideal {wall / ideal:.3f} (goal <= 1.15)")
        print(
            f"  answered {answered}/{args.requests}, recorded as errors {errors}, 429s met {server.rate_limit.limited}"
        )

    with ScriptedServer(latency=args.latency) as server:
        server.chat_rule = lambda req: "answer " + last_user_text(req).rstrip("?").split()[-1]
        server.token_limit = TokenRateLimit(per_minute=args.tpm, burst=args.tpm / 60)
        n = args.requests // 2
        wall, answered, errors = _run(server, n, args.concurrency, long=True)
        limit = server.token_limit
        per_request = _server_cost(n)
        ideal = max(0.0, per_request * n - args.tpm / 60) / (args.tpm / 60) + args.latency
        print(
            f"tokens limit {args.tpm:,.0f}/min, {n} RAG-sized requests (~{per_request:,.0f} tokens each as the "
            f"server counts them), concurrency {args.concurrency}"
        )
        print(f"  wall {wall:.1f} s, ideal {ideal:.1f} s, wall/ideal {wall / ideal:.3f}")
        print(f"  answered {answered}/{n}, recorded as errors {errors}, 429s met {limit.limited}")

    with ScriptedServer(latency=0.02) as server:
        rng = random.Random(1)

        def flaky(req: dict):
            roll = rng.random()
            if roll < args.faults / 2:
                return Reply("scripted outage", status=500)
            if roll < args.faults:
                return Reply("slow down", status=429, headers={"retry-after-ms": "50"})
            return "answer " + last_user_text(req).rstrip("?").split()[-1]

        server.chat_rule = flaky
        n = min(args.requests, 1000)
        wall, answered, errors = _run(server, n, args.concurrency, retries=6)
        print(f"faults: {args.faults:.0%} of requests 500 or 429, {n} requests")
        print(
            f"  answered {answered}/{n}, recorded as errors {errors}, lost {n - answered - errors}, wall {wall:.1f} s"
        )


if __name__ == "__main__":
    main()
