//! `content-cli check <content-dir>`: report every problem, exit 1 if there is any.
//! `content-cli build <content-dir> --out <dir>`: check, then write the manifests, the page
//! bodies (Markdown rendered to safe HTML) and the media the app fetches. Nothing is
//! written when the content has problems.

use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: content-cli check <content-dir>\n       content-cli build <content-dir> --out <output-dir>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, out) = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["check", dir] => (Path::new(*dir).to_owned(), None),
        ["build", dir, "--out", out] => (Path::new(*dir).to_owned(), Some(Path::new(*out).to_owned())),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let tree = match content_cli::read_tree(&dir) {
        Ok(tree) => tree,
        Err(e) => {
            eprintln!("cannot read {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    let site = match content_cli::check(&tree) {
        Ok(site) => site,
        Err(problems) => {
            eprintln!("{}", content_cli::report(&dir, &problems));
            return ExitCode::FAILURE;
        }
    };
    let pages: usize = site.countries.iter().map(|c| c.pages.len()).sum();
    eprintln!("content ok: {} countries, {pages} pages", site.countries.len());
    if let Some(out) = out {
        if let Err(e) = content_cli::build(&site, &dir, &out) {
            eprintln!("cannot write {}: {e}", out.display());
            return ExitCode::FAILURE;
        }
        eprintln!("manifests written to {}", out.display());
    }
    ExitCode::SUCCESS
}
