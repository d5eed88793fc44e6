#!/usr/bin/env bash
# Makes the README's picture of report.html, docs/report-html.png: writes the sample report page (HtmlReportTest), checks
# it in headless chromium (src/it/lib/report-page.cjs: one bar per cache, the over-budget one marked, no console error,
# no request) and takes the full page at a 1200 px wide viewport.
#
#   scripts/report-screenshot.sh            # installs the browser tools first when needed (scripts/browser-tools.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

sample=target/html-report-sample
picture=docs/report-html.png

# The test writes the page and the bars it should show; cheap, and never stale.
mvn -o -q test -Dtest=HtmlReportTest -Dsurefire.failIfNoSpecifiedTests=false >&2

if [ -z "${DCC_PLAYWRIGHT_CORE:-}" ] || [ -z "${DCC_CHROMIUM:-}" ]; then
    eval "$(scripts/browser-tools.sh)"
fi
export DCC_PLAYWRIGHT_CORE DCC_CHROMIUM

node src/it/lib/report-page.cjs "$sample/report.html" "$picture" "$sample/expected.json"
