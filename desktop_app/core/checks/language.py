"""Which language an answer is written in, from the share of each writing system.

Why scripts and not a statistical detector: the failure users meet is "asked in Japanese,
answered in English" (or Chinese). Scripts tell ja / zh / ko / Latin apart offline, with no
model file and no dependency, in microseconds, and on two-word answers where n-gram
detectors guess. Kana (ひらがな/カタカナ) only occur in Japanese, Hangul only in Korean, Han
without kana is Chinese. Latin-script languages are not told apart ("en" means Latin script).

Units: a Latin word counts once and a CJK character counts once, so "API keyはSettingsから
設定します" reads as Japanese with a few English terms, and "The term 保証 means warranty"
as English with one Japanese word.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_KANA = re.compile(r"[\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_OTHER_WORD = re.compile(
    r"[^\W\d_A-Za-z\u00c0-\u024f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf"
    r"\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
    r"\U00020000-\U0002fa1f]+"
)
_FENCE = re.compile(r"```.*?(```|$)", re.S)  # code in an answer says nothing about its language
# Neither do quoted terms (「保証」, "Settings"), inline code, nor numbers with their units
# ("3.74kg", 「4時間20分」): "The answer is 4時間20分." is English.
_QUOTED = re.compile(r"「[^」]{0,40}」|『[^』]{0,40}』|\"[^\"]{0,40}\"|“[^”]{0,40}”|`[^`]{0,60}`")
_QUANTITY = re.compile(r"\d+(?:[.,:]\d+)*\s*(?:[A-Za-z%°]{1,4}\b|[\u3040-\u30ff\u4e00-\u9fff]{1,2}(?=\d|\W|$))")

# Han-only text shorter than this is undecidable between Japanese and Chinese (e.g. 東京都).
_HAN_ONLY_DECIDABLE = 8
# Japanese prose is ~30-60% kana; a stray katakana loanword in Chinese stays well below this.
_KANA_SHARE_JA = 0.05


def script_units(text: str) -> dict[str, int]:
    """Counts of kana, han, hangul characters and Latin / other-script words."""
    return dict(zip(("kana", "han", "hangul", "latin", "other"), _counts(text or "")))


@lru_cache(maxsize=32)  # the same output is checked by the language check and by defaults
def _counts(text: str) -> tuple[int, ...]:
    text = _FENCE.sub(" ", unicodedata.normalize("NFKC", text))
    text = _QUANTITY.sub(" ", _QUOTED.sub(" ", text))
    return tuple(len(rx.findall(text)) for rx in (_KANA, _HAN, _HANGUL, _LATIN_WORD, _OTHER_WORD))


def detect_language(text: str) -> tuple[str | None, dict[str, float]]:
    """('ja'|'zh'|'ko'|'en'|'cjk'|'other'|None, shares by language).

    'cjk' = Han only and too short to tell Japanese from Chinese; None = no letters at all.
    """
    u = script_units(text)
    cjk = u["kana"] + u["han"]
    total = cjk + u["hangul"] + u["latin"] + u["other"]
    if total == 0:
        return None, {}
    shares = {"cjk": cjk / total, "ko": u["hangul"] / total, "en": u["latin"] / total, "other": u["other"] / total}
    kana_share = u["kana"] / cjk if cjk else 0.0
    if cjk and (kana_share >= _KANA_SHARE_JA):
        shares["ja"] = shares["cjk"]
    elif cjk and u["han"] >= _HAN_ONLY_DECIDABLE:
        shares["zh"] = shares["cjk"]
    else:
        shares["ja"] = shares["zh"] = shares["cjk"] if cjk else 0.0
    best = max(("cjk", "ko", "en", "other"), key=lambda k: shares[k])
    if best == "cjk":
        if "ja" in shares and "zh" in shares:
            best = "cjk"
        else:
            best = "ja" if "ja" in shares else "zh"
    return best, {k: round(v, 4) for k, v in shares.items()}


def matches_language(text: str, expected: str) -> tuple[bool, float, str]:
    """(passed, share of the expected language, detected code) for a language check."""
    detected, shares = detect_language(text)
    if detected is None:
        return True, 1.0, "none"  # "42" or "✓" is in every language
    share = shares.get(expected, 0.0)
    ok = detected == expected or (detected == "cjk" and expected in ("ja", "zh"))
    return ok, share, detected
