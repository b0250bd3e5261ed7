//! The editor's page: open files (choose, drop, or start a new page), say where each one
//! belongs, edit it with its problems at their lines, and see it as voters will.
//!
//! Texts are in English for now (the voter interface's translations cover voters' pages).

use std::collections::BTreeSet;
use std::sync::Arc;

use content::editor::{self, Placement, Published};
use content::lang::Lang;
use content::route::{Editor, Route};
use content::site::SourceFile;
use content::{Diagnostic, Section};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::files::{self, Read};
use crate::frame::{Frame, Show};
use crate::net;

/// An open file: where it belongs (a page, or a country's `country.toml`) and its text.
#[derive(Debug, Clone, PartialEq)]
struct Doc {
    id: u32,
    /// What it was opened as (a file name, a path in a folder), or "new page".
    opened_as: String,
    place: Place,
    text: String,
    /// The file was not UTF-8 (until it is edited).
    unreadable: Option<Diagnostic>,
}

#[derive(Debug, Clone, PartialEq)]
enum Place {
    Page(Placement),
    Country(String),
}

impl Doc {
    /// Its path relative to the content root: what the checker names it.
    fn path(&self) -> String {
        match &self.place {
            Place::Page(p) => p.path(),
            Place::Country(code) => format!("{code}/country.toml"),
        }
    }
}

/// What the last check found.
#[derive(Debug, Clone, Default, PartialEq)]
struct Outcome {
    problems: Vec<Diagnostic>,
    /// The current file's text as checked, for the messages beside its lines.
    lines: Vec<String>,
    /// Whether the preview shows the current file as it is now.
    previewed: bool,
    /// The file the preview shows, as it was when it last had no problems of its own.
    shown: Option<String>,
    /// A path opened twice.
    clash: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Width {
    Phone,
    Desktop,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Theme {
    Light,
    Dark,
}

#[derive(Clone, Copy)]
struct State {
    docs: RwSignal<Vec<Doc>>,
    current: RwSignal<u32>,
    /// Bumped when the current file's text changes other than by typing (opened, switched).
    reloaded: RwSignal<u32>,
    next_id: StoredValue<u32>,
    media: RwSignal<BTreeSet<String>>,
    site: RwSignal<Option<Arc<net::Site>>, LocalStorage>,
    /// Why the published site could not be read, if it could not.
    offline: RwSignal<Option<String>>,
    outcome: RwSignal<Outcome>,
    width: RwSignal<Width>,
    theme: RwSignal<Theme>,
    frame: Frame,
    /// The check waits for a pause in typing: the latest scheduled one runs.
    scheduled: StoredValue<u32>,
    /// The preview's interface language when the page's own language is not one.
    lang: Lang,
}

pub fn start() {
    let Some(body) = document().body() else {
        return;
    };
    body.set_text_content(None);
    leptos::mount::mount_to_body(EditorPage);
}

/// Today in UTC, as the checker's build date (`content-cli`'s default).
fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

/// The editor's own address (`/fr/editor`), under the site's base and with or without
/// `.html`: the language previews default to.
fn editor_lang() -> Lang {
    let path = window().location().pathname().unwrap_or_default();
    let path = path.strip_suffix(".html").unwrap_or(&path);
    let tail = path.rsplitn(3, '/').take(2).collect::<Vec<_>>();
    match tail.as_slice() {
        [name, lang] => Editor::parse(&format!("/{lang}/{name}")).map_or(Lang::DEFAULT, |e| e.lang),
        _ => Lang::DEFAULT,
    }
}

const TEMPLATE: &str = r#"+++
title = "A new page"
summary = "One sentence, shown in lists and to search engines."
reviewed = TODAY
topic = "other"

[[sources]]
id = "source"
title = "Where the facts come from"
url = "https://example.org/"
+++

Write the page here, in Markdown. Cite the source after what it backs.[@source]
"#;

#[component]
fn EditorPage() -> impl IntoView {
    let state = State {
        docs: RwSignal::new(Vec::new()),
        current: RwSignal::new(0),
        reloaded: RwSignal::new(0),
        next_id: StoredValue::new(1),
        media: RwSignal::new(BTreeSet::new()),
        site: RwSignal::new_local(None),
        offline: RwSignal::new(None),
        outcome: RwSignal::new(Outcome::default()),
        width: RwSignal::new(Width::Phone),
        theme: RwSignal::new(Theme::Light),
        frame: Frame::new(),
        scheduled: StoredValue::new(0),
        lang: editor_lang(),
    };
    leptos::task::spawn_local(async move {
        match net::site().await {
            Ok(site) => state.site.set(Some(Arc::new(site))),
            Err(e) => state.offline.set(Some(e)),
        }
    });
    provide_context(state);
    // Every change is checked after a pause in typing.
    Effect::new(move || {
        state.docs.track();
        state.current.track();
        state.media.track();
        state.site.track();
        state.theme.track();
        schedule(state);
    });
    let dropping = RwSignal::new(false);
    // Drawn again when a file is opened or closed, not as it is typed in.
    let open_file = Memo::new(move |_| current_doc(state).is_some());
    view! {
        <a class="skip-link" href="#source" on:click=|ev| {
            ev.prevent_default();
            focus_source();
        }>"Skip to the text"</a>
        <header class="site-header editor-header">
            <a class="brand" href=Route::Home { lang: state.lang }.href()><span class="brand-mark" aria-hidden="true">"✓"</span>"Election Center"</a>
            <span class="editor-name">"Editor"</span>
            <p class="editor-promise">"Check a page and see it as voters will. Everything happens in this browser: nothing you open or type is sent anywhere."</p>
        </header>
        <main
            id="editor"
            class="editor"
            class:dropping=move || dropping.get()
            class:wide=move || state.width.get() == Width::Desktop
            // For tests and scripts: whether the published site is at hand.
            data-site=move || match (state.site.get().is_some(), state.offline.get().is_some()) {
                (true, _) => "ready",
                (false, true) => "unavailable",
                (false, false) => "loading",
            }
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dropping.set(true);
            }
            on:dragleave=move |_| dropping.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dropping.set(false);
                if let Some(data) = ev.data_transfer() {
                    let entries = files::entries(&data);
                    // Files a page's script made have no entries: their list will do.
                    let list = data.files().filter(|_| entries.is_empty());
                    leptos::task::spawn_local(async move {
                        let read = match list {
                            Some(list) => files::from_list(list).await,
                            None => files::from_entries(entries).await,
                        };
                        open(state, read);
                    });
                }
            }
        >
            <h1 class="visually-hidden">"Editor"</h1>
            <div class="editor-work">
                <Toolbar />
                <Tabs />
                {move || match open_file.get() {
                    false => view! { <Welcome /> }.into_any(),
                    true => view! { <Settings /> <Source /> <Problems /> }.into_any(),
                }}
            </div>
            <PreviewPane />
        </main>
    }
}

