use std::sync::Arc;

use content::route::Route;
use content::videos::Filters;
use content::{CountryCode, CountryManifest, PageEntry, Section, SiteIndex, Video};
use leptos::prelude::*;

use crate::api;
use crate::components::{loaded, Breadcrumbs, NotFound};
use crate::details;
use crate::head::set_head;
use crate::i18n::{use_i18n, I18n};

/// `/:lang/:country/:section`: every page of one section of a country; videos as a grid
/// that can be filtered by topic, partner and language.
#[component]
pub fn SectionPage(country: CountryCode, section: Section) -> impl IntoView {
    let lang = use_i18n().lang;
    let index = expect_context::<Arc<SiteIndex>>();
    let manifest = api::Latest::new();
    let fetch = move || {
        let (index, country) = (index.clone(), country.clone());
        manifest.load(
            async move { api::country_manifest(&index, &country, lang).await },
            false,
        );
    };
    loaded(manifest, fetch, move |m| list_view(m, section))
}

fn list_view(manifest: &CountryManifest, section: Section) -> AnyView {
    let i18n = use_i18n();
    let ui = i18n.lang;
    let code = &manifest.country.code;
    let name = manifest.country.name(ui.as_str()).to_owned();
    let title = section_title(&i18n, section);
    let list = if section == Section::Videos {
        video_grid(&i18n, manifest).map(IntoAny::into_any)
    } else {
        section_groups(&i18n, code, section, &manifest.pages).map(IntoAny::into_any)
    };
    let Some(list) = list else {
        return NotFound().into_any();
    };
    set_head(
        Some(format!("{title} · {name}")),
        format!("{title} · {name}"),
    );
    let trail = vec![
        (Route::Home { lang: ui }.href(), i18n.t("site.countries")),
        (
            Route::Hub {
                lang: ui,
                country: code.clone(),
            }
            .href(),
            name,
        ),
    ];
    view! {
        <Breadcrumbs trail current=title.clone() />
        <h1>{title}</h1>
        {list}
    }
    .into_any()
}

/// The videos as cards, with their filters. The filters are in the pre-rendered page too,
/// so they take their real place from the first paint (a place reserved for them was one
/// row high, and on a phone they wrap to three: the list jumped 94 px when the app
/// started); the stylesheet hides them until the app runs, and without JavaScript, where
/// they could not work, leaves them out.
fn video_grid(i18n: &I18n, manifest: &CountryManifest) -> Option<impl IntoView> {
    let videos: Vec<(&PageEntry, &Video)> = manifest
        .pages
        .iter()
        .filter_map(|p| Some((p, p.video.as_ref()?)))
        .collect();
    if videos.is_empty() {
        return None;
    }
    let filters = RwSignal::new(Filters::default());
    #[cfg(target_arch = "wasm32")]
    Effect::new(move || {
        filters.set(Filters::from_query(
            &window().location().search().unwrap_or_default(),
        ));
    });
    let partner_name = |slug: &str| {
        manifest
            .pages
            .iter()
            .find(|p| p.partner.is_some() && p.slug == slug)
            .map_or_else(|| slug.to_owned(), |p| p.title.clone())
    };
    let mut topics: Vec<String> = videos.iter().flat_map(|(_, v)| v.topics.clone()).collect();
    let mut partners: Vec<(String, String)> = videos
        .iter()
        .filter_map(|(_, v)| v.partner.as_deref())
        .map(|slug| (slug.to_owned(), partner_name(slug)))
        .collect();
    let mut languages: Vec<(String, String)> = videos
        .iter()
        .map(|(_, v)| (v.language.clone(), i18n.language(&v.language)))
        .collect();
    topics.sort_unstable();
    topics.dedup();
    partners.sort_unstable();
    partners.dedup();
    languages.sort_unstable();
    languages.dedup();
    let topics: Vec<(String, String)> = topics.into_iter().map(|t| (t.clone(), t)).collect();
    let all: Vec<Video> = videos.iter().map(|(_, v)| (*v).clone()).collect();
    let none_match = move || !filters.with(|f| all.iter().any(|v| f.matches(v)));
    let form = view! {
        {filter_select(i18n, "video.filter.topic", "topic", &topics, filters)}
        {filter_select(i18n, "video.filter.partner", "partner", &partners, filters)}
        {filter_select(i18n, "video.filter.language", "language", &languages, filters)}
    };
    let ui = i18n.lang;
    let code = manifest.country.code.clone();
    let cards = videos.into_iter().enumerate().map(|(n, (page, video))| {
        let v = video.clone();
        let hidden = move || !filters.with(|f| f.matches(&v));
        // The first posters are on the first screen and the page's largest content: they
        // load with the page, before the app's download starts (which waits for the load
        // event) and would compete with them; lazy, they painted 3.9 s later on a
        // throttled phone. The rest load as the voter scrolls.
        let first = n < 2;
        let poster = video.poster.as_ref().map(|p| view! {
            <img src=format!("content/{code}/{p}") alt="" loading=(!first).then_some("lazy") fetchpriority=(n == 0).then_some("high") />
        });
        view! {
            <li class="video-card" hidden=hidden lang=page.lang.clone()>
                {poster}
                {details::series_label(i18n, video)}
                <h2><a href=Route::Page { lang: ui, country: code.clone(), section: Section::Videos, slug: page.slug.clone() }.href()>{page.title.clone()}</a></h2>
                {details::video_facts(i18n, video, video.partner.as_deref().map(partner_name))}
            </li>
        }
    });
    Some(view! {
        <form class="filters" aria-label=i18n.t("video.filter.label") on:submit=|ev| ev.prevent_default()>{form}</form>
        <p class="no-match" role="status" hidden=move || !none_match()>{i18n.t("video.filter.none")}</p>
        <ul class="video-grid">{cards.collect_view()}</ul>
    })
}

