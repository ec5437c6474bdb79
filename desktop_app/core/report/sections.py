"""The report's sections after the advice: the two maps, the leaderboard, the failing rows and what
the checks mean. Each takes ``say`` (a Phrase in the reader's language) and escapes all it writes."""

from __future__ import annotations

from html import escape
from typing import Any, Callable

from desktop_app.core.phrases import phrase, translate
from desktop_app.core.report import text as T
from desktop_app.core.report.data import ReportData
from desktop_app.core.report.svg import diagnosis_map_svg, technique_map_svg

MAX_FAILURE_ROWS = 200
CATEGORY = translate("ReportText", "category: {name}")
TEXT_MAX = 400  # characters of an input / expected answer shown in the failures table
Say = Callable[[Any], str]


def e(value) -> str:
    return escape("" if value is None else str(value), quote=True)


def _clip(text, limit: int, s: Say) -> str:
    text = "" if text is None else str(text)
    if len(text) <= limit:
        return text
    return text[:limit].rstrip() + s(
        phrase(translate("ReportText", "… (+{count} characters)"), count=f"{len(text) - limit:,}")
    )


def run_labels(board: list[dict], names: dict, s: Say) -> list[str]:
    """What each leaderboard run is called (a preset run by its ladder step), made unique
    ("name (run 7)") when a name was used twice."""
    shown = [s(names.get(r.get("name"), r.get("name", "?"))) for r in board]
    return [
        n
        if shown.count(n) == 1
        else s(phrase(translate("ReportText", "{name} (run {id})"), name=n, id=r.get("run_id", i + 1)))
        for i, (n, r) in enumerate(zip(shown, board))
    ]


def start_index(data: ReportData) -> int | None:
    """The leaderboard position of the run the advice starts from."""
    d = data.diagnosis or {}
    name = d.get("from_run")
    ids = [r.get("id") for r in d.get("runs") or [] if r.get("name") == name and r.get("id") is not None]
    for i, r in enumerate(data.leaderboard):
        if ids and r.get("run_id") in ids:
            return i
    names = [i for i, r in enumerate(data.leaderboard) if r.get("name") == name]
    return names[-1] if names else None


def maps(data: ReportData, labels: list[str], start: int | None, s: Say) -> str:
    diag_runs = {r.get("id"): r for r in (data.diagnosis or {}).get("runs") or [] if r.get("id") is not None}
    by_name = {r.get("name"): r for r in (data.diagnosis or {}).get("runs") or []}
    tech, diag = [], []
    for i, (row, label) in enumerate(zip(data.leaderboard, labels)):
        d = diag_runs.get(row.get("run_id")) or by_name.get(row.get("name")) or {}
        rate = d.get("pass_rate", row.get("pass_rate"))
        position = d.get("technique_position") or row.get("technique_position") or (0, 0)
        behaviour, content = d.get("diagnosis_position") or (row.get("behaviour_score"), row.get("content_score"))
        tech.append({"label": label, "position": position, "pass_rate": rate, "start": i == start})
        diag.append(
            {"label": label, "behaviour": behaviour, "content": content, "pass_rate": rate, "start": i == start}
        )
    target = (data.diagnosis or {}).get("target", data.target)
    words = {
        "heading": translate("ReportText", "Where the runs stand"),
        "technique": translate("ReportText", "Technique map"),
        "technique_caption": translate(
            "ReportText",
            "Runs placed by technique: prompt work to the right, retrieval upwards. "
            "Numbers and arrows follow the order the runs were made.",
        ),
        "diagnosis": translate("ReportText", "Diagnosis map"),
        "diagnosis_caption": translate(
            "ReportText",
            "A run low on content lacks facts (context work: RAG); a run low on "
            "behaviour has the facts but the wrong form (LLM work: prompt, few-shot, "
            "fine-tuning). The goal is the shaded corner.",
        ),
    }
    w = {k: e(s(v)) for k, v in words.items()}
    return (
        f'<section class="maps"><h2>{w["heading"]}</h2><div class="maps-row">'
        f"<figure><h3>{w['technique']}</h3>{technique_map_svg(tech, say=s)}<figcaption>{w['technique_caption']}"
        f"</figcaption></figure><figure><h3>{w['diagnosis']}</h3>{diagnosis_map_svg(diag, target, say=s)}"
        f"<figcaption>{w['diagnosis_caption']}</figcaption></figure></div></section>"
    )


BOARD_COLUMNS = (
    translate("ReportText", "#"),
    translate("ReportText", "Run"),
    translate("ReportText", "Techniques"),
    translate("ReportText", "Rows"),
    translate("ReportText", "Errors"),
    translate("ReportText", "Content"),
    translate("ReportText", "Behaviour"),
    translate("ReportText", "Pass rate"),
    translate("ReportText", "Tokens / request"),
    translate("ReportText", "Cost"),
    translate("ReportText", "Cost / 1,000 requests"),
    translate("ReportText", "Latency p50"),
    translate("ReportText", "Latency p95"),
)


