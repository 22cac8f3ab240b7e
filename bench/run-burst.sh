#!/usr/bin/env bash
# Channel burst against the production configuration (docs/benchmarks.md, "Channel burst").
#   bash bench/run-burst.sh                       # 100,000 contacts
#   BENCH_CONTACTS=10000 bash bench/run-burst.sh
# Settings: BENCH_CONTACTS (100000), BENCH_STALL_SECONDS (300: no new case for that long fails the run),
# HOTLINE_INTAKE_CONSUMERS (the engine's intake consumers, as shipped unless set).
# Exits non-zero unless every contact became exactly one case with one process and no dead letter.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_NAME=burst
source "$ROOT/bench/common.sh"

build
fresh_database
start_engine
machine
log "intake consumers: ${HOTLINE_INTAKE_CONSUMERS:-as shipped}"
thread_sample "^published:" 30
BENCH_RABBIT_VHOST=$BENCH_VHOST load_generator burst
log "engine metrics after the run:"
engine_metrics
log "report: $REPORT"
