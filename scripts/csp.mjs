// Trunk post-build hook: pins Trunk's inline boot scripts by hash in a
// Content-Security-Policy <meta>, so the policy needs no 'unsafe-inline' and travels with
// the page to any static host. Servers may send the same policy as a header too
// (tests/e2e/serve.mjs does) and add what a meta tag cannot carry (frame-ancestors).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function policy(scriptHashes) {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.map((h) => `'${h}'`).join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "media-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
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

// `trunk serve` injects its live-reload script when serving, after this hook, so
// development builds get no policy; release builds (what is deployed and tested) do.
const isHook = process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop());
if (isHook && process.env.TRUNK_PROFILE === 'debug') {
  console.log('csp: development build, no Content-Security-Policy meta');
} else if (isHook) {
  const file = join(process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist', 'index.html');
  let html = readFileSync(file, 'utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(inlineScriptHashes(html))}">`;
  const withMeta = html.replace(/<meta charset=["']?utf-8["']?\s*\/?>/i, (m) => `${m}\n  ${meta}`);
  if (withMeta === html) throw new Error(`${file}: no <meta charset="utf-8"> to put the Content-Security-Policy after`);
  writeFileSync(file, withMeta);
}
