use content::{CountryManifest, PageEntry, Section};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{self, LoadedPage};
use crate::components::{Breadcrumbs, LoadFailed, Loading, PageArticle};
use crate::details;
use crate::head::set_head;

/// `/:country` (the country's hub) and `/:country/:section/:slug` (one of its pages).
#[component]
pub fn CountryPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let page = LocalResource::new(move || {
        let p = params.read();
        api::page(p.get("country").unwrap_or_default(), p.get("section"), p.get("slug"), query.read().get("lang"))
    });
    view! {
        {move || match page.get() {
            None => Loading().into_any(),
            Some(Ok(loaded)) => loaded_view(loaded).into_any(),
            Some(Err(error)) => view! { <LoadFailed error retry=move |_| page.refetch() /> }.into_any(),
        }}
    }
}

fn loaded_view(LoadedPage { manifest, entry, html }: LoadedPage) -> impl IntoView {
    let CountryManifest { lang, country, pages, .. } = manifest;
    let name = country.name(&lang).to_owned();
    let code = country.code.clone();
    let description = entry.summary.clone().unwrap_or_else(|| entry.title.clone());
    let countries = ("/".to_owned(), "Countries".to_owned());
    let (title, trail, current, switcher, before_body, sections) = match entry.section {
        None => {
            let switcher = language_switcher(&code, &lang, &country.languages);
            let sections = Section::ALL.into_iter().filter_map(|s| section_list(&code, &lang, s, &pages)).collect_view();
            (name.clone(), vec![countries], name, switcher, None, Some(sections))
        }
        Some(section) => {
            let facts = view! { {details::table_of_contents(&entry.toc)} {details::details(&code, &lang, &entry)} }.into_any();
            let trail = vec![countries, (format!("/{code}?lang={lang}"), name)];
            (entry.title.clone(), trail, section_title(section).to_owned(), None, Some(facts), None)
        }
    };
    set_head(Some(title), description, false);
    view! {
        <Breadcrumbs trail current />
        {switcher}
        <PageArticle entry html before_body=before_body.unwrap_or_else(|| ().into_any())>
            {sections}
        </PageArticle>
    }
}

fn language_switcher(code: &str, lang: &str, languages: &[String]) -> Option<AnyView> {
    (languages.len() > 1).then(|| {
        view! {
            <nav class="lang-switcher" aria-label="Language of the guide">
                <ul>
                    {languages.iter().map(|l| {
                        let current = (l == lang).then_some("true");
                        view! { <li><a href=format!("/{code}?lang={l}") hreflang=l.clone() lang=l.clone() aria-current=current>{language_name(l)}</a></li> }
                    }).collect_view()}
                </ul>
            </nav>
        }
        .into_any()
    })
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

fn section_title(section: Section) -> &'static str {
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
