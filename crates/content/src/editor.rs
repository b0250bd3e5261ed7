//! What the browser editor (`crates/editor`) checks and previews: files an editor opened,
//! checked by the same [`site::load`] as `content-cli check`, against the site as published.
//!
//! The editor has the published manifests (`content/index.json`, `content/<cc>/<lang>.json`),
//! not the content tree. From them [`Published::new`] writes a stand-in for each published
//! file: every country's `country.toml`, and a page file for every page in every language it
//! exists in, with what the rules across pages read (the page exists; an election's type,
//! status and events, which translations must keep and reviews read). The opened files take
//! the place of the stand-ins with their path, and the whole is loaded as one tree: every
//! rule that runs is the checker's own, and only the opened files' problems are reported.
//!
//! What the manifests do not say, the check cannot know: draft pages, and media files no
//! published video names (open the country's folder to include its `media/`); a country's
//! `review_every_days` (its default is used unless its `country.toml` is opened); and where
//! things are in a published file, which a hint pointing there names (a translation's
//! original event is given by its line in the stand-in, and by its rank in time).

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::Diagnostic;
use crate::limits;
use crate::manifest::{CountryManifest, PageEntry, PartnerKind, Section, SiteIndex, VideoSource};
use crate::route::is_slug;
use crate::site::{self, Site, SourceFile};

/// The site as published: its manifests, and the stand-ins written from them.
#[derive(Debug, Clone)]
pub struct Published {
    pub index: SiteIndex,
    /// Every country of `index` in each of its languages.
    pub manifests: Vec<CountryManifest>,
    stand_ins: Vec<SourceFile>,
    /// Media files the manifests name (a video's file, poster, captions).
    assets: BTreeSet<String>,
}

impl Published {
    /// No site published yet (or its manifests not yet at hand).
    pub fn empty() -> Published {
        let index = SiteIndex {
            schema: crate::manifest::SCHEMA_VERSION,
            countries: Vec::new(),
        };
        Published::new(index, Vec::new())
    }

    pub fn new(index: SiteIndex, manifests: Vec<CountryManifest>) -> Published {
        let mut files: BTreeMap<String, String> = BTreeMap::new();
        for country in &index.countries {
            let mut text = format!(
                "default_language = {}\nlanguages = [{}]\ntime_zone = {}\n\n[names]\n",
                quote(&country.default_language),
                country
                    .languages
                    .iter()
                    .map(|l| quote(l))
                    .collect::<Vec<_>>()
                    .join(", "),
                quote(&country.time_zone),
            );
            for (lang, name) in &country.names {
                text.push_str(&format!("{} = {}\n", quote(lang), quote(name)));
            }
            files.insert(format!("{}/country.toml", country.code), text);
        }
        let mut assets = BTreeSet::new();
        for manifest in &manifests {
            let code = manifest.country.code.as_str();
            // A manifest lists a page in its own language, or in the default one in its stead.
            for entry in std::iter::once(&manifest.hub).chain(&manifest.pages) {
                if entry.lang == manifest.lang {
                    files.insert(
                        page_path(code, entry.section, &entry.slug, &entry.lang),
                        stand_in(entry),
                    );
                }
                if let Some(video) = &entry.video {
                    let named = video.poster.iter().cloned();
                    let named: Vec<String> = match &video.source {
                        VideoSource::File { file, captions } => named
                            .chain([file.clone()])
                            .chain(captions.iter().map(|c| c.file.clone()))
                            .collect(),
                        VideoSource::External { .. } => named.collect(),
                    };
                    assets.extend(named.into_iter().map(|p| format!("{code}/{p}")));
                }
            }
        }
        Published {
            index,
            manifests,
            stand_ins: files
                .into_iter()
                .map(|(path, text)| SourceFile { path, text })
                .collect(),
            assets,
        }
    }

    /// The published manifest of country `code` in `lang`.
    pub fn manifest(&self, code: &str, lang: &str) -> Option<&CountryManifest> {
        self.manifests
            .iter()
            .find(|m| m.country.code == code && m.lang == lang)
    }
}

