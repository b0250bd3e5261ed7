// A section's page is the full list of its pages (the hub links to it with a count): official
// resources and partners grouped by kind, guides by topic once a topic has more than one (the
// second deployment's content overlay gives "checking a claim" a second guide in France),
// each entry with its summary.
import { test, expect } from './fixtures.mjs';
import { IDENTITY } from './playwright.config.mjs';

test('resources are grouped by the kind of body; one guide per topic stays one list', async ({ page }) => {
  await page.goto('/en/ro/resources');
  await expect(page.locator('.kind-heading')).toHaveCount(4);
  const authorities = page.locator('.kind-heading', { hasText: 'Electoral authority' });
  await expect(authorities.locator('+ .page-list').getByRole('link')).toHaveText(['Permanent Electoral Authority', 'Central Electoral Bureau']);
  await page.goto('/en/fr/guides');
  await expect(page.locator('.kind-heading')).toHaveCount(0);
  await expect(page.locator('.page-list > li')).toHaveCount(5);
  await expect(page.locator('.page-list > li p').first()).not.toBeEmpty();
});

test('guides are grouped by topic once a topic has more than one, in the interface\'s language', async ({ page }) => {
  await page.goto(`${IDENTITY}en/fr/guides`);
  const claims = page.locator('.kind-heading', { hasText: 'Checking a claim' });
  await expect(claims).toHaveCount(1);
  await expect(claims.locator('+ .page-list > li')).toHaveCount(2);
  await expect(page.locator('.kind-heading')).toHaveCount(5);
  await page.goto(`${IDENTITY}fr/fr/guides`);
  await expect(page.locator('.kind-heading').first()).toHaveText('Vérifier une affirmation');
});
