#!/usr/bin/env bash
# The project's whole test suite. Run it through
# scripts/with-engine.sh --tls --podman --rootless --rootless-podman --ssh --docker28 (as root):
#   1. unit tests, then every integration test under src/it against the engine DOCKER_HOST names;
#   2. the engine suite (the integration tests below, one or more per goal) again against the other engines and
#      setups with-engine.sh started: a TLS dockerd reached through DOCKER_HOST/DOCKER_TLS_VERIFY/DOCKER_CERT_PATH
#      and (its reading, reporting and carrying part) through a docker context; Podman's service reached through
#      DOCKER_HOST and (that part) through its well-known socket; the main engine over ssh, with the ssh-* tests;
#      Docker 28 with the classic image store, its builds under Maven 3.9, and with the containerd image store,
#      under Maven 4 (both fetched through Maven). Each run also checks that every build named the engine it was
#      meant to reach, and that the engine suite's builds printed no warning but Maven's own and those their tests
#      ask for;
#   3. as the unprivileged user with-engine.sh made (DCC_USER), each run in a copy of the checkout of its own and
#      offline from the user's copy of the Maven local repository: every integration test that needs no root
#      against the main engine, whose volumes the user cannot read; the engine suite against the user's rootless
#      Docker, through its docker context; and the engine suite against the user's rootless Podman, through its
#      well-known socket. Each also checks that every volume was read through the archive API (as the ssh run does);
#   4. after each run, whatever its result, a check that the tests left nothing on the engine;
#   5. mvn site of this project, in the second lane once its runs are over: the goal reference must be written;
#   6. discovery over the corpus of real dev container configurations where ../shared holds it.
# The report-html test drives Debian's Chromium with playwright-core, which scripts/browser-tools.sh installs first.
# The runs of 2 and 3 go in two lanes side by side, on different engines; each lane's output is printed when it ends,
# each run's with its time. The summary gives every run's result; a failed run fails the whole. Arguments go to the
# first run.
set -uo pipefail
cd "$(dirname "$0")/.."

