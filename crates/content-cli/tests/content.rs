//! The content pipeline against real files: a valid fixture country whose build output must
//! match a golden copy, one invalid fixture per validation rule with the exact problems
//! expected, and the content that ships.
//!
//! `BLESS=1 cargo test -p content-cli` rewrites the golden files and `expected.txt`s after
//! an intended change; review the diff before committing it.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use content_cli::{build, check, read_tree, Tree};

mod expected;
mod rust_source;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn bless() -> bool {
    std::env::var_os("BLESS").is_some()
}

/// Every file under `dir`, by relative path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let tree = read_tree(dir).unwrap();
    let mut all: BTreeMap<String, Vec<u8>> = tree
        .files
        .into_iter()
        .map(|f| (f.path, f.text.into_bytes()))
        .collect();
    for asset in tree.assets {
        all.insert(asset.clone(), fs::read(dir.join(&asset)).unwrap());
    }
    all
}

#[test]
fn valid_fixture_builds_to_the_golden_manifests() {
    content::lang::set_test_languages();
    let source = fixtures().join("valid");
    let site = check(&read_tree(&source).unwrap())
        .unwrap_or_else(|p| panic!("the valid fixture has problems: {p:#?}"));
    let out = std::env::temp_dir().join(format!("content-cli-golden-{}", std::process::id()));
    let _ = fs::remove_dir_all(&out);
    build(&site, &source, &out).unwrap();
    let golden = fixtures().join("valid.golden");
    if bless() {
        let _ = fs::remove_dir_all(&golden);
        fs::rename(&out, &golden)
            .or_else(|_| content_cli::copy_dir(&out, &golden))
            .unwrap();
        return;
    }
    let (got, want) = (files(&out), files(&golden));
    fs::remove_dir_all(&out).unwrap();
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>(),
        "the build wrote other files than the golden copy"
    );
    for (path, data) in &got {
        assert_eq!(
            String::from_utf8_lossy(data),
            String::from_utf8_lossy(&want[path]),
            "{path} differs from the golden copy"
        );
    }
}

#[test]
fn each_invalid_fixture_reports_its_problem_with_file_and_line() {
    content::lang::set_test_languages();
    let base = read_tree(&fixtures().join("valid")).unwrap();
    expected::each_case_reports_as_expected(&fixtures().join("invalid"), 40, |case| {
        let overlay = read_tree(case).unwrap();
        let mut tree = Tree {
            files: base.files.clone(),
            assets: base.assets.clone(),
            problems: overlay.problems,
        };
        for file in overlay.files {
            tree.files.retain(|f| f.path != file.path);
            tree.files.push(file);
        }
        tree.assets.extend(
            overlay
                .assets
                .into_iter()
                .filter(|a| a != "expected.txt" && a != "grow.txt"),
        );
        grow(case, &mut tree);
        match check(&tree) {
            Ok(_) => "(no problems)\n".to_owned(),
            Err(problems) => problems.iter().map(|p| format!("{p}\n")).collect(),
        }
    });
}

/// A fixture's `grow.txt` makes files larger than is worth keeping in the repository: each
/// line `<path> <bytes>` pads that file with lines of text to at least that many bytes.
fn grow(case: &Path, tree: &mut Tree) {
    let Ok(lines) = fs::read_to_string(case.join("grow.txt")) else {
        return;
    };
    for line in lines.lines().filter(|l| !l.trim().is_empty()) {
        let (path, bytes) = line.split_once(' ').expect("<path> <bytes>");
        let bytes: usize = bytes.trim().parse().expect("a number of bytes");
        let file = tree
            .files
            .iter_mut()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("grow.txt names {path}, which the fixture lacks"));
        let filler = "A line of text that makes the page larger than any page should be.\n";
        let missing = bytes.saturating_sub(file.text.len());
        file.text
            .push_str(&filler.repeat(missing.div_ceil(filler.len())));
    }
}

#[test]
fn shipped_content_passes_the_check() {
    content::lang::set_test_languages();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    if let Err(problems) = check(&read_tree(&dir).unwrap()) {
        panic!("{}", content_cli::report(&dir, &problems));
    }
    // `aa`, a code ISO keeps for private use, is the checker's to accept only as the test
    // country's (`content::country_code`).
    assert!(
        !dir.join("aa").exists(),
        "content/aa/ is the test country's code"
    );
}

/// Every route of the shipped and the fixture sites, as the pre-renderer lists them, comes
/// back from its address and from its href (`content::route` is the one owner of both).
#[test]
fn every_built_route_round_trips_through_its_address() {
    content::lang::set_test_languages();
    use content::route::{site_routes, Route};
    for dir in [
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content"),
        fixtures().join("valid"),
    ] {
        let site = check(&read_tree(&dir).unwrap()).unwrap();
        let routes = site_routes(&site.index(), |summary, lang| {
            site.countries
                .iter()
                .find(|c| c.summary.code == summary.code)
                .and_then(|c| c.manifest(lang))
                .ok_or(())
        })
        .unwrap();
        assert!(
            routes.len() > 40,
            "{}: {} routes",
            dir.display(),
            routes.len()
        );
        for route in &routes {
            assert_eq!(Route::parse(&route.path()).as_ref(), Some(route));
            let href = route.href();
            let from_base = format!("/{}", href.trim_start_matches("./"));
            assert_eq!(Route::parse(&from_base).as_ref(), Some(route), "{href}");
        }
        let mut unique = routes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), routes.len(), "a route is listed twice");
    }
}

