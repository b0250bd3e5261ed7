#!/usr/bin/env node
// A synthetic EU-wide content tree for measuring the build at scale (make bench-scale):
// the 27 member states, each in its own languages plus English, about 40 pages per
// country and language of every kind (hub, elections with events in the country's time
// zones, resources, partners, guides, videos served here and elsewhere), bodies of the
// real pages' lengths with headings, lists, citations and links between pages. Made
// from a seed, so two runs write the same bytes; never committed as content.
//
// With --hugo <dir>, the same pages are also written as a minimal Hugo site (Debian's
// `hugo`), for the side-by-side build in scripts/bench-scale.sh.
//
// Usage: node scripts/eu-corpus.mjs --out target/eu/content [--countries 27] [--seed 2024]
//          [--hugo target/eu/hugo] [--reviewed 2026-10-15]
import fs from 'node:fs';
import path from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
if (!args.out) {
  console.error('usage: node scripts/eu-corpus.mjs --out <dir> [--countries N] [--seed N] [--hugo <dir>]');
  process.exit(2);
}
const seed = Number(args.seed ?? 2024);
const reviewed = args.reviewed ?? '2026-10-15';
const root = path.resolve(args.out);
const hugo = args.hugo && path.resolve(args.hugo);

// code, English name, own names, languages (default first), time zone, the 2024 European
// Parliament election's voting days there, an overseas zone with its own polling hours.
const COUNTRIES = [
  ['at', 'Austria', { de: 'Österreich' }, ['de'], 'Europe/Vienna', ['2024-06-09']],
  ['be', 'Belgium', { nl: 'België', fr: 'Belgique', de: 'Belgien' }, ['nl', 'fr', 'de'], 'Europe/Brussels', ['2024-06-09']],
  ['bg', 'Bulgaria', { bg: 'България' }, ['bg'], 'Europe/Sofia', ['2024-06-09']],
  ['hr', 'Croatia', { hr: 'Hrvatska' }, ['hr'], 'Europe/Zagreb', ['2024-06-09']],
  ['cy', 'Cyprus', { el: 'Κύπρος' }, ['el'], 'Asia/Nicosia', ['2024-06-09']],
  ['cz', 'Czechia', { cs: 'Česko' }, ['cs'], 'Europe/Prague', ['2024-06-07', '2024-06-08']],
  ['dk', 'Denmark', { da: 'Danmark' }, ['da'], 'Europe/Copenhagen', ['2024-06-09']],
  ['ee', 'Estonia', { et: 'Eesti' }, ['et'], 'Europe/Tallinn', ['2024-06-09']],
  ['fi', 'Finland', { fi: 'Suomi', sv: 'Finland' }, ['fi', 'sv'], 'Europe/Helsinki', ['2024-06-09']],
  ['fr', 'France', { fr: 'France' }, ['fr'], 'Europe/Paris', ['2024-06-09'], 'America/Martinique'],
  ['de', 'Germany', { de: 'Deutschland' }, ['de'], 'Europe/Berlin', ['2024-06-09']],
  ['gr', 'Greece', { el: 'Ελλάδα' }, ['el'], 'Europe/Athens', ['2024-06-09']],
  ['hu', 'Hungary', { hu: 'Magyarország' }, ['hu'], 'Europe/Budapest', ['2024-06-09']],
  ['ie', 'Ireland', { ga: 'Éire' }, ['en', 'ga'], 'Europe/Dublin', ['2024-06-07']],
  ['it', 'Italy', { it: 'Italia' }, ['it'], 'Europe/Rome', ['2024-06-08', '2024-06-09']],
  ['lv', 'Latvia', { lv: 'Latvija' }, ['lv'], 'Europe/Riga', ['2024-06-08']],
  ['lt', 'Lithuania', { lt: 'Lietuva' }, ['lt'], 'Europe/Vilnius', ['2024-06-09']],
  ['lu', 'Luxembourg', { fr: 'Luxembourg', de: 'Luxemburg' }, ['fr', 'de'], 'Europe/Luxembourg', ['2024-06-09']],
  ['mt', 'Malta', { mt: 'Malta' }, ['mt'], 'Europe/Malta', ['2024-06-08']],
  ['nl', 'Netherlands', { nl: 'Nederland' }, ['nl'], 'Europe/Amsterdam', ['2024-06-06']],
  ['pl', 'Poland', { pl: 'Polska' }, ['pl'], 'Europe/Warsaw', ['2024-06-09']],
  ['pt', 'Portugal', { pt: 'Portugal' }, ['pt'], 'Europe/Lisbon', ['2024-06-09'], 'Atlantic/Azores'],
  ['ro', 'Romania', { ro: 'România' }, ['ro'], 'Europe/Bucharest', ['2024-06-09']],
  ['sk', 'Slovakia', { sk: 'Slovensko' }, ['sk'], 'Europe/Bratislava', ['2024-06-08']],
  ['si', 'Slovenia', { sl: 'Slovenija' }, ['sl'], 'Europe/Ljubljana', ['2024-06-09']],
  ['es', 'Spain', { es: 'España' }, ['es'], 'Europe/Madrid', ['2024-06-09'], 'Atlantic/Canary'],
  ['se', 'Sweden', { sv: 'Sverige' }, ['sv'], 'Europe/Stockholm', ['2024-06-09']],
];