/// One filter: "All" or one of `options` (value, label); a change goes into the address,
/// replacing it, so the filtered list can be shared and survives a reload.
fn filter_select(
    i18n: &I18n,
    label: &'static str,
    key: &'static str,
    options: &[(String, String)],
    filters: RwSignal<Filters>,
) -> impl IntoView {
    let selected = move |value: &str| filters.with(|f| f.to_query().get(key) == Some(value));
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        filters.update(|f| {
            if let Some(field) = f.field(key) {
                *field = (!value.is_empty()).then_some(value);
            }
        });
        #[cfg(target_arch = "wasm32")]
        {
            let path = window().location().pathname().unwrap_or_default();
            crate::router::navigate(
                &format!("{path}{}", filters.with_untracked(|f| f.to_query())),
                true,
            );
        }
    };
    view! {
        <label>
            <span>{i18n.t(label)}</span>
            <select name=key on:change=on_change>
                <option value="">{i18n.t("video.filter.all")}</option>
                {options.iter().map(|(value, text)| {
                    let v = value.clone();
                    view! { <option value=value.clone() selected=move || selected(&v)>{text.clone()}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// The pages of one section as lists, grouped by kind under a heading each; `None` when it
/// has none.
fn section_groups(
    i18n: &I18n,
    code: &CountryCode,
    section: Section,
    pages: &[PageEntry],
) -> Option<impl IntoView> {
    let items: Vec<_> = pages
        .iter()
        .filter(|p| p.section == Some(section))
        .collect();
    if items.is_empty() {
        return None;
    }
    let ui = i18n.lang;
    // Official bodies and partners are grouped by kind (electoral authority, court, …), in
    // the order the kinds first appear; guides by topic once a topic has more than one
    // (one guide per topic is a short list, whose headings would repeat its titles); other
    // sections form one group without a heading.
    let mut groups: Vec<(Option<String>, Vec<&PageEntry>)> = Vec::new();
    for page in items {
        let kind = details::kind_label(i18n, page);
        match groups.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, members)) => members.push(page),
            None => groups.push((kind, vec![page])),
        }
    }
    if section == Section::Guides && groups.iter().all(|(_, members)| members.len() < 2) {
        let all = groups
            .into_iter()
            .flat_map(|(_, members)| members)
            .collect();
        groups = vec![(None, all)];
    }
    Some(view! {
            {groups.into_iter().map(|(kind, members)| view! {
                {kind.map(|k| view! { <h2 class="kind-heading">{k}</h2> })}
                <ul class="page-list">
                    {members.into_iter().map(|p| {
                        let href = Route::Page {
                            lang: ui,
                            country: code.clone(),
                            section,
                            slug: p.slug.clone(),
                        }
                        .href();
                        view! {
                            <li lang=p.lang.clone()>
                                <a href=href>{p.title.clone()}</a>
                                {p.summary.clone().map(|s| view! { <p>{s}</p> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }).collect_view()}
    })
}

pub fn section_title(i18n: &I18n, section: Section) -> String {
    i18n.t(match section {
        Section::Elections => "section.elections",
        Section::Resources => "section.resources",
        Section::Partners => "section.partners",
        Section::Guides => "section.guides",
        Section::Videos => "section.videos",
    })
}
