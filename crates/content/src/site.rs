//! Turns the files of a content tree into checked countries and pages, and those into
//! manifests. Pure: the caller reads the files and writes the output.
//!
//! Layout (see CONTENT.md):
//! `<country>/country.toml`, `<country>/_index.<lang>.md`, `<country>/<section>/<slug>.<lang>.md`.

use std::collections::{BTreeMap, BTreeSet};

use pulldown_cmark::{Event, Parser, Tag};
use serde::Deserialize;

use crate::diagnostic::{line_col, Diagnostic};
use crate::front_matter;
use crate::manifest::{CountryManifest, CountrySummary, PageEntry, Section, SiteIndex, SourceRef, SCHEMA_VERSION};
use crate::markdown::parser_options;
use crate::url::classify_url;

/// A text file of the content tree; `path` is relative to the content root, `/`-separated.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Site {
    pub countries: Vec<Country>,
}

#[derive(Debug, Clone)]
pub struct Country {
    pub summary: CountrySummary,
    pub pages: Vec<Page>,
}

#[derive(Debug, Clone)]
pub struct Page {
    pub entry: PageEntry,
    pub draft: bool,
    pub markdown: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryFile {
    default_language: String,
    languages: Vec<String>,
    time_zone: String,
    names: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    summary: Option<String>,
    #[serde(default)]
    weight: i32,
    #[serde(default)]
    draft: bool,
    reviewed: toml::value::Datetime,
    sources: Vec<SourceRef>,
}

/// Loads every country found in `files`, returning all problems at once. Pages with
/// problems are left out of the site; an empty problem list means the site is publishable.
pub fn load(files: &[SourceFile]) -> (Site, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut by_country: BTreeMap<&str, Vec<&SourceFile>> = BTreeMap::new();
    for file in files {
        match file.path.split_once('/') {
            Some((country, _)) => by_country.entry(country).or_default().push(file),
            None => problems.push(Diagnostic::new(&file.path, 0, 0, "files at the top of content/ are not read", "move it into a country folder such as content/fr/")),
        }
    }
    let mut countries = Vec::new();
    for (code, files) in by_country {
        if let Some(country) = load_country(code, &files, &mut problems) {
            countries.push(country);
        }
    }
    (Site { countries }, problems)
}

fn load_country(code: &str, files: &[&SourceFile], problems: &mut Vec<Diagnostic>) -> Option<Country> {
    let country_path = format!("{code}/country.toml");
    if !is_country_code(code) {
        problems.push(Diagnostic::new(&country_path, 0, 0, format!("`{code}` is not a country code"), "name the folder with the two-letter ISO 3166-1 code in lower case, e.g. `fr`"));
        return None;
    }
    let Some(file) = files.iter().find(|f| f.path == country_path) else {
        problems.push(Diagnostic::new(&country_path, 0, 0, "the country has no country.toml", "copy the country.toml example from CONTENT.md into this folder"));
        return None;
    };
    let info: CountryFile = match toml::from_str(&file.text) {
        Ok(info) => info,
        Err(e) => {
            problems.push(toml_problem(&file.path, &file.text, 1, &e));
            return None;
        }
    };
    let before = problems.len();
    for lang in info.languages.iter().chain([&info.default_language]).chain(info.names.keys()) {
        if !is_language_tag(lang) {
            problems.push(at_key(file, lang, format!("`{lang}` is not a BCP 47 language code"), "use a code such as `fr`, `ro`, `hu` or `en`"));
        }
    }
    if !info.languages.contains(&info.default_language) {
        problems.push(at_key(file, "default_language", format!("the default language `{}` is not in `languages`", info.default_language), "add it to `languages`"));
    }
    if !info.names.contains_key("en") || !info.names.contains_key(&info.default_language) {
        problems.push(at_key(file, "[names]", "`names` needs the country's name in English and in its default language", "add lines such as `en = \"France\"` under [names]"));
    }
    if !is_time_zone(&info.time_zone) {
        problems.push(at_key(file, "time_zone", format!("`{}` is not an IANA time zone", info.time_zone), "use a zone such as `Europe/Paris` or `Europe/Bucharest`"));
    }
    if problems.len() > before {
        return None;
    }
    let summary = CountrySummary {
        code: code.to_owned(),
        names: info.names,
        default_language: info.default_language,
        languages: info.languages,
        time_zone: info.time_zone,
    };

    let mut pages = Vec::new();
    let mut seen = BTreeSet::new();
    for file in files.iter().filter(|f| f.path.ends_with(".md")) {
        let Some((section, slug, lang)) = parse_page_path(code, &file.path, problems) else { continue };
        if !summary.languages.contains(&lang) {
            problems.push(Diagnostic::new(&file.path, 0, 0, format!("language `{lang}` is not one of {code}'s languages"), format!("add `{lang}` to `languages` in {country_path}, or rename the file")));
            continue;
        }
        if !seen.insert((section, slug.clone(), lang.clone())) {
            continue; // Paths are unique, so this cannot happen through load(); kept for callers passing duplicates.
        }
        if let Some(page) = load_page(file, section, slug, lang, problems) {
            pages.push(page);
        }
    }
    let has_hub = pages.iter().any(|p| p.entry.section.is_none() && p.entry.lang == summary.default_language);
    if !has_hub {
        problems.push(Diagnostic::new(&format!("{code}/_index.{}.md", summary.default_language), 0, 0, "the country has no hub page in its default language", "create it from the _index example in CONTENT.md"));
    }
    for page in pages.iter().filter(|p| p.entry.lang != summary.default_language) {
        let original = pages.iter().any(|o| o.entry.section == page.entry.section && o.entry.slug == page.entry.slug && o.entry.lang == summary.default_language);
        if !original {
            let path = source_path(code, page.entry.section, &page.entry.slug, &summary.default_language);
            problems.push(Diagnostic::new(&path, 0, 0, format!("`{}` exists in `{}` but not in the default language", page_name(&page.entry), page.entry.lang), "every page must exist in the country's default language first"));
        }
    }
    Some(Country { summary, pages })
}

fn load_page(file: &SourceFile, section: Option<Section>, slug: String, lang: String, problems: &mut Vec<Diagnostic>) -> Option<Page> {
    let split = match front_matter::split(&file.path, &file.text) {
        Ok(split) => split,
        Err(problem) => {
            problems.push(problem);
            return None;
        }
    };
    let fm: FrontMatter = match toml::from_str(split.front_matter) {
        Ok(fm) => fm,
        Err(e) => {
            problems.push(toml_problem(&file.path, split.front_matter, split.front_matter_line, &e));
            return None;
        }
    };
    let before = problems.len();
    let reviewed = match (fm.reviewed.date, fm.reviewed.time) {
        (Some(date), None) => date.to_string(),
        _ => {
            problems.push(at_key(file, "reviewed", "`reviewed` must be a date without a time", "write it as reviewed = 2025-05-20"));
            String::new()
        }
    };
    if fm.title.trim().is_empty() {
        problems.push(at_key(file, "title", "the title is empty", "give the page a title"));
    }
    if fm.sources.is_empty() {
        problems.push(at_key(file, "sources", "the page cites no sources", "add at least one [[sources]] with a title and an https url"));
    }
    for url in fm.sources.iter().filter_map(|s| s.url.as_deref()) {
        if let Err(e) = classify_url(url) {
            problems.push(at_key(file, url, format!("source {}", e.message), e.hint));
        }
    }
    check_body_links(file, split.body, split.body_line, problems);
    if problems.len() > before {
        return None;
    }
    let body = match section {
        None => format!("{lang}/_index.html"),
        Some(s) => format!("{lang}/{}/{slug}.html", s.dir()),
    };
    Some(Page {
        entry: PageEntry { section, slug, lang, title: fm.title, summary: fm.summary, weight: fm.weight, reviewed, sources: fm.sources, body },
        draft: fm.draft,
        markdown: split.body.trim_start_matches(['\r', '\n']).to_owned(),
    })
}

fn check_body_links(file: &SourceFile, body: &str, body_line: usize, problems: &mut Vec<Diagnostic>) {
    for (event, range) in Parser::new_ext(body, parser_options()).into_offset_iter() {
        let url = match &event {
            Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. }) => dest_url,
            Event::Html(_) | Event::InlineHtml(_) => {
                let (line, col) = line_col(body, range.start);
                problems.push(Diagnostic::new(&file.path, body_line + line - 1, col, "raw HTML is not allowed in pages", "use Markdown instead; HTML would be shown as text"));
                continue;
            }
            _ => continue,
        };
        if let Err(e) = classify_url(url) {
            let (line, col) = line_col(body, range.start);
            problems.push(Diagnostic::new(&file.path, body_line + line - 1, col, format!("link {}", e.message), e.hint));
        }
    }
}

