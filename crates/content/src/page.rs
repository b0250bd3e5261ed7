//! One page file: its typed front matter, checked against what its section needs, turned
//! into a manifest entry plus the references the site must resolve.

use std::ops::Range;

use serde::de::{value::StrDeserializer, DeserializeOwned, IntoDeserializer};
use serde::Deserialize;
use toml::value::Datetime;
use toml::Spanned;

use crate::diagnostic::{line_col, Diagnostic};
use crate::manifest::*;
use crate::markdown::{link_target, parser_options, render_markdown};
use crate::site::{is_language_tag, SourceFile};
use crate::time::{self, TimeError};
use crate::url::{classify_url, UrlKind};
use crate::{front_matter, suggest};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: Spanned<String>,
    summary: Option<String>,
    #[serde(default)]
    weight: i32,
    #[serde(default)]
    draft: bool,
    reviewed: Spanned<Datetime>,
    #[serde(default)]
    sources: Vec<SourceFm>,
    // Elections.
    #[serde(rename = "type")]
    election_type: Option<Spanned<ElectionType>>,
    status: Option<Spanned<ElectionStatus>>,
    rerun_of: Option<Spanned<String>>,
    events: Option<Spanned<Vec<EventFm>>>,
    // Resources and partners.
    kind: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    purpose: Option<Spanned<String>>,
    languages: Option<Spanned<Vec<Spanned<String>>>>,
    submit_claim_url: Option<Spanned<String>>,
    // Guides.
    topic: Option<Spanned<GuideTopic>>,
    // Videos.
    partner: Option<Spanned<String>>,
    language: Option<Spanned<String>>,
    duration: Option<Spanned<String>>,
    published: Option<Spanned<Datetime>>,
    topics: Option<Spanned<Vec<String>>>,
    poster: Option<Spanned<String>>,
    file: Option<Spanned<String>>,
    captions: Option<Spanned<Vec<CaptionFm>>>,
    external_url: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceFm {
    title: String,
    url: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventFm {
    kind: EventKind,
    label: Option<String>,
    date: Option<Spanned<Datetime>>,
    start: Option<Spanned<Datetime>>,
    end: Option<Spanned<Datetime>>,
    time_zone: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaptionFm {
    lang: Spanned<String>,
    label: String,
    file: Spanned<String>,
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
    pub draft: bool,
    /// The body rendered by [`render_markdown`].
    pub html: String,
    pub references: Vec<Reference>,
}

/// Where a page sits: its country (folder, zone) and its place in it.
pub struct Place<'a> {
    pub country: &'a str,
    pub time_zone: &'a str,
    pub section: Option<Section>,
    pub slug: String,
    pub lang: String,
}

/// Reports problems at positions inside one file's front matter.
struct Reporter<'a> {
    file: &'a str,
    text: &'a str,
    first_line: usize,
    problems: &'a mut Vec<Diagnostic>,
    found: usize,
}

