"""Which column is the input, the expected output, the id, the context, the category.

Guessed from header names in English and Japanese, case- and width-insensitive (ＩＤ = id,
Ｑｕｅｓｔｉｏｎ = question); an explicit mapping from the user always wins.
"""

from __future__ import annotations

import re
import unicodedata

from desktop_app.core.errors import DataError
from desktop_app.core.phrases import phrase, translate

ROLES = ("input", "expected", "id", "context", "category")

# Earlier synonyms win ties: a file with both "answer" and "output" maps "answer".
SYNONYMS: dict[str, tuple[str, ...]] = {
    "input": (
        "question",
        "input",
        "prompt",
        "query",
        "user_input",
        "user input",
        "instruction",
        "user",
        "q",
        "質問",
        "入力",
        "問い",
        "質問文",
        "問題",
        "設問",
        "問",
        "クエリ",
        "プロンプト",
        "指示",
        "ユーザー入力",
        "発話",
        "問合せ",
        "問い合わせ",
    ),
    "expected": (
        "answer",
        "expected",
        "expected_output",
        "expected_answer",
        "ideal",
        "reference",
        "reference_answer",
        "ground_truth",
        "gold",
        "target",
        "output",
        "response",
        "completion",
        "label",
        "a",
        "正解",
        "回答",
        "期待",
        "期待値",
        "期待出力",
        "期待回答",
        "期待する回答",
        "模範解答",
        "解答",
        "答え",
        "答",
        "正答",
        "出力",
        "応答",
        "返答",
    ),
    "id": (
        "id",
        "row_id",
        "question_id",
        "qid",
        "uid",
        "key",
        "no",
        "number",
        "num",
        "#",
        "番号",
        "通し番号",
        "連番",
        "識別子",
        "質問番号",
        "問題番号",
        "№",
    ),
    "context": (
        "context",
        "contexts",
        "passage",
        "passages",
        "document",
        "reference_text",
        "source",
        "knowledge",
        "background",
        "evidence",
        "文脈",
        "参考",
        "参考情報",
        "参考資料",
        "コンテキスト",
        "根拠",
        "資料",
        "出典",
        "背景",
        "参照",
    ),
    "category": (
        "category",
        "categories",
        "type",
        "tag",
        "tags",
        "topic",
        "group",
        "class",
        "genre",
        "kind",
        "カテゴリ",
        "カテゴリー",
        "分類",
        "種別",
        "区分",
        "ジャンル",
        "タグ",
        "種類",
        "トピック",
    ),
}

_SEPARATORS = re.compile(r"[\s_\-.・:：()（）\[\]【】「」/]+")
_TOKENS = re.compile(r"[a-z0-9#]+|[^\x00-\x7f]+")


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKC", str(name)).casefold().strip()


def _compact(name: str) -> str:
    return _SEPARATORS.sub("", _fold(name))


def _tokens(name: str) -> set[str]:
    return set(_TOKENS.findall(_SEPARATORS.sub(" ", _fold(name))))


def _match(column: str, synonym: str) -> int:
    """2 for the same name, 1 when the synonym is a word of the name ('expected answer'), else 0."""
    if _compact(column) == _compact(synonym):
        return 2
    folded = _fold(synonym)
    if folded.isascii():
        words = set(_TOKENS.findall(_SEPARATORS.sub(" ", folded)))
        # 'q', 'a', 'no' would match far too much as parts of longer names
        return 1 if len(_compact(synonym)) >= 3 and words <= _tokens(column) else 0
    return 1 if len(folded) >= 2 and folded in _compact(column) else 0


def guess_mapping(columns) -> dict:
    """{role: column or None} for the roles in ROLES, each column used at most once."""
    columns = [str(c) for c in columns]
    candidates = []
    for role_order, role in enumerate(ROLES):
        for rank, synonym in enumerate(SYNONYMS[role]):
            for index, column in enumerate(columns):
                score = _match(column, synonym)
                if score:
                    candidates.append((-score, rank, role_order, index, role, column))
    mapping: dict[str, str | None] = dict.fromkeys(ROLES)
    used: set[str] = set()
    for *_, role, column in sorted(candidates):
        if mapping[role] is None and column not in used:
            mapping[role] = column
            used.add(column)
    return mapping


def find_column(columns: list[str], wanted: str, role: str) -> str:
    """The column called ``wanted`` (exact, else case/width-insensitive), or a DataError listing them."""
    if wanted in columns:
        return wanted
    folded = [c for c in columns if _compact(c) == _compact(wanted)]
    if len(folded) == 1:
        return folded[0]
    raise DataError(
        phrase(
            translate("DataErrors", "There is no column '{column}' (asked for as the {role} column)."),
            column=wanted,
            role=role,
        ),
        phrase(translate("DataErrors", "Available columns: {columns}."), columns=", ".join(columns)),
        details={"kind": "missing_column", "column": wanted, "role": role, "columns": list(columns)},
    )


def resolve_mapping(columns: list[str], explicit: dict | None) -> dict:
    """Merge the user's mapping (which wins; None means 'no such column') with guesses."""
    explicit = dict(explicit or {})
    unknown = set(explicit) - set(ROLES)
    if unknown:
        raise DataError(
            f"Unknown mapping key(s): {', '.join(sorted(unknown))}.",
            f"Use {', '.join(ROLES)}.",
            details={"kind": "bad_mapping"},
        )
    mapping: dict[str, str | None] = {}
    for role in ROLES:
        if role in explicit:
            wanted = explicit[role]
            mapping[role] = find_column(columns, str(wanted), role) if wanted not in (None, "") else None
    chosen = [c for c in mapping.values() if c]
    if len(chosen) != len(set(chosen)):
        twice = sorted({c for c in chosen if chosen.count(c) > 1})
        raise DataError(
            phrase(translate("DataErrors", "Column '{column}' is mapped to more than one role."), column=twice[0]),
            translate("DataErrors", "Give each role its own column."),
            details={"kind": "bad_mapping", "columns": twice},
        )
    guessed = guess_mapping([c for c in columns if c not in chosen])
    for role in ROLES:
        mapping.setdefault(role, guessed[role])
    for role, option in (("input", "--input"), ("expected", "--expected")):
        if not mapping[role]:
            raise DataError(
                phrase(
                    translate("DataErrors", "No {role} column was found among: {columns}."),
                    role=role,
                    columns=", ".join(columns),
                ),
                phrase(
                    translate("DataErrors", "Name the {role} column ({option} COLUMN, or map it in the Data step)."),
                    role=role,
                    option=option,
                ),
                details={"kind": "missing_column", "role": role, "columns": list(columns)},
            )
    return {role: mapping[role] for role in ROLES}
