#!/usr/bin/env bash
# Benchmarks of report's content work, side by side in one run, on two caches shaped like the seed's, generated
# here: a pip cache of about 20,000 small files and 150 wheels (about 0.9 GB) and a whisper cache of two model
# files of 75 MB and 142 MB; 20 other volumes on the engine.
#
#   scripts/with-engine.sh bench/report-content.sh [ROUNDS]      (default 5)
#
# Compares the plugin's size computation (the directory walk report does on a mount point, in a warm JVM) with
# `du -s` of the mount points (target: at most 1.2x) and with `docker system df -v` (target: faster), and the
# plugin's SHA-256 of the model files with `sha256sum` (target: at most 1.25x). These are the mount point's figures;
# the whole report goal on the same caches, through the archive API and on the mount point, is in
# bench/archive-path.sh. Needs the engine on this host with readable mount points (root); removes every volume it
# made.
set -euo pipefail
ROUNDS="${1:-5}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ID="bench-$(date +%s)-$$"
WORK="$(mktemp -d)"

cleanup() {
  docker volume ls -q | grep "^$ID-" | xargs -r docker volume rm -f >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "Building the plugin and its test classes..."
(cd "$ROOT" && mvn -B -q -Dstyle.color=never test-compile -Dinvoker.skip=true \
  && mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null)
CP="$ROOT/target/classes:$ROOT/target/test-classes:$(cat "$WORK/classpath.txt")"

mountpoint() { docker volume inspect -f '{{.Mountpoint}}' "$1"; }
# shellcheck source=lib/seed-caches.sh
. "$ROOT/bench/lib/seed-caches.sh"

echo "Generating the caches..."
docker volume create "$ID-pip-cache" >/dev/null
docker volume create "$ID-whisper-cache" >/dev/null
seed_caches "$ID-pip-cache" "$ID-whisper-cache"
PIP="$(mountpoint "$ID-pip-cache")"
WHISPER="$(mountpoint "$ID-whisper-cache")"
for i in $(seq 1 20); do
  docker volume create "$ID-other-$i" >/dev/null
  head -c 1000000 /dev/urandom > "$(mountpoint "$ID-other-$i")/data.bin"
done
echo "pip cache: $(du -sh "$PIP" | cut -f1), $(find "$PIP" -type f | wc -l) files; whisper cache: $(du -sh "$WHISPER" | cut -f1)"

echo "Measuring $ROUNDS rounds of each, alternating..."
plugin_scan=(); cold_scan=(); sizes_times=(); cold_sizes=(); du_times=(); df_times=(); plugin_hash=(); sha_times=()
for _ in $(seq 1 "$ROUNDS"); do
  # one JVM per round: its first pass is the cold one a build makes, the pass after 3 warm-ups the warm one
  java -cp "$CP" io.github.devcontainercache.content.ContentBench scan 3 1 "$PIP" "$WHISPER" >"$WORK/warm" 2>"$WORK/cold"
  plugin_scan+=("$(cat "$WORK/warm")"); cold_scan+=("$(cat "$WORK/cold")")
  java -cp "$CP" io.github.devcontainercache.content.ContentBench sizes 3 1 "$PIP" "$WHISPER" >"$WORK/warm" 2>"$WORK/cold"
  sizes_times+=("$(cat "$WORK/warm")"); cold_sizes+=("$(cat "$WORK/cold")")
  du_times+=("$(millis du -s "$PIP" "$WHISPER")")
  df_times+=("$(millis docker system df -v)")
  plugin_hash+=("$(java -cp "$CP" io.github.devcontainercache.content.ContentBench hash 1 1 "$WHISPER/tiny.pt" "$WHISPER/base.pt" 2>/dev/null)")
  sha_times+=("$(millis sha256sum "$WHISPER/tiny.pt" "$WHISPER/base.pt")")
done

scan_m="$(median "${plugin_scan[@]}")"; sizes_m="$(median "${sizes_times[@]}")"; cold_sizes_m="$(median "${cold_sizes[@]}")"; cold_m="$(median "${cold_scan[@]}")"; du_m="$(median "${du_times[@]}")"; df_m="$(median "${df_times[@]}")"
hash_m="$(median "${plugin_hash[@]}")"; sha_m="$(median "${sha_times[@]}")"
echo
echo "| measurement | median of $ROUNDS (ms) | all runs (ms) |"
echo "| --- | --- | --- |"
echo "| plugin: sizes of the 2 caches (walk of the mount points, warm JVM) | $scan_m | ${plugin_scan[*]} |"
echo "| plugin: the same, first pass of a cold JVM | $cold_m | ${cold_scan[*]} |"
echo "| plugin: content and disk (the walk, du -s -B1 beside it), warm JVM | $sizes_m | ${sizes_times[*]} |"
echo "| plugin: the same, first pass of a cold JVM | $cold_sizes_m | ${cold_sizes[*]} |"
echo "| du -s of the 2 mount points | $du_m | ${du_times[*]} |"
echo "| docker system df -v (22 volumes) | $df_m | ${df_times[*]} |"
echo "| plugin: SHA-256 of the 2 model files (218 MB) | $hash_m | ${plugin_hash[*]} |"
echo "| sha256sum of the 2 model files | $sha_m | ${sha_times[*]} |"
echo
echo "sizes: plugin / du -s = $(ratio "$scan_m" "$du_m")x warm, $(ratio "$cold_m" "$du_m")x cold (target at most 1.2x);" \
  "plugin / docker system df -v = $(ratio "$scan_m" "$df_m")x warm, $(ratio "$cold_m" "$df_m")x cold (target below 1)"
echo "content and disk: plugin / du -s = $(ratio "$sizes_m" "$du_m")x warm, $(ratio "$cold_sizes_m" "$du_m")x cold (target at most 1.2x)"
echo
echo "What each counts (bytes): the plugin's content and disk (du's, beside the walk) and its estimate from the"
echo "entries alone (what the archive API gives), against du -sb and du -sB1:"
java -cp "$CP" io.github.devcontainercache.content.ContentBench figures 0 0 "$PIP" "$WHISPER"
for dir in "$PIP" "$PIP/http-v2" "$WHISPER"; do
  echo "$dir du -sb=$(du -sb "$dir" | cut -f1) du -sB1=$(du -sB1 "$dir" | cut -f1)"
done
java -cp "$CP" io.github.devcontainercache.content.ContentBench figures 0 0 "$PIP/http-v2"
echo "SHA-256: plugin / sha256sum = $(ratio "$hash_m" "$sha_m")x (target at most 1.25x)"
