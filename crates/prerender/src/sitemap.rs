//! `sitemap.xml` (sitemaps.org 0.9): every page, each with its versions in the other
//! interface languages as `xhtml:link rel="alternate" hreflang`, as search engines read
//! them to send a voter to the page in their language.

use content::route::Route;

use election_center::prerender::{alternates, escape, url};

pub fn write(routes: &[Route], site_url: &str) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for route in routes {
        xml.push_str(&format!(
            "<url><loc>{}</loc>",
            escape(&url(site_url, route))
        ));
        for (hreflang, href) in alternates(route, site_url) {
            xml.push_str(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\"/>",
                escape(&href)
            ));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_lists_its_language_versions() {
        content::lang::set_test_languages();
        let routes = [Route::Root, Route::parse("/fr/ro/videos").unwrap()];
        let xml = write(&routes, "https://example.org/");
        assert!(xml.contains("<url><loc>https://example.org/</loc><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en\"/>"), "{xml}");
        assert!(
            xml.contains("<loc>https://example.org/fr/ro/videos</loc>"),
            "{xml}"
        );
        assert!(
            xml.contains("hreflang=\"hu\" href=\"https://example.org/hu/ro/videos\""),
            "{xml}"
        );
        assert!(
            xml.contains("hreflang=\"x-default\" href=\"https://example.org/en/ro/videos\""),
            "{xml}"
        );
        assert_eq!(xml.matches("<url>").count(), 2);
    }
}
