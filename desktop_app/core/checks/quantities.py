"""Numbers, units and dates as a person reads them, so "three", 「三つ」, "3" and "３" are one value.

``reading(text)`` rewrites an answer into one comparable form (NFKC, casefold, no digit-group
separators, number words as digits) and lists its quantities and dates with their positions,
so the verdict can ask what each number is attached to and whether it is negated.

- English number words: ``text2num`` (maintained, a small Rust wheel); hyphenated adjectives
  ("three-stage") are split first so it sees the word.
- Japanese numerals (三, 十二, 百二十, 一九九五, 12万, 1万2千): a few lines below, since the
  light converters handle only pure kanji and the mixed forms are what answers use.
- Dates: ISO, slashes and 年月日 by pattern; English month names through ``dateutil``.
- Units: one documented alias table (kg = kilograms = キロ, か月 = ヶ月 ...). Different units
  are never converted: "24 months" for "2 years" is a paraphrase the verdict leaves unsure.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from dateutil import parser as date_parser
from text_to_num import alpha2digit

# -- Japanese numerals -----------------------------------------------------------------------
_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_LARGE = {"万": 10_000, "億": 100_000_000}
# Not right after another kanji: 一 in 健一 or 鈴木一郎 is part of a name, not a number.
_JA_NUMBER = re.compile(
    r"(?<![\u3400-\u4dbf\u4e00-\u9fff])(?:\d+(?:\.\d+)?|[〇零一二三四五六七八九十百千])(?:\d+(?:\.\d+)?|[〇零一二三四五六七八九十百千万億])*"
)
# Japanese era years (和暦): the first year of each era in the Gregorian calendar, less one.
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}


def ja_number(text: str) -> float | None:
    """The value of a Japanese numeral run (三 3, 十二 12, 百二十 120, 一九九五 1995, 12万 120000,
    1万2千 12000), or None when it is not one."""
    if not any(c in _SMALL or c in _LARGE or c in _KANJI_DIGITS for c in text):
        return None
    if all(c in _KANJI_DIGITS for c in text):  # 一九九五: read digit by digit
        return float("".join(str(_KANJI_DIGITS[c]) for c in text))
    total, section, current = 0.0, 0.0, None
    for token in re.findall(r"\d+(?:\.\d+)?|.", text):
        if token[0].isdigit():
            current = float(token)
        elif token in _KANJI_DIGITS:
            current = float(_KANJI_DIGITS[token]) if current is None else current * 10 + _KANJI_DIGITS[token]
        elif token in _SMALL:
            section += (current if current is not None else 1) * _SMALL[token]
            current = None
        elif token in _LARGE:
            total += (section + (current or 0)) * _LARGE[token]
            section, current = 0.0, None
        else:
            return None
    return total + section + (current or 0)


def _ja_numerals(text: str) -> str:
    def repl(m: re.Match) -> str:
        run = m.group(0)
        if run.replace(".", "").isdigit():
            return run
        value = ja_number(run)
        return run if value is None else _num(value)

    return _JA_NUMBER.sub(repl, text)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# -- units -----------------------------------------------------------------------------------
# Spellings of one unit -> its name. Longer spellings are tried first.
_UNIT_ALIASES = {
    "kg": ("kg", "kgs", "kilogram", "kilograms", "kilo", "kilos", "キログラム", "キロ"),
    "g": ("g", "gram", "grams", "グラム"),
    "mg": ("mg", "ミリグラム"),
    "l": ("l", "litre", "litres", "liter", "liters", "リットル"),
    "ml": ("ml", "ミリリットル"),
    "km/h": ("km/h", "kmh", "kph"),
    "mph": ("mph",),
    "km": ("km", "kilometre", "kilometres", "kilometer", "kilometers", "キロメートル"),
    "m": ("m", "metre", "metres", "meter", "meters", "メートル"),
    # Areas and volumes ("32 m²" and "410 m³/h" read as m2 and m3/h once normalized): not metres.
    "m2": ("m2", "sq m", "square metres", "square meters", "平方メートル"),
    "m3/h": ("m3/h",),
    "m3": ("m3", "cubic metres", "cubic meters", "立方メートル"),
    "cm": ("cm", "centimetre", "centimetres", "センチ", "センチメートル"),
    "mm": ("mm", "ミリ"),
    "mile": ("mile", "miles"),
    "inch": ("inch", "inches", "in", '"', "インチ"),
    "v": ("v", "volt", "volts", "ボルト"),
    "w": ("w", "watt", "watts", "ワット"),
    "kw": ("kw", "キロワット"),
    "mah": ("mah",),
    "gb": ("gb", "ギガ"),
    "tb": ("tb",),
    "mb": ("mb",),
    "ghz": ("ghz",),
    "mhz": ("mhz",),
    "db": ("db", "decibel", "decibels", "デシベル"),
    "psi": ("psi",),
    "bar": ("bar",),
    "c": ("°c", "℃", "degrees celsius", "degree celsius", "degrees c", "度"),
    "%": ("%", "percent", "per cent", "パーセント"),
    "usd": ("dollars", "dollar", "usd", "ドル"),
    "jpy": ("円", "yen"),
    "year": ("years old", "years", "year", "yrs", "yr", "年間", "年"),
    "month": ("months", "month", "か月間", "ヶ月間", "カ月間", "ヵ月間", "か月", "ヶ月", "カ月", "ヵ月", "箇月"),
    "week": ("weeks", "week", "週間"),
    # Not days: a business day is no fixed share of a week or a calendar (holidays), so no conversion.
    "business day": ("business days", "business day", "working days", "working day", "営業日"),
    "day": ("days", "day", "日間", "日"),
    "hour": ("hours", "hour", "hrs", "hr", "h", "時間"),
    "minute": ("minutes", "minute", "mins", "min", "分間", "分"),
    "second": ("seconds", "second", "secs", "sec", "秒"),
    "person": ("people", "persons", "person", "人", "名"),
    "stage": ("段階", "段"),
}
_UNIT_LOOKUP = sorted(
    ((alias, unit) for unit, aliases in _UNIT_ALIASES.items() for alias in aliases), key=lambda p: -len(p[0])
)
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
_NUMBER = re.compile(r"(?<![a-z0-9.])(\d+(?:\.\d+)?)(?![\d])")
_CLOCK = re.compile(r"(?<![\d.])(\d{1,2}):(\d{2})(?!\d)")
_AMPM = re.compile(r"(?<![\d.])(\d{1,2})\s*(am|pm|a\.m\.|p\.m\.)(?![a-z])")
_CLOCK_JA = re.compile(r"(午前|午後)?(\d{1,2})時(?!間)(?:(\d{1,2})分)?")
_H_MIN_JA = re.compile(r"(\d+)時間(\d+)分")
_HALF_JA = re.compile(r"(\d+)([^\d\s])半")
_RANGE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?) to (\d+(?:\.\d+)?) ([a-z]+)")
_USB_C = re.compile(r"(?<![a-z0-9])usb[\s-]*type[\s-]*c(?![a-z0-9])")  # CJK may follow with no space
_MONTH_NUMBER = {m[:3]: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_END_OF_MONTH = re.compile(
    r"\bend of (january|february|march|april|may|june|july|august|september|october|november|december),? (\d{4})\b"
)
_END_OF_MONTH_JA = re.compile(r"(\d{4})年(\d{1,2})月末")


def _last_day(year: int, month: int) -> int:
    import calendar  # noqa: PLC0415 - only for "end of April 2025"

    return calendar.monthrange(year, month)[1] if 1 <= month <= 12 and 1 <= year <= 9999 else 28


_SPAN_UNIT = r"(second|minute|hour|day|week|month|year)s?"
_HALF_OF = re.compile(rf"\bhalf an? {_SPAN_UNIT}\b")
_AND_A_HALF = re.compile(rf"\b(?:an?|(\d+))\s+{_SPAN_UNIT} and a half\b")
_AND_A_HALF_AFTER = re.compile(rf"\b(\d+) and a half {_SPAN_UNIT}\b")
_SPEED_JA = re.compile(r"時速\s*(\d+(?:\.\d+)?)\s*(?:km|キロ)")
_ERA = re.compile("(" + "|".join(_ERAS) + r")(\d{1,2}|元)年")
_DOLLAR = re.compile(r"\$\s*(\d+(?:\.\d+)?)")
_YEN = re.compile(r"[¥￥]\s*(\d+(?:\.\d+)?)")


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str | None  # None: a bare number ("3", "2016"); "clock": a time of day
    start: int
    end: int
    code: bool = False  # part of a model code ("HL-4020"): not a measurement

    def same(self, other: "Quantity") -> bool:
        return abs(self.value - other.value) < 1e-9


# Words that follow a number without counting anything: "3 or 4" is not three "or"s.
_NOT_COUNTERS = frozenset(
    "or and to of in on at for with from by per than the a an is are was were if but so as nor vs".split()
)


def _unit_after(text: str, pos: int) -> tuple[str | None, int]:
    """(unit name or the following word as a counter, end) for the number ending at pos."""
    rest = text[pos : pos + 24]
    stripped = rest.lstrip(" -")
    offset = len(rest) - len(stripped)
    low = stripped
    for alias, unit in _UNIT_LOOKUP:
        if low.startswith(alias):
            nxt = low[len(alias) : len(alias) + 1]
            if alias[-1].isalpha() and alias.isascii() and nxt.isalpha() and nxt.isascii():
                continue  # "m" of "meters" handled by the longer alias; "in" not inside "inside"
            return unit, pos + offset + len(alias)
    m = re.match(rf"([a-z]+)|([{_CJK}])", stripped)
    if m and (m.group(2) or offset <= 1) and m.group(0) not in _NOT_COUNTERS:
        word = m.group(0)
        word = word[:-1] if word.endswith("s") and len(word) > 3 else word
        return word, pos + offset + len(m.group(0))
    return None, pos


@dataclass(frozen=True)
class Reading:
    text: str  # the normalized text all positions refer to
    quantities: tuple[Quantity, ...]
    dates: tuple[tuple[date | tuple[int, int | None], int, int], ...]  # (date or (year, month), start, end)


def _prepare(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").replace("’", "'").casefold()
    text = re.sub(r"(?<=\d)[,'](?=\d{3}(?!\d))", "", text)
    text = _ERA.sub(lambda m: f"{_ERAS[m.group(1)] + (1 if m.group(2) == '元' else int(m.group(2)))}年", text)
    text = _ja_numerals(text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)  # "three-stage" -> "three stage" for text2num
    text = alpha2digit(text, "en", threshold=0)
    text = re.sub(r"(\d)\s*-\s*(?=[a-z])", r"\1 ", text)  # "8-inch" -> "8 inch"
    text = _H_MIN_JA.sub(lambda m: f"{int(m.group(1)) * 60 + int(m.group(2))}分", text)
    text = _HALF_JA.sub(lambda m: f"{m.group(1)}.5{m.group(2)}", text)
    text = _HALF_OF.sub(r"0.5 \1", text)  # "half an hour", "half a year"
    text = _AND_A_HALF.sub(lambda m: f"{m.group(1) or 1}.5 {m.group(2)}", text)  # "an hour and a half"
    text = _AND_A_HALF_AFTER.sub(r"\1.5 \2", text)  # "1 and a half hours"
    text = text.replace("半年", "6か月")
    text = _USB_C.sub("usb-c", text)  # "USB Type-C" and "USB-C" are one port
    text = _RANGE.sub(r"\1 \3 to \2 \3", text)  # "1 to 2 weeks": the 1 is weeks too
    text = _END_OF_MONTH.sub(
        lambda m: f"{_last_day(int(m.group(2)), _MONTH_NUMBER[m.group(1)[:3]])} {m.group(1)} {m.group(2)}", text
    )
    text = _END_OF_MONTH_JA.sub(
        lambda m: f"{m.group(1)}年{m.group(2)}月{_last_day(int(m.group(1)), int(m.group(2)))}日", text
    )
    return _SPEED_JA.sub(r"\1km/h", text)


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_PATTERNS = (
    re.compile(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?!\d)"),
    re.compile(rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON}\s*,?\s*\d{{4}}"),
    re.compile(rf"{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*\d{{4}}"),
)
_YEAR_MONTH = (
    re.compile(r"(?<!\d)(\d{4})年(\d{1,2})月(?!\s*\d)"),
    re.compile(rf"({_MON})\s+(\d{{4}})"),
    re.compile(r"(?<![\d.])((?:19|20)\d{2})(?!\d|\.\d|年?\s*\d)"),
)


def _dates(text: str) -> list[tuple[date | tuple[int, int | None], int, int]]:
    found: list = []
    taken: list[tuple[int, int]] = []
    for n, rx in enumerate(_DATE_PATTERNS):
        for m in rx.finditer(text):
            try:
                if n == 0:
                    value = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                else:
                    value = date_parser.parse(m.group(0), default=None, fuzzy=True).date()
            except (ValueError, OverflowError, TypeError, date_parser.ParserError):
                continue
            found.append((value, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for n, rx in enumerate(_YEAR_MONTH):
        for m in rx.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            partial: tuple[int, int | None]
            if n == 0:
                partial = (int(m.group(1)), int(m.group(2)))
            elif n == 1:
                month = next(
                    (i for i, name in enumerate(_MONTHS.split("|"), 1) if name.startswith(m.group(1)[:3])), None
                )
                partial = (int(m.group(2)), month)
            else:
                partial = (int(m.group(1)), None)
            found.append((partial, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    return found


@lru_cache(maxsize=256)
def reading(text: str) -> Reading:
    """The answer's normalized text, quantities (dates left out) and dates."""
    text = _prepare(text)
    dates = _dates(text)
    # A bare year stays a quantity too ("1995年" answers "founded in which year?").
    in_date = [(s, e) for value, s, e in dates if isinstance(value, date) or value[1] is not None]
    quantities: list[Quantity] = []
    covered: list[tuple[int, int]] = list(in_date)

    def free(a: int, b: int) -> bool:
        return not any(a < e and s < b for s, e in covered)

    for rx in (_CLOCK_JA, _CLOCK, _AMPM):
        for m in rx.finditer(text):
            if not free(m.start(), m.end()):
                continue
            if rx is _CLOCK_JA:
                hour = int(m.group(2)) + (12 if m.group(1) == "午後" and int(m.group(2)) < 12 else 0)
            elif rx is _CLOCK:
                hour = int(m.group(1))
            else:
                hour = int(m.group(1)) % 12 + (12 if m.group(2).startswith("p") else 0)
            quantities.append(Quantity(float(hour), "clock", m.start(), m.end()))
            covered.append((m.start(), m.end()))
    for rx, currency in ((_DOLLAR, "usd"), (_YEN, "jpy")):
        for m in rx.finditer(text):
            if free(m.start(), m.end()):
                quantities.append(Quantity(float(m.group(1)), currency, m.start(), m.end()))
                covered.append((m.start(), m.end()))
    for m in _NUMBER.finditer(text):
        if not free(m.start(), m.end()):
            continue
        unit, end = _unit_after(text, m.end())
        code = re.search(r"[a-z]-$", text[max(0, m.start() - 2) : m.start()]) is not None
        quantities.append(Quantity(float(m.group(1)), unit, m.start(), end, code))
    quantities.sort(key=lambda q: q.start)
    return Reading(text, tuple(quantities), tuple(dates))