/// A TOML basic string.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A published page as a file: its title and review date; for an election, the fields
/// other pages are checked against (its type, status, the election it reruns, its events:
/// kinds, labels, dates and times in their zones). Other kinds' fields are left out: their
/// stand-ins have problems of their own, which nobody sees, and still exist for links and
/// references.
fn stand_in(entry: &PageEntry) -> String {
    let mut text = format!(
        "+++\ntitle = {}\nreviewed = {}\n",
        quote(&entry.title),
        entry.reviewed
    );
    let mut tables = String::from("\n[[sources]]\ntitle = \"published\"\n");
    if let Some(election) = &entry.election {
        text.push_str(&format!(
            "type = {}\nstatus = {}\n",
            quote(election.election_type.as_str()),
            quote(election.status.as_str())
        ));
        if let Some(rerun_of) = &election.rerun_of {
            text.push_str(&format!("rerun_of = {}\n", quote(rerun_of)));
        }
        for event in &election.events {
            tables.push_str(&format!(
                "\n[[events]]\nkind = {}\ntime_zone = {}\n",
                quote(event.kind.as_str()),
                quote(&event.time_zone)
            ));
            if let Some(label) = &event.label {
                tables.push_str(&format!("label = {}\n", quote(label)));
            }
            // A bare TOML date; times as the zone's wall clock (`zoned`).
            if let Some(date) = &event.date {
                tables.push_str(&format!("date = {date}\n"));
            }
            for (key, value) in [("start", &event.start), ("end", &event.end)] {
                if let Some(time) = value.as_deref().and_then(|v| zoned(v, &event.time_zone)) {
                    tables.push_str(&format!("{key} = {time}\n"));
                }
            }
        }
    }
    text.push_str(&tables);
    text.push_str("+++\n");
    text
}

/// A UTC instant of a manifest (`2024-06-30T06:00:00Z`) as an editor writes it: the wall
/// clock of `zone` (`2024-06-30T08:00:00`), with the zone's offset then only in the hour
/// repeated in autumn, where it says which (`2024-10-27T03:30:00+02:00`).
fn zoned(utc: &str, zone: &str) -> Option<String> {
    use chrono::TimeZone;
    let naive = chrono::NaiveDateTime::parse_from_str(utc, "%Y-%m-%dT%H:%M:%SZ").ok()?;
    let zone = crate::time::parse_zone(zone)?;
    let local = zone.from_utc_datetime(&naive);
    let single = zone
        .from_local_datetime(&local.naive_local())
        .single()
        .is_some();
    let format = if single {
        "%Y-%m-%dT%H:%M:%S"
    } else {
        "%Y-%m-%dT%H:%M:%S%:z"
    };
    Some(local.format(format).to_string())
}

/// `<cc>/_index.<lang>.md` or `<cc>/<section>/<slug>.<lang>.md` (CONTENT.md → Where files go).
pub fn page_path(code: &str, section: Option<Section>, slug: &str, lang: &str) -> String {
    match section {
        None => format!("{code}/_index.{lang}.md"),
        Some(s) => format!("{code}/{}/{slug}.{lang}.md", s.dir()),
    }
}

/// The opened files, checked with the published site.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The whole tree as loaded (stand-ins and opened files), reviewed as of the given day.
    pub site: Site,
    /// The opened files' problems, as `content-cli check` reports them (its order, at most
    /// [`limits::MAX_PROBLEMS_PER_FILE`] a file), then their warnings (pages due for review).
    pub problems: Vec<Diagnostic>,
}

/// Checks `opened` (paths relative to the content root) with the published site around
/// them; `media` lists the opened files that are not text (a country folder's `media/`).
/// `today` (`YYYY-MM-DD`) decides which pages are due for review.
pub fn check(
    published: &Published,
    opened: &[SourceFile],
    media: &BTreeSet<String>,
    today: &str,
) -> Checked {
    let paths: BTreeSet<&str> = opened.iter().map(|f| f.path.as_str()).collect();
    let mut files: Vec<SourceFile> = published
        .stand_ins
        .iter()
        .filter(|f| !paths.contains(f.path.as_str()))
        .cloned()
        .collect();
    files.extend(opened.iter().cloned());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let assets: BTreeSet<String> = published.assets.union(media).cloned().collect();
    let (mut site, problems) = site::load(&files, &assets);
    let mine = |d: &Diagnostic| paths.contains(d.file.as_str());
    let mut problems = limits::cap(problems.into_iter().filter(mine).collect());
    problems.extend(site.review(today).into_iter().filter(mine));
    Checked { site, problems }
}

