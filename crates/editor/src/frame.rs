//! The preview frame: an iframe of the editor's own page with `?preview`, in which this same
//! wasm draws the page with the voter app's shell and components
//! (`election_center::preview`) from the files the editor posts to it. A document of its
//! own, so the voter stylesheet's media queries see the frame's width (phone or desktop),
//! the theme is the frame's alone, and the page's `lang`, `dir` and title are set on the
//! frame's document as on a voter's.
//!
//! Messages (`postMessage`, same origin only, checked both ways): the frame says `ready`
//! once it listens; the editor then sends a [`Show`] as JSON, and again on every change.

use election_center::preview::{self, Preview};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlIFrameElement, MessageEvent, ScrollIntoViewOptions, ScrollLogicalPosition};

/// What the frame shows: the route's path, the theme (`light`/`dark`), the interface
/// languages, and the files the app reads, by URL (index, manifest, body, texts).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Show {
    pub path: String,
    pub theme: String,
    pub languages: Vec<(String, String)>,
    pub files: Vec<(String, String)>,
}

const READY: &str = "ready";

fn origin() -> String {
    window().location().origin().unwrap_or_default()
}

/// In the frame: draws each [`Show`] the editor (its parent) posts.
pub fn start_preview() {
    // The editor's own styles apply under this class only: the frame has main.css alone.
    if let Some(root) = document().document_element() {
        let _ = root.class_list().remove_1("editor-app");
    }
    // Blank until the first page arrives.
    if let Some(body) = document().body() {
        body.set_text_content(None);
    }
    let path = RwSignal::new(String::new());
    let version = RwSignal::new(0u32);
    let mounted = StoredValue::new(false);
    window_event_listener(leptos::ev::message, move |ev: MessageEvent| {
        let parent = window().parent().ok().flatten();
        let from_parent = ev
            .source()
            .zip(parent)
            .is_some_and(|(s, p)| js_sys::Object::is(&s, &p));
        if ev.origin() != origin() || !from_parent {
            return;
        }
        let Some(show) = ev
            .data()
            .as_string()
            .and_then(|text| serde_json::from_str::<Show>(&text).ok())
        else {
            return;
        };
        if !mounted.get_value() {
            content::lang::set_languages(show.languages);
        }
        for (url, text) in show.files {
            preview::put(url, &text);
        }
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", &show.theme);
            // As a voter's browser shows the published page: with the hub's offline link,
            // which the site shows where its offline worker may run (style/main.css).
            let _ = root.set_attribute("data-offline", "");
        }
        if path.get_untracked() != show.path {
            path.set(show.path);
        }
        version.update(|v| *v += 1);
        if !mounted.get_value() {
            mounted.set_value(true);
            leptos::mount::mount_to_body(move || {
                view! { <Preview path version=version.read_only() /> }
            });
        }
    });
    // Links lead to published pages, not this draft: only those within the page are
    // followed (contents, footnotes, sources).
    window_event_listener(leptos::ev::click, |ev| {
        if ev.default_prevented() {
            return;
        }
        let Some(link) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        ev.prevent_default();
        let hash = link.hash();
        let target = hash
            .strip_prefix('#')
            .and_then(|id| document().get_element_by_id(id));
        if let Some(target) = target {
            let options = ScrollIntoViewOptions::new();
            options.set_block(ScrollLogicalPosition::Start);
            target.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
    if let Ok(Some(parent)) = window().parent() {
        let _ = parent.post_message(&JsValue::from_str(READY), &origin());
    }
}

/// In the editor: the frame and the latest [`Show`], sent when the frame is ready and on
/// every change.
#[derive(Clone, Copy)]
pub struct Frame {
    pub node: NodeRef<leptos::html::Iframe>,
    ready: StoredValue<bool>,
    latest: StoredValue<Option<String>>,
}

impl Frame {
    pub fn new() -> Frame {
        let frame = Frame {
            node: NodeRef::new(),
            ready: StoredValue::new(false),
            latest: StoredValue::new(None),
        };
        window_event_listener(leptos::ev::message, move |ev: MessageEvent| {
            let Some(iframe) = frame.node.get_untracked() else {
                return;
            };
            let from_frame = ev
                .source()
                .zip(content_window(&iframe))
                .is_some_and(|(s, w)| js_sys::Object::is(&s, &w));
            if ev.origin() == origin()
                && from_frame
                && ev.data().as_string().as_deref() == Some(READY)
            {
                frame.ready.set_value(true);
                frame.post();
            }
        });
        frame
    }

    pub fn show(self, show: &Show) {
        self.latest.set_value(serde_json::to_string(show).ok());
        self.post();
    }

    fn post(self) {
        let (Some(iframe), Some(text)) = (self.node.get_untracked(), self.latest.get_value())
        else {
            return;
        };
        if !self.ready.get_value() {
            return;
        }
        if let Some(window) = iframe.content_window() {
            let _ = window.post_message(&JsValue::from_str(&text), &origin());
        }
    }
}

fn content_window(iframe: &HtmlIFrameElement) -> Option<JsValue> {
    iframe.content_window().map(JsValue::from)
}
