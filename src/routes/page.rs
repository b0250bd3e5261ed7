use content::{CountryManifest, PageEntry, Section};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{self, FetchError};
use crate::components::{Breadcrumbs, LoadFailed, Loading, PageArticle};
use crate::routes::country::section_title;

/// `/:country/:section/:slug`: one content page.
#[component]
pub fn ContentPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let page = LocalResource::new(move || {
        let p = params.read();
        let (code, section, slug) = (p.get("country").unwrap_or_default(), p.get("section").unwrap_or_default(), p.get("slug").unwrap_or_default());
        let lang = query.read().get("lang");
        async move { load_page(&code, &section, &slug, lang.as_deref()).await }
    });
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match page.await {
                    Ok((manifest, entry, html)) => page_view(manifest, entry, html).into_any(),
                    Err(error) => view! { <LoadFailed error retry=move |_| page.refetch() /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

async fn load_page(code: &str, section: &str, slug: &str, lang: Option<&str>) -> Result<(CountryManifest, PageEntry, String), FetchError> {
    let section = Section::from_dir(section).ok_or(FetchError::NotFound)?;
    let manifest = api::country_manifest(code, lang).await?;
    let entry = manifest.pages.iter().find(|p| p.section == Some(section) && p.slug == slug).cloned().ok_or(FetchError::NotFound)?;
    let html = api::page_html(code, &entry.body).await?;
    Ok((manifest, entry, html))
}

fn page_view(manifest: CountryManifest, entry: PageEntry, html: String) -> impl IntoView {
    let country = &manifest.country;
    let section = entry.section.expect("section pages have a section");
    let trail = vec![
        ("/".to_owned(), "Countries".to_owned()),
        (format!("/{}?lang={}", country.code, manifest.lang), country.name(&manifest.lang).to_owned()),
    ];
    view! {
        <Title text=entry.title.clone() />
        <Meta name="description" content=entry.summary.clone().unwrap_or_else(|| entry.title.clone()) />
        <Breadcrumbs trail current=section_title(section).to_owned() />
        <PageArticle entry html />
    }
}