/// The interface translations are complete, and the English keys are exactly the ones the
/// app uses: a key nobody looks up, or a lookup of a key that does not exist, fails here.
#[test]
fn translations_are_complete_and_every_key_is_used() {
    content::lang::set_test_languages();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let catalog = content_cli::check_i18n(&root.join("i18n"))
        .unwrap()
        .unwrap_or_else(|p| panic!("{}", content_cli::report(&root.join("i18n"), &p)));
    let mut keys: std::collections::BTreeSet<String> = catalog["en"]
        .texts
        .keys()
        .map(|k| match k.rsplit_once('.') {
            Some((base, "zero" | "one" | "two" | "few" | "many" | "other")) => base.to_owned(),
            _ => k.clone(),
        })
        .collect();
    let mut literals: Vec<String> = rust_source::rust_files("src")
        .into_iter()
        .flat_map(|file| file.lexed.literals)
        .map(|literal| literal.value)
        .collect();
    // The build writes the site's name and footer into every language from its identity
    // (site.toml), and makes that footer of translated texts.
    let identity = content::identity::KEYS;
    keys.extend([identity.name, identity.footer_html].map(str::to_owned));
    literals.extend(identity.folded.map(str::to_owned));
    // The search script reads its texts from the same files (`i18n/<lang>.json`): its
    // quoted strings count as lookups too.
    let script = std::fs::read_to_string(root.join("scripts/search/ui.js")).unwrap();
    // (Apostrophes in its comments pair up quotes wrongly, so every piece between two
    // quotes is taken: only real keys have a key's shape.)
    literals.extend(script.split('\'').skip(1).map(str::to_owned));
    // A literal prefix (`"language."`) looks up every key under it, by a code from data.
    let prefixes: Vec<&String> = literals
        .iter()
        .filter(|s| {
            s.strip_suffix('.').is_some_and(|p| {
                !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
            })
        })
        .collect();
    let keys: std::collections::BTreeSet<String> = keys
        .into_iter()
        .filter(|k| !prefixes.iter().any(|p| k.starts_with(p.as_str())))
        .collect();
    let literals = literals.into_iter();
    // Every string literal shaped like a key (`"section.word"`) is a lookup.
    let used: std::collections::BTreeSet<String> = literals
        .filter(|s| {
            s.contains('.')
                && s.split('.').all(|part| {
                    !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                })
        })
        .filter(|s| !s.ends_with(".rs") && !s.ends_with(".json"))
        .collect();
    let unused: Vec<&String> = keys.difference(&used).collect();
    let unknown: Vec<&String> = used.difference(&keys).collect();
    assert!(
        unused.is_empty(),
        "keys in i18n/en.toml that the app never uses: {unused:?}"
    );
    assert!(
        unknown.is_empty(),
        "keys the app uses that i18n/en.toml lacks: {unknown:?}"
    );
}

/// The lexer the key scan and the tidy tests share: literals read as Rust reads them, and
/// code without comments or the insides of literals, at the same offsets.
#[test]
fn the_key_scan_reads_string_literals_as_rust_does() {
    content::lang::set_test_languages();
    let source = r##"
        // "not.this" in a comment
        let a = t("site.name"); let q = '"'; let b = "say \"hi\" to.me";
        let raw = r#"{"type":"x"}"#; let c = tn("video.count", 2); for r in x {}
        /* std::fs /* nested */ "not.this" */ fn f<'a>(s: &'a str) -> char { '\'' }
        let bytes = br"a\"; let é = b"std::env";
    "##;
    let lexed = rust_source::lex(source);
    let values: Vec<&str> = lexed.literals.iter().map(|l| l.value.as_str()).collect();
    assert_eq!(
        values,
        [
            "site.name",
            "say hi to.me",
            r#"{"type":"x"}"#,
            "video.count",
            r"a\",
            "std::env"
        ]
    );
    assert_eq!(lexed.code.len(), source.len());
    assert_eq!(lexed.code.lines().count(), source.lines().count());
    for gone in ["not.this", "std::", "nested", "hi", "type"] {
        assert!(!lexed.code.contains(gone), "{gone} in {}", lexed.code);
    }
    for kept in [
        "let a = t(\"",
        "fn f<'a>(s: &'a str)",
        "for r in x {}",
        "let é = b\"",
    ] {
        assert!(lexed.code.contains(kept), "{kept} not in {}", lexed.code);
    }
}

