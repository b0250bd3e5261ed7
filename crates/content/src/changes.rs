//! What changed in a country's guide, build after build: `content/<cc>/<lang>/changes.json`
//! ([`ChangeLog`]), a public feed like the manifests (FEEDS.md) that the app shows voters.
//!
//! The build compares each manifest with the one it published last time ([`diff`]): a page
//! added, removed, reviewed again, or changed, and what changed in it ([`Aspect`]). Entries
//! of earlier builds are carried over ([`merge`]), newest first, at most [`MAX_CHANGES`].
//! Pure, like the rest of the crate: the build reads the previous files and the clock.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::manifest::{CountryCode, CountryManifest, PageEntry, Section, SCHEMA_VERSION};

/// How many entries a change log keeps: the newest, dropping the oldest beyond it. Enough
/// for an election season of weekly builds touching several pages.
pub const MAX_CHANGES: usize = 200;

/// `content/<cc>/<lang>/changes.json`: what changed in one country's pages in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChangeLog {
    /// The schema version, as in the manifests (`SCHEMA_VERSION`).
    pub schema: u32,
    pub country: CountryCode,
    /// The manifest's language (`content/<cc>/<lang>.json`).
    pub lang: String,
    /// Newest first; entries of one build in the manifest's order (the hub, then each
    /// section's pages), pages removed last.
    pub entries: Vec<Change>,
}

impl ChangeLog {
    pub fn new(country: CountryCode, lang: &str) -> ChangeLog {
        ChangeLog {
            schema: SCHEMA_VERSION,
            country,
            lang: lang.to_owned(),
            entries: Vec::new(),
        }
    }
}

/// One page that changed in one build.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Change {
    /// `YYYY-MM-DD`: the day of the build that first published the change.
    pub date: String,
    pub kind: ChangeKind,
    /// The page's section; absent for the country's hub. With `slug`, the page's address
    /// (`/<lang>/<cc>/<section>/<slug>`, the hub `/<lang>/<cc>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Section>,
    pub slug: String,
    /// The page's title (for a removed page, its last one).
    pub title: String,
    /// Language of the page's text, as in the manifest (it differs from the change log's
    /// when the page is shown in the country's default language).
    pub lang: String,
    /// The page's review date (`YYYY-MM-DD`) after the change.
    pub reviewed: String,
    /// What differs from the previous build, in this order; empty when added or removed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<Aspect>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A new page.
    Added,
    /// A page no longer published.
    Removed,
    /// Checked again against its sources (a new review date), nothing else changed.
    Reviewed,
    /// Something a voter reads changed: `changed` says what.
    Updated,
}

/// A part of a page that changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    /// The review date.
    Reviewed,
    /// Now shown in another language (a translation was published, or withdrawn).
    Language,
    /// The title.
    Title,
    /// The one-sentence summary.
    Summary,
    /// An election's dates: an event added, removed, moved or renamed.
    Events,
    /// An election's status, type or the election it reruns.
    Status,
    /// The text (or a link in it).
    Body,
    /// The list of sources.
    Sources,
    /// Another field of the page's kind: an address, a purpose, a video's data.
    Details,
}

/// The changes from `previous` to `current` (two manifests of one country in one language),
/// dated `date`. `previous_body` and `current_body` give a page's HTML from its `body`
/// path; a body one of them lacks counts as unchanged. Pages whose differences a voter
/// does not read (order, table of contents alone) give no entry.
pub fn diff<'a>(
    previous: &CountryManifest,
    previous_body: impl Fn(&PageEntry) -> Option<&'a str>,
    current: &CountryManifest,
    current_body: impl Fn(&PageEntry) -> Option<&'a str>,
    date: &str,
) -> Vec<Change> {
    let key = |p: &PageEntry| (p.section, p.slug.clone());
    let before: BTreeMap<_, &PageEntry> = pages(previous).map(|p| (key(p), p)).collect();
    let mut changes = Vec::new();
    for page in pages(current) {
        let Some(old) = before.get(&key(page)) else {
            changes.push(change(date, ChangeKind::Added, page, Vec::new()));
            continue;
        };
        let changed = aspects(old, page, previous_body(old), current_body(page));
        let kind = match changed.as_slice() {
            [] => continue,
            [Aspect::Reviewed] => ChangeKind::Reviewed,
            _ => ChangeKind::Updated,
        };
        changes.push(change(date, kind, page, changed));
    }
    let now: BTreeMap<_, &PageEntry> = pages(current).map(|p| (key(p), p)).collect();
    for old in pages(previous).filter(|p| !now.contains_key(&key(p))) {
        changes.push(change(date, ChangeKind::Removed, old, Vec::new()));
    }
    changes
}

