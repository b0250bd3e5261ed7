use leptos::prelude::*;

use crate::head::set_head;
use crate::i18n::use_i18n;

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
            <p><a class="button" href=i18n.lang>{i18n.t("state.choose_country")}</a></p>
        </section>
    }
}
