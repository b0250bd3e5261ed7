//! Property-based fuzzing of everything that reads untrusted input: front matter, whole
//! content trees, Markdown, calendar files, addresses and query strings. (The embedding
//! bridge's message parser has its own, beside its tests in `src/protocol.rs`.)
//!
//! Inputs are built from hostile pieces (raw HTML, script URLs, entities, nested emphasis,
//! footnotes, tables, broken TOML) as well as arbitrary text, because random bytes alone
//! rarely get past the first `+++`. Beyond "never panics", each property states what the
//! output must be whatever the input: for Markdown, HTML whose elements and attributes are
//! all in [`ALLOWED`], whose URLs all pass the URL policy, and whose ids all carry a
//! rendered prefix.
//!
//! `cargo test` runs a short pass with a fixed seed, so it is fast and never flaky;
//! `make fuzz` (`FUZZ_CASES=20000`) runs a long one from a fresh seed. A failing input is
//! shrunk and saved in `fuzz.proptest-regressions` beside this file, which proptest replays
//! before anything else on every run: commit it with the fix, as the crash's fixture.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use content::changes::ChangeLog;
use content::front_matter;
use content::ics::{calendar, event_calendar, event_uid, CalendarEvent};
use content::lang::Lang;
use content::markdown::{render_markdown, FOOTNOTE_ID_PREFIX, HEADING_ID_PREFIX};
use content::query::{decode, encode, Query};
use content::route::Route;
use content::site::SourceFile;
use content::url::{classify_url, UrlKind};
use content::{ElectionEvent, EventKind};
use content_cli::{read_tree, Tree};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::{FileFailurePersistence, RngAlgorithm, RngSeed};
use scraper::Html;

mod feed_checks;

/// Cases per property in the normal test run: enough to reach every generator's branches,
/// few enough that the whole file takes about a second in a debug build.
const SHORT_RUN: u32 = 256;

/// The run's settings for a property that costs `weight` times a Markdown rendering (it
/// gets that many times fewer cases).
fn config(weight: u32) -> ProptestConfig {
    let long = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse::<u32>().ok());
    let base = ProptestConfig {
        // The short run's seed is fixed so that `cargo test` gives the same cases on every
        // machine; the algorithm is named so that a change of proptest's default cannot
        // change them either.
        rng_algorithm: RngAlgorithm::ChaCha,
        rng_seed: RngSeed::Fixed(16),
        cases: SHORT_RUN,
        // `tests/fuzz.proptest-regressions`: the default looks for a `src/` to sit beside.
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    };
    match long {
        Some(cases) => ProptestConfig {
            rng_seed: RngSeed::Random,
            cases: (cases / weight).max(1),
            ..base
        },
        None => ProptestConfig {
            cases: (SHORT_RUN / weight).max(1),
            ..base
        },
    }
}

// ---------------------------------------------------------------------------------------
// The renderer's invariant.

/// Every element the renderer writes, with the attributes it may carry: what
/// pulldown-cmark's push_html writes for the enabled syntax (paragraphs, headings, lists,
/// emphasis, strikethrough, code, quotes, rules, breaks, images, tables) plus what
/// `render_markdown` writes itself (links, footnotes, table cells). `h1` is rendered too:
/// the checker, not the renderer, refuses a body's level-1 heading.
const ALLOWED: &[(&str, &[&str])] = &[
    ("p", &[]),
    ("h1", &["id"]),
    ("h2", &["id"]),
    ("h3", &["id"]),
    ("h4", &["id"]),
    ("h5", &["id"]),
    ("h6", &["id"]),
    ("ul", &[]),
    ("ol", &["start"]),
    ("li", &[]),
    ("a", &["href", "title", "class", "rel"]),
    ("img", &["src", "alt", "title"]),
    ("em", &[]),
    ("strong", &[]),
    ("del", &[]),
    ("code", &["class"]),
    ("pre", &[]),
    ("blockquote", &[]),
    ("table", &[]),
    ("thead", &[]),
    ("tbody", &[]),
    ("tr", &[]),
    ("th", &["class"]),
    ("td", &["class"]),
    ("hr", &[]),
    ("br", &[]),
    ("sup", &["class"]),
    ("div", &["class", "id"]),
];

