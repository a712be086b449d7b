#!/usr/bin/env bash
# Time for a 12-slide deck on the model path divided by one model call's latency (goal <= 3; the
# seed's sequential loop is about 14), and the tokens used, against the local fake OpenAI-compatible
# server at a fixed latency per call. Needs PostgreSQL, Redis and Kafka (./slideo infra), not the suite.
# Writes bench/results/model-latency.md.
# Usage: bench/model-latency.sh [latency-ms] [runs]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/bench/results/model-latency.md
mkdir -p "$ROOT/bench/results"
"$ROOT/mvnw" -B -o -q -f "$ROOT/pom.xml" -pl worker-service verify -Dtest=ModelLatencyBench \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.latency-ms="${1:-400}" -Dbench.runs="${2:-3}" \
  -Dbench.output="$OUT" > "$ROOT/bench/results/model-latency.log" 2>&1 \
  || { echo "bench: the benchmark failed; see bench/results/model-latency.log" >&2; tail -20 "$ROOT/bench/results/model-latency.log" >&2; exit 1; }
cat "$OUT"
