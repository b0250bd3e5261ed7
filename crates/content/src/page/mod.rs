//! One page file: its typed front matter, checked against what its kind needs, turned
//! into a manifest entry plus the references the site must resolve.
//!
//! The front matter is parsed once, into [`FrontMatter`], so that serde rejects unknown keys
//! and wrong types alike for every kind (and suggests the field a typo meant). Each kind's
//! module lists the fields only that kind takes and holds its rules; a field of another kind
//! is refused from those lists.

mod body;
mod election;
mod guide;
mod hub;
mod partner;
mod resource;
mod video;

use std::collections::BTreeMap;
use std::ops::Range;

use serde::de::{value::StrDeserializer, DeserializeOwned, IgnoredAny, IntoDeserializer};
use serde::Deserialize;
use toml::value::Datetime;
use toml::Spanned;

use crate::citation::Sources;
use crate::diagnostic::{list, shorten_quotes, Diagnostic, LineIndex};
use crate::lang::is_language_tag;
use crate::manifest::*;
use crate::markdown::render_markdown;
use crate::route::is_slug;
use crate::source_file::SourceFile;
use crate::time;
use crate::toml_error::{self, Fields};
use crate::url::{classify_url, UrlKind};
use crate::{front_matter, suggest};

/// The fields every kind of page takes.
const COMMON_FIELDS: &[&str] = &["title", "summary", "weight", "draft", "reviewed", "sources"];

/// Every field of every kind, typed and with its position. Which kind takes which field is
/// said by [`COMMON_FIELDS`] and the kinds' `FIELDS` lists; a test keeps them equal to this.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: Spanned<String>,
    summary: Option<String>,
    #[serde(default)]
    weight: i32,
    draft: Option<Spanned<bool>>,
    reviewed: Spanned<Datetime>,
    #[serde(default)]
    sources: Vec<SourceFm>,
    #[serde(rename = "type")]
    election_type: Option<Spanned<ElectionType>>,
    status: Option<Spanned<ElectionStatus>>,
    rerun_of: Option<Spanned<String>>,
    how_to_vote: Option<Spanned<String>>,
    events: Option<Spanned<Vec<election::EventFm>>>,
    kind: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    purpose: Option<Spanned<String>>,
    languages: Option<Spanned<Vec<Spanned<String>>>>,
    submit_claim_url: Option<Spanned<String>>,
    topic: Option<Spanned<GuideTopic>>,
    partner: Option<Spanned<String>>,
    language: Option<Spanned<String>>,
    duration: Option<Spanned<String>>,
    published: Option<Spanned<Datetime>>,
    topics: Option<Spanned<Vec<String>>>,
    poster: Option<Spanned<String>>,
    file: Option<Spanned<String>>,
    captions: Option<Spanned<Vec<video::CaptionFm>>>,
    external_url: Option<Spanned<String>>,
    player_url: Option<Spanned<String>>,
    series: Option<bool>,
}

const SOURCE_FIELDS: &[&str] = &["id", "title", "url"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceFm {
    /// What the text's citations (`[@id]`) call it.
    id: Option<Spanned<String>>,
    title: String,
    url: Option<Spanned<String>>,
}

/// The fields only pages of this kind take, beyond [`COMMON_FIELDS`].
fn fields_of(section: Option<Section>) -> &'static [&'static str] {
    match section {
        None => hub::FIELDS,
        Some(Section::Elections) => election::FIELDS,
        Some(Section::Resources) => resource::FIELDS,
        Some(Section::Partners) => partner::FIELDS,
        Some(Section::Guides) => guide::FIELDS,
        Some(Section::Videos) => video::FIELDS,
    }
}

/// The sections whose pages take `field`.
fn sections_taking(field: &str) -> Vec<Section> {
    Section::ALL
        .into_iter()
        .filter(|s| fields_of(Some(*s)).contains(&field))
        .collect()
}

/// Something a page points at that only the whole site can confirm.
#[derive(Debug, Clone)]
pub enum Target {
    /// A site path from a Markdown link, e.g. `/fr/guides/check-a-claim#step-2`.
    Link(String),
    /// A partner page of the same country, by slug.
    Partner(String),
    /// An election page of the same country, by slug.
    Election(String),
    /// A file of the content tree, relative to the content root.
    Asset(String),
}

