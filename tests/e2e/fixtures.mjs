// A `page` that fails the test on any console error, uncaught exception, failed request,
// HTTP error response or Content-Security-Policy violation, and a helper that saves phone and desktop screenshots.
import { test as base, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const SCREENSHOT_DIR = new URL('../../target/screenshots/', import.meta.url).pathname;

export const test = base.extend({
  // Problems a test provokes on purpose, as regular expressions; everything else fails it.
  expectedProblems: [[], { option: true }],
  page: async ({ page, expectedProblems }, use) => {
    const problems = [];
    // Every Content-Security-Policy violation, reported by the page itself: a blocked style
    // attribute or script fails the test even where the browser logs nothing.
    await page.exposeFunction('__cspViolation', (v) => problems.push(`CSP violation: ${v}`));
    await page.addInitScript(() => {
      addEventListener('securitypolicyviolation', (e) => window.__cspViolation(`${e.effectiveDirective} ${e.blockedURI} at ${e.documentURI}`));
    });
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()} at ${m.location().url}`); });
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
    await use(page);
    // Playwright reads a list given to `test.use` as `[value, options]`: write one problem as
    // `[a]` and several as `[[a, b]]`; both arrive here, as `a` or as `[a, b]`.
    const expected = [expectedProblems].flat(Infinity);
    const unexpected = problems.filter((p) => !expected.some((re) => re.test(p)));
    expect(unexpected, 'the page reported errors').toEqual([]);
  },
});

export { expect };

/** Saves `<name>-phone.png` (360×640) and `<name>-desktop.png` (1280×800), full page. */
export async function screenshots(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const [label, size] of [['phone', { width: 360, height: 640 }], ['desktop', { width: 1280, height: 800 }]]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SCREENSHOT_DIR}${name}-${label}.png`, fullPage: true });
  }
}

/** Opens the language switcher of the navigation named `nav` and follows `name`. */
export async function switchLanguage(page, nav, name) {
  const switcher = page.getByRole('navigation', { name: nav });
  await switcher.locator('summary').click();
  await switcher.getByRole('link', { name, exact: true }).click();
}

/** Interface languages the browser tests walk route by route: the first four, and others
 * of each script and plural shape (Latin, Cyrillic, Greek; Irish's five forms; Arabic,
 * right to left). `E2E_LANGUAGES=all` walks every one (`make e2e-languages`). */
export const SAMPLE_LANGUAGES = ['en', 'fr', 'ro', 'hu', 'de', 'pl', 'el', 'bg', 'ga', 'ar'];