def leaderboard(data: ReportData, labels: list[str], start: int | None, s: Say) -> str:
    heading = translate("ReportText", "Leaderboard")
    out = [f'<section><h2>{e(s(heading))}</h2><table class="board"><thead><tr>']
    out += [f'<th class="{"num" if i >= 3 or i == 0 else ""}">{e(s(c))}</th>' for i, c in enumerate(BOARD_COLUMNS)]
    out.append("</tr></thead><tbody>")
    imported, here = e(s(translate("ReportText", "imported"))), e(s(translate("ReportText", "advice starts here")))
    for i, (r, label) in enumerate(zip(data.leaderboard, labels)):
        tokens, cost = r.get("tokens") or 0, r.get("cost")
        # None: no price known for the model; 0 with no tokens: an import that measured neither
        known = cost is not None and bool(tokens or cost)
        cost = cost or 0
        per_1000 = r.get("cost_per_1000")  # scoring.summary_to_dict: the one rule for per-request numbers
        cells = [
            T.count(r.get("rows")),
            T.count(r.get("errors")),
            T.pct(r.get("content_score")),
            T.pct(r.get("behaviour_score")),
            T.pct(r.get("pass_rate")),
            T.count(r.get("tokens_per_request")),
            T.money(cost) if known else T.DASH,
            T.money(per_1000) if known and per_1000 else T.DASH,
            s(T.secs(r.get("latency_p50"))),
            s(T.secs(r.get("latency_p95"))),
        ]
        note = f' <span class="tag">{imported}</span>' if r.get("imported") else ""
        note += f' <span class="tag start">{here}</span>' if i == start else ""
        out.append(
            f'<tr class="{"start" if i == start else ""}"><td class="num">{i + 1}</td>'
            f"<td><b>{e(label)}</b>{note}</td><td>{e(s(T.techniques(r.get('techniques'))))}</td>"
            + "".join(f'<td class="num">{e(c)}</td>' for c in cells)
            + "</tr>"
        )
    out.append("</tbody></table>")
    note = translate(
        "ReportText",
        "Content: share of rows with the right facts. Behaviour: share with the right form. Pass "
        "rate: share with both. Cost per 1,000 requests is measured on the answered rows; — means "
        "not measured (imported runs) or no price is known for the model.",
    )
    out.append(f'<p class="note">{e(s(note))}</p></section>')
    return "".join(out)


def _fails(row: dict, i: int | None) -> bool:
    results = row.get("results") or []
    res = results[i] if i is not None and i < len(results) else None
    return res is not None and res.get("outcome") != "pass"


def failing_rows(data: ReportData, start: int | None) -> list[tuple[int, dict]]:
    """Rows that failed in at least one run; those still failing in the start run first."""
    rows = [(i, r) for i, r in enumerate(data.rows) if any(_fails(r, j) for j in range(len(r.get("results") or [])))]
    return sorted(rows, key=lambda p: (not _fails(p[1], start), p[0]))


def _outcome_cell(res: dict | None, snippet: int, s: Say) -> str:
    if res is None:
        not_run = translate("ReportText", "not run")
        return f'<td class="muted">{e(s(not_run))}</td>'
    outcome = str(res.get("outcome", ""))
    kind = "pass" if outcome == "pass" else "error" if outcome == "error" else "fail"
    mark = "✓" if kind == "pass" else "!" if kind == "error" else "✗"
    body = res.get("error") if outcome == "error" else res.get("output")
    failed = [c.get("check", "") for c in res.get("failed_checks") or []]
    which = phrase(translate("ReportText", "failed: {checks}"), checks=", ".join(failed))
    checks = f'<div class="checks">{e(s(which))}</div>' if failed and kind == "fail" else ""
    return (
        f'<td><span class="badge {kind}">{mark} {e(s(T.outcome(outcome)))}</span>'
        f'<div class="out">{e(_clip(body, snippet, s))}</div>{checks}</td>'
    )


