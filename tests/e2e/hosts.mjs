// Web pages that embed the site, on origins of their own (as a news site would be), for
// tests/e2e/embed.spec.mjs. They are served from real local ports: Chromium keeps pages
// without a local address from framing a local server.
//   HOST (allowed by `make build-embed`): EMBEDDING.md's own iframe snippet, framing the
//     site's page at this request's path (`/en/ro/videos?embed=1`).
//   OTHER_FRAME: a second frame on that page (an ad, say) that posts commands to the site.
//   NOT_ALLOWED: the same snippet on an origin the build does not allow.
// Usage: node tests/e2e/hosts.mjs <site-url>
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

export const HOST = 'http://localhost:4180';
export const OTHER_FRAME = 'http://localhost:4181';
export const NOT_ALLOWED = 'http://localhost:4182';

/** EMBEDDING.md's iframe snippet, framing `url`. */
export function hostSnippet(url) {
  const doc = readFileSync(new URL('../../EMBEDDING.md', import.meta.url), 'utf8');
  const snippet = doc.match(/<!-- iframe host -->\s*```html\n([\s\S]*?)```/)?.[1];
  if (!snippet) throw new Error('EMBEDDING.md has no iframe host snippet marked <!-- iframe host -->');
  return snippet
    .replace('https://elections.example.org/en/ro/videos?embed=1', url)
    .replaceAll('https://elections.example.org', new URL(url).origin);
}

const ATTACK = `<!doctype html><title>Ad</title><script>
  const site = parent.frames[0];
  site.postMessage(JSON.stringify({ version: 1, type: 'navigate', path: '/en/fr' }), '*');
  site.postMessage({ version: 1, type: 'setTheme', theme: 'dark' }, '*');
  document.title = 'sent';
</script>`;

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const site = process.argv[2].replace(/\/$/, '');
  const page = (req) =>
    `<!doctype html><html lang="en"><title>News</title><h1>News</h1>${hostSnippet(site + req.url)}</html>`;
  for (const [origin, body] of [[HOST, page], [OTHER_FRAME, () => ATTACK], [NOT_ALLOWED, page]]) {
    createServer((req, res) => {
      if (req.url === '/favicon.ico') return res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body(req));
    }).listen(Number(new URL(origin).port), '127.0.0.1');
  }
  console.log(`host pages at ${HOST}, ${OTHER_FRAME}, ${NOT_ALLOWED}`);
}
