//! The document's `<title>` and meta description, per route. leptos_meta does this too, but
//! it measured 6.5 KB brotli of wasm; these few lines do what the app needs.

#[cfg(target_arch = "wasm32")]
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// Sets the title (`"{title} · Election Center"`, or the site name alone) and the meta
/// description. In the browser it runs as an effect, after rendering, so a component's
/// render stays free of browser calls; natively the pre-renderer reads it with [`rendered`].
pub fn set_head(title: Option<String>, description: String) {
    let i18n = use_i18n();
    let site = i18n.t("site.name");
    let title = title.map_or_else(|| site.clone(), |t| format!("{t} · {site}"));
    #[cfg(not(target_arch = "wasm32"))]
    RENDERED.with(|r| *r.borrow_mut() = Some((title, description, i18n.rtl)));
    #[cfg(target_arch = "wasm32")]
    Effect::new(move || {
        let document = document();
        document.set_title(&title);
        if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
            let _ = meta.set_attribute("content", &description);
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static RENDERED: std::cell::RefCell<Option<(String, String, bool)>> = const { std::cell::RefCell::new(None) };
}

/// The title, description and right-to-left-ness the last render set, taken.
#[cfg(not(target_arch = "wasm32"))]
pub fn rendered() -> Option<(String, String, bool)> {
    RENDERED.with(|r| r.borrow_mut().take())
}
