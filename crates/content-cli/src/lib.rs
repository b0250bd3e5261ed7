//! File-system side of the content pipeline: reads a content tree, asks the `content` crate
//! to check it, and writes what the app fetches. The binary in `main.rs` only parses
//! arguments; tests call these functions directly.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::{fs, io};

use content::identity::Identity;
use content::site::{self, Site, SourceFile};
use content::Diagnostic;

mod feeds;
pub use feeds::{schema_files, Publish};
pub mod links;

/// A content tree as read from disk: page and country files with their text, and the paths
/// of every other file (media), all relative to the root with `/` separators.
pub struct Tree {
    pub files: Vec<SourceFile>,
    pub assets: BTreeSet<String>,
    /// Found while reading: files that are not UTF-8 (their text is still checked).
    pub problems: Vec<Diagnostic>,
}

pub fn read_tree(dir: &Path) -> io::Result<Tree> {
    let mut tree = Tree {
        files: Vec::new(),
        assets: BTreeSet::new(),
        problems: Vec::new(),
    };
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in fs::read_dir(&current)? {
            let path = entry?.path();
            let relative = path
                .strip_prefix(dir)
                .expect("walked from dir")
                .to_string_lossy()
                .replace('\\', "/");
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md" || e == "toml") {
                let bytes = read_at_most(&path, content::limits::MAX_FILE_BYTES)?;
                let (file, problem) = content::limits::decode(relative, bytes);
                tree.files.push(file);
                tree.problems.extend(problem);
            } else if !relative
                .rsplit('/')
                .next()
                .is_some_and(|name| name.starts_with('.'))
            {
                tree.assets.insert(relative);
            }
        }
    }
    tree.files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(tree)
}

/// Loads and checks a tree; the site when it has no problems, else every problem (at most
/// `content::limits::MAX_PROBLEMS_PER_FILE` listed per file).
pub fn check(tree: &Tree) -> Result<Site, Vec<Diagnostic>> {
    let (site, mut problems) = site::load(&tree.files, &tree.assets);
    problems.extend(tree.problems.iter().cloned());
    if problems.is_empty() {
        Ok(site)
    } else {
        Err(content::limits::cap(problems))
    }
}

/// The origins of the partners' players the published videos use, one per line: what the
/// CSP's `frame-src` allows beyond the site (scripts/csp.mjs reads it).
pub const PLAYER_ORIGINS_FILE: &str = "player-origins.txt";

/// Writes `index.json`, one manifest per country and language, every page body as HTML,
/// the media files pages refer to and [`PLAYER_ORIGINS_FILE`]; and the feeds, for a trial build (`Publish::default`).
pub fn build(site: &Site, content_dir: &Path, out: &Path) -> io::Result<()> {
    build_with(site, content_dir, out, &Publish::default()).map(drop)
}

/// [`build`], with the open feeds (FEEDS.md) published as `publish` says: their schemas,
/// change logs, Atom feeds and calendars. Returns notes on previous files left unread.
pub fn build_with(
    site: &Site,
    content_dir: &Path,
    out: &Path,
    publish: &Publish,
) -> io::Result<Vec<String>> {
    write(&out.join("index.json"), &to_json(&site.index()))?;
    for country in &site.countries {
        let code = &country.summary.code;
        let dir = out.join(code.as_str());
        for lang in &country.summary.languages {
            if let Some(manifest) = country.manifest(lang) {
                write(&dir.join(format!("{lang}.json")), &to_json(&manifest))?;
                let index = search_index(country, &manifest, content_dir);
                write(
                    &dir.join(lang).join(content::search::INDEX_FILE),
                    index.as_bytes(),
                )?;
            }
        }
        for page in country.pages.iter().filter(|p| !p.draft) {
            write(&dir.join(&page.entry.body), page.html.as_bytes())?;
            write_calendars(&dir, code, &page.entry)?;
        }
        let media = content_dir.join(code.as_str()).join("media");
        if media.is_dir() {
            copy_dir(&media, &dir.join("media"))?;
        }
    }
    let players = content::videos::player_origins(
        site.countries
            .iter()
            .flat_map(|c| &c.pages)
            .filter(|p| !p.draft)
            .filter_map(|p| p.entry.video.as_ref()),
    );
    let players: String = players.into_iter().map(|o| o + "\n").collect();
    write(&out.join(PLAYER_ORIGINS_FILE), players.as_bytes())?;
    feeds::write_feeds(site, out, publish)
}

