//! What each page kind shows beyond its text: an election's status and key dates, a
//! resource's or partner's link, a guide's contents, a video's facts and player.

use content::{
    Captions, Election, ElectionStatus, EventKind, PageEntry, Partner, PartnerKind, Resource, ResourceKind, TocEntry, Video,
    VideoSource,
};
use leptos::prelude::*;

use crate::format;

/// The kind-specific block of `entry`, a page of country `code` shown in `ui_lang`.
pub fn details(code: &str, ui_lang: &str, entry: &PageEntry) -> Option<AnyView> {
    let lang = entry.lang.as_str();
    if let Some(e) = &entry.election {
        let rerun_of = e.rerun_of.as_ref().map(|slug| format!("/{code}/elections/{slug}?lang={ui_lang}"));
        return Some(election(e, rerun_of, lang).into_any());
    }
    if let Some(r) = &entry.resource {
        return Some(resource(r).into_any());
    }
    if let Some(p) = &entry.partner {
        return Some(partner(p).into_any());
    }
    if let Some(v) = &entry.video {
        return Some(video(code, v, lang).into_any());
    }
    None
}

fn election(e: &Election, rerun_of: Option<String>, lang: &str) -> impl IntoView {
    let events = e.events.iter().map(|ev| {
        let label = ev.label.clone().unwrap_or_else(|| event_kind(ev.kind).to_owned());
        let when = match (&ev.date, &ev.start) {
            (Some(date), _) => view! { <time datetime=date.clone()>{format::date(date, lang)}</time> }.into_any(),
            (None, Some(start)) => view! {
                <time datetime=start.clone()>{format::instant(start, &ev.time_zone, lang)}</time>
                " "<span class="zone">"("{ev.time_zone.clone()}")"</span>
            }
            .into_any(),
            (None, None) => ().into_any(),
        };
        view! { <li><span class="event-label">{label}</span> {when}</li> }
    });
    view! {
        <section class="election-facts" aria-labelledby="key-dates">
            <p><span class=format!("status status-{}", status_class(e.status))>{status(e.status)}</span></p>
            {rerun_of.map(|href| view! { <p>"This election reruns "<a href=href>"the annulled election"</a>"."</p> })}
            <h2 id="key-dates">"Key dates"</h2>
            <ol class="timeline">{events.collect_view()}</ol>
        </section>
    }
}

fn resource(r: &Resource) -> impl IntoView {
    view! {
        <section class="kind-facts">
            <p class="kind-label">{resource_kind(r.kind)}</p>
            <p class="purpose">{r.purpose.clone()}</p>
            <p><a class="button external" href=r.url.clone() rel="external noopener noreferrer">"Go to the official site"</a></p>
        </section>
    }
}

fn partner(p: &Partner) -> impl IntoView {
    view! {
        <section class="kind-facts">
            <p class="kind-label">{partner_kind(p.kind)}</p>
            <p>"Publishes in: "{p.languages.join(", ")}</p>
            <p><a class="button external" href=p.url.clone() rel="external noopener noreferrer">"Visit their site"</a></p>
            {p.submit_claim_url.clone().map(|url| view! {
                <p><a class="external" href=url rel="external noopener noreferrer">"Send them a claim to check"</a></p>
            })}
        </section>
    }
}

fn video(code: &str, v: &Video, lang: &str) -> impl IntoView {
    let media = |path: &str| format!("content/{code}/{path}");
    let player = match &v.source {
        VideoSource::File { file, captions } => {
            let tracks = captions.iter().map(|Captions { lang, label, file }| view! { <track kind="captions" srclang=lang.clone() label=label.clone() src=media(file) /> });
            view! {
                <video class="player" controls preload="metadata" poster=v.poster.as_deref().map(media) lang=v.language.clone()>
                    <source src=media(file) type=if file.ends_with(".mp4") { "video/mp4" } else { "video/webm" } />
                    {tracks.collect_view()}
                </video>
            }
            .into_any()
        }
        VideoSource::External { url } => view! {
            <p><a class="button external" href=url.clone() rel="external noopener noreferrer">"Open the partner’s page"</a></p>
        }
        .into_any(),
    };
    view! {
        <section class="kind-facts video-facts">
            {player}
            <dl class="facts">
                {v.duration_seconds.map(|s| view! { <dt>"Duration"</dt><dd>{format::duration(s)}</dd> })}
                <dt>"Language"</dt><dd>{v.language.clone()}</dd>
                {v.published.clone().map(|day| view! { <dt>"Published"</dt><dd><time datetime=day.clone()>{format::date(&day, lang)}</time></dd> })}
            </dl>
        </section>
    }
}

/// An "On this page" list for long pages.
pub fn table_of_contents(toc: &[TocEntry]) -> Option<impl IntoView> {
    let entries: Vec<&TocEntry> = toc.iter().filter(|t| t.level == 2).collect();
    (entries.len() >= 3).then(|| {
        view! {
            <nav class="toc" aria-labelledby="toc-title">
                <h2 id="toc-title">"On this page"</h2>
                <ol>{entries.into_iter().map(|t| view! { <li><a href=format!("#{}", t.id)>{t.text.clone()}</a></li> }).collect_view()}</ol>
            </nav>
        }
    })
}

pub fn status(s: ElectionStatus) -> &'static str {
    match s {
        ElectionStatus::Upcoming => "Upcoming",
        ElectionStatus::InProgress => "Voting in progress",
        ElectionStatus::Held => "Held",
        ElectionStatus::Annulled => "Annulled",
        ElectionStatus::Rerun => "Rerun",
    }
}

fn status_class(s: ElectionStatus) -> &'static str {
    match s {
        ElectionStatus::Upcoming => "upcoming",
        ElectionStatus::InProgress => "in-progress",
        ElectionStatus::Held => "held",
        ElectionStatus::Annulled => "annulled",
        ElectionStatus::Rerun => "rerun",
    }
}

fn event_kind(k: EventKind) -> &'static str {
    match k {
        EventKind::Announcement => "Announcement",
        EventKind::RegistrationDeadline => "Registration deadline",
        EventKind::CampaignStart => "Campaign starts",
        EventKind::CampaignEnd => "Campaign ends",
        EventKind::VotingDay => "Voting day",
        EventKind::Results => "Results",
        EventKind::CourtRuling => "Court ruling",
        EventKind::Other => "Event",
    }
}

fn resource_kind(k: ResourceKind) -> &'static str {
    match k {
        ResourceKind::ElectoralAuthority => "Electoral authority",
        ResourceKind::GovernmentInformation => "Government information",
        ResourceKind::Regulator => "Regulator",
        ResourceKind::Court => "Court",
        ResourceKind::PoliceCyber => "Police and cybersecurity",
        ResourceKind::Other => "Official resource",
    }
}

fn partner_kind(k: PartnerKind) -> &'static str {
    match k {
        PartnerKind::FactChecker => "Fact-checker",
        PartnerKind::MediaLiteracy => "Media-literacy partner",
        PartnerKind::CivilSociety => "Civil-society organisation",
    }
}
