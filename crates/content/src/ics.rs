//! "Add to calendar": iCalendar files (RFC 5545) written at build time so that the browser
//! app only links to them: one per election event ([`event_calendar`]), and subscribable
//! ones holding many events ([`calendar`]: every date of one election, or of every election
//! of a country). An event has the same UID ([`event_uid`]) in every file, so a calendar app
//! that imported it from one file updates it from another instead of showing it twice.

use crate::manifest::ElectionEvent;

/// The UID of `events[n]`, of the election `slug` of `country`: stable across builds and
/// languages. It names the event by its kind and its rank among the election's events of
/// that kind (`voting_day-2`), not by its place in the list, so that adding an event of
/// another kind (a registration deadline before the first round) leaves the UIDs of the
/// others, already in voters' calendars, as they were.
pub fn event_uid(country: &str, slug: &str, events: &[ElectionEvent], n: usize) -> String {
    let kind = events[n].kind;
    let rank = events[..=n].iter().filter(|e| e.kind == kind).count();
    format!("{country}-{slug}-{}-{rank}@election-center", kind.as_str())
}

/// The `.ics` text for `event` of the election `title`. `uid` must be stable and unique
/// (calendar apps update an event with the same UID); `stamp` is the page's `YYYY-MM-DD`
/// review date, used as DTSTAMP and SEQUENCE, so that building twice gives the same file.
pub fn event_calendar(event: &ElectionEvent, title: &str, uid: &str, stamp: &str) -> String {
    let mut lines = header();
    push_event(
        &mut lines,
        &CalendarEvent {
            event,
            title,
            uid: uid.to_owned(),
            stamp,
        },
    );
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|l| fold(l)).collect()
}

/// One event of a [`calendar`]: as the arguments of [`event_calendar`].
pub struct CalendarEvent<'a> {
    pub event: &'a ElectionEvent,
    /// The election's title.
    pub title: &'a str,
    pub uid: String,
    /// The election page's `YYYY-MM-DD` review date.
    pub stamp: &'a str,
}

/// A calendar named `name` holding `events`, each written exactly as in its own file, to
/// import or subscribe to. It asks subscribing apps to look for changes daily
/// (REFRESH-INTERVAL, RFC 7986, and its older non-standard twin X-PUBLISHED-TTL).
pub fn calendar(name: &str, events: &[CalendarEvent<'_>]) -> String {
    let mut lines = header();
    lines.extend([
        format!("NAME:{}", escape(name)),
        format!("X-WR-CALNAME:{}", escape(name)),
        "REFRESH-INTERVAL;VALUE=DURATION:P1D".to_owned(),
        "X-PUBLISHED-TTL:P1D".to_owned(),
    ]);
    for event in events {
        push_event(&mut lines, event);
    }
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|l| fold(l)).collect()
}

