// Election Center's offline worker (issue #19): the guide opens without a connection, in a
// queue or a basement, on a phone with no data left. scripts/offline.mjs writes it into the
// build as `sw.js`, with the build's `BUILD` (its version, the app shell to keep, its hashed
// files) above this text. The boot script registers it after the app has started, where it
// may run (`data-offline`, scripts/boot.mjs); the offline page registers it when a voter
// saves a country's guide (scripts/offline/page.js). HOSTING.md: served `no-cache`.
//
// What it keeps, in caches named after the site's path (two builds on one origin never mix):
// - `… shell <version>`: the app shell, fetched when it installs (the boot and app scripts,
//   the wasm, the stylesheet come from the HTTP cache: no extra download), replaced by the
//   next version's when the voter accepts it;
// - `… pages`: every page, data file and image the voter opened (the newest few hundred);
// - `… saved <lang>/<country>`: a country's guide the voter saved (written by the offline
//   page; removed by it).
// Every copy carries the time it was saved (`x-election-center-saved`).
//
// How it answers, for this origin under the site's path (anything else goes untouched):
// - hashed files (`name-<16 hex>.js`, …) and saved videos: from a copy, else the network;
// - pages, data (`content/`, `i18n/`) and every other file: the network first; after
//   TIMEOUT ms without an answer (a congested network), or when it fails, a copy if there is
//   one. A page answered from a copy says when it was saved: the boot script shows the
//   `data-copy` this worker writes into it (a document, which has no app, gets the line
//   itself); data answered from a copy make the page say the same (a message to it). A
//   page with no copy at all is another page of its language with its main part replaced
//   by "this page is not saved on this device", a link to try again and links to the pages
//   of its language kept here; the app takes it over only if the page's data were kept (a
//   page opened within the app), and then shows the page itself.
'use strict';

const SCOPE = new URL(self.registration.scope);
const PREFIX = `election-center ${SCOPE.pathname}`;
const SHELLS = `${PREFIX} shell `;
const SHELL = `${SHELLS}${BUILD.version}`;
const PAGES = `${PREFIX} pages`;
const STAMP = 'x-election-center-saved';
// Set on the offline page's own requests: it saves what it fetches itself.
const SAVING = 'x-election-center-save';
const TIMEOUT = 3000;
const MAX_PAGES = 400;
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
const VIDEO = /\.(mp4|webm|ogv)$/;
// The editor (`/<lang>/editor`, `editor/`): a tool for editors, not the voters' guide, left
// to the network.
const EDITOR = /^(editor\/|[a-z-]+\/editor$)/;
// Pages the app does not draw (content::route::Document): nothing in them to take over.
const DOCUMENT = /^[a-z-]+\/[a-z]{2}\/(print|changes|offline|search)$/;
// This build's hashed files by name without the hash: a page saved by an earlier build is
// served with this build's (its own are gone with that build's shell).
const CURRENT = new Map(BUILD.assets.map((file) => [file.replace(/-[0-9a-f]{16}/, ''), file]));

/** The path of `url` under the site (`fr/ro`), or null outside it. */
const within = (url) => (url.origin === SCOPE.origin && url.pathname.startsWith(SCOPE.pathname) ? url.pathname.slice(SCOPE.pathname.length) : null);
/** A page's one key whatever its form: no query, no `.html` (packaged files), `index` the root. */
const pageKey = (path) => new URL(path.replace(/\.html$/, '').replace(/(^|\/)index$/, '$1'), SCOPE).href;
const stamp = (response) => Number(response.headers.get(STAMP)) || 0;
const escape = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const unescape = (text) => text.replace(/&(#\d+|quot|amp|lt|gt);/g, (_, e) => ({ quot: '"', amp: '&', lt: '<', gt: '>' })[e] ?? String.fromCharCode(e.slice(1)));

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      for (const file of BUILD.shell) {
        const href = new URL(file, SCOPE).href;
        const response = await fetch(href);
        // A shell with a hole would not start offline: this version does not install.
        if (!response.ok) throw new Error(`${href}: ${response.status}`);
        await cache.put(href, await stamped(response));
      }
    })(),
  );
});

// The voter accepted the new version (the boot script's "Reload"): it takes over, and the
// pages open reload themselves when it does.
self.addEventListener('message', (event) => {
  // (Within the event's lifetime: a worker may be stopped once its events are done.)
  if (event.data === 'update') event.waitUntil(self.skipWaiting());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(SHELLS) && name !== SHELL) await caches.delete(name);
      }
      await self.clients.claim();
      // The page open when the worker first started was fetched without it: keep it now.
      for (const client of await self.clients.matchAll({ type: 'window' })) await keepPage(client.url).catch(() => {});
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  const path = within(url);
  if (request.method !== 'GET' || path === null || path === 'sw.js' || request.headers.has(SAVING) || EDITOR.test(path)) return;
  if (request.mode === 'navigate' && !/\.(?!html$)\w+$/.test(path)) event.respondWith(navigation(event, path));
  else if (HASHED.test(path)) event.respondWith(kept(event, request));
  else if (VIDEO.test(path)) event.respondWith(video(request));
  else event.respondWith(file(event, request, /^(content|i18n)\//.test(path)));
});

