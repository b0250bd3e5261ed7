// Every route of the app, against the release build, with the real content.
import { test, expect, screenshots } from './fixtures.mjs';

const ROUTES = [
  {
    name: 'home', path: '/', title: 'Election Center', lang: 'en',
    heading: 'Election Center', text: ['Choose your country'],
  },
  {
    name: 'fr', path: '/fr/fr', title: 'France · Election Center', lang: 'fr', article: true,
    heading: 'Élections en France', text: ['9 juin 2024', '7 juillet 2024', 'Ministère de l’Intérieur', 'Ressources officielles (5)'],
  },
  {
    name: 'fr-en', path: '/en/fr', title: 'France · Election Center', lang: 'en', article: true,
    heading: 'Elections in France', text: ['30 June', 'by proxy', 'Official resources (5)'],
  },
  {
    name: 'ro', path: '/ro/ro', title: 'România · Election Center', lang: 'ro', article: true,
    heading: 'Alegeri în România', text: ['6 decembrie 2024', '18 mai 2025', 'Autoritatea Electorală Permanentă', 'Resurse oficiale (5)'],
  },
  {
    name: 'ro-en', path: '/en/ro', title: 'Romania · Election Center', lang: 'en', article: true,
    heading: 'Elections in Romania', text: ['annulled the entire electoral process', 'No election is coming up; the most recent', '2025 presidential election'],
  },
  {
    name: 'ro-hu', path: '/hu/ro', title: 'Románia · Election Center', lang: 'hu', article: true,
    heading: 'Választások Romániában', text: ['2025. május 4-én', 'Hivatalos források (5)'],
  },
  {
    name: 'fr-partner-afp', path: '/fr/fr/partners/afp', title: 'AFP Factuel · Election Center', lang: 'fr', article: true,
    heading: 'AFP Factuel', text: ['novembre 2017', 'Dernière vérification', 'Vérificateur de faits'],
  },
  {
    name: 'ro-partner-funky-hu', path: '/hu/ro/partners/funky-citizens', title: 'Funky Citizens · Election Center', lang: 'hu', article: true,
    heading: 'Funky Citizens', text: ['47 855 301', 'Factual.ro'],
  },
];

for (const route of ROUTES) {
  test(`${route.name}: ${route.path} shows its content`, async ({ page }) => {
    await page.goto(route.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName(route.heading);
    for (const text of route.text) await expect(page.locator('main')).toContainText(text);
    await expect(page).toHaveTitle(route.title);
    await expect(page.locator('html')).toHaveAttribute('lang', route.lang);
    if (route.article) {
      // Page text carries its own language, here the same as the interface's.
      await expect(page.locator('main article > header')).toHaveAttribute('lang', route.lang);
      await expect(page.locator('main .prose')).toHaveAttribute('lang', route.lang);
    }
    await screenshots(page, route.name);
  });
}

const MISSING = [
  ['unknown-country', '/en/zz'],
  ['unknown-page', '/en/fr/partners/does-not-exist'],
  ['unknown-section', '/en/fr/nowhere/afp'],
  ['unknown-path', '/a/b/c/d'],
  ['not-a-language', '/ja/fr'],
  ['not-a-code', '/france'],
];

test.describe('missing pages', () => {
  // The host answers a missing page with 404 and the not-found page, which starts the app.
  test.use({ expectedProblems: [[/HTTP 404: /, /the server responded with a status of 404/]] });
  for (const [name, path] of MISSING) {
  test(`not found: ${path} offers a way home`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('Page not found');
    await expect(page).toHaveTitle('Page not found · Election Center');
    if (name === 'unknown-country') await screenshots(page, 'not-found');
    await page.getByRole('link', { name: 'Choose a country' }).click();
    await expect(page).toHaveURL('/en');
    await expect(page.getByRole('link', { name: /Romania/ })).toBeVisible();
  });
  }
});
