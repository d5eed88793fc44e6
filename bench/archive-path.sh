#!/usr/bin/env bash
# Benchmarks of the archive-API path, the one a non-root user, Docker Desktop, rootless engines and Podman take,
# side by side in one run, on two caches shaped like the seed's (generated here, the same as
# bench/report-content.sh: a pip cache of about 20,000 small files and 150 wheels, about 0.9 GB, and a whisper
# cache of two model files of 75 MB and 142 MB). Every goal runs as a user runs it: the whole mvn process, default
# JVM settings, -Ddevcontainer-cache.readMountPoints=false (root on the engine's host then takes the same path).
#
#   scripts/with-engine.sh bench/archive-path.sh [ROUNDS]      (default 3)
#
# Against the engine's own commands for the same volumes, one after the other:
#   default report, archive API and mount point   docker run --rm -v VOL:/cache BUSYBOX du -sh /cache    <= 1.5x
#   list of the pip cache                          curl of GET /containers/ID/archive?path=/cache          <= 1.2x
#   full report (-Ddevcontainer-cache.content=full), export with compression none
#                                                  the same curl, of both caches                           <= 1.2x
#   export (zstd)                                  docker cp CONTAINER:/cache - | zstd -3 -T0 > file       <= 1.0x
#   import of that archive into a new volume      zstd -dc file | docker cp - CONTAINER:/                 <= 1.0x
# and the peak resident size of every mvn process (target: at most 400 MB). The mount-point figures of export,
# import and the content walk are in bench/export-import.sh and bench/report-content.sh. Needs the engine on this
# host (root: the caches are generated on their mount points) and its unix socket in DOCKER_HOST, for curl; uses
# volumes, containers and images of its own (bench-archive-<id>-...) and removes them on exit.
set -euo pipefail
ROUNDS="${1:-3}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ID="bench-archive-$(date +%s)-$$"
WORK="$(mktemp -d)"
# shellcheck source=lib/seed-caches.sh
. "$ROOT/bench/lib/seed-caches.sh"
# shellcheck source=lib/goals.sh
. "$ROOT/bench/lib/goals.sh"
SOCKET="$(engine_socket)"

