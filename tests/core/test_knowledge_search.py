"""Hybrid retrieval: identifiers, paraphrases, persistence, removal, provider embeddings, re-ranking."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_app.core.errors import KnowledgeError
from desktop_app.core.knowledge import KnowledgeBase, llm_reranker
from desktop_app.core.project.folder import Project

ROOT = Path(__file__).resolve().parents[2]
TOOLS = [
    "cordless drill",
    "impact driver",
    "circular saw",
    "jigsaw",
    "angle grinder",
    "orbital sander",
    "heat gun",
    "rotary hammer",
    "planer",
    "router",
    "multi-tool",
    "reciprocating saw",
]
CODES = [f"KX-77{i:02d}" for i in range(21, 21 + len(TOOLS))]
# (answer, paraphrased question sharing almost no words with it, distractor sharing the question's words)
PARAPHRASES = [
    (
        "Employees may carry over up to five unused vacation days into the next calendar year.",
        "How much annual leave can staff roll over?",
        "Staff must leave the annual review form at the front desk; forms roll in every spring.",
    ),
    (
        "The device must be kept away from water; submerging it voids the guarantee.",
        "Is the gadget waterproof?",
        "Is the gadget shipped with a manual? The gadget box lists what is included.",
    ),
    (
        "Refunds are issued to the original payment card within ten business days after we receive the returned item.",
        "How long until I get my money back?",
        "I get questions about how long the store stays open; it stays open until nine.",
    ),
    (
        "To restore factory settings, hold the reset button for fifteen seconds until the light blinks.",
        "How do I wipe the router back to its defaults?",
        "The router defaults to channel 6; to wipe dust off it use a dry cloth.",
    ),
    (
        "Our physicians see patients without an appointment every weekday morning.",
        "Can I visit the doctor without booking?",
        "Booking a visit to the museum requires a ticket; the doctor of the museum gives tours.",
    ),
    (
        "Parking beside the office costs nothing for visitors holding a badge.",
        "Is there free parking for guests?",
        "Guests of the hotel get free breakfast; there is a free shuttle for guests.",
    ),
    (
        "The laptop battery lasts about nine hours of typical use on a single charge.",
        "How long can the notebook run unplugged?",
        "The notebook cover is sold separately; run the cable through the notebook stand.",
    ),
    (
        "Invoices are payable within thirty days; late payments incur a two percent fee.",
        "When do I have to settle the bill?",
        "Settle in and enjoy the show; the bill of fare lists tonight's dishes.",
    ),
    (
        "Our shop is closed on public holidays and opens again the following morning.",
        "Can I come in on national holidays?",
        "Come in and see the national costume exhibition; holidays abroad are booked upstairs.",
    ),
    (
        "Passwords must be changed every ninety days and may not reuse the last five.",
        "How often do I need a new login secret?",
        "A new login page is coming; the secret menu of the cafe changes often.",
    ),
    (
        "Pets are not allowed in the apartments, except certified assistance dogs.",
        "Can I keep a cat in my flat?",
        "Keep your flat tidy; a cat cafe opened near the flat.",
    ),
    (
        "Shipments within the country usually arrive in two to three working days.",
        "How quickly will my domestic order be delivered?",
        "Order the domestic flight early; how quickly the price rises depends on demand.",
    ),
]


@pytest.fixture
def project(tmp_path):
    return Project.create(tmp_path / "proj")


def _rank(kb, query, needle, mode, k=5):
    return next((n for n, p in enumerate(kb.search(query, k=k, mode=mode), 1) if needle in p.text), None)


def _catalog(folder: Path) -> None:
    folder.mkdir()
    for code, tool in zip(CODES, TOOLS):
        (folder / f"{code}.txt").write_text(
            f"Model {code} {tool}. This {tool} ships with a battery, a charger and a carrying case. "
            f"The {code} is covered by the standard warranty and works with all batteries of the series.",
            "utf-8",
        )


def test_hybrid_beats_vector_on_product_codes(project, tmp_path):
    """Asking about a product code finds that product's page first, which meaning-only search cannot."""
    _catalog(tmp_path / "catalog")
    kb = KnowledgeBase.open(project)
    kb.add_paths([tmp_path / "catalog"])
    first = {
        mode: sum(_rank(kb, f"Which battery fits the {c}?", c, mode) == 1 for c in CODES)
        for mode in ("hybrid", "vector")
    }
    typed = sum(_rank(kb, f"{c.lower().replace('-', '')} 充電器", c, "hybrid") == 1 for c in CODES)
    wide = _rank(kb, "ＫＸ－７７２５", "KX-7725", "hybrid")
    kb.close()
    assert first["hybrid"] == len(CODES)
    assert first["vector"] <= len(CODES) // 2
    assert (typed, wide) == (len(CODES), 1), "codes typed without hyphen or in full width still match"


