//! The interface language: the first segment of every path (see `content::lang`), its texts
//! fetched from `i18n/<lang>.json` (written by `content-cli i18n` from `i18n/*.toml`), and
//! looked up by key. Texts live outside the wasm, so a translator never touches Rust and
//! a language costs the voter one small request.

use std::sync::Arc;

use content::lang::{keys, Lang, Numbers};
use content::plural::PluralRules;
use content::route::Route;
use content::{format, SiteIndex};
use leptos::prelude::*;

use crate::{api, memory};

/// The interface language, its texts, how it writes numbers and its plural rules (all
/// data: `i18n/<lang>.json`).
#[derive(Clone, Debug, PartialEq)]
pub struct I18n {
    pub lang: Lang,
    /// Written right to left.
    pub rtl: bool,
    /// Reviewed by a native speaker (else the site says it is not yet).
    pub reviewed: bool,
    /// `(key, text)` sorted by key, as `content-cli i18n` writes them.
    texts: Arc<Vec<(String, String)>>,
    numbers: Arc<Numbers>,
    plurals: Arc<PluralRules>,
}

impl I18n {
    /// The text of `key`; a missing key shows as `⟦key⟧`, which the browser tests look for.
    pub fn t(&self, key: &str) -> String {
        self.get(key)
            .map_or_else(|| format!("⟦{key}⟧"), str::to_owned)
    }

    fn get(&self, key: &str) -> Option<&str> {
        lookup(&self.texts, key)
    }

    /// The text of `key` with each `{name}` replaced.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        args.iter().fold(self.t(key), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
    }

    /// The plural form of `key` for `n` under the language's rules, with `{count}` replaced
    /// by `n` written the language's way (1,000 / 1 000 / 1.000).
    pub fn tn(&self, key: &str, n: usize) -> String {
        let n = n as u64;
        let form = format!("{key}.{}", self.plurals.category(n));
        let key = if self.get(&form).is_some() {
            form
        } else {
            format!("{key}.other")
        };
        self.tf(&key, &[("count", &format::count(&self.numbers, n))])
    }

    /// A calendar day (`2024-06-30`) or a wall-clock time (`2024-06-30T08:00`) the way the
    /// language writes it: "30 juin 2024", "June 30, 2024 at 8:00 AM".
    pub fn date(&self, text: &str) -> String {
        let Some(at) = format::DateTime::parse(text) else {
            return text.to_owned();
        };
        const MONTHS: [&str; 12] = [
            "date.january",
            "date.february",
            "date.march",
            "date.april",
            "date.may",
            "date.june",
            "date.july",
            "date.august",
            "date.september",
            "date.october",
            "date.november",
            "date.december",
        ];
        let pattern = self.t(if at.time.is_some() {
            "date.day_time"
        } else {
            "date.day"
        });
        let month = self.t(MONTHS[at.month as usize - 1]);
        let period = (self.t("date.am"), self.t("date.pm"));
        let date = format::fill_date(&pattern, &at, &month, (&period.0, &period.1));
        format::digits(&self.numbers, &date)
    }

    /// A number written with the language's digits.
    pub fn digits(&self, text: &str) -> String {
        format::digits(&self.numbers, text)
    }

    /// The name of a content language in the interface's language (`language.<code>`),
    /// else its own name if the interface speaks it, else its code.
    pub fn language(&self, code: &str) -> String {
        let prefix = "language.";
        match self.get(&format!("{prefix}{code}")) {
            Some(name) => name.to_owned(),
            None => Lang::parse(code).map_or_else(|| code.to_owned(), |l| l.name().to_owned()),
        }
    }
}

/// The text of `key` in `(key, text)` pairs sorted by key (conventions' `#` keys included).
fn lookup<'a>(texts: &'a [(String, String)], key: &str) -> Option<&'a str> {
    let i = texts.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
    Some(&texts[i].1)
}

pub fn use_i18n() -> I18n {
    expect_context()
}

/// Loads what every page needs before it can show, then shows `children`: the site index
/// (countries, their languages) and the interface texts in the language the path starts
/// with (English on `/`), both provided as context. When the files are at hand (a
/// pre-rendered page lists them) this happens within the first render.
#[component]
pub fn SiteProvider(children: ChildrenFn) -> impl IntoView {
    let route = crate::router::use_route();
    let lang =
        Memo::new(move |_| route.with(|r| r.as_ref().map_or(Lang::DEFAULT, Route::shown_lang)));
    // While another language loads, the current one stays on screen.
    let site = api::Latest::new();
    api::now_and_on_change(
        move || lang.track(),
        move || site.load(load(lang.get_untracked()), true),
    );
    Effect::new(move || {
        if let (Some(Ok((i18n, _))), Some(root)) = (site.value.get(), document().document_element())
        {
            let _ = root.set_attribute("lang", i18n.lang.as_str());
            let _ = root.set_attribute("dir", if i18n.rtl { "rtl" } else { "ltr" });
        }
    });
    // A page in a language is the voter's choice (they followed a link in it, or picked
    // it): remember it for their next visit to `/`.
    Effect::new(move || {
        if let Some(chosen) = route.with(|r| r.as_ref().and_then(Route::lang)) {
            memory::save_language(chosen.as_str());
        }
    });
    view! {
        {move || match site.value.get() {
            None => view! { <p class="loading" role="status">"…"</p> }.into_any(),
            Some(Ok((i18n, index))) => {
                provide_context(i18n);
                provide_context(index);
                children().into_any()
            }
            Some(Err(_)) => view! {
                <p role="alert">"This guide could not load. Check your connection and reload the page."</p>
            }
            .into_any(),
        }}
    }
}

/// Natively: the interface in `lang`, from the build's files the pre-renderer has at hand,
/// for what it writes around the app's render (head tags, the web app manifests).
#[cfg(not(target_arch = "wasm32"))]
pub fn at_hand(lang: Lang) -> Option<I18n> {
    let texts = crate::documents::at_hand(api::texts(lang.as_str())).ok()?;
    I18n::new(lang, texts).ok()
}

/// The site index and the interface texts of `lang`.
async fn load(lang: Lang) -> Result<(I18n, Arc<SiteIndex>), api::FetchError> {
    let index = api::site_index().await?;
    let texts = api::texts(lang.as_str()).await?;
    Ok((I18n::new(lang, texts)?, Arc::new(index)))
}

impl I18n {
    /// From `i18n/<lang>.json`: texts, and the language's conventions under `#` keys.
    fn new(lang: Lang, texts: Vec<(String, String)>) -> Result<I18n, api::FetchError> {
        let meta = |key: &str| lookup(&texts, key).unwrap_or_default().to_owned();
        let numbers = Numbers {
            group_separator: meta(keys::GROUP_SEPARATOR),
            minimum_grouping_digits: meta(keys::MINIMUM_GROUPING_DIGITS).parse().unwrap_or(1),
            digits: meta(keys::DIGITS),
        };
        let plurals = PluralRules::parse(
            texts
                .iter()
                .filter_map(|(k, v)| Some((k.strip_prefix(keys::PLURAL)?, v.as_str()))),
        )
        .map_err(|_| api::FetchError::Unavailable)?;
        Ok(I18n {
            lang,
            rtl: meta(keys::DIRECTION) == "rtl",
            reviewed: meta(keys::REVIEWED) != "false",
            numbers: Arc::new(numbers),
            plurals: Arc::new(plurals),
            texts: Arc::new(texts),
        })
    }
}
