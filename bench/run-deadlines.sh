#!/usr/bin/env bash
# Deadlines under load (docs/benchmarks.md, "Deadlines"): N open cases each holding a sign-for timer, a
# subset of them falling due over a measured window while citizen intake runs at a fixed rate, and the
# lateness of every late-signing flag.
#   bash bench/run-deadlines.sh          # 200,000 cases, 20,000 due over 600 s, intake 100/s
#   BENCH_CASES=20000 BENCH_DUE=1200 BENCH_WINDOW_SECONDS=300 BENCH_INTAKE_RATE=10 bash bench/run-deadlines.sh
# Settings: BENCH_CASES (200000, due ones included), BENCH_DUE (20000), BENCH_WINDOW_SECONDS (600, whole
# minutes), BENCH_GRACE_SECONDS (60), BENCH_TAIL_SECONDS (300), BENCH_INTAKE_RATE (100 per second),
# BENCH_SEED_CONCURRENCY (12), BENCH_SEED_PATH (api | console | review), BENCH_BUFFER_POOL (1G), BENCH_REUSE_DB (set: keep the
# database and the cases already seeded in it, seed only what is missing), ENGINE_ARGS (extra engine
# arguments, e.g. Camunda's job executor defaults for a before/after run), ENGINE_JAR.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_NAME=deadlines
source "$ROOT/bench/common.sh"

# The acquisition query Camunda runs for each batch of due jobs (Job.xml, selectNextJobsToExecute, as
# the engine configures it), timed by the database itself over the jobs left after the run.
acquisition_query() {
  local order=${1:-}
  mariadb --user=root -N "$BENCH_DB" <<SQL | grep -oE '"(r_total_time_ms|access_type|key|r_rows)": [^,]*' | tr '\n' ' ' | tee -a "$REPORT"
ANALYZE FORMAT=JSON
SELECT RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_ FROM ACT_RU_JOB RES
WHERE (RES.RETRIES_ > 0) AND (RES.DUEDATE_ IS NULL OR RES.DUEDATE_ <= UTC_TIMESTAMP())
  AND (RES.LOCK_OWNER_ IS NULL OR RES.LOCK_EXP_TIME_ < UTC_TIMESTAMP()) AND RES.SUSPENSION_STATE_ = 1
  AND ((RES.EXCLUSIVE_ = 1 AND NOT EXISTS (SELECT J2.ID_ FROM ACT_RU_JOB J2
        WHERE J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ AND (J2.EXCLUSIVE_ = 1)
          AND (J2.LOCK_OWNER_ IS NOT NULL AND J2.LOCK_EXP_TIME_ >= UTC_TIMESTAMP()))) OR RES.EXCLUSIVE_ = 0)
  $order LIMIT 10;
SQL
  echo | tee -a "$REPORT"
}

build
# 1 GiB holds 200,000 open cases with their process instances, jobs and history (with MariaDB's
# 128 MiB default the run would measure the disk as well, as the look-up did).
buffer_pool "${BENCH_BUFFER_POOL:-1G}"
if [[ -n ${BENCH_REUSE_DB:-} ]]; then
  log "reusing database $BENCH_DB and vhost $BENCH_VHOST (cases already seeded stay)"
else
  fresh_database
fi
start_engine
machine
log "settings: cases ${BENCH_CASES:-200000}, due ${BENCH_DUE:-20000}, window ${BENCH_WINDOW_SECONDS:-600} s, intake ${BENCH_INTAKE_RATE:-100}/s"
load_generator deadlines
log "timer jobs left: $(mariadb --user=root -N "$BENCH_DB" -e "SELECT COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'timer'")"
log "indexes on ACT_RU_JOB.DUEDATE_: $(mariadb --user=root -N "$BENCH_DB" -e "SELECT GROUP_CONCAT(INDEX_NAME) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '$BENCH_DB' AND TABLE_NAME = 'ACT_RU_JOB' AND COLUMN_NAME = 'DUEDATE_'")"
log "acquisition query (Camunda's, LIMIT 10), as MariaDB ran it:"
acquisition_query
log "the same ordered by due date (jobExecutorAcquireByDueDate):"
acquisition_query "ORDER BY RES.DUEDATE_"
log "engine metrics after the run:"
engine_metrics
log "report: $REPORT"
