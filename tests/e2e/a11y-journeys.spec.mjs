// What axe cannot see (issue #21): each voter task done with the keyboard alone (focus always
// visible, never trapped), WCAG's text-spacing overrides, Windows' high-contrast mode
// (`forced-colors: active`) and reduced motion. What a screen reader is told on each kind
// of page is kept in `aria.spec.mjs`.
import { test, expect } from './fixtures.mjs';

const ready = (page) => expect(page.locator('body')).toHaveAttribute('data-app', 'ready');

/** The focused element and whether its focus can be seen (an outline, or a ring drawn
 * with box-shadow, which forced-colors mode removes: so only outlines count there). */
const focusState = (page, forced = false) =>
  page.evaluate((forced) => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const ring = !forced && style.boxShadow !== 'none';
    const box = el.getBoundingClientRect();
    // Each stop is met once on the way through: met again, focus went round in a circle.
    el.__tabStops = (el.__tabStops ?? 0) + 1;
    return { again: el.__tabStops > 1, name: `${el.tagName.toLowerCase()} ${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}`, visible: outline || ring, inView: box.width > 0 && box.height > 0 };
  }, forced);

/** Tabs through the whole page: every stop shows its focus, and focus leaves the page at
 * the end (no trap). Returns the stops' names. */
async function tabThrough(page, { forced = false, limit = 400 } = {}) {
  const stops = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const state = await focusState(page, forced);
    if (!state) return stops;
    expect(state.visible, `focus on "${state.name}" cannot be seen`).toBe(true);
    expect(state.inView, `focus on "${state.name}", which has no size`).toBe(true);
    if (state.again) throw new Error(`focus is trapped: "${state.name}" came round again after ${stops.join(' → ')}`);
    stops.push(state.name);
  }
  throw new Error(`focus never left the page after ${limit} Tab presses`);
}

test.describe('with the keyboard alone', () => {
  test('the skip link goes to the content, and every stop of the hub shows its focus until focus leaves the page', async ({ page }) => {
    await page.goto('/en/ro');
    await ready(page);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    // From the content on, the next stop is inside it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.querySelector('main').contains(document.activeElement))).toBe(true);
    await page.goto('/en/ro');
    await ready(page);
    const stops = await tabThrough(page);
    expect(stops.length).toBeGreaterThan(15);
  });

  test('a voter changes the language, finds a guide and follows it', async ({ page }) => {
    await page.goto('/en/ro');
    await ready(page);
    const switcher = page.getByRole('navigation', { name: 'Language' }).locator('summary');
    await switcher.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('navigation', { name: 'Language' }).locator('details')).toHaveAttribute('open', '');
    // Tab to Magyar and follow it.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement.textContent.trim())) === 'Magyar') break;
    }
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/hu\/ro$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'hu');
    // After the move, focus is on the new page's content, not lost at the top.
    await expect(page.locator('main')).toBeFocused();
    // The hub leads to each section; the section lists its guides.
    await page.locator('main .hub-sections a[href$="/guides"]').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/hu\/ro\/guides$/);
    await page.locator('main a[href$="/guides/check-a-claim"]').first().focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/hu\/ro\/guides\/check-a-claim$/);
    await expect(page.locator('main')).toBeFocused();
  });

  test('the video filters work from the keyboard, and say when nothing matches', async ({ page }) => {
    await page.goto('/en/ro/videos');
    await ready(page);
    const cards = page.locator('.video-card:visible');
    const all = await cards.count();
    expect(all).toBeGreaterThan(1);
    await page.getByLabel('Partner').focus();
    // A closed select changes with the arrow keys, as a keyboard user would.
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(/partner=funky-citizens/);
    await expect(cards).toHaveCount(1);
    await page.keyboard.press('ArrowUp');
    await expect(cards).toHaveCount(all);
    await tabThrough(page);
  });

  test('every stop shows its focus on an election, a guide and the video list, on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 640 });
    for (const path of ['/en/ro/elections/presidential-2025', '/fr/fr/guides/check-a-claim', '/ar/ro/videos']) {
      await page.goto(path);
      await ready(page);
      expect((await tabThrough(page)).length, path).toBeGreaterThan(5);
    }
  });
});

const KINDS = [
  ['home', '/en'],
  ['hub', '/en/ro'],
  ['elections', '/en/ro/elections'],
  ['election', '/en/ro/elections/presidential-2025'],
  ['resource', '/en/fr/resources/arcom'],
  ['partner', '/en/ro/partners/lead-stories'],
  ['guide', '/en/fr/guides/check-a-claim'],
  ['videos', '/en/ro/videos'],
  ['video', '/en/ro/videos/check-a-claim'],
  ['print', '/en/ro/print'],
  ['offline', '/en/ro/offline'],
  ['right-to-left hub', '/ar/ro'],
];

test.describe('WCAG 1.4.12 text spacing', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const [kind, path] of KINDS) {
    test(`the ${kind} page keeps all its text with wider spacing, at 320 px`, async ({ page }) => {
      await page.goto(path);
      // Added as a user style sheet would be, through the DevTools protocol: the site's CSP
      // (rightly) refuses a style element from the page.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { frameTree } = await cdp.send('Page.getFrameTree');
      const { styleSheetId } = await cdp.send('CSS.createStyleSheet', { frameId: frameTree.frame.id });
      await cdp.send('CSS.setStyleSheetText', {
        styleSheetId,
        text: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }',
      });
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')).letterSpacing)).not.toBe('normal');
      const clipped = await page.evaluate(() => {
        const out = [];
        if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push(`the page scrolls sideways by ${document.documentElement.scrollWidth - document.documentElement.clientWidth} px`);
        for (const el of document.querySelectorAll('body *')) {
          const s = getComputedStyle(el);
          if (s.display === 'none' || s.visibility === 'hidden' || el.closest('[hidden], .visually-hidden, .skip-link')) continue;
          const clips = (v) => v === 'hidden' || v === 'clip';
          if ((clips(s.overflowX) && el.scrollWidth > el.clientWidth + 1) || (clips(s.overflowY) && el.scrollHeight > el.clientHeight + 1)) {
            out.push(`${el.tagName.toLowerCase()}.${el.className} clips its text`);
          }
        }
        return out;
      });
      expect(clipped).toEqual([]);
    });
  }
});

test.describe('forced colors (Windows high contrast)', () => {
  test.use({ colorScheme: 'dark' });
  test('focus stays visible without box shadows, and controls keep their edges', async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    for (const path of ['/en/ro', '/en/ro/videos', '/en/ro/offline']) {
      await page.goto(path);
      if (!path.endsWith('/offline')) await ready(page);
      await tabThrough(page, { forced: true });
      // Buttons and selects are told apart from text by their border, the one edge kept.
      const edgeless = await page.evaluate(() =>
        [...document.querySelectorAll('button:not([hidden]), select')]
          .filter((el) => el.getClientRects().length && parseFloat(getComputedStyle(el).borderTopWidth) < 1)
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(edgeless, path).toEqual([]);
    }
  });
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('nothing moves on its own, and in-page links jump rather than scroll', async ({ page }) => {
    await page.goto('/en/ro/elections/presidential-2025');
    await ready(page);
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Romania' }).click();
    await expect(page.locator('h1')).toHaveAccessibleName('Elections in Romania');
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
    const moving = await page.evaluate(() =>
      [...document.querySelectorAll('body *')].filter((el) => parseFloat(getComputedStyle(el).transitionDuration) > 0).length,
    );
    expect(moving).toBe(0);
  });
});
