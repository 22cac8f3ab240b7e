#!/usr/bin/env bash
# Citizen status look-ups over N seeded cases (docs/benchmarks.md).
#   bash bench/run-lookup.sh                             # 1,000,000 cases, 300 s
#   BENCH_CASES=200000 BENCH_SECONDS=60 bash bench/run-lookup.sh
# Settings: BENCH_CASES, BENCH_SECONDS, BENCH_WARMUP_SECONDS (120), BENCH_CONCURRENCY (16),
# BENCH_BUFFER_POOL (2G: MariaDB's InnoDB buffer pool for the run).
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_NAME=lookup
source "$ROOT/bench/common.sh"

build
# 2 GiB holds the million cases and their indexes (about 0.7 GiB). With MariaDB's 128 MiB default most
# look-ups read a page from the disk, and the rate swung between 420/s and 1,170/s from run to run with
# the same engine (docs/benchmarks.md, "Look-up").
buffer_pool "${BENCH_BUFFER_POOL:-2G}"
fresh_database
start_engine
machine
# The seeding comes first inside the load generator; the sample waits for the look-ups to start.
thread_sample "^lookup: warm-up" $(( ${BENCH_WARMUP_SECONDS:-120} + BENCH_SECONDS / 2 ))
load_generator lookup
log "engine metrics after the run:"
engine_metrics
log "report: $REPORT"
