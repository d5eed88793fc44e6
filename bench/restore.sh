#!/usr/bin/env bash
# Benchmark of restore from a Maven repository on a loopback HTTP server, side by side in one run: a cache of about
# 1 GB (incompressible: the archive is 1 GB too) saved once with `save` into a repository that Apache httpd with
# mod_dav serves on 127.0.0.1, then, alternating, into a new volume each time:
# on each read path (the mount point, and the archive API with readMountPoints=false):
#   restore: `mvn devcontainer-cache:restore` (the whole mvn process, default JVM settings): the metadata, the
#            archive resolved by Maven's resolver into a local repository of its own, verified, written, removed;
#   by hand: `curl -o` of the same archive, then `mvn devcontainer-cache:import` of the file (target: restore at most
#            1.2x of both together);
# and the peak resident size of every mvn process (target at most 400 MB).
#
#   scripts/with-engine.sh bench/restore.sh [ROUNDS] [MB]       (defaults 3 and 1024)
#
# Needs /usr/sbin/apache2 (Debian's apache2-bin) and the engine on this host (root, for the mount point path); removes
# every volume it made and its httpd.
set -euo pipefail
ROUNDS="${1:-3}"
MB="${2:-1024}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ID="bench-$(date +%s)-$$"
WORK="$(mktemp -d)"
chmod 755 "$WORK"
# shellcheck source=lib/seed-caches.sh
. "$ROOT/bench/lib/seed-caches.sh"
# shellcheck source=lib/goals.sh
. "$ROOT/bench/lib/goals.sh"
HTTPD_PID=""

cleanup() {
  [ -z "$HTTPD_PID" ] || kill "$HTTPD_PID" 2>/dev/null || true
  remove_own "$ID"
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -x /usr/sbin/apache2 ] || { echo "needs Apache httpd: apt-get install apache2-bin" >&2; exit 1; }
echo "Installing the plugin..."
install_plugin "$ROOT"
VOLUME="$ID-models"
PROJECT="$WORK/project"
write_project "$PROJECT" "$VOLUME:/home/vscode/.cache/models"

# httpd with mod_dav on a free loopback port, its repository under $WORK/repo, as src/it/lib/httpd.groovy has it
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
mkdir -p "$WORK/httpd/repo" "$WORK/httpd/run"
chown -R www-data:www-data "$WORK/httpd/repo" "$WORK/httpd/run"
M=/usr/lib/apache2/modules
cat > "$WORK/httpd/httpd.conf" <<CONF
ServerRoot "$WORK/httpd"
ServerName 127.0.0.1
Listen 127.0.0.1:$PORT
PidFile "$WORK/httpd/run/httpd.pid"
DefaultRuntimeDir "$WORK/httpd/run"
Mutex file:$WORK/httpd/run default
ErrorLog "$WORK/httpd/error.log"
User www-data
Group www-data
LoadModule mpm_event_module $M/mod_mpm_event.so
LoadModule authz_core_module $M/mod_authz_core.so
LoadModule dav_module $M/mod_dav.so
LoadModule dav_fs_module $M/mod_dav_fs.so
DavLockDB "$WORK/httpd/run/davlock"
DocumentRoot "$WORK/httpd/repo"
EnableSendfile On
# archives of more than 1 GiB: httpd refuses larger request bodies by default
LimitRequestBody 0
<Directory "$WORK/httpd/repo">
  Dav On
  Require all granted
</Directory>
CONF
/usr/sbin/apache2 -f "$WORK/httpd/httpd.conf" -DFOREGROUND &
HTTPD_PID=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.1; done
REPO="caches::http://127.0.0.1:$PORT/"
KEYED=(-f "$PROJECT/pom.xml" -Ddevcontainer-cache.store=repository "-Ddevcontainer-cache.repository=$REPO")

echo "Generating a cache of $MB MB and saving it..."
docker volume create "$VOLUME" >/dev/null
MOUNT="$(docker volume inspect -f '{{.Mountpoint}}' "$VOLUME")"
for i in $(seq 1 8); do head -c "$((MB * 1024 * 1024 / 8))" /dev/urandom > "$MOUNT/model-$i.bin"; done
mkdir -p "$WORK/rss"
timed_mvn "$WORK/rss/save" "${KEYED[@]}" devcontainer-cache:save
URL="$(find "$WORK/httpd/repo" -name '*.tar.zst' | sed "s|$WORK/httpd/repo/|http://127.0.0.1:$PORT/|")"
echo "archive: $(du -h "$(find "$WORK/httpd/repo" -name '*.tar.zst')" | cut -f1) at $URL"

# Each path: the mount point (the build as root on the engine's host) and the archive API (readMountPoints=false:
# Docker Desktop, a docker-group user, rootless engines, Podman), the restore and the import alike.
for path in mount archive; do
  declare -a "restore_$path=()" "curl_$path=()" "import_$path=()" "by_hand_$path=()"
  declare -n restore_times="restore_$path" curl_times="curl_$path" import_times="import_$path" by_hand="by_hand_$path"
  reading=(); [ "$path" = mount ] || reading=(-Ddevcontainer-cache.readMountPoints=false)
  for _ in $(seq 1 "$ROUNDS"); do
    docker volume rm "$VOLUME" >/dev/null
    restore_times+=("$(millis timed_mvn "$WORK/rss/restore-$path" "${KEYED[@]}" "${reading[@]}" devcontainer-cache:restore)")
    docker volume inspect "$VOLUME" >/dev/null
    docker volume rm "$VOLUME" >/dev/null
    rm -f "$WORK/downloaded.tar.zst"
    c="$(millis curl -sf -o "$WORK/downloaded.tar.zst" "$URL")"
    i="$(millis timed_mvn "$WORK/rss/import-$path" -f "$PROJECT/pom.xml" "${reading[@]}" devcontainer-cache:import \
      "-Ddevcontainer-cache.from=$WORK/downloaded.tar.zst")"
    curl_times+=("$c"); import_times+=("$i"); by_hand+=("$((c + i))")
  done
  unset -n restore_times curl_times import_times by_hand
done

echo
echo "| measurement | median of $ROUNDS (ms) | all runs (ms) | peak RSS (MB) |"
echo "| --- | --- | --- | --- |"
for path in mount archive; do
  label="$([ "$path" = mount ] && echo "mount point" || echo "archive API")"
  row "$label: restore from the loopback repository (mvn devcontainer-cache:restore)" "restore_$path" "restore-$path"
  row "$label: curl -o of the archive" "curl_$path"
  row "$label: import of the downloaded file (mvn devcontainer-cache:import)" "import_$path" "import-$path"
  row "$label: curl -o, then import" "by_hand_$path"
done
echo
echo "| comparison | ratio | target | met |"
echo "| --- | --- | --- | --- |"
verdict "mount point: restore / (curl -o, then import)" restore_mount by_hand_mount 1.2
verdict "archive API: restore / (curl -o, then import)" restore_archive by_hand_archive 1.2
echo "peak RSS of every mvn: save $(max_mb "$WORK/rss/save") MB, restore $(max_mb "$WORK"/rss/restore-*) MB, import $(max_mb "$WORK"/rss/import-*) MB (target at most 400 MB)"
