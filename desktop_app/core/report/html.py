"""``render_html(ReportData, say) -> str``: one self-contained HTML file, readable on screen, on paper, offline.

No external CSS, script, font or image: users open it from a mail attachment. Every piece of
data text goes through ``e`` (html.escape), sentences included, and a Content-Security-Policy
forbids scripts besides, so an evaluation set full of markup stays text. ``say`` speaks the
report's sentences (core.phrases.Phrase) in the reader's language; by default English (``str``).
"""

from __future__ import annotations

from typing import Any, Callable

from desktop_app.core.phrases import phrase, translate
from desktop_app.core.report import text as T
from desktop_app.core.report.data import ReportData
from desktop_app.core.report.sections import (
    MAX_FAILURE_ROWS,
    e,
    failing_rows,
    failures,
    footer,
    leaderboard,
    maps,
    run_labels,
    start_index,
)
from desktop_app.core.report.style import CSS

ROW_IDS_SHOWN = 10
PRESETS = {
    "offline": translate("ReportText", "offline (no model calls)"),
    "openai": "OpenAI",
    "azure": "Azure OpenAI",
    "local": translate("ReportText", "local OpenAI-compatible server"),
}
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
Say = Callable[[Any], str]


def _header(data: ReportData, s: Say) -> str:
    ds, conn = data.dataset, data.connection
    facts = [
        s(phrase(translate("ReportText", "Generated {when}"), when=data.generated_at)),
        f"LLM Path Advisor {data.app_version}",
    ]
    if ds.get("eval_rows") is not None:
        values = dict(
            rows=T.count(ds.get("rows")), evaluated=T.count(ds["eval_rows"]), examples=T.count(ds.get("examples") or 0)
        )
        facts.append(
            s(
                phrase(
                    translate(
                        "ReportText",
                        "Dataset {source}: {rows} rows, {evaluated} evaluated, {examples} set aside as examples",
                    ),
                    source=ds["source"],
                    **values,
                )
                if ds.get("source")
                else phrase(
                    translate(
                        "ReportText", "Dataset: {rows} rows, {evaluated} evaluated, {examples} set aside as examples"
                    ),
                    **values,
                )
            )
        )
    preset = PRESETS.get(str(conn.get("preset") or ""), conn.get("preset", ""))
    if conn.get("model") and preset:
        facts.append(
            s(phrase(translate("ReportText", "Model: {model} via {server}"), model=conn["model"], server=preset))
        )
    elif conn.get("model"):
        facts.append(s(phrase(translate("ReportText", "Model: {model}"), model=conn["model"])))
    elif preset:
        facts.append(s(phrase(translate("ReportText", "Connection: {server}"), server=preset)))
    brand = translate("ReportText", "LLM Path Advisor · evaluation report")
    return (
        f'<header><p class="brand">{e(s(brand))}</p>'
        f'<h1>{e(data.project)}</h1><p class="meta">{" · ".join(e(f) for f in facts)}</p></header>'
    )


def _row_refs(ids, anchors: dict[str, str], labels: dict, s: Say) -> str:
    """Links to rows, each shown by the start of its question (the id in the link's title)."""
    ids = [str(i) for i in ids or []]
    if not ids:
        return ""

    def link(i: str) -> str:
        text = e(s(T.quoted(labels[i]))) if labels.get(i) else e(i)
        return f'<a href="#{anchors[i]}" title="{e(i)}">{text}</a>' if i in anchors else text

    shown = ", ".join(link(i) for i in ids[:ROW_IDS_SHOWN])
    if len(ids) > ROW_IDS_SHOWN:
        more = e(s(phrase(translate("ReportText", "and {count} more"), count=len(ids) - ROW_IDS_SHOWN)))
        text = e(s(phrase(translate("ReportText", "Rows: {rows} {more}."), rows="\x00", more="\x01")))
        return ' <span class="rows">' + text.replace("\x00", shown).replace("\x01", more) + "</span>"
    text = e(s(phrase(translate("ReportText", "Rows: {rows}."), rows="\x00")))
    return ' <span class="rows">' + text.replace("\x00", shown) + "</span>"


def _title_and_meaning(d: dict):
    rec = str(d.get("recommendation", ""))
    details = d.get("checklist_details") or [{"id": c} for c in d.get("checklist") or []]
    grounding = rec == "prompt_engineering" and any(c.get("id") == "answer_only_from_passages" for c in details)
    title = T.GROUNDING_TITLE if grounding else T.RECOMMENDATION_TITLES.get(rec, rec.replace("_", " "))
    meaning = T.GROUNDING_MEANING if grounding else T.RECOMMENDATION_MEANING.get(rec, "")
    rag_measured = any(
        {"rag", "rag_tuned"} & set(r.get("techniques") or []) or r.get("is_rag") for r in d.get("runs") or []
    )
    if rec == "rag" and rag_measured:
        meaning = T.RAG_ADOPT_MEANING
    focus = (rec, str(d.get("focus") or ""))
    return T.FOCUS_TITLES.get(focus, title), T.FOCUS_MEANING.get(focus, meaning), details


