#!/usr/bin/env bash
# Cold start with a realistic token population: a dev server (durability kafka, embedded broker) issues COUNT access
# tokens (default 1,000,000) plus a sample of revoked and rotated ones, the whole cluster is killed (kill -9: its
# Hazelcast member and its broker), and a new one starts on the same Postgres and Kafka data. Prints the size of
# the projections, the time from the new process's start to /health/ready, the latency of the first 10,000
# introspections of tokens issued before the kill, how many were told to retry (503) and how many answered wrongly
# (must be 0; the script fails otherwise). Loopback only; stops by itself.
#   perf/coldstart.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-1000000}
PORT=${BENCH_PORT:-18090}
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d)
DATABASE="lanyard_coldstart_$$"
export LANYARD_KAFKA_DATA_DIR="$WORK/kafka" LANYARD_HAZELCAST_CLUSTER_NAME="coldstart-$$" \
  LANYARD_HAZELCAST_PORT=15801 LANYARD_POSTGRES_DATABASE="$DATABASE" LANYARD_KAFKA_EMBEDDED_PORT=19392 LANYARD_MANAGEMENT_PORT=19465
SERVER=
trap 'status=$?; [ -n "$SERVER" ] && kill -9 $SERVER 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK";
  psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DATABASE with (force)" postgres >/dev/null 2>&1
  exit $status' EXIT

./lanyard help >/dev/null   # builds the jars if needed, outside the measured window
[ -f perf/target/classes/edu/lanyard/perf/ColdStartBenchmark.class ] || ./mvnw -q -B -pl perf compile
bench() { java -cp perf/target/classes edu.lanyard.perf.ColdStartBenchmark "$@"; }
# The jar itself, not ./lanyard: a source edited during the run must not make the restart a rebuild.
dev() { java ${LANYARD_JAVA_OPTS:--XX:+UseParallelGC -Xms512m -Xmx4g} -jar dev-runtime/target/lanyard-dev.jar dev "$@"; }
ready_within() { # seconds -> 0 once /health/ready answers 200
  for _ in $(seq 1 $(( $1 * 10 ))); do
    curl -fs -o /dev/null "$BASE/health/ready" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}
sql() { psql -qtA -h 127.0.0.1 -U postgres -d "$DATABASE" -c "$1"; }

dev --port "$PORT" --import perf/bench-clients.yaml > "$WORK/first.log" 2>&1 &
SERVER=$!
ready_within 180 || { echo "the first server did not become ready"; tail -50 "$WORK/first.log"; exit 1; }
echo "Lanyard cold start: $COUNT tokens, $(nproc) cores"
bench issue "$BASE" "$COUNT" "$WORK/sample"
# The projector is part of what the restart must cope with: it is killed wherever it is.
echo "projections at the kill: $(sql "select count(*) from projection.tokens") token rows," \
  "$(sql "select count(*) from projection.tokens where expires_at > now() and revoked_at is null") live"
kill -9 $SERVER; wait $SERVER 2>/dev/null || true

started=$(date +%s%N)
dev --port "$PORT" > "$WORK/second.log" 2>&1 &
SERVER=$!
ready_within 120 || { echo "the restarted server did not become ready within 120 s"; tail -50 "$WORK/second.log"; exit 1; }
echo "READY $(( ($(date +%s%N) - started) / 1000000 )) ms after the restarted process started (JVM start included)"
bench check "$BASE" "$WORK/sample"
echo "projections after the check: $(sql "select count(*) from projection.tokens") token rows"
