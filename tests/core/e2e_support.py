"""Builders for the advisor's end-to-end scenarios (tests/core/test_e2e_advice.py).

A fictional drone maker, Halvgard Robotics, whose facts no model can know: each fact lives in
one small document. Projects are built only through the CLI (`new`, `connect`, `check-add`,
`knowledge-add`, `run`, `advise`), and the scripted model's rules are built from the facts, so
the right advice is known by construction:

- ``answers(...)``: knows a fact only when its passage is in the prompt (or always, for a
  strong model), may ignore the passage on chosen rows, may fail with HTTP 500 on chosen rows;
- the JSON format is followed only with instructions (chosen rows) or examples (all but the
  stubborn rows), otherwise the same facts come back as prose.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from desktop_app.cli import main
from desktop_app.core.data.rows import load_rows
from desktop_app.core.project.folder import Project
from desktop_app.core.variants.variant import INSTRUCTIONS
from tests.scripted_server import Reply, last_user_text, prompt_text

COMPANY = "Halvgard Robotics"
DECOY = "Norhaven"  # the fabricated answer of a model that ignores its passages: in no document


@dataclass(frozen=True)
class Fact:
    id: str
    question: str
    answer: str
    passage: str  # the one document that holds the answer


def _facts() -> tuple[Fact, ...]:
    c = COMPANY
    rows = [
        (
            "In which town is the main assembly plant of {c}?",
            "Tessavik",
            "Main assembly plant. {c} builds its drones at the main assembly plant in Tessavik.",
        ),
        (
            "Who is the chief executive of {c}?",
            "Maren Oyelaran",
            "Leadership. The chief executive of {c} is Maren Oyelaran, appointed by the board.",
        ),
        (
            "How long is the warranty on the {c} HX-40 drone?",
            "27 months",
            "Warranty terms. Every HX-40 drone sold by {c} carries a warranty of 27 months.",
        ),
        (
            "What is the name of the {c} mascot?",
            "Bristlewick",
            "Brand mascot. The {c} mascot is a felt owl called Bristlewick.",
        ),
        (
            "Which chat tool do {c} employees use internally?",
            "Pellucid",
            "Internal tools. Employees of {c} talk to each other in the chat tool Pellucid.",
        ),
        ("In which year was {c} founded?", "1987", "Company history. {c} was founded in a garage in 1987."),
        (
            "What battery chemistry does the {c} HX-40 use?",
            "lithium sulfur",
            "Battery. The HX-40 from {c} runs on a lithium sulfur battery pack.",
        ),
        (
            "Which prize did {c} win for its rotor design?",
            "Gravenor Prize",
            "Awards. The rotor design of {c} won the Gravenor Prize for engineering.",
        ),
        (
            "What is the annual customer conference of {c} called?",
            "Skyforge Summit",
            "Events. Each spring {c} hosts its customer conference, the Skyforge Summit.",
        ),
        (
            "Where is the research laboratory of {c}?",
            "Ulvenes Fjord",
            "Research. The research laboratory of {c} sits on the shore of Ulvenes Fjord.",
        ),
        (
            "What is the name of the headquarters building of {c}?",
            "Corvane Tower",
            "Headquarters. The head office of {c} occupies the Corvane Tower.",
        ),
        (
            "What are the brand colours of {c}?",
            "saffron and teal",
            "Brand guide. The brand colours of {c} are saffron and teal.",
        ),
        (
            "What is the {c} loyalty programme called?",
            "Wingmark Circle",
            "Loyalty. Frequent customers of {c} join the loyalty programme Wingmark Circle.",
        ),
        (
            "Which company supplies the camera sensor of the {c} HX-40?",
            "Oriel Optics",
            "Suppliers. The camera sensor in the HX-40 of {c} comes from Oriel Optics.",
        ),
        (
            "What is the spare part code of the {c} HX-40 rotor?",
            "RT-7731",
            "Spare parts. The replacement rotor for the {c} HX-40 has part code RT-7731.",
        ),
        (
            "How many days do customers of {c} have to return a drone?",
            "45 days",
            "Returns. Customers of {c} may return a drone within 45 days of delivery.",
        ),
        ("Who founded {c}?", "Sunniva Brekke", "Founders. {c} was started by the engineer Sunniva Brekke."),
        (
            "What is the staff cafeteria of {c} called?",
            "Copper Kettle",
            "Campus. Staff of {c} eat lunch at the cafeteria named Copper Kettle.",
        ),
        (
            "Where does {c} flight-test its drones?",
            "Kvalsund Range",
            "Testing. New drones of {c} are flight-tested at the Kvalsund Range.",
        ),
        (
            "What is the name of the {c} drone delivery service?",
            "Tern Express",
            "Services. The drone delivery service of {c} is sold as Tern Express.",
        ),
    ]
    return tuple(Fact(f"q{i:02d}", q.format(c=c), a, p.format(c=c)) for i, (q, a, p) in enumerate(rows, 1))


FACTS = _facts()


def facts(n: int) -> tuple[Fact, ...]:
    return FACTS[:n]


def json_answer(fact: Fact) -> str:
    return json.dumps({"answer": fact.answer})


# -- files and projects ---------------------------------------------------------------------------
def write_dataset(path: Path, items: Iterable[Fact], *, as_json: bool = False, shuffle_seed: int | None = None) -> Path:
    """A JSONL evaluation set (id, question, answer); ``shuffle_seed`` writes the rows in another order."""
    items = list(items)
    if shuffle_seed is not None:
        random.Random(shuffle_seed).shuffle(items)
    lines = [
        json.dumps({"id": f.id, "question": f.question, "answer": json_answer(f) if as_json else f.answer})
        for f in items
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_documents(folder: Path, items: Iterable[Fact]) -> Path:
    """One markdown file per fact, so leaving a file out removes exactly that fact from the index."""
    folder.mkdir(parents=True, exist_ok=True)
    for f in items:
        (folder / f"{f.id}.md").write_text(f"# {COMPANY} handbook\n\n{f.passage}\n", encoding="utf-8")
    return folder


def cli(*argv: str) -> None:
    code = main([str(a) for a in argv])
    assert code == 0, f"{argv[0]} exited {code}"


def new_project(
    tmp_path: Path,
    server,
    items: Iterable[Fact],
    *,
    as_json: bool = False,
    examples: int = 0,
    shuffle_seed: int | None = None,
    name: str = "proj",
) -> Path:
    """`new` + `connect` to the scripted server; retries kept short so injected 500s fail fast."""
    data = write_dataset(tmp_path / f"{name}.jsonl", items, as_json=as_json, shuffle_seed=shuffle_seed)
    root = tmp_path / name
    cli("new", root, "--dataset", data, "--examples", examples)
    cli("connect", root, "--base-url", server.base_url, "--model", "gpt-4o-mini")
    Project.open(root).set_section(
        "run_settings",
        {"concurrency": 8, "timeout_s": 10, "max_retries": 2, "backoff_base_s": 0.01, "backoff_max_s": 0.02},
    )
    return root


def split_ids(root: Path) -> tuple[list[str], list[str]]:
    """(evaluation row ids, examples-pool ids) as the dataset import chose them, sorted."""
    rows, pool = load_rows(Project.open(root))
    return sorted(r.id for r in rows), sorted(r.id for r in pool)


def add_documents(tmp_path: Path, root: Path, items: Iterable[Fact], folder: str = "docs") -> Path:
    docs = write_documents(tmp_path / folder, items)
    cli("knowledge-add", root, docs)
    return docs


def run(root: Path, *variants: str, expect: int = 0) -> None:
    """`run` the variants; ``expect`` 3 when some rows are meant to end in errors (the exit code says so)."""
    code = main(["run", str(root), "--yes", "--concurrency", "8", "--variants", ",".join(variants)])
    assert code == expect, f"run exited {code}, not {expect}"


def advise(root: Path, capsys, *extra: str) -> dict:
    capsys.readouterr()
    cli("advise", root, "--json", *extra)
    return json.loads(capsys.readouterr().out)


def evidence(advice: dict, kind: str) -> list[dict]:
    return [e for e in advice["evidence"] if e["kind"] == kind]


def checklist_numbers(advice: dict, cid: str) -> dict:
    return next(c["numbers"] for c in advice["checklist_details"] if c["id"] == cid)


# -- the scripted model -----------------------------------------------------------------------------
def fact_of(request: dict) -> Fact:
    asked = last_user_text(request)
    return next(f for f in FACTS if f.question in asked)


def has_instructions(request: dict) -> bool:
    return any(m.get("role") == "system" and INSTRUCTIONS in str(m.get("content")) for m in request["messages"])


def has_examples(request: dict) -> bool:
    return any(m.get("role") == "assistant" for m in request["messages"])


# How real models word the same facts. "exact" is the old scripted model; the others are how
# hosted and local models actually answer, and the advice must not depend on which one it is.
STYLES = ("exact", "verbose", "paraphrased")
# Paraphrases text alone cannot match to the expected answer (a judge can): the scripted judge
# below knows them, as a judge model would.
PARAPHRASES = {
    "27 months": "two years and three months",
    "45 days": "six weeks and three days",
    "1987": "the late eighties, in 1987",
    "saffron and teal": "teal and saffron",
}
REFUSALS = {
    "exact": "I do not have that information.",
    "verbose": "I'm sorry, but I don't have any information about that. You may want to contact the company directly.",
    "paraphrased": "Unfortunately I can't find that in what I know.",
}


def styled(value: str, style: str) -> str:
    """The words a model of this style wraps a fact in."""
    if style == "verbose":
        return (
            f"Great question! Based on the information available, the answer is {value}. Let me know if "
            "you need anything else."
        )
    if style == "paraphrased":
        return f"That would be {PARAPHRASES.get(value, value)}."
    return f"{value}."


def _judge_reply(request: dict) -> str | None:
    """Grades a factuality request as a judge model would (category first); None: not a judge request."""
    system = str(request["messages"][0].get("content", ""))
    if "grade the factual content" not in system:
        return None
    user = last_user_text(request)
    reference = user.split("REFERENCE:\n", 1)[1].split("\n\nANSWER:\n", 1)[0].strip()
    answer = user.split("\n\nANSWER:\n", 1)[1].lower()
    if any(r.lower()[:20] in answer for r in REFUSALS.values()):
        return "Category: F\nThe answer declines to answer."
    said = {reference.lower(), PARAPHRASES.get(reference, reference).lower()}
    try:
        said.add(str(json.loads(reference)["answer"]).lower())
    except (ValueError, KeyError, TypeError):
        pass
    if any(s in answer for s in said):
        return "Category: B\nThe answer states the reference's fact."
    return "Category: D\nThe answer names something else."


def answers(
    *,
    knows_without_passage: bool = False,
    ignores: Iterable[str] = (),
    fails: Iterable[str] = (),
    json_with_examples: bool = False,
    json_with_instructions: Iterable[str] = (),
    stubborn: Iterable[str] = (),
    style: str = "exact",
) -> Callable[[dict], str | Reply]:
    """A chat rule over the facts.

    Content: right when the fact's passage is in the prompt (every row when
    ``knows_without_passage``), except rows in ``ignores``, which answer the decoy even with the
    passage in front of them; without the passage: "I do not have that information."
    Form: prose, unless JSON is asked for by examples in the prompt (``json_with_examples``; all
    rows but ``stubborn``) or by instructions alone (rows in ``json_with_instructions``).
    Rows in ``fails`` always get HTTP 500 (retries are exhausted). ``style`` words the prose
    answers and refusals as real models do (STYLES); judge requests are graded as a judge would.
    """
    ignores, fails, stubborn, instructed = set(ignores), set(fails), set(stubborn), set(json_with_instructions)

    def rule(request: dict) -> str | Reply:
        graded = _judge_reply(request)
        if graded is not None:
            return graded
        fact = fact_of(request)
        if fact.id in fails:
            return Reply("scripted outage", status=500)
        in_prompt = fact.answer in prompt_text(request)
        if fact.id in ignores:
            value = DECOY
        elif in_prompt or knows_without_passage:
            value = fact.answer
        else:
            return REFUSALS[style]
        as_json = fact.id not in stubborn and (
            (json_with_examples and has_examples(request)) or (fact.id in instructed and has_instructions(request))
        )
        if as_json:
            return json.dumps({"answer": value})
        return f"Answer: {value}" if json_with_examples or instructed else styled(value, style)

    return rule
