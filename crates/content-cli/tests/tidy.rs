//! Conventions of the whole workspace, enforced as tests rather than by reviewers' memory.
//! Each test holds one invariant of ARCHITECTURE.md ("Invariants") and names the file and
//! line that breaks it. They read the source as text, with comments and the insides of
//! string literals blanked (`rust_source`), so prose about a rule never breaks it.

use std::process::Command;

use content::markdown::{FOOTNOTE_ID_PREFIX, HEADING_ID_PREFIX};

mod rust_source;
use rust_source::{find_word, rust_files, workspace_root, SourceFile};

/// Fails with every place at once, one per line.
fn assert_none(invariant: &str, places: Vec<String>) {
    assert!(
        places.is_empty(),
        "{invariant}, but:\n  {}\n",
        places.join("\n  ")
    );
}

/// `file:line: what` for each occurrence of each word in the code of `files`.
fn occurrences<'a>(files: impl IntoIterator<Item = &'a SourceFile>, words: &[&str]) -> Vec<String> {
    let mut places = Vec::new();
    for file in files {
        for word in words {
            for at in find_word(&file.lexed.code, word) {
                places.push(format!("{}: {}", file.at(at), word.trim_end_matches('*')));
            }
        }
    }
    places
}

#[test]
fn content_is_pure() {
    let files = rust_files("crates/content/src");
    let mut places = occurrences(
        &files,
        &[
            "std::fs",
            "std::net",
            "std::process",
            "std::env",
            "File::",
            "web_sys",
            "js_sys",
            "wasm_bindgen",
            "gloo*",
        ],
    );
    // `use std::{fs, io}` names the module without the `std::fs` path.
    for file in &files {
        for at in find_word(&file.lexed.code, "std::{") {
            let group = &file.lexed.code[at..];
            let group = &group[..group.find(['}', ';']).unwrap_or(group.len())];
            for module in ["fs", "net", "process", "env"] {
                if !find_word(group, module).is_empty() {
                    places.push(format!("{}: std::{{{module}}}", file.at(at)));
                }
            }
        }
    }
    assert_none(
        "crates/content must do no I/O and know no browser APIs (the checker, the build, the \
         app and the pre-renderer share it; I/O belongs in content-cli or src/api.rs)",
        places,
    );
}

#[test]
fn only_api_talks_to_the_network() {
    let files: Vec<SourceFile> = rust_files("src")
        .into_iter()
        .filter(|f| f.path != "src/api.rs")
        .collect();
    let mut places = occurrences(
        &files,
        &[
            "gloo_net",
            "gloo::net",
            "reqwest",
            "Request::",
            "RequestInit",
            "XmlHttpRequest",
            "WebSocket",
            "EventSource",
            "send_beacon",
        ],
    );
    // `fetch` as a method or a path (`window.fetch_with_str(…)`, `web_sys::…::fetch`); a
    // local closure named `fetch` that calls `api` is not a request of its own.
    for file in &files {
        let code = &file.lexed.code;
        for at in find_word(code, "fetch*") {
            if code[..at].ends_with('.') || code[..at].ends_with("::") {
                places.push(format!("{}: fetch", file.at(at)));
            }
        }
    }
    assert_none(
        "only src/api.rs may talk to the network (one store, one place to see every request)",
        places,
    );
}

#[test]
fn markdown_is_not_in_the_wasm() {
    let places = occurrences(
        &rust_files("src"),
        &["markdown::", "render_markdown", "pulldown_cmark"],
    );
    assert_none(
        "the app must not render Markdown: the build did (content-cli), the app shows its HTML",
        places,
    );

    let root = workspace_root();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let tree = |edges: &str, extra: &[&str]| {
        let out = Command::new(&cargo)
            .current_dir(root)
            .args(["tree", "--locked", "-p", "election-center"])
            .args(["--target", "wasm32-unknown-unknown", "-e", edges])
            .args(extra)
            .output()
            .expect("cargo runs");
        assert!(
            out.status.success(),
            "cargo tree failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let packages = tree("normal", &["--prefix", "none", "--format", "{p}"]);
    if packages.lines().any(|p| p.starts_with("pulldown-cmark ")) {
        let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
        let features: Vec<String> = manifest
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim_start().starts_with("content") && l.contains("features"))
            .map(|(n, l)| format!("Cargo.toml:{}: {l}", n + 1))
            .collect();
        panic!(
            "pulldown-cmark is compiled into the wasm: a `content` dependency the wasm build \
             sees enables its `render` or `build` feature (enable them only under \
             cfg(not(target_arch = \"wasm32\")), if at all):\n  {}\nBrought in by:\n{}",
            features.join("\n  "),
            tree("normal,features", &["-i", "pulldown-cmark"])
        );
    }
}

/// The JSON Schemas are generated natively (`content`'s `schema` feature, for the content
/// build): the schema generator must not reach the wasm, which reads the manifests only.
#[test]
fn schema_generation_is_not_in_the_wasm() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = Command::new(&cargo)
        .current_dir(workspace_root())
        .args(["tree", "--locked", "-p", "election-center"])
        .args([
            "--target",
            "wasm32-unknown-unknown",
            "-e",
            "normal,features",
        ])
        .args(["--prefix", "none", "--format", "{p} {f}"])
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "cargo tree failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8(out.stdout).unwrap();
    let places: Vec<String> = tree
        .lines()
        .filter(|l| {
            l.starts_with("schemars ")
                || l.starts_with("jsonschema ")
                || (l.starts_with("content ") && l.contains("schema"))
        })
        .map(str::to_owned)
        .collect();
    assert_none(
        "the wasm must not compile the schema generator: enable `content`'s `schema` feature \
         only in native crates (content-cli)",
        places,
    );
}

