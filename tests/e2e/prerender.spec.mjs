// Pre-rendered pages: every route in every interface language is a static page that reads
// fully without JavaScript, and the app takes it over without changing a character, moving
// a pixel or losing keyboard focus.
import { readFileSync } from 'node:fs';
import { test, expect, SAMPLE_LANGUAGES } from './fixtures.mjs';

const DIST = new URL('../../dist/', import.meta.url);
const read = (path) => JSON.parse(readFileSync(new URL(path, DIST), 'utf8'));
/** Every route the build pre-renders (`routes.json`, written by the pre-renderer from
 * `content::route`), with the heading its page must show. */
function routes() {
  const texts = {};
  const text = (lang, key) => (texts[lang] ??= Object.fromEntries(read(`i18n/${lang}.json`)))[key];
  const manifests = {};
  return read('routes.json').map((r) => {
    if (!r.country) return { ...r, title: text(r.lang, 'site.name') };
    const m = (manifests[r.manifest] ??= read(r.manifest));
    // A page the app does not draw: the whole guide, what changed.
    if (r.document) {
      const name = m.country.names[r.lang] ?? m.country.names.en;
      return { ...r, title: text(r.lang, `${r.document}.title`).replace('{country}', name) };
    }
    if (!r.section) return { ...r, title: m.hub.title, body: true };
    if (!r.slug) return { ...r, title: text(r.lang, `section.${r.section}`) };
    return { ...r, title: m.pages.find((p) => p.section === r.section && p.slug === r.slug).title, body: true };
  });
}
// Every language with E2E_LANGUAGES=all (`make e2e-languages`), else the sample.
const UI_LANGUAGES = process.env.E2E_LANGUAGES === 'all' ? [...new Set(routes().map((r) => r.lang))] : SAMPLE_LANGUAGES;

// With JavaScript off, Chromium cancels the app's module preload (reported as "csp").
const NO_SCRIPT = /request failed: \S+\.js csp$/;

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, expectedProblems: [NO_SCRIPT] });

  for (const lang of UI_LANGUAGES) {
    test(`every route in ${lang} reads fully, and every link on it leads to a page`, async ({ page, request }) => {
      test.setTimeout(3 * 60_000);
      const links = new Set();
      const mine = routes().filter((r) => r.lang === lang);
      expect(mine.length).toBeGreaterThan(30);
      for (const route of mine) {
        await test.step(route.path, async () => {
          await page.goto(route.path);
          await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName(route.title);
          await expect(page.locator('html')).toHaveAttribute('lang', lang);
          await expect(page).toHaveTitle(new RegExp(`Election Center$`));
          if (route.body) expect((await page.locator('main .prose').textContent()).trim().length).toBeGreaterThan(40);
          for (const href of await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.href))) {
            const url = new URL(href);
            if (url.origin === new URL(page.url()).origin) links.add(url.pathname);
          }
        });
      }
      for (const path of links) {
        const response = await request.get(path);
        expect(response.status(), `${path} (linked from a ${lang} page)`).toBe(200);
      }
    });
  }

  test.describe('a missing page', () => {
    test.use({ expectedProblems: [[NO_SCRIPT, /HTTP 404: /, /status of 404 \(Not Found\) at /]] });
    test('is the not-found page, with a way home', async ({ page }) => {
      const response = await page.goto('/en/fr/guides/no-such-guide');
      expect(response.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('Page not found');
      await page.getByRole('link', { name: 'Choose a country' }).click();
      await expect(page).toHaveURL('/en');
      await expect(page.getByRole('link', { name: /Romania/ })).toBeVisible();
    });
  });
});

