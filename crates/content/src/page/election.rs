//! Election pages: what is elected, where the election stands, and its dated events in
//! the country's time zone (or an event's own).

use serde::Deserialize;
use toml::value::Datetime;
use toml::Spanned;

use super::{FrontMatter, Reporter, Target};
use crate::manifest::{Election, ElectionEvent, EventKind};
use crate::time::{self, TimeError};

pub(super) const FIELDS: &[&str] = &["type", "status", "rerun_of", "events"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EventFm {
    kind: EventKind,
    label: Option<String>,
    date: Option<Spanned<Datetime>>,
    start: Option<Spanned<Datetime>>,
    end: Option<Spanned<Datetime>>,
    time_zone: Option<Spanned<String>>,
}

pub(super) fn check(r: &mut Reporter, fm: &FrontMatter, time_zone: &str) -> Option<Election> {
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
        events,
    })
}

fn events(r: &mut Reporter, events: &[EventFm], default_zone: &str) -> Vec<ElectionEvent> {
    let mut out = Vec::new();
    for event in events {
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
        out.push(ElectionEvent {
            kind: event.kind,
            label: event.label.clone(),
            date,
            local_start,
            start,
            end,
            time_zone: zone_name.to_owned(),
        });
    }
    out.sort_by(|a, b| {
        a.start
            .as_ref()
            .or(a.date.as_ref())
            .cmp(&b.start.as_ref().or(b.date.as_ref()))
    });
    out
}
