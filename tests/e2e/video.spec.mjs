// The self-hosted explainer (made by scripts/make-explainer.sh): it plays, its captions are
// real WebVTT in two languages, turned on by the voter, and its transcript is on the page.
import { test, expect } from './fixtures.mjs';

test('the French explainer plays, with French and English captions and a transcript', async ({ page }) => {
  await page.goto('/fr/fr/videos/check-a-claim');
  const video = page.locator('video.player');
  await expect(video).toHaveAttribute('poster', 'content/fr/media/check-a-claim.png');
  await expect(video.locator('track')).toHaveCount(2);
  // The media loads: its duration is known once metadata arrived.
  await expect.poll(() => video.evaluate((v) => Math.round(v.duration))).toBe(50);
  // Captions are off until the voter turns them on, as the player's CC button does.
  const cue = await video.evaluate(async (v) => {
    const track = [...v.textTracks].find((t) => t.language === 'en');
    if (track.mode === 'showing') return 'was already showing';
    track.mode = 'showing';
    await new Promise((resolve) => { const el = v.querySelector('track[srclang="en"]'); if (el.readyState === 2) resolve(); else el.addEventListener('load', resolve); });
    return track.cues[0].text;
  });
  expect(cue).toBe('Is some election news making you react? Before you share it, take a minute. Here are five habits.');
  await expect(page.locator('.prose')).toContainText('Voici cinq réflexes.');
  await expect(page.locator('.facts')).toContainText('0:50');
});

test('the Romanian explainer is listed in the hub\'s videos and opens from there', async ({ page }) => {
  await page.goto('/ro/ro');
  await page.getByRole('link', { name: /^Videoclipuri/ }).click();
  await page.getByRole('link', { name: 'Verifică înainte să distribui, în cinci pași' }).click();
  await expect(page).toHaveURL('/ro/ro/videos/check-a-claim');
  await expect.poll(() => page.locator('video.player').evaluate((v) => Math.round(v.duration))).toBe(60);
  await expect(page.locator('video.player track[srclang="ro"]')).toHaveAttribute('label', 'Română');
});
