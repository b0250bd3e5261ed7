// The interface speaks the voter's language: every path starts with it; `/` picks it from
// the voter's saved choice or browser; switchable on every page, with each language's
// dates and plurals.
import { readFileSync } from 'node:fs';
import { test, expect, screenshots, switchLanguage, SAMPLE_LANGUAGES } from './fixtures.mjs';

const read = (path) => JSON.parse(readFileSync(new URL(`../../dist/${path}`, import.meta.url), 'utf8'));
/** `[code, own name]` of every interface language, and one language's texts by key. */
const LANGUAGES = read('i18n/languages.json');
const texts = (code) => Object.fromEntries(read(`i18n/${code}.json`));

const h1 = (page) => page.getByRole('heading', { level: 1 });

test.describe('a Hungarian-speaking voter in Romania', () => {
  test.use({ locale: 'hu-HU' });
  test('lands in Hungarian without choosing it, with dates as Hungarians write them', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL('/hu');
    await page.getByRole('link', { name: /Románia/ }).click();
    await expect(h1(page)).toHaveAccessibleName('Választások Romániában');
    await expect(page.locator('html')).toHaveAttribute('lang', 'hu');
    await expect(page.getByRole('link', { name: 'Hivatalos források (5)' })).toBeVisible();
    await page.goto('/hu/ro/elections/presidential-2024');
    await expect(page.locator('.status')).toHaveText('Megsemmisítve');
    await expect(page.locator('.timeline')).toContainText('2024. november 24.');
  });
});

test.describe('a French voter', () => {
  test.use({ locale: 'fr-FR' });
  test('lands in French on the home page and on France', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL('/fr');
    await expect(page.locator('main .lead')).toContainText('Choisissez votre pays');
    await expect(page.getByRole('link', { name: /Roumanie/ })).toBeVisible();
    await page.goto('/fr/fr/elections/legislative-2024');
    await expect(h1(page)).toHaveAccessibleName('Élections législatives anticipées de 2024');
    await expect(page.locator('.timeline')).toContainText('30 juin 2024');
    await expect(page.locator('.provenance-title')).toHaveText('5 sources');
  });
});

test.describe('a visitor whose browser asks for a language we do not offer', () => {
  test.use({ locale: 'ja-JP' });
  test('stays in English on the home page, and can pick a language there', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
    await expect(page).toHaveURL('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await switchLanguage(page, 'Language', 'Română');
    await expect(page).toHaveURL('/ro');
    await expect(page.locator('main .lead')).toContainText('Alege-ți țara');
  });
});

test('a chosen language is remembered for the next visit to the home page', async ({ page }) => {
  await page.goto('/hu');
  await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
  await page.goto('/');
  await expect(page).toHaveURL('/hu');
  await expect(page.locator('html')).toHaveAttribute('lang', 'hu');
  // France offers no Hungarian pages: French text, marked as French, announced in Hungarian.
  await page.goto('/hu/fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'hu');
  await expect(page.locator('main article > header')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('.fallback-notice')).toHaveText('Ez az oldal még nem érhető el magyarul; francia nyelven jelenik meg.');
});

test('the language switcher keeps the page', async ({ page }) => {
  await page.goto('/en/ro/guides/check-a-claim');
  await expect(h1(page)).toHaveAccessibleName('Check a claim before you share it');
  await switchLanguage(page, 'Language', 'Română');
  await expect(page).toHaveURL('/ro/ro/guides/check-a-claim');
  await expect(h1(page)).toHaveAccessibleName('Verifică o informație înainte s-o distribui');
  // The list may be closed by now (the switch is a page load when the app had not started
  // yet): the current language is read from the markup, not from what is on screen.
  await expect(page.getByRole('navigation', { name: 'Limba' })).toHaveCount(1);
  await expect(page.locator('nav.lang-switcher a[aria-current="true"]')).toHaveAttribute('hreflang', 'ro');
  await expect(page.locator('nav.lang-switcher .lang-current')).toHaveText('Română');
});

test('plural forms follow each language’s rules', async ({ page }) => {
  const cases = [
    ['/ro/fr/resources/interior-ministry', '1 sursă'],
    ['/ro/ro/partners/lead-stories', '2 surse'],
    ['/ro/ro', '2 surse'],
    ['/en/ro', '2 sources'],
    ['/hu/ro', '2 forrás'],
    ['/fr/fr/elections/legislative-2024', '5 sources'],
    ['/pl/ro', '2 źródła'],
    ['/de/fr/resources/interior-ministry', '1 Quelle'],
    ['/ar/ro', '٢ مصدران'],
    ['/ar/fr/elections/legislative-2024', '٥ مصادر'],
  ];
  for (const [path, text] of cases) {
    await page.goto(path);
    await expect(page.locator('.provenance-title'), path).toHaveText(text);
  }
});

test.describe('every interface text exists', () => {
  // `/<lang>/zz` is a missing page on purpose: the host answers 404 with the not-found page.
  test.use({ expectedProblems: [[/HTTP 404: \S+\/zz$/, /the server responded with a status of 404 .* at \S+\/zz$/]] });
  for (const lang of SAMPLE_LANGUAGES) {
  test(`no missing texts in ${lang}`, async ({ page }) => {
    for (const path of ['', '/zz', '/fr', '/ro', '/ro/elections/presidential-2025', '/fr/resources/arcom', '/ro/videos/funky-citizens-election-series']) {
      await page.goto(`/${lang}${path}`);
      await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      await expect(h1(page)).toBeVisible();
      await expect(page.locator('body'), path).not.toContainText('⟦');
    }
  });
  }
});

test('the layout mirrors for right-to-left scripts', async ({ page }) => {
  await page.goto('/en/ro/elections/presidential-2024');
  // After the take-over: the app sets `dir` itself, and replaces the static elements.
  await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
  const timeline = page.locator('.timeline');
  await expect(timeline).toBeVisible();
  const border = () => timeline.evaluate((el) => [getComputedStyle(el).borderLeftWidth, getComputedStyle(el).borderRightWidth]);
  expect(await border()).toEqual(['3px', '0px']);
  await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
  expect(await border()).toEqual(['0px', '3px']);
});

test.describe('a visitor whose first browser language we do not offer', () => {
  test.use({ locale: 'ja-JP', extraHTTPHeaders: { 'Accept-Language': 'ja-JP,ro;q=0.8' } });
  test('gets the next one we do', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(navigator, 'languages', { get: () => ['ja-JP', 'ro'] }));
    await page.goto('/');
    await expect(page).toHaveURL('/ro');
  });
});

