#!/usr/bin/env bash
# Opens HTML exports in headless Chromium with every network request blocked and reports, per file,
# the slides shown and any overflow (an element outside its slide, or a text frame that scrolls).
# Installs what it needs on first use: Debian's chromium (apt-get, as root) and npm's playwright-core
# (into .slideo/browser, git-ignored).
# Usage: bench/export-browser.sh [--screenshots DIR] file.html...   (prints one JSON object per file)
#        bench/export-browser.sh --install-only
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Downloads are shared by the user's suite and the tests' (./slideo test exports SLIDEO_DOWNLOADS).
BROWSER_HOME=${SLIDEO_DOWNLOADS:-${SLIDEO_HOME:-$ROOT/.slideo}}/browser
PLAYWRIGHT_VERSION=1.65.1
CHROMIUM=${SLIDEO_CHROMIUM:-/usr/bin/chromium}

fail() { printf 'export-browser: %s\n' "$*" >&2; exit 1; }

chromium() {
  [ -x "$CHROMIUM" ] && return
  [ "$(id -u)" = 0 ] || fail "install Chromium first: apt-get install -y chromium (or set SLIDEO_CHROMIUM)"
  printf 'export-browser: installing chromium (apt-get) ...\n' >&2
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } >&2 ||
    fail "apt-get could not install chromium"
  [ -x "$CHROMIUM" ] || fail "chromium installed but $CHROMIUM is missing"
}

playwright() {
  [ -f "$BROWSER_HOME/node_modules/playwright-core/package.json" ] && return
  command -v npm >/dev/null || fail "npm is needed to fetch playwright-core (apt-get install -y npm)"
  printf 'export-browser: installing playwright-core %s ...\n' "$PLAYWRIGHT_VERSION" >&2
  mkdir -p "$BROWSER_HOME"
  npm install --prefix "$BROWSER_HOME" --no-audit --no-fund --silent "playwright-core@$PLAYWRIGHT_VERSION" >&2 ||
    fail "npm could not install playwright-core"
}

[ $# -gt 0 ] || fail "usage: bench/export-browser.sh [--install-only | [--screenshots DIR] file.html...]"
chromium
playwright
[ "$1" = --install-only ] && exit 0
SLIDEO_CHROMIUM=$CHROMIUM SLIDEO_PLAYWRIGHT=$BROWSER_HOME/node_modules/playwright-core \
  exec node "$ROOT/bench/export-browser-check.cjs" "$@"
