#!/usr/bin/env bash
# The project's whole test suite. Run it through scripts/with-engine.sh --tls --podman:
#   1. unit tests, then every integration test under src/it against the engine DOCKER_HOST names;
#   2. the engine suite (the integration tests below, one or more per goal) again against the other engines and
#      setups with-engine.sh started: a TLS dockerd reached through DOCKER_HOST/DOCKER_TLS_VERIFY/DOCKER_CERT_PATH
#      and through a docker context, and Podman's service reached through DOCKER_HOST and through its well-known
#      socket; each run also checks that every build named the engine it was meant to reach;
#   3. after each run, whatever its result, a check that the tests left nothing on the engine;
#   4. discovery over the corpus of real dev container configurations where ../shared holds it.
# Arguments go to the first Maven run.
set -uo pipefail
cd "$(dirname "$0")/.."

# The wipe tests run a shell in containers of an image they make from Debian's busybox-static.
if [ ! -x /bin/busybox ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing busybox-static from Debian's packages, for the wipe tests' image"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq busybox-static >/dev/null
fi

ENGINE_SUITE="check-ok,check-missing,create-owner,report-content,list-largest-first,wipe-cli-removes-declared"
ENGINE_SUITE+=",wipe-mode-empty,export-import-roundtrip,import-seed-files"

# The integration tests name everything they make it-<run>-...; the checks below look only at this run's.
RUN="$(date +%y%m%d%H%M%S)$$"
FAILED=()
SCRATCH="$(mktemp -d /tmp/dcc-test.XXXXXX)"
trap 'rm -rf "$SCRATCH"' EXIT

# Whether the engine the environment after $1 names (env assignments, or -u NAME) holds anything of the run $2.
check_leftovers() {
  local label="$1" run="$2"; shift 2
  local volumes helpers
  # a docker command that fails must fail the check, not look like an empty engine
  if ! volumes="$(env "$@" docker volume ls -q)" \
      || ! helpers="$(env "$@" docker ps -a --filter label=io.github.devcontainercache.helper=true --format '{{.Names}} {{.Mounts}}')"; then
    echo "Could not list what the tests ($label) left on the engine." >&2
    return 1
  fi
  volumes="$(echo "$volumes" | grep "^it-$run-" || true)"
  helpers="$(echo "$helpers" | grep "it-$run-" || true)"
  if [ -n "$helpers" ] || [ -n "$volumes" ]; then
    echo "The tests ($label) left things on the engine:" >&2
    [ -z "$helpers" ] || echo "  helper containers: $helpers" >&2
    [ -z "$volumes" ] || echo "  volumes: $volumes" >&2
    return 1
  fi
  echo "No helper container and no test volume left on the engine ($label)."
}

# Runs the tests $2 against one engine setup: $1 names it, $3 is what every build log must say of the engine,
# the rest is the environment (env assignments, or -u NAME).
variant() {
  local name="$1" tests="$2" expect="$3"; shift 3
  local run="$RUN-$name" dir="target/it-$name"
  echo
  echo "=== Engine suite: $name ==="
  if ! env "$@" mvn -B -Dstyle.color=never verify -DskipTests -Dit.run="$run" -Dit.directory="$dir" -Dinvoker.test="$tests"; then
    FAILED+=("$name")
  fi
  local log
  for log in "$dir"/*/build.log; do
    # the tls-* tests are about engines that must not be reached
    case "$log" in */tls-*/build.log) continue ;; esac
    if ! grep -q -- "$expect" "$log"; then
      echo "$log does not say the build reached $expect" >&2
      FAILED+=("$name: engine")
    fi
  done
  check_leftovers "$name" "$run" "$@" ${LEFTOVERS_HOST:+DOCKER_HOST="$LEFTOVERS_HOST"} || FAILED+=("$name: leftovers")
}

mvn -B -Dstyle.color=never verify -Dit.run="$RUN" "$@" || FAILED+=("main")
check_leftovers main "$RUN" || FAILED+=("main: leftovers")

if [ -n "${DCC_TLS_HOST:-}" ]; then
  TLS_ENV=(DOCKER_HOST="$DCC_TLS_HOST" DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH="$DCC_TLS_CERT_PATH")
  variant tls "$ENGINE_SUITE,tls-*" "at $DCC_TLS_HOST (DOCKER_HOST, TLS)" "${TLS_ENV[@]}"

  # The same engine through a docker context, in a docker configuration of its own.
  CONFIG="$SCRATCH/docker-config"
  mkdir -p "$CONFIG"
  env -u DOCKER_HOST DOCKER_CONFIG="$CONFIG" docker context create dcc-tls --description "devcontainer-cache tests" \
    --docker "host=$DCC_TLS_HOST,ca=$DCC_TLS_CERT_PATH/ca.pem,cert=$DCC_TLS_CERT_PATH/cert.pem,key=$DCC_TLS_CERT_PATH/key.pem" >/dev/null
  env -u DOCKER_HOST DOCKER_CONFIG="$CONFIG" docker context use dcc-tls >/dev/null
  variant tls-context "$ENGINE_SUITE" "at $DCC_TLS_HOST (context 'dcc-tls', TLS)" \
    -u DOCKER_HOST -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH -u DOCKER_CONTEXT DOCKER_CONFIG="$CONFIG"
else
  echo "Not run: the engine suite over TLS (run through scripts/with-engine.sh --tls)."
  FAILED+=("tls: not run")
fi

if [ -n "${DCC_PODMAN_HOST:-}" ]; then
  variant podman "$ENGINE_SUITE" "Podman Engine .* at $DCC_PODMAN_HOST (DOCKER_HOST)" DOCKER_HOST="$DCC_PODMAN_HOST"

  # Found without DOCKER_HOST, at the socket rootless Podman uses; the tests' own docker commands are told where.
  EMPTY_CONFIG="$SCRATCH/empty-docker-config"
  mkdir -p "$EMPTY_CONFIG"
  if [ -S /var/run/docker.sock ]; then
    echo "Not run: Podman through its well-known socket, as /var/run/docker.sock would be found first."
  else
    # the leftover check's docker commands are told where it is too
    LEFTOVERS_HOST="$DCC_PODMAN_HOST" variant podman-socket "$ENGINE_SUITE" \
      "Podman Engine .* at $DCC_PODMAN_HOST (well-known socket)" \
      -u DOCKER_HOST -u DOCKER_CONTEXT DOCKER_CONFIG="$EMPTY_CONFIG" XDG_RUNTIME_DIR="$DCC_PODMAN_RUNTIME_DIR" \
      DCC_IT_DOCKER_HOST="$DCC_PODMAN_HOST"
  fi
else
  echo "Not run: the engine suite against Podman (run through scripts/with-engine.sh --podman)."
  FAILED+=("podman: not run")
fi

if [ "${#FAILED[@]}" -gt 0 ]; then
  echo
  echo "Failed: ${FAILED[*]}" >&2
  exit 1
fi

scripts/corpus-check.sh
