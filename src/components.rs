//! Small pieces shared by the routes. They format; they never fetch or parse.

use std::rc::Rc;

use content::{route::Route, PageEntry};
use leptos::prelude::*;

use crate::api::{FetchError, Latest};
use crate::head::set_head;
use crate::i18n::use_i18n;
use crate::router::use_route;

/// A page body, already rendered to safe HTML by the content crate's one renderer when the
/// content was built. `lang` marks the fragment's language for screen readers and hyphenation.
/// `page` is the page's own href: the body's in-page links (`#h-…` headings, `#fn-…`
/// footnotes, `#src-…` sources) are written bare, which `<base href>` would resolve against
/// the site's root, not this page. The renderer writes every href itself, always as
/// `href="…"`, so this finds them all and nothing else.
#[component]
pub fn Prose(html: Rc<str>, lang: String, page: String) -> impl IntoView {
    let html = html.replace("href=\"#", &format!("href=\"{page}#"));
    view! { <div class="prose" lang=lang inner_html=html></div> }
}

/// Where the page sits, as links a voter can walk back up.
#[component]
pub fn Breadcrumbs(trail: Vec<(String, String)>, current: String) -> impl IntoView {
    view! {
        <nav class="breadcrumbs" aria-label=use_i18n().t("site.breadcrumb")>
            <ol>
                {trail.into_iter().map(|(href, label)| view! { <li><a href=href>{label}</a></li> }).collect_view()}
                <li><span aria-current="page">{current}</span></li>
            </ol>
        </nav>
    }
}

/// "Last reviewed" and the sources, at the foot of every content page. The labels are in
/// the interface's language, the source titles in the page's.
#[component]
pub fn Provenance(entry: PageEntry) -> impl IntoView {
    let i18n = use_i18n();
    let lang = entry.lang.clone();
    view! {
        <footer class="provenance">
            <p>
                <time datetime=entry.reviewed.clone()>{i18n.tf("page.last_reviewed", &[("date", &i18n.date(&entry.reviewed))])}</time>
            </p>
            <h2 class="provenance-title">{i18n.tn("page.sources", entry.sources.len())}</h2>
            // Numbered, with the ids the body's citations (`[2]`, content::citation) link to.
            <ol>
                {entry.sources.into_iter().enumerate().map(|(n, s)| match s.url {
                    Some(url) if content::url::classify_url(&url).is_ok() => view! { <li id=format!("src-{}", n + 1) lang=lang.clone()><a href=url class="external" rel="external noopener noreferrer">{s.title}</a></li> }.into_any(),
                    _ => view! { <li id=format!("src-{}", n + 1) lang=lang.clone()>{s.title}</li> }.into_any(),
                }).collect_view()}
            </ol>
        </footer>
    }
}

/// What any address that names nothing shows: an unknown path, country, section or page.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    set_head(
        Some(i18n.t("state.not_found")),
        i18n.t("state.not_found_description"),
    );
    view! {
        <section class="not-found">
            <h1>{i18n.t("state.not_found")}</h1>
            <p>{i18n.t("state.not_found_text")}</p>
            <p><a class="button" href=Route::Home { lang: i18n.lang }.href()>{i18n.t("state.choose_country")}</a></p>
        </section>
    }
}

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">{use_i18n().t("state.loading")}</p> }
}

/// A failed load: a not-found page when the thing does not exist, otherwise a message
/// with a way to try again.
#[component]
pub fn LoadFailed(error: FetchError, #[prop(into)] retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    match error {
        FetchError::NotFound => NotFound().into_any(),
        FetchError::Unavailable => view! {
            <section class="load-error" role="alert">
                <h1>{i18n.t("state.failed")}</h1>
                <p>{i18n.t("state.failed_hint")}</p>
                <p><button type="button" on:click=move |_| retry.run(())>{i18n.t("state.retry")}</button></p>
            </section>
        }
        .into_any(),
    }
}

/// What a load through `latest` shows: a loading state, `view` of the answer, or the failure
/// with a way to try again. `load` runs now, so files at hand (a pre-rendered page's, a page
/// seen before) show in the first render, and again on "try again".
pub fn loaded<T: 'static>(
    latest: Latest<Result<T, FetchError>>,
    load: impl Fn() + 'static,
    view: impl Fn(&T) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    load();
    let load = StoredValue::new_local(load);
    move || {
        latest.value.with(|answer| match answer {
            None => Loading().into_any(),
            Some(Ok(value)) => view(value),
            Some(Err(error)) => {
                view! { <LoadFailed error=error.clone() retry=move |_| load.with_value(|f| f()) /> }
                    .into_any()
            }
        })
    }
}

/// A content page: its title, summary, rendered body, anything the route adds, and its
/// provenance. Text from the page carries the page's language; interface text around it
/// keeps the interface's.
#[component]
pub fn PageArticle(
    entry: PageEntry,
    html: Rc<str>,
    /// Between the title and the text: a page kind's facts (key dates, player, links).
    #[prop(optional, into)]
    before_body: Option<AnyView>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = entry.lang.clone();
    // Shown in another language than the interface's: say so, in the interface's.
    let fallback = (i18n.lang != lang)
        .then(|| i18n.tf("site.fallback", &[("language", &i18n.language(&lang))]));
    // Due for review when the content was built (content::review).
    let stale = entry
        .stale
        .then(|| i18n.tf("page.stale", &[("date", &i18n.date(&entry.reviewed))]));
    let page = use_route()
        .get_untracked()
        .map(|r| r.href())
        .unwrap_or_default();
    view! {
        <article>
            {fallback.map(|notice| view! { <p class="fallback-notice" role="note">{notice}</p> })}
            {stale.map(|notice| view! { <p class="stale-notice" role="note">{notice}</p> })}
            <header lang=lang.clone()>
                <h1>{entry.title.clone()}</h1>
                {entry.summary.clone().map(|s| view! { <p class="lead">{s}</p> })}
            </header>
            {before_body}
            <Prose html lang page />
            {children.map(|c| c())}
            <Provenance entry />
        </article>
    }
}
