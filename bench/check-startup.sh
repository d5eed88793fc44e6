#!/usr/bin/env bash
# Benchmark: the whole `mvn devcontainer-cache:check` process on examples/radio (two existing caches, read from
# its devcontainer.json) against `mvn validate` of the same project without the plugin, run alternately, side by
# side.
#
#   scripts/with-engine.sh bench/check-startup.sh [ROUNDS]      (default 15 rounds)
#
# Uses two caches of its own (bench-<id>-...), never the real radio-* ones, and removes them at the end.
set -euo pipefail
ROUNDS="${1:-15}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
ID="bench-$(date +%s)-$$"

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

with_plugin=(mvn -B -q -Dstyle.color=never -f "$WORK/with/pom.xml" devcontainer-cache:check)
without_plugin=(mvn -B -q -Dstyle.color=never -f "$WORK/without/pom.xml" validate)

millis() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

echo "Warming up..."
for _ in 1 2; do millis "${with_plugin[@]}" >/dev/null; millis "${without_plugin[@]}" >/dev/null; done

echo "Measuring $ROUNDS rounds, alternating..."
with_times=(); without_times=()
for _ in $(seq 1 "$ROUNDS"); do
  with_times+=("$(millis "${with_plugin[@]}")")
  without_times+=("$(millis "${without_plugin[@]}")")
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
with_median="$(median "${with_times[@]}")"
without_median="$(median "${without_times[@]}")"
ratio="$(awk -v a="$with_median" -v b="$without_median" 'BEGIN {printf "%.2f", a / b}')"

echo
echo "| command | median of $ROUNDS (ms) | all runs (ms) |"
echo "| --- | --- | --- |"
echo "| mvn devcontainer-cache:check (2 caches from devcontainer.json) | $with_median | ${with_times[*]} |"
echo "| mvn validate without the plugin | $without_median | ${without_times[*]} |"
echo
echo "check / validate: ${ratio}x (target: at most 1.25x)"
