"""report, export: the HTML report to mail, and the per-row results as CSV or XLSX.

Both print the written file's path and exit 0; a project without runs, an unsupported file
name or an unwritable place exits 2 with one line (see desktop_app/cli/__init__.py).
"""

from __future__ import annotations

import argparse

from desktop_app.core.project.folder import Project


def register(sub: argparse._SubParsersAction) -> None:
    rep = sub.add_parser(
        "report",
        help="write the HTML report: advice, grid maps, leaderboard, failures",
        description="Write one self-contained HTML file (no external files; opens offline, "
        "prints, can be mailed). Missing folders are created.",
    )
    rep.add_argument("project", metavar="PROJECT", help="the project folder")
    rep.add_argument("out", metavar="OUT.html", help="the report file to write")
    rep.add_argument(
        "--lang", choices=("en", "ja"), default="en", help="the report's language (default en; ja: Japanese)"
    )
    rep.set_defaults(func=_cmd_report)

    exp = sub.add_parser(
        "export",
        help="write per-row results across runs as CSV or XLSX",
        description="OUT.csv: UTF-8 with BOM (opens right in Excel, Japanese too), one line per "
        "row and run. OUT.xlsx: a Leaderboard sheet and a Rows sheet.",
    )
    exp.add_argument("project", metavar="PROJECT", help="the project folder")
    exp.add_argument("out", metavar="OUT.csv|OUT.xlsx", help="the file to write")
    exp.set_defaults(func=_cmd_export)


def _cmd_report(args: argparse.Namespace) -> int:
    from desktop_app.core.report.build import HTML_SUFFIXES, build_report_data, check_suffix, write_html  # noqa: PLC0415

    check_suffix(args.out, HTML_SUFFIXES, "the report")  # a wrong name fails before any work
    project = Project.open(args.project)
    say, lang = str, "en"
    if args.lang != "en":
        from desktop_app.ui.language import speaker  # noqa: PLC0415 - Qt's translations, only when asked

        say, lang = speaker(args.lang)
    path = write_html(build_report_data(project), args.out, say, lang)
    print(path.resolve())
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from desktop_app.core.report.build import TABLE_SUFFIXES, build_report_data, check_suffix, export_table  # noqa: PLC0415

    check_suffix(args.out, TABLE_SUFFIXES, "the results")
    project = Project.open(args.project)
    path = export_table(build_report_data(project), args.out)
    print(path.resolve())
    return 0