test.describe('a German voter', () => {
  test.use({ locale: 'de-DE' });
  test('lands in German, with dates and the note that the translation is not yet reviewed', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL('/de');
    await page.goto('/de/fr/elections/legislative-2024');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.locator('.timeline')).toContainText('30. Juni 2024');
    // One line, the whole sentence behind it.
    const note = page.getByRole('banner').locator('details.unreviewed-note');
    await expect(note.locator('summary')).toHaveText(texts('de')['site.unreviewed_short']);
    await expect(note.getByText(texts('de')['site.unreviewed'])).toBeHidden();
    await note.locator('summary').click();
    await expect(note.getByText(texts('de')['site.unreviewed'])).toBeVisible();
  });
});

test('an Arabic interface reads right to left, with Arabic digits and mirrored marks', async ({ page }) => {
  await page.goto('/ar/ro/elections/presidential-2024');
  await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('.timeline')).toContainText('٢٠٢٤');
  const separator = await page.locator('.breadcrumbs li + li').first().evaluate((li) => getComputedStyle(li, '::before').content);
  expect(separator).toBe('"‹"');
  // The page's Romanian text keeps its own direction inside the Arabic interface.
  await expect(page.locator('main .prose')).toHaveAttribute('lang', 'ro');
  expect(await page.locator('main .prose').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  // The breadcrumb starts on the right.
  const [first, last] = await page.locator('.breadcrumbs li').evaluateAll((lis) => [lis[0].getBoundingClientRect().x, lis.at(-1).getBoundingClientRect().x]);
  expect(first).toBeGreaterThan(last);
  await screenshots(page, 'ar-election');
});

test('every interface language has its page, its own name in the switcher, its lang and dir', async ({ page }) => {
  expect(LANGUAGES.length).toBeGreaterThanOrEqual(27);
  await page.goto('/en');
  const names = await page.locator('.lang-switcher a').evaluateAll((as) => as.map((a) => [a.lang, a.textContent]));
  expect(names).toEqual(LANGUAGES);
  for (const [code] of LANGUAGES) {
    await page.goto(`/${code}/ro`);
    await expect(page.locator('html'), code).toHaveAttribute('lang', code);
    await expect(page.locator('html'), code).toHaveAttribute('dir', texts(code)['#direction']);
    await expect(page.locator('body'), code).not.toContainText('⟦');
  }
});

test('the language list a voter opened before the app started stays open', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto('/en/ro');
  await page.getByRole('navigation', { name: 'Language' }).locator('summary').click();
  release();
  await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
  await expect(page.locator('.lang-switcher details')).toHaveAttribute('open', '');
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Polski' }).click();
  await expect(page).toHaveURL('/pl/ro');
});
