//! The open feeds the build publishes beside the manifests (FEEDS.md): the JSON Schemas,
//! and per country and language the change log (`changes.json`, against the previously
//! published build), the Atom feed and a calendar of every election; per election page a
//! calendar of all its dates. What they mean is decided in the `content` crate; this
//! module reads the previous build and writes files.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use content::changes::{self, ChangeLog};
use content::feeds;
use content::ics::{self, CalendarEvent};
use content::site::{Country, Site};
use content::{CountryManifest, PageEntry};

use crate::{to_json, write};

/// The site address used when `SITE_URL` is not set: a build to try out, not to publish
/// (the pre-renderer's default too).
pub const LOCAL_SITE_URL: &str = "http://127.0.0.1:8080/";

/// What a build needs beyond the content to publish the feeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publish {
    /// The site's public address, ending in `/`: the feeds carry absolute addresses.
    pub site_url: String,
    /// `YYYY-MM-DD`: the day of this build, which dates the changes it finds.
    pub date: String,
    /// The `content/` folder of the previous publication, whose manifests the change logs
    /// compare with and whose change logs they carry on; `None` for a first build, whose
    /// change logs start empty.
    pub previous: Option<PathBuf>,
}

impl Default for Publish {
    /// For a trial build: the local address and no previous build.
    fn default() -> Publish {
        Publish {
            site_url: LOCAL_SITE_URL.to_owned(),
            date: "1970-01-01".to_owned(),
            previous: None,
        }
    }
}

impl Publish {
    /// The site's address as `SITE_URL` gives it (a local one when unset), the build's date
    /// (`build_date`), the previous build from the command line.
    pub fn new(
        site_url: Option<&str>,
        date: &str,
        previous: Option<PathBuf>,
    ) -> Result<Publish, String> {
        let site_url = match site_url.filter(|u| !u.is_empty()) {
            None => LOCAL_SITE_URL.to_owned(),
            Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
                if url.ends_with('/') {
                    url.to_owned()
                } else {
                    format!("{url}/")
                }
            }
            Some(url) => return Err(format!("SITE_URL `{url}` is not an http(s) address")),
        };
        Ok(Publish {
            site_url,
            date: date.to_owned(),
            previous,
        })
    }
}

/// The JSON Schemas as published and committed under `schema/`: `(file name, text)`.
pub fn schema_files() -> Vec<(&'static str, String)> {
    content::schema::all()
        .into_iter()
        .map(|(name, schema)| {
            let mut text = String::from_utf8(to_json(&schema)).expect("JSON is UTF-8");
            text.push('\n');
            (name, text)
        })
        .collect()
}

/// Writes the schemas and every feed of `site` under `out` (the build's `content/`).
/// Returns notes for the person building: previous files that could not be read, and so
/// were left out of the change logs.
pub fn write_feeds(site: &Site, out: &Path, publish: &Publish) -> io::Result<Vec<String>> {
    let mut notes = Vec::new();
    for (name, text) in schema_files() {
        write(&out.join(name), text.as_bytes())?;
    }
    for country in &site.countries {
        let code = country.summary.code.as_str();
        for lang in &country.summary.languages {
            let Some(manifest) = country.manifest(lang) else {
                continue;
            };
            let log = change_log(country, &manifest, publish, &mut notes)?;
            write(&out.join(feeds::changes(code, lang)), &to_json(&log))?;
            match content::atom::country_feed(&manifest, &log, &publish.site_url) {
                Some(feed) => write(&out.join(feeds::feed(code, lang)), feed.as_bytes())?,
                None => notes.push(format!(
                    "{code}/{lang}: no Atom feed, `{lang}` is not an interface language"
                )),
            }
            let elections: Vec<CalendarEvent> = manifest
                .pages
                .iter()
                .flat_map(|page| calendar_events(code, page))
                .collect();
            let calendar = ics::calendar(&manifest.hub.title, &elections);
            write(&out.join(feeds::calendar(code, lang)), calendar.as_bytes())?;
        }
        for page in country.pages.iter().filter(|p| !p.draft) {
            let entry = &page.entry;
            if entry.election.is_some() {
                let calendar = ics::calendar(&entry.title, &calendar_events(code, entry));
                let path = feeds::election_calendar(code, &entry.lang, &entry.slug);
                write(&out.join(path), calendar.as_bytes())?;
            }
        }
    }
    Ok(notes)
}

