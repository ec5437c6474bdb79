"""Knowledge page: adding documents with a per-file report, search, settings, readiness, errors."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from desktop_app.core.project.folder import Project
from desktop_app.ui.knowledge.records_model import SORT_ROLE
from desktop_app.ui.knowledge.page import KnowledgePage

PDF_JA = Path(__file__).resolve().parents[1] / "core" / "data" / "knowledge_ja.pdf"
MANUAL = (
    "# Filter care\n\nThe AirLoop filter timer is reset by holding the Timer button for five seconds "
    "until the ring flashes green twice.\n\n# Noise\n\nIn night mode the fan speed drops to level one.\n"
)
WARRANTY = (
    "Warranty terms. The warranty period of the AirLoop purifier is three years from purchase. "
    "Repairs are handled by the service centre in Osaka.\n"
)
MARKUP = "Markup sample: <b>x</b><img src=x> is the literal tag text stored in document zebra-quartz.\n"


@pytest.fixture
def docs(tmp_path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "manual.md").write_text(MANUAL, encoding="utf-8")
    (folder / "warranty.txt").write_text(WARRANTY, encoding="cp932")  # legacy encoding, still read
    (folder / "markup.txt").write_text(MARKUP, encoding="utf-8")
    return folder


@pytest.fixture
def project(tmp_path):
    return Project.create(tmp_path / "proj")


@pytest.fixture
def page(qtbot, project):
    p = KnowledgePage()
    qtbot.addWidget(p)
    p.resize(1000, 700)
    p.show()
    p.set_project(project)
    qtbot.waitUntil(lambda: not p.overview_runner.is_running(), timeout=15000)
    yield p
    p._stop.set()
    p._readiness_stop.set()
    p.lab.shutdown()
    for runner in (p.index_runner, p.overview_runner, p.search_runner, p.readiness_runner, p.lab.runner):
        runner.shutdown(10000)


def add(qtbot, page, paths, timeout=30000):
    with qtbot.waitSignal(page.index_runner.finished, timeout=timeout) as blocker:
        page.add_paths([str(p) for p in paths])
    return blocker.args[0]


def report_rows(page) -> dict[str, tuple[str, str]]:
    model = page.documents.report
    return {
        model.data(model.index(r, 0)): (model.data(model.index(r, 1)), model.data(model.index(r, 3)))
        for r in range(model.rowCount())
    }


def test_adding_files_reports_each_file_in_plain_words(qtbot, page, docs, tmp_path):
    """Each added file says Added, Unchanged or Not added with the reason, and the counts update."""
    bad_pdf = tmp_path / "broken.pdf"
    bad_pdf.write_bytes(b"%PDF-1.4 this is not really a pdf")
    odd = tmp_path / "slides.key"
    odd.write_bytes(b"binary")
    with qtbot.waitSignal(page.project_modified, timeout=30000) as modified:
        add(qtbot, page, [docs / "manual.md", docs / "warranty.txt", bad_pdf, odd, tmp_path / "gone.txt"])
    assert modified.args == ["knowledge"]
    rows = report_rows(page)
    assert rows["manual.md"] == ("Added", "Markdown") and rows["warranty.txt"][0] == "Added"
    assert rows["broken.pdf"] == (
        "Not added",
        "The file is damaged or is not what its name says; open it and save it again.",
    )
    assert rows["slides.key"][1].startswith("This type of file is not supported")
    assert rows["gone.txt"] == ("Not added", "The file or folder was not found.")
    assert page.documents.report_label.text() == "Last addition: 2 added, 3 not added."
    assert (
        page.stats_label.text().startswith("2 documents · ") and "built-in offline embedding" in page.stats_label.text()
    )
    assert page.documents.documents.rowCount() == 2

    add(qtbot, page, [docs])  # the folder: two known files unchanged, one new
    rows = report_rows(page)
    assert rows["manual.md"][0] == "Unchanged, skipped" and rows["markup.txt"][0] == "Added"
    assert page.stats_label.text().startswith("3 documents")


def test_search_shows_passages_with_file_page_relevance_and_marked_words_safely(qtbot, page, docs):
    """A search lists the best passages with file, page and a relevance in %, marks the question's words, and shows document text literally."""
    add(qtbot, page, [docs, PDF_JA])
    page.tabs.setCurrentWidget(page.search)
    page.search.query.setText("zebra-quartz tag")
    with qtbot.waitSignal(page.search_runner.finished, timeout=15000):
        page.search.search_button.click()
    first = page.search.card(0)
    assert first.header.text().startswith("1. markup.txt · relevance ") and first.header.text().endswith("%")
    assert 0 < first.relevance <= 1
    shown = first.text.text()
    assert "&lt;b&gt;x&lt;/b&gt;&lt;img src=x&gt;" in shown and "<img" not in shown and "<b>" not in shown
    marked = [MARKUP.strip()[a:b] for a, b in first.spans]
    assert marked == ["tag", "zebra", "quartz"] and "zebra</span>" in shown
    assert first.header.textFormat() == Qt.TextFormat.PlainText
    assert page.search.card_count() == 5  # the top_k setting

    page.search.mode.setCurrentIndex(2)  # keywords only
    page.search.query.setText("保証期間は何年ですか")
    with qtbot.waitSignal(page.search_runner.finished, timeout=15000):
        page.search.query.returnPressed.emit()
    assert page.search.card(0).header.text().startswith("1. knowledge_ja.pdf, page 2 · relevance 100%")


