"""Knowledge ingestion: every supported format, Japanese encodings, per-file report, re-adding."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from desktop_app.core.knowledge import KnowledgeBase
from desktop_app.core.knowledge.chunking import chunk_text
from desktop_app.core.knowledge.ingest import decode_bytes
from desktop_app.core.project.folder import Project

DATA = Path(__file__).parent / "data"


@pytest.fixture
def project(tmp_path):
    return Project.create(tmp_path / "proj")


@pytest.fixture
def kb(project):
    base = KnowledgeBase.open(project)
    yield base
    base.close()


def _write_docx(path: Path, paragraphs, table=()):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    document.save(str(path))


def _make_docs(folder: Path) -> dict[str, str]:
    """One file per format, each with a fact only it holds; returns {file name: fact}."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "notes_sjis.txt").write_bytes(
        "サポート窓口の電話番号は0120-555-123です。受付は平日のみです。".encode("cp932")
    )
    (folder / "guide.md").write_text("# Guide\n\nThe Lyra Comet charges fully in 47 minutes.\n", encoding="utf-8")
    (folder / "prices.csv").write_bytes("品名,価格\nKX-7731,12800円\nKX-7732,9800円\n".encode("utf-8-sig"))
    (folder / "faq.html").write_text(
        "<html><head><meta charset='utf-8'><style>.x{color:red}</style><script>var hidden='ZZTOP';</script></head>"
        "<body><h1>FAQ</h1><p>Returns are accepted within 30 days of delivery.</p></body></html>",
        encoding="utf-8",
    )
    _write_docx(
        folder / "policy.docx", ["休暇は翌年に5日まで繰り越せます。"], table=[["Item", "Limit"], ["Travel", "300 EUR"]]
    )
    shutil.copy(DATA / "knowledge_ja.pdf", folder / "manual_ja.pdf")
    return {
        "notes_sjis.txt": "0120-555-123",
        "guide.md": "47 minutes",
        "prices.csv": "12800円",
        "faq.html": "30 days",
        "policy.docx": "5日まで繰り越せます",
        "manual_ja.pdf": "3年間",
    }


def test_every_format_is_read_and_searchable(kb, tmp_path):
    """A user can drop txt (Shift-JIS), md, csv, html, docx and a Japanese PDF and find each fact."""
    facts = _make_docs(tmp_path / "docs")
    report = kb.add_paths([tmp_path / "docs"])
    by_name = {Path(f.source).name: f for f in report.files}
    assert {n: f.status for n, f in by_name.items()} == {n: "read" for n in facts}
    assert by_name["notes_sjis.txt"].encoding == "cp932"
    assert by_name["manual_ja.pdf"].pages == 2
    queries = {
        "notes_sjis.txt": "サポート窓口の電話番号",
        "guide.md": "How long does the Lyra Comet take to charge?",
        "prices.csv": "KX-7731 価格",
        "faq.html": "Returns accepted days",
        "policy.docx": "休暇 繰り越し",
        "manual_ja.pdf": "保証期間は何年ですか",
    }
    for name, query in queries.items():
        top = kb.search(query, k=3)
        assert any(Path(p.source).name == name and facts[name] in p.text for p in top), (name, top)
    assert kb.stats()["documents"] == 6


def test_pdf_passages_keep_their_page(kb, tmp_path):
    """A passage from a PDF says which page it came from, so the user can check the source."""
    shutil.copy(DATA / "knowledge_ja.pdf", tmp_path / "m.pdf")
    kb.add_paths([tmp_path / "m.pdf"])
    warranty = kb.search("保証期間", k=1)[0]
    battery = kb.search("満充電 時間", k=1)[0]
    assert (warranty.page, battery.page) == (2, 1)
    assert "3年間" in warranty.text and "12時間" in battery.text


def test_html_scripts_and_csv_headers(kb, tmp_path):
    """HTML script/style text never becomes a passage; CSV cells keep their column name."""
    _make_docs(tmp_path / "d")
    kb.add_paths([tmp_path / "d" / "faq.html", tmp_path / "d" / "prices.csv"])
    assert kb.search("ZZTOP", k=5, mode="bm25") == []
    row = kb.search("KX-7731", k=1)[0]
    assert "品名: KX-7731; 価格: 12800円" in row.text


