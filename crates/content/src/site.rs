//! Turns the files of a content tree into checked countries and pages, and those into
//! manifests. Pure: the caller reads the files and writes the output.
//!
//! Layout (see CONTENT.md):
//! `<country>/country.toml`, `<country>/_index.<lang>.md`, `<country>/<section>/<slug>.<lang>.md`,
//! media files anywhere under `<country>/media/`.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{list, Diagnostic, LineIndex};
use crate::lang::Lang;
use crate::manifest::{
    CountryCode, CountryManifest, CountrySummary, ElectionEvent, PageEntry, Section, SiteIndex,
    SCHEMA_VERSION,
};
use crate::page::{self, EventAt, Place, Reference, Target};
use crate::review::DEFAULT_REVIEW_EVERY_DAYS;
use crate::route::{is_slug, Route};
use crate::suggest;
use crate::time;
use crate::toml_error::{self, Fields};
use crate::{country_code, limits};

pub use crate::lang::is_language_tag;
pub use crate::page::Page;
pub use crate::source_file::SourceFile;

#[derive(Debug, Clone)]
pub struct Site {
    /// The countries to publish.
    pub countries: Vec<Country>,
    /// Countries whose settings (country.toml, the folder's name) have problems: not
    /// published, but their pages are checked and exist for links from other countries.
    unsettled: Vec<Country>,
}

#[derive(Debug, Clone)]
pub struct Country {
    pub summary: CountrySummary,
    pub pages: Vec<Page>,
    /// How many days a page stays current after its review (`review.rs`).
    pub review_every_days: u32,
    /// Page files that have problems of their own. They still exist for links, partners,
    /// elections and translations, so that the pages naming them get no second, false
    /// problem, and their references are still checked.
    unloaded: Vec<Unloaded>,
}

#[derive(Debug, Clone)]
struct Unloaded {
    section: Option<Section>,
    slug: String,
    lang: String,
    references: Vec<Reference>,
}

