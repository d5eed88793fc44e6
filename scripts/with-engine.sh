#!/usr/bin/env bash
# Runs a command against a container engine.
#
#   scripts/with-engine.sh CMD [ARGS...]
#
# If an engine answers (DOCKER_HOST, else /var/run/docker.sock), CMD runs against it. Otherwise, on Linux as
# root, a private dockerd is started (docker.io is installed from Debian's packages first when dockerd is
# missing), with its own data-root, exec-root, pidfile and socket under a temporary directory, no bridge and
# no iptables; CMD runs with DOCKER_HOST pointing at it; the engine is stopped by its pid and its
# directories removed afterwards, whatever CMD returned. Exits with CMD's status.
set -uo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: scripts/with-engine.sh CMD [ARGS...]" >&2
  exit 2
fi

say() { echo "[with-engine] $*" >&2; }

# Whether the engine at $1 (a unix:// or tcp:// address) answers /_ping within a few seconds.
answers() {
  local host="$1"
  case "$host" in
    unix://*)
      [ -S "${host#unix://}" ] || return 1
      curl -fsS --max-time 5 --unix-socket "${host#unix://}" http://localhost/_ping >/dev/null 2>&1
      ;;
    tcp://*)
      if [ -n "${DOCKER_TLS_VERIFY:-}" ]; then
        local certs="${DOCKER_CERT_PATH:-$HOME/.docker}"
        curl -fsS --max-time 5 --cacert "$certs/ca.pem" --cert "$certs/cert.pem" --key "$certs/key.pem" \
          "https://${host#tcp://}/_ping" >/dev/null 2>&1
      else
        curl -fsS --max-time 5 "http://${host#tcp://}/_ping" >/dev/null 2>&1
      fi
      ;;
    *) return 1 ;;
  esac
}

if ! command -v curl >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "installing curl from Debian's packages, to probe the engine"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null
  fi
  if ! command -v curl >/dev/null 2>&1; then
    say "curl is needed to probe the engine; install it (apt-get install curl)."
    exit 1
  fi
fi

if [ -n "${DOCKER_HOST:-}" ]; then
  if answers "$DOCKER_HOST"; then
    say "using the engine at DOCKER_HOST=$DOCKER_HOST"
    exec "$@"
  fi
  say "DOCKER_HOST=$DOCKER_HOST does not answer; starting a private engine instead"
  unset DOCKER_HOST DOCKER_TLS_VERIFY DOCKER_CERT_PATH
else
  # The sockets the plugin itself tries: Docker, rootless Docker, Docker Desktop, Podman.
  for socket in /var/run/docker.sock "${XDG_RUNTIME_DIR:-/nonexistent}/docker.sock" "$HOME/.docker/run/docker.sock" \
      "$HOME/.docker/desktop/docker.sock" "${XDG_RUNTIME_DIR:-/nonexistent}/podman/podman.sock" /run/podman/podman.sock; do
    if answers "unix://$socket"; then
      say "using the engine at unix://$socket"
      export DOCKER_HOST="unix://$socket"
      exec "$@"
    fi
  done
fi

if [ "$(uname -s)" != "Linux" ] || [ "$(id -u)" != "0" ]; then
  say "no container engine answers, and a private one can only be started on Linux as root."
  say "Start Docker Desktop, Docker or Podman's service (podman system service), or set DOCKER_HOST, then run again."
  exit 1
fi

if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
  say "installing docker.io from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq && apt-get install -y -qq docker.io >/dev/null; }; then
    say "could not install docker.io; install Docker by hand or set DOCKER_HOST, then run again."
    exit 1
  fi
fi

# Short paths: a unix socket path must stay under 108 bytes.
ENGINE_DIR="$(mktemp -d /tmp/dcc-engine.XXXXXX)"
SOCKET="$ENGINE_DIR/docker.sock"
PIDFILE="$ENGINE_DIR/dockerd.pid"
LOG="$ENGINE_DIR/dockerd.log"

stop_engine() {
  local pid
  pid="$(cat "$PIDFILE" 2>/dev/null || echo "${DOCKERD_PID:-}")"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
  # The containerd that dockerd started goes with it, unless dockerd itself had to be killed.
  local containerd
  containerd="$(cat "$ENGINE_DIR/exec/containerd/containerd.pid" 2>/dev/null || true)"
  if [ -n "$containerd" ] && kill -0 "$containerd" 2>/dev/null; then
    kill "$containerd" 2>/dev/null || true
    sleep 1
    kill -9 "$containerd" 2>/dev/null || true
  fi
  # Anything the engine left mounted under its directories would keep them from being removed.
  grep -o " $ENGINE_DIR[^ ]*" /proc/mounts 2>/dev/null | sort -r | while read -r mnt; do umount -l "$mnt" 2>/dev/null; done
  rm -rf "$ENGINE_DIR"
}
trap stop_engine EXIT

say "starting a private dockerd in $ENGINE_DIR"
dockerd \
  --host "unix://$SOCKET" \
  --data-root "$ENGINE_DIR/data" \
  --exec-root "$ENGINE_DIR/exec" \
  --pidfile "$PIDFILE" \
  --bridge=none --iptables=false --ip6tables=false \
  --containerd-namespace dcc-private --containerd-plugins-namespace dcc-private-plugins \
  >"$LOG" 2>&1 &
DOCKERD_PID=$!

for _ in $(seq 1 300); do
  answers "unix://$SOCKET" && break
  if ! kill -0 $! 2>/dev/null; then
    break
  fi
  sleep 0.1
done
if ! answers "unix://$SOCKET"; then
  say "the private dockerd did not start; its log ends with:"
  tail -n 20 "$LOG" >&2
  exit 1
fi
say "engine ready at unix://$SOCKET"

export DOCKER_HOST="unix://$SOCKET"
# CMD runs in the background so that INT and TERM reach it and the engine still stops afterwards.
"$@" &
CMD_PID=$!
trap 'kill -INT "$CMD_PID" 2>/dev/null' INT
trap 'kill -TERM "$CMD_PID" 2>/dev/null' TERM
wait "$CMD_PID"
status=$?
# A signal interrupts the first wait; wait again for CMD's own status.
if kill -0 "$CMD_PID" 2>/dev/null; then
  wait "$CMD_PID"
  status=$?
fi
exit "$status"
