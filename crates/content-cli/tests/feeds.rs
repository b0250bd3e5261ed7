//! The open feeds (FEEDS.md) as the build writes them, from the shipped content and the
//! valid fixture: the committed JSON Schemas equal the ones generated from the types, every
//! JSON file validates against its schema, every Atom feed has what RFC 4287 requires, the
//! calendars keep RFC 5545's rules and the per-event files' UIDs, and the change log follows
//! one build to the next.
//!
//! `BLESS=1 cargo test -p content-cli --test feeds` rewrites `schema/` after an intended
//! change of the types; review the diff (and FEEDS.md → Versioning) before committing it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use content::changes::{Aspect, ChangeKind, ChangeLog};
use content::{feeds, CountryManifest, SiteIndex};
use content_cli::{build_with, check, read_tree, schema_files, Publish, Tree};
use serde_json::Value;

mod feed_checks;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn shipped() -> PathBuf {
    root().join("content")
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid")
}

/// A fresh, empty folder for one test's output.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("content-cli-feeds-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

const SITE: &str = "https://elections.example.org/sub/";

fn publish(date: &str, previous: Option<&Path>) -> Publish {
    Publish::new(Some(SITE), date, previous.map(Path::to_owned)).unwrap()
}

/// Builds `tree` (read from `source`) into `out`; the notes it returns.
fn build_tree(tree: &Tree, source: &Path, out: &Path, publish: &Publish) -> Vec<String> {
    let site = check(tree).unwrap_or_else(|p| panic!("{}", content_cli::report(source, &p)));
    build_with(&site, source, out, publish).unwrap()
}

