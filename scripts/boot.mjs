// Trunk post-build hook (release builds): the app starts after the page has painted.
// Every page is pre-rendered, so the wasm is needed for navigation, not for reading; Trunk's
// boot script and preloads would start 150 KB of downloads alongside the page's stylesheet.
// This replaces them with `boot-<hash>.js`, which imports the app once the page has loaded
// and painted. Before the first paint, a few inline lines apply the settings an embedding
// app passes in the address (`?embed=1&theme=dark`, see EMBEDDING.md), so an embedded page
// never shows the site's header or the wrong theme. Inline, because a script file there
// would block the first paint of every page on a request (Lighthouse measured +270 ms FCP
// on a simulated phone); csp.mjs pins it by hash. They also mark where the offline worker
// may run (`data-offline`, scripts/offline.mjs): not inside an app's webview or another
// site's frame (`?embed=1`), nor from an app's packaged files (a `.html` address), unless
// the host asks with `?offline=1` (EMBEDDING.md says why); and not where browsers have no
// workers. The stylesheet shows the hub's offline link only there.
// In release builds the boot script then also, every byte of it weighed (it counts in the
// voter's budget, scripts/size-report.mjs): registers the worker once the app has started;
// shows, in an <output> (a polite status), the line the worker writes into a page it
// answered from its copy (`data-copy`) or sends when the page's data came from one; and,
// when a new version of the worker waits, offers to reload with it (once it took over,
// every page that ran the old one reloads: none stays on the old guide). The texts are the
// page's (`data-` attributes of <html>, written natively by src/prerender.rs). The
// take-over replaces the body, so a MutationObserver puts the line back.
// Paths follow Trunk's --public-url (a sub-path such as /election-center/).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
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
  const apart = query.get('embed') === '1' || location.pathname.endsWith('.html');
  if (navigator.serviceWorker && (query.get('offline') === '1' || !apart)) root.dataset.offline = '';
}
`;
// A module script runs before the page's load event, so waiting for it is enough.
const start = `import('${js}').then((app) => app.default({ module_or_path: '${wasm}' }))`;
// The app starts after the load event and after the page's first contentful paint: a
// frame after `load` was not always after it (a fast load paints later), and then the
// app's download and compile came before the paint, and on a phone delayed it. Where the
// paint is not reported (an older browser), a frame after `load`; at the latest 2 s after.
const afterPaint = (run) => `addEventListener('load', () => {
  let once = 0;
  const go = () => once++ || setTimeout(${run});
  if (PerformanceObserver.supportedEntryTypes?.includes('paint')) new PerformanceObserver((list, o) => list.getEntriesByName('first-contentful-paint').length && (o.disconnect(), go())).observe({ type: 'paint', buffered: true });
  else requestAnimationFrame(go);
  setTimeout(go, 2000);
}, { once: true });\n`;
const offline = `const d = document, texts = d.documentElement.dataset, sw = navigator.serviceWorker, bar = d.createElement('output');
const say = (...what) => { bar.replaceChildren(...what); bar.textContent ? d.body.append(bar) : bar.remove(); };
new MutationObserver(() => bar.isConnected || !bar.textContent || d.body.append(bar)).observe(d.body, { childList: true });
if (sw) {
  const had = sw.controller;
  say(texts.copy ?? '');
  sw.onmessage = (e) => bar.lastElementChild || say(e.data);
  sw.oncontrollerchange = () => had && location.reload();
}
const offline = () => 'offline' in texts && sw.register('sw.js').then((r) => {
  const ask = () => r.waiting && sw.controller && say(texts.update, ' ', Object.assign(d.createElement('button'), { textContent: texts.reload, onclick: () => r.waiting.postMessage('update') }));
  ask();
  r.onupdatefound = () => r.installing.onstatechange = ask;
}).catch(() => {});
`;
// The search script (scripts/search.mjs), imported when a search field is first focused;
// `/` focuses the header's field (on a keyboard, outside fields).
const searchScript = readdirSync(dir).find((f) => /^search-[0-9a-f]{16}\.js$/.test(f));
const search = searchScript ? `let found;
addEventListener('focusin', (e) => e.target.name == 'q' && (found ??= import('./${searchScript}')));
addEventListener('keydown', (e) => {
  const field = document.querySelector('.search-form input');
  e.key == '/' && field && !e.ctrlKey && !e.metaKey && !e.target.closest?.('input,textarea,select') && (e.preventDefault(), field.focus());
});
` : '';
// "Share this page" (the app's Shell): the Web Share sheet where there is one, else the
// address copied, else shown to copy by hand. The address is the page's public one: the
// canonical address of the page first loaded, less its path, is the site's (so packaged
// files and embedded pages share the public site); plus the current page's path, without
// its query or fragment, so nothing of the visit goes along.
const share = `{
const d = document, canonical = d.querySelector('link[rel=canonical]')?.href;
const here = () => location.pathname.slice(new URL(d.baseURI).pathname.length).replace(/\\.html$/, '').replace(/(^|\\/)index$/, '');
const site = canonical ? canonical.slice(0, canonical.length - here().length) : d.baseURI;
addEventListener('click', (e) => {
  const button = e.target.closest?.('.share button'), out = button?.parentNode.querySelector('output');
  if (!out) return;
  const url = site + here();
  if (navigator.share) return navigator.share({ title: d.title, url }).catch(() => {});
  navigator.clipboard.writeText(url).then(() => (out.textContent = button.dataset.copied), () => (out.textContent = url));
});
}
`;
// A partner's player (`facade` in src/details.rs): nothing is requested from its host
// until the voter asks; then the player goes in the poster's place, inside the facade's
// box, which the app owns and removes with the page. Before the router's handler, which
// would hand the link to an embedding app.
const player = `addEventListener('click', (e) => {
  const link = e.target.closest?.('.facade a');
  if (!link || e.defaultPrevented) return;
  e.preventDefault();
  const frame = Object.assign(document.createElement('iframe'), { className: 'player', src: link.href, title: link.dataset.title, allow: 'fullscreen; picture-in-picture; encrypted-media', referrerPolicy: 'strict-origin-when-cross-origin' });
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-presentation allow-popups');
  link.hidden = true;
  link.after(frame);
  frame.focus();
});
`;
const boot = search + share + player + (process.env.TRUNK_PROFILE === 'release'
  ? `${offline}${afterPaint(`() => ${start}.then(offline)`)}`
  : afterPaint(`() => ${start}`));
const name = `boot-${createHash('sha256').update(boot).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, name), boot);
html = html
  .replace(inline[0], '')
  .replace(/<link rel="modulepreload"[^>]*>/g, '')
  .replace(/<link rel="preload"[^>]*type="application\/wasm"[^>]*>/g, '')
  // Before the stylesheet, so it runs at once rather than after the stylesheet arrives.
  .replace('<title>', `<script>${settings}</script>\n  <title>`)
  // Low: nothing in it is needed for the first paint (it starts the app after the load
  // event). At its default (High) a phone's loader, and Lighthouse's simulation, let it
  // compete with the stylesheet: the app's first paint came 0.15 s after its static twin's.
  .replace('</head>', `<script type="module" src="${publicUrl}${name}" fetchpriority="low"></script>\n</head>`);
writeFileSync(file, html);
