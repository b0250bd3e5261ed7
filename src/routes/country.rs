use content::{CountryManifest, PageEntry, Section};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{self, FetchError};
use crate::components::{Breadcrumbs, LoadFailed, Loading, PageArticle};

/// `/:country`: the country's Election Center hub.
#[component]
pub fn CountryPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let hub = LocalResource::new(move || {
        let code = params.read().get("country").unwrap_or_default();
        let lang = query.read().get("lang");
        async move { load_hub(&code, lang.as_deref()).await }
    });
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match hub.await {
                    Ok((manifest, html)) => hub_view(manifest, html).into_any(),
                    Err(error) => view! { <LoadFailed error retry=move |_| hub.refetch() /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

async fn load_hub(code: &str, lang: Option<&str>) -> Result<(CountryManifest, String), FetchError> {
    let manifest = api::country_manifest(code, lang).await?;
    let html = api::page_html(code, &manifest.hub.body).await?;
    Ok((manifest, html))
}

fn hub_view(manifest: CountryManifest, html: String) -> impl IntoView {
    let CountryManifest { lang, country, hub, pages, .. } = manifest;
    let name = country.name(&lang).to_owned();
    let code = country.code.clone();
    let switcher = (country.languages.len() > 1).then(|| {
        view! {
            <nav class="lang-switcher" aria-label="Language of the guide">
                <ul>
                    {country.languages.iter().map(|l| {
                        let current = (*l == lang).then_some("true");
                        view! { <li><a href=format!("/{code}?lang={l}") hreflang=l.clone() lang=l.clone() aria-current=current>{language_name(l)}</a></li> }
                    }).collect_view()}
                </ul>
            </nav>
        }
    });
    view! {
        <Title text=name.clone() />
        <Meta name="description" content=hub.summary.clone().unwrap_or_else(|| hub.title.clone()) />
        <Breadcrumbs trail=vec![("/".to_owned(), "Countries".to_owned())] current=name.clone() />
        {switcher}
        <PageArticle entry=hub html>
            {Section::ALL.into_iter().filter_map(|s| section_list(&code, &lang, s, &pages)).collect_view()}
        </PageArticle>
    }
}

fn section_list(code: &str, lang: &str, section: Section, pages: &[PageEntry]) -> Option<impl IntoView> {
    let items: Vec<_> = pages.iter().filter(|p| p.section == Some(section)).collect();
    if items.is_empty() {
        return None;
    }
    Some(view! {
        <section class="hub-section" aria-labelledby=format!("section-{}", section.dir())>
            <h2 id=format!("section-{}", section.dir())>{section_title(section)}</h2>
            <ul class="page-list">
                {items.into_iter().map(|p| {
                    let href = format!("/{code}/{}/{}?lang={lang}", section.dir(), p.slug);
                    view! {
                        <li lang=p.lang.clone()>
                            <a href=href>{p.title.clone()}</a>
                            {p.summary.clone().map(|s| view! { <p>{s}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    })
}

pub fn section_title(section: Section) -> &'static str {
    match section {
        Section::Elections => "Elections and key dates",
        Section::Resources => "Official resources",
        Section::Partners => "Fact-checkers and partners",
        Section::Guides => "Spotting misinformation",
        Section::Videos => "Videos",
    }
}

/// Each language's own name for itself, as language pickers conventionally show.
fn language_name(lang: &str) -> String {
    match lang {
        "en" => "English",
        "fr" => "Français",
        "ro" => "Română",
        "hu" => "Magyar",
        other => other,
    }
    .to_owned()
}
