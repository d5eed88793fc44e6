#!/usr/bin/env node
// Opens a report.html in a real browser (Debian's headless chromium, driven by playwright-core) and checks what a
// reader sees: one visible bar per cache in order, with its name and size, the over-budget ones marked, the table's
// rows, no console error, and no request at all (the page must need no network and no other file). Saves a full-page
// screenshot.
//
//   node report-page.cjs REPORT_HTML SCREENSHOT_PNG EXPECTED_JSON
//
// EXPECTED_JSON: {"bars":[{"volume":"v1","size":"53.8 KiB","overBudget":true}, ...]}, "size" as the bar prints it
// ("missing" for a missing cache). Exit 0 when every check holds, 1 with every failed check, 2 when the tools are
// missing (scripts/browser-tools.sh installs them and prints DCC_PLAYWRIGHT_CORE and DCC_CHROMIUM).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

const VIEWPORT = { width: 1200, height: 800 };
// Without the networking switches chromium calls Google's hosts at start; a closed network refuses them and slows it.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];
const INSTALL_HINT = 'Install them with: eval "$(scripts/browser-tools.sh)" (sets DCC_PLAYWRIGHT_CORE and DCC_CHROMIUM)';

/** The tools are missing or do not work together: nothing was checked (exit 2). */
class Unusable extends Error {}

function unusable(message) {
  throw new Unusable(message);
}

function usage() {
  console.error('usage: node report-page.cjs REPORT_HTML SCREENSHOT_PNG EXPECTED_JSON');
  process.exit(2);
}

function loadPlaywright() {
  const where = process.env.DCC_PLAYWRIGHT_CORE || 'playwright-core';
  try {
    return require(where);
  } catch (e) {
    return unusable(`playwright-core cannot be loaded from ${where} (${e.code || e.message})`);
  }
}

function chromiumPath() {
  const executable = process.env.DCC_CHROMIUM || '/usr/bin/chromium';
  try {
    fs.accessSync(executable, fs.constants.X_OK);
  } catch (e) {
    unusable(`chromium is not at ${executable} (${e.code})`);
  }
  return executable;
}

/** What the page shows of each bar and of its table, read in the page. */
function readPage() {
  const ownText = (element) => element == null ? null
    : Array.from(element.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
  const box = (element) => {
    if (element == null) return null;
    const r = element.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, width: r.width, height: r.height };
  };
  const shown = (element) => {
    for (let e = element; e instanceof Element; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
    }
    return true;
  };
  const bars = Array.from(document.querySelectorAll('g.dcc-bar')).map((g) => {
    const fill = g.querySelector('rect.dcc-bar-fill');
    const name = g.querySelector('.dcc-bar-name');
    const title = Array.from(g.children).find((c) => c.tagName.toLowerCase() === 'title');
    return {
      volume: g.getAttribute('data-volume'),
      bytes: Number(g.getAttribute('data-bytes')),
      overAttribute: g.getAttribute('data-over-budget'),
      overClass: g.classList.contains('dcc-over'),
      name: ownText(name),
      nameBox: box(name),
      title: title ? title.textContent : '',
      size: g.querySelector('.dcc-bar-size') ? g.querySelector('.dcc-bar-size').textContent : null,
      // what a reader sees on the row: the texts, not the tooltip
      visibleText: Array.from(g.querySelectorAll('text')).map((t) => t.textContent).join(' '),
      fillBox: box(fill),
      fillShown: fill != null && shown(fill),
    };
  });
  return {
    bars,
    tableRows: document.querySelectorAll('table.dcc-table > tbody > tr').length,
    viewportWidth: window.innerWidth,
    pageWidth: document.documentElement.scrollWidth,
    scripts: document.querySelectorAll('script').length,
  };
}