/** The network's answer, or a copy when the network fails or is slow: `[response, saved]`,
 * `saved` the copy's time (0 for the network's). Throws when there is neither. */
async function fresh(event, request, key = request.url) {
  const network = fetch(request).then((response) => {
    // Kept while the page already reads it (the event lives on until the copy is written).
    if (response.ok && response.type === 'basic') event.waitUntil(keep(PAGES, key, response.clone()));
    return response;
  });
  event.waitUntil(network.catch(() => {}));
  const copy = await lookup(key);
  if (!copy) return [await network, 0];
  let timer;
  const late = new Promise((resolve) => (timer = setTimeout(resolve, TIMEOUT, null)));
  const answer = await Promise.race([network.catch(() => null), late]);
  clearTimeout(timer);
  // A server error is no better than the copy; a 404 is news (the page is gone).
  return answer && answer.status < 500 ? [answer, 0] : [copy, stamp(copy)];
}

async function navigation(event, path) {
  try {
    const [response, saved] = await fresh(event, event.request, pageKey(path));
    return saved ? savedPage(response, saved, path) : response;
  } catch {
    return missing(path);
  }
}

/** Data and other files; data answered from a copy make the page say when it was saved. */
async function file(event, request, data) {
  try {
    const [response, saved] = await fresh(event, request);
    if (data) event.waitUntil(tell(event.clientId, saved));
    return response;
  } catch {
    return Response.error();
  }
}

/** A file that never changes under its name: a copy, else the network (then kept with
 * this version's shell, and gone with it). */
async function kept(event, request) {
  const copy = await lookup(request.url);
  if (copy) return copy;
  const response = await fetch(request);
  if (response.ok) event.waitUntil(keep(SHELL, request.url, response.clone()));
  return response;
}

/** A saved video, in the byte range the player asks for; a video not saved streams as usual. */
async function video(request) {
  const copy = await lookup(request.url);
  if (!copy) return fetch(request);
  const range = request.headers.get('range')?.match(/^bytes=(\d+)-(\d*)$/);
  if (!range) return copy;
  const body = await copy.blob();
  const start = Number(range[1]);
  const end = Math.min(range[2] ? Number(range[2]) : Infinity, body.size - 1);
  return new Response(body.slice(start, end + 1), {
    status: 206,
    headers: {
      'Content-Type': copy.headers.get('content-type') ?? 'video/webm',
      'Content-Range': `bytes ${start}-${end}/${body.size}`,
      'Accept-Ranges': 'bytes',
    },
  });
}

/** The newest copy of `key` in this site's caches. */
async function lookup(key) {
  let best;
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX)) continue;
    // (Not `caches.open(name).match`: opening a cache a newer version dropped meanwhile would
    // bring it back, empty, for good.)
    const found = await caches.match(key, { cacheName: name, ignoreSearch: true, ignoreVary: true });
    if (found && (!best || stamp(found) > stamp(best))) best = found;
  }
  return best;
}

/** A copy of `response` to keep, with the time it was saved. */
async function stamped(response) {
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  headers.set(STAMP, String(Date.now()));
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

let puts = 0;
/** Keeps `response` under `key` in `name`, with the time it was saved. */
async function keep(name, key, response) {
  const copy = await stamped(response);
  try {
    // A shell exists from its install on: one that is gone was dropped by a newer version,
    // while this older one still answered a page.
    if (name.startsWith(SHELLS) && !(await caches.has(name))) return;
    const cache = await caches.open(name);
    await cache.put(key, copy);
    // The pages opened are kept for a while: the oldest go first (a put moves a key last).
    if (name === PAGES && ++puts % 25 === 0) {
      const keys = await cache.keys();
      for (const old of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) await cache.delete(old);
    }
  } catch {
    // Storage full or refused: the voter still gets the page, only not later.
  }
}

/** The page at `url` and the files it lists, if not kept yet (the page open at first start):
 * the files first, so that a kept page can always be taken over. */
async function keepPage(url) {
  const path = within(new URL(url));
  if (path === null || /\.(?!html$)\w+$/.test(path)) return;
  const key = pageKey(path);
  if (await lookup(key)) return;
  const response = await fetch(key);
  if (!response.ok || !(response.headers.get('content-type') ?? '').startsWith('text/html')) return;
  const html = await response.clone().text();
  const data = html.match(/<meta name="election-center:data" content="([^"]*)"/)?.[1] ?? '';
  for (const file of data.split(' ').filter(Boolean)) {
    const href = new URL(file, SCOPE).href;
    if (await lookup(href)) continue;
    const answer = await fetch(href);
    if (answer.ok) await keep(PAGES, href, answer);
  }
  await keep(PAGES, key, response);
}

