// Trunk post-build hook, the search script (issue #20), in two steps:
// - `node scripts/search.mjs build` (every build, before boot.mjs, which imports the script
//   on a first focus of a search field): crates/search compiled to wasm (release profile),
//   wasm-bindgen's glue, wasm-opt, then `search-<hash>.js` (scripts/search/ui.js pointed at
//   them), `search-glue-<hash>.js` and `search-<hash>.wasm`. None of them is in any page's
//   first load; scripts/size-report.mjs lists them apart from the voter's budget.
// - `node scripts/search.mjs pages` (release builds, after pre-rendering): the search
//   pages (`/<lang>/<country>/search`, documents without the app) load the script.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[3] ?? 'dist';
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? '/';
const here = dirname(new URL(import.meta.url).pathname);
const root = join(here, '..');
const hash = (data) => createHash('sha256').update(data).digest('hex').slice(0, 16);
const NAME = /^search-[0-9a-f]{16}\.js$/;

if (process.argv[2] === 'build') {
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  run('cargo', ['build', '--quiet', '--locked', '--release', '--target', 'wasm32-unknown-unknown', '--package', 'search']);
  const target = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
  const out = join(target, 'search-wasm');
  rmSync(out, { recursive: true, force: true });
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, join(target, 'wasm32-unknown-unknown/release/search.wasm')]);
  // The voter wasm's own wasm-opt flags (index.html).
  run('wasm-opt', ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '-Oz', '--strip-producers', join(out, 'search_bg.wasm'), '-o', join(out, 'search.wasm')]);
  const wasm = readFileSync(join(out, 'search.wasm'));
  const wasmName = `search-${hash(wasm)}.wasm`;
  const glue = readFileSync(join(out, 'search.js'));
  const glueName = `search-glue-${hash(glue)}.js`;
  const ui = readFileSync(join(here, 'search/ui.js'), 'utf8').replace('__GLUE__', glueName).replace('__WASM__', wasmName);
  const uiName = `search-${hash(ui)}.js`;
  // (In place of an earlier run's, when run again by hand on a build.)
  for (const old of readdirSync(dir).filter((f) => /^search-(glue-)?[0-9a-f]{16}\.(js|wasm)$/.test(f))) rmSync(join(dir, old));
  writeFileSync(join(dir, wasmName), wasm);
  writeFileSync(join(dir, glueName), glue);
  writeFileSync(join(dir, uiName), ui);
  console.log(`search: ${uiName}, ${glueName}, ${wasmName} (${wasm.length} bytes)`);
} else if (process.argv[2] === 'pages') {
  const script = readdirSync(dir).find((f) => NAME.test(f));
  if (!script) throw new Error(`${dir}: no search script; run \`search.mjs build\` first`);
  const routes = JSON.parse(readFileSync(join(dir, 'routes.json'), 'utf8'));
  let count = 0;
  for (const route of routes.filter((r) => r.document === 'search')) {
    const file = join(dir, route.file);
    const html = readFileSync(file, 'utf8').replace(/<script type="module" src="[^"]*search-[0-9a-f]{16}\.js"><\/script>\n/, '');
    const withScript = html.replace('</head>', `<script type="module" src="${publicUrl}${script}"></script>\n</head>`);
    if (withScript === html) throw new Error(`${file}: no </head> to add the search script to`);
    writeFileSync(file, withScript);
    count++;
  }
  console.log(`search: ${script} added to ${count} search pages`);
} else {
  throw new Error('usage: node scripts/search.mjs build|pages [dist]');
}
