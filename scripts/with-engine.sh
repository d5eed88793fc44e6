#!/usr/bin/env bash
# Runs a command against a container engine.
#
#   scripts/with-engine.sh [--tls] [--podman] [--user] [--rootless] [--rootless-podman] [--ssh] [--docker28] CMD [ARGS...]
#
# If an engine answers (DOCKER_HOST, else the well-known sockets), CMD runs against it. Otherwise, on Linux as
# root, a private dockerd is started (docker.io is installed from Debian's packages first when dockerd is
# missing), with its own data-root, exec-root, pidfile, containerd namespace and socket under a temporary
# directory, no bridge and no iptables; CMD runs with DOCKER_HOST pointing at it.
#
# The options start more engines beside it, for the test suites that need them (Linux, root):
#   --tls     a private dockerd that listens only on a loopback TCP port with TLS, its CA, server and client
#             certificates made here with openssl. CMD gets DCC_TLS_HOST (tcp://127.0.0.1:PORT) and
#             DCC_TLS_CERT_PATH (a folder with the client's ca.pem, cert.pem and key.pem).
#   --podman  Podman's Docker-compatible service (podman system service, installed from Debian's packages when
#             missing) with its own storage, on a socket at podman/podman.sock under a private runtime folder,
#             where rootless Podman puts it. CMD gets DCC_PODMAN_HOST (unix://...) and DCC_PODMAN_RUNTIME_DIR
#             (the folder to use as XDG_RUNTIME_DIR to find the service through its well-known socket).
#   --user    an unprivileged user, dcc-user, made when missing (useradd -m -G docker) and kept for the next run:
#             through the engine's group it reaches the private main engine's socket, never its data-root. CMD
#             gets DCC_USER.
#   --rootless  rootless Docker run by that user (implies --user; Debian's rootlesskit and uidmap are installed
#             when missing, and the user gets subordinate ids), with its data, runtime and configuration folders
#             of its own, and a docker configuration whose current context, 'rootless', names its socket. CMD
#             gets DCC_ROOTLESS_HOST (unix://...) and DCC_ROOTLESS_DOCKER_CONFIG (that configuration).
#   --rootless-podman  that user's own Podman service (implies --user), with storage, runtime and configuration
#             folders of its own (a storage.conf and containers.conf under its XDG_CONFIG_HOME), at
#             podman/podman.sock under its runtime folder. CMD gets DCC_ROOTLESS_PODMAN_HOST (unix://...),
#             DCC_ROOTLESS_PODMAN_RUNTIME_DIR and DCC_ROOTLESS_PODMAN_CONFIG_HOME (the XDG_RUNTIME_DIR and
#             XDG_CONFIG_HOME under which podman, podman unshare included, finds that service and its storage).
#   --ssh     an sshd of Debian's openssh-server (downloaded and unpacked here, never installed) on two loopback
#             ports, with a host key, a client key and a known_hosts of its own; through it root's docker reaches the
#             main engine (on the second port the remote command finds no docker). CMD gets DCC_SSH_HOST
#             (ssh://root@127.0.0.1:PORT), DCC_SSH_PATH (a folder whose ssh uses only those files, never ~/.ssh, to
#             put first on PATH), DCC_SSH_NO_DOCKER_PORT and DCC_SSH_ENGINE (the engine behind it).
#   --docker28  Docker 28 from Debian sid's docker.io and containerd (downloaded and unpacked here, run with this
#             system's runc): a private dockerd with the classic image store and one with the containerd image
#             store. CMD gets DCC_DOCKER28_HOST, DCC_DOCKER28_CONTAINERD_HOST and DCC_DOCKER28_VERSION.
#
# Every engine started here is stopped by its pid, and its directories are removed, whatever CMD returned.
# Exits with CMD's status.
set -uo pipefail

WANT_TLS=false
WANT_PODMAN=false
WANT_USER=false
WANT_ROOTLESS=false
WANT_ROOTLESS_PODMAN=false
WANT_SSH=false
WANT_DOCKER28=false
while [ "$#" -gt 0 ]; do
  case "$1" in
    --tls) WANT_TLS=true; shift ;;
    --podman) WANT_PODMAN=true; shift ;;
    --user) WANT_USER=true; shift ;;
    --rootless) WANT_ROOTLESS=true; WANT_USER=true; shift ;;
    --rootless-podman) WANT_ROOTLESS_PODMAN=true; WANT_USER=true; shift ;;
    --ssh) WANT_SSH=true; shift ;;
    --docker28) WANT_DOCKER28=true; shift ;;
    --) shift; break ;;
    *) break ;;
  esac
