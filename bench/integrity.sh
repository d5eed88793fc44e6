#!/usr/bin/env bash
# check -Ddevcontainer-cache.verifyIntegrity=true of two real caches, side by side in one run with the host's own
# commands for the same files. Every goal runs as a user runs it: the whole mvn process, default JVM settings.
#
#   scripts/with-engine.sh bench/integrity.sh [ROUNDS]      (default 3)
#
# 1. A Maven local repository of about 1 GB: the files of ~/.m2/repository (SOURCE_REPO names another), copied into
#    a volume as many times as it takes to reach 1 GB, under repository/a/, repository/b/, ...; the volume is
#    declared with <target>/home/vscode/.m2</target> (kind maven, its layout in repository/). Rows, each round in
#    this order:
#      host pass: cat of every file the check reads (every artifact file and its .sha1/.sha256 sidecars: all but
#        _remote.repositories, maven-metadata*, *.lastUpdated, *.md5, *.asc, *.sha512) on the mount point
#      check on the mount point (root on the engine's host)       target: at most 1.25x the host pass
#      check through the archive API (-Ddevcontainer-cache.readMountPoints=false: what a non-root user, Docker
#        Desktop, rootless engines and Podman get)
#      mvn validate of the same project: Maven's own start-up, the floor of any goal
#    and the ratios of both checks to the host pass and to the floor plus the host pass (mvn validate + cat: the
#    least any goal that reads those files can take).
# 2. An npm cache of about 400 MB: `npm cache add` of 43 real packages (tarballs and the registry's documents,
#    several large: next and its swc binary, googleapis, three, typescript...), downloaded once into NPM_CACHE
#    (default /tmp/devcontainer-cache-bench/npm; kept for the next run, downloaded again only when the list
#    changes) and copied to the root of a volume declared with <target>/home/node/.npm</target> (kind npm). Rows:
#      npm cache verify --cache COPY, on a fresh copy each round (verify rewrites the index; the copy is not timed)
#      check on the mount point                                    target: at most 1.0x npm cache verify
#      check through the archive API                               target: at most 1.0x npm cache verify
#      mvn validate of the same project, the floor
# and the peak resident size of every mvn process (target: at most 400 MB). Everything is warm: each command runs
# once, untimed, before the rounds (the files are then in the page cache for every row alike: the caches take about
# 1.5 GB, well within this machine's memory). Needs root and the engine on this host (the caches are written on
# their mount points, cat reads there); uses volumes of its own (bench-integrity-<id>-...) and removes them on exit.
# The plugin must be installed in the local repository already (it is installed, tests skipped, only when missing).
set -euo pipefail
ROUNDS="${1:-3}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ID="bench-integrity-$(date +%s)-$$"
WORK="$(mktemp -d)"
SOURCE_REPO="${SOURCE_REPO:-$HOME/.m2/repository}"
NPM_CACHE="${NPM_CACHE:-/tmp/devcontainer-cache-bench/npm}"
# shellcheck source=lib/seed-caches.sh
. "$ROOT/bench/lib/seed-caches.sh"
# shellcheck source=lib/goals.sh
. "$ROOT/bench/lib/goals.sh"

NPM_PACKAGES=(
  typescript@5.9.2 typescript@5.4.5 typescript@4.9.5 @types/node@22.15.3 lodash@4.17.21 rxjs@7.8.2 date-fns@4.1.0
  date-fns@2.30.0 moment@2.30.1 three@0.180.0 three@0.160.0 next@15.5.4 next@14.2.33 @next/swc-linux-x64-gnu@15.5.4
  @next/swc-linux-x64-gnu@14.2.33 googleapis@160.0.0 monaco-editor@0.53.0 aws-sdk@2.1692.0 react@19.1.1
  react-dom@19.1.1 vue@3.5.22 @angular/core@20.3.2 svelte@5.39.6 webpack@5.102.0 esbuild@0.25.10
  @esbuild/linux-x64@0.25.10 @swc/core-linux-x64-gnu@1.13.5 prettier@3.6.2 eslint@9.36.0 @babel/core@7.28.4
  sass@1.93.2 echarts@6.0.0 pdfjs-dist@5.4.149 @fortawesome/fontawesome-free@7.0.1 bootstrap@5.3.8 @mui/material@7.3.2
  playwright-core@1.55.1 jquery@3.7.1 axios@1.12.2 express@5.1.0 @biomejs/cli-linux-x64@2.2.4 katex@0.16.22
  plotly.js-dist@3.1.0
)

