#!/usr/bin/env bash
# WebSocket load: Slideo's websocket-service against the seed-style FastAPI peer
# (../shared/peers/fastapi_seed_ws.py), under the same client (bench/WebSocketLoad.java), on
# loopback only. Measures idle connections per instance and server memory per connection, echo
# messages per server CPU-second, and notification latency (publish to notification.v1 -> client
# receive) with 1,000 active decks. Prints a table and writes bench/results/websocket-load.md.
# Needs the infrastructure (./slideo infra) and, for the peer, Debian's python3-fastapi,
# python3-uvicorn, python3-websockets and python3-uvloop. Run it alone on the machine (the suite
# lock), since both servers and the client share two cores.
# Usage: bench/websocket-load.sh [idle connections] [echo connections] [echo seconds] [decks] [latency seconds]
#        [latency warm-up seconds] ["echo windows": messages in flight per connection, one echo run each]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/bench/results
WORK=$ROOT/.slideo/bench-websocket
IDLE=${1:-15000}
ECHO_CONNECTIONS=${2:-200}
ECHO_SECONDS=${3:-15}
DECKS=${4:-1000}
LATENCY_SECONDS=${5:-20}
LATENCY_WARMUP=${6:-10}
ECHO_WINDOWS=${7:-1 4 16}
SLIDEO_PORT=18081
PEER_PORT=18092
KAFKA=${SLIDEO_KAFKA_BOOTSTRAP:-127.0.0.1:19092}
PEERS=${SLIDEO_PEERS:-$ROOT/../shared/peers}
[ -d "$PEERS" ] || { printf 'bench: no peers at %s (set SLIDEO_PEERS)\n' "$PEERS" >&2; exit 1; }

say() { printf '%s\n' "$*"; }
fail() { printf 'bench: %s\n' "$*" >&2; exit 1; }

SERVER_PIDS=()
cleanup() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

wait_http() { # port path seconds
  local i
  for ((i = 0; i < $3 * 4; i++)); do
    [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$1$2" || true)" = "$4" ] && return 0
    sleep 0.25
  done
  return 1
}

mkdir -p "$OUT" "$WORK"
say "ulimit -n: $(ulimit -n)"
[ "$(ulimit -n)" -ge $((IDLE + 1000)) ] || fail "ulimit -n $(ulimit -n) is too low for $IDLE connections"
/usr/bin/python3 -c 'import fastapi, uvicorn, websockets, uvloop' 2>/dev/null ||
  fail "the peer needs: apt-get install -y python3-fastapi python3-uvicorn python3-websockets python3-uvloop"
# Run under the suite lock, this script holds the lock's descriptor (flock passes it on). The
# infrastructure's daemons, if started here, must not inherit it: they would hold the suite lock for
# as long as they run. So every descriptor open on the lock file is closed for ./slideo infra.
close_lock=""
for fd in /proc/$$/fd/*; do
  [ "$(readlink "$fd" 2>/dev/null)" = /tmp/slideo-suite.lock ] && close_lock="$close_lock ${fd##*/}>&-"
done
eval "\"\$ROOT/slideo\" infra >/dev/null $close_lock" || fail "the infrastructure did not start (./slideo infra)"

BUILT=$ROOT/websocket-service/target/quarkus-app
if [ ! -f "$BUILT/quarkus-run.jar" ]; then
  say "Building websocket-service ..."
  flock /tmp/slideo-ws-module.lock "$ROOT/mvnw" -B -q -o -pl websocket-service package -DskipTests \
    >"$WORK/build.log" 2>&1 || fail "build failed: $WORK/build.log"
