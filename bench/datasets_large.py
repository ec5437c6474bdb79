"""Import a large generated evaluation set and print the time and peak memory.

    .venv/bin/python bench/datasets_large.py            # 200 MB CSV
    .venv/bin/python bench/datasets_large.py --mb 50 --format jsonl --heap

Peak memory is the growth of the process's peak RSS during the import (the kernel's peak
is reset just before it). ``--heap`` adds a second, traced import that reports the Python
heap peak (tracemalloc slows it several-fold, so the time comes from the first import).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop_app.core.data.rows import import_dataset  # noqa: E402
from desktop_app.core.project.folder import Project  # noqa: E402


def write_file(path: Path, megabytes: float, fmt: str) -> int:
    """Mixed Japanese/English rows of ~230 bytes until the file reaches ``megabytes``."""
    target = int(megabytes * 1024 * 1024)
    rows = 0
    filler = "補足説明 " * 8 + "some English words to pad the row"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        if fmt == "csv":
            fh.write("id,質問,正解,カテゴリ\n")
        while fh.tell() < target:
            rows += 1
            question = f"質問 {rows}: {filler}"
            answer = f"答え {rows * 7 % 1000}"
            if fmt == "csv":
                fh.write(f'q{rows},"{question}",{answer},cat{rows % 13}\n')
            else:
                fh.write(
                    json.dumps(
                        {"id": f"q{rows}", "question": question, "answer": answer, "category": f"cat{rows % 13}"},
                        ensure_ascii=False,
                    )
                    + "\n"
                )
    return rows


def _status_mb(key: str) -> float:
    match = re.search(key + r":\s+(\d+)", Path("/proc/self/status").read_text())
    return int(match.group(1)) / 1024


def reset_peak() -> float:
    """Current RSS, with the kernel's peak reset to it (Linux); getrusage's peak would also
    count the parent's RSS from before exec and everything before the import."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return _status_mb("VmRSS")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_rss_mb() -> float:
    try:
        return _status_mb("VmHWM")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=200)
    parser.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    parser.add_argument("--examples", type=int, default=100)
    parser.add_argument("--heap", action="store_true", help="also measure the Python heap peak")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"large.{args.format}"
        rows = write_file(src, args.mb, args.format)
        size_mb = src.stat().st_size / 2**20
        warm = Path(tmp) / "warm.csv"
        write_file(warm, 1, "csv")
        import_dataset(Project.create(Path(tmp) / "warm"), warm)  # lazy imports and allocator arenas

        project = Project.create(Path(tmp) / "p1")
        base_rss = reset_peak()
        start = time.perf_counter()
        section = import_dataset(project, src, examples=args.examples, seed=1)
        elapsed = time.perf_counter() - start
        rss_growth = peak_rss_mb() - base_rss

        heap_peak = None
        if args.heap:
            tracemalloc.start()
            import_dataset(Project.create(Path(tmp) / "p2"), src, examples=args.examples, seed=1)
            heap_peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()

    print(f"file: {size_mb:.1f} MB {args.format}, {rows:,} rows ({section['rows']:,} imported)")
    print(f"import time: {elapsed:.2f} s ({size_mb / elapsed:.1f} MB/s, {elapsed / rows * 1e6:.1f} us/row)")
    print(f"peak RSS growth during import: {rss_growth:.1f} MB")
    if heap_peak is not None:
        print(f"peak Python heap during import (tracemalloc): {heap_peak:.1f} MB")


if __name__ == "__main__":
    main()
