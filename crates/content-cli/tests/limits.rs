//! The checker on hostile pages of a megabyte, the shapes scripts/bench.sh times: each must
//! end well within a generous bound (a guard against a return of quadratic time, not a
//! timing) and report what is wrong, no more than the limit of problems per file.

use std::path::Path;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use content::limits::{MAX_FILE_BYTES, MAX_LINE_CHARS, MAX_PROBLEMS_PER_FILE};
use content::site::SourceFile;
use content::Diagnostic;
use content_cli::{check, read_tree, Tree};

const MEGABYTE: usize = 1_000_000;
const BOUND: Duration = Duration::from_secs(10);
const PATH: &str = "aa/guides/hostile.en.md";

/// `unit` repeated, each time followed by `separator`, to about `size` bytes.
fn repeat(unit: &str, separator: &str, size: usize) -> String {
    let one = format!("{unit}{separator}");
    one.repeat(size / one.len() + 1)
}

/// A guide page with `topic` and `body`, as scripts/bench.sh writes them.
fn page(topic: &str, body: &str) -> String {
    format!(
        "+++\ntitle = \"A guide\"\nreviewed = 2025-01-15\ntopic = \"{topic}\"\n\n[[sources]]\ntitle = \"A source\"\nurl = \"https://example.org/source\"\n+++\n\n{body}\n"
    )
}

/// The problems of `text` as the page `PATH` among the valid fixture's pages, failing
/// rather than hanging when the check takes longer than `BOUND`.
fn check_page(text: String) -> Vec<Diagnostic> {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    let mut tree = read_tree(&fixture).unwrap();
    tree.files.push(SourceFile {
        path: PATH.into(),
        text,
    });
    checked_within_bound(tree)
}

fn checked_within_bound(tree: Tree) -> Vec<Diagnostic> {
    let (sender, receiver) = mpsc::channel();
    let start = Instant::now();
    thread::spawn(move || sender.send(check(&tree).err().unwrap_or_default()));
    let problems = receiver
        .recv_timeout(BOUND)
        .unwrap_or_else(|_| panic!("the check took more than {BOUND:?}"));
    eprintln!("checked in {:?}", start.elapsed());
    problems
}

/// The messages of the problems, with how many times each was given.
fn messages(problems: &[Diagnostic]) -> Vec<(String, usize)> {
    let mut counted: Vec<(String, usize)> = Vec::new();
    for p in problems {
        assert_eq!(p.file, PATH, "{p}");
        match counted.last_mut() {
            Some((m, n)) if *m == p.message => *n += 1,
            _ => counted.push((p.message.clone(), 1)),
        }
    }
    counted
}

fn long_line(chars: usize) -> String {
    format!("the line is {chars} characters long; the limit is {MAX_LINE_CHARS}")
}

#[test]
fn a_long_misspelt_value_gets_no_suggestion() {
    content::lang::set_test_languages();
    let half = repeat("x", "", MEGABYTE / 2);
    let topic = format!("{half}` `{half}");
    let problems = check_page(page(&topic, ""));
    let [variant, line] = problems.as_slice() else {
        panic!("{} problems", problems.len());
    };
    assert_eq!(line.message, long_line(topic.len() + 10));
    // Serde's message quotes the value, cut short.
    assert!(variant.message.len() < 1000, "{}", variant.message.len());
    assert!(
        variant.message.starts_with("unknown variant `xxx"),
        "{variant}"
    );
    assert!(
        variant.hint.starts_with("check the TOML syntax"),
        "{variant}"
    );
}

#[test]
fn raw_html_is_reported_once_per_block() {
    content::lang::set_test_languages();
    for body in [
        repeat("<b>", "\n", MEGABYTE),
        format!(
            "<script>\n{}",
            repeat("let a = 1; // left open", "\n", MEGABYTE)
        ),
    ] {
        let problems = check_page(page("labels", &body));
        assert_eq!(
            messages(&problems),
            [("raw HTML is not allowed in pages".to_owned(), 1)]
        );
        assert_eq!(problems[0].line, 11);
    }
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    content::lang::set_test_languages();
    let body = format!("{} x", repeat(">", "", MEGABYTE));
    let problems = check_page(page("labels", &body));
    assert_eq!(
        messages(&problems),
        [
            (
                "block quotes and lists are nested more than 16 deep".to_owned(),
                1
            ),
            (long_line(body.len()), 1),
        ]
    );
}

#[test]
fn many_broken_links_are_counted_past_the_limit() {
    content::lang::set_test_languages();
    let body = repeat("[a link](/aa/guides/nowhere)", "\n", MEGABYTE);
    let links = body.lines().count();
    let problems = check_page(page("labels", &body));
    assert_eq!(
        messages(&problems),
        [
            (
                "the link `/aa/guides/nowhere` leads to no page".to_owned(),
                MAX_PROBLEMS_PER_FILE
            ),
            (
                format!(
                    "and {} more problem(s) in this file",
                    links - MAX_PROBLEMS_PER_FILE
                ),
                1
            ),
        ]
    );
    assert_eq!(problems.last().unwrap().line, 11 + MAX_PROBLEMS_PER_FILE);
}

#[test]
fn every_line_longer_than_the_limit_is_reported_and_the_rest_still_checked() {
    content::lang::set_test_languages();
    let long = "word ".repeat(MAX_LINE_CHARS / 5 + 1);
    let body = format!("{long}\n\nshort\n\n# Title\n\n{long}");
    let problems = check_page(page("labels", &body));
    let at: Vec<(usize, usize, &str)> = problems
        .iter()
        .map(|p| (p.line, p.col, p.message.as_str()))
        .collect();
    let message = long_line(long.len());
    assert_eq!(
        at,
        [
            (11, MAX_LINE_CHARS + 1, message.as_str()),
            (
                15,
                1,
                "the body has a level-1 heading; the page title already is one"
            ),
            (17, MAX_LINE_CHARS + 1, message.as_str()),
        ]
    );
}

/// Read from disk, past the limit, however large: the file is refused and not parsed, and
/// the pages linking to it do not lose it.
#[test]
fn a_file_larger_than_the_limit_is_refused_unread() {
    content::lang::set_test_languages();
    let dir = std::env::temp_dir().join(format!("content-cli-limits-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    content_cli::copy_dir(&fixture, &dir).unwrap();
    let target = dir.join("aa/guides/check-a-claim.en.md");
    // A multi-byte character cut at the limit is not reported as text that is not UTF-8.
    let text = page("labels", &"é".repeat(MAX_FILE_BYTES));
    std::fs::write(&target, text).unwrap();
    let tree = read_tree(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(tree.problems.is_empty());
    let problems = checked_within_bound(tree);
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        ["aa/guides/check-a-claim.en.md:1:1: error: the file is larger than 1 MiB, the limit for one file\n  = help: split it into several pages (1 MiB is some 150,000 words); images and videos go in the country's media/ folder"]
    );
}
