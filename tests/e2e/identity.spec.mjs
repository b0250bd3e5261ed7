// A deployment's own identity (site.toml, README → Your own identity) on every kind of page.
// `make build-identity` builds the site with the test identity
// (crates/content-cli/tests/fixtures/identity/: another name in English and French, a logo,
// a green palette, its own footer with contact and privacy links, an organisation) into
// target/dist-identity/, served at IDENTITY. Each kind of page shows all of it, as
// pre-rendered and once the app has taken it over, with nothing left of Election Center's;
// axe finds no violation in light or dark; and the app's wasm and script are the very files
// of the default build: an identity costs the voter's bundle nothing.
import { readFileSync, readdirSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';
import { axe } from './axe.mjs';
import { IDENTITY } from './playwright.config.mjs';

const built = new URL('../../target/dist-identity/', import.meta.url);
const fixture = new URL('../../crates/content-cli/tests/fixtures/identity/', import.meta.url);
const routes = JSON.parse(readFileSync(new URL('routes.json', built), 'utf8'));

const NAME = { en: 'Vote Compass', fr: 'Boussole du vote' };
const FOOTER = {
  en: 'Vote Compass is published by the Civic Compass Trust. Check every date with your electoral authority.',
  fr: 'Boussole du vote est publiée par le Civic Compass Trust. Vérifiez chaque date auprès de votre autorité électorale.',
};
const LINKS = { en: ['Contact', 'Privacy statement'], fr: ['Contact', 'Déclaration de confidentialité'] };
// The fixture's backgrounds and accents, as computed styles give them.
const COLOURS = {
  light: { background: 'rgb(251, 250, 245)', accent: 'rgb(11, 110, 79)' },
  dark: { background: 'rgb(15, 26, 20)', accent: 'rgb(111, 211, 168)' },
};

/** One route of each kind in `lang`: home, hub, section, a page of every section, every
 * document; and the not-found page (the host's 404.html, in English). */
function kinds(lang) {
  const mine = routes.filter((r) => r.lang === lang);
  const first = (test) => mine.find(test).path;
  const pages = ['elections', 'resources', 'partners', 'guides', 'videos'].map((s) => first((r) => r.section === s && r.slug));
  const documents = ['print', 'changes', 'offline', 'search'].map((d) => first((r) => r.document === d));
  return [
    ...(lang === 'en' ? ['/'] : []),
    first((r) => !r.country),
    first((r) => r.country && !r.section && !r.document),
    first((r) => r.section && !r.slug),
    ...pages,
    ...documents,
    ...(lang === 'en' ? ['/en/zz'] : []),
  ];
}

const isDocument = (path) => /\/(print|changes|offline|search)$/.test(path);

// `/en/zz` is the not-found page, answered with 404 on purpose. No offline worker: once one
// controls the pages it answers their requests itself, the boot script too, which
// `page.route` then cannot keep from starting the app on a page meant to stay static.
test.use({ expectedProblems: [[/HTTP 404: \S+\/en\/zz$/, /status of 404 .* at \S+\/en\/zz$/]], serviceWorkers: 'block' });

/** The identity, as the page shows it now, in `lang` and `scheme`. */
async function expectIdentity(page, lang, scheme) {
  const brand = page.locator('.site-header .brand');
  await expect(brand).toHaveAccessibleName(NAME[lang]);
  await expect(page).toHaveTitle(new RegExp(`(^| · )${NAME[lang]}$`));
  // The logo in place of the ✓, which stays in the markup at size 0.
  const mark = await brand.locator('.brand-mark').evaluate((el) => {
    const style = getComputedStyle(el);
    return { image: style.backgroundImage, size: style.fontSize };
  });
  // Its dark version on the dark palette.
  expect(mark.image).toMatch(scheme === 'dark' ? /logo-dark\.svg"?\)$/ : /favicon\.svg"?\)$/);
  expect(mark.size).toBe('0px');
  const colours = await page.evaluate(() => ({
    background: getComputedStyle(document.body).backgroundColor,
    accent: getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
  }));
  expect(colours.background).toBe(COLOURS[scheme].background);
  const footer = page.locator('footer.site-footer');
  await expect(footer.locator('p')).toHaveText(FOOTER[lang]);
  const [contact, privacy] = LINKS[lang];
  await expect(footer.getByRole('link', { name: contact, exact: true })).toHaveAttribute('href', 'mailto:hello@vote-compass.example');
  await expect(footer.getByRole('link', { name: privacy, exact: true })).toHaveAttribute('href', 'https://vote-compass.example/privacy');
  await expect(footer.getByRole('link').first()).toHaveCSS('color', COLOURS[scheme].accent);
  // Nothing of the shipped identity is left around the page (a guide's own text may name
  // anyone: the explainer videos credit Election Center).
  const around = await page.evaluate(() =>
    [document.title, ...[...document.querySelectorAll('.site-header, .site-footer')].map((e) => e.innerText)].join('\n'));
  expect(around).not.toContain('Election Center');
}

