// The take-over must not become the page's largest contentful paint: what the static page
// painted (a video list's posters) stays, so no new LCP candidate appears once the app runs
// (#19 measured 2.66 s against the static twin's 0.90 s on /hu/ro/videos before this).
import { test, expect } from './fixtures.mjs';

for (const path of ['/hu/ro/videos', '/en/fr/videos', '/en/ro']) {
  test(`${path}: the largest contentful paint is the static page's, and stays on it`, async ({ page }) => {
    await page.addInitScript(() => {
      window.__lcp = [];
      // Every element of the static page, to tell them from the ones the app creates.
      window.__static = new WeakSet();
      document.addEventListener('DOMContentLoaded', () => {
        for (const el of document.querySelectorAll('*')) window.__static.add(el);
      });
      new PerformanceObserver((list) => window.__lcp.push(...list.getEntries()))
        .observe({ type: 'largest-contentful-paint', buffered: true });
      document.addEventListener('DOMContentLoaded', () => {
        new MutationObserver(() => {
          if (document.body.dataset.app === 'ready') window.__ready ??= performance.now();
        }).observe(document.body, { attributes: true, attributeFilter: ['data-app'] });
      });
    });
    await page.goto(path);
    await expect(page.locator('body[data-app=ready]')).toHaveCount(1);
    // Two frames after the take-over: any paint it caused has been reported by then.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const { ready, entries } = await page.evaluate(() => ({
      ready: window.__ready,
      entries: window.__lcp.map((e) => ({
        time: e.startTime,
        connected: e.element?.isConnected ?? false,
        fromStaticPage: !!e.element && window.__static.has(e.element),
        url: e.url,
      })),
    }));
    expect(entries.length).toBeGreaterThan(0);
    const last = entries.at(-1);
    if (path.endsWith('/videos')) {
      // A poster, and the static page's own element, still on the page: one that was still
      // loading when the app started finishes in place instead of starting again.
      expect(last.url, 'a poster is the largest element').toMatch(/\.(png|jpe?g|webp|avif)$/);
      expect(last.fromStaticPage, 'the poster is the static page\'s element').toBe(true);
      expect(last.connected, 'the painted poster is still on the page').toBe(true);
    } else {
      // Text is painted with the static page, before the app starts.
      expect(last.time, 'no candidate after the take-over').toBeLessThan(ready);
    }
  });
}
