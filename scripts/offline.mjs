// Trunk post-build hook, after pre-rendering (release builds): the offline machinery of
// issue #19, in files that no page needs in order to run, so none of it weighs on the
// voter's first load (scripts/size-report.mjs lists them apart):
// - `sw.js`, the offline worker: scripts/offline/sw.js with this build's `BUILD` above it
//   (its version, the app shell it keeps, the build's hashed files). Its version is a hash of
//   those and of the worker's own text: a build that changes the app (or the worker) makes a
//   new worker, which browsers find and the boot script offers ("a new version is
//   available"); a build that changes only content does not (pages and data are fetched
//   from the network first anyway).
// - `offline-<hash>.js`, the script of the pages that save a country's guide
//   (`/<lang>/<country>/offline`, src/documents.rs): scripts/offline/page.js, added to those
//   pages (and to nothing else).
// - `offline/<country>/<lang>.json` for each of those pages: every file saving that guide
//   takes, `[path, bytes, hash]`: each page of the country in that language (and the home
//   page in it), the data files they list, and what they show or link under `content/`;
//   videos and their captions apart (saved only if the voter asks); and its search index. Sizes are what a host
//   following HOSTING.md sends: brotli for text (estimated at a fast quality, a little over
//   the real size), the file's size otherwise. The hashes let saving again fetch only what
//   changed; `version` (a hash of them all) tells the page the guide changed since.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { immutableBlock } from './csp.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? '/';
const here = dirname(new URL(import.meta.url).pathname);
const hash = (data, length = 16) => createHash('sha256').update(data).digest('hex').slice(0, length);
const COMPRESSIBLE = /\.(html|js|css|wasm|json|md|svg|txt|vtt|ics|xml|atom|webmanifest)$/;
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
const VIDEO = /\.(mp4|webm|ogv|vtt)$/;

// The offline page's script, and the pages that load it.
const pageScript = readFileSync(join(here, 'offline/page.js'));
const pageScriptName = `offline-${hash(pageScript)}.js`;
writeFileSync(join(dir, pageScriptName), pageScript);
// Hashed like Trunk's files, so cached like them (csp.mjs wrote the others' blocks).
const headers = readFileSync(join(dir, '_headers'), 'utf8');
if (!headers.includes(`${publicUrl}${pageScriptName}\n`)) writeFileSync(join(dir, '_headers'), `${headers}${immutableBlock(publicUrl + pageScriptName)}`);
const routes = JSON.parse(readFileSync(join(dir, 'routes.json'), 'utf8'));
for (const route of routes.filter((r) => r.document === 'offline')) {
  const file = join(dir, route.file);
  // (In place of an earlier run's, when run again by hand on a build.)
  const html = readFileSync(file, 'utf8').replace(/<script type="module" src="[^"]*offline-[0-9a-f]{16}\.js"><\/script>\n/, '');
  const withScript = html.replace('</head>', `<script type="module" src="${publicUrl}${pageScriptName}"></script>\n</head>`);
  if (withScript === html) throw new Error(`${file}: no </head> to add the offline page's script to`);
  writeFileSync(file, withScript);
}

// What saving each country's guide in each language takes.
const known = new Map();
/** `[path, bytes, hash]` of a file of the build. */
function entry(path) {
  if (!known.has(path)) {
    const data = readFileSync(join(dir, path));
    const bytes = COMPRESSIBLE.test(path)
      ? brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 7, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }).length
      : data.length;
    known.set(path, [path, bytes, hash(data, 12)]);
  }
  return known.get(path);
}
const guides = new Map();
for (const route of routes.filter((r) => r.country)) {
  const id = `${route.country}/${route.lang}`;
  if (!guides.has(id)) guides.set(id, { pages: new Map([[route.lang, `${route.lang}.html`]]), files: new Set() });
  guides.get(id).pages.set(route.path.slice(1), route.file);
}
let count = 0;
for (const [id, guide] of guides) {
  const files = [];
  const linked = new Set();
  for (const [path, file] of guide.pages) {
    const html = readFileSync(join(dir, file), 'utf8');
    files.push([path, ...entry(file).slice(1)]);
    const data = html.match(/<meta name="election-center:data" content="([^"]*)"/)?.[1] ?? '';
    for (const href of data.split(' ').filter(Boolean)) linked.add(href);
    for (const [, href] of html.matchAll(/\s(?:src|href|poster)="(content\/[^"#?]+)"/g)) linked.add(href);
  }
  // The guide's search index (scripts/search.mjs), beside each manifest its pages read, so
  // a saved guide can be searched offline before its search field was ever used.
  for (const path of [...linked]) {
    const index = path.match(/^content\/[^/]+\/[^/]+(?=\.json$)/)?.[0];
    if (index && existsSync(join(dir, `${index}/search.txt`))) linked.add(`${index}/search.txt`);
  }
  const videos = [];
  for (const path of [...linked].sort()) (VIDEO.test(path) ? videos : files).push(entry(path));
  const list = { version: hash(JSON.stringify([files, videos])), files, videos };
  mkdirSync(join(dir, 'offline', dirname(id)), { recursive: true });
  writeFileSync(join(dir, 'offline', `${id}.json`), JSON.stringify(list));
  count++;
}

// The worker, with this build's shell.
const assets = readdirSync(dir).filter((f) => HASHED.test(f)).sort();
const shell = [...assets, 'favicon.svg', 'logo-dark.svg', 'i18n/languages.json', 'content/index.json', '404.html'];
const worker = readFileSync(join(here, 'offline/sw.js'), 'utf8');
const version = hash(JSON.stringify(shell) + worker);
writeFileSync(join(dir, 'sw.js'), `const BUILD = ${JSON.stringify({ version, shell, assets })};\n${worker}`);
console.log(`offline: sw.js (version ${version}), ${pageScriptName}, ${count} guide lists`);
