#!/usr/bin/env bash
# Benchmark: password-grant sign-ins per second by password hash, against a dev server on loopback (durability
# kafka, embedded broker, the production PBKDF2 cost from lanyard-defaults.yaml unless LANYARD_LOGIN_PBKDF2_ITERATIONS
# says otherwise). Three runs with the same number of workers:
#   bcrypt cost-N, first sign-in   imported bcrypt users, each signing in once: verify bcrypt, then re-hash to PBKDF2
#                                  on a worker (what a campus sees on the first days after migrating)
#   PBKDF2 (imported as password)  users whose password was imported in plaintext and hashed by Lanyard
#   PBKDF2 (re-hashed from bcrypt) the bcrypt users again, once their re-hash has been projected
# Prints figures; not a test. Every run stops by itself.
#   perf/bench-passwords.sh [seconds per run, default 15] [workers, default 8] [bcrypt users, default 400]
#                           [bcrypt cost, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-15}
WORKERS=${2:-8}
USERS=${3:-400}
COST=${4:-10}
PORT=${BENCH_PORT:-18090}
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d)
DATABASE="lanyard_pwbench_$$"

./lanyard help >/dev/null   # builds the jars if needed, outside the measured window
[ -f perf/target/classes/edu/lanyard/perf/PasswordGrantBenchmark.class ] || ./mvnw -q -B compile -pl perf
CP="perf/target/classes:launcher/target/lanyard.jar"
bench() { java -cp "$CP" edu.lanyard.perf.PasswordGrantBenchmark "$@"; }

echo "generating $USERS bcrypt cost-$COST hashes ..."
bench users "$WORK/users.yaml" "$USERS" "$COST"

LANYARD_KAFKA_DATA_DIR="$WORK/kafka" LANYARD_HAZELCAST_CLUSTER_NAME="pwbench-$$" LANYARD_HAZELCAST_PORT=15791 \
LANYARD_POSTGRES_DATABASE="$DATABASE" \
  ./lanyard dev --port "$PORT" --import "$WORK/users.yaml" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'status=$?; kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK";
  psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DATABASE with (force)" postgres >/dev/null 2>&1
  exit $status' EXIT
for _ in $(seq 1 180); do
  curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$BASE/health/ready" >/dev/null || { echo "server did not become ready"; cat "$WORK/server.log"; exit 1; }
pg() { psql -qtA -h 127.0.0.1 -U postgres -d "$DATABASE" -c "$1"; }
echo "PBKDF2 iterations: $(pg "select split_part(password_hash, '\$', 2) from users where username = 'pb0'")"

# warm-up (JIT, pools): PBKDF2 users only, not reported
bench run "$BASE" "$WORKERS" 5 pb "$USERS" false >/dev/null

echo "Password grant, $WORKERS workers, ${DURATION}s per run, $(nproc) cores"
printf '%-34s %s\n' "bcrypt cost-$COST, first sign-in" \
  "$(bench run "$BASE" "$WORKERS" "$DURATION" bc "$USERS" true | sed 's/^RESULT //')"
printf '%-34s %s\n' "PBKDF2 (imported as password)" \
  "$(bench run "$BASE" "$WORKERS" "$DURATION" pb "$USERS" false | sed 's/^RESULT //')"
# The first run signed in bc0 … bc<K-1> once each; wait until their re-hashes are projected, then use only them.
still() { pg "select count(*) from users where username like 'bc%' and password_hash like '\$2y\$%'"; }
before=-1
for _ in $(seq 1 60); do
  now=$(still)
  [ "$now" = "$before" ] && break
  before=$now
  sleep 2
done
REHASHED=$((USERS - $(still)))
echo "bcrypt users re-hashed by their first sign-in: $REHASHED of $USERS"
[ "$REHASHED" -gt 0 ] || exit 0
printf '%-34s %s\n' "PBKDF2 (re-hashed from bcrypt)" \
  "$(bench run "$BASE" "$WORKERS" "$DURATION" bc "$REHASHED" false | sed 's/^RESULT //')"
