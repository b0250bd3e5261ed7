//! The pages only the pre-renderer writes (`content::route::Document`), drawn natively
//! from the built files with the app's own components. The browser loads them as plain
//! pages (without the app: `prerender.rs`), so they cost the voter's wasm nothing.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use content::changes::{Aspect, ChangeKind};
use content::route::{Document, Route};
use content::{CountryCode, CountryManifest, Section, SiteIndex};
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;

use crate::api::{self, LoadedPage};
use crate::components::{Breadcrumbs, NotFound, PageArticle};
use crate::details;
use crate::head::set_head;
use crate::i18n::{use_i18n, I18n};
use crate::routes::section::section_title;

/// The document `document` of `country`, in the interface's language.
pub fn view(country: CountryCode, document: Document) -> AnyView {
    let i18n = use_i18n();
    let index = expect_context::<Arc<SiteIndex>>();
    let Ok(manifest) = at_hand(api::country_manifest(&index, &country, i18n.lang)) else {
        return NotFound().into_any();
    };
    match document {
        Document::Print => booklet(&i18n, &index, &manifest).into_any(),
        Document::Changes => changes(&i18n, &manifest).into_any(),
        Document::Offline => offline(&i18n, &manifest).into_any(),
        Document::Search => search(&i18n, &manifest).into_any(),
    }
}

/// Natively every file is at hand, so a load answers at its first poll.
pub(crate) fn at_hand<T>(load: impl Future<Output = T>) -> T {
    match pin!(load).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(answer) => answer,
        Poll::Pending => unreachable!("natively every file of the build is at hand"),
    }
}

/// A country's whole guide on one page, to print as a booklet: its hub, then every page of
/// every section, each starting on a new sheet (`style/main.css`, `@media print`), with a
/// contents list. Each page is the article the app shows for it; their ids are made unique
/// in the booklet (two pages can both have a "How to vote" heading or a source 1).
fn booklet(i18n: &I18n, index: &Arc<SiteIndex>, manifest: &CountryManifest) -> impl IntoView {
    let code = manifest.country.code.clone();
    let name = manifest.country.name(i18n.lang.as_str()).to_owned();
    let here = Route::Document {
        lang: i18n.lang,
        country: code.clone(),
        document: Document::Print,
    }
    .href();
    let hub = Route::Hub {
        lang: i18n.lang,
        country: code.clone(),
    };
    let mut contents = Vec::new();
    let mut articles = String::new();
    let keys = std::iter::once((None, None)).chain(
        Section::ALL
            .into_iter()
            .flat_map(|s| manifest.pages.iter().filter(move |p| p.section == Some(s)))
            .map(|p| (p.section, Some(p.slug.clone()))),
    );
    for (n, (section, slug)) in keys.enumerate() {
        let Ok(page) = at_hand(api::page(
            index.clone(),
            code.clone(),
            section,
            slug,
            i18n.lang,
        )) else {
            continue;
        };
        let id = format!("page-{n}");
        let heading = section.map(|s| section_title(i18n, s));
        contents.push((id.clone(), heading, page.entry.title.clone()));
        articles.push_str(&article_html(&page, &here, &id));
    }
    set_head(
        Some(i18n.tf("print.title", &[("country", &name)])),
        i18n.tf("print.description", &[("country", &name)]),
    );
    view! {
        <Breadcrumbs trail=vec![(hub.href(), name.clone())] current=i18n.t("hub.print") />
        <div class="booklet">
            <header class="booklet-cover">
                <h1>{i18n.tf("print.title", &[("country", &name)])}</h1>
                <p class="print-hint">{i18n.t("print.hint")}</p>
            </header>
            <nav class="booklet-contents" aria-labelledby="contents-title">
                <h2 id="contents-title">{i18n.t("print.contents")}</h2>
                <ol>
                    {contents.into_iter().map(|(id, section, title)| view! {
                        <li>
                            {section.map(|s| view! { <span class="contents-section">{s}": "</span> })}
                            <a href=format!("{here}#{id}")>{title}</a>
                        </li>
                    }).collect_view()}
                </ol>
            </nav>
            <div inner_html=articles></div>
        </div>
    }
}

/// One page's article as the app draws it (with its kind's facts), its ids prefixed with
/// `id` and its in-page links pointing into the booklet.
fn article_html(page: &LoadedPage, booklet: &str, id: &str) -> String {
    let i18n = use_i18n();
    let entry = page.entry.clone();
    let facts = details::details(&i18n, &page.manifest.country.code, &entry);
    // An empty href makes the body's in-page links bare (`#h-…`), to be pointed here.
    let article = view! {
        <PageArticle entry html=page.html.clone() href=String::new() before_body=facts.unwrap_or_else(|| ().into_any()) />
    }
    .to_html()
    .replace("id=\"", &format!("id=\"{id}-"))
    // A page's named regions ("Key dates") would repeat from page to page, and landmarks
    // must be told apart: in the booklet they are plain sections.
    .replace(" aria-labelledby=\"", " data-labelledby=\"")
    .replace("href=\"#", &format!("href=\"{booklet}#{id}-"));
    format!(
        "<section class=\"booklet-page\" id=\"{id}\">{}</section>",
        demote_headings(&article)
    )
}

