#!/usr/bin/env bash
# Upload-to-deck_complete time of a 12-slide deck from the corpus's longest PDF, through a running
# suite (./slideo up), as a user sees it. Prints every run and the median (p50).
# Usage: bench/deck-latency.sh [corpus file] [slides] [runs]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/bench/results
mkdir -p "$OUT"
# Ready on the gateway's management port (its HTTP port + 1000).
suite_environment=$("$ROOT/slideo" env) # a failure stops the script here (set -e)
eval "$suite_environment" # the suite it runs against: its gateway port, secret and home
curl -sf -o /dev/null "http://127.0.0.1:$((SLIDEO_HTTP_PORT + 1000))/q/health/ready" || { echo "bench: the suite is not up (./slideo up)" >&2; exit 1; }
"$ROOT/mvnw" -B -q -pl system-tests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$OUT/system-tests-classpath.txt" >/dev/null
java -Dslideo.repo.root="$ROOT" -cp "$ROOT/system-tests/target/test-classes:$(cat "$OUT/system-tests-classpath.txt")" \
  io.slideo.system.DeckLatencyBenchmark "${1:-book-free-culture-lessig.pdf}" "${2:-12}" "${3:-5}"
