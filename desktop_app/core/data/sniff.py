"""Look at the first bytes of a delimited text file: binary or text, which encoding, which delimiter.

Only a bounded sample is read, so sniffing a 200 MB export costs the same as a 2 kB one.
Our users' files are often Japanese: charset-normalizer alone mislabels short Shift-JIS
samples (or finds nothing when NEC extensions like ① or ㈱ appear), so Japanese candidates
are tried first and judged by how Japanese the decoded text looks; cp932 is preferred over
strict shift_jis because Excel on Windows writes cp932.
"""

from __future__ import annotations

import codecs
import csv
import re

import charset_normalizer

from desktop_app.core.errors import DataError
from desktop_app.core.data.files import binary_kind
from desktop_app.core.phrases import phrase, translate

SAMPLE_BYTES = 1 << 20  # encoding check: the first MiB (cut at a line end)
CN_BYTES = 64 << 10  # charset-normalizer gets less: it is slow on large inputs
DELIMITERS = ",\t;|"

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_JAPANESE = {
    "cp932",
    "shift_jis",
    "shift_jis_2004",
    "shift_jisx0213",
    "euc_jp",
    "euc_jis_2004",
    "euc_jisx0213",
    "iso2022_jp",
}
_KOREAN = {"cp949", "euc_kr", "johab"}  # what charset-normalizer often calls kanji-only EUC-JP
LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with BOM",
    "cp932": "Shift-JIS (cp932)",
    "euc_jp": "EUC-JP",
    "latin-1": "Latin-1",
    "cp1252": "Windows-1252 (Latin-1)",
    "utf-16": "UTF-16",
    "utf-32": "UTF-32",
}

_KANA = re.compile(r"[\u3040-\u30ff]")
_HALF_KANA = re.compile(r"[\uff61-\uff9f]")
# Characters a Japanese business file plausibly holds besides ASCII: kana, kanji, CJK and
# full-width punctuation, circled numbers, ㈱-style symbols, JIS Greek/Cyrillic, arrows.
_JA_OK = re.compile(
    r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60"
    r"\u2010-\u2312\u2460-\u24ff\u2500-\u257f\u25a0-\u26ff\u3200-\u33ff"
    r"\u0391-\u03c9\u0401-\u0451\u00a7\u00a8\u00b0\u00b1\u00b4\u00b6\u00d7\u00f7]"
)
_LATIN_OK = re.compile(
    r"[\u00c0-\u00ff\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    r"\u2013\u2014\u2018-\u201e\u2022\u2026\u20ac\u2122]"
)


def check_not_binary(head: bytes, path_name: str) -> None:
    """Refuse images, archives and other binaries before they turn into pages of mojibake."""
    kind = binary_kind(head)
    if kind is None:
        return
    if kind == "binary data":
        raise DataError(
            phrase(translate("DataErrors", "{name} is not a text table: it contains binary data."), name=path_name),
            translate("DataErrors", "Choose the CSV, XLSX or JSONL file of your evaluation set."),
            details={"kind": "binary"},
        )
    hint = translate("DataErrors", "Export the data as CSV (UTF-8 or Shift-JIS), XLSX or JSONL.")
    if head.startswith(b"PK\x03\x04"):
        hint = translate(
            "DataErrors", "If it is an Excel workbook, give it the .xlsx extension; otherwise export it as CSV."
        )
    elif head.startswith(b"\xd0\xcf\x11\xe0"):
        hint = translate("DataErrors", "Open it in Excel and save it as .xlsx or CSV.")
    raise DataError(
        phrase(translate("DataErrors", "{name} is not a text table: it looks like {kind}."), name=path_name, kind=kind),
        hint,
        details={"kind": "binary"},
    )


def cut_at_line_end(sample: bytes, complete: bool) -> bytes:
    """Drop a possibly split last line so a multi-byte character is never cut in two."""
    if complete:
        return sample
    end = sample.rfind(b"\n")
    return sample[: end + 1] if end > 0 else sample


def _strict(sample: bytes, encoding: str) -> str | None:
    try:
        return sample.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _japanese_score(text: str, need_kana: bool = True) -> float:
    """Share of non-ASCII characters that look Japanese; EUC-JP read as cp932 scores low."""
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    if not non_ascii or (need_kana and not (_KANA.search(text) or _HALF_KANA.search(text))):
        return 0.0
    ok = len(_JA_OK.findall(text)) + 0.3 * len(_HALF_KANA.findall(text))
    return ok / non_ascii


