use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text="Page not found" />
        <Meta name="robots" content="noindex" />
        <section class="not-found">
            <h1>"Page not found"</h1>
            <p>"We could not find this page. The address may be mistyped, or the page may have moved."</p>
            <p><a class="button" href="/">"Choose a country"</a></p>
        </section>
    }
}
