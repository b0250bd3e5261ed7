// Every route of the app, against the release build, with the real content.
import { test, expect, screenshots } from './fixtures.mjs';

const ROUTES = [
  {
    name: 'home', path: '/', title: 'Election Center', lang: 'en',
    heading: 'Election Center', text: ['Choose your country'],
  },
  {
    name: 'fr', path: '/fr?lang=fr', title: 'France · Election Center', lang: 'fr', article: true,
    heading: 'Élections en France', text: ['9 juin 2024', '7 juillet 2024', 'AFP Factuel', 'Ressources officielles'],
  },
  {
    name: 'fr-en', path: '/fr?lang=en', title: 'France · Election Center', lang: 'en', article: true,
    heading: 'Elections in France', text: ['30 June', 'AFP Factuel', 'Official resources'],
  },
  {
    name: 'ro', path: '/ro?lang=ro', title: 'România · Election Center', lang: 'ro', article: true,
    heading: 'Alegeri în România', text: ['6 decembrie 2024', '18 mai 2025', 'Funky Citizens', 'Resurse oficiale'],
  },
  {
    name: 'ro-en', path: '/ro?lang=en', title: 'Romania · Election Center', lang: 'en', article: true,
    heading: 'Elections in Romania', text: ['annulled the entire electoral process'],
  },
  {
    name: 'ro-hu', path: '/ro?lang=hu', title: 'Románia · Election Center', lang: 'hu', article: true,
    heading: 'Választások Romániában', text: ['2025. május 4-én', 'Hivatalos források'],
  },
  {
    name: 'fr-partner-afp', path: '/fr/partners/afp?lang=fr', title: 'AFP Factuel · Election Center', lang: 'fr', article: true,
    heading: 'AFP Factuel', text: ['novembre 2017', 'Dernière vérification', 'Vérificateur de faits'],
  },
  {
    name: 'ro-partner-funky-hu', path: '/ro/partners/funky-citizens?lang=hu', title: 'Funky Citizens · Election Center', lang: 'hu', article: true,
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
  ['unknown-country', '/zz'],
  ['unknown-page', '/fr/partners/does-not-exist'],
  ['unknown-section', '/fr/nowhere/afp'],
  ['unknown-path', '/a/b/c/d'],
  ['not-a-code', '/france'],
];

for (const [name, path] of MISSING) {
  test(`not found: ${path} offers a way home`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('Page not found');
    await expect(page).toHaveTitle('Page not found · Election Center');
    if (name === 'unknown-country') await screenshots(page, 'not-found');
    await page.getByRole('link', { name: 'Choose a country' }).click();
    await expect(page).toHaveURL('/?lang=en');
    await expect(page.getByRole('link', { name: /Romania/ })).toBeVisible();
  });
}