/// What the voter app reads to show a page: the site index, the page's country manifest in
/// the page's language, and the page's body.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub index: SiteIndex,
    pub manifest: CountryManifest,
    pub entry: PageEntry,
    pub html: String,
}

/// The page in file `path` as voters would get it once published: the published manifest
/// with the page in its place (as the build places it), or, for a country or language not
/// yet published, the manifest the build would write. `None` while the page has problems
/// of its own (the checker renders only a page without them).
pub fn preview(published: &Published, checked: &Checked, path: &str) -> Option<Preview> {
    let (country, page) = checked
        .site
        .countries
        .iter()
        .find_map(|c| Some((c, c.pages.iter().find(|p| p.file == path)?)))?;
    let code = country.summary.code.as_str();
    let (section, lang) = (page.entry.section, page.entry.lang.as_str());
    let built = country.manifest(lang);
    // As the build writes it (a translation takes its original's weight), drafts included.
    let entry = built
        .as_ref()
        .and_then(|m| {
            std::iter::once(&m.hub)
                .chain(&m.pages)
                .find(|e| e.section == section && e.slug == page.entry.slug && e.lang == lang)
        })
        .cloned()
        .unwrap_or_else(|| page.entry.clone());
    let mut manifest = match published.manifest(code, lang) {
        Some(published) => {
            let mut manifest = published.clone();
            manifest.country = country.summary.clone();
            if section.is_none() {
                manifest.hub = entry.clone();
            } else {
                manifest
                    .pages
                    .retain(|e| !(e.section == section && e.slug == entry.slug));
                manifest.pages.push(entry.clone());
            }
            manifest
        }
        None => {
            let mut manifest = built?;
            if section.is_some() && !manifest.pages.contains(&entry) {
                manifest.pages.push(entry.clone());
            }
            manifest
        }
    };
    // The order `site::Country::manifest` gives.
    manifest
        .pages
        .sort_by(|a, b| (a.section, a.weight, &a.title).cmp(&(b.section, b.weight, &b.title)));
    Some(Preview {
        index: checked.site.index(),
        manifest,
        entry,
        html: page.html.clone(),
    })
}

/// Where an opened file belongs: its country, its kind (`None`: the country's hub), its
/// name and its language, which make its path. Editable in the editor; first guessed by
/// [`Placement::infer`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// A country code, or empty when unknown.
    pub country: String,
    pub section: Option<Section>,
    /// The page's name (`check-a-claim`); `_index` for a hub.
    pub slug: String,
    /// A language code, or empty when unknown.
    pub lang: String,
}

impl Placement {
    /// The file's path relative to the content root (what problems name).
    pub fn path(&self) -> String {
        let slug = if self.section.is_none() {
            "_index"
        } else {
            &self.slug
        };
        page_path(&self.country, self.section, slug, &self.lang)
    }

    /// A guess from the path a file was opened with (a folder's `…/content/ro/guides/x.en.md`,
    /// or a bare `x.en.md`) and its text: the folders name the country and the kind, the
    /// file name the page and its language; failing folders, the kind is guessed from the
    /// fields the front matter sets, and the country is left empty.
    pub fn infer(opened_as: &str, text: &str) -> Placement {
        let parts = content_relative(opened_as);
        let name = parts.last().copied().unwrap_or_default();
        let stem = name.strip_suffix(".md").unwrap_or(name);
        let (slug, lang) = match stem.rsplit_once('.') {
            Some((slug, lang)) if crate::lang::is_language_tag(lang) => (slug, lang),
            _ => (stem, ""),
        };
        let folders = &parts[..parts.len().saturating_sub(1)];
        let from_folder = folders.last().and_then(|f| Section::from_dir(f));
        let section = if slug == "_index" {
            None
        } else {
            Some(from_folder.unwrap_or_else(|| section_from_fields(text)))
        };
        let country_at = match (slug == "_index", from_folder) {
            (true, _) => folders.len().checked_sub(1),
            (false, Some(_)) => folders.len().checked_sub(2),
            (false, None) => None,
        };
        let country = country_at
            .and_then(|i| folders.get(i))
            .filter(|c| crate::manifest::CountryCode::parse(c).is_some())
            .map_or_else(String::new, |c| (*c).to_owned());
        let slug = if is_slug(slug) || slug == "_index" {
            slug.to_owned()
        } else {
            String::new()
        };
        Placement {
            country,
            section,
            slug,
            lang: lang.to_owned(),
        }
    }
}

