// "Share this page" (the app's Shell, scripts/boot.mjs): what it shares is the page's public
// address, never the visit's query or fragment, after in-app navigation too.
import { test, expect } from './fixtures.mjs';

/** The site's public address, as the page first loaded names it (its canonical address). */
const siteOf = (page, path) => page.locator('link[rel=canonical]').getAttribute('href').then((c) => c.slice(0, c.length - path.length));

test('the Web Share sheet gets the page’s title and clean public address', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.share = (data) => ((window.__shared = data), Promise.resolve());
  });
  await page.goto('/en/ro/videos?utm_source=newsletter&fbclid=abc#top');
  const site = await siteOf(page, 'en/ro/videos');
  await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Share this page' }).click();
  expect(await page.evaluate(() => window.__shared)).toEqual({ title: await page.title(), url: `${site}en/ro/videos` });
  // After moving on in the app, the page now open.
  await page.getByRole('link', { name: 'Check before you share: five steps' }).click();
  await expect(page).toHaveURL(/\/en\/ro\/videos\/check-a-claim$/);
  await page.getByRole('button', { name: 'Share this page' }).click();
  expect(await page.evaluate(() => window.__shared.url)).toBe(`${site}en/ro/videos/check-a-claim`);
});

test('without Web Share, the address is copied, and the voter told', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => delete Navigator.prototype.share);
  await page.goto('/fr/fr/guides/check-a-claim#h-1-prenez-le-temps');
  const site = await siteOf(page, 'fr/fr/guides/check-a-claim');
  await page.getByRole('button', { name: 'Partager cette page' }).click();
  await expect(page.locator('.share output')).toHaveText('Lien copié');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site}fr/fr/guides/check-a-claim`);
});
