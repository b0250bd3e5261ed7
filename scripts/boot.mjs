// Trunk post-build hook (release builds): the app starts after the page has painted.
// Every page is pre-rendered, so the wasm is needed for navigation, not for reading; Trunk's
// boot script and preloads would start 150 KB of downloads alongside the page's stylesheet.
// This replaces them with `boot-<hash>.js`, which imports the app once the page has loaded
// and painted. Before the first paint, a few inline lines apply the settings an embedding
// app passes in the address (`?embed=1&theme=dark`, see EMBEDDING.md), so an embedded page
// never shows the site's header or the wrong theme. Inline, because a script file there
// would block the first paint of every page on a request (Lighthouse measured +270 ms FCP
// on a simulated phone); csp.mjs pins it by hash.
// Paths follow Trunk's --public-url (a sub-path such as /election-center/).
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

const publicUrl = process.env.TRUNK_PUBLIC_URL ?? '/';
const settings = `
{
  const query = new URLSearchParams(location.search);
  const root = document.documentElement;
  // Scripts run: what only works with them (the video filters) takes its place now.
  root.dataset.js = '';
  if (query.get('embed') === '1') root.dataset.embed = '';
  const theme = query.get('theme');
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
}
`;
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
  // Before the stylesheet, so it runs at once rather than after the stylesheet arrives.
  .replace('<title>', `<script>${settings}</script>\n  <title>`)
  .replace('</head>', `<script type="module" src="${publicUrl}${name}"></script>\n</head>`);
writeFileSync(file, html);
