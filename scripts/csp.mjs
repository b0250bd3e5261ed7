// Trunk post-build hook: a strict Content-Security-Policy <meta> (inline scripts, if any,
// pinned by hash: no 'unsafe-inline'), which travels with the page to any static host; and
// `_headers` with the same policy plus what a meta tag cannot carry (frame-ancestors), for
// hosts that read that file (Netlify, Cloudflare Pages; tests/e2e/serve.mjs does too).
// EMBED_ORIGINS (space-separated, e.g. "https://news.example") names the web pages that
// may show the site in an iframe and talk to it (EMBEDDING.md): frame-ancestors, and a
// <meta name="election-center:embed-origins"> the app's bridge reads.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { snippets } from './hosting.mjs';

/**
 * `frames`: the origins of the partners' players the content lists (the content build's
 * content/player-origins.txt); beyond them only this site's own pages may be framed (the
 * editor's preview is one, and `_headers` gives every path this policy).
 */
export function policy(scriptHashes, frames = []) {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.map((h) => `'${h}'`).join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self'",
    "media-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    ["frame-src 'self'", ...frames].join(' '),
    // The offline worker (sw.js) and the web app manifests (scripts/offline.mjs): this site's.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

export function inlineScriptHashes(html) {
  const hashes = [];
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    hashes.push('sha256-' + createHash('sha256').update(m[1], 'utf8').digest('base64'));
  }
  return hashes;
}

/** The iframe hosts' origins in `text`; a mistake stops the build with how to fix it. */
export function embedOrigins(text = '') {
  const origins = text.split(/[\s,]+/).filter(Boolean);
  for (const origin of origins) {
    let url = null;
    try {
      url = new URL(origin);
    } catch {}
    const local = url && /^(localhost|127\.0\.0\.1)$|\.(test|localhost)$/.test(url.hostname);
    if (!url || url.origin !== origin || !(url.protocol === 'https:' || (url.protocol === 'http:' && local))) {
      throw new Error(
        `EMBED_ORIGINS: "${origin}" is not an origin: write scheme://host[:port], without a path or a trailing slash, ` +
          'https (http only for localhost, 127.0.0.1 and .test hosts), e.g. EMBED_ORIGINS="https://news.example"',
      );
    }
  }
  return origins;
}

export function headersFile(csp, origins, hashed = [], base = '/') {
  return [
    '# Response headers, for hosts that read this file (Netlify, Cloudflare Pages). Written by scripts/csp.mjs.',
    '/*',
    `  Content-Security-Policy: ${csp}; frame-ancestors ${["'self'", ...origins].join(' ')}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: no-referrer',
    '',
    // No Cache-Control for `/*`: these hosts join the values of every rule that matches
    // (`no-cache, public, …`), and their own default already makes browsers revalidate.
    '# Files whose name carries a hash of their content never change: kept for a year.',
    '# Everything else (pages, data, sw.js, manifests) keeps the host\'s revalidation.',
    ...hashed.map((file) => immutableBlock(base + file)),
  ].join('\n');
}

/** Names that carry a hash of their content (Trunk's, the boot script's): HOSTING.md. */
export const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

/** The `_headers` block that caches `path` for a year. */
export function immutableBlock(path) {
  return `${path}\n  Cache-Control: public, max-age=31536000, immutable\n`;
}

// `trunk serve` injects its live-reload script when serving, after this hook, so
// development builds get no policy; release builds (what is deployed and tested) do.
const isHook = process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop());
if (isHook && process.env.TRUNK_PROFILE === 'debug') {
  console.log('csp: development build, no Content-Security-Policy meta');
} else if (isHook) {
  const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
  const file = join(dir, 'index.html');
  const origins = embedOrigins(process.env.EMBED_ORIGINS);
  let html = readFileSync(file, 'utf8').replace(/<meta (http-equiv="Content-Security-Policy"|name="election-center:embed-origins")[^>]*>\s*/g, '');
  const players = join(dir, 'content', 'player-origins.txt');
  const frames = existsSync(players) ? readFileSync(players, 'utf8').split('\n').filter(Boolean) : [];
  const csp = policy(inlineScriptHashes(html), frames);
  const metas = [`<meta http-equiv="Content-Security-Policy" content="${csp}">`];
  if (origins.length) metas.push(`<meta name="election-center:embed-origins" content="${origins.join(' ')}">`);
  const withMeta = html.replace(/<meta charset=["']?utf-8["']?\s*\/?>/i, (m) => [m, ...metas].join('\n  '));
  if (withMeta === html) throw new Error(`${file}: no <meta charset="utf-8"> to put the Content-Security-Policy after`);
  writeFileSync(file, withMeta);
  const hashed = readdirSync(dir).filter((f) => HASHED.test(f)).sort();
  writeFileSync(join(dir, '_headers'), headersFile(csp, origins, hashed, process.env.TRUNK_PUBLIC_URL ?? '/'));
  // The same headers for the configurations kept in hosting/ to include.
  snippets(dir);
}
