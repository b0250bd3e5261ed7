use leptos::prelude::*;

use crate::api;
use crate::components::{LoadFailed, Loading};
use crate::head::set_head;

/// `/`: choose a country.
#[component]
pub fn HomePage() -> impl IntoView {
    let index = LocalResource::new(api::site_index);
    set_head(None, "Key dates, how to vote, official sources, fact-checkers and guidance against misinformation, per country.".to_owned(), false);
    view! {
        <h1>"Election Center"</h1>
        <p class="lead">"Key dates, how to vote, official sources and help spotting misinformation. Choose your country."</p>
        {move || match index.get() {
                    None => Loading().into_any(),
                    Some(Ok(index)) => view! {
                        <ul class="country-list" aria-label="Countries">
                            {index.countries.into_iter().map(|c| {
                                let native = c.names.get(&c.default_language).filter(|n| *n != c.name("en")).cloned();
                                view! {
                                    <li>
                                        <a class="country-card" href=format!("/{}", c.code)>
                                            <span class="country-code" aria-hidden="true">{c.code.to_ascii_uppercase()}</span>
                                            <span class="country-name">{c.name("en").to_owned()}</span>
                                            {native.map(|n| view! { <span class="country-native" lang=c.default_language.clone()>{n}</span> })}
                                        </a>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Some(Err(error)) => view! { <LoadFailed error retry=move |_| index.refetch() /> }.into_any(),
        }}
    }
}
