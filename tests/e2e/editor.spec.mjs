// The editor (`/en/editor`, crates/editor): a page opened or typed there is shown exactly as
// the published site shows it, every problem `content-cli check` finds is listed at its
// line with the checker's own message and goes away as soon as it is fixed, and nothing of
// the page ever leaves the browser.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, screenshots } from './fixtures.mjs';
import { axe } from './axe.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const read = (path) => readFileSync(join(ROOT, path), 'utf8');

/** Opens the editor and waits for the published site's manifests. */
async function openEditor(page) {
  await page.goto('/en/editor');
  await expect(page.locator('main[data-site=ready]')).toHaveCount(1);
}

/** Opens `text` as the file `name` (as the file chooser gives it: a name, no folder), in
 * `country`. */
async function openFile(page, name, text, country) {
  await page.getByLabel('Open files…').setInputFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });
  await expect(page.locator('#source')).toHaveValue(text);
  if (country) await page.getByLabel('Country', { exact: true }).selectOption(country);
}

/** The preview frame's document. */
const preview = (page) => page.frameLocator('iframe[title^="Preview"]');

/** `main`'s markup and the article's text and height, in the document of `root`. */
async function drawn(root) {
  return root.locator('main').evaluate((main) => ({
    html: main.innerHTML,
    text: main.querySelector('article').innerText,
    height: Math.round(main.querySelector('article').getBoundingClientRect().height),
    background: getComputedStyle(document.body).backgroundColor,
  }));
}

test.describe('the preview', () => {
  // A video's file starts loading with its page and is cut off when the page closes.
  test.use({ expectedProblems: [/request failed: \S+\.webm net::ERR_ABORTED$/] });
  // A guide (contents, citations, links), an election (status, key dates, countdown), a
  // video (player, captions) and a country's hub (its sections, the next election).
  for (const [file, path] of [
    ['content/ro/guides/check-a-claim.en.md', '/en/ro/guides/check-a-claim'],
    ['content/ro/elections/presidential-2025.en.md', '/en/ro/elections/presidential-2025'],
    ['content/ro/videos/check-a-claim.en.md', '/en/ro/videos/check-a-claim'],
    ['content/ro/_index.hu.md', '/hu/ro'],
  ]) {
    test(`of ${file} is the published page ${path}, on a phone and a computer, light and dark`, async ({ page, browser }) => {
      test.setTimeout(60_000);
      await openEditor(page);
      await openFile(page, file.split('/').pop(), read(file), 'ro');
      await expect(page.locator('#problem-summary')).toHaveText(`No problems in ${file.replace('content/', '')}.`);
      const frame = preview(page);
      const title = read(file).match(/^title = "(.*)"$/m)[1];
      await expect(frame.getByRole('heading', { level: 1 })).toHaveText(title);

      const published = await browser.newPage();
      for (const [width, height, screen, theme] of [[360, 720, 'Phone (360 px)', 'light'], [1280, 800, 'Computer (1280 px)', 'dark']]) {
        await page.getByLabel(screen).check();
        await page.getByLabel(theme === 'light' ? 'Light' : 'Dark').check();
        await expect(frame.locator(`html[data-theme=${theme}]`)).toHaveCount(1);
        await published.setViewportSize({ width, height });
        await published.goto(`${path}?theme=${theme}`);
        await expect(published.locator('body[data-app=ready]')).toHaveCount(1);
        const [mine, theirs] = [await drawn(frame), await drawn(published)];
        expect(mine.text).toBe(theirs.text);
        expect(mine.html).toBe(theirs.html);
        expect(mine.height).toBe(theirs.height);
        expect(mine.background).toBe(theirs.background);
      }
      await published.close();
      await page.setViewportSize({ width: 1400, height: 900 });
      await screenshots(page, `editor-${file.split('/').pop().replace('.md', '')}`);
    });
  }
});

/** Every problem `content-cli check` reports in `relative` (a path under content/) once
 * `text` takes its place in a copy of content/: `{ line, message }`. */