/// Every heading one level down (`h1` → `h2`, …; `h6` stays), so the booklet has one `h1`,
/// its own, and each page's outline sits under it.
fn demote_headings(html: &str) -> String {
    (1..=5).rev().fold(html.to_owned(), |html, level| {
        html.replace(&format!("<h{level}"), &format!("<h{}", level + 1))
            .replace(&format!("</h{level}>"), &format!("</h{}>", level + 1))
    })
}

/// What changed in a country's guide, build by build (`changes.json`, written by the content
/// build against the previous one), newest first, grouped by day; and where to follow it.
fn changes(i18n: &I18n, manifest: &CountryManifest) -> impl IntoView {
    let code = manifest.country.code.clone();
    let name = manifest.country.name(i18n.lang.as_str()).to_owned();
    let log = at_hand(api::change_log(&code, &manifest.lang)).ok();
    let entries = log.map(|l| l.entries).unwrap_or_default();
    let mut days: Vec<(String, Vec<_>)> = Vec::new();
    for change in entries {
        match days.last_mut() {
            Some((day, list)) if *day == change.date => list.push(change),
            _ => days.push((change.date.clone(), vec![change])),
        }
    }
    let hub = Route::Hub {
        lang: i18n.lang,
        country: code.clone(),
    };
    let feed = format!("content/{code}/{}/feed.atom", manifest.lang);
    let title = i18n.tf("changes.title", &[("country", &name)]);
    set_head(
        Some(title.clone()),
        i18n.tf("changes.description", &[("country", &name)]),
    );
    let what = |changed: &[Aspect]| {
        changed
            .iter()
            .map(|a| i18n.t(aspect_key(*a)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    view! {
        <Breadcrumbs trail=vec![(hub.href(), name.clone())] current=i18n.t("hub.changes") />
        <article class="changes">
            <header>
                <h1>{title}</h1>
                <p class="lead">{i18n.tf("changes.description", &[("country", &name)])}</p>
                <p><a href=feed type="application/atom+xml">{i18n.t("hub.feed")}</a></p>
            </header>
            {days.is_empty().then(|| view! { <p>{i18n.t("changes.none")}</p> })}
            {days.into_iter().map(|(day, list)| view! {
                <section aria-label=i18n.date(&day)>
                    <h2><time datetime=day.clone()>{i18n.date(&day)}</time></h2>
                    <ul class="page-list">
                        {list.into_iter().map(|c| {
                            let kind = match c.kind {
                                ChangeKind::Added => i18n.t("changes.added"),
                                ChangeKind::Removed => i18n.t("changes.removed"),
                                ChangeKind::Reviewed => i18n.t("changes.reviewed"),
                                ChangeKind::Updated => i18n.tf("changes.updated", &[("what", &what(&c.changed))]),
                            };
                            let page = match c.section {
                                None => hub.clone(),
                                Some(section) => Route::Page { lang: i18n.lang, country: code.clone(), section, slug: c.slug.clone() },
                            };
                            let title = if c.kind == ChangeKind::Removed {
                                view! { <span>{c.title}</span> }.into_any()
                            } else {
                                view! { <a href=page.href()>{c.title}</a> }.into_any()
                            };
                            view! { <li><span lang=c.lang>{title}</span><p>{kind}</p></li> }
                        }).collect_view()}
                    </ul>
                </section>
            }).collect_view()}
        </article>
    }
}

/// Saving a country's guide on this device, to read without a connection: what is saved, in
/// words, and the controls, which the page's own script (`scripts/offline/page.js`, added by
/// `scripts/offline.mjs`) shows and runs: it reads the build's list of the files to save
/// and their sizes (`offline/<country>/<lang>.json`), saves them where the offline worker
/// finds them, and says how it went with the texts given here. Without that script, or in a
/// browser (or app) that cannot save, the page says so instead.
fn offline(i18n: &I18n, manifest: &CountryManifest) -> impl IntoView {
    let code = manifest.country.code.clone();
    let name = manifest.country.name(i18n.lang.as_str()).to_owned();
    let hub = Route::Hub {
        lang: i18n.lang,
        country: code.clone(),
    };
    let title = i18n.tf("offline.title", &[("country", &name)]);
    set_head(
        Some(title.clone()),
        i18n.tf("offline.description", &[("country", &name)]),
    );
    let videos = manifest
        .pages
        .iter()
        .any(|p| p.section == Some(Section::Videos));
    view! {
        <Breadcrumbs trail=vec![(hub.href(), name.clone())] current=i18n.t("offline.link") />
        <article class="offline">
            <header>
                <h1>{title}</h1>
                <p class="lead">{i18n.t("offline.intro")}</p>
            </header>
            <p>{i18n.t("offline.contents")}</p>
            <div
                class="offline-save"
                hidden=""
                data-country=code.to_string()
                data-lang=i18n.lang.as_str()
                data-size=i18n.t("offline.size")
                data-saved=i18n.t("offline.saved")
                data-not-saved=i18n.t("offline.not_saved")
                data-outdated=i18n.t("offline.outdated")
                data-failed=i18n.t("offline.failed")
                data-unsupported=i18n.t("offline.unsupported")
            >
                {videos.then(|| view! {
                    <p><label><input type="checkbox" class="offline-videos" />" "{i18n.t("offline.videos")}" "<span class="offline-video-size"></span></label></p>
                })}
                <p class="offline-size"></p>
                <p class="offline-actions">
                    <button type="button" class="offline-save-button">{i18n.t("offline.save")}</button>
                    " "
                    <button type="button" class="offline-remove" hidden="">{i18n.t("offline.remove")}</button>
                </p>
                <p class="offline-progress" hidden="">
                    <label>{i18n.t("offline.saving")}" "<progress max="1" value="0"></progress></label>
                </p>
            </div>
            <p class="offline-status" role="status"></p>
            <noscript><p>{i18n.t("offline.needs_script")}</p></noscript>
        </article>
    }
}

/// Where every search form leads (`?q=`). Without JavaScript the form never leads nowhere:
/// this page lists every page of the guide by section. With it, the search script
/// (`scripts/search/ui.js`, which `scripts/search.mjs` adds to these pages alone) reads
/// `q`, fills the field and lists the results above, with their count in a status line.
fn search(i18n: &I18n, manifest: &CountryManifest) -> impl IntoView {
    let code = manifest.country.code.clone();
    let name = manifest.country.name(i18n.lang.as_str()).to_owned();
    let hub = Route::Hub {
        lang: i18n.lang,
        country: code.clone(),
    };
    let here = Route::Document {
        lang: i18n.lang,
        country: code.clone(),
        document: Document::Search,
    };
    let title = i18n.tf("search.title", &[("country", &name)]);
    set_head(
        Some(title.clone()),
        i18n.tf("search.description", &[("country", &name)]),
    );
    // A page shown in another language than the interface's says so, and is marked.
    let link = |href: String, entry: &content::PageEntry| {
        let other = (entry.lang != manifest.lang).then(|| entry.lang.clone());
        view! {
            <li>
                <a href=href lang=other.clone()>{entry.title.clone()}</a>
                {other.map(|l| view! { " " <span class="search-lang">"("{i18n.language(&l)}")"</span> })}
            </li>
        }
    };
    let sections = Section::ALL
        .into_iter()
        .filter_map(|section| {
            let pages: Vec<_> = manifest
                .pages
                .iter()
                .filter(|p| p.section == Some(section))
                .collect();
            (!pages.is_empty()).then(|| {
                let id = format!("search-{}", section.dir());
                let labelledby = id.clone();
                view! {
                    <section aria-labelledby=labelledby>
                        <h3 id=format!("search-{}", section.dir())>{section_title(i18n, section)}</h3>
                        <ul>
                            {pages.into_iter().map(|p| link(Route::Page {
                                lang: i18n.lang,
                                country: code.clone(),
                                section,
                                slug: p.slug.clone(),
                            }.href(), p)).collect_view()}
                        </ul>
                    </section>
                }
            })
        })
        .collect_view();
    view! {
        <Breadcrumbs trail=vec![(hub.href(), name.clone())] current=i18n.t("search.link") />
        <article class="search-page">
            <header>
                <h1 id="search-title">{title}</h1>
            </header>
            // Named, as the header's search landmark is not: two of one kind need names.
            <form class="search-form search-page-form" role="search" aria-labelledby="search-title" action=here.href() method="get">
                <label for="search-page-q">{i18n.t("search.label")}</label>
                " "
                <input id="search-page-q" type="search" name="q" autocomplete="off" enterkeyhint="search" />
                " "
                <button type="submit">{i18n.t("search.submit")}</button>
            </form>
            <p class="search-count" role="status"></p>
            <ol class="search-results" hidden=""></ol>
            <h2 id="search-all">{i18n.t("search.all_pages")}</h2>
            <p>{i18n.t("search.browse")}</p>
            <ul>{link(hub.href(), &manifest.hub)}</ul>
            {sections}
        </article>
    }
}

/// The interface text that names a changed part of a page.
fn aspect_key(aspect: Aspect) -> &'static str {
    match aspect {
        Aspect::Reviewed => "changes.aspect.reviewed",
        Aspect::Language => "changes.aspect.language",
        Aspect::Title => "changes.aspect.title",
        Aspect::Summary => "changes.aspect.summary",
        Aspect::Events => "changes.aspect.events",
        Aspect::Status => "changes.aspect.status",
        Aspect::Body => "changes.aspect.body",
        Aspect::Sources => "changes.aspect.sources",
        Aspect::Details => "changes.aspect.details",
    }
}

#[cfg(test)]
mod tests {
    use super::demote_headings;

    #[test]
    fn headings_move_one_level_down_once() {
        assert_eq!(
            demote_headings("<h1 id=\"a\">A</h1><h2>B</h2><h5>C</h5><h6>D</h6><hr>"),
            "<h2 id=\"a\">A</h2><h3>B</h3><h6>C</h6><h6>D</h6><hr>"
        );
    }
}
