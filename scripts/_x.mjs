import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 360, height: 640 }, javaScriptEnabled: false });
for (const path of ['ro/ro', 'hu/ro']) {
  await p.goto('http://127.0.0.1:4191/' + path);
  await p.screenshot({ path: `/tmp/${path.replace('/', '-')}.png`, fullPage: false, clip: { x: 0, y: 0, width: 360, height: 760 } });
}
await b.close();
