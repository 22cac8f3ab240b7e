#!/usr/bin/env bash
# Start-up time and memory of the engine at -Xmx512m (docs/benchmarks.md, "Start-up and memory").
#   bash bench/run-startup.sh                # each kind of start BENCH_REPEAT (3) times
# Three kinds of start, each timed from the java command to /actuator/health answering UP:
#   embedded-first  the embedded default (H2 file database, in-process queue, demo data) in an empty
#                   directory: the schema is created and the demo data loaded;
#   embedded-again  the same directory started again: what a restart costs;
#   production      profiles mysql,rabbit against a freshly created MariaDB database.
# After each start the engine idles 5 s; then its resident memory (RSS) and heap in use are recorded.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_NAME=startup
source "$ROOT/bench/common.sh"
readonly REPEAT=${BENCH_REPEAT:-3}

stop_engine() {
  kill "$ENGINE_PID" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$ENGINE_PID" 2>/dev/null || break
    sleep 0.5
  done
  kill -9 "$ENGINE_PID" 2>/dev/null || true
  wait "$ENGINE_PID" 2>/dev/null || true
  ENGINE_PID=
}

# Starts the jar in directory $1 with the environment given after it, waits until it is healthy and
# records the kind of start ($2), the seconds it took, Spring's own start-up line and the memory.
timed_start() {
  local dir=$1 kind=$2
  shift 2
  ENGINE_LOG="$ROOT/bench/target/startup-${kind}-engine.log"
  PORT=$(free_port)
  local t0 t1
  t0=$(date +%s.%N)
  (cd "$dir" && exec env PORT="$PORT" "$@" java -Xmx"$ENGINE_HEAP" -jar "$ENGINE_JAR" >"$ENGINE_LOG" 2>&1) &
  ENGINE_PID=$!
  until curl -fsS "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$ENGINE_PID" 2>/dev/null; then
      tail -n 40 "$ENGINE_LOG" >&2
      log "the engine exited during start-up ($kind)"
      exit 1
    fi
    if (( $(date +%s) - ${t0%.*} >= HEALTH_WAIT_SECONDS )); then
      log "the engine was not healthy within ${HEALTH_WAIT_SECONDS}s ($kind)"
      exit 1
    fi
    sleep 0.2
  done
  t1=$(date +%s.%N)
  sleep 5
  local rss heap spring
  rss=$(( $(ps -o rss= -p "$ENGINE_PID") / 1024 ))
  heap=$(curl -fsS -u admin:demo "http://127.0.0.1:$PORT/actuator/prometheus" 2>/dev/null \
    | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {sum += $NF} END {printf "%.0f", sum / 1048576}')
  spring=$(grep -o 'Started HotlineApplication in [0-9.]* seconds' "$ENGINE_LOG" | head -n1 || true)
  log "$(printf '%-15s healthy after %5s s; %s; RSS %s MiB, heap in use %s MiB' "$kind" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')" "${spring:-no start-up line}" "$rss" "$heap")"
  stop_engine
}

build
machine
for run in $(seq 1 "$REPEAT"); do
  data=$(mktemp -d "$WORK/embedded.XXXXXX")
  timed_start "$data" embedded-first
  timed_start "$data" embedded-again
  fresh_database
  timed_start "$WORK" production SPRING_PROFILES_ACTIVE=mysql,rabbit HOTLINE_DEMO_DATA=true \
    HOTLINE_DB_URL="jdbc:mysql://127.0.0.1:3306/${BENCH_DB}?sendFractionalSeconds=false&characterEncoding=UTF-8&nullDatabaseMeansCurrent=true" \
    HOTLINE_DB_USER=$BENCH_DB_USER HOTLINE_DB_PASSWORD=$BENCH_DB_PASSWORD SPRING_RABBITMQ_VIRTUAL_HOST=$BENCH_VHOST
done
log "report: $REPORT"
