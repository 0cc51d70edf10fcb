#!/usr/bin/env bash
# Scale curve: the same wrk load (client_credentials and introspection) against 1, 2 and 3 Lanyard processes on
# loopback forming one deployment: node 1 is `./lanyard dev` (the embedded KRaft broker, the projector, the database
# import), nodes 2 and 3 are `./lanyard serve all` joining its Hazelcast cluster, broker and database (no projector of
# their own). The load is spread round-robin: one wrk per node, CONNECTIONS/N connections each, run at the same time;
# the table adds their requests/s and shows the worst node's p99. Own database, cluster name, ports and Kafka data
# directory, all removed at exit; loopback only; stops by itself.
#   perf/scale.sh [seconds per run, default 20] [total connections, default 64] [largest node count, default 3]
# On a machine with fewer cores than nodes the nodes share the same cores (and with wrk): the curve then shows the
# cost of clustering, not added capacity. docs/deployment.md, "Sizing", says how to read it.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
CONNECTIONS=${2:-64}
MAX_NODES=${3:-3}
SECRET=bench-secret-7f3c9a1e5b2d4f6081a3c5e7f9b1d3e5
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
# shellcheck source=perf/lib.sh
source perf/lib.sh
trap perf_on_exit EXIT
export BENCH_DIR="$PWD/perf" BENCH_THREADS=1 BENCH_TOKENS="$PERF_WORK/access"
BENCH_BASIC=$(printf 'bench:%s' "$SECRET" | base64 -w0)
export BENCH_BASIC
# Hazelcast's member list in each node's log, so the script can wait for the cluster to have N members.
export LANYARD_JAVA_OPTS="-XX:+UseParallelGC -Xms256m -Xmx2g -Dorg.slf4j.simpleLogger.log.com.hazelcast.internal.cluster.ClusterService=info"

build_lanyard
plan_nodes "$MAX_NODES"
URLS=()
await_members() { # N: node 1's log shows a cluster of N members
  local _
  for _ in $(seq 1 120); do
    [ "$(grep -o 'Members {size:[0-9]*' "$PERF_WORK/node0.log" | tail -1)" = "Members {size:$1" ] && return 0
    sleep 1
  done
  echo "the cluster did not reach $1 members" >&2
  return 1
}

# run SCENARIO N: one wrk per node at once, CONNECTIONS/N connections each; prints the combined line.
run() {
  local scenario=$1 n=$2 per=$(( $2 > 0 ? CONNECTIONS / $2 : CONNECTIONS )) i
  ((per > 0)) || per=1
  for ((i = 0; i < n; i++)); do
    wrk -t1 -c"$per" -d"${DURATION}s" --timeout 5s -s "perf/wrk/$scenario.lua" "${URLS[$i]}" \
      | grep '^RESULT' > "$PERF_WORK/wrk-$scenario-$n-$i" &
  done
  wait
  python3 - "$scenario" "$n" "$per" "$PERF_WORK"/wrk-"$scenario"-"$n"-* <<'PY'
import re, sys
scenario, n, per, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
runs = [dict((k, float(v)) for k, v in re.findall(r"(\w+)=([\d.]+)", open(f).read())) for f in sorted(files)]
total = sum(r["rps"] for r in runs)
requests = sum(r["requests"] for r in runs) or 1
p50 = sum(r["p50_ms"] * r["requests"] for r in runs) / requests
print("%5s | %-18s | %4d x %-3s | %9.0f | %8.2f | %8.2f | %6d | %s" % (n, scenario, int(n), per, total, p50,
      max(r["p99_ms"] for r in runs), sum(r["non2xx"] + r["socket_errors"] for r in runs),
      " ".join("%.0f" % r["rps"] for r in runs)))
PY
}

rows=()
for ((n = 1; n <= MAX_NODES; n++)); do
  port=$(free_port)
  if ((n == 1)); then
    echo "node 1: ./lanyard dev on 127.0.0.1:$port ..." >&2
    start_dev 0 "$port" perf/bench-clients.yaml
  else
    echo "node $n: ./lanyard serve all on 127.0.0.1:$port ..." >&2
    start_serve $((n - 1)) "$port"
  fi
  URLS+=("http://127.0.0.1:$port")
  await_ready "${URLS[$((n - 1))]}" $((n - 1))
  await_members "$n"
  if ((n == 1)); then
    for _ in $(seq 1 "$CONNECTIONS"); do
      curl -s -u "bench:$SECRET" -d "grant_type=password&username=student1&password=student1-pass&scope=profile" \
        "${URLS[0]}/oauth2/token"
      echo
    done | python3 -c "
import json, sys
print('\n'.join(json.loads(line)['access_token'] for line in sys.stdin if line.strip()))" > "$BENCH_TOKENS"
  fi
  # Warm-up of every node (JIT, connection pools, partitions just migrated to the new member): not reported.
  for url in "${URLS[@]}"; do
    wrk -t1 -c8 -d8s -s perf/wrk/client_credentials.lua "$url" > /dev/null
    wrk -t1 -c8 -d4s -s perf/wrk/introspect.lua "$url" > /dev/null
  done
  for scenario in client_credentials introspect; do
    rows+=("$(run "$scenario" "$n")")
    echo "${rows[-1]}" >&2
  done
done

echo
echo "Scale curve: ${DURATION}s per run, $CONNECTIONS connections in total spread over the nodes, durability kafka,"
echo "$(nproc) cores shared by every node, the broker (inside node 1), wrk and anything else on this machine"
printf '%5s | %-18s | %-10s | %9s | %8s | %8s | %6s | %s\n' nodes scenario "conns" "req/s" "p50 ms" "p99 ms" errors \
  "req/s per node"
printf '%s\n' "${rows[@]}"