cleanup() {
  remove_own "$ID"
  rm -rf "$WORK"
}
trap cleanup EXIT

PLUGIN_VERSION="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$ROOT/pom.xml" | head -n 1)"
PLUGIN_JAR="$HOME/.m2/repository/io/github/devcontainercache/devcontainer-cache-maven-plugin/$PLUGIN_VERSION/devcontainer-cache-maven-plugin-$PLUGIN_VERSION.jar"
if [ ! -f "$PLUGIN_JAR" ]; then
  echo "The plugin is not installed: installing it (tests skipped)..."
  install_plugin "$ROOT"
fi

echo "The npm cache of ${#NPM_PACKAGES[@]} packages, in $NPM_CACHE..."
if [ -d "$NPM_CACHE/cache/_cacache" ] && [ "$(cat "$NPM_CACHE/packages.txt" 2>/dev/null)" = "${NPM_PACKAGES[*]}" ]; then
  echo "  there already: not downloaded again"
else
  rm -rf "$NPM_CACHE"
  mkdir -p "$NPM_CACHE"
  npm cache add --cache "$NPM_CACHE/cache.partial" --loglevel=error --no-update-notifier "${NPM_PACKAGES[@]}"
  mv "$NPM_CACHE/cache.partial" "$NPM_CACHE/cache"
  echo "${NPM_PACKAGES[*]}" > "$NPM_CACHE/packages.txt"
fi

echo "Filling the volumes..."
M2_VOLUME="$ID-m2"
NPM_VOLUME="$ID-npm"
docker volume create "$M2_VOLUME" >/dev/null
docker volume create "$NPM_VOLUME" >/dev/null
M2="$(docker volume inspect -f '{{.Mountpoint}}' "$M2_VOLUME")"
NPM="$(docker volume inspect -f '{{.Mountpoint}}' "$NPM_VOLUME")"
[ -w "$M2" ] && [ -w "$NPM" ] || { echo "The mount points are not writable here: run this as root, with the engine on this host." >&2; exit 1; }
source_kb="$(du -sk "$SOURCE_REPO" | cut -f1)"
copies=$(( (1000 * 1024 + source_kb - 1) / source_kb ))
[ "$copies" -ge 1 ] || copies=1
PREFIXES=(a b c d e f g h)
for prefix in "${PREFIXES[@]:0:$copies}"; do
  mkdir -p "$M2/repository/$prefix"
  cp -a "$SOURCE_REPO/." "$M2/repository/$prefix/"
done
cp -a "$NPM_CACHE/cache/." "$NPM/"

# the files the Maven check reads (MavenReader: all but these), for the host pass
read_by_check() {
  find "$M2/repository" -type f ! -name _remote.repositories ! -name 'maven-metadata*' ! -name '*.lastUpdated' \
    ! -name '*.md5' ! -name '*.asc' ! -name '*.sha512' -print0
}
summary() { awk '{n++; s+=$1} END {printf "%d files, %.0f MB", n, s / 1000000}'; }
echo "Maven repository ($copies copies of $SOURCE_REPO): $(find "$M2" -type f -printf '%s\n' | summary)," \
  "of which the check reads $(read_by_check | xargs -0 stat -c %s | summary)," \
  "$(read_by_check | grep -zc '\.\(jar\|war\|ear\|zip\|aar\|hpi\|jpi\|nbm\|rar\|kar\)$') zips among them"
echo "npm cache: $(find "$NPM" -type f -printf '%s\n' | summary)," \
  "$(find "$NPM/_cacache/content-v2" -type f | wc -l) content files"

write_project "$WORK/maven" "$M2_VOLUME:/home/vscode/.m2"
write_project "$WORK/npm" "$NPM_VOLUME:/home/node/.npm"
ARCHIVE=-Ddevcontainer-cache.readMountPoints=false
VERIFY=-Ddevcontainer-cache.verifyIntegrity=true
mkdir -p "$WORK/rss"

