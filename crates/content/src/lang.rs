//! Which language the interface speaks. Every route starts with it (`/fr/ro/guides/…`: the
//! interface in French, Romania's pages), so each language of each page is its own URL: a
//! static file, a link that works without JavaScript, a page search engines can list.
//! Only `/` has none; there the voter's saved choice or browser preferences pick one.
//! Pure, so the rules are tested natively; the app gathers the inputs in the browser.

/// Languages the interface is translated into (`i18n/<lang>.toml`).
pub const UI_LANGUAGES: [&str; 4] = ["en", "fr", "ro", "hu"];

/// The interface language of the site's first page, `/`, before the voter's preferences
/// are known (and for pages that name no language we offer).
pub const DEFAULT_LANGUAGE: &str = "en";

/// The language a site path starts with (`/fr/ro` → `fr`), if it is one we offer.
pub fn from_path(path: &str) -> Option<&'static str> {
    let first = path.trim_start_matches('/').split('/').next()?;
    UI_LANGUAGES.into_iter().find(|l| *l == first)
}

/// The same page in `lang`, as an href relative to the site's base: `/fr/ro/guides/x` →
/// `hu/ro/guides/x`; `/` → `hu`.
pub fn switch_path(path: &str, lang: &str) -> String {
    let path = path.trim_start_matches('/');
    let rest = match from_path(path) {
        Some(current) => &path[current.len()..],
        None if path.is_empty() => "",
        None => return lang.to_owned(),
    };
    format!("{lang}{rest}")
}

/// The voter's own preference, if it names a language we offer: their saved choice, else
/// the browser's languages in order (`fr-CA` counts as `fr`).
pub fn preferred(saved: Option<&str>, browser: &[String]) -> Option<&'static str> {
    saved
        .and_then(supported)
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

/// The BCP 47 shapes content needs: `fr`, `fil`, `sr-Latn`, `pt-BR`, `es-419`.
pub fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let lang_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()));
    lang_ok
        && parts.all(|p| {
            (p.len() == 4
                && p.as_bytes()[0].is_ascii_uppercase()
                && p.bytes().skip(1).all(|b| b.is_ascii_lowercase()))
                || (p.len() == 2 && p.bytes().all(|b| b.is_ascii_uppercase()))
                || (p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn browser(tags: &[&str]) -> Vec<String> {
        tags.iter().map(|t| (*t).to_owned()).collect()
    }

    #[test]
    fn the_path_names_the_language() {
        assert_eq!(from_path("/hu/ro/guides/x"), Some("hu"));
        assert_eq!(from_path("/fr"), Some("fr"));
        assert_eq!(from_path("/"), None);
        assert_eq!(from_path("/de/ro"), None);
        assert_eq!(from_path("/french"), None);
    }

    #[test]
    fn switching_keeps_the_page() {
        assert_eq!(switch_path("/fr/ro/guides/x", "hu"), "hu/ro/guides/x");
        assert_eq!(switch_path("/fr", "en"), "en");
        assert_eq!(switch_path("/", "ro"), "ro");
        assert_eq!(switch_path("/nowhere/x", "ro"), "ro");
    }

    #[test]
    fn the_saved_choice_wins_then_the_browser() {
        assert_eq!(preferred(Some("fr"), &browser(&["ro-RO"])), Some("fr"));
        assert_eq!(
            preferred(None, &browser(&["de-DE", "hu-HU", "en"])),
            Some("hu")
        );
        assert_eq!(preferred(Some("de"), &browser(&["fr-CA"])), Some("fr"));
        assert_eq!(preferred(None, &browser(&["ja"])), None);
    }

    #[test]
    fn directions() {
        assert_eq!(direction("ar-EG"), "rtl");
        assert_eq!(direction("hu"), "ltr");
    }

    #[test]
    fn language_tags() {
        for ok in ["fr", "hu", "fil", "sr-Latn", "pt-BR", "es-419"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "FR", "french", "fr_FR", "en-us"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
