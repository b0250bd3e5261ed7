// A static server for the built app, as a production host should behave: pre-compressed
// brotli/gzip files, `/fr/ro` served from the pre-rendered `fr/ro.html`, 404.html (which
// starts the app) for unknown routes, long caching for hashed assets, a strict CSP header.
// Usage: node tests/e2e/serve.mjs [dist-dir] [port] [--content <dir>] [--base </sub/path/>] [--files]
// --content serves /content/ from another build of content-cli (tests use a fixture country).
// --base serves the build under a sub-path (built with `trunk build --public-url` the same).
// --files serves exact files only, as an app's packaged-files loader does (Android's
//   WebViewAssetLoader, an iOS WKURLSchemeHandler): no `.html` rule, no 404.html.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { parseHeaders } from '../../scripts/hosting.mjs';

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : null);
const [distArg, portArg] = args.filter((a, i) => !a.startsWith('--') && !['--content', '--base'].includes(args[i - 1]));
const root = resolve(distArg ?? 'dist');
const port = Number(portArg ?? process.env.PORT ?? 8080);
const contentRoot = option('--content') && resolve(option('--content'));
const mount = (option('--base') ?? '/').replace(/\/?$/, '/');
const filesOnly = args.includes('--files');
const host = '127.0.0.1';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8', '.vtt': 'text/vtt; charset=utf-8', '.mp4': 'video/mp4', '.webm': 'video/webm',
  '.ics': 'text/calendar; charset=utf-8', '.xml': 'application/xml; charset=utf-8', '.ico': 'image/x-icon',
  '.atom': 'application/atom+xml; charset=utf-8', '.webmanifest': 'application/manifest+json; charset=utf-8',
};
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

const indexHtml = join(root, 'index.html');
// The headers the build wrote for hosts that read `_headers` (scripts/csp.mjs): the CSP
// with frame-ancestors among them.
// Its blocks for single files (a hashed file's year of caching) apply to that file alone.
const headerBlocks = parseHeaders(readFileSync(join(root, '_headers'), 'utf8'));
const siteHeaders = Object.fromEntries(headerBlocks.filter((b) => b.path === '/*').flatMap((b) => b.headers));
const fileHeaders = new Map(headerBlocks.filter((b) => b.path !== '/*').map((b) => [b.path, Object.fromEntries(b.headers)]));

function pick(path, acceptEncoding) {
  for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (acceptEncoding.includes(enc) && existsSync(path + ext)) return { file: path + ext, encoding: enc };
  }
  return { file: path, encoding: null };
}

const server = createServer((req, res) => {
  let pathname;
  try {
    // Appended, not resolved: `//fr/ro` is a path here, not a host named `fr`.
    pathname = decodeURIComponent(new URL(`http://localhost${req.url}`).pathname);
  } catch {
    res.writeHead(400).end('Bad request');
    return;
  }
  if (!(pathname + '/').startsWith(mount)) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const sitePath = pathname;
  pathname = '/' + pathname.slice(mount.length);
  const [base, rel] = contentRoot && pathname.startsWith('/content/') ? [contentRoot, pathname.slice('/content'.length)] : [root, pathname];
  let path = resolve(join(base, rel));
  if (path !== base && !path.startsWith(base + sep)) {
    res.writeHead(403).end('Forbidden');
    return;
  }
  let status = 200;
  const isFile = (p) => existsSync(p) && statSync(p).isFile();
  if (contentRoot && !pathname.split('/').pop().includes('.')) {
    // Another country's content: the pre-rendered pages are not its pages, so behave as
    // a plain single-page host (the app mounts and fetches the content itself).
    path = indexHtml;
  } else if (!isFile(path) && filesOnly) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  } else if (!isFile(path)) {
    const lastSegment = pathname.split('/').pop();
    if (lastSegment.includes('.')) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    // A route: its pre-rendered page (`/fr/ro` → `fr/ro.html`), the site root's index.html,
    // or the not-found page, which still starts the app (as GitHub Pages, Netlify and
    // Cloudflare Pages do with 404.html). Other forms of a page's address (`/fr/ro/`,
    // `/fr//ro`, `/FR/RO`) are not its file: the app moves them to the one form.
    const candidates = pathname === '/' ? [indexHtml] : pathname.endsWith('/') || pathname.includes('//') ? [] : [path + '.html'];
    path = candidates.find(isFile);
    if (!path) {
      path = join(root, '404.html');
      status = 404;
    }
  }
  const { file, encoding } = pick(path, String(req.headers['accept-encoding'] ?? ''));
  const headers = {
    'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
    'Cache-Control': HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...siteHeaders,
    ...fileHeaders.get(sitePath),
    Vary: 'Accept-Encoding',
  };
  if (encoding) headers['Content-Encoding'] = encoding;
  res.writeHead(status, headers);
  if (req.method === 'HEAD') res.end();
  else res.end(readFileSync(file));
});

server.listen(port, host, () => console.log(`Election Center (release build) at http://${host}:${port}${mount}`));
