#!/usr/bin/env bash
# Builds the Lanyard container image: the runnable jar, then the image from a context that holds only that jar.
#   deploy/image/build.sh [IMAGE]          default IMAGE: lanyard:<project version>
#   CONTAINER_ENGINE=podman deploy/image/build.sh registry.example.edu/lanyard/lanyard:0.1.0
#   SKIP_JAR=1 ...                         reuse an existing launcher/target/lanyard.jar
# Needs a container engine (docker or podman) and a registry to pull eclipse-temurin:17-jre from; push the result
# yourself. Not run in CI: the build machines have neither.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

engine="${CONTAINER_ENGINE:-docker}"
command -v "$engine" >/dev/null || { echo "build.sh: $engine not found (set CONTAINER_ENGINE)" >&2; exit 1; }

version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)"
image="${1:-lanyard:$version}"

if [ -z "${SKIP_JAR:-}" ]; then
  ./mvnw -q -B -DskipTests -pl launcher -am package
fi
jar="launcher/target/lanyard.jar"
[ -f "$jar" ] || { echo "build.sh: $jar is missing" >&2; exit 1; }

context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT
mkdir -p "$context/launcher/target"
cp "$jar" "$context/launcher/target/lanyard.jar"

"$engine" build --file deploy/image/Dockerfile --tag "$image" \
  --label "org.opencontainers.image.version=$version" \
  --label "org.opencontainers.image.revision=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  "$context"
echo "built $image"
