#!/usr/bin/env bash
# Prepare a checkout to run: the system libraries Qt needs (Debian/Ubuntu only), a private
# virtual environment in .venv, and the app installed into it. Safe to run again: it installs
# only what is missing, and reinstalls the Python packages only when pyproject.toml changed.
# Usage: scripts/bootstrap.sh [gui|test]
set -euo pipefail
mode="${1:-gui}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

# -- system libraries (Debian/Ubuntu); Windows and macOS need none --------------------------
apt_packages() {
  # Offscreen Qt (tests) needs GL, EGL, fontconfig, xkbcommon, glib and dbus; a real window
  # needs the xcb plugin's libraries too; Japanese text needs a CJK font.
  local base="libgl1 libegl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 fonts-ipafont-gothic python3-venv"
  local window="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0 libxcb-xinerama0 libxcb-randr0"
  if [ "$mode" = test ]; then echo "$base xvfb xauth $window"; else echo "$base $window"; fi
}

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

ensure_system_libraries() {
  command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || return 0
  local missing=()
  for pkg in $(apt_packages); do
    # Ubuntu 24.04 renamed some libraries with a t64 suffix.
    installed "$pkg" || installed "${pkg}t64" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { say "missing system packages: ${missing[*]} (run as root or install sudo)"; exit 1; }
    sudo="sudo"
  fi
  say "installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  local resolved=()
  for pkg in "${missing[@]}"; do
    if apt-cache show "${pkg}t64" >/dev/null 2>&1; then resolved+=("${pkg}t64"); else resolved+=("$pkg"); fi
  done
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${resolved[@]}" >/dev/null
}

# -- Python environment ------------------------------------------------------------------------
find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  say "Python 3.11 or newer is required (found: $(python3 --version 2>&1 || echo none))."
  exit 1
}

ensure_venv() {
  if [ ! -x .venv/bin/python ]; then
    say "creating the virtual environment in .venv"
    "$(find_python)" -m venv .venv
  fi
  local extra=""
  [ "$mode" = test ] && extra="[test]"
  local stamp=".venv/.installed-$(cat pyproject.toml | sha256sum | cut -c1-16)${extra:+-test}"
  if [ ! -f "$stamp" ]; then
    say "installing the app and its Python packages into .venv (about a minute on a fresh machine)"
    # pip's and setuptools' notices go to a log, shown only when the install fails.
    if ! { .venv/bin/python -m pip install -q --upgrade pip &&
           .venv/bin/python -m pip install -q -e ".${extra}"; } > .venv/install.log 2>&1; then
      cat .venv/install.log >&2
      say "the install failed (the lines above say why; kept in .venv/install.log)"
      exit 1
    fi
    rm -f .venv/.installed-*
    touch "$stamp"
    # a test install also satisfies the gui
    if [ -n "$extra" ]; then touch "${stamp%-test}"; fi
  fi
}

ensure_system_libraries
ensure_venv