def test_cancel_stops_between_files_and_keeps_those_done(qtbot, page, project, tmp_path, scripted_server, monkeypatch):
    """Cancel during indexing stops after the current file; the files already indexed stay listed."""
    from tests.scripted_server import hashed_embedding

    def slow_embed(texts):
        time.sleep(0.15)  # server side: each file's embedding request takes a moment
        return [hashed_embedding(t) for t in texts]

    scripted_server.embed_rule = slow_embed
    monkeypatch.setenv("TEST_LLM_KEY", scripted_server.api_key)
    project.set_section(
        "connection",
        {
            "preset": "local",
            "base_url": scripted_server.base_url,
            "api_key_env": "TEST_LLM_KEY",
            "embedding_model": "text-embedding-3-small",
        },
    )
    project.set_section("knowledge", {"embedding": "provider:text-embedding-3-small"})
    page.on_project_modified("knowledge")
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(12):
        (folder / f"note{n:02d}.txt").write_text(f"Note {n}: the part number is PN-{n:04d}.", encoding="utf-8")
    clicked = []

    def cancel_once(event):
        if not clicked and isinstance(event, dict) and event.get("status"):
            clicked.append(event)
            assert not page.search.search_button.isEnabled()  # no reader while the index is written
            assert not page.readiness.check_button.isEnabled()
            page.cancel_button.click()

    page.index_runner.progress.connect(cancel_once)
    result = add(qtbot, page, [folder])
    assert result.report.cancelled and clicked
    done = result.report.count("read")
    assert 1 <= done < 12
    assert page.documents.report_label.text().startswith(f"Stopped: {done} added.")
    assert page.documents.documents.rowCount() == done
    assert page.search.search_button.isEnabled() and page.readiness.check_button.isEnabled()


def test_remove_drops_a_document_from_the_index(qtbot, page, docs):
    """Selecting a document and pressing Remove takes it out of the index and the counts."""
    add(qtbot, page, [docs])
    view = page.documents.documents_view
    view.selectRow(0)
    name = page.documents.documents.data(page.documents.documents.index(0, 0))
    with qtbot.waitSignal(page.project_modified, timeout=15000):
        page.documents.remove_button.click()
    assert page.documents.documents.rowCount() == 2
    assert name in page.banner.message_label.text() and "untouched" in page.banner.message_label.text()
    assert page.stats_label.text().startswith("2 documents")


def test_new_chunk_size_is_saved_and_reindexing_is_offered(qtbot, page, project, docs):
    """Saving another chunk size writes project.json, says the documents need indexing again, and does it."""
    add(qtbot, page, [docs])
    s = page.settings
    s.chunk_size.setValue(300)
    s.chunk_overlap.setValue(50)
    assert "indexed again" in s.change_note.text()
    with qtbot.waitSignal(page.overview_runner.finished, timeout=15000):
        s.save_button.click()
    saved = json.loads((project.root / "project.json").read_text(encoding="utf-8"))["knowledge"]
    assert (saved["chunk_size"], saved["chunk_overlap"]) == (300, 50)
    assert not s.notice.isHidden() and s.notice_label.text().startswith("3 of 3 documents were split")
    with qtbot.waitSignal(page.index_runner.finished, timeout=30000):
        s.reindex_button.click()
    assert {status for status, _ in report_rows(page).values()} == {"Updated"}
    qtbot.waitUntil(lambda: s.notice.isHidden(), timeout=5000)


