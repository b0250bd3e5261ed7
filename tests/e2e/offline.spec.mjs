// Offline (issue #19): the offline worker (scripts/offline/sw.js) keeps the pages a voter
// opened and the guides they saved, and answers from them without a connection, saying when
// each copy was saved; a new build is offered, never applied silently; the site installs as
// an app; and inside an embedding app or from packaged files no worker runs unless the host
// asks for it.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as forward } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { test, expect } from './fixtures.mjs';
import { PACKAGED, SUBPATH } from './playwright.config.mjs';

const DIST = new URL('../../dist/', import.meta.url);
const read = (path) => JSON.parse(readFileSync(new URL(path, DIST), 'utf8'));
const h1 = (page) => page.getByRole('heading', { level: 1 });
const bar = (page) => page.locator('body > output');

// Offline, the page's own requests that find no copy fail, as they would without a worker.
const OFFLINE = [/request failed: .* net::ERR_(FAILED|INTERNET_DISCONNECTED)$/, /console error: Failed to load resource: net::ERR_(FAILED|INTERNET_DISCONNECTED)/];

/** Waits until the worker controls the page and has kept what it keeps of it. */
async function controlled(page) {
  await expect(page.locator('body')).toHaveAttribute('data-app', 'ready');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Whether the site's caches hold a copy of `path` (relative to the page's base). */
const kept = (page, path) => page.evaluate((path) => caches.match(new URL(path, document.baseURI).href, { ignoreSearch: true }).then(Boolean), path);

test.describe('without a connection', () => {
  // The hub opened cold offline is answered as "not saved" (503), then drawn by the app.
  test.use({ expectedProblems: [[...OFFLINE, /HTTP 503: \S+\/en\/ro$/, /status of 503 .* at \S+\/en\/ro$/]] });

  test('a page opened once opens cold, says when it was saved, and goes on offline', async ({ page, context }) => {
    await page.goto('/en/ro/elections/presidential-2025');
    await controlled(page);
    // Opened before the worker started: kept by it once active, with what the page read.
    await expect.poll(() => kept(page, 'en/ro/elections/presidential-2025')).toBe(true);
    await expect.poll(() => kept(page, 'content/ro/en.json')).toBe(true);
    // A page opened in the app keeps its data.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Romania' }).click();
    await expect(h1(page)).toHaveAccessibleName('Elections in Romania');
    await expect.poll(() => kept(page, 'content/ro/en/_index.html').catch(() => false)).toBe(true);

    await context.setOffline(true);
    await page.goto('/en/ro/elections/presidential-2025');
    await expect(h1(page)).toHaveText(/presidential election/i);
    await expect(bar(page)).toHaveText(/^This copy of the page was saved on .+\d.+\.$/);
    await expect(bar(page)).toHaveRole('status');
    // The app takes the copy over (from kept data) and the line stays.
    await expect(page.locator('body')).toHaveAttribute('data-app', 'ready');
    await expect(bar(page)).toBeVisible();

    // In the app, offline: the hub, whose data were kept when it was opened.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Romania' }).click();
    await expect(h1(page)).toHaveAccessibleName('Elections in Romania');
    await expect(bar(page)).toHaveText(/saved on/);

    // Opened cold, the hub (never loaded as a page, only in the app) is drawn from its data.
    await page.goto('/en/ro');
    await expect(h1(page)).toHaveAccessibleName('Elections in Romania');
    await expect(page.locator('body')).toHaveAttribute('data-app', 'ready');

    // Online again: pages come from the network, and the line goes.
    await context.setOffline(false);
    await page.goto('/en/ro/elections/presidential-2025');
    await expect(page.locator('body')).toHaveAttribute('data-app', 'ready');
    await expect(bar(page)).toHaveCount(0);
  });

  test.describe('a page never opened', () => {
    test.use({ expectedProblems: [[...OFFLINE, /HTTP 503: \S+\/(en\/fr\/partners\/afp|en\/fr\/print|ar\/ro)$/, /status of 503 .* at \S+\/(en\/fr\/partners\/afp|en\/fr\/print|ar\/ro)$/]] });

    test('says it is not saved here, in its language, with a way to try again and what is saved: never a blank screen', async ({ page, context }) => {
      await page.goto('/en/ro');
      await controlled(page);
      await expect.poll(() => kept(page, 'en/ro')).toBe(true);
      await context.setOffline(true);
      const response = await page.goto('/en/fr/partners/afp');
      expect(response.status()).toBe(503);
      await expect(h1(page)).toHaveText('This page is not saved on this device');
      await expect(page.locator('.site-header')).toBeVisible();
      // The app could not draw it (none of its data is kept): it does not start.
      await page.waitForTimeout(500);
      await expect(page.locator('body[data-app]')).toHaveCount(0);
      // What is kept, in its language, opens from here.
      await page.locator('.offline-kept').getByRole('link', { name: 'Romania · Election Center' }).click();
      await expect(page).toHaveURL(/\/en\/ro$/);
      await expect(h1(page)).toHaveAccessibleName('Elections in Romania');
      // Back online, "Try again" opens the page.
      await page.goBack();
      await context.setOffline(false);
      await page.getByRole('link', { name: 'Try again' }).click();
      await expect(h1(page)).toHaveText('AFP Factuel');
    });

    test('the worker says so itself: without the app, and on a page the app does not draw', async ({ page, context }) => {
      await page.goto('/en/ro');
      await controlled(page);
      await expect.poll(() => kept(page, 'en/ro')).toBe(true);
      await context.setOffline(true);
      // A document (no app to take it over): the worker's own words stay.
      await page.goto('/en/fr/print');
      await expect(h1(page)).toHaveText('This page is not saved on this device');
      await expect(page.locator('main')).toContainText('Pages you have opened, and guides you saved for offline use, open without a connection.');
      await expect(page.locator('.site-header')).toBeVisible();
      await expect(page.locator('body[data-app]')).toHaveCount(0);
      // The same with scripts off in the page (the worker still answers).
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
      await page.goto('/en/fr/partners/afp');
      await expect(h1(page)).toHaveText('This page is not saved on this device');
      await expect(page).toHaveTitle('This page is not saved on this device');
      // A language never used here: the app could not draw it either, so it does not start.
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
      await page.goto('/ar/ro');
      await expect(h1(page)).toHaveText('This page is not saved on this device');
      await page.waitForTimeout(500);
      await expect(page.locator('body[data-app]')).toHaveCount(0);
      await expect(bar(page)).toHaveCount(0);
    });
  });
});

