#!/usr/bin/env bash
# Statistics over N closed cases (docs/benchmarks.md, "Statistics over N closed cases").
#   bash bench/run-statistics.sh                                   # stages 0, 1,000,000
#   BENCH_STAGES="0 1000000 10000000" bash bench/run-statistics.sh
# Settings: BENCH_STAGES, BENCH_REQUESTS (200), BENCH_WARMUP_REQUESTS (20), BENCH_PRODUCT_FOLD_UP_TO (1000000:
# stages up to this are folded by the engine's own settlement and checked against the SQL totals; larger
# ones are inserted folded with their totals added in SQL), BENCH_BUFFER_POOL (e.g. 4G: MariaDB's InnoDB buffer
# pool for the run; its 128 MiB default holds hotline_case's indexes only up to about a million cases, after
# which seeding crawls at about 1,000 rows/s; a production server is sized to its data anyway).
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_NAME=statistics
source "$ROOT/bench/common.sh"

# The settlement every 5 s instead of every minute: the seeded history is folded as soon as it is there.
export HOTLINE_STATISTICS_SETTLE_INTERVAL=${HOTLINE_STATISTICS_SETTLE_INTERVAL:-5s}

build
buffer_pool "${BENCH_BUFFER_POOL:-}"
fresh_database
start_engine
machine
load_generator statistics
log "engine metrics after the run:"
curl -fsS -u admin:demo "http://127.0.0.1:$PORT/actuator/prometheus" 2>/dev/null \
  | grep -E '^(http_server_requests_seconds_(count|sum|max)\{.*uri="/(api/public/statistics|public/dashboard)|jvm_gc_pause_seconds_(count|sum)|jvm_memory_used_bytes\{area="heap")' \
  | tee -a "$REPORT" || true
log "report: $REPORT"
