"""Files built to hurt (zip bombs) or named as what they are not (random bytes as .txt) are refused
with a plain reason, quickly, before they can fill the memory or the index."""

from __future__ import annotations

import os
import time
import zipfile

import docx
import pytest

from desktop_app.core.data.readers import read_table
from desktop_app.core.errors import DataError, KnowledgeError
from desktop_app.core.data.files import archive_problem
from desktop_app.core.knowledge.ingest import read_document


def _bomb(path, template_maker, member: str, unpacked_mb: int):
    """A real document with one part replaced by ``unpacked_mb`` MB of one repeated byte."""
    template_maker(path)
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
        with z.open(member, "w", force_zip64=True) as fh:
            chunk = b"A" * (1 << 20)
            for _ in range(unpacked_mb):
                fh.write(chunk)
    return path


def _docx(path):
    document = docx.Document()
    document.add_paragraph("The FX-40 filter lasts 12 months.")
    document.save(path)


def _xlsx(path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["question", "answer"])
    wb.active.append(["How long does the filter last?", "12 months"])
    wb.save(path)


def test_a_docx_bomb_is_refused_before_it_is_opened(tmp_path):
    """A small .docx that would unpack to hundreds of MB is refused in well under a second."""
    path = _bomb(tmp_path / "manual.docx", _docx, "word/media/filler.bin", 300)
    assert path.stat().st_size < 2_000_000
    started = time.monotonic()
    with pytest.raises(KnowledgeError) as caught:
        read_document(path)
    assert time.monotonic() - started < 2
    assert caught.value.details["reason"] == "archive_bomb"
    assert "compressed" in caught.value.message and caught.value.hint


def test_an_xlsx_bomb_is_refused_with_a_plain_message(tmp_path):
    """An evaluation workbook built as a bomb is refused by the importer, not opened."""
    path = _bomb(tmp_path / "eval.xlsx", _xlsx, "xl/media/filler.bin", 300)
    with pytest.raises(DataError) as caught:
        read_table(path)
    assert caught.value.details["kind"] == "archive_bomb"


def test_a_real_docx_with_pictures_is_read(tmp_path):
    """Ordinary documents are far inside the limits: nothing real is refused."""
    path = tmp_path / "real.docx"
    _docx(path)
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("word/media/photo.jpg", os.urandom(3 << 20))  # pictures do not compress
    assert archive_problem(path) is None
    assert "12 months" in read_document(path).pages[0][1]


@pytest.mark.parametrize("name", ["notes.txt", "faq.md", "prices.csv"])
def test_random_bytes_named_as_text_are_refused(tmp_path, name):
    """200 KB of random bytes named .txt is not indexed as 400 passages of noise."""
    path = tmp_path / name
    path.write_bytes(os.urandom(200_000))
    with pytest.raises(KnowledgeError) as caught:
        read_document(path)
    assert caught.value.details["reason"] == "binary"
    assert "not a text file" in caught.value.message


def test_a_named_pipe_is_refused_as_a_dataset_and_as_a_document_without_waiting(tmp_path, capsys):
    """A FIFO given as a file is named for what it is, at once, instead of "a folder" or "not found"."""
    import os

    from desktop_app.cli import main

    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    assert main(["new", str(tmp_path / "p"), "--dataset", str(fifo)]) == 2
    assert "not a regular file" in capsys.readouterr().err
    data = tmp_path / "d.csv"
    data.write_text("question,answer\nA?,a\n", encoding="utf-8")
    assert main(["new", str(tmp_path / "q"), "--dataset", str(data)]) == 0
    capsys.readouterr()
    assert main(["knowledge-add", str(tmp_path / "q"), str(fifo)]) == 2
    assert "not a regular file" in capsys.readouterr().out


def test_jsonl_whose_first_line_is_a_list_names_that_line(tmp_path, capsys):
    """JSON lines starting with a list get "line 1 is a JSON list", not a puzzling "Extra data"."""
    from desktop_app.cli import main

    data = tmp_path / "d.jsonl"
    data.write_text('[1, 2]\n{"question": "a", "answer": "b"}\n', encoding="utf-8")
    assert main(["new", str(tmp_path / "p"), "--dataset", str(data)]) == 2
    err = capsys.readouterr().err
    assert "line 1 is a JSON list, not an object" in err and "Extra data" not in err
