"""Re-ranking in the retrieval lab: its cost shown first (no call), then measured with the model."""

from __future__ import annotations

import json
from pathlib import Path

from desktop_app.cli import main
from desktop_app.core.knowledge.lab import Grid
from desktop_app.core.knowledge.sweep import sweep
from desktop_app.core.project.folder import Project
from tests.scripted_server import rating_rule

# question -> (answer, the sentence holding it); each product also has a brochure that repeats the
# question's words without the answer, so keyword and meaning search put the brochure first.
FACTS = {
    "How long does the Orion Aurora battery last?": ("14 hours", "Orion Aurora: charged fully, expect 14 hours."),
    "How heavy is the Vela Breeze?": ("820 grams", "Vela Breeze: the scale says 820 grams."),
    "What is the warranty of the Lyra Comet?": ("36 months", "Lyra Comet: covered for 36 months."),
    "How loud is the Juno Flux?": ("62 decibels", "Juno Flux: measured at 62 decibels."),
}
ANSWERS = {q: a for q, (a, _s) in FACTS.items()}
SMALL = Grid(chunkings=((300, 0),), top_ks=(1, 3), weights=(0.4,), embeddings=("offline:hash",), tokenizers=("bigram",))


def _brochure(question: str) -> str:
    words = question.rstrip("?")
    return f"{words}? {words}! Everyone asks: {words}. Ask your dealer how long, how heavy, how loud."


def _project(tmp_path: Path, server=None) -> Path:
    data = tmp_path / "eval.csv"
    data.write_text(
        "id,question,answer\n" + "".join(f"q{i},{q},{a}\n" for i, (q, a) in enumerate(ANSWERS.items())),
        encoding="utf-8",
    )
    docs = tmp_path / "docs"
    docs.mkdir()
    for i, (q, (_a, sentence)) in enumerate(FACTS.items()):
        (docs / f"manual{i}.md").write_text(sentence, encoding="utf-8")
        (docs / f"brochure{i}.md").write_text(_brochure(q), encoding="utf-8")
    project = tmp_path / "proj"
    assert main(["new", str(project), "--dataset", str(data)]) == 0
    if server is not None:
        assert main(["connect", str(project), "--base-url", server.base_url, "--model", "gpt-4o-mini"]) == 0
    assert main(["knowledge-add", str(project), str(docs)]) == 0
    return project


def test_lab_re_ranking_shows_its_cost_first_then_raises_mrr(tmp_path, scripted_server):
    """The lab prices re-ranking without a call; once agreed, the model's ratings lift the answers to the top."""
    from desktop_app.core.knowledge.lab import adopt
    from desktop_app.core.run import lab_rerank

    scripted_server.chat_rule = rating_rule(ANSWERS)
    project = Project.open(_project(tmp_path, scripted_server))
    assert lab_rerank.available(project) == (True, "")
    result = sweep(project, SMALL)
    found, cost = lab_rerank.plan(project, result)
    assert scripted_server.count() == 0
    assert cost.settings == 3 and cost.calls > 0 and cost.tokens > 0 and cost.cost_usd and cost.cached == 0
    new = lab_rerank.perform(project, result, found)
    assert scripted_server.count() == cost.calls
    reranked = [t for t in new.trials if t.reranked]
    assert len(reranked) == 3 and len(new.trials) == len(result.trials) + 3
    plain = {t.setting: t for t in result.trials}
    for t in reranked:
        assert t.mrr > plain[t.setting].mrr and t.mrr == 1.0
    assert new.best.reranked and new.improves
    # Planned again, every rating is known: free, and nothing is sent.
    again, cost2 = lab_rerank.plan(project, result)
    assert (cost2.calls, cost2.cached) == (0, cost.calls) and scripted_server.count() == cost.calls
    adopt(project, new.best.setting, rerank=True)
    assert Project.open(project.root).section("knowledge")["rerank"] is True


def test_offline_projects_cannot_re_rank_in_the_lab(tmp_path, capsys):
    """An offline project says why re-ranking is not offered, and the CLI refuses --rerank before sweeping."""
    from desktop_app.core.run import lab_rerank

    project_dir = _project(tmp_path)
    ok, why = lab_rerank.available(Project.open(project_dir))
    assert not ok and "offline" in why
    capsys.readouterr()
    assert main(["readiness", str(project_dir), "--sweep", "--rerank", "--yes"]) == 2
    assert "offline" in capsys.readouterr().err


def test_readiness_sweep_rerank_prints_the_cost_and_asks(tmp_path, scripted_server, capsys, monkeypatch):
    """`readiness --sweep --rerank` prints the rating calls and their cost, and calls nothing unless agreed."""
    scripted_server.chat_rule = rating_rule(ANSWERS)
    project_dir = _project(tmp_path, scripted_server)
    monkeypatch.setattr("desktop_app.core.knowledge.lab.Grid", lambda **kw: Grid(**kw) if kw else SMALL)
    capsys.readouterr()
    assert main(["readiness", str(project_dir), "--sweep", "--rerank"]) == 2  # no terminal to ask on
    assert scripted_server.count() == 0
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda _prompt="": "n")
    assert main(["readiness", str(project_dir), "--sweep", "--rerank", "--json"]) == 1
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert "rating calls" in captured.err and out["rerank"]["done"] is False and out["rerank"]["calls"] > 0
    assert scripted_server.count() == 0 and not any(t["reranked"] for t in out["trials"])
    assert main(["readiness", str(project_dir), "--sweep", "--rerank", "--yes", "--adopt"]) == 0
    text = capsys.readouterr().out
    assert "re-ranking the 3 best settings" in text and ", re-ranked" in text and "adopted" in text
    assert scripted_server.count() == out["rerank"]["calls"]
    assert Project.open(project_dir).section("knowledge")["rerank"] is True


def test_lab_re_ranking_waits_out_a_rate_limit_and_rates_every_passage(tmp_path, scripted_server):
    """A provider's 429s during the ratings are waited out and retried: every passage is still rated, so
    re-ranking lifts every answer to the top, and the wait is reported to the progress bar."""
    from desktop_app.core.run import lab_rerank

    scripted_server.chat_rule = rating_rule(ANSWERS)
    project = Project.open(_project(tmp_path, scripted_server))
    result = sweep(project, SMALL)
    found, cost = lab_rerank.plan(project, result)
    scripted_server.fail_next(40, status=429, retry_after=0.05)  # more than the SDK's own retries absorb
    events: list[dict] = []
    new = lab_rerank.perform(project, result, found, progress=events.append)
    reranked = [t for t in new.trials if t.reranked]
    assert len(reranked) == 3 and all(t.mrr == 1.0 for t in reranked)
    assert max(e["rate_limited"] for e in events) > 0 and events[-1]["done"] == cost.calls
