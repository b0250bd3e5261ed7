// Content voters can trust: claims cite their sources, the guide prints (an election page on
// one A4 sheet, the whole guide as a booklet), and its open feeds (Atom, calendars, change
// log) are linked and served as what they are.
import { readFileSync } from 'node:fs';
import { test, expect, SAMPLE_LANGUAGES } from './fixtures.mjs';

const DIST = new URL('../../dist/', import.meta.url);
const ROUTES = JSON.parse(readFileSync(new URL('routes.json', DIST), 'utf8'));

/** Pages of a PDF as Chromium writes it: one `/Type /Page` object per sheet. */
const pdfPages = (pdf) => pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;

test('a citation names its source and leads to it, with and without JavaScript', async ({ page, browser }) => {
  await page.goto('/en/ro/elections/presidential-2025');
  await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
  const cites = page.locator('.prose sup.cite a');
  expect(await cites.count()).toBeGreaterThan(2);
  // Every citation points at a source of this page's list, on this page.
  const targets = await cites.evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent, a.title]));
  const sources = await page.locator('.provenance ol > li').evaluateAll((lis) => lis.map((li) => [li.id, li.textContent]));
  for (const [href, text, title] of targets) {
    const [path, id] = href.split('#');
    expect(path).toBe('en/ro/elections/presidential-2025');
    const n = sources.findIndex(([sid]) => sid === id);
    expect(n, `${href} names a source of the page`).toBeGreaterThanOrEqual(0);
    expect(text).toBe(`[${n + 1}]`);
    expect(sources[n][1]).toContain(title);
  }
  await cites.first().click();
  const id = targets[0][0].split('#')[1];
  await expect(page).toHaveURL(`/en/ro/elections/presidential-2025#${id}`);
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
  await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('2025 presidential election');

  // The static page, before any script: the same links.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const still = await context.newPage();
  await still.goto('/en/ro/elections/presidential-2025');
  expect(await still.locator('.prose sup.cite a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent, a.title]))).toEqual(targets);
  await context.close();
});

test.describe('printed', () => {
  // Every language with E2E_LANGUAGES=all (`make e2e-languages`), else the sample.
  const languages = process.env.E2E_LANGUAGES === 'all' ? [...new Set(ROUTES.map((r) => r.lang))] : SAMPLE_LANGUAGES;
  const elections = ROUTES.filter((r) => r.section === 'elections' && r.slug && languages.includes(r.lang));

  test(`every election page fits one A4 sheet, in ${languages.length} languages`, async ({ page }) => {
    test.setTimeout(6 * 60_000);
    expect(elections.length).toBeGreaterThanOrEqual(3 * languages.length);
    const sheets = {};
    for (const route of elections) {
      await page.goto(route.path);
      await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
      sheets[route.path] = pdfPages(await page.pdf({ format: 'A4' }));
    }
    expect(Object.entries(sheets).filter(([, n]) => n !== 1), 'pages that print on more than one sheet').toEqual([]);
  });

  test('the voting plan keeps what a voter needs and drops the screen furniture', async ({ page }) => {
    await page.goto('/en/ro/elections/presidential-2025');
    await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.site-footer', '.breadcrumbs', '.ics']) {
      await expect(page.locator(hidden).first()).toBeHidden();
    }
    for (const shown of ['h1', '.timeline', '.prose', '.provenance']) await expect(page.locator(shown).first()).toBeVisible();
    // A source's address is written out, since paper cannot follow a link.
    const after = await page.locator('.provenance a.external').first().evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toMatch(/https:|attr\(href\)/);
  });

  test('the whole guide is a booklet: contents, then each page on its own sheet, and no script', async ({ page }) => {
    const response = await page.goto('/en/ro/print');
    expect(response.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText('Romania: the whole guide');
    expect(await page.locator('script[type=module]').count()).toBe(0);
    const manifest = JSON.parse(readFileSync(new URL('content/ro/en.json', DIST), 'utf8'));
    const articles = page.locator('.booklet-page');
    await expect(articles).toHaveCount(manifest.pages.length + 1);
    // The contents lead to each page; ids stay unique although pages share headings.
    const contents = page.getByRole('navigation', { name: 'Contents' }).getByRole('link');
    await expect(contents).toHaveCount(manifest.pages.length + 1);
    const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
    expect(ids.length).toBe(new Set(ids).size);
    await contents.nth(3).click();
    await expect(page).toHaveURL(/\/en\/ro\/print#page-3$/);
    await expect(articles.nth(3)).toBeInViewport();
    const sheets = pdfPages(await page.pdf({ format: 'A4' }));
    expect(sheets).toBeGreaterThanOrEqual(manifest.pages.length + 1);
  });
});

test('the hub leads to the booklet, the change log, one calendar and the feed, each as what it is', async ({ page, request }) => {
  await page.goto('/en/ro');
  await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
  const tools = page.getByRole('navigation', { name: 'Take this guide with you' });
  const calendar = await tools.getByRole('link', { name: 'Every key date in your calendar' }).getAttribute('href');
  const feed = await tools.getByRole('link', { name: 'Follow updates (Atom feed)' }).getAttribute('href');
  expect((await request.get(`/${calendar}`)).headers()['content-type']).toContain('text/calendar');
  const atom = await request.get(`/${feed}`);
  expect(atom.headers()['content-type']).toContain('application/atom+xml');
  expect(await atom.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  // The page announces its feed to feed readers.
  await expect(page.locator('head link[rel=alternate][type="application/atom+xml"]')).toHaveAttribute('href', /feed\.atom$/);

  // A document is a page of its own: the browser loads it, the app does not draw it.
  await tools.getByRole('link', { name: 'What changed' }).click();
  await expect(page).toHaveURL('/en/ro/changes');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Romania: what changed');
  await expect(page.locator('body[data-app]')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Follow updates (Atom feed)' })).toHaveAttribute('href', 'content/ro/en/feed.atom');
  await page.goBack();
  await expect(page).toHaveURL('/en/ro');
  await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
  await tools.getByRole('link', { name: 'Print the whole guide' }).click();
  await expect(page).toHaveURL('/en/ro/print');
  await expect(page.locator('body[data-app]')).toHaveCount(0);
});

test('an election page adds every key date to a calendar at once', async ({ page, request }) => {
  await page.goto('/en/ro/elections/presidential-2025');
  const href = await page.getByRole('link', { name: 'Add all these dates to your calendar' }).getAttribute('href');
  expect(href).toBe('content/ro/en/elections/presidential-2025.ics');
  const ics = await (await request.get(`/${href}`)).text();
  const one = await (await request.get('/content/ro/en/elections/presidential-2025/0.ics')).text();
  // The same events as the one-by-one files, with their UIDs, so calendars keep one copy.
  const uid = one.match(/\r\nUID:([^\r]+)\r\n/)[1];
  expect(ics).toContain(`\r\nUID:${uid}\r\n`);
  expect(ics.match(/BEGIN:VEVENT/g).length).toBeGreaterThanOrEqual(2);
});
