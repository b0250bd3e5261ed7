//! `content-cli check <content-dir>`: report every problem, exit 1 if there is any.
//! `content-cli build <content-dir> --out <dir>`: check, then write the manifests and the
//! page bodies (Markdown rendered to safe HTML) the app fetches. Nothing is written when the content has problems.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::{fs, io};

use content::site::{self, Site, SourceFile};

const USAGE: &str = "usage: content-cli check <content-dir>\n       content-cli build <content-dir> --out <output-dir>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["check", dir] => check(Path::new(dir)).map(|_| ()),
        ["build", dir, "--out", out] => check(Path::new(dir)).and_then(|site| build(&site, Path::new(out))),
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn check(dir: &Path) -> Result<Site, String> {
    let files = read_tree(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let (site, problems) = site::load(&files);
    if problems.is_empty() {
        let pages: usize = site.countries.iter().map(|c| c.pages.len()).sum();
        eprintln!("content ok: {} countries, {pages} pages", site.countries.len());
        return Ok(site);
    }
    let root = dir.display().to_string();
    let report: Vec<String> = problems.iter().map(|p| format!("{}/{p}", root.trim_end_matches('/'))).collect();
    Err(format!("{}\n\n{} problem(s) in {root}; nothing was published", report.join("\n"), problems.len()))
}

fn build(site: &Site, out: &Path) -> Result<(), String> {
    let write = |path: PathBuf, data: &[u8]| -> Result<(), String> {
        fs::create_dir_all(path.parent().expect("output paths have a parent")).map_err(|e| format!("{}: {e}", path.display()))?;
        fs::write(&path, data).map_err(|e| format!("{}: {e}", path.display()))
    };
    write(out.join("index.json"), &to_json(&site.index()))?;
    for country in &site.countries {
        let dir = out.join(&country.summary.code);
        for lang in &country.summary.languages {
            if let Some(manifest) = country.manifest(lang) {
                write(dir.join(format!("{lang}.json")), &to_json(&manifest))?;
            }
        }
        for page in country.pages.iter().filter(|p| !p.draft) {
            write(dir.join(&page.entry.body), content::render_markdown(&page.markdown).html.as_bytes())?;
        }
    }
    eprintln!("manifests written to {}", out.display());
    Ok(())
}

fn to_json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("manifest types always serialise")
}

/// Every `.md` and `.toml` file under `dir`, with paths relative to it, in a stable order.
fn read_tree(dir: &Path) -> io::Result<Vec<SourceFile>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in fs::read_dir(&current)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md" || e == "toml") {
                let relative = path.strip_prefix(dir).expect("walked from dir").to_string_lossy().replace('\\', "/");
                files.push(SourceFile { path: relative, text: fs::read_to_string(&path)? });
            }
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}
