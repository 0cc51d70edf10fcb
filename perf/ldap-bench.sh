#!/usr/bin/env bash
# Benchmark: campus directory sign-ins per second through the password grant. Starts a dev server on loopback with
# ldap.* pointing at an in-memory directory that perf's LdapBenchmark serves (search-then-bind, groups), then drives
# password grants for random directory users and prints sign-ins/s and p50/p99, then the same for a local user on
# the same node for comparison (the machine's load shows in both). Not a test; loopback only.
#   perf/ldap-bench.sh [seconds, default 20] [workers, default 16] [users, default 1000]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
WORKERS=${2:-16}
USERS=${3:-1000}
PORT=${BENCH_PORT:-18081}
LDAP_PORT=${BENCH_LDAP_PORT:-13890}
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d)
DATABASE="lanyard_ldapbench_$$"
UNBOUNDID=$(ls ~/.m2/repository/com/unboundid/unboundid-ldapsdk/*/unboundid-ldapsdk-*.jar | grep -v sources | tail -1)

./lanyard help >/dev/null   # builds the jars if needed, outside the measured window
./mvnw -q -B -pl perf compile
LANYARD_KAFKA_DATA_DIR="$WORK/kafka" LANYARD_HAZELCAST_CLUSTER_NAME="ldapbench-$$" LANYARD_HAZELCAST_PORT=15711 \
LANYARD_POSTGRES_DATABASE="$DATABASE" LANYARD_MANAGEMENT_PORT=0 \
LANYARD_LDAP_ENABLED=true LANYARD_LDAP_URLS="ldap://127.0.0.1:$LDAP_PORT" \
LANYARD_LDAP_BIND_DN="cn=lanyard,ou=services,dc=campus,dc=edu" LANYARD_LDAP_BIND_PASSWORD=bench-service-pass \
LANYARD_LDAP_BASE_DN="ou=people,dc=campus,dc=edu" LANYARD_LDAP_LOGIN_ATTRIBUTES=uid,mail \
LANYARD_LDAP_GROUPS_SEARCH_BASE="ou=groups,dc=campus,dc=edu" LANYARD_LDAP_POOL_SIZE=8 \
  ./lanyard dev --port "$PORT" --import perf/bench-clients.yaml > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'status=$?; kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK";
  psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DATABASE with (force)" postgres >/dev/null 2>&1
  exit $status' EXIT
BENCH_LOCAL_USER=student1:student1-pass java -cp "perf/target/classes:$UNBOUNDID" edu.lanyard.perf.LdapBenchmark "$LDAP_PORT" "$BASE" "$WORKERS" \
  "$DURATION" "$USERS" bench bench-secret-7f3c9a1e5b2d4f6081a3c5e7f9b1d3e5 \
  || { echo "benchmark failed; server log:"; tail -50 "$WORK/server.log"; exit 1; }
