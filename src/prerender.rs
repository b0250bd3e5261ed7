//! One route rendered to a static page, natively, by the same components the browser runs
//! (used by `crates/prerender`). The page lists the files its render read, so the app in
//! the browser fetches them, renders the same page in its first render and takes it over
//! (`takeover`).

use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;

use content::{lang::Lang, route::Route};

use crate::{api, head, i18n, App};

pub use crate::api::preload;

/// What the deployment's identity (site.toml, read by the pre-renderer) puts in the head of
/// every page and in the web app manifests: nothing of it is in the app.
#[derive(Clone, Debug, PartialEq)]
pub struct Head {
    /// The page's background, light and dark (`--bg`): the browser's bars around the page,
    /// and the splash screen of the installed app.
    pub background: (String, String),
    /// Who publishes the site, as a schema.org `Organization`: each page then tells search
    /// engines, in JSON-LD, that the site (named in the page's language) is theirs.
    pub publisher: Option<serde_json::Value>,
}

/// `template` (Trunk's `index.html`) with the page at `path` in it: `<html lang>`, title,
/// meta description, its addresses (canonical and in every language, under `site_url`,
/// the site's public address ending in `/`), the list of files it read, what `head` adds,
/// and body. A path that names no route is the not-found page, which search engines are
/// asked not to list. Fails when the template lacks a part to fill.
pub fn page(template: &str, path: &str, site_url: &str, head: &Head) -> Result<String, String> {
    api::take_read();
    let owner = Owner::new();
    let body = owner.with(|| {
        provide_context(crate::router::Location(RwSignal::new(path.to_owned())));
        App().into_view().to_html()
    });
    let (title, description, rtl) =
        head::rendered().ok_or_else(|| format!("{path}: the page set no title"))?;
    let route = Route::parse(path).filter(|r| r.path() == path);
    let lang = route.as_ref().map_or(Lang::DEFAULT, Route::shown_lang);
    let mut head_tags = match &route {
        Some(route) => {
            let mut links = format!(
                "<link rel=\"canonical\" href=\"{}\">\n",
                escape(&url(site_url, route))
            );
            for (hreflang, href) in alternates(route, site_url) {
                links.push_str(&format!(
                    "<link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\">\n",
                    escape(&href)
                ));
            }
            links
        }
        None => "<meta name=\"robots\" content=\"noindex\">\n".to_owned(),
    };
    let document = route.as_ref().is_some_and(Route::is_document);
    // Not `<link rel=preload>`: those would start downloading before the first paint and
    // share the connection with the stylesheet; the app fetches them when it starts.
    if !document {
        head_tags.push_str(&format!(
            "<meta name=\"election-center:data\" content=\"{}\">\n",
            escape(
                &[api::LANGUAGES.to_owned()]
                    .into_iter()
                    .chain(api::take_read())
                    .collect::<Vec<_>>()
                    .join(" ")
            )
        ));
    }
    // The browser's colours around the page, and the app to install (`web_manifest`).
    let (light, dark) = (escape(&head.background.0), escape(&head.background.1));
    head_tags.push_str(&format!(
        "<link rel=\"manifest\" href=\"{lang}.webmanifest\">\n\
         <meta name=\"theme-color\" media=\"(prefers-color-scheme: light)\" content=\"{light}\">\n\
         <meta name=\"theme-color\" media=\"(prefers-color-scheme: dark)\" content=\"{dark}\">\n"
    ));
    if let Some(publisher) = &head.publisher {
        let i18n = i18n::at_hand(lang).ok_or_else(|| format!("no interface texts for `{lang}`"))?;
        let site = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": i18n.t("site.name"),
            "url": site_url,
            "inLanguage": lang.as_str(),
            "publisher": publisher,
        });
        // A data block, which no CSP governs; `<` escaped so no text in it can end it.
        head_tags.push_str(&format!(
            "<script type=\"application/ld+json\">{}</script>\n",
            site.to_string().replace('<', "\\u003c")
        ));
    }
    let html = replace_between(
        template,
        "<html",
        ">",
        &format!(
            " lang=\"{lang}\" dir=\"{}\"{}",
            if rtl { "rtl" } else { "ltr" },
            offline_texts(lang)?
        ),
    )?;
    let html = replace_between(&html, "<title>", "</title>", &escape(&title))?;
    let html = replace_between(
        &html,
        "<meta name=\"description\" content=\"",
        "\">",
        &escape(&description),
    )?;
    let html = html.replacen("</head>", &format!("{head_tags}</head>"), 1);
    // A document is a page the app does not draw (`content::route::Document`): no script
    // starts it there.
    let html = if document {
        without_module_scripts(&html)
    } else {
        html
    };
    let html = replace_between(&html, "<body", "</body>", &format!(">{body}"))?;
    // The parser puts anything after `</body>`, even a line break, into the body: the page
    // must end there, or its text differs from the app's.
    let end = html.rfind("</body>").unwrap_or(html.len());
    Ok(format!("{}</body></html>", &html[..end]))
}

