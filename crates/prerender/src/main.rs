//! `prerender <dist>`: after Trunk and the content build have written `<dist>`, renders
//! every route of every country in every interface language (`content::route::site_routes`)
//! with the app's own components (Leptos, natively) and writes each as a static page
//! (`/fr/ro` → `fr/ro.html`, `/` → `index.html`) and `404.html`; then the lists of those
//! pages: `routes.json` (what the browser tests walk), the sitemap with each page's
//! language versions (`sitemap.xml`, an index of one sitemap per interface language,
//! `sitemap-fr.xml`, split further past the protocol's 50,000 addresses or 50 MB a file;
//! `sitemap.rs`), and the index's address in `robots.txt`; and a web app manifest per
//! interface language (`<lang>.webmanifest`, which its pages link).
//!
//! Absolute addresses (canonical links, hreflang, the sitemap) need the site's public
//! address: `SITE_URL` (`https://elections.example.org/`, with any sub-path the site is
//! served under); see `site_url`. The deployment's identity (`SITE_TOML`, else
//! `site.toml`: README → Your own identity) gives every page's theme colours and, with an
//! organisation, its JSON-LD; see `head`.
//!
//! `prerender --editor <dist>`, once the editor's own build has written `<dist>/editor/`
//! (crates/editor): the editor's page at each of its addresses (`/fr/editor` →
//! `fr/editor.html`, `content::route::Editor`), under the site's `<base href>`. It is no
//! route of the voter app, so it is in neither `routes.json` nor the sitemap.

mod feeds;
mod sitemap;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use content::route::{site_routes, Editor, Route};
use content::{CountryManifest, SiteIndex};
use election_center::prerender::Head;

