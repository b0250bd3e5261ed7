//! `prerender <dist>`: after Trunk and the content build have written `<dist>`, renders
//! every route of every country in every interface language with the app's own components
//! (Leptos, natively) and writes each as a static page: `/` → `index.html`, `/fr/ro` →
//! `fr/ro.html` (hubs, section lists, pages), and `404.html`. See `election_center::prerender` for one page.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use content::{lang::UI_LANGUAGES, CountryManifest, Section, SiteIndex};

fn main() -> ExitCode {
    let Some(dist) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: prerender <dist-dir>");
        return ExitCode::from(2);
    };
    match run(&dist) {
        Ok(count) => {
            println!("prerender: {count} pages written to {}", dist.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(dist: &Path) -> Result<usize, String> {
    let read = |rel: &str| {
        fs::read_to_string(dist.join(rel)).map_err(|e| format!("{}: {e}", dist.join(rel).display()))
    };
    let template = read("index.html")?;
    // Every file the app may fetch, at hand under the URL the app asks for.
    for dir in ["content", "i18n"] {
        preload_tree(dist, &dist.join(dir))?;
    }
    let index: SiteIndex = serde_json::from_str(&read("content/index.json")?)
        .map_err(|e| format!("content/index.json: {e}"))?;
    let mut routes = vec![("/".to_owned(), "index.html".to_owned())];
    for lang in UI_LANGUAGES {
        routes.push((format!("/{lang}"), format!("{lang}.html")));
        for country in &index.countries {
            let shown = if country.languages.iter().any(|l| l == lang) {
                lang
            } else {
                &country.default_language
            };
            let manifest: CountryManifest =
                serde_json::from_str(&read(&format!("content/{}/{shown}.json", country.code))?)
                    .map_err(|e| format!("content/{}/{shown}.json: {e}", country.code))?;
            let hub = format!("{lang}/{}", country.code);
            routes.push((format!("/{hub}"), format!("{hub}.html")));
            for section in Section::ALL {
                if manifest.pages.iter().any(|p| p.section == Some(section)) {
                    let path = format!("{hub}/{}", section.dir());
                    routes.push((format!("/{path}"), format!("{path}.html")));
                }
            }
            for page in &manifest.pages {
                if let Some(section) = page.section {
                    let path = format!("{hub}/{}/{}", section.dir(), page.slug);
                    routes.push((format!("/{path}"), format!("{path}.html")));
                }
            }
        }
    }
    // Any path the host does not know: the not-found page, which still starts the app.
    routes.push(("/404".to_owned(), "404.html".to_owned()));
    for (path, file) in &routes {
        let page = election_center::prerender::page(&template, path)?;
        let out = dist.join(file);
        if let Some(parent) = out.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        fs::write(&out, page).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    Ok(routes.len())
}

fn preload_tree(dist: &Path, dir: &Path) -> Result<(), String> {
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            preload_tree(dist, &path)?;
        } else if path.extension().is_some_and(|e| e == "json" || e == "html") {
            let url = path
                .strip_prefix(dist)
                .map_err(|e| e.to_string())?
                .to_string_lossy()
                .replace('\\', "/");
            let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            election_center::prerender::preload(url, &text);
        }
    }
    Ok(())
}
