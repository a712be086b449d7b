#!/usr/bin/env bash
# The deck-quality report: every non-hostile document of the corpus manifest becomes a deck through
# the running suite (./slideo up); each deck is exported as HTML, PPTX and PDF and measured against
# the document's /structure (overflow in headless Chromium and in the PPTX text frames; titles that are
# headings, phrase-pair, "Slide N" and continued titles; bullets cut mid-clause; fragments, code and
# markup; tables shown twice; unsourced bullets and table rows; sections covered; characters without
# a glyph in the PDF; words per bullet — see bench/README.md). Prints a Markdown table; results land in
# bench/results/deck-quality/ (each deck as Markdown in decks/, the suite's answers in raw[-<label>]/).
# Usage: bench/deck-quality.sh [--strict]   (--strict: exit 1 on any overflow or unsourced bullet)
# Environment: DECK_QUALITY_SLIDES (10), DECK_QUALITY_THEME, DECK_QUALITY_PARALLEL (3),
#   DECK_QUALITY_ONLY (comma-separated corpus files), SLIDEO_GATEWAY_URL (http://127.0.0.1:8080),
#   DECK_QUALITY_LABEL (e.g. before, after: files deck-quality-<label>.*, raw answers in raw-<label>/;
#   with both a before and an after run, deck-quality-comparison.md compares them),
#   DECK_QUALITY_REPORT_ONLY=1 (measure the decks kept in raw[-<label>]/ again, without the suite),
#   PPTX_CHECK_CLASSPATH (slide-service's classes and runtime jars; default: this checkout's build).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export SLIDEO_CORPUS=${SLIDEO_CORPUS:-$ROOT/../shared/corpus}
export DECK_QUALITY_OUT=${DECK_QUALITY_OUT:-$ROOT/bench/results/deck-quality}
strict=no
[ "${1:-}" = --strict ] && strict=yes

fail() { printf 'deck-quality: %s\n' "$*" >&2; exit 1; }

gateway=${SLIDEO_GATEWAY_URL:-http://127.0.0.1:8080}
# Readiness is on the gateway's management port (its HTTP port + 1000), not on the public one.
gateway_management=${SLIDEO_GATEWAY_MANAGEMENT_URL:-http://127.0.0.1:9080}
[ -n "${DECK_QUALITY_REPORT_ONLY:-}" ] || [ "$(curl -s -o /dev/null -w '%{http_code}' "$gateway_management/q/health/ready" || true)" = 200 ] ||
  fail "the suite is not up at $gateway; start it with ./slideo up"
if [ -z "${SLIDEO_JWT_SECRET:-}" ] && [ -z "${DECK_QUALITY_REPORT_ONLY:-}" ]; then
  [ -f "$ROOT/.slideo/jwt-secret" ] || fail "no SLIDEO_JWT_SECRET and no .slideo/jwt-secret"
  SLIDEO_JWT_SECRET=$(cat "$ROOT/.slideo/jwt-secret")
fi
export SLIDEO_JWT_SECRET=${SLIDEO_JWT_SECRET:-}

# Chromium and playwright-core (installed on first use by the export checker).
[ -n "${DECK_QUALITY_REPORT_ONLY:-}" ] || "$ROOT/bench/export-browser.sh" --install-only
export SLIDEO_CHROMIUM=${SLIDEO_CHROMIUM:-/usr/bin/chromium}
export SLIDEO_PLAYWRIGHT=${SLIDEO_DOWNLOADS:-${SLIDEO_HOME:-$ROOT/.slideo}}/browser/node_modules/playwright-core

# The PPTX frame check is slide-service's own (shared-design's fonts and line breaking): its classes
# with the runtime jars of its build (./slideo up builds it), or, without a build, Maven's classpath.
mkdir -p "$DECK_QUALITY_OUT"
service=$ROOT/slide-service/target
if [ -n "${PPTX_CHECK_CLASSPATH:-}" ]; then
  : # given by the caller, e.g. another checkout's build: PPTX_CHECK_CLASSPATH="$other/slide-service/target/classes:$other/slide-service/target/quarkus-app/lib/main/*"
elif [ -d "$service/classes/io/slideo/slide/service/export" ] && [ -d "$service/quarkus-app/lib/main" ]; then
  # lib/boot holds the logging that shared-design's font lookup writes with.
  PPTX_CHECK_CLASSPATH="$service/classes:$service/quarkus-app/lib/main/*:$service/quarkus-app/lib/boot/*"
else
  "$ROOT/mvnw" -B -q -o -pl slide-service compile dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$DECK_QUALITY_OUT/classpath.txt" >&2 || fail "could not build slide-service's classpath"
  PPTX_CHECK_CLASSPATH="$service/classes:$(cat "$DECK_QUALITY_OUT/classpath.txt")"
fi
export PPTX_CHECK_CLASSPATH

node "$ROOT/bench/deck-quality.cjs"

if [ "$strict" = yes ]; then
  awk -F'\t' 'NR > 1 && $2 != "" && $NF != "total" && ($3 > 0 || $4 > 0) { bad++ } END { exit bad > 0 }' \
    "$DECK_QUALITY_OUT/deck-quality${DECK_QUALITY_LABEL:+-$DECK_QUALITY_LABEL}.tsv" || fail "some decks overflow or have unsourced bullets (see deck-quality.tsv)"
fi
