// The embedding build (`make build-embed`, --public-url /election-center/) where apps put it:
// under a sub-path of a web host, and as files packaged inside an app, served the way
// Android's WebViewAssetLoader or an iOS scheme handler serves them (exact files only).
import { readdirSync, readFileSync } from 'node:fs';
import { parseHeaders } from '../../scripts/hosting.mjs';
import { test, expect, switchLanguage } from './fixtures.mjs';
import { PACKAGED, SUBPATH } from './playwright.config.mjs';

const h1 = (page) => page.getByRole('heading', { level: 1 });

test.describe('under a sub-path', () => {
  test('_headers caches every hashed file for a year, under the sub-path, and nothing else; the server agrees', async ({ request }) => {
    const dist = new URL('../../target/dist-embed/', import.meta.url);
    const blocks = parseHeaders(readFileSync(new URL('_headers', dist), 'utf8'));
    const hashed = readdirSync(dist).filter((f) => /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(f)).sort();
    expect(hashed.some((f) => f.endsWith('_bg.wasm')) && hashed.some((f) => f.startsWith('offline-'))).toBe(true);
    const immutable = 'public, max-age=31536000, immutable';
    const cached = blocks.filter((b) => b.path !== '/*');
    expect(cached.map((b) => b.path).sort()).toEqual(hashed.map((f) => `/election-center/${f}`));
    for (const block of cached) expect(block.headers).toEqual([['Cache-Control', immutable]]);
    expect(blocks.find((b) => b.path === '/*').headers.map(([name]) => name)).not.toContain('Cache-Control');
    for (const file of hashed) expect((await request.get(`${SUBPATH}${file}`)).headers()['cache-control']).toBe(immutable);
    for (const path of ['en/ro', 'sw.js', 'en.webmanifest', 'content/index.json']) {
      expect((await request.get(`${SUBPATH}${path}`)).headers()['cache-control'], path).toBe('no-cache');
    }
  });

  test('a cold deep link to a filtered video list, then links, language, history and reload', async ({ page }) => {
    await page.goto(`${SUBPATH}en/ro/videos?partner=funky-citizens`);
    await expect(page.locator('body')).toHaveAttribute('data-app', 'ready');
    await expect(h1(page)).toHaveText('Videos');
    await expect(page.locator('.video-card:visible')).toHaveCount(1);

    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Romania' }).click();
    await expect(page).toHaveURL(`${SUBPATH}en/ro`);
    await switchLanguage(page, 'Language', 'Magyar');
    await expect(page).toHaveURL(`${SUBPATH}hu/ro`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'hu');
    await page.goBack();
    await expect(page).toHaveURL(`${SUBPATH}en/ro`);
    await expect(h1(page)).toHaveAccessibleName('Elections in Romania');
    await page.reload();
    await expect(h1(page)).toHaveAccessibleName('Elections in Romania');
    await page.getByRole('link', { name: 'Election Center' }).click();
    await expect(page).toHaveURL(`${SUBPATH}en`);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('pages read, and every link on them stays under the sub-path and answers', async ({ page, request }) => {
      const links = new Set();
      for (const path of ['', 'en', 'fr/fr', 'en/ro/videos', 'ro/ro/guides/check-a-claim', 'en/ro/elections/presidential-2025']) {
        await page.goto(`${SUBPATH}${path}`);
        await expect(h1(page)).toBeVisible();
        for (const href of await page.locator('a[href], link[href], script[src]').evaluateAll((els) => els.map((e) => e.href || e.src))) {
          const url = new URL(href);
          if (url.origin === new URL(SUBPATH).origin) links.add(url.pathname);
        }
      }
      expect(links.size).toBeGreaterThan(20);
      for (const path of links) {
        expect(path.startsWith('/election-center/'), path).toBe(true);
        expect((await request.get(new URL(path, SUBPATH).href)).status(), path).toBe(200);
      }
    });
  });

  test.describe('a missing page', () => {
    test.use({ expectedProblems: [[/HTTP 404: \S+\/en\/nowhere$/, /status of 404 .* at \S+\/en\/nowhere$/]] });

    test('is the not-found page, and its link leads home', async ({ page }) => {
      const response = await page.goto(`${SUBPATH}en/nowhere`);
      expect(response.status()).toBe(404);
      await expect(page.locator('body')).toHaveAttribute('data-app', 'ready');
      await expect(h1(page)).toHaveText('Page not found');
      await page.locator('main').getByRole('link').first().click();
      await expect(page).toHaveURL(new RegExp(`^${SUBPATH}en?$`));
      await expect(page.getByRole('link', { name: /Romania/ })).toBeVisible();
    });
  });
});

test.describe('as files packaged in an app', () => {
  test('a cold deep link by file, moving keeps .html and the embedding settings, and a reload finds the file', async ({ page }) => {
    await page.goto(`${PACKAGED}en/ro/videos.html?embed=1&theme=dark`);
    await expect(page.locator('body')).toHaveAttribute('data-app', 'ready');
    await expect(h1(page)).toHaveText('Videos');
    await expect(page.locator('.site-header')).toBeHidden();

    await page.getByRole('link', { name: 'Check before you share: five steps' }).click();
    await expect(page).toHaveURL(`${PACKAGED}en/ro/videos/check-a-claim.html?embed=1&theme=dark`);
    await expect(h1(page)).toHaveText('Check before you share: five steps');
    await page.reload();
    await expect(h1(page)).toHaveText('Check before you share: five steps');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    // Packaged files resolve addresses only through the app (`.html` added): wait for it.
    await expect(page.locator('body')).toHaveAttribute('data-app', 'ready');

    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Countries' }).click();
    await expect(page).toHaveURL(`${PACKAGED}en.html?embed=1&theme=dark`);
    await page.reload();
    await expect(page.getByRole('link', { name: /France/ })).toBeVisible();
  });

  test('the start page moves to the voter’s language as a file', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('election-center.lang', 'ro'));
    await page.goto(`${PACKAGED}index.html`);
    await expect(page).toHaveURL(`${PACKAGED}ro.html`);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
  });
});