/// Every change of a first publication: each page of `current` added.
pub fn added(current: &CountryManifest, date: &str) -> Vec<Change> {
    pages(current)
        .map(|p| change(date, ChangeKind::Added, p, Vec::new()))
        .collect()
}

/// The change log of `country` in `lang`: `new` entries before those of `previous` (the
/// last build's log, if any), newest first, the oldest dropped past [`MAX_CHANGES`].
pub fn merge(
    country: CountryCode,
    lang: &str,
    new: Vec<Change>,
    previous: Option<ChangeLog>,
) -> ChangeLog {
    let mut log = ChangeLog::new(country, lang);
    log.entries = new;
    log.entries
        .extend(previous.into_iter().flat_map(|p| p.entries));
    // Stable: a build's own entries keep their order.
    log.entries.sort_by(|a, b| b.date.cmp(&a.date));
    log.entries.truncate(MAX_CHANGES);
    log
}

/// The hub, then the pages, as the manifest lists them.
fn pages(manifest: &CountryManifest) -> impl Iterator<Item = &PageEntry> {
    std::iter::once(&manifest.hub).chain(&manifest.pages)
}

fn change(date: &str, kind: ChangeKind, page: &PageEntry, changed: Vec<Aspect>) -> Change {
    Change {
        date: date.to_owned(),
        kind,
        section: page.section,
        slug: page.slug.clone(),
        title: page.title.clone(),
        lang: page.lang.clone(),
        reviewed: page.reviewed.clone(),
        changed,
    }
}

fn aspects(
    old: &PageEntry,
    new: &PageEntry,
    old_body: Option<&str>,
    new_body: Option<&str>,
) -> Vec<Aspect> {
    let election = |p: &PageEntry| {
        p.election.as_ref().map(|e| {
            (
                e.election_type,
                e.status,
                e.rerun_of.clone(),
                e.how_to_vote.clone(),
            )
        })
    };
    let events = |p: &PageEntry| p.election.as_ref().map(|e| e.events.clone());
    let details = |p: &PageEntry| {
        (
            p.resource.clone(),
            p.partner.clone(),
            p.guide.clone(),
            p.video.clone(),
        )
    };
    let body = match (old_body, new_body) {
        (Some(a), Some(b)) => BodyText::of(a) != BodyText::of(b),
        _ => false,
    };
    [
        (Aspect::Reviewed, old.reviewed != new.reviewed),
        (Aspect::Language, old.lang != new.lang),
        (Aspect::Title, old.title != new.title),
        (Aspect::Summary, old.summary != new.summary),
        (Aspect::Events, events(old) != events(new)),
        (Aspect::Status, election(old) != election(new)),
        (Aspect::Body, body),
        (Aspect::Sources, old.sources != new.sources),
        (Aspect::Details, details(old) != details(new)),
    ]
    .into_iter()
    .filter_map(|(aspect, differs)| differs.then_some(aspect))
    .collect()
}

/// What a voter reads of a rendered body: its text, whitespace collapsed, and the targets
/// of its links and images. Comparing these rather than the HTML keeps a change of the
/// renderer's markup (an id scheme, a class) from marking every page changed. Reads only
/// the build's own output, whose attribute values never hold a raw `<` or `>`.
#[derive(Debug, PartialEq, Eq)]
struct BodyText {
    text: String,
    targets: Vec<String>,
}

