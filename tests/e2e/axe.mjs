// Axe (axe-core) as the accessibility specs run it: WCAG 2.0–2.2 A/AA and best practices,
// injected through the DevTools protocol, so the page's own CSP does not stop it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from './fixtures.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Axe on the page as it is now, with the rules `only` names or else every rule of the
 * tags above: its violations, one line each, and how many rules ran (checked: a narrow tag
 * list runs only a handful). */
export async function axe(page, only) {
  await page.evaluate(axeSource);
  const options = only ? { runOnly: { type: 'rule', values: only } } : { runOnly: { type: 'tag', values: TAGS } };
  const result = await page.evaluate((options) => window.axe.run(document, options), options);
  const rules = result.passes.length + result.violations.length + result.incomplete.length + result.inapplicable.length;
  expect(rules, page.url()).toBeGreaterThanOrEqual(only ? only.length : 60);
  const violations = result.violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  return { violations, rules };
}