/// `<cc>/_index.<lang>.md` or `<cc>/<section>/<slug>.<lang>.md`.
fn parse_page_path(code: &str, path: &str, problems: &mut Vec<Diagnostic>) -> Option<(Option<Section>, String, String)> {
    let rest = &path[code.len() + 1..];
    let (dir, name) = rest.rsplit_once('/').map_or((None, rest), |(d, n)| (Some(d), n));
    let stem = name.strip_suffix(".md")?;
    let Some((slug, lang)) = stem.rsplit_once('.') else {
        problems.push(Diagnostic::new(path, 0, 0, "the file name does not say its language", format!("rename it to `{stem}.<lang>.md`, e.g. `{stem}.en.md`")));
        return None;
    };
    if !is_language_tag(lang) {
        problems.push(Diagnostic::new(path, 0, 0, format!("`{lang}` is not a BCP 47 language code"), "end the file name with a code such as `.fr.md` or `.en.md`"));
        return None;
    }
    let section = match dir {
        None if slug == "_index" => None,
        None => {
            problems.push(Diagnostic::new(path, 0, 0, "pages must sit in a section folder", "move it into one of elections/, resources/, partners/, guides/ or videos/"));
            return None;
        }
        Some(dir) => match Section::from_dir(dir) {
            Some(section) => Some(section),
            None => {
                problems.push(Diagnostic::new(path, 0, 0, format!("`{dir}` is not a section"), "use one of elections/, resources/, partners/, guides/ or videos/"));
                return None;
            }
        },
    };
    if section.is_some() && !is_slug(slug) {
        problems.push(Diagnostic::new(path, 0, 0, format!("`{slug}` is not a valid page name"), "use lower-case letters, digits and dashes, e.g. `check-a-claim`"));
        return None;
    }
    Some((section, slug.to_owned(), lang.to_owned()))
}

