"""Sentences the core says to a person, marked for translation without Qt.

The core speaks English (the CLI prints it, the report shows it). Each sentence is written as
``phrase(translate("Context", "Template with {name}"), name=value)``: ``translate`` only marks
the template for pyside6-lupdate (which finds calls by that name) and ``phrase`` fills it,
returning a ``Phrase``: the English text that also carries its context, template and values,
so the window can say it again in the user's language (``ui/language.localized``). Templates
use ``{name}`` fields; a translation keeps the same fields.
"""

from __future__ import annotations

import re
from typing import Any


class Phrase(str):
    """English text plus what is needed to say it in another language."""

    context: str = ""
    template: str = ""
    params: dict[str, Any] = {}


def translate(context: str, text: str) -> Phrase:
    """Mark ``text`` for translation under ``context``; returns it (English) as a Phrase."""
    out = Phrase(text)
    out.context, out.template, out.params = context, text, {}
    return out


def phrase(template: str, /, **params: Any) -> Phrase:
    """``template`` (from ``translate``) filled with ``params``; keeps what a translation needs."""
    out = Phrase(str(template).format(**params) if params else str(template))  # no fields: braces are text
    out.context = getattr(template, "context", "")
    out.template = str(getattr(template, "template", "") or template)
    out.params = dict(params)
    return out


_FIELD = re.compile(r"\{(\w+)\}")


def matcher(template: str) -> re.Pattern:
    """A pattern that recognises ``template`` filled in (for text stored as English, e.g. a verdict's
    reason in results.sqlite), capturing each field by name."""
    parts, last = [], 0
    for m in _FIELD.finditer(template):
        parts.append(re.escape(template[last : m.start()]))
        parts.append(f"(?P<{m.group(1)}>.+?)")
        last = m.end()
    parts.append(re.escape(template[last:]))
    return re.compile("^" + "".join(parts) + "$", re.DOTALL)


def recognise(text: str, templates) -> Phrase | None:
    """The Phrase ``text`` is an English rendering of, among ``templates`` (translate() results)."""
    for template in templates:
        m = _compiled(template).match(text)
        if m:
            return phrase(template, **m.groupdict())
    return None


_CACHE: dict[str, re.Pattern] = {}


def _compiled(template: str) -> re.Pattern:
    key = f"{getattr(template, 'context', '')}\x1f{template}"
    if key not in _CACHE:
        _CACHE[key] = matcher(str(template))
    return _CACHE[key]
