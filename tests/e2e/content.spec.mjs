// Every page of every country in every language, straight from the published manifests in
// dist/content/: the page opens, shows its title as the only level-1 heading, marks its
// language, and leaves phone and desktop screenshots in target/screenshots/pages/.
import { readFileSync } from 'node:fs';
import { test, expect, screenshots } from './fixtures.mjs';

const CONTENT = new URL('../../dist/content/', import.meta.url);
const read = (path) => JSON.parse(readFileSync(new URL(path, CONTENT), 'utf8'));

const index = read('index.json');
for (const country of index.countries) {
  for (const lang of country.languages) {
    // Leaving a video page before its metadata has loaded cancels that request.
    test.use({ expectedProblems: [/request failed: \S+\/media\/\S+ net::ERR_ABORTED$/] });
    test(`every page of ${country.code} in ${lang} opens with its title and language`, async ({ page }) => {
      test.setTimeout(5 * 60_000);
      const manifest = read(`${country.code}/${lang}.json`);
      const pages = [
        { path: `/${lang}/${country.code}`, entry: manifest.hub, name: `${country.code}-${lang}` },
        ...manifest.pages.map((p) => ({ path: `/${lang}/${country.code}/${p.section}/${p.slug}`, entry: p, name: `${country.code}-${lang}-${p.section}-${p.slug}` })),
      ];
      expect(pages.length).toBeGreaterThan(1);
      for (const { path, entry, name } of pages) {
        await test.step(path, async () => {
          await page.setViewportSize({ width: 1280, height: 800 });
          await page.goto(path);
          await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName(entry.title);
          await expect(page.locator('main article > header')).toHaveAttribute('lang', entry.lang);
          await expect(page.locator('main .prose')).not.toBeEmpty();
          await expect(page.locator('html')).toHaveAttribute('lang', lang);
          await expect(page.locator('body')).not.toContainText('⟦');
          await screenshots(page, `pages/${name}`);
        });
      }
    });
  }
}
