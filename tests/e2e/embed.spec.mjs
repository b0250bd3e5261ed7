// Embedding in an app (EMBEDDING.md): a phone webview with each native transport, simulated
// by the object the app would inject and recording what the site sends; an iframe on
// another origin, allowed by the embedding build, using EMBEDDING.md's own host snippet;
// origins that are not allowed; and the site with no host at all.
import { test, expect, screenshots } from './fixtures.mjs';
import { SUBPATH } from './playwright.config.mjs';
import { HOST, NOT_ALLOWED, OTHER_FRAME } from './hosts.mjs';

const PHONE = { width: 360, height: 640 };
/** The object each platform injects, as its EMBEDDING.md snippet does: `postMessage(json)`. */
const TRANSPORTS = {
  android: 'window.ElectionCenterHost = recorder;',
  ios: 'window.webkit = { messageHandlers: { electionCenter: recorder } };',
  'react-native': 'window.ReactNativeWebView = recorder;',
};

/** Installs a simulated native host before the site's scripts run. */
async function nativeHost(page, transport) {
  await page.addInitScript(`{
    window.sent = [];
    const recorder = { postMessage: (json) => { if (typeof json !== 'string') throw new Error('not a string'); window.sent.push(JSON.parse(json)); } };
    ${TRANSPORTS[transport]}
  }`);
}

const sent = (page, type) => page.evaluate((t) => window.sent.filter((m) => m.type === t), type);
const lastSent = async (page, type) => (await sent(page, type)).at(-1);
/** What a native host does with evaluateJavascript / injectJavaScript. */
const receive = (page, message) => page.evaluate((m) => window.electionCenter.receive(JSON.stringify(m)), message);

for (const transport of Object.keys(TRANSPORTS)) {
  test(`${transport}: a webview host hears ready, sets the theme and gets external links`, async ({ page }) => {
    await page.setViewportSize(PHONE);
    await nativeHost(page, transport);
    await page.goto('/en/fr/resources/arcom?embed=1');
    await expect.poll(() => lastSent(page, 'ready')).toEqual({
      source: 'election-center', version: 1, type: 'ready', path: '/en/fr/resources/arcom', lang: 'en', theme: 'system',
    });
    expect((await page.evaluate(() => window.sent))[0].type).toBe('ready');
    await receive(page, { version: 1, type: 'setTheme', theme: 'dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('link', { name: 'Arcom' }).first().click();
    await expect.poll(() => lastSent(page, 'openExternal')).toMatchObject({ url: 'https://www.arcom.fr/' });
    await expect(page).toHaveURL('/en/fr/resources/arcom?embed=1&theme=dark');
  });
}

test.describe('an Android app deep-links to a country video list', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize(PHONE);
    await nativeHost(page, 'android');
  });

  test('embedded from the first paint: no site header, the host theme, room for fingers', async ({ page }) => {
    // Held back, the wasm cannot be what hides the header: the boot script does it before painting.
    let release;
    const held = new Promise((r) => (release = r));
    await page.route(/_bg\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    // A phone with a notch and a home bar, in landscape: the page keeps out of both.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets: { top: 40, bottom: 30, left: 24, right: 16 } });
    await page.goto('/en/ro/videos?embed=1&theme=dark');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Videos');
    const crumbs = await page.getByRole('navigation', { name: 'Breadcrumb' }).boundingBox();
    expect(crumbs.y).toBeGreaterThanOrEqual(40);
    expect(crumbs.x).toBeGreaterThanOrEqual(24);
    expect(await page.evaluate(() => getComputedStyle(document.body).paddingBottom)).toBe('30px');
    expect(await page.evaluate(() => getComputedStyle(document.body).paddingRight)).toBe('16px');
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.site-footer')).toBeHidden();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(17, 20, 24)');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overscrollBehaviorY)).toBe('none');
    release();
    await expect(page.locator('body')).toHaveAttribute('data-app', 'ready');
    await expect(page.locator('.site-header')).toBeHidden();
    for (const target of await page.locator('main :is(.breadcrumbs a, .filters select, .video-card a)').all()) {
      expect((await target.boundingBox()).height, await target.evaluate((e) => e.outerHTML.slice(0, 80))).toBeGreaterThanOrEqual(48);
    }
    await screenshots(page, 'embed-videos-dark');
  });

  test('the host switches language and theme, navigates, and the settings stay through links and reloads', async ({ page }) => {
    await page.goto('/en/ro/videos?embed=1&partner=funky-citizens');
    await expect.poll(() => lastSent(page, 'ready')).toMatchObject({ path: '/en/ro/videos', theme: 'system' });
    await expect.poll(() => lastSent(page, 'contentHeight')).toMatchObject({ height: expect.any(Number) });
    expect((await lastSent(page, 'contentHeight')).height).toBeGreaterThan(300);

    await receive(page, { version: 1, type: 'setLanguage', lang: 'fr' });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vidéos');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page).toHaveURL('/fr/ro/videos?embed=1&partner=funky-citizens');
    await expect.poll(() => lastSent(page, 'routeChanged')).toMatchObject({ path: '/fr/ro/videos', lang: 'fr' });

    await receive(page, { version: 1, type: 'setTheme', theme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await receive(page, { version: 1, type: 'navigate', path: '/fr/fr/resources' });
    await expect(page).toHaveURL('/fr/fr/resources?embed=1&theme=light');
    await expect.poll(() => lastSent(page, 'routeChanged')).toMatchObject({ path: '/fr/fr/resources', lang: 'fr' });

    // A voter's own click keeps the settings; so does a reload, or a webview restored later.
    await page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link', { name: 'France' }).click();
    await expect(page).toHaveURL('/fr/fr?embed=1&theme=light');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(page.locator('html')).toHaveAttribute('data-embed', '');
    await expect(page.locator('.site-header')).toBeHidden();
    await expect.poll(() => lastSent(page, 'ready')).toMatchObject({ path: '/fr/fr', lang: 'fr', theme: 'light' });

    await receive(page, { version: 1, type: 'setTheme', theme: 'system' });
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
    await expect(page).toHaveURL('/fr/fr?embed=1&theme=system');
  });

  test('wrong or hostile commands are refused with a reason, and nothing runs', async ({ page }) => {
    await page.goto('/en/ro?embed=1');
    await expect.poll(() => lastSent(page, 'ready')).toBeTruthy();
    await page.evaluate(() => { window.ran = false; });
    const refused = [
      [{ version: 1, type: 'navigate', path: 'javascript:window.ran=true' }, /a path of this site/],
      [{ version: 1, type: 'navigate', path: '//evil.example/' }, /a path of this site/],
      [{ version: 1, type: 'eval', code: 'window.ran=true' }, /"type" is one of/],
      [{ version: 2, type: 'setLanguage', lang: 'fr' }, /"version": 1/],
      [{ version: 1, type: 'setLanguage', lang: 'ja' }, /languages\.json/],
    ];
    for (const [message, reason] of refused) {
      await receive(page, message);
      await expect.poll(() => lastSent(page, 'error')).toMatchObject({ message: expect.stringMatching(reason) });
    }
    await page.evaluate(() => window.electionCenter.receive('not json'));
    await expect.poll(async () => (await sent(page, 'error')).length).toBe(refused.length + 1);
    expect(await page.evaluate(() => window.ran)).toBe(false);
    await expect(page).toHaveURL('/en/ro?embed=1');
    expect(await sent(page, 'routeChanged')).toEqual([]);
  });

  test('a calendar file goes to the host, which hands it to the phone calendar', async ({ page }) => {
    await page.goto('/en/ro/elections/presidential-2025?embed=1');
    await expect.poll(() => lastSent(page, 'ready')).toBeTruthy();
    await page.getByRole('link', { name: /Add to calendar/ }).first().click();
    await expect.poll(() => lastSent(page, 'openExternal')).toMatchObject({
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:4173\/content\/ro\/en\/elections\/presidential-2025\/0\.ics$/),
    });
  });
});

