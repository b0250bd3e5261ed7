//! Fetching the manifests and page bodies that `content-cli build` writes under
//! `content/`, and the interface texts under `i18n/`. The only module that talks to the
//! network. URLs are relative, so they resolve against the page's `<base href>`.

use content::lang::Lang;
use content::{CountryCode, CountryManifest, PageEntry, Section, SiteIndex};
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
use serde::de::DeserializeOwned;

const CONTENT_ROOT: &str = "content";

#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// The server has no such file: the route names something that does not exist.
    NotFound,
    /// The network or the server failed, or sent something unreadable; trying again may
    /// help. (No detail is kept: formatting error details measured several KB of wasm, and
    /// the browser's network panel already shows what failed.)
    Unavailable,
}

thread_local! {
    /// Files already at hand, by URL: the files a pre-rendered page lists (so the app's
    /// first render is synchronous and equals the page), what the pre-renderer read from
    /// the build, and every answer since (a page visited twice is fetched once).
    /// (A list, not a map: a few dozen entries, and a hash map measured more wasm.)
    #[cfg(target_arch = "wasm32")]
    static FILES: RefCell<Vec<(String, Rc<str>)>> = const { RefCell::new(Vec::new()) };
    /// Natively, a map: the pre-renderer holds every file of the build (thousands at the
    /// scale of the EU), and each render looks up a few.
    #[cfg(not(target_arch = "wasm32"))]
    static FILES: RefCell<std::collections::HashMap<String, Rc<str>>> = RefCell::new(Default::default());
    /// The URLs a render read, in order: the pre-renderer lists them in the page.
    #[cfg(not(target_arch = "wasm32"))]
    static READ: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Puts a file at hand, as if fetched from `url`.
pub fn preload(url: String, text: &str) {
    #[cfg(target_arch = "wasm32")]
    FILES.with(|f| f.borrow_mut().push((url, Rc::from(text))));
    #[cfg(not(target_arch = "wasm32"))]
    FILES.with(|f| f.borrow_mut().insert(url, Rc::from(text)));
}

/// The URLs read since the last call, first read first.
#[cfg(not(target_arch = "wasm32"))]
pub fn take_read() -> Vec<String> {
    READ.with(|r| std::mem::take(&mut *r.borrow_mut()))
}

/// Reads `url` into the store (the files a pre-rendered page lists, before the app starts).
#[cfg(target_arch = "wasm32")]
pub async fn prefetch(url: &str) -> Result<(), FetchError> {
    get_text(url).await.map(|_| ())
}

async fn get_text(url: &str) -> Result<Rc<str>, FetchError> {
    #[cfg(not(target_arch = "wasm32"))]
    READ.with(|r| {
        let mut read = r.borrow_mut();
        if !read.iter().any(|u| u == url) {
            read.push(url.to_owned());
        }
    });
    #[cfg(target_arch = "wasm32")]
    let at_hand = FILES.with(|f| {
        f.borrow()
            .iter()
            .find_map(|(u, text)| (u == url).then(|| text.clone()))
    });
    #[cfg(not(target_arch = "wasm32"))]
    let at_hand = FILES.with(|f| f.borrow().get(url).cloned());
    if let Some(text) = at_hand {
        return Ok(text);
    }
    let text: Rc<str> = Rc::from(fetch_text(url).await?);
    preload(url.to_owned(), &text);
    Ok(text)
}

#[cfg(target_arch = "wasm32")]
async fn fetch_text(url: &str) -> Result<String, FetchError> {
    use gloo_net::http::Request;
    let response = Request::get(url)
        .send()
        .await
        .map_err(|_| FetchError::Unavailable)?;
    match response.status() {
        200 => response.text().await.map_err(|_| FetchError::Unavailable),
        404 => Err(FetchError::NotFound),
        _ => Err(FetchError::Unavailable),
    }
}

/// Natively (pre-rendering) every file of the build is at hand: one that is not, does not exist.
#[cfg(not(target_arch = "wasm32"))]
async fn fetch_text(_url: &str) -> Result<String, FetchError> {
    Err(FetchError::NotFound)
}

/// Parses with the browser's own `JSON.parse` (shipping serde_json's parser measured 2.3 KB
/// brotli more) and maps the value with [`crate::from_js`].
#[cfg(target_arch = "wasm32")]
async fn get_json<T: DeserializeOwned>(url: &str) -> Result<T, FetchError> {
    let text = get_text(url).await?;
    let value = js_sys::JSON::parse(&text).map_err(|_| FetchError::Unavailable)?;
    crate::from_js::from_value(value).map_err(|_| FetchError::Unavailable)
}

#[cfg(not(target_arch = "wasm32"))]
async fn get_json<T: DeserializeOwned>(url: &str) -> Result<T, FetchError> {
    serde_json::from_str(&get_text(url).await?).map_err(|_| FetchError::Unavailable)
}

pub async fn site_index() -> Result<SiteIndex, FetchError> {
    get_json(&format!("{CONTENT_ROOT}/index.json")).await
}

/// The manifest of `code` shown with the interface in `ui` (see
/// `CountrySummary::shown_language`).
pub async fn country_manifest(
    index: &SiteIndex,
    code: &CountryCode,
    ui: Lang,
) -> Result<CountryManifest, FetchError> {
    let country = index
        .countries
        .iter()
        .find(|c| c.code == *code)
        .ok_or(FetchError::NotFound)?;
    let lang = country.shown_language(ui);
    get_json(&format!("{CONTENT_ROOT}/{code}/{lang}.json")).await
}

/// A page body as safe HTML, by the path the manifest gives relative to the country's folder.
async fn page_html(code: &str, body: &str) -> Result<Rc<str>, FetchError> {
    get_text(&format!("{CONTENT_ROOT}/{code}/{body}")).await
}

/// The interface texts of `lang`, `(key, text)` sorted by key, with its conventions under
/// `#` keys (`content::lang::keys`).
pub async fn texts(lang: &str) -> Result<Vec<(String, String)>, FetchError> {
    get_json(&format!("i18n/{lang}.json")).await
}

/// The interface languages (`i18n/languages.json`): what every address is parsed against.
pub const LANGUAGES: &str = "i18n/languages.json";

#[cfg(target_arch = "wasm32")]
pub async fn languages() -> Result<Vec<(String, String)>, FetchError> {
    get_json(LANGUAGES).await
}

/// A country's change log in the language `lang` of its manifest (`changes.json`), for the
/// pre-rendered "what changed" page.
#[cfg(not(target_arch = "wasm32"))]
pub async fn change_log(
    code: &CountryCode,
    lang: &str,
) -> Result<content::changes::ChangeLog, FetchError> {
    get_json(&format!("{CONTENT_ROOT}/{code}/{lang}/changes.json")).await
}

/// A page with its country's manifest and its body.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedPage {
    pub manifest: CountryManifest,
    pub entry: PageEntry,
    pub html: Rc<str>,
}