fn header() -> Vec<String> {
    [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Election Center//Election Center//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    .map(str::to_owned)
    .to_vec()
}

fn push_event(lines: &mut Vec<String>, e: &CalendarEvent<'_>) {
    let CalendarEvent {
        event,
        title,
        uid,
        stamp,
    } = e;
    let summary = match &event.label {
        Some(label) => format!("{label} – {title}"),
        None => (*title).to_owned(),
    };
    lines.extend([
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", escape(uid)),
        format!("DTSTAMP:{}T000000Z", compact(stamp)),
        format!("SEQUENCE:{}", sequence(stamp)),
    ]);
    match (&event.date, &event.start) {
        (Some(day), _) => {
            lines.push(format!("DTSTART;VALUE=DATE:{}", compact(day)));
            if let Some(next) = next_day(day) {
                lines.push(format!("DTEND;VALUE=DATE:{next}"));
            }
        }
        (None, Some(start)) => {
            lines.push(format!("DTSTART:{}", compact(start)));
            if let Some(end) = &event.end {
                lines.push(format!("DTEND:{}", compact(end)));
            }
        }
        (None, None) => {}
    }
    lines.push(format!("SUMMARY:{}", escape(&summary)));
    lines.push("END:VEVENT".to_owned());
}

/// `2024-06-30` → `20240630`; `2025-05-04T04:00:00Z` → `20250504T040000Z`. Only letters and
/// digits are kept: these values are written unescaped, so a line break in one would start
/// a property of its own (the loader only passes checked dates, but this file must not
/// depend on it).
fn compact(value: &str) -> String {
    value.chars().filter(char::is_ascii_alphanumeric).collect()
}

/// A calendar app that already holds the event replaces it only with a higher SEQUENCE
/// (many ignore DTSTAMP), so a constant 0 would leave a moved date stale. The review date
/// as a number (`2025-01-15` → 20250115) is stable across builds, grows when the page is
/// reviewed again, and fits the property's 32-bit integer; 0 if the date is malformed.
fn sequence(stamp: &str) -> u32 {
    compact(stamp).parse().unwrap_or(0)
}

fn next_day(day: &str) -> Option<String> {
    let date = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    Some(date.succ_opt()?.format("%Y%m%d").to_string())
}

/// A TEXT value (RFC 5545 §3.3.11): backslashes, semicolons and commas escaped, each line
/// break (CRLF, LF or a bare CR) written as `\n`. A raw CR would end the line for readers
/// that split on it, letting a label add properties (`Round\rBEGIN:VALARM…`); the other
/// control characters are not allowed in TEXT at all and are dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Ends the line with CRLF, folding it every 75 octets without splitting a character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::EventKind;

    #[test]
    fn an_event_keeps_its_uid_when_one_of_another_kind_is_added_before_it() {
        let round = |date| event(Some(date), None, None, None);
        let mut events = vec![round("2025-05-04"), round("2025-05-18")];
        let before: Vec<String> = (0..2).map(|n| event_uid("ro", "p", &events, n)).collect();
        assert_eq!(
            before,
            [
                "ro-p-voting_day-1@election-center",
                "ro-p-voting_day-2@election-center"
            ]
        );
        let mut deadline = round("2025-03-20");
        deadline.kind = EventKind::RegistrationDeadline;
        events.insert(0, deadline);
        let after: Vec<String> = (0..3).map(|n| event_uid("ro", "p", &events, n)).collect();
        assert_eq!(after[1..], before[..]);
        assert_eq!(after[0], "ro-p-registration_deadline-1@election-center");
    }

    fn event(
        date: Option<&str>,
        start: Option<&str>,
        end: Option<&str>,
        label: Option<&str>,
    ) -> ElectionEvent {
        ElectionEvent {
            kind: EventKind::VotingDay,
            label: label.map(Into::into),
            date: date.map(Into::into),
            start: start.map(Into::into),
            local_start: None,
            end: end.map(Into::into),
            time_zone: "Europe/Paris".into(),
        }
    }

    #[test]
    fn a_whole_day_event() {
        let ics = event_calendar(
            &event(Some("2024-06-30"), None, None, Some("Premier tour")),
            "Législatives 2024",
            "fr-1@x",
            "2026-11-25",
        );
        assert!(
            ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
            "{ics}"
        );
        assert!(ics.contains("\r\nDTSTAMP:20261125T000000Z\r\n"), "{ics}");
        assert!(
            ics.contains("\r\nDTSTART;VALUE=DATE:20240630\r\nDTEND;VALUE=DATE:20240701\r\n"),
            "{ics}"
        );
        assert!(
            ics.contains("\r\nSUMMARY:Premier tour – Législatives 2024\r\n"),
            "{ics}"
        );
        assert!(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"), "{ics}");
    }

    #[test]
    fn every_event_carries_a_sequence_from_the_review_date() {
        let ics = event_calendar(
            &event(Some("2024-06-30"), None, None, None),
            "V",
            "u",
            "2025-01-15",
        );
        assert!(
            ics.contains("\r\nDTSTAMP:20250115T000000Z\r\nSEQUENCE:20250115\r\n"),
            "{ics}"
        );
        assert_eq!(sequence("not a date"), 0);
    }

    #[test]
    fn a_hostile_label_cannot_add_properties() {
        let label = "Round\rBEGIN:VALARM\rTRIGGER:-PT1M\nACTION:DISPLAY\r\nEND:VALARM\u{0b}\u{1b}";
        let ics = event_calendar(
            &event(Some("2024-06-30"), None, None, Some(label)),
            "Vote; now, here",
            "u\r\nX:1",
            "2025-01-15",
        );
        let lines: Vec<&str> = ics.strip_suffix("\r\n").unwrap().split("\r\n").collect();
        for line in &lines {
            assert!(!line.contains(['\r', '\n']), "{line:?} in {ics:?}");
            assert!(!line.chars().any(|c| c.is_control()), "{line:?}");
        }
        let unfolded = ics.replace("\r\n ", "");
        let properties: Vec<&str> = unfolded
            .lines()
            .map(|l| l.split([':', ';']).next().unwrap())
            .collect();
        assert_eq!(
            properties,
            [
                "BEGIN", "VERSION", "PRODID", "CALSCALE", "METHOD", "BEGIN", "UID", "DTSTAMP",
                "SEQUENCE", "DTSTART", "DTEND", "SUMMARY", "END", "END"
            ]
        );
        assert!(
            unfolded.contains("\r\nSUMMARY:Round\\nBEGIN:VALARM\\nTRIGGER:-PT1M\\nACTION:DISPLAY\\nEND:VALARM – Vote\\; now\\, here\r\n"),
            "{ics}"
        );
        assert!(unfolded.contains("\r\nUID:u\\nX:1\r\n"), "{ics}");
    }

    #[test]
    fn a_malformed_date_cannot_break_a_line() {
        // Found by the fuzz test (crates/content-cli/tests/fuzz.rs).
        let ics = event_calendar(
            &event(Some("\r"), Some("x\nEND:VCALENDAR"), None, None),
            "V",
            "u",
            "2025-01-15\r\nX-A:1",
        );
        assert!(!ics.replace("\r\n", "").contains(['\r', '\n']), "{ics:?}");
        assert!(ics.contains("\r\nDTSTART;VALUE=DATE:\r\n"), "{ics:?}");
        assert!(
            ics.contains("\r\nDTSTAMP:20250115XA1T000000Z\r\n"),
            "{ics:?}"
        );
    }

    #[test]
    fn a_timed_event_in_utc() {
        let ics = event_calendar(
            &event(
                None,
                Some("2025-05-04T04:00:00Z"),
                Some("2025-05-04T18:00:00Z"),
                None,
            ),
            "Vote",
            "u",
            "2025-01-01",
        );
        assert!(
            ics.contains("\r\nDTSTART:20250504T040000Z\r\nDTEND:20250504T180000Z\r\n"),
            "{ics}"
        );
        assert!(ics.contains("\r\nSUMMARY:Vote\r\n"), "{ics}");
    }

    #[test]
    fn a_calendar_holds_each_event_as_its_own_file_does() {
        let first = event(Some("2024-06-30"), None, None, Some("Premier tour"));
        let second = event(
            None,
            Some("2024-07-07T06:00:00Z"),
            Some("2024-07-07T18:00:00Z"),
            Some("Second tour"),
        );
        let both = [first.clone(), second.clone()];
        let events: Vec<CalendarEvent> = [&first, &second]
            .into_iter()
            .enumerate()
            .map(|(n, e)| CalendarEvent {
                event: e,
                title: "Législatives 2024",
                uid: event_uid("fr", "legislative-2024", &both, n),
                stamp: "2026-11-25",
            })
            .collect();
        let ics = calendar("Élections, France; 2024", &events);
        assert!(
            ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"),
            "{ics}"
        );
        assert!(
            ics.contains(
                "\r\nNAME:Élections\\, France\\; 2024\r\nX-WR-CALNAME:Élections\\, France\\; 2024\r\n"
            ),
            "{ics}"
        );
        assert!(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"), "{ics}");
        for e in &events {
            let own = event_calendar(e.event, e.title, &e.uid, e.stamp);
            let vevent =
                &own[own.find("BEGIN:VEVENT").unwrap()..own.find("END:VCALENDAR").unwrap()];
            assert!(ics.contains(vevent), "{vevent} not in {ics}");
        }
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
    }

    #[test]
    fn text_is_escaped_and_long_lines_folded_between_characters() {
        assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
        assert_eq!(
            escape("a\rb\r\nc\n\rd\te\u{0}\u{7f}"),
            "a\\nb\\nc\\n\\nd\te"
        );
        let long = format!("SUMMARY:{}", "é".repeat(60));
        let folded = fold(&long);
        assert!(folded.lines().all(|l| l.len() <= 75), "{folded}");
        assert_eq!(folded.replace("\r\n ", "").trim_end(), long);
    }
}
