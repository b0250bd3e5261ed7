//! What each page kind shows beyond its text: an election's status and key dates, a
//! resource's or partner's link, a guide's contents, a video's facts and player. Labels are
//! in the interface's language; dates are formatted for it.

use content::countdown::{next_event, Until};
use content::route::Route;
use content::{
    Captions, CountryCode, Election, ElectionEvent, ElectionStatus, EventKind, GuideTopic,
    PageEntry, Partner, PartnerKind, Resource, ResourceKind, Section, TocEntry, Video, VideoSource,
};
use leptos::prelude::*;

use crate::i18n::I18n;
use content::format;

/// The kind-specific block of `entry`, a page of country `code`.
pub fn details(i18n: &I18n, code: &CountryCode, entry: &PageEntry) -> Option<AnyView> {
    if let Some(e) = &entry.election {
        let rerun_of = e.rerun_of.as_ref().map(|slug| {
            Route::Page {
                lang: i18n.lang,
                country: code.clone(),
                section: Section::Elections,
                slug: slug.clone(),
            }
            .href()
        });
        // Calendar files are written by the build beside the page, one per event.
        let calendars = format!("content/{code}/{}/elections/{}", entry.lang, entry.slug);
        return Some(election(i18n, e, rerun_of, &calendars).into_any());
    }
    if let Some(r) = &entry.resource {
        return Some(resource(i18n, r).into_any());
    }
    if let Some(p) = &entry.partner {
        return Some(partner(i18n, p).into_any());
    }
    if let Some(v) = &entry.video {
        return Some(video(i18n, code, &entry.title, v).into_any());
    }
    None
}

fn election(i18n: &I18n, e: &Election, rerun_of: Option<String>, calendars: &str) -> impl IntoView {
    let add = i18n.t("election.add_to_calendar");
    let events = e.events.iter().enumerate().map(|(n, ev)| {
        let label = event_label(i18n, ev);
        let when = match (&ev.date, &ev.start) {
            (Some(date), _) => {
                view! { <time datetime=date.clone()>{i18n.date(date)}</time> }.into_any()
            }
            (None, Some(start)) => view! {
                <time datetime=start.clone()>{i18n.date(ev.local_start.as_deref().unwrap_or(start))}</time>
                " "<span class="zone">"("{ev.time_zone.clone()}")"</span>
                {voter_time(i18n, start, &ev.time_zone)}
            }
            .into_any(),
            (None, None) => ().into_any(),
        };
        let ics = format!("{calendars}/{n}.ics");
        view! {
            <li>
                <span class="event-label">{label}</span> {when}
                " "<a class="ics" href=ics download="">{add.clone()}</a>
            </li>
        }
    });
    view! {
        <section class="election-facts" aria-labelledby="key-dates">
            <p>{status_badge(i18n, e.status)}</p>
            {rerun_of.map(|href| view! { <p><a href=href>{i18n.t("election.reruns")}</a></p> })}
            <h2 id="key-dates">{i18n.t("election.key_dates")}</h2>
            {countdown(i18n, e.events.clone())}
            <ol class="timeline">{events.collect_view()}</ol>
            <p><a class="ics" href=format!("{calendars}.ics") download="">{i18n.t("election.add_all")}</a></p>
        </section>
    }
}

/// The clock, read once the app has started (never in the first render, which must equal
/// the pre-rendered page) and every 30 seconds after: the instant and the voter's date.
/// The instant (ms since 1970, UTC) and the voter's calendar date (year, month, day).
type Now = (i64, (i32, u32, u32));

fn clock() -> RwSignal<Option<Now>> {
    let now = RwSignal::new(None);
    #[cfg(target_arch = "wasm32")]
    {
        let read = move || {
            let d = js_sys::Date::new_0();
            now.set(Some((
                d.get_time() as i64,
                (d.get_full_year() as i32, d.get_month() + 1, d.get_date()),
            )));
        };
        Effect::new(read);
        if let Ok(handle) = set_interval_with_handle(read, std::time::Duration::from_secs(30)) {
            on_cleanup(move || handle.clear());
        }
    }
    now
}

/// "Next: First round, in 3 days." (or that every date has passed), filled in once the app
/// runs. The line's height is reserved (CSS), so filling it moves nothing.
pub fn countdown(i18n: &I18n, events: Vec<ElectionEvent>) -> impl IntoView {
    let now = clock();
    let i18n = i18n.clone();
    let text = move || {
        let (now_ms, today) = now.get()?;
        Some(match next_event(&events, now_ms, today) {
            None => i18n.t("election.countdown.passed"),
            Some((event, until)) => {
                let when = match until {
                    Until::Now => i18n.t("election.countdown.today"),
                    Until::Days(n) => i18n.tn("election.countdown.days", n as usize),
                    Until::Time { hours, minutes } => i18n.tf(
                        "election.countdown.time",
                        &[
                            ("hours", &i18n.digits(&hours.to_string())),
                            ("minutes", &i18n.digits(&minutes.to_string())),
                        ],
                    ),
                };
                i18n.tf(
                    "election.countdown.next",
                    &[("event", &event_label(&i18n, event)), ("when", &when)],
                )
            }
        })
    };
    view! { <p class="countdown" role="timer" data-after-start="">{text}</p> }
}

