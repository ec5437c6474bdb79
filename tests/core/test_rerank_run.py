"""Re-ranking in a run: counted in the estimate without a model call, made only once the run starts."""

from __future__ import annotations

from desktop_app.cli import main
from desktop_app.core.project.folder import Project
from tests.core.test_knowledge_cli import FACTS, _docs, _project
from tests.scripted_server import last_user_text, rating_rule

ANSWERS = {q: a for q, (a, _s) in FACTS.items()}


def _answer(request: dict) -> str:
    text = last_user_text(request)
    return next((a for q, a in ANSWERS.items() if q in text), "I do not know.")


def _rerank_project(tmp_path, server):
    project_dir = _project(tmp_path)
    assert main(["connect", str(project_dir), "--base-url", server.base_url, "--model", "gpt-4o-mini"]) == 0
    assert main(["knowledge-add", str(project_dir), str(_docs(tmp_path / "docs"))]) == 0
    project = Project.open(project_dir)
    project.set_section("knowledge", {**project.section("knowledge"), "rerank": True})
    server.chat_rule = rating_rule(ANSWERS, _answer)
    return project_dir, project


def _ratings(server) -> int:
    return sum("Rate from 0" in last_user_text(r) for r in server.chat_requests())


def test_the_estimate_counts_re_ranking_without_calling_the_model(tmp_path, scripted_server, capsys):
    """Planning a re-ranked RAG run makes no chat call; its estimate names the rating calls and their cost."""
    from desktop_app.core.run.project import plan_run

    project_dir, project = _rerank_project(tmp_path, scripted_server)
    est = plan_run(project, ["rag"])
    assert scripted_server.count() == 0
    passages = 7  # six manuals and the notes: every question gets all of them rated
    assert est.rerank_calls == len(FACTS) * passages and est.rerank_cached == 0
    assert est.calls >= len(FACTS) + est.rerank_calls and est.rerank_tokens > 0  # (+ a judge call or so)
    assert est.rerank_cost_usd is not None and 0 < est.rerank_cost_usd < est.cost_usd
    assert est.to_dict()["rerank_calls"] == est.rerank_calls
    # The CLI's prompt shows it and, declined, sends nothing at all.
    capsys.readouterr()
    assert main(["run", str(project_dir), "--variants", "rag"]) != 0  # no terminal to confirm on
    assert "re-ranking: 42 rating calls" in capsys.readouterr().out
    assert scripted_server.count() == 0


def test_the_run_re_ranks_after_agreement_and_a_second_run_pays_nothing(tmp_path, scripted_server, capsys):
    """Once agreed, the ratings are made, RAG prompts carry the re-ranked passages, and nothing is paid twice."""
    from desktop_app.core.run.project import plan_run
    from desktop_app.core.run.store import ResultStore
    from desktop_app.core.variants.variant import preset, save_variants

    project_dir, project = _rerank_project(tmp_path, scripted_server)
    assert main(["run", str(project_dir), "--variants", "rag", "--yes"]) == 0
    assert _ratings(scripted_server) == len(FACTS) * 7
    assert scripted_server.count() == len(FACTS) * 7 + len(FACTS)
    store = ResultStore(project.results_db)
    (run,) = store.runs()
    rows = store.results(run.id)
    assert len(rows) == len(FACTS) and all(r.error is None for r in rows)
    for r in rows:  # the passage holding the answer was rated 10 and leads the prompt
        assert r.passages[0].score == 1.0
        assert r.output in r.passages[0].text
    assert all(r.cost and r.cost > 0 for r in rows)  # each row's cost carries its question's ratings
    store.close()

    before = scripted_server.count()
    capsys.readouterr()
    assert main(["run", str(project_dir), "--variants", "rag", "--yes"]) == 0
    assert scripted_server.count() == before  # nothing left: no rating, no answer

    # Another RAG variant over the same questions: the ratings are known, so they are free and the
    # estimate is exact (its requests are the re-ranked ones); only its answers are sent.
    save_variants(Project.open(project_dir), [preset("rag", name="rag_brief", system="Answer briefly.")])
    est = plan_run(Project.open(project_dir), ["rag_brief"])
    assert (est.rerank_calls, est.rerank_cached) == (0, len(FACTS) * 7)
    assert est.calls - len(FACTS) <= 1  # its answers (and the judge's usual allowance for an unsure one)
    assert scripted_server.count() == before
    assert main(["run", str(project_dir), "--variants", "rag_brief", "--yes"]) == 0
    assert scripted_server.count() == before + len(FACTS) and _ratings(scripted_server) == len(FACTS) * 7


def test_a_stopped_re_ranked_run_resumes_without_paying_ratings_or_answers_again(tmp_path, scripted_server):
    """Stopped after its ratings and a few answers, a re-ranked run resumes with the ratings free and only the rest sent."""
    from desktop_app.core.run.project import plan_run, run_variants

    import time

    _project_dir, project = _rerank_project(tmp_path, scripted_server)
    scripted_server.chat_rule = rating_rule(ANSWERS, lambda request: time.sleep(0.2) or _answer(request))
    answered: list[dict] = []
    run_variants(
        project,
        ["rag"],
        progress=lambda e: answered.append(e) if e["event"] == "progress" else None,
        should_stop=lambda: len(answered) >= 2,
        concurrency=1,
    )
    assert _ratings(scripted_server) == len(FACTS) * 7
    paid_answers = scripted_server.count() - _ratings(scripted_server)
    assert 2 <= paid_answers < len(FACTS)
    est = plan_run(project, ["rag"])
    assert est.rerank_calls == 0 and est.rerank_cached > 0  # the missing rows' ratings are known: free
    before = scripted_server.count()
    (summary,) = run_variants(project, ["rag"])
    assert summary.rows == len(FACTS) and summary.errors == 0
    assert _ratings(scripted_server) == len(FACTS) * 7  # no rating twice
    assert scripted_server.count() - before == len(FACTS) - paid_answers  # only the answers still missing