// Letters per script, so that bodies weigh in bytes what real text in the language does.
const LETTERS = {
  bg: 'абвгдежзийклмнопрстуфхцчшщъюя',
  el: 'αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ',
  latin: 'abcdefghijklmnoprstuvz',
};
const ACCENTS = {
  cs: 'áčďéěíňóřšťúůýž', da: 'æøå', de: 'äöüß', es: 'áéíñóú', et: 'äõöüšž', fi: 'äö',
  fr: 'àâçéèêëîôû', ga: 'áéíóú', hr: 'čćđšž', hu: 'áéíóöőúüű', it: 'àèéìòù', lt: 'ąčęėįšųūž',
  lv: 'āčēģīķļņšūž', mt: 'ċġħż', nl: 'ëï', pl: 'ąćęłńóśźż', pt: 'ãáâçéêíóõú', ro: 'ăâîșț',
  sk: 'áäčďéíĺľňóôŕšťúýž', sl: 'čšž', sv: 'åäö', en: '',
};

// mulberry32: a small PRNG with a fixed sequence for a given seed.
function rng(key) {
  let h = seed >>> 0;
  for (const c of key) h = Math.imul(h ^ c.codePointAt(0), 2654435761) >>> 0;
  return () => {
    h = (h + 0x6d2b79f5) >>> 0;
    let t = h;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function texts(lang, key) {
  const rand = rng(`${lang}:${key}`);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const base = [...(LETTERS[lang] ?? LETTERS.latin)];
  const accents = [...(ACCENTS[lang] ?? '')];
  const letter = () => (accents.length && rand() < 0.12 ? pick(accents) : pick(base));
  const word = () => Array.from({ length: int(2, 9) }, letter).join('');
  const words = (n) => Array.from({ length: n }, word).join(' ');
  // For addresses: letters only, no accents (a host name in Unicode is another story).
  const ascii = () => Array.from({ length: int(3, 10) }, () => pick([...LETTERS.latin])).join('');
  const sentence = () => {
    const s = words(int(6, 18));
    return s[0].toUpperCase() + s.slice(1) + '.';
  };
  return { rand, int, pick, word, words, sentence, ascii };
}

const SECTIONS = {
  resources: ['electoral_authority', 'government_information', 'regulator', 'court', 'police_cyber', 'other'],
  partners: ['fact_checker', 'media_literacy', 'civil_society'],
  guides: ['check_a_claim', 'manipulated_media', 'ai_generated', 'labels', 'coordinated_behaviour', 'reporting', 'how_to_vote', 'results', 'other'],
};
const COUNTS = { resources: 10, partners: 6, guides: 12, videos: 7 };
const slugs = (section) => Array.from({ length: COUNTS[section] }, (_, i) => `${section.slice(0, -1)}-${i + 1}`);
const ELECTIONS = ['european-2024', 'european-2029', 'legislative-2025', 'local-2026'];

function sourcesToml(t, n) {
  return Array.from({ length: n }, (_, i) => {
    const url = i % 4 === 3 ? '' : `url = "https://www.${t.ascii()}.eu/${t.ascii()}/${i + 1}"\n`;
    return `\n[[sources]]\nid = "s${i + 1}"\ntitle = "${t.words(t.int(3, 9))}"\n${url}`;
  }).join('');
}

// A body of `paragraphs` sections: headings, paragraphs citing the sources, a list of
// links to the country's other pages and to other sites, now and then a table.
function body(t, code, sources, paragraphs) {
  const out = [];
  const link = () => {
    const section = t.pick(['guides', 'resources', 'partners', 'elections', 'videos']);
    const target = section === 'elections' ? t.pick(ELECTIONS) : t.pick(slugs(section));
    return `[${t.words(t.int(1, 4))}](/${code}/${section}/${target})`;
  };
  for (let p = 0; p < paragraphs; p++) {
    out.push(`## ${t.words(t.int(2, 5))}`);
    const cite = `[@s${t.int(1, sources)}]`;
    out.push(Array.from({ length: t.int(2, 5) }, t.sentence).join(' ') + cite);
    if (p % 2 === 0) {
      out.push(Array.from({ length: t.int(2, 4) }, () => `- ${t.words(t.int(3, 8))}: ${link()}`).join('\n'));
    }
    if (p === 1 && t.rand() < 0.3) {
      out.push(`| ${t.word()} | ${t.word()} |\n|:--|--:|\n| ${t.word()} | ${t.int(1, 999)} |\n| ${t.word()} | ${t.int(1, 999)} |`);
    }
    if (t.rand() < 0.3) out.push(`See also [${t.words(2)}](https://www.${t.ascii()}.eu/${t.ascii()}) and [${t.words(2)}](/${code}).`);
  }
  return out.join('\n\n') + '\n';
}

// Events of one election: the same in every language of the page (only labels differ).
function events(country, election, t) {
  const [, , , , zone, days, overseas] = country;
  const at = (day, time) => `${day}T${time}`;
  switch (election) {
    case 'european-2024': {
      const list = [
        { kind: 'registration_deadline', date: '2024-04-26' },
        { kind: 'campaign_start', date: '2024-05-20' },
        ...days.map((day) => ({ kind: 'voting_day', start: at(day, '07:00:00'), end: at(day, '20:00:00') })),
      ];
      if (overseas) {
        // Overseas voters vote the day before, by their own clocks.
        const day = `2024-06-0${Number(days[0].slice(-1)) - 1}`;
        list.push({ kind: 'voting_day', start: at(day, '08:00:00'), end: at(day, '18:00:00'), time_zone: overseas });
      }
      list.push({ kind: 'results', start: at(days.at(-1), '23:15:00') });
      return list;
    }
    case 'european-2029':
      return [{ kind: 'announcement', date: '2028-11-15' }, { kind: 'voting_day', date: '2029-06-07' }];
    case 'legislative-2025':
      return [
        { kind: 'campaign_start', date: '2025-09-01' },
        { kind: 'voting_day', start: '2025-10-05T07:00:00', end: '2025-10-05T21:00:00' },
        { kind: 'results', date: '2025-10-06' },
      ];
    default:
      return [
        { kind: 'voting_day', date: '2026-03-15' },
        { kind: 'court_ruling', date: '2026-04-02' },
      ];
  }
}

function write(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const media = path.resolve('content/ro/media');
const countries = COUNTRIES.slice(0, Number(args.countries ?? COUNTRIES.length));
let files = 0;
fs.rmSync(root, { recursive: true, force: true });
if (hugo) fs.rmSync(hugo, { recursive: true, force: true });
const hugoLanguages = new Set();

for (const country of countries) {
  const [code, english, names, own, zone] = country;
  const languages = [...new Set([...own, 'en'])];
  const dir = path.join(root, code);
  const allNames = { ...names, en: english };
  write(
    path.join(dir, 'country.toml'),
    `default_language = "${own[0]}"\nlanguages = [${languages.map((l) => `"${l}"`).join(', ')}]\n` +
      `time_zone = "${zone}"\n\n[names]\n` +
      Object.entries(allNames).map(([l, n]) => `${l} = "${n}"`).join('\n') + '\n',
  );
  for (const name of ['check-a-claim.webm', 'check-a-claim.png']) {
    fs.mkdirSync(path.join(dir, 'media'), { recursive: true });
    fs.copyFileSync(path.join(media, name), path.join(dir, 'media', name));
  }
  for (const lang of languages) {
    write(
      path.join(dir, 'media', `check-a-claim.${lang}.vtt`),
      `WEBVTT\n\n00:00.000 --> 00:05.000\n${texts(lang, `${code}:vtt`).sentence()}\n`,
    );
  }
  const pages = [['', '_index', {}]];
  ELECTIONS.forEach((slug, i) => pages.push(['elections', slug, { i }]));
  for (const section of ['resources', 'partners', 'guides', 'videos']) {
    slugs(section).forEach((slug, i) => pages.push([section, slug, { i }]));
  }
  for (const lang of languages) {
    hugoLanguages.add(lang);
    for (const [section, slug, { i }] of pages) {
      const t = texts(lang, `${code}/${section}/${slug}`);
      const shape = texts('', `${code}/${section}/${slug}`); // the same in every language
      const sources = shape.int(1, 5);
      const title = t.words(shape.int(2, 6)).replace(/^./, (c) => c.toUpperCase());
      const summary = t.words(shape.int(8, 20));
      let fields = '';
      let paragraphs = shape.int(2, 6);
      switch (section) {
        case 'elections': {
          const [slugType] = slug.split('-');
          fields += `type = "${slugType}"\nstatus = "${slug.endsWith('2029') ? 'upcoming' : 'held'}"\nhow_to_vote = "${t.words(shape.int(8, 16))}"\n`;
          fields += sourcesToml(t, sources);
          for (const event of events(country, slug, shape)) {
            fields += `\n[[events]]\nkind = "${event.kind}"\nlabel = "${t.words(shape.int(1, 4))}"\n`;
            for (const key of ['date', 'start', 'end']) if (event[key]) fields += `${key} = ${event[key]}\n`;
            if (event.time_zone) fields += `time_zone = "${event.time_zone}"\n`;
          }
          paragraphs += 2;
          break;
        }
        case 'resources':
        case 'partners':
          fields += `kind = "${SECTIONS[section][i % SECTIONS[section].length]}"\n`;
          fields += `url = "https://www.${shape.ascii()}.${code}/"\n`;
          if (section === 'resources') fields += `purpose = "${t.words(shape.int(5, 12))}"\n`;
          fields += `languages = ["${own[0]}"]\nweight = ${i}\n`;
          if (section === 'partners' && i % 3 === 0) fields += `submit_claim_url = "mailto:tips@${shape.ascii()}.eu"\n`;
          fields += sourcesToml(t, sources);
          paragraphs = shape.int(1, 3);
          break;
        case 'guides':
          fields += `topic = "${SECTIONS.guides[i % SECTIONS.guides.length]}"\nweight = ${i}\n`;
          fields += sourcesToml(t, sources);
          paragraphs += 2;
          break;
        case 'videos':
          fields += `language = "${own[0]}"\ntopics = ["${t.words(2)}"]\n`;
          if (i === 0) {
            fields += `duration = "1:00"\npublished = 2026-05-04\nposter = "media/check-a-claim.png"\nfile = "media/check-a-claim.webm"\n`;
            for (const l of languages) {
              fields += `\n[[captions]]\nlang = "${l}"\nlabel = "${l.toUpperCase()}"\nfile = "media/check-a-claim.${l}.vtt"\n`;
            }
          } else {
            fields += `partner = "partner-${1 + (i % COUNTS.partners)}"\nexternal_url = "https://www.${shape.ascii()}.eu/video/${i}"\n`;
            fields += `duration = "${shape.int(1, 9)}:${String(shape.int(0, 59)).padStart(2, '0')}"\n`;
          }
          fields += sourcesToml(t, sources);
          break;
        default:
          fields += sourcesToml(t, sources);
      }
      const text = body(t, code, sources, paragraphs);
      const name = section ? `${section}/${slug}.${lang}.md` : `${slug}.${lang}.md`;
      write(
        path.join(dir, name),
        `+++\ntitle = "${title}"\nsummary = "${summary}"\nreviewed = ${reviewed}\n${fields}+++\n\n${text}`,
      );
      files++;
      if (hugo) {
        // Hugo reads some of our field names as its own (`url`, `type`): only title and
        // summary go over, with the same body.
        write(
          path.join(hugo, 'content', code, name),
          `+++\ntitle = "${title}"\nsummary = "${summary}"\ndate = ${reviewed}\n+++\n\n${text}`,
        );
      }
    }
  }
}

if (hugo) {
  const languages = [...hugoLanguages].sort();
  write(
    path.join(hugo, 'hugo.toml'),
    `baseURL = "http://127.0.0.1/"\ntitle = "Election Center"\ndefaultContentLanguage = "en"\n` +
      `defaultContentLanguageInSubdir = true\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n` +
      `[languages]\n` + languages.map((l, i) => `[languages.${l}]\nweight = ${i + 1}\n`).join(''),
  );
  // As little as a page needs: the same head and body shape as ours, no theme.
  write(
    path.join(hugo, 'layouts/_default/baseof.html'),
    `<!doctype html>\n<html lang="{{ .Language.Lang }}">\n<head><meta charset="utf-8"><title>{{ .Title }}</title>\n` +
      `<meta name="description" content="{{ .Summary | plainify }}">\n` +
      `{{ range .Translations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">{{ end }}\n` +
      `</head>\n<body><main>{{ block "main" . }}{{ end }}</main></body>\n</html>\n`,
  );
  write(
    path.join(hugo, 'layouts/_default/single.html'),
    `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}{{ end }}\n`,
  );
  write(
    path.join(hugo, 'layouts/_default/list.html'),
    `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n`,
  );
}
console.log(`eu-corpus: ${countries.length} countries, ${files} pages written to ${path.relative(process.cwd(), root)}`);
