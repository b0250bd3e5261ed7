// What a screen reader is told on each kind of page (issue #21), kept as accessibility-tree
// snapshots in `aria.spec.mjs-snapshots/`: a change in what is announced (a lost heading
// level, a link's name, a landmark) fails here and becomes a reviewed change
// (`npx playwright test --config tests/e2e/playwright.config.mjs aria --update-snapshots`).
// Taken on the fixture country (the `newcomer` project), whose content and build date
// never change, so an editor's change to the real guide never touches them.
import { test, expect } from './fixtures.mjs';

// The voter's own time zone is shown beside an event's: one fixed zone.
test.use({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });

const KINDS = [
  ['home', '/en'],
  ['hub', '/en/aa'],
  ['hub-in-french', '/fr/aa'],
  ['elections', '/en/aa/elections'],
  ['election', '/en/aa/elections/general-2025'],
  ['resource', '/en/aa/resources/commission'],
  ['partner', '/en/aa/partners/checkers'],
  ['guide', '/en/aa/guides/check-a-claim'],
  ['videos', '/en/aa/videos'],
  ['video', '/en/aa/videos/spot-a-fake'],
];

for (const [kind, path] of KINDS) {
  test(`on the ${kind} page`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('body')).toHaveAttribute('data-app', 'ready');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('body')).toMatchAriaSnapshot({ name: `${kind}.aria.yml` });
  });
}

test.describe('a page that does not exist', () => {
  test.use({ expectedProblems: [[/HTTP 404: \S+\/en\/aa\/guides\/nowhere$/, /status of 404 .* at \S+\/en\/aa\/guides\/nowhere$/]] });
  test('says so, with a way on', async ({ page }) => {
    await page.goto('/en/aa/guides/nowhere');
    await expect(page.locator('body')).toHaveAttribute('data-app', 'ready');
    await expect(page.locator('body')).toMatchAriaSnapshot({ name: 'not-found.aria.yml' });
  });
});