/// Every id in a rendered body starts with `h-` or `fn-`; an id the app writes that starts
/// so too could be taken by a heading, breaking the skip link or `aria-labelledby`.
#[test]
fn app_ids_are_reserved() {
    let prefixes = [HEADING_ID_PREFIX, FOOTNOTE_ID_PREFIX];
    // Whether an id whose text starts with `fixed` (all of it, or the part before a `{}`
    // when `whole` is false) could start with a rendered id's prefix.
    let may_be_rendered = |fixed: &str, whole: bool| {
        prefixes
            .iter()
            .any(|p| fixed.starts_with(p) || (!whole && p.starts_with(fixed)))
    };
    let mut places = Vec::new();
    for file in rust_files("src") {
        let code = &file.lexed.code;
        let bytes = code.as_bytes();
        for (at, _) in code.match_indices("id") {
            let before = at.checked_sub(1).map(|i| bytes[i]);
            let declared = ["let", "mut"]
                .iter()
                .any(|w| code[..at].trim_end().ends_with(w));
            if declared || before.is_some_and(|b| b.is_ascii_alphanumeric() || b"_-.".contains(&b))
            {
                continue;
            }
            let after = code[at + 2..].trim_start();
            let Some(value) = after
                .strip_prefix('=')
                .filter(|v| !v.starts_with(['=', '>']))
            else {
                continue;
            };
            let value_at = code.len() - value.trim_start().len();
            let literal = |start: usize| {
                file.lexed
                    .literals
                    .iter()
                    .find(|l| l.start == start)
                    .map(|l| l.value.as_str())
            };
            if let Some(id) = literal(value_at) {
                if may_be_rendered(id, true) {
                    places.push(format!("{}: id \"{id}\"", file.at(at)));
                }
            } else if let Some(args) = code[value_at..].strip_prefix("format!(") {
                let pattern = literal(code.len() - args.trim_start().len()).unwrap_or("");
                let fixed = &pattern[..pattern.find('{').unwrap_or(pattern.len())];
                if may_be_rendered(fixed, false) {
                    places.push(format!(
                        "{}: an id built from {pattern:?}, which could start like a rendered id \
                         (start it with a fixed word, as `section-{{}}` does)",
                        file.at(at)
                    ));
                }
            } else {
                places.push(format!(
                    "{}: an id this test cannot read (write it as a literal)",
                    file.at(at)
                ));
            }
        }
    }
    assert_none(
        "no id the app writes may start with `h-` or `fn-`, the prefixes of the ids in a \
         rendered body (content::markdown), so no heading or footnote can take it",
        places,
    );
}

/// Hrefs are written by `content::route` (`Route::href`); a string that starts an address
/// with the interface language (`"{lang}/{code}"`, `"/{ui}/…"`, `"{}/…"`) is a second copy
/// of it, which drifts. Content file paths (`content/{code}/…`) are not routes.
#[test]
fn addresses_come_from_the_route_module() {
    let mut places = Vec::new();
    for file in rust_files("src") {
        for literal in &file.lexed.literals {
            let path = literal.value.strip_prefix('/').unwrap_or(&literal.value);
            let placeholder = path
                .strip_prefix('{')
                .and_then(|p| p.split_once('}'))
                .filter(|(_, rest)| rest.starts_with('/'))
                .map(|(name, _)| name.split(':').next().unwrap_or(""));
            let is_language = |name: &str| {
                name.is_empty() || name.contains("lang") || name == "ui" || name.starts_with("ui_")
            };
            if placeholder.is_some_and(is_language) {
                places.push(format!(
                    "{}: {:?} builds an address (use content::route::Route::href)",
                    file.at(literal.start),
                    literal.value
                ));
            }
        }
    }
    assert_none(
        "every address of the site is written by content::route",
        places,
    );
}
