"""The retrieval lab: a sweep of retrieval settings measured by readiness, and adopting the best."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.core.errors import KnowledgeError
from desktop_app.core.knowledge.lab import Grid, adopt
from desktop_app.core.knowledge.readiness import readiness
from desktop_app.core.knowledge.sweep import sweep
from desktop_app.core.project.folder import Project
from desktop_app.core.sample import ensure_sample_project
from tests.core import lab_corpus

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample_project"


@pytest.fixture(scope="module")
def split_project(tmp_path_factory) -> Path:
    """A project whose default chunking splits every answer (tests/core/lab_corpus.py)."""
    tmp = tmp_path_factory.mktemp("split")
    rows = lab_corpus.build(tmp / "docs")
    with open(tmp / "eval.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "question", "answer"])
        writer.writerows(rows)
    assert main(["new", str(tmp / "proj"), "--dataset", str(tmp / "eval.csv")]) == 0
    assert main(["knowledge-add", str(tmp / "proj"), str(tmp / "docs")]) == 0
    return tmp / "proj"


def test_sweep_finds_chunking_that_keeps_answers_whole_and_adopting_raises_readiness(split_project, tmp_path):
    """When the default chunks cut answers in half, the lab finds larger chunks, and one click makes readiness rise."""
    project = Project.open(split_project)
    before = readiness(project)
    index_files = sorted(p.name for p in project.knowledge_dir.rglob("*"))
    result = sweep(project)
    assert sorted(p.name for p in project.knowledge_dir.rglob("*")) == index_files  # scratch only
    assert result.current is not None and result.current.share == before["share"]
    assert result.improves and result.best is not None and result.best.share > before["share"]
    assert result.best.setting.chunk_size > 600
    assert not result.unanswerable
    # Not only by giving more passages: at the project's own top-k the lab still finds the gain.
    same_k = [t for t in result.trials if t.setting.top_k == result.current.setting.top_k]
    assert max(t.share for t in same_k) > before["share"]
    adopt(project, result.best.setting)
    after = readiness(Project.open(split_project))
    assert after["share"] == result.best.share > before["share"]
    assert Project.open(split_project).section("knowledge")["chunk_size"] == result.best.setting.chunk_size


def test_sample_project_sweep_finds_a_setting_with_higher_recall_and_adopting_it_raises_readiness(tmp_path):
    """On the sample (meaning-only search, top 3: 25 of 30 answers), the lab finds every answer, and adopting that setting
    makes readiness find them too; every answer is in the documents."""
    project = Project.open(ensure_sample_project(SAMPLE, tmp_path))
    before = readiness(project)
    result = sweep(project)
    assert result.current is not None and (result.current.share, result.current.mrr) == (before["share"], before["mrr"])
    assert before["in_top_k"] == 25 and result.improves and result.best is not None
    assert result.best.share == 1.0 and result.best.share > before["share"]
    # q31 ("いいえ、日本国内専用です") counts: the FAQ states the fact after the verdict word.
    assert result.unanswerable == ()
    adopt(project, result.best.setting)
    after = readiness(Project.open(project.root))
    assert (after["share"], after["mrr"]) == (result.best.share, result.best.mrr)
    assert after["in_top_k"] == 30 and after["mrr"] > before["mrr"]


def test_sweep_can_be_cancelled_and_reports_progress(split_project):
    """Stop ends the sweep early with what was measured; the bar moves while it runs."""
    events: list[dict] = []
    grid = replace(Grid(), embeddings=("offline:wordllama",), tokenizers=("bigram",))
    result = sweep(Project.open(split_project), grid, progress=events.append, should_stop=lambda: len(events) >= 25)
    assert result.cancelled and len(result.trials) < result.grid_size
    assert events and events[-1]["stage"] == "lab" and events[-1]["done"] <= events[-1]["total"]


def test_sweep_needs_documents_that_are_still_on_disk(split_project, tmp_path):
    """A moved document stops the lab with a message saying which file and what to do."""
    project = Project.open(split_project)
    doc = split_project.parent / "docs"
    moved = tmp_path / "moved.md"
    (doc / "orion_aurora.md").rename(moved)
    try:
        with pytest.raises(KnowledgeError) as info:
            sweep(project)
        assert "orion_aurora.md" in info.value.message and "Add the moved files again" in info.value.hint
    finally:
        moved.rename(doc / "orion_aurora.md")


def test_readiness_sweep_command_prints_the_table_and_adopts(tmp_path, capsys):
    """A script can run the lab with --sweep --json and adopt the best setting with --adopt."""
    rows = lab_corpus.build(tmp_path / "docs")
    data = tmp_path / "eval.csv"
    data.write_text("id,question,answer\n" + "".join(f'{i},{q},"{a}"\n' for i, q, a in rows), encoding="utf-8")
    project = tmp_path / "proj"
    assert main(["new", str(project), "--dataset", str(data)]) == 0
    assert main(["knowledge-add", str(project), str(tmp_path / "docs")]) == 0
    capsys.readouterr()
    assert main(["readiness", str(project), "--sweep", "--k", "5", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"best", "current", "trials", "unanswerable", "improves", "seconds"} <= set(out)
    assert {t["setting"]["top_k"] for t in out["trials"]} == {5}
    assert out["best"]["share"] > out["current"]["share"]
    assert main(["readiness", str(project), "--sweep", "--adopt"]) == 0
    text = capsys.readouterr().out
    assert "best:" in text and "adopted: readiness is now 100%" in text
    assert main(["readiness", str(project), "--adopt"]) == 2


def test_japanese_words_index_whole_words_and_fold_spelling_variants():
    """With the Japanese analyser, keyword search matches words (か月 = ヶ月) rather than character pairs."""
    from desktop_app.core.knowledge.config import KnowledgeSettings
    from desktop_app.core.knowledge.lexical import tokenize

    words = tokenize("フィルターは6か月ごとに交換してください。KX-7731", "sudachi")
    assert {"フィルター", "交換", "kx", "7731", "kx7731"} <= set(words) and "は" not in words
    assert "箇月" in tokenize("6ヶ月", "sudachi") and "箇月" in tokenize("6か月", "sudachi")
    assert "換し" in tokenize("交換してください") and "換し" not in words  # bigrams by default
    assert KnowledgeSettings().chunking_signature() == "600/100"  # existing indexes stay current
    assert KnowledgeSettings(tokenizer="sudachi").chunking_signature() == "600/100/sudachi"
    with pytest.raises(KnowledgeError):
        KnowledgeSettings.from_section({"tokenizer": "mecab"})


def test_adopting_the_japanese_analyser_reindexes_keywords(tmp_path):
    """Choosing Japanese words in the lab re-tokenises the index, and a Japanese question still finds its passage."""
    from desktop_app.core.knowledge import KnowledgeBase
    from desktop_app.core.knowledge.lab import Setting

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "faq.md").write_text(
        "フィルターは6か月ごとに交換してください。\n\n保証期間は購入日から2年間です。", encoding="utf-8"
    )
    project = Project.create(tmp_path / "proj")
    kb = KnowledgeBase.open(project)
    kb.add_paths([docs])
    kb.close()
    report = adopt(project, Setting(600, 100, 5, 0.4, "offline:wordllama", "sudachi"))
    assert [f.status for f in report.files] == ["replaced"]
    kb = KnowledgeBase.open(project)
    try:
        assert kb.lexical.tokenizer == "sudachi" and kb.stats()["signature"] == "600/100/sudachi"
        (hit,) = kb.search("フィルターの交換時期は？", k=1, mode="bm25")
        assert "6か月" in hit.text
    finally:
        kb.close()


def test_search_preview_marks_whole_words_and_japanese_pairs_and_reads_relevance():
    """The search preview marks the question's words in a passage (whole words only) and turns a score into 0-100%."""
    from desktop_app.core.knowledge.highlight import matched_spans, relevance
    from desktop_app.core.knowledge.index import RRF_K

    text = "The filter of the Orion lasts; refiltering is not needed. フィルターは6か月ごとに交換"
    marked = [text[a:b] for a, b in matched_spans("When is the FILTER of the orion changed? フィルターの交換", text)]
    assert marked == ["filter", "Orion", "フィルター", "交換"]  # not "refiltering", not "the"/"of"
    assert matched_spans("", text) == [] and matched_spans("orion", "") == []
    assert relevance(1 / (RRF_K + 1), "hybrid", 0) == 1.0 and relevance(0.5 / (RRF_K + 1), "hybrid", 0) == 0.5
    assert relevance(3.0 / (RRF_K + 1), "hybrid", 0) == 1.0  # identifier matches add on top: capped
    assert relevance(0.73, "vector", 0) == 0.73 and relevance(4.0, "bm25", 8.0) == 0.5


def test_readiness_stays_the_function_after_the_lab_is_loaded():
    """Running the lab first never breaks Check readiness (the function shares its module's name)."""
    import subprocess
    import sys

    code = (
        "import desktop_app.core.knowledge.sweep\n"
        "from desktop_app.core.knowledge import readiness\n"
        "assert callable(readiness), readiness\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