/// The classes each element may carry (any other attribute value is free text).
fn class_allowed(element: &str, class: &str) -> bool {
    match element {
        "a" => class == "external",
        "sup" => ["footnote-reference", "footnote-definition-label", "cite"].contains(&class),
        "div" => class == "footnote-definition",
        "th" | "td" => ["align-left", "align-center", "align-right"].contains(&class),
        // A fenced block's language (```rust): one class, whatever the author wrote.
        "code" => class.starts_with("language-"),
        _ => false,
    }
}

/// Reads `html` as a browser would (the HTML5 parsing algorithm, in a fragment, as
/// `inner_html` inserts it) and checks it against the allowlist and the URL policy. The
/// attribute values checked are the parsed ones, entities decoded: what the browser uses.
fn check_rendered(
    html: &str,
    heading_ids: &[String],
    asset_base: &str,
    site_base: &str,
) -> Result<(), TestCaseError> {
    let doc = Html::parse_fragment(html);
    let mut ids = Vec::new();
    let mut outline = Vec::new();
    // The fragment parser's own wrapper (`<html>`) is not ours.
    for node in doc.root_element().descendants().skip(1) {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let name = element.name();
        let allowed = ALLOWED.iter().find(|(n, _)| *n == name);
        prop_assert!(allowed.is_some(), "<{name}> in {html:?}");
        let (_, attributes) = allowed.unwrap();
        for (attribute, value) in element.attrs() {
            // Said apart from the allowlist because the CSP would drop it silently.
            prop_assert!(attribute != "style", "a style attribute in {html:?}");
            prop_assert!(
                attributes.contains(&attribute),
                "<{name} {attribute}={value:?}> in {html:?}"
            );
            match attribute {
                "class" => {
                    let classes: Vec<&str> = value.split_ascii_whitespace().collect();
                    prop_assert!(
                        classes.len() == 1 && class_allowed(name, classes[0]),
                        "<{name} class={value:?}> in {html:?}"
                    );
                }
                "id" => ids.push(value.to_owned()),
                "start" => prop_assert!(
                    value.bytes().all(|b| b.is_ascii_digit()),
                    "<ol start={value:?}>"
                ),
                _ => {}
            }
        }
        if let Some(id) = element.attr("id") {
            prop_assert!(
                id.starts_with(HEADING_ID_PREFIX) || id.starts_with(FOOTNOTE_ID_PREFIX),
                "id {id:?} has no rendered prefix in {html:?}"
            );
            if name.starts_with('h') {
                prop_assert!(id.starts_with(HEADING_ID_PREFIX), "<{name} id={id:?}>");
                outline.push(id.to_owned());
            }
        }
        if name == "a" {
            let href = element.attr("href");
            prop_assert!(href.is_some(), "<a> without href in {html:?}");
            let href = href.unwrap();
            let kind = classify_url(href);
            prop_assert!(kind.is_ok(), "href {href:?} is refused: {kind:?}");
            let external = kind == Ok(UrlKind::External);
            prop_assert_eq!(
                element.attr("rel"),
                external.then_some("external noopener noreferrer"),
                "rel of {:?}",
                href
            );
            prop_assert_eq!(element.attr("class").is_some(), external);
            if kind == Ok(UrlKind::Internal) {
                if let Some((_, fragment)) = href.split_once('#') {
                    prop_assert!(
                        fragment.is_empty()
                            || fragment.starts_with(HEADING_ID_PREFIX)
                            || fragment.starts_with(FOOTNOTE_ID_PREFIX)
                            // A citation: the app numbers the page's sources `src-1`….
                            || fragment
                                .strip_prefix("src-")
                                .is_some_and(|n| n.parse::<usize>().is_ok_and(|n| n >= 1)),
                        "fragment of {href:?} names no rendered id"
                    );
                }
                prop_assert!(
                    href.starts_with('#')
                        || href.starts_with(site_base)
                        || !href.starts_with(['/', '\\']),
                    "{href:?} leaves the site's base"
                );
            }
        }
        if name == "img" {
            let src = element.attr("src").unwrap_or_default();
            prop_assert_eq!(classify_url(src), Ok(UrlKind::Internal), "src {:?}", src);
            prop_assert!(
                src.starts_with(asset_base) && src.len() > asset_base.len(),
                "src {src:?} is not under {asset_base}"
            );
        }
    }
    let unique: BTreeSet<&String> = ids.iter().collect();
    prop_assert_eq!(unique.len(), ids.len(), "duplicate ids in {}", html);
    prop_assert_eq!(
        outline,
        heading_ids,
        "the outline's ids differ from the headings'"
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Generators.

fn pick(items: &'static [&'static str]) -> BoxedStrategy<String> {
    select(items).prop_map(str::to_owned).boxed()
}

/// Link and image targets: every trick a browser's URL parser forgives, and ordinary ones.
fn url() -> BoxedStrategy<String> {
    prop_oneof![
        3 => pick(&[
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{0}javascript:alert(1)",
            "\u{feff}javascript:alert(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "java&#x09;script:alert(1)",
            "javascript&colon;alert(1)",
            "%6Aavascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "http://example.org/",
            "//evil.example/",
            "\\\\evil.example/",
            "/\\evil.example/",
            "\\/evil.example/",
            "https:evil.example",
            "https://example.org/?a=1&b=\"2\"#top",
            "https://example.org/\"><script>alert(1)</script>",
            "x\" onmouseover=\"alert(1)",
            "' onerror='alert(1)",
            "mailto:someone@example.org",
            "tel:+40123",
            "/",
            "/aa",
            "/aa/guides",
            "/aa/guides/check-a-claim#first-steps",
            "/aa/guides/check-a-claim#fn-1",
            "/AA/Guides/",
            "#top",
            "#",
            "#h-top",
            "#fn-note",
            "#javascript:alert(1)",
            "?x=1",
            "guides/relative",
            "media/diagram.png",
            "media/../../../etc/passwd",
            "/etc/x.png",
            "<javascript:alert(1)>",
            "",
        ]),
        1 => "[ -~]{0,16}",
        1 => any::<String>().prop_map(|s| s.chars().take(16).collect()),
    ]
    .boxed()
}

/// Footnote and reference labels: few, so references meet definitions, and some that fold
/// to the same key or slug.
fn label() -> BoxedStrategy<String> {
    prop_oneof![
        4 => pick(&[
            "1", "a", "A", "note", "Note", "ElectionCenterHost", "a b", "a-b", "Straße",
            "STRASSE", "main", "h-x", "fn-1", "x]", "é", "-",
        ]),
        1 => "[^\\]\n]{1,8}",
    ]
    .boxed()
}

/// Plain text, often with characters Markdown or HTML give a meaning to.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        3 => "[a-zA-Z0-9 éăőß]{0,12}",
        2 => "[ -~]{0,12}",
        1 => any::<String>().prop_map(|s| s.chars().take(12).collect()),
    ]
    .boxed()
}

