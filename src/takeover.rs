//! Starting the app in the browser by taking over the pre-rendered page: the files the page
//! lists (`<meta name="election-center:data">`, the ones its render read) are read into the
//! app's store, so the app renders the same page from them in one synchronous render; that
//! render replaces the static one in the same task, so the browser never paints in between
//! (no flash, no layout shift); keyboard focus and open disclosures are carried over and
//! the scroll position stays. If a preload fails, the static page simply stays. A page that is not this route's (a host's 404.html, the development server's bare
//! index.html) is replaced the same way, by whatever the app renders first.
//!
//! Why not Leptos hydration: measured here, the `hydrate` build is 185.5 KB brotli against
//! 147.3 KB for this one, over the 150 KB budget; replacing costs a few hundred bytes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::{api, App};

pub fn start() {
    let document = document();
    let Some(body) = document.body() else { return };
    let urls = document
        .query_selector("meta[name='election-center:data']")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default();
    wasm_bindgen_futures::spawn_local(async move {
        for url in urls.split(" ").filter(|u| !u.is_empty()) {
            // Without its data the app would replace a readable page with an error: the
            // static page stays instead, and its links load the next page in full.
            if api::prefetch(url).await.is_err() {
                return;
            }
        }
        // Every address is read against the interface languages, which are data.
        match api::languages().await {
            Ok(languages) => {
                content::lang::set_languages(languages);
            }
            Err(_) => return,
        }
        take_over(&body).await;
    });
}

/// What can hold keyboard focus, in document order: the focused one is found again by its
/// place in this list, since the new page has the same markup.
const FOCUSABLE: &str = "a[href],button,video,[tabindex]";

async fn take_over(body: &HtmlElement) {
    let document = document();
    let focused = document.active_element().and_then(|active| {
        let all = document.query_selector_all(FOCUSABLE).ok()?;
        (0..all.length()).find(|&i| all.item(i).is_some_and(|n| n == *active.as_ref()))
    });
    // A disclosure the voter opened (the language list) stays open, found the same way.
    let details = |doc: &web_sys::Document| doc.query_selector_all("details").ok();
    let open: Vec<u32> = details(&document).map_or_else(Vec::new, |all| {
        (0..all.length())
            .filter(|&i| {
                all.item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|d| d.has_attribute("open"))
            })
            .collect()
    });
    // One task for the render and the swap: rendering apart from the document and swapping
    // in the next task was measured (make perf-report: the swap's own blocking time went to
    // 0 ms, the render's stayed 65–232 ms under 4× CPU slowdown) but costs 0.2 KB the
    // voter's budget does not have; the render is where the time goes.
    // Images already painted (a video list's posters) are kept rather than drawn again: a
    // new image painted after the wasm ran would be the page's largest contentful paint,
    // seconds after the static page's (2.66 s against 0.90 s on /hu/ro/videos, simulated
    // phone). They must also never leave the document, or the browser paints them anew:
    // so the static page stays until the app's page stands beside it, each kept image moves
    // into the app's page (`moveBefore`, which moves without removing, where the browser
    // has it), and only then does the rest of the static page go.
    let images = || document.query_selector_all("img[src]").ok();
    let mut painted: Vec<web_sys::Element> = images().map_or_else(Vec::new, |all| {
        (0..all.length())
            .filter_map(|i| all.item(i)?.dyn_into().ok())
            .collect()
    });
    let children = body.child_nodes();
    let static_page: Vec<web_sys::Node> = (0..children.length())
        .filter_map(|i| children.item(i))
        .collect();
    // Nothing is painted from here to the end of this function: the browser only renders
    // once this task ends, and by then the new page stands where the old one stood (so
    // does the scroll position: nothing asks for a layout in between).
    leptos::mount::mount_to_body(App);
    // The router renders the route's view in a task of its own, queued before this one
    // resumes (a microtask: still before the next paint).
    leptos::task::tick().await;
    // The app never changes an image after creating it and removes it with its parent, so
    // the kept one leaves with the page as its twin would have.
    if let Some(all) = images() {
        for i in 0..all.length() {
            let Some(fresh) = all
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let src = fresh.get_attribute("src");
            let twin = painted
                .iter()
                .position(|old| *old != fresh && old.get_attribute("src") == src);
            if let (Some(at), Some(parent)) = (twin, fresh.parent_node()) {
                let old = painted.swap_remove(at);
                move_before(&parent, &old, Some(&fresh));
                fresh.remove();
            }
        }
    }
    // The boot script's status line ("saved on …", "a new version … Reload": a body-level
    // `<output>`) is not the page's: it stays, after the app's page, and keeps its focus (a
    // voter may be on its Reload button while the app starts).
    let mut status_focus = None;
    for node in static_page {
        if node.node_name() == "OUTPUT" {
            if let Some(active) = document.active_element() {
                if node.contains(Some(&active)) {
                    status_focus = active.dyn_into::<HtmlElement>().ok();
                }
            }
            move_before(body, &node, None);
        } else if let Some(parent) = node.parent_node() {
            let _ = parent.remove_child(&node);
        }
    }
    if let Some(all) = details(&document) {
        for i in open {
            if let Some(d) = all
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = d.set_attribute("open", "");
            }
        }
    }
    let refocus = status_focus.or_else(|| {
        focused
            .and_then(|i| document.query_selector_all(FOCUSABLE).ok()?.item(i))
            .and_then(|n| n.dyn_into::<HtmlElement>().ok())
    });
    if let Some(el) = refocus {
        let _ = el.focus();
    }
    let _ = body.set_attribute("data-app", "ready");
    crate::bridge::ready();
}

/// Moves `node` before `reference` (last without one) with `moveBefore` where the browser
/// has it, which moves without removing: an image is not painted anew, focus stays put.
fn move_before(parent: &web_sys::Node, node: &web_sys::Node, reference: Option<&web_sys::Node>) {
    let moved = js_sys::Reflect::get(parent, &"moveBefore".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|f| {
            f.call2(
                parent,
                node,
                &reference.map_or(wasm_bindgen::JsValue::NULL, |r| r.into()),
            )
            .is_ok()
        });
    if !moved {
        let _ = parent.insert_before(node, reference);
    }
}
