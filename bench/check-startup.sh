#!/usr/bin/env bash
# Benchmark: the whole `mvn devcontainer-cache:check` process on examples/radio (two existing caches, read from
# its devcontainer.json) against `mvn validate` of the same project without the plugin, run alternately, side by
# side; check reads the caches' owners on their mount points, and through the archive API
# (-Ddevcontainer-cache.readMountPoints=false: what a non-root user, Docker Desktop, rootless engines and Podman
# get).
#
#   scripts/with-engine.sh bench/check-startup.sh [ROUNDS]      (default 15 rounds)
#
# The peak resident size of every mvn process is reported too (target: at most 400 MB).
#
# Uses two caches of its own (bench-<id>-...), never the real radio-* ones, and removes them at the end.
set -euo pipefail
ROUNDS="${1:-15}"
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

with_plugin=(timed_mvn "$WORK/rss-mount" -f "$WORK/with/pom.xml" devcontainer-cache:check)
with_archive=(timed_mvn "$WORK/rss-archive" -f "$WORK/with/pom.xml" devcontainer-cache:check -Ddevcontainer-cache.readMountPoints=false)
without_plugin=(timed_mvn "$WORK/rss-validate" -f "$WORK/without/pom.xml" validate)

millis() {
  local start end
  start=$(date +%s%N)
  # Maven's console library writes colour resets to stderr even with -B: keep them out of the table
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

echo "Warming up..."
for _ in 1 2; do
  millis "${with_plugin[@]}" >/dev/null; millis "${with_archive[@]}" >/dev/null; millis "${without_plugin[@]}" >/dev/null
done

echo "Measuring $ROUNDS rounds, alternating..."
with_times=(); archive_times=(); without_times=()
for _ in $(seq 1 "$ROUNDS"); do
  with_times+=("$(millis "${with_plugin[@]}")")
  archive_times+=("$(millis "${with_archive[@]}")")
  without_times+=("$(millis "${without_plugin[@]}")")
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
with_median="$(median "${with_times[@]}")"
archive_median="$(median "${archive_times[@]}")"
without_median="$(median "${without_times[@]}")"
ratio="$(awk -v a="$with_median" -v b="$without_median" 'BEGIN {printf "%.2f", a / b}')"
archive_ratio="$(awk -v a="$archive_median" -v b="$without_median" 'BEGIN {printf "%.2f", a / b}')"

echo
echo "| command | median of $ROUNDS (ms) | all runs (ms) | peak RSS of mvn, largest (MB) |"
echo "| --- | --- | --- | --- |"
echo "| mvn devcontainer-cache:check (2 caches from devcontainer.json), mount point | $with_median | ${with_times[*]} | $(max_mb "$WORK/rss-mount") |"
echo "| the same, archive API (-Ddevcontainer-cache.readMountPoints=false) | $archive_median | ${archive_times[*]} | $(max_mb "$WORK/rss-archive") |"
echo "| mvn validate without the plugin | $without_median | ${without_times[*]} | $(max_mb "$WORK/rss-validate") |"
echo
echo "check / validate: ${ratio}x on the mount point, ${archive_ratio}x through the archive API (target: at most 1.25x)"
