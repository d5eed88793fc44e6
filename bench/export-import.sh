#!/usr/bin/env bash
# Benchmarks of export and import on the mount point, side by side in one run, on two caches shaped like the seed's
# (generated here, the same as bench/report-content.sh: about 0.9 GB and 20,000 files, and two model files of 218 MB
# together), then the peak memory at a cache of 5 GB.
#
#   scripts/with-engine.sh bench/export-import.sh [ROUNDS] [BIG_GB]      (defaults 3 and 5; BIG_GB 0 leaves it out)
#
# Each plugin run is the whole mvn process, default JVM settings, zstd, against what a user would type:
#   export: host `tar -cf - -C MOUNTPOINT . | zstd -3 -T0 > f` (target at most 1.25x), and
#           `docker cp CONTAINER:/cache - > f` (target below 1.0x);
#   import into new volumes: `docker cp - CONTAINER:/cache` of the same content (target at most 1.0x), and host
#           `zstd -dc f | tar -x -C MOUNTPOINT` (target at most 1.25x);
# and the peak resident size of every mvn process, export and import, at 1.1 GB and at BIG_GB (target at most
# 400 MB). The same through the archive API: bench/archive-path.sh. Needs the engine on this host (root); removes
# every volume, container and image it made.
set -euo pipefail
ROUNDS="${1:-3}"
BIG_GB="${2:-5}"
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

for tool in zstd tar; do
  command -v "$tool" >/dev/null || { echo "$tool is needed for the comparisons (apt-get install $tool)" >&2; exit 1; }
done

echo "Installing the plugin (tests skipped)..."
install_plugin "$ROOT"

docker volume create "$ID-pip-cache" >/dev/null
docker volume create "$ID-whisper-cache" >/dev/null
echo "Generating the caches..."
seed_caches "$ID-pip-cache" "$ID-whisper-cache"
PIP="$(docker volume inspect -f '{{.Mountpoint}}' "$ID-pip-cache")"
WHISPER="$(docker volume inspect -f '{{.Mountpoint}}' "$ID-whisper-cache")"
mount_point() { docker volume inspect -f '{{.Mountpoint}}' "$1"; }

# An image of nothing, for containers that are never started and only hold volumes for docker cp.
empty_image "$ID-image" "$WORK"
docker create --name "$ID-source" -v "$ID-pip-cache:/cache/pip" -v "$ID-whisper-cache:/cache/whisper" "$ID-image" /bench >/dev/null

write_project "$WORK/project" "$ID-pip-cache:/home/vscode/.cache/pip" "$ID-whisper-cache:/home/vscode/.cache/whisper"
plugin_export() {
  rm -rf "$WORK/export"
  timed_mvn "$WORK/rss-export" -f "$WORK/project/pom.xml" devcontainer-cache:export -Ddevcontainer-cache.directory="$WORK/export"
}
host_tar_zstd() {
  tar -cf - -C "$PIP" . | zstd -q -3 -T0 -f -o "$WORK/host-pip.tar.zst"
  tar -cf - -C "$WHISPER" . | zstd -q -3 -T0 -f -o "$WORK/host-whisper.tar.zst"
}
docker_cp_export() { docker cp "$ID-source:/cache" - > "$WORK/docker-cp.tar"; }
no_volumes() {
  docker rm -f "$ID-target" >/dev/null 2>&1 || true
  docker volume rm -f "$ID-new-pip" "$ID-new-whisper" >/dev/null 2>&1 || true
}
plugin_import() {
  timed_mvn "$WORK/rss-import" -f "$WORK/project/pom.xml" devcontainer-cache:import \
      -Ddevcontainer-cache.from="$WORK/export/$ID-pip-cache.tar.zst" -Ddevcontainer-cache.volume="$ID-new-pip" \
    && timed_mvn "$WORK/rss-import" -f "$WORK/project/pom.xml" devcontainer-cache:import \
      -Ddevcontainer-cache.from="$WORK/export/$ID-whisper-cache.tar.zst" -Ddevcontainer-cache.volume="$ID-new-whisper"
}
docker_cp_import() {
  docker create --name "$ID-target" -v "$ID-new-pip:/cache/pip" -v "$ID-new-whisper:/cache/whisper" "$ID-image" /bench >/dev/null
  docker cp - "$ID-target:/" < "$WORK/docker-cp.tar"
}
host_zstd_tar() {
  docker volume create "$ID-new-pip" >/dev/null
  docker volume create "$ID-new-whisper" >/dev/null
  zstd -q -dc "$WORK/host-pip.tar.zst" | tar -x -C "$(mount_point "$ID-new-pip")"
  zstd -q -dc "$WORK/host-whisper.tar.zst" | tar -x -C "$(mount_point "$ID-new-whisper")"
}
# Each import goes into volumes that do not exist yet: the plugin makes them (and, as root here, writes on their
# mount points), docker create makes docker cp's, and tar's are made first, within its time.
timed_into_new() { no_volumes; settled; millis "$@"; }
# Every run starts with the disk idle: what the run before wrote is flushed first, outside the time (1.1 GB of dirty
# pages being written back made one run of the same command take from 11 to 35 s).
settled() { sync; }
timed() { settled; millis "$@"; }

echo "Measuring $ROUNDS rounds of each, alternating..."
export_times=(); tar_zstd_times=(); cp_export_times=(); import_times=(); cp_import_times=(); zstd_tar_times=()
for _ in $(seq 1 "$ROUNDS"); do
  export_times+=("$(timed plugin_export)")
  tar_zstd_times+=("$(timed host_tar_zstd)")
  cp_export_times+=("$(timed docker_cp_export)")
  import_times+=("$(timed_into_new plugin_import)")
  cp_import_times+=("$(timed_into_new docker_cp_import)")
  zstd_tar_times+=("$(timed_into_new host_zstd_tar)")