host_cat() { read_by_check | xargs -0 cat >/dev/null; }
m2_mount() { timed_mvn "$WORK/rss/m2-mount" -f "$WORK/maven/pom.xml" devcontainer-cache:check "$VERIFY"; }
m2_archive() { timed_mvn "$WORK/rss/m2-archive" -f "$WORK/maven/pom.xml" devcontainer-cache:check "$VERIFY" "$ARCHIVE"; }
m2_validate() { timed_mvn "$WORK/rss/m2-validate" -f "$WORK/maven/pom.xml" validate; }
fresh_npm_copy() { rm -rf "$WORK/npm-copy" && cp -a "$NPM_CACHE/cache" "$WORK/npm-copy"; }
npm_verify() { npm cache verify --cache "$WORK/npm-copy" --no-update-notifier; }
npm_mount() { timed_mvn "$WORK/rss/npm-mount" -f "$WORK/npm/pom.xml" devcontainer-cache:check "$VERIFY"; }
npm_archive() { timed_mvn "$WORK/rss/npm-archive" -f "$WORK/npm/pom.xml" devcontainer-cache:check "$VERIFY" "$ARCHIVE"; }
npm_validate() { timed_mvn "$WORK/rss/npm-validate" -f "$WORK/npm/pom.xml" validate; }

echo "Running each command once, untimed, to warm up (the check's output shows what it verified)..."
# check says nothing of the path it read the content by: the engine's events tell it, as the archive API path
# mounts the volume in a helper container and the mount point path mounts it nowhere (other users of the same
# engine do not count: only the mounts of this run's volume do)
volume_mounts() {
  docker events --since "$1" --until "$(date +%s)" --filter type=volume --filter event=mount --filter volume="$2" \
    --format '{{.Actor.Attributes.container}}' | wc -l
}
checked() {
  local name="$1" path="$2" volume="$3" since mounts
  shift 3
  since="$(date +%s)"
  mvn -B -Dstyle.color=never "$@" >"$WORK/$name.log" 2>&1 \
    || { echo "mvn $* failed:" >&2; grep -v '^\[INFO\] *$' "$WORK/$name.log" | tail -n 40 >&2; return 1; }
  sleep 1 # the events of the last second
  mounts="$(volume_mounts "$since" "$volume")"
  case "$path" in
    mount) [ "$mounts" -eq 0 ] ;;
    archive) [ "$mounts" -gt 0 ] ;;
  esac || { echo "expected the $path path; the engine mounted $volume $mounts times; the goal's output was:" >&2
            tail -n 30 "$WORK/$name.log" >&2; return 1; }
  echo "  $name: $path path (the engine mounted the volume in $mounts helper containers)"
  grep -i "files checked\|broken\|does not\|cannot\|exception\|WARN\|ERROR" "$WORK/$name.log" | sed "s/^/  $name: /" || true
}
host_cat
checked m2-mount mount "$M2_VOLUME" -f "$WORK/maven/pom.xml" devcontainer-cache:check "$VERIFY"
checked m2-archive archive "$M2_VOLUME" -f "$WORK/maven/pom.xml" devcontainer-cache:check "$VERIFY" "$ARCHIVE"
m2_validate >/dev/null 2>&1
fresh_npm_copy
npm_verify | sed 's/^/  npm cache verify: /'
checked npm-mount mount "$NPM_VOLUME" -f "$WORK/npm/pom.xml" devcontainer-cache:check "$VERIFY"
checked npm-archive archive "$NPM_VOLUME" -f "$WORK/npm/pom.xml" devcontainer-cache:check "$VERIFY" "$ARCHIVE"
npm_validate >/dev/null 2>&1
rm -f "$WORK"/rss/*

echo "Measuring $ROUNDS rounds of each, alternating..."
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
# the share of the time runnable tasks waited for a CPU (others' work on this machine shows there, not in ps)
cpu_wait() { [ -r /proc/pressure/cpu ] && sed -n 's/^some avg10=[^ ]* avg60=\([^ ]*\).*/\1/p' /proc/pressure/cpu; }
pressure_before="$(cpu_wait || true)"
cat_t=(); m2_mount_t=(); m2_archive_t=(); m2_validate_t=()
verify_t=(); npm_mount_t=(); npm_archive_t=(); npm_validate_t=()
for _ in $(seq 1 "$ROUNDS"); do
  cat_t+=("$(millis host_cat)")
  m2_mount_t+=("$(millis m2_mount)")
  m2_archive_t+=("$(millis m2_archive)")
  m2_validate_t+=("$(millis m2_validate)")
  fresh_npm_copy
  verify_t+=("$(millis npm_verify)")
  npm_mount_t+=("$(millis npm_mount)")
  npm_archive_t+=("$(millis npm_archive)")
  npm_validate_t+=("$(millis npm_validate)")