/// The page at `/<code>/<section>/<slug>`, or the country's hub when `section` is `None`.
/// Every country route loads through this one function, so the wasm holds one copy of the
/// loading machinery.
pub async fn page(
    index: Arc<SiteIndex>,
    code: CountryCode,
    section: Option<Section>,
    slug: Option<String>,
    lang: Lang,
) -> Result<LoadedPage, FetchError> {
    let manifest = country_manifest(&index, &code, lang).await?;
    let entry = match section {
        None => manifest.hub.clone(),
        Some(section) => manifest
            .pages
            .iter()
            .find(|p| p.section == Some(section) && Some(&p.slug) == slug.as_ref())
            .ok_or(FetchError::NotFound)?
            .clone(),
    };
    let html = page_html(&code, &entry.body).await?;
    Ok(LoadedPage {
        manifest,
        entry,
        html,
    })
}

/// Runs `load` now, so data at hand shows in the component's first render, and again
/// whenever what `track` reads changes (a new route, a new language).
pub fn now_and_on_change(track: impl Fn() + 'static, load: impl Fn() + 'static) {
    load();
    Effect::new(move |ran: Option<()>| {
        track();
        if ran.is_some() {
            untrack(&load);
        }
    });
}

/// The answer of the latest request started through it; a slower answer to an earlier
/// request (a page already left) is dropped. Plain signals and a task: Leptos' async
/// resources measured 7 KB brotli more in the wasm.
pub struct Latest<T: 'static> {
    pub value: RwSignal<Option<T>, LocalStorage>,
    started: StoredValue<u32>,
}

// Handles to reactive storage: copied, whatever `T` is (a derive would ask `T: Copy`).
impl<T: 'static> Clone for Latest<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Latest<T> {}

impl<T: 'static> Latest<T> {
    pub fn new() -> Self {
        Latest {
            value: RwSignal::new_local(None),
            started: StoredValue::new(0),
        }
    }

    /// Runs `request`; `keep_current` leaves the current value on screen until the answer
    /// arrives (for a language change), else it is cleared (a loading state). A request
    /// whose files are all at hand answers at once, inside this call: so a component that
    /// loads while it is created renders its content in its first render, natively and in
    /// the browser alike.
    pub fn load(self, request: impl Future<Output = T> + 'static, keep_current: bool) {
        self.started.update_value(|n| *n += 1);
        let this = self.started.get_value();
        let mut request = Box::pin(request);
        if let Poll::Ready(answer) = request
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        {
            self.value.set(Some(answer));
            return;
        }
        if !keep_current {
            self.value.set(None);
        }
        leptos::task::spawn_local(async move {
            let answer = request.await;
            // The component may be gone by now (the voter moved on): then nothing to do.
            if self.started.try_get_value() == Some(this) {
                let _ = self.value.try_set(Some(answer));
            }
        });
    }
}

// The editor's preview (`crate::preview`), last in the file: see the end of `lib.rs`.

/// Puts `text` at hand under `url` in place of what was there: the editor's preview
/// (`crate::preview`) shows a page from files it writes as the editor types.
#[cfg(all(target_arch = "wasm32", feature = "preview"))]
pub fn put(url: String, text: &str) {
    FILES.with(|f| {
        let mut files = f.borrow_mut();
        files.retain(|(u, _)| *u != url);
        files.push((url, Rc::from(text)));
    });
}

/// Where each file is read from, for the editor's preview to put its files: the site
/// index, a country's manifest in a language, a page body (by the path its manifest
/// gives), a language's interface texts. The same URLs as the functions below read (not
/// shared with them: that measured a different voter wasm).
#[cfg(feature = "preview")]
pub fn index_url() -> String {
    format!("{CONTENT_ROOT}/index.json")
}

#[cfg(feature = "preview")]
pub fn manifest_url(code: &str, lang: &str) -> String {
    format!("{CONTENT_ROOT}/{code}/{lang}.json")
}

#[cfg(feature = "preview")]
pub fn body_url(code: &str, body: &str) -> String {
    format!("{CONTENT_ROOT}/{code}/{body}")
}

#[cfg(feature = "preview")]
pub fn texts_url(lang: &str) -> String {
    format!("i18n/{lang}.json")
}