impl Reporter<'_> {
    fn at(&mut self, span: Range<usize>, message: impl Into<String>, hint: impl Into<String>) {
        let (line, col) = line_col(self.text, span.start);
        self.problems.push(Diagnostic::new(
            self.file,
            self.first_line + line - 1,
            col,
            message,
            hint,
        ));
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

    /// Reports the fields of `fields` that are absent, all in one problem; true if none is.
    fn require(&mut self, page: &str, fields: &[(&str, bool)]) -> bool {
        let absent: Vec<String> = fields
            .iter()
            .filter(|(_, present)| !present)
            .map(|(name, _)| format!("`{name}`"))
            .collect();
        if !absent.is_empty() {
            let list = match absent.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
                None => unreachable!("absent is not empty"),
            };
            self.missing(
                format!("{page} needs {list}"),
                format!("add {list}; CONTENT.md has an example of {page}"),
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

    fn language(&mut self, lang: &Spanned<String>) {
        if !is_language_tag(lang.get_ref()) {
            self.at(
                lang.span(),
                format!("`{}` is not a BCP 47 language code", lang.get_ref()),
                "use a code such as `fr`, `ro`, `hu` or `en`",
            );
        }
    }
}

pub fn load(file: &SourceFile, place: Place, problems: &mut Vec<Diagnostic>) -> Option<Page> {
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
            problems.push(toml_problem(
                &file.path,
                split.front_matter,
                split.front_matter_line,
                &e,
            ));
            return None;
        }
    };
    let mut r = Reporter {
        file: &file.path,
        text: split.front_matter,
        first_line: split.front_matter_line,
        problems,
        found: 0,
    };
    let mut references = Vec::new();

    if fm.title.get_ref().trim().is_empty() {
        r.at(
            fm.title.span(),
            "the title is empty",
            "give the page a title",
        );
    }
    let reviewed = date(&mut r, &fm.reviewed, "reviewed");
    if fm.sources.is_empty() {
        r.missing(
            "the page cites no sources",
            "add a [[sources]] table with a title and, when it is online, an https url",
        );
    }
    for url in fm.sources.iter().filter_map(|s| s.url.as_ref()) {
        r.url(url, "a source's url");
    }
    refuse_foreign_fields(&mut r, &fm, place.section);

    let mut entry = PageEntry {
        section: place.section,
        slug: place.slug.clone(),
        lang: place.lang.clone(),
        title: fm.title.get_ref().clone(),
        summary: fm.summary.clone(),
        weight: fm.weight,
        reviewed,
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
    let asset = |path: &Spanned<String>,
                 r: &mut Reporter,
                 allowed: &[&str],
                 references: &mut Vec<Reference>| {
        asset_reference(r, place.country, path, allowed).map(|target| {
            let (line, col) = line_col(r.text, path.span().start);
            references.push(Reference {
                target,
                file: r.file.to_owned(),
                line: r.first_line + line - 1,
                col,
            });
            path.get_ref().clone()
        })
    };
    let mut refer = |r: &Reporter, span: Range<usize>, target: Target| {
        let (line, col) = line_col(r.text, span.start);
        references.push(Reference {
            target,
            file: r.file.to_owned(),
            line: r.first_line + line - 1,
            col,
        });
    };

    match place.section {
        None => {}
        Some(Section::Elections) => {
            let events = fm
                .events
                .as_ref()
                .map(|e| events(&mut r, e.get_ref(), place.time_zone))
                .unwrap_or_default();
            let has_events = fm.events.as_ref().is_some_and(|e| !e.get_ref().is_empty());
            if let Some(rerun_of) = &fm.rerun_of {
                refer(
                    &r,
                    rerun_of.span(),
                    Target::Election(rerun_of.get_ref().clone()),
                );
            }
            if let (true, Some(t), Some(s)) = (
                r.require(
                    "an election page",
                    &[
                        ("type", fm.election_type.is_some()),
                        ("status", fm.status.is_some()),
                        ("[[events]]", has_events),
                    ],
                ),
                &fm.election_type,
                &fm.status,
            ) {
                entry.election = Some(Election {
                    election_type: *t.get_ref(),
                    status: *s.get_ref(),
                    rerun_of: fm.rerun_of.as_ref().map(|x| x.get_ref().clone()),
                    events,
                });
            }
        }
        Some(Section::Resources) => {
            let kind = fm
                .kind
                .as_ref()
                .and_then(|k| variant::<ResourceKind>(&mut r, k));
            let languages = languages(&mut r, &fm);
            if let Some(url) = &fm.url {
                r.url(url, "`url`");
            }
            r.require(
                "a resource page",
                &[
                    ("kind", fm.kind.is_some()),
                    ("url", fm.url.is_some()),
                    ("purpose", fm.purpose.is_some()),
                ],
            );
            if let (Some(kind), Some(url), Some(purpose)) = (kind, &fm.url, &fm.purpose) {
                entry.resource = Some(Resource {
                    kind,
                    url: url.get_ref().clone(),
                    purpose: purpose.get_ref().clone(),
                    languages,
                });
            }
        }
        Some(Section::Partners) => {
            let kind = fm
                .kind
                .as_ref()
                .and_then(|k| variant::<PartnerKind>(&mut r, k));
            let languages = languages(&mut r, &fm);
            if let Some(url) = &fm.url {
                r.url(url, "`url`");
            }
            if let Some(url) = &fm.submit_claim_url {
                // A tip line is often an e-mail address.
                r.url_or_contact(url, "`submit_claim_url`", true);
            }
            r.require(
                "a partner page",
                &[
                    ("kind", fm.kind.is_some()),
                    ("url", fm.url.is_some()),
                    ("languages", !languages.is_empty()),
                ],
            );
            if let (Some(kind), Some(url), false) = (kind, &fm.url, languages.is_empty()) {
                entry.partner = Some(Partner {
                    kind,
                    url: url.get_ref().clone(),
                    languages,
                    submit_claim_url: fm.submit_claim_url.as_ref().map(|u| u.get_ref().clone()),
                });
            }
        }
        Some(Section::Guides) => {
            if let (true, Some(topic)) = (
                r.require("a guide", &[("topic", fm.topic.is_some())]),
                &fm.topic,
            ) {
                entry.guide = Some(Guide {
                    topic: *topic.get_ref(),
                });
            }
        }
        Some(Section::Videos) => {
            if let Some(lang) = &fm.language {
                r.language(lang);
            }
            if let Some(partner) = &fm.partner {
                refer(
                    &r,
                    partner.span(),
                    Target::Partner(partner.get_ref().clone()),
                );
            }
            let duration = fm
                .duration
                .as_ref()
                .and_then(|d| match parse_duration(d.get_ref()) {
                    Some(seconds) => Some(seconds),
                    None => {
                        r.at(
                            d.span(),
                            format!("`{}` is not a duration", d.get_ref()),
                            "write minutes and seconds as \"2:35\", or hours as \"1:02:03\"",
                        );
                        None
                    }
                });
            // What we serve ourselves we know fully; for a video on a partner's site, facts
            // that are not known are left out rather than guessed.
            let ours = fm.file.is_some();
            r.require(
                if ours {
                    "a self-hosted video"
                } else {
                    "a video page"
                },
                &[
                    ("language", fm.language.is_some()),
                    ("duration", !ours || fm.duration.is_some()),
                    ("published", !ours || fm.published.is_some()),
                ],
            );
            let published = fm.published.as_ref().map(|p| date(&mut r, p, "published"));
            let poster = fm.poster.as_ref().and_then(|p| {
                asset(
                    p,
                    &mut r,
                    &["png", "jpg", "jpeg", "webp", "avif"],
                    &mut references,
                )
            });
            let source = match (&fm.file, &fm.external_url) {
                (Some(file), None) => {
                    let captions = fm
                        .captions
                        .as_ref()
                        .map(|c| c.get_ref().as_slice())
                        .unwrap_or_default();
                    if captions.is_empty() {
                        r.at(
                            file.span(),
                            "a self-hosted video needs captions",
                            "add a [[captions]] table with lang, label and a .vtt file",
                        );
                    }
                    let captions: Vec<Captions> = captions
                        .iter()
                        .filter_map(|c| {
                            r.language(&c.lang);
                            asset(&c.file, &mut r, &["vtt"], &mut references).map(|file| Captions {
                                lang: c.lang.get_ref().clone(),
                                label: c.label.clone(),
                                file,
                            })
                        })
                        .collect();
                    asset(file, &mut r, &["mp4", "webm"], &mut references)
                        .map(|file| VideoSource::File { file, captions })
                }
                (None, Some(url)) => {
                    r.url(url, "`external_url`");
                    if let Some(c) = &fm.captions {
                        r.at(
                            c.span(),
                            "captions belong to self-hosted videos",
                            "remove [[captions]]; the partner's player shows its own",
                        );
                    }
                    Some(VideoSource::External {
                        url: url.get_ref().clone(),
                    })
                }
                (Some(file), Some(_)) => {
                    r.at(file.span(), "a video has either `file` or `external_url`, not both", "keep `file` for a video served from this site, `external_url` for one on the partner's site");
                    None
                }
                (None, None) => {
                    r.missing("a video page needs `file` (served here) or `external_url` (on the partner's site)", "see the video examples in CONTENT.md");
                    None
                }
            };
            if let (Some(language), Some(source)) = (&fm.language, source) {
                entry.video = Some(Video {
                    partner: fm.partner.as_ref().map(|p| p.get_ref().clone()),
                    language: language.get_ref().clone(),
                    duration_seconds: duration,
                    published,
                    topics: fm
                        .topics
                        .as_ref()
                        .map(|t| t.get_ref().clone())
                        .unwrap_or_default(),
                    poster,
                    source,
                });
            }
        }
    }

    let body_line = split.body_line;
    let found = r.found;
    let before_body = problems.len();
    check_body(
        &file.path,
        place.country,
        split.body,
        body_line,
        problems,
        &mut references,
    );
    if found > 0 || problems.len() > before_body {
        return None;
    }
    let rendered = render_markdown(
        split.body,
        &format!("content/{}/", place.country),
        &place.lang,
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
    Some(Page {
        entry,
        draft: fm.draft,
        html: rendered.html,
        references,
    })
}

/// Fields that belong to another kind of page are refused, so a field pasted into the
/// wrong page does not silently do nothing.
fn refuse_foreign_fields(r: &mut Reporter, fm: &FrontMatter, section: Option<Section>) {
    use Section::*;
    // (field, where it is if present, the sections it belongs to)
    type Field<'a> = (&'a str, Option<Range<usize>>, &'a [Section]);
    let fields: [Field; 17] = [
        (
            "type",
            fm.election_type.as_ref().map(Spanned::span),
            &[Elections],
        ),
        (
            "status",
            fm.status.as_ref().map(Spanned::span),
            &[Elections],
        ),
        (
            "rerun_of",
            fm.rerun_of.as_ref().map(Spanned::span),
            &[Elections],
        ),
        (
            "events",
            fm.events.as_ref().map(Spanned::span),
            &[Elections],
        ),
        (
            "kind",
            fm.kind.as_ref().map(Spanned::span),
            &[Resources, Partners],
        ),
        (
            "url",
            fm.url.as_ref().map(Spanned::span),
            &[Resources, Partners],
        ),
        (
            "purpose",
            fm.purpose.as_ref().map(Spanned::span),
            &[Resources],
        ),
        (
            "languages",
            fm.languages.as_ref().map(Spanned::span),
            &[Resources, Partners],
        ),
        (
            "submit_claim_url",
            fm.submit_claim_url.as_ref().map(Spanned::span),
            &[Partners],
        ),
        ("topic", fm.topic.as_ref().map(Spanned::span), &[Guides]),
        ("partner", fm.partner.as_ref().map(Spanned::span), &[Videos]),
        (
            "language",
            fm.language.as_ref().map(Spanned::span),
            &[Videos],
        ),
        (
            "duration",
            fm.duration.as_ref().map(Spanned::span),
            &[Videos],
        ),
        (
            "published",
            fm.published.as_ref().map(Spanned::span),
            &[Videos],
        ),
        ("topics", fm.topics.as_ref().map(Spanned::span), &[Videos]),
        ("poster", fm.poster.as_ref().map(Spanned::span), &[Videos]),
        (
            "file",
            fm.file
                .as_ref()
                .or(fm.external_url.as_ref())
                .map(Spanned::span),
            &[Videos],
        ),
    ];
    let here = section.map_or("the hub page (_index)", Section::dir);
    for (name, span, allowed) in fields {
        if let Some(span) = span {
            if !section.is_some_and(|s| allowed.contains(&s)) {
                let owners: Vec<&str> = allowed.iter().map(|s| s.dir()).collect();
                r.at(
                    span,
                    format!("`{name}` is not a field of {here}"),
                    format!(
                        "it belongs to pages in {}; remove it here",
                        owners.join(" or ")
                    ),
                );
            }
        }
    }
    if let (Some(c), false) = (&fm.captions, section == Some(Videos)) {
        r.at(
            c.span(),
            format!("`captions` is not a field of {here}"),
            "it belongs to pages in videos; remove it here",
        );
    }
}

fn date(r: &mut Reporter, value: &Spanned<Datetime>, field: &str) -> String {
    match time::toml_date(value.get_ref()) {
        Some(d) => d.to_string(),
        None => {
            r.at(
                value.span(),
                format!("`{field}` must be a date without a time"),
                format!("write it as {field} = 2025-05-20"),
            );
            String::new()
        }
    }
}

fn languages(r: &mut Reporter, fm: &FrontMatter) -> Vec<String> {
    let list = fm
        .languages
        .as_ref()
        .map(|l| l.get_ref().as_slice())
        .unwrap_or_default();
    for lang in list {
        r.language(lang);
    }
    list.iter().map(|l| l.get_ref().clone()).collect()
}

fn variant<T: DeserializeOwned>(r: &mut Reporter, value: &Spanned<String>) -> Option<T> {
    let de: StrDeserializer<serde::de::value::Error> = value.get_ref().as_str().into_deserializer();
    match T::deserialize(de) {
        Ok(v) => Some(v),
        Err(e) => {
            let message = e.to_string();
            let hint = suggest::did_you_mean(&message)
                .unwrap_or_else(|| "see CONTENT.md for the allowed values".to_owned());
            r.at(value.span(), message, hint);
            None
        }
    }
}

fn events(r: &mut Reporter, events: &[EventFm], default_zone: &str) -> Vec<ElectionEvent> {
    let mut out = Vec::new();
    for event in events {
        let zone_name = event
            .time_zone
            .as_ref()
            .map_or(default_zone, |z| z.get_ref().as_str());
        let Some(zone) = time::parse_zone(zone_name) else {
            if let Some(z) = &event.time_zone {
                r.at(
                    z.span(),
                    format!("`{zone_name}` is not an IANA time zone"),
                    "use a zone such as \"Europe/Paris\" or \"Europe/Bucharest\"",
                );
            }
            continue;
        };
        let mut instant = |value: &Spanned<Datetime>, field: &str| match time::instant(
            value.get_ref(),
            zone,
        ) {
            Ok(t) => Some(t),
            Err(e) => {
                let (message, hint) = match e {
                    TimeError::NotADateTime => (format!("`{field}` must be a date and a time"), format!("write {field} = 2025-05-04T07:00:00 (local time), or use `date` for a whole day")),
                    TimeError::Skipped => (format!("`{field}` does not exist in {zone_name}: clocks go forward then"), "pick a time outside the skipped hour".to_owned()),
                    TimeError::Ambiguous => (format!("`{field}` happens twice in {zone_name}: clocks go back then"), "add the offset, e.g. 2024-10-27T02:30:00+02:00".to_owned()),
                };
                r.at(value.span(), message, hint);
                None
            }
        };
        let (date, start, end) = match (&event.date, &event.start) {
            (Some(d), None) => (Some(self::date(r, d, "date")), None, None),
            (None, Some(s)) => {
                let start = instant(s, "start");
                let end = event.end.as_ref().and_then(|e| instant(e, "end"));
                if let (Some(a), Some(b), Some(e)) = (&start, &end, &event.end) {
                    if b <= a {
                        r.at(
                            e.span(),
                            "the event ends before it starts",
                            "check `start` and `end`",
                        );
                    }
                }
                (None, start, end)
            }
            (Some(d), Some(_)) => {
                r.at(
                    d.span(),
                    "an event has either `date` (a whole day) or `start` (a time), not both",
                    "keep one of them",
                );
                continue;
            }
            (None, None) => {
                r.missing(
                    "an event has neither `date` nor `start`",
                    "add date = 2025-05-04 or start = 2025-05-04T07:00:00",
                );
                continue;
            }
        };
        let local_start = start.as_deref().and_then(|s| time::wall_clock(s, zone));
        out.push(ElectionEvent {
            kind: event.kind,
            label: event.label.clone(),
            date,
            local_start,
            start,
            end,
            time_zone: zone_name.to_owned(),
        });
    }
    out.sort_by(|a, b| {
        a.start
            .as_ref()
            .or(a.date.as_ref())
            .cmp(&b.start.as_ref().or(b.date.as_ref()))
    });
    out
}

/// `"2:35"` or `"1:02:03"` as seconds.
fn parse_duration(s: &str) -> Option<u32> {
    let parts: Vec<&str> = s.split(':').collect();
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let numbers: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    if numbers[1..].iter().any(|&n| n >= 60) {
        return None;
    }
    Some(numbers.iter().fold(0, |total, n| total * 60 + n))
}

/// A media file named in front matter, relative to the country's folder.
fn asset_reference(
    r: &mut Reporter,
    country: &str,
    path: &Spanned<String>,
    allowed: &[&str],
) -> Option<Target> {
    let p = path.get_ref();
    let extension = p
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if p.starts_with('/') || p.contains("..") || p.contains('\\') || p.contains("://") {
        r.at(
            path.span(),
            format!("`{p}` is not a path inside the country's folder"),
            format!("put the file in content/{country}/media/ and write \"media/<file name>\""),
        );
        None
    } else if !allowed.contains(&extension.as_str()) {
        let (last, rest) = allowed.split_last().expect("some formats are allowed");
        let formats = if rest.is_empty() {
            (*last).to_owned()
        } else {
            format!("{} or {last}", rest.join(", "))
        };
        r.at(
            path.span(),
            format!("`{p}` is not a {formats} file"),
            "convert the file to one of these formats",
        );
        None
    } else {
        Some(Target::Asset(format!("{country}/{p}")))
    }
}

fn check_body(
    path: &str,
    country: &str,
    body: &str,
    body_line: usize,
    problems: &mut Vec<Diagnostic>,
    references: &mut Vec<Reference>,
) {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag};
    let mut report = |offset: usize, message: String, hint: &str| {
        let (line, col) = line_col(body, offset);
        problems.push(Diagnostic::new(
            path,
            body_line + line - 1,
            col,
            message,
            hint,
        ));
    };
    for (event, range) in Parser::new_ext(body, parser_options()).into_offset_iter() {
        let (url, is_image) = match &event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => (link_target(*link_type, dest_url), false),
            Event::Start(Tag::Image { dest_url, .. }) => (dest_url.clone(), true),
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => {
                report(
                    range.start,
                    "the body has a level-1 heading; the page title already is one".into(),
                    "start sections with ## instead of #",
                );
                continue;
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                report(
                    range.start,
                    "raw HTML is not allowed in pages".into(),
                    "use Markdown instead; HTML would be shown as text",
                );
                continue;
            }
            _ => continue,
        };
        let (line, col) = line_col(body, range.start);
        let at = |target| Reference {
            target,
            file: path.to_owned(),
            line: body_line + line - 1,
            col,
        };
        match classify_url(&url) {
            Err(e) => report(range.start, e.message, e.hint),
            Ok(UrlKind::External) if is_image => report(range.start, "images from other sites are not allowed".into(), "they would tell that site who reads the page; put the image in the country's media/ folder"),
            Ok(UrlKind::Internal) if is_image && !url.starts_with('/') && !url.contains("..") => references.push(at(Target::Asset(format!("{country}/{url}")))),
            Ok(UrlKind::Internal) if is_image => report(range.start, format!("the image `{url}` is not inside the country's folder"), "put it in the country's media/ folder and write ![description](media/<file name>)"),
            Ok(UrlKind::Internal) if url.starts_with('/') || url.starts_with('#') => {
                if url.starts_with('/') {
                    references.push(at(Target::Link(url.to_string())));
                }
            }
            Ok(UrlKind::Internal) => report(range.start, format!("the link `{url}` is relative"), "start links to pages of this site with /, e.g. /fr/guides/check-a-claim"),
            Ok(_) => {}
        }
    }
}

