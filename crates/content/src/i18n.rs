//! Interface translations: one TOML file per language (`i18n/<lang>.toml`), checked against
//! the English reference so that no language misses a key, carries a stray one, or changes
//! a `{placeholder}`. Each file's `[interface]` table says what the language is (its name,
//! direction, review status and number conventions) and CLDR's data its plural rules: a
//! language is added by adding its file. The app fetches the result as JSON.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use crate::diagnostic::{line_col, Diagnostic};
use crate::lang::{Language, Numbers};
use crate::plural::PluralRules;
use crate::site::{is_language_tag, SourceFile};

/// The language every other follows.
pub const REFERENCE: &str = "en";

/// Plural categories (CLDR); a key ending in one of them is one form of a plural message.
const PLURAL: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// One language's translation, as the app receives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    pub language: Language,
    pub numbers: Numbers,
    /// CLDR's cardinal rules, `(category, rule)`.
    pub plurals: Vec<(String, String)>,
    /// Dotted key → text.
    pub texts: BTreeMap<String, String>,
}

/// `lang → translation`.
pub type Catalog = BTreeMap<String, Translation>;

/// CLDR's cardinal plural rules: `lang → category → rule` (`i18n/cldr-plurals.json`).
pub type CldrPlurals = BTreeMap<String, BTreeMap<String, String>>;

/// A translation file's `[interface]` table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Interface {
    name: String,
    direction: String,
    reviewed_by_native_speaker: bool,
    group_separator: String,
    minimum_grouping_digits: u8,
    digits: String,
}

/// Reads `<lang>.toml` files (paths relative to the i18n folder) into translations,
/// reporting every problem at once.
pub fn load(files: &[SourceFile], cldr: &CldrPlurals) -> (Catalog, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut catalog = Catalog::new();
    for file in files {
        let Some(lang) = file
            .path
            .strip_suffix(".toml")
            .filter(|l| is_language_tag(l))
        else {
            problems.push(Diagnostic::new(
                &file.path,
                0,
                0,
                "the file name is not a language code",
                "name translation files <lang>.toml, e.g. fr.toml",
            ));
            continue;
        };
        if !crate::limits::check_text(file, &mut problems) {
            continue;
        }
        match toml::from_str::<toml::Table>(&file.text) {
            Ok(mut table) => {
                let interface = table.remove("interface");
                let mut flat = BTreeMap::new();
                flatten("", table, &mut flat, file, &mut problems);
                if let Some(translation) =
                    translation(file, lang, interface, cldr, flat, &mut problems)
                {
                    catalog.insert(lang.to_owned(), translation);
                }
            }
            Err(e) => problems.push(crate::toml_error::problem(
                &file.path, &file.text, 1, &e, None,
            )),
        }
    }
    let Some(reference) = catalog.get(REFERENCE).map(|t| t.texts.clone()) else {
        problems.push(Diagnostic::new(
            &format!("{REFERENCE}.toml"),
            0,
            0,
            "the English reference file is missing",
            "every language is checked against en.toml",
        ));
        return (catalog, problems);
    };
    for (lang, translation) in &catalog {
        let texts = &translation.texts;
        let file = files
            .iter()
            .find(|f| f.path == format!("{lang}.toml"))
            .expect("each catalog comes from a file");
        for (key, text) in texts {
            let Some(expected) = reference_text(&reference, key) else {
                problems.push(at_key(
                    file,
                    key,
                    format!("`{key}` is not a key of en.toml"),
                    "remove it, or add it to en.toml first (and use it in the app)",
                ));
                continue;
            };
            if key.starts_with("date.") {
                // Date patterns order and pick their parts per language (24-hour or AM/PM).
                let unknown: Vec<&str> = placeholders(text)
                    .into_iter()
                    .filter(|p| !DATE_PLACEHOLDERS.contains(p))
                    .collect();
                if !unknown.is_empty() {
                    problems.push(at_key(
                        file,
                        key,
                        format!("`{key}` has unknown date placeholders {unknown:?}"),
                        "use {day} {month} {year} {hour} {hour12} {minute} {period}",
                    ));
                }
            } else if placeholders(text) != placeholders(expected) {
                problems.push(at_key(
                    file,
                    key,
                    format!(
                        "`{key}` has placeholders {:?}, en.toml has {:?}",
                        placeholders(text),
                        placeholders(expected)
                    ),
                    "keep every {placeholder} of the English text, unchanged",
                ));
            }
        }
        for key in reference.keys() {
            if split_plural(key).1.is_none() && !texts.contains_key(key) {
                problems.push(Diagnostic::new(
                    &file.path,
                    0,
                    0,
                    format!("`{key}` is missing"),
                    format!("translate it from en.toml: {}", reference[key]),
                ));
            }
        }
        let rules = PluralRules::parse(
            translation
                .plurals
                .iter()
                .map(|(c, r)| (c.as_str(), r.as_str())),
        )
        .unwrap_or_default();
        check_plural_forms(file, lang, &rules, texts, &reference, &mut problems);
    }
    problems.sort_by(|a, b| (&a.file, a.line, &a.message).cmp(&(&b.file, b.line, &b.message)));
    problems.dedup();
    (catalog, problems)
}