/// The search index of one country in one language (`content::search`): every page of its
/// manifest, fallbacks included, with the transcripts of self-hosted videos.
pub fn search_index(
    country: &content::site::Country,
    manifest: &content::CountryManifest,
    content_dir: &Path,
) -> String {
    let code = &country.summary.code;
    let docs: Vec<_> = std::iter::once(&manifest.hub)
        .chain(&manifest.pages)
        .map(|entry| {
            let html = country
                .pages
                .iter()
                .find(|p| {
                    !p.draft
                        && p.entry.section == entry.section
                        && p.entry.slug == entry.slug
                        && p.entry.lang == entry.lang
                })
                .map_or("", |p| p.html.as_str());
            let transcript = match entry.video.as_ref().map(|v| &v.source) {
                Some(content::VideoSource::File { captions, .. }) => captions
                    .iter()
                    .find(|c| c.lang == entry.lang)
                    .or(captions.first())
                    .and_then(|c| {
                        fs::read_to_string(content_dir.join(code.as_str()).join(&c.file)).ok()
                    })
                    .map(|vtt| content::search::vtt_text(&vtt)),
                _ => None,
            };
            content::search::page_doc(entry, code, &manifest.lang, html, transcript.as_deref())
        })
        .collect();
    content::search::write_index(&manifest.lang, &docs)
}

/// One line per written search index: its size beside what it indexes (the manifest and
/// the page bodies it lists), uncompressed; `make size` gives both in brotli.
pub fn search_sizes(site: &Site, out: &Path) -> Vec<String> {
    let size = |p: &Path| fs::metadata(p).map_or(0, |m| m.len());
    let mut lines = Vec::new();
    for country in &site.countries {
        let dir = out.join(country.summary.code.as_str());
        for lang in &country.summary.languages {
            let Some(manifest) = country.manifest(lang) else {
                continue;
            };
            let index = size(&dir.join(lang).join(content::search::INDEX_FILE));
            let pages: u64 = size(&dir.join(format!("{lang}.json")))
                + std::iter::once(&manifest.hub)
                    .chain(&manifest.pages)
                    .map(|e| size(&dir.join(&e.body)))
                    .sum::<u64>();
            lines.push(format!(
                "search index {}/{lang}: {} pages, {:.1} KB (the pages it indexes: {:.1} KB)",
                country.summary.code,
                manifest.pages.len() + 1,
                index as f64 / 1000.0,
                pages as f64 / 1000.0
            ));
        }
    }
    lines
}

/// `<lang>/elections/<slug>/<n>.ics`, one per event, numbered in the manifest's order.
fn write_calendars(dir: &Path, code: &str, entry: &content::PageEntry) -> io::Result<()> {
    let Some(election) = &entry.election else {
        return Ok(());
    };
    for (n, event) in election.events.iter().enumerate() {
        let uid = content::ics::event_uid(code, &entry.slug, &election.events, n);
        let ics = content::ics::event_calendar(event, &entry.title, &uid, &entry.reviewed);
        write(
            &dir.join(format!("{}/elections/{}/{n}.ics", entry.lang, entry.slug)),
            ics.as_bytes(),
        )?;
    }
    Ok(())
}

fn write(path: &PathBuf, data: &[u8]) -> io::Result<()> {
    // A file the same as the one there is left alone, dates and all: what a rebuild after
    // one change rewrites (and so recompresses and uploads) is what changed.
    if fs::read(path).is_ok_and(|old| old == data) {
        return Ok(());
    }
    fs::create_dir_all(path.parent().expect("output paths have a parent"))?;
    fs::write(path, data)
}

/// Copies a folder and everything under it.
pub fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else if !same_file(&entry.path(), &target) {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// Whether `to` is already a copy of `from` made after its last change (videos are large).
fn same_file(from: &Path, to: &Path) -> bool {
    let (Ok(from), Ok(to)) = (fs::metadata(from), fs::metadata(to)) else {
        return false;
    };
    from.len() == to.len() && matches!((from.modified(), to.modified()), (Ok(f), Ok(t)) if t >= f)
}

pub fn to_json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec_pretty(value).expect("manifest types always serialise")
}