done
if [ "$#" -eq 0 ]; then
  echo "usage: scripts/with-engine.sh [--tls] [--podman] [--user] [--rootless] [--rootless-podman] [--ssh] [--docker28] CMD [ARGS...]" >&2
  exit 2
fi

say() { echo "[with-engine] $*" >&2; }

# Whether the engine at $1 (a unix:// or tcp:// address) answers /_ping within a few seconds; $2 is the folder
# of the client certificates for a TLS address.
answers() {
  local host="$1" certs="${2:-}"
  case "$host" in
    unix://*)
      [ -S "${host#unix://}" ] || return 1
      curl -fsS --max-time 5 --unix-socket "${host#unix://}" http://localhost/_ping >/dev/null 2>&1
      ;;
    tcp://*)
      if [ -n "$certs" ]; then
        curl -fsS --max-time 5 --cacert "$certs/ca.pem" --cert "$certs/cert.pem" --key "$certs/key.pem" \
          "https://${host#tcp://}/_ping" >/dev/null 2>&1
      else
        curl -fsS --max-time 5 "http://${host#tcp://}/_ping" >/dev/null 2>&1
      fi
      ;;
    *) return 1 ;;
  esac
}

# Waits up to 30 s for the engine at $1 (certificates in $3) to answer while the process $2 lives.
wait_until_answers() {
  local host="$1" pid="$2" certs="${3:-}"
  for _ in $(seq 1 300); do
    answers "$host" "$certs" && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  answers "$host" "$certs"
}

# Installs Debian packages, as root, when one of the commands given after -- is missing.
install_packages() {
  local packages=() commands=() seen_separator=false
  for arg in "$@"; do
    if [ "$arg" = "--" ]; then seen_separator=true
    elif $seen_separator; then commands+=("$arg")
    else packages+=("$arg"); fi
  done
  local missing=false
  for command in "${commands[@]}"; do command -v "$command" >/dev/null 2>&1 || missing=true; done
  $missing || return 0
  if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    say "${commands[*]} missing, and only root on Debian can install them here; install ${packages[*]}."
    return 1
  fi
  say "installing ${packages[*]} from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq "${packages[@]}" >/dev/null; } || {
    say "could not install ${packages[*]}; install it by hand, then run again."
    return 1
  }
}

install_packages curl -- curl || exit 1

# Every engine started here lives under one temporary folder; short paths, as a unix socket path must stay
# under 108 bytes.
ENGINES_DIR=""
PIDFILES=()

stop_process() {
  local pid="$1"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
}

stop_engines() {
  [ -n "$ENGINES_DIR" ] || return 0
  local pidfile
  for pidfile in "${PIDFILES[@]}"; do
    stop_process "$(cat "$pidfile" 2>/dev/null)"
  done
  # The containerd that a dockerd started goes with it, unless dockerd itself had to be killed.
  for pidfile in "$ENGINES_DIR"/*/exec/containerd/containerd.pid "$ENGINES_DIR"/*/run/docker/containerd/containerd.pid; do
    [ -f "$pidfile" ] && stop_process "$(cat "$pidfile")"
  done
  # Anything an engine left mounted under its directories would keep them from being removed.
  grep -o " $ENGINES_DIR[^ ]*" /proc/mounts 2>/dev/null | sort -r | while read -r mnt; do umount -l "$mnt" 2>/dev/null; done
  # as root: a rootless engine's data holds files of the user's subordinate ids
  rm -rf "$ENGINES_DIR"
}
trap stop_engines EXIT

private_engines_possible() {
  if [ "$(uname -s)" != "Linux" ] || [ "$(id -u)" != "0" ]; then
    say "$1 can only be started on Linux as root."
    return 1
  fi
  [ -n "$ENGINES_DIR" ] || ENGINES_DIR="$(mktemp -d /tmp/dcc-engine.XXXXXX)"
  # The user's way to the main engine's socket and to its own engines' folders; each folder below is closed
  # to it but those.
  if $WANT_USER; then chmod 711 "$ENGINES_DIR"; fi
}

