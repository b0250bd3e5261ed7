//! Election pages: what is elected, where the election stands, and its dated events in
//! the country's time zone (or an event's own).

use serde::Deserialize;
use toml::value::Datetime;
use toml::Spanned;

use super::{EventAt, FrontMatter, Reporter, Target, Written};
use crate::manifest::{Election, ElectionEvent, ElectionStatus, EventKind};
use crate::time::{self, TimeError};

pub(super) const FIELDS: &[&str] = &["type", "status", "rerun_of", "how_to_vote", "events"];

/// The hub shows `how_to_vote` on a phone's first screen, beside the date and where to
/// check: a sentence, two lines on a computer, not the election page's section.
const HOW_TO_VOTE_MAX: usize = 150;

pub(super) const EVENT_FIELDS: &[&str] = &["kind", "label", "date", "start", "end", "time_zone"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EventFm {
    kind: Spanned<EventKind>,
    label: Option<String>,
    date: Option<Spanned<Datetime>>,
    start: Option<Spanned<Datetime>>,
    end: Option<Spanned<Datetime>>,
    time_zone: Option<Spanned<String>>,
}

pub(super) fn check(
    r: &mut Reporter,
    fm: &FrontMatter,
    country: &str,
    time_zone: &str,
) -> Option<Election> {
    let events = fm
        .events
        .as_ref()
        .map(|e| events(r, e.get_ref(), time_zone))
        .unwrap_or_default();
    let has_events = fm.events.as_ref().is_some_and(|e| !e.get_ref().is_empty());
    if let Some(rerun_of) = &fm.rerun_of {
        r.refer(
            rerun_of.span(),
            Target::Election(rerun_of.get_ref().clone()),
        );
    }
    // A rerun is shown with the election it replaces: without it the page would say
    // "rerun" of nothing.
    if let (Some(status), None) = (&fm.status, &fm.rerun_of) {
        if *status.get_ref() == ElectionStatus::Rerun {
            r.at(
                status.span(),
                "a rerun needs `rerun_of`: the election it is held again for",
                format!(
                    "add rerun_of = \"<name>\" below `status`, with the name of the annulled \
                     election's page (its file name in content/{country}/elections/ without \
                     .<lang>.md)"
                ),
            );
        }
    }
    if let Some(how) = &fm.how_to_vote {
        let length = how.get_ref().chars().count();
        if length > HOW_TO_VOTE_MAX {
            r.at(
                how.span(),
                format!("`how_to_vote` is {length} characters long, more than {HOW_TO_VOTE_MAX}"),
                "say it in a sentence or two (who votes how: in person, by proxy, by post); \
                 the details belong in the page's own \"How to vote\" section"
                    .to_owned(),
            );
        } else if how.get_ref().trim().is_empty() {
            r.at(
                how.span(),
                "`how_to_vote` is empty",
                "write how to vote in a sentence or two, or remove the line".to_owned(),
            );
        }
    }
    let complete = r.require(
        "an election page",
        &[
            ("type", fm.election_type.is_some()),
            ("status", fm.status.is_some()),
            ("[[events]]", has_events),
        ],
    );
    let (true, Some(t), Some(s)) = (complete, &fm.election_type, &fm.status) else {
        return None;
    };
    Some(Election {
        election_type: *t.get_ref(),
        status: *s.get_ref(),
        rerun_of: fm.rerun_of.as_ref().map(|x| x.get_ref().clone()),
        how_to_vote: fm
            .how_to_vote
            .as_ref()
            .map(|x| x.get_ref().trim().to_owned()),
        events,
    })
}

fn events(r: &mut Reporter, events: &[EventFm], default_zone: &str) -> Vec<ElectionEvent> {
    let mut out = Vec::new();
    for (n, event) in events.iter().enumerate() {
        let zone_name = event
            .time_zone
            .as_ref()
            .map_or(default_zone, |z| z.get_ref().as_str());
        let Some(zone) = time::parse_zone(zone_name) else {
            if let Some(z) = &event.time_zone {
                r.at(
                    z.span(),
                    format!("`{zone_name}` is not an IANA time zone"),
                    "use a zone such as \"Europe/Paris\" or \"Europe/Bucharest\"",
                );
            }
            continue;
        };
        let mut instant = |value: &Spanned<Datetime>, field: &str| match time::instant(
            value.get_ref(),
            zone,
        ) {
            Ok(t) => Some(t),
            Err(e) => {
                let (message, hint) = match e {
                    TimeError::NotADateTime => (format!("`{field}` must be a date and a time"), format!("write {field} = 2025-05-04T07:00:00 (local time), or use `date` for a whole day")),
                    TimeError::Skipped => (format!("`{field}` does not exist in {zone_name}: clocks go forward then"), "pick a time outside the skipped hour".to_owned()),
                    TimeError::Ambiguous => (format!("`{field}` happens twice in {zone_name}: clocks go back then"), "add the offset, e.g. 2024-10-27T02:30:00+02:00".to_owned()),
                    TimeError::NotTheZonesOffset(offsets) => (
                        format!(
                            "`{field}` is written with an offset that is not {zone_name}'s then ({})",
                            crate::diagnostic::list(&offsets, "or")
                        ),
                        format!("write the time as the clocks in {zone_name} show it, without an offset: the build adds the zone's (an offset is needed only in the hour repeated when clocks go back)"),
                    ),
                };
                r.at(value.span(), message, hint);
                None
            }
        };
        let (date, start, end) = match (&event.date, &event.start) {
            (Some(d), None) => (Some(r.date(d, "date")), None, None),
            (None, Some(s)) => {
                let start = instant(s, "start");
                let end = event.end.as_ref().and_then(|e| instant(e, "end"));
                if let (Some(a), Some(b), Some(e)) = (&start, &end, &event.end) {
                    if b <= a {
                        r.at(
                            e.span(),
                            "the event ends before it starts",
                            "check `start` and `end`",
                        );
                    }
                }
                (None, start, end)
            }
            (Some(d), Some(_)) => {
                r.at(
                    d.span(),
                    "an event has either `date` (a whole day) or `start` (a time), not both",
                    "keep one of them",
                );
                continue;
            }
            (None, None) => {
                r.missing(
                    "an event has neither `date` nor `start`",
                    "add date = 2025-05-04 or start = 2025-05-04T07:00:00",
                );
                continue;
            }
        };
        let local_start = start.as_deref().and_then(|s| time::wall_clock(s, zone));
        let at = written_at(r, n + 1, event);
        out.push((
            ElectionEvent {
                kind: *event.kind.get_ref(),
                label: event.label.clone(),
                date,
                local_start,
                start,
                end,
                time_zone: zone_name.to_owned(),
            },
            at,
        ));
    }
    out.sort_by(|(a, _), (b, _)| {
        a.start
            .as_ref()
            .or(a.date.as_ref())
            .cmp(&b.start.as_ref().or(b.date.as_ref()))
    });
    let (out, at): (Vec<ElectionEvent>, Vec<EventAt>) = out.into_iter().unzip();
    r.events_at = at;
    out
}

/// Where the `n`th event and its fields are written.
fn written_at(r: &Reporter, n: usize, event: &EventFm) -> EventAt {
    let kind = event.kind.span();
    // Its `[[events]]` line: the last table header before its `kind`.
    let header = r.source[..kind.start].rfind("[[").unwrap_or(kind.start);
    let mut fields = vec![Written {
        field: "kind",
        at: r.position(kind.start),
        text: r.written(kind),
    }];
    let times = [
        ("date", &event.date),
        ("start", &event.start),
        ("end", &event.end),
    ];
    for (field, value) in times {
        if let Some(value) = value {
            fields.push(Written {
                field,
                at: r.position(value.span().start),
                text: r.written(value.span()),
            });
        }
    }
    if let Some(zone) = &event.time_zone {
        fields.push(Written {
            field: "time_zone",
            at: r.position(zone.span().start),
            text: r.written(zone.span()),
        });
    }
    EventAt {
        number: n,
        label: event.label.clone(),
        at: r.position(header),
        fields,
    }
}
