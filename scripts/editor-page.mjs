// Trunk post-build hook of the editor's build (crates/editor/Trunk.toml). Its page must run
// under a CSP as strict as the site's, and under the site's `_headers` policy, which pins
// only the voter pages' inline script: so Trunk's inline boot script becomes a file,
// `boot-<hash>.js`, and the page gets the site's policy (csp.mjs) as a <meta>. The
// pre-renderer then writes the page at every `/<lang>/editor` (`prerender --editor`).
// Trunk's public URL is relative (`editor/`), resolved against the site's <base href>.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { policy } from './csp.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist/editor';
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? 'editor/';
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
const inline = html.match(/<script type="module">([\s\S]*?)<\/script>\s*/);
const js = inline?.[1].match(/from '[^']*?([^'/]+\.js)'/)?.[1];
const wasm = inline?.[1].match(/module_or_path: '[^']*?([^'/]+\.wasm)'/)?.[1];
if (!js || !wasm) throw new Error(`${file}: Trunk's boot script was not found or has changed`);

// Beside the files it imports: addresses relative to itself.
const boot = `// Starts Election Center's editor (scripts/editor-page.mjs).
import init from './${js}';
init({ module_or_path: new URL('./${wasm}', import.meta.url) });
`;
const name = `boot-${createHash('sha256').update(boot).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, name), boot);
html = html
  .replace(inline[0], `<script type="module" src="${publicUrl}${name}"></script>\n`)
  // The boot script fetches the wasm itself: a preload would be a second request.
  .replace(/<link rel="preload"[^>]*type="application\/wasm"[^>]*>/g, '')
  .replace(/<meta charset=["']?utf-8["']?\s*\/?>/i, (m) => `${m}\n  <meta http-equiv="Content-Security-Policy" content="${policy([])}">`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error(`${file}: an inline script is left`);
writeFileSync(file, html);
