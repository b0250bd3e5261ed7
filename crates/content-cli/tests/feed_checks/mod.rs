//! What the published calendars and Atom feeds must be, whatever the content: RFC 5545's
//! line rules and structure for `.ics` files, RFC 4287's required elements for Atom feeds
//! (read with a strict XML parser). Shared by `feeds.rs` (the files the build writes) and
//! `fuzz.rs` (files written from hostile input).

#![allow(
    dead_code,
    reason = "each test binary that includes this module uses only part of it"
)]

/// The properties the calendar writer uses (`content::ics`): any other in a file means a
/// value broke out of its line.
const CALENDAR_PROPERTIES: [&str; 16] = [
    "BEGIN",
    "VERSION",
    "PRODID",
    "CALSCALE",
    "METHOD",
    "NAME",
    "X-WR-CALNAME",
    "REFRESH-INTERVAL",
    "X-PUBLISHED-TTL",
    "UID",
    "DTSTAMP",
    "SEQUENCE",
    "DTSTART",
    "DTEND",
    "SUMMARY",
    "END",
];

/// One event of a calendar, unfolded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub uid: String,
    /// Every line from `BEGIN:VEVENT` to `END:VEVENT`.
    pub lines: Vec<String>,
}

/// Checks an `.ics` file against RFC 5545's line rules (CRLF only at line ends, lines of at
/// most 75 octets, continuation lines starting with a space) and structure (one VCALENDAR
/// around VEVENTs that do not nest, each with one UID), with no property but the writer's
/// own; returns its events.
pub fn calendar(ics: &str) -> Result<Vec<Event>, String> {
    let Some(lines) = ics.strip_suffix("\r\n") else {
        return Err(format!("does not end with CRLF: {ics:?}"));
    };
    let mut unfolded: Vec<String> = Vec::new();
    for line in lines.split("\r\n") {
        if line.contains(['\r', '\n']) {
            return Err(format!("bare CR or LF in {line:?}"));
        }
        if line.len() > 75 {
            return Err(format!("{} octets: {line:?}", line.len()));
        }
        match line.strip_prefix(' ') {
            Some(rest) if !unfolded.is_empty() => unfolded.last_mut().unwrap().push_str(rest),
            _ => unfolded.push(line.to_owned()),
        }
    }
    for line in &unfolded {
        let name = line.split([':', ';']).next().unwrap_or_default();
        if !CALENDAR_PROPERTIES.contains(&name) {
            return Err(format!("property {name:?} in {ics:?}"));
        }
    }
    if unfolded.first().map(String::as_str) != Some("BEGIN:VCALENDAR")
        || unfolded.last().map(String::as_str) != Some("END:VCALENDAR")
    {
        return Err(format!("not one VCALENDAR: {ics:?}"));
    }
    let mut events = Vec::new();
    let mut open: Option<Vec<String>> = None;
    for line in &unfolded[1..unfolded.len() - 1] {
        match (line.as_str(), &mut open) {
            ("BEGIN:VEVENT", None) => open = Some(vec![line.clone()]),
            ("END:VEVENT", Some(lines)) => {
                lines.push(line.clone());
                let uids: Vec<&String> = lines.iter().filter(|l| l.starts_with("UID:")).collect();
                let [uid] = uids.as_slice() else {
                    return Err(format!("an event without exactly one UID: {lines:?}"));
                };
                events.push(Event {
                    uid: uid["UID:".len()..].to_owned(),
                    lines: lines.clone(),
                });
                open = None;
            }
            (l, _) if l.starts_with("BEGIN:") || l.starts_with("END:") => {
                return Err(format!("{l} out of place in {ics:?}"));
            }
            (_, Some(lines)) => lines.push(line.clone()),
            (_, None) => {}
        }
    }
    if open.is_some() {
        return Err(format!("an event is not closed: {ics:?}"));
    }
    Ok(events)
}

pub const ATOM: &str = "http://www.w3.org/2005/Atom";

/// One entry of a feed, as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub title: String,
    pub updated: String,
    pub link: String,
    pub lang: String,
    pub summary: Option<String>,
    /// `(scheme, term)`.
    pub categories: Vec<(String, String)>,
}

/// A feed, as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub id: String,
    pub title: String,
    pub updated: String,
    pub lang: String,
    pub self_link: String,
    pub alternate: String,
    pub entries: Vec<Entry>,
}

