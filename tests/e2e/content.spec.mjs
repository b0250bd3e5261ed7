// Every page of every country in every language, straight from the published manifests:
// the page opens, shows its title as the only level-1 heading, marks its language, and
// leaves phone and desktop screenshots in target/screenshots/pages/.
import { test, expect, screenshots } from './fixtures.mjs';

const BASE = 'http://127.0.0.1:4173';

async function allPages() {
  const index = await (await fetch(`${BASE}/content/index.json`)).json();
  const pages = [];
  for (const country of index.countries) {
    for (const lang of country.languages) {
      const manifest = await (await fetch(`${BASE}/content/${country.code}/${lang}.json`)).json();
      pages.push({ path: `/${country.code}?lang=${lang}`, title: manifest.hub.title, lang: manifest.hub.lang, name: `${country.code}-${lang}` });
      for (const p of manifest.pages) {
        pages.push({ path: `/${country.code}/${p.section}/${p.slug}?lang=${lang}`, title: p.title, lang: p.lang, name: `${country.code}-${lang}-${p.section}-${p.slug}` });
      }
    }
  }
  return pages;
}

test('every published page in every language opens with its title and language', async ({ page }) => {
  test.setTimeout(10 * 60_000);
  const pages = await allPages();
  expect(pages.length).toBeGreaterThan(8);
  for (const p of pages) {
    await test.step(p.path, async () => {
      await page.goto(p.path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName(p.title);
      await expect(page.locator('main article > header')).toHaveAttribute('lang', p.lang);
      await expect(page.locator('main .prose')).not.toBeEmpty();
      await screenshots(page, `pages/${p.name}`);
      await page.setViewportSize({ width: 1280, height: 720 });
    });
  }
});
