// The Content-Security-Policy as built: on every pre-rendered page, strict, with nothing in
// the generated HTML that it would block. (Violations on any page a test opens fail that
// test: see fixtures.mjs; the take-over walk opens every route in every language.)
import { readFileSync, readdirSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';

const DIST = new URL('../../dist/', import.meta.url);
const read = (path) => readFileSync(new URL(path, DIST), 'utf8');
const ROUTES = JSON.parse(read('routes.json'));

/** Every file under `dir` (relative to dist/) ending in `ext`. */
function files(dir, ext) {
  return readdirSync(new URL(dir, DIST), { recursive: true }).filter((f) => f.endsWith(ext)).map((f) => `${dir}${f}`);
}

test('every page carries the strict policy, and the headers add what a meta tag cannot', () => {
  const policies = new Set();
  const without = [];
  for (const file of [...ROUTES.map((r) => r.file), '404.html']) {
    const meta = read(file).match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
    if (meta) policies.add(meta[1]);
    else without.push(file);
  }
  expect(without, 'pages without the policy').toEqual([]);
  expect(policies.size).toBe(1);
  const [policy] = policies;
  // No video of the shipped content is in a partner's player: no frame from elsewhere.
  for (const directive of ["default-src 'self'", "style-src 'self'", "img-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-src 'self'"]) {
    expect(policy.split('; ')).toContain(directive);
  }
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain('data:');
  expect(read('_headers')).toMatch(/Content-Security-Policy: .*; frame-ancestors 'self'\n/);
});

test('generated page bodies carry no style attribute and no script', () => {
  const bodies = files('content/', '.html');
  expect(bodies.length).toBeGreaterThan(50);
  const unsafe = bodies.filter((file) => /\sstyle=|<script|\son[a-z]+=/i.test(read(file)));
  expect(unsafe).toEqual([]);
});

test.describe('a violation', () => {
  // The browser also logs the blocked style; that report is the point here.
  test.use({ expectedProblems: [/Applying inline style violates the following Content Security Policy/] });

  test('is reported to the page as the event every test listens for (fixtures.mjs)', async ({ page }) => {
    await page.goto('/en/fr');
    await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
    // Checked in the page, on purpose, so the violation does not reach the fixture's report.
    const directive = await page.evaluate(() => new Promise((resolve) => {
      addEventListener('securitypolicyviolation', (e) => { e.stopImmediatePropagation(); resolve(e.effectiveDirective); }, { once: true, capture: true });
      const probe = document.createElement('span');
      probe.setAttribute('style', 'color: red');
      document.body.append(probe);
    }));
    expect(directive).toBe('style-src-attr');
  });
});
