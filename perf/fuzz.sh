#!/usr/bin/env bash
# Fuzzing: runs each Jazzer fuzz test in fuzzing mode (JAZZER_FUZZ=1) for a fixed time, one at a time (Jazzer
# fuzzes one test per JVM), and prints what it found. `mvn test` runs the same tests in regression mode only, on the
# seed inputs under src/test/resources/**/<Class>Inputs/<method>/.
#   perf/fuzz.sh [seconds per fuzz test, default 60] [Class#method filter, default every fuzz test]
# A finding fails its test; Jazzer saves the input as crash-<sha1> next to the seeds, where `mvn test` replays it
# until the code is fixed (keep it there as a regression input). The corpus it grows is kept in
# <module>/.cifuzz-corpus/ (not committed) so later runs start from it. Every run stops by itself.
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TEST=${1:-60}
FILTER=${2:-}
TARGETS=(
  "dialects edu.lanyard.dialects.http.RequestParamsFuzzTest#queryAndForm"
  "dialects edu.lanyard.dialects.http.PresentedCredentialsFuzzTest#read"
  "dialects edu.lanyard.dialects.http.PresentedCredentialsFuzzTest#basicRoundTrip"
  "core edu.lanyard.core.domain.RedirectUriMatchFuzzTest#matches"
  "dialects edu.lanyard.dialects.DialectRequestFuzzTest#tokenRequest"
  "dialects edu.lanyard.dialects.DialectRequestFuzzTest#profileRequest"
  "dialects edu.lanyard.dialects.DialectRequestFuzzTest#logoutRequest"
  "authorize-service edu.lanyard.authorize.pipeline.AuthorizationChecksFuzzTest#check"
)
LOGS=$(mktemp -d)
trap 'rm -rf "$LOGS"' EXIT

# Compile once, outside the fuzzing time; each run below only re-checks that nothing changed.
./mvnw -B -q -pl core,dialects,authorize-service -am test-compile || exit 1

found=0
summary=()
for target in "${TARGETS[@]}"; do
  read -r module test <<<"$target"
  [[ -n "$FILTER" && "$test" != *"$FILTER"* ]] && continue
  class=${test%#*}
  log="$LOGS/${test//[#.]/_}.log"
  echo "== fuzzing $test for ${SECONDS_PER_TEST}s"
  # The hard timeout is only a backstop: Jazzer stops at max_duration.
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${SECONDS_PER_TEST}s" \
    timeout --kill-after=30 $((SECONDS_PER_TEST + 600)) \
    ./mvnw -B -pl "$module" -am test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.hooks=true -Djazzer.max_duration="${SECONDS_PER_TEST}s" >"$log" 2>&1
  status=$?
  output="$module/target/surefire-reports/$class-output.txt"
  # libFuzzer's last status line (executions, coverage, corpus size) goes to the JVM's native stderr: Maven's log.
  stats=$(grep -aE "^#[0-9]+" "$log" | tail -1)
  if [[ $status -eq 0 ]]; then
    summary+=("ok       $test  ${stats:-}")
  else
    found=1
    summary+=("FINDING  $test  ${stats:-}")
    echo "-- $test failed (exit $status); the finding:"
    grep -aE '== Java Exception|FuzzTestFindingException|AssertionError|Caused by|Test unit written|crash-' \
      "$output" "$log" 2>/dev/null | head -40
  fi
done

echo
echo "== summary (${SECONDS_PER_TEST}s per fuzz test)"
printf '%s\n' "${summary[@]}"
crashes=$(git status --porcelain --untracked-files=all -- '*/src/test/resources/*' | grep -E 'crash-|timeout-|leak-' || true)
if [[ -n "$crashes" ]]; then
  echo "== new crash inputs (replayed by mvn test until fixed):"
  echo "$crashes"
fi
exit $found
