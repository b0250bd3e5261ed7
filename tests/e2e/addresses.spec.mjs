// Addresses: every page has one form (lower case, single slashes, no trailing slash), its
// canonical address and its versions in every interface language in its head, and the
// sitemap lists exactly the pre-rendered routes (`routes.json`, from `content::route`).
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';

const DIST = new URL('../../dist/', import.meta.url);
const ROUTES = JSON.parse(readFileSync(new URL('routes.json', DIST), 'utf8'));
const LANGS = [...new Set(ROUTES.map((r) => r.lang))];
// The public address the build was made for (SITE_URL): `/`'s canonical address.
const SITE = readFileSync(new URL('index.html', DIST), 'utf8').match(/<link rel="canonical" href="([^"]+)">/)[1];
// sitemaps.org's limits for one file, the index and each sitemap alike.
const MAX_URLS = 50_000;
const MAX_BYTES = 52_428_800;

/** The `<loc>`s of the sitemap index, `sitemap.xml`. */
const index = readFileSync(new URL('sitemap.xml', DIST), 'utf8');
const sitemapFiles = [...index.matchAll(/<sitemap><loc>([^<]+)<\/loc><\/sitemap>/g)].map(([, loc]) => loc);

/** `<url>` entries of one sitemap: the page and its alternates by hreflang. */
function sitemapEntries(xml) {
  return [...xml.matchAll(/<url><loc>([^<]+)<\/loc>(.*?)<\/url>/g)].map(([, loc, rest]) => ({
    loc,
    alternates: Object.fromEntries([...rest.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map(([, l, h]) => [l, h])),
  }));
}

/** The page at `path` in `lang`, as `routes.json` names it. */
const inLang = (route, lang) => (route.country ? `/${[lang, route.country, route.section ?? route.document, route.slug].filter(Boolean).join('/')}` : `/${lang}`);

test('the sitemap index names sitemaps that list every pre-rendered page once, with all its language versions', async ({ request }) => {
  expect(ROUTES.length).toBeGreaterThan(150);
  expect(index).toMatch(/^<\?xml [^>]+>\n<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">\n/);
  expect(sitemapFiles.length).toBeGreaterThanOrEqual(LANGS.length);
  const byPath = new Map(ROUTES.map((r) => [new URL(r.path.slice(1), SITE).href, r]));
  const seen = new Map();
  const wrong = [];
  const targets = new Set();
  for (const loc of sitemapFiles) {
    // At the site's root: a sitemap may only list addresses under its own folder.
    const name = loc.slice(SITE.length);
    expect(loc.startsWith(SITE) && !name.includes('/'), `${loc} is not a file at ${SITE}`).toBe(true);
    const lang = name.match(/^sitemap-([^.]+)(?:\.\d+)?\.xml$/)?.[1];
    expect(LANGS, `${name}: not sitemap-<interface language>[.<n>].xml`).toContain(lang);
    const xml = readFileSync(new URL(name, DIST), 'utf8');
    const entries = sitemapEntries(xml);
    expect(entries.length, `${name}: addresses`).toBeLessThanOrEqual(MAX_URLS);
    expect(Buffer.byteLength(xml), `${name}: bytes`).toBeLessThanOrEqual(MAX_BYTES);
    // The host serves it as XML (the site's own server here; hosting-check asks nginx and Caddy).
    const res = await request.get(new URL(loc).pathname);
    expect(res.status(), loc).toBe(200);
    expect(res.headers()['content-type'], loc).toMatch(/^(application|text)\/xml\b/);
    for (const entry of entries) {
      seen.set(entry.loc, [...(seen.get(entry.loc) ?? []), name]);
      const route = byPath.get(entry.loc);
      if (!route) {
        wrong.push(`${name}: ${entry.loc} is no pre-rendered page`);
        continue;
      }
      if (route.lang !== lang) wrong.push(`${name}: ${entry.loc} is in ${route.lang}`);
      const expected = Object.fromEntries(LANGS.map((l) => [l, new URL(inLang(route, l).slice(1), SITE).href]));
      expected['x-default'] = new URL(!route.country ? '' : inLang(route, 'en').slice(1), SITE).href;
      const sorted = (o) => JSON.stringify(Object.entries(o).sort());
      if (sorted(entry.alternates) !== sorted(expected)) wrong.push(`${name}: ${entry.loc} has other alternates than the route has`);
      for (const href of Object.values(entry.alternates)) targets.add(new URL(href).pathname);
    }
  }
  for (const [loc, files] of seen) if (files.length > 1) wrong.push(`${loc} is listed ${files.length} times (${files.join(', ')})`);
  for (const href of byPath.keys()) if (!seen.has(href)) wrong.push(`${href} is in no sitemap`);
  expect(wrong).toEqual([]);
  // Every alternate is a page that answers, here as on the public host.
  const failing = [];
  for (const path of targets) if ((await request.get(path)).status() !== 200) failing.push(path);
  expect(failing).toEqual([]);
  expect(readFileSync(new URL('robots.txt', DIST), 'utf8').match(/^Sitemap: .*$/gm)).toEqual([`Sitemap: ${SITE}sitemap.xml`]);
});

test("every page's head names its canonical address and its language versions", () => {
  // Checked in plain code and reported once: an `expect` per link took minutes over every
  // route in every language.
  const wrong = [];
  for (const route of ROUTES) {
    const html = readFileSync(new URL(route.file, DIST), 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    const wanted = [`<link rel="canonical" href="${new URL(route.path.slice(1), SITE).href}">`];
    for (const lang of LANGS) wanted.push(`<link rel="alternate" hreflang="${lang}" href="${new URL(inLang(route, lang).slice(1), SITE).href}">`);
    for (const link of wanted) if (!head.includes(link)) wrong.push(`${route.path}: lacks ${link}`);
    if ((head.match(/hreflang="x-default"/g) ?? []).length !== 1) wrong.push(`${route.path}: not one x-default`);
    if (head.includes('noindex')) wrong.push(`${route.path}: noindex`);
  }
  expect(wrong).toEqual([]);
  const notFound = readFileSync(new URL('404.html', DIST), 'utf8');
  expect(notFound).toContain('<meta name="robots" content="noindex">');
  expect(notFound).not.toContain('rel="canonical"');
});

// Other forms of an address: the host answers them with the not-found page (as static
// hosts do), and the app, which that page starts, moves to the page's one form, keeping
// the query and the fragment.
const OTHER_FORMS = [
  ['/fr/ro/', '/fr/ro'],
  ['/FR/RO', '/fr/ro'],
  ['/fr//ro', '/fr/ro'],
  ['//fr/ro', '/fr/ro'],
  ['/en/ro/videos/?partner=afp', '/en/ro/videos?partner=afp'],
  ['/En/Fr/Guides/Check-A-Claim/#first', '/en/fr/guides/check-a-claim#first'],
];

test.describe('another form of an address', () => {
  test.use({ expectedProblems: [[/HTTP 404: /, /status of 404 \(Not Found\) at /]] });

  for (const [typed, canonical] of OTHER_FORMS) {
    test(`${typed} opened cold becomes ${canonical}`, async ({ page, baseURL }) => {
      const response = await page.goto(`${baseURL}${typed}`);
      expect(response.status()).toBe(404);
      await expect(page).toHaveURL(`${baseURL}${canonical}`);
      await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
      const route = ROUTES.find((r) => r.path === canonical.split(/[?#]/)[0]);
      await expect(page.locator('html')).toHaveAttribute('lang', route.lang);
      await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Page not found');
    });
  }

  test('followed in the app, it becomes the one form too', async ({ page, baseURL }) => {
    await page.goto('/en/ro');
    await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.evaluate(() => {
      const a = Object.assign(document.createElement('a'), { href: 'hu/RO/videos/', textContent: 'mangled' });
      document.querySelector('main').append(a);
    });
    await page.getByRole('link', { name: 'mangled' }).click();
    await expect(page).toHaveURL(`${baseURL}/hu/ro/videos`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'hu');
    await expect(page.locator('.video-card').first()).toBeVisible();
    expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false, expectedProblems: [[/HTTP 404: /, /status of 404 \(Not Found\) at /, /request failed: \S+\.js csp$/]] });

    test('it is the not-found page, with a way home', async ({ page }) => {
      const response = await page.goto('/fr/ro/');
      expect(response.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('Page not found');
    });
  });
});
