//! The Atom feed (RFC 4287) of a country's pages in one language,
//! `content/<cc>/<lang>/feed.atom`: one entry per page, newest first, for feed readers to
//! follow what was added, reviewed or changed.
//!
//! Written by hand rather than with a feed crate: the feed has a dozen elements, all text
//! the build already holds, and the one risk, escaping, is [`text`]'s job (checked by the
//! content build's tests with a strict XML parser, on hostile titles too). A crate would
//! bring an XML writer and a date parser for reading feeds, which the build never does.

use crate::changes::{ChangeKind, ChangeLog};
use crate::feeds;
use crate::lang::Lang;
use crate::manifest::{CountryManifest, PageEntry};
use crate::route::Route;

/// Who the feed is by, as RFC 4287 requires of every feed or entry.
pub const AUTHOR: &str = "Election Center";

/// The scheme of the categories that say how an entry changed: a change kind (`added`,
/// `reviewed`, `updated`) and what changed (`events`, `sources`…), as in `changes.json`.
pub const CHANGE_SCHEME: &str = "urn:election-center:changes";

/// The scheme of the category that names an entry's section (`elections`, `guides`…).
pub const SECTION_SCHEME: &str = "urn:election-center:sections";

/// The feed of `manifest` (one country in one language) under `site_url` (the site's public
/// address, ending in `/`), with what `changes` (its change log) knows of each page: an
/// entry's `updated` is the page's review date, or the date a later change to it was
/// published; its categories say how it changed. `None` when the manifest's language is
/// not an interface language (the content check refuses such a country).
pub fn country_feed(
    manifest: &CountryManifest,
    changes: &ChangeLog,
    site_url: &str,
) -> Option<String> {
    let lang = Lang::parse(&manifest.lang)?;
    let country = manifest.country.code.clone();
    let hub_route = Route::Hub {
        lang,
        country: country.clone(),
    };
    let mut entries: Vec<Entry> = std::iter::once(&manifest.hub)
        .chain(&manifest.pages)
        .map(|page| {
            let route = match page.section {
                None => hub_route.clone(),
                Some(section) => Route::Page {
                    lang,
                    country: country.clone(),
                    section,
                    slug: page.slug.clone(),
                },
            };
            let history: Vec<_> = changes
                .entries
                .iter()
                .filter(|c| c.section == page.section && c.slug == page.slug)
                .collect();
            // Newest first, so the first is the latest.
            let latest = history.first().filter(|c| c.kind != ChangeKind::Removed);
            let updated = [
                Some(page.reviewed.as_str()),
                latest.map(|c| c.date.as_str()),
            ]
            .into_iter()
            .flatten()
            .filter_map(instant)
            .max()
            .unwrap_or_else(|| EPOCH.to_owned());
            let published = history
                .iter()
                .find(|c| c.kind == ChangeKind::Added)
                .and_then(|c| instant(&c.date))
                .filter(|p| *p <= updated);
            let mut categories: Vec<(&str, &str)> = Vec::new();
            if let Some(section) = page.section {
                categories.push((SECTION_SCHEME, section.dir()));
            }
            if let Some(change) = latest {
                categories.push((CHANGE_SCHEME, kind_term(change.kind)));
                categories.extend(
                    change
                        .changed
                        .iter()
                        .map(|a| (CHANGE_SCHEME, aspect_term(*a))),
                );
            }
            Entry {
                page,
                url: page_url(site_url, &route),
                updated,
                published,
                categories,
            }
        })
        .collect();
    // Newest first; pages of one day in the manifest's order (the sort is stable).
    entries.sort_by(|a, b| b.updated.cmp(&a.updated));
    let self_url = feeds::url(site_url, &feeds::feed(&country, &manifest.lang));
    let updated = entries
        .first()
        .map_or_else(|| EPOCH.to_owned(), |e| e.updated.clone());

    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        text(&manifest.lang)
    ));
    xml.push_str(&format!("  <id>{}</id>\n", text(&self_url)));
    xml.push_str(&format!("  <title>{}</title>\n", text(&manifest.hub.title)));
    if let Some(summary) = &manifest.hub.summary {
        xml.push_str(&format!("  <subtitle>{}</subtitle>\n", text(summary)));
    }
    xml.push_str(&format!("  <updated>{updated}</updated>\n"));
    xml.push_str(&format!(
        "  <author><name>{AUTHOR}</name><uri>{}</uri></author>\n",
        text(site_url)
    ));
    xml.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        text(&self_url)
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" hreflang=\"{}\" href=\"{}\"/>\n",
        text(&manifest.lang),
        text(&page_url(site_url, &hub_route))
    ));
    for entry in &entries {
        let page = entry.page;
        xml.push_str(&format!("  <entry xml:lang=\"{}\">\n", text(&page.lang)));
        xml.push_str(&format!("    <id>{}</id>\n", text(&entry.url)));
        xml.push_str(&format!("    <title>{}</title>\n", text(&page.title)));
        xml.push_str(&format!("    <updated>{}</updated>\n", entry.updated));
        if let Some(published) = &entry.published {
            xml.push_str(&format!("    <published>{published}</published>\n"));
        }
        xml.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            text(&entry.url)
        ));
        if let Some(summary) = &page.summary {
            xml.push_str(&format!("    <summary>{}</summary>\n", text(summary)));
        }
        for (scheme, term) in &entry.categories {
            xml.push_str(&format!(
                "    <category scheme=\"{scheme}\" term=\"{term}\"/>\n"
            ));
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    Some(xml)
}