def test_settings_out_of_range_are_refused_in_the_banner(qtbot, page, project):
    """An overlap larger than half the chunk is explained and nothing is saved."""
    before = project.section("knowledge")
    page.settings.chunk_size.setValue(100)
    page.settings.chunk_overlap.setValue(90)
    page.settings.save_button.click()
    assert page.banner.message_label.text() == "Chunk overlap 90 is out of range."
    assert project.section("knowledge") == before


def test_readiness_counts_questions_and_lists_the_misses(qtbot, page, project, docs, tmp_path):
    """Check readiness says how many questions find their answer in the top k and lists the others."""
    from desktop_app.core.data import rows as datasets

    csv_path = tmp_path / "eval.csv"
    csv_path.write_text(
        "id,question,answer\n"
        "q1,How do I reset the filter timer?,hold the Timer button for five seconds\n"
        "q2,How long is the warranty?,three years from purchase\n"
        "q3,Which colours does it come in?,matte black and pearl white\n",
        encoding="utf-8",
    )
    datasets.import_dataset(project, csv_path)
    add(qtbot, page, [docs])
    page.tabs.setCurrentWidget(page.readiness)
    with qtbot.waitSignal(page.readiness_runner.finished, timeout=30000):
        page.readiness.check_button.click()
    assert page.readiness.summary.text() == "2 of 3 questions have their answer in the top 5 passages (67%)"
    model = page.readiness.misses
    assert model.rowCount() == 1 and model.data(model.index(0, 1)) == "Which colours does it come in?"
    with qtbot.waitSignal(page.search_runner.finished, timeout=15000):
        page.readiness.view.activated.emit(model.index(0, 0))  # double-click: try it in Search
    assert page.tabs.currentWidget() is page.search
    assert page.search.query.text() == "Which colours does it come in?" and page.search.card_count() > 0


def test_readiness_without_an_evaluation_set_explains_what_to_do(qtbot, page, docs):
    """Without imported rows the check says to import an evaluation set, in the banner."""
    add(qtbot, page, [docs])
    with qtbot.waitSignal(page.readiness_runner.failed, timeout=15000):
        page.readiness.check_button.click()
    assert page.banner.message_label.text() == "This project has no evaluation set yet."
    assert page.banner.hint_label.text().startswith("Import one first")