fi
# A private copy, taken under the module's build lock: a build of websocket-service during the run
# cannot swap the application under the server.
rm -rf "$WORK/app"
flock /tmp/slideo-ws-module.lock cp -r "$BUILT" "$WORK/app"
JAR=$WORK/app/quarkus-run.jar
# The JVM flags ./slideo gives a websocket-service instance (keep the two in step).
SLIDEO_FLAGS=(-Xms32m -Xmx512m -Xmn48m -XX:+UseSerialGC)
KAFKA_JAR=$(ls "$HOME"/.m2/repository/org/apache/kafka/kafka-clients/*/kafka-clients-*.jar | grep -v sources | sort -V | head -n 1)
SLF4J_JAR=$(ls "$HOME"/.m2/repository/org/slf4j/slf4j-api/2.*/slf4j-api-2.*.jar | sort -V | tail -n 1)
mkdir -p "$WORK/classes"
javac -nowarn -d "$WORK/classes" -cp "$KAFKA_JAR" "$ROOT/bench/WebSocketLoad.java"
CLIENT=(java -Xms512m -Xmx3g -XX:+UseParallelGC -cp "$WORK/classes:$KAFKA_JAR:$SLF4J_JAR" WebSocketLoad)

# A secret of the bench's own: its tokens are good for this instance only.
SECRET=$(head -c 32 /dev/urandom | base64 | tr -d '\n/+=')

start_slideo() {
  # As ./slideo runs a websocket-service instance (same JVM flags), on a port of its own, journaling
  # in a consumer group of its own; the per-user budget is lifted so the echo test measures cost,
  # not the limit (every message still spends a token of it in Redis).
  SLIDEO_JWT_SECRET=$SECRET QUARKUS_HTTP_PORT=$SLIDEO_PORT QUARKUS_MANAGEMENT_PORT=$((SLIDEO_PORT + 1000)) \
    SLIDEO_WEBSOCKET_INSTANCE_ID=bench \
    SLIDEO_RATE_LIMIT_PER_USER=1000000000 SLIDEO_RATE_LIMIT_REFILL_PERIOD=1S \
    MP_MESSAGING_INCOMING_NOTIFICATION_JOURNAL_GROUP_ID=websocket-journal-bench \
    nohup java "${SLIDEO_FLAGS[@]}" -jar "$JAR" \
    >"$WORK/websocket-service.log" 2>&1 &
  SLIDEO_PID=$!
  SERVER_PIDS+=("$SLIDEO_PID")
  wait_http $((SLIDEO_PORT + 1000)) /q/health/ready 120 200 || { tail -n 20 "$WORK/websocket-service.log"; fail "websocket-service did not start"; }
}

start_peer() {
  nohup /usr/bin/python3 -m uvicorn fastapi_seed_ws:app --app-dir "$PEERS" --host 127.0.0.1 --port $PEER_PORT \
    --loop uvloop --log-level warning --backlog 4096 >"$WORK/peer.log" 2>&1 &
  PEER_PID=$!
  SERVER_PIDS+=("$PEER_PID")
  wait_http $PEER_PORT /ws 60 404 || wait_http $PEER_PORT /ws 5 403 || { tail -n 20 "$WORK/peer.log"; fail "the peer did not start"; }
}

stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

result() { # file key
  grep -o "$2=[^ ]*" "$1" | tail -n 1 | cut -d= -f2
}

LOADS=()
load() { cut -d' ' -f1-3 /proc/loadavg; }

run() { # label file command...
  local label=$1 file=$2; shift 2
  say "== $label (load average $(load))"
  LOADS+=("$(load)")
  "$@" | tee "$file" | grep -E '^(RESULT|NOTE)' || true
}

R=$WORK/results
mkdir -p "$R"

# Idle connections first, on fresh servers, so memory growth is theirs alone.
start_slideo
run "slideo idle ($IDLE)" "$R/slideo-idle" "${CLIENT[@]}" idle "ws://127.0.0.1:$SLIDEO_PORT/ws" "$SLIDEO_PID" "$IDLE" "$SECRET"
stop "$SLIDEO_PID"
start_peer
run "peer idle ($IDLE)" "$R/peer-idle" "${CLIENT[@]}" idle "ws://127.0.0.1:$PEER_PORT/ws" "$PEER_PID" "$IDLE"
stop "$PEER_PID"