# Starts a private dockerd named $1 with the extra options after it; its socket is $ENGINES_DIR/$1/docker.sock.
start_dockerd() {
  local name="$1"; shift
  local dir="$ENGINES_DIR/$name"
  mkdir -p "$dir"
  chmod 700 "$dir"
  say "starting a private dockerd${DOCKERD:+ ($DOCKERD)} in $dir"
  PATH="${DOCKERD_PATH:-$PATH}" "${DOCKERD:-dockerd}" \
    --host "unix://$dir/docker.sock" \
    --data-root "$dir/data" \
    --exec-root "$dir/exec" \
    --pidfile "$dir/dockerd.pid" \
    --bridge=none --iptables=false --ip6tables=false \
    --containerd-namespace "dcc-$name" --containerd-plugins-namespace "dcc-$name-plugins" \
    "$@" >"$dir/dockerd.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$dir/started.pid"
  PIDFILES+=("$dir/started.pid")
  if ! wait_until_answers "unix://$dir/docker.sock" "$pid"; then
    say "the private dockerd did not start; its log ends with:"
    tail -n 20 "$dir/dockerd.log" >&2
    return 1
  fi
}

# The main engine: the one that answers, else a private dockerd.
main_engine() {
  if [ -n "${DOCKER_HOST:-}" ]; then
    local certs=""
    [ -n "${DOCKER_TLS_VERIFY:-}" ] && certs="${DOCKER_CERT_PATH:-$HOME/.docker}"
    if answers "$DOCKER_HOST" "$certs"; then
      say "using the engine at DOCKER_HOST=$DOCKER_HOST"
      return 0
    fi
    say "DOCKER_HOST=$DOCKER_HOST does not answer; starting a private engine instead"
    unset DOCKER_HOST DOCKER_TLS_VERIFY DOCKER_CERT_PATH
  else
    # The sockets the plugin itself tries: Docker, rootless Docker, Docker Desktop, Podman.
    local socket
    for socket in /var/run/docker.sock "${XDG_RUNTIME_DIR:-/nonexistent}/docker.sock" "$HOME/.docker/run/docker.sock" \
        "$HOME/.docker/desktop/docker.sock" "${XDG_RUNTIME_DIR:-/nonexistent}/podman/podman.sock" /run/podman/podman.sock; do
      if answers "unix://$socket"; then
        say "using the engine at unix://$socket"
        export DOCKER_HOST="unix://$socket"
        return 0
      fi
    done
  fi
  if ! private_engines_possible "No container engine answers, and a private one"; then
    say "Start Docker Desktop, Docker or Podman's service (podman system service), or set DOCKER_HOST, then run again."
    return 1
  fi
  install_packages docker.io -- dockerd docker || return 1
  start_dockerd main || return 1
  # The socket is the docker group's (dockerd's default --group); its data-root stays root's alone (dockerd
  # makes it 710 root:root), so that the user reads volumes only through the engine.
  if $WANT_USER; then chmod 711 "$ENGINES_DIR/main"; fi
  export DOCKER_HOST="unix://$ENGINES_DIR/main/docker.sock"
  say "engine ready at $DOCKER_HOST"
}

# Makes a CA, a server certificate for 127.0.0.1 and localhost, and a client certificate, in $1.
make_certificates() {
  local dir="$1"
  mkdir -p "$dir/client"
  (
    set -e
    cd "$dir"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca-key.pem -out ca.pem -days 2 -subj "/CN=devcontainer-cache test CA"
    openssl req -newkey rsa:2048 -nodes -keyout server-key.pem -out server.csr -subj "/CN=localhost"
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' >server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out server-cert.pem -days 2 -extfile server.ext
    openssl req -newkey rsa:2048 -nodes -keyout client/key.pem -out client.csr -subj "/CN=devcontainer-cache test client"
    printf 'extendedKeyUsage=clientAuth\n' >client.ext
    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out client/cert.pem -days 2 -extfile client.ext
    cp ca.pem client/ca.pem
    chmod 600 ca-key.pem server-key.pem client/key.pem
  ) >"$dir/openssl.log" 2>&1
}

