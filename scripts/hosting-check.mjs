// Checks a running server against the hosting rules (HOSTING.md), for `make hosting-check`:
// every route answers its page, the headers of the build's `_headers` arrive (the CSP with
// frame-ancestors among them), other forms of an address and unknown paths get the
// not-found page with 404, hashed assets come pre-compressed with long caching.
// Usage: node scripts/hosting-check.mjs <label> <dist> <http://127.0.0.1:PORT/base/>
// Only talks to 127.0.0.1. Exits non-zero, listing every failure, if any check fails.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readHeaders } from './hosting.mjs';

const [label, dist, origin] = process.argv.slice(2);
const site = new URL(origin);
if (site.hostname !== '127.0.0.1') throw new Error(`hosting-check only checks 127.0.0.1, not ${site.hostname}`);
const base = site.pathname.replace(/\/?$/, '/');
// Joined as text: `new URL('//fr/ro', origin)` would read `fr` as a host name.
const url = (path) => new URL(site.origin + base.slice(0, -1) + path);

const failures = [];
let checks = 0;
function expect(ok, what) {
  checks++;
  if (!ok) failures.push(what);
  return ok;
}

async function get(path, headers = {}) {
  const res = await fetch(url(path), { headers: { 'Accept-Encoding': 'identity', ...headers }, redirect: 'manual' });
  // Node's fetch decodes a br or gzip body; pages are asked for as identity and read as text.
  const body = headers['Accept-Encoding'] ? Buffer.from(await res.arrayBuffer()) : await res.text();
  return { status: res.status, headers: res.headers, body };
}

