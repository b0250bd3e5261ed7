// The search script (issue #20), `search-<hash>.js` in a build (scripts/search.mjs). Not part
// of any page's first load: the boot script imports it when a search field is first
// focused (or `/` is pressed), and the search page (`/<lang>/<country>/search`) loads it.
// The matching is `content::search` in a wasm of its own (crates/search); this file only
// fetches the index and draws.
// - The header's field becomes an ARIA combobox (1.2 pattern): results as the voter types
//   in a listbox, arrows to move, Enter to open, Escape to close then to clear, a polite
//   status with the count. Listeners sit on `document`, so they outlive the app's take-over
//   of the page and its navigation, which redraw the header.
// - On the search page, the results are a list of links above every page of the guide,
//   with their count in the page's status line; `?q=` fills it on arrival.
// - Texts are the interface's (`i18n/<lang>.json`, which the app has fetched already), in
//   the form's language: not `<html>`'s data, which stay those of the page first loaded
//   when the app has since moved to another language.
// - An index that cannot be fetched (offline, and never fetched before) leaves the plain
//   form, which leads to the search page.
import init, { Searcher } from './__GLUE__';

const d = document;
const at = (path) => new URL(path, d.baseURI).href;
const json = (path) => fetch(at(path)).then((r) => (r.ok ? r.json() : Promise.reject(r.status)));
let ready;
const wasm = () => (ready ??= init({ module_or_path: new URL('__WASM__', import.meta.url) }));
let countries;
let names;
const indexes = new Map();

/** The interface language and country a search form belongs to (from its action). */
function place(form) {
  const [lang, country] = form.action.slice(d.baseURI.replace(/[^/]*$/, '').length).split('/');
  return { lang, country };
}

/** The country's index in the language its pages are shown in for `lang`. */
function index({ lang, country }) {
  const key = `${lang}/${country}`;
  if (!indexes.has(key)) {
    indexes.set(key, (async () => {
      countries ??= json('content/index.json');
      const summary = (await countries).countries.find((c) => c.code === country);
      const shown = summary.languages.includes(lang) ? lang : summary.default_language;
      const [text] = await Promise.all([
        fetch(at(`content/${country}/${shown}/search.txt`)).then((r) => (r.ok ? r.text() : Promise.reject(r.status))),
        wasm(),
      ]);
      const searcher = Searcher.load(text);
      // A country without the interface's language shows its guide in its default one.
      return searcher && { searcher, shown: shown === lang ? '' : shown };
    })().catch(() => {
      indexes.delete(key);
      return undefined;
    }));
  }
  return indexes.get(key);
}

/** The interface texts of `lang` (`(key, text)` pairs), read as `t(key)`. */
const interfaces = new Map();
async function texts(lang) {
  if (!interfaces.has(lang)) interfaces.set(lang, json(`i18n/${lang}.json`).then((pairs) => new Map(pairs)).catch(() => new Map()));
  const found = await interfaces.get(lang);
  return (key) => found.get(key) ?? '';
}

/** A content language's name in the interface's language (`language.<code>`), else its
 * own name, else its code. */
async function languageName(t, code) {
  names ??= json('i18n/languages.json').then((pairs) => new Map(pairs)).catch(() => new Map());
  return t(`language.${code}`) || (await names).get(code) || code;
}

/** A result's kind, as the hub names its sections. */
const KINDS = {
  hub: 'search.hub',
  elections: 'section.elections',
  resources: 'section.resources',
  partners: 'section.partners',
  guides: 'section.guides',
  videos: 'section.videos',
};

const say = (text, values) => Object.entries(values).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, v), text ?? '');

function marked(pieces, lang) {
  const span = d.createElement('span');
  if (lang) span.lang = lang;
  for (const [text, mark] of pieces) span.append(mark ? Object.assign(d.createElement('mark'), { textContent: text }) : text);
  return span;
}

/** One result's content: its kind, title, heading, snippet and, if so, its language. */
async function drawResult(into, result, t) {
  const kind = Object.assign(d.createElement('span'), { className: 'search-kind', textContent: t(KINDS[result.k]) || result.k });
  const title = marked(result.t, result.l);
  title.className = 'search-title';
  into.append(kind, ' ', title);
  if (result.s.length) {
    const heading = marked(result.s, result.l);
    heading.className = 'search-heading';
    into.append(' ', heading);
  }
  if (result.l) {
    into.append(' ', Object.assign(d.createElement('span'), { className: 'search-in', textContent: say(t('search.in'), { language: await languageName(t, result.l) }) }));
  }
  if (result.e.length) {
    const snippet = marked(result.e, result.l);
    snippet.className = 'search-snippet';
    into.append(' ', snippet);
  }
}

const href = (lang, result) => at(`${lang}/${result.h}`);

// The combobox state of each header field.
const boxes = new WeakMap();
let count = 0;

function box(input) {
  if (!boxes.has(input)) {
    const id = `search-list-${++count}`;
    const list = Object.assign(d.createElement('ul'), { id, className: 'search-list', hidden: true });
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', input.getAttribute('aria-label') ?? '');
    const status = Object.assign(d.createElement('p'), { className: 'search-status' });
    status.setAttribute('role', 'status');
    input.form.append(list, status);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', id);
    boxes.set(input, { list, status, active: -1, results: [], query: '' });
  }
  return boxes.get(input);
}

