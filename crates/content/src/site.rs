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
use crate::limits;
use crate::manifest::{
    CountryCode, CountryManifest, CountrySummary, PageEntry, Section, SiteIndex, SCHEMA_VERSION,
};
use crate::page::{self, Place, Reference, Target};
use crate::review::DEFAULT_REVIEW_EVERY_DAYS;
use crate::route::{is_slug, Route};
use crate::time;

pub use crate::lang::is_language_tag;
pub use crate::page::Page;
pub use crate::source_file::SourceFile;

#[derive(Debug, Clone)]
pub struct Site {
    pub countries: Vec<Country>,
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
    let mut countries = Vec::new();
    for (code, files) in by_country {
        if let Some(country) = load_country(code, &files, &mut problems) {
            countries.push(country);
        }
    }
    let site = Site { countries };
    site.check_references(assets, &mut problems);
    problems.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
    (site, problems)
}

fn load_country(
    code: &str,
    files: &[&SourceFile],
    problems: &mut Vec<Diagnostic>,
) -> Option<Country> {
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
    let Some(file) = files.iter().find(|f| f.path == country_path) else {
        problems.push(Diagnostic::new(
            &country_path,
            0,
            0,
            "the country has no country.toml",
            "copy the country.toml example from CONTENT.md into this folder",
        ));
        return None;
    };
    if !limits::check_text(file, problems) {
        return None;
    }
    let info: CountryFile = match toml::from_str(&file.text) {
        Ok(info) => info,
        Err(e) => {
            problems.push(page::toml_problem(&file.path, &file.text, 1, &e));
            return None;
        }
    };
    // Each problem points at the value or key it is about, by its span in the file.
    let lines = LineIndex::new(&file.text);
    let at = |span: std::ops::Range<usize>, message: String, hint: &str| {
        let (line, col) = lines.line_col(span.start);
        Diagnostic::new(&file.path, line, col, message, hint)
    };
    let before = problems.len();
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
    if problems.len() > before {
        return None;
    }
    let summary = CountrySummary {
        code: country_code,
        names,
        default_language: info.default_language.into_inner(),
        languages,
        time_zone: info.time_zone.into_inner(),
    };

    let mut pages = Vec::new();
    let mut unloaded = Vec::new();
    for file in files.iter().filter(|f| f.path.ends_with(".md")) {
        let Some((section, slug, lang)) = parse_page_path(code, &file.path, problems) else {
            continue;
        };
        if !summary.languages.contains(&lang) {
            problems.push(Diagnostic::new(
                &file.path,
                0,
                0,
                format!("language `{lang}` is not one of {code}'s languages"),
                format!("add `{lang}` to `languages` in {country_path}, or rename the file"),
            ));
            continue;
        }
        let mut missing = Unloaded {
            section,
            slug: slug.clone(),
            lang: lang.clone(),
            references: Vec::new(),
        };
        if !limits::check_text(file, problems) {
            unloaded.push(missing);
            continue;
        }
        let place = Place {
            country: code,
            time_zone: &summary.time_zone,
            section,
            slug,
            lang,
        };
        match page::load(file, place, problems) {
            Ok(page) => pages.push(page),
            Err(references) => {
                missing.references = references;
                unloaded.push(missing);
            }
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
    Some(country)
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

    /// Every page exists in the default language, and translations of an election keep its
    /// dates: a date that differs between languages would mislead someone.
    fn check_translations(&self, problems: &mut Vec<Diagnostic>) {
        let code = &self.summary.code;
        let default = &self.summary.default_language;
        if !self
            .page_files()
            .any(|(section, _, lang)| section.is_none() && lang == default)
        {
            problems.push(Diagnostic::new(
                &format!("{code}/_index.{default}.md"),
                0,
                0,
                "the country has no hub page in its default language",
                "create it from the _index example in CONTENT.md",
            ));
        }
        for (section, slug, lang) in self.page_files().filter(|(_, _, l)| l != default) {
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
                        "create {} first; translations follow it",
                        source_path(code, section, slug, default)
                    ),
                ));
            }
        }
        for page in self.pages.iter().filter(|p| &p.entry.lang != default) {
            let path = source_path(code, page.entry.section, &page.entry.slug, &page.entry.lang);
            match self.original(page) {
                // Reported above, or the original has problems of its own.
                None => {}
                Some(original) => {
                    let times = |p: &Page| {
                        p.entry.election.as_ref().map(|e| {
                            e.events
                                .iter()
                                .map(|ev| {
                                    (ev.kind, ev.date.clone(), ev.start.clone(), ev.end.clone())
                                })
                                .collect::<Vec<_>>()
                        })
                    };
                    if times(page) != times(original) {
                        problems.push(Diagnostic::new(&path, 0, 0, format!("the events differ from the `{default}` version's"), "translations change only the text (labels); copy the kinds, dates and times from the default language"));
                    }
                }
            }
        }
    }
}

impl Site {
    fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.summary.code == code)
    }

    fn has_page(&self, code: &str, section: Section, slug: &str) -> bool {
        self.country(code)
            .is_some_and(|c| c.has_page(section, slug))
    }

    fn check_references(&self, assets: &BTreeSet<String>, problems: &mut Vec<Diagnostic>) {
        for country in &self.countries {
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
                    Target::Asset(path) if !assets.contains(path) => Some((format!("the file `{path}` does not exist"), format!("add it under content/{path}, or fix the path"))),
                    Target::Partner(slug) if !self.has_page(code, Section::Partners, slug) => {
                        Some((format!("there is no partner `{slug}` in {code}"), format!("create content/{code}/partners/{slug}.{}.md, or use an existing partner's file name", country.summary.default_language)))
                    }
                    Target::Election(slug) if !self.has_page(code, Section::Elections, slug) => Some((format!("there is no election `{slug}` in {code}"), format!("use the file name of a page in content/{code}/elections/"))),
                    Target::Link(url) => self.check_link(url).err().map(|m| (m, "link to a page that exists: /<country>, /<country>/<section> or /<country>/<section>/<page file name>, e.g. /fr/guides/check-a-claim".to_owned())),
                    _ => None,
                };
                if let Some((message, hint)) = problem {
                    problems.push(Diagnostic::new(file, *line, *col, message, hint));
                }
            }
        }
    }

    /// A site path (`/ro/guides/check-a-claim`, see `route`) must name a page that exists.
    fn check_link(&self, url: &str) -> Result<(), String> {
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
            }) => self.has_page(&country, section, &slug),
            Some(Route::Document { country, .. }) => self.country(&country).is_some(),
            None => false,
        };
        if found {
            Ok(())
        } else {
            Err(format!("the link `{url}` leads to no page"))
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
