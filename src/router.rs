//! Which page the address shows, and moving between pages without reloading. The shape of
//! addresses belongs to `content::route` (pure, tested natively); this module keeps the
//! current one: it intercepts clicks on same-site links, follows the history's back and
//! forward, and replaces an address in another form (`/FR/ro/`) with the page's one form.
//! (leptos_router measured several KB of wasm more than this module.)
//! An address may carry more than the route (see `address`): [`current_path`] strips that,
//! [`navigate`] puts it back.

use content::route::Route;
use leptos::prelude::*;

#[cfg(target_arch = "wasm32")]
use crate::address::{carry_params, file_path, route_path};

/// The current path (`/fr/ro`), provided by `App`.
#[derive(Clone, Copy)]
pub struct Location(pub RwSignal<String>);

pub fn use_path() -> RwSignal<String> {
    expect_context::<Location>().0
}

/// The route of the current path, `None` when it names no page; provided by `App`.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub Memo<Option<Route>>);

pub fn provide_route() {
    let path = use_path();
    provide_context(CurrentRoute(Memo::new(move |_| Route::parse(&path.read()))));
}

pub fn use_route() -> Memo<Option<Route>> {
    expect_context::<CurrentRoute>().0
}

/// Opens a link that leaves the site, when someone other than the browser must (an
/// embedding app's host; see `bridge`); true when it took the link. Set from outside so
/// the router need not know who hosts it.
#[cfg(target_arch = "wasm32")]
type ExternalOpener = fn(&str) -> bool;

#[cfg(target_arch = "wasm32")]
thread_local! {
    static OPEN_EXTERNAL: std::cell::Cell<Option<ExternalOpener>> = const { std::cell::Cell::new(None) };
}

#[cfg(target_arch = "wasm32")]
pub fn set_external_opener(open: ExternalOpener) {
    OPEN_EXTERNAL.set(Some(open));
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
        let target = route_path(&a.pathname(), &base_path());
        // In-page anchors are the browser's job.
        if target == current_path() && !a.hash().is_empty() {
            return;
        }
        if a.origin() != location.origin().unwrap_or_default()
            || a.has_attribute("download")
            || !a.target().is_empty()
        {
            // Other sites, downloads and new windows are the browser's job; in an app's
            // webview they would leave the app, so its host opens them instead.
            if OPEN_EXTERNAL.get().is_some_and(|open| open(&a.href())) {
                ev.prevent_default();
            }
            return;
        }
        // So are same-site addresses the app does not draw: files (a feed, a calendar)
        // and the pre-rendered documents (`content::route::Document`).
        if Route::parse(&target).is_none_or(|r| r.is_document()) {
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

/// The route part of the address bar. An address in another form than its page's one
/// (`/FR/ro/`, `/fr//ro`) is replaced by that form first, query and fragment kept.
#[cfg(target_arch = "wasm32")]
pub fn current_path() -> String {
    let location = window().location();
    let path = route_path(&location.pathname().unwrap_or_default(), &base_path());
    match Route::parse(&path) {
        Some(route) if route.path() != path => {
            let search = location.search().unwrap_or_default();
            let hash = location.hash().unwrap_or_default();
            navigate(&format!("{}{search}{hash}", route.href()), true);
            route.path()
        }
        _ => path,
    }
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
