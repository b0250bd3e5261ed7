//! Talking to an app or web page that embeds the site (EMBEDDING.md; the messages are in
//! `protocol`). A host is one of:
//! - an object a native app injected into its webview, with `postMessage(string)`:
//!   Android's `ElectionCenterHost` (addWebMessageListener or addJavascriptInterface),
//!   iOS's `webkit.messageHandlers.electionCenter`, React Native's `ReactNativeWebView`;
//!   it answers through `window.electionCenter.receive(message)`;
//! - for a page opened with `?embed=1` in an iframe, the parent page, when its origin is
//!   one the build allows (EMBED_ORIGINS); it answers through `postMessage`, and a message
//!   from any other window or origin is dropped unread.
//!
//! Without a host nothing here runs, and links stay links.

use std::cell::{Cell, RefCell};

use js_sys::Reflect;
use leptos::prelude::*;
use wasm_bindgen::{prelude::*, JsCast};

use content::{lang::Lang, route::Route};

use crate::protocol::{may_open_externally, Command, Incoming, Outgoing, VERSION};
use crate::router::{current_path, go, navigate};

enum Host {
    /// An object with `postMessage(json)`, injected by a native app.
    Native(JsValue),
    /// The parent page, and the allowed origins it is sent to (the browser delivers to
    /// the one that matches, if any).
    Frame(web_sys::Window, Vec<String>),
}

thread_local! {
    static HOST: RefCell<Option<Host>> = const { RefCell::new(None) };
    /// Nothing but `ready` goes out before it (a redirect at start is not a move).
    static READY: Cell<bool> = const { Cell::new(false) };
}

/// Finds the host and starts listening to it; `path` is the router's.
pub fn start(path: RwSignal<String>) {
    let Some(host) = find_host() else { return };
    if let Host::Frame(parent, origins) = &host {
        let (parent, origins) = (JsValue::from(parent), origins.clone());
        window_event_listener(leptos::ev::message, move |ev| {
            let from_parent = ev.source().is_some_and(|s| JsValue::from(s) == parent);
            if from_parent && origins.contains(&ev.origin()) {
                receive(ev.data(), path);
            }
        });
    } else {
        let api = js_sys::Object::new();
        let receive = Closure::<dyn Fn(JsValue)>::new(move |data| receive(data, path));
        let _ = Reflect::set(&api, &"version".into(), &VERSION.into());
        let _ = Reflect::set(&api, &"receive".into(), receive.as_ref());
        receive.forget();
        let _ = Reflect::set(&window(), &"electionCenter".into(), &api);
    }
    HOST.with(|h| *h.borrow_mut() = Some(host));
    crate::router::set_external_opener(open_external);
    Effect::new(move || {
        let path = path.get();
        if READY.get() {
            send(&Outgoing::RouteChanged {
                path: &path,
                lang: lang_of(&path),
            });
        }
    });
}

/// Tells the host the site is up (the take-over is done): commands are accepted now.
pub fn ready() {
    if HOST.with(|h| h.borrow().is_none()) {
        return;
    }
    READY.set(true);
    let path = current_path();
    let theme = root().get_attribute("data-theme");
    send(&Outgoing::Ready {
        path: &path,
        lang: lang_of(&path),
        theme: theme.as_deref().unwrap_or("system"),
    });
    watch_height();
}

/// Hands a link that leaves the site to the host; false when there is none, or the link is
/// not one a host may be asked to open (`protocol::may_open_externally`): the browser
/// follows it then.
fn open_external(url: &str) -> bool {
    let origin = window().location().origin().unwrap_or_default();
    let handed = HOST.with(|h| h.borrow().is_some()) && may_open_externally(url, &origin);
    if handed {
        send(&Outgoing::OpenExternal { url });
    }
    handed
}

/// The interface language of a route path (`/`, and a path that names nothing, are shown
/// in the default one).
fn lang_of(path: &str) -> &'static str {
    Route::parse(path)
        .map_or(Lang::DEFAULT, |r| r.shown_lang())
        .as_str()
}

fn root() -> web_sys::Element {
    document()
        .document_element()
        .expect("a document has a root element")
}