#[derive(Debug, Clone)]
pub struct Reference {
    pub target: Target,
    pub file: String,
    pub line: usize,
    pub col: usize,
}

/// A page that passed its own checks.
#[derive(Debug, Clone)]
pub struct Page {
    pub entry: PageEntry,
    /// Path relative to the content root, and the position of `reviewed` in it, for
    /// problems found once the whole site is known (a page due for review).
    pub file: String,
    pub reviewed_at: (usize, usize),
    pub draft: bool,
    /// Where `draft = true` is written, for a draft its translations would outlive.
    pub(crate) draft_at: Option<(usize, usize)>,
    /// Where each election event is written, in the order of `entry.election`'s events.
    pub(crate) events_at: Vec<EventAt>,
    /// The body rendered by [`render_markdown`].
    pub html: String,
    pub references: Vec<Reference>,
}

/// Where an election event is written, to say which event and field of a translation
/// differs from the default language's.
#[derive(Debug, Clone)]
pub(crate) struct EventAt {
    /// Its place among the page's `[[events]]`, from 1.
    pub number: usize,
    pub label: Option<String>,
    /// The position of its `[[events]]` line.
    pub at: (usize, usize),
    /// Its fields as written (`kind`, `date`, `start`, `end`, `time_zone`), with positions.
    pub fields: Vec<Written>,
}

#[derive(Debug, Clone)]
pub(crate) struct Written {
    pub field: &'static str,
    pub at: (usize, usize),
    pub text: String,
}

impl EventAt {
    pub fn field(&self, name: &str) -> Option<&Written> {
        self.fields.iter().find(|w| w.field == name)
    }

    /// `event 2 (“First round”)`, or by its kind when it has no label.
    pub fn name(&self) -> String {
        match &self.label {
            Some(label) => format!("event {} (“{label}”)", self.number),
            None => format!(
                "event {} ({})",
                self.number,
                self.field("kind").map_or("", |k| k.text.as_str())
            ),
        }
    }
}

/// Where a page sits: its country (folder, zone) and its place in it.
pub struct Place<'a> {
    pub country: &'a str,
    pub time_zone: &'a str,
    pub section: Option<Section>,
    pub slug: String,
    pub lang: String,
}

/// Reports problems, and notes references, at positions inside one file's front matter.
struct Reporter<'a> {
    file: &'a str,
    /// The front matter.
    source: &'a str,
    lines: LineIndex<'a>,
    first_line: usize,
    problems: &'a mut Vec<Diagnostic>,
    found: usize,
    references: Vec<Reference>,
    /// Filled by an election page's check.
    events_at: Vec<EventAt>,
}

