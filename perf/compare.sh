#!/usr/bin/env bash
# Lanyard against its ceiling: the same wrk load (client_credentials, introspection, userinfo; 64 connections by
# default) first against a `./lanyard dev` on loopback (durability kafka, embedded broker; own database, Hazelcast
# cluster and Kafka data directory, all removed at exit), then — Lanyard stopped — against the bare Vert.x endpoint of
# perf/bare.sh, which parses the same requests and answers the same JSON shapes with nothing behind them. Prints each
# figure and Lanyard's requests/s as a percentage of the bare endpoint's. Loopback only; stops by itself.
#   perf/compare.sh [seconds per run, default 20] [connections, default 64]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
CONNECTIONS=${2:-64}
THREADS=2
SCENARIOS=(client_credentials introspect userinfo)
SECRET=bench-secret-7f3c9a1e5b2d4f6081a3c5e7f9b1d3e5
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
# shellcheck source=perf/lib.sh
source perf/lib.sh
trap perf_on_exit EXIT
export BENCH_DIR="$PWD/perf" BENCH_THREADS=$THREADS BENCH_TOKENS="$PERF_WORK/access"
BENCH_BASIC=$(printf 'bench:%s' "$SECRET" | base64 -w0)
export BENCH_BASIC

# measure LABEL BASE_URL: warm-up (not reported), then one wrk run per scenario; "LABEL scenario RESULT…" lines.
measure() {
  local label=$1 base=$2 scenario line
  wrk -t$THREADS -c"$CONNECTIONS" -d10s -s perf/wrk/client_credentials.lua "$base" > /dev/null
  wrk -t$THREADS -c"$CONNECTIONS" -d5s -s perf/wrk/introspect.lua "$base" > /dev/null
  for scenario in "${SCENARIOS[@]}"; do
    line=$(wrk -t$THREADS -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s -s "perf/wrk/$scenario.lua" "$base" | grep '^RESULT')
    echo "$label $scenario ${line#RESULT }" | tee -a "$PERF_WORK/results" >&2
  done
}

build_lanyard
plan_nodes 1
port=$(free_port)
echo "Lanyard: ./lanyard dev on 127.0.0.1:$port ..." >&2
start_dev 0 "$port" perf/bench-clients.yaml
await_ready "http://127.0.0.1:$port" 0
# Live access tokens of a user, for introspection and userinfo (one per connection).
for _ in $(seq 1 "$CONNECTIONS"); do
  curl -s -u "bench:$SECRET" -d "grant_type=password&username=student1&password=student1-pass&scope=openid%20profile%20email" \
    "http://127.0.0.1:$port/oauth2/token"
  echo
done | python3 -c "
import json, sys
print('\n'.join(json.loads(line)['access_token'] for line in sys.stdin if line.strip()))" > "$BENCH_TOKENS"
measure lanyard "http://127.0.0.1:$port"
kill "${PERF_PIDS[0]}"
wait "${PERF_PIDS[0]}" 2> /dev/null || true

bare_port=$(free_port)
echo "bare Vert.x endpoint on 127.0.0.1:$bare_port ..." >&2
perf/bare.sh "$bare_port" > "$PERF_WORK/node1.log" 2>&1 &
PERF_PIDS+=($!)
await_ready "http://127.0.0.1:$bare_port" 1
measure bare "http://127.0.0.1:$bare_port"

echo
echo "Lanyard vs bare Vert.x: wrk $THREADS threads, $CONNECTIONS connections, ${DURATION}s per run, durability kafka,"
echo "$(nproc) cores shared by server, wrk (and anything else running on this machine)"
python3 - "$PERF_WORK/results" "${SCENARIOS[@]}" <<'PY'
import re, sys
rows = {}
for line in open(sys.argv[1]):
    label, scenario, rest = line.split(" ", 2)
    rows[(label, scenario)] = dict(re.findall(r"(\w+)=([\d.]+)", rest))
print("%-19s | %9s %8s %8s %6s | %9s %8s %8s | %s" % ("scenario", "Lanyard/s", "p50 ms", "p99 ms", "errors",
                                                    "bare/s", "p50 ms", "p99 ms", "Lanyard % of ceiling"))
for scenario in sys.argv[2:]:
    l, b = rows.get(("lanyard", scenario)), rows.get(("bare", scenario))
    if not l or not b:
        print("%-19s | (missing)" % scenario)
        continue
    errors = int(l["non2xx"]) + int(l["socket_errors"])
    share = 100.0 * float(l["rps"]) / float(b["rps"]) if float(b["rps"]) else 0
    print("%-19s | %9s %8s %8s %6d | %9s %8s %8s | %5.1f %%" % (scenario, l["rps"], l["p50_ms"], l["p99_ms"], errors,
          b["rps"], b["p50_ms"], b["p99_ms"], share))
PY
