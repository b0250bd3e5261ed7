//! The browser app: routes and thin components. Content parsing and rendering live in the
//! `content` crate; fetching lives in [`api`].

#[cfg(any(target_arch = "wasm32", test))]
mod address;
mod api;
#[cfg(target_arch = "wasm32")]
mod bridge;
mod components;
mod details;
#[cfg(not(target_arch = "wasm32"))]
mod documents;
#[cfg(target_arch = "wasm32")]
mod from_js;
mod head;
mod i18n;
#[cfg(target_arch = "wasm32")]
mod intl;
mod memory;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
#[cfg(any(target_arch = "wasm32", test))]
mod protocol;
mod router;
mod routes;
#[cfg(target_arch = "wasm32")]
pub mod takeover;

use leptos::prelude::*;

use wasm_bindgen::JsCast;

use components::NotFound;
use content::{lang::Lang, route::Route};
use i18n::{use_i18n, SiteProvider};
use router::use_route;
use routes::{country::CountryPage, home, section::SectionPage};

#[component]
pub fn App() -> impl IntoView {
    // In the browser the address bar; natively the path the pre-renderer gives.
    #[cfg(target_arch = "wasm32")]
    {
        let location = router::browser_location();
        provide_context(location);
        bridge::start(location.0);
    }
    router::provide_route();
    view! {
        <SiteProvider>
            <Shell />
        </SiteProvider>
    }
}

/// The page around every route, in the interface's language.
#[component]
fn Shell() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>{i18n.t("site.skip")}</a>
        <header class="site-header">
            <a class="brand" href=Route::Home { lang: i18n.lang }.href()>
                <span class="brand-mark" aria-hidden="true">"✓"</span>
                {i18n.t("site.name")}
            </a>
            <LanguageSwitcher />
            <SearchForm />
            // One line on a phone's first screen; the whole sentence a tap away.
            {(!i18n.reviewed).then(|| view! {
                <details class="unreviewed-note"><summary>{i18n.t("site.unreviewed_short")}</summary><p>{i18n.t("site.unreviewed")}</p></details>
            })}
        </header>
        <main id="main" tabindex="-1">
            {move || match use_route().get() {
                Some(Route::Root) => home::root_page().into_any(),
                Some(Route::Home { .. }) => home::home_page().into_any(),
                Some(Route::Hub { country, .. }) => view! { <CountryPage country section=None slug=None /> }.into_any(),
                Some(Route::Section { country, section, .. }) => view! { <SectionPage country section /> }.into_any(),
                Some(Route::Page { country, section, slug, .. }) => {
                    view! { <CountryPage country section=Some(section) slug=Some(slug) /> }.into_any()
                }
                Some(Route::Document { country, document, .. }) => document_page(country, document),
                None => NotFound().into_any(),
            }}
            // Shared by the boot script (scripts/boot.mjs): the page's public address, never
            // its query or fragment. Hidden where scripts do not run (style/main.css).
            <p class="share">
                <button type="button" data-copied=i18n.t("share.copied")>{i18n.t("share.button")}</button>
                " "<output></output>
            </p>
        </main>
        // The deployment's footer (site.toml: text, contact and privacy links), as HTML the
        // build writes into the interface texts: any identity costs this wasm nothing.
        <footer class="site-footer" inner_html=i18n.t("site.footer_html")></footer>
    }
}

/// Pages the pre-renderer alone draws (`content::route::Document`).
#[cfg(not(target_arch = "wasm32"))]
fn document_page(country: content::CountryCode, document: content::route::Document) -> AnyView {
    documents::view(country, document)
}

/// In the browser a document is reached only by an address the app was given (a host's
/// `navigate`): the browser loads its page.
#[cfg(target_arch = "wasm32")]
fn document_page(_: content::CountryCode, _: content::route::Document) -> AnyView {
    let _ = window().location().reload();
    components::Loading().into_any()
}

/// The interface languages, each a link to the current page in that language, behind a
/// disclosure that names the current one: a list of dozens stays one line on a phone, and
/// opens without JavaScript.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let route = use_route();
    // An address that names no page switches to the home page in the other language.
    let href = move |lang| route.with(|r| r.as_ref().unwrap_or(&Route::Root).in_lang(lang).href());
    let current = i18n.lang;
    view! {
        <nav class="lang-switcher" aria-label=i18n.t("site.interface_language")>
            <details>
                <summary><span class="lang-current" lang=current.as_str()>{current.name()}</span></summary>
                <ul>
                    {Lang::all().map(|l| {
                        let here = (l == current).then_some("true");
                        view! { <li><a href=move || href(l) hreflang=l.as_str() lang=l.as_str() aria-current=here>{l.name()}</a></li> }
                    }).collect_view()}
                </ul>
            </details>
        </nav>
    }
}

/// The header's search field on a country's pages: a plain form to the country's search
/// page, so it works without JavaScript. The search script (`scripts/search/ui.js`), which
/// the boot script imports when a search field is first focused, makes it a combobox that
/// lists results as the voter types; none of that is in this wasm.
#[component]
fn SearchForm() -> impl IntoView {
    let i18n = use_i18n();
    // Interface texts are ours, checked; quotes and tags are still kept out of the markup.
    let text = |key| i18n.t(key).replace(['"', '<'], "'");
    let (label, submit) = (text("search.label"), text("search.submit"));
    move || match use_route().get() {
        Some(
            Route::Hub { lang, country }
            | Route::Section { lang, country, .. }
            | Route::Page { lang, country, .. }
            | Route::Document { lang, country, .. },
        ) => {
            let action = Route::Document {
                lang,
                country,
                document: content::route::Document::Search,
            }
            .href();
            // Written as HTML: the same markup as elements measured 0.4 KB brotli more of
            // wasm, which the budget did not have.
            let html = format!(
                r#"<form class="search-form" role="search" action="{action}" method="get"><input type="search" name="q" aria-label="{label}" placeholder="{label}" autocomplete="off" enterkeyhint="search"> <button>{submit}</button></form>"#
            );
            view! { <div class="header-search" inner_html=html></div> }.into_any()
        }
        _ => ().into_any(),
    }
}

/// With `<base href>`, `#main` would resolve to the site's root; a skip link must move focus
/// instead, so keyboard and screen-reader users land on the content.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    let main = document()
        .get_element_by_id("main")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(main) = main {
        let _ = main.focus();
    }
}

// Last in the file: code above keeps its line numbers, which the voter's wasm carries in
// panic locations (`make size` checks it is byte for byte the same without `preview`).
#[cfg(all(target_arch = "wasm32", feature = "preview"))]
pub mod preview;