# Echo: each server alone on the machine with the client.
# One run per window (messages in flight per connection), in the same order on both servers.
start_peer
for w in $ECHO_WINDOWS; do
  run "peer echo ($w in flight)" "$R/peer-echo-$w" "${CLIENT[@]}" echo "ws://127.0.0.1:$PEER_PORT/ws" "$PEER_PID" \
    "$ECHO_CONNECTIONS" "$ECHO_SECONDS" "$w"
done
stop "$PEER_PID"
start_slideo
for w in $ECHO_WINDOWS; do
  run "slideo echo ($w in flight)" "$R/slideo-echo-$w" "${CLIENT[@]}" echo "ws://127.0.0.1:$SLIDEO_PORT/ws" "$SLIDEO_PID" \
    "$ECHO_CONNECTIONS" "$ECHO_SECONDS" "$w" "$SECRET"
done

# Notification latency: Kafka -> websocket-service -> client, 1,000 users with a deck each.
run "slideo latency ($DECKS decks)" "$R/slideo-latency" "${CLIENT[@]}" latency "ws://127.0.0.1:$SLIDEO_PORT/ws" "$KAFKA" "$DECKS" "$LATENCY_SECONDS" "$SECRET" "$LATENCY_WARMUP"
stop "$SLIDEO_PID"

s_open=$(result "$R/slideo-idle" idle_open); p_open=$(result "$R/peer-idle" idle_open)
s_kb=$(result "$R/slideo-idle" kb_per_connection); p_kb=$(result "$R/peer-idle" kb_per_connection)
s_kb_gc=$(result "$R/slideo-idle" kb_per_connection_after_gc)
s_rss=$(result "$R/slideo-idle" rss_after_mb); p_rss=$(result "$R/peer-idle" rss_after_mb)
echo_rows=""
for w in $ECHO_WINDOWS; do
  s_echo=$(result "$R/slideo-echo-$w" messages_per_cpu_s); p_echo=$(result "$R/peer-echo-$w" messages_per_cpu_s)
  s_rate=$(result "$R/slideo-echo-$w" echo_per_s); p_rate=$(result "$R/peer-echo-$w" echo_per_s)
  s_us=$(result "$R/slideo-echo-$w" cpu_us_per_message); p_us=$(result "$R/peer-echo-$w" cpu_us_per_message)
  s_kus=$(result "$R/slideo-echo-$w" kernel_us_per_message); p_kus=$(result "$R/peer-echo-$w" kernel_us_per_message)
  ratio=$(awk -v s="${s_echo:-0}" -v p="${p_echo:-0}" 'BEGIN { if (p > 0) printf "%.1f", s / p; else print "n/a" }')
  # With no time of its own outside the kernel, the service would spend its kernel time alone per message;
  # 5x the peer leaves the service the peer's time per message over 5, less that kernel time, for its own code.
  ceiling=$(awk -v k="${s_kus:-0}" -v p="${p_us:-0}" 'BEGIN { if (k > 0) printf "%.1f", p / k; else print "n/a" }')
  own_budget=$(awk -v k="${s_kus:-0}" -v p="${p_us:-0}" 'BEGIN { printf "%.2f", p / 5 - k }')
  own_used=$(awk -v k="${s_kus:-0}" -v s="${s_us:-0}" 'BEGIN { printf "%.2f", s - k }')
  echo_rows+="| echo messages per server CPU-second ($ECHO_CONNECTIONS connections, $w in flight each) | ${s_echo:-?} | ${p_echo:-?} | ≥ 5× the peer: **${ratio}×** |
| server CPU per message, all / in the kernel ($w in flight) | ${s_us:-?} / ${s_kus:-?} µs | ${p_us:-?} / ${p_kus:-?} µs | ceiling at the service's kernel time: ${ceiling}×; 5× leaves ${own_budget} µs outside the kernel (used: ${own_used}) |
| echo messages per second (wall, 2 cores shared with the client; $w in flight) | ${s_rate:-?} | ${p_rate:-?} | |
"
done
p50=$(result "$R/slideo-latency" p50_ms); p95=$(result "$R/slideo-latency" p95_ms)
p99=$(result "$R/slideo-latency" p99_ms); pmax=$(result "$R/slideo-latency" max_ms)
measured=$(result "$R/slideo-latency" latency_measured)

