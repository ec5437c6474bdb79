"""The report's stylesheet and fixed explanatory text, kept as Python strings.

A string (not a file under resources/) so the frozen app needs no data file for it and core
never has to find resources/. Light colours that survive printing without background graphics;
a font stack that renders Japanese on macOS, Windows and Linux.
"""

from __future__ import annotations

# Proportional Latin faces first: a browser takes Latin glyphs from the first face that has
# them, and IPAGothic's Latin is fixed-width (the whole report read as typewriter text on
# Linux); its proportional sibling IPAPGothic, or IPAexGothic, serves Japanese there instead.
FONT_STACK = (
    '"Segoe UI", "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", "Liberation Sans", '
    '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Yu Gothic", YuGothic, Meiryo, '
    '"Noto Sans CJK JP", "Noto Sans JP", "IPAPGothic", "IPAexGothic", sans-serif'
)

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #ffffff; color: #1f2937; font-family: %(font)s;
       font-size: 14px; line-height: 1.5; -webkit-text-size-adjust: 100%%; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 40px; }
h1 { font-size: 26px; margin: 0 0 4px; line-height: 1.25; overflow-wrap: anywhere; }
h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #e5e7eb; }
h3 { font-size: 15px; margin: 16px 0 6px; }
a { color: #1d4ed8; }
.brand { margin: 0; color: #6b7280; font-size: 12px; letter-spacing: .04em; text-transform: uppercase; }
.meta, .note, .muted, figcaption { color: #4b5563; font-size: 12.5px; }
.muted { color: #6b7280; }
.advice { margin-top: 18px; padding: 14px 18px 10px; border: 1px solid #c7d2fe; border-left: 6px solid #4f46e5;
          border-radius: 6px; background: #f8f9ff; }
.advice h2 { border: 0; margin: 0 0 4px; padding: 0; font-size: 24px; color: #312e81; }
.kicker { margin: 0; color: #4f46e5; font-weight: 600; font-size: 12px; text-transform: uppercase;
          letter-spacing: .05em; }
.meaning { margin: 0 0 6px; font-size: 15px; }
.facts { margin: 2px 0; font-size: 13px; }
.evidence li, .checklist li { margin: 3px 0; }
.rows { color: #4b5563; font-size: 12px; }
.checklist li.done { color: #6b7280; }
.tag { display: inline-block; margin-left: 4px; padding: 0 5px; border: 1px solid #9ca3af; border-radius: 3px;
       font-size: 10.5px; font-weight: 600; color: #374151; white-space: nowrap; vertical-align: 1px; }
.tag.start { border-color: #4f46e5; color: #3730a3; }
.maps-row { display: flex; flex-wrap: wrap; gap: 18px; }
figure { flex: 1 1 500px; margin: 0; min-width: 0; }
figure h3 { margin-top: 4px; }
svg.map { display: block; width: 100%%; max-width: 560px; height: auto; font-family: %(font)s; }
table { width: 100%%; border-collapse: collapse; font-size: 13px; }
th, td { padding: 6px 8px; border-bottom: 1px solid #e5e7eb; text-align: left; vertical-align: top; }
th { background: #f3f4f6; font-weight: 600; border-bottom: 1px solid #d1d5db; }
th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.start td { background: #f5f5ff; }
.fails { font-size: 12.5px; table-layout: fixed; }
.fails td { overflow-wrap: anywhere; word-break: break-word; white-space: pre-wrap; }
.fails td.id { font-weight: 600; }
.fails .out { margin-top: 3px; }
.fails .checks { margin-top: 2px; color: #6b7280; font-size: 11.5px; }
.badge { display: inline-block; padding: 0 6px; border: 1px solid; border-radius: 3px; font-size: 11px;
         font-weight: 700; white-space: nowrap; }
.badge.pass { color: #166534; border-color: #86c79b; background: #f0fdf4; }
.badge.fail { color: #9f1239; border-color: #f3a0b0; background: #fff1f3; }
.badge.error { color: #92400e; border-color: #f0c36d; background: #fffbeb; }
footer { margin-top: 34px; padding-top: 6px; border-top: 1px solid #e5e7eb; font-size: 13px; color: #374151; }
footer h2 { border: 0; }
@page { size: A4; margin: 12mm; }
@media print {
  body { font-size: 11px; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .advice, figure, tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  thead { display: table-header-group; }
  figure { flex-basis: 100%%; }
}
""" % {"font": FONT_STACK}
