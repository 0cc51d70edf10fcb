#!/usr/bin/env bash
# The Gatling load suite (perf/src/test/java/edu/lanyard/perf/gatling). Runs one or more simulations and prints, at the
# end, each one's requests/s, p50/p99 and failures; the HTML reports go to perf/target/gatling/.
#
#   perf/gatling.sh [--list]                      the simulations, with what each does
#   perf/gatling.sh SIMULATION [SIMULATION…]      run these (or "all"), one after another, against one server
#
# From the environment:
#   BASE_URL   unset (default): start a `./lanyard dev` of its own on loopback (own Postgres database, dropped at
#              exit; own Hazelcast cluster name and port; own Kafka data directory; the clients of
#              perf/gatling-clients.yaml and STUDENTS generated students imported) and stop it at exit.
#              Set: run against that server instead, or several comma-separated (http://127.0.0.1:8081,http://…:8082):
#              virtual users are spread over them round-robin. They must already hold the clients and students:
#              the script writes the import file to perf/target/gatling-import.yaml for `lanyard import`.
#              Loopback only, unless GATLING_ALLOW_REMOTE=1 (your own staging system, never someone else's).
#   DURATION   seconds of load per simulation (default 30)
#   USERS      concurrent virtual users (closed simulations) or students arriving (FirstMorningOfTerm); default 16
#   STUDENTS   generated students student1 … studentN (default: USERS, at least 2000)
#   WARMUP     seconds of unreported client_credentials load (wrk) on the script's own server first; default 10, 0: none
#   MAX_FAILED_PERCENT (default 1), P99_MS (default 5000): FirstMorningOfTerm's assertions (the failed share applies
#              to every simulation)
# Exit status: 0 when every simulation ran and met its assertions.
set -euo pipefail
cd "$(dirname "$0")/.."

# name | what it does. GatlingSuiteTest checks that this names every simulation class, and only those.
SIMULATIONS=(
  "ClientCredentials|client_credentials at /oauth2/token, HTTP Basic"
  "PasswordGrant|password grant, another student each request (one PBKDF2 check each)"
  "AuthorizationCode|browser sign-in once, then authorize with the SSO cookie -> code -> token (PKCE), in a loop"
  "RefreshRotation|rotating refresh, each virtual user walking its own token family"
  "Introspection|/oauth2/introspect by a resource server, a live token per virtual user"
  "Userinfo|/oauth2/userinfo with a live user token per virtual user"
  "BrowserSignIn|full sign-in, fresh browser and student each time: authorize, login form (CSRF), code + PKCE S256, token, userinfo"
  "TokenEndpointStandard|standard /oauth2/token: password once, then refresh in a loop"
  "TokenEndpointKetanyun|Ketanyun /sso/oauth2/token, parameters in the URL: password once, then refresh"
  "TokenEndpointMaxKey|MaxKey GET /sign/authz/oauth/v20/token: password once, then refresh"
  "TokenEndpointCas|CAS /cas/oauth2.0/accessToken, form parameters: password once, then refresh"
  "TokenEndpointPhpSso|PHP SSO /token.php: password once, then refresh (rotating)"
  "FirstMorningOfTerm|open-model peak of sign-ins, then each student's apps (one per dialect): code exchange, introspection, refresh; asserts failures and p99"
)
PACKAGE=edu.lanyard.perf.gatling

list() {
  local entry
  echo "usage: perf/gatling.sh SIMULATION [SIMULATION…] | all | --list   (BASE_URL, DURATION, USERS from the environment)"
  for entry in "${SIMULATIONS[@]}"; do printf '  %-22s %s\n' "${entry%%|*}" "${entry#*|}"; done
}