impl Reporter<'_> {
    /// Line and column in the file of an offset in the front matter.
    fn position(&self, offset: usize) -> (usize, usize) {
        let (line, col) = self.lines.line_col(offset);
        (self.first_line + line - 1, col)
    }

    /// A value as written, without the quotes of a text.
    fn written(&self, span: Range<usize>) -> String {
        let text = self.source.get(span).unwrap_or_default().trim();
        text.trim_matches('"').to_owned()
    }

    fn at(&mut self, span: Range<usize>, message: impl Into<String>, hint: impl Into<String>) {
        let (line, col) = self.position(span.start);
        self.problems
            .push(Diagnostic::new(self.file, line, col, message, hint));
        self.found += 1;
    }

    /// For a field that is missing: points at the front matter's opening line.
    fn missing(&mut self, message: impl Into<String>, hint: impl Into<String>) {
        self.problems.push(Diagnostic::new(
            self.file,
            self.first_line - 1,
            1,
            message,
            hint,
        ));
        self.found += 1;
    }

    /// Notes something at `span` that only the whole site can confirm.
    fn refer(&mut self, span: Range<usize>, target: Target) {
        let (line, col) = self.position(span.start);
        self.references.push(Reference {
            target,
            file: self.file.to_owned(),
            line,
            col,
        });
    }

    /// Reports the fields of `fields` that are absent, all in one problem; true if none is.
    fn require(&mut self, page: &str, fields: &[(&str, bool)]) -> bool {
        let absent: Vec<String> = fields
            .iter()
            .filter(|(_, present)| !present)
            .map(|(name, _)| format!("`{name}`"))
            .collect();
        if !absent.is_empty() {
            // A field written under a table is the table's, not the page's.
            let under_a_table = fields.iter().find_map(|(name, present)| {
                let (offset, table) =
                    toml_error::under_a_table(self.source, name).filter(|_| !present)?;
                let (line, _) = self.position(offset);
                Some(format!(
                    "; the `{name}` of line {line} is inside the {table} table above it, so it is \
                     that table's: if it is the page's, move it above the first table"
                ))
            });
            let absent = list(&absent, "and");
            self.missing(
                format!("{page} needs {absent}"),
                format!(
                    "add {absent}; CONTENT.md has an example of {page}{}",
                    under_a_table.unwrap_or_default()
                ),
            );
        }
        absent.is_empty()
    }

    fn url(&mut self, url: &Spanned<String>, what: &str) {
        self.url_or_contact(url, what, false);
    }

    fn url_or_contact(&mut self, url: &Spanned<String>, what: &str, contact_ok: bool) {
        match classify_url(url.get_ref()) {
            Ok(UrlKind::External) => {}
            Ok(UrlKind::Contact) if contact_ok => {}
            Ok(_) => self.at(
                url.span(),
                format!("{what} must be a full https:// address"),
                "write the address of the page on the organisation's own site",
            ),
            Err(e) => self.at(url.span(), format!("{what}: {}", e.message), e.hint),
        }
    }

    /// The sources as citations name them; ids are slugs, each used once.
    fn sources(&mut self, sources: &[SourceFm]) -> Sources {
        let mut cited: Vec<(Option<String>, String)> = Vec::new();
        for source in sources {
            let id = source.id.as_ref().and_then(|id| {
                let name = id.get_ref();
                if !is_slug(name) {
                    self.at(
                        id.span(),
                        format!("`{name}` cannot be a source id"),
                        "use lower-case letters, digits and dashes, e.g. id = \"bec\"",
                    );
                    None
                } else if cited.iter().any(|(i, _)| i.as_ref() == Some(name)) {
                    self.at(
                        id.span(),
                        format!("two sources have the id `{name}`"),
                        "give each source its own id",
                    );
                    None
                } else {
                    Some(name.clone())
                }
            });
            cited.push((id, source.title.clone()));
        }
        Sources { cited }
    }

    fn language(&mut self, lang: &Spanned<String>) {
        if !is_language_tag(lang.get_ref()) {
            self.at(
                lang.span(),
                format!("`{}` is not a BCP 47 language code", lang.get_ref()),
                "use a code such as `fr`, `ro`, `hu` or `en`",
            );
        }
    }

    /// Checks each code of a `languages` list and returns them all.
    fn languages(&mut self, languages: &Option<Spanned<Vec<Spanned<String>>>>) -> Vec<String> {
        let codes = languages
            .as_ref()
            .map(|l| l.get_ref().as_slice())
            .unwrap_or_default();
        for lang in codes {
            self.language(lang);
        }
        codes.iter().map(|l| l.get_ref().clone()).collect()
    }

    fn date(&mut self, value: &Spanned<Datetime>, field: &str) -> String {
        match time::toml_date(value.get_ref()) {
            Some(d) => d.to_string(),
            None => {
                self.at(
                    value.span(),
                    format!("`{field}` must be a date without a time"),
                    format!("write it as {field} = 2025-05-20"),
                );
                String::new()
            }
        }
    }

    /// A text value that must name one variant of `T` (a kind of resource or partner).
    fn variant<T: DeserializeOwned>(&mut self, value: &Spanned<String>) -> Option<T> {
        let de: StrDeserializer<serde::de::value::Error> =
            value.get_ref().as_str().into_deserializer();
        match T::deserialize(de) {
            Ok(v) => Some(v),
            Err(e) => {
                let message = e.to_string();
                let hint = suggest::did_you_mean(&message)
                    .unwrap_or_else(|| "see CONTENT.md for the allowed values".to_owned());
                self.at(value.span(), shorten_quotes(&message), hint);
                None
            }
        }
    }
}