def test_hybrid_beats_bm25_on_paraphrases(project, tmp_path):
    """A question worded differently from the document still finds it, which keyword search misses."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for i, (answer, _q, distractor) in enumerate(PARAPHRASES):
        (docs / f"answer{i}.txt").write_text(answer, "utf-8")
        (docs / f"other{i}.txt").write_text(distractor, "utf-8")
    _catalog(tmp_path / "catalog")
    kb = KnowledgeBase.open(project)
    kb.add_paths([docs, tmp_path / "catalog"])
    found = {
        mode: sum(_rank(kb, q, a[:30], mode, k=5) is not None for a, q, _d in PARAPHRASES)
        for mode in ("hybrid", "bm25")
    }
    kb.close()
    assert found["hybrid"] >= found["bm25"] + 2, found
    assert found["hybrid"] >= len(PARAPHRASES) // 2, found


def test_index_persists_across_processes(project, tmp_path):
    """Documents added once are searchable after the app restarts, without re-adding them."""
    (tmp_path / "a.md").write_text("The Orion Aurora runs for up to 14 hours on a full charge.", "utf-8")
    (tmp_path / "b.md").write_text("保証期間は購入日から3年間です。", "utf-8")
    kb = KnowledgeBase.open(project)
    kb.add_paths([tmp_path / "a.md", tmp_path / "b.md"])
    kb.close()
    script = textwrap.dedent(f"""
        import json
        from desktop_app.core.project.folder import Project
        from desktop_app.core.knowledge import KnowledgeBase
        kb = KnowledgeBase.open(Project.open({str(project.root)!r}))
        hits = {{m: kb.search(q, k=1, mode=m)[0].text for m, q in
                (("bm25", "保証期間"), ("vector", "battery hours full charge"), ("hybrid", "Orion Aurora"))}}
        print(json.dumps({{"stats": kb.stats(), "hits": hits}}, ensure_ascii=False))
    """)
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert (result["stats"]["documents"], result["stats"]["chunks"], result["stats"]["embedded"]) == (2, 2, 2)
    assert "3年間" in result["hits"]["bm25"]
    assert "14 hours" in result["hits"]["vector"] and "14 hours" in result["hits"]["hybrid"]


def test_remove_forgets_a_document_everywhere(project, tmp_path):
    """Removing a file removes its passages from every kind of search."""
    (tmp_path / "a.md").write_text("The Talon Ridge weighs 910 grams.", "utf-8")
    (tmp_path / "b.md").write_text("The Helix Nova weighs 455 grams.", "utf-8")
    kb = KnowledgeBase.open(project)
    kb.add_paths([tmp_path])
    assert kb.remove(str(tmp_path / "a.md")) == 1
    for mode in ("hybrid", "vector", "bm25"):
        assert all("Talon" not in p.text for p in kb.search("Talon Ridge weight grams", k=5, mode=mode))
    assert (kb.stats()["documents"], kb.stats()["embedded"]) == (1, 1)
    with pytest.raises(KnowledgeError):
        kb.remove(str(tmp_path / "a.md"))
    kb.close()


def test_bad_search_input_raises_plain_errors(project, tmp_path):
    """An empty query, an unknown mode or k=0 gives a message and a hint, not a traceback."""
    kb = KnowledgeBase.open(project)
    assert kb.search("anything") == []  # nothing indexed yet is not an error
    for kwargs in ({"query": "  "}, {"query": "x", "mode": "fuzzy"}, {"query": "x", "k": 0}):
        with pytest.raises(KnowledgeError) as err:
            kb.search(**kwargs)
        assert err.value.hint
    kb.close()


@pytest.mark.parametrize(
    "section",
    [{"chunk_size": 10}, {"fusion_weight": 2}, {"top_k": "many"}, {"embedding": "onnx"}, {"chunk_overlap": 900}],
)
def test_bad_knowledge_settings_are_refused(project, section):
    """Out-of-range knowledge settings in project.json are named with a hint on how to fix them."""
    project.set_section("knowledge", section)
    with pytest.raises(KnowledgeError) as err:
        KnowledgeBase.open(project)
    assert err.value.hint


def test_provider_embeddings_through_the_scripted_server(project, tmp_path, scripted_server, monkeypatch):
    """With a connection, documents are embedded by the provider's embedding model via the openai SDK."""
    monkeypatch.setenv("KB_TEST_KEY", scripted_server.api_key)
    project.set_section(
        "connection", {"preset": "local", "base_url": scripted_server.base_url, "api_key_env": "KB_TEST_KEY"}
    )
    (tmp_path / "a.md").write_text("The Juno Flux tank holds 750 millilitres.", "utf-8")
    (tmp_path / "b.md").write_text("Support is staffed 18 hours a day.", "utf-8")
    kb = KnowledgeBase.open(project)
    kb.add_paths([tmp_path / "a.md"])  # offline first
    kb.close()
    project.set_section("knowledge", {"embedding": "provider:text-embedding-3-small"})
    kb = KnowledgeBase.open(project)
    report = kb.add_paths([tmp_path / "a.md", tmp_path / "b.md"])
    assert [f.status for f in report.files] == ["skipped_unchanged", "read"]
    assert kb.stats()["embedded"] == 2, "the existing document was embedded into the new collection"
    assert "750" in kb.search("Juno Flux tank millilitres", k=1, mode="vector")[0].text
    embed_calls = [r for r in scripted_server.requests if r["path"].endswith("/embeddings")]
    assert embed_calls and all(r["json"]["model"] == "text-embedding-3-small" for r in embed_calls)
    kb.close()


