"""``render_html(ReportData) -> str``: one self-contained HTML file, readable on screen, on paper, offline.

No external CSS, script, font or image: users open it from a mail attachment. Every piece of
data text goes through ``_e`` (html.escape), sentences included, and a Content-Security-Policy
forbids scripts besides, so an evaluation set full of markup stays text.
"""
from __future__ import annotations

from html import escape

from desktop_app.core.report import text as T
from desktop_app.core.report.data import ReportData
from desktop_app.core.report.style import CSS, FOOTER_PARAGRAPHS
from desktop_app.core.report.svg import diagnosis_map_svg, technique_map_svg

MAX_FAILURE_ROWS = 200
ROW_IDS_SHOWN = 10
TEXT_MAX = 400  # characters of an input / expected answer shown in the failures table
PRESETS = {"offline": "offline (no model calls)", "openai": "OpenAI", "azure": "Azure OpenAI",
           "local": "local OpenAI-compatible server"}
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _e(value) -> str:
    return escape("" if value is None else str(value), quote=True)


def _clip(text, limit: int) -> str:
    text = "" if text is None else str(text)
    return text if len(text) <= limit else text[:limit].rstrip() + f"… (+{len(text) - limit:,} characters)"


def _labels(board: list[dict]) -> list[str]:
    """Run names, made unique ("name (run 7)") when a name was used twice."""
    names = [str(r.get("name", "?")) for r in board]
    return [n if names.count(n) == 1 else f"{n} (run {r.get('run_id', i + 1)})"
            for i, (n, r) in enumerate(zip(names, board))]


def _start_index(data: ReportData) -> int | None:
    """The leaderboard position of the run the advice starts from."""
    d = data.diagnosis or {}
    name = d.get("from_run")
    ids = [r.get("id") for r in d.get("runs") or [] if r.get("name") == name and r.get("id") is not None]
    for i, r in enumerate(data.leaderboard):
        if ids and r.get("run_id") in ids:
            return i
    names = [i for i, r in enumerate(data.leaderboard) if r.get("name") == name]
    return names[-1] if names else None


# -- sections -----------------------------------------------------------------------------------
def _header(data: ReportData) -> str:
    ds, conn = data.dataset, data.connection
    facts = [f"Generated {_e(data.generated_at)}", f"LLM Path Advisor {_e(data.app_version)}"]
    if ds.get("eval_rows") is not None:
        source = f" {_e(ds['source'])}" if ds.get("source") else ""
        facts.append(f"Dataset{source}: {_e(T.count(ds.get('rows')))} rows, {_e(T.count(ds['eval_rows']))} "
                     f"evaluated, {_e(T.count(ds.get('examples') or 0))} set aside as examples")
    preset = PRESETS.get(str(conn.get("preset") or ""), conn.get("preset", ""))
    if conn.get("model"):
        facts.append(f"Model: {_e(conn['model'])}" + (f" via {_e(preset)}" if preset else ""))
    elif preset:
        facts.append(f"Connection: {_e(preset)}")
    return (f'<header><p class="brand">LLM Path Advisor · evaluation report</p><h1>{_e(data.project)}</h1>'
            f'<p class="meta">{" · ".join(facts)}</p></header>')


def _row_refs(ids, anchors: dict[str, str], labels: dict | None = None) -> str:
    """Links to rows, each shown by the start of its question (the id in the link's title)."""
    ids = [str(i) for i in ids or []]
    if not ids:
        return ""
    labels = labels or {}

    def link(i: str) -> str:
        text = _e(T.quoted(labels[i])) if labels.get(i) else _e(i)
        return f'<a href="#{anchors[i]}" title="{_e(i)}">{text}</a>' if i in anchors else text

    shown = [link(i) for i in ids[:ROW_IDS_SHOWN]]
    more = f" and {len(ids) - ROW_IDS_SHOWN} more" if len(ids) > ROW_IDS_SHOWN else ""
    return f' <span class="rows">Rows: {", ".join(shown)}{more}.</span>'