done
[ -f "$WORK/export/$ID-pip-cache.tar.zst" ] || { echo "the plugin's export did not complete" >&2; exit 1; }
# The figures are of the mount-point path: check once, untimed, that both goals took it.
no_volumes
mvn -B -Dstyle.color=never -f "$WORK/project/pom.xml" devcontainer-cache:export -Ddevcontainer-cache.directory="$WORK/export" \
  > "$WORK/path-export.log" 2>&1
uses_path "$WORK/path-export.log" mount
mvn -B -Dstyle.color=never -f "$WORK/project/pom.xml" devcontainer-cache:import \
  -Ddevcontainer-cache.from="$WORK/export/$ID-whisper-cache.tar.zst" -Ddevcontainer-cache.volume="$ID-new-whisper" \
  > "$WORK/path-import.log" 2>&1
uses_path "$WORK/path-import.log" mount

e="$(median "${export_times[@]}")"; tz="$(median "${tar_zstd_times[@]}")"; c="$(median "${cp_export_times[@]}")"
i="$(median "${import_times[@]}")"; ci="$(median "${cp_import_times[@]}")"; zt="$(median "${zstd_tar_times[@]}")"
echo
echo "archives: plugin $(du -ch "$WORK"/export/*.tar.zst | tail -1 | cut -f1), host tar | zstd" \
  "$(du -ch "$WORK"/host-*.tar.zst | tail -1 | cut -f1), docker cp $(du -sh "$WORK/docker-cp.tar" | cut -f1) (no compression)"
echo "| measurement (mount point) | median of $ROUNDS (ms) | all runs (ms) | peak RSS of mvn, largest (MB) |"
echo "| --- | --- | --- | --- |"
echo "| plugin export of both caches, whole mvn process, zstd | $e | ${export_times[*]} | $(max_mb "$WORK/rss-export") |"
echo "| host tar -cf - -C MOUNTPOINT . \| zstd -3 -T0 | $tz | ${tar_zstd_times[*]} | |"
echo "| docker cp CONTAINER:/cache - > file | $c | ${cp_export_times[*]} | |"
echo "| plugin import of both archives into new volumes (two mvn processes) | $i | ${import_times[*]} | $(max_mb "$WORK/rss-import") |"
echo "| docker cp - CONTAINER:/cache | $ci | ${cp_import_times[*]} | |"
echo "| host zstd -dc f \| tar -x -C MOUNTPOINT | $zt | ${zstd_tar_times[*]} | |"
echo
echo "export: $(ratio "$e" "$tz")x host tar | zstd -T0 (target at most 1.25), $(ratio "$e" "$c")x docker cp (target below 1.0)"
echo "import: $(ratio "$i" "$ci")x docker cp - (target at most 1.0), $(ratio "$i" "$zt")x host zstd -dc | tar -x (target at most 1.25)"
echo "peak resident size of the whole mvn process at 1.1 GB: export $(max_mb "$WORK/rss-export") MB," \
  "import $(max_mb "$WORK/rss-import") MB, default JVM settings (target at most 400 MB)"

if [ "$BIG_GB" -gt 0 ]; then
  echo
  echo "A cache of $BIG_GB GB (files of 64 MiB, and 10,000 of 4 to 60 KiB), one export and one import..."
  rm -f "$WORK"/docker-cp.tar "$WORK"/host-*.tar.zst "$WORK/export"/*
  docker volume create "$ID-big" >/dev/null
  BIG="$(mount_point "$ID-big")"
  for n in $(seq 1 $(( BIG_GB * 16 ))); do head -c 67108864 /dev/urandom > "$BIG/model-$n.bin"; done
  python3 - "$BIG" <<'PY'
import os, random, sys
rng = random.Random(7)
for i in range(10000):
    d = os.path.join(sys.argv[1], "small", "%02x" % (i % 256))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "%08x" % i), "wb") as f:
        f.write(os.urandom(rng.randint(4096, 60000)))
PY
  write_project "$WORK/big" "$ID-big"
  settled
  big_export_ms="$(millis timed_mvn "$WORK/rss-big-export" -f "$WORK/big/pom.xml" devcontainer-cache:export \
      -Ddevcontainer-cache.directory="$WORK/export")"
  settled
  big_import_ms="$(millis timed_mvn "$WORK/rss-big-import" -f "$WORK/big/pom.xml" devcontainer-cache:import \
      -Ddevcontainer-cache.from="$WORK/export/$ID-big.tar.zst" -Ddevcontainer-cache.volume="$ID-big-imported")"
  echo "| $(du -sh "$BIG" | cut -f1) cache | time (ms) | peak RSS of mvn (MB) |"
  echo "| --- | --- | --- |"
  echo "| export | $big_export_ms | $(max_mb "$WORK/rss-big-export") |"
  echo "| import into a new volume | $big_import_ms | $(max_mb "$WORK/rss-big-import") |"
  largest="$(max_mb "$WORK/rss-export" "$WORK/rss-import" "$WORK/rss-big-export" "$WORK/rss-big-import")"
else
  largest="$(max_mb "$WORK/rss-export" "$WORK/rss-import")"
fi
echo "peak resident size, largest of every export and import: $largest MB" \
  "(target at most 400 MB: $([ "$largest" -le 400 ] && echo met || echo not met))"