if [ $# -eq 0 ] || [ "$1" = --list ] || [ "$1" = -h ] || [ "$1" = --help ]; then
  list
  exit 0
fi
known=()
for entry in "${SIMULATIONS[@]}"; do known+=("${entry%%|*}"); done
requested=()
for name in "$@"; do
  if [ "$name" = all ]; then
    requested+=("${known[@]}")
  elif printf '%s\n' "${known[@]}" | grep -qx -- "$name"; then
    requested+=("$name")
  else
    echo "unknown simulation: $name" >&2
    list >&2
    exit 2
  fi
done

DURATION=${DURATION:-30}
USERS=${USERS:-16}
STUDENTS=${STUDENTS:-$((USERS > 2000 ? USERS : 2000))}
MAX_FAILED_PERCENT=${MAX_FAILED_PERCENT:-1}
P99_MS=${P99_MS:-5000}
export DURATION USERS STUDENTS MAX_FAILED_PERCENT P99_MS

# shellcheck source=perf/lib.sh
source perf/lib.sh
trap perf_on_exit EXIT

mkdir -p perf/target
if [ -z "${BASE_URL:-}" ]; then
  build_lanyard
  plan_nodes 1
  students_import perf/gatling-clients.yaml "$STUDENTS" "$PERF_WORK/import.yaml"
  port=$(free_port)
  echo "starting ./lanyard dev on 127.0.0.1:$port ($STUDENTS students, database $PERF_DATABASE) ..."
  start_dev 0 "$port" "$PERF_WORK/import.yaml"
  BASE_URL="http://127.0.0.1:$port"
  await_ready "$BASE_URL" 0
  # A fresh JVM is slow until its JIT has compiled the hot paths: warm it up unreported (WARMUP=0 skips it).
  if [ "${WARMUP:-10}" -gt 0 ] && command -v wrk > /dev/null; then
    echo "warming up for ${WARMUP:-10}s (not reported) ..."
    BENCH_DIR="$PWD/perf" BENCH_BASIC=$(printf 'portal:portal-load-7d1e4b9a2c6f8053e1a7c9b2d4f6a8e0' | base64 -w0) \
      wrk -t2 -c16 -d"${WARMUP:-10}s" -s perf/wrk/client_credentials.lua "$BASE_URL" > /dev/null
  fi
else
  if [ "${GATLING_ALLOW_REMOTE:-0}" != 1 ]; then
    for url in ${BASE_URL//,/ }; do
      case "$url" in
        http://127.0.0.1:* | http://127.0.0.1/* | http://localhost:* | http://localhost/*) ;;
        *) echo "BASE_URL $url is not on loopback (GATLING_ALLOW_REMOTE=1 for your own staging system)" >&2; exit 2 ;;
      esac
    done
  fi
  students_import perf/gatling-clients.yaml "$STUDENTS" perf/target/gatling-import.yaml
  echo "against $BASE_URL; it must hold the clients and students of perf/target/gatling-import.yaml (lanyard import)"
fi
export BASE_URL

# summarize SIMULATION VERDICT OUTPUT_FILE: one line of figures from Gatling's "Global Information" block, and
# any assertion that failed.
summarize() {
  python3 - "$@" <<'PY'
import re, sys
sim, verdict, out = sys.argv[1], sys.argv[2], open(sys.argv[3], encoding="utf-8", errors="replace").read()
block = out.split("Global Information")[-1] if "Global Information" in out else ""
def figure(label, column=0):
    m = re.search(r"> " + re.escape(label) + r"[^|]*\|\s*([-\d.,]+)\s*\|\s*([-\d.,]+)\s*\|\s*([-\d.,]+)", block)
    return m.group(column + 1).replace(",", "") if m else "-"
total, ko = figure("request count"), figure("request count", 2)
share = "-" if total in ("-", "0") or ko == "-" else "%.2f%%" % (100.0 * int(ko) / int(total))
report = re.findall(r"file://(\S+)/index.html", out)
failing = [line for line in out.splitlines() if re.search(r": (false) \(actual", line)]
print("%-22s %9s %9s %8s %8s %8s %8s  %-6s %s" % (sim, total, figure("mean throughput"),
      figure("response time 50th percentile"), figure("response time 99th percentile"), ko, share, verdict,
      report[-1].replace("/index.html", "") if report else "(no report)"))
for line in failing:
    print("    assertion failed: " + line.strip())
# Per request, from the report's stats.js (Gatling 3.13's layout; nothing is printed if it differs).
try:
    stats = open(report[-1] + "/js/stats.js", encoding="utf-8").read() if report else ""
except OSError:
    stats = ""
for m in re.finditer(r'name: "([^"]+)",\s*path: "[^"]*",\s*pathFormatted: "req_[^"]*",\s*stats: \{(.*?)'
                     r'"meanNumberOfRequestsPerSecond": \{\s*"total": "([^"]+)"', stats, re.S):
    def total(key, body=m.group(2)):
        found = re.search(r'"%s": \{\s*"total": "([^"]+)"' % key, body)
        return found.group(1) if found else "-"
    print("    %-40s %7s %9s %8s %8s %8s" % (m.group(1)[:40], total("numberOfRequests"), m.group(3),
          total("percentiles1"), total("percentiles4"), re.search(r'"ko": "([^"]+)"', m.group(2)).group(1)))
PY
}

./mvnw -B -q test-compile -pl perf
results=()
failed=0
for sim in "${requested[@]}"; do
  echo "=== $sim: ${DURATION}s, $USERS users, against $BASE_URL"
  out="$PERF_WORK/$sim.out"
  if ./mvnw -B -q -pl perf gatling:test -Dgatling.simulationClass="$PACKAGE.$sim" 2>&1 | tee "$out"; then
    verdict=ok
  else
    verdict=FAILED
    failed=1
  fi
  results+=("$(summarize "$sim" "$verdict" "$out")")
done

echo
echo "Gatling summary: ${DURATION}s per simulation, USERS=$USERS, $(nproc) cores shared with the server(s) under test"
printf '%-22s %9s %9s %8s %8s %8s %8s  %-6s %s\n' simulation requests "req/s" "p50 ms" "p99 ms" failed "failed%" result report
printf '%s\n' "${results[@]}"
exit $failed