# The wipe tests run a shell in containers of an image they make from Debian's busybox-static.
if [ ! -x /bin/busybox ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing busybox-static from Debian's packages, for the wipe tests' image"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq busybox-static >/dev/null
fi

# The npm integrity test makes a real npm cache with npm itself, from the npm registry.
if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing npm from Debian's packages, for the npm cache test"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
fi

# The save-restore-repository test serves a Maven repository with Apache httpd and mod_dav: Debian's apache2-bin (the
# server and its modules, no service that starts).
if [ ! -x /usr/sbin/apache2 ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing apache2-bin from Debian's packages, for the repository store's test"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq apache2-bin >/dev/null
fi

# The report-html test opens report.html in Debian's Chromium, driven by playwright-core from the npm registry.
if ! BROWSER_TOOLS="$(scripts/browser-tools.sh)"; then
  echo "Could not install the browser the report-html test needs (scripts/browser-tools.sh)." >&2
  exit 1
fi
eval "$BROWSER_TOOLS"
export DCC_PLAYWRIGHT_CORE DCC_CHROMIUM

ENGINE_SUITE="check-ok,check-missing,create-owner,report-content,list-largest-first,wipe-cli-removes-declared"
ENGINE_SUITE+=",wipe-mode-empty,export-import-roundtrip,import-seed-files"

# The runs that reach an engine another run tests already, only found another way (a docker context, a well-known
# socket), run the part of the suite that reads, reports and carries a cache.
REACH_SUITE="check-ok,report-content,export-import-roundtrip"

# The Mavens the engine suite also runs under, besides the one that runs this script; fetched through Maven itself.
MAVEN_39=3.9.16
MAVEN_4=4.0.0-rc-5

# What Maven itself warns about in the engine suite's builds, not the plugin: Maven 4's resolver finds no prefix file
# in a repository, Maven 4 finds no .mvn folder to mark the root of a test project, and the resolver finds no
# checksums beside POMs it copies from a local repository (the tests' settings name ~/.m2, or the user's copy of it,
# as a file:// repository). Any other warning fails a run,
# unless a line of the test's expected-warnings file is part of it: the warnings the test provokes on purpose.
MAVEN_OWN_WARNINGS='Could not transfer metadata /\.meta/prefixes\.txt|Unable to find the root directory|Checksum validation failed, no checksums available from|Could not validate integrity of download from file:'

# What runs as the user against the main engine: every integration test but those that need root (the fault tests
# that start private dockerds of their own or mount a small disk, and the tls-* and ssh-* tests, which read the TLS
# engine's keys and the sshd's, root's alone) and those that never reach a volume, so that no read path is theirs
# (a skip, the help, a declaration or an engine address refused): the main run has them.
USER_TESTS="*,!tls-*,!ssh-*,!lib,!fault-engine-killed-*,!fault-disk-full-*,!skip-*,!help-goals,!engine-*"
USER_TESTS+=",!check-invalid-declaration,!check-devcontainer-malformed,!wipe-lifecycle-without-flag"
# The site test's plugins (maven-site-plugin, its skin, Doxia) are fetched into the main run's own repository, not
# into the copy the user's offline runs start from; its caches are measured as report's are, which the user runs.
USER_TESTS+=",!site-report"

# The report's page in the browser and keyed caches in a directory store, through rootless Docker's archive API: the
# rootless Docker run has them besides the engine suite.
ROOTLESS_SUITE="report-html,save-restore-directory"

# Preloading through Podman's archive API, which names a volume's entries and owners its own way: the rootless
# Podman run has it besides the engine suite (the main run and the user's have every preload test).
PRELOAD_SUITE="preload-files"
# Reading caches in their tools' terms through Podman's archive API, whose long names come in PAX headers: the
# rootless Podman run has the integrity tests too.
KINDS_SUITE="integrity-fixtures,integrity-maven,integrity-npm"

# The suite is bound by CPU, and most of it goes to the few hundred short Maven processes of the integration tests:
# for them the JIT's optimizing compiler and the parallel collector's threads cost more than they save (without
# them, 45% less CPU time for the same tests). The plugin's speed is measured by bench/, with default settings.
export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

# The integration tests name everything they make it-<run>-...; the checks below look only at this run's.
RUN="$(date +%y%m%d%H%M%S)$$"
SCRATCH="$(mktemp -d /tmp/dcc-test.XXXXXX)"
# The user's folder: its checkouts, its Maven local repository, an empty docker configuration.
USER_WORK=""

# Stops a process and everything it started, by their pids, the children first.
stop_tree() {
  local child
  for child in $(cat /proc/"$1"/task/*/children 2>/dev/null); do stop_tree "$child"; done
  kill -TERM "$1" 2>/dev/null
}
# On TERM (scripts/with-engine.sh passes INT on as TERM), whatever this script started stops too, before the
# engines do.
stop_children() {
  local child
  for child in $(cat /proc/$$/task/*/children 2>/dev/null); do stop_tree "$child"; done
}
trap 'rm -rf "$SCRATCH" ${USER_WORK:+"$USER_WORK"} ${CDS_DIR:+"$CDS_DIR"}' EXIT
trap 'stop_children; exit 143' TERM INT

# Runs a command in the background and waits for it: a trap runs only once a command in the foreground ends.
run() {
  "$@" &
  wait "$!"
}

# Records the result of the run $1, started at second $2 of this script, failed for the reasons after them.
record() {
  local name="$1" seconds=$((SECONDS - $2)) result=passed; shift 2
  if [ "$#" -gt 0 ]; then
    local IFS=,
    result="FAILED ($*)"
  fi
  printf '%s\t%s\t%s\n' "$name" "$result" "$seconds" >>"$SCRATCH/results"
  echo "=== $name: $result in $seconds s ==="
}

# Runs a command as the user, in a clean environment with the assignments given before it (env's syntax).
as_user() {
  setpriv --reuid="$DCC_USER" --regid="$(id -g "$DCC_USER")" --init-groups \
    env -i HOME="$(getent passwd "$DCC_USER" | cut -d: -f6)" USER="$DCC_USER" LOGNAME="$DCC_USER" PATH="$PATH" \
    LANG="${LANG:-C.UTF-8}" ${JAVA_HOME:+JAVA_HOME="$JAVA_HOME"} ${MAVEN_OPTS:+MAVEN_OPTS="$MAVEN_OPTS"} \
    ${DCC_PLAYWRIGHT_CORE:+DCC_PLAYWRIGHT_CORE="$DCC_PLAYWRIGHT_CORE"} ${DCC_CHROMIUM:+DCC_CHROMIUM="$DCC_CHROMIUM"} "$@"
}

# Makes the user's folder, once: its Maven local repository is a copy of this one's (what the first run
# downloaded), so that its builds run offline.
prepare_user() {
  [ -z "$USER_WORK" ] || return 0
  USER_WORK="$(mktemp -d /tmp/dcc-user.XXXXXX)" || return 1
  chown "$DCC_USER:" "$USER_WORK" || return 1
  local repository="$HOME/.m2/repository"
  if [ ! -d "$repository" ]; then
    echo "No Maven local repository at $repository to give $DCC_USER." >&2
    return 1
  fi
  cp -a "$repository" "$USER_WORK/repository" && chown -R "$DCC_USER:" "$USER_WORK/repository" \
    && as_user mkdir "$USER_WORK/docker-config"
}

# A copy of this checkout, but its target/, made by the user under the name $1 once; prints its path.
user_checkout() {
  local dir="$USER_WORK/$1"
  if [ ! -d "$dir" ]; then
    as_user mkdir "$dir" && tar --exclude=./target -cf - . | as_user tar -xf - -C "$dir" || return 1
  fi
  echo "$dir"
}

# Whether the engine the environment after $1 names (env's syntax; as the user where AS_USER is set) holds
# anything of the run $2.
check_leftovers() {
  local label="$1" run="$2"; shift 2
  local runner=(env) volumes helpers
  [ -z "${AS_USER:-}" ] || runner=(as_user)
  # a docker command that fails must fail the check, not look like an empty engine
  if ! volumes="$("${runner[@]}" "$@" docker volume ls -q)" \
      || ! helpers="$("${runner[@]}" "$@" docker ps -a --filter label=io.github.devcontainercache.helper=true --format '{{.Names}} {{.Mounts}}')"; then
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

# Whether every build of the tests $3 under $1 ran under Apache Maven $2 (each prints it, with MAVEN_ARGS=-V).
ran_under() {
  local test ok=true
  for test in ${3//,/ }; do
    if ! grep -q "^Apache Maven $2 " "$1/$test/build.log" 2>/dev/null; then
      echo "$1/$test/build.log was not built by Apache Maven $2" >&2
      ok=false
    fi
  done
  $ok
}

# Whether the builds of the tests $2 under $1 printed no warning but Maven's own and those their tests ask for.
unasked_warnings() {
  local test log expected found=false
  for test in ${2//,/ }; do
    log="$1/$test/build.log"
    [ -f "$log" ] || continue
    expected="src/it/$test/expected-warnings"
    local lines
    lines="$(grep -a '^\[WARNING\]' "$log" | grep -a -v -E "$MAVEN_OWN_WARNINGS" \
      | { if [ -f "$expected" ]; then grep -a -v -F -f <(grep -v '^#' "$expected"); else cat; fi; })"
    if [ -n "$lines" ]; then
      echo "$log has warnings its test does not ask for:" >&2
      echo "$lines" | sort | uniq -c >&2
      found=true
    fi
  done
  ! $found
}

# Runs the tests $2 against one engine setup and records the result: $1 names it, $3 is what the build log of
# every test of the engine suite must say of the engine, the rest is the environment (env's syntax). Set for the
# call: AS_USER, to run as the user, offline, in the checkout CHECKOUT; ARCHIVE_API_ONLY, to check that no volume
# was read on its mount point; LEFTOVERS_HOST, where the leftover check's docker commands must go.
variant() {
  local name="$1" tests="$2" expect="$3"; shift 3
  local run="$RUN-$name" checkout="${CHECKOUT:-$PWD}" dir="target/it-$name" started=$SECONDS failed=()
  local runner=(env) maven=(mvn)
  # the integration tests' builds run under another Maven; MAVEN_ARGS makes each print its version (3.9 and 4 read it)
  [ -z "${ITS_MAVEN_HOME:-}" ] || maven+=(-Dinvoker.mavenHome="$ITS_MAVEN_HOME")
  if [ -n "${AS_USER:-}" ]; then
    runner=(as_user)
    # its own checkout builds the plugin again; the unit tests ran as root
    maven=(mvn -o -Dmaven.repo.local="$USER_WORK/repository" -Dmaven.test.skip=true)
  fi
  echo
  echo "=== Engine suite: $name ==="
  if ! (cd "$checkout" && "${runner[@]}" "$@" ${ITS_MAVEN_HOME:+MAVEN_ARGS=-V} "${maven[@]}" -B -Dstyle.color=never \
      verify -DskipTests -Dit.run="$run" -Dit.directory="$dir" -Dinvoker.test="$tests"); then
    failed+=(tests)
  fi
  local checked="${CHECKED:-$ENGINE_SUITE}"
  if [ -n "${ITS_MAVEN_VERSION:-}" ] && ! ran_under "$checkout/$dir" "$ITS_MAVEN_VERSION" "$checked"; then
    failed+=("Maven $ITS_MAVEN_VERSION")
  fi
  unasked_warnings "$checkout/$dir" "$checked" || failed+=(warnings)
  local test log elsewhere=false
  # the engine suite's builds all reach the engine; some others are about engines that must not be reached
  for test in ${checked//,/ }; do
    log="$checkout/$dir/$test/build.log"
    if ! grep -q -- "$expect" "$log" 2>/dev/null; then
      echo "$log does not say the build reached $expect" >&2
      elsewhere=true
    fi
  done
  ! $elsewhere || failed+=(engine)
  if [ -n "${ARCHIVE_API_ONLY:-}" ]; then
    local on_mount_point
    on_mount_point="$(grep -l -F -- '(read on the mount point)' "$checkout/$dir"/*/*.log 2>/dev/null)"
    if [ -n "$on_mount_point" ]; then
      echo "These builds read a volume on its mount point, which they should not be able to read:" $on_mount_point >&2
      failed+=("mount point")
    fi
    if ! grep -q -F -- '(read through the archive API)' "$checkout/$dir"/*/build.log 2>/dev/null; then
      echo "No build log of $name says that it read a volume through the archive API." >&2
      failed+=("archive API")
    fi
  fi
  check_leftovers "$name" "$run" "$@" ${LEFTOVERS_HOST:+DOCKER_HOST="$LEFTOVERS_HOST"} || failed+=(leftovers)
  record "$name" "$started" "${failed[@]}"
}

not_run() {
  echo "Not run: $2" >&2
  printf '%s\tFAILED (not run)\t0\n' "$1" >>"$SCRATCH/results"
}

# The runs against the TLS engine and root's Podman, one after the other in this checkout.
root_engines() {
  if [ -n "${DCC_TLS_HOST:-}" ]; then
    TLS_ENV=(DOCKER_HOST="$DCC_TLS_HOST" DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH="$DCC_TLS_CERT_PATH")
    variant tls "$ENGINE_SUITE,tls-*" "at $DCC_TLS_HOST (DOCKER_HOST, TLS)" "${TLS_ENV[@]}"
  else
    not_run tls "the engine suite over TLS (run through scripts/with-engine.sh --tls)."
  fi

  if [ -n "${DCC_PODMAN_HOST:-}" ]; then
    variant podman "$ENGINE_SUITE" "Podman Engine .* at $DCC_PODMAN_HOST (DOCKER_HOST)" DOCKER_HOST="$DCC_PODMAN_HOST"

    # Found without DOCKER_HOST, at the socket rootless Podman uses; the tests' own docker commands are told where.
    EMPTY_CONFIG="$SCRATCH/empty-docker-config"
    mkdir -p "$EMPTY_CONFIG"
    if [ -S /var/run/docker.sock ]; then
      echo "Not run: Podman through its well-known socket, as /var/run/docker.sock would be found first."
      printf 'podman-socket\tnot run (/var/run/docker.sock)\t0\n' >>"$SCRATCH/results"
    else
      # the leftover check's docker commands are told where it is too
      CHECKED="$REACH_SUITE" LEFTOVERS_HOST="$DCC_PODMAN_HOST" variant podman-socket "$REACH_SUITE" \
        "Podman Engine .* at $DCC_PODMAN_HOST (well-known socket)" \
        -u DOCKER_HOST -u DOCKER_CONTEXT DOCKER_CONFIG="$EMPTY_CONFIG" XDG_RUNTIME_DIR="$DCC_PODMAN_RUNTIME_DIR" \
        DCC_IT_DOCKER_HOST="$DCC_PODMAN_HOST"
    fi
  else
    not_run podman "the engine suite against Podman (run through scripts/with-engine.sh --podman)."
  fi
}

# The engine suite over ssh: the main engine behind with-engine.sh's sshd, through the ssh on DCC_SSH_PATH (the
# test's own keys and known_hosts); the tests' own docker commands go to the engine's socket. A remote engine's
# volumes are read through the archive API, root or not. The ssh-* tests are its failures and its docker context.
ssh_engine_run() {
  if [ -z "${DCC_SSH_HOST:-}" ]; then
    not_run ssh "the engine suite over ssh (run through scripts/with-engine.sh --ssh)."
    return
  fi
  ARCHIVE_API_ONLY=1 LEFTOVERS_HOST="$DCC_SSH_ENGINE" variant ssh "$ENGINE_SUITE,ssh-*" "at $DCC_SSH_HOST (DOCKER_HOST)" \
    DOCKER_HOST="$DCC_SSH_HOST" PATH="$DCC_SSH_PATH:$PATH" DCC_IT_DOCKER_HOST="$DCC_SSH_ENGINE" DCC_SSH_HOST="$DCC_SSH_HOST"
}

# Unpacks Apache Maven $1, fetched through Maven (org.apache.maven:apache-maven:$1:tar.gz:bin), once; prints its home.
maven_home() {
  local version="$1" home="$SCRATCH/maven/apache-maven-$1"
  if [ ! -x "$home/bin/mvn" ]; then
    local archive="$HOME/.m2/repository/org/apache/maven/apache-maven/$version/apache-maven-$version-bin.tar.gz"
    if [ ! -f "$archive" ] && ! mvn -B -q -Dstyle.color=never dependency:get \
        -Dartifact="org.apache.maven:apache-maven:$version:tar.gz:bin" -Dtransitive=false >&2; then
      echo "Could not fetch Apache Maven $version through Maven." >&2
      return 1
    fi
    mkdir -p "$SCRATCH/maven" && tar -xzf "$archive" -C "$SCRATCH/maven" || return 1
  fi
  echo "$home"
}

# Docker 28 with each image store, each under another Maven: the classic store under Maven 3.9, the containerd image
# store under Maven 4.
docker28_runs() {
  if [ -z "${DCC_DOCKER28_HOST:-}" ]; then
    not_run "$1" "the engine suite against Docker 28 (run through scripts/with-engine.sh --docker28)."
    return
  fi
  local version home host name="$1"
  case "$name" in
    docker28) version="$MAVEN_39"; host="$DCC_DOCKER28_HOST" ;;
    docker28-containerd) version="$MAVEN_4"; host="$DCC_DOCKER28_CONTAINERD_HOST" ;;
  esac
  if [ -z "${MAVEN_HOMES[$version]:-}" ]; then
    printf '%s\tFAILED (no Apache Maven %s)\t0\n' "$name" "$version" >>"$SCRATCH/results"
    return
  fi
  CHECKOUT="${2:-}" ITS_MAVEN_HOME="${MAVEN_HOMES[$version]}" ITS_MAVEN_VERSION="$version" variant "$name" "$ENGINE_SUITE" \
    "Docker Engine $DCC_DOCKER28_VERSION (API [0-9.]*) at $host (DOCKER_HOST)" DOCKER_HOST="$host" \
    DCC_IT_MAVEN_HOME="${MAVEN_HOMES[$version]}"
}

# The TLS engine through a docker context, in a docker configuration of its own; in the checkout $1.
tls_context_run() {
  [ -n "${DCC_TLS_HOST:-}" ] || return 0
  local config="$SCRATCH/docker-config"
  mkdir -p "$config"
  env -u DOCKER_HOST DOCKER_CONFIG="$config" docker context create dcc-tls --description "devcontainer-cache tests" \
    --docker "host=$DCC_TLS_HOST,ca=$DCC_TLS_CERT_PATH/ca.pem,cert=$DCC_TLS_CERT_PATH/cert.pem,key=$DCC_TLS_CERT_PATH/key.pem" >/dev/null
  env -u DOCKER_HOST DOCKER_CONFIG="$config" docker context use dcc-tls >/dev/null
  CHECKOUT="$1" CHECKED="$REACH_SUITE" variant tls-context "$REACH_SUITE" "at $DCC_TLS_HOST (context 'dcc-tls', TLS)" \
    -u DOCKER_HOST -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH -u DOCKER_CONTEXT DOCKER_CONFIG="$config"
}

# A copy of this checkout for root's runs in the other lane, with its build output (so that it builds nothing
# again) but no test's; prints its path. Two builds in one checkout would write the same jar at once.
root_checkout() {
  local dir="$SCRATCH/checkout"
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir" && tar --exclude='./target/it*' --exclude=./target/local-repo -cf - . | tar -xf - -C "$dir" || return 1
  fi
  echo "$dir"
}

# Whether the runs as the user can go ahead; else records why the run $1 did not.
user_ready() {
  if [ -z "${DCC_USER:-}" ]; then
    not_run "$1" "$1, as an unprivileged user (run through scripts/with-engine.sh --user, --rootless, --rootless-podman, as root)."
  elif ! $USER_READY; then
    printf '%s\tFAILED (no Maven local repository for %s)\t0\n' "$1" "$DCC_USER" >>"$SCRATCH/results"
  else
    return 0
  fi
  return 1
}

# As the user, against the main engine: the socket is the docker group's, the data-root root's alone. $1 names
# the user's checkout.
user_main() {
  user_ready user || return
  local started=$SECONDS checkout root_dir
  root_dir="$(docker info --format '{{.DockerRootDir}}' 2>/dev/null)"
  if [ -n "$root_dir" ] && as_user test -r "$root_dir/volumes"; then
    echo "$DCC_USER can read the main engine's $root_dir/volumes: the run as the user would not test the archive API." >&2
    record user "$started" "volumes readable"
    return
  fi
  if ! checkout="$(user_checkout "$1")"; then
    record user "$started" "no checkout"
    return
  fi
  AS_USER=1 CHECKOUT="$checkout" ARCHIVE_API_ONLY=1 variant user "$USER_TESTS" "at $DOCKER_HOST (DOCKER_HOST)" \
    DOCKER_HOST="$DOCKER_HOST" DOCKER_CONFIG="$USER_WORK/docker-config" \
    ${DOCKER_TLS_VERIFY:+DOCKER_TLS_VERIFY="$DOCKER_TLS_VERIFY"} ${DOCKER_CERT_PATH:+DOCKER_CERT_PATH="$DOCKER_CERT_PATH"}
}

# As the user, against its rootless Docker through the docker context with-engine.sh made: no DOCKER_HOST.
user_rootless() {
  user_ready rootless || return
  if [ -z "${DCC_ROOTLESS_HOST:-}" ]; then
    not_run rootless "the engine suite against rootless Docker (run through scripts/with-engine.sh --rootless)."
    return
  fi
  local started=$SECONDS checkout
  if ! checkout="$(user_checkout "$1")"; then
    record rootless "$started" "no checkout"
    return
  fi
  AS_USER=1 CHECKOUT="$checkout" ARCHIVE_API_ONLY=1 variant rootless "$ENGINE_SUITE,$ROOTLESS_SUITE" \
    "at $DCC_ROOTLESS_HOST (context 'rootless')" DOCKER_CONFIG="$DCC_ROOTLESS_DOCKER_CONFIG"
}

# As the user, against its rootless Podman, found at its well-known socket under XDG_RUNTIME_DIR. XDG_CONFIG_HOME
# names its storage, for the tests' podman unshare; their own docker commands are told where the socket is.
user_rootless_podman() {
  user_ready rootless-podman || return
  if [ -z "${DCC_ROOTLESS_PODMAN_HOST:-}" ]; then
    not_run rootless-podman "the engine suite against rootless Podman (run through scripts/with-engine.sh --rootless-podman)."
    return
  fi
  local started=$SECONDS checkout
  if ! checkout="$(user_checkout "$1")"; then
    record rootless-podman "$started" "no checkout"
    return
  fi
  local via="well-known socket" reach=()
  if [ -S /var/run/docker.sock ]; then
    echo "/var/run/docker.sock would be found first: the user's Podman is reached through DOCKER_HOST instead."
    via="DOCKER_HOST"
    reach=(DOCKER_HOST="$DCC_ROOTLESS_PODMAN_HOST")
  fi
  AS_USER=1 CHECKOUT="$checkout" ARCHIVE_API_ONLY=1 LEFTOVERS_HOST="$DCC_ROOTLESS_PODMAN_HOST" variant rootless-podman \
    "$ENGINE_SUITE,$PRELOAD_SUITE,$KINDS_SUITE" "Podman Engine .* at $DCC_ROOTLESS_PODMAN_HOST ($via)" "${reach[@]}" \
    DOCKER_CONFIG="$USER_WORK/docker-config" XDG_RUNTIME_DIR="$DCC_ROOTLESS_PODMAN_RUNTIME_DIR" \
    XDG_CONFIG_HOME="$DCC_ROOTLESS_PODMAN_CONFIG_HOME" DCC_IT_DOCKER_HOST="$DCC_ROOTLESS_PODMAN_HOST"
}

# mvn site of the project itself: the goal reference that maven-plugin-report-plugin makes, a page per goal; in the
# checkout $1, once the runs there are over.
site_run() {
  local started=$SECONDS failed=() page
  if ! (cd "$1" && mvn -B -q -Dstyle.color=never site -DskipTests >"$SCRATCH/site.log" 2>&1); then
    tail -n 40 "$SCRATCH/site.log" >&2
    failed+=(site)
  fi
  for page in plugin-info report-mojo site-report-mojo check-mojo index; do
    if [ ! -s "$1/target/site/$page.html" ]; then
      echo "mvn site wrote no target/site/$page.html" >&2
      failed+=("$page.html")
    fi
  done
  if ! grep -q 'devcontainer-cache.budgetSize' "$1/target/site/report-mojo.html" 2>/dev/null; then
    echo "target/site/report-mojo.html does not document budgetSize" >&2
    failed+=(reference)
  fi
  record site "$started" "${failed[@]}"
}

# Two lanes side by side, each a run after the other on engines of its own, of about the same length: more at
# once would only slow every build on two cores, until engines miss their connect timeouts. Each lane's user
# runs share a checkout of the user's.
lane_root() {
  root_engines
  docker28_runs docker28
  docker28_runs docker28-containerd
  ssh_engine_run
  user_rootless lane-root
}
lane_user() {
  user_main lane-user
  user_rootless_podman lane-user
  if [ -z "$ROOT_COPY" ]; then
    printf 'tls-context\tFAILED (no checkout)\t0\nsite\tFAILED (no checkout)\t0\n' >>"$SCRATCH/results"
    return
  fi
  tls_context_run "$ROOT_COPY"
  site_run "$ROOT_COPY"
}

# Starts the function $1 in the background, its output kept for when it ends.
start_lane() {
  "$1" >"$SCRATCH/$1.out" 2>&1 &
  LANES[$!]="$1"
  echo "Started in parallel: $1"
}
declare -A LANES

MAIN_STARTED=$SECONDS
MAIN_FAILED=()
run mvn -B -Dstyle.color=never verify -Dit.run="$RUN" "$@" || MAIN_FAILED+=(tests)
unasked_warnings target/it "$ENGINE_SUITE" || MAIN_FAILED+=(warnings)
# A report of 200 caches (HtmlReportTest writes it, long and hostile names among them) in the browser: every bar, no
# console error, no request; the check prints how long it took to load and lay out.
node src/it/lib/report-page.cjs target/html-report-sample/many/report.html target/html-report-sample/many/page.png \
  target/html-report-sample/many/expected.json || MAIN_FAILED+=("200 caches in the browser")
check_leftovers main "$RUN" || MAIN_FAILED+=(leftovers)
record main "$MAIN_STARTED" "${MAIN_FAILED[@]}"

# The later runs' builds start from a class data archive (JDK 17's dynamic AppCDS) of what one build of the plugin's
# goals loads, Maven's classes and the plugin's: about a seventh less time for each of their few hundred short
# builds. It is made by a build of create, check and report on a cache of its own, which is removed. A build under
# another Maven (the Maven 3.9 and 4 runs) finds its classes elsewhere, and the JVM then quietly does without it.
class_archive() {
  local dir project volume="it-$RUN-class-archive-pip"
  dir="$(mktemp -d /tmp/dcc-cds.XXXXXX)" || return 1
  # removed at the end whatever happens; the builds use the archive only once it is whole
  CDS_DIR="$dir"
  chmod 755 "$dir" || return 1
  project="$dir/project"
  # shellcheck source=../bench/lib/goals.sh
  PLUGIN_VERSION="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)" && . bench/lib/goals.sh \
    && write_project "$project" "$volume:/home/vscode/.cache/pip" || return 1
  MAVEN_OPTS="$MAVEN_OPTS -XX:ArchiveClassesAtExit=$dir/maven.jsa -Xlog:cds=off -Xlog:cds+dynamic=off" \
    mvn -B -q -o -llr -Dstyle.color=never -Dmaven.repo.local="$PWD/target/local-repo" -f "$project/pom.xml" \
    devcontainer-cache:create devcontainer-cache:check devcontainer-cache:report >"$dir/build.log" 2>&1
  local built=$?
  docker volume rm "$volume" >/dev/null 2>&1
  if [ "$built" -ne 0 ] || [ ! -s "$dir/maven.jsa" ]; then
    echo "No class data archive (the builds run without one); its build said:" >&2
    tail -n 20 "$dir/build.log" >&2
    return 1
  fi
  chmod 644 "$dir/maven.jsa"
  export MAVEN_OPTS="$MAVEN_OPTS -XX:SharedArchiveFile=$dir/maven.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
}
CDS_DIR=""
class_archive

# The other Mavens, fetched once the first run has filled the local repository with what dependency:get needs.
declare -A MAVEN_HOMES
if [ -n "${DCC_DOCKER28_HOST:-}" ]; then
  for version in "$MAVEN_39" "$MAVEN_4"; do
    MAVEN_HOMES[$version]="$(maven_home "$version")" || unset "MAVEN_HOMES[$version]"
  done
fi

# The user's copy of the Maven local repository is taken once the first run has filled this one.
USER_READY=false
if [ -n "${DCC_USER:-}" ] && prepare_user; then USER_READY=true; fi
# root's runs in the user's lane build in a copy of this checkout, taken before anything builds here again
ROOT_COPY="$(root_checkout)" || ROOT_COPY=""
echo
start_lane lane_root
start_lane lane_user
# Each lane's output whole, as soon as it ends.
while [ "${#LANES[@]}" -gt 0 ]; do
  wait -n -p ended "${!LANES[@]}"
  echo
  echo "##### ${LANES[$ended]}"
  cat "$SCRATCH/${LANES[$ended]}.out"
  unset "LANES[$ended]"
done

echo
echo "Runs (result, seconds):"
for name in main tls tls-context podman podman-socket user rootless rootless-podman ssh docker28 docker28-containerd site; do
  awk -F '\t' -v name="$name" '$1 == name { printf "  %-20s %-6s %s\n", $1, $3, $2 }' "$SCRATCH/results"
done
echo "  whole suite: $SECONDS s"
if grep -q $'\tFAILED' "$SCRATCH/results"; then
  echo
  echo "Failed: $(awk -F '\t' '$2 ~ /^FAILED/ { printf "%s%s %s", sep, $1, $2; sep = ", " }' "$SCRATCH/results")" >&2
  exit 1
fi

scripts/corpus-check.sh
