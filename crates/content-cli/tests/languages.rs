//! A country written in a language the interface did not have, as an editor adds it: with
//! the interface languages of the real `i18n/` folder (its own test binary, since a process
//! keeps the first list of languages it is given).

use std::path::Path;

use content::route::{site_routes, Route};
use content::site::SourceFile;
use content_cli::{check, interface_languages, read_tree};

/// The valid fixture country, in English only, offered in `languages`.
fn fixture_in(languages: &str) -> content_cli::Tree {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    let mut tree = read_tree(&dir).unwrap();
    tree.files.retain(|f| !f.path.ends_with(".fr.md"));
    let country: &mut SourceFile = tree
        .files
        .iter_mut()
        .find(|f| f.path == "aa/country.toml")
        .unwrap();
    country.text = country.text.replace(
        "languages = [\"en\", \"fr\"]",
        &format!("languages = {languages}"),
    );
    tree
}

#[test]
fn pages_in_any_interface_language_reach_voters_and_others_are_refused() {
    let i18n = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../i18n");
    content::lang::set_languages(interface_languages(&i18n).unwrap());

    // Ukrainian is an interface language because `i18n/uk.toml` exists: nothing else.
    let mut tree = fixture_in(r#"["en", "uk"]"#);
    let hub = tree
        .files
        .iter()
        .find(|f| f.path == "aa/_index.en.md")
        .unwrap()
        .text
        .replace(
            "title = \"Elections in Testland\"",
            "title = \"Вибори в Тестленді\"",
        );
    tree.files.push(SourceFile {
        path: "aa/_index.uk.md".into(),
        text: hub,
    });
    let site = check(&tree).unwrap_or_else(|p| panic!("{p:#?}"));
    let country = &site.countries[0];
    let manifest = country.manifest("uk").unwrap();
    assert_eq!(manifest.hub.lang, "uk");
    assert_eq!(manifest.hub.title, "Вибори в Тестленді");
    let routes = site_routes(&site.index(), |summary, lang| {
        assert_eq!(summary.code.as_str(), "aa");
        country.manifest(lang).ok_or(())
    })
    .unwrap();
    assert!(routes.contains(&Route::parse("/uk/aa").unwrap()));

    // Icelandic has no interface file: the checker says so at the line, with the file to add.
    let problems = check(&fixture_in(r#"["en", "is"]"#)).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let problem = problems[0].to_string();
    assert!(problem.starts_with("aa/country.toml:2:"), "{problem}");
    assert!(
        problem.contains("pages in `is` would reach no voter"),
        "{problem}"
    );
    assert!(problem.contains("add i18n/is.toml"), "{problem}");
}