/// A timed event's time in the voter's own zone, when it is not the election's; known
/// only in the browser, so added once the app runs.
fn voter_time(i18n: &I18n, utc: &str, zone: &str) -> impl IntoView {
    let shown = RwSignal::new(None::<String>);
    #[cfg(target_arch = "wasm32")]
    {
        let (utc, zone, i18n) = (utc.to_owned(), zone.to_owned(), i18n.clone());
        Effect::new(move || {
            if let Some(time) = crate::intl::in_voter_zone(&utc, &zone, i18n.lang.as_str()) {
                shown.set(Some(i18n.tf("election.your_time", &[("time", &time)])));
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (i18n, utc, zone);
    move || {
        shown
            .get()
            .map(|t| view! { " "<span class="your-time" data-after-start="">"("{t}")"</span> })
    }
}

fn event_label(i18n: &I18n, ev: &ElectionEvent) -> String {
    ev.label
        .clone()
        .unwrap_or_else(|| i18n.t(event_key(ev.kind)))
}

fn resource(i18n: &I18n, r: &Resource) -> impl IntoView {
    view! {
        <section class="kind-facts">
            <p class="kind-label">{i18n.t(resource_key(r.kind))}</p>
            <p class="purpose">{r.purpose.clone()}</p>
            <p><a class="button external" href=r.url.clone() rel="external noopener noreferrer">{i18n.t("resource.official_site")}</a></p>
        </section>
    }
}

fn partner(i18n: &I18n, p: &Partner) -> impl IntoView {
    let languages: Vec<String> = p.languages.iter().map(|l| i18n.language(l)).collect();
    view! {
        <section class="kind-facts">
            <p class="kind-label">{i18n.t(partner_key(p.kind))}</p>
            <p>{i18n.tf("partner.publishes_in", &[("languages", &languages.join(", "))])}</p>
            <p><a class="button external" href=p.url.clone() rel="external noopener noreferrer">{i18n.t("partner.visit")}</a></p>
            {p.submit_claim_url.clone().map(|url| view! {
                <p><a class="external" href=url rel="external noopener noreferrer">{i18n.t("partner.submit_claim")}</a></p>
            })}
        </section>
    }
}

/// A pre-rendered page's player loads nothing until played: the app replaces it when it
/// takes the page over, which would cut a download already under way.
const PRELOAD: &str = if cfg!(target_arch = "wasm32") {
    "metadata"
} else {
    "none"
};

fn video(i18n: &I18n, code: &CountryCode, title: &str, v: &Video) -> impl IntoView {
    let media = |path: &str| format!("content/{code}/{path}");
    let poster = v.poster.as_deref().map(media);
    let player = match &v.source {
        VideoSource::File { file, captions } => {
            let tracks = captions.iter().map(|Captions { lang, label, file }| view! { <track kind="captions" srclang=lang.clone() label=label.clone() src=media(file) /> });
            view! {
                <video class="player" controls preload=PRELOAD poster=poster lang=v.language.clone()>
                    <source src=media(file) type=if file.ends_with(".mp4") { "video/mp4" } else { "video/webm" } />
                    {tracks.collect_view()}
                </video>
            }
            .into_any()
        }
        VideoSource::External { url, player } => {
            let shown = match player {
                Some(player) => facade(i18n, title, player, poster).into_any(),
                None => poster
                    .map(|src| view! { <img class="poster" src=src alt="" /> })
                    .into_any(),
            };
            view! {
                {shown}
                <p><a class="button external" href=url.clone() rel="external noopener noreferrer">{i18n.t("video.partner_page")}</a></p>
            }
            .into_any()
        }
    };
    view! {
        <section class="kind-facts video-facts">
            {series_label(i18n, v)}
            {player}
            {video_facts(i18n, v, None)}
        </section>
    }
}

/// A partner's player behind its poster, loaded only when the voter asks: until then
/// nothing is requested from the partner's host, which the button names. The boot script
/// (scripts/boot.mjs, `player`) puts the player in the facade's box on a click; without
/// scripts the facade is a link to the player itself.
fn facade(i18n: &I18n, title: &str, player: &str, poster: Option<String>) -> impl IntoView {
    let host =
        content::url::https_origin(player).map_or(player, |origin| &origin["https://".len()..]);
    view! {
        <div class="facade">
            <a href=player.to_owned() rel="external noopener noreferrer" data-title=title.to_owned()>
                {poster.map(|src| view! { <img src=src alt="" /> })}
                <span class="button">{i18n.tf("video.play_from", &[("host", host)])}</span>
            </a>
        </div>
    }
}

/// "Video series", above a series' facts.
pub fn series_label(i18n: &I18n, v: &Video) -> Option<impl IntoView> {
    v.series
        .then(|| view! { <p class="kind-label">{i18n.t("video.series")}</p> })
}

/// What a voter wants to know before playing: the partner (on the video list, where cards
/// stand side by side), its length, spoken language and captions,
/// and when it came out. Facts not known are left out.
pub fn video_facts(i18n: &I18n, v: &Video, partner: Option<String>) -> impl IntoView {
    let captions = match &v.source {
        VideoSource::File { captions, .. } if !captions.is_empty() => Some(
            captions
                .iter()
                .map(|c| c.label.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    };
    view! {
        <dl class="facts">
            {partner.map(|p| view! { <dt>{i18n.t("video.partner")}</dt><dd>{p}</dd> })}
            {v.duration_seconds.map(|s| view! { <dt>{i18n.t("video.duration")}</dt><dd>{i18n.digits(&format::duration(s))}</dd> })}
            <dt>{i18n.t("video.language")}</dt><dd>{i18n.language(&v.language)}</dd>
            {captions.map(|c| view! { <dt>{i18n.t("video.captions")}</dt><dd>{c}</dd> })}
            {v.published.clone().map(|day| view! { <dt>{i18n.t("video.published")}</dt><dd><time datetime=day.clone()>{i18n.date(&day)}</time></dd> })}
        </dl>
    }
}

/// An "On this page" list for long pages. `page` is the page's own href: a bare `#id`
/// would resolve against `<base href>`, the site's root, not this page.
pub fn table_of_contents(i18n: &I18n, page: &str, toc: &[TocEntry]) -> Option<impl IntoView> {
    let entries: Vec<&TocEntry> = toc.iter().filter(|t| t.level == 2).collect();
    (entries.len() >= 3).then(|| {
        view! {
            <nav class="toc" aria-labelledby="toc-title">
                <h2 id="toc-title">{i18n.t("page.on_this_page")}</h2>
                <ol>{entries.into_iter().map(|t| view! { <li><a href=format!("{page}#{}", t.id)>{t.text.clone()}</a></li> }).collect_view()}</ol>
            </nav>
        }
    })
}

pub fn status_badge(i18n: &I18n, s: ElectionStatus) -> impl IntoView {
    view! { <span class=format!("status status-{}", status_class(s))>{i18n.t(status_key(s))}</span> }
}

fn status_key(s: ElectionStatus) -> &'static str {
    match s {
        ElectionStatus::Upcoming => "election.status.upcoming",
        ElectionStatus::InProgress => "election.status.in_progress",
        ElectionStatus::Held => "election.status.held",
        ElectionStatus::Annulled => "election.status.annulled",
        ElectionStatus::Rerun => "election.status.rerun",
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

fn event_key(k: EventKind) -> &'static str {
    match k {
        EventKind::Announcement => "election.event.announcement",
        EventKind::RegistrationDeadline => "election.event.registration_deadline",
        EventKind::CampaignStart => "election.event.campaign_start",
        EventKind::CampaignEnd => "election.event.campaign_end",
        EventKind::VotingDay => "election.event.voting_day",
        EventKind::Results => "election.event.results",
        EventKind::CourtRuling => "election.event.court_ruling",
        EventKind::Other => "election.event.generic",
    }
}

/// The kind of an official resource or a partner, or a guide's topic, in the interface's
/// language.
pub fn kind_label(i18n: &I18n, entry: &PageEntry) -> Option<String> {
    match (&entry.resource, &entry.partner, &entry.guide) {
        (Some(r), _, _) => Some(i18n.t(resource_key(r.kind))),
        (None, Some(p), _) => Some(i18n.t(partner_key(p.kind))),
        (None, None, Some(g)) => Some(i18n.t(topic_key(g.topic))),
        _ => None,
    }
}

fn topic_key(t: GuideTopic) -> &'static str {
    match t {
        GuideTopic::CheckAClaim => "guide.topic.check_a_claim",
        GuideTopic::ManipulatedMedia => "guide.topic.manipulated_media",
        GuideTopic::AiGenerated => "guide.topic.ai_generated",
        GuideTopic::Labels => "guide.topic.labels",
        GuideTopic::CoordinatedBehaviour => "guide.topic.coordinated_behaviour",
        GuideTopic::Reporting => "guide.topic.reporting",
        GuideTopic::HowToVote => "guide.topic.how_to_vote",
        GuideTopic::Results => "guide.topic.results",
        GuideTopic::Other => "guide.topic.general",
    }
}

fn resource_key(k: ResourceKind) -> &'static str {
    match k {
        ResourceKind::ElectoralAuthority => "resource.kind.electoral_authority",
        ResourceKind::GovernmentInformation => "resource.kind.government_information",
        ResourceKind::Regulator => "resource.kind.regulator",
        ResourceKind::Court => "resource.kind.court",
        ResourceKind::PoliceCyber => "resource.kind.police_cyber",
        ResourceKind::Other => "resource.kind.general",
    }
}

fn partner_key(k: PartnerKind) -> &'static str {
    match k {
        PartnerKind::FactChecker => "partner.kind.fact_checker",
        PartnerKind::MediaLiteracy => "partner.kind.media_literacy",
        PartnerKind::CivilSociety => "partner.kind.civil_society",
    }
}
