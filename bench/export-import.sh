#!/usr/bin/env bash
# Benchmarks of export and import, side by side in one run, on two caches shaped like the seed's (generated here,
# the same as bench/report-content.sh: about 0.9 GB and 20,000 files, and two model files of 218 MB together).
#
#   scripts/with-engine.sh bench/export-import.sh [ROUNDS]      (default 3)
#
# Export (the whole mvn process, zstd) against `docker cp CONTAINER:/cache - > file` (the peer) and host
# `tar -cf` of the mount points (the limit); import of that archive into a new volume against
# `docker cp file CONTAINER:/cache`. Every plugin run has its heap capped at 256 MB (-Xmx256m): it completes,
# so the peak heap stays under 256 MB; the peak resident size of the whole process is reported too. Needs the
# engine on this host (root); removes every volume and container it made.
set -euo pipefail
ROUNDS="${1:-3}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ID="bench-$(date +%s)-$$"
WORK="$(mktemp -d)"
# shellcheck source=lib/seed-caches.sh
. "$ROOT/bench/lib/seed-caches.sh"

cleanup() {
  docker ps -a --format '{{.Names}}' | grep "^$ID-" | xargs -r docker rm -f >/dev/null 2>&1 || true
  docker volume ls -q | grep "^$ID-" | xargs -r docker volume rm -f >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "Installing the plugin (tests skipped)..."
mvn -B -q -Dstyle.color=never -f "$ROOT/pom.xml" install -DskipTests -Dinvoker.skip=true

docker volume create "$ID-pip-cache" >/dev/null
docker volume create "$ID-whisper-cache" >/dev/null
echo "Generating the caches..."
seed_caches "$ID-pip-cache" "$ID-whisper-cache"
PIP="$(docker volume inspect -f '{{.Mountpoint}}' "$ID-pip-cache")"
WHISPER="$(docker volume inspect -f '{{.Mountpoint}}' "$ID-whisper-cache")"

# An image of nothing, for containers that are never started and only hold volumes for docker cp.
mkdir -p "$WORK/rootfs" && echo bench > "$WORK/rootfs/bench"
tar -cf - -C "$WORK/rootfs" . | docker import - "$ID-image" >/dev/null
docker create --name "$ID-source" -v "$ID-pip-cache:/cache/pip" -v "$ID-whisper-cache:/cache/whisper" "$ID-image" /bench >/dev/null

mkdir -p "$WORK/project"
cat > "$WORK/project/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>export-import</artifactId><version>1</version><packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>io.github.devcontainercache</groupId><artifactId>devcontainer-cache-maven-plugin</artifactId>
    <version>0.1.0-SNAPSHOT</version>
    <configuration><discover>false</discover><caches>
      <cache><volume>$ID-pip-cache</volume></cache>
      <cache><volume>$ID-whisper-cache</volume></cache>
    </caches></configuration>
  </plugin></plugins></build>
</project>
POM
export MAVEN_OPTS="-Xmx256m"
plugin_export() {
  rm -rf "$WORK/export"
  /usr/bin/time -f %M -o "$WORK/rss" mvn -B -q -Dstyle.color=never -f "$WORK/project/pom.xml" devcontainer-cache:export \
    -Ddevcontainer-cache.directory="$WORK/export"
}
docker_cp_export() { docker cp "$ID-source:/cache" - > "$WORK/docker-cp.tar"; }
host_tar() { tar -cf "$WORK/host.tar" -C "$PIP" . -C "$WHISPER" .; }
plugin_import() {
  docker volume rm -f "$ID-imported-pip" "$ID-imported-whisper" >/dev/null 2>&1 || true
  /usr/bin/time -f %M -o "$WORK/rss-import" mvn -B -q -Dstyle.color=never -f "$WORK/project/pom.xml" devcontainer-cache:import \
    -Ddevcontainer-cache.from="$WORK/export/$ID-pip-cache.tar.zst" -Ddevcontainer-cache.volume="$ID-imported-pip" \
    && mvn -B -q -Dstyle.color=never -f "$WORK/project/pom.xml" devcontainer-cache:import \
    -Ddevcontainer-cache.from="$WORK/export/$ID-whisper-cache.tar.zst" -Ddevcontainer-cache.volume="$ID-imported-whisper"
}
docker_cp_import() {
  docker rm -f "$ID-target" >/dev/null 2>&1 || true
  docker volume rm -f "$ID-cp-pip" "$ID-cp-whisper" >/dev/null 2>&1 || true
  docker create --name "$ID-target" -v "$ID-cp-pip:/cache/pip" -v "$ID-cp-whisper:/cache/whisper" "$ID-image" /bench >/dev/null
  docker cp - "$ID-target:/" < "$WORK/docker-cp.tar"
}

echo "Measuring $ROUNDS rounds of each, alternating..."
export_times=(); cp_export_times=(); tar_times=(); import_times=(); cp_import_times=(); rss=()
for _ in $(seq 1 "$ROUNDS"); do
  export_times+=("$(millis plugin_export)"); rss+=("$(cat "$WORK/rss")")
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
echo "| measurement | median of $ROUNDS (ms) | all runs (ms) |"
echo "| --- | --- | --- |"
echo "| plugin export, whole mvn process, zstd, -Xmx256m | $e | ${export_times[*]} |"
echo "| docker cp CONTAINER:/cache - > file | $c | ${cp_export_times[*]} |"
echo "| host tar -cf of the mount points | $t | ${tar_times[*]} |"
echo "| plugin import of both archives (two mvn processes), -Xmx256m | $i | ${import_times[*]} |"
echo "| docker cp file CONTAINER:/cache | $ci | ${cp_import_times[*]} |"
echo
echo "export: $(ratio "$e" "$c")x docker cp (target below 1), host tar / plugin = $(ratio "$t" "$e")x (target at least 0.8)"
echo "import: $(ratio "$i" "$ci")x docker cp (target at most 1.0)"
echo "peak resident size of the export process: $(( $(median "${rss[@]}") / 1024 )) MB; heap capped at 256 MB throughout"
