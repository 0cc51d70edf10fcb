#!/usr/bin/env bash
# Benchmark: starts a dev server on loopback (durability kafka, embedded broker), then drives client_credentials,
# introspection, userinfo and rotating refresh (alone, and with an RS256, ES256 or EdDSA id_token) with wrk at 16 and 64 connections for a fixed time each and prints
# requests/s and p50/p99 latency. Loopback only; every run stops by itself.
#   perf/bench.sh [seconds per run, default 20] [connection counts, default "16 64"]
# BENCH_SCENARIOS="client_credentials refresh_rs256" picks the scenarios; BENCH_SIGNINS=0 skips the browser sign-ins.
# BENCH_SERVER_LOG=file keeps the server's log. BENCH_JFR_DIR=dir records a JFR profile of the server per run (dir/<scenario>-<conns>.jfr; perf/profile-summary.sh
# turns one into the top frames).
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
trap 'status=$?; kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null
  [ -n "${BENCH_SERVER_LOG:-}" ] && cp "$WORK/server.log" "$BENCH_SERVER_LOG"; rm -rf "$WORK"
  psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DATABASE with (force)" postgres >/dev/null 2>&1
  exit $status' EXIT
for _ in $(seq 1 120); do
  curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$BASE/health/ready" >/dev/null || { echo "server did not become ready"; cat "$WORK/server.log"; exit 1; }

SECRET=bench-secret-7f3c9a1e5b2d4f6081a3c5e7f9b1d3e5   # every bench client's
token() { # form -> response JSON, for client $CLIENT (default bench)
  curl -s -u "${CLIENT:-bench}:$SECRET" -d "$@" "$BASE/oauth2/token"
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
  # refresh: rotation alone (scope profile); refresh_<alg>: rotation with an id_token (scope openid) signed with
  # <alg>, by the bench client of that algorithm (perf/bench-clients.yaml)
  local scenario=$1 conns=$2 script=$1 client=bench scope=profile
  case $scenario in
    refresh_rs256) script=refresh scope="openid%20profile" ;;
    refresh_es256) script=refresh scope="openid%20profile" client=bench-es256 ;;
    refresh_eddsa) script=refresh scope="openid%20profile" client=bench-eddsa ;;
  esac
  if [ "$script" = refresh ]; then
    : > "$WORK/refresh-$conns"
    # Two per connection: wrk may build a request it never sends, which would otherwise strand a connection.
    for _ in $(seq 1 $((conns * 2))); do
      CLIENT=$client token "grant_type=password&username=student1&password=student1-pass&scope=$scope" \
        | field refresh_token
    done > "$WORK/refresh-$conns"
    export BENCH_REFRESH_TOKENS="$WORK/refresh-$conns"
  fi
  local line
  [ -n "${BENCH_JFR_DIR:-}" ] && jcmd $SERVER JFR.start name="$scenario-$conns" settings=profile >/dev/null
  line=$(BENCH_BASIC=$(printf '%s:%s' "$client" "$SECRET" | base64 -w0) \
    wrk -t$THREADS -c"$conns" -d"${DURATION}s" --timeout 5s -s "perf/wrk/$script.lua" "$BASE" | grep '^RESULT')
  [ -n "${BENCH_JFR_DIR:-}" ] && jcmd $SERVER JFR.stop name="$scenario-$conns" \
    filename="$BENCH_JFR_DIR/$scenario-$conns.jfr" >/dev/null
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
  for scenario in ${BENCH_SCENARIOS:-client_credentials introspect userinfo refresh refresh_rs256 refresh_es256 refresh_eddsa}; do
    run "$scenario" "$conns"
  done
done
# authorize -> login POST (password hash) -> redirect -> code exchange -> userinfo, one fresh browser per sign-in
if [ "${BENCH_SIGNINS:-1}" != 0 ]; then   # BENCH_SIGNINS=0 skips them
  signins 4
  signins 16
fi