/// Checks the interface translations in `dir` (`<lang>.toml`, with CLDR's plural rules
/// in `cldr-plurals.json`); the translations when complete, else every problem.
pub fn check_i18n(dir: &Path) -> io::Result<Result<content::i18n::Catalog, Vec<Diagnostic>>> {
    let tree = read_tree(dir)?;
    let cldr = cldr_plurals(dir)?;
    let (catalog, mut problems) = content::i18n::load(&tree.files, &cldr);
    problems.extend(tree.problems);
    Ok(if problems.is_empty() {
        Ok(catalog)
    } else {
        Err(content::limits::cap(problems))
    })
}

fn cldr_plurals(dir: &Path) -> io::Result<content::i18n::CldrPlurals> {
    #[derive(serde::Deserialize)]
    struct File {
        cardinal: content::i18n::CldrPlurals,
    }
    let path = dir.join("cldr-plurals.json");
    let text = fs::read_to_string(&path)?;
    serde_json::from_str::<File>(&text)
        .map(|f| f.cardinal)
        .map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{}: {e}", path.display()),
            )
        })
}

/// The interface languages in `dir`: one per `<lang>.toml`, as `(code, code)`. What the
/// content checker needs to know which languages voters can be shown (the full check, with
/// each language's own name, is `check_i18n`'s).
pub fn interface_languages(dir: &Path) -> io::Result<Vec<(String, String)>> {
    let mut codes: Vec<(String, String)> = fs::read_dir(dir)?
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            let code = name.strip_suffix(".toml")?.to_owned();
            Some((code.clone(), code))
        })
        .collect();
    codes.sort();
    Ok(codes)
}

/// Writes `languages.json` (`[code, own name]` of every interface language: the app's and
/// the pre-renderer's list) and one `<lang>.json` per language: `[key, text]` pairs sorted
/// by key, which the app searches without a hash map (smaller wasm), with the language's
/// direction, review status, number conventions and CLDR plural rules under `#` keys
/// (`content::lang::keys`), and the deployment's name and footer (`identity`, in place of
/// the texts its footer is made of: `content::identity::KEYS`).
pub fn build_i18n(
    catalog: &content::i18n::Catalog,
    identity: &Identity,
    out: &Path,
) -> io::Result<()> {
    use content::lang::keys;
    let languages: Vec<(&String, &String)> = catalog
        .values()
        .map(|t| (&t.language.code, &t.language.name))
        .collect();
    write(&out.join("languages.json"), &to_json(&languages))?;
    for (lang, t) in catalog {
        let mut pairs: Vec<(String, String)> = vec![
            (keys::DIRECTION.into(), t.language.direction.clone()),
            (keys::REVIEWED.into(), t.language.reviewed.to_string()),
            (
                keys::GROUP_SEPARATOR.into(),
                t.numbers.group_separator.clone(),
            ),
            (
                keys::MINIMUM_GROUPING_DIGITS.into(),
                t.numbers.minimum_grouping_digits.to_string(),
            ),
            (keys::DIGITS.into(), t.numbers.digits.clone()),
        ];
        pairs.extend(
            t.plurals
                .iter()
                .map(|(category, rule)| (format!("{}{category}", keys::PLURAL), rule.clone())),
        );
        let keys = content::identity::KEYS;
        pairs.extend(
            t.texts
                .iter()
                .filter(|(k, _)| !keys.folded.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone())),
        );
        pairs.push((keys.name.into(), identity.name(lang).to_owned()));
        pairs.push((
            keys.footer_html.into(),
            identity.footer_html(lang, &t.texts),
        ));
        pairs.sort();
        write(&out.join(format!("{lang}.json")), &to_json(&pairs))?;
    }
    Ok(())
}

/// The identity file the build uses (README → Your own identity): `SITE_TOML`, else
/// `site.toml` in the folder the build runs in, the repository's root.
pub fn identity_path() -> PathBuf {
    std::env::var_os("SITE_TOML")
        .filter(|p| !p.is_empty())
        .map_or_else(|| PathBuf::from("site.toml"), PathBuf::from)
}

