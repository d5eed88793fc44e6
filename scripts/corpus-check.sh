#!/usr/bin/env bash
# Runs discovery over the corpus of real dev container configurations in ../shared/corpus/devcontainer (or the
# folder given) and compares every volume, target and line with the corpus's EXPECTED.json. Needs no engine.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS="${1:-../shared/corpus/devcontainer}"
if [ ! -d "$CORPUS" ]; then
  echo "No corpus at $CORPUS: nothing to check (it sits in shared/ beside the checkout)."
  exit 0
fi
mvn -B -q -Dstyle.color=never test-compile -Dinvoker.skip=true
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=target/corpus-classpath.txt >/dev/null
echo "Discovery over the corpus in $CORPUS:"
java -cp "target/classes:target/test-classes:$(cat target/corpus-classpath.txt)" \
  io.github.devcontainercache.caches.discovery.CorpusCheck "$CORPUS"
