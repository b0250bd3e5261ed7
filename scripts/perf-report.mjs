// The performance report (issue #19): how close the pre-rendered app comes to a plain static
// site, and what the offline worker gives back. A report, not a test: it prints a markdown
// table and writes it to reports/performance.md (with reports/performance.json, whose
// figures the next run prints beside its own).
//
// For each page, in the same run:
// - Lighthouse mobile (simulated slow 4G, 4× CPU), median of RUNS, for the app and for its
//   static twin (the build's own pages with every script and preload stripped): the four
//   category scores, LCP, FCP, TBT, CLS and the bytes transferred; and the app's LCP without
//   its offline worker and manifest, to show they cost the first paint nothing;
// - in Chromium under the same conditions applied for real (4× CPU slowdown, slow 4G), the
//   app's first visit: the time until `data-app="ready"` (the app has taken the page over),
//   its LCP and where its blocking time goes: the wasm's compile and instantiation, the
//   app's first render, the swap of the static page for it (src/takeover.rs), the rest;
// - a repeat visit, answered by the offline worker, and a cold load with no network at all.
//
// Usage: node scripts/perf-report.mjs [dist] [path...]   (make perf-report; make build first)
// PERF_RUNS (3), PERF_PARTS (lighthouse,browser), PERF_OUT (reports/performance),
// PERF_THROTTLING (simulate, or devtools).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
// The worker's own requests too (Chromium): what a repeat visit really fetches.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
const { chromium } = await import('@playwright/test');
import { walk } from './compress.mjs';

const [dist = 'dist', ...pathArgs] = process.argv.slice(2);
const RUNS = Number(process.env.PERF_RUNS ?? 3);
const PARTS = (process.env.PERF_PARTS ?? 'lighthouse,browser').split(',');
const OUT = process.env.PERF_OUT ?? 'reports/performance';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LIGHTHOUSE = 'lighthouse@12.8.2';
// `simulate` (Lighthouse's default) models a slow phone from an unthrottled load and counts
// every request started before the first paint against it (the app's, which start just
// after it on a fast machine, included); `devtools` throttles the browser for real.
const THROTTLING = process.env.PERF_THROTTLING ?? 'simulate';
// The hub, an election, a guide and the video list, in two languages.
const PATHS = pathArgs.length ? pathArgs : [
  '/en/ro', '/en/ro/elections/presidential-2025', '/en/ro/guides/check-a-claim', '/en/ro/videos',
  '/fr/fr', '/fr/fr/elections/legislative-2024', '/fr/fr/guides/check-a-claim', '/fr/fr/videos',
];
// Lighthouse's mobile profile, as DevTools applies it (lighthouse-core/config/constants.js:
// slow 4G, 150 ms round trips ×3.75, 1.6 Mbit/s ×0.9 down, 750 kbit/s ×0.9 up; 4× CPU).
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
const CPU_SLOWDOWN = 4;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medians = (results) => Object.fromEntries(Object.keys(results[0]).map((k) => [k, median(results.map((r) => r[k]))]));

// A copy of the build with every page changed by `edit`: the static twin (every script and
// preload stripped), or the app without its offline worker and manifest (to show they do
// not delay the first paint: no `sw.js` to register, no manifest link).
function twin(edit, drop = []) {
  const dir = mkdtempSync(join(tmpdir(), 'ec-twin-'));
  cpSync(dist, dir, { recursive: true });
  for (const file of drop) rmSync(join(dir, file), { force: true });
  for (const file of walk(dir)) {
    if (/\.html\.(br|gz)$/.test(file)) rmSync(file);
    if (file.endsWith('.html')) writeFileSync(file, edit(readFileSync(file, 'utf8')));
  }
  return dir;
}
const staticPage = (html) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
const withoutWorker = (html) => html.replace(/<link rel="manifest"[^>]*>\n?/g, '');