def _advice(data: ReportData, anchors: dict[str, str], s: Say) -> str:
    kicker = e(s(translate("ReportText", "Recommended next step")))
    d = data.diagnosis
    if not d:
        note = data.advice_note or translate("ReportText", "No advice could be given from these runs.")
        none_yet = translate("ReportText", "No advice yet")
        return (
            f'<section class="advice"><p class="kicker">{kicker}</p><h2>{e(s(none_yet))}'
            f'</h2><p class="meaning">{e(s(note))}</p></section>'
        )
    names = T.run_names(d.get("runs"))
    title, meaning, details = _title_and_meaning(d)
    facts = [
        f"<b>{e(s(T.confidence_sentence(d)))}</b>",
        e(s(phrase(translate("ReportText", "target pass rate {target}"), target=T.pct(d.get("target", data.target))))),
    ]
    if d.get("from_run"):
        facts.append(
            e(
                s(
                    phrase(
                        translate("ReportText", "starting from run {run}"),
                        run=T.quoted(names.get(d["from_run"], d["from_run"])),
                    )
                )
            )
        )
    parts = [
        f'<section class="advice"><p class="kicker">{kicker}</p><h2>{e(s(title))}</h2>',
        f'<p class="meaning">{e(s(meaning))}</p><p class="facts">{" · ".join(facts)}</p>',
        f'<p class="facts">{e(s(T.trust_sentence(d, names)))}</p>',
    ]
    gaps = d.get("gaps") or {}
    if gaps:
        by_gap = T.listed(
            [
                phrase(translate("ReportText", "{gap} {count}"), gap=T.gap_name(k), count=T.count(v))
                for k, v in gaps.items()
            ]
        )
        run = T.quoted(names.get(d.get("from_run", ""), d.get("from_run", "")))
        sentence = (
            phrase(
                translate("ReportText", "Failing rows of {run} by gap: {gaps}; {errors} rows got no answer."),
                run=run,
                gaps=by_gap,
                errors=T.count(d["errors"]),
            )
            if d.get("errors")
            else phrase(translate("ReportText", "Failing rows of {run} by gap: {gaps}."), run=run, gaps=by_gap)
        )
        parts.append(f'<p class="facts">{e(s(sentence))}</p>')
    evidence = d.get("evidence") or []
    if evidence:
        heading = translate("ReportText", "Evidence")
        parts.append(f'<h3>{e(s(heading))}</h3><ul class="evidence">')
        labels = d.get("row_inputs") or {}
        parts += [
            f"<li>{e(s(T.evidence_sentence(item, names)))}{_row_refs(item.get('rows'), anchors, labels, s)}</li>"
            for item in evidence
        ]
        parts.append("</ul>")
    if details:
        heading = translate("ReportText", "Checklist for this step")
        parts.append(f'<h3>{e(s(heading))}</h3><ol class="checklist">')
        done, costly = e(s(translate("ReportText", "done"))), e(s(translate("ReportText", "costly")))
        for item in details:
            marks = (f' <span class="tag">{done}</span>' if item.get("done") else "") + (
                f' <span class="tag">{costly}</span>' if item.get("costly") else ""
            )
            parts.append(
                f'<li class="{"done" if item.get("done") else ""}">{e(s(T.checklist_sentence(item)))}{marks}</li>'
            )
        parts.append("</ol>")
    parts.append("</section>")
    return "".join(parts)


def render_html(data: ReportData, say: Say = str, lang: str = "en") -> str:
    """The whole report as one HTML document (UTF-8, no external resource), in ``say``'s language."""
    names = T.run_names((data.diagnosis or {}).get("runs"))
    labels = run_labels(data.leaderboard, names, say)
    start = start_index(data)
    failing = failing_rows(data, start)
    anchors = {str(row.get("id")): f"row-{i}" for i, row in failing[:MAX_FAILURE_ROWS]}
    body = "\n".join(
        (
            _header(data, say),
            _advice(data, anchors, say),
            maps(data, labels, start, say),
            leaderboard(data, labels, start, say),
            failures(data, labels, start, failing, say),
            footer(data, say),
        )
    )
    title = say(phrase(translate("ReportText", "{project} · LLM Path Advisor report"), project=data.project))
    return (
        f'<!DOCTYPE html>\n<html lang="{e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
