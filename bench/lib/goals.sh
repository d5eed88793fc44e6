# Sourced by the benchmarks that run the plugin's goals as a user does (the whole mvn process, default JVM
# settings: no -Xmx), beside the engine's own commands.
#   install_plugin ROOT            installs the plugin (tests skipped); sets PLUGIN_VERSION
#   write_project DIR VOLUME[:TARGET]...
#                                  DIR/pom.xml: a project that declares the volumes as caches, mounted at TARGET
#                                  in the dev container (which tells their kind), no discovery
#   timed_mvn RSS_FILE ARGS...     mvn -B -q ARGS (MVN names another Maven's mvn); appends the peak resident size of
#                                  the process (kB) to RSS_FILE
#   uses_path LOG archive|mount    fails unless the output LOG of a goal (run without -q) shows that path
#   max_mb RSS_FILE...             the largest peak resident size in the files, in MB
#   row LABEL RUNS [RSS]           a table row: LABEL, the median and every value of the array named RUNS, and the
#                                  largest peak resident size in $WORK/rss/RSS
#   verdict LABEL A B [TARGET]     a table row: the ratio of the medians of the arrays named A and B, and whether
#                                  it is at most TARGET (median and ratio come from seed-caches.sh)
#   empty_image NAME DIR           an image of one file, for containers that are never started and only hold volumes
#   shell_image NAME DIR           a busybox image (sh, du, ls) from Debian's busybox-static, as shellImage() of
#                                  src/it/lib/engine.groovy makes it
#   engine_socket                  the unix socket DOCKER_HOST names
#   remove_own PREFIX              removes the containers, volumes and images named PREFIX-..., nothing else
# MAVEN_OPTS is passed on as it is: the benchmarks set none.

install_plugin() {
  mvn -B -q -Dstyle.color=never -f "$1/pom.xml" install -DskipTests -Dinvoker.skip=true
  PLUGIN_VERSION="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$1/pom.xml" | head -n 1)"
}


write_project() {
  local dir="$1" caches="" cache
  shift
  for cache in "$@"; do
    caches+="<cache><volume>${cache%%:*}</volume>"
    [ "$cache" = "${cache#*:}" ] || caches+="<target>${cache#*:}</target>"
    caches+="</cache>"
  done
  mkdir -p "$dir"
  cat > "$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>$(basename "$dir")</artifactId><version>1</version><packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>io.github.devcontainercache</groupId><artifactId>devcontainer-cache-maven-plugin</artifactId>
    <version>$PLUGIN_VERSION</version>
    <configuration><discover>false</discover><caches>$caches</caches></configuration>
  </plugin></plugins></build>
</project>
POM
}

timed_mvn() {
  local rss="$1"
  shift
  /usr/bin/time -a -f %M -o "$rss" "${MVN:-mvn}" -B -q -Dstyle.color=never "$@"
}

uses_path() {
  local log="$1" path="$2"
  case "$path" in
    archive) grep -q "archive API\|by the engine" "$log" && ! grep -q "mount point" "$log" ;;
    mount) grep -q "mount point" "$log" ;;
  esac || { echo "expected the $path path; the goal's output was:" >&2; tail -n 30 "$log" >&2; return 1; }
}

max_mb() { cat "$@" | sort -n | tail -n 1 | awk '{printf "%d", $1 / 1024}'; }

row() {
  local label="$1" rss="${3:-}"
  local -n runs="$2"
  echo "| $label | $(median "${runs[@]}") | ${runs[*]} | ${rss:+$(max_mb "$WORK/rss/$rss")} |"
}

verdict() {
  local label="$1" target="${4:-}" r
  local -n a="$2" b="$3"
  r="$(ratio "$(median "${a[@]}")" "$(median "${b[@]}")")"
  echo "| $label | ${r}x | ${target:+at most ${target}x} | ${target:+$(awk -v r="$r" -v t="$target" 'BEGIN {print (r <= t ? "yes" : "no")}')} |"
}

empty_image() {
  mkdir -p "$2/empty-rootfs" && echo bench > "$2/empty-rootfs/bench"
  tar -cf - -C "$2/empty-rootfs" . | docker import - "$1" >/dev/null
}

shell_image() {
  [ -x /bin/busybox ] || { echo "needs /bin/busybox: apt-get install busybox-static" >&2; return 1; }
  mkdir -p "$2/shell-rootfs/bin"
  cp /bin/busybox "$2/shell-rootfs/bin/busybox"
  local applet
  for applet in sh du ls; do ln -sf busybox "$2/shell-rootfs/bin/$applet"; done
  tar -cf - -C "$2/shell-rootfs" . | docker import -c 'ENV PATH=/bin' - "$1" >/dev/null
}

engine_socket() {
  case "${DOCKER_HOST:-}" in
    unix://*) echo "${DOCKER_HOST#unix://}" ;;
    *) echo "needs the engine's unix socket in DOCKER_HOST (unix://...); it is '${DOCKER_HOST:-}'" >&2; return 1 ;;
  esac
}

remove_own() {
  docker ps -a --format '{{.Names}}' | grep "^$1-" | xargs -r docker rm -f >/dev/null 2>&1 || true
  docker volume ls -q | grep "^$1-" | xargs -r docker volume rm -f >/dev/null 2>&1 || true
  docker images --format '{{.Repository}}:{{.Tag}}' | grep "^$1-" | xargs -r docker rmi -f >/dev/null 2>&1 || true
}
