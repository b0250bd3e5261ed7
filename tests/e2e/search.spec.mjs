// Search (issue #20): the header's field lists results as the voter types (a combobox,
// scripts/search/ui.js, running content::search in its own wasm), keyboard and pointer
// choose one, a page shown in another language says so, a loaded index keeps working
// offline, and without JavaScript the form leads to the search page's list of pages.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';

const FIXTURE = 'http://127.0.0.1:4174';
const field = (page) => page.getByRole('combobox', { name: /./ }).first();
const header = (page) => page.locator('.site-header .search-form input[name=q]');
const options = (page) => page.getByRole('listbox').getByRole('option');
const h1 = (page) => page.getByRole('heading', { level: 1 });

/** The page taken over by the app, so its header is the app's. */
async function ready(page, path) {
  await page.goto(path);
  await expect(page.locator('body')).toHaveAttribute('data-app', 'ready');
}

test('results as you type, ranked, highlighted, announced; arrows and Enter open one', async ({ page }) => {
  await ready(page, '/en/ro');
  // Nothing of the search is fetched before a search field is focused.
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.waitForTimeout(300);
  expect(requested.filter((p) => /search/.test(p))).toEqual([]);

  await page.keyboard.press('/');
  await expect(header(page)).toBeFocused();
  await expect(field(page)).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.type('biroul electoral');
  await expect(options(page).first()).toContainText('Central Electoral Bureau');
  await expect(field(page)).toHaveAttribute('aria-expanded', 'true');
  expect(requested).toContain('/content/ro/en/search.txt');
  // The matched words are marked.
  await expect(options(page).first().locator('mark').first()).toHaveText(/biroul|electoral/i);
  await expect(page.locator('.site-header [role=status]')).toHaveText(/^Results: \d+$/);

  await page.keyboard.press('ArrowDown');
  const first = options(page).first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(field(page)).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id')) ?? 'none');
  await page.keyboard.press('ArrowUp');
  await expect(options(page).last()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/en\/ro\/resources\/central-electoral-bureau(#h-[\w-]+)?$/);
  await expect(h1(page)).toHaveText('Central Electoral Bureau');
  // The app navigated (no reload): its header's field is there again.
  await expect(header(page)).toBeVisible();
});

test('without accents and with a typo, in another interface language', async ({ page }) => {
  await ready(page, '/ro/ro');
  await header(page).click();
  await page.keyboard.type('curtea constitutionala');
  await expect(options(page).first()).toContainText('Curtea Constituțională');
  await header(page).fill('');
  await page.keyboard.type('curtea constituţională'); // cedilla ţ
  await expect(options(page).first()).toContainText('Curtea Constituțională');
  await header(page).fill('');
  await page.keyboard.type('curtea constitutionla'); // one letter missing
  await expect(options(page).first()).toContainText('Curtea Constituțională');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(field(page)).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Escape');
  await expect(header(page)).toHaveValue('');
});

test('no result says so, in the list and to screen readers', async ({ page }) => {
  await ready(page, '/en/fr');
  await header(page).click();
  await page.keyboard.type('zqxwvy');
  await expect(page.getByRole('listbox')).toContainText('No page matches “zqxwvy”.');
  await expect(options(page)).toHaveCount(0);
  await expect(page.locator('.site-header [role=status]')).toHaveText('No page matches “zqxwvy”.');
});

test.describe('on a phone', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 640 } });

  test('"signaler", then one tap on the result reaches the page', async ({ page }) => {
    await ready(page, '/fr/fr');
    await header(page).tap();
    await page.keyboard.type('signaler');
    const result = options(page).filter({ hasText: 'Signaler une fausse information' }).first();
    await expect(result).toBeVisible();
    await expect(options(page).first()).toContainText('Signaler une fausse information');
    await result.tap();
    await expect(page).toHaveURL(/\/fr\/fr\/guides\/report-misinformation(#h-[\w-]+)?$/);
    await expect(h1(page)).toHaveText('Signaler une fausse information sur les élections');
  });

  test('"biroul electoral" finds the Central Electoral Bureau in Hungarian too', async ({ page }) => {
    await ready(page, '/hu/ro');
    await header(page).tap();
    await page.keyboard.type('biroul electoral');
    await options(page).first().tap();
    await expect(page).toHaveURL(/\/hu\/ro\/resources\/central-electoral-bureau(#h-[\w-]+)?$/);
    await expect(h1(page)).toHaveText('Központi Választási Iroda');
  });
});

test('a page not translated is found in the default language, marked as such', async ({ page }) => {
  // The fixture country: French interface, its guide page only in English.
  await ready(page, `${FIXTURE}/fr/aa`);
  await header(page).click();
  await page.keyboard.type('claim');
  const result = options(page).filter({ hasText: 'Check a claim before you share it' });
  await expect(result).toHaveCount(1);
  await expect(result.locator('.search-title')).toHaveAttribute('lang', 'en');
  await expect(result.locator('.search-in')).toHaveText('en anglais');
  // A French page of the same guide is not marked.
  await header(page).fill('');
  await page.keyboard.type('election generale');
  const french = options(page).filter({ hasText: 'Élection générale de 2025' });
  await expect(french).toHaveCount(1);
  await expect(french.locator('.search-in')).toHaveCount(0);
  await expect(french.locator('.search-title')).not.toHaveAttribute('lang', /./);
});

test('a guide without the interface language is searched in its own, marked', async ({ page }) => {
  await ready(page, '/de/ro');
  await header(page).click();
  await page.keyboard.type('biroul');
  await expect(options(page).first().locator('.search-title')).toHaveAttribute('lang', 'ro');
  await expect(options(page).first().locator('.search-in')).toHaveText('auf Rumänisch');
});

test.describe('offline', () => {
  test.use({ expectedProblems: [[/request failed: .* net::ERR_(FAILED|INTERNET_DISCONNECTED)$/, /Failed to load resource: net::ERR_(FAILED|INTERNET_DISCONNECTED)/]] });

  test('once the index was loaded, search works without a connection, after a reload too', async ({ page, context }) => {
    await ready(page, '/en/ro');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await header(page).click();
    await page.keyboard.type('ballot');
    await expect(options(page).first()).toBeVisible();
    // The worker keeps a copy of what was fetched.
    await expect.poll(() => page.evaluate(() => caches.match(new URL('content/ro/en/search.txt', document.baseURI).href).then(Boolean))).toBe(true);

    await context.setOffline(true);
    await header(page).fill('');
    await page.keyboard.type('constitutional court');
    await expect(options(page).first()).toContainText('Constitutional Court');

    await page.reload();
    await expect(page.locator('body')).toHaveAttribute('data-app', 'ready');
    await header(page).click();
    await page.keyboard.type('report');
    await expect(options(page).first()).toContainText(/report/i);
  });
});

test('saving a guide for offline use saves its search index', () => {
  for (const [country, lang, shown] of [['ro', 'en', 'en'], ['ro', 'de', 'ro'], ['fr', 'fr', 'fr']]) {
    const list = JSON.parse(readFileSync(new URL(`../../dist/offline/${country}/${lang}.json`, import.meta.url), 'utf8'));
    expect(list.files.map(([path]) => path), `${country}/${lang}`).toContain(`content/${country}/${shown}/search.txt`);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, expectedProblems: [/request failed: \S+\.js csp$/] });

  test('the form leads to the search page, which lists every page by section', async ({ page }) => {
    await page.goto('/en/ro/guides/check-a-claim');
    await header(page).fill('report');
    await header(page).press('Enter');
    await expect(page).toHaveURL(/\/en\/ro\/search\?q=report$/);
    await expect(h1(page)).toHaveText('Romania: search the guide');
    await expect(page.getByRole('heading', { level: 2, name: 'Every page of this guide' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Spotting misinformation' }).getByRole('link', { name: 'Report false information about elections' })).toBeVisible();
    await page.getByRole('link', { name: 'Central Electoral Bureau', exact: true }).click();
    await expect(h1(page)).toHaveText('Central Electoral Bureau');
  });
});

test('the search page shows the results of ?q= with their count', async ({ page }) => {
  await page.goto('/fr/fr/search?q=signaler');
  await expect(page.getByRole('searchbox', { name: 'Rechercher dans ce guide' }).and(page.locator('#search-page-q'))).toHaveValue('signaler');
  const results = page.locator('.search-results');
  await expect(results.getByRole('link').first()).toContainText('Signaler une fausse information');
  await expect(page.locator('.search-count')).toHaveText(/^Résultats : \d+$/);
  await page.locator('#search-page-q').fill('zqxwvy');
  await expect(page.locator('.search-count')).toHaveText('Aucune page ne correspond à « zqxwvy ».');
  await expect(results).toBeHidden();
});
