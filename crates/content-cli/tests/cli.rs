//! The `content-cli` binary as editors and CI run it: its help, its exit codes, and the
//! problems in each `--format`, with paths from the repository root.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `content-cli <args>`, run from the repository root as the documentation says.
fn run(args: &[&str], build_date: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_content-cli"))
        .args(args)
        .current_dir(repository())
        .env("BUILD_DATE", build_date)
        .env_remove("SITE_URL")
        .env_remove("SITE_TOML")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// A copy of the valid fixture inside the repository (under target/), with `edit` applied
/// to one of its pages; its path from the repository root.
fn tree(name: &str, page: &str, edit: impl Fn(&str) -> String) -> String {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    content_cli::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid"),
        &dir,
    )
    .unwrap();
    let path = dir.join(page);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(&text)).unwrap();
    let root = std::fs::canonicalize(repository()).unwrap();
    std::fs::canonicalize(&dir)
        .unwrap()
        .strip_prefix(&root)
        .expect("CARGO_TARGET_TMPDIR is inside the repository")
        .to_string_lossy()
        .replace('\\', "/")
}

#[test]
fn the_help_names_every_command_and_option() {
    let help = run(&["--help"], "2025-02-01");
    assert!(help.status.success());
    let text = stdout(&help);
    for word in [
        "check",
        "build",
        "i18n",
        "site",
        "links",
        "help",
        "--strict",
        "--out",
        "--previous",
        "--format",
    ] {
        assert!(text.contains(word), "`{word}` is not in the help:\n{text}");
    }
    assert_eq!(stdout(&run(&["help"], "2025-02-01")), text);
    for (command, options) in [
        ("check", &["--strict", "--format", "BUILD_DATE"][..]),
        (
            "build",
            &["--strict", "--format", "--out", "--previous", "SITE_URL"],
        ),
        ("i18n", &["--format", "--out", "SITE_TOML"]),
        ("site", &["--format", "--out", "SITE_TOML"]),
        (
            "links",
            &[
                "--report",
                "--timeout",
                "--concurrency",
                "--strict",
                "--override-host",
            ],
        ),
    ] {
        let help = run(&["help", command], "2025-02-01");
        assert!(help.status.success(), "help {command}");
        let text = stdout(&help);
        assert_eq!(
            stdout(&run(&[command, "--help"], "2025-02-01")),
            text,
            "{command} --help"
        );
        for option in options {
            assert!(text.contains(option), "`{option}` not in help {command}");
        }
    }
    // Every option the links command parses is in its help.
    let links = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/links.rs"))
        .unwrap();
    let help = stdout(&run(&["help", "links"], "2025-02-01"));
    for option in links.split('"').filter(|s| {
        s.starts_with("--")
            && s.len() > 2
            && s[2..].bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
    }) {
        assert!(help.contains(option), "`{option}` not in help links");
    }
}