def compatible(expected: Quantity, found: Quantity) -> bool:
    """Could ``found`` be an answer to ``expected``: same unit, or either side a bare number."""
    if found.code and expected.unit is not None:
        return False
    return expected.unit is None or found.unit is None or expected.unit == found.unit


# -- the same amount in other units ------------------------------------------------------------
# Exact conversions only, each unit's size in its family's smallest unit: "24 months" is 2
# years and "2 years and 3 months" is 27 months to anyone, but a month is no fixed number of
# days, so months and days never meet (and GB/MB stay apart: 1000 or 1024 is a convention).
_FAMILIES = {
    "calendar": {"year": 12, "month": 1},
    "time": {"week": 604800, "day": 86400, "hour": 3600, "minute": 60, "second": 1},
    "mass": {"kg": 1_000_000, "g": 1000, "mg": 1},
    "length": {"km": 1_000_000, "m": 1000, "cm": 10, "mm": 1},
    "volume": {"l": 1000, "ml": 1},
    "power": {"kw": 1000, "w": 1},
}
_FAMILY_OF = {unit: (name, size) for name, sizes in _FAMILIES.items() for unit, size in sizes.items()}
_JOINER = re.compile(r"^\s*(?:,|and|&|plus|と|、)?\s*$")


def in_base(q: Quantity) -> tuple[str, float] | None:
    """(family, value in the family's smallest unit), or None for a unit without exact conversions."""
    found = _FAMILY_OF.get(q.unit or "")
    return (found[0], q.value * found[1]) if found else None