/// The translation in `file`, when its `[interface]` table and CLDR's rules for `lang` are
/// complete; else the problems.
fn translation(
    file: &SourceFile,
    lang: &str,
    interface: Option<toml::Value>,
    cldr: &CldrPlurals,
    texts: BTreeMap<String, String>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Translation> {
    let before = problems.len();
    let interface = match interface.map(Interface::deserialize) {
        None => {
            problems.push(Diagnostic::new(
                &file.path,
                1,
                1,
                "the file has no [interface] table",
                "copy [interface] from en.toml and give this language's own name, direction and number conventions (CLDR)",
            ));
            None
        }
        Some(Err(e)) => {
            problems.push(at_key(
                file,
                "interface",
                format!("[interface]: {}", e.message()),
                "it takes name, direction, reviewed_by_native_speaker, group_separator, minimum_grouping_digits and digits, as en.toml shows",
            ));
            None
        }
        Some(Ok(interface)) => Some(interface),
    };
    if let Some(i) = &interface {
        if !["ltr", "rtl"].contains(&i.direction.as_str()) {
            problems.push(at_key(
                file,
                "direction",
                format!("direction `{}` is neither `ltr` nor `rtl`", i.direction),
                "write \"rtl\" for a right-to-left script, else \"ltr\"",
            ));
        }
        if i.digits.chars().count() != 10 {
            problems.push(at_key(file, "digits", "`digits` must be the ten digits, 0 to 9".into(), "write \"0123456789\" unless the language's CLDR numbering system has its own digits"));
        }
        if !(1..=4).contains(&i.minimum_grouping_digits) {
            problems.push(at_key(
                file,
                "minimum_grouping_digits",
                "`minimum_grouping_digits` is 1, 2, 3 or 4".into(),
                "CLDR gives it per language: 1 for most, 2 for Polish, Spanish, Hungarian…",
            ));
        }
    }
    let Some(rules) = cldr.get(lang) else {
        problems.push(Diagnostic::new(
            &file.path,
            1,
            1,
            format!("CLDR has no plural rules for `{lang}`"),
            "name the file with the language's CLDR code; i18n/cldr-plurals.json lists them",
        ));
        return None;
    };
    // In CLDR's order (zero, one, two, few, many, other), as editors read them.
    let mut plurals: Vec<(String, String)> =
        rules.iter().map(|(c, r)| (c.clone(), r.clone())).collect();
    plurals.sort_by_key(|(c, _)| PLURAL.iter().position(|p| p == c));
    if let Err(e) = PluralRules::parse(plurals.iter().map(|(c, r)| (c.as_str(), r.as_str()))) {
        problems.push(Diagnostic::new(
            &file.path,
            1,
            1,
            format!("CLDR's plural rules for `{lang}` do not parse: {e}"),
            "regenerate i18n/cldr-plurals.json with scripts/cldr-plurals.mjs",
        ));
    }
    let interface = interface?;
    (problems.len() == before).then(|| Translation {
        language: Language {
            code: lang.to_owned(),
            name: interface.name,
            direction: interface.direction,
            reviewed: interface.reviewed_by_native_speaker,
        },
        numbers: Numbers {
            group_separator: interface.group_separator,
            minimum_grouping_digits: interface.minimum_grouping_digits,
            digits: interface.digits,
        },
        plurals,
        texts,
    })
}

/// Each plural message of en.toml must have exactly the forms the language's CLDR rules
/// pick from (which the app's counting also follows): a missing one would show a key
/// instead of text for some counts, an extra one is never shown and hides a mistake (a
/// Romanian `many` meant as `few`).
fn check_plural_forms(
    file: &SourceFile,
    lang: &str,
    rules: &PluralRules,
    texts: &BTreeMap<String, String>,
    reference: &BTreeMap<String, String>,
    problems: &mut Vec<Diagnostic>,
) {
    let forms: Vec<&str> = rules.categories().collect();
    let list = forms.join(", ");
    let messages: BTreeSet<&str> = reference
        .keys()
        .filter_map(|k| match split_plural(k) {
            (base, Some(_)) => Some(base),
            (_, None) => None,
        })
        .collect();
    for base in messages {
        let present: Vec<(&String, &str)> = texts
            .keys()
            .filter_map(|k| match split_plural(k) {
                (b, Some(category)) if b == base => Some((k, category)),
                _ => None,
            })
            .collect();
        let english = reference_text(reference, &format!("{base}.other"))
            .or_else(|| {
                reference
                    .iter()
                    .find(|(k, _)| split_plural(k).0 == base)
                    .map(|(_, text)| text)
            })
            .expect("the message comes from en.toml");
        for category in &forms {
            if present.iter().any(|(_, c)| c == category) {
                continue;
            }
            let message = format!("`{base}.{category}` is missing");
            let hint = format!(
                "`{lang}` has the plural forms {list}; translate it from en.toml: {english}"
            );
            // At the first line of the forms that are there, if any.
            let near = present
                .iter()
                .map(|(sibling, _)| at_key(file, sibling, message.clone(), &hint))
                .min_by_key(|d| d.line);
            problems.push(near.unwrap_or_else(|| Diagnostic::new(&file.path, 0, 0, message, hint)));
        }
        for (key, category) in &present {
            if !forms.contains(category) {
                problems.push(at_key(
                    file,
                    key,
                    format!("`{key}`: `{lang}` has no plural form `{category}`"),
                    &format!("`{lang}` has the plural forms {list} (CLDR, i18n/cldr-plurals.json); remove it"),
                ));
            }
        }
    }
}

/// What a `date.*` pattern may contain (see `crate::format::fill_date`).
const DATE_PLACEHOLDERS: [&str; 7] = ["day", "month", "year", "hour", "hour12", "minute", "period"];

fn flatten(
    prefix: &str,
    table: toml::Table,
    out: &mut BTreeMap<String, String>,
    file: &SourceFile,
    problems: &mut Vec<Diagnostic>,
) {
    for (key, value) in table {
        let key = if prefix.is_empty() {
            key
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            toml::Value::String(text) => {
                out.insert(key, text);
            }
            toml::Value::Table(inner) => flatten(&key, inner, out, file, problems),
            _ => problems.push(at_key(
                file,
                key.rsplit('.').next().unwrap_or(&key),
                format!("`{key}` is not text"),
                "write the text in \"quotes\"",
            )),
        }
    }
}

/// The English text a key is checked against: itself, or for a plural form any form of
/// the same message (languages have different plural forms).
fn reference_text<'a>(reference: &'a BTreeMap<String, String>, key: &str) -> Option<&'a String> {
    match split_plural(key) {
        (base, Some(_)) => reference.get(&format!("{base}.other")),
        (_, None) => reference.get(key),
    }
}

