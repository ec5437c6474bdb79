"""Writes knowledge_ja.pdf, the two-page Japanese PDF the knowledge ingestion tests read.

Run once by hand (needs reportlab, which the app itself does not use):
    .venv/bin/python tests/core/data/make_knowledge_pdf.py
HeiseiKakuGo-W5 is a CID font every PDF reader knows, so the file embeds no font and stays small.
"""

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

OUT = Path(__file__).with_name("knowledge_ja.pdf")
PAGES = [
    [
        "製品マニュアル オリオンX5",
        "第1章 バッテリー",
        "満充電で最大12時間連続して使用できます。",
        "充電には付属のアダプターで約2時間かかります。",
    ],
    [
        "第2章 保証とサポート",
        "保証期間は購入日から3年間です。",
        "型番KX-7731は欧州向けモデルです。",
        "修理の受付はサポートセンターで行います。",
    ],
]


def main() -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("HeiseiKakuGo-W5"))
    c = canvas.Canvas(str(OUT), pagesize=A4, invariant=1)  # invariant: same bytes on every run
    for lines in PAGES:
        c.setFont("HeiseiKakuGo-W5", 14)
        y = 780
        for line in lines:
            c.drawString(60, y, line)
            y -= 28
        c.showPage()
    c.save()
    from pypdf import PdfReader

    texts = [p.extract_text() for p in PdfReader(str(OUT)).pages]
    assert "12時間" in texts[0] and "3年間" in texts[1], texts
    print(OUT, OUT.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