fn source_path(code: &str, section: Option<Section>, slug: &str, lang: &str) -> String {
    match section {
        None => format!("{code}/_index.{lang}.md"),
        Some(s) => format!("{code}/{}/{slug}.{lang}.md", s.dir()),
    }
}

fn page_name(entry: &PageEntry) -> String {
    entry.section.map_or_else(|| "_index".to_owned(), |s| format!("{}/{}", s.dir(), entry.slug))
}

fn toml_problem(path: &str, text: &str, first_line: usize, e: &toml::de::Error) -> Diagnostic {
    let (line, col) = e.span().map_or((1, 1), |span| line_col(text, span.start));
    let message = e.message().trim().to_owned();
    let hint = if message.starts_with("unknown field") {
        "check the spelling; CONTENT.md lists the fields of every page kind"
    } else if message.starts_with("missing field") {
        "add the field; CONTENT.md shows an example of every page kind"
    } else {
        "check the TOML syntax: text in \"quotes\", dates as 2025-05-04, lists in [ ]"
    };
    Diagnostic::new(path, first_line + line - 1, col, message, hint)
}

/// Points at the first line mentioning `needle` (a key or a value), else at line 1.
fn at_key(file: &SourceFile, needle: &str, message: impl Into<String>, hint: impl Into<String>) -> Diagnostic {
    let (line, col) = file.text.find(needle).map_or((1, 1), |i| line_col(&file.text, i));
    Diagnostic::new(&file.path, line, col, message, hint)
}

fn is_country_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_lowercase())
}

fn is_slug(s: &str) -> bool {
    !s.is_empty() && !s.starts_with('-') && !s.ends_with('-') && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The BCP 47 shapes content needs: `fr`, `fil`, `sr-Latn`, `pt-BR`, `es-419`.
pub fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let lang_ok = parts.next().is_some_and(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()));
    lang_ok
        && parts.all(|p| {
            (p.len() == 4 && p.as_bytes()[0].is_ascii_uppercase() && p.bytes().skip(1).all(|b| b.is_ascii_lowercase()))
                || (p.len() == 2 && p.bytes().all(|b| b.is_ascii_uppercase()))
                || (p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
        })
}

