#!/usr/bin/env bash
# Usage: scripts/update_translations.sh  — extract every tr()/translate() string of desktop_app/ui (and the
# core's phrases.translate() sentences) into resources/i18n/*.ts (pyside6-lupdate), then build the .qm files (pyside6-lrelease).
# Translate new entries in the .ts (Qt Linguist: .venv/bin/pyside6-linguist, or any editor), run
# this again, and commit both the .ts and the .qm (tests/ui/test_translations.py checks both).
# Locations are left out of the .ts on purpose: moving a file changes nothing, entries are keyed by
# context (class name) and source text.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bin=".venv/bin"
[ -x "$bin/pyside6-lupdate" ] || bin="$(dirname "$(command -v pyside6-lupdate)")"
languages="ja"
# The window's own words, and the core's sentences marked with core.phrases.translate().
sources=$( (find desktop_app/ui -name '*.py'; grep -rl --include='*.py' 'phrases import' desktop_app/core) | LC_ALL=C sort -u)
for lang in $languages; do
  ts="resources/i18n/llm_path_advisor_${lang}.ts"
  # shellcheck disable=SC2086
  "$bin/pyside6-lupdate" $sources -ts "$ts" -target-language "$lang" -no-obsolete -locations none -silent
  "$bin/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm" -silent
  unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
  echo "$ts: $(grep -c '<source>' "$ts") strings, $unfinished unfinished"
done
