// Lighthouse (mobile profile: simulated slow 4G, 4x CPU slowdown) on pages of a build, next
// to the same pages as plain static HTML (the build's own pages with every script removed):
// how close the pre-rendered app comes to a static site. A report, not a test.
// Usage: node scripts/lcp.mjs [dist] [runs] [path...]   (needs Chromium; installs lighthouse)
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walk } from './compress.mjs';

const [dist = 'dist', runsArg = '3', ...pathArgs] = process.argv.slice(2);
const runs = Number(runsArg);
const paths = pathArgs.length ? pathArgs : ['/en/ro', '/fr/fr/guides/check-a-claim'];
const LIGHTHOUSE = 'lighthouse@12.8.2';
// `simulate` (Lighthouse's default) models the page from an unthrottled trace, and counts every
// request started before first paint (the preloaded wasm) as delaying it; `devtools` really
// throttles the browser. Both are printed.
const METHODS = (process.env.LCP_METHODS ?? 'simulate,devtools').split(',');
let METHOD;

// The static twin: same files, scripts and preloads stripped from every page.
const staticDir = mkdtempSync(join(tmpdir(), 'ec-static-'));
cpSync(dist, staticDir, { recursive: true });
for (const file of walk(staticDir)) {
  if (/\.html\.(br|gz)$/.test(file)) rmSync(file);
  if (!file.endsWith('.html')) continue;
  const html = readFileSync(file, 'utf8')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
  writeFileSync(file, html);
}

const servers = [[dist, 4191], [staticDir, 4192]].map(([dir, port]) =>
  spawn('node', ['tests/e2e/serve.mjs', dir, String(port)], { stdio: 'ignore' }));
await new Promise((r) => setTimeout(r, 800));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function lighthouse(url) {
  const out = execFileSync('npx', ['-y', LIGHTHOUSE, url, '--quiet', '--output=json', '--only-categories=performance',
    `--throttling-method=${METHOD}`, '--chrome-flags=--headless=new --no-sandbox --disable-gpu'], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
  const audits = JSON.parse(out).audits;
  return { lcp: audits['largest-contentful-paint'].numericValue, fcp: audits['first-contentful-paint'].numericValue,
           tbt: audits['total-blocking-time'].numericValue, cls: audits['cumulative-layout-shift'].numericValue };
}

try {
  console.log(`Lighthouse ${LIGHTHOUSE}, mobile, median of ${runs} runs (ms; CLS unitless)`);
  console.log(['throttling', 'page'.padEnd(30), 'served as'.padEnd(12), 'LCP', 'FCP', 'TBT', 'CLS'].join('\t'));
  for (METHOD of METHODS) {
    for (const path of paths) {
      for (const [label, port] of [['app', 4191], ['static HTML', 4192]]) {
        const results = Array.from({ length: runs }, () => lighthouse(`http://127.0.0.1:${port}${path}`));
        const m = (k) => median(results.map((r) => r[k]));
        console.log([METHOD.padEnd(10), path.padEnd(30), label.padEnd(12), m('lcp').toFixed(0), m('fcp').toFixed(0), m('tbt').toFixed(0), m('cls').toFixed(3)].join('\t'));
      }
    }
  }
} finally {
  for (const s of servers) s.kill();
  rmSync(staticDir, { recursive: true, force: true });
}