fn current_doc(state: State) -> Option<Doc> {
    let id = state.current.get();
    state
        .docs
        .with(|docs| docs.iter().find(|d| d.id == id).cloned())
}

fn focus_source() {
    if let Some(el) = document()
        .get_element_by_id("source")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Adds what was read: a file with the path of one already open replaces its text.
fn open(state: State, read: Read) {
    let mut first = None;
    state.docs.update(|docs| {
        for file in read.texts {
            let parts = editor::content_relative(&file.opened_as);
            let place = if parts.last() == Some(&"country.toml") {
                let code = parts
                    .len()
                    .checked_sub(2)
                    .map(|i| parts[i])
                    .unwrap_or_default();
                Place::Country(code.to_owned())
            } else {
                let mut placement = Placement::infer(&file.opened_as, &file.text);
                fill_in(state, &mut placement);
                Place::Page(placement)
            };
            let doc = Doc {
                id: 0,
                opened_as: file.opened_as,
                place,
                text: file.text,
                unreadable: file.problem,
            };
            let id = match docs.iter_mut().find(|d| d.path() == doc.path()) {
                Some(open) => {
                    *open = Doc { id: open.id, ..doc };
                    open.id
                }
                None => {
                    let id = state.next_id.get_value();
                    state.next_id.set_value(id + 1);
                    docs.push(Doc { id, ..doc });
                    id
                }
            };
            first.get_or_insert(id);
        }
    });
    if !read.media.is_empty() {
        state.media.update(|m| m.extend(read.media));
    }
    if let Some(id) = first {
        state.current.set(id);
        state.reloaded.update(|n| *n += 1);
    }
}

/// What the file's path did not say: the country that publishes a page of that name and
/// kind, else the one whose language the file is in, else the first; the country's
/// default language.
fn fill_in(state: State, placement: &mut Placement) {
    let site = state.site.get_untracked();
    let countries = site
        .as_ref()
        .map(|s| s.published.index.countries.clone())
        .unwrap_or_default();
    if placement.country.is_empty() {
        let publishing = site.as_ref().and_then(|s| {
            s.published.manifests.iter().find(|m| {
                m.pages
                    .iter()
                    .any(|p| p.section == placement.section && p.slug == placement.slug)
            })
        });
        if let Some(manifest) = publishing {
            placement.country = manifest.country.code.to_string();
        }
    }
    if placement.country.is_empty() {
        // The country whose own language the file is in, else the first.
        let by_language = countries
            .iter()
            .find(|c| !placement.lang.is_empty() && c.default_language == placement.lang);
        if let Some(country) = by_language.or(countries.first()) {
            placement.country = country.code.to_string();
        }
    }
    if placement.lang.is_empty() {
        placement.lang = countries
            .iter()
            .find(|c| c.code == placement.country.as_str())
            .map_or_else(|| Lang::DEFAULT.to_string(), |c| c.default_language.clone());
    }
    if placement.slug.is_empty() && placement.section.is_some() {
        placement.slug = "new-page".to_owned();
    }
}

fn new_page(state: State) {
    let mut placement = Placement {
        country: String::new(),
        section: Some(Section::Guides),
        slug: String::new(),
        lang: String::new(),
    };
    fill_in(state, &mut placement);
    let read = Read {
        texts: vec![files::TextFile {
            opened_as: "new page".to_owned(),
            text: TEMPLATE.replace("TODAY", &today()),
            problem: None,
        }],
        media: Vec::new(),
    };
    // A second new page gets a name of its own.
    let taken = |slug: &str| {
        state.docs.with_untracked(|docs| {
            docs.iter()
                .any(|d| matches!(&d.place, Place::Page(p) if p.slug == slug))
        })
    };
    let mut n = 1;
    while taken(&placement.slug) {
        n += 1;
        placement.slug = format!("new-page-{n}");
    }
    let id = state.next_id.get_value();
    state.next_id.set_value(id + 1);
    state.docs.update(|docs| {
        docs.push(Doc {
            id,
            opened_as: read.texts[0].opened_as.clone(),
            place: Place::Page(placement),
            text: read.texts[0].text.clone(),
            unreadable: None,
        })
    });
    state.current.set(id);
    state.reloaded.update(|n| *n += 1);
    // Once the text box is drawn.
    set_timeout(focus_source, std::time::Duration::ZERO);
}

#[component]
fn Toolbar() -> impl IntoView {
    let state = expect_context::<State>();
    let folder: NodeRef<leptos::html::Input> = NodeRef::new();
    // A folder chooser: not an attribute the view knows.
    Effect::new(move || {
        if let Some(input) = folder.get() {
            input.set_webkitdirectory(true);
        }
    });
    let chosen = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(list) = input.files() {
            leptos::task::spawn_local(async move {
                open(state, files::from_list(list).await);
                input.set_value("");
            });
        }
    };
    view! {
        <section class="editor-toolbar" aria-label="Files">
            <button type="button" on:click=move |_| new_page(state)>"New page"</button>
            <label class="button file-button">
                "Open files…"
                <input type="file" multiple accept=".md,.toml,text/markdown" class="visually-hidden" on:change=chosen />
            </label>
            <label class="button file-button">
                "Open a folder…"
                <input type="file" node_ref=folder class="visually-hidden" on:change=chosen />
            </label>
            <p class="drop-hint">"or drop files or a folder anywhere here"</p>
            {move || state.offline.get().map(|why| view! {
                <p class="editor-note" role="alert">
                    "The published site could not be read (" {why} "), so pages cannot be checked against it. Open the country's folder (with its country.toml) to check its pages without it."
                </p>
            })}
        </section>
    }
}