function lighthouse(url) {
  const out = execFileSync('npx', ['-y', LIGHTHOUSE, url, '--quiet', '--output=json',
    '--only-categories=performance,accessibility,best-practices,seo', `--throttling-method=${THROTTLING}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu'], { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 << 20 });
  const { audits, categories } = JSON.parse(out);
  const score = (c) => Math.round(categories[c].score * 100);
  return {
    performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo'),
    lcp: audits['largest-contentful-paint'].numericValue, fcp: audits['first-contentful-paint'].numericValue,
    tbt: audits['total-blocking-time'].numericValue, cls: audits['cumulative-layout-shift'].numericValue,
    bytes: audits['total-byte-weight'].numericValue,
  };
}

// Recorded in the page from its first line: the wasm's instantiation (the glue calls
// `WebAssembly.instantiateStreaming`, or `instantiate` where the server's type is wrong),
// every long task, the largest paint, and when the app said it was ready.
const PROBE = () => {
  const w = (window.__perf = { wasm: [], long: [], lcp: 0, ready: 0 });
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      const start = performance.now();
      return original.apply(this, args).then((r) => (w.wasm.push([start, performance.now()]), r));
    };
  }
  new PerformanceObserver((l) => l.getEntries().forEach((e) => w.long.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => (w.lcp = e.startTime))).observe({ type: 'largest-contentful-paint', buffered: true });
  addEventListener('DOMContentLoaded', () => new MutationObserver(() => {
    if (!w.ready && document.body.dataset.app === 'ready') w.ready = performance.now();
  }).observe(document.body, { attributes: true }));
};

/** One load of `url` in `page` under the mobile conditions: its timings, in ms. */
async function visit(page, cdp, url, offline = false) {
  await cdp.send('Network.emulateNetworkConditions', offline ? { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 } : SLOW_4G);
  // Every request of the page and of its worker: what came over the network is what the
  // worker did not answer itself (its own fetches included).
  const requests = [];
  // Read at once: a worker's requests cannot be asked about once it has stopped.
  const record = (request) => requests.push(Promise.all([request.response(), request.sizes()]).catch(() => []));
  page.context().on('requestfinished', record);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__perf.ready > 0, null, { timeout: 60_000 });
  // The largest paint is final once the voter could act; give the observers a frame.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  page.context().off('requestfinished', record);
  const p = await page.evaluate(() => window.__perf);
  let bytes = 0;
  // (A request whose sizes never come, as a video the player stopped, counts for nothing.)
  const late = () => new Promise((resolve) => setTimeout(resolve, 2000, []));
  for (const [response, sizes] of await Promise.all(requests.map((r) => Promise.race([r, late()])))) {
    if (response && !response.fromServiceWorker()) bytes += sizes.responseBodySize;
  }
  const blocking = (tasks) => tasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
  const overlaps = ([s, d], [a, b]) => s < b && s + d > a;
  // The swap is the task the ready mark falls in; the app's first render, the tasks between
  // the wasm's instantiation and it (src/takeover.rs).
  const swap = p.long.filter(([s, d]) => s <= p.ready && p.ready <= s + d + 1);
  const wasm = p.long.filter((t) => !swap.includes(t) && p.wasm.some((span) => overlaps(t, span)));
  const instantiated = Math.max(0, ...p.wasm.map(([, end]) => end));
  const render = p.long.filter((t) => !swap.includes(t) && !wasm.includes(t) && t[0] >= instantiated && t[0] < p.ready);
  const other = p.long.filter((t) => ![swap, wasm, render].some((kind) => kind.includes(t)));
  return {
    ready: p.ready, lcp: p.lcp, kb: bytes / 1024,
    tbt: blocking(p.long), tbtWasm: blocking(wasm), tbtRender: blocking(render), tbtSwap: blocking(swap), tbtOther: blocking(other),
    wasmMs: p.wasm.reduce((sum, [a, b]) => sum + (b - a), 0),
  };
}

/** First visit, repeat visit (the worker answers) and an offline cold load of `url`. */
async function visits(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  await context.addInitScript(PROBE);
  const open = async () => {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    return { page, cdp };
  };
  let { page, cdp } = await open();
  const first = await visit(page, cdp, url);
  // The worker registers after the app starts; the repeat visit is the one it answers.
  await page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 30_000 });
  const repeat = await visit(page, cdp, url);
  await page.close();
  ({ page, cdp } = await open());
  const offline = await visit(page, cdp, url, true);
  await context.close();
  return { first, repeat, offline };
}

function serve(dir, port) {
  return spawn('node', ['tests/e2e/serve.mjs', dir, String(port)], { stdio: 'ignore' });
}

const twins = [twin(staticPage), twin(withoutWorker, ['sw.js', 'sw.js.br', 'sw.js.gz'])];
const servers = [serve(dist, 4191), serve(twins[0], 4192), serve(twins[1], 4193)];
await new Promise((r) => setTimeout(r, 800));
const report = { date: new Date().toISOString(), runs: RUNS, pages: {} };
try {
  const browser = PARTS.includes('browser') ? await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic'] }) : null;
  for (const path of PATHS) {
    const entry = (report.pages[path] = {});
    if (PARTS.includes('lighthouse')) {
      for (const [label, port] of [['app', 4191], ['static', 4192], ['noWorker', 4193]]) {
        entry[label] = medians(Array.from({ length: RUNS }, () => lighthouse(`http://127.0.0.1:${port}${path}`)));
      }
    }
    if (browser) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await visits(browser, `http://127.0.0.1:4191${path}`));
      for (const kind of ['first', 'repeat', 'offline']) entry[kind] = medians(runs.map((r) => r[kind]));
    }
    process.stderr.write(`perf-report: ${path} done\n`);
  }
  await browser?.close();
} finally {
  for (const s of servers) s.kill();
  for (const dir of twins) rmSync(dir, { recursive: true, force: true });
}

