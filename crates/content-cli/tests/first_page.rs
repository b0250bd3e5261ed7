//! CONTENT.md's "Your first page in 10 minutes", followed to the letter: its fenced blocks
//! marked `first-page` are run in order in a copy of the parts of the repository they use,
//! so what the guide tells a new editor is what works.
//!
//! - ```` ```sh first-page ````: each line a command, run by `sh` from the copy's root, with
//!   `cargo run … -p content-cli -- <args>` running this build's content-cli;
//! - ```` ```markdown first-page <path> ````: the file written at `<path>`;
//! - ```` ```diff first-page <path> ````: `-` lines of `<path>` replaced by the `+` lines;
//! - ```` ```<any> first-page-output ````: lines the previous command prints, in order
//!   (among others, such as warnings that depend on today's date).

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::Command;

struct Block {
    info: Vec<String>,
    text: String,
}

/// The fenced blocks of `markdown` whose info string's second word starts with `first-page`.
fn blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    for line in markdown.lines() {
        match (&mut open, line.strip_prefix("```")) {
            (None, Some(info)) => {
                open = Some(Block {
                    info: info.split_whitespace().map(str::to_owned).collect(),
                    text: String::new(),
                })
            }
            (Some(_), Some("")) => {
                let block = open.take().unwrap();
                if block
                    .info
                    .get(1)
                    .is_some_and(|w| w.starts_with("first-page"))
                {
                    blocks.push(block);
                }
            }
            (Some(block), _) => {
                block.text.push_str(line);
                block.text.push('\n');
            }
            (None, None) => {}
        }
    }
    assert!(
        open.is_none(),
        "a fenced block of CONTENT.md is never closed"
    );
    blocks
}

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `cargo`, as the walk-through's commands call it: `cargo run [-q] -p content-cli -- …`
/// runs the content-cli this test was built with; anything else is refused.
const CARGO: &str = r#"#!/bin/sh
while [ $# -gt 0 ]; do
  case "$1" in
    run|-q|--quiet|--locked|-p|--package|content-cli) shift ;;
    --) shift; exec "$CONTENT_CLI" "$@" ;;
    *) echo "the walk-through may only run content-cli, not: cargo $*" >&2; exit 99 ;;
  esac
done
echo "cargo run without -- <command>" >&2; exit 99
"#;

#[test]
fn the_first_page_walk_through_works_as_written() {
    let guide = std::fs::read_to_string(repository().join("CONTENT.md")).unwrap();
    let blocks = blocks(&guide);
    let count = |kind: &str| {
        blocks
            .iter()
            .filter(|b| b.info.first().is_some_and(|k| k == kind) && b.info[1] == "first-page")
            .count()
    };
    assert!(
        count("sh") >= 4 && count("markdown") >= 1 && count("diff") >= 1,
        "the walk-through lost its steps: {} blocks",
        blocks.len()
    );

    // What its commands read: the valid fixture, and the interface languages.
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("first-page-walk-through");
    let _ = std::fs::remove_dir_all(&root);
    let fixture = "crates/content-cli/tests/fixtures/valid";
    content_cli::copy_dir(&repository().join(fixture), &root.join(fixture)).unwrap();
    content_cli::copy_dir(&repository().join("i18n"), &root.join("i18n")).unwrap();
    std::fs::create_dir_all(root.join("target")).unwrap();
    let bin = root.join(".bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::write(bin.join("cargo"), CARGO).unwrap();
    Command::new("chmod")
        .arg("+x")
        .arg(bin.join("cargo"))
        .status()
        .unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );

    let mut last_output: Option<(String, String)> = None;
    let mut unchecked_failure: Option<String> = None;
    for block in &blocks {
        let kind = block.info[0].as_str();
        let file = || {
            let path = block.info.get(2).expect("a file block names its path");
            assert!(path.starts_with("target/"), "{path}: outside target/");
            root.join(path)
        };
        if block.info[1] == "first-page-output" {
            let (command, output) = last_output.take().expect("an output follows a command");
            unchecked_failure = None;
            let mut lines = output.lines();
            for want in block.text.lines() {
                assert!(
                    lines.any(|got| got == want),
                    "`{command}` did not print, in this order:\n{}\nIt printed:\n{output}",
                    block.text
                );
            }
            continue;
        }
        if let Some(command) = unchecked_failure.take() {
            panic!("`{command}` failed, and the guide shows no output for it");
        }
        match kind {
            "sh" => {
                for command in block.text.lines().filter(|l| !l.trim().is_empty()) {
                    if let Some(failed) = unchecked_failure.take() {
                        panic!("`{failed}` failed, and the guide shows no output for it");
                    }
                    let output = Command::new("sh")
                        .arg("-c")
                        .arg(command)
                        .current_dir(&root)
                        .env("PATH", &path)
                        .env("CONTENT_CLI", env!("CARGO_BIN_EXE_content-cli"))
                        .env_remove("BUILD_DATE")
                        .env_remove("SITE_URL")
                        .output()
                        .unwrap();
                    let text = format!(
                        "{}{}",
                        String::from_utf8_lossy(&output.stdout),
                        String::from_utf8_lossy(&output.stderr)
                    );
                    assert_ne!(output.status.code(), Some(99), "{text}");
                    if !output.status.success() {
                        unchecked_failure = Some(command.to_owned());
                    }
                    last_output = Some((command.to_owned(), text));
                }
            }
            "diff" => {
                let path = file();
                let text = std::fs::read_to_string(&path).unwrap();
                let removed: String = block
                    .text
                    .lines()
                    .filter_map(|l| l.strip_prefix('-'))
                    .map(|l| format!("{l}\n"))
                    .collect();
                let added: String = block
                    .text
                    .lines()
                    .filter_map(|l| l.strip_prefix('+'))
                    .map(|l| format!("{l}\n"))
                    .collect();
                assert_eq!(
                    text.matches(&removed).count(),
                    1,
                    "{}: the lines to change are not there once:\n{removed}",
                    path.display()
                );
                std::fs::write(&path, text.replacen(&removed, &added, 1)).unwrap();
            }
            _ => {
                let path = file();
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &block.text).unwrap();
            }
        }
    }
    if let Some(command) = unchecked_failure {
        panic!("`{command}` failed, and the guide shows no output for it");
    }
    // It ends with the page built.
    assert!(root
        .join("target/first-page-site/aa/en/guides/first-page.html")
        .exists());
    std::fs::remove_dir_all(&root).unwrap();
}