fn split_plural(key: &str) -> (&str, Option<&str>) {
    match key.rsplit_once('.') {
        Some((base, last)) if PLURAL.contains(&last) => (base, Some(last)),
        _ => (key, None),
    }
}

fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

fn at_key(file: &SourceFile, key: &str, message: String, hint: &str) -> Diagnostic {
    let last = key.rsplit('.').next().unwrap_or(key);
    let lines = || {
        file.text.lines().scan(0, |offset, line| {
            let start = *offset;
            *offset += line.len() + 1;
            Some((start, line))
        })
    };
    // The full dotted key under its `[table]` header first: a bare `one` or `other` occurs in
    // every plural message, so the last part alone would point at the first of them.
    let mut table = String::new();
    let exact = lines().find(|(_, line)| {
        let line = line.trim();
        if let Some(header) = line.strip_prefix('[') {
            table = dotted(header.split(']').next().unwrap_or_default());
            return false;
        }
        line.split_once('=').is_some_and(|(name, _)| {
            let name = dotted(name);
            if table.is_empty() {
                name == key
            } else {
                format!("{table}.{name}") == key
            }
        })
    });
    let (line, col) = exact
        .or_else(|| {
            lines().find(|(_, line)| {
                line.trim_start().starts_with(&format!("{last} "))
                    || line.trim_start().starts_with(&format!("{last}="))
                    || line.trim_start().starts_with(&format!("{key} "))
            })
        })
        .map_or((1, 1), |(start, _)| line_col(&file.text, start));
    Diagnostic::new(&file.path, line, col, message, hint)
}

