#!/usr/bin/env bash
# Start-up time and memory of the engine at -Xmx512m (docs/benchmarks.md, "Start-up and memory").
#   bash bench/run-startup.sh                # each kind of start BENCH_REPEAT (3) times
#   BENCH_CDS=1 bash bench/run-startup.sh    # also the two embedded kinds with AppCDS (bin/run-cds.sh)
#   BENCH_PRODUCTION=0 ...                   # leaves out the production kind (no MariaDB/RabbitMQ needed)
# Three kinds of start, each timed from the java command to /actuator/health answering UP:
#   embedded-first  the embedded default (H2 file database, in-process queue, demo data) in an empty
#                   directory: the schema is created and the demo data loaded;
#   embedded-again  the same directory started again: what a restart costs;
#   production      profiles mysql,rabbit against a freshly created MariaDB database;
#   cds-first, cds-again  as embedded-first and -again, started by the command bin/run-cds.sh uses:
#                   the extracted jar with its class data sharing archive (made once, before the rounds,
#                   by a training run whose duration is recorded too).
# After each start the engine idles 5 s; then its resident memory (RSS) and heap in use are recorded.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_NAME=startup
source "$ROOT/bench/common.sh"
readonly REPEAT=${BENCH_REPEAT:-3}
readonly WITH_CDS=${BENCH_CDS:-0}
readonly WITH_PRODUCTION=${BENCH_PRODUCTION:-1}

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
# The kinds cds-* start the extracted jar with the archive instead.
timed_start() {
  local dir=$1 kind=$2
  shift 2
  local launch=(-jar "$ENGINE_JAR")
  if [[ $kind == cds-* ]]; then
    launch=(-XX:SharedArchiveFile="$CDS_ARCHIVE" -jar "$CDS_JAR")
  fi
  ENGINE_LOG="$ROOT/bench/target/startup-${kind}-engine.log"
  PORT=$(free_port)
  local t0 t1
  t0=$(date +%s.%N)
  (cd "$dir" && exec env PORT="$PORT" "$@" java -Xmx"$ENGINE_HEAP" "${launch[@]}" >"$ENGINE_LOG" 2>&1) &
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
  # CPU seconds the process used until healthy (all its threads: the JIT compilers use about half),
  # and the load then: on two shared cores, the seconds mean little without them.
  local cpu load
  cpu=$(awk '{printf "%.0f", ($14 + $15) / 100}' "/proc/$ENGINE_PID/stat")
  load=$(cut -d' ' -f1 /proc/loadavg)
  sleep 5
  local rss heap spring
  rss=$(( $(ps -o rss= -p "$ENGINE_PID") / 1024 ))
  heap=$(curl -fsS -u admin:demo "http://127.0.0.1:$PORT/actuator/prometheus" 2>/dev/null \
    | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {sum += $NF} END {printf "%.0f", sum / 1048576}')
  spring=$(grep -o 'Started HotlineApplication in [0-9.]* seconds' "$ENGINE_LOG" | head -n1 || true)
  log "$(printf '%-15s healthy after %5s s; %s; CPU %s s; load %s; RSS %s MiB, heap in use %s MiB' "$kind" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')" "${spring:-no start-up line}" "$cpu" "$load" "$rss" "$heap")"
  stop_engine
}

build
machine
if [[ $WITH_CDS == 1 ]]; then
  t0=$(date +%s)
  prepared=$(HOTLINE_JAR=$ENGINE_JAR HOTLINE_CDS_DIR=$WORK/cds "$ROOT/bin/run-cds.sh" --prepare)
  CDS_ARCHIVE=$WORK/cds/hotline.jsa
  CDS_JAR=${prepared##* }
  log "cds: extraction and training run took $(( $(date +%s) - t0 )) s; archive $(du -m "$CDS_ARCHIVE" | cut -f1) MiB"
fi
for run in $(seq 1 "$REPEAT"); do
  data=$(mktemp -d "$WORK/embedded.XXXXXX")
  timed_start "$data" embedded-first
  timed_start "$data" embedded-again
  if [[ $WITH_CDS == 1 ]]; then
    data=$(mktemp -d "$WORK/cds.XXXXXX")
    timed_start "$data" cds-first
    timed_start "$data" cds-again
  fi
  if [[ $WITH_PRODUCTION != 1 ]]; then
    continue
  fi
  fresh_database
  timed_start "$WORK" production SPRING_PROFILES_ACTIVE=mysql,rabbit HOTLINE_DEMO_DATA=true \
    HOTLINE_DB_URL="jdbc:mysql://127.0.0.1:3306/${BENCH_DB}?sendFractionalSeconds=false&characterEncoding=UTF-8&nullDatabaseMeansCurrent=true" \
    HOTLINE_DB_USER=$BENCH_DB_USER HOTLINE_DB_PASSWORD=$BENCH_DB_PASSWORD SPRING_RABBITMQ_VIRTUAL_HOST=$BENCH_VHOST
done
log "report: $REPORT"