/// The page, or when it has problems (all of them in `problems`) the references it makes:
/// the site still checks those, so that every problem of a page is reported at once.
pub fn load(
    file: &SourceFile,
    place: Place,
    problems: &mut Vec<Diagnostic>,
) -> Result<Page, Vec<Reference>> {
    let split = match front_matter::split(&file.path, &file.text) {
        Ok(split) => split,
        Err(problem) => {
            problems.push(problem);
            return Err(Vec::new());
        }
    };
    let check_body = |sources: Option<&Sources>,
                      problems: &mut Vec<Diagnostic>,
                      references: &mut Vec<Reference>| {
        body::check(
            &file.path,
            place.country,
            split.body,
            split.body_line,
            sources,
            problems,
            references,
        );
    };
    let fm: FrontMatter = match toml::from_str(split.front_matter) {
        Ok(fm) => fm,
        Err(e) => {
            problems.push(toml_error::problem(
                &file.path,
                split.front_matter,
                split.front_matter_line,
                &e,
                Some(&FIELDS),
            ));
            // The body does not depend on the front matter: its problems are reported too,
            // except citations, whose sources could not be read.
            let mut references = Vec::new();
            check_body(None, problems, &mut references);
            return Err(references);
        }
    };
    // It parsed as `FrontMatter` just above, so it parses as a table of keys.
    let keys: BTreeMap<String, Spanned<IgnoredAny>> =
        toml::from_str(split.front_matter).unwrap_or_default();
    let mut r = Reporter {
        file: &file.path,
        source: split.front_matter,
        lines: LineIndex::new(split.front_matter),
        first_line: split.front_matter_line,
        problems,
        found: 0,
        references: Vec::new(),
        events_at: Vec::new(),
    };

    if fm.title.get_ref().trim().is_empty() {
        r.at(
            fm.title.span(),
            "the title is empty",
            "give the page a title",
        );
    }
    let reviewed = r.date(&fm.reviewed, "reviewed");
    if fm.sources.is_empty() {
        r.missing(
            "the page cites no sources",
            "add a [[sources]] table with a title and, when it is online, an https url",
        );
    }
    for url in fm.sources.iter().filter_map(|s| s.url.as_ref()) {
        r.url(url, "a source's url");
    }
    let sources = r.sources(&fm.sources);
    refuse_foreign_fields(&mut r, &keys, place.section);

    let mut entry = PageEntry {
        section: place.section,
        slug: place.slug.clone(),
        lang: place.lang.clone(),
        title: fm.title.get_ref().clone(),
        summary: fm.summary.clone(),
        weight: fm.weight,
        reviewed,
        stale: false,
        sources: fm
            .sources
            .iter()
            .map(|s| SourceRef {
                title: s.title.clone(),
                url: s.url.as_ref().map(|u| u.get_ref().clone()),
            })
            .collect(),
        body: match place.section {
            None => format!("{}/_index.html", place.lang),
            Some(s) => format!("{}/{}/{}.html", place.lang, s.dir(), place.slug),
        },
        toc: Vec::new(),
        election: None,
        resource: None,
        partner: None,
        guide: None,
        video: None,
    };
    match place.section {
        None => {}
        Some(Section::Elections) => {
            entry.election = election::check(&mut r, &fm, place.country, place.time_zone)
        }
        Some(Section::Resources) => entry.resource = resource::check(&mut r, &fm),
        Some(Section::Partners) => entry.partner = partner::check(&mut r, &fm),
        Some(Section::Guides) => entry.guide = guide::check(&mut r, &fm),
        Some(Section::Videos) => entry.video = video::check(&mut r, &fm, place.country),
    }

    let events_at = std::mem::take(&mut r.events_at);
    let found = r.found;
    let reviewed_at = r.position(fm.reviewed.span().start);
    let draft_at = fm
        .draft
        .as_ref()
        .filter(|d| *d.get_ref())
        .map(|d| r.position(d.span().start));
    let mut references = r.references;
    let before_body = problems.len();
    check_body(Some(&sources), problems, &mut references);
    if found > 0 || problems.len() > before_body {
        return Err(references);
    }
    let rendered = render_markdown(
        split.body,
        &format!("content/{}/", place.country),
        &place.lang,
        &sources,
    );
    entry.toc = rendered
        .headings
        .into_iter()
        .map(|h| TocEntry {
            level: h.level,
            id: h.id,
            text: h.text,
        })
        .collect();
    Ok(Page {
        entry,
        file: file.path.clone(),
        reviewed_at,
        draft: fm.draft.as_ref().is_some_and(|d| *d.get_ref()),
        draft_at,
        events_at,
        html: rendered.html,
        references,
    })
}

