//! Which language the interface speaks. Every route starts with it (`/fr/ro/guides/…`: the
//! interface in French, Romania's pages; see `route`), so each language of each page is its
//! own URL: a static file, a link that works without JavaScript, a page search engines can
//! list. Only `/` has none; there the voter's saved choice or browser preferences pick one.
//! Pure, so the rules are tested natively; the app gathers the inputs in the browser.

/// The interface language of the site's first page, `/`, before the voter's preferences
/// are known (and the reference every translation follows).
pub const DEFAULT_LANGUAGE: &str = "en";

/// An interface language as its `i18n/<lang>.toml`'s `[interface]` table describes it:
/// languages are data, not code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    pub code: String,
    /// Its own name, as the language switcher shows it.
    pub name: String,
    /// `ltr` or `rtl`.
    pub direction: String,
    /// False until a native speaker has reviewed the translation; the site says so.
    pub reviewed: bool,
}

/// How a language writes whole numbers (CLDR), from its `[interface]` table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Numbers {
    /// Between groups of three digits: `,` `.` U+00A0 U+202F…
    pub group_separator: String,
    /// 1: grouped from 4 digits (1,000); 2: from 5 (1000, 10 000).
    pub minimum_grouping_digits: u8,
    /// The ten digits, 0 to 9, as the language writes them.
    pub digits: String,
}

/// Keys of `i18n/<lang>.json` that carry the language's conventions beside its texts, so
/// the file stays one sorted list of `(key, text)` pairs (`#` sorts before every text key;
/// a second shape measured wasm bytes to read).
pub mod keys {
    pub const DIRECTION: &str = "#direction";
    /// `true` or `false`.
    pub const REVIEWED: &str = "#reviewed";
    pub const GROUP_SEPARATOR: &str = "#group_separator";
    pub const MINIMUM_GROUPING_DIGITS: &str = "#minimum_grouping_digits";
    pub const DIGITS: &str = "#digits";
    /// Followed by a CLDR category (`#plural.few`), its rule as text.
    pub const PLURAL: &str = "#plural.";
}

/// The interface languages of this build, set once when the app, the pre-renderer or a
/// test starts (from `i18n/languages.json`); until then only the default is known.
static LANGUAGES: std::sync::OnceLock<Vec<(Lang, &'static str)>> = std::sync::OnceLock::new();

/// Sets the interface languages, `(code, own name)` as `i18n/languages.json` lists them,
/// once; a later call with another list is ignored and returns false (one process, one
/// build).
pub fn set_languages(languages: Vec<(String, String)>) -> bool {
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let list: Vec<(Lang, &'static str)> = languages
        .into_iter()
        .map(|(code, name)| (Lang(leak(code)), leak(name)))
        .collect();
    let codes: Vec<&str> = list.iter().map(|(l, _)| l.0).collect();
    let set = LANGUAGES.get_or_init(|| list);
    set.iter().map(|(l, _)| l.0).eq(codes)
}

/// For tests of code that parses languages: English, French, Romanian and Hungarian, the
/// first interface languages (a process keeps the first list it sets).
#[doc(hidden)]
pub fn set_test_languages() {
    set_languages(
        [
            ("en", "English"),
            ("fr", "Français"),
            ("ro", "Română"),
            ("hu", "Magyar"),
        ]
        .map(|(code, name)| (code.to_owned(), name.to_owned()))
        .into(),
    );
}

fn languages() -> &'static [(Lang, &'static str)] {
    LANGUAGES.get().map_or(&[], Vec::as_slice)
}

/// An interface language: one the build has translations for, so holding one proves the
/// interface speaks it. Parsed once (from a path, a saved choice, a host's command) and
/// passed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang(&'static str);

impl Lang {
    pub const DEFAULT: Lang = Lang(DEFAULT_LANGUAGE);

    /// The interface language `code` names, in any letter case (`FR`, `fr`).
    pub fn parse(code: &str) -> Option<Lang> {
        if code.eq_ignore_ascii_case(DEFAULT_LANGUAGE) {
            return Some(Lang::DEFAULT);
        }
        languages()
            .iter()
            .map(|(l, _)| *l)
            .find(|l| l.0.eq_ignore_ascii_case(code))
    }

    /// Every interface language, in the build's order (the default first when none is set).
    pub fn all() -> impl Iterator<Item = Lang> {
        let set = languages();
        let default = set.is_empty().then_some(Lang::DEFAULT);
        default.into_iter().chain(set.iter().map(|(l, _)| *l))
    }

    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// Its own name (`Deutsch`), for the language switcher.
    pub fn name(self) -> &'static str {
        languages()
            .iter()
            .find_map(|(l, name)| (*l == self).then_some(*name))
            .unwrap_or(self.0)
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

/// Writing direction of a content language (any BCP 47 tag), for a fragment's `dir`; an
/// interface language's comes from its own data (`keys::DIRECTION`).
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
        set_test_languages();
        assert_eq!(Lang::parse("hu").map(Lang::as_str), Some("hu"));
        assert_eq!(Lang::parse("FR").map(Lang::as_str), Some("fr"));
        for other in ["", "de", "french", "f"] {
            assert_eq!(Lang::parse(other), None, "{other}");
        }
        assert_eq!(Lang::all().count(), 4);
        assert_eq!(Lang::parse("ro").map(Lang::name), Some("Română"));
    }

    #[test]
    fn the_saved_choice_wins_then_the_browser() {
        set_test_languages();
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