/// The path's parts from the content root on: after the last `content` folder when there
/// is one; else from a country folder (`ro/…`) when it starts with one; else as given.
pub fn content_relative(opened_as: &str) -> Vec<&str> {
    let parts: Vec<&str> = opened_as
        .split(['/', '\\'])
        .filter(|p| !p.is_empty())
        .collect();
    match parts.iter().rposition(|p| *p == "content") {
        Some(i) => parts[i + 1..].to_vec(),
        None => parts,
    }
}

/// The kind whose own fields the front matter sets (see CONTENT.md); a guide when none.
fn section_from_fields(text: &str) -> Section {
    let front = text
        .strip_prefix("+++")
        .and_then(|rest| rest.split("\n+++").next())
        .unwrap_or_default();
    // The keys before the first table, and the tables' names (`[[events]]`).
    let mut keys: BTreeSet<&str> = BTreeSet::new();
    let mut in_table = false;
    for line in front.lines().map(str::trim) {
        if let Some(table) = line.strip_prefix('[') {
            in_table = true;
            keys.insert(table.trim_matches(['[', ']', ' ']));
        } else if let Some((key, _)) = line.split_once('=').filter(|_| !in_table) {
            keys.insert(key.trim());
        }
    }
    let has = |fields: &[&str]| fields.iter().any(|f| keys.contains(f));
    // `kind` names a partner's kind or a resource's.
    let kind = front
        .lines()
        .filter_map(|l| l.split_once('='))
        .find(|(k, _)| k.trim() == "kind")
        .map(|(_, v)| v.trim().trim_matches('"'));
    let partner_kind = kind.is_some_and(|k| PartnerKind::ALL.iter().any(|p| p.as_str() == k));
    if has(&["events", "status", "type", "rerun_of"]) {
        Section::Elections
    } else if has(&[
        "file",
        "external_url",
        "captions",
        "duration",
        "poster",
        "topics",
    ]) {
        Section::Videos
    } else if has(&["submit_claim_url", "languages"]) || partner_kind {
        Section::Partners
    } else if has(&["topic"]) {
        Section::Guides
    } else if has(&["purpose", "url", "kind"]) {
        Section::Resources
    } else {
        Section::Guides
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> SourceFile {
        SourceFile {
            path: path.to_owned(),
            text: text.to_owned(),
        }
    }

    /// A small country in two languages: a hub, an election (with a timed event), a partner,
    /// a guide linking to both and a video.
    fn tree() -> Vec<SourceFile> {
        let page = |title: &str, extra: &str, body: &str| {
            format!(
                "+++\ntitle = \"{title}\"\nreviewed = 2026-01-10\n{extra}\n[[sources]]\nid = \"bec\"\ntitle = \"Bureau\"\nurl = \"https://bec.example/\"\n+++\n\n{body}\n"
            )
        };
        let election = |title: &str, label: &str| {
            page(
                title,
                &format!(
                    "type = \"presidential\"\nstatus = \"upcoming\"\n\n[[events]]\nkind = \"registration_deadline\"\ndate = 2026-04-01\n\n[[events]]\nkind = \"voting_day\"\nlabel = \"{label}\"\nstart = 2026-05-04T07:00:00\nend = 2026-05-04T21:00:00\n"
                ),
                "Polls open at seven.[@bec]",
            )
        };
        let guide = |title: &str| {
            page(
                title,
                "topic = \"check_a_claim\"",
                "Ask [the partner](/ro/partners/factual) about the [election](/ro/elections/presidential-2026).",
            )
        };
        vec![
            file(
                "ro/country.toml",
                "default_language = \"ro\"\nlanguages = [\"ro\", \"en\"]\ntime_zone = \"Europe/Bucharest\"\n\n[names]\nro = \"România\"\nen = \"Romania\"\n",
            ),
            file("ro/_index.ro.md", &page("România", "", "Bun venit.")),
            file("ro/_index.en.md", &page("Romania", "", "Welcome.")),
            file(
                "ro/elections/presidential-2026.ro.md",
                &election("Alegeri", "Ziua votului"),
            ),
            file(
                "ro/elections/presidential-2026.en.md",
                &election("Election", "Voting day"),
            ),
            file(
                "ro/partners/factual.ro.md",
                &page(
                    "Factual",
                    "kind = \"fact_checker\"\nurl = \"https://factual.example/\"\nlanguages = [\"ro\"]",
                    "Checks claims.",
                ),
            ),
            file("ro/guides/check.ro.md", &guide("Verifică")),
            file("ro/guides/check.en.md", &guide("Check")),
            file(
                "ro/videos/spot.ro.md",
                &page(
                    "Spot",
                    "language = \"ro\"\nduration = \"1:30\"\npublished = 2026-01-01\nposter = \"media/spot.png\"\nfile = \"media/spot.webm\"\n\n[[captions]]\nlang = \"ro\"\nlabel = \"Română\"\nfile = \"media/spot.ro.vtt\"",
                    "A video.",
                ),
            ),
        ]
    }

    fn media() -> BTreeSet<String> {
        [
            "ro/media/spot.png",
            "ro/media/spot.webm",
            "ro/media/spot.ro.vtt",
        ]
        .map(str::to_owned)
        .into()
    }

    /// The site as the build would publish `files`.
    fn publish(files: &[SourceFile]) -> Published {
        crate::lang::set_test_languages();
        let (site, problems) = site::load(files, &media());
        assert_eq!(problems, [], "the tree is valid");
        let manifests = site
            .countries
            .iter()
            .flat_map(|c| {
                c.summary
                    .languages
                    .iter()
                    .filter_map(|l| c.manifest(l))
                    .collect::<Vec<_>>()
            })
            .collect();
        Published::new(site.index(), manifests)
    }

    const TODAY: &str = "2026-02-01";

    /// The problems the checker finds in `changed` when it reads the whole tree with it.
    fn whole_tree_problems(changed: &SourceFile) -> Vec<Diagnostic> {
        let mut files: Vec<SourceFile> = tree()
            .into_iter()
            .filter(|f| f.path != changed.path)
            .collect();
        files.push(changed.clone());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let (mut site, problems) = site::load(&files, &media());
        let mine = |d: &Diagnostic| d.file == changed.path;
        let mut problems = limits::cap(problems.into_iter().filter(mine).collect());
        problems.extend(site.review(TODAY).into_iter().filter(mine));
        problems
    }

    /// Problems as the editor can know them: a hint that points at a line of a published
    /// file (an original's event, for a translation) names its stand-in's line there.
    fn comparable(problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
        problems
            .into_iter()
            .map(|d| Diagnostic {
                hint: match d.hint.split_once(".md:") {
                    Some((before, _)) => format!("{before}.md:…"),
                    None => d.hint,
                },
                ..d
            })
            .collect()
    }

    fn with(path: &str, edit: impl Fn(&str) -> String) -> SourceFile {
        let original = tree().into_iter().find(|f| f.path == path).unwrap();
        file(path, &edit(&original.text))
    }

    #[test]
    fn an_opened_file_gets_the_problems_the_whole_tree_gives_it() {
        let published = publish(&tree());
        let cases = [
            // Unchanged pages of every kind: no problem.
            tree()[1].clone(),
            tree()[4].clone(),
            tree()[5].clone(),
            tree()[7].clone(),
            tree()[8].clone(),
            // A page's own rules.
            with("ro/guides/check.en.md", |t| {
                t.replace("reviewed = 2026-01-10", "reviewed = 2026-01-10T10:00:00")
                    .replace("topic = \"check_a_claim\"", "topic = \"check_a_clam\"")
            }),
            with("ro/guides/check.en.md", |t| {
                format!("{t}\n# Second title\n\n<b>bold</b> and [@nope]\n")
            }),
            // Across pages: links, partners, translations' events, the default language.
            with("ro/guides/check.en.md", |t| {
                t.replace("/ro/partners/factual", "/ro/partners/nobody")
                    .replace("/ro/elections/presidential-2026", "/fr/elections/x")
            }),
            with("ro/elections/presidential-2026.en.md", |t| {
                t.replace("2026-04-01", "2026-04-02")
            }),
            with("ro/elections/presidential-2026.en.md", |t| {
                t.replace("start = 2026-05-04T07:00:00", "start = 2026-05-04T08:00:00")
            }),
            file(
                "ro/guides/new.en.md",
                &tree()[7]
                    .text
                    .replace("(/ro/partners/factual)", "(/ro/guides/check)"),
            ),
            with("ro/videos/spot.ro.md", |t| {
                t.replace("media/spot.webm", "media/other.webm")
            }),
            file("ro/elections/bad name.en.md", "+++\n"),
            // Due for review (a warning), and an election past its date called upcoming.
            with("ro/guides/check.en.md", |t| {
                t.replace("reviewed = 2026-01-10", "reviewed = 2024-01-10")
            }),
        ];
        for case in cases {
            let checked = check(
                &published,
                std::slice::from_ref(&case),
                &BTreeSet::new(),
                TODAY,
            );
            assert_eq!(
                comparable(checked.problems),
                comparable(whole_tree_problems(&case)),
                "{}",
                case.path
            );
        }
        let messages = |case: &SourceFile| -> Vec<String> {
            check(
                &published,
                std::slice::from_ref(case),
                &BTreeSet::new(),
                TODAY,
            )
            .problems
            .into_iter()
            .map(|d| d.message)
            .collect()
        };
        // The cross-page cases do find something (not only agree on nothing).
        let translated = with("ro/elections/presidential-2026.en.md", |t| {
            t.replace("2026-04-01", "2026-04-02")
        });
        assert_eq!(
            messages(&translated).len(),
            1,
            "{:?}",
            messages(&translated)
        );
        let links = with("ro/guides/check.en.md", |t| {
            t.replace("/ro/partners/factual", "/ro/partners/nobody")
        });
        assert_eq!(messages(&links).len(), 1, "{:?}", messages(&links));
        assert_eq!(messages(&tree()[7]), Vec::<String>::new());
    }

    #[test]
    fn a_translation_of_an_unpublished_page_lacks_its_original() {
        let published = publish(&tree());
        let orphan = file("ro/guides/orphan.en.md", &tree()[7].text);
        let checked = check(
            &published,
            std::slice::from_ref(&orphan),
            &BTreeSet::new(),
            TODAY,
        );
        assert_eq!(checked.problems, whole_tree_problems(&orphan));
        assert_eq!(checked.problems.len(), 1);
        // Opened together with it, the original is there.
        let original = file("ro/guides/orphan.ro.md", &tree()[6].text);
        let checked = check(&published, &[orphan, original], &BTreeSet::new(), TODAY);
        assert_eq!(checked.problems, []);
    }

    #[test]
    fn opened_media_count_as_files() {
        let published = publish(&tree());
        let video = with("ro/videos/spot.ro.md", |t| {
            t.replace("media/spot.png", "media/new.png")
        });
        let checked = check(
            &published,
            std::slice::from_ref(&video),
            &BTreeSet::new(),
            TODAY,
        );
        assert_eq!(checked.problems.len(), 1);
        let media = BTreeSet::from(["ro/media/new.png".to_owned()]);
        assert_eq!(check(&published, &[video], &media, TODAY).problems, []);
    }

    #[test]
    fn stand_ins_keep_what_other_pages_are_checked_against() {
        let published = publish(&tree());
        let checked = check(&published, &[], &BTreeSet::new(), TODAY);
        let loaded = checked.site.countries[0]
            .pages
            .iter()
            .find(|p| p.file == "ro/elections/presidential-2026.ro.md")
            .expect("the election's stand-in loads");
        let original = published.manifest("ro", "ro").unwrap();
        let election = original
            .pages
            .iter()
            .find(|p| p.slug == "presidential-2026")
            .and_then(|p| p.election.clone())
            .unwrap();
        assert_eq!(
            loaded.entry.election.as_ref().unwrap().events,
            election.events
        );
        // Times as the zone's wall clock and offset, also in the hour repeated in autumn.
        assert_eq!(
            zoned("2026-05-04T04:00:00Z", "Europe/Bucharest").as_deref(),
            Some("2026-05-04T07:00:00")
        );
        assert_eq!(
            zoned("2024-10-27T01:30:00Z", "Europe/Bucharest").as_deref(),
            Some("2024-10-27T03:30:00+02:00")
        );
        // A name with a quote and a backslash survives the country's stand-in.
        assert_eq!(quote("a\"b\\c\n"), "\"a\\\"b\\\\c\\u000A\"");
    }

    #[test]
    fn the_preview_is_the_published_manifest_with_the_page_in_its_place() {
        let published = publish(&tree());
        let edited = with("ro/guides/check.en.md", |t| {
            t.replace("title = \"Check\"", "title = \"Checked again\"")
        });
        let checked = check(
            &published,
            std::slice::from_ref(&edited),
            &BTreeSet::new(),
            TODAY,
        );
        let preview = preview(&published, &checked, &edited.path).unwrap();
        assert_eq!(preview.entry.title, "Checked again");
        assert!(preview.html.contains("the partner"));
        let mut expected = published.manifest("ro", "en").unwrap().clone();
        let at = expected
            .pages
            .iter()
            .position(|p| p.slug == "check")
            .unwrap();
        expected.pages[at] = preview.entry.clone();
        assert_eq!(preview.manifest, expected);
        assert_eq!(preview.index, published.index);
        // Unchanged, the published manifest itself.
        let same = tree()[7].clone();
        let checked = check(
            &published,
            std::slice::from_ref(&same),
            &BTreeSet::new(),
            TODAY,
        );
        let preview = super::preview(&published, &checked, &same.path).unwrap();
        assert_eq!(&preview.manifest, published.manifest("ro", "en").unwrap());
        // A page with problems of its own has no preview.
        let broken = with("ro/guides/check.en.md", |t| t.replace("title", "titel"));
        let checked = check(
            &published,
            std::slice::from_ref(&broken),
            &BTreeSet::new(),
            TODAY,
        );
        assert_eq!(super::preview(&published, &checked, &broken.path), None);
    }

    #[test]
    fn a_page_of_a_new_country_previews_from_its_opened_folder() {
        crate::lang::set_test_languages();
        let published = Published::empty();
        let files = tree();
        let checked = check(&published, &files, &media(), TODAY);
        assert_eq!(checked.problems, []);
        let preview = preview(&published, &checked, "ro/guides/check.en.md").unwrap();
        assert_eq!(preview.manifest.lang, "en");
        assert_eq!(preview.index.countries.len(), 1);
    }

    #[test]
    fn placements_are_guessed_from_folders_names_and_fields() {
        let guess = |path: &str, text: &str| {
            let p = Placement::infer(path, text);
            let path = p.path();
            (p.country, p.section.map(Section::dir), p.slug, p.lang, path)
        };
        let s = |v: &str| v.to_owned();
        assert_eq!(
            guess("repo/content/ro/guides/check-a-claim.en.md", ""),
            (
                s("ro"),
                Some("guides"),
                s("check-a-claim"),
                s("en"),
                s("ro/guides/check-a-claim.en.md")
            )
        );
        assert_eq!(
            guess("ro/_index.hu.md", ""),
            (s("ro"), None, s("_index"), s("hu"), s("ro/_index.hu.md"))
        );
        assert_eq!(
            guess(
                "afp.fr.md",
                "+++\ntitle = \"AFP\"\nsubmit_claim_url = \"x\"\n+++\n"
            ),
            (
                s(""),
                Some("partners"),
                s("afp"),
                s("fr"),
                s("/partners/afp.fr.md")
            )
        );
        assert_eq!(
            guess("x.md", "+++\n[[events]]\nkind = \"voting_day\"\n+++\n").1,
            Some("elections")
        );
        assert_eq!(guess("Notes.md", "").2, "");
        // A source's url is no resource's.
        let guide = "+++\ntitle = \"x\"\ntopic = \"other\"\n[[sources]]\nurl = \"https://a.example/\"\n+++\n";
        assert_eq!(guess("x.en.md", guide).1, Some("guides"));
        let resource = "+++\nkind = \"court\"\nurl = \"https://a.example/\"\n+++\n";
        assert_eq!(guess("x.en.md", resource).1, Some("resources"));
        let partner = "+++\nkind = \"fact_checker\"\nurl = \"https://a.example/\"\n+++\n";
        assert_eq!(guess("x.en.md", partner).1, Some("partners"));
        assert_eq!(guess("C:\\work\\content\\fr\\videos\\a.fr.md", "").0, "fr");
    }
}
