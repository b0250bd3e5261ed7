// How a voter moves through the app: clicks, keyboard, history, reloads.
import { createHash } from 'node:crypto';
import { test, expect, switchLanguage } from './fixtures.mjs';

test('a voter goes from the country list to a partner page and back, switching language', async ({ page }) => {
  await page.goto('/');
  const romania = page.getByRole('link', { name: /Romania/ });
  await expect(romania.locator('[lang="ro"]')).toHaveText('România');
  await page.getByRole('link', { name: /France/ }).click();
  await expect(page).toHaveURL('/en/fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('Elections in France');

  await switchLanguage(page, 'Language', 'Français');
  await expect(page).toHaveURL('/fr/fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('Élections en France');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  await page.getByRole('link', { name: /^Vérificateurs et partenaires/ }).click();
  await page.getByRole('link', { name: 'AFP Factuel' }).first().click();
  await expect(page).toHaveURL('/fr/fr/partners/afp');
  await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('AFP Factuel');
  await expect(page.locator('main')).toContainText('service dédié à la vérification des faits');

  await page.goBack();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('Élections en France');
  await page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link', { name: 'Pays' }).click();
  await expect(page).toHaveURL('/fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('Election Center');
});

test('a deep link survives a reload', async ({ page }) => {
  await page.goto('/en/ro/partners/funky-citizens');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('Funky Citizens');
  await expect(page.locator('main')).toContainText('47,855,301');
});

test('the first Tab reaches the skip link, which moves focus to the content', async ({ page }) => {
  await page.goto('/en/fr');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('external links are marked and cannot reach back into the app', async ({ page }) => {
  await page.goto('/fr/fr/partners/afp');
  const link = page.locator('main .prose a[href="https://factuel.afp.com/"]');
  await expect(link).toHaveAttribute('rel', 'external noopener noreferrer');
  await expect(page.locator('main a[href^="javascript:"]')).toHaveCount(0);
});

test('the server sends a strict Content-Security-Policy that the app runs under', async ({ page }) => {
  const response = await page.goto('/ro/ro');
  const csp = response.headers()['content-security-policy'];
  // The app starts from an external boot script; the one inline script (the embedding
  // settings, applied before the first paint) is pinned by its hash, and nothing else runs.
  expect(csp).not.toContain('unsafe-inline');
  const inline = await page.locator('script:not([src])').allTextContents();
  expect(inline).toHaveLength(1);
  const hash = createHash('sha256').update(inline[0], 'utf8').digest('base64');
  expect(csp).toContain(`script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}';`);
  expect(csp).toContain("object-src 'none'");
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('Alegeri în România');
});

test.describe('when the network fails', () => {
  // The aborted requests are the point of these tests, not failures of the app. Routing
  // sees no request the offline worker answers (tests/e2e/offline.spec.mjs has its own).
  test.use({ expectedProblems: [/content\/ro\/ro(\.json|\/guides\/check-a-claim\.html)/], serviceWorkers: 'block' });

  test('a failed content request shows a retry that recovers', async ({ page }) => {
    await page.goto('/ro/ro/guides');
    await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
    let fail = true;
    await page.route('**/content/ro/ro/guides/check-a-claim.html', (route) => (fail ? route.abort() : route.continue()));
    await page.getByRole('link', { name: 'Verifică o informație înainte s-o distribui' }).click();
    await expect(page.getByRole('alert')).toContainText('Pagina nu a putut fi încărcată');
    fail = false;
    await page.getByRole('button', { name: 'Încearcă din nou' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('Verifică o informație înainte s-o distribui');
  });

  test('a pre-rendered page stays readable when the app cannot load its data', async ({ page }) => {
    await page.route('**/content/ro/ro.json', (route) => route.abort());
    await page.goto('/ro/ro');
    await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('Alegeri în România');
    // The app gave up quietly: the static page, its text and its links are all still there.
    await page.waitForTimeout(500);
    await expect(page.locator('body')).not.toHaveAttribute('data-app', 'ready');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Resurse oficiale (5)' })).toBeVisible();
  });
});

test('official resources and partners are grouped by kind, each kind a heading under the page\'s', async ({ page }) => {
  await page.goto('/en/ro/resources');
  await expect(page.locator('main h2')).toHaveText(['Electoral authority', 'Court', 'Regulator', 'Police and cybersecurity']);
  const authorities = page.locator('main h2:has-text("Electoral authority") + ul li');
  await expect(authorities).toHaveText([/Permanent Electoral Authority/, /Central Electoral Bureau/]);
  await page.goto('/en/ro/partners');
  await expect(page.locator('main h2')).toHaveText(['Media-literacy partner', 'Fact-checker']);
});

test('the country picker offers the way back to the voter’s last country', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.continue')).toHaveCount(0);
  await page.goto('/en/ro/guides/check-a-claim');
  // The app remembers the country once it runs (the static page alone cannot).
  await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
  await page.goto('/');
  await page.getByRole('link', { name: 'Continue to Romania' }).click();
  await expect(page).toHaveURL('/en/ro');
});

test('the table of contents moves within the page, and a followed link puts focus on the new page', async ({ page }) => {
  await page.goto('/en/fr/guides');
  await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
  await page.getByRole('link', { name: 'Check a claim before you share it' }).click();
  await expect(page).toHaveURL('/en/fr/guides/check-a-claim');
  await expect(page.locator('main')).toBeFocused();
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await toc.getByRole('link').first().click();
  await expect(page).toHaveURL('/en/fr/guides/check-a-claim#h-1-take-your-time');
  await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('Check a claim before you share it');
  await expect(page.locator('[id="h-1-take-your-time"]')).toBeInViewport();
});