tls_engine() {
  private_engines_possible "A TLS engine" || return 1
  install_packages docker.io openssl -- dockerd docker openssl || return 1
  local certs="$ENGINES_DIR/tls/certs"
  if ! make_certificates "$certs"; then
    say "openssl could not make the test certificates:"
    tail -n 20 "$certs/openssl.log" >&2
    return 1
  fi
  # A free port is one nothing listens on; a race with another process is caught by dockerd failing to start.
  local port attempt
  for attempt in 1 2 3; do
    port=$((20000 + RANDOM % 30000))
    ss -ltn 2>/dev/null | grep -q ":$port " && continue
    if start_dockerd tls --host "tcp://127.0.0.1:$port" --tlsverify --tlscacert "$certs/ca.pem" \
        --tlscert "$certs/server-cert.pem" --tlskey "$certs/server-key.pem"; then
      if wait_until_answers "tcp://127.0.0.1:$port" "$(cat "$ENGINES_DIR/tls/started.pid")" "$certs/client"; then
        export DCC_TLS_HOST="tcp://127.0.0.1:$port" DCC_TLS_CERT_PATH="$certs/client"
        say "TLS engine ready at $DCC_TLS_HOST (client certificates in $DCC_TLS_CERT_PATH)"
        return 0
      fi
    fi
    stop_process "$(cat "$ENGINES_DIR/tls/started.pid" 2>/dev/null)"
    rm -rf "$ENGINES_DIR/tls/data" "$ENGINES_DIR/tls/exec"
  done
  say "the TLS engine did not start"
  return 1
}

podman_engine() {
  private_engines_possible "Podman's service" || return 1
  install_packages podman -- podman || return 1
  local dir="$ENGINES_DIR/podman"
  mkdir -p "$dir/runtime/podman"
  chmod 700 "$dir" "$dir/runtime"
  say "starting Podman's service in $dir"
  # Rootful Podman gives every container limits of a million open files and four million processes, which a
  # process without CAP_SYS_RESOURCE (a container, a CI sandbox) cannot set: containers then fail to start.
  # Its containers get the service's own limits instead, read once it runs (Podman lowers its own on start).
  : >"$dir/containers.conf"
  start_podman "$dir" || return 1
  local limits files processes
  limits="$(cat "/proc/$(cat "$dir/started.pid")/limits")"
  files="$(echo "$limits" | awk '/^Max open files/ {print $5}')"
  processes="$(echo "$limits" | awk '/^Max processes/ {print $4}')"
  stop_process "$(cat "$dir/started.pid")"
  printf '[containers]\ndefault_ulimits = ["nofile=%s:%s", "nproc=%s:%s"]\n' "$files" "$files" "$processes" "$processes" \
    >"$dir/containers.conf"
  start_podman "$dir" || return 1
  export DCC_PODMAN_HOST="unix://$dir/runtime/podman/podman.sock" DCC_PODMAN_RUNTIME_DIR="$dir/runtime"
  say "Podman's service ready at $DCC_PODMAN_HOST"
}

# The PATH for Podman's services. Podman 4.3 asks dpkg which package each of its components comes from on every
# GET /version (dpkg -S, which runs dpkg-query over every package's file list): about a second on a busy 2-core
# machine, and several when builds run side by side, past the plugin's connect timeout. The services' dpkg finds
# a dpkg-query that answers nothing at once instead (their version then names each component's package "Unknown").
podman_path() {
  local dir="$ENGINES_DIR/podman-path"
  if [ ! -x "$dir/dpkg-query" ]; then
    mkdir -p "$dir" && printf '#!/bin/sh\nexit 1\n' >"$dir/dpkg-query" && chmod 755 "$dir" "$dir/dpkg-query"
  fi
  echo "$dir:$PATH"
}

# Starts Podman's service with the storage, run folders and containers.conf of $1, and waits until it answers.
start_podman() {
  local dir="$1"
  # Its own storage and run folders: nothing of the machine's Podman is touched.
  PATH="$(podman_path)" CONTAINERS_CONF="$dir/containers.conf" podman --root "$dir/storage" --runroot "$dir/run" --tmpdir "$dir/tmp" \
    system service --time=0 "unix://$dir/runtime/podman/podman.sock" >>"$dir/podman.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$dir/started.pid"
  PIDFILES+=("$dir/started.pid")
  if ! wait_until_answers "unix://$dir/runtime/podman/podman.sock" "$pid"; then
    say "Podman's service did not start; its log ends with:"
    tail -n 20 "$dir/podman.log" >&2
    return 1
  fi
}