function checkerProblems(relative, text) {
  const dir = mkdtempSync(join(tmpdir(), 'editor-e2e-'));
  try {
    cpSync(join(ROOT, 'content'), dir, { recursive: true });
    writeFileSync(join(dir, relative), text);
    let output = '';
    try {
      execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'content-cli', '--', 'check', dir], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
    } catch (e) {
      output = `${e.stdout}${e.stderr}`;
    }
    const prefix = `${dir}/${relative}:`;
    return output
      .split('\n')
      .filter((l) => l.startsWith(prefix))
      .map((l) => l.slice(prefix.length).match(/^(\d+):(\d+): error: (.*)$/))
      .map(([, line, , message]) => ({ line: Number(line), message }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The problems the editor lists for the current file: `{ line, message }`. */
function listed(page) {
  return page.locator('.problem-list > li').evaluateAll((items) =>
    items.map((li) => ({ line: Number(li.dataset.line), message: li.querySelector('.problem-message').textContent })),
  );
}

// The guide with five mistakes of five kinds: a date with a time, a field of another kind
// of page, a second title, raw HTML, and a link to a page the site does not have (a rule
// across pages, checked against the published manifests).
const GOOD = read('content/ro/guides/check-a-claim.en.md');
const BAD = GOOD.replace(/^reviewed = (.*)$/m, 'reviewed = $1T10:00:00')
  .replace(/^weight = 1$/m, 'weight = 1\nurl = "https://example.org/"')
  .replace('## 2. Find out who is speaking', '# Find out who is speaking')
  .replace('that is the moment to slow down.', 'that is the moment to <b>slow down</b>.')
  .replace('(/ro/partners/lead-stories)', '(/ro/partners/no-such-partner)');

test.describe('problems', () => {
  test('a page with five mistakes shows the checker\'s five problems at their lines, and each goes as soon as it is fixed', async ({ page }) => {
    test.setTimeout(120_000);
    const expected = checkerProblems('ro/guides/check-a-claim.en.md', BAD);
    expect(expected).toHaveLength(5);
    expect(new Set(expected.map((p) => p.line)).size).toBe(5);

    await openEditor(page);
    await openFile(page, 'check-a-claim.en.md', BAD, 'ro');
    await expect(page.locator('#problem-summary')).toHaveText('5 errors in ro/guides/check-a-claim.en.md.');
    expect(await listed(page)).toEqual(expected);
    // Marked at their lines, beside the text.
    for (const { line, message } of expected) {
      await expect(page.locator(`.backdrop .bl[data-line="${line}"] .bl-message`)).toContainText(message);
      await expect(page.locator('.gutter .ln').nth(line - 1)).toHaveClass(/\bbad\b/);
    }
    // The preview shows nothing of a page with problems of its own: a page that was never
    // right is not shown at all.
    await expect(page.getByRole('note').filter({ hasText: 'Nothing to show yet' })).toBeVisible();

    // Fixed from the list, with the keyboard: the problem's button selects its line, typing
    // replaces it.
    const html = expected.find((p) => p.message.includes('HTML'));
    await page.locator(`.problem-list > li[data-line="${html.line}"] button`).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#source')).toBeFocused();
    await page.keyboard.type(BAD.split('\n')[html.line - 1].replace(/<\/?b>/g, ''));
    await expect(page.locator('#problem-summary')).toHaveText('4 errors in ro/guides/check-a-claim.en.md.');
    expect(await listed(page)).toEqual(expected.filter((p) => p !== html));
    await expect(page.locator(`.backdrop .bl[data-line="${html.line}"]`)).toHaveCount(0);

    // Every problem fixed: the preview shows the page.
    await page.locator('#source').fill(GOOD);
    await expect(page.locator('#problem-summary')).toHaveText('No problems in ro/guides/check-a-claim.en.md.');
    await expect(page.locator('.problem-list > li')).toHaveCount(0);
    await expect(preview(page).getByRole('heading', { level: 1 })).toHaveText('Check a claim before you share it');
  });

  test('a new page typed from scratch is checked, placed, previewed and saved', async ({ page }) => {
    await openEditor(page);
    await page.getByRole('button', { name: 'New page' }).click();
    await expect(page.locator('#source')).toBeFocused();
    await page.getByLabel('Country', { exact: true }).selectOption('ro');
    await page.getByLabel('Name in the address').fill('how-to-vote-abroad');
    await page.getByLabel('Name in the address').press('Tab');
    await page.getByLabel('Language', { exact: true }).selectOption('ro');
    await expect(page.locator('.editor-path')).toHaveText('File: content/ro/guides/how-to-vote-abroad.ro.md');
    await expect(page.locator('#problem-summary')).toHaveText('No problems in ro/guides/how-to-vote-abroad.ro.md.');
    await expect(preview(page).getByRole('heading', { level: 1 })).toHaveText('A new page');
    await expect(preview(page).locator('html')).toHaveAttribute('lang', 'ro');
    // A page of the site that the new page links to, and one it does not have.
    await page.locator('#source').press('End');
    await page.locator('#source').pressSequentially('\nSee [how to check a claim](/ro/guides/check-a-claim) and [this](/ro/guides/nowhere).\n');
    const lines = (await page.locator('#source').inputValue()).split('\n');
    await expect(page.locator('.problem-list > li')).toHaveCount(1);
    await expect(page.locator('.problem-list > li')).toHaveAttribute('data-line', String(lines.findIndex((l) => l.includes('nowhere')) + 1));
    await expect(page.locator('.problem-list .problem-message')).toContainText('/ro/guides/nowhere');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save the file' }).click();
    expect((await download).suggestedFilename()).toBe('how-to-vote-abroad.ro.md');
  });
});

test.describe('opening', () => {
  // The opened video's preview loads its file, cut off when the page closes (see above).
  test.use({ expectedProblems: [/request failed: \S+\.webm net::ERR_ABORTED$/] });

  test('a whole country folder: every page checked with the others and its media, none with an error', async ({ page }) => {
    await openEditor(page);
    await page.getByLabel('Open a folder…').setInputFiles(join(ROOT, 'content/ro'));
    const texts = readdirSync(join(ROOT, 'content/ro'), { recursive: true }).filter((f) => /\.(md|toml)$/.test(f));
    await expect(page.locator('.editor-tabs li')).toHaveCount(texts.length);
    await expect(page.locator('.tab-path').filter({ hasText: 'ro/videos/check-a-claim.ro.md' })).toHaveCount(1);
    await expect(page.locator('.tab-path').filter({ hasText: 'ro/country.toml' })).toHaveCount(1);
    await expect(page.locator('.tab-count').first()).not.toHaveText('');
    expect(await page.locator('.tab-count').allTextContents()).not.toContain(expect.stringMatching(/error/));
    // The video's file, poster and captions are among the opened media.
    await page.locator('.tab').filter({ hasText: 'ro/videos/check-a-claim.ro.md' }).click();
    await expect(page.locator('#problem-summary')).toHaveText(/^No problems in ro\/videos\/check-a-claim\.ro\.md\./);
    await expect(preview(page).locator('video')).toHaveCount(1);
  });

  test('dropped files are checked together: a new partner and a guide that links to it', async ({ page }) => {
    await openEditor(page);
    const partner = read('content/ro/partners/lead-stories.ro.md').replace('title = "Lead Stories"', 'title = "Verificatorul"');
    const guide = read('content/ro/guides/check-a-claim.ro.md').replace('(/ro/partners/lead-stories)', '(/ro/partners/verificatorul)');
    const data = await page.evaluateHandle(([partner, guide]) => {
      const data = new DataTransfer();
      data.items.add(new File([partner], 'verificatorul.ro.md', { type: 'text/markdown' }));
      data.items.add(new File([guide], 'new-guide.ro.md', { type: 'text/markdown' }));
      return data;
    }, [partner, guide]);
    await page.locator('main').dispatchEvent('drop', { dataTransfer: data });
    await expect(page.locator('.tab-path')).toHaveText(['ro/partners/verificatorul.ro.md', 'ro/guides/new-guide.ro.md']);
    await expect(page.locator('.tab-count')).toHaveText(['no problems', 'no problems']);
    // Without the partner, the guide's link leads nowhere.
    await page.getByRole('button', { name: 'Close ro/partners/verificatorul.ro.md' }).click();
    await expect(page.locator('.tab-count')).toHaveText(['1 error']);
    await expect(page.locator('.problem-list .problem-message')).toContainText('/ro/partners/verificatorul');
  });
});

test.describe('accessibility', () => {
  for (const scheme of ['light', 'dark']) {
    test(`the editor, with problems listed, has no detectable violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openEditor(page);
      await openFile(page, 'check-a-claim.en.md', BAD, 'ro');
      await expect(page.locator('.problem-list > li')).toHaveCount(5);
      expect((await axe(page)).violations).toEqual([]);
    });
  }

  test('works with the keyboard alone: open a new page, place it, and reach its problems and the preview', async ({ page }) => {
    await openEditor(page);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to the text' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Election Center' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'New page' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#source')).toBeFocused();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n<b>bold</b>\n');
    await expect(page.locator('.problem-list > li')).toHaveCount(1);
    // Tab leaves the text (it does not indent), on to the save button and the problem.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Save the file' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.locator('.problem-list button')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#source')).toBeFocused();
    await page.keyboard.press('Delete');
    await expect(page.locator('.problem-list > li')).toHaveCount(0);
    await expect(page.locator('#problem-summary')).toHaveText(/^No problems in /);
    for (const name of ['Phone (360 px)', 'Computer (1280 px)', 'Light', 'Dark']) {
      await expect(page.getByLabel(name)).toBeVisible();
    }
  });
});

test('every editor page runs under a policy as strict as the site\'s, with no inline script', () => {
  const languages = JSON.parse(read('dist/i18n/languages.json')).map(([code]) => code);
  expect(languages.length).toBeGreaterThan(20);
  for (const lang of languages) {
    const html = read(`dist/${lang}/editor.html`);
    const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];
    expect(policy.split('; ')).toEqual(expect.arrayContaining(["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "connect-src 'self'", "object-src 'none'"]));
    expect(policy).not.toContain('unsafe-inline');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).toMatch(/<base href="\/">/);
  }
});

test.describe('privacy', () => {
  test('nothing opened or typed is sent: the editor only reads the published site, and works on offline', async ({ page, context }) => {
    const MARK = 'Zanzibar-7F3Q';
    const requests = [];
    context.on('request', (r) => requests.push(r));
    page.on('websocket', (ws) => requests.push(ws));
    await openEditor(page);
    await openFile(page, 'check-a-claim.en.md', GOOD.replace('## 1. Take your time', `## 1. Take your time, ${MARK}`), 'ro');
    await expect(preview(page).getByRole('heading', { name: `1. Take your time, ${MARK}` })).toBeVisible();
    await page.locator('#source').press('End');
    await page.locator('#source').pressSequentially(`\n${MARK} again.`);
    await expect(preview(page).getByText(`${MARK} again.`)).toBeVisible();

    const origin = new URL(page.url()).origin;
    for (const r of requests) {
      expect(r.method?.(), r.url()).toBe('GET');
      expect(new URL(r.url()).origin, r.url()).toBe(origin);
      expect(r.postData?.() ?? null, r.url()).toBeNull();
      expect(r.url()).not.toContain(MARK);
      expect(r.url()).not.toContain('Zanzibar');
    }
    expect(requests.length).toBeGreaterThan(5);

    // Once loaded, the editor needs no network: checks and previews go on offline.
    const before = requests.length;
    await context.setOffline(true);
    await page.locator('#source').pressSequentially(' <i>offline</i>');
    await expect(page.locator('.problem-list > li')).toHaveCount(1);
    await page.locator('#source').press('Control+z');
    await page.locator('#source').fill(GOOD.replace('Take your time', 'Take your time offline'));
    await expect(preview(page).getByRole('heading', { name: '1. Take your time offline' })).toBeVisible();
    expect(requests.length).toBe(before);
    await context.setOffline(false);
  });
});
