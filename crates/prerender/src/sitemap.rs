//! The sitemap (sitemaps.org 0.9): every page, each with its versions in the other
//! interface languages as `xhtml:link rel="alternate" hreflang`, as search engines read
//! them to send a voter to the page in their language.
//!
//! `sitemap.xml` is a sitemap index naming one sitemap per interface language
//! (`sitemap-fr.xml`), so that a site of any size stays within what search engines read
//! from one file: an EU-wide election wrote 92 MB and 35,021 addresses into a single
//! file, past the protocol's 50 MB and 50,000. A language's file that would pass the limits
//! is split further (`sitemap-fr.2.xml`, …; a dot, since a language tag may end in a number,
//! `es-419`). The files sit beside the index at the site's root, not in a folder of their
//! own: a sitemap may only list addresses under the folder it is in (sitemaps.org, "Sitemap
//! file location").

use content::lang::Lang;
use content::route::Route;

use election_center::prerender::{alternates, escape, url};

/// How much one sitemap file may hold.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub urls: usize,
    /// Uncompressed.
    pub bytes: usize,
}

impl Limits {
    /// sitemaps.org's, for a sitemap and a sitemap index alike (50 MB is 52,428,800 bytes).
    pub const PROTOCOL: Limits = Limits {
        urls: 50_000,
        bytes: 52_428_800,
    };
}

const URLSET_START: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
     <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
     xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const URLSET_END: &str = "</urlset>\n";
const INDEX_START: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
     <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
const INDEX_END: &str = "</sitemapindex>\n";

/// Writes the sitemaps with `write(file, text)` (files relative to the site's root): one
/// language's at a time, so that only one language's entries are in memory, then the
/// index, `sitemap.xml`. Returns the files written, the index last.
pub fn write(
    routes: &[Route],
    site_url: &str,
    limits: Limits,
    mut write: impl FnMut(&str, &str) -> Result<(), String>,
) -> Result<Vec<String>, String> {
    // `/` goes with the default language, whose home page it shows.
    let mut by_lang: Vec<(Lang, Vec<&Route>)> = Vec::new();
    for route in routes {
        let lang = route.shown_lang();
        match by_lang.iter_mut().find(|(l, _)| *l == lang) {
            Some((_, routes)) => routes.push(route),
            None => by_lang.push((lang, vec![route])),
        }
    }
    let mut files = Vec::new();
    for (lang, routes) in by_lang {
        let entries: Vec<String> = routes.iter().map(|r| entry(r, site_url)).collect();
        for (n, part) in split(&entries, URLSET_START.len() + URLSET_END.len(), limits)
            .map_err(|e| format!("the sitemap in {lang}: {e}"))?
            .into_iter()
            .enumerate()
        {
            let file = match n {
                0 => format!("sitemap-{lang}.xml"),
                n => format!("sitemap-{lang}.{}.xml", n + 1),
            };
            write(&file, &[URLSET_START, &part.concat(), URLSET_END].concat())?;
            files.push(file);
        }
    }
    let entries: Vec<String> = files
        .iter()
        .map(|file| {
            format!(
                "<sitemap><loc>{}</loc></sitemap>\n",
                escape(&format!("{site_url}{file}"))
            )
        })
        .collect();
    // An index names no other index (sitemaps.org), so past one index's limits there
    // is no further level to split into.
    let parts = split(&entries, INDEX_START.len() + INDEX_END.len(), limits)
        .map_err(|e| format!("the sitemap index: {e}"))?;
    if parts.len() > 1 {
        return Err(format!(
            "{} sitemaps are more than one sitemap index may name (at most {} in {} bytes)",
            files.len(),
            limits.urls,
            limits.bytes
        ));
    }
    write(
        "sitemap.xml",
        &[INDEX_START, &entries.concat(), INDEX_END].concat(),
    )?;
    files.push("sitemap.xml".to_owned());
    Ok(files)
}

