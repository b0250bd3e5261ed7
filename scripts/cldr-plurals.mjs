// Writes i18n/cldr-plurals.json: the CLDR cardinal plural rules of every language CLDR
// knows, from the `cldr-core` package (pinned in package.json). The interface texts of a
// language use exactly its categories, and the app picks a form with its rules
// (crates/content/src/plural.rs), so a new interface language needs no code. Run after
// updating cldr-core: `node scripts/cldr-plurals.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const version = JSON.parse(readFileSync(require.resolve('cldr-core/package.json'), 'utf8')).version;
const { supplemental } = JSON.parse(readFileSync(require.resolve('cldr-core/supplemental/plurals.json'), 'utf8'));
const cardinal = {};
for (const [lang, rules] of Object.entries(supplemental['plurals-type-cardinal']).sort(([a], [b]) => a.localeCompare(b))) {
  cardinal[lang] = Object.fromEntries(
    Object.entries(rules).map(([key, rule]) => [key.replace('pluralRule-count-', ''), rule.split('@')[0].trim()]),
  );
}
const out = new URL('../i18n/cldr-plurals.json', import.meta.url);
writeFileSync(out, JSON.stringify({ source: `CLDR ${version} (npm cldr-core), cardinal plural rules`, cardinal }, null, 1) + '\n');
console.log(`cldr-plurals: ${Object.keys(cardinal).length} languages from cldr-core ${version}`);