/// The fields of country.toml; `[names]` takes language codes.
const COUNTRY_FIELDS: Fields = Fields {
    owner: "the country's",
    is_field: |key| {
        [
            "default_language",
            "languages",
            "time_zone",
            "names",
            "review_every_days",
        ]
        .contains(&key)
    },
    takes: |table, key| table == "names" && is_language_tag(key),
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryFile {
    default_language: Spanned<String>,
    languages: Spanned<Vec<Spanned<String>>>,
    time_zone: Spanned<String>,
    names: Spanned<BTreeMap<Spanned<String>, String>>,
    review_every_days: Option<Spanned<u32>>,
}

/// Loads every country found in `files`, returning all problems at once. `assets` lists
/// the other files of the tree (media), relative to the content root, so references to them
/// can be checked. An empty problem list means the site is publishable.
pub fn load(files: &[SourceFile], assets: &BTreeSet<String>) -> (Site, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut by_country: BTreeMap<&str, Vec<&SourceFile>> = BTreeMap::new();
    for file in files {
        match file.path.split_once('/') {
            Some((country, _)) => by_country.entry(country).or_default().push(file),
            None => problems.push(Diagnostic::new(
                &file.path,
                0,
                0,
                "files at the top of content/ are not read",
                "move it into a country folder such as content/fr/",
            )),
        }
    }
    let mut site = Site {
        countries: Vec::new(),
        unsettled: Vec::new(),
    };
    for (code, files) in by_country {
        match load_country(code, &files, &mut problems) {
            Some((country, true)) => site.countries.push(country),
            Some((country, false)) => site.unsettled.push(country),
            None => {}
        }
    }
    site.check_references(assets, &mut problems);
    problems.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
    (site, problems)
}

fn load_country(
    code: &str,
    files: &[&SourceFile],
    problems: &mut Vec<Diagnostic>,
) -> Option<(Country, bool)> {
    let country_path = format!("{code}/country.toml");
    let Some(country_code) = CountryCode::parse(code) else {
        problems.push(Diagnostic::new(
            &country_path,
            0,
            0,
            format!("`{code}` is not a country code"),
            "name the folder with the two-letter ISO 3166-1 code in lower case, e.g. `fr`",
        ));
        return None;
    };
    let before = problems.len();
    if !country_code::is_country(code) {
        let hint = match country_code::instead_of(code) {
            Some((right, name)) => format!(
                "{name} is `{right}` in ISO 3166-1: rename the folder content/{code}/ to content/{right}/"
            ),
            None => "rename the folder to the country's two-letter ISO 3166-1 code in lower case, \
                     e.g. content/fr/ for France (the list: \
                     https://en.wikipedia.org/wiki/ISO_3166-1_alpha-2)"
                .to_owned(),
        };
        problems.push(Diagnostic::new(
            &country_path,
            0,
            0,
            format!("`{code}` is not the ISO 3166-1 code of a country"),
            hint,
        ));
    }
    let settings = match files.iter().find(|f| f.path == country_path) {
        None => {
            problems.push(Diagnostic::new(
                &country_path,
                0,
                0,
                "the country has no country.toml",
                format!("create content/{country_path} from the example in CONTENT.md"),
            ));
            Settings::unknown(country_code)
        }
        Some(file) if !limits::check_text(file, problems) => Settings::unknown(country_code),
        Some(file) => read_settings(file, country_code, problems),
    };
    let Settings {
        summary,
        review_every_days,
        languages,
    } = settings;
    // A country whose settings have problems is not published, but its pages are still
    // checked (every problem at once) and still exist for links and translations.
    let settled = problems.len() == before;

    // Each page is read, checked and rendered on its own, so on every core; the outcomes
    // are then taken in file order, so the problems come out as from one thread.
    let md: Vec<&SourceFile> = files
        .iter()
        .copied()
        .filter(|f| f.path.ends_with(".md"))
        .collect();
    let loaded = par_map(&md, |file| {
        let mut found = Vec::new();
        let outcome = load_page(
            code,
            file,
            &summary.time_zone,
            languages.as_deref(),
            &country_path,
            &mut found,
        );
        (outcome, found)
    });
    let mut pages = Vec::new();
    let mut unloaded = Vec::new();
    for (outcome, found) in loaded {
        problems.extend(found);
        match outcome {
            Some(Ok(page)) => pages.push(page),
            Some(Err(missing)) => unloaded.push(missing),
            None => {}
        }
    }
    for file in files
        .iter()
        .filter(|f| !f.path.ends_with(".md") && f.path != country_path)
    {
        problems.push(Diagnostic::new(
            &file.path,
            0,
            0,
            "this file is not read",
            "pages end in .<lang>.md; the only other text file is the country's country.toml",
        ));
    }
    let country = Country {
        summary,
        pages,
        review_every_days,
        unloaded,
    };
    country.check_translations(problems);
    Some((country, settled))
}

/// One page file: loaded, or what is known of it when it has problems of its own; `None`
/// when its path says no page.
fn load_page(
    code: &str,
    file: &SourceFile,
    time_zone: &str,
    languages: Option<&[String]>,
    country_path: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<Result<Page, Unloaded>> {
    let (section, slug, lang) = parse_page_path(code, &file.path, problems)?;
    // The page is still checked: its language is one problem, its text may have others.
    if languages.is_some_and(|l| !l.contains(&lang)) {
        problems.push(Diagnostic::new(
            &file.path,
            0,
            0,
            format!("language `{lang}` is not one of {code}'s languages"),
            format!("add `{lang}` to `languages` in content/{country_path}, or rename the file"),
        ));
    }
    let mut missing = Unloaded {
        section,
        slug: slug.clone(),
        lang: lang.clone(),
        references: Vec::new(),
    };
    if !limits::check_text(file, problems) {
        return Some(Err(missing));
    }
    let place = Place {
        country: code,
        time_zone,
        section,
        slug,
        lang,
    };
    Some(page::load(file, place, problems).map_err(|references| {
        missing.references = references;
        missing
    }))
}

/// `f` over `items`, in order: on every core natively, on one thread in the editor's wasm.
#[cfg(not(target_arch = "wasm32"))]
fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    use rayon::prelude::*;
    items.par_iter().map(f).collect()
}

#[cfg(target_arch = "wasm32")]
fn par_map<T, R>(items: &[T], f: impl Fn(&T) -> R) -> Vec<R> {
    items.iter().map(f).collect()
}

/// What a country.toml says, as far as it can be read. Where it cannot, the default
/// language and time zone are empty and `languages` is `None`: the checks that need them
/// are left out, the problem with the file having been said.
struct Settings {
    summary: CountrySummary,
    review_every_days: u32,
    languages: Option<Vec<String>>,
}

impl Settings {
    fn unknown(code: CountryCode) -> Settings {
        Settings {
            summary: CountrySummary {
                code,
                names: BTreeMap::new(),
                default_language: String::new(),
                languages: Vec::new(),
                time_zone: String::new(),
            },
            review_every_days: DEFAULT_REVIEW_EVERY_DAYS,
            languages: None,
        }
    }
}

/// Reads and checks a country.toml. When its fields cannot all be read, what can be (each
/// field read alone) is still used to check the pages.
fn read_settings(file: &SourceFile, code: CountryCode, problems: &mut Vec<Diagnostic>) -> Settings {
    let info: CountryFile = match toml::from_str(&file.text) {
        Ok(info) => info,
        Err(e) => {
            problems.push(toml_error::problem(
                &file.path,
                &file.text,
                1,
                &e,
                Some(&COUNTRY_FIELDS),
            ));
            let mut settings = Settings::unknown(code);
            let Ok(table) = toml::from_str::<toml::Table>(&file.text) else {
                return settings;
            };
            let text = |key: &str| table.get(key).and_then(|v| v.as_str()).map(str::to_owned);
            let summary = &mut settings.summary;
            summary.default_language = text("default_language").unwrap_or_default();
            summary.time_zone = text("time_zone").unwrap_or_default();
            settings.languages = table.get("languages").and_then(|v| {
                v.as_array()?
                    .iter()
                    .map(|l| l.as_str().map(str::to_owned))
                    .collect()
            });
            settings.summary.languages = settings.languages.clone().unwrap_or_default();
            return settings;
        }
    };
    // Each problem points at the value or key it is about, by its span in the file.
    let lines = LineIndex::new(&file.text);
    let at = |span: std::ops::Range<usize>, message: String, hint: &str| {
        let (line, col) = lines.line_col(span.start);
        Diagnostic::new(&file.path, line, col, message, hint)
    };
    for lang in info
        .languages
        .get_ref()
        .iter()
        .chain([&info.default_language])
        .chain(info.names.get_ref().keys())
    {
        if !is_language_tag(lang.get_ref()) {
            problems.push(at(
                lang.span(),
                format!("`{}` is not a BCP 47 language code", lang.get_ref()),
                "use a code such as `fr`, `ro`, `hu` or `en`",
            ));
        }
    }
    // Pages are shown under an interface language (`/ru/…`): in any other language they
    // would be built into the feed and reach no voter, so say so instead of staying silent.
    for lang in info.languages.get_ref() {
        let code = lang.get_ref();
        if is_language_tag(code) && Lang::parse(code).is_none() {
            problems.push(at(
                lang.span(),
                format!("pages in `{code}` would reach no voter: the interface is not translated into it"),
                &format!(
                    "translate the interface first: add i18n/{code}.toml (README → Translating the \
                     interface), or remove `{code}` here"
                ),
            ));
        }
    }
    let default = info.default_language.get_ref();
    let languages: Vec<String> = info
        .languages
        .get_ref()
        .iter()
        .map(|l| l.get_ref().clone())
        .collect();
    if !languages.contains(default) {
        problems.push(at(
            info.default_language.span(),
            format!("the default language `{default}` is not in `languages`"),
            "add it to `languages`",
        ));
    }
    let names: BTreeMap<String, String> = info
        .names
        .get_ref()
        .iter()
        .map(|(k, v)| (k.get_ref().clone(), v.clone()))
        .collect();
    if !names.contains_key("en") || !names.contains_key(default) {
        problems.push(at(
            info.names.span(),
            "`names` needs the country's name in English and in its default language".into(),
            "add lines such as `en = \"France\"` under [names]",
        ));
    }
    if time::parse_zone(info.time_zone.get_ref()).is_none() {
        problems.push(at(
            info.time_zone.span(),
            format!("`{}` is not an IANA time zone", info.time_zone.get_ref()),
            "use a zone such as `Europe/Paris` or `Europe/Bucharest`",
        ));
    }
    let review_every_days = match &info.review_every_days {
        None => DEFAULT_REVIEW_EVERY_DAYS,
        Some(days) if (1..=3650).contains(days.get_ref()) => *days.get_ref(),
        Some(days) => {
            problems.push(at(
                days.span(),
                format!("`review_every_days` is {}", days.get_ref()),
                "give a number of days between 1 and 3650, e.g. 180 for twice a year",
            ));
            DEFAULT_REVIEW_EVERY_DAYS
        }
    };
    Settings {
        summary: CountrySummary {
            code,
            names,
            default_language: info.default_language.get_ref().clone(),
            languages: languages.clone(),
            time_zone: info.time_zone.clone().into_inner(),
        },
        review_every_days,
        // A default language missing from `languages` is one problem, said above: its
        // pages are not held against the country again.
        languages: Some(
            languages
                .into_iter()
                .chain(Some(info.default_language.get_ref().clone()))
                .collect(),
        ),
    }
}

impl Country {
    /// Every page file that names a page, loaded or not: (section, slug, lang).
    fn page_files(&self) -> impl Iterator<Item = (Option<Section>, &str, &str)> {
        let loaded = self.pages.iter().map(|p| {
            (
                p.entry.section,
                p.entry.slug.as_str(),
                p.entry.lang.as_str(),
            )
        });
        let unloaded = self
            .unloaded
            .iter()
            .map(|u| (u.section, u.slug.as_str(), u.lang.as_str()));
        loaded.chain(unloaded)
    }

    fn has_page(&self, section: Section, slug: &str) -> bool {
        self.page_files()
            .any(|(s, name, _)| s == Some(section) && name == slug)
    }

    fn original(&self, page: &Page) -> Option<&Page> {
        self.pages.iter().find(|o| {
            o.entry.section == page.entry.section
                && o.entry.slug == page.entry.slug
                && o.entry.lang == self.summary.default_language
        })
    }

    /// Every page exists in the default language; translations of an election keep its
    /// dates, since a date that differs between languages would mislead someone; and a
    /// draft in the default language is a draft in every language.
    fn check_translations(&self, problems: &mut Vec<Diagnostic>) {
        let code = &self.summary.code;
        let default = &self.summary.default_language;
        if default.is_empty() {
            // country.toml could not say it, and has a problem that says so.
            return;
        }
        if !self
            .page_files()
            .any(|(section, _, lang)| section.is_none() && lang == default)
        {
            problems.push(Diagnostic::new(
                &format!("{code}/_index.{default}.md"),
                0,
                0,
                "the country has no hub page in its default language",
                format!(
                    "create content/{code}/_index.{default}.md from the hub example in CONTENT.md"
                ),
            ));
        }
        // A page in a language the country does not offer has that problem; it is no
        // translation to hold against the default language.
        let offered = |lang: &str| {
            self.summary.languages.is_empty() || self.summary.languages.iter().any(|l| l == lang)
        };
        for (section, slug, lang) in self
            .page_files()
            .filter(|(_, _, l)| l != default && offered(l))
        {
            if !self
                .page_files()
                .any(|(s, name, l)| s == section && name == slug && l == default)
            {
                problems.push(Diagnostic::new(
                    &source_path(code, section, slug, lang),
                    0,
                    0,
                    format!("this page has no version in the default language `{default}`"),
                    format!(
                        "create content/{} first; translations follow it",
                        source_path(code, section, slug, default)
                    ),
                ));
            }
        }
        for page in self.pages.iter().filter(|p| &p.entry.lang != default) {
            // None: reported above, or the original has problems of its own.
            if let Some(original) = self.original(page) {
                compare_events(page, original, problems);
            }
        }
        for original in self.pages.iter().filter(|p| &p.entry.lang == default) {
            let Some((line, col)) = original.draft_at else {
                continue;
            };
            let published: Vec<String> = self
                .pages
                .iter()
                .filter(|p| {
                    !p.draft
                        && p.entry.section == original.entry.section
                        && p.entry.slug == original.entry.slug
                        && &p.entry.lang != default
                })
                .map(|p| format!("`{}`", p.entry.lang))
                .collect();
            if published.is_empty() {
                continue;
            }
            let (languages, are) = match published.len() {
                1 => ("translation", "is"),
                _ => ("translations", "are"),
            };
            problems.push(Diagnostic::new(
                &original.file,
                line,
                col,
                format!(
                    "this page is a draft, but its {} {languages} {are} not: the page would be \
                     published in {} alone, and readers of every other language would not find it",
                    list(&published, "and"),
                    list(&published, "and"),
                ),
                "to hold the page back, add `draft = true` to every translation too; to publish \
                 it, remove `draft = true` here",
            ));
        }
    }
}

/// An election's translation has the same events as its default-language version: events
/// written alike in both are set aside, the others are paired in the order of time and
/// each difference is said at the translation's event, naming it and the field.
fn compare_events(page: &Page, original: &Page, problems: &mut Vec<Diagnostic>) {
    let (Some(here), Some(there)) = (&page.entry.election, &original.entry.election) else {
        return;
    };
    let key = |e: &ElectionEvent| (e.kind, e.date.clone(), e.start.clone(), e.end.clone());
    let mut unmatched_there: Vec<usize> = (0..there.events.len()).collect();
    let mut unmatched_here = Vec::new();
    for (i, event) in here.events.iter().enumerate() {
        match unmatched_there
            .iter()
            .position(|&j| key(&there.events[j]) == key(event))
        {
            Some(found) => {
                unmatched_there.remove(found);
            }
            None => unmatched_here.push(i),
        }
    }
    let default = &original.entry.lang;
    let original_file = format!("content/{}", original.file);
    let report = |problems: &mut Vec<Diagnostic>, (line, col), message: String, hint: String| {
        problems.push(Diagnostic::new(&page.file, line, col, message, hint));
    };
    for (&i, &j) in unmatched_here.iter().zip(&unmatched_there) {
        let (a, b) = (&here.events[i], &there.events[j]);
        let (Some(a_at), Some(b_at)) = (page.events_at.get(i), original.events_at.get(j)) else {
            continue;
        };
        let mut fields = Vec::new();
        if a.kind != b.kind {
            fields.push("kind");
        }
        if a.date != b.date {
            fields.push("date");
        }
        for (field, x, y) in [("start", &a.start, &b.start), ("end", &a.end, &b.end)] {
            if x != y {
                let written = |at: &EventAt| at.field(field).map(|w| w.text.clone());
                // The same clock time in another zone.
                if written(a_at) == written(b_at) && a.time_zone != b.time_zone {
                    if !fields.contains(&"time_zone") {
                        fields.push("time_zone");
                    }
                } else {
                    fields.push(field);
                }
            }
        }
        for field in fields {
            let value = |at: &EventAt, event: &ElectionEvent| match at.field(field) {
                Some(w) => w.text.clone(),
                None if field == "time_zone" => event.time_zone.clone(),
                None => String::new(),
            };
            let (mine, theirs) = (value(a_at, a), value(b_at, b));
            let message = match (mine.is_empty(), theirs.is_empty()) {
                (false, false) => format!(
                    "{}: `{field}` is {mine} here but {theirs} in the `{default}` version",
                    a_at.name()
                ),
                (true, _) => format!(
                    "{}: `{field}` is not set here but is {theirs} in the `{default}` version",
                    a_at.name()
                ),
                (false, true) => format!(
                    "{}: `{field}` is {mine} here but not set in the `{default}` version",
                    a_at.name()
                ),
            };
            let at = a_at.field(field).map_or(a_at.at, |w| w.at);
            let hint = format!(
                "translations change only labels and text: copy `{field}` from {} of \
                 {original_file}:{}, or change it there first",
                b_at.name(),
                b_at.at.0
            );
            report(problems, at, message, hint);
        }
    }
    for &i in unmatched_here.iter().skip(unmatched_there.len()) {
        if let Some(at) = page.events_at.get(i) {
            report(
                problems,
                at.at,
                format!("{} is not in the `{default}` version", at.name()),
                format!(
                    "add it to {original_file} first, or remove it here; translations have the \
                     same events"
                ),
            );
        }
    }
    for &j in unmatched_there.iter().skip(unmatched_here.len()) {
        let (Some(theirs), Some(first)) = (original.events_at.get(j), page.events_at.first())
        else {
            continue;
        };
        report(
            problems,
            first.at,
            format!(
                "the `{default}` version's {} is missing here",
                theirs.name()
            ),
            format!(
                "copy it from {original_file}:{}, translating only its label",
                theirs.at.0
            ),
        );
    }
}

impl Site {
    /// A country, published or not.
    fn country(&self, code: &str) -> Option<&Country> {
        self.countries
            .iter()
            .chain(&self.unsettled)
            .find(|c| c.summary.code == code)
    }

    fn has_page(&self, code: &str, section: Section, slug: &str) -> bool {
        self.country(code)
            .is_some_and(|c| c.has_page(section, slug))
    }

    fn check_references(&self, assets: &BTreeSet<String>, problems: &mut Vec<Diagnostic>) {
        for country in self.countries.iter().chain(&self.unsettled) {
            let code = &country.summary.code;
            let unloaded = country.unloaded.iter().flat_map(|u| &u.references);
            for reference in country
                .pages
                .iter()
                .flat_map(|p| &p.references)
                .chain(unloaded)
            {
                let Reference {
                    target,
                    file,
                    line,
                    col,
                } = reference;
                let problem = match target {
                    Target::Asset(path) if !assets.contains(path) => {
                        // As the page writes it: relative to the country's folder.
                        let written = path.split_once('/').map_or(path.as_str(), |(_, p)| p);
                        Some((format!("the file `{written}` does not exist"), format!("add it as content/{path}, or fix the path")))
                    }
                    Target::Partner(slug) if !self.has_page(code, Section::Partners, slug) => {
                        Some((format!("there is no partner `{slug}` in {code}"), format!("create content/{code}/partners/{slug}.{}.md, or use an existing partner's file name", country.summary.default_language)))
                    }
                    Target::Election(slug) if !self.has_page(code, Section::Elections, slug) => Some((format!("there is no election `{slug}` in {code}"), format!("use the file name of a page in content/{code}/elections/"))),
                    Target::Link(url) => self.check_link(url).err().map(|nearest| {
                        let hint = match nearest {
                            Some(path) => format!("did you mean {path}?"),
                            None => "link to a page that exists: /<country>, /<country>/<section> or /<country>/<section>/<page file name>, e.g. /fr/guides/check-a-claim".to_owned(),
                        };
                        (format!("the link `{url}` leads to no page"), hint)
                    }),
                    _ => None,
                };
                if let Some((message, hint)) = problem {
                    problems.push(Diagnostic::new(file, *line, *col, message, hint));
                }
            }
        }
    }

    /// A site path (`/ro/guides/check-a-claim`, see `route`) must name a page that exists;
    /// if it does not, the path of the page its name was likely meant to be.
    fn check_link(&self, url: &str) -> Result<(), Option<String>> {
        let path = url.split(['?', '#']).next().unwrap_or_default();
        if path.is_empty() {
            // `#anchor` or `?query`: this page.
            return Ok(());
        }
        let found = match Route::from_content_link(path, Lang::DEFAULT) {
            Some(Route::Root | Route::Home { .. }) => true,
            Some(Route::Hub { country, .. }) => self.country(&country).is_some(),
            Some(Route::Section {
                country, section, ..
            }) => self.country(&country).is_some_and(|c| {
                // A page with problems may or may not be a draft: it is not held against
                // the link.
                c.pages
                    .iter()
                    .any(|p| !p.draft && p.entry.section == Some(section))
                    || c.unloaded.iter().any(|u| u.section == Some(section))
            }),
            Some(Route::Page {
                country,
                section,
                slug,
                ..
            }) => {
                if self.has_page(&country, section, &slug) {
                    true
                } else {
                    // A misspelt page name: the nearest of its section's.
                    let names: Vec<String> = self
                        .country(&country)
                        .into_iter()
                        .flat_map(|c| c.page_files())
                        .filter(|(s, _, _)| *s == Some(section))
                        .map(|(_, name, _)| format!("`{name}`"))
                        .collect();
                    let nearest = suggest::did_you_mean(&format!("`{slug}` {}", names.join(" ")))
                        .and_then(|d| d.split('`').nth(1).map(str::to_owned))
                        .map(|name| format!("/{country}/{}/{name}", section.dir()));
                    return Err(nearest);
                }
            }
            Some(Route::Document { country, .. }) => self.country(&country).is_some(),
            None => false,
        };
        if found {
            Ok(())
        } else {
            Err(None)
        }
    }

    pub fn index(&self) -> SiteIndex {
        SiteIndex {
            schema: SCHEMA_VERSION,
            countries: self.countries.iter().map(|c| c.summary.clone()).collect(),
        }
    }
}

/// `<cc>/_index.<lang>.md` or `<cc>/<section>/<slug>.<lang>.md`.
fn parse_page_path(
    code: &str,
    path: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<(Option<Section>, String, String)> {
    let rest = &path[code.len() + 1..];
    let (dir, name) = rest
        .rsplit_once('/')
        .map_or((None, rest), |(d, n)| (Some(d), n));
    let stem = name.strip_suffix(".md")?;
    let Some((slug, lang)) = stem.rsplit_once('.') else {
        problems.push(Diagnostic::new(
            path,
            0,
            0,
            "the file name does not say its language",
            format!("rename it to `{stem}.<lang>.md`, e.g. `{stem}.en.md`"),
        ));
        return None;
    };
    if !is_language_tag(lang) {
        problems.push(Diagnostic::new(
            path,
            0,
            0,
            format!("`{lang}` is not a BCP 47 language code"),
            "end the file name with a code such as `.fr.md` or `.en.md`",
        ));
        return None;
    }
    let section = match dir {
        None if slug == "_index" => None,
        None => {
            problems.push(Diagnostic::new(
                path,
                0,
                0,
                "pages must sit in a section folder",
                format!("move it into one of {}", section_folders()),
            ));
            return None;
        }
        Some(dir) => match Section::from_dir(dir) {
            Some(section) => Some(section),
            None => {
                problems.push(Diagnostic::new(
                    path,
                    0,
                    0,
                    format!("`{dir}` is not a section"),
                    format!("use one of {}", section_folders()),
                ));
                return None;
            }
        },
    };
    if section.is_some() && !is_slug(slug) {
        problems.push(Diagnostic::new(
            path,
            0,
            0,
            format!("`{slug}` is not a valid page name"),
            "use lower-case letters, digits and dashes, e.g. `check-a-claim`",
        ));
        return None;
    }
    Some((section, slug.to_owned(), lang.to_owned()))
}

/// The section folders as a hint names them: `elections/, …, guides/ or videos/`.
fn section_folders() -> String {
    let folders: Vec<String> = Section::ALL
        .iter()
        .map(|s| format!("{}/", s.dir()))
        .collect();
    list(&folders, "or")
}

fn source_path(code: &str, section: Option<Section>, slug: &str, lang: &str) -> String {
    match section {
        None => format!("{code}/_index.{lang}.md"),
        Some(s) => format!("{code}/{}/{slug}.{lang}.md", s.dir()),
    }
}

impl Country {
    /// The manifest for `lang`: each page in `lang` where it exists, else in the default
    /// language (its `lang` then says so). Drafts are left out.
    pub fn manifest(&self, lang: &str) -> Option<CountryManifest> {
        let published = || self.pages.iter().filter(|p| !p.draft);
        let pick = |section: Option<Section>, slug: &str| {
            published()
                .find(|p| {
                    p.entry.section == section && p.entry.slug == slug && p.entry.lang == lang
                })
                .or_else(|| {
                    published().find(|p| {
                        p.entry.section == section
                            && p.entry.slug == slug
                            && p.entry.lang == self.summary.default_language
                    })
                })
        };
        let hub = pick(None, "_index")?.entry.clone();
        let mut keys: Vec<(Section, &str)> = published()
            .filter_map(|p| Some((p.entry.section?, p.entry.slug.as_str())))
            .collect();
        keys.sort();
        keys.dedup();
        // Order is structure, not text: it follows the default-language page's weight.
        let weight = |p: &Page| self.original(p).map_or(p.entry.weight, |o| o.entry.weight);
        let mut pages: Vec<PageEntry> = keys
            .into_iter()
            .filter_map(|(s, slug)| pick(Some(s), slug))
            .map(|p| PageEntry {
                weight: weight(p),
                ..p.entry.clone()
            })
            .collect();
        pages.sort_by(|a, b| (a.section, a.weight, &a.title).cmp(&(b.section, b.weight, &b.title)));
        Some(CountryManifest {
            schema: SCHEMA_VERSION,
            lang: lang.to_owned(),
            country: self.summary.clone(),
            hub,
            pages,
        })
    }
}
