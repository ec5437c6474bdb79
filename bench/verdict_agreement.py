"""How often the content verdicts agree with a person, on a labelled set of real-looking answers.

    python -m bench.verdict_agreement [--details] [--data tests/data/verdict_labels.jsonl]

Prints agreement and Cohen's kappa of the offline verdicts (unsure counted as disagreement),
of the offline verdicts on decided rows only (with the unsure rate), and - when a judge is
configured by LPA_JUDGE_BASE_URL / LPA_JUDGE_MODEL (and LPA_JUDGE_API_KEY where the server
wants one) - of the judge deciding the rows the offline verdict left unsure, and every row.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop_app.core.checks import default_checks, evaluate_row  # noqa: E402
from desktop_app.core.checks.agreement import agreement  # noqa: E402
from desktop_app.core.records import Row, content_outcome  # noqa: E402

DATA = ROOT / "tests" / "data" / "verdict_labels.jsonl"


def load(path: Path = DATA) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def content_specs(items: list[dict]) -> list:
    """The content check the app would infer for this set (behaviour checks are another question)."""
    return [s for s in default_checks([i["expected"] for i in items]) if s.family == "content"]


def row_of(item: dict) -> Row:
    return Row(id=item["id"], input=item["question"], expected=item["expected"])


def offline_outcomes(items: list[dict]) -> list[str]:
    specs = content_specs(items)
    return [content_outcome(evaluate_row(specs, row_of(i), i["answer"])) or "unsure" for i in items]


def judge_outcomes(items: list[dict], mode: str) -> list[str] | None:
    """Outcomes with a judge model from the environment, or None when none is configured.

    The judge setting (``judge_mode``: decide the unsure rows or every row, its verdict replacing
    the lexical one) is not built yet; until it is, this reports nothing rather than a figure
    of the old ANDed judge."""
    import inspect  # noqa: PLC0415

    if "judge_mode" not in inspect.signature(evaluate_row).parameters:
        return None
    base_url, model = os.environ.get("LPA_JUDGE_BASE_URL"), os.environ.get("LPA_JUDGE_MODEL")
    if not (base_url and model):
        return None
    from openai import OpenAI  # noqa: PLC0415

    client = OpenAI(base_url=base_url, api_key=os.environ.get("LPA_JUDGE_API_KEY") or "not-needed")

    def judge(messages: list[dict]) -> str:
        resp = client.chat.completions.create(model=model, messages=messages, temperature=0, seed=0, max_tokens=200)
        return resp.choices[0].message.content or ""

    specs = content_specs(items)
    return [
        content_outcome(evaluate_row(specs, row_of(i), i["answer"], judge=judge, judge_mode=mode)) or "unsure"
        for i in items
    ]


def figures(items: list[dict], outcomes: list[str]) -> dict:
    labels = [i["label"] for i in items]
    strict = agreement(zip(outcomes, labels))
    decided = agreement(zip(outcomes, labels), skip_unsure=True)
    return {
        "rows": len(items),
        "agreement": strict.share,
        "kappa": strict.kappa,
        "decided_agreement": decided.share,
        "decided_kappa": decided.kappa,
        "unsure_rate": strict.unsure / len(items) if items else 0.0,
    }


def _line(name: str, f: dict) -> str:
    def pct(x):
        return "-" if x is None else f"{100 * x:.1f}%"

    def k(x):
        return "-" if x is None else f"{x:.3f}"

    return (
        f"{name:<28} agreement {pct(f['agreement'])}  kappa {k(f['kappa'])}  | decided rows: "
        f"agreement {pct(f['decided_agreement'])}  kappa {k(f['decided_kappa'])}  unsure {pct(f['unsure_rate'])}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--details", action="store_true", help="list every row the verdict got wrong or unsure")
    args = parser.parse_args(argv)
    items = load(args.data)
    offline = offline_outcomes(items)
    print(
        f"{len(items)} labelled answers ({Counter(i['lang'] for i in items)}), "
        f"labels {dict(Counter(i['label'] for i in items))}"
    )
    for lang in ("all", "en", "ja"):
        picked = [n for n, i in enumerate(items) if lang == "all" or i["lang"] == lang]
        print(_line(f"offline ({lang})", figures([items[n] for n in picked], [offline[n] for n in picked])))
    for mode in ("unsure", "all"):
        judged = judge_outcomes(items, mode)
        if judged is None:
            print("judge: not measured (needs LPA_JUDGE_BASE_URL and LPA_JUDGE_MODEL, and the judge_mode setting)")
            break
        print(_line(f"judge_mode={mode}", figures(items, judged)))
    if args.details:
        by_style = Counter()
        for item, got in zip(items, offline):
            if got != item["label"]:
                by_style[item["style"]] += 1
                print(
                    f"  {item['id']} [{item['style']}] person={item['label']} auto={got} | "
                    f"{item['expected']!r} <- {item['answer']!r}"
                )
        print("disagreements by style:", dict(by_style))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