#[test]
fn a_wrong_command_line_says_what_and_exits_2() {
    for (args, says) in [
        (&["check"][..], "which folder?"),
        (
            &["check", "--out", "x", "content"],
            "`check` has no option `--out`",
        ),
        (
            &["check", "--format", "xml", "content"],
            "the formats are text, json and github",
        ),
        (&["build", "content"], "`build` needs `--out <dir>`"),
        (&["check", "content", "more"], "one folder only"),
        (&["frob"], "`frob` is not a command"),
        (&[], "Usage: content-cli <command>"),
    ] {
        let output = run(args, "2025-02-01");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains(says),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn problems_as_json_with_paths_from_the_repository_root() {
    let root = tree("json", "aa/guides/check-a-claim.en.md", |text| {
        text.replace("topic = \"check_a_claim\"", "topic = \"check_claims\"")
    });
    let output = run(&["check", "--format", "json", &root], "2025-02-01");
    assert_eq!(output.status.code(), Some(1));
    let problems: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        problems,
        serde_json::json!([{
            "file": format!("{root}/aa/guides/check-a-claim.en.md"),
            "line": 4,
            "col": 9,
            "severity": "error",
            "message": "unknown variant `check_claims`, expected one of `check_a_claim`, `manipulated_media`, `ai_generated`, `labels`, `coordinated_behaviour`, `reporting`, `how_to_vote`, `results`, `other`",
            "hint": "did you mean `check_a_claim`?"
        }])
    );
    // The same tree given as `./…/`: the same paths.
    let output = run(
        &["check", "--format", "json", &format!("./{root}/")],
        "2025-02-01",
    );
    assert!(stdout(&output).contains(&format!("\"{root}/aa/guides/check-a-claim.en.md\"")));
}

#[test]
fn warnings_are_warnings_and_errors_with_strict() {
    let root = tree("strict", "aa/_index.en.md", str::to_owned);
    // A year and more after the fixture's reviews, every page is due.
    let output = run(&["check", "--format", "json", &root], "2026-06-01");
    assert!(output.status.success(), "{}", stderr(&output));
    let warnings: Vec<serde_json::Value> = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(warnings.len(), 10);
    assert!(warnings.iter().all(|w| w["severity"] == "warning"));
    let output = run(
        &["check", "--strict", "--format", "json", &root],
        "2026-06-01",
    );
    assert_eq!(output.status.code(), Some(1));
    let errors: Vec<serde_json::Value> = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(errors.len(), 10);
    assert!(errors.iter().all(|e| e["severity"] == "error"));
    let output = run(&["check", "--format", "github", &root], "2026-06-01");
    assert!(stdout(&output).starts_with(&format!(
        "::warning file={root}/aa/_index.en.md,line=4,col=12,title=Content warning::this page was last reviewed"
    )));
    // Nothing due: an empty array, and nothing at all for GitHub.
    let output = run(&["check", "--format", "json", &root], "2025-02-01");
    assert_eq!(stdout(&output), "[]\n");
    let output = run(&["check", "--format", "github", &root], "2025-02-01");
    assert_eq!(stdout(&output), "");
    assert!(stderr(&output).contains("content ok"));
}

#[test]
fn problems_as_github_workflow_commands() {
    // A comma in the folder's name, a `%` in the message.
    let root = tree("git,hub", "aa/guides/check-a-claim.en.md", |text| {
        text.replace(
            "Stop. Look",
            "Stop, [here](http://example.org/100%25). Look",
        )
    });
    let escaped = root.replace(',', "%2C");
    let output = run(&["check", "--format", "github", &root], "2025-02-01");
    assert_eq!(output.status.code(), Some(1));
    // One command a line; `%`, new lines, and in properties `:` and `,`, escaped.
    assert_eq!(
        stdout(&output),
        format!(
            "::error file={escaped}/aa/guides/check-a-claim.en.md,line=18,col=7,title=Content error::\
             `http://example.org/100%2525` uses http, which can be intercepted%0Ahelp: use the \
             https:// address of the same page\n"
        )
    );
    assert!(stderr(&output).contains("1 problem(s)"));
}

/// The identity's checker prints each problem at its line, from the repository root, and
/// fails; the shipped identity passes.
#[test]
fn site_checks_the_identity() {
    let fixture = "crates/content-cli/tests/fixtures/identity-invalid/contrast-too-low/site.toml";
    let output = run(&["site", fixture], "2025-02-01");
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.contains(&format!("{fixture}:7:9: error: [colours.light]: secondary text (summaries, the footer) and the search field's border: `muted` #8a8f97 on `background` #ffffff has a contrast of 3.25:1, below 4.5:1")),
        "{text}"
    );
    assert!(
        text.ends_with(&format!("problem(s) in {fixture}; nothing was published\n")),
        "{text}"
    );
    let output = run(&["site", "--format", "json", fixture], "2025-02-01");
    assert!(
        stdout(&output).contains(&format!("\"file\": \"{fixture}\"")),
        "{}",
        stdout(&output)
    );
    let shipped = run(&["site"], "2025-02-01");
    assert!(shipped.status.success(), "{}", stderr(&shipped));
    assert!(stderr(&shipped).contains("identity ok: site.toml"));
}

/// `i18n --out` writes the identity SITE_TOML names, whose languages are the interface's.
#[test]
fn i18n_writes_the_identity_site_toml_names() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-i18n-identity");
    let output = Command::new(env!("CARGO_BIN_EXE_content-cli"))
        .args(["i18n", "i18n", "--out"])
        .arg(&out)
        .current_dir(repository())
        .env(
            "SITE_TOML",
            "crates/content-cli/tests/fixtures/identity/site.toml",
        )
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let fr = std::fs::read_to_string(out.join("fr.json")).unwrap();
    assert!(fr.contains("\"Boussole du vote\""), "{fr}");
}
