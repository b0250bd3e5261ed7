// What the host sends, at the root of the release build: the reference server
// (tests/e2e/serve.mjs) and, with `make e2e-nginx`, nginx on the generated configuration
// answer alike (HOSTING.md → The rules, Caching, Headers).
import { readFileSync, readdirSync } from 'node:fs';
import { readHeaders } from '../../scripts/hosting.mjs';
import { test, expect } from './fixtures.mjs';

const dist = new URL('../../dist/', import.meta.url);
const wanted = readHeaders(readFileSync(new URL('_headers', dist), 'utf8'));
const wasm = readdirSync(dist).find((f) => /-[0-9a-f]{16}_bg\.wasm$/.test(f));
const IMMUTABLE = 'public, max-age=31536000, immutable';

test('pages and data come with the headers of _headers and are revalidated', async ({ request }) => {
  for (const path of ['/', '/en', '/hu/ro', '/en/fr/guides/check-a-claim', '/content/index.json', '/sw.js']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    for (const [name, value] of wanted) expect(response.headers()[name.toLowerCase()], `${path} ${name}`).toBe(value);
    expect(response.headers()['cache-control'], path).toBe('no-cache');
  }
  expect((await request.get('/hu/ro')).headers()['content-type']).toMatch(/^text\/html/);
});

test('hashed files come pre-compressed and cached for a year', async ({ request }) => {
  const br = await request.get(`/${wasm}`, { headers: { 'Accept-Encoding': 'br' } });
  expect(br.headers()['content-encoding']).toBe('br');
  expect(br.headers()['cache-control']).toBe(IMMUTABLE);
  // The build's own .br file, as it is (the reference server sends it chunked, no length).
  const length = br.headers()['content-length'];
  if (length) expect(Number(length)).toBe(readFileSync(new URL(`${wasm}.br`, dist)).length);
  const gzip = await request.get(`/${wasm}`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(gzip.headers()['content-encoding']).toBe('gzip');
  const page = await request.get('/en/ro', { headers: { 'Accept-Encoding': 'br' } });
  expect(page.headers()['content-encoding']).toBe('br');
});

test('other forms of an address and unknown paths are the not-found page, with 404', async ({ request }) => {
  const notFound = readFileSync(new URL('404.html', dist), 'utf8');
  for (const path of ['/fr/ro/', '/fr//ro', '/FR/RO', '/nowhere', '/en/ro/guides/nothing']) {
    const response = await request.get(path, { headers: { 'Accept-Encoding': 'identity' } });
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).toBe(notFound);
  }
});
