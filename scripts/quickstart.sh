#!/usr/bin/env bash
# Builds and installs the plugin (without its tests), then runs it on examples/radio: creates the seed's two
# caches where they are missing and checks them. Run it through scripts/with-engine.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests -Dinvoker.skip=true
mvn -B -f examples/radio/pom.xml devcontainer-cache:create validate