/// Builds the content in `source` into `out` as a first publication after an empty one,
/// so that every change log lists every page as added.
fn build_dir(source: &Path, out: &Path) {
    content::lang::set_test_languages();
    let empty = out.with_extension("empty");
    fs::create_dir_all(&empty).unwrap();
    let notes = build_tree(
        &read_tree(source).unwrap(),
        source,
        out,
        &publish("2026-01-10", Some(&empty)),
    );
    assert_eq!(notes, Vec::<String>::new());
    fs::remove_dir_all(empty).unwrap();
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Each country's manifests as the build wrote them: `(code, lang, manifest)`.
fn manifests(out: &Path) -> Vec<(String, String, CountryManifest)> {
    let index: SiteIndex = json(&out.join("index.json"));
    let mut all = Vec::new();
    for country in &index.countries {
        for lang in &country.languages {
            let manifest = json(&out.join(format!("{}/{lang}.json", country.code)));
            all.push((country.code.to_string(), lang.clone(), manifest));
        }
    }
    all
}

#[test]
fn committed_schemas_are_the_ones_the_types_give() {
    let dir = root().join("schema");
    let generated = schema_files();
    if std::env::var_os("BLESS").is_some() {
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        for (name, text) in &generated {
            fs::write(dir.join(name), text).unwrap();
        }
        return;
    }
    let committed: BTreeSet<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let names: BTreeSet<String> = generated.iter().map(|(n, _)| (*n).to_owned()).collect();
    assert_eq!(
        committed, names,
        "schema/ holds other files than the types give"
    );
    for (name, text) in &generated {
        assert!(
            read(&dir.join(name)) == *text,
            "schema/{name} differs from the types in crates/content (manifest.rs, changes.rs): \
             rewrite it with `BLESS=1 cargo test -p content-cli --test feeds` and check the \
             diff; a breaking change bumps SCHEMA_VERSION (FEEDS.md → Versioning)"
        );
    }
}

/// Every JSON file of both builds validates against the schema published beside it, formats
/// (dates, addresses) included.
#[test]
fn every_published_json_file_validates_against_its_schema() {
    for (name, source) in [("shipped", shipped()), ("fixture", fixture())] {
        let out = scratch(&format!("schema-{name}"));
        build_dir(&source, &out);
        let validator = |schema: &str| {
            let schema: Value = json(&out.join(schema));
            jsonschema::options()
                .should_validate_formats(true)
                .build(&schema)
                .unwrap_or_else(|e| panic!("{schema}: {e}"))
        };
        let (index, manifest, changes) = (
            validator(feeds::INDEX_SCHEMA),
            validator(feeds::MANIFEST_SCHEMA),
            validator(feeds::CHANGES_SCHEMA),
        );
        let mut checked = 0;
        let mut validate = |validator: &jsonschema::Validator, path: PathBuf| {
            let value: Value = json(&path);
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            assert!(
                errors.is_empty(),
                "{}:\n{}",
                path.display(),
                errors.join("\n")
            );
            checked += 1;
        };
        validate(&index, out.join("index.json"));
        for (code, lang, m) in manifests(&out) {
            validate(&manifest, out.join(format!("{code}/{lang}.json")));
            let log = out.join(feeds::changes(&code, &lang));
            validate(&changes, log.clone());
            let log: ChangeLog = json(&log);
            assert_eq!(log.entries.len(), m.pages.len() + 1, "{code}/{lang}");
        }
        assert!(checked >= 5, "{name}: {checked} files");
        // A manifest of another schema version, or of the wrong shape, does not validate.
        let (_, _, mut wrong) = manifests(&out).remove(0);
        wrong.schema += 1;
        assert!(!manifest.is_valid(&serde_json::to_value(&wrong).unwrap()));
        let mut value: Value = serde_json::to_value(&manifests(&out)[0].2).unwrap();
        value["hub"]["reviewed"] = "25 May".into();
        assert!(!manifest.is_valid(&value));
        fs::remove_dir_all(out).unwrap();
    }
}

/// Each feed has RFC 4287's required elements, an entry per page at the page's address,
/// newest first, in the page's language, and the feed links back to the hub.
#[test]
fn each_atom_feed_has_what_rfc_4287_requires() {
    for (name, source) in [("shipped", shipped()), ("fixture", fixture())] {
        let out = scratch(&format!("atom-{name}"));
        build_dir(&source, &out);
        for (code, lang, manifest) in manifests(&out) {
            let path = feeds::feed(&code, &lang);
            let feed = feed_checks::atom(&read(&out.join(&path)))
                .unwrap_or_else(|e| panic!("{path}: {e}"));
            assert_eq!(feed.self_link, format!("{SITE}content/{path}"));
            assert_eq!(feed.alternate, format!("{SITE}{lang}/{code}"));
            assert_eq!(feed.lang, lang);
            assert_eq!(feed.title, manifest.hub.title);
            let pages: Vec<&content::PageEntry> = std::iter::once(&manifest.hub)
                .chain(&manifest.pages)
                .collect();
            assert_eq!(feed.entries.len(), pages.len(), "{path}");
            for page in pages {
                let address = match page.section {
                    None => format!("{SITE}{lang}/{code}"),
                    Some(s) => format!("{SITE}{lang}/{code}/{}/{}", s.dir(), page.slug),
                };
                let entry = feed
                    .entries
                    .iter()
                    .find(|e| e.id == address)
                    .unwrap_or_else(|| panic!("{path}: no entry for {address}"));
                assert_eq!(entry.link, address);
                assert_eq!(entry.title, page.title);
                assert_eq!(entry.lang, page.lang);
                assert_eq!(entry.summary, page.summary);
                // Each page was published (added) by this build: its date is the later of
                // that day and its review date.
                let day = page.reviewed.as_str().max("2026-01-10");
                assert_eq!(entry.updated, format!("{day}T00:00:00Z"));
                assert!(entry
                    .categories
                    .contains(&(content::atom::CHANGE_SCHEME.into(), "added".into())));
            }
            assert!(
                feed.entries
                    .windows(2)
                    .all(|w| w[0].updated >= w[1].updated),
                "{path}: not newest first"
            );
            assert_eq!(feed.updated, feed.entries[0].updated);
        }
        fs::remove_dir_all(out).unwrap();
    }
}

/// Every election's calendar holds each of its dates exactly as its own file does (same
/// UID, so calendars de-duplicate), and each country's calendar every election's.
#[test]
fn calendars_hold_every_date_with_the_uids_of_their_own_files() {
    for (name, source) in [("shipped", shipped()), ("fixture", fixture())] {
        let out = scratch(&format!("ics-{name}"));
        build_dir(&source, &out);
        let mut elections = 0;
        for (code, lang, manifest) in manifests(&out) {
            let country = read(&out.join(feeds::calendar(&code, &lang)));
            let country = feed_checks::calendar(&country).unwrap();
            let unfolded = read(&out.join(feeds::calendar(&code, &lang))).replace("\r\n ", "");
            assert!(
                unfolded.contains(&format!("\r\nNAME:{}\r\n", manifest.hub.title)),
                "{code}/{lang}"
            );
            let mut expected = Vec::new();
            for page in &manifest.pages {
                let Some(election) = &page.election else {
                    continue;
                };
                elections += 1;
                let path = feeds::election_calendar(&code, &page.lang, &page.slug);
                let whole = feed_checks::calendar(&read(&out.join(&path)))
                    .unwrap_or_else(|e| panic!("{path}: {e}"));
                assert_eq!(whole.len(), election.events.len(), "{path}");
                for (n, event) in whole.iter().enumerate() {
                    let own = feeds::event_calendar(&code, &page.lang, &page.slug, n);
                    let own = feed_checks::calendar(&read(&out.join(&own))).unwrap();
                    assert_eq!(own, std::slice::from_ref(event), "{path} event {n}");
                    assert_eq!(
                        event.uid,
                        content::ics::event_uid(&code, &page.slug, &election.events, n)
                    );
                }
                expected.extend(whole);
            }
            assert_eq!(country, expected, "{code}/{lang}");
            let uids: BTreeSet<&String> = country.iter().map(|e| &e.uid).collect();
            assert_eq!(uids.len(), country.len(), "{code}/{lang}: a UID twice");
        }
        assert!(elections >= 2, "{name}: {elections} elections");
        fs::remove_dir_all(out).unwrap();
    }
}

/// The valid fixture's tree with `change` applied to the text of the file at `path`.
fn edit(tree: &mut Tree, path: &str, change: impl FnOnce(&str) -> String) {
    let file = tree
        .files
        .iter_mut()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no {path} in the fixture"));
    let changed = change(&file.text);
    assert_ne!(changed, file.text, "{path}: the edit changed nothing");
    file.text = changed;
}

fn replace(from: &str, to: &str) -> impl FnOnce(&str) -> String {
    let (from, to) = (from.to_owned(), to.to_owned());
    move |text| text.replacen(&from, &to, 1)
}

/// Two builds of the fixture, the second after edits, each with the one before as
/// `--previous`: the second's change logs say what changed, carry the first's entries, and
/// its feed dates and marks the changed pages; a third build with nothing new keeps them.
#[test]
fn the_change_log_follows_one_build_to_the_next() {
    content::lang::set_test_languages();
    let source = fixture();
    let first = scratch("first");
    let second = scratch("second");
    let third = scratch("third");
    let before = read_tree(&source).unwrap();
    // An empty previous folder: a first publication, every page added.
    let empty = scratch("none");
    build_tree(
        &before,
        &source,
        &first,
        &publish("2026-01-10", Some(&empty)),
    );

    let mut after = read_tree(&source).unwrap();
    let election = "aa/elections/general-2025.en.md";
    let guide = "aa/guides/check-a-claim.en.md";
    // The second round an hour later, in both languages (translations keep equal dates).
    for path in [election, "aa/elections/general-2025.fr.md"] {
        edit(
            &mut after,
            path,
            replace("start = 2025-05-18T07:00:00", "start = 2025-05-18T08:00:00"),
        );
    }
    let reviewed = |text: &str| {
        let line = text.lines().find(|l| l.starts_with("reviewed = ")).unwrap();
        line.to_owned()
    };
    let guide_text = read(&source.join(guide));
    edit(&mut after, guide, |text| {
        let text = text.replacen(&reviewed(&guide_text), "reviewed = 2026-01-30", 1);
        // A word added to the body's last paragraph.
        format!("{}\n\nAsk a fact-checker.\n", text.trim_end())
    });
    after
        .files
        .retain(|f| f.path != "aa/resources/commission.en.md");
    let notes = build_tree(
        &after,
        &source,
        &second,
        &publish("2026-02-01", Some(&first)),
    );
    assert_eq!(notes, Vec::<String>::new());

    let log: ChangeLog = json(&second.join(feeds::changes("aa", "en")));
    let new: Vec<(ChangeKind, &str, &[Aspect])> = log
        .entries
        .iter()
        .filter(|c| c.date == "2026-02-01")
        .map(|c| (c.kind, c.slug.as_str(), c.changed.as_slice()))
        .collect();
    assert_eq!(
        new,
        [
            (ChangeKind::Updated, "general-2025", &[Aspect::Events][..]),
            (
                ChangeKind::Updated,
                "check-a-claim",
                &[Aspect::Reviewed, Aspect::Body][..]
            ),
            (ChangeKind::Removed, "commission", &[][..]),
        ]
    );
    let first_log: ChangeLog = json(&first.join(feeds::changes("aa", "en")));
    assert_eq!(log.entries[new.len()..], first_log.entries[..]);
    assert!(log.entries.iter().all(|c| c.date <= log.entries[0].date));

    // The French manifest shows the English guide, and its own election page.
    let fr: ChangeLog = json(&second.join(feeds::changes("aa", "fr")));
    let new_fr: Vec<(&str, &str, ChangeKind)> = fr
        .entries
        .iter()
        .filter(|c| c.date == "2026-02-01")
        .map(|c| (c.slug.as_str(), c.lang.as_str(), c.kind))
        .collect();
    assert_eq!(
        new_fr,
        [
            ("general-2025", "fr", ChangeKind::Updated),
            ("check-a-claim", "en", ChangeKind::Updated),
            ("commission", "en", ChangeKind::Removed),
        ]
    );

    let feed = feed_checks::atom(&read(&second.join(feeds::feed("aa", "en")))).unwrap();
    let top = &feed.entries[0];
    assert!(top.id.ends_with("/en/aa/elections/general-2025"), "{top:?}");
    assert_eq!(top.updated, "2026-02-01T00:00:00Z");
    let terms: Vec<&str> = top.categories.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(terms, ["elections", "updated", "events"]);
    assert!(!feed.entries.iter().any(|e| e.id.ends_with("/commission")));

    // Nothing new: the logs are carried over as they were.
    build_tree(
        &after,
        &source,
        &third,
        &publish("2026-03-01", Some(&second)),
    );
    for lang in ["en", "fr"] {
        assert_eq!(
            read(&third.join(feeds::changes("aa", lang))),
            read(&second.join(feeds::changes("aa", lang))),
            "{lang}"
        );
    }

    // A damaged previous log is left out with a note, not a failed build.
    fs::write(second.join(feeds::changes("aa", "en")), "{").unwrap();
    let notes = build_tree(
        &after,
        &source,
        &third,
        &publish("2026-03-01", Some(&second)),
    );
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].contains("changes.json"), "{notes:?}");
    let log: ChangeLog = json(&third.join(feeds::changes("aa", "en")));
    assert_eq!(log.entries, []);

    for dir in [first, second, third, empty] {
        fs::remove_dir_all(dir).unwrap();
    }
}

/// Without a previous build (a trial build, or the very first) the change logs are empty
/// and the feeds carry only the review dates; files of every kind are written.
#[test]
fn a_first_build_starts_empty_logs() {
    content::lang::set_test_languages();
    let source = fixture();
    let out = scratch("alone");
    build_tree(
        &read_tree(&source).unwrap(),
        &source,
        &out,
        &publish("2026-01-10", None),
    );
    let log: ChangeLog = json(&out.join(feeds::changes("aa", "en")));
    assert_eq!(log.entries, []);
    let feed = feed_checks::atom(&read(&out.join(feeds::feed("aa", "en")))).unwrap();
    assert!(feed.entries.iter().all(|e| e
        .categories
        .iter()
        .all(|(s, _)| s != content::atom::CHANGE_SCHEME)));
    let names: BTreeMap<String, bool> = [
        feeds::INDEX_SCHEMA,
        feeds::MANIFEST_SCHEMA,
        feeds::CHANGES_SCHEMA,
    ]
    .iter()
    .map(|n| ((*n).to_owned(), out.join(n).is_file()))
    .collect();
    assert!(names.values().all(|&there| there), "{names:?}");
    fs::remove_dir_all(out).unwrap();
}