let announce;
function announceCount(status, n, query, t) {
  clearTimeout(announce);
  // A polite status read once the voter pauses, not at every letter.
  announce = setTimeout(() => {
    status.textContent = query ? (n ? say(t('search.count'), { count: n }) : say(t('search.none'), { query })) : '';
  }, 400);
}

async function run(input) {
  const query = input.value.trim();
  const page = input.form.classList.contains('search-page-form');
  const where = place(input.form);
  const [loaded, t] = await Promise.all([query ? index(where) : undefined, texts(where.lang)]);
  if (input.value.trim() !== query) return; // typed on meanwhile
  const searcher = loaded?.searcher;
  const results = searcher ? JSON.parse(searcher.query(query)) : [];
  for (const result of results) result.l ||= loaded.shown;
  if (page) return drawPage(input.form, where, query, results, !!searcher, t);
  const state = box(input);
  state.results = results;
  state.active = -1;
  state.query = query;
  input.removeAttribute('aria-activedescendant');
  const items = await Promise.all(results.map(async (result, i) => {
    const li = Object.assign(d.createElement('li'), { id: `${state.list.id}-${i}` });
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    li.dataset.href = href(where.lang, result);
    await drawResult(li, result, t);
    return li;
  }));
  if (query && searcher && !results.length) {
    const none = Object.assign(d.createElement('li'), { className: 'search-empty', textContent: say(t('search.none'), { query }) });
    none.setAttribute('role', 'presentation');
    items.push(none);
  }
  state.list.replaceChildren(...items);
  const open = items.length > 0 && d.activeElement === input;
  state.list.hidden = !open;
  input.setAttribute('aria-expanded', String(open));
  announceCount(state.status, results.length, searcher ? query : '', t);
}

async function drawPage(form, where, query, results, loaded, t) {
  const article = form.closest('article');
  const list = article.querySelector('.search-results');
  const status = article.querySelector('.search-count');
  const items = await Promise.all(results.map(async (result) => {
    const li = d.createElement('li');
    const a = Object.assign(d.createElement('a'), { href: href(where.lang, result) });
    await drawResult(a, result, t);
    li.append(a);
    return li;
  }));
  list.replaceChildren(...items);
  list.hidden = !items.length;
  announceCount(status, results.length, loaded ? query : '', t);
}

function move(input, by) {
  const state = box(input);
  const n = state.results.length;
  if (!n) return;
  if (state.list.hidden) {
    state.list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }
  // From the field, down goes to the first result and up to the last; the ends wrap.
  state.active = state.active < 0 ? (by > 0 ? 0 : n - 1) : (state.active + by + n) % n;
  [...state.list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === state.active)));
  const active = state.list.children[state.active];
  if (active) {
    input.setAttribute('aria-activedescendant', active.id);
    active.scrollIntoView({ block: 'nearest' });
  } else {
    input.removeAttribute('aria-activedescendant');
  }
}

function close(input) {
  const state = boxes.get(input);
  if (!state) return;
  state.list.hidden = true;
  input.setAttribute('aria-expanded', 'false');
  input.removeAttribute('aria-activedescendant');
}

/** Opens a result: a link click, so the app (if it runs) navigates without a reload. */
function go(input, li) {
  close(input);
  const a = Object.assign(d.createElement('a'), { href: li.dataset.href, hidden: true });
  (d.querySelector('main') ?? d.body).append(a);
  a.click();
  a.remove();
}

const field = (target) => target instanceof HTMLInputElement && target.name === 'q' && target.form?.matches('.search-form');

d.addEventListener('input', (e) => field(e.target) && run(e.target));
d.addEventListener('focusin', (e) => {
  if (!field(e.target)) return;
  if (!e.target.form.classList.contains('search-page-form')) box(e.target);
  index(place(e.target.form));
  if (e.target.value.trim()) run(e.target);
});
d.addEventListener('focusout', (e) => {
  if (field(e.target) && !e.target.form.contains(e.relatedTarget)) close(e.target);
});
d.addEventListener('keydown', (e) => {
  const input = e.target;
  if (!field(input) || input.form.classList.contains('search-page-form')) return;
  const state = box(input);
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    move(input, e.key === 'ArrowDown' ? 1 : -1);
  } else if (e.key === 'Enter' && state.active >= 0 && !state.list.hidden) {
    e.preventDefault();
    go(input, state.list.children[state.active]);
  } else if (e.key === 'Escape') {
    if (!state.list.hidden) {
      e.preventDefault();
      close(input);
    } else if (input.value) {
      e.preventDefault();
      input.value = '';
      run(input);
    }
  }
});
// A pointer keeps focus in the field; a click opens the result.
d.addEventListener('mousedown', (e) => e.target.closest?.('.search-list') && e.preventDefault());
d.addEventListener('click', (e) => {
  const li = e.target.closest?.('.search-list [role=option]');
  if (li) go(li.closest('form').querySelector('input[name=q]'), li);
});

// Imported on a focus: that field; on the search page: its query.
if (field(d.activeElement)) d.activeElement.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
const pageForm = d.querySelector('.search-page-form');
const asked = new URLSearchParams(location.search).get('q');
if (pageForm && asked) {
  pageForm.q.value = asked;
  run(pageForm.q);
}
