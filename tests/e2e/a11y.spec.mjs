// Automated accessibility checks (axe-core, WCAG 2.0–2.2 A/AA and best practices) on each
// kind of page, in light and dark themes and on a phone. Automated checks catch only part
// of WCAG; keyboard and screen-reader walks remain necessary.
import { test, expect } from './fixtures.mjs';
import { axe } from './axe.mjs';
const PAGES = [
  '/en',
  '/fr/zz',
  '/fr/fr',
  '/hu/ro',
  '/ro/ro/elections/presidential-2024',
  '/en/fr/resources/arcom',
  '/en/ro/partners/lead-stories',
  '/fr/fr/guides/check-a-claim',
  '/ro/ro/videos/check-a-claim',
  '/en/ro/videos',
  '/en/fr/elections',
  // Right to left, and the language switcher open.
  '/ar/ro',
  '/ar/ro/elections/presidential-2024',
  // Pages the app does not draw: the whole guide, what changed, saving it for offline use.
  '/en/ro/print',
  '/fr/fr/changes',
  '/ro/ro/offline',
];

// `/fr/zz` is the not-found page, answered with HTTP 404 on purpose.
test.use({ expectedProblems: [[/HTTP 404: \S+\/fr\/zz$/, /status of 404 .* at \S+\/fr\/zz$/]] });

async function expectNoViolations(page, path) {
  await page.goto(path);
  // Checked as the app renders it (the static page is checked by the same markup); a
  // document has no app.
  if (!/\/(print|changes|offline)$/.test(path)) await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
  // The offline page's controls, shown by its script once it knows the sizes.
  if (path.endsWith('/offline')) await expect(page.locator('.offline-size')).not.toBeEmpty();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect((await axe(page)).violations).toEqual([]);
}

for (const scheme of ['light', 'dark']) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    for (const path of PAGES) {
      test(`${path} has no detectable accessibility violations`, ({ page }) => expectNoViolations(page, path));
    }
  });
}

// Embedded on a phone, in the theme the host app chose against the device's own.
test.describe('embedded in an app', () => {
  test.use({ viewport: { width: 360, height: 640 } });
  for (const [scheme, path] of [
    ['light', '/en/ro/videos?embed=1&theme=dark'],
    ['light', '/fr/fr/resources/arcom?embed=1&theme=dark'],
    ['dark', '/hu/ro?embed=1&theme=light'],
    ['dark', '/ro/ro/elections/presidential-2025?embed=1&theme=light'],
  ]) {
    test.describe(`on a ${scheme} device`, () => {
      test.use({ colorScheme: scheme });
      test(`${path} has no detectable accessibility violations`, ({ page }) => expectNoViolations(page, path));
    });
  }
});