struct Entry<'a> {
    page: &'a PageEntry,
    url: String,
    /// RFC 3339.
    updated: String,
    published: Option<String>,
    categories: Vec<(&'static str, &'static str)>,
}

const EPOCH: &str = "1970-01-01T00:00:00Z";

/// A page's public address: `site_url` (ending in `/`) and the route's path.
fn page_url(site_url: &str, route: &Route) -> String {
    format!("{site_url}{}", &route.path()[1..])
}

/// `2025-05-20` → `2025-05-20T00:00:00Z` (a day starts the instant the feed says it
/// changed); `None` for anything else.
fn instant(date: &str) -> Option<String> {
    let shape = date.len() == 10
        && date.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    shape.then(|| format!("{date}T00:00:00Z"))
}

fn kind_term(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Added => "added",
        ChangeKind::Removed => "removed",
        ChangeKind::Reviewed => "reviewed",
        ChangeKind::Updated => "updated",
    }
}

fn aspect_term(aspect: crate::changes::Aspect) -> &'static str {
    use crate::changes::Aspect;
    match aspect {
        Aspect::Reviewed => "reviewed",
        Aspect::Language => "language",
        Aspect::Title => "title",
        Aspect::Summary => "summary",
        Aspect::Events => "events",
        Aspect::Status => "status",
        Aspect::Body => "body",
        Aspect::Sources => "sources",
        Aspect::Details => "details",
    }
}