test('a value that only has a host\'s name is not a host', async ({ page }) => {
  // What the page's own content could produce (an element id) or a broken injection.
  await page.addInitScript(() => {
    window.ReactNativeWebView = { postMessage: 'not a function' };
    document.addEventListener('DOMContentLoaded', () => {
      const clobber = Object.assign(document.createElement('div'), { id: 'ElectionCenterHost' });
      document.body.prepend(clobber);
    });
  });
  await page.route('https://www.arcom.fr/', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Arcom</title>' }));
  await page.goto('/en/fr/resources/arcom?embed=1');
  await expect(page.locator('body')).toHaveAttribute('data-app', 'ready');
  expect(await page.evaluate(() => 'electionCenter' in window)).toBe(false);
  await page.getByRole('link', { name: 'Arcom' }).first().click();
  await expect(page).toHaveURL('https://www.arcom.fr/');
});

test('a host is never asked to open a link the site would not follow itself', async ({ page }) => {
  // What the host hears, kept outside the page (the page is left at the end).
  const heard = [];
  await page.exposeFunction('hostHeard', (json) => heard.push(JSON.parse(json)));
  await page.addInitScript(() => { window.ElectionCenterHost = { postMessage: (json) => window.hostHeard(json) }; });
  await page.route('http://plain.example/', (route) => route.fulfill({ contentType: 'text/html', body: '<title>plain</title>' }));
  await page.goto('/en/fr/resources/arcom?embed=1');
  await expect(page.locator('body')).toHaveAttribute('data-app', 'ready');
  await page.getByRole('link', { name: 'Arcom' }).first().click();
  await expect.poll(() => heard.filter((m) => m.type === 'openExternal').map((m) => m.url)).toEqual(['https://www.arcom.fr/']);
  await page.evaluate(() => {
    const a = Object.assign(document.createElement('a'), { href: 'http://plain.example/', textContent: 'plain http' });
    document.querySelector('main').append(a);
  });
  await page.getByRole('link', { name: 'plain http' }).click();
  await expect(page).toHaveURL('http://plain.example/');
  expect(heard.filter((m) => m.type === 'openExternal').map((m) => m.url)).toEqual(['https://www.arcom.fr/']);
});

test('without a host, embed mode only changes the layout, and links are links', async ({ page }) => {
  await page.route('https://www.arcom.fr/', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Arcom</title>' }));
  await page.goto('/en/fr/resources/arcom?embed=1');
  await expect(page.locator('body')).toHaveAttribute('data-app', 'ready');
  await expect(page.locator('.site-header')).toBeHidden();
  expect(await page.evaluate(() => 'electionCenter' in window)).toBe(false);
  await page.getByRole('link', { name: 'Arcom' }).first().click();
  await expect(page).toHaveURL('https://www.arcom.fr/');
});

test.describe('a web page embeds it in an iframe', () => {
  test.beforeEach(async ({ context }) => {
    // What the host page hears, recorded before its own scripts run.
    await context.addInitScript(() => {
      if (!['4180', '4182'].includes(location.port)) return;
      window.heard = [];
      addEventListener('message', (e) => window.heard.push({ origin: e.origin, ...JSON.parse(e.data) }));
    });
    await context.route('https://www.arcom.fr/', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Arcom</title>' }));
  });
  const heard = (page, type) => page.evaluate((t) => window.heard.filter((m) => m.type === t), type);

  test('an allowed host: ready, auto-height, commands, external links; other frames are ignored', async ({ page, context }) => {
    await page.goto(`${HOST}/en/ro/videos?embed=1`);
    await expect.poll(async () => (await heard(page, 'ready'))[0]).toMatchObject({ origin: 'http://127.0.0.1:4175', path: '/en/ro/videos', lang: 'en' });
    const frame = page.frameLocator('#election-center');
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Videos');
    await expect(frame.locator('.site-header')).toBeHidden();

    // Auto-height: the frame is as tall as its page, which has nothing left to scroll.
    const iframe = page.locator('#election-center');
    await expect.poll(async () => (await heard(page, 'contentHeight')).length).toBeGreaterThan(0);
    await expect.poll(async () => (await iframe.boundingBox()).height).toBe((await heard(page, 'contentHeight')).at(-1).height);
    const inner = await frame.locator('html').evaluate((html) => html.scrollHeight - innerHeight);
    expect(inner).toBeLessThanOrEqual(1);

    await page.evaluate(() => send({ type: 'setLanguage', lang: 'ro' }));
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Videoclipuri');
    await expect.poll(async () => (await heard(page, 'routeChanged')).at(-1)).toMatchObject({ path: '/ro/ro/videos', lang: 'ro' });

    // Another frame on the host page (an ad, say) posts commands: dropped unread.
    const framed = page.frames().find((f) => f.url().startsWith(SUBPATH));
    await page.evaluate((src) => {
      const evil = document.createElement('iframe');
      evil.src = src;
      document.body.append(evil);
    }, `${OTHER_FRAME}/`);
    await expect.poll(() => page.frames().find((f) => f.url() === `${OTHER_FRAME}/`)?.title()).toBe('sent');
    await page.evaluate(() => send({ type: 'navigate', path: '/ro/ro/partners' }));
    await expect.poll(async () => (await heard(page, 'routeChanged')).at(-1)?.path).toBe('/ro/ro/partners');
    expect((await heard(page, 'routeChanged')).map((m) => m.path)).toEqual(['/ro/ro/videos', '/ro/ro/partners']);
    expect(framed.url()).toBe(`${SUBPATH}ro/ro/partners?embed=1`);
    await expect(frame.locator('html')).not.toHaveAttribute('data-theme', /./);

    // The host's own mistakes get a reason back.
    await page.evaluate(() => send({ type: 'navigate', path: 'https://evil.example/' }));
    await expect.poll(async () => (await heard(page, 'error')).length).toBe(1);

    // External links: handed to the host, which opens them in a new window.
    await page.evaluate(() => send({ type: 'navigate', path: '/en/fr/resources/arcom' }));
    const popup = context.waitForEvent('page');
    await frame.getByRole('link', { name: 'Arcom' }).first().click();
    expect((await heard(page, 'openExternal')).at(-1)).toMatchObject({ url: 'https://www.arcom.fr/' });
    expect((await popup).url()).toBe('https://www.arcom.fr/');
    expect(framed.url()).toBe(`${SUBPATH}en/fr/resources/arcom?embed=1`);
  });

  test.describe('a host that is not allowed', () => {
    // The browser's refusal is the point: reported in the console and as a blocked request.
    test.use({ expectedProblems: [[/frame-ancestors/, /embed=1 net::ERR_BLOCKED_BY_RESPONSE$/]] });

    test('cannot show the site at all', async ({ page, request }) => {
      const headers = (await request.get(`${SUBPATH}en/ro`)).headers();
      expect(headers['content-security-policy']).toContain(`frame-ancestors 'self' ${HOST}`);
      const refused = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
      await page.goto(`${NOT_ALLOWED}/en/ro?embed=1`);
      await refused;
      expect(await page.evaluate(() => window.heard)).toEqual([]);
    });
  });
});