def _advice(data: ReportData, anchors: dict[str, str]) -> str:
    d = data.diagnosis
    if not d:
        note = data.advice_note or "No advice could be given from these runs."
        return f'<section class="advice"><p class="kicker">Recommended next step</p><h2>No advice yet</h2>' \
               f'<p class="meaning">{_e(note)}</p></section>'
    rec = str(d.get("recommendation", ""))
    details = d.get("checklist_details") or [{"id": c} for c in d.get("checklist") or []]
    grounding = rec == "prompt_engineering" and any(c.get("id") == "answer_only_from_passages" for c in details)
    title = T.GROUNDING_TITLE if grounding else T.RECOMMENDATION_TITLES.get(rec, rec.replace("_", " "))
    meaning = T.GROUNDING_MEANING if grounding else T.RECOMMENDATION_MEANING.get(rec, "")
    rag_measured = any({"rag", "rag_tuned"} & set(r.get("techniques") or []) or r.get("is_rag")
                       for r in d.get("runs") or [])
    if rec == "rag" and rag_measured:
        meaning = T.RAG_ADOPT_MEANING
    focus = (rec, str(d.get("focus") or ""))
    title, meaning = T.FOCUS_TITLES.get(focus, title), T.FOCUS_MEANING.get(focus, meaning)
    gaps = d.get("gaps") or {}
    gap_text = ", ".join(f"{_e(k)} {_e(v)}" for k, v in gaps.items())
    facts = [f"<b>{_e(T.confidence_sentence(d))}</b>", f"target pass rate {_e(T.pct(d.get('target', data.target)))}"]
    if d.get("from_run"):
        facts.append(f"starting from run <b>{_e(T.quoted(d['from_run']))}</b>")
    parts = [f'<section class="advice"><p class="kicker">Recommended next step</p><h2>{_e(title)}</h2>',
             f'<p class="meaning">{_e(meaning)}</p><p class="facts">{" · ".join(facts)}</p>']
    parts.append(f'<p class="facts">{_e(T.trust_sentence(d))}</p>')
    if gaps:
        errors = f"; {_e(d.get('errors'))} rows got no answer" if d.get("errors") else ""
        parts.append(f'<p class="facts">Failing rows of {_e(T.quoted(d.get("from_run", "")))} by gap: '
                     f"{gap_text}{errors}.</p>")
    evidence = d.get("evidence") or []
    if evidence:
        parts.append('<h3>Evidence</h3><ul class="evidence">')
        labels = d.get("row_inputs") or {}
        parts += [f"<li>{_e(T.evidence_sentence(item))}{_row_refs(item.get('rows'), anchors, labels)}</li>"
                  for item in evidence]
        parts.append("</ul>")
    if details:
        parts.append('<h3>Checklist for this step</h3><ol class="checklist">')
        for item in details:
            marks = (' <span class="tag">done</span>' if item.get("done") else "") + \
                    (' <span class="tag">costly</span>' if item.get("costly") else "")
            parts.append(f'<li class="{"done" if item.get("done") else ""}">{_e(T.checklist_sentence(item))}'
                         f"{marks}</li>")
        parts.append("</ol>")
    parts.append("</section>")
    return "".join(parts)


def _maps(data: ReportData, labels: list[str], start: int | None) -> str:
    diag_runs = {r.get("id"): r for r in (data.diagnosis or {}).get("runs") or [] if r.get("id") is not None}
    by_name = {r.get("name"): r for r in (data.diagnosis or {}).get("runs") or []}
    tech, diag = [], []
    for i, (row, label) in enumerate(zip(data.leaderboard, labels)):
        d = diag_runs.get(row.get("run_id")) or by_name.get(row.get("name")) or {}
        rate = d.get("pass_rate", row.get("pass_rate"))
        position = d.get("technique_position") or row.get("technique_position") or (0, 0)
        behaviour, content = d.get("diagnosis_position") or (row.get("behaviour_score"), row.get("content_score"))
        tech.append({"label": label, "position": position, "pass_rate": rate, "start": i == start})
        diag.append({"label": label, "behaviour": behaviour, "content": content, "pass_rate": rate,
                     "start": i == start})
    target = (data.diagnosis or {}).get("target", data.target)
    return ('<section class="maps"><h2>Where the runs stand</h2><div class="maps-row">'
            f'<figure><h3>Technique map</h3>{technique_map_svg(tech)}<figcaption>Runs placed by technique: '
            "prompt work to the right, retrieval upwards. Numbers and arrows follow the order the runs were "
            "made.</figcaption></figure>"
            f'<figure><h3>Diagnosis map</h3>{diagnosis_map_svg(diag, target)}<figcaption>A run low on content '
            "lacks facts (context work: RAG); a run low on behaviour has the facts but the wrong form (LLM work: "
            "prompt, few-shot, fine-tuning). The goal is the shaded corner.</figcaption></figure></div></section>")


