use leptos::prelude::*;
use crate::head::set_head;

#[component]
pub fn NotFound() -> impl IntoView {
    set_head(Some("Page not found".to_owned()), "This page does not exist.".to_owned(), true);
    view! {
        <section class="not-found">
            <h1>"Page not found"</h1>
            <p>"We could not find this page. The address may be mistyped, or the page may have moved."</p>
            <p><a class="button" href="/">"Choose a country"</a></p>
        </section>
    }
}
