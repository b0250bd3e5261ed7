//! Small pieces shared by the routes. They format; they never fetch or parse.

use content::{render_markdown, PageEntry};
use leptos::prelude::*;

use crate::api::FetchError;

/// A Markdown body rendered by the content crate's one safe renderer. `lang` marks the
/// fragment's language for screen readers and hyphenation.
#[component]
pub fn Markdown(markdown: String, lang: String) -> impl IntoView {
    let html = render_markdown(&markdown).html;
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