# Downloads the Debian packages named after $1 (a folder) into it and unpacks each there, never installing them:
# from this system's own suites, or from the suite DEB_SUITE names (with the same mirrors), through a private apt
# configuration under the folder.
fetch_debs() {
  local dir="$1"; shift
  mkdir -p "$dir/debs" "$dir/root"
  local apt=()
  if [ -n "${DEB_SUITE:-}" ]; then
    # the mirrors this system already uses, for another suite: no address is written down here
    local uri
    uri="$(sed -n 's/^URIs: *\([^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)"
    [ -n "$uri" ] || uri="$(sed -n 's/^deb \(http[^ ]*\/debian\) .*/\1/p' /etc/apt/sources.list 2>/dev/null | head -n 1)"
    if [ -z "$uri" ]; then
      say "no Debian mirror in this system's apt sources, to fetch ${*} from $DEB_SUITE"
      return 1
    fi
    mkdir -p "$dir/apt/lists/partial" "$dir/apt/cache/archives/partial"
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri $DEB_SUITE main" >"$dir/apt/sources.list"
    apt=(-o Dir::Etc::sourcelist="$dir/apt/sources.list" -o Dir::Etc::sourceparts=- \
      -o Dir::State::Lists="$dir/apt/lists" -o Dir::Cache="$dir/apt/cache" -o APT::Sandbox::User=root)
    apt-get "${apt[@]}" update -qq >"$dir/apt.log" 2>&1 || { say "apt-get update for $DEB_SUITE failed:"; tail -n 5 "$dir/apt.log" >&2; return 1; }
  fi
  if ! (cd "$dir/debs" && apt-get "${apt[@]}" -o APT::Sandbox::User=root download "$@" >>"$dir/apt.log" 2>&1); then
    # a fresh machine may have no package lists yet
    [ -n "${DEB_SUITE:-}" ] || apt-get update -qq >>"$dir/apt.log" 2>&1
    (cd "$dir/debs" && apt-get "${apt[@]}" -o APT::Sandbox::User=root download "$@" >>"$dir/apt.log" 2>&1) \
      || { say "could not download $*:"; tail -n 5 "$dir/apt.log" >&2; return 1; }
  fi
  local deb
  for deb in "$dir"/debs/*.deb; do dpkg-deb -x "$deb" "$dir/root" || return 1; done
}

# A free loopback port: nothing listens on it now (a race with another process makes the server fail to start).
free_port() {
  local port
  for _ in $(seq 1 20); do
    port=$((20000 + RANDOM % 30000))
    ss -ltn 2>/dev/null | grep -q ":$port " || { echo "$port"; return 0; }
  done
  return 1
}

# An sshd of Debian's openssh-server (unpacked, not installed) on two loopback ports, with a host key, a client key
# and a known_hosts of its own: root logs in with the key, and a docker command there reaches the main engine. On
# the second port the remote command finds no docker. An ssh wrapper that uses only these files (never ~/.ssh) is
# put in a folder of its own, to go first on PATH.
ssh_engine() {
  private_engines_possible "An sshd" || return 1
  local dir="$ENGINES_DIR/ssh"
  mkdir -p "$dir/bin"
  chmod 700 "$dir"
  command -v ssh >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1 || install_packages openssh-client -- ssh ssh-keygen || return 1
  say "fetching Debian's openssh-server, to run an sshd from $dir"
  fetch_debs "$dir/pkg" openssh-server libwrap0 || return 1
  local sshd="$dir/pkg/root/usr/sbin/sshd" port no_docker
  ssh-keygen -q -t ed25519 -N '' -f "$dir/host_key" && ssh-keygen -q -t ed25519 -N '' -f "$dir/client_key" || return 1
  cp "$dir/client_key.pub" "$dir/authorized_keys.root"
  port="$(free_port)" && no_docker="$(free_port)" || return 1
  # the privilege separation user and folder sshd needs, as Debian's package makes them
  id -u sshd >/dev/null 2>&1 || useradd --system --no-create-home --home-dir /run/sshd --shell /usr/sbin/nologin sshd || return 1
  [ -d /run/sshd ] || { mkdir -p /run/sshd && chmod 755 /run/sshd; } || return 1
  cat >"$dir/sshd_config" <<CONF
ListenAddress 127.0.0.1:$port
ListenAddress 127.0.0.1:$no_docker
HostKey $dir/host_key
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys.%u
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
AllowTcpForwarding no
X11Forwarding no
PrintMotd no
LogLevel ERROR
SetEnv DOCKER_HOST=$DOCKER_HOST
Match LocalPort $no_docker
  ForceCommand PATH=/nonexistent; docker system dial-stdio
CONF
  {
    echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$dir/host_key.pub")"
    echo "[127.0.0.1]:$no_docker $(cut -d' ' -f1,2 "$dir/host_key.pub")"
  } >"$dir/known_hosts"
  : >"$dir/no_known_hosts"
  # Host it-unknown-host-key: the same sshd, under a name no known_hosts line holds
  cat >"$dir/ssh_config" <<CONF
Host it-unknown-host-key
  HostName 127.0.0.1
  UserKnownHostsFile $dir/no_known_hosts
Host *
  IdentityFile $dir/client_key
  IdentitiesOnly yes
  IdentityAgent none
  UserKnownHostsFile $dir/known_hosts
  GlobalKnownHostsFile /dev/null
  StrictHostKeyChecking yes
  UpdateHostKeys no
CONF
  printf '#!/bin/sh\n# ssh with the test configuration only: never ~/.ssh\nexec %s -F %s "$@"\n' "$(command -v ssh)" "$dir/ssh_config" >"$dir/bin/ssh"
  chmod 755 "$dir/bin/ssh"
  say "starting an sshd on 127.0.0.1:$port (and :$no_docker, without docker)"
  LD_LIBRARY_PATH="$dir/pkg/root/usr/lib/x86_64-linux-gnu" "$sshd" -D -e -f "$dir/sshd_config" >"$dir/sshd.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$dir/started.pid"
  PIDFILES+=("$dir/started.pid")
  local attempt
  for attempt in $(seq 1 50); do
    ss -ltn 2>/dev/null | grep -q "127.0.0.1:$port " && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if ! PATH="$dir/bin:$PATH" DOCKER_HOST="ssh://root@127.0.0.1:$port" timeout 20 docker version --format '{{.Server.Version}}' >"$dir/check.log" 2>&1; then
    say "the sshd does not carry docker; its log and the check's:"
    tail -n 20 "$dir/sshd.log" "$dir/check.log" >&2
    return 1
  fi
  export DCC_SSH_HOST="ssh://root@127.0.0.1:$port" DCC_SSH_PATH="$dir/bin" DCC_SSH_NO_DOCKER_PORT="$no_docker" \
    DCC_SSH_ENGINE="$DOCKER_HOST"
  say "sshd ready: $DCC_SSH_HOST reaches $DCC_SSH_ENGINE (ssh from $DCC_SSH_PATH)"
}

# Docker 28 from Debian sid's docker.io and containerd, unpacked (never installed) under the engines' folder and run
# with this system's own runc (sid's needs a newer glibc): two private dockerds, one with the classic image store and
# one with the containerd image store (the default of new Docker 29 installs). CMD gets DCC_DOCKER28_HOST,
# DCC_DOCKER28_CONTAINERD_HOST and DCC_DOCKER28_VERSION.
docker28_engines() {
  private_engines_possible "Docker 28" || return 1
  install_packages runc -- runc || return 1
  local dir="$ENGINES_DIR/docker28-pkg"
  say "fetching Debian sid's docker.io and containerd into $dir"
  DEB_SUITE=sid fetch_debs "$dir" docker.io containerd || return 1
  local root="$dir/root" version
  version="$("$root/usr/sbin/dockerd" --version 2>/dev/null | sed -n 's/^Docker version \([0-9][^,]*\),.*/\1/p')"
  case "$version" in
    2[8-9].*|[3-9][0-9].*) ;;
    *) say "sid's dockerd is not Docker 28 or later (it says '${version:-nothing}')"; return 1 ;;
  esac
  # sid's dockerd, docker-proxy, docker-init and containerd first; runc is this system's
  local path="$root/usr/sbin:$root/usr/bin:$root/usr/libexec/docker/cli-plugins:$PATH"
  printf '{"features": {"containerd-snapshotter": false}}\n' >"$dir/classic.json"
  printf '{"features": {"containerd-snapshotter": true}}\n' >"$dir/containerd.json"
  DOCKERD="$root/usr/sbin/dockerd" DOCKERD_PATH="$path" start_dockerd docker28 --config-file "$dir/classic.json" || return 1
  DOCKERD="$root/usr/sbin/dockerd" DOCKERD_PATH="$path" start_dockerd docker28-containerd --config-file "$dir/containerd.json" || return 1
  export DCC_DOCKER28_HOST="unix://$ENGINES_DIR/docker28/docker.sock" \
    DCC_DOCKER28_CONTAINERD_HOST="unix://$ENGINES_DIR/docker28-containerd/docker.sock" DCC_DOCKER28_VERSION="$version"
  say "Docker $version ready at $DCC_DOCKER28_HOST, and with the containerd image store at $DCC_DOCKER28_CONTAINERD_HOST"
}