def test_dropping_files_onto_the_page_indexes_them(qtbot, page, docs):
    """Files dragged from the desktop onto the page are indexed like Add files."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(docs / "manual.md")), QUrl("https://example.com/x.pdf")])
    event = QDropEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(page.index_runner.finished, timeout=30000):
        page.dropEvent(event)
    assert event.isAccepted()
    assert list(report_rows(page)) == ["manual.md"]


def test_damaged_knowledge_settings_are_reported_not_crashed_on(qtbot, project):
    """A hand-edited knowledge section with text for numbers is named in the banner; defaults are shown."""
    project.set_section("knowledge", {"chunk_size": "big"})
    page = KnowledgePage()
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.overview_runner.failed, timeout=15000):
        page.set_project(project)
    assert page.banner.message_label.text().startswith("The knowledge settings in project.json are not numbers")
    assert page.settings.chunk_size.value() == 600


def test_files_added_while_indexing_wait_their_turn(qtbot, page, project, docs, scripted_server, monkeypatch):
    """Adding more files during indexing queues them (never a second writer) and indexes them next."""
    from tests.scripted_server import hashed_embedding

    def slow_embed(texts):
        time.sleep(0.2)
        return [hashed_embedding(t) for t in texts]

    scripted_server.embed_rule = slow_embed
    monkeypatch.setenv("TEST_LLM_KEY", scripted_server.api_key)
    project.set_section(
        "connection",
        {
            "preset": "local",
            "base_url": scripted_server.base_url,
            "api_key_env": "TEST_LLM_KEY",
            "embedding_model": "text-embedding-3-small",
        },
    )
    project.set_section("knowledge", {"embedding": "provider:text-embedding-3-small"})
    page.on_project_modified("knowledge")
    page.add_paths([str(docs / "manual.md"), str(docs / "warranty.txt")])
    assert page.index_runner.is_running()
    page.add_paths([str(docs / "markup.txt")])
    assert page.banner.message_label.text() == "Added next, when the current indexing finishes: markup.txt"
    assert not page.documents.remove_button.isEnabled() and not page.settings.save_button.isEnabled()
    qtbot.waitUntil(
        lambda: page.documents.documents.rowCount() == 3 and not page.index_runner.is_running(), timeout=30000
    )
    assert list(report_rows(page)) == ["markup.txt"]
    assert page.stats_label.text().endswith("embedding by text-embedding-3-small")


def test_search_no_longer_says_it_waits_once_indexing_is_over(qtbot, page, docs):
    """After indexing, the search box is usable and nothing says it is waiting for indexing."""
    with qtbot.waitSignal(page.index_runner.finished, timeout=30000):
        page.add_paths([str(docs)])
        assert page.search.status.text() == "Search is available again when indexing has finished."
    qtbot.waitUntil(lambda: not page.index_runner.is_running(), timeout=5000)
    assert page.search.query.isEnabled() and page.search.search_button.isEnabled()
    assert page.search.status.text() == ""


def test_retrieval_lab_finds_a_better_setting_and_use_this_setting_raises_readiness(qtbot, tmp_path):
    """The Lab tab runs the sweep in the background, lists settings best first, and one click adopts the best and re-checks readiness."""
    import csv

    from desktop_app.cli import main
    from tests.core import lab_corpus

    rows = lab_corpus.build(tmp_path / "docs")
    with open(tmp_path / "eval.csv", "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([("id", "question", "answer"), *rows])
    assert main(["new", str(tmp_path / "proj"), "--dataset", str(tmp_path / "eval.csv")]) == 0
    assert main(["knowledge-add", str(tmp_path / "proj"), str(tmp_path / "docs")]) == 0
    p = KnowledgePage()
    qtbot.addWidget(p)
    p.resize(1100, 690)
    p.show()
    p.set_project(Project.open(tmp_path / "proj"))
    try:
        p.tabs.setCurrentWidget(p.lab)
        with qtbot.waitSignal(p.lab.runner.finished, timeout=120000):
            p.lab.run_button.click()
        result = p.lab._result.result
        assert p.lab.trials.rowCount() == len(result.trials) > 10
        assert p.lab.trials.record(0).share == 1.0 and "current" not in p.lab.summary.text().split(".")[0]
        assert p.lab.summary.text().startswith("Best: 100% of questions found")
        assert p.lab._selected() is result.best and p.lab.use_button.isEnabled()
        assert p.lab.missing_box.isHidden()
        column = 3  # ms / question: a click on the header sorts by it; the chosen setting stays chosen
        p.lab.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        times = [p.lab.sorted_trials.index(r, column).data(SORT_ROLE) for r in range(p.lab.sorted_trials.rowCount())]
        assert times == sorted(times) and p.lab._selected() is result.best
        with qtbot.waitSignal(p.readiness_runner.finished, timeout=120000):
            p.lab.use_button.click()
        assert p.tabs.currentWidget() is p.readiness
        assert p.readiness.summary.text().startswith("20 of 20 questions")
        assert p.lab._selected().current and not p.lab.use_button.isEnabled()
        assert p.project.section("knowledge")["chunk_size"] == result.best.setting.chunk_size
    finally:
        p.lab.shutdown()
        for runner in (p.index_runner, p.overview_runner, p.readiness_runner, p.lab.runner):
            runner.shutdown(10000)


def test_new_documents_name_the_rag_runs_made_with_the_old_ones(qtbot, page, project, docs):
    """Adding documents says which RAG runs now show the numbers of the documents as they were."""
    from desktop_app.core.records import RowResult
    from desktop_app.core.run.store import ResultStore
    from desktop_app.core.variants import preset

    with ResultStore(project.results_db) as store:
        store.add_complete_run(
            "rag", ("instructions", "rag"), [RowResult(0, "1", "answer")], variant=preset("rag", top_k=3).to_dict()
        )
        store.add_complete_run("baseline", (), [RowResult(0, "1", "answer")])
    add(qtbot, page, [docs / "manual.md"])
    text = page.banner.message_label.text()
    assert "“RAG (top-3)”" in text and "run them again" in text and "Baseline" not in text