/// Pieces that mean something to Markdown or HTML.
fn snippet() -> BoxedStrategy<String> {
    pick(&[
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<svg onload=alert(1)>",
        "<style>*{}</style>",
        "<div style=\"color:red\">",
        "<!-- comment -->",
        "<![CDATA[ x ]]>",
        "<?php x ?>",
        "</p>",
        "&lt;",
        "&amp;",
        "&#0;",
        "&#x110000;",
        "&quot;",
        "&nbsp;",
        "&#106;",
        "\\*",
        "\\",
        "*",
        "**",
        "_",
        "~~",
        "`",
        "[",
        "]",
        "|",
        "\"",
        "'",
        "<",
        ">",
        "&",
        "\u{0}",
        "\r",
        "\t",
        "\u{202e}",
        "\u{200b}",
    ])
}

fn inline() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        4 => text(),
        2 => snippet(),
        1 => url().prop_map(|u| format!("<{u}>")),
        1 => text().prop_map(|t| format!("`{t}`")),
        1 => label().prop_map(|l| format!("[^{l}]")),
        1 => (label(), label()).prop_map(|(t, l)| format!("[{t}][{l}]")),
    ];
    leaf.prop_recursive(3, 32, 4, |inner| {
        prop_oneof![
            (
                inner.clone(),
                pick(&["*", "**", "***", "_", "__", "~~", "~"])
            )
                .prop_map(|(t, d)| format!("{d}{t}{d}")),
            (inner.clone(), url(), text())
                .prop_map(|(t, u, title)| format!("[{t}]({u} \"{title}\")")),
            (inner.clone(), url()).prop_map(|(t, u)| format!("[{t}](<{u}>)")),
            (inner.clone(), url()).prop_map(|(t, u)| format!("![{t}]({u})")),
            (inner.clone(), url(), url()).prop_map(|(t, img, u)| format!("[![{t}]({img})]({u})")),
            prop::collection::vec(inner, 1..4).prop_map(|parts| parts.join(" ")),
        ]
    })
}