BOARD_COLUMNS = ("#", "Run", "Techniques", "Rows", "Errors", "Content", "Behaviour", "Pass rate", "Tokens / request",
                 "Cost", "Cost / 1,000 requests", "Latency p50", "Latency p95")


def _leaderboard(data: ReportData, labels: list[str], start: int | None) -> str:
    out = ['<section><h2>Leaderboard</h2><table class="board"><thead><tr>']
    out += [f'<th class="{"num" if i >= 3 or i == 0 else ""}">{_e(c)}</th>' for i, c in enumerate(BOARD_COLUMNS)]
    out.append("</tr></thead><tbody>")
    for i, (r, label) in enumerate(zip(data.leaderboard, labels)):
        tokens, cost = r.get("tokens") or 0, r.get("cost")
        # None: no price known for the model; 0 with no tokens: an import that measured neither
        known = cost is not None and bool(tokens or cost)
        cost = cost or 0
        per_1000 = r.get("cost_per_1000")  # scoring.summary_to_dict: the one rule for per-request numbers
        cells = [T.count(r.get("rows")), T.count(r.get("errors")), T.pct(r.get("content_score")),
                 T.pct(r.get("behaviour_score")), T.pct(r.get("pass_rate")), T.count(r.get("tokens_per_request")),
                 T.money(cost) if known else T.DASH, T.money(per_1000) if known and per_1000 else T.DASH,
                 T.seconds(r.get("latency_p50")), T.seconds(r.get("latency_p95"))]
        note = ' <span class="tag">imported</span>' if r.get("imported") else ""
        note += ' <span class="tag start">advice starts here</span>' if i == start else ""
        out.append(f'<tr class="{"start" if i == start else ""}"><td class="num">{i + 1}</td>'
                   f"<td><b>{_e(label)}</b>{note}</td><td>{_e(T.techniques(r.get('techniques')))}</td>"
                   + "".join(f'<td class="num">{_e(c)}</td>' for c in cells) + "</tr>")
    out.append("</tbody></table>")
    out.append('<p class="note">Content: share of rows with the right facts. Behaviour: share with the right form. '
               "Pass rate: share with both. Cost per 1,000 requests is measured on the answered rows; "
               "— means not measured (imported runs) or no price is known for the model.</p></section>")
    return "".join(out)


def _fails(row: dict, i: int | None) -> bool:
    results = row.get("results") or []
    res = results[i] if i is not None and i < len(results) else None
    return res is not None and res.get("outcome") != "pass"


def _failing(data: ReportData, start: int | None) -> list[tuple[int, dict]]:
    """Rows that failed in at least one run; those still failing in the start run first."""
    rows = [(i, r) for i, r in enumerate(data.rows) if any(_fails(r, j) for j in range(len(r.get("results") or [])))]
    return sorted(rows, key=lambda p: (not _fails(p[1], start), p[0]))


def _outcome_cell(res: dict | None, snippet: int) -> str:
    if res is None:
        return '<td class="muted">not run</td>'
    outcome = str(res.get("outcome", ""))
    kind = "pass" if outcome == "pass" else "error" if outcome == "error" else "fail"
    mark = "✓" if kind == "pass" else "!" if kind == "error" else "✗"
    label = T.OUTCOME_LABELS.get(outcome, outcome)
    body = res.get("error") if outcome == "error" else res.get("output")
    failed = [c.get("check", "") for c in res.get("failed_checks") or []]
    checks = f'<div class="checks">failed: {_e(", ".join(failed))}</div>' if failed and kind == "fail" else ""
    return (f'<td><span class="badge {kind}">{mark} {_e(label)}</span>'
            f'<div class="out">{_e(_clip(body, snippet))}</div>{checks}</td>')


