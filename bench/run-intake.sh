#!/usr/bin/env bash
# Intake against the production configuration (docs/benchmarks.md).
#   bash bench/run-intake.sh                               # agent API, log and dispatch, 300 s
#   BENCH_INTAKE_PATH=citizen bash bench/run-intake.sh     # citizen web form (the case waits for review)
#   BENCH_SECONDS=60 bash bench/run-intake.sh
# Settings: BENCH_INTAKE_PATH (agent | citizen), BENCH_SECONDS, BENCH_WARMUP_SECONDS (120),
# BENCH_CONCURRENCY (8), BENCH_RAW_SECONDS (min(60, BENCH_SECONDS)).
# Concurrency 8 by default: the two cores are saturated there (119/s); 16 gave no more rate and twice the
# latency (105/s, p99 348 ms); docs/benchmarks.md, "Results".
export BENCH_CONCURRENCY=${BENCH_CONCURRENCY:-8}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_NAME=intake
source "$ROOT/bench/common.sh"

build
fresh_database
start_engine
machine
thread_sample "^intake .*warm-up" $(( ${BENCH_WARMUP_SECONDS:-120} + BENCH_SECONDS / 2 ))
load_generator intake
log "engine metrics after the run:"
engine_metrics
log "report: $REPORT"