fn table() -> impl Strategy<Value = String> {
    (1usize..4).prop_flat_map(|columns| {
        (
            prop::collection::vec(inline(), columns),
            prop::collection::vec(pick(&["---", ":--", ":-:", "--:", "-"]), columns),
            prop::collection::vec(prop::collection::vec(inline(), 0..=columns + 1), 0..3),
        )
            .prop_map(|(head, align, rows)| {
                let row = |cells: &[String]| format!("| {} |", cells.join(" | "));
                let mut t = vec![row(&head), row(&align)];
                t.extend(rows.iter().map(|r| row(r)));
                t.join("\n")
            })
    })
}

fn block() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => inline(),
        2 => (1usize..=7, inline()).prop_map(|(n, t)| format!("{} {t}", "#".repeat(n))),
        1 => inline().prop_map(|t| format!("{t}\n---")),
        1 => (pick(&["- ", "* ", "1. ", "3) ", "- [ ] ", "  - "]), prop::collection::vec(inline(), 1..4))
            .prop_map(|(marker, items)| items.iter().map(|i| format!("{marker}{i}")).collect::<Vec<_>>().join("\n")),
        1 => inline().prop_map(|t| format!("> {t}")),
        2 => table(),
        1 => (pick(&["", "rust", "rust\tfoo", "x onclick=alert(1)", "\"><script>", "js toc main", "a`b"]), text())
            .prop_map(|(info, t)| format!("```{info}\n{t}\n```")),
        1 => text().prop_map(|t| format!("    {t}")),
        2 => (label(), inline()).prop_map(|(l, t)| format!("[^{l}]: {t}")),
        1 => (label(), url(), text()).prop_map(|(l, u, t)| format!("[{l}]: {u} \"{t}\"")),
        1 => pick(&["***", "<div onclick=alert(1)>\n", "<script>\n", "<!--\n", "+++", "\\"]),
        1 => any::<String>(),
    ]
}

/// Markdown the checker accepts (no raw HTML, links to pages that exist), so that a changed
/// tree still loads and what it built gets checked too.
fn accepted_markdown() -> impl Strategy<Value = String> {
    let words = "[a-zA-Z0-9éß][a-zA-Z0-9 éß]{0,10}";
    let link = select(
        &[
            "/aa/guides/check-a-claim#first-steps",
            "/aa/guides",
            "/aa",
            "#then",
            "#fn-1",
            "https://example.org/a?b=1&c=\"2\"",
            "mailto:a@example.org",
        ][..],
    );
    let piece = prop_oneof![
        3 => words.prop_map(|t| t.to_owned()),
        1 => (words, link).prop_map(|(t, l)| format!("[{t}]({l})")),
        1 => words.prop_map(|t| format!("*{t}* **{t}** ~~{t}~~ `{t}`")),
        1 => Just("![A diagram](media/diagram.png)".to_owned()),
        1 => (1usize..=6, words).prop_map(|(n, t)| format!("\n\n{} {t}\n\n", "#".repeat(n.max(2)))),
        1 => (words, words).prop_map(|(a, b)| format!("\n\n| {a} | {b} |\n|:--|--:|\n| {b} | {a} |\n\n")),
        1 => words.prop_map(|t| format!("[^1]\n\n[^1]: {t}\n\n")),
        1 => pick(&["[@a]", "[@b]", "[@a][@b]", "[x [@a]](/aa)", "[@", "[@a"]),
    ];
    prop::collection::vec(piece, 0..10).prop_map(|p| format!("\n{}\n", p.join(" ")))
}

fn markdown() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(block(), 0..8),
        pick(&["\n\n", "\n", "\r\n", "\r", "  \n", ""]),
    )
        .prop_map(|(blocks, sep)| blocks.join(&sep))
}

// ---------------------------------------------------------------------------------------
// Markdown.