/// The texts of the offline machinery, in the page's language, as `data-` attributes of
/// `<html>`: the boot script's update prompt (`scripts/boot.mjs`), and what the offline
/// worker writes into a page it answers from its cache (`scripts/offline/sw.js`). Written
/// here, natively, so they cost the voter's wasm nothing.
fn offline_texts(lang: Lang) -> Result<String, String> {
    let i18n = i18n::at_hand(lang).ok_or_else(|| format!("no interface texts for `{lang}`"))?;
    Ok([
        ("update", "offline.update"),
        ("reload", "offline.reload"),
        ("saved-copy", "offline.saved_copy"),
        ("missing", "offline.missing"),
        ("retry", "state.retry"),
        ("missing-hint", "offline.missing_hint"),
    ]
    .iter()
    .map(|(name, key)| format!(" data-{name}=\"{}\"", escape(&i18n.t(key))))
    .collect())
}

/// The web app manifest of the site in `lang` (`<lang>.webmanifest`, which every page in that
/// language links): what a browser needs to offer installing the guide as an app. One app
/// (`id`, the site's `base` path) whatever the language it was installed in; it starts on
/// the home page in that language. Addresses are relative to the manifest, so a build for a
/// sub-path works as it is.
pub fn web_manifest(lang: Lang, base: &str, head: &Head) -> Result<String, String> {
    let i18n = i18n::at_hand(lang).ok_or_else(|| format!("no interface texts for `{lang}`"))?;
    let icon = |size: u32, purpose: &str| {
        serde_json::json!({
            "src": format!("icons/{purpose}-{size}.png"),
            "sizes": format!("{size}x{size}"),
            "type": "image/png",
            "purpose": purpose,
        })
    };
    let manifest = serde_json::json!({
        "id": base,
        "name": i18n.t("site.name"),
        "short_name": i18n.t("offline.short_name"),
        "description": i18n.t("site.description"),
        "lang": lang.as_str(),
        "dir": if i18n.rtl { "rtl" } else { "ltr" },
        "start_url": lang.as_str(),
        "scope": "./",
        "display": "standalone",
        "background_color": head.background.0,
        "theme_color": head.background.0,
        "icons": [icon(192, "any"), icon(512, "any"), icon(192, "maskable"), icon(512, "maskable")],
    });
    Ok(serde_json::to_string_pretty(&manifest).expect("JSON values serialise"))
}

/// `html` without its `<script type="module" …></script>` elements (the app's boot).
fn without_module_scripts(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<script type=\"module\"") {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find("</script>")
            .map_or(rest.len(), |e| start + e + "</script>".len());
        rest = rest[end..].trim_start_matches('\n');
    }
    out.push_str(rest);
    out
}

/// The public address of `route` under `site_url` (`https://example.org/sub/`).
pub fn url(site_url: &str, route: &Route) -> String {
    format!("{site_url}{}", &route.path()[1..])
}

/// The same page in each interface language, as `(hreflang, address)`, then `x-default`.
pub fn alternates(route: &Route, site_url: &str) -> Vec<(&'static str, String)> {
    route
        .alternates()
        .into_iter()
        .map(|(lang, r)| (lang.map_or("x-default", Lang::as_str), url(site_url, &r)))
        .collect()
}

/// `text` with what lies between the first `start` and the next `end` replaced.
fn replace_between(text: &str, start: &str, end: &str, with: &str) -> Result<String, String> {
    let from = text
        .find(start)
        .ok_or_else(|| format!("index.html has no `{start}`"))?
        + start.len();
    let to = from
        + text[from..]
            .find(end)
            .ok_or_else(|| format!("index.html has no `{end}` after `{start}`"))?;
    Ok(format!("{}{with}{}", &text[..from], &text[to..]))
}

/// `text` escaped for an attribute or text, of HTML or XML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    content::html::escape_attr(&mut out, text);
    out
}
