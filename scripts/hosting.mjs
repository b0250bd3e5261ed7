// Server configuration for a release build, generated from the build itself (HOSTING.md):
// an nginx server block and a Caddyfile that follow the hosting rules exactly as
// tests/e2e/serve.mjs does, and send the headers of the build's own `_headers` (the CSP
// with frame-ancestors, written by scripts/csp.mjs), so the two never drift apart.
// `make hosting-check` runs both servers on them and checks the answers.
//
// Usage: node scripts/hosting.mjs <dist> [--base /sub/path/] [--out <dir>] [--listen <port|host:port>] [--root <dir>]
//        node scripts/hosting.mjs --committed [--check]   (hosting/nginx.conf, hosting/Caddyfile)
//   --base    the sub-path the build was made for (`trunk build --public-url`), default /
//   --out     write <dir>/nginx.conf and <dir>/Caddyfile instead of printing them
//   --listen  what the server listens on, default 80 (nginx `listen`, Caddy site address)
//   --root    where the files will be on the server, default the absolute path of <dist>
//             (e.g. --root /srv/election-center when the files are copied there)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// What serve.mjs gives long caching: trunk's hashed names.
const HASHED = '-[0-9a-f]{16}(_bg)?\\.(js|wasm|css)$';
const IMMUTABLE = 'public, max-age=31536000, immutable';
// Types the build ships that nginx's mime.types lacks, or sends without a charset (serve.mjs's
// TYPES has them): a caption track served as anything but text/vtt is ignored by browsers;
// feed readers expect Atom feeds as application/atom+xml (FEEDS.md).
const EXTRA_TYPES = { vtt: 'text/vtt; charset=utf-8', ics: 'text/calendar; charset=utf-8', md: 'text/markdown; charset=utf-8', atom: 'application/atom+xml; charset=utf-8', webmanifest: 'application/manifest+json; charset=utf-8' };

/** The blocks of a `_headers` file: `{ path, headers: [[name, value]…] }` in order. */
export function parseHeaders(text) {
  const blocks = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      blocks.push({ path: line.trim(), headers: [] });
      continue;
    }
    const m = line.trim().match(/^([A-Za-z0-9-]+):\s*(.*)$/);
    if (!blocks.length || !m) throw new Error(`_headers: cannot read the line "${line}"`);
    blocks.at(-1).headers.push([m[1], m[2]]);
  }
  return blocks;
}

/** The headers `_headers` sets for every path (`/*`), as [name, value] pairs. Its other
 * blocks may only cache a hashed file for a year, which the generated configs do by name. */
