// A newcomer's country, built from the fixture that follows CONTENT.md's examples: every
// page kind shows up in the app with its facts.
import { test, expect } from './fixtures.mjs';

test('a new country appears on the home page and its hub lists every section', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /Testland/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('Elections in Testland');
  const sections = page.getByRole('navigation', { name: 'In this guide' }).getByRole('link');
  await expect(sections).toHaveText([/^Elections and key dates \(\d\)$/, /^Official resources \(1\)$/, /^Fact-checkers and partners \(1\)$/, /^Spotting misinformation \(1\)$/, /^Videos \(\d\)$/]);
  // Drafts stay out of the published site.
  await expect(page.getByRole('link', { name: "A video on the partner's site" })).toHaveCount(0);
});

test('an election shows its status and key dates in their own time zones', async ({ page }) => {
  await page.goto('/en/aa/elections/general-2025');
  await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('General election 2025');
  await expect(page.locator('.status')).toHaveText('Rerun');
  const dates = page.locator('.timeline li');
  await expect(dates).toHaveCount(2);
  // Written as 07:00 local time in Bucharest (UTC+3 in May) and in Paris (UTC+2).
  await expect(dates.nth(0)).toContainText('First round');
  // English pages format dates the browser's way for `en` (month first).
  await expect(dates.nth(0)).toContainText('May 4, 2025 at 7:00 AM');
  await expect(dates.nth(0)).toContainText('Europe/Bucharest');
  await expect(dates.nth(1)).toContainText('May 18, 2025 at 7:00 AM');
  await expect(dates.nth(1)).toContainText('Europe/Paris');
  await expect(page.locator('.prose')).toContainText('Bring an identity document');
});

