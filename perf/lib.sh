# shellcheck shell=bash
# Shared by perf/gatling.sh, perf/compare.sh and perf/scale.sh (sourced, not run): Lanyard nodes on loopback for a
# load run, each run with its own Postgres database (dropped at exit), Hazelcast cluster name and ports, Kafka data
# directory and master key, so that runs never meet each other or a developer's `./lanyard dev`. Everything started
# here is stopped by lanyard_cleanup (call it from the script's EXIT trap).

PERF_WORK=$(mktemp -d -t lanyard-perf.XXXXXX)
PERF_DATABASE="lanyard_perf_$$"
PERF_CLUSTER="perf-$$"
PERF_PIDS=()
PERF_HAZELCAST_PORTS=()
PERF_KAFKA_PORT=""
PERF_MASTER_KEY=$(python3 -c 'import base64,os; print(base64.b64encode(os.urandom(32)).decode())')
PERF_ITERATIONS=${LANYARD_LOGIN_PBKDF2_ITERATIONS:-100000}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# students_import CLIENTS_YAML COUNT OUT: the clients file plus student1 … studentCOUNT, all with the password the
# simulations use, as one precomputed Lanyard PBKDF2 hash at the server's iteration count (importing plaintext would
# hash every student at import; a hash of another cost would be re-hashed at each first sign-in).
students_import() {
  python3 - "$1" "$2" "$3" "$PERF_ITERATIONS" <<'PY'
import base64, hashlib, os, sys
clients, count, out, iterations = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
salt = os.urandom(16)
digest = hashlib.pbkdf2_hmac("sha256", b"student-load-pass", salt, iterations, 32)
b64 = lambda raw: base64.b64encode(raw).decode().rstrip("=")
hashed = "pbkdf2-sha256$%d$%s$%s" % (iterations, b64(salt), b64(digest))
with open(out, "w") as f:
    f.write(open(clients).read().rstrip("\n") + "\nusers:\n")
    for n in range(1, count + 1):
        f.write("  - {username: student%d, password_hash: '%s', name: Student %d, email: student%d@example.edu,"
                " attributes: {role: 学生, department: Physics, employeeNumber: '2026%06d'}}\n" % (n, hashed, n, n, n))
PY
}

# The LANYARD_* settings every node of this run shares.
perf_node_env() {
  local members
  members=$(printf '127.0.0.1:%s,' "${PERF_HAZELCAST_PORTS[@]}")
  printf '%s\n' "LANYARD_POSTGRES_DATABASE=$PERF_DATABASE" "LANYARD_HAZELCAST_CLUSTER_NAME=$PERF_CLUSTER" \
    "LANYARD_HAZELCAST_MEMBERS=${members%,}" "LANYARD_KEYS_MASTER_KEY=$PERF_MASTER_KEY" "LANYARD_MANAGEMENT_PORT=0" \
    "LANYARD_LOGIN_PBKDF2_ITERATIONS=$PERF_ITERATIONS"
}

# plan_nodes N: picks the Hazelcast ports of up to N nodes (all members know all of them from the start) and the
# embedded broker's port.
plan_nodes() {
  local i
  PERF_HAZELCAST_PORTS=()
  for ((i = 0; i < $1; i++)); do PERF_HAZELCAST_PORTS+=("$(free_port)"); done
  PERF_KAFKA_PORT=$(free_port)
}

# start_dev INDEX HTTP_PORT IMPORT_FILE: the first node, `lanyard dev` (embedded KRaft broker, projector, the import).
start_dev() {
  local index=$1 port=$2 import=$3
  # shellcheck disable=SC2046 # one word per line of perf_node_env
  env $(perf_node_env) LANYARD_HAZELCAST_PORT="${PERF_HAZELCAST_PORTS[$index]}" \
    LANYARD_KAFKA_DATA_DIR="$PERF_WORK/kafka" LANYARD_KAFKA_EMBEDDED_PORT="$PERF_KAFKA_PORT" \
    ./lanyard dev --port "$port" --import "$import" > "$PERF_WORK/node$index.log" 2>&1 &
  PERF_PIDS+=($!)
}

# start_serve INDEX HTTP_PORT: one more node, `lanyard serve all` joining the first one's Hazelcast cluster, broker and
# database (which it does not create), without a second projector.
start_serve() {
  local index=$1 port=$2
  # shellcheck disable=SC2046
  env $(perf_node_env) LANYARD_HAZELCAST_PORT="${PERF_HAZELCAST_PORTS[$index]}" LANYARD_HTTP_PORT="$port" \
    LANYARD_KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$PERF_KAFKA_PORT" LANYARD_POSTGRES_CREATE_DATABASE=false \
    LANYARD_PROJECTION_ENABLED=false \
    ./lanyard serve all > "$PERF_WORK/node$index.log" 2>&1 &
  PERF_PIDS+=($!)
}

# await_ready BASE_URL INDEX: waits (up to 3 minutes) for /health/ready; on failure prints the node's log and fails.
await_ready() {
  local _
  for _ in $(seq 1 180); do
    curl -fs "$1/health/ready" > /dev/null 2>&1 && return 0
    kill -0 "${PERF_PIDS[$2]}" 2> /dev/null || break
    sleep 1
  done
  echo "node $2 at $1 did not become ready:" >&2
  tail -50 "$PERF_WORK/node$2.log" >&2
  return 1
}

# build_lanyard: builds the jars if needed, outside any measured window.
build_lanyard() {
  ./lanyard help > /dev/null
}

lanyard_cleanup() {
  local pid
  for pid in "${PERF_PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${PERF_PIDS[@]}"; do wait "$pid" 2> /dev/null || true; done
  psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $PERF_DATABASE with (force)" postgres > /dev/null 2>&1 || true
  rm -rf "$PERF_WORK"
}

# The scripts' EXIT trap: stop and remove what this run made, keep the exit status.
perf_on_exit() {
  local status=$?
  lanyard_cleanup
  exit "$status"
}