DCC_USER=dcc-user

# The prefix that runs a command as the user, in a clean environment with the assignments given after it (env's
# syntax). A command, not a function: started in the background, its pid is the engine's own (setpriv and env
# exec it), so a signal sent to that pid reaches the engine, not a wrapper.
AS_USER=()

setup_user() {
  private_engines_possible "An unprivileged test user" || return 1
  # before the main engine starts: dockerd gives its socket to this group only if it exists then
  getent group docker >/dev/null || groupadd --system docker || return 1
  if ! id -u "$DCC_USER" >/dev/null 2>&1; then
    say "adding the unprivileged user $DCC_USER, in the docker group"
    useradd -m -G docker "$DCC_USER" || return 1
  elif ! id -nG "$DCC_USER" | tr ' ' '\n' | grep -qx docker; then
    usermod -aG docker "$DCC_USER" || return 1
  fi
  AS_USER=(setpriv --reuid="$DCC_USER" --regid="$(id -g "$DCC_USER")" --init-groups
    env -i HOME="$(getent passwd "$DCC_USER" | cut -d: -f6)" USER="$DCC_USER" LOGNAME="$DCC_USER" PATH="$PATH"
    LANG="${LANG:-C.UTF-8}")
  export DCC_USER
}

# Gives the user subordinate uids and gids, which rootless engines map into their containers, after every range
# already given so that no two users share them.
subordinate_ids() {
  local file start
  for file in /etc/subuid /etc/subgid; do
    grep -q "^$DCC_USER:" "$file" 2>/dev/null && continue
    start="$(awk -F: 'BEGIN { end = 100000 } $2 + $3 > end { end = $2 + $3 } END { print end }' "$file" 2>/dev/null || echo 100000)"
    echo "$DCC_USER:$start:65536" >>"$file" || return 1
  done
}

