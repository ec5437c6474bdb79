"""Filling translated templates, shared by every page's words.

Templates use Qt's %1, %2 ... placeholders (what translators know). ``fill`` replaces them in
one pass, so a run name that itself contains "%2" is never substituted again.
"""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"%(\d{1,2})")


def fill(template: str, *args) -> str:
    """ "%1 of %2" + (3, 4) -> "3 of 4"; placeholders without an argument stay as they are."""

    def repl(m: re.Match) -> str:
        i = int(m.group(1))
        return str(args[i - 1]) if 0 < i <= len(args) else m.group(0)

    return _PLACEHOLDER.sub(repl, template)


def plural(n: int, one: str, many: str) -> str:
    """English needs two forms and no .qm ships for it; callers pass both as literal tr() strings
    (Japanese translates both the same). ``%1`` becomes the number."""
    return fill(one if n == 1 else many, f"{n:,}")
