// Prints raw and brotli sizes of what a voter downloads on first load, and fails when the
// wasm + JS budget is exceeded; then the editor's (dist/editor/, crates/editor), which only
// editors load, on its own address: reported, not budgeted.
// Usage: node scripts/size-report.mjs [dist-dir]
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { brotli, walk } from './compress.mjs';

const BUDGET_WASM_JS_BROTLI = 150 * 1024;

const dist = process.argv[2] ?? 'dist';
const kinds = { wasm: /\.wasm$/, js: /\.js$/, css: /\.css$/, html: /index\.html$/ };
// Scripts no page needs in order to run, listed apart and outside the budget
// (scripts/offline.mjs): the offline worker runs in a context of its own, fetched by the
// browser in the background after the page has loaded (and again only when it changes);
// the offline page's script loads on that page alone, a page of a country's guide that
// voters open to save it.
// The search script, its glue and its wasm (scripts/search.mjs) load when a voter first
// focuses a search field, and on the search page.
const apart = {
  'service worker': /^sw\.js$/,
  'offline page script': /^offline-[0-9a-f]{16}\.js$/,
  'search, on a first focus': /^search-(glue-)?[0-9a-f]{16}\.(js|wasm)$/,
};
const rows = [];
const others = [];
for (const path of walk(dist)) {
  const kind = Object.keys(kinds).find((k) => kinds[k].test(path));
  if (!kind || path.includes(`${dist}/content/`) || path.includes(`${dist}/editor/`)) continue;
  const data = readFileSync(path);
  const file = relative(dist, path);
  const row = { kind, file, raw: data.length, br: brotli(data).length };
  const label = Object.keys(apart).find((k) => apart[k].test(file));
  if (label) others.push({ ...row, kind: label });
  else rows.push(row);
}
// The first load also fetches the country index the home page lists.
const index = readFileSync(`${dist}/content/index.json`);
rows.push({ kind: 'json', file: 'content/index.json', raw: index.length, br: brotli(index).length });

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${'kind'.padEnd(5)} ${'raw KB'.padStart(8)} ${'br KB'.padStart(8)}  file`);
for (const r of rows) console.log(`${r.kind.padEnd(5)} ${kb(r.raw)} ${kb(r.br)}  ${r.file}`);
const sum = (f) => rows.filter(f).reduce((a, r) => ({ raw: a.raw + r.raw, br: a.br + r.br }), { raw: 0, br: 0 });
const code = sum((r) => r.kind === 'wasm' || r.kind === 'js');
const total = sum(() => true);
console.log(`${'wasm+js'.padEnd(5)} ${kb(code.raw)} ${kb(code.br)}  (budget ${BUDGET_WASM_JS_BROTLI / 1024} KB brotli)`);
console.log(`${'total'.padEnd(5)} ${kb(total.raw)} ${kb(total.br)}  first load of /`);
for (const r of others) console.log(`${''.padEnd(5)} ${kb(r.raw)} ${kb(r.br)}  ${r.file} (${r.kind}, not in the budget)`);
// The search indexes, per country and language, beside what they index: the manifest and
// the page bodies it lists (scripts/search.mjs; content::search).
const indexes = [...walk(`${dist}/content`)].filter((p) => p.endsWith('/search.txt'));
if (indexes.length) {
  console.log('\nsearch indexes, fetched on a first focus of a search field (not in the budget):');
  console.log(`${'raw KB'.padStart(8)} ${'br KB'.padStart(8)} ${'pages br'.padStart(9)}  index`);
  for (const path of indexes.sort()) {
    const [, country, lang] = path.match(/content\/([^/]+)\/([^/]+)\/search\.txt$/);
    const data = readFileSync(path);
    const manifest = readFileSync(`${dist}/content/${country}/${lang}.json`);
    const { hub, pages } = JSON.parse(manifest);
    const indexed = [hub, ...pages].reduce((n, p) => n + brotli(readFileSync(`${dist}/content/${country}/${p.body}`)).length, brotli(manifest).length);
    console.log(`${kb(data.length)} ${kb(brotli(data).length)} ${kb(indexed).padStart(9)}  content/${country}/${lang}/search.txt`);
  }
}
// The editor: its own wasm (the checker, the renderer, a time-zone database and the voter
// app's components) and JS, loaded at /<lang>/editor only.
const editor = [...walk(dist)]
  .filter((path) => path.includes(`${dist}/editor/`) && /\.(wasm|js|css)$/.test(path))
  .map((path) => {
    const data = readFileSync(path);
    return { kind: path.split('.').pop(), file: relative(dist, path), raw: data.length, br: brotli(data).length };
  });
if (editor.length) {
  console.log('\nthe editor, loaded only at /<lang>/editor (not in the budget):');
  for (const r of editor) console.log(`${r.kind.padEnd(5)} ${kb(r.raw)} ${kb(r.br)}  ${r.file}`);
  const code = editor.filter((r) => r.kind !== 'css').reduce((a, r) => ({ raw: a.raw + r.raw, br: a.br + r.br }), { raw: 0, br: 0 });
  console.log(`${'wasm+js'.padEnd(5)} ${kb(code.raw)} ${kb(code.br)}  editor`);
}
if (code.br > BUDGET_WASM_JS_BROTLI) {
  console.error(`size budget exceeded: wasm + JS are ${kb(code.br).trim()} KB brotli, over ${BUDGET_WASM_JS_BROTLI / 1024} KB`);
  process.exit(1);
}