/// Fields that belong to another kind of page are refused, so a field pasted into the
/// wrong page does not silently do nothing.
fn refuse_foreign_fields(
    r: &mut Reporter,
    keys: &BTreeMap<String, Spanned<IgnoredAny>>,
    section: Option<Section>,
) {
    let here = section.map_or(hub::NAME, Section::dir);
    for (name, value) in keys {
        let name = name.as_str();
        if COMMON_FIELDS.contains(&name) || fields_of(section).contains(&name) {
            continue;
        }
        let owners: Vec<&str> = sections_taking(name)
            .into_iter()
            .map(Section::dir)
            .collect();
        r.at(
            value.span(),
            format!("`{name}` is not a field of {here}"),
            format!(
                "it belongs to pages in {}; remove it here",
                list(&owners, "or")
            ),
        );
    }
}

/// The fields of a page and of its tables, for TOML errors.
const FIELDS: Fields = Fields {
    owner: "the page's",
    is_field: |key| COMMON_FIELDS.contains(&key) || !sections_taking(key).is_empty(),
    takes: |table, key| {
        let fields: &[&str] = match table {
            "sources" => SOURCE_FIELDS,
            "events" => election::EVENT_FIELDS,
            "captions" => video::CAPTION_FIELDS,
            _ => &[],
        };
        fields.contains(&key)
    },
};

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// The fields serde accepts, as its unknown-field message lists them.
    fn serde_fields() -> BTreeSet<String> {
        fields_of_table::<FrontMatter>()
    }

    fn fields_of_table<T: DeserializeOwned>() -> BTreeSet<String> {
        let Err(e) = toml::from_str::<T>("not_a_field = 1") else {
            panic!("an unknown field parsed");
        };
        let message = e.message();
        assert!(message.contains("expected one of"), "{message}");
        message
            .split('`')
            .skip(3)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn every_field_is_common_or_some_kinds_own() {
        let kinds = std::iter::once(None).chain(Section::ALL.map(Some));
        let listed: BTreeSet<String> = COMMON_FIELDS
            .iter()
            .chain(kinds.flat_map(fields_of))
            .map(|f| (*f).to_owned())
            .collect();
        assert_eq!(listed, serde_fields());
        for field in COMMON_FIELDS {
            assert!(sections_taking(field).is_empty(), "{field} is common");
        }
    }

    #[test]
    fn the_tables_fields_are_listed() {
        let listed = |fields: &[&str]| -> BTreeSet<String> {
            fields.iter().map(|f| (*f).to_owned()).collect()
        };
        assert_eq!(listed(SOURCE_FIELDS), fields_of_table::<SourceFm>());
        assert_eq!(
            listed(election::EVENT_FIELDS),
            fields_of_table::<election::EventFm>()
        );
        assert_eq!(
            listed(video::CAPTION_FIELDS),
            fields_of_table::<video::CaptionFm>()
        );
    }

    #[test]
    fn the_derived_table_names_every_kinds_fields() {
        for section in Section::ALL {
            for field in fields_of(Some(section)) {
                assert!(sections_taking(field).contains(&section), "{field}");
            }
        }
        assert!(
            hub::FIELDS.is_empty(),
            "the hub's fields would be named by no section"
        );
        assert_eq!(sections_taking("external_url"), [Section::Videos]);
        assert_eq!(sections_taking("file"), [Section::Videos]);
        assert_eq!(
            sections_taking("kind"),
            [Section::Resources, Section::Partners]
        );
    }
}