/// Pages due for review are marked for voters and warned about, at their `reviewed` line:
/// by age (the country's `review_every_days`, 365 by default), and when reviewed before a
/// passed date of an election their page still calls upcoming.
#[test]
fn pages_due_for_review_are_marked_stale_and_warned() {
    content::lang::set_test_languages();
    let tree = read_tree(&fixtures().join("valid")).unwrap();
    let stale = |site: &content::site::Site| -> Vec<String> {
        let mut pages: Vec<String> = site
            .countries
            .iter()
            .flat_map(|c| &c.pages)
            .filter(|p| p.entry.stale)
            .map(|p| p.file.clone())
            .collect();
        pages.sort();
        pages
    };

    // Reviewed on 2025-01-15: current for 365 days.
    let mut site = check(&tree).unwrap();
    assert!(site.review("2026-01-15").is_empty());
    assert!(stale(&site).is_empty());
    let warnings = site.review("2026-01-16");
    assert_eq!(warnings.len(), stale(&site).len());
    assert_eq!(
        warnings.len(),
        tree.files.len() - 1,
        "every page but country.toml"
    );
    assert_eq!(
        warnings[0].to_string(),
        format!(
            "{}:4:12: warning: this page was last reviewed on 2025-01-15, more than 365 days ago\n  \
             = help: check it against its sources and set `reviewed` to the date you did; \
             `review_every_days` in content/aa/country.toml sets how often (now 365)",
            warnings[0].file
        )
    );
    let manifest = site.countries[0].manifest("en").unwrap();
    assert!(manifest.hub.stale && manifest.pages.iter().all(|p| p.stale));
    assert!(serde_json::to_string(&manifest)
        .unwrap()
        .contains("\"stale\":true"));

    // A country that reviews twice a year.
    let mut tree = read_tree(&fixtures().join("valid")).unwrap();
    let edit = |tree: &mut Tree, path: &str, from: &str, to: &str| {
        let file = tree.files.iter_mut().find(|f| f.path == path).unwrap();
        assert!(file.text.contains(from), "{path}");
        file.text = file.text.replace(from, to);
    };
    edit(
        &mut tree,
        "aa/country.toml",
        "time_zone",
        "review_every_days = 180\ntime_zone",
    );
    let mut site = check(&tree).unwrap();
    assert!(site.review("2025-07-14").is_empty());
    assert_eq!(site.review("2025-07-15").len(), tree.files.len() - 1);

    // The 2025 election still called upcoming after its first round (4 May 2025): its pages,
    // reviewed before, and the hubs in their languages are due; a page reviewed after is not.
    edit(
        &mut tree,
        "aa/elections/general-2025.en.md",
        "status = \"rerun\"\nrerun_of = \"general-2024\"",
        "status = \"upcoming\"",
    );
    edit(
        &mut tree,
        "aa/elections/general-2025.fr.md",
        "reviewed = 2025-01-15",
        "reviewed = 2025-05-05",
    );
    let mut site = check(&tree).unwrap();
    assert!(site.review("2025-05-04").is_empty());
    let warnings = site.review("2025-05-05");
    assert_eq!(
        stale(&site),
        ["aa/_index.en.md", "aa/elections/general-2025.en.md"]
    );
    assert!(
        warnings[0].message.ends_with(
            "reviewed before 2025-05-04, a date of an election its page still calls upcoming"
        ),
        "{}",
        warnings[0]
    );
}

/// An election and a referendum held on the same day are two election pages, each with its
/// own events (CONTENT.md → An election and a referendum on the same day): the checker
/// accepts the shared date, and each event keeps its own calendar entry.
#[test]
fn an_election_and_a_referendum_on_the_same_day_are_two_pages() {
    content::lang::set_test_languages();
    let mut tree = read_tree(&fixtures().join("valid")).unwrap();
    tree.files.push(content::site::SourceFile {
        path: "aa/elections/referendum-2025.en.md".into(),
        text: "+++\ntitle = \"Constitutional referendum 2025\"\nreviewed = 2025-01-15\n\
               type = \"referendum\"\nstatus = \"upcoming\"\n\n[[sources]]\ntitle = \"Calendar\"\n\
               url = \"https://example.org/calendar\"\n\n[[events]]\nkind = \"voting_day\"\n\
               start = 2025-05-04T07:00:00\nend = 2025-05-04T21:00:00\n\
               time_zone = \"Europe/Bucharest\"\n+++\n\nOn the same day as the first round of the \
               [general election](/aa/elections/general-2025).\n"
            .into(),
    });
    let site = check(&tree).unwrap_or_else(|p| panic!("{p:#?}"));
    let manifest = site.countries[0].manifest("en").unwrap();
    let voting_day = |slug: &str| {
        let page = manifest.pages.iter().find(|p| p.slug == slug).unwrap();
        let events = &page.election.as_ref().unwrap().events;
        let n = events
            .iter()
            .position(|e| e.start.as_deref() == Some("2025-05-04T04:00:00Z"))
            .unwrap();
        content::ics::event_uid("aa", slug, events, n)
    };
    assert_ne!(voting_day("general-2025"), voting_day("referendum-2025"));
}
