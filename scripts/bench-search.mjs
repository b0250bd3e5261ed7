// `make bench-search`, Chromium half: the search wasm of a build (dist/search-*.wasm, as
// voters get it) queried in headless Chromium over the indexes the native half wrote to
// target/bench-search/ (the real content's and the synthetic country's), with the result
// parsed as the search script does. Median and p95 per query set; a report, not a test.
// Usage: node scripts/bench-search.mjs [dist] [bench dir]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const dist = process.argv[2] ?? 'dist';
const bench = process.argv[3] ?? 'target/bench-search';
const glue = readdirSync(dist).find((f) => /^search-glue-[0-9a-f]{16}\.js$/.test(f));
const wasm = readdirSync(dist).find((f) => /^search-[0-9a-f]{16}\.wasm$/.test(f));
if (!glue || !wasm) throw new Error(`${dist}: no search wasm; run \`make build\` first`);
const cases = JSON.parse(readFileSync(join(bench, 'cases.json'), 'utf8'));
const RUNS = 30;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
const types = { js: 'text/javascript', wasm: 'application/wasm', txt: 'text/plain; charset=utf-8', html: 'text/html' };
await page.route('http://bench.test/**', (route) => {
  const path = new URL(route.request().url()).pathname;
  const file = path === '/' ? null : path.startsWith('/dist/') ? join(dist, path.slice(6)) : join(bench, decodeURIComponent(path.slice(7)));
  route.fulfill({ body: file ? readFileSync(file) : '<!doctype html><title>bench</title>', contentType: types[(file ?? '.html').split('.').pop()] });
});
await page.goto('http://bench.test/');
const start = await page.evaluate(async ({ glue, wasm }) => {
  const t = performance.now();
  window.search = await import(`/dist/${glue}`);
  await window.search.default({ module_or_path: `/dist/${wasm}` });
  return performance.now() - t;
}, { glue, wasm });
console.log(`chromium: search wasm instantiated in ${start.toFixed(1)} ms`);
const stats = (t) => {
  t.sort((a, b) => a - b);
  const at = (q) => t[Math.round((t.length - 1) * q)];
  return [at(0.5), at(0.95)];
};
for (const { name, file, queries } of cases) {
  const result = await page.evaluate(async ({ file, queries, RUNS }) => {
    const text = await (await fetch(`/bench/${file}`)).text();
    let t = performance.now();
    const searcher = window.search.Searcher.load(text);
    const load = performance.now() - t;
    const times = [];
    const perQuery = [];
    let found = 0;
    for (const q of queries) {
      const mine = [];
      for (let i = 0; i < RUNS; i++) {
        t = performance.now();
        const results = JSON.parse(searcher.query(q));
        mine.push(performance.now() - t);
        if (i === 0) found += results.length > 0;
      }
      times.push(...mine);
      perQuery.push([q, mine]);
    }
    return { pages: searcher.pages(), bytes: text.length, load, times, perQuery, found };
  }, { file, queries, RUNS });
  const [median, p95] = stats(result.times);
  const worst = result.perQuery.map(([q, t]) => [q, stats(t)[1]]).sort((a, b) => b[1] - a[1])[0];
  console.log(`chromium ${name.padEnd(22)} ${String(result.pages).padStart(4)} pages  load ${result.load.toFixed(1).padStart(6)} ms  query median ${median.toFixed(3).padStart(6)} ms  p95 ${p95.toFixed(3).padStart(6)} ms  (slowest p95: ${worst[1].toFixed(3)} ms, "${worst[0]}"; ${result.found}/${queries.length} queries found something)`);
}
await browser.close();
