use std::sync::Arc;

use content::route::{Document, Route};
use content::{CountryCode, CountryManifest, ElectionStatus, PageEntry, Section, SiteIndex};
use leptos::prelude::*;

use crate::api::{self, LoadedPage};
use crate::components::{loaded, Breadcrumbs, PageArticle};
use crate::details;
use crate::head::set_head;
use crate::i18n::{use_i18n, I18n};

/// `/:lang/:country` (the country's hub) and `/:lang/:country/:section/:slug` (one of its
/// pages), in the interface's language when the country offers it, else in the country's own.
#[component]
pub fn CountryPage(
    country: CountryCode,
    section: Option<Section>,
    slug: Option<String>,
) -> impl IntoView {
    let lang = use_i18n().lang;
    let index = expect_context::<Arc<SiteIndex>>();
    let page = api::Latest::new();
    let fetch = move || {
        page.load(
            api::page(index.clone(), country.clone(), section, slug.clone(), lang),
            false,
        );
    };
    loaded(page, fetch, |page| loaded_view(page).into_any())
}

fn loaded_view(
    LoadedPage {
        manifest,
        entry,
        html,
    }: &LoadedPage,
) -> impl IntoView {
    let i18n = use_i18n();
    let ui = i18n.lang;
    let remembered = manifest.country.code.clone();
    Effect::new(move || crate::memory::save_country(&remembered));
    let CountryManifest { country, pages, .. } = manifest;
    let (entry, html) = (entry.clone(), html.clone());
    let name = country.name(ui.as_str()).to_owned();
    let code = country.code.clone();
    let description = entry.summary.clone().unwrap_or_else(|| entry.title.clone());
    let countries = (Route::Home { lang: ui }.href(), i18n.t("site.countries"));
    let (title, trail, current, before_body, sections, href) = match entry.section {
        None => {
            let sections = Section::ALL
                .into_iter()
                .filter_map(|s| section_list(&i18n, &code, s, pages))
                .collect_view();
            let next = next_election(&i18n, &code, pages).map(|v| v.into_any());
            let sections = view! { {sections} {hub_tools(&i18n, &code, &manifest.lang)} };
            let href = Route::Hub {
                lang: ui,
                country: code.clone(),
            }
            .href();
            (
                name.clone(),
                vec![countries],
                name,
                next,
                Some(sections),
                href,
            )
        }
        Some(section) => {
            let href = Route::Page {
                lang: ui,
                country: code.clone(),
                section,
                slug: entry.slug.clone(),
            }
            .href();
            let facts = view! { {details::table_of_contents(&i18n, &href, &entry.toc)} {details::details(&i18n, &code, &entry)} }.into_any();
            let hub = Route::Hub {
                lang: ui,
                country: code.clone(),
            };
            let trail = vec![countries, (hub.href(), name)];
            (
                entry.title.clone(),
                trail,
                section_title(&i18n, section),
                Some(facts),
                None,
                href,
            )
        }
    };
    set_head(Some(title), description);
    view! {
        <Breadcrumbs trail current />
        <PageArticle entry html href before_body=before_body.unwrap_or_else(|| ().into_any())>
            {sections}
        </PageArticle>
    }
}

/// Ways to take the guide along: the whole guide to print, what changed, the guide saved for
/// offline use, every key date as one calendar, the Atom feed. The first three are
/// pre-rendered pages (`Document`), the others files the content build writes in the
/// manifest's language (FEEDS.md): the browser opens them all. (The offline link shows only
/// where the offline worker may run: `style/main.css`, `data-offline`.)
fn hub_tools(i18n: &I18n, code: &CountryCode, lang: &str) -> impl IntoView {
    view! {
        <nav class="hub-tools" aria-label=i18n.t("hub.tools")>
            <ul>
                {Document::ALL.into_iter().map(|document| {
                    let href = Route::Document { lang: i18n.lang, country: code.clone(), document }.href();
                    view! { <li><a href=href>{i18n.t(document_label(document))}</a></li> }
                }).collect_view()}
                <li><a href=format!("content/{code}/{lang}/calendar.ics") download="">{i18n.t("hub.calendar")}</a></li>
                <li><a href=format!("content/{code}/{lang}/feed.atom") type="application/atom+xml">{i18n.t("hub.feed")}</a></li>
            </ul>
        </nav>
    }
}

/// The hub's link to a document.
fn document_label(document: Document) -> &'static str {
    match document {
        Document::Print => "hub.print",
        Document::Changes => "hub.changes",
        Document::Offline => "offline.link",
        Document::Search => "search.link",
    }
}

/// The hub's first word on elections: the current or next one (by its status) with a live
/// countdown, or, when none is coming, that none is and which was the most recent.
fn next_election(i18n: &I18n, code: &CountryCode, pages: &[PageEntry]) -> Option<impl IntoView> {
    let elections: Vec<(&PageEntry, &content::Election)> = pages
        .iter()
        .filter_map(|p| Some((p, p.election.as_ref()?)))
        .collect();
    let last_date = |e: &content::Election| {
        e.events
            .last()
            .and_then(|ev| ev.start.clone().or_else(|| ev.date.clone()))
    };
    let coming = elections.iter().find(|(_, e)| {
        matches!(
            e.status,
            ElectionStatus::Upcoming | ElectionStatus::InProgress
        )
    });
    let (page, election) = coming.or_else(|| elections.iter().max_by_key(|(_, e)| last_date(e)))?;
    let heading = if coming.is_some() {
        "hub.next_election"
    } else {
        "hub.no_upcoming"
    };
    let href = Route::Page {
        lang: i18n.lang,
        country: code.clone(),
        section: Section::Elections,
        slug: page.slug.clone(),
    }
    .href();
    Some(view! {
        <section class="next-election" aria-labelledby="next-election">
            <h2 id="next-election">{i18n.t(heading)}</h2>
            <p>{details::status_badge(i18n, election.status)}" "<a href=href>{page.title.clone()}</a></p>
            {details::countdown(i18n, election.events.clone())}
        </section>
    })
}

/// A section on the hub: its title, a link to the section's own page, its pages.
fn section_list(
    i18n: &I18n,
    code: &CountryCode,
    section: Section,
    pages: &[PageEntry],
) -> Option<impl IntoView> {
    let groups = section_groups(i18n, code, section, pages, false)?;
    let title = section_title(i18n, section);
    let href = Route::Section {
        lang: i18n.lang,
        country: code.clone(),
        section,
    }
    .href();
    Some(view! {
        <section class="hub-section" aria-labelledby=format!("section-{}", section.dir())>
            <h2 id=format!("section-{}", section.dir())><a href=href>{title}</a></h2>
            {groups}
        </section>
    })
}

/// The pages of one section as lists, grouped by kind; `None` when it has none. The kinds
/// are named on the section's own page (`top`), under its `<h1>`; the hub, which is for a
/// first look, only keeps their order.
pub fn section_groups(
    i18n: &I18n,
    code: &CountryCode,
    section: Section,
    pages: &[PageEntry],
    top: bool,
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
    // the order the kinds first appear; other sections form one group without a heading.
    let mut groups: Vec<(Option<String>, Vec<&PageEntry>)> = Vec::new();
    for page in items {
        let kind = details::kind_label(i18n, page);
        match groups.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, members)) => members.push(page),
            None => groups.push((kind, vec![page])),
        }
    }
    Some(view! {
            {groups.into_iter().map(|(kind, members)| view! {
                {kind.filter(|_| top).map(|k| view! { <h2 class="kind-heading">{k}</h2> })}
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
