//! How long until an election's next key date, from "now" (given by the caller: the app
//! reads the clock only after it has started, so pre-rendered and live pages agree).

use crate::format::DateTime;
use crate::ElectionEvent;

/// How far away an event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Until {
    /// A whole-day event that is today, or a timed event under way (start passed, end not).
    Now,
    /// Whole days to go (whole-day events, and timed ones a day or more away).
    Days(u64),
    /// Less than a day to a timed event.
    Time { hours: u64, minutes: u64 },
}

/// The first event of `events` (in time order) not yet over, and how far away it is.
/// `now_ms` is the instant (ms since 1970, UTC), `today` the voter's calendar date.
pub fn next_event(
    events: &[ElectionEvent],
    now_ms: i64,
    today: (i32, u32, u32),
) -> Option<(&ElectionEvent, Until)> {
    let today = days_from_civil(today.0, today.1, today.2);
    events.iter().find_map(|event| {
        let until = match (&event.date, &event.start) {
            (Some(date), _) => {
                let day = DateTime::parse(date)?;
                match days_from_civil(day.year, day.month, day.day) - today {
                    0 => Until::Now,
                    n if n > 0 => Until::Days(n as u64),
                    _ => return None,
                }
            }
            (None, Some(start)) => {
                let left = unix_ms(start)? - now_ms;
                let end = event
                    .end
                    .as_deref()
                    .and_then(unix_ms)
                    .unwrap_or(unix_ms(start)?);
                if left > 0 {
                    let minutes = (left as u64).div_ceil(60_000);
                    if minutes >= 24 * 60 {
                        Until::Days(minutes / (24 * 60))
                    } else {
                        Until::Time {
                            hours: minutes / 60,
                            minutes: minutes % 60,
                        }
                    }
                } else if end > now_ms {
                    Until::Now
                } else {
                    return None;
                }
            }
            (None, None) => return None,
        };
        Some((event, until))
    })
}

/// Milliseconds since 1970 of a UTC instant as the manifest writes it (`2025-05-04T05:00:00Z`).
pub fn unix_ms(utc: &str) -> Option<i64> {
    let at = DateTime::parse(utc)?;
    let (hour, minute) = at.time?;
    let days = days_from_civil(at.year, at.month, at.day);
    Some(((days * 24 + i64::from(hour)) * 60 + i64::from(minute)) * 60_000)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date (year, month, day) of a day number since 1970-01-01: the inverse of
/// [`days_from_civil`] (H. Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((yoe + era * 400 + i64::from(month <= 2)) as i32, month, day)
}

/// The day number of a `YYYY-MM-DD` date, or of an instant's date (`2025-05-04T05:00:00Z`).
pub fn day_number(text: &str) -> Option<i64> {
    let at = DateTime::parse(text)?;
    Some(days_from_civil(at.year, at.month, at.day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EventKind;

    #[test]
    fn day_numbers_go_both_ways() {
        for days in [-800_000, -1, 0, 59, 60, 365, 11_016, 20_000, 2_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(day_number("2026-11-29"), Some(20_786));
        assert_eq!(day_number("2025-05-04T05:00:00Z"), day_number("2025-05-04"));
    }

    fn event(date: Option<&str>, start: Option<&str>, end: Option<&str>) -> ElectionEvent {
        ElectionEvent {
            kind: EventKind::VotingDay,
            label: None,
            date: date.map(Into::into),
            start: start.map(Into::into),
            local_start: None,
            end: end.map(Into::into),
            time_zone: "Europe/Bucharest".into(),
        }
    }

    #[test]
    fn instants_count_from_1970() {
        assert_eq!(unix_ms("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(unix_ms("2025-05-04T05:00:00Z"), Some(1_746_334_800_000));
        assert_eq!(unix_ms("2024-02-29T12:30:00Z"), Some(1_709_209_800_000));
        assert_eq!(unix_ms("2025-05-04"), None);
    }

    #[test]
    fn the_next_event_and_how_far() {
        let events = [
            event(Some("2025-05-04"), None, None),
            event(
                None,
                Some("2025-05-18T04:00:00Z"),
                Some("2025-05-18T18:00:00Z"),
            ),
        ];
        let at = |utc: &str| unix_ms(utc).unwrap();
        let first = next_event(&events, at("2025-05-01T10:00:00Z"), (2025, 5, 1)).unwrap();
        assert_eq!(first.1, Until::Days(3));
        assert_eq!(
            next_event(&events, at("2025-05-04T10:00:00Z"), (2025, 5, 4))
                .unwrap()
                .1,
            Until::Now
        );
        let second = next_event(&events, at("2025-05-17T22:30:00Z"), (2025, 5, 18)).unwrap();
        assert_eq!(second.0.start.as_deref(), Some("2025-05-18T04:00:00Z"));
        assert_eq!(
            second.1,
            Until::Time {
                hours: 5,
                minutes: 30
            }
        );
        assert_eq!(
            next_event(&events, at("2025-05-15T04:00:00Z"), (2025, 5, 15))
                .unwrap()
                .1,
            Until::Days(3)
        );
        assert_eq!(
            next_event(&events, at("2025-05-18T09:00:00Z"), (2025, 5, 18))
                .unwrap()
                .1,
            Until::Now
        );
        assert_eq!(
            next_event(&events, at("2025-05-18T19:00:00Z"), (2025, 5, 18)),
            None
        );
    }
}