test.describe('saving a country', () => {
  test.use({ expectedProblems: [OFFLINE] });

  test('shows its size, saves it, every page of it then opens offline, and Remove removes it', async ({ page, context }) => {
    test.setTimeout(90_000);
    await page.goto('/en/ro');
    await controlled(page);
    const tools = page.getByRole('navigation', { name: 'Take this guide with you' });
    await tools.getByRole('link', { name: 'Save this guide for offline use' }).click();
    await expect(page).toHaveURL('/en/ro/offline');
    await expect(h1(page)).toHaveText('Romania: the guide, offline');
    const status = page.locator('.offline-status');
    await expect(status).toHaveRole('status');
    await expect(status).toHaveText('This guide is not saved on this device yet.');
    await expect(page.locator('.offline-size')).toHaveText(/^Download: about \d+(\.\d)? (kB|MB)$/);
    // Videos only when asked: ticking them adds their size.
    const without = await page.locator('.offline-size').textContent();
    await page.getByRole('checkbox', { name: /Also save the videos/ }).check();
    await expect(page.locator('.offline-size')).not.toHaveText(without);
    await page.getByRole('checkbox', { name: /Also save the videos/ }).uncheck();

    await page.getByRole('button', { name: 'Save for offline use' }).click();
    await expect(status).toHaveText(/^Saved on this device on .+\.$/, { timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Remove from this device' })).toBeVisible();

    // Every page of Romania's guide in English, and the home page, cold and offline.
    const pages = read('routes.json').filter((r) => r.lang === 'en' && r.country === 'ro');
    expect(pages.length).toBeGreaterThan(10);
    await context.setOffline(true);
    for (const route of pages) {
      await test.step(route.path, async () => {
        await page.goto(route.path);
        await expect(h1(page)).toBeVisible();
        await expect(h1(page)).not.toHaveText('This page is not saved on this device');
        if (!route.document) await expect(page.locator('body')).toHaveAttribute('data-app', 'ready');
      });
    }
    // The offline page itself says, offline, that the guide is saved.
    await page.goto('/en/ro/offline');
    await expect(status).toHaveText(/^Saved on this device on /);
    await expect(bar(page)).toHaveText(/^This copy of the page was saved on /);

    await context.setOffline(false);
    await page.goto('/en/ro/offline');
    await page.getByRole('button', { name: 'Remove from this device' }).click();
    await expect(status).toHaveText('This guide is not saved on this device yet.');
    await expect(page.getByRole('button', { name: 'Remove from this device' })).toBeHidden();
    await expect.poll(() => kept(page, 'en/ro/guides/check-a-claim')).toBe(false);
  });

  test.describe('with its videos', () => {
    // The player stops reading the video once it knows what it needs (its metadata).
    test.use({ expectedProblems: [[...OFFLINE, /request failed: \S+\.webm net::ERR_ABORTED$/]] });

    test('a saved video plays offline', async ({ page, context }) => {
      await page.goto('/en/ro/offline');
      await page.getByRole('checkbox', { name: /Also save the videos/ }).check();
      await page.getByRole('button', { name: 'Save for offline use' }).click();
      await expect(page.locator('.offline-status')).toHaveText(/^Saved on this device on /, { timeout: 30_000 });
      await context.setOffline(true);
      await page.goto('/en/ro/videos/check-a-claim');
      // The media loads from the saved copy: its duration is known once its metadata arrived.
      await expect.poll(() => page.locator('video.player').evaluate((v) => Math.round(v.duration))).toBe(60);
    });
  });
});

/** The release build through a proxy on another port, whose `sw.js` can be the next
 * deploy's (another version): a browser fetches the worker's script itself, out of reach
 * of Playwright's routing. */
async function nextDeploy(use) {
  const state = { next: false };
  const server = createServer((req, res) => {
    // (A connection of its own each time: a reused one may be closed by the server meanwhile.)
    const upstream = forward({ host: '127.0.0.1', port: 4173, path: req.url, method: req.method, headers: { ...req.headers, 'accept-encoding': 'identity' }, agent: false }, (answer) => {
      if (!(state.next && req.url.endsWith('/sw.js'))) {
        res.writeHead(answer.statusCode, answer.headers);
        return answer.pipe(res);
      }
      let text = '';
      answer.setEncoding('utf8').on('data', (chunk) => (text += chunk)).on('end', () => {
        const { 'content-length': _, ...headers } = answer.headers;
        res.writeHead(answer.statusCode, headers).end(text.replace(/"version":"([0-9a-f]+)"/, '"version":"next-$1"'));
      });
    });
    // A failed forward is a failed request, as it would be without the proxy.
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await use(`http://127.0.0.1:${server.address().port}/`, state);
  } finally {
    server.close();
  }
}

test.describe('a new build', () => {
  test('is offered, never applied silently, and Reload applies it', async ({ page }) => {
    // (Room for the browser to wait out the old worker: see the poll below.)
    test.setTimeout(120_000);
    await nextDeploy(async (site, deploy) => {
      await page.goto(`${site}en/ro`);
      await controlled(page);
      // (Asked again while the page reloads: nothing to read meanwhile; the error says why.)
      const shells = () => page.evaluate(async () => (await caches.keys()).filter((n) => n.includes(' shell '))).catch((e) => [e.message.split('\n')[0]]);
      const waiting = () => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration()).waiting));
      deploy.next = true;
      await page.reload();
      const prompt = bar(page);
      await expect(prompt).toContainText('A new version of this guide is available.');
      // It stays while the voter moves on in the app (the prompt may show before the app has
      // taken the page over: prerender.spec's status line), and the reload keeps the page
      // they are on.
      await expect(page.locator('body')).toHaveAttribute('data-app', 'ready');
      await page.evaluate(() => { window.__sameDocument = true; });
      await page.getByRole('link', { name: 'Spotting misinformation' }).first().click();
      await expect(h1(page)).toHaveText('Spotting misinformation');
      expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
      await expect(prompt).toContainText('A new version of this guide is available.');
      await expect(prompt).toHaveRole('status');
      const reload = prompt.getByRole('button', { name: 'Reload' });
      await page.keyboard.press('Tab');
      await reload.focus();
      await expect(reload).toBeFocused();
      // Until the voter says so, the new version waits (its shell is ready beside the old).
      expect(await waiting()).toBe(true);
      expect(await shells()).toHaveLength(2);
      // What the browser does with the two versions, to say it when the next step fails.
      const cdp = await page.context().newCDPSession(page);
      const versions = [];
      const start = Date.now();
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: all }) => {
        versions.push(`${Date.now() - start} ms: ${all.map((v) => `#${v.versionId} ${v.runningStatus}/${v.status}`).join(', ')}`);
      });
      await cdp.send('ServiceWorker.enable');
      page.on('request', (r) => versions.push(`${Date.now() - start} ms: the page asks for ${r.url()}`));
      await reload.press('Enter');
      // The new worker activates once the old one is idle, then drops the old shell. Chromium
      // asks the old worker to stop at once; but a fresh-clone CI run showed it started again
      // 2 ms after stopping (a request or the browser's own warm-up), and the activation then
      // waits for that worker's idle timeout, 30 s or more.
      await expect
        .poll(shells, { timeout: 75_000 })
        .toEqual([expect.stringMatching(/ shell next-/)])
        .catch((error) => {
          throw new Error(`${error.message}\nThe workers after Reload:\n${versions.join('\n')}`);
        });
      await expect(page.locator('body')).toHaveAttribute('data-app', 'ready');
      await expect(bar(page)).toHaveCount(0);
      await expect(page).toHaveURL(`${site}en/ro/guides`);
      await expect(h1(page)).toHaveText('Spotting misinformation');
      expect(await waiting()).toBe(false);
    });
  });
});