proptest! {
    #![proptest_config(config(1))]

    /// The renderer's invariant, on every input.
    #[test]
    fn rendered_markdown_stays_inside_the_allowlist(
        src in markdown(),
        site_base in pick(&["en", "fr", "ro", "hu"]),
    ) {
        // Cited sources with titles an attribute must escape.
        let sources = content::citation::Sources {
            cited: vec![(Some("a".into()), "A \"quoted\" <title> & more".into()), (None, "B".into())],
        };
        let rendered = render_markdown(&src, "content/aa/", &site_base, &sources);
        let ids: Vec<String> = rendered.headings.iter().map(|h| h.id.clone()).collect();
        check_rendered(&rendered.html, &ids, "content/aa/", &site_base)?;
    }
}

// ---------------------------------------------------------------------------------------
// Front matter and whole content trees.

fn valid_tree() -> &'static Tree {
    static TREE: OnceLock<Tree> = OnceLock::new();
    TREE.get_or_init(|| {
        read_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid")).unwrap()
    })
}

fn toml_key() -> BoxedStrategy<String> {
    prop_oneof![
        3 => pick(&[
            "title", "summary", "weight", "draft", "reviewed", "sources", "type", "status",
            "rerun_of", "how_to_vote", "events", "kind", "url", "purpose", "languages", "submit_claim_url",
            "topic", "partner", "language", "duration", "published", "topics", "poster",
            "file", "captions", "external_url", "label", "date", "start", "end", "time_zone",
            "default_language", "names", "lang", "[[events]]", "[[sources]]", "[[captions]]",
            "[names]", "\"quoted key\"", "a.b",
        ]),
        1 => "[a-z_]{1,10}",
    ]
    .boxed()
}

fn toml_value() -> BoxedStrategy<String> {
    prop_oneof![
        3 => pick(&[
            "\"x\"", "\"\"", "1", "-1", "0", "99999999999999999999", "1e400", "nan", "true",
            "2025-01-15", "2025-13-45", "0000-01-01", "9999-12-31", "2025-05-18T07:00:00",
            "2025-05-18T07:00:00Z", "2025-03-30T02:30:00", "07:00:00", "[]", "[\"a\", 1]",
            "[\"en\", \"fr\", \"xx\"]", "{}", "{ lang = \"en\", label = \"x\", file = \"media/a.vtt\" }",
            "\"javascript:alert(1)\"", "\"https://example.org\"", "\"http://example.org\"",
            "\"/aa/guides\"", "\"general-2024\"", "\"../../x\"", "\"media/diagram.png\"",
            "\"ElectionCenterHost\"", "'''\nmulti\n'''", "\"\\u0000\"", "\"\u{202e}\"",
            "\"voting_day\"", "\"Europe/Paris\"", "\"Mars/Olympus\"", "\"2:35\"", "\"99:99\"",
            "\"presidential\"", "\"rerun\"", "\"afp\"", "\"checkers\"", "\"en\"",
            "\"\"\"\n+++\n\"\"\"",
        ]),
        1 => any::<String>().prop_map(|s| format!("{:?}", s.chars().take(12).collect::<String>())),
        1 => "[ -~]{0,12}",
    ]
    .boxed()
}

/// One change to a content tree.
#[derive(Debug, Clone)]
enum Change {
    /// A `key = value` (or a table header) inserted before a line of a file.
    Insert(Index, Index, String),
    /// A file's body after the front matter replaced with generated Markdown.
    Body(Index, String),
    /// A file cut short at some character.
    Truncate(Index, Index),
    /// A file's whole text replaced.
    Replace(Index, String),
    /// A new file at a path of the tree's shape.
    Add(String, String),
    Remove(Index),
}

