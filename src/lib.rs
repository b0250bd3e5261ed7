//! The browser app: routes and thin components. Content parsing and rendering live in the
//! `content` crate; fetching lives in [`api`].

mod api;
mod components;
mod details;
mod format;
mod head;
mod routes;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use wasm_bindgen::JsCast;

use routes::{country::CountryPage, home::HomePage, not_found::NotFound};

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
            <header class="site-header">
                <a class="brand" href="/">
                    <span class="brand-mark" aria-hidden="true">"✓"</span>
                    "Election Center"
                </a>
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/:country") view=CountryPage />
                    <Route path=path!("/:country/:section/:slug") view=CountryPage />
                </Routes>
            </main>
            <footer class="site-footer">
                <p>"Independent, open-source election information. Always check dates with your official electoral authority."</p>
            </footer>
        </Router>
    }
}

/// The router would treat `#main` as a navigation; a skip link must move focus instead, so
/// keyboard and screen-reader users land on the content.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    let main = document().get_element_by_id("main").and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(main) = main {
        let _ = main.focus();
    }
}