pub(crate) fn toml_problem(
    path: &str,
    text: &str,
    first_line: usize,
    e: &toml::de::Error,
) -> Diagnostic {
    let (line, col) = e.span().map_or((1, 1), |span| line_col(text, span.start));
    let message = e
        .message()
        .trim()
        .replace("expected i32", "expected a whole number");
    let hint = suggest::did_you_mean(&message).unwrap_or_else(|| {
        if message.starts_with("unknown field") {
            "check the spelling; CONTENT.md lists the fields of every page kind".to_owned()
        } else if message.starts_with("missing field") {
            "add the field; CONTENT.md shows an example of every page kind".to_owned()
        } else if message.starts_with("invalid type") {
            "this field takes another kind of value: text in \"quotes\", numbers and true/false without, dates as 2025-05-04".to_owned()
        } else {
            "check the TOML syntax: text in \"quotes\", dates as 2025-05-04, lists in [ ]".to_owned()
        }
    });
    Diagnostic::new(path, first_line + line - 1, col, message, hint)
}

#[cfg(test)]
mod tests {
    use super::parse_duration;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("2:35"), Some(155));
        assert_eq!(parse_duration("1:02:03"), Some(3723));
        assert_eq!(parse_duration("0:59"), Some(59));
        for bad in ["", "2", "2:60", "a:10", "1:2:3:4", "-1:00", "2:"] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }
}