# Makes the folder $1, the user's alone, and in it the folders named after it.
user_folder() {
  local dir="$1" sub; shift
  { mkdir -p "$dir" && chown "$DCC_USER:" "$dir" && chmod 700 "$dir"; } || return 1
  for sub in "$@"; do "${AS_USER[@]}" mkdir -p -m 700 "$dir/$sub" || return 1; done
}

rootless_docker_engine() {
  private_engines_possible "Rootless Docker" || return 1
  install_packages docker.io rootlesskit uidmap -- dockerd rootlesskit newuidmap newgidmap || return 1
  local script=/usr/share/docker.io/contrib/dockerd-rootless.sh
  if [ ! -x "$script" ] && ! script="$(command -v dockerd-rootless.sh)"; then
    say "dockerd-rootless.sh not found (Debian's docker.io has it in /usr/share/docker.io/contrib)."
    return 1
  fi
  subordinate_ids || return 1
  local dir="$ENGINES_DIR/rootless"
  user_folder "$dir" run tmp config docker-config || return 1
  say "starting rootless Docker as $DCC_USER in $dir"
  # The host's network and no port driver: the tests' containers have no network, and nothing beyond rootlesskit
  # and uidmap is needed. TMPDIR holds rootlesskit's state and XDG_CONFIG_HOME dockerd's own, out of the home.
  "${AS_USER[@]}" XDG_RUNTIME_DIR="$dir/run" XDG_CONFIG_HOME="$dir/config" TMPDIR="$dir/tmp" \
    DOCKERD_ROOTLESS_ROOTLESSKIT_NET=host DOCKERD_ROOTLESS_ROOTLESSKIT_PORT_DRIVER=none \
    "$script" --data-root "$dir/data" --bridge=none --iptables=false --ip6tables=false >"$dir/dockerd.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$dir/started.pid"
  # rootlesskit stops dockerd, which stops its containerd; their own pids in case rootlesskit had to be killed
  PIDFILES+=("$dir/started.pid" "$dir/run/docker.pid")
  if ! wait_until_answers "unix://$dir/run/docker.sock" "$pid"; then
    say "rootless Docker did not start; its log ends with:"
    tail -n 20 "$dir/dockerd.log" >&2
    return 1
  fi
  local out
  if ! out="$("${AS_USER[@]}" DOCKER_CONFIG="$dir/docker-config" docker context create rootless \
      --description "rootless Docker of $DCC_USER" --docker "host=unix://$dir/run/docker.sock" 2>&1 \
      && "${AS_USER[@]}" DOCKER_CONFIG="$dir/docker-config" docker context use rootless 2>&1)"; then
    say "could not make the docker context of rootless Docker: $out"
    return 1
  fi
  export DCC_ROOTLESS_HOST="unix://$dir/run/docker.sock" DCC_ROOTLESS_DOCKER_CONFIG="$dir/docker-config"
  say "rootless Docker ready at $DCC_ROOTLESS_HOST (context 'rootless' in $DCC_ROOTLESS_DOCKER_CONFIG)"
}