/** The `data-` texts of a page's `<html>` (src/prerender.rs), still escaped, and its language. */
function texts(html) {
  const tag = html.match(/<html[^>]*>/)?.[0] ?? '';
  const attr = (name) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1] ?? '';
  return { lang: attr('lang'), copy: attr('data-saved-copy'), missing: attr('data-missing'), hint: attr('data-missing-hint'), retry: attr('data-retry') };
}

/** "This copy of the page was saved on …", escaped, in the page's language. */
function savedText({ lang, copy }, saved) {
  let when;
  try {
    when = new Intl.DateTimeFormat(lang || undefined, { dateStyle: 'long', timeStyle: 'short' }).format(saved);
  } catch {
    when = new Date(saved).toISOString();
  }
  return copy.replace('{date}', escape(when));
}

/** A page answered from a copy: it says when it was saved, and loads this build's files. */
async function savedPage(response, saved, path) {
  let html = await response.text();
  const text = savedText(texts(html), saved);
  html = html.replace('<html', `<html data-copy="${text}"`);
  // A document has no app (and so no boot script) to show the line: it is written in.
  if (DOCUMENT.test(path)) html = html.replace('</body>', `<output class="offline-bar">${text}</output></body>`);
  return html_response(html, response.headers, 200);
}

/** No copy and no network: a page of the same language (its country's first) around
 * "this page is not saved on this device", a way to try again and links to the pages of
 * that language kept here; else the not-found page kept with the shell. */
async function missing(path) {
  const [lang, country, section, slug] = path.replace(/\.html$/, '').split('/');
  let shell;
  let sameCountry = false;
  const pages = [];
  const data = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name.startsWith(SHELLS)) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const other = within(new URL(request.url));
      if (other?.startsWith('content/')) data.push(other);
      if (other === null || /\./.test(other) || !(other === lang || other.startsWith(`${lang}/`))) continue;
      pages.push([other, cache, request]);
      if (DOCUMENT.test(other)) continue;
      const same = other.startsWith(`${lang}/${country}`);
      if (!shell || (same && !sameCountry)) {
        shell = await cache.match(request);
        sameCountry = same;
      }
    }
  }
  shell ??= await caches.match(new URL('404.html', SCOPE).href);
  if (!shell) return Response.error();
  let html = await shell.text();
  const { missing: title, hint, retry } = texts(html);
  // The app may draw the page from the data kept when it was opened within the app (the
  // page's own file, in any language, and its country's list), if it has the texts of its
  // language; else it would only say the page could not be loaded, and the list below is
  // more use. A document is not the app's to draw: its address would only reload this page.
  const has = (test) => data.some(test);
  const drawable =
    !DOCUMENT.test(path) &&
    (await lookup(new URL(`i18n/${lang}.json`, SCOPE).href)) &&
    (!country || has((d) => d === `content/${country}/${lang}.json`)) &&
    (!country || has((d) => d.startsWith(`content/${country}/`) && d.endsWith(section ? (slug ? `/${section}/${slug}.html` : '.json') : '/_index.html')));
  const kept = [];
  for (const [other, cache, request] of pages.slice(-40).reverse()) {
    const name = (await (await cache.match(request)).text()).match(/<title>([^<]*)<\/title>/)?.[1];
    if (name && !kept.some(([href]) => href === other)) kept.push([other, name]);
  }
  const list = kept.length ? `<ul class="offline-kept">${kept.map(([href, name]) => `<li><a href="${escape(href)}">${name}</a></li>`).join('')}</ul>` : '';
  html = html
    .replace(
      /(<main\b[^>]*>)[\s\S]*<\/main>/,
      `$1<section class="not-found"><h1>${title}</h1><p>${hint}</p><p><a href="${escape(path)}">${retry}</a></p>${drawable ? '' : list}</section></main>`,
    )
    .replace(/<title>[^<]*/, `<title>${title}`);
  if (!drawable) html = html.replace(/<script type="module"[^>]*><\/script>/g, '');
  return html_response(html, shell.headers, 503);
}

function html_response(html, from, status) {
  const headers = new Headers(from);
  headers.delete('content-length');
  headers.delete('content-encoding');
  headers.set('content-type', 'text/html; charset=utf-8');
  const current = html.replace(/([\w.-]+?)-[0-9a-f]{16}((?:_bg)?\.(?:js|css|wasm))/g, (name, stem, ext) => CURRENT.get(stem + ext) ?? name);
  return new Response(current, { status, headers });
}

/** Tells the page whether what it just loaded came from a copy: the line to show, or ''. */
async function tell(id, saved) {
  const client = id && (await self.clients.get(id));
  if (!client) return;
  if (!saved) return client.postMessage('');
  const path = within(new URL(client.url));
  const page = (path !== null && (await lookup(pageKey(path)))) || (await caches.match(new URL('404.html', SCOPE).href));
  const html = page ? await page.text() : '';
  client.postMessage(unescape(savedText(texts(html), saved)));
}