fn find_host() -> Option<Host> {
    let window = window();
    let get = |object: &JsValue, key: &str| {
        Reflect::get(object, &key.into())
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    };
    // A host is an object whose `postMessage` is a function: an element or a value that
    // merely has the name (an `id` the page's content could give) is not one.
    let host = |object: Option<JsValue>| {
        object.filter(|o| get(o, "postMessage").is_some_and(|f| f.is_function()))
    };
    let native = host(get(&window, "ElectionCenterHost"))
        .or_else(|| {
            host(
                get(&window, "webkit")
                    .and_then(|w| get(&w, "messageHandlers"))
                    .and_then(|h| get(&h, "electionCenter")),
            )
        })
        .or_else(|| host(get(&window, "ReactNativeWebView")));
    if let Some(object) = native {
        return Some(Host::Native(object));
    }
    let parent = window.parent().ok().flatten()?;
    if JsValue::from(&parent) == JsValue::from(&window) || !root().has_attribute("data-embed") {
        return None;
    }
    let allowed = document()
        .query_selector("meta[name='election-center:embed-origins']")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default();
    // Where the browser tells the parent's origin, only that one is addressed.
    let parent_origin = get(&window.location(), "ancestorOrigins")
        .and_then(|list| get(&list, "0"))
        .and_then(|origin| origin.as_string());
    let origins: Vec<String> = allowed
        .split(' ')
        .filter(|o| !o.is_empty() && parent_origin.as_deref().is_none_or(|p| p == *o))
        .map(str::to_owned)
        .collect();
    (!origins.is_empty()).then_some(Host::Frame(parent, origins))
}

fn send(message: &Outgoing) {
    let json = JsValue::from(message.to_json());
    HOST.with(|host| match &*host.borrow() {
        Some(Host::Native(object)) => {
            if let Some(post) = Reflect::get(object, &"postMessage".into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            {
                let _ = post.call1(object, &json);
            }
        }
        Some(Host::Frame(parent, origins)) => {
            for origin in origins {
                let _ = parent.post_message(&json, origin);
            }
        }
        None => {}
    });
}

/// A message from the host: a JSON string or an object, parsed into a command, never run.
fn receive(data: JsValue, path: RwSignal<String>) {
    let data = match data.as_string() {
        Some(text) => js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL),
        None => data,
    };
    let text = |key: &str| Reflect::get(&data, &key.into()).ok()?.as_string();
    let incoming = Incoming {
        version: Reflect::get(&data, &"version".into())
            .ok()
            .and_then(|v| v.as_f64()),
        kind: text("type"),
        lang: text("lang"),
        theme: text("theme"),
        path: text("path"),
    };
    let search = window().location().search().unwrap_or_default();
    match incoming.command() {
        Ok(Command::SetLanguage(lang)) => {
            let here = Route::parse(&current_path()).unwrap_or(Route::Root);
            if here.lang() != Some(lang) {
                go(path, &format!("{}{search}", here.in_lang(lang).href()));
            }
        }
        Ok(Command::SetTheme(theme)) => {
            let _ = match theme {
                Some(theme) => root().set_attribute("data-theme", theme),
                None => root().remove_attribute("data-theme"),
            };
            // Kept in the address, so a reload or a restored webview keeps the theme.
            let query = crate::address::with_param(&search, "theme", theme.unwrap_or("system"));
            let here = window().location().pathname().unwrap_or_default();
            navigate(&format!("{here}{query}"), true);
        }
        Ok(Command::Navigate(url)) => go(path, &url),
        Err(message) => send(&Outgoing::Error { message }),
    }
}

/// Sends the page's height whenever it changes (content loaded, another page, a rotated
/// phone), so an iframe can be as tall as its content.
fn watch_height() {
    let Some(body) = document().body() else {
        return;
    };
    let last = Cell::new(0);
    let measure = {
        let body = body.clone();
        Closure::<dyn Fn()>::new(move || {
            let height = body.get_bounding_client_rect().height().ceil() as u32;
            if height != last.replace(height) {
                send(&Outgoing::ContentHeight { height });
            }
        })
    };
    if let Ok(observer) = web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The observer lives as long as the page: the document holds it while it observes.
    measure.forget();
}
