#!/usr/bin/env bash
# Preload of one large file (500 MB by default, random bytes) from a loopback HTTP server into a volume, side by side
# in one run with curl -o of the same file from the same server onto the volume's mount point. Every goal runs as a
# user runs it: the whole mvn process, default JVM settings.
#
#   scripts/with-engine.sh bench/preload.sh [ROUNDS] [MB] [MB_PER_S]      (defaults 5, 500, and no limit)
#
# MB_PER_S makes the server send no faster than that, as a real link does (the hub's CDN, a mirror): on the loopback
# interface at full speed, curl takes well under a second, less than Maven's own start-up.
#
# Rows, each round in this order, the file removed from the volume before each:
#   curl -s -o MOUNTPOINT/model.bin URL                       the comparison
#   preload onto the mount point (root on the engine's host)  target: at most 1.2x curl
#   preload through the archive API (-Ddevcontainer-cache.readMountPoints=false: what everyone else gets): staged
#     in the build's folder and verified, then sent into the volume through the engine
#   curl -s -o FILE URL, then docker cp FILE CONTAINER:/cache/: what a user who is not root does by hand, the
#     comparison for the archive API (the container is never started; it only holds the volume)
#   preload again, the file there: verified, nothing downloaded
#   mvn validate of the same project: Maven's own start-up, the floor of any goal
# and the peak resident size of every mvn process (target: at most 400 MB). The server is Python's http.server.
# Needs root and the engine on this host (curl writes on the mount point); uses a volume of its own
# (bench-preload-<id>-models) and removes it on exit.
set -euo pipefail
ROUNDS="${1:-5}"
MB="${2:-500}"
RATE="${3:-0}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ID="bench-preload-$(date +%s)-$$"
WORK="$(mktemp -d)"
# shellcheck source=lib/seed-caches.sh
. "$ROOT/bench/lib/seed-caches.sh"
# shellcheck source=lib/goals.sh
. "$ROOT/bench/lib/goals.sh"
SERVER_PID=""

cleanup() {
  [ -z "$SERVER_PID" ] || kill "$SERVER_PID" 2>/dev/null || true
  remove_own "$ID"
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "Installing the plugin (tests skipped)..."
install_plugin "$ROOT"

echo "Generating a file of $MB MB and serving it on the loopback interface..."
mkdir -p "$WORK/served" "$WORK/rss"
head -c "$((MB * 1024 * 1024))" /dev/urandom > "$WORK/served/model.bin"
SHA256="$(sha256sum "$WORK/served/model.bin" | cut -d' ' -f1)"
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 - "$WORK/served" "$PORT" "$RATE" >/dev/null 2>&1 <<'PY' &
import functools, http.server, sys, time
directory, port, rate = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]) * 1024 * 1024
class Handler(http.server.SimpleHTTPRequestHandler):
    def copyfile(self, source, target):
        started, sent = time.monotonic(), 0
        for chunk in iter(lambda: source.read(1 << 16), b""):
            target.write(chunk)
            sent += len(chunk)
            ahead = sent / rate - (time.monotonic() - started) if rate else 0
            if ahead > 0:
                time.sleep(ahead)
http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=directory)).serve_forever()
PY
SERVER_PID=$!
URL="http://127.0.0.1:$PORT/model.bin"
for _ in $(seq 1 50); do curl -sf -r 0-0 -o /dev/null "$URL" && break; sleep 0.1; done

VOLUME="$ID-models"
docker volume create "$VOLUME" >/dev/null
MOUNT="$(docker volume inspect -f '{{.Mountpoint}}' "$VOLUME")"
[ -w "$MOUNT" ] || { echo "The mount point $MOUNT is not writable here: run this as root, with the engine on this host." >&2; exit 1; }
mkdir -p "$WORK/project"
cat > "$WORK/project/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>preload</artifactId><version>1</version><packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>io.github.devcontainercache</groupId><artifactId>devcontainer-cache-maven-plugin</artifactId>
    <version>$PLUGIN_VERSION</version>
    <configuration><discover>false</discover><caches><cache><volume>$VOLUME</volume><preload><file>
      <url>$URL</url><sha256>$SHA256</sha256><path>model.bin</path>
    </file></preload></cache></caches></configuration>
  </plugin></plugins></build>
