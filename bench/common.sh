# Shared by the bench/run-*.sh scripts (docs/benchmarks.md): builds what is missing, creates a
# fresh database, starts the engine in its production configuration on a free port, and stops it on
# exit. Source it; it expects ROOT (the repository root) and BENCH_NAME.
set -euo pipefail

readonly BENCH_DB=${BENCH_DB:-hotline_bench}
readonly BENCH_DB_USER=hotline
readonly BENCH_DB_PASSWORD=hotline
readonly BENCH_VHOST=${BENCH_VHOST:-hotline_bench}
readonly ENGINE_HEAP=${ENGINE_HEAP:-512m}
readonly HEALTH_WAIT_SECONDS=${HEALTH_WAIT_SECONDS:-600}
export BENCH_SECONDS=${BENCH_SECONDS:-300}

LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
WORK=$(mktemp -d "/tmp/hotline-${BENCH_NAME}.XXXXXX")
# Kept after the run (target/ is ignored), for a look at what went wrong.
ENGINE_LOG="$ROOT/bench/target/${BENCH_NAME}-engine.log"
ENGINE_PID=
RESULTS="$ROOT/bench/results"
mkdir -p "$RESULTS"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
REPORT="$RESULTS/${BENCH_NAME}-${STAMP}.txt"

log() {
  printf '[bench] %s\n' "$*" | tee -a "$REPORT"
}