def amounts(found: tuple[Quantity, ...], text: str) -> list[tuple[str, float, int, int]]:
    """Every amount the text states in convertible units: each quantity alone, and runs of
    neighbours joined by "and" or nothing ("2 years and 3 months", 「1時間30分」) summed, as
    (family, value in base units, start, end)."""
    out = []
    ordered = [q for q in sorted(found, key=lambda q: q.start) if in_base(q) and not q.code]
    for i, first in enumerate(ordered):
        family, total = in_base(first)  # type: ignore[misc]
        out.append((family, total, first.start, first.end))
        end = first.end
        for nxt in ordered[i + 1 :]:
            step = in_base(nxt)
            if step is None or step[0] != family or not _JOINER.match(text[end : nxt.start]):
                break
            total += step[1]
            end = nxt.end
            out.append((family, total, first.start, end))
    return out


# A month is 28 to 31 days and a year 365 or 366: no exact conversion, but "2 years" can never
# be "30 days", whatever the calendar.
_MONTH_DAYS = (28.0, 31.0)


def day_span(family: str, value: float) -> tuple[float, float] | None:
    """The days an amount of ``amounts`` can last: (shortest, longest); None if not a duration."""
    if family == "time":
        return value / 86400, value / 86400
    if family == "calendar":
        if value % 12 == 0:
            return value / 12 * 365, value / 12 * 366
        return value * _MONTH_DAYS[0], value * _MONTH_DAYS[1]
    return None
