//! The Atom feed a country's pages announce in their head (FEEDS.md): `<link
//! rel="alternate" type="application/atom+xml">` to the feed of the manifest the page shows,
//! so a feed reader given any page of a country finds it. Written here, natively, beside the
//! canonical and hreflang links: the app's head in the browser does not need it.

use std::collections::BTreeMap;

use content::route::Route;
use content::{feeds, CountryCode, CountryManifest, SiteIndex};

use election_center::prerender::escape;

/// Every manifest the routes were listed from, by country and language.
pub type Manifests = BTreeMap<(CountryCode, String), CountryManifest>;

/// The feed link for `route`'s head: for a country's hub, sections and pages, the feed of
/// the manifest they show, titled as the feed is (the hub's title); `None` elsewhere.
pub fn link(
    route: &Route,
    index: &SiteIndex,
    manifests: &Manifests,
    site_url: &str,
) -> Option<String> {
    let (Route::Hub { country, .. } | Route::Section { country, .. } | Route::Page { country, .. }) =
        route
    else {
        return None;
    };
    let summary = index.countries.iter().find(|c| c.code == *country)?;
    let lang = summary.shown_language(route.shown_lang());
    let manifest = manifests.get(&(country.clone(), lang.to_owned()))?;
    Some(format!(
        "<link rel=\"alternate\" type=\"application/atom+xml\" hreflang=\"{}\" title=\"{}\" href=\"{}\">\n",
        escape(lang),
        escape(&manifest.hub.title),
        escape(&feeds::url(site_url, &feeds::feed(country, lang)))
    ))
}

/// `page` with `tags` at the end of its head.
pub fn into_head(page: &str, tags: &str) -> String {
    page.replacen("</head>", &format!("{tags}</head>"), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_country_s_pages_link_the_feed_of_the_language_they_show() {
        content::lang::set_test_languages();
        let summary = content::CountrySummary {
            code: CountryCode::parse("fr").unwrap(),
            names: BTreeMap::new(),
            default_language: "fr".into(),
            languages: vec!["fr".into(), "en".into()],
            time_zone: "Europe/Paris".into(),
        };
        let manifest = |lang: &str, title: &str| {
            let hub: content::PageEntry = serde_json::from_value(serde_json::json!({
                "slug": "_index", "lang": lang, "title": title, "weight": 0,
                "reviewed": "2025-01-01", "sources": [], "body": "x.html"
            }))
            .unwrap();
            CountryManifest {
                schema: content::SCHEMA_VERSION,
                lang: lang.into(),
                country: summary.clone(),
                hub,
                pages: Vec::new(),
            }
        };
        let index = SiteIndex {
            schema: content::SCHEMA_VERSION,
            countries: vec![summary.clone()],
        };
        let mut manifests = Manifests::new();
        for (lang, title) in [
            ("fr", "Élections en France"),
            ("en", "Elections <in> France"),
        ] {
            manifests.insert((summary.code.clone(), lang.into()), manifest(lang, title));
        }
        let link = |path: &str| {
            link(
                &Route::parse(path).unwrap(),
                &index,
                &manifests,
                "https://example.org/",
            )
        };
        assert_eq!(
            link("/en/fr/guides/x").as_deref(),
            Some("<link rel=\"alternate\" type=\"application/atom+xml\" hreflang=\"en\" title=\"Elections &lt;in&gt; France\" href=\"https://example.org/content/fr/en/feed.atom\">\n")
        );
        // Hungarian readers see the French pages, and their feed.
        assert!(link("/hu/fr")
            .unwrap()
            .contains("href=\"https://example.org/content/fr/fr/feed.atom\""));
        assert_eq!(link("/en"), None);
        assert_eq!(link("/"), None);
        assert_eq!(
            into_head("<head><title>x</title></head><body></body>", "<link>\n"),
            "<head><title>x</title><link>\n</head><body></body>"
        );
    }
}
