//! `content-cli check [--strict] <content-dir>`: report every problem, exit 1 if there is
//! any. Pages due for review (as of `BUILD_DATE`, else today) are warnings, errors with
//! `--strict`. The
//! interface languages are those of `./i18n/` (one `<lang>.toml` each).
//! `content-cli i18n <i18n-dir> [--out <dir>]`: check the interface translations; write
//! them as JSON with `--out`.
//! `content-cli build <content-dir> --out <dir> [--previous <dir>]`: check, then write the
//! manifests, the page bodies (Markdown rendered to safe HTML) and the media the app
//! fetches, and the open feeds (FEEDS.md): their addresses under `SITE_URL`, changes since
//! the build published in `--previous` dated `BUILD_DATE` (else today, UTC). Nothing is
//! written when the content has problems.
//! `content-cli links <content-dir> […]`: ask every address of another site the content
//! links to whether it still answers (`src/links.rs`; needs network, not part of the tests).

use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: content-cli check [--strict] <content-dir>\n       content-cli build [--strict] <content-dir> --out <output-dir> [--previous <published-content-dir>]\n       content-cli i18n <i18n-dir> [--out <output-dir>]\n       content-cli links <content-dir> [--report <file>] [--timeout <seconds>] [--concurrency <n>] [--strict]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("i18n") {
        return i18n(&args[1..]);
    }
    if args.first().map(String::as_str) == Some("links") {
        return content_cli::links::main(&args[1..]);
    }
    // `--strict`: pages due for review are errors, not warnings (content CI uses it).
    let strict = args.iter().any(|a| a == "--strict");
    let mut previous = None;
    let (dir, out) = match args
        .iter()
        .map(String::as_str)
        .filter(|a| *a != "--strict")
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["check", dir] => (Path::new(*dir).to_owned(), None),
        ["build", dir, "--out", out] => {
            (Path::new(*dir).to_owned(), Some(Path::new(*out).to_owned()))
        }
        ["build", dir, "--out", out, "--previous", before] => {
            previous = Some(Path::new(*before).to_owned());
            (Path::new(*dir).to_owned(), Some(Path::new(*out).to_owned()))
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    // Which languages voters can be shown: the interface's (run from the repository).
    let i18n_dir = Path::new("i18n");
    match content_cli::interface_languages(i18n_dir) {
        Ok(languages) => {
            content::lang::set_languages(languages);
        }
        Err(e) => {
            eprintln!(
                "cannot read the interface languages in {}: {e}",
                i18n_dir.display()
            );
            return ExitCode::FAILURE;
        }
    }
    let tree = match content_cli::read_tree(&dir) {
        Ok(tree) => tree,
        Err(e) => {
            eprintln!("cannot read {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    let mut site = match content_cli::check(&tree) {
        Ok(site) => site,
        Err(problems) => {
            eprintln!("{}", content_cli::report(&dir, &problems));
            return ExitCode::FAILURE;
        }
    };
    let today = match content_cli::build_date(std::env::var("BUILD_DATE").ok().as_deref()) {
        Ok(today) => today,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let warnings = site.review(&today);
    if !warnings.is_empty() {
        if strict {
            eprintln!("{}", content_cli::report(&dir, &warnings));
            return ExitCode::FAILURE;
        }
        eprintln!("{}", content_cli::report_warnings(&dir, &warnings));
    }
    let pages: usize = site.countries.iter().map(|c| c.pages.len()).sum();
    eprintln!(
        "content ok: {} countries, {pages} pages",
        site.countries.len()
    );
    if let Some(out) = out {
        let env = |name| std::env::var(name).ok();
        let publish = match content_cli::Publish::new(env("SITE_URL").as_deref(), &today, previous)
        {
            Ok(publish) => publish,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        };
        match content_cli::build_with(&site, &dir, &out, &publish) {
            Ok(notes) => notes.iter().for_each(|n| eprintln!("note: {n}")),
            Err(e) => {
                eprintln!("cannot write {}: {e}", out.display());
                return ExitCode::FAILURE;
            }
        }
        eprintln!("manifests written to {}", out.display());
    }
    ExitCode::SUCCESS
}

fn i18n(args: &[String]) -> ExitCode {
    let (dir, out) = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [dir] => (Path::new(*dir).to_owned(), None),
        [dir, "--out", out] => (Path::new(*dir).to_owned(), Some(Path::new(*out).to_owned())),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let catalog = match content_cli::check_i18n(&dir) {
        Ok(Ok(catalog)) => catalog,
        Ok(Err(problems)) => {
            eprintln!("{}", content_cli::report(&dir, &problems));
            return ExitCode::FAILURE;
        }
        Err(e) => {
            eprintln!("cannot read {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    eprintln!(
        "translations ok: {}",
        catalog.keys().cloned().collect::<Vec<_>>().join(", ")
    );
    if let Some(out) = out {
        if let Err(e) = content_cli::build_i18n(&catalog, &out) {
            eprintln!("cannot write {}: {e}", out.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
