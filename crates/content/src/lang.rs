//! Which language the interface speaks. Pure, so the rule is tested natively; the app
//! gathers the inputs (URL, saved choice, `navigator.languages`) in the browser.

/// Languages the interface is translated into (`i18n/<lang>.toml`).
pub const UI_LANGUAGES: [&str; 4] = ["en", "fr", "ro", "hu"];

/// The first supported language among, in order: the one named in the URL, the voter's
/// saved choice, the browser's preferences (`fr-CA` counts as `fr`), the country's default
/// language, and English.
pub fn negotiate(
    url: Option<&str>,
    saved: Option<&str>,
    browser: &[String],
    country_default: Option<&str>,
) -> &'static str {
    preferred(url, saved, browser)
        .or_else(|| country_default.and_then(supported))
        .unwrap_or("en")
}

/// The voter's own preference, if it names a supported language: when it does, the
/// country's default need not be looked up.
pub fn preferred(
    url: Option<&str>,
    saved: Option<&str>,
    browser: &[String],
) -> Option<&'static str> {
    url.and_then(supported)
        .or_else(|| saved.and_then(supported))
        .or_else(|| browser.iter().find_map(|b| supported(b)))
}

fn supported(tag: &str) -> Option<&'static str> {
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    UI_LANGUAGES.into_iter().find(|l| *l == primary)
}

/// Writing direction of a language, for `<html dir>`.
pub fn direction(lang: &str) -> &'static str {
    let primary = lang.split('-').next().unwrap_or_default();
    if ["ar", "fa", "he", "ps", "ur", "yi", "dv", "ckb"].contains(&primary) {
        "rtl"
    } else {
        "ltr"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn browser(tags: &[&str]) -> Vec<String> {
        tags.iter().map(|t| (*t).to_owned()).collect()
    }

    #[test]
    fn the_url_wins_then_the_saved_choice_then_the_browser() {
        assert_eq!(
            negotiate(Some("hu"), Some("fr"), &browser(&["ro-RO"]), Some("ro")),
            "hu"
        );
        assert_eq!(
            negotiate(None, Some("fr"), &browser(&["ro-RO"]), Some("ro")),
            "fr"
        );
        assert_eq!(
            negotiate(None, None, &browser(&["de-DE", "hu-HU", "en"]), Some("ro")),
            "hu"
        );
    }

    #[test]
    fn unsupported_choices_fall_through_to_the_country_then_english() {
        assert_eq!(
            negotiate(Some("xx"), Some("de"), &browser(&["de-DE"]), Some("ro")),
            "ro"
        );
        assert_eq!(negotiate(None, None, &browser(&["ja"]), None), "en");
        assert_eq!(negotiate(None, None, &[], Some("fr")), "fr");
    }

    #[test]
    fn directions() {
        assert_eq!(direction("ar-EG"), "rtl");
        assert_eq!(direction("hu"), "ltr");
    }
}