cleanup() {
  remove_own "$ID"
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "Installing the plugin (tests skipped)..."
install_plugin "$ROOT"
FULL=(-Ddevcontainer-cache.content=full)
FULL_NOTE="-Ddevcontainer-cache.content=full"

echo "Generating the caches..."
PIP_VOLUME="$ID-pip-cache"
WHISPER_VOLUME="$ID-whisper-cache"
docker volume create "$PIP_VOLUME" >/dev/null
docker volume create "$WHISPER_VOLUME" >/dev/null
seed_caches "$PIP_VOLUME" "$WHISPER_VOLUME"
PIP="$(docker volume inspect -f '{{.Mountpoint}}' "$PIP_VOLUME")"
WHISPER="$(docker volume inspect -f '{{.Mountpoint}}' "$WHISPER_VOLUME")"
echo "pip cache: $(du -sh "$PIP" | cut -f1), $(find "$PIP" -type f | wc -l) files; whisper cache: $(du -sh "$WHISPER" | cut -f1)"

shell_image "$ID-busybox" "$WORK"
empty_image "$ID-empty" "$WORK"
# never started: they only hold the volumes, for curl and docker cp, as the plugin's helper does
PIP_USER="$(docker create --name "$ID-pip-user" -v "$PIP_VOLUME:/cache" "$ID-empty" /bench)"
WHISPER_USER="$(docker create --name "$ID-whisper-user" -v "$WHISPER_VOLUME:/cache" "$ID-empty" /bench)"

write_project "$WORK/project" "$PIP_VOLUME:/home/vscode/.cache/pip" "$WHISPER_VOLUME:/home/vscode/.cache/whisper"
PROJECT=(-f "$WORK/project/pom.xml")
ARCHIVE=-Ddevcontainer-cache.readMountPoints=false
mkdir -p "$WORK/rss" "$WORK/cp"

report_archive() { timed_mvn "$WORK/rss/report-archive" "${PROJECT[@]}" devcontainer-cache:report "$ARCHIVE"; }
report_mount() { timed_mvn "$WORK/rss/report-mount" "${PROJECT[@]}" devcontainer-cache:report; }
du_seed() {
  docker run --rm -v "$PIP_VOLUME:/cache" "$ID-busybox" du -sh /cache \
    && docker run --rm -v "$WHISPER_VOLUME:/cache" "$ID-busybox" du -sh /cache
}
list_pip() { timed_mvn "$WORK/rss/list" "${PROJECT[@]}" devcontainer-cache:list -Ddevcontainer-cache.volume="$PIP_VOLUME" "$ARCHIVE"; }
report_full() { timed_mvn "$WORK/rss/report-full" "${PROJECT[@]}" devcontainer-cache:report "${FULL[@]}" "$ARCHIVE"; }
export_plain() {
  timed_mvn "$WORK/rss/export-none" "${PROJECT[@]}" devcontainer-cache:export -Ddevcontainer-cache.compression=none \
    -Ddevcontainer-cache.directory="$WORK/export-none" "$ARCHIVE"
}
stream() { curl -s --unix-socket "$SOCKET" "http://x/containers/$1/archive?path=/cache" -o /dev/null; }
stream_pip() { stream "$PIP_USER"; }
stream_both() { stream "$PIP_USER" && stream "$WHISPER_USER"; }
export_zstd() {
  timed_mvn "$WORK/rss/export" "${PROJECT[@]}" devcontainer-cache:export -Ddevcontainer-cache.directory="$WORK/export" "$ARCHIVE"
}
cp_export() {
  docker cp "$ID-pip-user:/cache" - | zstd -q -3 -T0 > "$WORK/cp/pip.tar.zst" \
    && docker cp "$ID-whisper-user:/cache" - | zstd -q -3 -T0 > "$WORK/cp/whisper.tar.zst"
}
plugin_import() {
  timed_mvn "$WORK/rss/import" "${PROJECT[@]}" devcontainer-cache:import "$ARCHIVE" \
      -Ddevcontainer-cache.from="$WORK/export/$PIP_VOLUME.tar.zst" -Ddevcontainer-cache.volume="$ID-imported-pip" \
    && timed_mvn "$WORK/rss/import" "${PROJECT[@]}" devcontainer-cache:import "$ARCHIVE" \
      -Ddevcontainer-cache.from="$WORK/export/$WHISPER_VOLUME.tar.zst" -Ddevcontainer-cache.volume="$ID-imported-whisper"
}
cp_import() {
  zstd -dc "$WORK/cp/pip.tar.zst" | docker cp - "$ID-cp-pip-target:/" \
    && zstd -dc "$WORK/cp/whisper.tar.zst" | docker cp - "$ID-cp-whisper-target:/"
}
# Untimed, before each import: new volumes for both, and the never-started containers docker cp writes through.
fresh_targets() {
  docker rm -f "$ID-cp-pip-target" "$ID-cp-whisper-target" >/dev/null 2>&1 || true
  docker volume rm -f "$ID-imported-pip" "$ID-imported-whisper" "$ID-cp-pip" "$ID-cp-whisper" >/dev/null
  docker create --name "$ID-cp-pip-target" -v "$ID-cp-pip:/cache" "$ID-empty" /bench >/dev/null
  docker create --name "$ID-cp-whisper-target" -v "$ID-cp-whisper:/cache" "$ID-empty" /bench >/dev/null
}
# The files of a volume and their bytes, to compare an import with its source.
content_of() { find "$(docker volume inspect -f '{{.Mountpoint}}' "$1")" -type f -printf '%s\n' | awk '{n++; s+=$1} END {print n " files, " s " bytes"}'; }

echo "Checking each goal once (its output shows the path it took), and warming up..."
# the goal's whole output, without -q: the line that says how each volume was read
checked() {
  local name="$1" path="$2"
  shift 2
  mvn -B -Dstyle.color=never "${PROJECT[@]}" "$@" >"$WORK/$name.log" 2>&1 \
    || { echo "mvn $* failed:" >&2; tail -n 30 "$WORK/$name.log" >&2; return 1; }
  uses_path "$WORK/$name.log" "$path"
}
checked report-archive archive devcontainer-cache:report "$ARCHIVE"
checked report-mount mount devcontainer-cache:report
checked list archive devcontainer-cache:list -Ddevcontainer-cache.volume="$PIP_VOLUME" "$ARCHIVE"
checked report-full archive devcontainer-cache:report "${FULL[@]}" "$ARCHIVE"
# the report says how it read each cache's content: with content=full, every entry
if ! grep -q "every entry" "$WORK/report-full.log"; then
  echo "The report with content=full does not say that it read every entry; its output ends with:" >&2
  tail -n 20 "$WORK/report-full.log" >&2
  exit 1
fi
checked export-none archive devcontainer-cache:export -Ddevcontainer-cache.compression=none \
  -Ddevcontainer-cache.directory="$WORK/export-none" "$ARCHIVE"
checked export archive devcontainer-cache:export -Ddevcontainer-cache.directory="$WORK/export" "$ARCHIVE"
fresh_targets
checked import-pip archive devcontainer-cache:import "$ARCHIVE" \
  -Ddevcontainer-cache.from="$WORK/export/$PIP_VOLUME.tar.zst" -Ddevcontainer-cache.volume="$ID-imported-pip"
checked import-whisper archive devcontainer-cache:import "$ARCHIVE" \
  -Ddevcontainer-cache.from="$WORK/export/$WHISPER_VOLUME.tar.zst" -Ddevcontainer-cache.volume="$ID-imported-whisper"
du_seed >/dev/null
STREAM_BYTES=()
for container in "$PIP_USER" "$WHISPER_USER"; do
  code="$(curl -s --unix-socket "$SOCKET" "http://x/containers/$container/archive?path=/cache" -o /dev/null -w '%{http_code} %{size_download}')"
  [ "${code%% *}" = 200 ] || { echo "GET archive of $container answered $code" >&2; exit 1; }
  STREAM_BYTES+=("${code#* }")
done
cp_export
cp_import
for cache in pip whisper; do
  source_volume="$ID-$cache-cache"
  for copy in "$ID-imported-$cache" "$ID-cp-$cache"; do
    [ "$(content_of "$copy")" = "$(content_of "$source_volume")" ] \
      || { echo "$copy holds $(content_of "$copy"), $source_volume $(content_of "$source_volume")" >&2; exit 1; }
  done
done

echo "Measuring $ROUNDS rounds of each, alternating..."
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
report_archive_t=(); report_mount_t=(); du_t=(); list_t=(); stream_pip_t=(); report_full_t=(); export_plain_t=()
stream_both_t=(); export_t=(); cp_export_t=(); import_t=(); cp_import_t=()
for _ in $(seq 1 "$ROUNDS"); do
  report_archive_t+=("$(millis report_archive)")
  report_mount_t+=("$(millis report_mount)")
  du_t+=("$(millis du_seed)")
  list_t+=("$(millis list_pip)")
  stream_pip_t+=("$(millis stream_pip)")
  report_full_t+=("$(millis report_full)")
  stream_both_t+=("$(millis stream_both)")
  rm -rf "$WORK/export-none"
  export_plain_t+=("$(millis export_plain)")
  rm -rf "$WORK/export"
  export_t+=("$(millis export_zstd)")
  cp_export_t+=("$(millis cp_export)")
  fresh_targets
  import_t+=("$(millis plugin_import)")
  cp_import_t+=("$(millis cp_import)")
done

echo
echo "load average ($(nproc) cores) before the rounds: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Engine $(docker version -f '{{.Server.Version}}'); plugin $PLUGIN_VERSION; MAVEN_OPTS=${MAVEN_OPTS:-(none)};" \
  "plain streams (GET archive): pip $((STREAM_BYTES[0] / 1000000)) MB, whisper $((STREAM_BYTES[1] / 1000000)) MB;" \
  "archives: $(du -ch "$WORK"/export/*.tar.zst | tail -n 1 | cut -f1) zstd (plugin), $(du -ch "$WORK"/cp/*.tar.zst | tail -n 1 | cut -f1) (docker cp | zstd)"
echo
echo "| measurement (archive API: -Ddevcontainer-cache.readMountPoints=false) | median of $ROUNDS (ms) | all runs (ms) | peak RSS of mvn, largest (MB) |"
echo "| --- | --- | --- | --- |"
row "plugin report of the 2 caches, default settings, archive API" report_archive_t report-archive
row "plugin report of the 2 caches, default settings, mount point" report_mount_t report-mount
row "docker run --rm -v VOL:/cache busybox du -sh /cache, both caches" du_t
row "plugin list of the pip cache, archive API" list_t list
row "curl GET archive of the pip cache" stream_pip_t
row "plugin report, $FULL_NOTE, archive API" report_full_t report-full
row "plugin export, compression none, archive API" export_plain_t export-none
row "curl GET archive of both caches" stream_both_t
row "plugin export, zstd, archive API" export_t export
row "docker cp CONTAINER:/cache - \\| zstd -3 -T0 > file, both caches" cp_export_t
row "plugin import of both archives into new volumes (two mvn processes), archive API" import_t import
row "zstd -dc file \\| docker cp - CONTAINER:/, both caches" cp_import_t
echo
echo "| ratio of the medians | ratio | target | met |"
echo "| --- | --- | --- | --- |"
verdict "report, default, archive API / du -sh" report_archive_t du_t 1.5
verdict "report, default, mount point / du -sh" report_mount_t du_t 1.5
verdict "list of the pip cache / curl" list_t stream_pip_t 1.2
verdict "report, ${FULL_NOTE%%:*} / curl" report_full_t stream_both_t 1.2
verdict "export, compression none / curl" export_plain_t stream_both_t 1.2
verdict "export, zstd / docker cp \\| zstd" export_t cp_export_t 1.0
verdict "import / zstd -dc \\| docker cp" import_t cp_import_t 1.0
largest="$(max_mb "$WORK"/rss/*)"
echo
echo "peak resident size of the whole mvn process, largest of every goal and run: $largest MB" \
  "(target at most 400 MB: $([ "$largest" -le 400 ] && echo met || echo not met))"