function check(page, expected) {
  const failures = [];
  const fail = (message) => failures.push(message);
  if (page.bars.length !== expected.length) {
    fail(`expected ${expected.length} bars (g.dcc-bar), found ${page.bars.length}`);
  }
  expected.forEach((want, i) => {
    const bar = page.bars[i];
    const at = `bar ${i + 1} (${want.volume})`;
    if (!bar) return;
    if (bar.volume !== want.volume) fail(`${at}: data-volume is ${JSON.stringify(bar.volume)}`);
    const cut = bar.name != null && bar.name.endsWith('…');
    if (cut ? !(want.volume.startsWith(bar.name.slice(0, -1)) && bar.title.includes(want.volume))
      : bar.name !== want.volume) {
      fail(`${at}: its name shows ${JSON.stringify(bar.name)}${cut ? ` and its title ${JSON.stringify(bar.title)}` : ''}`);
    }
    if (bar.size == null || !bar.size.includes(want.size)) {
      fail(`${at}: its size shows ${JSON.stringify(bar.size)}, not ${JSON.stringify(want.size)}`);
    }
    const over = Boolean(want.overBudget);
    const expectation = over ? 'expected over budget' : 'not expected over budget';
    if (bar.overClass !== over) fail(`${at}: ${expectation}, but class dcc-over is ${bar.overClass ? 'set' : 'missing'}`);
    if (bar.overAttribute !== String(over)) fail(`${at}: ${expectation}, but data-over-budget="${bar.overAttribute}"`);
    if (bar.visibleText.includes('over budget') !== over) {
      fail(`${at}: ${expectation}, but it ${over ? 'does not show' : 'shows'} "over budget"`
        + ` (${JSON.stringify(bar.visibleText)})`);
    }
    if (!bar.fillBox) {
      fail(`${at}: has no rect.dcc-bar-fill`);
    } else {
      if (bar.bytes > 0 && !(bar.fillBox.width > 0 && bar.fillBox.height > 0 && bar.fillShown)) {
        fail(`${at}: ${bar.bytes} bytes but the bar is not visible (${JSON.stringify(bar.fillBox)})`);
      }
      if (bar.fillBox.left < 0 || bar.fillBox.right > page.viewportWidth) {
        fail(`${at}: the bar runs out of the ${page.viewportWidth} px viewport (${JSON.stringify(bar.fillBox)})`);
      }
    }
    if (!bar.nameBox || bar.nameBox.width <= 0 || bar.nameBox.right > (bar.fillBox ? bar.fillBox.left : Infinity)) {
      fail(`${at}: its name is not visible left of its bar (${JSON.stringify(bar.nameBox)})`);
    }
  });
  if (page.tableRows !== expected.length) {
    fail(`the table (table.dcc-table) has ${page.tableRows} body rows, expected ${expected.length}`);
  }
  if (page.pageWidth > page.viewportWidth) {
    fail(`the page is ${page.pageWidth} px wide, wider than the ${page.viewportWidth} px viewport`);
  }
  if (page.scripts > 0) fail(`the page holds ${page.scripts} script elements`);
  return failures;
}

async function main() {
  const [reportHtml, screenshotPng, expectedJson] = process.argv.slice(2);
  if (!reportHtml || !screenshotPng || !expectedJson) usage();
  const expected = JSON.parse(fs.readFileSync(expectedJson, 'utf8')).bars;
  const pageUrl = pathToFileURL(path.resolve(reportHtml)).href;
  if (!fs.existsSync(reportHtml)) {
    console.error(`report page check failed:\n  no page at ${reportHtml}`);
    process.exit(1);
  }
  const { chromium } = loadPlaywright();
  const executablePath = chromiumPath();

  // a fresh profile every run: nothing a previous run left can change what the page does
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dcc-chromium-'));
  let context;
  try {
    try {
      context = await chromium.launchPersistentContext(profile, {
        executablePath, headless: true, args: CHROMIUM_ARGS, viewport: VIEWPORT, deviceScaleFactor: 1,
      });
    } catch (e) {
      unusable(`chromium at ${executablePath} did not start under playwright-core: ${e.message.split('\n')[0]}`);
    }
    const consoleErrors = [];
    const requests = [];
    const page = context.pages()[0] || await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
    // any request but the page itself is a failure: no network, no other file, not even a favicon
    context.on('request', (request) => {
      if (request.url().split('#')[0] !== pageUrl) requests.push(`${request.method()} ${request.url()}`);
    });

    const started = process.hrtime.bigint();
    await page.goto(pageUrl, { waitUntil: 'load', timeout: 30000 });
    // two frames: the first painted with the page's layout done
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const renderedMs = Number((process.hrtime.bigint() - started) / 1000000n);

    const seen = await page.evaluate(readPage);
    fs.mkdirSync(path.dirname(path.resolve(screenshotPng)), { recursive: true });
    await page.screenshot({ path: screenshotPng, fullPage: true });

    const failures = check(seen, expected);
    consoleErrors.forEach((message) => failures.push(`console error: ${message}`));
    requests.forEach((request) => failures.push(`request made: ${request}`));
    if (failures.length > 0) {
      console.error(`report page check failed (${failures.length}), screenshot ${screenshotPng}:`);
      failures.forEach((message) => console.error(`  ${message}`));
      process.exitCode = 1;
      return;
    }
    const over = expected.filter((bar) => bar.overBudget).length;
    console.log(`report page checked: ${seen.bars.length} bars, ${over} over budget, no console error, no request,`
      + ` rendered in ${renderedMs} ms, screenshot ${screenshotPng}`);
  } finally {
    if (context) await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e) => {
  if (e instanceof Unusable) {
    console.error(`report page not checked: ${e.message}\n${INSTALL_HINT}`);
    process.exit(2);
  }
  console.error(`report page check failed:\n  ${e.stack || e}`);
  process.exit(1);
});
