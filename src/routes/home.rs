use std::sync::Arc;

use content::route::Route;
use content::SiteIndex;
use leptos::prelude::*;

use crate::head::set_head;
use crate::i18n::use_i18n;

/// `/`: the home page in the default language, for the first paint and for visitors
/// without JavaScript; once the app runs, a voter whose saved choice or browser prefers
/// another language we offer moves to the home page in it.
pub fn root_page() -> impl IntoView {
    #[cfg(target_arch = "wasm32")]
    {
        let path = crate::router::use_path();
        Effect::new(move || {
            let browser: Vec<String> = window()
                .navigator()
                .languages()
                .iter()
                .filter_map(|l| l.as_string())
                .collect();
            let saved = crate::memory::saved_language();
            if let Some(lang) = content::lang::preferred(saved.as_deref(), &browser) {
                if lang != content::lang::Lang::DEFAULT {
                    crate::router::navigate(&Route::Home { lang }.href(), true);
                    path.set(crate::router::current_path());
                }
            }
        });
    }
    home_page()
}

/// `/:lang`: choose a country. Countries are named in the interface's language, with their
/// own name beside it when it differs.
pub fn home_page() -> impl IntoView {
    let i18n = use_i18n();
    let index: Arc<SiteIndex> = expect_context();
    set_head(None, i18n.t("site.description"));
    let ui = i18n.lang;
    // The country the voter last looked at, read after the first render (it is a choice
    // kept in this browser, not part of the page).
    let last = RwSignal::new(None::<String>);
    Effect::new(move || last.set(crate::memory::last_country()));
    let continue_to = {
        let (index, i18n) = (index.clone(), i18n.clone());
        move || {
            let code = last.get()?;
            let country = index.countries.iter().find(|c| c.code.as_str() == code)?;
            let label = i18n.tf("site.continue", &[("country", country.name(ui.as_str()))]);
            Some(
                view! { <p class="continue"><a class="button" href=Route::Hub { lang: ui, country: country.code.clone() }.href()>{label}</a></p> },
            )
        }
    };
    view! {
        <h1>{i18n.t("site.name")}</h1>
        <p class="lead">{i18n.t("site.tagline")}</p>
        {continue_to}
        <ul class="country-list" aria-label=i18n.t("site.countries")>
            {index.countries.iter().map(|c| {
                let name = c.name(ui.as_str()).to_owned();
                let native = c.names.get(&c.default_language).filter(|n| **n != name).cloned();
                view! {
                    <li>
                        <a class="country-card" href=Route::Hub { lang: ui, country: c.code.clone() }.href()>
                            <span class="country-code" aria-hidden="true">{c.code.to_ascii_uppercase()}</span>
                            <span class="country-name">{name}</span>
                            {native.map(|n| view! { <span class="country-native" lang=c.default_language.clone()>{n}</span> })}
                        </a>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