table=$(cat <<EOF
| measure | websocket-service | FastAPI peer | goal |
|---|---|---|---|
| idle connections held (of $IDLE asked) | ${s_open:-?} | ${p_open:-?} | ≥ 15,000 per instance |
| server memory per idle connection (RSS growth, after a full GC at both ends) | ${s_kb_gc:-?} KB | – (no GC to run) | ≤ 12 KB |
| server memory per idle connection (raw RSS growth, garbage included) | ${s_kb:-?} KB | ${p_kb:-?} KB | |
| server RSS with them open | ${s_rss:-?} MB | ${p_rss:-?} MB | |
${echo_rows%
}
| notification latency, publish → client, $DECKS active decks: p50 / p95 / p99 / max | ${p50:-?} / ${p95:-?} / ${p99:-?} / ${pmax:-?} ms (${measured:-?} notifications) | – (no message bus) | p99 ≤ 50 ms |
EOF
)
say ""
say "$table"
{
  say "# WebSocket load: websocket-service vs the FastAPI seed peer"
  say ""
  say "Run by \`bench/websocket-load.sh $IDLE $ECHO_CONNECTIONS $ECHO_SECONDS $DECKS $LATENCY_SECONDS $LATENCY_WARMUP '$ECHO_WINDOWS'\` on $(date -u +%Y-%m-%d), $(nproc) cores,"
  say "loopback only, client and servers on the same machine (ulimit -n $(ulimit -n)). Same client for both"
  say "(bench/WebSocketLoad.java, JDK WebSocket)."
  say ""
  say "$table"
  say ""
  say "- Load average (1/5/15 min) at the start of each phase: ${LOADS[*]/%/;} after: $(load)."
  say "- websocket-service runs as \`./slideo\` runs it (\`${SLIDEO_FLAGS[*]}\`, a copy of the built app),"
  say "  with a token per connection (a user each), a session in Redis per connection and the per-user count"
  say "  in Redis; its per-connection message rate limit is lifted for the echo test (every message still"
  say "  passes the limiter). Its \"echo\" is \`ping\` → \`ack\`: the envelope parsed, a new one written."
  say "  The peer echoes the text untouched. Each connection keeps a window of messages in flight (each reply"
  say "  lets it send the next): with 1, every message is a read and a write system call of its own on the"
  say "  server; with more, a read can carry several. The JDK client sends one frame per write either way."
  say "- CPU per message is the server's utime + stime over the measured seconds, divided by the replies;"
  say "  \"in the kernel\" is its stime alone (reads, writes, waits, and on loopback the client's TCP receive,"
  say "  which runs in the server's write). The ceiling is the peer's CPU per message over the service's kernel"
  say "  time per message: the ratio the service would reach if its own code cost nothing. What 5× leaves outside"
  say "  the kernel is the peer's CPU per message over 5, less the service's kernel time (negative: out of reach)."
  say "- The peer: \`uvicorn fastapi_seed_ws:app --loop uvloop\` (Debian's python3-fastapi/uvicorn/websockets)."
  say "- Memory is the server's RSS growth from 20 warm connections to all of them open, divided by those open;"
  say "  for websocket-service also after a full GC (\`jcmd GC.run\`) at both ends, so that handshake garbage"
  say "  not yet collected does not count. The peer's raw growth is its whole cost (CPython frees as it goes)."
  say "- Latency: each of $DECKS users holds one socket; each deck gets one notification a second on"
  say "  notification.v1 (published as the worker does, keyed by user id): $LATENCY_WARMUP s of warm-up at that"
  say "  load (not measured; the JIT compiles the path), then $LATENCY_SECONDS s measured. From just before the"
  say "  Kafka send to the client's receipt (same clock)."
  say "  The peer has no message bus, so it has no such path to measure."
} >"$OUT/websocket-load.md"
say ""
say "Written to bench/results/websocket-load.md"