// The markdown, with the previous report's figure in brackets where there was one.
const previous = existsSync(`${OUT}.json`) ? JSON.parse(readFileSync(`${OUT}.json`, 'utf8')) : null;
const ms = (v) => (v === undefined ? '' : `${(v / 1000).toFixed(2)} s`);
const blockingMs = (v) => `${Math.round(v)} ms`;
const fmt = { lcp: ms, fcp: ms, ready: ms, tbt: blockingMs, tbtWasm: blockingMs, tbtRender: blockingMs, tbtSwap: blockingMs, tbtOther: blockingMs, cls: (v) => v.toFixed(3), bytes: (v) => `${Math.round(v / 1024)} KB`, kb: (v) => `${Math.round(v)} KB` };
const cell = (path, kind, key) => {
  const now = report.pages[path]?.[kind]?.[key];
  if (now === undefined) return '';
  const show = fmt[key] ?? ((v) => String(Math.round(v)));
  const before = previous?.pages?.[path]?.[kind]?.[key];
  return before === undefined ? show(now) : `${show(now)} (${show(before)})`;
};
const table = (title, columns) => {
  const lines = [`### ${title}`, '', `| page | ${columns.map(([name]) => name).join(' | ')} |`, `|---|${columns.map(() => '---|').join('')}`];
  for (const path of PATHS) lines.push(`| \`${path}\` | ${columns.map(([, kind, key]) => cell(path, kind, key)).join(' | ')} |`);
  return lines.join('\n');
};
const sections = [
  `# Performance report`,
  '',
  `${report.date.slice(0, 10)}, median of ${RUNS} runs. In brackets: the previous report's figure (${previous?.date?.slice(0, 10) ?? 'none'}).`,
  'Every figure is on a simulated mid-range phone: slow 4G, 4× CPU slowdown.',
];
if (PARTS.includes('lighthouse')) {
  sections.push('', table(`Lighthouse ${LIGHTHOUSE} mobile (${THROTTLING} throttling): the app beside its static twin`, [
    ['app LCP', 'app', 'lcp'], ['static LCP', 'static', 'lcp'], ['app FCP', 'app', 'fcp'], ['static FCP', 'static', 'fcp'],
    ['app without worker LCP', 'noWorker', 'lcp'], ['app TBT', 'app', 'tbt'], ['static TBT', 'static', 'tbt'], ['app CLS', 'app', 'cls'], ['app bytes', 'app', 'bytes'], ['static bytes', 'static', 'bytes'],
  ]), '', table('Lighthouse scores (performance / accessibility / best practices / SEO)', [
    ['app perf', 'app', 'performance'], ['app a11y', 'app', 'accessibility'], ['app BP', 'app', 'bestPractices'], ['app SEO', 'app', 'seo'],
    ['static perf', 'static', 'performance'], ['static a11y', 'static', 'accessibility'], ['static BP', 'static', 'bestPractices'], ['static SEO', 'static', 'seo'],
  ]));
  const worst = Math.max(...PATHS.map((p) => report.pages[p].app.lcp / report.pages[p].static.lcp));
  sections.push('', `The app's LCP is at most ${((worst - 1) * 100).toFixed(1)} % over its static twin's.`);
}
if (PARTS.includes('browser')) {
  sections.push('', table('In Chromium, throttled for real: until the app is ready, and where its blocking time goes', [
    ['ready', 'first', 'ready'], ['LCP', 'first', 'lcp'], ['TBT', 'first', 'tbt'], ['TBT: wasm compile', 'first', 'tbtWasm'],
    ['TBT: first render', 'first', 'tbtRender'], ['TBT: swap', 'first', 'tbtSwap'], ['TBT: other', 'first', 'tbtOther'], ['transferred', 'first', 'kb'],
  ]), '', table('Repeat visit (answered by the offline worker) and an offline cold load', [
    ['first ready', 'first', 'ready'], ['repeat ready', 'repeat', 'ready'], ['repeat LCP', 'repeat', 'lcp'], ['repeat transferred', 'repeat', 'kb'],
    ['offline ready', 'offline', 'ready'], ['offline LCP', 'offline', 'lcp'],
  ]));
}
const markdown = `${sections.join('\n')}\n`;
console.log(markdown);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(`${OUT}.md`, markdown);
writeFileSync(`${OUT}.json`, `${JSON.stringify(report, null, 1)}\n`);
