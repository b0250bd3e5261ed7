//! The interface language: chosen once per URL (see `content::lang::negotiate`), its texts
//! fetched from `/i18n/<lang>.json` (written by `content-cli i18n` from `i18n/*.toml`), and
//! looked up by key. Texts live outside the wasm, so a translator never touches Rust and
//! a language costs the voter one small request.

use std::sync::Arc;

use content::lang::{self, UI_LANGUAGES};
use content::SiteIndex;
use js_sys::{Array, Intl, Object};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::JsValue;

use crate::{api, memory};

/// The interface language and its texts.
#[derive(Clone, Debug, PartialEq)]
pub struct I18n {
    pub lang: &'static str,
    /// `(key, text)` sorted by key, as `content-cli i18n` writes them.
    texts: Arc<Vec<(String, String)>>,
}

impl I18n {
    /// The text of `key`; a missing key shows as `⟦key⟧`, which the browser tests look for.
    pub fn t(&self, key: &str) -> String {
        self.get(key)
            .map_or_else(|| format!("⟦{key}⟧"), str::to_owned)
    }

    fn get(&self, key: &str) -> Option<&str> {
        let i = self
            .texts
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()?;
        Some(&self.texts[i].1)
    }

    /// The text of `key` with each `{name}` replaced.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        args.iter().fold(self.t(key), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
    }

    /// The plural form of `key` for `n` under the language's rules (`Intl.PluralRules`),
    /// with `{count}` replaced by `n` written the language's way (`Intl.NumberFormat`:
    /// 1,000 / 1 000 / 1.000).
    pub fn tn(&self, key: &str, n: usize) -> String {
        let locales = Array::of1(&JsValue::from_str(self.lang));
        let category = Intl::PluralRules::new(&locales, &Object::new())
            .select(n as f64)
            .as_string()
            .unwrap_or_else(|| "other".to_owned());
        let count = Intl::NumberFormat::new(&locales, &Object::new())
            .format()
            .call1(&JsValue::NULL, &JsValue::from_f64(n as f64))
            .ok()
            .and_then(|c| c.as_string())
            .unwrap_or_else(|| n.to_string());
        let form = format!("{key}.{category}");
        let key = if self.get(&form).is_some() {
            form
        } else {
            format!("{key}.other")
        };
        self.tf(&key, &[("count", &count)])
    }

    /// The name of a language in the interface's language.
    pub fn language(&self, code: &str) -> String {
        match code {
            "en" => self.t("language.en"),
            "fr" => self.t("language.fr"),
            "ro" => self.t("language.ro"),
            "hu" => self.t("language.hu"),
            other => other.to_owned(),
        }
    }
}

pub fn use_i18n() -> I18n {
    expect_context()
}

/// Each language's own name, as language pickers show it.
pub fn autonym(lang: &str) -> &'static str {
    match lang {
        "fr" => "Français",
        "ro" => "Română",
        "hu" => "Magyar",
        _ => "English",
    }
}

/// Loads what every page needs before it can show, then shows `children`: the site index
/// (countries, their languages) and the interface texts in the negotiated language, both
/// provided as context. An explicit `?lang=` is remembered, so the voter's choice holds on
/// links without one.
#[component]
pub fn SiteProvider(children: ChildrenFn) -> impl IntoView {
    let query = use_query_map();
    let url_lang = Memo::new(move |_| query.read().get("lang"));
    // An explicit, supported `?lang=` is the voter's choice: remember it.
    Effect::new(move || {
        if let Some(lang) = url_lang
            .get()
            .filter(|l| UI_LANGUAGES.contains(&l.as_str()))
        {
            memory::save_language(&lang);
        }
    });
    // Only a change of language reloads the texts (and re-renders the page).
    let preferred = Memo::new(move |_| {
        let saved = memory::saved_language();
        let browser: Vec<String> = window()
            .navigator()
            .languages()
            .iter()
            .filter_map(|l| l.as_string())
            .collect();
        lang::preferred(url_lang.get().as_deref(), saved.as_deref(), &browser)
    });
    // While another language loads, the current one stays on screen.
    let site = api::Latest::new();
    Effect::new(move || {
        let path = window().location().pathname().unwrap_or_default();
        site.load(load(preferred.get(), path), true);
    });
    Effect::new(move || {
        if let (Some(Ok((i18n, _))), Some(root)) = (site.value.get(), document().document_element())
        {
            let _ = root.set_attribute("lang", i18n.lang);
            let _ = root.set_attribute("dir", lang::direction(i18n.lang));
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
                <p role="alert">"Election Center could not load. Check your connection and reload the page."</p>
            }
            .into_any(),
        }}
    }
}

/// The site index, then the interface texts in the voter's preferred language or, when
/// their preferences name none we offer, in the language of the country in the address.
async fn load(
    preferred: Option<&'static str>,
    path: String,
) -> Result<(I18n, Arc<SiteIndex>), api::FetchError> {
    let index = api::site_index().await?;
    let code = path.split('/').nth(1).unwrap_or_default();
    let country_default = index
        .countries
        .iter()
        .find(|c| c.code == code)
        .map(|c| c.default_language.as_str());
    let lang = preferred.unwrap_or_else(|| lang::negotiate(None, None, &[], country_default));
    let texts = api::texts(lang).await?;
    Ok((
        I18n {
            lang,
            texts: Arc::new(texts),
        },
        Arc::new(index),
    ))
}