/// The file at `path`, read up to one byte past `limit`: enough for the checker to refuse
/// it, however large it is, without reading it all.
fn read_at_most(path: &Path, limit: usize) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    fs::File::open(path)?
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads and checks the identity at `path`, with its logo read beside it.
pub fn load_identity(path: &Path) -> io::Result<Result<Identity, Vec<Diagnostic>>> {
    let bytes = read_at_most(path, content::limits::MAX_FILE_BYTES)?;
    let name = path.to_string_lossy().replace('\\', "/");
    let (file, problem) = content::limits::decode(name, bytes);
    let dir = path.parent().unwrap_or(Path::new(""));
    let read =
        |relative: &str| read_at_most(&dir.join(relative), content::identity::MAX_LOGO_BYTES).ok();
    Ok(match (content::identity::load(&file, read), problem) {
        (Ok(identity), None) => Ok(identity),
        (Ok(_), Some(problem)) => Err(vec![problem]),
        (Err(mut problems), problem) => {
            problems.extend(problem);
            Err(problems)
        }
    })
}

/// What Trunk then builds into the site, written to `out`: `style`'s `main.css` with the
/// identity's palette and logo, the favicon (the logo, else `style`'s `favicon.svg`) and the
/// dark theme's logo (else the favicon again).
pub fn write_identity(identity: &Identity, style: &Path, out: &Path) -> io::Result<()> {
    let css = fs::read_to_string(style.join("main.css"))?;
    let css = identity.stylesheet(&css).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{}: {e}", style.join("main.css").display()),
        )
    })?;
    write(&out.join("main.css"), css.as_bytes())?;
    let favicon = match &identity.logo {
        Some((_, svg)) => svg.clone().into_bytes(),
        None => fs::read(style.join(content::identity::LOGO_FILE))?,
    };
    let dark = match &identity.logo_dark {
        Some((_, svg)) => svg.clone().into_bytes(),
        None => favicon.clone(),
    };
    write(&out.join(content::identity::DARK_LOGO_FILE), &dark)?;
    write(&out.join(content::identity::LOGO_FILE), &favicon)
}

/// Problems as an editor reads them: one `path:line:col: error: …` block each, then a count.
pub fn report(root: &Path, problems: &[Diagnostic]) -> String {
    let mut out = list(root, problems);
    // Without a root, the problems are one file's, named by its own path (site.toml).
    let place = match problems.first() {
        Some(problem) if root.as_os_str().is_empty() => problem.file.clone(),
        _ => root.display().to_string(),
    };
    out.push(format!(
        "\n{} problem(s) in {place}; nothing was published",
        problems.len(),
    ));
    out.join("\n")
}

/// Warnings that do not stop publishing (pages due for review), one per line.
pub fn report_warnings(root: &Path, warnings: &[Diagnostic]) -> String {
    let mut out = list(root, warnings);
    out.push(format!(
        "\n{} warning(s) in {}; `--strict` refuses to publish with any",
        warnings.len(),
        root.display()
    ));
    out.join("\n")
}

/// How problems are printed: for people (`text`), for programs (`json`), or as GitHub
/// Actions workflow commands that annotate a pull request's lines (`github`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Github,
}

impl Format {
    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            "github" => Some(Format::Github),
            _ => None,
        }
    }

    /// `problems` of the tree at `root` in this format; for `text`, as [`report`] lists them.
    pub fn render(self, root: &Path, problems: &[Diagnostic]) -> String {
        match self {
            Format::Text => list(root, problems).join("\n"),
            Format::Json => {
                let problems: Vec<JsonProblem> = problems
                    .iter()
                    .map(|p| JsonProblem {
                        file: repository_path(root, &p.file),
                        line: p.line.max(1),
                        col: p.col.max(1),
                        severity: severity(p),
                        message: &p.message,
                        hint: &p.hint,
                    })
                    .collect();
                let mut json = String::from_utf8(to_json(&problems)).expect("JSON is UTF-8");
                json.push('\n');
                json
            }
            Format::Github => {
                let mut commands: String = problems
                    .iter()
                    .map(|p| {
                        let (command, title) = match p.severity {
                            content::diagnostic::Severity::Error => ("error", "Content error"),
                            content::diagnostic::Severity::Warning => {
                                ("warning", "Content warning")
                            }
                        };
                        let message = if p.hint.is_empty() {
                            p.message.clone()
                        } else {
                            format!("{}\nhelp: {}", p.message, p.hint)
                        };
                        format!(
                            "::{command} file={},line={},col={},title={}::{}\n",
                            github_property(&repository_path(root, &p.file)),
                            p.line.max(1),
                            p.col.max(1),
                            github_property(title),
                            github_data(&message)
                        )
                    })
                    .collect();
                // GitHub shows ten annotations of each kind per step, and drops the rest
                // without a word: say so.
                let errors = problems.iter().filter(|p| p.is_error()).count();
                let warnings = problems.len() - errors;
                let hidden = errors.saturating_sub(GITHUB_ANNOTATIONS)
                    + warnings.saturating_sub(GITHUB_ANNOTATIONS);
                if hidden > 0 {
                    commands.push_str(&format!(
                        "::notice title=More problems::GitHub shows {GITHUB_ANNOTATIONS} \
                         annotations of each kind: {hidden} more are listed in this step's log\n"
                    ));
                }
                commands
            }
        }
    }
}