/// `s` as XML text or attribute value: markup characters escaped, and the characters XML
/// 1.0 does not allow at all (most control characters, U+FFFE, U+FFFF) dropped, since no
/// escape can write them and a parser refuses the whole feed for one.
pub fn text(s: &str) -> String {
    let allowed: String = s
        .chars()
        .filter(|&c| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..))
        .collect();
    let mut out = String::with_capacity(allowed.len());
    crate::html::escape_attr(&mut out, &allowed);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changes::{self, Aspect, Change};
    use crate::manifest::{CountryCode, CountrySummary, Section, SourceRef, SCHEMA_VERSION};
    use std::collections::BTreeMap;

    fn page(section: Option<Section>, slug: &str, title: &str, reviewed: &str) -> PageEntry {
        PageEntry {
            section,
            slug: slug.into(),
            lang: "en".into(),
            title: title.into(),
            summary: Some(format!("About {title}")),
            weight: 0,
            reviewed: reviewed.into(),
            stale: false,
            sources: vec![SourceRef {
                title: "Official".into(),
                url: None,
            }],
            body: "en/x.html".into(),
            toc: Vec::new(),
            election: None,
            resource: None,
            partner: None,
            guide: None,
            video: None,
        }
    }

    fn manifest() -> CountryManifest {
        crate::lang::set_test_languages();
        CountryManifest {
            schema: SCHEMA_VERSION,
            lang: "hu".into(),
            country: CountrySummary {
                code: CountryCode::parse("ro").unwrap(),
                names: BTreeMap::new(),
                default_language: "ro".into(),
                languages: vec!["ro".into(), "hu".into()],
                time_zone: "Europe/Bucharest".into(),
            },
            hub: page(
                None,
                "_index",
                "Választások <Romániában> & más",
                "2025-01-10",
            ),
            pages: vec![
                page(
                    Some(Section::Elections),
                    "p-2025",
                    "Elnökválasztás",
                    "2025-03-01",
                ),
                PageEntry {
                    lang: "ro".into(),
                    summary: None,
                    ..page(
                        Some(Section::Guides),
                        "check",
                        "Verifică\u{0}\u{1b}",
                        "2025-02-01",
                    )
                },
            ],
        }
    }

    fn change(date: &str, kind: ChangeKind, slug: &str, changed: Vec<Aspect>) -> Change {
        Change {
            date: date.into(),
            kind,
            section: Some(Section::Guides),
            slug: slug.into(),
            title: "t".into(),
            lang: "ro".into(),
            reviewed: "2025-02-01".into(),
            changed,
        }
    }

    #[test]
    fn entries_are_newest_first_with_their_addresses_and_languages() {
        let m = manifest();
        let log = changes::ChangeLog::new(m.country.code.clone(), "hu");
        let xml = country_feed(&m, &log, "https://example.org/sub/").unwrap();
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"hu\">\n  <id>https://example.org/sub/content/ro/hu/feed.atom</id>\n"), "{xml}");
        assert!(
            xml.contains("<title>Választások &lt;Romániában&gt; &amp; más</title>"),
            "{xml}"
        );
        assert!(
            xml.contains("<updated>2025-03-01T00:00:00Z</updated>\n  <author>"),
            "{xml}"
        );
        assert!(xml.contains("<link rel=\"alternate\" type=\"text/html\" hreflang=\"hu\" href=\"https://example.org/sub/hu/ro\"/>"), "{xml}");
        let ids: Vec<&str> = xml
            .match_indices("    <id>")
            .map(|(at, _)| &xml[at + 8..at + xml[at..].find("</id>").unwrap()])
            .collect();
        assert_eq!(
            ids,
            [
                "https://example.org/sub/hu/ro/elections/p-2025",
                "https://example.org/sub/hu/ro/guides/check",
                "https://example.org/sub/hu/ro",
            ]
        );
        // A page shown in the country's language says so; text XML cannot hold is dropped.
        assert!(xml.contains("<entry xml:lang=\"ro\">\n    <id>https://example.org/sub/hu/ro/guides/check</id>\n    <title>Verifică</title>"), "{xml}");
        assert!(
            xml.contains("<category scheme=\"urn:election-center:sections\" term=\"elections\"/>"),
            "{xml}"
        );
        assert!(!xml.contains(CHANGE_SCHEME), "{xml}");
    }

    #[test]
    fn a_known_change_dates_its_entry_and_says_what_changed() {
        let m = manifest();
        let mut log = changes::ChangeLog::new(m.country.code.clone(), "hu");
        log.entries = vec![
            change(
                "2025-04-02",
                ChangeKind::Updated,
                "check",
                vec![Aspect::Events, Aspect::Sources],
            ),
            change("2025-01-05", ChangeKind::Added, "check", Vec::new()),
        ];
        let xml = country_feed(&m, &log, "https://example.org/").unwrap();
        let first = &xml[xml.find("<entry").unwrap()..xml.find("</entry>").unwrap()];
        assert!(
            first.contains("<id>https://example.org/hu/ro/guides/check</id>"),
            "{xml}"
        );
        assert!(first.contains("<updated>2025-04-02T00:00:00Z</updated>\n    <published>2025-01-05T00:00:00Z</published>"), "{first}");
        for term in ["updated", "events", "sources"] {
            assert!(
                first.contains(&format!(
                    "<category scheme=\"{CHANGE_SCHEME}\" term=\"{term}\"/>"
                )),
                "{first}"
            );
        }
        assert!(
            xml.contains("  <updated>2025-04-02T00:00:00Z</updated>\n  <author>"),
            "{xml}"
        );
    }

    #[test]
    fn no_feed_for_a_language_the_interface_lacks() {
        let mut m = manifest();
        m.lang = "de".into();
        let log = changes::ChangeLog::new(m.country.code.clone(), "de");
        assert_eq!(country_feed(&m, &log, "https://example.org/"), None);
    }

    #[test]
    fn text_escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            text("a<b>&\"c\"'d'"),
            "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;"
        );
        assert_eq!(
            text("a\u{0}\u{8}\u{b}\u{1f}\tb\nc\u{fffe}\u{ffff}d😀"),
            "a\tb\ncd😀"
        );
        assert_eq!(instant("2025-05-20"), Some("2025-05-20T00:00:00Z".into()));
        for bad in ["2025-5-20", "20250520", "2025-05-20T00", "2025/05/20", ""] {
            assert_eq!(instant(bad), None, "{bad}");
        }
    }
}