cleanup() {
  if [[ -n $ENGINE_PID ]] && kill -0 "$ENGINE_PID" 2>/dev/null; then
    kill "$ENGINE_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 "$ENGINE_PID" 2>/dev/null || break
      sleep 1
    done
    kill -9 "$ENGINE_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Sets MariaDB's InnoDB buffer pool to $1 (e.g. 2G) when given, and records its size either way.
buffer_pool() {
  if [[ -n ${1:-} ]]; then
    # Resized online (MariaDB 10.2+); stays until the server restarts.
    mariadb --user=root -e "SET GLOBAL innodb_buffer_pool_size = $(numfmt --from=iec "$1")"
  fi
  log "InnoDB buffer pool: $(mariadb --user=root -N -e 'SELECT @@innodb_buffer_pool_size' | numfmt --to=iec)"
}

build() {
  local jar
  # ENGINE_JAR: a jar built elsewhere (e.g. while another engine still runs from engine/target).
  jar=${ENGINE_JAR:-$(ls "$ROOT"/engine/target/hotline-engine-*.jar 2>/dev/null | grep -v -- '-plain' | head -n1 || true)}
  if [[ -z $jar || -n ${BENCH_REBUILD:-} ]]; then
    log "building the engine jar"
    (cd "$ROOT" && mvn -B -ntp -q -pl engine -am package -DskipTests)
    jar=$(ls "$ROOT"/engine/target/hotline-engine-*.jar | grep -v -- '-plain' | head -n1)
  fi
  ENGINE_JAR=$jar
  if [[ ! -f $ROOT/bench/target/hotline-bench.jar || -n ${BENCH_REBUILD:-} ]]; then
    log "building the load generator"
    mvn -B -ntp -q -f "$ROOT/bench/pom.xml" package
  fi
}

# As .ci/run creates its test database: dropped and created again, so every run starts empty.
fresh_database() {
  log "creating database $BENCH_DB (utf8mb4)"
  mariadb --user=root <<SQL
DROP DATABASE IF EXISTS ${BENCH_DB};
CREATE DATABASE ${BENCH_DB} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${BENCH_DB_USER}'@'127.0.0.1' IDENTIFIED BY '${BENCH_DB_PASSWORD}';
CREATE USER IF NOT EXISTS '${BENCH_DB_USER}'@'localhost' IDENTIFIED BY '${BENCH_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON ${BENCH_DB}.* TO '${BENCH_DB_USER}'@'127.0.0.1';
GRANT ALL PRIVILEGES ON ${BENCH_DB}.* TO '${BENCH_DB_USER}'@'localhost';
FLUSH PRIVILEGES;
SQL
  # A virtual host of its own: the bench engine must not consume other runs' intake messages.
  rabbitmqctl -q delete_vhost "$BENCH_VHOST" >/dev/null 2>&1 || true
  rabbitmqctl -q add_vhost "$BENCH_VHOST" >/dev/null
  rabbitmqctl -q set_permissions -p "$BENCH_VHOST" guest '.*' '.*' '.*' >/dev/null
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Production profiles; the limits for one citizen address are raised (every request of the load
# generator comes from 127.0.0.1), everything else is as shipped.
start_engine() {
  PORT=$(free_port)
  log "starting the engine on port $PORT: profiles mysql,rabbit, -Xmx$ENGINE_HEAP, demo data${ENGINE_ARGS:+, arguments: $ENGINE_ARGS}"
  (
    cd "$WORK"
    export SPRING_PROFILES_ACTIVE=mysql,rabbit
    export HOTLINE_DEMO_DATA=true
    export PORT
    export HOTLINE_DB_URL="jdbc:mysql://127.0.0.1:3306/${BENCH_DB}?sendFractionalSeconds=false&characterEncoding=UTF-8&nullDatabaseMeansCurrent=true"
    export HOTLINE_DB_USER=$BENCH_DB_USER HOTLINE_DB_PASSWORD=$BENCH_DB_PASSWORD
    export SPRING_RABBITMQ_VIRTUAL_HOST=$BENCH_VHOST
    export HOTLINE_LIMIT_SUBMISSIONS=100000000 HOTLINE_LIMIT_LOOKUPS=100000000
    export HOTLINE_LIMIT_CODE_FAILURES_PER_CASE=100000000 HOTLINE_LIMIT_CODE_FAILURES_PER_ADDRESS=100000000
    # ENGINE_JAVA_OPTS: extra JVM options for a profiled run, e.g. a Flight Recorder recording.
    # ENGINE_ARGS: extra Spring arguments, e.g. other job executor settings for a before/after run.
    # shellcheck disable=SC2086
    exec java -Xmx"$ENGINE_HEAP" ${ENGINE_JAVA_OPTS:-} -jar "$ENGINE_JAR" ${ENGINE_ARGS:-} >"$ENGINE_LOG" 2>&1
  ) &
  ENGINE_PID=$!
  local waited=0
  until curl -fsS "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$ENGINE_PID" 2>/dev/null; then
      tail -n 40 "$ENGINE_LOG" >&2
      log "the engine exited during start-up"
      exit 1
    fi
    if (( waited >= HEALTH_WAIT_SECONDS )); then
      tail -n 40 "$ENGINE_LOG" >&2
      log "the engine was not healthy within ${HEALTH_WAIT_SECONDS}s"
      exit 1
    fi
    sleep 2
    waited=$((waited + 2))
  done
  log "engine healthy after ~${waited}s (pid $ENGINE_PID)"
}

machine() {
  log "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  log "load average when the script started: $LOAD_AT_START"
  log "load average now, engine started, before the load: $(cut -d' ' -f1-3 /proc/loadavg)"
  log "cpus: $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  log "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB total, " $7 " GiB available"}')"
  log "java: $(java -version 2>&1 | head -n1)"
  log "mariadb: $(mariadb --user=root -N -e 'SELECT VERSION()')"
  log "rabbitmq: $(rabbitmqctl -q version 2>/dev/null || echo unknown)"
}

# Where the engine's time went, as it saw it: request timings and the connection pool.
engine_metrics() {
  # The demo data's admin login (HTTP Basic, ADMIN role; docs/operations.md).
  curl -fsS -u admin:demo "http://127.0.0.1:$PORT/actuator/prometheus" 2>/dev/null \
    | grep -E '^(http_server_requests_seconds_(count|sum|max)\{.*uri="/api/citizen|hikaricp_connections(_active|_pending|_max)? |hikaricp_connections_(acquire|usage)_seconds_(count|sum|max)|jvm_gc_pause_seconds_(count|sum))' \
    | tee -a "$REPORT" || true
}

# One thread dump in the middle of the load: what the request threads are doing. Waits for the
# load generator's line that starts the warm-up, then for the given number of seconds.
thread_sample() {
  local marker=$1 delay=$2
  (
    until grep -q "$marker" "$REPORT" 2>/dev/null; do
      kill -0 "$ENGINE_PID" 2>/dev/null || exit 0
      sleep 1
    done
    sleep "$delay"
    if kill -0 "$ENGINE_PID" 2>/dev/null; then
      jcmd "$ENGINE_PID" Thread.print >"$RESULTS/${BENCH_NAME}-${STAMP}-threads.txt" 2>&1 || true
    fi
  ) &
}

load_generator() {
  env BENCH_URL="http://127.0.0.1:$PORT" \
    BENCH_JDBC_URL="jdbc:mysql://127.0.0.1:3306/${BENCH_DB}" BENCH_DB_USER=$BENCH_DB_USER BENCH_DB_PASSWORD=$BENCH_DB_PASSWORD \
    java -Xmx512m -cp "$ROOT/bench/target/hotline-bench.jar:$ROOT/bench/target/lib/*" org.hotline8890.bench.Bench "$@" \
    | tee -a "$REPORT"
}