fn is_time_zone(s: &str) -> bool {
    s == "UTC" || (s.contains('/') && s.split('/').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b"_-+".contains(&b))))
}

impl Site {
    pub fn index(&self) -> SiteIndex {
        SiteIndex { schema: SCHEMA_VERSION, countries: self.countries.iter().map(|c| c.summary.clone()).collect() }
    }
}

impl Country {
    /// The manifest for `lang`: each page in `lang` where it exists, else in the default
    /// language (its `lang` then says so). Drafts are left out.
    pub fn manifest(&self, lang: &str) -> Option<CountryManifest> {
        let published = || self.pages.iter().filter(|p| !p.draft);
        let pick = |section: Option<Section>, slug: &str| {
            published()
                .find(|p| p.entry.section == section && p.entry.slug == slug && p.entry.lang == lang)
                .or_else(|| published().find(|p| p.entry.section == section && p.entry.slug == slug && p.entry.lang == self.summary.default_language))
        };
        let hub = pick(None, "_index")?.entry.clone();
        let mut keys: Vec<(Section, &str)> = published().filter_map(|p| Some((p.entry.section?, p.entry.slug.as_str()))).collect();
        keys.sort();
        keys.dedup();
        let mut pages: Vec<PageEntry> = keys.into_iter().filter_map(|(s, slug)| pick(Some(s), slug)).map(|p| p.entry.clone()).collect();
        pages.sort_by(|a, b| (a.section, a.weight, &a.title).cmp(&(b.section, b.weight, &b.title)));
        Some(CountryManifest { schema: SCHEMA_VERSION, lang: lang.to_owned(), country: self.summary.clone(), hub, pages })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> SourceFile {
        SourceFile { path: path.into(), text: text.into() }
    }

    const COUNTRY: &str = "default_language = \"fr\"\nlanguages = [\"fr\", \"en\"]\ntime_zone = \"Europe/Paris\"\n[names]\nfr = \"France\"\nen = \"France\"\n";

    fn page(title: &str) -> String {
        format!("+++\ntitle = \"{title}\"\nreviewed = 2025-01-02\n[[sources]]\ntitle = \"Report\"\nurl = \"https://example.org/report\"\n+++\n\nBody of {title}.\n")
    }

    #[test]
    fn loads_a_country_and_falls_back_to_the_default_language() {
        let files = [
            file("fr/country.toml", COUNTRY),
            file("fr/_index.fr.md", &page("Accueil")),
            file("fr/_index.en.md", &page("Home")),
            file("fr/guides/check.fr.md", &page("Vérifier")),
        ];
        let (site, problems) = load(&files);
        assert!(problems.is_empty(), "{problems:#?}");
        let en = site.countries[0].manifest("en").unwrap();
        assert_eq!(en.hub.title, "Home");
        assert_eq!(en.pages[0].title, "Vérifier");
        assert_eq!(en.pages[0].lang, "fr");
        assert_eq!(en.pages[0].body, "fr/guides/check.html");
    }

    #[test]
    fn reports_problems_with_file_and_line() {
        let files = [
            file("fr/country.toml", COUNTRY),
            file("fr/_index.fr.md", "+++\ntitle = \"x\"\ntitel = \"y\"\nreviewed = 2025-01-02\nsources = []\n+++\n"),
            file("fr/guides/bad.fr.md", "+++\ntitle = \"x\"\nreviewed = 2025-01-02\n[[sources]]\ntitle = \"a\"\nurl = \"https://a.example/\"\n+++\n\nSee [this](javascript:alert(1)).\n"),
        ];
        let (_, problems) = load(&files);
        let shown: Vec<String> = problems.iter().map(|p| format!("{}:{}: {}", p.file, p.line, p.message)).collect();
        assert!(shown.iter().any(|s| s.starts_with("fr/_index.fr.md:3: unknown field `titel`")), "{shown:#?}");
        assert!(shown.contains(&"fr/guides/bad.fr.md:9: link `javascript:` links are not allowed".to_owned()), "{shown:#?}");
    }

    #[test]
    fn language_tags() {
        for ok in ["fr", "hu", "fil", "sr-Latn", "pt-BR", "es-419"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "FR", "french", "fr_FR", "en-us"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