test('the site installs as an app, in the page’s language, under any path', async ({ request }, testInfo) => {
  // Chromium does not offer to install from a private window, which Playwright's contexts
  // are: a browser with a profile of its own.
  const profile = mkdtempSync(join(tmpdir(), 'election-center-install-'));
  const browser = await chromium.launchPersistentContext(profile, testInfo.project.use.launchOptions);
  try {
    const page = await browser.newPage();
    await page.goto(`${testInfo.project.use.baseURL}/fr/ro`);
    await controlled(page);
    const cdp = await browser.newCDPSession(page);
    await expect.poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors).toEqual([]);
    await expect(page.locator('meta[name=theme-color]')).toHaveCount(2);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
  const manifest = await (await request.get('/fr.webmanifest')).json();
  expect(manifest).toMatchObject({ name: 'Election Center', short_name: 'Élections', lang: 'fr', start_url: 'fr', scope: './', id: '/' });
  const sub = await (await request.get(`${SUBPATH}ar.webmanifest`)).json();
  expect(sub).toMatchObject({ id: '/election-center/', dir: 'rtl', start_url: 'ar' });
});

test.describe('embedded', () => {
  const registrations = (page) => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope));

  test.describe('under a sub-path', () => {
    test.use({ expectedProblems: [OFFLINE] });

    test('the worker covers that path, and its copies open there offline', async ({ page, context }) => {
      await page.goto(`${SUBPATH}en/ro`);
      await controlled(page);
      expect(await registrations(page)).toEqual([SUBPATH]);
      await expect.poll(() => kept(page, 'en/ro')).toBe(true);
      await context.setOffline(true);
      await page.reload();
      await expect(h1(page)).toHaveAccessibleName('Elections in Romania');
      await expect(page.locator('body')).toHaveAttribute('data-app', 'ready');
      await expect(bar(page)).toHaveText(/^This copy of the page was saved on /);
    });
  });

  test('in an embedding app, or from packaged files, no worker runs unless the host asks', async ({ page }) => {
    for (const url of [`${SUBPATH}en/ro?embed=1`, `${PACKAGED}en/ro.html`, `${PACKAGED}en/ro.html?embed=1`]) {
      await page.goto(url);
      await expect(page.locator('body')).toHaveAttribute('data-app', 'ready');
      await expect(page.locator('html')).not.toHaveAttribute('data-offline');
      // The hub does not offer what cannot work there.
      await expect(page.getByRole('link', { name: 'Save this guide for offline use' })).toBeHidden();
      await page.waitForTimeout(300);
      expect(await registrations(page), url).toEqual([]);
    }
    await page.goto(`${SUBPATH}en/ro?embed=1&offline=1`);
    await controlled(page);
    expect(await registrations(page)).toEqual([SUBPATH]);
    await expect(page.getByRole('link', { name: 'Save this guide for offline use' })).toBeVisible();
  });
});
