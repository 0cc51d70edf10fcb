#!/usr/bin/env bash
# Benchmark: starts a dev server on loopback (durability kafka, embedded broker), then drives client_credentials,
# introspection, userinfo and rotating refresh with wrk at 16 and 64 connections for a fixed time each and prints
# requests/s and p50/p99 latency. Loopback only; every run stops by itself.
#   perf/bench.sh [seconds per run, default 20] [connection counts, default "16 64"]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
CONNECTIONS=${2:-"16 64"}
PORT=${BENCH_PORT:-18080}
THREADS=2
BASE=http://127.0.0.1:$PORT
export BENCH_DIR="$PWD/perf" BENCH_THREADS=$THREADS
export BENCH_BASIC=$(printf 'bench:bench-secret-7f3c9a1e5b2d4f6081a3c5e7f9b1d3e5' | base64 -w0)
WORK=$(mktemp -d)
# A throwaway database per run: a restart on top of a previous run's projections would first reload its tokens.
DATABASE="lanyard_bench_$$"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

./lanyard help >/dev/null   # builds the jar if needed, outside the measured window
LANYARD_KAFKA_DATA_DIR="$WORK/kafka" LANYARD_HAZELCAST_CLUSTER_NAME="bench-$$" LANYARD_HAZELCAST_PORT=15701 \
LANYARD_POSTGRES_DATABASE="$DATABASE" \
  ./lanyard dev --port "$PORT" --import perf/bench-clients.yaml > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'status=$?; kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK";
  psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DATABASE with (force)" postgres >/dev/null 2>&1
  exit $status' EXIT
for _ in $(seq 1 120); do
  curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$BASE/health/ready" >/dev/null || { echo "server did not become ready"; cat "$WORK/server.log"; exit 1; }

token() { # grant_type extra... -> response JSON
  curl -s -u "bench:bench-secret-7f3c9a1e5b2d4f6081a3c5e7f9b1d3e5" -d "$@" "$BASE/oauth2/token"
}
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

# Live access tokens for introspection and userinfo, refresh tokens for rotation (one per connection).
for _ in $(seq 1 64); do
  token "grant_type=password&username=student1&password=student1-pass&scope=openid%20profile%20email"
  echo
done > "$WORK/password.json"
python3 -c "
import json,sys
lines=[json.loads(l) for l in open('$WORK/password.json') if l.strip()]
open('$WORK/access','w').write('\n'.join(l['access_token'] for l in lines)+'\n')
open('$WORK/refresh','w').write('\n'.join(l['refresh_token'] for l in lines)+'\n')"
export BENCH_TOKENS="$WORK/access"

run() { # scenario connections
  local scenario=$1 conns=$2
  if [ "$scenario" = refresh ]; then
    : > "$WORK/refresh-$conns"
    # Two per connection: wrk may build a request it never sends, which would otherwise strand a connection.
    for _ in $(seq 1 $((conns * 2))); do
      token "grant_type=password&username=student1&password=student1-pass&scope=profile" | field refresh_token
    done > "$WORK/refresh-$conns"
    export BENCH_REFRESH_TOKENS="$WORK/refresh-$conns"
  fi
  local line
  line=$(wrk -t$THREADS -c"$conns" -d"${DURATION}s" --timeout 5s -s "perf/wrk/$scenario.lua" "$BASE" | grep '^RESULT')
  printf '%-20s %4s conns  %s\n' "$scenario" "$conns" "${line#RESULT }"
}

signins() { # workers
  local line
  line=$(java -cp perf/target/classes edu.lanyard.perf.SignInBenchmark "$BASE" "$1" "$DURATION" bench \
    bench-secret-7f3c9a1e5b2d4f6081a3c5e7f9b1d3e5 http://127.0.0.1:9999/cb student1 student1-pass | grep '^RESULT')
  printf '%-20s %4s workers %s\n' "browser sign-in" "$1" "${line#RESULT }"
}

# Warm-up (JIT, connection pools, Kafka segments): not reported.
BENCH_TOKENS="$WORK/access" wrk -t$THREADS -c64 -d15s -s perf/wrk/client_credentials.lua "$BASE" >/dev/null
BENCH_TOKENS="$WORK/access" wrk -t$THREADS -c64 -d10s -s perf/wrk/introspect.lua "$BASE" >/dev/null

echo "Lanyard benchmark: ${DURATION}s per run, wrk $THREADS threads, durability kafka, $(nproc) cores"
for conns in $CONNECTIONS; do
  for scenario in client_credentials introspect userinfo refresh; do
    run "$scenario" "$conns"
  done
done
# authorize -> login POST (password hash) -> redirect -> code exchange -> userinfo, one fresh browser per sign-in
signins 4
signins 16
