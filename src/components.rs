//! Small pieces shared by the routes. They format; they never fetch or parse.

use content::PageEntry;
use leptos::prelude::*;

use crate::api::FetchError;

/// A page body, already rendered to safe HTML by the content crate's one renderer when the
/// content was built. `lang` marks the fragment's language for screen readers and hyphenation.
#[component]
pub fn Prose(html: String, lang: String) -> impl IntoView {
    view! { <div class="prose" lang=lang inner_html=html></div> }
}

/// Where the page sits, as links a voter can walk back up.
#[component]
pub fn Breadcrumbs(trail: Vec<(String, String)>, current: String) -> impl IntoView {
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            <ol>
                {trail.into_iter().map(|(href, label)| view! { <li><a href=href>{label}</a></li> }).collect_view()}
                <li><span aria-current="page">{current}</span></li>
            </ol>
        </nav>
    }
}

/// "Last reviewed" and the sources, at the foot of every content page.
#[component]
pub fn Provenance(entry: PageEntry) -> impl IntoView {
    view! {
        <footer class="provenance">
            <p>"Last reviewed: " <time datetime=entry.reviewed.clone()>{entry.reviewed.clone()}</time></p>
            <h2 class="provenance-title">"Sources"</h2>
            <ul>
                {entry.sources.into_iter().map(|s| match s.url {
                    Some(url) if content::url::classify_url(&url).is_ok() => view! { <li><a href=url class="external" rel="external noopener noreferrer">{s.title}</a></li> }.into_any(),
                    _ => view! { <li>{s.title}</li> }.into_any(),
                }).collect_view()}
            </ul>
        </footer>
    }
}

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">"Loading…"</p> }
}

/// A failed load: a not-found page when the thing does not exist, otherwise a message
/// with a way to try again.
#[component]
pub fn LoadFailed(error: FetchError, #[prop(into)] retry: Callback<()>) -> impl IntoView {
    match error {
        FetchError::NotFound => crate::routes::not_found::NotFound().into_any(),
        FetchError::Unavailable(detail) => view! {
            <section class="load-error" role="alert">
                <h1>"This page could not be loaded"</h1>
                <p>"Check your connection and try again."</p>
                <p><button type="button" on:click=move |_| retry.run(())>"Try again"</button></p>
                <details><summary>"Details"</summary><p>{detail}</p></details>
            </section>
        }
        .into_any(),
    }
}

/// A content page: its title, summary, rendered body, anything the route adds, and its
/// provenance. The whole article carries the language its text is written in.
#[component]
pub fn PageArticle(
    entry: PageEntry,
    html: String,
    /// Shown before the title, hidden from screen readers (a flag is decoration).
    #[prop(optional)]
    emblem: Option<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let lang = entry.lang.clone();
    let article_lang = lang.clone();
    view! {
        <article lang=article_lang>
            <h1>{emblem.map(|e| view! { <span class="flag" aria-hidden="true">{e}" "</span> })}{entry.title.clone()}</h1>
            {entry.summary.clone().map(|s| view! { <p class="lead">{s}</p> })}
            <Prose html lang />
            {children.map(|c| c())}
            <Provenance entry />
        </article>
    }
}
