#!/usr/bin/env bash
# Installs what the report page's browser check (src/it/lib/report-page.cjs) needs, and prints the two variables that
# point it there:
#
#   eval "$(scripts/browser-tools.sh)"    # sets DCC_PLAYWRIGHT_CORE and DCC_CHROMIUM
#
# - Debian's chromium, installed with apt-get when /usr/bin/chromium is missing (as root only);
# - playwright-core from the npm registry, pinned to a version that drives that chromium, in a folder every user can
#   read (/opt/devcontainer-cache-tests/browser, or under ~/.cache when /opt cannot be written). It downloads no
#   browser of its own: the machines reach package registries only.
#
# Idempotent: a second run installs nothing and only checks that the pair still works. Only the two assignments go to
# stdout; everything else goes to stderr.
set -euo pipefail

# The newest playwright-core checked against this Debian chromium (150); DCC_PLAYWRIGHT_CORE_VERSION overrides it.
version="${DCC_PLAYWRIGHT_CORE_VERSION:-1.65.2}"
chromium="${DCC_CHROMIUM:-/usr/bin/chromium}"
folder="${DCC_BROWSER_TOOLS:-/opt/devcontainer-cache-tests/browser}"

say() { printf 'browser-tools: %s\n' "$*" >&2; }
fail() { say "$*"; exit 1; }

if [ ! -x "$chromium" ]; then
    if [ "$chromium" != /usr/bin/chromium ]; then
        fail "DCC_CHROMIUM=$chromium is not an executable file"
    fi
    if [ "$(id -u)" -ne 0 ]; then
        fail "chromium is missing; install it as root: apt-get install chromium (then run this script again)"
    fi
    say "installing Debian's chromium"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq chromium >&2
fi
say "$("$chromium" --version 2>/dev/null | head -n 1)"

command -v node >/dev/null || fail "node is missing: apt-get install nodejs npm"

installed() { node -p "require('$1/node_modules/playwright-core/package.json').version" 2>/dev/null || true; }

# /opt, shared by every user; when it lacks this version and this user may not write there, the user's own cache
if [ "$(installed "$folder")" != "$version" ] && ! { mkdir -p "$folder" 2>/dev/null && [ -w "$folder" ]; }; then
    folder="${XDG_CACHE_HOME:-$HOME/.cache}/devcontainer-cache-tests/browser"
    mkdir -p "$folder"
fi
module="$folder/node_modules/playwright-core"

if [ "$(installed "$folder")" != "$version" ]; then
    command -v npm >/dev/null || fail "npm is missing: apt-get install npm"
    say "installing playwright-core@$version into $folder"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$folder" --no-audit --no-fund --save-exact \
        --loglevel=error "playwright-core@$version" >&2
    chmod -R a+rX "$folder"
else
    say "playwright-core@$version already in $folder"
fi

# Proof that this playwright-core drives this chromium: launch it headless, read its version, close it.
DCC_PLAYWRIGHT_CORE="$module" DCC_CHROMIUM="$chromium" node -e '
    const { chromium } = require(process.env.DCC_PLAYWRIGHT_CORE);
    chromium.launch({ executablePath: process.env.DCC_CHROMIUM, headless: true,
        args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"] })
      .then(async (browser) => { console.error("browser-tools: playwright-core drives chromium " + browser.version());
                                 await browser.close(); })
      .catch((e) => { console.error("browser-tools: playwright-core cannot drive " + process.env.DCC_CHROMIUM + ": "
                                    + e.message); process.exit(1); });
' || fail "pick another version with DCC_PLAYWRIGHT_CORE_VERSION=..."

printf 'export DCC_PLAYWRIGHT_CORE=%q\n' "$module"
printf 'export DCC_CHROMIUM=%q\n' "$chromium"
