"""Does an answer assert a phrase, or negate it, hedge it among candidates, or refuse?

Works on the normalized text of ``quantities.reading`` and a span in it. Short pattern lists
for English and Japanese; a Japanese tokeniser was weighed (janome: a 19.7 MB wheel with its
dictionary in the standalone build) but negation and alternatives show in the particles and
endings right next to the phrase (「Xではなく」「Xには対応していません」「XかY」), which
patterns read as well.
"""

from __future__ import annotations

import re

_REFUSAL = re.compile(
    r"\bi(?: am|'m)? (?:do not|don't|cannot|can't|can not|am unable to|'m unable to|unable to|am not able to|"
    r"'m not able to|have no)\b.{0,40}\b(?:know|have|access|answer|provide|find|confirm|say|help|information|"
    r"details|data)\b"
    r"|\bas an ai\b|\bno information (?:about|on|is available)\b|\bi(?:'m| am) not (?:aware|sure|certain)\b"
    r"|^\W*(?:no idea|not sure|unknown|n/a)\W*$"
    r"|\b(?:documents?|passages?|context|sources?|manual) (?:do not|does not|don't|doesn't) (?:say|mention|state|contain|include|give|list|specify)\b"
    r"|(?:記載|記述|情報)(?:が|は)?(?:ありません|ございません|されていません|見当たりません|見つかりません)"
    r"|わかりません|分かりません|わかりかねます|分かりかねます|存じません|お答えできません|回答できません|お答えしかねます"
    r"|情報(?:は|を|が)?(?:持って(?:い|お)りません|持っていません|持ち合わせて(?:い|お)りません|ございません|ありません)"
    r"|(?:手元に|その)情報がない|不明です"
)
_SENTENCE = re.compile(r"[.!?。！？\n](?:\s|$)|[;；]|[。！？]")
_CLAUSE = re.compile(r"[.!?。！？\n](?:\s|$)|[;；,，、。！？:]|\b(?:but|however|whereas|although|though)\b")
_NEGATOR_BEFORE = re.compile(
    r"\b(?:not|never|no|isn't|aren't|wasn't|weren't|doesn't|don't|didn't|won't|cannot|can't|unlike|"
    r"instead of|rather than|neither|nor|without)\b"
)
_NEGATION_AFTER = re.compile(
    r"^\W{0,3}(?:is|are|was|were)\s+(?:not|never)\b|^\W{0,3}(?:isn't|aren't|wasn't|weren't)\b"
    r"|^\s*\?\s*no\b"
)
_NEGATION_AFTER_JA = re.compile(
    r"^(?:で|じゃ)?(?:は)?(?:なく|ない|ありません|ございません)"
    r"|ません|ておらず|ていない|てない|なかった|ではない|じゃない"
)
_HEDGE_WORDS = re.compile(
    r"\b(?:either|possibly|perhaps|maybe|might|probably|not sure|not certain|unsure|"
    r"depending)\b|だと思います|かもしれません|おそらく|たぶん|どちらか"
)
# "X or Y", "Y or X", "3, 4 or 5": the phrase is itself one of the alternatives (not "X before Y or Z").
_OR_AFTER = re.compile(
    r"^\W{0,2}(?:,\s*[^,.;]{1,20}){0,3}\s*,?\s*or\b(?!\s+(?:"
    + "|".join(
        # "write to X or call us": another way to act, not another answer
        (
            "call",
            "phone",
            "visit",
            "contact",
            "chat",
            "ask",
            "email",
            "e-mail",
            "text",
            "message",
            "write",
            "send",
            "use",
            "go",
            "see",
            "check",
            "try",
            "come",
            "stop by",
            "drop by",
            "reach",
            "book",
            "order",
            "tap",
            "click",
        )
    )
    + r")\b)"
)
_OR_BEFORE = re.compile(r"\bor\W{0,2}$")
_KANA = re.compile(r"[\u3040-\u309f]")


def refuses(text: str) -> bool:
    """The answer declines or says it does not know (normalized text)."""
    return _REFUSAL.search(text) is not None


def _bounds(rx: re.Pattern, text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in rx.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in rx.finditer(text, end)), len(text))
    return left, right


def negated(text: str, start: int, end: int) -> bool:
    """The phrase at text[start:end] is denied in its clause ("not X", "X is not", 「Xではなく」)."""
    left, right = _bounds(_CLAUSE, text, start, end)
    before, after = text[left:start], text[end:right]
    if _NEGATOR_BEFORE.search(before) or _NEGATION_AFTER.search(after):
        return True
    return _NEGATION_AFTER_JA.search(after) is not None


def hedged(text: str, start: int, end: int) -> bool:
    """The phrase is one of several candidates ("either X or Y", "X or Y", 「XかY」, "maybe X")."""
    left, right = _bounds(_SENTENCE, text, start, end)
    sentence = text[left:start] + " " + text[end:right]
    if _HEDGE_WORDS.search(sentence):
        return True
    before, after = text[left:start], text[end:right]
    if _OR_AFTER.match(after) or _OR_BEFORE.search(before):
        return True
    # 「1年か2年」「大阪か名古屋」: か right after a phrase, not から / か月 / かかります
    if before.endswith("か") and len(before) > 1 and not _KANA.match(before[-2]):
        return True
    return bool(re.match(r"か(?![らかっ月ヶ])[^\u3040-\u309f]", after))
