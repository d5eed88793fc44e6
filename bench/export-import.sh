#!/usr/bin/env bash
# Benchmarks of export and import, side by side in one run, on two caches shaped like the seed's (generated here,
# the same as bench/report-content.sh: about 0.9 GB and 20,000 files, and two model files of 218 MB together).
#
#   scripts/with-engine.sh bench/export-import.sh [ROUNDS]      (default 3)
#
# Export on the mount point (the whole mvn process, default JVM settings, zstd) against
# `docker cp CONTAINER:/cache - > file` (the peer) and host `tar -cf` of the mount points (the limit); import of
# that archive into a new volume against `docker cp file CONTAINER:/cache`; the peak resident size of every mvn
# process (target: at most 400 MB). The same through the archive API: bench/archive-path.sh. Needs the engine on
# this host (root); removes every volume, container and image it made.
set -euo pipefail
ROUNDS="${1:-3}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ID="bench-$(date +%s)-$$"
WORK="$(mktemp -d)"
# shellcheck source=lib/seed-caches.sh
. "$ROOT/bench/lib/seed-caches.sh"
# shellcheck source=lib/goals.sh
. "$ROOT/bench/lib/goals.sh"

cleanup() {
  remove_own "$ID"
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "Installing the plugin (tests skipped)..."
install_plugin "$ROOT"

docker volume create "$ID-pip-cache" >/dev/null
docker volume create "$ID-whisper-cache" >/dev/null
echo "Generating the caches..."
seed_caches "$ID-pip-cache" "$ID-whisper-cache"
PIP="$(docker volume inspect -f '{{.Mountpoint}}' "$ID-pip-cache")"
WHISPER="$(docker volume inspect -f '{{.Mountpoint}}' "$ID-whisper-cache")"

# An image of nothing, for containers that are never started and only hold volumes for docker cp.
empty_image "$ID-image" "$WORK"
docker create --name "$ID-source" -v "$ID-pip-cache:/cache/pip" -v "$ID-whisper-cache:/cache/whisper" "$ID-image" /bench >/dev/null

write_project "$WORK/project" "$ID-pip-cache:/home/vscode/.cache/pip" "$ID-whisper-cache:/home/vscode/.cache/whisper"
plugin_export() {
  rm -rf "$WORK/export"
  timed_mvn "$WORK/rss-export" -f "$WORK/project/pom.xml" devcontainer-cache:export -Ddevcontainer-cache.directory="$WORK/export"
}
docker_cp_export() { docker cp "$ID-source:/cache" - > "$WORK/docker-cp.tar"; }
host_tar() { tar -cf "$WORK/host.tar" -C "$PIP" . -C "$WHISPER" .; }
plugin_import() {
  docker volume rm -f "$ID-imported-pip" "$ID-imported-whisper" >/dev/null 2>&1 || true
  timed_mvn "$WORK/rss-import" -f "$WORK/project/pom.xml" devcontainer-cache:import \
      -Ddevcontainer-cache.from="$WORK/export/$ID-pip-cache.tar.zst" -Ddevcontainer-cache.volume="$ID-imported-pip" \
    && timed_mvn "$WORK/rss-import" -f "$WORK/project/pom.xml" devcontainer-cache:import \
      -Ddevcontainer-cache.from="$WORK/export/$ID-whisper-cache.tar.zst" -Ddevcontainer-cache.volume="$ID-imported-whisper"
}
docker_cp_import() {
  docker rm -f "$ID-target" >/dev/null 2>&1 || true
  docker volume rm -f "$ID-cp-pip" "$ID-cp-whisper" >/dev/null 2>&1 || true
  docker create --name "$ID-target" -v "$ID-cp-pip:/cache/pip" -v "$ID-cp-whisper:/cache/whisper" "$ID-image" /bench >/dev/null
  docker cp - "$ID-target:/" < "$WORK/docker-cp.tar"
}

echo "Measuring $ROUNDS rounds of each, alternating..."
export_times=(); cp_export_times=(); tar_times=(); import_times=(); cp_import_times=()
for _ in $(seq 1 "$ROUNDS"); do
  export_times+=("$(millis plugin_export)")
  cp_export_times+=("$(millis docker_cp_export)")
  tar_times+=("$(millis host_tar)")
  import_times+=("$(millis plugin_import)")
  cp_import_times+=("$(millis docker_cp_import)")
done
[ -f "$WORK/export/$ID-pip-cache.tar.zst" ] || { echo "the plugin's export did not complete" >&2; exit 1; }

e="$(median "${export_times[@]}")"; c="$(median "${cp_export_times[@]}")"; t="$(median "${tar_times[@]}")"
i="$(median "${import_times[@]}")"; ci="$(median "${cp_import_times[@]}")"
echo
echo "archives: $(du -ch "$WORK"/export/*.tar.zst | tail -1 | cut -f1) (zstd) from $(du -sh "$WORK/host.tar" | cut -f1) of tar"
echo "| measurement (mount point) | median of $ROUNDS (ms) | all runs (ms) | peak RSS of mvn, largest (MB) |"
echo "| --- | --- | --- | --- |"
echo "| plugin export, whole mvn process, zstd | $e | ${export_times[*]} | $(max_mb "$WORK/rss-export") |"
echo "| docker cp CONTAINER:/cache - > file | $c | ${cp_export_times[*]} | |"
echo "| host tar -cf of the mount points | $t | ${tar_times[*]} | |"
echo "| plugin import of both archives (two mvn processes) | $i | ${import_times[*]} | $(max_mb "$WORK/rss-import") |"
echo "| docker cp file CONTAINER:/cache | $ci | ${cp_import_times[*]} | |"
echo
echo "export: $(ratio "$e" "$c")x docker cp (target below 1), host tar / plugin = $(ratio "$t" "$e")x (target at least 0.8)"
echo "import: $(ratio "$i" "$ci")x docker cp (target at most 1.0)"
largest="$(max_mb "$WORK/rss-export" "$WORK/rss-import")"
echo "peak resident size of the whole mvn process, largest of every export and import: $largest MB, default JVM settings" \
  "(target at most 400 MB: $([ "$largest" -le 400 ] && echo met || echo not met))"