test('an untranslated page is shown in the default language, marked and announced as such', async ({ page }) => {
  await page.goto('/fr/aa/elections/general-2024');
  await expect(page.locator('.status')).toHaveText('Annulée');
  await expect(page.locator('main article > header')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.fallback-notice')).toHaveText('Cette page n’est pas encore disponible en français ; elle est affichée en anglais.');
  await expect(page.locator('.timeline')).toContainText('6 décembre 2024');
});

test('a resource and a partner link out safely', async ({ page }) => {
  await page.goto('/en/aa/resources/commission');
  const official = page.getByRole('link', { name: 'Go to the official site' });
  await expect(official).toHaveAttribute('href', 'https://example.org/commission');
  await expect(official).toHaveAttribute('rel', 'external noopener noreferrer');
  await expect(page.locator('.purpose')).toHaveText('Official dates, polling stations and results.');

  await page.goto('/en/aa/partners/checkers');
  await expect(page.getByText('Fact-checker', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Send them a claim to check' })).toHaveAttribute('href', 'mailto:tips@example.org');
});

test('a self-hosted video has a player with captions; the guide links resolve', async ({ page }) => {
  await page.goto('/en/aa/videos/spot-a-fake');
  const video = page.locator('video.player');
  await expect(video).toHaveAttribute('poster', 'content/aa/media/spot-a-fake.png');
  await expect(video.locator('track[kind="captions"]')).toHaveAttribute('srclang', 'en');
  await expect(page.locator('.facts')).toContainText('2:35');

  await page.goto('/en/aa/guides/check-a-claim');
  await expect(page.locator('.prose img')).toHaveAttribute('src', 'content/aa/media/diagram.png');
  // Relative media paths resolve through <base href>, on any route.
  await expect.poll(() => page.locator('.prose img').evaluate((img) => img.naturalWidth)).toBe(16);
});

test('each key date can be added to a calendar, at the right instant', async ({ page, request }) => {
  await page.goto('/en/aa/elections/general-2025');
  const links = page.getByRole('link', { name: 'Add to calendar' });
  await expect(links).toHaveCount(2);
  const href = await links.first().getAttribute('href');
  expect(href).toBe('content/aa/en/elections/general-2025/0.ics');
  const response = await request.get(`/${href}`);
  expect(response.headers()['content-type']).toContain('text/calendar');
  const ics = await response.text();
  // 07:00 in Bucharest on 4 May 2025 is 04:00 UTC.
  expect(ics).toContain('\r\nDTSTART:20250504T040000Z\r\n');
  expect(ics).toContain('\r\nSUMMARY:First round – General election 2025\r\n');
});

test.describe('a voter in New York, days before the vote', () => {
  test.use({ timezoneId: 'America/New_York' });
  test('sees a live countdown to the next key date, and each time in their own zone too', async ({ page }) => {
    await page.clock.install({ time: new Date('2025-05-04T02:30:00Z') });
    await page.goto('/en/aa/elections/general-2025');
    const countdown = page.getByRole('timer');
    await expect(countdown).toHaveText('Next: First round, in 1 h 30 min.');
    await page.clock.runFor(60 * 60 * 1000);
    await expect(countdown).toHaveText('Next: First round, in 0 h 30 min.');
    // Polls open at 07:00 in Bucharest: the first round is under way, then over.
    await page.clock.runFor(60 * 60 * 1000);
    await expect(countdown).toHaveText('Next: First round, today.');
    await page.clock.runFor(15 * 60 * 60 * 1000);
    await expect(countdown).toHaveText('Next: Second round, in 13 days.');
    // 07:00 in Bucharest is midnight in New York (EDT).
    await expect(page.locator('.timeline li').first()).toContainText('your time: May 4, 2025, 12:00 AM, America/New_York');
  });

  test('is told when every key date has passed', async ({ page }) => {
    await page.clock.install({ time: new Date('2026-01-01T12:00:00Z') });
    await page.goto('/en/aa/elections/general-2025');
    await expect(page.getByRole('timer')).toHaveText('All the key dates of this election have passed.');
  });
});

test('the hub names the election to watch and counts down to its next date', async ({ page }) => {
  await page.clock.install({ time: new Date('2025-05-01T10:00:00Z') });
  await page.goto('/en/aa');
  // A rerun still to be held is the election to watch.
  const next = page.getByRole('region', { name: 'The current or next election' });
  await expect(next.getByRole('link', { name: 'General election 2025' })).toBeVisible();
  await expect(next.getByRole('timer')).toHaveText('Next: First round, in 2 days.');
});

test('a page due for review tells the voter, before its text', async ({ page }) => {
  // The fixture is built as of 2026-01-20 (Makefile), a year and more after its reviews.
  await page.goto('/en/aa/guides/check-a-claim');
  const notice = page.getByRole('note').filter({ hasText: 'may be out of date' });
  await expect(notice).toHaveText('This page was last reviewed on January 15, 2025 and may be out of date. Check the official sources below.');
  // Before the text, so a screen reader meets it first.
  expect(await notice.evaluate((n) => !!(n.compareDocumentPosition(document.querySelector('.prose')) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
  await page.goto('/fr/aa/guides/check-a-claim');
  await expect(page.locator('.stale-notice')).toContainText('peut-être plus à jour');
});

test('a citation leads to its numbered source, on the same page', async ({ page }) => {
  await page.goto('/en/aa/guides/check-a-claim');
  await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
  const sources = page.locator('.provenance ol > li');
  await expect(sources).toHaveCount(2);
  await expect(sources.nth(1)).toHaveAttribute('id', 'src-2');
  const cite = page.locator('.prose sup.cite a');
  await expect(cite).toHaveText('[2]');
  await expect(cite).toHaveAttribute('title', 'Test Commission’s guidance'.replace('’', "'"));
  // Relative to <base href>, so it must name the page, not only the fragment.
  await expect(cite).toHaveAttribute('href', 'en/aa/guides/check-a-claim#src-2');
  await cite.click();
  await expect(page).toHaveURL('/en/aa/guides/check-a-claim#src-2');
  await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('Check a claim before you share it');
  await expect(sources.nth(1)).toBeInViewport();
  await expect(sources.nth(1)).toContainText('Test Commission');
});
