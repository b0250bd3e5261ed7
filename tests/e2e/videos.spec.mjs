// A country's video list: a grid of cards, filters that live in the address (shareable,
// kept on reload), and every video listed for visitors without JavaScript.
import { readFileSync } from 'node:fs';
import { test, expect, screenshots } from './fixtures.mjs';

const dist = new URL('../../dist/', import.meta.url);
const routes = JSON.parse(readFileSync(new URL('routes.json', dist), 'utf8'));

test('every video, in every language, is shown with its poster, as pre-rendered', () => {
  const videos = routes.filter((r) => r.section === 'videos');
  expect(videos.length).toBe(27 * 2 * 3);
  const without = [];
  for (const route of videos) {
    const html = readFileSync(new URL(route.file, dist), 'utf8');
    if (route.slug) {
      // The page: the player's poster, the facade's, or the poster above the partner's link.
      if (!/<video [^>]*poster="content\/|<img (class="poster" )?src="content\/[a-z]{2}\/media\//.test(html)) without.push(route.path);
    } else {
      const cards = html.match(/<li [^>]*class="video-card"[\s\S]*?<\/li>/g) ?? [];
      if (cards.length === 0) without.push(`${route.path}: no card`);
      for (const card of cards) if (!/<img src="content\/[a-z]{2}\/media\/[^"]+\.(png|jpe?g|webp|avif)"/.test(card)) without.push(route.path);
    }
  }
  expect(without).toEqual([]);
});

test('a card says what a voter wants before playing: poster, series and partner, length, language, captions', async ({ page }) => {
  await page.goto('/en/ro/videos');
  await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
  const series = page.locator('.video-card').filter({ hasText: 'Funky Citizens’ election video series' });
  await expect(series.locator('.kind-label')).toHaveText('Video series');
  await expect(series.locator('dt', { hasText: 'Partner' }).locator('+ dd')).toHaveText('Funky Citizens');
  const ours = page.locator('.video-card').filter({ hasText: 'Check before you share' });
  await expect(ours.locator('.kind-label')).toHaveCount(0);
  await expect(ours.locator('dt', { hasText: 'Duration' }).locator('+ dd')).toHaveText('1:00');
  await expect(ours.locator('dt', { hasText: 'Captions' }).locator('+ dd')).toHaveText('Română, English');
  for (const img of await page.locator('.video-card img').all()) {
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((i) => i.complete && i.naturalWidth)).toBe(1280);
  }
  await series.getByRole('link').click();
  await expect(page.locator('.video-facts .kind-label')).toHaveText('Video series');
  await expect(page.locator('.video-facts img.poster')).toHaveAttribute('src', 'content/ro/media/funky-citizens-election-series.png');
  await expect(page.getByRole('link', { name: 'Open the partner’s page' })).toHaveAttribute('href', 'https://funky.ong/');
});

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
