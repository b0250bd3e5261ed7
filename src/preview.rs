//! The editor's preview (`crates/editor`): a page as voters will get it, drawn by the app's
//! own shell and components, in the page's own document (an iframe of the editor), from
//! files the editor writes as someone types. Compiled with the `preview` feature, which
//! only the editor enables: the voter's wasm stays byte for byte what it was.

use leptos::prelude::*;

use crate::i18n::SiteProvider;
use crate::{api, memory, router, Shell};

pub use crate::api::{body_url, index_url, manifest_url, texts_url, LANGUAGES};

/// Puts a file at hand under the URL the app reads it from (`index_url`, …), in place of
/// any before; the next redraw of [`Preview`] reads it.
pub fn put(url: String, text: &str) {
    api::put(url, text);
}

/// The page at `path` (a route's path, `/en/ro/guides/check-a-claim`) as the app shows it,
/// header and footer included, drawn again whenever `version` changes: from files at hand,
/// so in one synchronous render, as when the app takes over a pre-rendered page. What the
/// app would remember of the visit (language, country) is put back as it was.
#[component]
pub fn Preview(path: RwSignal<String>, version: ReadSignal<u32>) -> impl IntoView {
    provide_context(router::Location(path));
    router::provide_route();
    let remembered = memory::remembered();
    Effect::new(move || {
        version.track();
        let remembered = remembered.clone();
        // After the effects of the render, which remember what the page shows.
        request_animation_frame(move || memory::restore(&remembered));
    });
    move || {
        version.track();
        view! {
            <SiteProvider>
                <Shell />
            </SiteProvider>
        }
    }
}