fn change() -> impl Strategy<Value = Change> {
    let path = (
        pick(&["aa", "bb", "AA", "a", "zz"]),
        pick(&[
            "elections",
            "guides",
            "videos",
            "partners",
            "resources",
            "other",
            "",
        ]),
        pick(&[
            "new",
            "check-a-claim",
            "general-2024",
            "Bad Name",
            "a--b",
            "_index",
        ]),
        pick(&["en", "fr", "xx", "en-GB", "EN"]),
        pick(&["md", "toml", "txt"]),
    )
        .prop_map(|(c, s, n, l, e)| {
            if s.is_empty() {
                format!("{c}/{n}.{l}.{e}")
            } else {
                format!("{c}/{s}/{n}.{l}.{e}")
            }
        });
    let page = (
        markdown(),
        prop::collection::vec((toml_key(), toml_value()), 0..6),
    )
        .prop_map(|(body, fields)| {
            let fields: String = fields.iter().map(|(k, v)| format!("{k} = {v}\n")).collect();
            format!("+++\ntitle = \"New\"\nreviewed = 2025-01-15\n{fields}+++\n{body}")
        })
        .boxed();
    prop_oneof![
        4 => (any::<Index>(), any::<Index>(), toml_key(), toml_value())
            .prop_map(|(f, l, k, v)| Change::Insert(f, l, if k.starts_with('[') { k } else { format!("{k} = {v}") })),
        2 => (any::<Index>(), markdown()).prop_map(|(f, b)| Change::Body(f, b)),
        4 => (any::<Index>(), accepted_markdown()).prop_map(|(f, b)| Change::Body(f, b)),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(f, at)| Change::Truncate(f, at)),
        1 => (any::<Index>(), prop_oneof![page.clone(), any::<String>()]).prop_map(|(f, t)| Change::Replace(f, t)),
        2 => (path, page).prop_map(|(p, t)| Change::Add(p, t)),
        1 => any::<Index>().prop_map(Change::Remove),
    ]
}

