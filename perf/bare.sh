#!/usr/bin/env bash
# The bare Vert.x reference endpoint (perf/bare/BareTokenServer.java): the ceiling perf/compare.sh measures Lanyard
# against. Runs in the foreground on 127.0.0.1 until stopped, with Lanyard's own jar as class path (the same Vert.x and
# Netty) and the JVM options ./lanyard uses.
#   perf/bare.sh [PORT, default 18099]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-18099}
[ -f launcher/target/lanyard.jar ] || ./lanyard help > /dev/null   # builds the jar when missing
# shellcheck disable=SC2086 # LANYARD_JAVA_OPTS is a list of options, as in ./lanyard
exec java ${LANYARD_JAVA_OPTS:--XX:+UseParallelGC -Xms512m -Xmx4g} \
  --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
  -cp launcher/target/lanyard.jar perf/bare/BareTokenServer.java "$PORT"