async function waitUntilUp() {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url('/'), { redirect: 'manual' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${label}: nothing answers at ${site.origin} after 10 s (see its log under target/hosting/)`);
}

const expected = readHeaders(readFileSync(join(dist, '_headers'), 'utf8'));
const csp = expected.find(([n]) => n.toLowerCase() === 'content-security-policy')[1];
const routes = JSON.parse(readFileSync(join(dist, 'routes.json'), 'utf8'));
const notFound = readFileSync(join(dist, '404.html'), 'utf8');

function siteHeaders(res, path) {
  for (const [name, value] of expected) {
    expect(res.headers.get(name) === value, `${path}: ${name} is "${res.headers.get(name)}", _headers says "${value}"`);
  }
  expect(/frame-ancestors/.test(res.headers.get('content-security-policy') ?? ''), `${path}: no frame-ancestors in the Content-Security-Policy header`);
  expect(res.headers.get('x-content-type-options') === 'nosniff', `${path}: X-Content-Type-Options is not nosniff`);
}

await waitUntilUp();

// Every route: 200, its own file's body, HTML, the site's headers.
for (const route of routes) {
  const res = await get(route.path);
  const file = readFileSync(join(dist, route.file), 'utf8');
  expect(res.status === 200, `${route.path}: ${res.status}, not 200`);
  expect(/^text\/html\b/.test(res.headers.get('content-type') ?? ''), `${route.path}: Content-Type ${res.headers.get('content-type')}`);
  expect(res.body === file, `${route.path}: the body is not ${route.file}`);
  siteHeaders(res, route.path);
}
const index = await get('/');
expect(index.body === readFileSync(join(dist, 'index.html'), 'utf8'), '/: the body is not index.html');

// Other forms of an address, and addresses of nothing: 404 with the not-found page.
for (const path of ['/fr/ro/', '/fr//ro', '//fr/ro', '/FR/RO', '/nowhere', '/fr/ro/nowhere', '/content/', '/fr/']) {
  const res = await get(path);
  expect(res.status === 404, `${path}: ${res.status}, not 404`);
  expect(res.body === notFound, `${path}: the body is not 404.html`);
  expect(/^text\/html\b/.test(res.headers.get('content-type') ?? ''), `${path}: Content-Type ${res.headers.get('content-type')}`);
  siteHeaders(res, path);
}

// Under a sub-path: nothing outside it is the site; the sub-path without its slash leads to it.
if (base !== '/') {
  const outside = await fetch(new URL('/nowhere', site.origin), { redirect: 'manual' });
  expect(outside.status === 404, `/nowhere (outside ${base}): ${outside.status}, not 404`);
  const bare = await fetch(new URL(base.slice(0, -1), site.origin), { redirect: 'manual' });
  expect([301, 308].includes(bare.status) && bare.headers.get('location') === base, `${base.slice(0, -1)}: ${bare.status} to ${bare.headers.get('location')}, not a redirect to ${base}`);
}

// Hashed assets: long caching; the .br sibling when the browser accepts br.
const hashed = readdirSync(dist).filter((f) => /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(f));
const wasm = hashed.find((f) => f.endsWith('.wasm'));
let brNote = '';
if (expect(wasm, 'no hashed .wasm in the build')) {
  const res = await get('/' + wasm, { 'Accept-Encoding': 'br, gzip' });
  expect(res.status === 200, `/${wasm}: ${res.status}`);
  expect(res.headers.get('content-type') === 'application/wasm', `/${wasm}: Content-Type ${res.headers.get('content-type')}`);
  if (existsSync(join(dist, wasm + '.br'))) {
    expect(res.headers.get('content-encoding') === 'br', `/${wasm}: Content-Encoding ${res.headers.get('content-encoding')}, not br`);
    expect(res.body.equals(readFileSync(join(dist, wasm))), `/${wasm}: the br body does not decode to ${wasm}`);
    const gz = await get('/' + wasm, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers.get('content-encoding') === 'gzip', `/${wasm}: with gzip only, Content-Encoding ${gz.headers.get('content-encoding')}`);
    expect(/Accept-Encoding/i.test(res.headers.get('vary') ?? ''), `/${wasm}: no Vary: Accept-Encoding`);
  } else {
    brNote = ' (this build has no .br files: served as is)';
    expect(!res.headers.get('content-encoding'), `/${wasm}: Content-Encoding ${res.headers.get('content-encoding')} without a .br file`);
  }
}
for (const file of hashed) {
  const res = await get('/' + file, { 'Accept-Encoding': 'br, gzip' });
  expect(res.status === 200, `/${file}: ${res.status}`);
  expect(/max-age=31536000/.test(res.headers.get('cache-control') ?? '') && /immutable/.test(res.headers.get('cache-control')), `/${file}: Cache-Control ${res.headers.get('cache-control')}`);
}
const page = await get(routes.at(-1).path);
expect(!/immutable/.test(page.headers.get('cache-control') ?? ''), `${routes.at(-1).path}: a page is cached as immutable`);

// A caption track must arrive as text/vtt, or browsers ignore it.
const vtt = findFile(dist, '.vtt');
if (vtt) {
  const res = await get('/' + vtt);
  expect(res.status === 200 && /^text\/vtt\b/.test(res.headers.get('content-type') ?? ''), `/${vtt}: ${res.status} ${res.headers.get('content-type')}`);
}

// The sitemap index and every sitemap it names, as XML (search engines read nothing else).
const sitemaps = readFileSync(join(dist, 'sitemap.xml'), 'utf8').match(/(?<=<loc>)[^<]+(?=<\/loc>)/g) ?? [];
expect(sitemaps.length > 0, 'sitemap.xml names no sitemap');
// They sit beside the index: asked for by name under this server's base, whatever SITE_URL the build was made for.
for (const path of ['/sitemap.xml', ...sitemaps.map((loc) => '/' + new URL(loc).pathname.split('/').pop())]) {
  const res = await get(path);
  expect(res.status === 200 && /^(application|text)\/xml\b/.test(res.headers.get('content-type') ?? ''), `${path}: ${res.status} ${res.headers.get('content-type')}`);
}

function findFile(dir, ext, rel = '') {
  for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isFile() && entry.name.endsWith(ext)) return path;
    if (entry.isDirectory()) {
      const found = findFile(dir, ext, path);
      if (found) return found;
    }
  }
  return null;
}

if (failures.length) {
  console.error(`${label}: FAILED ${failures.length} of ${checks} checks at ${url('/')}`);
  for (const f of failures.slice(0, 30)) console.error(`  - ${f}`);
  if (failures.length > 30) console.error(`  … and ${failures.length - 30} more`);
  process.exit(1);
}
console.log(
  `${label}: ok, ${checks} checks at ${url('/')}: ${routes.length} routes 200 text/html with the CSP (frame-ancestors), nosniff and ` +
    `referrer policy; 8 other forms and unknown paths 404 with 404.html; ${wasm} ${brNote ? 'immutable' + brNote : 'br and immutable'}; ` +
    `sitemap.xml and its ${sitemaps.length} sitemaps as XML`,
);
