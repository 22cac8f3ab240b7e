#!/usr/bin/env bash
# Runs the engine jar with Class Data Sharing (AppCDS), which shortens its start-up (docs/benchmarks.md,
# "Start-up and memory"). Same application, same configuration; only the JVM loads its classes faster.
#
#   bin/run-cds.sh [java options]            e.g.  bin/run-cds.sh -Xmx512m
#   bin/run-cds.sh --prepare                 only extract and train; prints the java command to use
#
# The first time, and whenever the jar is newer than what was prepared, it
#   1. extracts the jar (java -Djarmode=tools -jar ... extract): plain jars on the disk instead of jars
#      nested in one jar, which CDS needs (and which alone saves the nested-jar look-ups);
#   2. makes the archive with one training run that builds the whole application context on an empty
#      embedded database in a scratch directory and exits before it takes any requests
#      (-Dspring.context.exit=onRefresh, -XX:ArchiveClassesAtExit). This takes about one start-up.
# Then it starts the application from the working directory with -XX:SharedArchiveFile. The training
# never touches the configured database: it runs with the embedded default whatever the environment says.
# An archive that no longer matches the jars is ignored by the JVM (it starts as without CDS).
#
# Settings: HOTLINE_JAR (default: engine/target/hotline-engine-*.jar of this checkout) and
# HOTLINE_CDS_DIR (default: engine/target/cds), where the extracted jar and the archive are kept.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=${HOTLINE_JAR:-$(ls "$ROOT"/engine/target/hotline-engine-*.jar 2>/dev/null | grep -v -- '-plain' | head -n1 || true)}
DIR=${HOTLINE_CDS_DIR:-$ROOT/engine/target/cds}
if [[ -z $JAR || ! -f $JAR ]]; then
  echo "no engine jar: build it with  mvn -pl engine -am package -DskipTests  or set HOTLINE_JAR" >&2
  exit 1
fi
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
APP_JAR=$DIR/app/$(basename "$JAR")
ARCHIVE=$DIR/hotline.jsa

prepare() {
  if [[ -f $ARCHIVE && $ARCHIVE -nt $JAR ]]; then
    return
  fi
  echo "[cds] extracting $JAR into $DIR/app" >&2
  rm -rf "$DIR"
  mkdir -p "$DIR"
  java -Djarmode=tools -jar "$JAR" extract --destination "$DIR/app" >/dev/null
  local scratch
  scratch=$(mktemp -d)
  echo "[cds] training run (one start-up on an empty embedded database in $scratch)" >&2
  # env -i keeps the operator's database and broker settings away from the training run.
  if ! (cd "$scratch" && env -i PATH="$PATH" HOME="${HOME:-/tmp}" PORT=0 \
      java -XX:ArchiveClassesAtExit="$ARCHIVE" -Dspring.context.exit=onRefresh -jar "$APP_JAR" \
      >"$DIR/training.log" 2>&1); then
    echo "[cds] the training run failed; see $DIR/training.log" >&2
    rm -rf "$scratch"
    exit 1
  fi
  rm -rf "$scratch"
  echo "[cds] archive $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1))" >&2
}

prepare
if [[ ${1:-} == --prepare ]]; then
  echo "java -XX:SharedArchiveFile=$ARCHIVE -jar $APP_JAR"
  exit 0
fi
exec java -XX:SharedArchiveFile="$ARCHIVE" "$@" -jar "$APP_JAR"