def failures(data: ReportData, labels: list[str], start: int | None, failing, s: Say) -> str:
    heading = e(s(translate("ReportText", "Failures")))
    if not data.rows:
        nothing = translate("ReportText", "No per-row results to show.")
        return f'<section><h2>{heading}</h2><p class="note">{e(s(nothing))}</p></section>'
    still = sum(1 for _, r in failing if _fails(r, start))
    values = dict(failed=f"{len(failing):,}", rows=f"{len(data.rows):,}")
    intro: Any = (
        phrase(
            translate(
                "ReportText",
                "{failed} of the {rows} evaluation rows failed in at least one run; {still} "
                "still fail in {run} and are listed first.",
            ),
            still=f"{still:,}",
            run=T.quoted(labels[start]),
            **values,
        )
        if start is not None
        else phrase(
            translate("ReportText", "{failed} of the {rows} evaluation rows failed in at least one run."), **values
        )
    )
    if len(failing) > MAX_FAILURE_ROWS:
        intro = T.then(
            intro,
            phrase(
                translate("ReportText", "Showing the first {count}; the CSV or XLSX export has every row."),
                count=MAX_FAILURE_ROWS,
            ),
        )
    snippet = 240 if len(labels) <= 3 else 140
    runs_share = 100 - 8 - 20 - 14
    cols = (
        '<colgroup><col style="width:8%"><col style="width:20%"><col style="width:14%">'
        + f'<col style="width:{runs_share / max(1, len(labels)):.2f}%">' * len(labels)
        + "</colgroup>"
    )
    head = "".join(
        f"<th>{e(s(w))}</th>"
        for w in (translate("ReportText", "Row"), translate("ReportText", "Input"), translate("ReportText", "Expected"))
    )
    out = [f'<section><h2>{heading}</h2><p class="note">{e(s(intro))}</p><table class="fails">{cols}<thead><tr>{head}']
    out += [f"<th>{e(label)}</th>" for label in labels]
    out.append("</tr></thead><tbody>")
    for index, row in failing[:MAX_FAILURE_ROWS]:
        category = ""
        if row.get("category"):
            category = f'<div class="checks">{e(s(phrase(CATEGORY, name=row["category"])))}</div>'
        out.append(
            f'<tr id="row-{index}"><td class="id">{e(row.get("id"))}</td>'
            f"<td>{e(_clip(row.get('input'), TEXT_MAX, s))}{category}</td>"
            f"<td>{e(_clip(row.get('expected'), TEXT_MAX, s))}</td>"
            + "".join(_outcome_cell(res, snippet, s) for res in row.get("results") or [])
            + "</tr>"
        )
    out.append("</tbody></table></section>")
    return "".join(out)


FOOTER_PARAGRAPHS = (
    translate(
        "ReportText",
        "Every answer is judged by the project's checks, in two families that match the two axes of the maps.",
    ),
    translate(
        "ReportText",
        "Content checks ask whether the answer carries the right facts: a normalized match, word or "
        "character overlap (token F1, by characters for Japanese and Chinese), containment, similarity of "
        "meaning, or an LLM judge comparing it with the expected answer. Low content calls for context work "
        "(RAG, better retrieval).",
    ),
    translate(
        "ReportText",
        "Behaviour checks ask whether it acts right: a pattern, valid JSON or a JSON schema, length, words it "
        "must or must not contain, the language, or an LLM-judged rubric. Low behaviour calls for LLM work "
        "(clearer prompts, few-shot examples, fine-tuning).",
    ),
    translate(
        "ReportText",
        "In RAG runs, retrieval checks score the passages: context recall (did they contain the answer), "
        "context precision, and faithfulness (did the answer stay with them).",
    ),
    translate(
        "ReportText",
        "A row passes when every content check that judged it passed and no behaviour check failed. Scores "
        "and pass rates are shares of a run's rows; a row without an answer (an error) counts as failed. "
        "Each failing row is classified as one gap:",
    ),
)


def footer(data: ReportData, s: Say) -> str:
    heading = translate("ReportText", "What the checks mean")
    out = [f"<footer><h2>{e(s(heading))}</h2>"]
    out += [f"<p>{e(s(p))}</p>" for p in FOOTER_PARAGRAPHS]
    out.append(
        "<ul>"
        + "".join(f"<li><b>{e(s(T.gap_title(g)))}</b>: {e(s(T.gap_meaning(g)))}</li>" for g in T.GAP_KINDS)
        + "</ul>"
    )
    if data.checks:
        used = translate("ReportText", "Checks used in this project:")
        out.append(f"<p>{e(s(used))}</p><ul>")
        out += [f"<li>{e(s(T.check_sentence(c)))}</li>" for c in data.checks if c.get("enabled", True)]
        out.append("</ul>")
    if any(r.get("imported") for r in data.leaderboard):
        out.append(
            "<p>"
            + e(
                s(
                    translate(
                        "ReportText",
                        "Imported runs hold outputs produced outside this app and scored here; "
                        "their tokens, cost and latency were not measured.",
                    )
                )
            )
            + "</p>"
        )
    out.append(f'<p class="muted">LLM Path Advisor {e(data.app_version)} · {e(data.generated_at)}</p></footer>')
    return "".join(out)
