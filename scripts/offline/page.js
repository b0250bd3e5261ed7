// The script of the page that saves a country's guide for offline use
// (`/<lang>/<country>/offline`, drawn natively by src/documents.rs; scripts/offline.mjs adds
// this file to those pages only). It reads the build's list of what saving the guide takes
// (`offline/<country>/<lang>.json`: every page of the country in this language, the data
// and images they show, and the videos apart, each with its size and a hash), shows the
// size, and on "Save" registers the offline worker (sw.js) and stores every file in the
// cache the worker reads (`election-center <site path> saved <lang>/<country>`), stamped
// with the time; saving again fetches only the files whose hash changed. The list itself,
// stored last, marks the guide as saved (its time: "Saved on …"; its version: whether the
// guide changed since). "Remove" deletes that cache. Texts come from the page, in its
// language; sizes and dates are written by the browser's Intl.
const box = document.querySelector('.offline-save');
const status = document.querySelector('.offline-status');
if (box && status) start();

async function start() {
  const t = box.dataset;
  const say = (text) => (status.textContent = text);
  const root = document.documentElement;
  // `data-offline`: where the worker may run (the inline settings, scripts/boot.mjs): not
  // inside an app or another site's frame unless its host asked, and never without workers.
  if (!('offline' in root.dataset) || !('caches' in window)) return say(t.unsupported);
  const base = new URL(document.baseURI);
  const at = (path) => new URL(path, base).href;
  const STAMP = 'x-election-center-saved';
  // Straight to the network: the worker leaves these requests alone.
  const init = { cache: 'no-cache', headers: { 'x-election-center-save': '1' } };
  const name = `election-center ${base.pathname} saved ${t.lang}/${t.country}`;
  const listUrl = at(`offline/${t.country}/${t.lang}.json`);
  const videos = box.querySelector('.offline-videos');
  const save = box.querySelector('.offline-save-button');
  const remove = box.querySelector('.offline-remove');
  const progress = box.querySelector('progress');

  const lang = root.lang;
  const size = (bytes) => {
    const mb = bytes / 1e6;
    const [value, unit] = mb >= 1 ? [mb, 'megabyte'] : [Math.max(1, bytes / 1e3), 'kilobyte'];
    return new Intl.NumberFormat(lang, { style: 'unit', unit, maximumFractionDigits: mb >= 1 ? 1 : 0 }).format(value);
  };
  const date = (ms) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(ms);
  const total = (entries) => entries.reduce((sum, [, bytes]) => sum + bytes, 0);
  const stamped = async (response, time = Date.now()) => {
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    headers.set(STAMP, String(time));
    return new Response(await response.blob(), { status: response.status, headers });
  };
  /** The saved list and when it was saved, or null. */
  const saved = async () => {
    if (!(await caches.has(name))) return null;
    const marker = await (await caches.open(name)).match(listUrl);
    return marker ? { time: Number(marker.headers.get(STAMP)), list: await marker.json() } : null;
  };

  let list;
  try {
    const response = await fetch(listUrl, init);
    if (!response.ok) throw new Error(`${listUrl}: ${response.status}`);
    list = await response.json();
  } catch {
    // Offline: what was saved is all there is to show.
    list = (await saved())?.list;
    if (!list) return say(t.failed);
  }
  if (videos && !list.videos.length) videos.closest('p').hidden = true;

  async function show() {
    const copy = await saved();
    if (videos && copy) videos.checked = copy.list.videos.length > 0;
    const wanted = list.files.concat(videos?.checked ? list.videos : []);
    box.querySelector('.offline-size').textContent = t.size.replace('{size}', size(total(wanted)));
    const videoSize = box.querySelector('.offline-video-size');
    if (videoSize) videoSize.textContent = `(${size(total(list.videos))})`;
    remove.hidden = !copy;
    say(copy ? `${t.saved.replace('{date}', date(copy.time))}${copy.list.version === list.version ? '' : ` ${t.outdated}`}` : t.notSaved);
    box.hidden = false;
  }

  videos?.addEventListener('change', () => {
    const wanted = list.files.concat(videos.checked ? list.videos : []);
    box.querySelector('.offline-size').textContent = t.size.replace('{size}', size(total(wanted)));
  });

  save.addEventListener('click', async () => {
    save.disabled = true;
    remove.disabled = true;
    progress.value = 0;
    progress.closest('p').hidden = false;
    try {
      // The worker answers from what is saved here; it keeps the app shell itself.
      await navigator.serviceWorker.register(at('sw.js'));
      await navigator.serviceWorker.ready;
      navigator.storage?.persist?.().catch(() => {});
      const wanted = list.files.concat(videos?.checked ? list.videos : []);
      const before = await saved();
      const had = new Map(before ? before.list.files.concat(before.list.videos).map(([path, , hash]) => [path, hash]) : []);
      const cache = await caches.open(name);
      const todo = [];
      for (const entry of wanted) {
        if (had.get(entry[0]) !== entry[2] || !(await cache.match(at(entry[0])))) todo.push(entry);
      }
      progress.max = total(todo) || 1;
      let done = 0;
      const queue = [...todo];
      // Three at a time: quick on a good network, gentle on a congested one.
      const worker = async () => {
        for (let entry; (entry = queue.shift()); ) {
          const response = await fetch(at(entry[0]), init);
          if (!response.ok) throw new Error(`${entry[0]}: ${response.status}`);
          await cache.put(at(entry[0]), await stamped(response));
          progress.value = done += entry[1];
        }
      };
      await Promise.all([worker(), worker(), worker()]);
      // What the guide no longer has (or the videos, unticked) goes.
      const keep = new Set(wanted.map(([path]) => at(path)).concat(listUrl));
      for (const request of await cache.keys()) if (!keep.has(request.url)) await cache.delete(request);
      const marker = new Response(JSON.stringify({ ...list, videos: videos?.checked ? list.videos : [] }), {
        headers: { 'content-type': 'application/json' },
      });
      await cache.put(listUrl, await stamped(marker));
      await show();
    } catch {
      say(t.failed);
    } finally {
      save.disabled = false;
      remove.disabled = false;
      progress.closest('p').hidden = true;
    }
  });

  remove.addEventListener('click', async () => {
    await caches.delete(name);
    await show();
    save.focus();
  });

  await show();
}
