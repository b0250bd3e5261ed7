// A partner's player behind a click-to-load facade (issue #21). `make build-identity` builds
// the second deployment with tests/content-overlay/: a French video whose `player_url` is on
// player.example.test, a host only these tests answer (Playwright's routing). Before the
// voter asks, nothing is requested from that host; on a click or Enter the player takes the
// poster's place and keyboard focus; without JavaScript the facade is a link to the player.
// The build's CSP lets frames come from that host and from no other (but the site's own).
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';
import { axe } from './axe.mjs';
import { IDENTITY } from './playwright.config.mjs';

const PAGE = `${IDENTITY}en/fr/videos/partner-player`;
const PLAYER = 'https://player.example.test/embed/fixture?autoplay=1';
const built = new URL('../../target/dist-identity/', import.meta.url);

/** Answers the player's host, and lists every request made to it. */
async function fakePlayer(page) {
  const asked = [];
  await page.route('https://player.example.test/**', (route) => {
    asked.push(route.request().url());
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>player</title><p>The partner’s player</p>' });
  });
  return asked;
}

for (const how of ['click', 'Enter']) {
  test(`the player loads only when asked (${how}), in the poster's place, with focus`, async ({ page }) => {
    const asked = await fakePlayer(page);
    await page.goto(PAGE);
    await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
    const facade = page.getByRole('link', { name: 'Play: loads the player from player.example.test' });
    await expect(facade).toBeVisible();
    await expect(facade.locator('img')).toHaveJSProperty('complete', true);
    expect(await facade.locator('img').evaluate((img) => img.naturalWidth)).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    expect(asked, 'nothing from the player host before the voter asks').toEqual([]);

    if (how === 'click') await facade.click();
    else {
      await facade.focus();
      await page.keyboard.press('Enter');
    }
    const frame = page.locator('.facade iframe');
    await expect(frame).toHaveAttribute('src', PLAYER);
    await expect(frame).toHaveAttribute('title', 'Test video in a partner’s player');
    await expect(frame).toHaveAttribute('sandbox', /allow-scripts/);
    await expect(page.frameLocator('.facade iframe').getByText('The partner’s player')).toBeVisible();
    await expect(frame).toBeFocused();
    await expect(facade).toBeHidden();
    expect(asked).toEqual([PLAYER]);
    // Still on the video page: the link was not followed.
    await expect(page).toHaveURL(PAGE);
  });
}

test('the pre-rendered page asks nothing of the player host, and the partner is named', async ({ page }) => {
  const asked = await fakePlayer(page);
  await page.goto(PAGE);
  await page.waitForLoadState('networkidle');
  expect(asked).toEqual([]);
  await expect(page.getByRole('link', { name: 'Open the partner’s page' })).toHaveAttribute('href', 'https://factuel.afp.com/');
});

test('leaving the page takes the player with it', async ({ page }) => {
  await fakePlayer(page);
  await page.goto(PAGE);
  await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
  await page.getByRole('link', { name: /^Play: / }).click();
  await expect(page.locator('iframe')).toHaveCount(1);
  // (Once the player has loaded: leaving sooner cuts its request off, a reported error.)
  await expect(page.frameLocator('iframe').getByText('The partner’s player')).toBeVisible();
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').last().click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Test video in a partner’s player');
  await expect(page.locator('iframe')).toHaveCount(0);
});

for (const scheme of ['light', 'dark']) {
  test(`axe finds nothing on the facade or the player, ${scheme}`, async ({ page }) => {
    await fakePlayer(page);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(PAGE);
    await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
    expect((await axe(page)).violations).toEqual([]);
    await page.getByRole('link', { name: /^Play: / }).click();
    await expect(page.frameLocator('.facade iframe').getByText('The partner’s player')).toBeVisible();
    expect((await axe(page)).violations).toEqual([]);
  });
}

test.describe('a frame from any other host', () => {
  test.use({ expectedProblems: [[/CSP violation: frame-src https:\/\/other\.example\.test/, /console error: Framing 'https:\/\/other\.example\.test\/' violates/]] });
  test('is refused by the build\'s policy', async ({ page }) => {
    await page.goto(PAGE);
    const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
    expect(csp.split('; ')).toContain("frame-src 'self' https://player.example.test");
    const refused = page.evaluate(() => new Promise((resolve) => {
      addEventListener('securitypolicyviolation', (e) => resolve(e.blockedURI), { once: true });
      document.body.append(Object.assign(document.createElement('iframe'), { src: 'https://other.example.test/x' }));
    }));
    // Cross-origin, the report names the origin only.
    expect(await refused).toBe('https://other.example.test');
  });
});

test('the build wrote the players\' origins, and _headers carries the same policy', () => {
  expect(readFileSync(new URL('content/player-origins.txt', built), 'utf8')).toBe('https://player.example.test\n');
  expect(readFileSync(new URL('_headers', built), 'utf8')).toMatch(/frame-src 'self' https:\/\/player\.example\.test;/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, expectedProblems: [/request failed: \S+\.js csp$/] });
  test('the facade is a link to the player itself', async ({ page }) => {
    await page.goto(PAGE);
    await expect(page.getByRole('link', { name: 'Play: loads the player from player.example.test' })).toHaveAttribute('href', PLAYER);
  });
});