/// Parses an Atom feed with a strict XML parser and checks what RFC 4287 requires of it
/// (§4.1.1: one `id`, `title` and `updated`; an `author`, since its entries have none; a
/// `rel="self"` link, §4.2.7.2's recommendation, and a `rel="alternate"` one; §4.1.2 for
/// each entry: one `id`, `title`, `updated` and an alternate link), with `id`s that are
/// absolute IRIs, dates in RFC 3339, distinct entry ids and `xml:lang` on the feed.
pub fn atom(xml: &str) -> Result<Feed, String> {
    let doc = roxmltree::Document::parse(xml).map_err(|e| format!("not XML: {e}"))?;
    let feed = doc.root_element();
    if !feed.has_tag_name((ATOM, "feed")) {
        return Err(format!("the root is {:?}", feed.tag_name()));
    }
    let lang = xml_lang(feed).ok_or("the feed has no xml:lang")?;
    let id = one_text(feed, "id")?;
    let title = one_text(feed, "title")?;
    let updated = one_text(feed, "updated")?;
    absolute(&id)?;
    date_time(&updated)?;
    let author = children(feed, "author");
    let [author] = author.as_slice() else {
        return Err("the feed needs one author (its entries have none)".into());
    };
    one_text(*author, "name")?;
    let self_link = link(feed, "self")?;
    let alternate = link(feed, "alternate")?;
    if self_link != id {
        return Err(format!("the feed's id {id} is not its address {self_link}"));
    }
    let mut entries = Vec::new();
    for entry in children(feed, "entry") {
        let id = one_text(entry, "id")?;
        absolute(&id)?;
        let updated = one_text(entry, "updated")?;
        date_time(&updated)?;
        for published in children(entry, "published") {
            date_time(published.text().unwrap_or_default())?;
        }
        let summary = match children(entry, "summary").as_slice() {
            [] => None,
            [one] => Some(one.text().unwrap_or_default().to_owned()),
            _ => return Err(format!("{id}: more than one summary")),
        };
        entries.push(Entry {
            title: one_text(entry, "title")?,
            updated,
            link: link(entry, "alternate")?,
            lang: xml_lang(entry).unwrap_or_else(|| lang.clone()),
            summary,
            categories: children(entry, "category")
                .iter()
                .map(|c| {
                    (
                        c.attribute("scheme").unwrap_or_default().to_owned(),
                        c.attribute("term").unwrap_or_default().to_owned(),
                    )
                })
                .collect(),
            id,
        });
    }
    let mut ids: Vec<&String> = entries.iter().map(|e| &e.id).collect();
    ids.sort();
    ids.dedup();
    if ids.len() != entries.len() {
        return Err("two entries share an id".into());
    }
    Ok(Feed {
        id,
        title,
        updated,
        lang,
        self_link,
        alternate,
        entries,
    })
}

fn xml_lang(node: roxmltree::Node) -> Option<String> {
    node.attribute(("http://www.w3.org/XML/1998/namespace", "lang"))
        .map(str::to_owned)
}

fn children<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Vec<roxmltree::Node<'a, 'i>> {
    node.children()
        .filter(|c| c.has_tag_name((ATOM, name)))
        .collect()
}

fn one_text(node: roxmltree::Node, name: &str) -> Result<String, String> {
    match children(node, name).as_slice() {
        [one] => Ok(one.text().unwrap_or_default().to_owned()),
        other => Err(format!(
            "<{}> has {} <{name}>, not one",
            node.tag_name().name(),
            other.len()
        )),
    }
}

/// The `href` of the one link with `rel`.
fn link(node: roxmltree::Node, rel: &str) -> Result<String, String> {
    let links: Vec<&str> = children(node, "link")
        .iter()
        .filter(|l| l.attribute("rel").unwrap_or("alternate") == rel)
        .filter_map(|l| l.attribute("href"))
        .collect();
    match links.as_slice() {
        [href] => {
            absolute(href)?;
            Ok((*href).to_owned())
        }
        other => Err(format!(
            "<{}> has {} rel={rel} links, not one",
            node.tag_name().name(),
            other.len()
        )),
    }
}

fn absolute(iri: &str) -> Result<(), String> {
    let scheme = iri.split(':').next().unwrap_or_default();
    let ok = !scheme.is_empty()
        && scheme.len() < iri.len()
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
        && !iri.contains(char::is_whitespace);
    ok.then_some(())
        .ok_or_else(|| format!("{iri:?} is not an absolute IRI"))
}

/// RFC 3339 as Atom writes it (§3.3): `2025-05-20T00:00:00Z`.
fn date_time(text: &str) -> Result<(), String> {
    let ok = text.len() == 20
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            10 => b == b'T',
            13 | 16 => b == b':',
            19 => b == b'Z',
            _ => b.is_ascii_digit(),
        });
    ok.then_some(())
        .ok_or_else(|| format!("{text:?} is not an RFC 3339 date-time"))
}
