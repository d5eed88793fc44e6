#!/usr/bin/env bash
# The project's whole test suite: unit tests, then the integration tests under src/it against the engine that
# DOCKER_HOST names (run it through scripts/with-engine.sh), then a check that the tests left nothing behind
# (whatever the tests' result), then discovery over the corpus of real dev container configurations where
# ../shared holds it.
set -uo pipefail
cd "$(dirname "$0")/.."

# The wipe tests run a shell in containers of an image they make from Debian's busybox-static.
if [ ! -x /bin/busybox ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing busybox-static from Debian's packages, for the wipe tests' image"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq busybox-static >/dev/null
fi

# The integration tests name everything they make it-<run>-...; the check below looks only at this run's.
RUN="$(date +%y%m%d%H%M%S)$$"
mvn -B -Dstyle.color=never verify -Dit.run="$RUN" "$@"
status=$?

leftover_volumes="$(docker volume ls -q | grep "^it-$RUN-" || true)"
leftover_helpers="$(docker ps -a --filter label=io.github.devcontainercache.helper=true --format '{{.Names}} {{.Mounts}}' \
  | grep "it-$RUN-" || true)"
if [ -n "$leftover_helpers" ] || [ -n "$leftover_volumes" ]; then
  echo "The tests left things on the engine:" >&2
  [ -z "$leftover_helpers" ] || echo "  helper containers: $leftover_helpers" >&2
  [ -z "$leftover_volumes" ] || echo "  volumes: $leftover_volumes" >&2
  exit 1
fi
echo "No helper container and no test volume left on the engine."
[ "$status" -eq 0 ] || exit "$status"

scripts/corpus-check.sh