/** Records layout shifts from the first paint on, and the static page's text. */
async function watchTakeover(page) {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => ({
      value: e.value,
      // Before the take-over (the static page settling as it loads) or from it: the swap
      // and `data-app` happen in one task, so a shift it causes starts after that mark.
      takeover: window.__tookOver !== undefined && e.startTime >= window.__tookOver,
      sources: e.sources.map((s) => (s.node?.nodeType === 1 ? `${s.node.tagName.toLowerCase()}.${s.node.className}` : String(s.node?.nodeName))),
    }))))
      .observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('DOMContentLoaded', () => {
      window.__static = document.body.textContent;
      new MutationObserver(() => { window.__tookOver ??= performance.now(); }).observe(document.body, { attributes: true, attributeFilter: ['data-app'] });
    });
    // Where every element of the page stands, as the static page lays it out and then as
    // the app does: a layout-shift observer cannot see this, since the take-over's elements
    // are new ones (the video filters once pushed a phone's list down 94 px unseen).
    // The voter's own time, added beside a date once the app runs (the browser's zone is
    // known only then), is the one thing allowed to move what follows it: set aside here.
    window.__layout = () => {
      for (const e of document.querySelectorAll('.your-time')) e.style.display = 'none';
      return [...document.querySelectorAll('body *:not(.your-time)')].map((e) => {
      const r = e.getBoundingClientRect();
      return `${e.tagName} ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
      });
    };
    addEventListener('load', () => { window.__staticLayout = window.__layout(); });
    // Text the app adds once it runs ("now", the voter's zone) is not part of the page.
    window.__pageText = () => {
      const body = document.body.cloneNode(true);
      for (const el of body.querySelectorAll('[data-after-start]')) el.textContent = '';
      return body.textContent;
    };
  });
}

test.describe('the take-over', () => {
// Leaving a page whose video is still loading its first frames cancels that request.
test.use({ expectedProblems: [/request failed: \S+\.webm net::ERR_ABORTED$/] });
for (const lang of UI_LANGUAGES) {
  test(`the app takes over every ${lang} page without changing its text or moving it`, async ({ page }) => {
    test.setTimeout(3 * 60_000);
    // A phone, where lines wrap most.
    await page.setViewportSize({ width: 360, height: 640 });
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning' && !/integrity|preloaded using link preload/.test(m.text())) warnings.push(m.text()); });
    await watchTakeover(page);
    for (const route of routes().filter((r) => r.lang === lang && !r.document)) {
      await test.step(route.path, async () => {
        await page.goto(route.path);
        await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
        const { before, after, shifts, staticLayout, layout } = await page.evaluate(() => ({
          before: window.__static, after: window.__pageText(), shifts: window.__shifts,
          staticLayout: window.__staticLayout, layout: window.__layout(),
        }));
        expect(before.length).toBeGreaterThan(100);
        expect(after, 'text after the take-over').toBe(before);
        // No shift from the take-over a voter could see; the element-by-element comparison
        // below stays exact. Shifts while the static page loads, before the app runs, are
        // not the take-over's: on a loaded machine 0.0001–0.013 were seen on a few pages
        // among 1,300 (the language switcher on /el/fr; cause not found yet). They are
        // listed in the report rather than failing this test.
        expect(await page.evaluate(() => window.__tookOver), 'the take-over was seen').toBeGreaterThan(0);
        const total = shifts.filter((s) => s.takeover).reduce((sum, s) => sum + s.value, 0);
        expect(total, `layout shifts from the take-over (CLS contributions): ${JSON.stringify(shifts)}`).toBeLessThan(0.01);
        const settling = shifts.filter((s) => !s.takeover);
        if (settling.length) test.info().annotations.push({ type: 'layout shift before the take-over', description: `${route.path}: ${JSON.stringify(settling)}` });
        expect(layout, 'every element where the static page had it').toEqual(staticLayout);
        await expect(page.locator('main')).toHaveCount(1);
        await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      });
    }
    expect(warnings).toEqual([]);
  });
}

});

test('keyboard focus and scroll position survive the take-over', async ({ page }) => {
  let release;
  const wasmHeld = new Promise((resolve) => { release = resolve; });
  await page.route('**/*_bg.wasm', async (route) => { await wasmHeld; await route.continue(); });
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('/en/ro');
  await page.locator('a[href="en/ro/guides"]').focus();
  await page.evaluate(() => window.scrollBy(0, 200));
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);
  await page.evaluate(() => { window.__old = document.activeElement; });
  release();
  await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
  const focus = await page.evaluate(() => ({
    href: document.activeElement.getAttribute('href'),
    replaced: document.activeElement !== window.__old && !window.__old.isConnected,
    y: window.scrollY,
  }));
  expect(focus).toEqual({ href: 'en/ro/guides', replaced: true, y: scrolled });
  // The app now handles navigation itself: no new document is loaded.
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('Spotting misinformation');
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});

test('the boot script’s status line stays through the take-over, with its focus', async ({ page }) => {
  // A new version's prompt can show before the app has taken the page over (the worker
  // answers sooner than the page's data): a voter on its Reload button stays there.
  let release;
  const wasmHeld = new Promise((resolve) => { release = resolve; });
  await page.route('**/*_bg.wasm', async (route) => { await wasmHeld; await route.continue(); });
  await page.goto('/en/ro');
  // What scripts/boot.mjs appends to the body: an <output> with the text and a button.
  await page.evaluate(() => {
    const bar = Object.assign(document.createElement('output'), { textContent: 'A new version of this guide is available. ' });
    bar.append(Object.assign(document.createElement('button'), { textContent: 'Reload' }));
    document.body.append(bar);
  });
  const reload = page.locator('body > output').getByRole('button', { name: 'Reload' });
  await reload.focus();
  await page.evaluate(() => { window.__button = document.activeElement; });
  release();
  await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
  await expect(reload).toBeFocused();
  expect(await page.evaluate(() => ({
    same: document.activeElement === window.__button,
    last: document.body.lastElementChild.tagName,
    count: document.querySelectorAll('body > output').length,
  }))).toEqual({ same: true, last: 'OUTPUT', count: 1 });
});
