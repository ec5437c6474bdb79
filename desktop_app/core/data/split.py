"""Row ids and the examples-pool split, computed on 8-byte hashes so 1M rows cost ~16 MB.

Ids without an id column come from the content (input + expected), so re-importing the same
rows gives the same ids and stored results stay attached. The pool is drawn by input group:
rows whose normalized inputs are equal always land on the same side, so no evaluation input
is also a few-shot example.
"""

from __future__ import annotations

import json
import unicodedata
from hashlib import blake2b
from pathlib import Path
from typing import Callable

import numpy as np

from desktop_app.core.errors import DataError
from desktop_app.core.phrases import phrase, translate

SHOWN = 5  # duplicate ids named in an error


def h64(text: str) -> int:
    return int.from_bytes(blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def input_key(text: str) -> int:
    """Hash of the input with width, case and whitespace folded: the unit of the split."""
    return h64(" ".join(unicodedata.normalize("NFKC", text).casefold().split()))


def content_id(text: str, expected: str) -> str:
    digest = blake2b(f"{text}\x1f{expected}".encode("utf-8", "surrogatepass"), digest_size=4)
    return "r-" + digest.hexdigest()


def check_split_args(examples, seed) -> tuple[int, int]:
    if isinstance(examples, bool) or not isinstance(examples, int) or examples < 0:
        raise DataError(
            f"The examples pool size must be a whole number of 0 or more, not {examples!r}.",
            "Give e.g. 20, or 0 for no examples pool.",
            details={"kind": "bad_split"},
        )
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise DataError(
            f"The split seed must be a whole number, not {seed!r}.", "Give e.g. 0.", details={"kind": "bad_split"}
        )
    return examples, seed


def _duplicates_error(path: Path, dup_hashes: np.ndarray, ids: np.ndarray, source_name: str) -> DataError:
    positions = set(np.nonzero(np.isin(ids, dup_hashes))[0].tolist())
    found: dict[str, list[int]] = {}
    with open(path, encoding="utf-8") as fh:
        for pos, line in enumerate(fh):
            if pos in positions:
                rec = json.loads(line)
                if rec["id"] in found or len(found) < SHOWN:
                    found.setdefault(rec["id"], []).append(rec["line"])
    shown = ", ".join(f"'{i}' (lines {', '.join(map(str, lines))})" for i, lines in found.items())
    return DataError(
        phrase(
            translate("DataErrors", "{name}: {count} id(s) appear more than once, e.g. {shown}."),
            name=source_name,
            count=len(dup_hashes),
            shown=shown,
        ),
        translate("DataErrors", "Ids must be unique: fix them, or import without an id column so ids are generated."),
        details={"kind": "duplicate_ids", "count": int(len(dup_hashes)), "ids": list(found), "lines": found},
    )


def _repeated(values: np.ndarray) -> np.ndarray:
    """The distinct values that occur more than once (one sorted copy, no index arrays)."""
    ordered = np.sort(values)
    same = ordered[1:] == ordered[:-1]
    return np.unique(ordered[1:][same])


def fix_ids(path: Path, ids: np.ndarray, generated: np.ndarray, source_name: str, new_temp: Callable[[], Path]) -> Path:
    """Refuse duplicate ids from the file; number generated ids that collide ('r-…-2', in file
    order). Returns the path of the rows file to keep (``path`` or a rewritten copy)."""
    dup = _repeated(ids)
    if not dup.size:
        return path
    generated = generated.astype(bool)
    in_dup = np.isin(ids, dup)
    given = ids[in_dup & ~generated]
    given_dup = _repeated(given)
    if given_dup.size:
        raise _duplicates_error(path, given_dup, ids, source_name)
    taken = set(given.tolist())  # a file id equal to a generated one keeps it
    renumber = set(np.nonzero(in_dup & generated)[0].tolist())
    ids = ids.copy()
    seen: dict[str, int] = {}
    out_path = new_temp()
    with (
        open(path, encoding="utf-8") as src,
        open(out_path, "w", encoding="utf-8", errors="backslashreplace", newline="\n") as out,
    ):
        for pos, line in enumerate(src):
            if pos in renumber:
                rec = json.loads(line)
                base = rec["id"]
                k = seen.get(base, 1 if int(ids[pos]) in taken else 0) + 1
                seen[base] = k
                if k > 1:
                    rec["id"] = f"{base}-{k}"
                    ids[pos] = h64(rec["id"])
                    line = json.dumps(rec, ensure_ascii=False) + "\n"
            out.write(line)
    still = _repeated(ids)
    if still.size:  # only if a file id looks exactly like a numbered generated one
        raise _duplicates_error(out_path, still, ids, source_name)
    return out_path


def _priorities(input_hashes: np.ndarray, seed: int) -> np.ndarray:
    """A seeded shuffle key per row, equal for equal inputs: splitmix64 of (hash xor seed key).

    Sorting by it orders the input groups at random without the index arrays a permutation
    of groups would need, and the order depends only on the seed and the set of inputs.
    """
    key = np.uint64(int.from_bytes(blake2b(f"split:{seed}".encode(), digest_size=8).digest(), "little"))
    z = input_hashes ^ key
    z ^= z >> np.uint64(30)
    z *= np.uint64(0xBF58476D1CE4E5B9)
    z ^= z >> np.uint64(27)
    z *= np.uint64(0x94D049BB133111EB)
    z ^= z >> np.uint64(31)
    return z


def choose_pool(input_hashes: np.ndarray, n: int, seed: int, total: int) -> np.ndarray:
    """Boolean mask of the rows in the examples pool: ``n`` rows (fewer only when input groups
    cannot add up to exactly ``n``), whole input groups taken in seeded random order."""
    if n == 0:
        return np.zeros(total, dtype=bool)
    if n >= total:
        raise DataError(
            phrase(
                translate("DataErrors", "An examples pool of {n} leaves no rows to evaluate (there are {total})."),
                n=n,
                total=total,
            ),
            translate("DataErrors", "Ask for fewer examples; most rows should stay for evaluation."),
            details={"kind": "bad_split", "examples": n, "rows": total},
        )
    priority = _priorities(input_hashes, seed)
    ordered = np.sort(priority)
    filled, start, last, skipped = 0, 0, None, []
    while filled < n and start < total:
        value = ordered[start]
        end = int(np.searchsorted(ordered, value, side="right"))
        if filled + (end - start) <= n:
            filled += end - start
            last = value
        else:
            skipped.append(value)  # this group would overshoot; a smaller one later may fit
        start = end
    del ordered
    if last is None:
        return np.zeros(total, dtype=bool)
    mask = priority <= last
    passed_over = [v for v in skipped if v < last]
    if passed_over:
        mask &= ~np.isin(priority, np.array(passed_over, dtype=np.uint64))
    return mask


def ids_at(path: Path, mask: np.ndarray) -> list[str]:
    """Ids of the rows (in file order) where ``mask`` is True."""
    wanted = set(np.nonzero(mask)[0].tolist())
    ids = []
    with open(path, encoding="utf-8") as fh:
        for pos, line in enumerate(fh):
            if pos in wanted:
                ids.append(json.loads(line)["id"])
    return ids


def duplicate_input_rows(input_hashes: np.ndarray) -> int:
    """How many rows share their (normalized) input with another row."""
    ordered = np.sort(input_hashes)
    same = ordered[1:] == ordered[:-1]
    shared = np.zeros(len(ordered), dtype=bool)
    shared[1:] |= same
    shared[:-1] |= same
    return int(shared.sum())
