#!/usr/bin/env bash
# The chaos run at benchmark size: by default 1,000 decks by 20 users while a worker, Kafka, PostgreSQL,
# Redis and a websocket-service instance are killed and brought back, through a running suite started
# with two websocket-service instances (SLIDEO_WS_INSTANCES=2 ./slideo up). Prints the bookkeeping table
# (submitted, completed, failed with a reason, lost, twice) and each fault's recovery time.
# Usage: bench/chaos.sh [decks] [users] [seed]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# The suite's own environment (its infrastructure, ports, home, secret): the workers, websocket-service instances
# and infrastructure the run restarts must join the suite it runs against, not a default one.
suite_environment=$("$ROOT/slideo" env) # a failure stops the script here (set -e)
eval "$suite_environment"
curl -sf -o /dev/null "http://127.0.0.1:$(( ${SLIDEO_HTTP_PORT:-8080} + 1000 ))/q/health/ready" || { echo "bench: the suite is not up (./slideo up)" >&2; exit 1; }
seed=()
[ -n "${3:-}" ] && seed=("-Dchaos.seed=$3")
"$ROOT/mvnw" -B -pl system-tests verify -Psystem -Dit.test=ChaosIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dchaos.decks="${1:-1000}" -Dchaos.users="${2:-20}" "${seed[@]}" | grep -E '^\||^problem:|^Fault:|^Chaos run|Tests run|FAIL'
