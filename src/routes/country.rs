use std::sync::Arc;

use content::route::{Document, Route};
use content::{
    CountryCode, CountryManifest, ElectionStatus, PageEntry, ResourceKind, Section, SiteIndex,
};
use leptos::prelude::*;

use crate::api::{self, LoadedPage};
use crate::components::{loaded, Breadcrumbs, PageArticle};
use crate::details;
use crate::head::set_head;
use crate::i18n::{use_i18n, I18n};
use crate::routes::section::section_title;

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
    let (mut entry, html) = (entry.clone(), html.clone());
    let name = country.name(ui.as_str()).to_owned();
    let code = country.code.clone();
    let description = entry.summary.clone().unwrap_or_else(|| entry.title.clone());
    let countries = (Route::Home { lang: ui }.href(), i18n.t("site.countries"));
    let (title, trail, current, before_body, sections, href) = match entry.section {
        None => {
            // The glance says it, on a phone's first screen: the summary stays the page's
            // description.
            entry.summary = None;
            let glance =
                view! { {glance(&i18n, &code, pages)} {section_index(&i18n, &code, pages)} }
                    .into_any();
            let sections = hub_tools(&i18n, &code, &manifest.lang);
            let href = Route::Hub {
                lang: ui,
                country: code.clone(),
            }
            .href();
            (
                name.clone(),
                vec![countries],
                name,
                Some(glance),
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
    let mut items: Vec<Link> = Document::ALL
        .into_iter()
        .map(|document| {
            let href = Route::Document {
                lang: i18n.lang,
                country: code.clone(),
                document,
            }
            .href();
            Link::new(href, i18n.t(document_label(document)))
        })
        .collect();
    items.push(Link {
        download: Some(""),
        ..Link::new(
            format!("content/{code}/{lang}/calendar.ics"),
            i18n.t("hub.calendar"),
        )
    });
    items.push(Link {
        mime: Some("application/atom+xml"),
        ..Link::new(
            format!("content/{code}/{lang}/feed.atom"),
            i18n.t("hub.feed"),
        )
    });
    links("hub-tools", i18n.t("hub.tools"), items)
}

/// One link of a [`links`] list.
struct Link {
    href: String,
    text: String,
    /// The text's language, where it may differ from the interface's.
    lang: Option<String>,
    download: Option<&'static str>,
    mime: Option<&'static str>,
}

impl Link {
    fn new(href: String, text: String) -> Self {
        Link {
            href,
            text,
            lang: None,
            download: None,
            mime: None,
        }
    }
}

/// A list of links under its heading. The hub's three lists (where to check, the sections,
/// the tools) share it: each distinct view costs the voter's wasm its own code.
fn links(class: &'static str, heading: String, items: Vec<Link>) -> impl IntoView {
    let id = format!("list-{class}");
    view! {
        <nav class=class aria-labelledby=id.clone()>
            <h2 id=format!("list-{class}")>{heading}</h2>
            <ul>
                {items.into_iter().map(|l| view! {
                    <li lang=l.lang><a href=l.href download=l.download type=l.mime>{l.text}</a></li>
                }).collect_view()}
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

/// The hub's first screen: the three questions a voter comes with. When (the current or
/// next election by its status, with a live countdown; else the most recent), how to vote
/// (the election's `how_to_vote`, when its page has one) and where to check (the electoral
/// authorities among the official resources). Each links to the page that says the rest.
fn glance(i18n: &I18n, code: &CountryCode, pages: &[PageEntry]) -> impl IntoView {
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
            // A rerun is one still to be held (CONTENT.md): `held` once it has been.
            ElectionStatus::Upcoming | ElectionStatus::InProgress | ElectionStatus::Rerun
        )
    });
    let watched = coming.or_else(|| elections.iter().max_by_key(|(_, e)| last_date(e)));
    let coming = coming.is_some();
    let heading = if coming {
        "hub.next_election"
    } else {
        "hub.no_upcoming"
    };
    let page_href = |section, slug: &str| {
        Route::Page {
            lang: i18n.lang,
            country: code.clone(),
            section,
            slug: slug.to_owned(),
        }
        .href()
    };
    let when = watched.map(|(page, election)| {
        let href = page_href(Section::Elections, &page.slug);
        let how = election.how_to_vote.clone().map(|how| view! {
            <section class="how-to-vote" aria-labelledby="how-to-vote">
                <h2 id="how-to-vote">{i18n.t("hub.how_to_vote")}</h2>
                <p><span lang=page.lang.clone()>{how}</span>" "<a href=href.clone()>{i18n.t("hub.how_details")}</a></p>
            </section>
        });
        view! {
            <section class="next-election" aria-labelledby="next-election">
                <h2 id="next-election">{i18n.t(heading)}</h2>
                <p>{details::status_badge(i18n, election.status)}" "<a href=href.clone() lang=page.lang.clone()>{page.title.clone()}</a></p>
                {coming.then(|| details::countdown(i18n, election.events.clone()))}
            </section>
            {how}
        }
    });
    let authorities: Vec<Link> = pages
        .iter()
        .filter(|p| {
            p.resource
                .as_ref()
                .is_some_and(|r| r.kind == ResourceKind::ElectoralAuthority)
        })
        .map(|p| Link {
            lang: Some(p.lang.clone()),
            ..Link::new(page_href(Section::Resources, &p.slug), p.title.clone())
        })
        .collect();
    let check = (!authorities.is_empty())
        .then(|| links("where-to-check", i18n.t("hub.where_to_check"), authorities));
    view! { <div class="glance">{when}{check}</div> }
}

/// The way into each section: its title and how many pages it has. The lists themselves
/// are on the section pages, which keeps the hub about two phone screens long.
fn section_index(i18n: &I18n, code: &CountryCode, pages: &[PageEntry]) -> impl IntoView {
    let items = Section::ALL
        .into_iter()
        .filter_map(|section| {
            let count = pages.iter().filter(|p| p.section == Some(section)).count();
            let href = Route::Section {
                lang: i18n.lang,
                country: code.clone(),
                section,
            }
            .href();
            let text = format!(
                "{} ({})",
                section_title(i18n, section),
                i18n.digits(&count.to_string())
            );
            (count > 0).then(|| Link::new(href, text))
        })
        .collect();
    links("hub-sections", i18n.t("hub.in_this_guide"), items)
}