fn apply(files: &mut Vec<SourceFile>, change: &Change) {
    let at = |i: &Index, len: usize| i.index(len.max(1));
    match change {
        Change::Insert(f, l, line) if !files.is_empty() => {
            let i = at(f, files.len());
            let file = &mut files[i];
            let mut lines: Vec<&str> = file.text.split_inclusive('\n').collect();
            let added = format!("{line}\n");
            lines.insert(at(l, lines.len() + 1).min(lines.len()), &added);
            file.text = lines.concat();
        }
        Change::Body(f, body) if !files.is_empty() => {
            let i = at(f, files.len());
            let file = &mut files[i];
            if let Ok(split) = front_matter::split(&file.path, &file.text) {
                let head = file.text.len() - split.body.len();
                file.text = format!("{}{body}", &file.text[..head]);
            }
        }
        Change::Truncate(f, cut) if !files.is_empty() => {
            let i = at(f, files.len());
            let file = &mut files[i];
            let ends: Vec<usize> = file.text.char_indices().map(|(i, _)| i).collect();
            if !ends.is_empty() {
                file.text.truncate(ends[at(cut, ends.len())]);
            }
        }
        Change::Replace(f, text) if !files.is_empty() => {
            let i = at(f, files.len());
            files[i].text = text.clone();
        }
        Change::Add(path, text) => files.push(SourceFile {
            path: path.clone(),
            text: text.clone(),
        }),
        Change::Remove(f) if !files.is_empty() => {
            files.remove(at(f, files.len()));
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(config(1))]

    /// The split keeps every byte: the front matter and the body are the file's own text,
    /// and the body's line number is where it starts.
    #[test]
    fn front_matter_splits_without_losing_text(
        parts in prop::collection::vec(
            prop_oneof![
                pick(&["+++", "+++\n", "+++\r\n", "+++ \n", "\u{feff}", "\n", "\r\n", "\r", "++", "+++x\n"]),
                "[ -~]{0,10}",
                any::<String>().prop_map(|s| s.chars().take(10).collect()),
            ],
            0..10,
        ),
    ) {
        let text = parts.concat();
        if let Ok(split) = front_matter::split("a.md", &text) {
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            prop_assert!(text.ends_with(split.body));
            let before = &text[..text.len() - split.body.len()];
            prop_assert!(before.contains(split.front_matter));
            // A closing `+++` without a line break still ends its line.
            let lines = before.matches('\n').count() + usize::from(!before.ends_with('\n'));
            prop_assert_eq!(lines + 1, split.body_line);
        }
    }
}

proptest! {
    #![proptest_config(config(8))]

    /// Loading and checking a changed copy of the valid fixture never panics, reports each
    /// problem against a file of the tree, and when it finds none, what it built is as safe
    /// as the renderer's output alone: manifests, outlines and calendar files included.
    #[test]
    fn any_content_tree_loads_and_checks(changes in prop::collection::vec(change(), 1..5)) {
        content::lang::set_test_languages();
        let base = valid_tree();
        let mut files = base.files.clone();
        for change in &changes {
            apply(&mut files, change);
        }
        let tree = Tree {
            files,
            assets: base.assets.clone(),
            problems: Vec::new(),
        };
        let Ok(site) = content_cli::check(&tree) else {
            return Ok(());
        };
        let _ = site.index();
        for country in &site.countries {
            for lang in &country.summary.languages {
                // Its Atom feed is well-formed XML with what RFC 4287 requires.
                if let Some(manifest) = country.manifest(lang) {
                    let log = ChangeLog::new(manifest.country.code.clone(), lang);
                    if let Some(feed) =
                        content::atom::country_feed(&manifest, &log, "https://example.org/")
                    {
                        let read = feed_checks::atom(&feed).map_err(TestCaseError::fail)?;
                        prop_assert_eq!(read.entries.len(), manifest.pages.len() + 1);
                    }
                }
            }
            let asset_base = format!("content/{}/", country.summary.code);
            for page in &country.pages {
                let entry = &page.entry;
                let ids: Vec<String> = entry.toc.iter().map(|t| t.id.clone()).collect();
                check_rendered(&page.html, &ids, &asset_base, &entry.lang)?;
                let mut events = Vec::new();
                for (n, event) in entry.election.iter().flat_map(|e| &e.events).enumerate() {
                    check_calendar(&event_calendar(event, &entry.title, "u@x", &entry.reviewed))?;
                    events.push(CalendarEvent {
                        event,
                        title: &entry.title,
                        uid: event_uid("aa", &entry.slug, entry.election.as_ref().map_or(&[][..], |e| &e.events), n),
                        stamp: &entry.reviewed,
                    });
                }
                let whole = check_calendar(&calendar(&entry.title, &events))?;
                prop_assert_eq!(whole.len(), events.len());
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Calendar files.

/// RFC 5545's line rules and structure, and no property but the writer's own
/// (`feed_checks::calendar`, which the build's own calendars pass too).
fn check_calendar(ics: &str) -> Result<Vec<feed_checks::Event>, TestCaseError> {
    feed_checks::calendar(ics).map_err(TestCaseError::fail)
}

fn hostile_text() -> BoxedStrategy<String> {
    prop_oneof![
        2 => prop::collection::vec(
            prop_oneof![
                pick(&["\r", "\n", "\r\n", "\t", "\u{0}", "\u{b}", "\u{1b}", "\u{85}", "\u{2028}",
                       "BEGIN:VALARM", "END:VEVENT", ";", ",", "\\", ":", "é", "😀", " "]),
                "[a-zA-Z ]{0,30}",
            ],
            0..12,
        ).prop_map(|p| p.concat()),
        1 => any::<String>(),
    ]
    .boxed()
}

fn date_like() -> BoxedStrategy<Option<String>> {
    prop::option::of(prop_oneof![
        3 => pick(&["2024-06-30", "2024-02-29", "2023-02-29", "2024-12-31", "9999-12-31",
                    "2025-05-04T04:00:00Z", "0000-00-00", ""]),
        1 => hostile_text(),
    ])
    .boxed()
}

proptest! {
    #![proptest_config(config(1))]

    #[test]
    fn calendar_files_keep_their_line_rules(
        label in prop::option::of(hostile_text()),
        title in hostile_text(),
        uid in hostile_text(),
        stamp in prop_oneof![pick(&["2025-01-15", "not a date"]), hostile_text()],
        date in date_like(),
        start in date_like(),
        end in date_like(),
    ) {
        let event = ElectionEvent {
            kind: EventKind::VotingDay,
            label,
            date,
            start,
            local_start: None,
            end,
            time_zone: "Europe/Paris".into(),
        };
        let alone = check_calendar(&event_calendar(&event, &title, &uid, &stamp))?;
        prop_assert_eq!(alone.len(), 1);
        // In a calendar of many, named by hostile text too, the event is the same.
        let many = [0, 1].map(|_| CalendarEvent { event: &event, title: &title, uid: uid.clone(), stamp: &stamp });
        let whole = check_calendar(&calendar(&title, &many))?;
        prop_assert_eq!(&whole, &[alone[0].clone(), alone[0].clone()]);
    }
}

proptest! {
    #![proptest_config(config(1))]

    /// The Atom feed of pages with hostile titles, summaries and languages is well-formed
    /// XML that reads back as written (less the characters XML cannot hold).
    #[test]
    fn atom_feeds_stay_well_formed(
        title in hostile_text(),
        summary in prop::option::of(hostile_text()),
        page_title in hostile_text(),
        page_lang in hostile_text(),
        reviewed in prop_oneof![pick(&["2025-01-15", "not a date", ""]), hostile_text()],
    ) {
        content::lang::set_test_languages();
        let mut manifest = fixture_manifest();
        manifest.hub.title = title.clone();
        manifest.hub.summary = summary;
        manifest.pages[0].title = page_title.clone();
        manifest.pages[0].lang = page_lang;
        manifest.pages[0].reviewed = reviewed;
        let log = ChangeLog::new(manifest.country.code.clone(), &manifest.lang);
        let feed = content::atom::country_feed(&manifest, &log, "https://example.org/").unwrap();
        let read = feed_checks::atom(&feed).map_err(TestCaseError::fail)?;
        let xml_text = |s: &str| -> String {
            // What XML keeps of a text: its allowed characters, line ends normalised.
            let allowed: String = s.chars().filter(|&c| matches!(c, '\t' | '\n' | '\r'
                | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)).collect();
            allowed.replace("\r\n", "\n").replace('\r', "\n")
        };
        prop_assert_eq!(read.title, xml_text(&title));
        prop_assert!(read.entries.iter().any(|e| e.title == xml_text(&page_title)));
    }
}

/// The valid fixture's English manifest.
fn fixture_manifest() -> content::CountryManifest {
    static MANIFEST: OnceLock<content::CountryManifest> = OnceLock::new();
    MANIFEST
        .get_or_init(|| {
            content::lang::set_test_languages();
            let site = content_cli::check(valid_tree()).unwrap();
            site.countries[0].manifest("en").unwrap()
        })
        .clone()
}

// ---------------------------------------------------------------------------------------
// Addresses and query strings.

fn address() -> BoxedStrategy<String> {
    prop_oneof![
        3 => (
            pick(&["", "/", "//", "\\", "./", "../"]),
            prop::collection::vec(
                prop_oneof![
                    3 => pick(&["en", "fr", "ro", "hu", "EN", "Fr", "de", "aa", "ro", "zz", "a",
                                "guides", "videos", "elections", "partners", "resources",
                                "Guides", "check-a-claim", "a--b", "-a", "a-", "é", "İ", "K",
                                "..", ".", "%2e", "", " ", "a.b", "?x=1", "#y"]),
                    1 => "[ -~]{0,6}",
                ],
                0..6,
            ),
            pick(&["", "/", "//"]),
        )
            .prop_map(|(start, segments, end)| format!("{start}{}{end}", segments.join("/"))),
        1 => any::<String>(),
    ]
    .boxed()
}

proptest! {
    #![proptest_config(config(1))]

    /// Any string parses without panicking, and a route's one form parses back to it.
    #[test]
    fn routes_round_trip_through_their_one_form(path in address(), lang in select(&["en", "fr", "ro", "hu"])) {
        content::lang::set_test_languages();
        if let Some(route) = Route::parse(&path) {
            prop_assert_eq!(Route::parse(&route.path()), Some(route.clone()), "from {:?}", path);
            let _ = (route.href(), route.file(), route.alternates());
        }
        let lang = Lang::parse(lang).unwrap();
        if let Some(route) = Route::from_content_link(&path, lang) {
            prop_assert_eq!(Route::parse(&route.path()), Some(route.clone()), "from {:?}", path);
        }
    }

    #[test]
    fn query_values_round_trip(
        pairs in prop::collection::vec((hostile_text(), hostile_text()), 0..4),
        raw in prop_oneof![
            prop::collection::vec(
                prop_oneof![pick(&["%", "%4", "%41", "%C3", "%A9", "%FF", "%+1", "+", "&", "=", "?"]), "[a-z]{0,3}"],
                0..8,
            ).prop_map(|p| p.concat()),
            any::<String>(),
        ],
    ) {
        for (key, value) in &pairs {
            prop_assert_eq!(decode(&encode(key)), Some(key.clone()));
            prop_assert_eq!(decode(&encode(value)), Some(value.clone()));
        }
        let query: Query = pairs.into_iter().collect();
        prop_assert_eq!(Query::parse(&query.to_string()), query);
        let parsed = Query::parse(&raw);
        prop_assert_eq!(Query::parse(&parsed.to_string()), parsed);
    }
}
