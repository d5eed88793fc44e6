#!/usr/bin/env bash
# Benchmark: `check` and `report` on 2, 20 and 200 declared caches (empty volumes of their own), side by side in one
# run: the time of the whole Maven process, the cost per cache, the requests the goal sent to the engine (its own
# count, at debug level), the connections the JVM opened to the engine (connect() calls, counted with strace) and
# the peak resident size of the process (target: at most 400 MB). Each goal reads the volumes on their mount points
# and, as `check-archive` and `report-archive`, through the archive API (-Ddevcontainer-cache.readMountPoints=false:
# what a non-root user, Docker Desktop, rootless engines and Podman get).
#
#   scripts/with-engine.sh bench/many-caches.sh [ROUNDS]      (default 9 rounds)
#
# Uses volumes of its own (bench-many-<id>-...), and removes them at the end.
set -euo pipefail
ROUNDS="${1:-9}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
ID="bench-many-$(date +%s)-$$"
SIZES=(2 20 200)
GOALS=(check report check-archive report-archive)
# shellcheck source=lib/goals.sh
. "$ROOT/bench/lib/goals.sh"

cleanup() {
  docker volume ls -q | grep "^$ID-" | xargs -r docker volume rm -f >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! command -v strace >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing strace from Debian's packages, to count connections..."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq strace >/dev/null
  fi
fi

echo "Installing the plugin (tests skipped)..."
mvn -B -q -Dstyle.color=never -f "$ROOT/pom.xml" install -DskipTests -Dinvoker.skip=true
VERSION="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$ROOT/pom.xml" | head -n 1)"

echo "Creating 200 volumes..."
seq -f "$ID-%03g" 1 200 | xargs -P 4 -n 1 docker volume create >/dev/null

for n in "${SIZES[@]}"; do
  mkdir -p "$WORK/$n"
  caches="$(seq -f "<cache><volume>$ID-%03g</volume></cache>" 1 "$n" | tr -d '\n')"
  cat >"$WORK/$n/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>many-$n</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>io.github.devcontainercache</groupId>
        <artifactId>devcontainer-cache-maven-plugin</artifactId>
        <version>$VERSION</version>
        <configuration><caches>$caches</caches></configuration>
      </plugin>
    </plugins>
  </build>
</project>
POM
done

millis() {
  local start end
  start=$(date +%s%N)
  # Maven's console library writes colour resets to stderr even with -B: keep them out of the table
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
# The arguments of the goal named $1: GOAL-archive is GOAL through the archive API.
goal_args() {
  GOAL_ARGS=("devcontainer-cache:${1%-archive}")
  [ "$1" = "${1%-archive}" ] || GOAL_ARGS+=(-Ddevcontainer-cache.readMountPoints=false)
}
goal() { goal_args "$2"; timed_mvn "$WORK/rss.$2.$1" -f "$WORK/$1/pom.xml" "${GOAL_ARGS[@]}"; }

# The requests the goal counted, and the connect() calls to the engine's socket or port.
requests() {
  goal_args "$2"
  mvn -B -X -Dstyle.color=never -f "$WORK/$1/pom.xml" "${GOAL_ARGS[@]}" 2>/dev/null \
    | sed -n "s/.*devcontainer-cache:${2%-archive} sent \([0-9]*\) request.*/\1/p"
}
connections() {
  if ! command -v strace >/dev/null 2>&1; then echo "?"; return; fi
  local target="${DOCKER_HOST#unix://}"
  target="${target#tcp://}"
  goal_args "$2"
  strace -f -qq -e trace=connect -o "$WORK/strace.$1.$2" mvn -B -q -Dstyle.color=never -f "$WORK/$1/pom.xml" "${GOAL_ARGS[@]}" >/dev/null 2>&1
  grep -c -F "${target%%:*}" "$WORK/strace.$1.$2" || true
}

echo "Warming up..."
for n in "${SIZES[@]}"; do for g in "${GOALS[@]}"; do goal "$n" "$g" >/dev/null 2>&1; done; done

echo "Measuring $ROUNDS rounds, alternating the sizes..."
declare -A times
for _ in $(seq 1 "$ROUNDS"); do
  for n in "${SIZES[@]}"; do
    for g in "${GOALS[@]}"; do
      times[$g.$n]+="$(millis goal "$n" "$g") "
    done
  done
done

echo
echo "| goal | caches | median of $ROUNDS (ms) | ms per cache beyond 2 | requests | connections | peak RSS of mvn, largest (MB) |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for g in "${GOALS[@]}"; do
  # shellcheck disable=SC2086
  base="$(median ${times[$g.2]})"
  for n in "${SIZES[@]}"; do
    # shellcheck disable=SC2086
    m="$(median ${times[$g.$n]})"
    per="-"
    [ "$n" -gt 2 ] && per="$(awk -v a="$m" -v b="$base" -v n="$n" 'BEGIN {printf "%.1f", (a - b) / (n - 2)}')"
    echo "| $g | $n | $m | $per | $(requests "$n" "$g") | $(connections "$n" "$g") | $(max_mb "$WORK/rss.$g.$n") |"
  done
done
for g in "${GOALS[@]}"; do
  # shellcheck disable=SC2086
  echo "$g: 200 caches / 2 caches: $(awk -v a="$(median ${times[$g.200]})" -v b="$(median ${times[$g.2]})" 'BEGIN {printf "%.2f", a / b}')x"
done