</project>
POM
PROJECT=(-f "$WORK/project/pom.xml")
empty_image "$ID-empty" "$WORK"
HOLDER="$(docker create --name "$ID-holder" -v "$VOLUME:/cache" "$ID-empty" /bench)"
ARCHIVE=-Ddevcontainer-cache.readMountPoints=false

curl_once() { curl -sf -o "$MOUNT/model.bin" "$URL"; }
curl_cp() { rm -f "$WORK/model.bin" && curl -sf -o "$WORK/model.bin" "$URL" && docker cp "$WORK/model.bin" "$HOLDER:/cache/model.bin"; }
preload_mount() { timed_mvn "$WORK/rss/mount" "${PROJECT[@]}" devcontainer-cache:preload; }
preload_archive() { timed_mvn "$WORK/rss/archive" "${PROJECT[@]}" devcontainer-cache:preload "$ARCHIVE"; }
preload_again() { timed_mvn "$WORK/rss/again" "${PROJECT[@]}" devcontainer-cache:preload; }
validate() { timed_mvn "$WORK/rss/validate" "${PROJECT[@]}" validate; }
fresh() { rm -f "$MOUNT/model.bin"; }
same_file() {
  [ "$(sha256sum "$MOUNT/model.bin" | cut -d' ' -f1)" = "$SHA256" ] || { echo "the volume does not hold the file after $1" >&2; exit 1; }
}

echo "Checking each path once (its output says how the file was written), and warming up..."
checked() {
  local name="$1" path="$2"
  shift 2
  fresh
  mvn -B -Dstyle.color=never "${PROJECT[@]}" devcontainer-cache:preload "$@" >"$WORK/$name.log" 2>&1 \
    || { echo "mvn preload $* failed:" >&2; tail -n 30 "$WORK/$name.log" >&2; return 1; }
  uses_path "$WORK/$name.log" "$path"
  same_file "$name"
}
checked mount mount
checked archive archive "$ARCHIVE"
grep -h "Downloading model.bin" "$WORK/mount.log" | head -n 2 || true

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
curl_t=(); mount_t=(); archive_t=(); curl_cp_t=(); again_t=(); validate_t=()
for _ in $(seq 1 "$ROUNDS"); do
  fresh; curl_t+=("$(millis curl_once)"); same_file curl
  fresh; mount_t+=("$(millis preload_mount)"); same_file "preload (mount point)"
  fresh; archive_t+=("$(millis preload_archive)"); same_file "preload (archive API)"
  fresh; curl_cp_t+=("$(millis curl_cp)"); same_file "curl and docker cp"
  again_t+=("$(millis preload_again)")
  validate_t+=("$(millis validate)")
done

echo
echo "load average ($(nproc) cores) before the rounds: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Engine $(docker version -f '{{.Server.Version}}'); plugin $PLUGIN_VERSION; MAVEN_OPTS=${MAVEN_OPTS:-(none)};" \
  "file $MB MiB; server $([ "$RATE" = 0 ] && echo 'at full speed' || echo "at most $RATE MiB/s")"
echo
echo "| measurement | median of $ROUNDS (ms) | all runs (ms) | peak RSS of mvn, largest (MB) |"
echo "| --- | --- | --- | --- |"
row "curl -s -o MOUNTPOINT/model.bin" curl_t
row "plugin preload, mount point" mount_t mount
row "plugin preload, archive API" archive_t archive
row "curl -s -o FILE, then docker cp FILE CONTAINER:/cache/" curl_cp_t
row "plugin preload again, the file there (verified, nothing downloaded)" again_t again
row "mvn validate (Maven's own start-up: the floor of any goal)" validate_t validate
echo
echo "| ratio of the medians | ratio | target | met |"
echo "| --- | --- | --- | --- |"
verdict "preload, mount point / curl -o" mount_t curl_t 1.2
verdict "preload, archive API / curl -o" archive_t curl_t ""
verdict "preload, archive API / (curl -o, then docker cp)" archive_t curl_cp_t ""
floor=$(( $(median "${validate_t[@]}") + $(median "${curl_t[@]}") ))
floor_t=("$floor")
verdict "the floor: (mvn validate + curl -o) / curl -o" floor_t curl_t ""
largest="$(max_mb "$WORK"/rss/*)"
echo
echo "peak resident size of the whole mvn process, largest of every goal and run: $largest MB" \
  "(target at most 400 MB: $([ "$largest" -le 400 ] && echo met || echo not met))"