rootless_podman_engine() {
  private_engines_possible "The user's Podman service" || return 1
  install_packages podman uidmap -- podman newuidmap newgidmap || return 1
  subordinate_ids || return 1
  local dir="$ENGINES_DIR/rootless-podman"
  user_folder "$dir" runtime runtime/podman config config/containers data cache tmp || return 1
  # A rootless Podman reads storage.conf and containers.conf under XDG_CONFIG_HOME: storage (vfs, which needs no
  # fuse-overlayfs), run and temporary folders all here, so nothing of the user's real Podman is touched; cgroupfs
  # and events in a file, as the user has no systemd session.
  printf '[storage]\ndriver = "vfs"\ngraphroot = "%s"\nrunroot = "%s"\n' "$dir/storage" "$dir/run" \
    | "${AS_USER[@]}" tee "$dir/config/containers/storage.conf" >/dev/null || return 1
  printf '[engine]\ntmp_dir = "%s"\ncgroup_manager = "cgroupfs"\nevents_logger = "file"\n' "$dir/tmp" \
    | "${AS_USER[@]}" tee "$dir/config/containers/containers.conf" >/dev/null || return 1
  say "starting the Podman service of $DCC_USER in $dir"
  "${AS_USER[@]}" PATH="$(podman_path)" XDG_RUNTIME_DIR="$dir/runtime" XDG_CONFIG_HOME="$dir/config" \
    XDG_DATA_HOME="$dir/data" XDG_CACHE_HOME="$dir/cache" podman system service --time=0 "unix://$dir/runtime/podman/podman.sock" \
    >"$dir/podman.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$dir/started.pid"
  # Rootless Podman runs the service in a child that joined the user's namespaces, which a signal to its parent
  # does not reach: the child is stopped first. The pause process that holds those namespaces outlives both.
  PIDFILES+=("$dir/service.pid" "$dir/started.pid" "$dir/tmp/pause.pid")
  if ! wait_until_answers "unix://$dir/runtime/podman/podman.sock" "$pid"; then
    say "the Podman service of $DCC_USER did not start; its log ends with:"
    tail -n 20 "$dir/podman.log" >&2
    return 1
  fi
  local children
  children="$(cat /proc/"$pid"/task/*/children 2>/dev/null)"
  echo "${children%% *}" >"$dir/service.pid"
  export DCC_ROOTLESS_PODMAN_HOST="unix://$dir/runtime/podman/podman.sock" \
    DCC_ROOTLESS_PODMAN_RUNTIME_DIR="$dir/runtime" DCC_ROOTLESS_PODMAN_CONFIG_HOME="$dir/config"
  say "the Podman service of $DCC_USER ready at $DCC_ROOTLESS_PODMAN_HOST"
}

if $WANT_USER; then setup_user || exit 1; fi
main_engine || exit 1
if $WANT_TLS; then tls_engine || exit 1; fi
if $WANT_PODMAN; then podman_engine || exit 1; fi
if $WANT_ROOTLESS; then rootless_docker_engine || exit 1; fi
if $WANT_ROOTLESS_PODMAN; then rootless_podman_engine || exit 1; fi
if $WANT_SSH; then ssh_engine || exit 1; fi
if $WANT_DOCKER28; then docker28_engines || exit 1; fi

# CMD runs in the background so that INT and TERM reach it and the engines still stop afterwards.
"$@" &
CMD_PID=$!
# A background job of a script starts with INT ignored, and Java keeps it so: an interrupt is passed on as TERM.
trap 'kill -TERM "$CMD_PID" 2>/dev/null' INT
trap 'kill -TERM "$CMD_PID" 2>/dev/null' TERM
wait "$CMD_PID"
status=$?
# A signal interrupts the first wait; wait again for CMD's own status.
if kill -0 "$CMD_PID" 2>/dev/null; then
  wait "$CMD_PID"
  status=$?
fi
exit "$status"
