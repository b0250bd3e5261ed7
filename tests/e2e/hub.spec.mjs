// A country's hub at a glance (issue #21), on a 360 × 640 phone, for every country in every
// interface language: its first screen answers when (the election to watch and its status),
// how to vote and where to check; one link per section says how many pages it has; the
// whole hub is about two screens; and all of it reads without JavaScript.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';

const routes = JSON.parse(readFileSync(new URL('../../dist/routes.json', import.meta.url), 'utf8'));
const hubs = routes.filter((r) => r.country && !r.section && !r.document).map((r) => r.path);
const PHONE = { width: 360, height: 640 };

test.use({ viewport: PHONE, javaScriptEnabled: false });

test('every hub answers when, how and where to check on its first screen, in about two screens', async ({ page }) => {
  test.setTimeout(300_000);
  expect(hubs.length).toBeGreaterThanOrEqual(2 * 27);
  const problems = [];
  const report = [];
  for (const path of hubs) {
    await page.goto(path);
    const top = (selector) => page.locator(selector).evaluate((e) => Math.round(e.getBoundingClientRect().top));
    const bottom = (selector) => page.locator(selector).evaluate((e) => Math.round(e.getBoundingClientRect().bottom));
    for (const part of ['.next-election', '.how-to-vote', '.where-to-check']) {
      if ((await page.locator(`.glance ${part}`).count()) !== 1) problems.push(`${path}: no ${part}`);
    }
    // Where the country is not written in the interface's language, a notice says so
    // first: the glance must still begin on the first screen. A machine-assisted
    // interface's note is one line, which the glance makes room for.
    const notices = await page.locator('.fallback-notice').count();
    const note = page.locator('.unreviewed-note summary');
    if ((await note.count()) && (await note.evaluate((e) => e.getBoundingClientRect().height)) > 30) problems.push(`${path}: the machine-assisted note takes more than a line`);
    const glanceEnd = await bottom('.glance');
    if (notices === 0 && glanceEnd > PHONE.height) problems.push(`${path}: the glance ends at ${glanceEnd} px, below the first screen`);
    if (notices > 0 && (await top('.glance')) > PHONE.height * 0.8) problems.push(`${path}: the glance begins at ${await top('.glance')} px`);
    // The hub itself, from the page's top to the end of its own text, within two screens
    // (a notice's lines, and a country's text in its own longer language, allowed for);
    // then the tools, the sources and the footer every page has.
    const hub = await bottom('.prose');
    const whole = await page.evaluate(() => document.documentElement.scrollHeight);
    // About two: the Romanian and Hungarian texts run longer than the English.
    const screens = notices ? 2.75 : 2.25;
    if (hub > screens * PHONE.height) problems.push(`${path}: the hub ends at ${hub} px, more than ${screens} screens`);
    if (whole > (screens + 1.25) * PHONE.height) problems.push(`${path}: ${whole} px in all, more than ${screens + 1.25} screens`);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (sideways > 0) problems.push(`${path}: scrolls sideways by ${sideways} px`);
    report.push({ path, notices, glanceEnd, hub, whole });
  }
  const range = (key, rows) => `${Math.min(...rows.map((r) => r[key]))}–${Math.max(...rows.map((r) => r[key]))} px`;
  const plain = report.filter((r) => r.notices === 0);
  console.log(`${hubs.length} hubs on a ${PHONE.width} × ${PHONE.height} phone: the glance ends at ${range('glanceEnd', plain)} (${plain.length} without a fallback notice), ${range('glanceEnd', report)} (all); the hub ends at ${range('hub', report)}; whole page ${range('whole', report)}`);
  expect(problems).toEqual([]);
});

test('the glance names the election, how to vote and the electoral authorities, each linked', async ({ page }) => {
  await page.goto('/en/ro');
  const glance = page.locator('.glance');
  await expect(glance.getByRole('link', { name: '2025 presidential election' })).toHaveAttribute('href', 'en/ro/elections/presidential-2025');
  await expect(glance.locator('.how-to-vote')).toContainText('or by post if registered.');
  await expect(glance.locator('.how-to-vote').getByRole('link', { name: 'More on how to vote' })).toHaveAttribute('href', 'en/ro/elections/presidential-2025');
  const check = page.getByRole('navigation', { name: 'Where to check official information' });
  await expect(check.getByRole('link')).toHaveText(['Permanent Electoral Authority', 'Central Electoral Bureau']);
  // One way into each section, with how many pages it has, in the interface's digits.
  const sections = page.getByRole('navigation', { name: 'In this guide' }).getByRole('link');
  await expect(sections).toHaveText(['Elections and key dates (2)', 'Official resources (5)', 'Fact-checkers and partners (2)', 'Spotting misinformation (5)', 'Videos (2)']);
  await page.goto('/ar/ro');
  await expect(page.getByRole('navigation', { name: 'في هذا الدليل' }).getByRole('link').first()).toContainText('(٢)');
});
