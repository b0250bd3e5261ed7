// A country's video list: a grid of cards, filters that live in the address (shareable,
// kept on reload), and every video listed for visitors without JavaScript.
import { test, expect, screenshots } from './fixtures.mjs';

test('the video list filters by partner, topic and language, in the address', async ({ page }) => {
  await page.goto('/en/ro');
  await page.getByRole('link', { name: 'Videos' }).click();
  await expect(page).toHaveURL('/en/ro/videos');
  await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('Videos');
  const cards = page.locator('.video-card:visible');
  await expect(cards).toHaveCount(2);
  await expect(page.locator('.video-card').filter({ hasText: 'Funky Citizens' }).first()).toContainText('Partner');

  const filters = page.getByRole('form', { name: 'Filter the videos' });
  await filters.getByLabel('Partner').selectOption('funky-citizens');
  await expect(page).toHaveURL('/en/ro/videos?partner=funky-citizens');
  await expect(cards).toHaveCount(1);
  await expect(cards.first().getByRole('heading')).toHaveAccessibleName(/Funky Citizens/);

  await filters.getByLabel('Topic').selectOption('checking a claim');
  await expect(page).toHaveURL('/en/ro/videos?topic=checking%20a%20claim&partner=funky-citizens');
  await expect(cards).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'No video matches these filters.' })).toBeVisible();

  // A shared or reloaded address shows the same selection.
  await page.goto('/en/ro/videos?topic=checking%20a%20claim');
  await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
  await expect(cards).toHaveCount(1);
  await expect(filters.getByLabel('Topic')).toHaveValue('checking a claim');
  await filters.getByLabel('Topic').selectOption('');
  await expect(page).toHaveURL('/en/ro/videos');
  await expect(cards).toHaveCount(2);
  await screenshots(page, 'ro-videos');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, expectedProblems: [/request failed: \S+\.js csp$/] });
  test('every video is listed, with a link to its page', async ({ page }) => {
    await page.goto('/fr/fr/videos');
    await expect(page.locator('.video-card')).toHaveCount(2);
    await page.locator('.video-card a').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/\/fr\/fr\/videos\/[a-z-]+$/);
  });
});