/// The open files, each with its number of problems.
#[component]
fn Tabs() -> impl IntoView {
    let state = expect_context::<State>();
    let count = move |path: &str| {
        state.outcome.with(|o| {
            let mine = o.problems.iter().filter(|p| p.file == path);
            let errors = mine.clone().filter(|p| p.is_error()).count();
            (errors, mine.count() - errors)
        })
    };
    // The files' ids and paths: typing changes neither.
    let tabs = Memo::new(move |_| {
        state
            .docs
            .with(|docs| docs.iter().map(|d| (d.id, d.path())).collect::<Vec<_>>())
    });
    view! {
        <nav class="editor-tabs" aria-label="Open files">
            <ul>
                {move || tabs.get().into_iter().map(|(id, path)| {
                    let shown = path.clone();
                    let here = move || (state.current.get() == id).then_some("page");
                    let n = Signal::derive(move || count(&path));
                    view! {
                        <li>
                            <button type="button" class="tab" aria-current=here on:click=move |_| {
                                state.current.set(id);
                                state.reloaded.update(|n| *n += 1);
                            }>
                                <span class="tab-path">{shown.clone()}</span>
                                <span class="tab-count" class:bad=move || { n.get().0 > 0 }>
                                    {move || match n.get() {
                                        (0, 0) => "no problems".to_owned(),
                                        (e, 0) => plural(e, "error"),
                                        (0, w) => plural(w, "warning"),
                                        (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
                                    }}
                                </span>
                            </button>
                            <button type="button" class="tab-close" aria-label=format!("Close {shown}") on:click=move |_| close(state, id)>"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}

fn close(state: State, id: u32) {
    state.docs.update(|docs| docs.retain(|d| d.id != id));
    if state.current.get_untracked() == id {
        let next = state.docs.with_untracked(|docs| docs.first().map(|d| d.id));
        state.current.set(next.unwrap_or(0));
        state.reloaded.update(|n| *n += 1);
    }
}

#[component]
fn Welcome() -> impl IntoView {
    view! {
        <section class="editor-welcome" aria-labelledby="welcome">
            <h2 id="welcome">"Write or check a page"</h2>
            <p>"Start a new page, open one or more Markdown files, or a whole country folder (content/ro), or drop them here. Each problem the checker finds is shown at its line, with the same message as " <code>"make check-content"</code> ", and the page is shown as voters will see it, on a phone or a computer, light or dark."</p>
            <p>"Pages are checked with the published site around them: links, partners, elections and translations are checked against the pages already published, and against the files you open together."</p>
        </section>
    }
}

/// Where the current file belongs: its country, kind, name and language, which make its
/// path in `content/`.
#[component]
fn Settings() -> impl IntoView {
    let state = expect_context::<State>();
    let place = Memo::new(move |_| current_doc(state).map(|d| d.place));
    let set = move |change: &dyn Fn(&mut Placement)| {
        let id = state.current.get_untracked();
        state.docs.update(|docs| {
            if let Some(Place::Page(p)) = docs.iter_mut().find(|d| d.id == id).map(|d| &mut d.place)
            {
                change(p);
            }
        });
    };
    // Published countries, and those of open files (not their texts: typing changes none).
    let countries = Memo::new(move |_| {
        let mut codes: Vec<(String, String)> = state
            .site
            .get()
            .map(|s| {
                s.published
                    .index
                    .countries
                    .iter()
                    .map(|c| (c.code.to_string(), format!("{} ({})", c.name("en"), c.code)))
                    .collect()
            })
            .unwrap_or_default();
        let opened: Vec<String> = state.docs.with(|docs| {
            docs.iter()
                .map(|doc| match &doc.place {
                    Place::Page(p) => p.country.clone(),
                    Place::Country(c) => c.clone(),
                })
                .collect()
        });
        for code in opened {
            if !code.is_empty() && !codes.iter().any(|(c, _)| *c == code) {
                codes.push((code.clone(), code));
            }
        }
        codes
    });
    let languages = move |country: &str| {
        let offered: Vec<String> = state
            .site
            .get()
            .and_then(|s| {
                s.published
                    .index
                    .countries
                    .iter()
                    .find(|c| c.code == country)
                    .map(|c| c.languages.clone())
            })
            .unwrap_or_else(|| Lang::all().map(|l| l.to_string()).collect());
        offered
    };
    move || {
        match place.get() {
        Some(Place::Page(p)) => {
            let path = p.path();
            let mut langs = languages(&p.country);
            if !langs.contains(&p.lang) {
                langs.push(p.lang.clone());
            }
            let mut codes = countries.get();
            if !codes.iter().any(|(c, _)| *c == p.country) {
                codes.push((p.country.clone(), p.country.clone()));
            }
            let kind = p.section.map_or("hub", Section::dir);
            let hub = p.section.is_none();
            view! {
                <fieldset class="editor-settings">
                    <legend>"Where the page belongs"</legend>
                    <div class="field">
                        <label for="place-country">"Country"</label>
                        <select id="place-country" on:change=move |ev| { let v = event_target_value(&ev); set(&|p| p.country = v.clone()) }>
                            {codes.into_iter().map(|(code, name)| {
                                let selected = code == p.country;
                                view! { <option value=code selected=selected>{name}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="place-kind">"Kind of page"</label>
                        <select id="place-kind" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            set(&|p| {
                                p.section = Section::from_dir(&v);
                                if p.section.is_some() && (p.slug.is_empty() || p.slug == "_index") {
                                    p.slug = "new-page".to_owned();
                                }
                            })
                        }>
                            {[("hub", "Hub (the country's first page)"), ("elections", "Election"), ("resources", "Official resource"), ("partners", "Partner"), ("guides", "Guide"), ("videos", "Video")]
                                .into_iter()
                                .map(|(value, label)| view! { <option value=value selected=value == kind>{label}</option> })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="place-name">"Name in the address"</label>
                        <input id="place-name" type="text" value=if hub { String::new() } else { p.slug.clone() } disabled=hub spellcheck="false" autocomplete="off"
                            on:change=move |ev| { let v = event_target_value(&ev); set(&|p| p.slug = v.trim().to_owned()) } />
                    </div>
                    <div class="field">
                        <label for="place-lang">"Language"</label>
                        <select id="place-lang" on:change=move |ev| { let v = event_target_value(&ev); set(&|p| p.lang = v.clone()) }>
                            {langs.into_iter().map(|l| {
                                let selected = l == p.lang;
                                view! { <option value=l.clone() selected=selected>{l.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <p class="editor-path">"File: " <code>{format!("content/{path}")}</code></p>
                </fieldset>
            }
            .into_any()
        }
        Some(Place::Country(code)) => view! {
            <p class="editor-path">"File: " <code>{format!("content/{code}/country.toml")}</code>" (the country's settings; its pages are previewed)"</p>
        }
        .into_any(),
        None => ().into_any(),
    }
    }
}

/// The text with line numbers, and each problem's message beside its line.
#[component]
fn Source() -> impl IntoView {
    let state = expect_context::<State>();
    let area: NodeRef<leptos::html::Textarea> = NodeRef::new();
    let gutter: NodeRef<leptos::html::Div> = NodeRef::new();
    let backdrop: NodeRef<leptos::html::Div> = NodeRef::new();
    // The text is set from the file when another file is shown; typing only reads it.
    Effect::new(move || {
        state.reloaded.track();
        state.current.track();
        let text = current_doc_untracked(state)
            .map(|d| d.text)
            .unwrap_or_default();
        if let Some(area) = area.get() {
            if area.value() != text {
                area.set_value(&text);
            }
        }
    });
    let line_count = Memo::new(move |_| {
        let id = state.current.get();
        state.docs.with(|docs| {
            docs.iter()
                .find(|d| d.id == id)
                .map_or(1, |d| d.text.split('\n').count())
        })
    });
    let path = Memo::new(move |_| current_doc(state).map(|d| d.path()).unwrap_or_default());
    // Lines with problems, and their messages.
    let marks = Memo::new(move |_| {
        let path = path.get();
        state.outcome.with(|o| {
            let mut marks: Vec<(usize, String)> = Vec::new();
            for p in o.problems.iter().filter(|p| p.file == path && p.line > 0) {
                match marks.last_mut() {
                    Some((line, text)) if *line == p.line => {
                        text.push_str(" · ");
                        text.push_str(&p.message);
                    }
                    _ => marks.push((p.line, p.message.clone())),
                }
            }
            marks
        })
    });
    let on_input = move |_| {
        let Some(el) = area.get_untracked() else {
            return;
        };
        let text = el.value();
        let id = state.current.get_untracked();
        state.docs.update(|docs| {
            if let Some(doc) = docs.iter_mut().find(|d| d.id == id) {
                doc.text = text;
                doc.unreadable = None;
            }
        });
    };
    let on_scroll = move |_| {
        if let (Some(a), Some(g), Some(b)) = (
            area.get_untracked(),
            gutter.get_untracked(),
            backdrop.get_untracked(),
        ) {
            g.set_scroll_top(a.scroll_top());
            b.set_scroll_top(a.scroll_top());
            b.set_scroll_left(a.scroll_left());
        }
    };
    view! {
        <div class="editor-source">
            <label for="source">"Markdown of " <code>{move || path.get()}</code></label>
            <div class="code">
                <div class="gutter" aria-hidden="true" node_ref=gutter>
                    {move || {
                        let marks = marks.get();
                        (1..=line_count.get()).map(|n| {
                            let bad = marks.iter().any(|(l, _)| *l == n);
                            view! { <span class="ln" class:bad=bad>{n}</span> }
                        }).collect_view()
                    }}
                </div>
                <div class="code-area">
                    <div class="backdrop" aria-hidden="true" node_ref=backdrop>
                        {move || {
                            let marks = marks.get();
                            let lines = state.outcome.with(|o| o.lines.clone());
                            let count = line_count.get().max(lines.len());
                            (1..=count).map(|n| match marks.iter().find(|(l, _)| *l == n) {
                                Some((_, message)) => view! {
                                    <div class="bl bad" data-line=n>
                                        <span class="bl-text">{lines.get(n - 1).cloned().unwrap_or_default()}</span>
                                        <span class="bl-message">{message.clone()}</span>
                                    </div>
                                }.into_any(),
                                None => view! { <div class="bl"></div> }.into_any(),
                            }).collect_view()
                        }}
                    </div>
                    <textarea
                        id="source"
                        node_ref=area
                        wrap="off"
                        spellcheck="false"
                        autocapitalize="off"
                        autocomplete="off"
                        aria-describedby="problem-summary"
                        on:input=on_input
                        on:scroll=on_scroll
                    ></textarea>
                </div>
            </div>
            <p class="editor-actions">
                <button type="button" on:click=move |_| save(state)>"Save the file"</button>
            </p>
        </div>
    }
}

fn current_doc_untracked(state: State) -> Option<Doc> {
    let id = state.current.get_untracked();
    state
        .docs
        .with_untracked(|docs| docs.iter().find(|d| d.id == id).cloned())
}

/// Moves the cursor to `line` (1-based) and selects it, as a problem's link does.
fn go_to_line(line: usize) {
    let Some(area) = document()
        .get_element_by_id("source")
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    let text = area.value();
    // Selections count UTF-16 units.
    let mut start = 0u32;
    let mut end = 0u32;
    for (n, l) in text.split('\n').enumerate() {
        let len = l.encode_utf16().count() as u32;
        if n + 1 == line {
            end = start + len;
            break;
        }
        start += len + 1;
    }
    let _ = area.focus();
    let _ = area.set_selection_range(start, end.max(start));
    let lines = text.split('\n').count().max(1) as i32;
    let per_line = area.scroll_height() / lines;
    area.set_scroll_top((line as i32 - 3).max(0) * per_line);
}

/// Downloads the current file under its name, for a pull request.
fn save(state: State) {
    let Some(doc) = current_doc_untracked(state) else {
        return;
    };
    let parts = js_sys::Array::of1(&doc.text.clone().into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/markdown;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let name = doc
        .path()
        .rsplit('/')
        .next()
        .unwrap_or("page.md")
        .to_owned();
    if let Ok(a) = document()
        .create_element("a")
        .map(|a| a.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        a.set_href(&url);
        a.set_download(&name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Every problem of the current file, each a link to its line; a polite summary.
#[component]
fn Problems() -> impl IntoView {
    let state = expect_context::<State>();
    let path = Memo::new(move |_| current_doc(state).map(|d| d.path()).unwrap_or_default());
    let mine = Memo::new(move |_| {
        let path = path.get();
        state.outcome.with(|o| {
            o.problems
                .iter()
                .filter(|p| p.file == path)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let summary = move || {
        let path = path.get();
        let mine = mine.get();
        let errors = mine.iter().filter(|p| p.is_error()).count();
        let warnings = mine.len() - errors;
        let others = state.outcome.with(|o| {
            o.problems
                .iter()
                .filter(|p| p.file != path && p.is_error())
                .count()
        });
        let here = match (errors, warnings) {
            (0, 0) => format!("No problems in {path}."),
            (e, 0) => format!("{} in {path}.", plural(e, "error")),
            (0, w) => format!(
                "{} in {path}; nothing stops publishing.",
                plural(w, "warning")
            ),
            (e, w) => format!(
                "{} and {} in {path}.",
                plural(e, "error"),
                plural(w, "warning")
            ),
        };
        let clash = state.outcome.with(|o| o.clash.clone());
        let mut text = here;
        if others > 0 {
            text.push_str(&format!(" Other open files: {}.", plural(others, "error")));
        }
        if let Some(clash) = clash {
            text.push_str(&format!(
                " Two open files have the path {clash}: only the last is checked."
            ));
        }
        text
    };
    view! {
        <section class="editor-problems" aria-labelledby="problems-title">
            <h2 id="problems-title">"Problems"</h2>
            <p id="problem-summary" role="status" class="problem-summary">{summary}</p>
            <ol class="problem-list">
                {move || mine.get().into_iter().map(|p| {
                    let line = p.line;
                    let severity = if p.is_error() { "error" } else { "warning" };
                    let place = if line == 0 { "The whole file".to_owned() } else { format!("Line {line}, column {}", p.col.max(1)) };
                    view! {
                        <li class=format!("problem {severity}") data-line=line>
                            {if line > 0 {
                                view! { <button type="button" class="problem-at" on:click=move |_| go_to_line(line)>{place}</button> }.into_any()
                            } else {
                                view! { <span class="problem-at">{place}</span> }.into_any()
                            }}
                            " "<span class="problem-severity">{severity}": "</span>
                            <span class="problem-message">{p.message.clone()}</span>
                            {(!p.hint.is_empty()).then(|| view! { <span class="problem-hint">"help: "{p.hint.clone()}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[component]
fn PreviewPane() -> impl IntoView {
    let state = expect_context::<State>();
    let src = {
        let location = window().location();
        format!("{}?preview", location.pathname().unwrap_or_default())
    };
    let note = move || {
        let doc = current_doc(state)?;
        let previewed = state.outcome.with(|o| o.previewed);
        let shown = state.outcome.with(|o| o.shown.clone());
        match doc.place {
            Place::Country(_) => Some("A country.toml has no page of its own to show: open one of the country's pages."),
            Place::Page(_) if previewed => None,
            Place::Page(_) if shown == Some(doc.path()) => Some("Shown as it was before its last problem: a page with problems of its own is not published. Fix them to see your latest change."),
            Place::Page(_) => Some("Nothing to show yet: a page with problems of its own is not published. Fix them to see it."),
        }
    };
    let radio = |name: &'static str,
                 label: &'static str,
                 checked: Signal<bool>,
                 pick: Callback<()>| {
        view! {
            <label class="choice">
                <input type="radio" name=name prop:checked=move || checked.get() on:change=move |_| pick.run(()) />
                {label}
            </label>
        }
    };
    view! {
        <section class="editor-preview" aria-labelledby="preview-title">
            <h2 id="preview-title">"As voters will see it"</h2>
            <div class="preview-controls">
                <fieldset>
                    <legend>"Screen"</legend>
                    {radio("width", "Phone (360 px)", Signal::derive(move || state.width.get() == Width::Phone), Callback::new(move |_| state.width.set(Width::Phone)))}
                    {radio("width", "Computer (1280 px)", Signal::derive(move || state.width.get() == Width::Desktop), Callback::new(move |_| state.width.set(Width::Desktop)))}
                </fieldset>
                <fieldset>
                    <legend>"Theme"</legend>
                    {radio("theme", "Light", Signal::derive(move || state.theme.get() == Theme::Light), Callback::new(move |_| state.theme.set(Theme::Light)))}
                    {radio("theme", "Dark", Signal::derive(move || state.theme.get() == Theme::Dark), Callback::new(move |_| state.theme.set(Theme::Dark)))}
                </fieldset>
            </div>
            {move || note().map(|n| view! { <p class="editor-note" role="note">{n}</p> })}
            <div class="frame-box" class:desktop=move || state.width.get() == Width::Desktop>
                <iframe node_ref=state.frame.node title="Preview: the page as voters will see it" src=src></iframe>
            </div>
        </section>
    }
}

/// Checks once typing pauses (a quarter of a second).
fn schedule(state: State) {
    state.scheduled.update_value(|n| *n += 1);
    let mine = state.scheduled.get_value();
    set_timeout(
        move || {
            if state.scheduled.try_get_value() == Some(mine) {
                check(state);
            }
        },
        std::time::Duration::from_millis(250),
    );
}

/// Runs the checker over every open file, and shows the current one if it can be.
fn check(state: State) {
    let docs = state.docs.get_untracked();
    let Some(site) = state.site.get_untracked() else {
        if state.offline.get_untracked().is_none() {
            // Still loading: checked when the site arrives.
            return;
        }
        return check_with(state, &docs, &Published::empty(), None);
    };
    check_with(state, &docs, &site.published, Some(&site));
}

fn check_with(state: State, docs: &[Doc], published: &Published, site: Option<&net::Site>) {
    // A later file with the same path as an earlier one is the one checked.
    let mut files: Vec<SourceFile> = Vec::new();
    let mut clash = None;
    for doc in docs {
        let path = doc.path();
        if let Some(at) = files.iter().position(|f| f.path == path) {
            files.remove(at);
            clash = Some(path.clone());
        }
        files.push(SourceFile {
            path,
            text: doc.text.clone(),
        });
    }
    let checked = editor::check(published, &files, &state.media.get_untracked(), &today());
    let mut problems = checked.problems.clone();
    for doc in docs {
        if let Some(p) = &doc.unreadable {
            problems.push(Diagnostic {
                file: doc.path(),
                ..p.clone()
            });
        }
    }
    problems.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
    let current = current_doc_untracked(state);
    let lines = current
        .as_ref()
        .map(|d| d.text.split('\n').map(str::to_owned).collect())
        .unwrap_or_default();
    let mut previewed = false;
    let mut shown = state.outcome.with_untracked(|o| o.shown.clone());
    if let (Some(doc), Some(site)) = (&current, site) {
        if let Some(preview) = editor::preview(published, &checked, &doc.path()) {
            previewed = show(state, site, preview);
            if previewed {
                shown = Some(doc.path());
            }
        }
    }
    state.outcome.set(Outcome {
        problems,
        lines,
        previewed,
        shown,
        clash,
    });
}

/// Posts the page to the preview frame, with the files the voter app reads for it; false
/// while the texts of its interface language are still to be fetched.
fn show(state: State, site: &net::Site, preview: editor::Preview) -> bool {
    use election_center::preview::{body_url, index_url, manifest_url, texts_url};
    let editor::Preview {
        index,
        manifest,
        entry,
        html,
    } = preview;
    let code = manifest.country.code.clone();
    // The interface in the page's language when it is one (the manifest then is the page's
    // language), else in the editor's.
    let ui = Lang::parse(&entry.lang).unwrap_or(state.lang);
    let Some(texts) = site.texts.get(ui.as_str()).cloned() else {
        // A language no published country offers: its texts, once.
        let lang = ui.as_str();
        leptos::task::spawn_local(async move {
            if let (Ok(texts), Some(site)) = (
                net::text(&texts_url(lang)).await,
                state.site.get_untracked(),
            ) {
                let mut site = (*site).clone();
                site.texts.insert(lang.to_owned(), texts);
                state.site.set(Some(Arc::new(site)));
            }
        });
        return false;
    };
    let route = match entry.section {
        None => Route::Hub {
            lang: ui,
            country: code.clone(),
        },
        Some(section) => Route::Page {
            lang: ui,
            country: code.clone(),
            section,
            slug: entry.slug.clone(),
        },
    };
    let files = vec![
        (
            index_url(),
            serde_json::to_string(&index).unwrap_or_default(),
        ),
        (
            manifest_url(&code, &manifest.lang),
            serde_json::to_string(&manifest).unwrap_or_default(),
        ),
        (body_url(&code, &entry.body), html),
        (texts_url(ui.as_str()), texts),
    ];
    let theme = match state.theme.get_untracked() {
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    state.frame.show(&Show {
        path: route.path(),
        theme: theme.to_owned(),
        languages: site.languages.clone(),
        files,
    });
    true
}