/// Every date of the election on `page` (none for another kind of page), with the UIDs of
/// their own files.
fn calendar_events<'a>(code: &str, page: &'a PageEntry) -> Vec<CalendarEvent<'a>> {
    let Some(election) = &page.election else {
        return Vec::new();
    };
    election
        .events
        .iter()
        .enumerate()
        .map(|(n, event)| CalendarEvent {
            event,
            title: &page.title,
            uid: ics::event_uid(code, &page.slug, &election.events, n),
            stamp: &page.reviewed,
        })
        .collect()
}

/// The change log of `manifest`: its changes since the previous build, before that
/// build's own log.
fn change_log(
    country: &Country,
    manifest: &CountryManifest,
    publish: &Publish,
    notes: &mut Vec<String>,
) -> io::Result<ChangeLog> {
    let code = &country.summary.code;
    let lang = &manifest.lang;
    let Some(previous) = &publish.previous else {
        return Ok(ChangeLog::new(code.clone(), lang));
    };
    let bodies: BTreeMap<&str, &str> = country
        .pages
        .iter()
        .filter(|p| !p.draft)
        .map(|p| (p.entry.body.as_str(), p.html.as_str()))
        .collect();
    let dir = previous.join(code.as_str());
    let manifest_path = dir.join(format!("{lang}.json"));
    let new = match read_json::<CountryManifest>(&manifest_path, notes)? {
        // Not published before (a new country or language): every page is new.
        Read::Absent => changes::added(manifest, &publish.date),
        Read::Unreadable => Vec::new(),
        Read::Found(old) => {
            let mut old_bodies = BTreeMap::new();
            for page in std::iter::once(&old.hub).chain(&old.pages) {
                if let Some(path) = inside(&dir, &page.body) {
                    if let Ok(html) = fs::read_to_string(path) {
                        old_bodies.insert(page.body.clone(), html);
                    }
                }
            }
            changes::diff(
                &old,
                |p| old_bodies.get(&p.body).map(String::as_str),
                manifest,
                |p| bodies.get(p.body.as_str()).copied(),
                &publish.date,
            )
        }
    };
    let log_path = previous.join(feeds::changes(code, lang));
    let old_log = match read_json::<ChangeLog>(&log_path, notes)? {
        Read::Found(log) if log.country == *code && log.lang == *lang => Some(log),
        Read::Found(_) => {
            notes.push(format!(
                "{}: another country's or language's change log; not carried over",
                log_path.display()
            ));
            None
        }
        Read::Absent | Read::Unreadable => None,
    };
    Ok(changes::merge(code.clone(), lang, new, old_log))
}

enum Read<T> {
    Found(T),
    Absent,
    /// Noted: a file of another schema version, or damaged.
    Unreadable,
}

fn read_json<T: serde::de::DeserializeOwned>(
    path: &Path,
    notes: &mut Vec<String>,
) -> io::Result<Read<T>> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Read::Absent),
        Err(e) => return Err(io::Error::new(e.kind(), format!("{}: {e}", path.display()))),
    };
    Ok(match serde_json::from_str(&text) {
        Ok(value) => Read::Found(value),
        Err(e) => {
            notes.push(format!(
                "{}: {e}; left out of the change log",
                path.display()
            ));
            Read::Unreadable
        }
    })
}

/// `dir/relative` when `relative` stays inside `dir` (a previous manifest's body path is
/// read, so one naming `../` or an absolute path is ignored).
fn inside(dir: &Path, relative: &str) -> Option<PathBuf> {
    let path = Path::new(relative);
    path.components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then(|| dir.join(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_url_from_the_environment() {
        let publish = Publish::new(Some("https://example.org/sub"), "2025-05-04", None);
        assert_eq!(
            publish,
            Ok(Publish {
                site_url: "https://example.org/sub/".into(),
                date: "2025-05-04".into(),
                previous: None,
            })
        );
        let local = Publish::new(None, "2025-05-04", None).unwrap();
        assert_eq!(local.site_url, LOCAL_SITE_URL);
        assert!(Publish::new(Some("example.org"), "2025-05-04", None).is_err());
    }

    #[test]
    fn a_previous_body_path_stays_inside_its_folder() {
        let dir = Path::new("/prev/ro");
        assert_eq!(
            inside(dir, "en/guides/x.html"),
            Some(PathBuf::from("/prev/ro/en/guides/x.html"))
        );
        for bad in ["../fr/en.json", "/etc/passwd", "en/../../x", "./en/x.html"] {
            assert_eq!(inside(dir, bad), None, "{bad}");
        }
    }
}