fn main() -> ExitCode {
    let mut args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let editor = args.first().is_some_and(|a| a.as_os_str() == "--editor");
    if editor {
        args.remove(0);
    }
    let [dist] = args.as_slice() else {
        eprintln!(
            "usage: SITE_URL=https://… prerender <dist-dir>\n       prerender --editor <dist-dir>"
        );
        return ExitCode::from(2);
    };
    let done = if editor {
        editor_pages(dist)
    } else {
        run(dist, std::env::var("SITE_URL").ok())
    };
    match done {
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

fn run(dist: &Path, site_url: Option<String>) -> Result<usize, String> {
    let read = |rel: &str| {
        fs::read_to_string(dist.join(rel)).map_err(|e| format!("{}: {e}", dist.join(rel).display()))
    };
    let changed = std::sync::atomic::AtomicUsize::new(0);
    let write = |rel: &str, text: &str| {
        let out = dist.join(rel);
        // A page the same as the one there is left alone: a rebuild after one change writes
        // only the pages that changed (their dates, and so their compressed copies, too).
        if fs::read(&out).is_ok_and(|old| old == text.as_bytes()) {
            return Ok(());
        }
        changed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if let Some(parent) = out.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        fs::write(&out, text).map_err(|e| format!("{}: {e}", out.display()))
    };
    let template = read("index.html")?;
    let site_url = site_url_for(site_url.as_deref(), &template)?;
    // The interface languages are data: every route is read against them.
    let languages: Vec<(String, String)> = serde_json::from_str(&read("i18n/languages.json")?)
        .map_err(|e| format!("i18n/languages.json: {e}"))?;
    content::lang::set_languages(languages);
    let head = head(&site_url)?;
    // Every file the app may fetch, at hand under the URL the app asks for. The app's store
    // is per thread, so each thread of the pool gets its own.
    let mut files = Vec::new();
    for dir in ["content", "i18n"] {
        read_tree(dist, &dist.join(dir), &mut files)?;
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .build()
        .map_err(|e| format!("no threads: {e}"))?;
    pool.broadcast(|_| {
        for (url, text) in &files {
            election_center::prerender::preload(url.clone(), text);
        }
    });
    drop(files);
    let count = pool.install(|| render_all(dist, &template, &site_url, &head, &write))?;
    println!(
        "prerender: {} files changed",
        changed.load(std::sync::atomic::Ordering::Relaxed)
    );
    Ok(count)
}

/// Every route, the not-found page and the web app manifests, on every thread of the pool
/// that holds the build's files; then the lists of pages.
fn render_all(
    dist: &Path,
    template: &str,
    site_url: &str,
    head: &Head,
    write: &(impl Fn(&str, &str) -> Result<(), String> + Sync),
) -> Result<usize, String> {
    use rayon::prelude::*;
    let read = |rel: &str| {
        fs::read_to_string(dist.join(rel)).map_err(|e| format!("{}: {e}", dist.join(rel).display()))
    };
    let index: SiteIndex = serde_json::from_str(&read("content/index.json")?)
        .map_err(|e| format!("content/index.json: {e}"))?;
    let mut manifests = feeds::Manifests::new();
    let routes = site_routes(&index, |country, lang| {
        let key = (country.code.clone(), lang.to_owned());
        if let Some(manifest) = manifests.get(&key) {
            return Ok(manifest.clone());
        }
        let file = format!("content/{}/{lang}.json", country.code);
        let manifest = serde_json::from_str::<CountryManifest>(&read(&file)?)
            .map_err(|e| format!("{file}: {e}"))?;
        manifests.insert(key, manifest.clone());
        Ok::<_, String>(manifest)
    })?;
    routes.par_iter().try_for_each(|route| {
        let page = election_center::prerender::page(template, &route.path(), site_url, head)?;
        let page = match feeds::link(route, &index, &manifests, site_url) {
            Some(link) => feeds::into_head(&page, &link),
            None => page,
        };
        write(&route.file(), &page)
    })?;
    // Any path the host does not know: the not-found page, which still starts the app.
    write(
        "404.html",
        &election_center::prerender::page(template, "/404", site_url, head)?,
    )?;
    for lang in content::lang::Lang::all() {
        write(
            &format!("{lang}.webmanifest"),
            &election_center::prerender::web_manifest(lang, base_href(template)?, head)?,
        )?;
    }
    write("routes.json", &routes_json(&routes, &index))?;
    let sitemaps = sitemap::write(&routes, site_url, sitemap::Limits::PROTOCOL, write)?;
    remove_other_sitemaps(dist, &sitemaps)?;
    // The line this step adds is taken out first, so that running it again on the same
    // build does not add it twice.
    let line = format!("Sitemap: {site_url}sitemap.xml");
    let robots = fs::read_to_string(dist.join("robots.txt")).unwrap_or_default();
    let robots: Vec<&str> = robots.lines().filter(|l| *l != line).collect();
    write(
        "robots.txt",
        &format!("{}\n{line}\n", robots.join("\n").trim_end()),
    )?;
    Ok(routes.len() + 1)
}

/// Removes the sitemaps (and their compressed copies) an earlier run on the same folder
/// wrote and this one did not, such as `sitemap-fr.2.xml` once French fits one file again:
/// the index no longer names them, but a search engine that knew them would still read them.
fn remove_other_sitemaps(dist: &Path, written: &[String]) -> Result<(), String> {
    for entry in fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let Some(xml) = ["", ".br", ".gz"]
            .iter()
            .find_map(|ext| name.strip_suffix(ext).filter(|n| n.ends_with(".xml")))
        else {
            continue;
        };
        if xml.starts_with("sitemap-") && !written.iter().any(|w| w == xml) {
            fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// What the deployment's identity puts in every page's head: its backgrounds, and the
/// organisation that publishes the site (its logo, if any, is the site's favicon). The
/// build has checked the identity before (`content-cli site`); a problem here stops too.
fn head(site_url: &str) -> Result<Head, String> {
    use content::identity;
    let path = std::env::var_os("SITE_TOML")
        .filter(|p| !p.is_empty())
        .map_or_else(|| PathBuf::from("site.toml"), PathBuf::from);
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let file = content::site::SourceFile {
        path: path.display().to_string(),
        text,
    };
    let dir = path.parent().unwrap_or(Path::new(""));
    let identity =
        identity::load(&file, |logo| fs::read(dir.join(logo)).ok()).map_err(|problems| {
            let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
            problems.join("\n")
        })?;
    let (light, dark) = identity.backgrounds();
    let publisher = identity.organisation.as_ref().map(|o| {
        let mut organisation = serde_json::json!({
            "@type": "Organization",
            "name": o.name,
            "url": o.url,
        });
        if let Some(email) = &o.email {
            organisation["email"] = email.as_str().into();
        }
        if !o.same_as.is_empty() {
            organisation["sameAs"] = o.same_as.clone().into();
        }
        if identity.logo.is_some() {
            organisation["logo"] = format!("{site_url}{}", identity::LOGO_FILE).into();
        }
        organisation
    });
    Ok(Head {
        background: (light.to_string(), dark.to_string()),
        publisher,
    })
}

/// The editor's page at every `/<lang>/editor`, from the page its build wrote
/// (`editor/index.html`, removed once used: it is no address of the site), with the
/// site's `<base href>`, against which its files' relative addresses (`editor/…`) resolve.
fn editor_pages(dist: &Path) -> Result<usize, String> {
    let read = |rel: &str| {
        fs::read_to_string(dist.join(rel)).map_err(|e| format!("{}: {e}", dist.join(rel).display()))
    };
    let template = read("editor/index.html")?;
    let site_page = read("index.html")?;
    let base = base_href(&site_page)?;
    let languages: Vec<(String, String)> = serde_json::from_str(&read("i18n/languages.json")?)
        .map_err(|e| format!("i18n/languages.json: {e}"))?;
    content::lang::set_languages(languages);
    let page = editor_page(&template, base)?;
    let mut count = 0;
    for editor in Editor::all() {
        let out = dist.join(editor.file());
        if let Some(parent) = out.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        fs::write(&out, &page).map_err(|e| format!("{}: {e}", out.display()))?;
        count += 1;
    }
    let used = dist.join("editor/index.html");
    fs::remove_file(&used).map_err(|e| format!("{}: {e}", used.display()))?;
    Ok(count)
}

/// The editor's page: its build's page with the site's `<base href>` before any address,
/// after the charset and the Content-Security-Policy (`scripts/editor-page.mjs`).
fn editor_page(template: &str, base: &str) -> Result<String, String> {
    let charset = "<meta charset=\"utf-8\">";
    let after = template
        .find("<meta http-equiv=\"Content-Security-Policy\"")
        .or_else(|| template.find(charset))
        .and_then(|at| Some(at + template[at..].find('>')? + 1))
        .filter(|_| !template.contains("<base"))
        .ok_or("editor/index.html: no `<meta charset=\"utf-8\">`, or a <base> already")?;
    Ok(format!(
        "{}\n  <base href=\"{}\">{}",
        &template[..after],
        election_center::prerender::escape(base),
        &template[after..]
    ))
}

/// The path of the `<base href>` Trunk wrote (`/`, `/election-center/`).
fn base_href(template: &str) -> Result<&str, String> {
    template
        .split("<base href=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .ok_or_else(|| "index.html has no <base href>".to_owned())
}

/// The site's public address, ending in `/`: `SITE_URL` when set, else a local one (a
/// build to try out, not to publish). Its path must be the `<base href>` the build was
/// made for (Trunk's `--public-url`), or every absolute address would be wrong.
fn site_url_for(given: Option<&str>, template: &str) -> Result<String, String> {
    let base = base_href(template)?;
    let Some(given) = given.filter(|g| !g.is_empty()) else {
        let local = format!("http://127.0.0.1:8080{base}");
        println!("prerender: SITE_URL is not set; canonical addresses and the sitemap use {local}");
        return Ok(local);
    };
    let url = if given.ends_with('/') {
        given.to_owned()
    } else {
        format!("{given}/")
    };
    let path = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .and_then(|rest| rest.find('/').map(|i| &rest[i..]))
        .ok_or_else(|| format!("SITE_URL `{given}` is not an http(s) address"))?;
    if path != base {
        return Err(format!(
            "SITE_URL `{given}` ends in the path `{path}`, but the build is for `{base}` \
             (trunk --public-url): give both the same path"
        ));
    }
    Ok(url)
}

/// `routes.json`: every pre-rendered route with its file, language, parts and the manifest
/// it shows, for the browser tests (and anyone who wants the list of pages) to read instead
/// of rebuilding it.
fn routes_json(routes: &[Route], index: &SiteIndex) -> String {
    let entries: Vec<serde_json::Value> = routes
        .iter()
        .map(|route| {
            let document = match route {
                Route::Document { document, .. } => Some(document.name()),
                _ => None,
            };
            let (country, section, slug) = match route {
                Route::Root | Route::Home { .. } => (None, None, None),
                Route::Document { country, .. } => (Some(country), None, None),
                Route::Hub { country, .. } => (Some(country), None, None),
                Route::Section {
                    country, section, ..
                } => (Some(country), Some(section.dir()), None),
                Route::Page {
                    country,
                    section,
                    slug,
                    ..
                } => (Some(country), Some(section.dir()), Some(slug)),
            };
            let lang = route.shown_lang();
            let manifest = country.and_then(|code| {
                let summary = index.countries.iter().find(|c| c.code == *code)?;
                Some(format!(
                    "content/{code}/{}.json",
                    summary.shown_language(lang)
                ))
            });
            serde_json::json!({
                "path": route.path(),
                "file": route.file(),
                "lang": lang.as_str(),
                "country": country.map(|c| c.as_str()),
                "manifest": manifest,
                "section": section,
                "slug": slug,
                // A page the app does not take over (content::route::Document).
                "document": document,
            })
        })
        .collect();
    serde_json::to_string_pretty(&entries).expect("JSON values serialise")
}

/// Every `.json` and `.html` file under `dir`, as `(URL relative to dist, text)`.
fn read_tree(dist: &Path, dir: &Path, files: &mut Vec<(String, String)>) -> Result<(), String> {
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            read_tree(dist, &path, files)?;
        } else if path.extension().is_some_and(|e| e == "json" || e == "html") {
            let url = path
                .strip_prefix(dist)
                .map_err(|e| e.to_string())?
                .to_string_lossy()
                .replace('\\', "/");
            let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            files.push((url, text));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "<head><base href=\"/election-center/\"></head>";

    #[test]
    fn the_editor_s_page_resolves_its_files_against_the_site_s_base() {
        let template = "<head>\n  <meta charset=\"utf-8\">\n  <link href=\"editor/e.css\"></head>";
        assert_eq!(
            editor_page(template, "/election-center/").unwrap(),
            "<head>\n  <meta charset=\"utf-8\">\n  <base href=\"/election-center/\">\n  <link href=\"editor/e.css\"></head>"
        );
        assert!(editor_page("<head></head>", "/").is_err());
        let csp = "<meta charset=\"utf-8\">\n  <meta http-equiv=\"Content-Security-Policy\" content=\"x\">\n  <link>";
        assert_eq!(
            editor_page(csp, "/").unwrap(),
            "<meta charset=\"utf-8\">\n  <meta http-equiv=\"Content-Security-Policy\" content=\"x\">\n  <base href=\"/\">\n  <link>"
        );
        assert_eq!(base_href(TEMPLATE), Ok("/election-center/"));
    }

    #[test]
    fn sitemaps_an_earlier_run_wrote_are_removed_with_their_copies() {
        let dist = std::env::temp_dir().join(format!("prerender-sitemaps-{}", std::process::id()));
        fs::create_dir_all(&dist).unwrap();
        let files = [
            "sitemap.xml",
            "sitemap-fr.xml",
            "sitemap-fr.xml.br",
            "sitemap-fr.2.xml",
            "sitemap-fr.2.xml.br",
            "sitemap-fr.2.xml.gz",
            "sitemap-notes.txt",
            "fr.html",
        ];
        for file in files {
            fs::write(dist.join(file), "").unwrap();
        }
        remove_other_sitemaps(&dist, &["sitemap-fr.xml".into(), "sitemap.xml".into()]).unwrap();
        let mut left: Vec<String> = fs::read_dir(&dist)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        fs::remove_dir_all(&dist).unwrap();
        assert_eq!(
            left,
            [
                "fr.html",
                "sitemap-fr.xml",
                "sitemap-fr.xml.br",
                "sitemap-notes.txt",
                "sitemap.xml"
            ]
        );
    }

    #[test]
    fn the_site_url_must_match_the_build_s_sub_path() {
        assert_eq!(
            site_url_for(Some("https://example.org/election-center"), TEMPLATE),
            Ok("https://example.org/election-center/".into())
        );
        assert_eq!(
            site_url_for(None, TEMPLATE),
            Ok("http://127.0.0.1:8080/election-center/".into())
        );
        for wrong in [
            "https://example.org/",
            "https://example.org",
            "ftp://example.org/election-center/",
        ] {
            assert!(site_url_for(Some(wrong), TEMPLATE).is_err(), "{wrong}");
        }
    }
}
