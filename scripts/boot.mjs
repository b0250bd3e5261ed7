// Trunk post-build hook (release builds): the app starts after the page has painted.
// Every page is pre-rendered, so the wasm is needed for navigation, not for reading; Trunk's
// boot script and preloads would start 150 KB of downloads alongside the page's stylesheet.
// This replaces them with `boot-<hash>.js`, which imports the app once the page has loaded
// and painted.
// (An external script also leaves the Content-Security-Policy without any inline hash.)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
const inline = html.match(/<script type="module">([\s\S]*?)<\/script>\s*/);
const js = inline?.[1].match(/from '([^']+\.js)'/)?.[1];
const wasm = inline?.[1].match(/module_or_path: '([^']+\.wasm)'/)?.[1];
if (!js || !wasm) throw new Error(`${file}: Trunk's boot script was not found or has changed`);

const boot = `// Starts Election Center once the pre-rendered page has loaded and painted (see scripts/boot.mjs).
const start = () => import('${js}').then((app) => app.default({ module_or_path: '${wasm}' }));
const afterPaint = () => requestAnimationFrame(() => setTimeout(start));
if (document.readyState === 'complete') afterPaint();
else addEventListener('load', afterPaint, { once: true });
`;
const name = `boot-${createHash('sha256').update(boot).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, name), boot);
html = html
  .replace(inline[0], '')
  .replace(/<link rel="modulepreload"[^>]*>/g, '')
  .replace(/<link rel="preload"[^>]*type="application\/wasm"[^>]*>/g, '')
  .replace('</head>', `<script type="module" src="/${name}"></script>\n</head>`);
writeFileSync(file, html);
