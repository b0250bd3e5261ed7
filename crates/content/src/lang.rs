//! Which language the interface speaks. Every route starts with it (`/fr/ro/guides/…`: the
//! interface in French, Romania's pages; see `route`), so each language of each page is its
//! own URL: a static file, a link that works without JavaScript, a page search engines can
//! list. Only `/` has none; there the voter's saved choice or browser preferences pick one.
//! Pure, so the rules are tested natively; the app gathers the inputs in the browser.

/// Languages the interface is translated into (`i18n/<lang>.toml`).
pub const UI_LANGUAGES: [&str; 4] = ["en", "fr", "ro", "hu"];

/// The interface language of the site's first page, `/`, before the voter's preferences
/// are known (and for pages that name no language we offer).
pub const DEFAULT_LANGUAGE: &str = "en";

/// An interface language: one of [`UI_LANGUAGES`], so holding one proves the interface
/// speaks it. Parsed once (from a path, a saved choice, a host's command) and passed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang(&'static str);

impl Lang {
    pub const DEFAULT: Lang = Lang(DEFAULT_LANGUAGE);

    /// The interface language `code` names, in any letter case (`FR`, `fr`).
    pub fn parse(code: &str) -> Option<Lang> {
        UI_LANGUAGES
            .into_iter()
            .find(|l| l.eq_ignore_ascii_case(code))
            .map(Lang)
    }

    pub fn all() -> impl Iterator<Item = Lang> {
        UI_LANGUAGES.into_iter().map(Lang)
    }

    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl PartialEq<str> for Lang {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Lang {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for Lang {
    fn eq(&self, other: &String) -> bool {
        self.0 == other
    }
}

/// The voter's own preference, if it names a language we offer: their saved choice, else
/// the browser's languages in order (`fr-CA` counts as `fr`).
pub fn preferred(saved: Option<&str>, browser: &[String]) -> Option<Lang> {
    saved
        .and_then(supported)
        .or_else(|| browser.iter().find_map(|b| supported(b)))
}

fn supported(tag: &str) -> Option<Lang> {
    Lang::parse(tag.split(['-', '_']).next().unwrap_or_default())
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
    fn only_interface_languages_parse() {
        assert_eq!(Lang::parse("hu").map(Lang::as_str), Some("hu"));
        assert_eq!(Lang::parse("FR").map(Lang::as_str), Some("fr"));
        for other in ["", "de", "french", "f"] {
            assert_eq!(Lang::parse(other), None, "{other}");
        }
        assert_eq!(Lang::all().count(), UI_LANGUAGES.len());
    }

    #[test]
    fn the_saved_choice_wins_then_the_browser() {
        let lang = |code| Lang::parse(code);
        assert_eq!(preferred(Some("fr"), &browser(&["ro-RO"])), lang("fr"));
        assert_eq!(
            preferred(None, &browser(&["de-DE", "hu-HU", "en"])),
            lang("hu")
        );
        assert_eq!(preferred(Some("de"), &browser(&["fr-CA"])), lang("fr"));
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
