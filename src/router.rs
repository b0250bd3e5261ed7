//! Which page a path names, and moving between pages without reloading. Four static
//! patterns need no routing library: leptos_router measured several KB of wasm more than
//! this module. The parse is pure and tested natively; the browser side intercepts clicks
//! on same-site links and follows the history's back and forward.
//! An address may carry more than the route (see `address`): [`current_path`] strips that,
//! [`navigate`] puts it back.

use leptos::prelude::*;

#[cfg(target_arch = "wasm32")]
use crate::address::{carry_params, file_path, route_path};

/// What a path shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `/`: the home page before the voter's language is known.
    Root,
    /// `/fr`: the home page in a language.
    Home,
    /// `/fr/ro`: a country's hub.
    Hub { country: String },
    /// `/fr/ro/videos`: every page of one section of a country.
    Section { country: String, section: String },
    /// `/fr/ro/guides/check-a-claim`: one page of a country.
    Page {
        country: String,
        section: String,
        slug: String,
    },
    /// Anything else, including a first segment that is not an interface language.
    NotFound,
}

impl Route {
    pub fn parse(path: &str) -> Route {
        let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        match segments.as_slice() {
            [""] => Route::Root,
            [lang, rest @ ..] if content::lang::from_path(lang).is_some() => match rest {
                [] => Route::Home,
                [country] => Route::Hub {
                    country: (*country).to_owned(),
                },
                [country, section] => Route::Section {
                    country: (*country).to_owned(),
                    section: (*section).to_owned(),
                },
                [country, section, slug] => Route::Page {
                    country: (*country).to_owned(),
                    section: (*section).to_owned(),
                    slug: (*slug).to_owned(),
                },
                _ => Route::NotFound,
            },
            _ => Route::NotFound,
        }
    }
}

/// The current path (`/fr/ro`), provided by `App`.
#[derive(Clone, Copy)]
pub struct Location(pub RwSignal<String>);

pub fn use_path() -> RwSignal<String> {
    expect_context::<Location>().0
}

/// In the browser: the address bar's path, kept in step with same-site link clicks and
/// the back and forward buttons.
#[cfg(target_arch = "wasm32")]
pub fn browser_location() -> Location {
    use wasm_bindgen::JsCast;
    let path = RwSignal::new(current_path());
    window_event_listener(leptos::ev::popstate, move |_| path.set(current_path()));
    window_event_listener(leptos::ev::click, move |ev| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(a) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let location = window().location();
        // In-page anchors are the browser's job.
        let same_page = route_path(&a.pathname(), &base_path()) == current_path();
        if same_page && !a.hash().is_empty() {
            return;
        }
        if a.origin() != location.origin().unwrap_or_default()
            || a.has_attribute("download")
            || !a.target().is_empty()
        {
            // Other sites, downloads and new windows are the browser's job; in an app's
            // webview they would leave the app, so its host opens them instead.
            if crate::bridge::open_external(&a.href()) {
                ev.prevent_default();
            }
            return;
        }
        ev.prevent_default();
        go(path, &a.href());
    });
    Location(path)
}

/// Shows the page at `url` as a new history entry. A screen reader starts reading it; a
/// keyboard continues from its top (or from its `#anchor`).
#[cfg(target_arch = "wasm32")]
pub fn go(path: RwSignal<String>, url: &str) {
    use wasm_bindgen::JsCast;
    navigate(url, false);
    path.set(current_path());
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
    if !url.contains('#') {
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// The path of `<base href>`: `/`, or the sub-path the site is served under.
#[cfg(target_arch = "wasm32")]
fn base_path() -> String {
    document()
        .base_uri()
        .ok()
        .flatten()
        .and_then(|base| web_sys::Url::new(&base).ok())
        .map_or_else(|| "/".to_owned(), |url| url.pathname())
}

/// The route part of the address bar.
#[cfg(target_arch = "wasm32")]
pub fn current_path() -> String {
    route_path(
        &window().location().pathname().unwrap_or_default(),
        &base_path(),
    )
}

/// Moves to `url` (relative to `<base href>`, or absolute) in the history, replacing the
/// current entry when `replace`, in the current address's style (packaged `.html` files,
/// embedding settings); the caller sets the path signal from [`current_path`].
#[cfg(target_arch = "wasm32")]
pub fn navigate(url: &str, replace: bool) {
    let location = window().location();
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let Ok(next) = web_sys::Url::new_with_base(url, &base) else {
        return;
    };
    if location.pathname().unwrap_or_default().ends_with(".html") {
        next.set_pathname(&file_path(&next.pathname()));
    }
    next.set_search(&carry_params(
        &location.search().unwrap_or_default(),
        &next.search(),
    ));
    if let Ok(history) = window().history() {
        let url = Some(next.href());
        let _ = if replace {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", url.as_deref())
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", url.as_deref())
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_their_pages() {
        assert_eq!(Route::parse("/"), Route::Root);
        assert_eq!(Route::parse("/hu"), Route::Home);
        assert_eq!(
            Route::parse("/hu/ro"),
            Route::Hub {
                country: "ro".into()
            }
        );
        assert_eq!(
            Route::parse("/fr/ro/guides/check-a-claim"),
            Route::Page {
                country: "ro".into(),
                section: "guides".into(),
                slug: "check-a-claim".into()
            }
        );
        assert_eq!(
            Route::parse("/en/ro/videos"),
            Route::Section {
                country: "ro".into(),
                section: "videos".into()
            }
        );
        for missing in ["/de", "/de/fr", "/france", "/a/b/c/d/e", "/en/fr/x/y/z"] {
            assert_eq!(Route::parse(missing), Route::NotFound, "{missing}");
        }
    }
}