def test_unreadable_files_are_listed_and_the_rest_go_on(kb, tmp_path):
    """One broken, locked, empty or unsupported file is reported with a reason; the others are indexed."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.md").write_text("The Vela Echo weighs 820 grams.", encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"this is not a pdf at all")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(DATA / "knowledge_ja.pdf").pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    with open(folder / "locked.pdf", "wb") as fh:
        writer.write(fh)
    (tmp_path / "table.xyz").write_text("x", encoding="utf-8")
    report = kb.add_paths([folder, tmp_path / "table.xyz", tmp_path / "missing.md"])
    reasons = {Path(f.source).name: f.reason for f in report.files if f.status == "failed"}
    assert reasons == {
        "broken.pdf": "damaged",
        "broken.docx": "damaged",
        "empty.txt": "empty",
        "locked.pdf": "encrypted",
        "table.xyz": "unsupported",
        "missing.md": "not_found",
    }
    assert all(f.message for f in report.failed)
    assert report.count("read") == 1
    assert "820 grams" in kb.search("Vela Echo weight", k=1)[0].text


def test_unchanged_file_is_skipped_and_changed_file_replaced(kb, tmp_path):
    """Re-adding a folder costs nothing for unchanged files; an edited file's old text disappears."""
    doc = tmp_path / "policy.md"
    doc.write_text("Refunds are paid within 10 business days.", encoding="utf-8")
    other = tmp_path / "other.md"
    other.write_text("Parking is free for visitors with a badge.", encoding="utf-8")
    assert [f.status for f in kb.add_paths([doc, other]).files] == ["read", "read"]
    assert [f.status for f in kb.add_paths([doc, other]).files] == ["skipped_unchanged", "skipped_unchanged"]
    doc.write_text("Refunds are paid within 3 business days.\n\n" + "More detail. " * 100, encoding="utf-8")
    statuses = {Path(f.source).name: f.status for f in kb.add_paths([doc, other]).files}
    assert statuses == {"policy.md": "replaced", "other.md": "skipped_unchanged"}
    texts = " ".join(p.text for p in kb.search("refunds business days", k=10))
    assert "3 business days" in texts and "10 business days" not in texts
    assert kb.stats()["chunks"] == kb.stats()["embedded"] > 2


def test_changing_chunk_size_rechunks_on_next_add(project, tmp_path):
    """After the user changes the chunk size, adding the same files again re-chunks them."""
    doc = tmp_path / "long.md"
    doc.write_text("\n\n".join(f"Section {i}: the value is {i * 7}." + " filler" * 40 for i in range(10)), "utf-8")
    kb = KnowledgeBase.open(project)
    kb.add_paths([doc])
    before = kb.stats()["chunks"]
    kb.close()
    project.set_section("knowledge", {"chunk_size": 200, "chunk_overlap": 20})
    kb = KnowledgeBase.open(project)
    assert kb.add_paths([doc]).files[0].status == "replaced"
    assert kb.stats()["chunks"] > before
    kb.close()


def test_progress_and_cancel(kb, tmp_path):
    """Adding a folder reports progress per file and stops cleanly when cancelled; adding again finishes."""
    for i in range(4):
        (tmp_path / f"f{i}.md").write_text(f"Fact number {i} is {i * 11}.", encoding="utf-8")
    events = []
    report = kb.add_paths(
        [tmp_path], progress=events.append, should_stop=lambda: sum(e.get("status") is not None for e in events) >= 2
    )
    assert report.cancelled and report.count("read") == 2
    assert kb.stats()["documents"] == 2
    assert all(e["total"] == 4 for e in events if e["stage"] == "read")
    report = kb.add_paths([tmp_path])
    assert not report.cancelled and (report.count("read"), report.count("skipped_unchanged")) == (2, 2)


def test_decoding_japanese_legacy_encodings():
    """Shift-JIS and EUC-JP text files from older Japanese tools decode correctly."""
    text = "取扱説明書：電源を入れる前に、必ず安全上の注意をお読みください。"
    assert decode_bytes(text.encode("cp932")) == (text, "cp932")
    assert decode_bytes(text.encode("euc_jp"))[0] == text
    assert decode_bytes(("\ufeff" + text).encode("utf-8")) == (text, "utf-8")


def test_chunks_respect_size_overlap_and_positions():
    """Chunks stay within the size, overlap, cover the text, and point to where they start."""
    text = ("文書の一文目です。" * 30) + "\n\n" + ("An English sentence follows here. " * 30)
    chunks = chunk_text(text, 120, 30)
    assert all(len(c) <= 120 for _, c in chunks)
    assert all(text[pos : pos + len(c)] == c for pos, c in chunks)
    starts = [pos for pos, _ in chunks]
    ends = [pos + len(c) for pos, c in chunks]
    assert all(s < e_prev for s, e_prev in zip(starts[1:], ends)), "consecutive chunks overlap"
    assert ends[-1] == len(text.rstrip())
    japanese = [c for _, c in chunks if "文書" in c and "English" not in c]
    assert japanese and all(c.endswith("。") for c in japanese[:-1]), "Japanese is cut at sentence ends"


def test_a_pdf_page_cut_into_one_word_per_line_reads_as_sentences_again():
    """Words a PDF placed on lines of their own are joined back (spaces between Latin words, none in
    Japanese), so passages read as text and keyword search finds phrases; normal pages stay as they are."""
    from desktop_app.core.knowledge.ingest import rejoin_shattered

    latin = "\n".join("The filter lasts twelve months in normal use and the warranty covers parts".split())
    assert rejoin_shattered(latin) == "The filter lasts twelve months in normal use and the warranty covers parts"
    japanese = "\n".join(
        [
            "保証期間は",
            "購入日から",
            "2年間",
            "です。",
            "修理は",
            "サポート",
            "センター",
            "で",
            "受け付け",
            "ます。",
            "以上",
            "です。",
        ]
    )
    assert (
        rejoin_shattered(japanese) == "保証期間は購入日から2年間です。修理はサポートセンターで受け付けます。以上です。"
    )
    normal = "A normal line with several words\nAnother normal line here"
    assert rejoin_shattered(normal) == normal
    assert rejoin_shattered(latin + "\n\n" + latin).count("\n\n") == 1  # paragraphs stay apart