export function readHeaders(text) {
  const headers = [];
  for (const { path, headers: block } of parseHeaders(text)) {
    if (path !== '/*') {
      const immutable = block.length === 1 && block[0][0] === 'Cache-Control' && block[0][1] === IMMUTABLE;
      if (!immutable || !new RegExp(HASHED).test(path)) throw new Error(`_headers: only a "/*" block and hashed files' Cache-Control are supported here, found "${path}"`);
      continue;
    }
    for (const [name, value] of block) {
      // Neither server could send these characters unchanged ($ is an nginx variable, {…} a
      // Caddy placeholder): refuse rather than write a config that alters the policy.
      if (/["\\${}]/.test(value)) throw new Error(`_headers: ${name} has a character the generated configs cannot carry: ${value}`);
      headers.push([name, value]);
    }
  }
  if (!headers.some(([name]) => name.toLowerCase() === 'content-security-policy')) {
    throw new Error('_headers: no Content-Security-Policy (is this a release build? scripts/csp.mjs writes it)');
  }
  return headers;
}

/** The headers of `_headers`' `/*` block as nginx `add_header` lines. */
export const nginxHeaders = (headers) => headers.map(([name, value]) => `    add_header ${name} "${value}" always;\n`).join('');
/** The same as lines of a Caddy `header` block. */
export const caddyHeaders = (headers) => headers.map(([name, value]) => `\t\t${name} "${value}"\n`).join('');

// The configurations kept in the repository (hosting/, the container's Dockerfile): the
// same as generated, for files under /srv/election-center, with the build-specific headers
// read from the build itself, which writes them as snippets beside `_headers` (`snippets`).
export const SERVED_FROM = '/srv/election-center';
export const committed = () => ({
  'hosting/nginx.conf': nginxConf({ root: SERVED_FROM, headersFile: `${SERVED_FROM}/_headers.nginx` }),
  'hosting/Caddyfile': caddyfile({ root: SERVED_FROM, headersFile: `${SERVED_FROM}/_headers.caddy` }),
});

/** Vercel's `vercel.json` for a build deployed as it is (`cd dist && vercel deploy`): the
 * rules by `cleanUrls` and `trailingSlash`, the headers of `_headers` for every path, a
 * year's caching for hashed names. */
export const vercelJson = (headers) =>
  JSON.stringify(
    {
      cleanUrls: true,
      trailingSlash: false,
      headers: [
        { source: '/(.*)', headers: headers.map(([key, value]) => ({ key, value })) },
        { source: '/(.*)-([0-9a-f]{16})(_bg)?\\.(js|wasm|css)', headers: [{ key: 'Cache-Control', value: IMMUTABLE }] },
      ],
    },
    null,
    2,
  ) + '\n';

/** What hosts other than Netlify and Cloudflare Pages (which read `_headers`) need from the
 * build, written beside `dist`'s `_headers`: `_headers.nginx` and `_headers.caddy` for the
 * configurations kept in hosting/ to include, `vercel.json`, and `.nojekyll` (GitHub Pages
 * would otherwise run Jekyll, which drops files whose name starts with `_`). */
export function snippets(dist) {
  const headers = readHeaders(readFileSync(join(dist, '_headers'), 'utf8'));
  writeFileSync(join(dist, '_headers.nginx'), `# From _headers (scripts/csp.mjs): for hosting/nginx.conf.\n${nginxHeaders(headers)}`);
  writeFileSync(join(dist, '_headers.caddy'), `# From _headers (scripts/csp.mjs): for hosting/Caddyfile.\n${caddyHeaders(headers)}`);
  writeFileSync(join(dist, 'vercel.json'), vercelJson(headers));
  writeFileSync(join(dist, '.nojekyll'), '');
}

const normaliseBase = (base = '/') => ('/' + base + '/').replace(/\/+/g, '/');
const reEscape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function nginxConf({ headers, headersFile, root, base = '/', listen = '80' }) {
  base = normaliseBase(base);
  const b = reEscape(base);
  const sub = base !== '/';
  const files = sub ? `alias ${root}/;` : `root ${root};`;
  return `# Election Center: nginx (Debian: nginx-light + libnginx-mod-http-brotli-static), generated by
# scripts/hosting.mjs from the build's _headers; checked by \`make hosting-check\` (HOSTING.md).
# Goes inside http { }, e.g. as /etc/nginx/sites-enabled/default or /etc/nginx/conf.d/election-center.conf.

map $uri $election_center_cache_control {
    default "no-cache";
    "~${HASHED}" "${IMMUTABLE}";
}

server {
    listen ${listen};
    server_name _;
    absolute_redirect off;
    charset utf-8;
    # Rule 3: the .br / .gz sibling when the browser accepts it.
    brotli_static on;
    gzip_static on;
    gzip_vary on;
    # Rule 2: anything that is not a file or a page is the not-found page, with 404.
    error_page 404 ${base}404.html;

    # From the build's _headers (scripts/csp.mjs). A location with its own add_header would
    # drop these: keep add_header here only.
${headersFile ? `    include ${headersFile};` : nginxHeaders(headers).trimEnd()}
    add_header Cache-Control $election_center_cache_control always;
${
  sub
    ? `
    location / {
        return 404;
    }
    location = ${base.slice(0, -1)} {
        return 301 ${base};
    }`
    : ''
}
    location = ${base} {
        rewrite ^ ${base}index.html last;
    }
    location = ${base}404.html {
        ${sub ? `alias ${root}/404.html;` : files}
    }
    location ${base} {
        ${files}
        # One address per page: other forms (\`/fr/ro/\`, \`/fr//ro\`) are not pages. Read from
        # the request as sent, which nginx has not merged slashes in.
        if ($request_uri ~ "^(?!${b}(\\?|$))[^?]*(//|/(\\?|$))") {
            return 404;
        }
        # Rule 1: the file, or for a path without an extension the page \`<path>.html\`.
        try_files $uri $uri.html =404;
${Object.entries(EXTRA_TYPES)
  .map(
    ([ext, type]) => `        location ~ \\.${ext}$ {
            types { }
            default_type "${type}";
        }`,
  )
  .join('\n')}
    }
}
`;
}

export function caddyfile({ headers, headersFile, root, base = '/', listen = '80' }) {
  base = normaliseBase(base);
  const sub = base !== '/';
  const address = /^\d+$/.test(listen) ? `:${listen}` : listen.startsWith('http') ? listen : `http://${listen}`;
  const inner = sub ? '\t' : '';
  const site = (lines) => lines.map((l) => (l ? inner + l : l)).join('\n');
  const body = site([
    `\troot * ${root}`,
    '\t# One address per page: other forms (`/fr/ro/`, `/fr//ro`) are not pages. The path as',
    '\t# sent: path_regexp would see `//` merged, and {path} is rewritten by try_files first.',
    `\t@otherForms expression \`{http.request.orig_uri.path} != "${base}" && {http.request.orig_uri.path}.matches("//|/$")\``,
    `\terror @otherForms 404`,
    '\t# Rule 1: the file, or for a path without an extension the page `<path>.html`.',
    `\t@page path /`,
    `\trewrite @page /index.html`,
    `\ttry_files {path} {path}.html`,
    `\t@hashed path_regexp hashed ${HASHED}`,
    `\theader @hashed Cache-Control "${IMMUTABLE}"`,
    ...Object.entries(EXTRA_TYPES).flatMap(([ext, type]) => [`\t@${ext} path *.${ext}`, `\theader @${ext} Content-Type "${type}"`]),
    '\t# Rule 3: the .br / .gz sibling when the browser accepts it.',
    `\tfile_server {`,
    `\t\tprecompressed br gzip`,
    `\t}`,
  ]);
  return `# Election Center: Caddy 2.6, generated by scripts/hosting.mjs from the build's _headers;
# checked by \`make hosting-check\` (HOSTING.md). For HTTPS, write the site's domain name
# instead of the address below and Caddy gets a certificate.
${address} {
\t# From the build's _headers (scripts/csp.mjs).
\theader {
${headersFile ? `\t\timport ${headersFile}` : caddyHeaders(headers).trimEnd()}
\t\t?Cache-Control "no-cache"
\t}
${
  sub
    ? `\tredir ${base.slice(0, -1)} ${base} permanent
\thandle_path ${base}* {
${body}
\t}
\thandle {
\t\terror 404
\t}`
    : body
}
\t# Rule 2: anything that is not a file or a page is the not-found page, with 404.
\thandle_errors {
\t\troot * ${root}
\t\trewrite * /404.html
\t\tfile_server {
\t\t\tprecompressed br gzip
\t\t}
\t}
}
`;
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop());
if (isMain) {
  const args = process.argv.slice(2);
  if (args[0] === '--committed') {
    // Writes hosting/; with --check, fails if what is there differs (make lint).
    let stale = 0;
    for (const [file, text] of Object.entries(committed())) {
      const there = (() => { try { return readFileSync(file, 'utf8'); } catch { return null; } })();
      if (there === text) continue;
      if (args.includes('--check')) {
        console.error(`hosting: ${file} is not what scripts/hosting.mjs generates: run node scripts/hosting.mjs --committed`);
        stale++;
      } else {
        mkdirSync('hosting', { recursive: true });
        writeFileSync(file, text);
        console.log(`hosting: wrote ${file}`);
      }
    }
    process.exit(stale ? 1 : 0);
  }
  const valued = ['--base', '--out', '--listen', '--root'];
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const [dist] = args.filter((a, i) => !a.startsWith('--') && !valued.includes(args[i - 1]));
  if (!dist) {
    console.error('usage: node scripts/hosting.mjs <dist> [--base /sub/path/] [--out <dir>] [--listen <port|host:port>] [--root <dir>]');
    process.exit(2);
  }
  try {
    const options = {
      headers: readHeaders(readFileSync(join(dist, '_headers'), 'utf8')),
      root: (option('--root') ?? resolve(dist)).replace(/\/+$/, ''),
      base: option('--base'),
      listen: option('--listen'),
    };
    const configs = { 'nginx.conf': nginxConf(options), Caddyfile: caddyfile(options) };
    const out = option('--out');
    if (out) {
      mkdirSync(out, { recursive: true });
      for (const [name, text] of Object.entries(configs)) writeFileSync(join(out, name), text);
      console.log(`hosting: wrote ${Object.keys(configs).map((n) => join(out, n)).join(' and ')}`);
    } else {
      for (const [name, text] of Object.entries(configs)) console.log(`# ===== ${name} =====\n${text}`);
    }
  } catch (e) {
    console.error(`hosting: ${e.message}`);
    process.exit(1);
  }
}