/// One page's `<url>`: its address and its versions in every language.
fn entry(route: &Route, site_url: &str) -> String {
    let mut xml = format!("<url><loc>{}</loc>", escape(&url(site_url, route)));
    for (hreflang, href) in alternates(route, site_url) {
        xml.push_str(&format!(
            "<xhtml:link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\"/>",
            escape(&href)
        ));
    }
    xml.push_str("</url>\n");
    xml
}

/// `entries` cut, in order, into as few runs as keep each file within `limits`: at most
/// `limits.urls` entries, and at most `limits.bytes` once written with the `overhead`
/// bytes of the file's start and end. An entry too large for a file of its own is an error.
pub fn split(
    entries: &[String],
    overhead: usize,
    limits: Limits,
) -> Result<Vec<&[String]>, String> {
    let mut parts = Vec::new();
    let (mut start, mut bytes) = (0, overhead);
    for (i, entry) in entries.iter().enumerate() {
        if overhead + entry.len() > limits.bytes || limits.urls == 0 {
            return Err(format!(
                "one entry of {} bytes is more than a file of at most {} addresses and {} bytes holds",
                entry.len(),
                limits.urls,
                limits.bytes
            ));
        }
        if i - start == limits.urls || bytes + entry.len() > limits.bytes {
            parts.push(&entries[start..i]);
            (start, bytes) = (i, overhead);
        }
        bytes += entry.len();
    }
    if start < entries.len() {
        parts.push(&entries[start..]);
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(routes: &[Route], limits: Limits) -> Vec<(String, String)> {
        let mut files = Vec::new();
        let names = write(routes, "https://example.org/", limits, |file, text| {
            files.push((file.to_owned(), text.to_owned()));
            Ok(())
        })
        .unwrap();
        assert_eq!(
            names,
            files.iter().map(|(f, _)| f.clone()).collect::<Vec<_>>()
        );
        files
    }

    fn text<'a>(files: &'a [(String, String)], name: &str) -> &'a str {
        &files
            .iter()
            .find(|(f, _)| f == name)
            .unwrap_or_else(|| panic!("no {name}"))
            .1
    }

    #[test]
    fn every_page_lists_its_language_versions_in_its_language_s_sitemap() {
        content::lang::set_test_languages();
        let routes = [
            Route::Root,
            Route::parse("/fr/ro/videos").unwrap(),
            Route::parse("/en/ro").unwrap(),
        ];
        let files = written(&routes, Limits::PROTOCOL);
        assert_eq!(
            files.iter().map(|(f, _)| f.as_str()).collect::<Vec<_>>(),
            ["sitemap-en.xml", "sitemap-fr.xml", "sitemap.xml"]
        );
        let en = text(&files, "sitemap-en.xml");
        assert!(
            en.starts_with(URLSET_START) && en.ends_with(URLSET_END),
            "{en}"
        );
        assert!(en.contains("<url><loc>https://example.org/</loc><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en\"/>"), "{en}");
        assert!(en.contains("<loc>https://example.org/en/ro</loc>"), "{en}");
        assert_eq!(en.matches("<url>").count(), 2);
        let fr = text(&files, "sitemap-fr.xml");
        assert!(
            fr.contains("<loc>https://example.org/fr/ro/videos</loc>"),
            "{fr}"
        );
        assert!(
            fr.contains("hreflang=\"hu\" href=\"https://example.org/hu/ro/videos\""),
            "{fr}"
        );
        assert!(
            fr.contains("hreflang=\"x-default\" href=\"https://example.org/en/ro/videos\""),
            "{fr}"
        );
        assert_eq!(fr.matches("<url>").count(), 1);
        assert_eq!(
            text(&files, "sitemap.xml"),
            format!(
                "{INDEX_START}<sitemap><loc>https://example.org/sitemap-en.xml</loc></sitemap>\n\
                 <sitemap><loc>https://example.org/sitemap-fr.xml</loc></sitemap>\n{INDEX_END}"
            )
        );
    }

    #[test]
    fn a_language_past_the_limits_is_split_and_every_page_is_in_one_file() {
        content::lang::set_test_languages();
        // Four addresses a file, the index's four sitemaps included.
        let routes: Vec<Route> = [
            "/fr",
            "/fr/ro",
            "/fr/ro/videos",
            "/fr/ro/guides",
            "/fr/ro/elections",
            "/fr/hu",
            "/fr/hu/videos",
            "/fr/hu/guides",
            "/fr/fr",
            "/hu",
        ]
        .iter()
        .map(|p| Route::parse(p).unwrap())
        .collect();
        let files = written(
            &routes,
            Limits {
                urls: 4,
                bytes: 1 << 20,
            },
        );
        let names: Vec<&str> = files.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            names,
            [
                "sitemap-fr.xml",
                "sitemap-fr.2.xml",
                "sitemap-fr.3.xml",
                "sitemap-hu.xml",
                "sitemap.xml"
            ]
        );
        for (file, xml) in &files[..4] {
            assert!(xml.matches("<url>").count() <= 4, "{file}");
        }
        for route in &routes {
            let loc = format!("<loc>https://example.org{}</loc>", route.path());
            assert_eq!(
                files.iter().filter(|(_, xml)| xml.contains(&loc)).count(),
                1,
                "{loc}"
            );
        }
        let index = text(&files, "sitemap.xml");
        for name in &names[..4] {
            assert!(
                index.contains(&format!("<loc>https://example.org/{name}</loc>")),
                "{index}"
            );
        }
    }

    #[test]
    fn more_sitemaps_than_one_index_names_is_an_error() {
        content::lang::set_test_languages();
        let routes: Vec<Route> = ["/fr", "/fr/ro", "/fr/hu"]
            .iter()
            .map(|p| Route::parse(p).unwrap())
            .collect();
        let err = write(
            &routes,
            "https://example.org/",
            Limits {
                urls: 1,
                bytes: 1 << 20,
            },
            |_, _| Ok(()),
        )
        .unwrap_err();
        assert!(err.contains("sitemap index"), "{err}");
    }

    fn entries(sizes: &[usize]) -> Vec<String> {
        sizes.iter().map(|&n| "x".repeat(n)).collect()
    }

    fn lengths(parts: &[&[String]]) -> Vec<Vec<usize>> {
        parts
            .iter()
            .map(|p| p.iter().map(String::len).collect())
            .collect()
    }

    #[test]
    fn split_keeps_each_file_within_both_limits() {
        let limits = Limits {
            urls: 3,
            bytes: 100,
        };
        // By count: three a file.
        let e = entries(&[1; 7]);
        assert_eq!(
            lengths(&split(&e, 10, limits).unwrap()),
            [vec![1; 3], vec![1; 3], vec![1]]
        );
        // By size, the overhead counted in each file: 10 + 40 + 50 = 100 fits, one more byte does not.
        let e = entries(&[40, 50, 41, 50, 10]);
        assert_eq!(
            lengths(&split(&e, 10, limits).unwrap()),
            [vec![40, 50], vec![41], vec![50, 10]]
        );
        // Nothing to split: no file.
        assert!(split(&[], 10, limits).unwrap().is_empty());
        // Exactly at both limits: one file.
        let e = entries(&[30, 30, 30]);
        assert_eq!(split(&e, 10, limits).unwrap().len(), 1);
    }

    #[test]
    fn split_refuses_an_entry_no_file_can_hold() {
        let limits = Limits {
            urls: 3,
            bytes: 100,
        };
        assert!(split(&entries(&[10, 91]), 10, limits).is_err());
        assert!(split(
            &entries(&[1]),
            0,
            Limits {
                urls: 0,
                bytes: 100
            }
        )
        .is_err());
    }
}