const BOOT = /\/boot-[0-9a-f]{16}\.js$/;

for (const lang of ['en', 'fr']) {
  test(`in ${lang}, every kind of page shows the deployment's identity, before and after the app starts`, async ({ page }) => {
    test.setTimeout(180_000);
    for (const path of kinds(lang)) {
      // As pre-rendered (its boot script answered empty, so the app does not start), then
      // as the app draws it; a document has no app.
      for (const app of isDocument(path) ? [false] : [false, true]) {
        await test.step(`${path}${app ? ', the app started' : ''}`, async () => {
          if (app) await page.unroute(BOOT);
          else await page.route(BOOT, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
          await page.emulateMedia({ colorScheme: 'light' });
          await page.goto(`${IDENTITY}${path.slice(1)}`);
          if (app) await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
          // The head: the organisation for search engines, the browser's colours.
          const data = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
          // The not-found page is the host's 404.html, written in English.
          const shown = path === '/en/zz' ? 'en' : lang;
          expect(data).toMatchObject({
            '@context': 'https://schema.org',
            '@type': 'WebSite',
            name: NAME[shown],
            url: IDENTITY,
            inLanguage: shown,
            publisher: {
              '@type': 'Organization',
              name: 'Civic Compass Trust',
              url: 'https://vote-compass.example/',
              email: 'hello@vote-compass.example',
              sameAs: ['https://encyclopedia.example/wiki/Civic_Compass_Trust'],
              logo: `${IDENTITY}favicon.svg`,
            },
          });
          await expect(page.locator('meta[name="theme-color"][media*="light"]')).toHaveAttribute('content', '#fbfaf5');
          await expect(page.locator('meta[name="theme-color"][media*="dark"]')).toHaveAttribute('content', '#0f1a14');
          // The home page is headed by the site's name.
          if (!path.slice(1).includes('/')) await expect(page.getByRole('heading', { level: 1 })).toHaveText(NAME[lang]);
          await expectIdentity(page, lang, 'light');
          await page.emulateMedia({ colorScheme: 'dark' });
          await expectIdentity(page, lang, 'dark');
        });
      }
    }
  });
}

test('the favicon is the logo, and the installed app takes the palette', async ({ request }) => {
  const favicon = await request.get(`${IDENTITY}favicon.svg`);
  expect(await favicon.text()).toBe(readFileSync(new URL('logo.svg', fixture), 'utf8'));
  const dark = await request.get(`${IDENTITY}logo-dark.svg`);
  expect(await dark.text()).toBe(readFileSync(new URL('logo-dark.svg', fixture), 'utf8'));
  const manifest = await (await request.get(`${IDENTITY}fr.webmanifest`)).json();
  expect(manifest).toMatchObject({ name: NAME.fr, background_color: '#fbfaf5', theme_color: '#fbfaf5' });
  // Its icons are drawn from the logo, not Election Center's (style/icons/, the default build's).
  for (const { src, sizes } of manifest.icons) {
    const png = await (await request.get(`${IDENTITY}${src}`)).body();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(sizes);
    expect(png.equals(readFileSync(new URL(`../../style/${src}`, import.meta.url)))).toBe(false);
    expect(readFileSync(new URL(`../../dist/${src}`, import.meta.url)).equals(readFileSync(new URL(`../../style/${src}`, import.meta.url)))).toBe(true);
  }
});

test("the voter's wasm and script are the default build's, byte for byte", () => {
  const bundle = (dir) => readdirSync(dir).filter((f) => /^election-center-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(f)).sort();
  const mine = bundle(built);
  expect(mine).toHaveLength(2);
  // Trunk names them by a hash of their bytes.
  expect(mine).toEqual(bundle(new URL('../../dist/', import.meta.url)));
});

test.describe('axe', () => {
  test.describe.configure({ mode: 'parallel' });
  for (const scheme of ['light', 'dark']) {
    test(`finds no violation on any kind of page, ${scheme}`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: scheme });
      const problems = [];
      for (const path of new Set([...kinds('en'), ...kinds('fr')])) {
        await page.goto(`${IDENTITY}${path.slice(1)}`);
        if (!isDocument(path)) await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
        if (path.endsWith('/offline')) await expect(page.locator('.offline-size')).not.toBeEmpty();
        problems.push(...(await axe(page)).violations.map((v) => `${path}: ${v}`));
      }
      expect(problems).toEqual([]);
    });
  }
});
