#!/usr/bin/env bash
# Benchmark: the whole `mvn devcontainer-cache:check` process on examples/radio (two existing caches, read from
# its devcontainer.json) against `mvn validate` of the same project without the plugin, run alternately, side by
# side; check reads the caches' owners on their mount points, and through the archive API
# (-Ddevcontainer-cache.readMountPoints=false: what a non-root user, Docker Desktop, rootless engines and Podman
# get), and over ssh where DCC_SSH_HOST names an sshd in front of the same engine (scripts/with-engine.sh --ssh,
# whose DCC_SSH_PATH gives the ssh to use).
#
#   scripts/with-engine.sh [--ssh] bench/check-startup.sh [ROUNDS] [MVN...]   (default 15 rounds, `mvn`)
#
# Each MVN (the path of another Maven's bin/mvn) gets the whole comparison of its own. The peak resident size of
# every mvn process is reported too (target: at most 400 MB).
#
# Uses two caches of its own (bench-<id>-...), never the real radio-* ones, and removes them at the end.
set -euo pipefail
ROUNDS="${1:-15}"
shift || true
MAVENS=("$@")
[ "${#MAVENS[@]}" -gt 0 ] || MAVENS=(mvn)
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
ID="bench-$(date +%s)-$$"
# shellcheck source=lib/goals.sh
. "$ROOT/bench/lib/goals.sh"

cleanup() {
  docker volume rm -f "$ID-pip-cache" "$ID-whisper-cache" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "Installing the plugin (tests skipped)..."
mvn -B -q -Dstyle.color=never -f "$ROOT/pom.xml" install -DskipTests -Dinvoker.skip=true

mkdir -p "$WORK/with/.devcontainer" "$WORK/without"
cp "$ROOT/examples/radio/pom.xml" "$WORK/with/pom.xml"
sed -e "s/radio-pip-cache/$ID-pip-cache/" -e "s/radio-whisper-cache/$ID-whisper-cache/" \
  "$ROOT/examples/radio/.devcontainer/devcontainer.json" > "$WORK/with/.devcontainer/devcontainer.json"
sed '/<build>/,/<\/build>/d' "$ROOT/examples/radio/pom.xml" > "$WORK/without/pom.xml"
mvn -B -q -Dstyle.color=never -f "$WORK/with/pom.xml" devcontainer-cache:create

millis() {
  local start end
  start=$(date +%s%N)
  # Maven's console library writes colour resets to stderr even with -B: keep them out of the table
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

# What is timed, in the order of each round: a name, then the command.
NAMES=(mount archive)
COMMANDS=(
  "timed_mvn $WORK/rss-mount -f $WORK/with/pom.xml devcontainer-cache:check"
  "timed_mvn $WORK/rss-archive -f $WORK/with/pom.xml devcontainer-cache:check -Ddevcontainer-cache.readMountPoints=false"
)
LABELS=(
  "mvn devcontainer-cache:check (2 caches from devcontainer.json), mount point"
  "the same, archive API (-Ddevcontainer-cache.readMountPoints=false)"
)
if [ -n "${DCC_SSH_HOST:-}" ]; then
  NAMES+=(ssh)
  COMMANDS+=("timed_mvn_over_ssh $WORK/rss-ssh -f $WORK/with/pom.xml devcontainer-cache:check -Ddevcontainer-cache.dockerHost=$DCC_SSH_HOST")
  LABELS+=("the same, over ssh ($DCC_SSH_HOST, the same engine)")
fi
NAMES+=(validate)
COMMANDS+=("timed_mvn $WORK/rss-validate -f $WORK/without/pom.xml validate")
LABELS+=("mvn validate without the plugin")
# the ssh of with-engine.sh --ssh, with the benchmark's own keys and known_hosts
timed_mvn_over_ssh() {
  PATH="${DCC_SSH_PATH:+$DCC_SSH_PATH:}$PATH" timed_mvn "$@"
}

for MVN in "${MAVENS[@]}"; do
  export MVN
  rm -f "$WORK"/rss-*
  echo
  echo "== $("$MVN" -v 2>/dev/null | head -n 1 | sed 's/\x1b\[[0-9;]*m//g')"
  echo "Warming up..."
  for _ in 1 2; do
    for command in "${COMMANDS[@]}"; do millis $command >/dev/null; done
  done
  echo "Measuring $ROUNDS rounds, alternating..."
  declare -A TIMES=()
  for _ in $(seq 1 "$ROUNDS"); do
    for i in "${!COMMANDS[@]}"; do TIMES[${NAMES[$i]}]+="$(millis ${COMMANDS[$i]}) "; done
  done
  validate="$(median ${TIMES[validate]})"
  echo
  echo "| command | median of $ROUNDS (ms) | / validate | all runs (ms) | peak RSS of mvn, largest (MB) |"
  echo "| --- | --- | --- | --- | --- |"
  for i in "${!COMMANDS[@]}"; do
    name="${NAMES[$i]}"
    m="$(median ${TIMES[$name]})"
    echo "| ${LABELS[$i]} | $m | $(awk -v a="$m" -v b="$validate" 'BEGIN {printf "%.2fx", a / b}') | ${TIMES[$name]% } | $(max_mb "$WORK/rss-$name") |"
  done
  echo
  echo "Target: check at most 1.25x validate."
done
