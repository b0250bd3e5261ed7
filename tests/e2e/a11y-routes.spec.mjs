// Axe (WCAG 2.0–2.2 A/AA and best practices) on every route of the build (`routes.json`),
// not a sample of each kind: a sample once missed a heading-order violation on four lists.
// In the languages the guide is written in (en, fr, ro, hu) and one right to left (ar),
// light and dark; `A11Y_LANGUAGES=all` (`make a11y-report`) walks all 27. On a 320 px
// phone (WCAG 1.4.10: 1280 px at 400 % zoom) each page must also reflow without scrolling
// sideways. The pages are checked as pre-rendered, which is the markup the app takes them
// over with (`prerender.spec.mjs` compares the two, and `a11y.spec.mjs` checks a page of
// each kind as the app draws it): not starting the app keeps this walk to a few minutes.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';
import { axe } from './axe.mjs';
const routes = JSON.parse(readFileSync(new URL('../../dist/routes.json', import.meta.url), 'utf8'));
const all = [...new Set(routes.map((r) => r.lang))];
const LANGUAGES = process.env.A11Y_LANGUAGES === 'all' ? all : (process.env.A11Y_LANGUAGES ?? 'en,fr,ro,hu,ar').split(',');

/** Every violation on `path` (of the rules axe runs with `only`, else all), one line each;
 * and whether the page scrolls sideways. */
async function check(page, path, only) {
  const response = await page.goto(path);
  expect(response.status(), path).toBe(200);
  const { violations, rules: ran } = await axe(page, only);
  const problems = violations.map((v) => `${path}: ${v}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) problems.push(`${path}: scrolls sideways by ${overflow} px`);
  return { problems, rules: ran };
}

test.describe('every route', () => {
  test.describe.configure({ mode: 'parallel' });
  for (const lang of LANGUAGES) {
    // Light, every rule, on a phone; dark, the rules a theme changes (colours), on a computer.
    for (const [scheme, viewport, only] of [
      ['light', { width: 320, height: 640 }, null],
      ['dark', { width: 1280, height: 800 }, ['color-contrast', 'link-in-text-block']],
    ]) {
      test(`in ${lang}, ${scheme}, ${viewport.width} px wide: no axe violation and no sideways scrolling`, async ({ page }) => {
        test.setTimeout(600_000);
        // The pre-rendered page, as every voter first gets it: its boot script is answered
        // empty, so the app does not start (axe needs the page's timers, which turning
        // JavaScript off would stop).
        await page.route(/\/boot-[0-9a-f]{16}\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: scheme });
        const paths = routes.filter((r) => r.lang === lang).map((r) => r.path);
        expect(paths.length).toBeGreaterThan(40);
        const problems = [];
        let rules = 0;
        for (const path of paths) {
          const found = await check(page, path, only);
          problems.push(...found.problems);
          rules = Math.max(rules, found.rules);
        }
        test.info().annotations.push({ type: 'checked', description: `${paths.length} pages, ${rules} rules each` });
        expect(problems).toEqual([]);
      });
    }
  }
});