def _failures(data: ReportData, labels: list[str], start: int | None, failing) -> str:
    if not data.rows:
        return '<section><h2>Failures</h2><p class="note">No per-row results to show.</p></section>'
    still = sum(1 for _, r in failing if _fails(r, start))
    intro = (f"{len(failing):,} of the {len(data.rows):,} evaluation rows failed in at least one run"
             + (f"; {still:,} still fail in {T.quoted(labels[start])} and are listed first" if start is not None
                else "") + ".")
    if len(failing) > MAX_FAILURE_ROWS:
        intro += (f" Showing the first {MAX_FAILURE_ROWS}; the CSV or XLSX export has every row.")
    snippet = 240 if len(labels) <= 3 else 140
    runs_share = 100 - 8 - 20 - 14
    cols = ('<colgroup><col style="width:8%"><col style="width:20%"><col style="width:14%">'
            + f'<col style="width:{runs_share / max(1, len(labels)):.2f}%">' * len(labels) + "</colgroup>")
    out = [f'<section><h2>Failures</h2><p class="note">{_e(intro)}</p><table class="fails">{cols}<thead><tr>'
           "<th>Row</th><th>Input</th><th>Expected</th>"]
    out += [f"<th>{_e(label)}</th>" for label in labels]
    out.append("</tr></thead><tbody>")
    for index, row in failing[:MAX_FAILURE_ROWS]:
        category = f'<div class="checks">category: {_e(row.get("category"))}</div>' if row.get("category") else ""
        out.append(f'<tr id="row-{index}"><td class="id">{_e(row.get("id"))}</td>'
                   f'<td>{_e(_clip(row.get("input"), TEXT_MAX))}{category}</td>'
                   f'<td>{_e(_clip(row.get("expected"), TEXT_MAX))}</td>'
                   + "".join(_outcome_cell(res, snippet) for res in row.get("results") or [])
                   + "</tr>")
    out.append("</tbody></table></section>")
    return "".join(out)


def _footer(data: ReportData) -> str:
    out = ['<footer><h2>What the checks mean</h2>']
    out += [f"<p>{_e(p)}</p>" for p in FOOTER_PARAGRAPHS]
    out.append("<ul>" + "".join(f"<li><b>{_e(T.GAP_NAMES[g].capitalize())}</b>: {_e(m)}.</li>"
                                for g, m in T.GAP_MEANING.items()) + "</ul>")
    if data.checks:
        out.append("<p>Checks used in this project:</p><ul>")
        out += [f"<li>{_e(T.check_sentence(c))}</li>" for c in data.checks if c.get("enabled", True)]
        out.append("</ul>")
    if any(r.get("imported") for r in data.leaderboard):
        out.append("<p>Imported runs hold outputs produced outside this app and scored here; their tokens, "
                   "cost and latency were not measured.</p>")
    out.append(f'<p class="muted">LLM Path Advisor {_e(data.app_version)} · {_e(data.generated_at)}</p></footer>')
    return "".join(out)


def render_html(data: ReportData) -> str:
    """The whole report as one HTML document (UTF-8, no external resource)."""
    labels = _labels(data.leaderboard)
    start = _start_index(data)
    failing = _failing(data, start)
    anchors = {str(row.get("id")): f"row-{i}" for i, row in failing[:MAX_FAILURE_ROWS]}
    body = "\n".join((_header(data), _advice(data, anchors), _maps(data, labels, start),
                      _leaderboard(data, labels, start), _failures(data, labels, start, failing), _footer(data)))
    return ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(data.project)} · LLM Path Advisor report</title>\n<style>{CSS}</style>\n</head>\n"
            f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n")