/// Annotations of one kind (errors, warnings) GitHub shows per step.
const GITHUB_ANNOTATIONS: usize = 10;

#[derive(serde::Serialize)]
struct JsonProblem<'a> {
    file: String,
    line: usize,
    col: usize,
    severity: &'static str,
    message: &'a str,
    hint: &'a str,
}

fn severity(problem: &Diagnostic) -> &'static str {
    if problem.is_error() {
        "error"
    } else {
        "warning"
    }
}

/// A file of the tree at `root` as a path from the repository root (the directory the
/// command runs in), `/`-separated: `content/fr/_index.fr.md`, whether `root` was given as
/// `content`, `./content/` or an absolute path inside the repository.
pub fn repository_path(root: &Path, file: &str) -> String {
    let root = std::env::current_dir()
        .ok()
        .and_then(|cwd| root.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| root.to_path_buf());
    let root: PathBuf = root
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect();
    root.join(file).to_string_lossy().replace('\\', "/")
}

/// A workflow command's message: `%`, CR and LF escaped, as the runner reads them back.
fn github_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property (`file=…`): its message's escapes, and `:` and `,`.
fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One line per problem; `root` is left out when empty (a file named by its own path).
fn list(root: &Path, problems: &[Diagnostic]) -> Vec<String> {
    let root = root.display().to_string();
    problems
        .iter()
        .map(|p| match root.trim_end_matches('/') {
            "" => p.to_string(),
            root => format!("{root}/{p}"),
        })
        .collect()
}

/// The date the content is built on, which decides what is due for review and dates the
/// change logs: `given` (the `BUILD_DATE` variable, `YYYY-MM-DD`) when set, for a
/// reproducible build or a look at the site on a future date, otherwise today's date in UTC.
pub fn build_date(given: Option<&str>) -> Result<String, String> {
    use content::countdown::{civil_from_days, day_number};
    let write = |(y, m, d): (i32, u32, u32)| format!("{y:04}-{m:02}-{d:02}");
    match given.filter(|d| !d.is_empty()) {
        // A real date, written in full: `2025-02-30` would otherwise roll over into March.
        Some(date) if day_number(date).is_some_and(|n| write(civil_from_days(n)) == date) => {
            Ok(date.to_owned())
        }
        Some(date) => Err(format!(
            "BUILD_DATE `{date}` is not a date written as 2026-11-29"
        )),
        None => {
            let seconds = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            Ok(write(civil_from_days((seconds / 86_400) as i64)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_says_when_it_hides_annotations() {
        let problem = |line| Diagnostic::new("fr/_index.fr.md", line, 1, "x", "y");
        let ten: Vec<Diagnostic> = (1..=10).map(problem).collect();
        let eleven: Vec<Diagnostic> = (1..=11).map(problem).collect();
        let root = Path::new("content");
        assert!(!Format::Github.render(root, &ten).contains("::notice"));
        let rendered = Format::Github.render(root, &eleven);
        assert_eq!(rendered.lines().count(), 12);
        assert!(rendered.ends_with(
            "::notice title=More problems::GitHub shows 10 annotations of each kind: 1 more are \
             listed in this step's log\n"
        ));
        assert!(rendered.starts_with(
            "::error file=content/fr/_index.fr.md,line=1,col=1,title=Content error::x%0Ahelp: y\n"
        ));
    }

    #[test]
    fn the_build_date_is_a_real_date_or_today() {
        assert_eq!(build_date(Some("2025-05-04")).as_deref(), Ok("2025-05-04"));
        for bad in [
            "2025-5-4",
            "2025-02-30",
            "today",
            "2025-05-04\n",
            "2025-05-04T10:00",
        ] {
            assert!(build_date(Some(bad)).is_err(), "{bad}");
        }
        let today = build_date(None).unwrap();
        assert_eq!(build_date(Some(&today)), Ok(today.clone()));
    }
}