def test_injected_embedder_is_used_for_provider_embeddings(project, tmp_path):
    """The app (or a test) can hand in its own embedding callable; nothing else is contacted."""
    seen = []

    def embed(texts):
        seen.extend(texts)
        return [[float(len(t)), 1.0, float("grams" in t)] for t in texts]

    project.set_section("knowledge", {"embedding": "provider:my-model"})
    (tmp_path / "a.md").write_text("It weighs 300 grams.", "utf-8")
    kb = KnowledgeBase.open(project, embedder=embed)
    kb.add_paths([tmp_path / "a.md"])
    kb.search("weight in grams", mode="vector")
    assert seen == ["It weighs 300 grams.", "weight in grams"]
    kb.close()


def test_llm_rerank_reorders_only_when_enabled(project, tmp_path):
    """Re-ranking is off by default; when on, the model's relevance ratings set the order."""
    (tmp_path / "a.md").write_text("Charging takes 47 minutes with the adapter.", "utf-8")
    (tmp_path / "b.md").write_text("The battery lasts 14 hours on a full charge.", "utf-8")
    calls = []

    def judge(messages):
        calls.append(messages)
        return "10" if "14 hours" in messages[-1]["content"] else "1"

    kb = KnowledgeBase.open(project, rerank=llm_reranker(judge))
    kb.add_paths([tmp_path])
    plain = kb.search("charging adapter minutes", k=2)
    assert "47 minutes" in plain[0].text and not calls
    kb.close()
    project.set_section("knowledge", {"rerank": True})
    kb = KnowledgeBase.open(project, rerank=llm_reranker(judge))
    reranked = kb.search("charging adapter minutes", k=2)
    assert "14 hours" in reranked[0].text and reranked[0].score == 1.0 and len(calls) == 2
    kb.close()


def test_package_import_stays_light():
    """Opening the app does not pay for chromadb and wordllama until the knowledge base is used."""
    code = (
        "import sys, desktop_app.core.knowledge as k; k.KnowledgeSettings; "
        "print(sorted(m for m in ('chromadb', 'wordllama', 'bm25s') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stderr


def test_defaults_come_from_settings_and_stats_report_them(project, tmp_path):
    """Search returns top_k passages by default, and stats show what the index was built with."""
    for i in range(8):
        (tmp_path / f"n{i}.md").write_text(f"Note {i}: the locker code is {1000 + i}.", "utf-8")
    kb = KnowledgeBase.open(project)
    kb.add_paths([tmp_path])
    stats = kb.stats()
    assert len(kb.search("locker code")) == stats["top_k"] == 5
    assert (stats["documents"], stats["embedding"], stats["fusion_weight"]) == (8, "offline:wordllama", 0.4)
    kb.close()
    project.set_section("knowledge", {"top_k": 3, "fusion_weight": 0.9})
    kb = KnowledgeBase.open(project)
    assert len(kb.search("locker code")) == 3 and kb.stats()["fusion_weight"] == 0.9
    kb.close()


def test_lost_keyword_index_is_rebuilt_and_damaged_store_reported(project, tmp_path):
    """A missing BM25 index rebuilds itself on open; a damaged chunk store gives a message with a hint."""
    (tmp_path / "a.md").write_text("型番KX-7731は欧州向けモデルです。", "utf-8")
    kb = KnowledgeBase.open(project)
    kb.add_paths([tmp_path / "a.md"])
    kb.close()
    import shutil

    shutil.rmtree(project.knowledge_dir / "bm25")
    kb = KnowledgeBase.open(project)
    assert "欧州" in kb.search("欧州向け", k=1, mode="bm25")[0].text
    kb.close()
    (project.knowledge_dir / "chunks.sqlite").write_bytes(b"not a database" * 100)
    for extra in ("-wal", "-shm"):
        (project.knowledge_dir / f"chunks.sqlite{extra}").unlink(missing_ok=True)
    with pytest.raises(KnowledgeError) as err:
        KnowledgeBase.open(project)
    assert "damaged" in err.value.message and err.value.hint
