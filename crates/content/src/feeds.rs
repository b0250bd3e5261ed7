//! Where the build publishes the open feeds (FEEDS.md), relative to the site's `content/`
//! folder: the one place that knows these paths, for the build, the pre-renderer's feed
//! links and any view that links a feed.

/// The site's `content/` folder, relative to its address (`<base href>`).
pub const CONTENT: &str = "content/";

/// The JSON Schemas, one per kind of JSON file, beside `index.json`.
pub const INDEX_SCHEMA: &str = "index.schema.json";
pub const MANIFEST_SCHEMA: &str = "manifest.schema.json";
pub const CHANGES_SCHEMA: &str = "changes.schema.json";

/// `<cc>/<lang>/feed.atom`: the Atom feed of a country's pages in one language.
pub fn feed(country: &str, lang: &str) -> String {
    format!("{country}/{lang}/feed.atom")
}

/// `<cc>/<lang>/changes.json`: what changed in them, build after build.
pub fn changes(country: &str, lang: &str) -> String {
    format!("{country}/{lang}/changes.json")
}

/// `<cc>/<lang>/calendar.ics`: every date of every election of a country, to subscribe to.
pub fn calendar(country: &str, lang: &str) -> String {
    format!("{country}/{lang}/calendar.ics")
}

/// `<cc>/<lang>/elections/<slug>.ics`: every date of one election (`lang` is the page's).
pub fn election_calendar(country: &str, lang: &str, slug: &str) -> String {
    format!("{country}/{lang}/elections/{slug}.ics")
}

/// `<cc>/<lang>/elections/<slug>/<n>.ics`: the `n`th date of one election, alone.
pub fn event_calendar(country: &str, lang: &str, slug: &str, n: usize) -> String {
    format!("{country}/{lang}/elections/{slug}/{n}.ics")
}

/// The public address of `path` (one of the above) under `site_url`, the site's address
/// ending in `/`.
pub fn url(site_url: &str, path: &str) -> String {
    format!("{site_url}{CONTENT}{path}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_paths_sit_beside_the_page_bodies() {
        assert_eq!(
            url("https://example.org/sub/", &feed("ro", "hu")),
            "https://example.org/sub/content/ro/hu/feed.atom"
        );
        assert_eq!(changes("ro", "hu"), "ro/hu/changes.json");
        assert_eq!(calendar("ro", "hu"), "ro/hu/calendar.ics");
        let one = election_calendar("ro", "en", "presidential-2025");
        let event = event_calendar("ro", "en", "presidential-2025", 0);
        assert_eq!(one, "ro/en/elections/presidential-2025.ics");
        // The per-event files sit in a folder named as the whole election's file.
        assert_eq!(event, "ro/en/elections/presidential-2025/0.ics");
    }
}