def _looks_western(text: str) -> bool:
    """Accented Latin letters sprinkled in ASCII words (Cyrillic read as cp1252 is all accents)."""
    letters = sum(1 for ch in text if ch.isalpha())
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not letters or not non_ascii:
        return False
    ok = sum(1 for ch in non_ascii if _LATIN_OK.match(ch))
    return ok / len(non_ascii) > 0.9 and len(non_ascii) / letters < 0.4


def normalize_encoding(name: str) -> str:
    """The codec name we store and show: 'Shift-JIS' -> 'shift_jis', 'UTF8' -> 'utf-8'."""
    try:
        codec = codecs.lookup(name.strip()).name
    except (LookupError, AttributeError):
        raise DataError(
            phrase(translate("DataErrors", "Unknown encoding '{name}'."), name=name),
            translate("DataErrors", "Use e.g. utf-8, utf-8-sig, cp932 (Shift-JIS), euc_jp or latin-1."),
            details={"kind": "unknown_encoding", "encoding": name},
        ) from None
    return {"iso8859-1": "latin-1", "euc_jp": "euc_jp"}.get(codec, codec)


def detect_encoding(sample: bytes) -> str:
    """Best codec for ``sample`` (already cut at a line end); never fails (latin-1 reads anything)."""
    for bom, bom_codec in _BOMS:
        if sample.startswith(bom):
            return bom_codec
    if _strict(sample, "utf-8") is not None:
        return "utf-8"
    scored = []
    for codec in ("cp932", "euc_jp"):
        text = _strict(sample, codec)
        if text is not None:
            scored.append((_japanese_score(text), codec))
    if scored and max(scored)[0] >= 0.8:
        return max(scored)[1]
    western = _strict(sample, "cp1252")
    if western is not None and _looks_western(western):
        return "latin-1" if not re.search(rb"[\x80-\x9f]", sample) else "cp1252"
    best = charset_normalizer.from_bytes(sample[:CN_BYTES]).best()
    name = normalize_encoding(best.encoding) if best is not None else None
    if name and name.startswith(("utf-16", "utf-32")):
        name = None  # without a BOM (checked above) these "decode" almost any even-length bytes
    if name in _JAPANESE:
        name = "euc_jp" if name.startswith("euc") else "cp932"
    elif name is None or name in _KOREAN:
        # Kanji-only samples carry no kana; for our users a Japanese reading beats Korean/Chinese.
        scored = [
            (_japanese_score(text, need_kana=False), enc)
            for enc in ("cp932", "euc_jp")
            if (text := _strict(sample, enc)) is not None
        ]
        if scored and max(scored)[0] >= 0.95:
            return max(scored)[1]
    if name and _strict(sample, name) is not None:
        return name
    return "latin-1"


def label(encoding: str | None) -> str:
    return LABELS.get(encoding or "", encoding or "")


def sniff_delimiter(text: str, suffix: str) -> str:
    """The delimiter that splits the first lines into the same number (> 1) of fields."""
    text = text[:65536]  # fifty lines are plenty; splitting a whole 1 MiB sample is not
    lines = text.splitlines(keepends=True)[:50]
    if len(lines) > 1 and not text.endswith(("\n", "\r")):
        lines = lines[:-1]  # the sample may end mid-line
    head = "".join(lines)
    if not head.strip():
        return "\t" if suffix == ".tsv" else ","

    def consistent(delim: str) -> int:
        try:
            widths = {len(r) for r in csv.reader(head.splitlines(keepends=True), delimiter=delim) if r}
        except csv.Error:
            return 0
        width = widths.pop() if len(widths) == 1 else 0
        return width if width > 1 else 0

    preferred = "\t" if suffix == ".tsv" else None
    if preferred and consistent(preferred):
        return preferred
    try:
        sniffed = csv.Sniffer().sniff(head, delimiters=DELIMITERS).delimiter
    except csv.Error:
        sniffed = None
    if sniffed and consistent(sniffed):
        return sniffed
    widths = {d: consistent(d) for d in DELIMITERS}
    best = max(widths, key=lambda d: (widths[d], d == ","))
    return best if widths[best] else (preferred or ",")


def parse_delimiter(value: str) -> str:
    """Accept a character or a name ('tab', '\\t', 'semicolon') for the --delimiter option."""
    names = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " "}
    delim = names.get(value.strip().lower(), value) if value.strip() else value
    if len(delim) != 1 or delim in '"\r\n':
        raise DataError(
            phrase(translate("DataErrors", "'{value}' cannot be used as a delimiter."), value=value),
            translate("DataErrors", "Give one character, e.g. ',' ';' '|' or 'tab'."),
            details={"kind": "bad_delimiter", "delimiter": value},
        )
    return delim