impl BodyText {
    fn of(html: &str) -> BodyText {
        let mut text = String::new();
        let mut targets = Vec::new();
        let mut rest = html;
        while let Some(open) = rest.find('<') {
            text.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('>') else {
                rest = "";
                break;
            };
            let tag = &rest[open..open + close];
            for name in [" href=\"", " src=\""] {
                for (at, _) in tag.match_indices(name) {
                    let value = &tag[at + name.len()..];
                    targets.push(value[..value.find('"').unwrap_or(value.len())].to_owned());
                }
            }
            // A block boundary separates words: `<p>a</p><p>b</p>` is not `ab`.
            text.push(' ');
            rest = &rest[open + close + 1..];
        }
        text.push_str(rest);
        BodyText {
            text: text.split_whitespace().collect::<Vec<_>>().join(" "),
            targets,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::{
        CountrySummary, Election, ElectionEvent, ElectionStatus, ElectionType, EventKind, SourceRef,
    };

    fn page(section: Option<Section>, slug: &str, title: &str) -> PageEntry {
        PageEntry {
            section,
            slug: slug.into(),
            lang: "en".into(),
            title: title.into(),
            summary: None,
            weight: 0,
            reviewed: "2025-01-01".into(),
            stale: false,
            sources: vec![SourceRef {
                title: "Official".into(),
                url: Some("https://example.org/".into()),
            }],
            body: match section {
                None => "en/_index.html".into(),
                Some(s) => format!("en/{}/{slug}.html", s.dir()),
            },
            toc: Vec::new(),
            election: None,
            resource: None,
            partner: None,
            guide: None,
            video: None,
        }
    }

    fn election(slug: &str, day: &str) -> PageEntry {
        PageEntry {
            election: Some(Election {
                election_type: ElectionType::Presidential,
                status: ElectionStatus::Upcoming,
                rerun_of: None,
                how_to_vote: None,
                events: vec![ElectionEvent {
                    kind: EventKind::VotingDay,
                    label: None,
                    date: Some(day.into()),
                    start: None,
                    local_start: None,
                    end: None,
                    time_zone: "Europe/Bucharest".into(),
                }],
            }),
            ..page(Some(Section::Elections), slug, "Presidential election")
        }
    }

    fn manifest(pages: Vec<PageEntry>) -> CountryManifest {
        CountryManifest {
            schema: SCHEMA_VERSION,
            lang: "en".into(),
            country: CountrySummary {
                code: CountryCode::parse("ro").unwrap(),
                names: BTreeMap::new(),
                default_language: "en".into(),
                languages: vec!["en".into()],
                time_zone: "Europe/Bucharest".into(),
            },
            hub: page(None, "_index", "Elections in Romania"),
            pages,
        }
    }

    fn no_body(_: &PageEntry) -> Option<&'static str> {
        None
    }

    /// `(kind, slug, changed)` of each change from `a` to `b`.
    fn summary(a: &CountryManifest, b: &CountryManifest) -> Vec<(ChangeKind, String, Vec<Aspect>)> {
        diff(a, no_body, b, no_body, "2025-02-01")
            .into_iter()
            .map(|c| {
                assert_eq!(c.date, "2025-02-01");
                (c.kind, c.slug, c.changed)
            })
            .collect()
    }

    #[test]
    fn nothing_changed_gives_no_entry() {
        let m = manifest(vec![election("p-2025", "2025-05-04")]);
        assert_eq!(summary(&m, &m), []);
        // Order and table of contents alone are not news to a voter.
        let mut moved = m.clone();
        moved.pages[0].weight = 5;
        moved.pages[0].toc.push(crate::manifest::TocEntry {
            level: 2,
            id: "h-x".into(),
            text: "X".into(),
        });
        assert_eq!(summary(&m, &moved), []);
    }

    #[test]
    fn a_page_added_and_one_removed() {
        let a = manifest(vec![page(Some(Section::Guides), "old", "Old guide")]);
        let b = manifest(vec![page(Some(Section::Guides), "new", "New guide")]);
        let changes = diff(&a, no_body, &b, no_body, "2025-02-01");
        assert_eq!(
            changes
                .iter()
                .map(|c| (c.kind, c.slug.as_str(), c.title.as_str()))
                .collect::<Vec<_>>(),
            [
                (ChangeKind::Added, "new", "New guide"),
                (ChangeKind::Removed, "old", "Old guide"),
            ]
        );
        assert_eq!(changes[0].section, Some(Section::Guides));
        assert!(changes.iter().all(|c| c.changed.is_empty()));
    }

    #[test]
    fn a_page_reviewed_again_with_nothing_else_changed() {
        let a = manifest(vec![election("p-2025", "2025-05-04")]);
        let mut b = a.clone();
        b.pages[0].reviewed = "2025-02-01".into();
        assert_eq!(
            summary(&a, &b),
            [(
                ChangeKind::Reviewed,
                "p-2025".into(),
                vec![Aspect::Reviewed]
            )]
        );
        let change = &diff(&a, no_body, &b, no_body, "2025-02-03")[0];
        assert_eq!(change.reviewed, "2025-02-01");
    }

    #[test]
    fn an_election_s_dates_and_status() {
        let a = manifest(vec![election("p-2025", "2025-05-04")]);
        let b = manifest(vec![election("p-2025", "2025-05-18")]);
        assert_eq!(
            summary(&a, &b),
            [(ChangeKind::Updated, "p-2025".into(), vec![Aspect::Events])]
        );
        let mut c = b.clone();
        c.pages[0].reviewed = "2025-02-01".into();
        c.pages[0].election.as_mut().unwrap().status = ElectionStatus::Annulled;
        assert_eq!(
            summary(&a, &c),
            [(
                ChangeKind::Updated,
                "p-2025".into(),
                vec![Aspect::Reviewed, Aspect::Events, Aspect::Status]
            )]
        );
    }

    #[test]
    fn title_summary_sources_language_and_details() {
        let a = manifest(vec![page(Some(Section::Guides), "g", "Guide")]);
        let mut b = a.clone();
        b.hub.title = "Romania votes".into();
        b.pages[0].summary = Some("How to check a claim".into());
        b.pages[0].sources[0].url = Some("https://example.org/new".into());
        b.pages[0].lang = "ro".into();
        b.pages[0].guide = Some(crate::manifest::Guide {
            topic: crate::manifest::GuideTopic::CheckAClaim,
        });
        assert_eq!(
            summary(&a, &b),
            [
                (ChangeKind::Updated, "_index".into(), vec![Aspect::Title]),
                (
                    ChangeKind::Updated,
                    "g".into(),
                    vec![
                        Aspect::Language,
                        Aspect::Summary,
                        Aspect::Sources,
                        Aspect::Details
                    ]
                ),
            ]
        );
    }

    #[test]
    fn a_body_changes_when_its_text_or_links_do_not_its_markup() {
        let m = manifest(vec![page(Some(Section::Guides), "g", "Guide")]);
        let bodies = |hub: &'static str, guide: &'static str| {
            move |p: &PageEntry| Some(if p.section.is_none() { hub } else { guide })
        };
        let before = bodies(
            "<p>Vote on <strong>4 May</strong>.</p>",
            "<p><a href=\"https://a.example/\">Check</a></p>",
        );
        let same = bodies(
            "<p class=\"lead\">Vote  on\n<strong>4 May</strong>.</p>",
            "<p><a href=\"https://a.example/\" rel=\"noopener\">Check</a></p>",
        );
        assert_eq!(diff(&m, before, &m, same, "2025-02-01"), []);
        let other = bodies(
            "<p>Vote on <strong>18 May</strong>.</p>",
            "<p><a href=\"https://b.example/\">Check</a></p>",
        );
        let changes = diff(&m, before, &m, other, "2025-02-01");
        assert_eq!(changes.len(), 2);
        assert!(changes.iter().all(|c| c.changed == [Aspect::Body]));
        // Words in two blocks stay two words.
        assert_ne!(BodyText::of("<p>a</p><p>b</p>"), BodyText::of("<p>ab</p>"));
        // A body missing on either side is not reported as changed.
        let gone = |_: &PageEntry| None;
        assert_eq!(diff(&m, before, &m, gone, "2025-02-01"), []);
    }

    #[test]
    fn a_first_publication_adds_every_page() {
        let m = manifest(vec![page(Some(Section::Guides), "g", "Guide")]);
        let kinds: Vec<(ChangeKind, String)> = added(&m, "2025-02-01")
            .into_iter()
            .map(|c| (c.kind, c.slug))
            .collect();
        assert_eq!(
            kinds,
            [
                (ChangeKind::Added, "_index".into()),
                (ChangeKind::Added, "g".into())
            ]
        );
    }

    #[test]
    fn earlier_entries_are_carried_over_newest_first() {
        let m = manifest(vec![page(Some(Section::Guides), "g", "Guide")]);
        let ro = m.country.code.clone();
        let first = merge(ro.clone(), "en", added(&m, "2025-01-01"), None);
        let mut b = m.clone();
        b.pages[0].title = "Guide, corrected".into();
        let second = merge(
            ro.clone(),
            "en",
            diff(&m, no_body, &b, no_body, "2025-02-01"),
            Some(first.clone()),
        );
        assert_eq!(second.schema, SCHEMA_VERSION);
        assert_eq!(
            (second.country.as_str(), second.lang.as_str()),
            ("ro", "en")
        );
        let dates: Vec<(&str, ChangeKind, &str)> = second
            .entries
            .iter()
            .map(|c| (c.date.as_str(), c.kind, c.slug.as_str()))
            .collect();
        assert_eq!(
            dates,
            [
                ("2025-02-01", ChangeKind::Updated, "g"),
                ("2025-01-01", ChangeKind::Added, "_index"),
                ("2025-01-01", ChangeKind::Added, "g"),
            ]
        );
        // A build with nothing new keeps the log as it was.
        let third = merge(
            ro,
            "en",
            diff(&b, no_body, &b, no_body, "2025-03-01"),
            Some(second.clone()),
        );
        assert_eq!(third, second);
    }

    #[test]
    fn the_log_keeps_only_the_newest_entries() {
        let m = manifest(vec![page(Some(Section::Guides), "g", "Guide")]);
        let ro = m.country.code.clone();
        let date = |day: usize| format!("2025-{:02}-{:02}", day / 28 + 1, day % 28 + 1);
        let mut log = None;
        // Two entries a build (the hub and the guide).
        for day in 1..=150 {
            log = Some(merge(ro.clone(), "en", added(&m, &date(day)), log));
        }
        let log = log.unwrap();
        assert_eq!(log.entries.len(), MAX_CHANGES);
        assert_eq!(log.entries[0].date, date(150));
        assert!(log.entries.windows(2).all(|w| w[0].date >= w[1].date));
        // The oldest builds' entries went first.
        assert_eq!(
            log.entries.last().unwrap().date,
            date(150 - MAX_CHANGES / 2 + 1)
        );
    }

    #[test]
    fn a_change_log_reads_back_as_written() {
        let m = manifest(vec![election("p-2025", "2025-05-04")]);
        let log = merge(m.country.code.clone(), "en", added(&m, "2025-01-01"), None);
        let json = serde_json::to_string(&log).unwrap();
        assert!(json.starts_with(r#"{"schema":1,"country":"ro","lang":"en","entries":[{"date":"2025-01-01","kind":"added","slug":"_index""#), "{json}");
        assert!(
            json.contains(r#""section":"elections","slug":"p-2025""#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<ChangeLog>(&json).unwrap(), log);
    }
}