done

pressure="${pressure_before:+; CPU pressure (tasks waiting for a CPU, % of the last minute) before: $pressure_before, after: $(cpu_wait)}"
# the median and every run in seconds, and the largest peak resident size in $WORK/rss/RSS
seconds() { awk -v ms="$1" 'BEGIN {printf "%.2f", ms / 1000}'; }
row_s() {
  local label="$1" rss="${3:-}" all="" run
  local -n runs="$2"
  for run in "${runs[@]}"; do all+="${all:+ }$(seconds "$run")"; done
  echo "| $label | $(seconds "$(median "${runs[@]}")") | $all | ${rss:+$(max_mb "$WORK/rss/$rss")} |"
}

echo
echo "load average ($(nproc) cores) before the rounds: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)$pressure"
echo "Engine $(docker version -f '{{.Server.Version}}'); plugin $PLUGIN_VERSION; $(mvn -v 2>/dev/null | head -n 1);" \
  "npm $(npm --version); MAVEN_OPTS=${MAVEN_OPTS:-(none)}; warm: every command ran once, untimed, before the rounds"
echo
echo "| Maven repository, ~1 GB | median of $ROUNDS (s) | all runs (s) | peak RSS of mvn, largest (MB) |"
echo "| --- | --- | --- | --- |"
row_s "host pass: find ... \\| xargs -0 cat >/dev/null, the files the check reads, mount point" cat_t
row_s "check -Ddevcontainer-cache.verifyIntegrity=true, mount point" m2_mount_t m2-mount
row_s "the same, archive API (-Ddevcontainer-cache.readMountPoints=false)" m2_archive_t m2-archive
row_s "mvn validate of the same project (Maven's own start-up: the floor)" m2_validate_t m2-validate
m2_floor_t=("$(( $(median "${m2_validate_t[@]}") + $(median "${cat_t[@]}") ))")
row_s "the floor + the host pass (sum of the medians)" m2_floor_t
echo
echo "| npm cache, ~400 MB | median of $ROUNDS (s) | all runs (s) | peak RSS of mvn, largest (MB) |"
echo "| --- | --- | --- | --- |"
row_s "npm cache verify --cache COPY (a fresh copy each round, the copy not timed)" verify_t
row_s "check -Ddevcontainer-cache.verifyIntegrity=true, mount point" npm_mount_t npm-mount
row_s "the same, archive API (-Ddevcontainer-cache.readMountPoints=false)" npm_archive_t npm-archive
row_s "mvn validate of the same project (the floor)" npm_validate_t npm-validate
echo
echo "| ratio of the medians | ratio | target | met |"
echo "| --- | --- | --- | --- |"
verdict "Maven check, mount point / host pass" m2_mount_t cat_t 1.25
verdict "Maven check, archive API / host pass" m2_archive_t cat_t 1.25
verdict "Maven check, mount point / (floor + host pass)" m2_mount_t m2_floor_t 1.25
verdict "Maven check, archive API / (floor + host pass)" m2_archive_t m2_floor_t 1.25
verdict "the floor: (mvn validate + host pass) / host pass" m2_floor_t cat_t ""
verdict "npm check, mount point / npm cache verify" npm_mount_t verify_t 1.0
verdict "npm check, archive API / npm cache verify" npm_archive_t verify_t 1.0
verdict "the floor: mvn validate / npm cache verify" npm_validate_t verify_t ""
largest="$(max_mb "$WORK"/rss/*)"
echo
echo "peak resident size of the whole mvn process, largest of every goal and run: $largest MB" \
  "(target at most 400 MB: $([ "$largest" -le 400 ] && echo met || echo not met))"