/// `a . b` → `a.b`, as TOML reads a dotted key.
fn dotted(name: &str) -> String {
    name.split('.').map(str::trim).collect::<Vec<_>>().join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `[interface]` table each test file ends with (at the end, so line numbers in
    /// the expected messages are the test text's own).
    const INTERFACE: &str = "\n[interface]\nname = \"X\"\ndirection = \"ltr\"\nreviewed_by_native_speaker = true\ngroup_separator = \",\"\nminimum_grouping_digits = 1\ndigits = \"0123456789\"\n";

    /// CLDR 48's rules for the four languages the tests use.
    fn cldr() -> CldrPlurals {
        [
            ("en", vec![("one", "i = 1 and v = 0"), ("other", "")]),
            ("hu", vec![("one", "n = 1"), ("other", "")]),
            (
                "fr",
                vec![
                    ("one", "i = 0,1"),
                    (
                        "many",
                        "e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5",
                    ),
                    ("other", ""),
                ],
            ),
            (
                "ro",
                vec![
                    ("one", "i = 1 and v = 0"),
                    ("few", "v != 0 or n = 0 or n != 1 and n % 100 = 1..19"),
                    ("other", ""),
                ],
            ),
        ]
        .into_iter()
        .map(|(l, r)| {
            (
                l.to_owned(),
                r.into_iter()
                    .map(|(c, x)| (c.to_owned(), x.to_owned()))
                    .collect(),
            )
        })
        .collect()
    }

    fn check(files: &[(&str, &str)]) -> Vec<String> {
        let files: Vec<SourceFile> = files
            .iter()
            .map(|(p, t)| SourceFile {
                path: (*p).into(),
                text: format!("{t}{INTERFACE}"),
            })
            .collect();
        load(&files, &cldr())
            .1
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn the_interface_table_says_what_the_language_is() {
        let file = |text: &str| SourceFile {
            path: "fr.toml".into(),
            text: text.into(),
        };
        let en = SourceFile {
            path: "en.toml".into(),
            text: format!("{EN}{INTERFACE}"),
        };
        let (catalog, problems) = load(
            &[
                en.clone(),
                file(
                    &format!("{EN}{}", INTERFACE.replace("\"X\"", "\"Français\""))
                        .replace("sources.other", "sources.many = \"{count}\"\nsources.other"),
                ),
            ],
            &cldr(),
        );
        assert_eq!(problems, vec![]);
        let fr = &catalog["fr"];
        assert_eq!(
            (fr.language.name.as_str(), fr.language.reviewed),
            ("Français", true)
        );
        assert_eq!(
            fr.plurals
                .iter()
                .map(|(c, _)| c.as_str())
                .collect::<Vec<_>>(),
            ["one", "many", "other"]
        );
        let problems: Vec<String> = load(&[en.clone(), file(EN)], &cldr())
            .1
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            problems[0].starts_with("fr.toml:1:1: error: the file has no [interface] table"),
            "{problems:?}"
        );
        let rtl = INTERFACE
            .replace("ltr", "sideways")
            .replace("0123456789", "0123");
        let problems: Vec<String> = load(&[en.clone(), file(&format!("{EN}{rtl}"))], &cldr())
            .1
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            problems.iter().any(|p| p.contains("direction `sideways`")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("`digits` must be the ten digits")),
            "{problems:?}"
        );
        let xx = SourceFile {
            path: "xx.toml".into(),
            text: format!("{EN}{INTERFACE}"),
        };
        let problems: Vec<String> = load(&[en, xx], &cldr())
            .1
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            problems
                .iter()
                .any(|p| p.contains("CLDR has no plural rules for `xx`")),
            "{problems:?}"
        );
    }

    const EN: &str = "[page]\ntitle = \"Page\"\nreviewed = \"Reviewed {date}\"\nsources.one = \"{count} source\"\nsources.other = \"{count} sources\"\n";

    #[test]
    fn complete_translations_pass_with_their_own_plural_forms() {
        let ro = "[page]\ntitle = \"Pagină\"\nreviewed = \"Verificat {date}\"\nsources.one = \"{count} sursă\"\nsources.few = \"{count} surse\"\nsources.other = \"{count} de surse\"\n";
        assert_eq!(
            check(&[("en.toml", EN), ("ro.toml", ro)]),
            Vec::<String>::new()
        );
    }

    #[test]
    fn date_patterns_pick_their_own_parts_but_only_known_ones() {
        let en = "[date]\nday_time = \"{month} {day}, {year} at {hour12}:{minute} {period}\"\n";
        let fr = "[date]\nday_time = \"{day} {month} {year} à {hour}:{minute}\"\n";
        assert_eq!(
            check(&[("en.toml", en), ("fr.toml", fr)]),
            Vec::<String>::new()
        );
        let hu = "[date]\nday_time = \"{év}. {month} {day}.\"\n";
        assert_eq!(
            check(&[("en.toml", en), ("hu.toml", hu)]),
            vec!["hu.toml:2:1: error: `date.day_time` has unknown date placeholders [\"év\"]\n  = help: use {day} {month} {year} {hour} {hour12} {minute} {period}".to_owned()]
        );
    }

    #[test]
    fn missing_stray_and_changed_placeholders_are_reported() {
        let fr = "[page]\ntitel = \"Page\"\nreviewed = \"Vérifiée {jour}\"\nsources.one = \"{count} source\"\n";
        assert_eq!(
            check(&[("en.toml", EN), ("fr.toml", fr)]),
            vec![
                "fr.toml:1:1: error: `page.title` is missing\n  = help: translate it from en.toml: Page",
                "fr.toml:2:1: error: `page.titel` is not a key of en.toml\n  = help: remove it, or add it to en.toml first (and use it in the app)",
                "fr.toml:3:1: error: `page.reviewed` has placeholders {\"jour\"}, en.toml has {\"date\"}\n  = help: keep every {placeholder} of the English text, unchanged",
                "fr.toml:4:1: error: `page.sources.many` is missing\n  = help: `fr` has the plural forms one, many, other; translate it from en.toml: {count} sources",
                "fr.toml:4:1: error: `page.sources.other` is missing\n  = help: `fr` has the plural forms one, many, other; translate it from en.toml: {count} sources",
            ]
        );
    }

    #[test]
    fn plural_messages_have_exactly_the_languages_forms() {
        let fr = "[page]\ntitle = \"Page\"\nreviewed = \"Vérifiée {date}\"\nsources.one = \"{count} source\"\nsources.many = \"{count} de sources\"\nsources.other = \"{count} sources\"\n";
        let hu = "[page]\ntitle = \"Oldal\"\nreviewed = \"Ellenőrizve {date}\"\nsources.one = \"{count} forrás\"\nsources.other = \"{count} forrás\"\n";
        assert_eq!(
            check(&[("en.toml", EN), ("fr.toml", fr), ("hu.toml", hu)]),
            Vec::<String>::new()
        );

        let ro = "[page]\ntitle = \"Pagină\"\nreviewed = \"Verificat {date}\"\n\n[page.sources]\none = \"{count} sursă\"\nother = \"{count} de surse\"\nmany = \"{count} surse\"\n";
        let en = format!("{EN}[extra]\nitems.one = \"{{count}} item\"\nitems.few = \"{{count}} items\"\nitems.other = \"{{count}} items\"\n");
        assert_eq!(
            check(&[("en.toml", &en), ("ro.toml", ro)]),
            [
                "en.toml:8:1: error: `extra.items.few`: `en` has no plural form `few`\n  = help: `en` has the plural forms one, other (CLDR, i18n/cldr-plurals.json); remove it",
                "ro.toml:1:1: error: `extra.items.few` is missing\n  = help: `ro` has the plural forms one, few, other; translate it from en.toml: {count} items",
                "ro.toml:1:1: error: `extra.items.one` is missing\n  = help: `ro` has the plural forms one, few, other; translate it from en.toml: {count} items",
                "ro.toml:1:1: error: `extra.items.other` is missing\n  = help: `ro` has the plural forms one, few, other; translate it from en.toml: {count} items",
                "ro.toml:6:1: error: `page.sources.few` is missing\n  = help: `ro` has the plural forms one, few, other; translate it from en.toml: {count} sources",
                "ro.toml:8:1: error: `page.sources.many`: `ro` has no plural form `many`\n  = help: `ro` has the plural forms one, few, other (CLDR, i18n/cldr-plurals.json); remove it",
            ]
        );
    }

    #[test]
    fn file_names_must_be_language_codes() {
        assert_eq!(check(&[("en.toml", EN), ("french.toml", EN)])[0], "french.toml:1:1: error: the file name is not a language code\n  = help: name translation files <lang>.toml, e.g. fr.toml");
    }
}
