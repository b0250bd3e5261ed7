//! The deployment's identity (`site.toml`) against real files: one invalid fixture per rule
//! with the exact problems expected (`fixtures/identity-invalid/<rule>/`: its `site.toml`,
//! any logo, and `expected.txt`, as `expected` runs them), the
//! shipped identity and the test one (`fixtures/identity/`, which `make build-identity`
//! builds for the browser tests), and what the build writes from them.

use std::fs;
use std::path::{Path, PathBuf};

use content_cli::{build_i18n, check_i18n, load_identity, write_identity};

mod expected;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn identity(path: &Path) -> content::identity::Identity {
    content::lang::set_test_languages();
    load_identity(path)
        .unwrap()
        .unwrap_or_else(|p| panic!("{}", content_cli::report(Path::new(""), &p)))
}

#[test]
fn each_invalid_identity_reports_its_problems_with_line_and_hint() {
    content::lang::set_test_languages();
    let cases = fixtures().join("identity-invalid");
    expected::each_case_reports_as_expected(&cases, 10, |case| {
        match load_identity(&case.join("site.toml")).unwrap() {
            Ok(_) => "(no problems)\n".to_owned(),
            // Named as the checker is usually run, from the folder of the file.
            Err(problems) => problems
                .iter()
                .map(|p| format!("{p}\n"))
                .collect::<String>()
                .replace(&format!("{}/", case.display()), ""),
        }
    });
}

#[test]
fn the_shipped_and_the_test_identities_pass() {
    let shipped = identity(&repository().join("site.toml"));
    assert_eq!(shipped.name("hu"), "Election Center");
    let test = identity(&fixtures().join("identity/site.toml"));
    assert_eq!(test.name("fr"), "Boussole du vote");
    assert_eq!(test.name("ro"), "Vote Compass");
    assert!(test.logo.is_some() && test.organisation.is_some());
}

/// The interface texts carry the site's name and the footer as HTML in every language, in
/// place of the texts the footer is made of.
#[test]
fn the_interface_texts_carry_the_name_and_the_footer() {
    let test = identity(&fixtures().join("identity/site.toml"));
    let catalog = check_i18n(&repository().join("i18n")).unwrap().unwrap();
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("identity-i18n");
    let _ = fs::remove_dir_all(&out);
    build_i18n(&catalog, &test, &out).unwrap();
    let texts = |lang: &str| -> Vec<(String, String)> {
        serde_json::from_slice(&fs::read(out.join(format!("{lang}.json"))).unwrap()).unwrap()
    };
    let text = |lang: &str, key: &str| {
        texts(lang)
            .into_iter()
            .find_map(|(k, v)| (k == key).then_some(v))
    };
    assert_eq!(text("fr", "site.name").as_deref(), Some("Boussole du vote"));
    assert_eq!(text("de", "site.name").as_deref(), Some("Vote Compass"));
    assert_eq!(
        text("de", "site.footer_html").as_deref(),
        Some(
            "<p>Vote Compass is published by the Civic Compass Trust. Check every date with your \
             electoral authority.</p><ul class=\"footer-links\"><li><a \
             href=\"mailto:hello@vote-compass.example\">Kontakt</a></li><li><a \
             href=\"https://vote-compass.example/privacy\">Datenschutzerklärung</a></li></ul>"
        )
    );
    for key in content::identity::KEYS.folded {
        assert_eq!(text("de", key), None, "{key} is folded into the footer");
    }
    // Still sorted by key: the app looks texts up by binary search.
    let keys: Vec<String> = texts("ar").into_iter().map(|(k, _)| k).collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]));

    // The shipped identity: the interface's own footer, no links.
    let shipped = identity(&repository().join("site.toml"));
    build_i18n(&catalog, &shipped, &out).unwrap();
    let footer = text("en", "site.footer_html").unwrap();
    assert_eq!(
        footer,
        format!("<p>{}</p>", catalog["en"].texts["site.footer"])
    );
}

#[test]
fn the_stylesheet_and_favicon_are_the_identity_s() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("identity-style");
    let style = repository().join("style");
    let test = identity(&fixtures().join("identity/site.toml"));
    write_identity(&test, &style, &out).unwrap();
    let css = fs::read_to_string(out.join("main.css")).unwrap();
    assert!(css.contains("--bg: #fbfaf5;") && css.contains("--bg: #0f1a14;"));
    assert!(css.contains(".brand .brand-mark { background: url(favicon.svg)"));
    assert!(!css.contains(content::identity::STYLE_MARKER));
    assert_eq!(
        fs::read(out.join("favicon.svg")).unwrap(),
        fs::read(fixtures().join("identity/logo.svg")).unwrap()
    );

    let shipped = identity(&repository().join("site.toml"));
    write_identity(&shipped, &style, &out).unwrap();
    assert_eq!(
        fs::read(out.join("favicon.svg")).unwrap(),
        fs::read(style.join("favicon.svg")).unwrap()
    );
    let css = fs::read_to_string(out.join("main.css")).unwrap();
    assert!(css.contains("--accent: #1d4ed8;") && !css.contains(".brand-mark { background: url"));
}
