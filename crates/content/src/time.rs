//! Election event times: local times in an IANA zone, turned into UTC instants at build
//! time, so the browser can count down and format them without a time-zone database.

use chrono::{LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone};
use chrono_tz::Tz;

pub fn parse_zone(name: &str) -> Option<Tz> {
    name.parse().ok()
}

/// A TOML date (`2024-06-30`) as a chrono date; `None` if it has a time or offset part.
pub fn toml_date(value: &toml::value::Datetime) -> Option<NaiveDate> {
    match (value.date, value.time, value.offset) {
        (Some(d), None, None) => {
            NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
        }
        _ => None,
    }
}

/// Why a local time could not become an instant.
#[derive(Debug, PartialEq, Eq)]
pub enum TimeError {
    /// Not a date and time, or has a date only.
    NotADateTime,
    /// Falls in the hour skipped when clocks go forward.
    Skipped,
    /// Falls in the hour repeated when clocks go back.
    Ambiguous,
    /// Written with an offset (`+02:00`, `Z`) that is not the zone's at that time, which
    /// would move the time away from what the clocks show: the zone's offsets, as `+03:00`
    /// (two in the hour repeated in autumn).
    NotTheZonesOffset(Vec<String>),
}

/// The UTC instant, as RFC 3339 (`…Z`), of a TOML date-time, local (`2024-06-30T08:00:00`)
/// in `zone`. An offset (`2024-10-27T02:30:00+02:00`) may say which of a repeated hour is
/// meant; it must be one the zone has at that time.
pub fn instant(value: &toml::value::Datetime, zone: Tz) -> Result<String, TimeError> {
    let (Some(d), Some(t)) = (value.date, value.time) else {
        return Err(TimeError::NotADateTime);
    };
    let date = NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
        .ok_or(TimeError::NotADateTime)?;
    let time = NaiveTime::from_hms_opt(t.hour.into(), t.minute.into(), t.second.into())
        .ok_or(TimeError::NotADateTime)?;
    let local = NaiveDateTime::new(date, time);
    let candidates = match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => vec![t],
        LocalResult::Ambiguous(a, b) => vec![a, b],
        LocalResult::None => return Err(TimeError::Skipped),
    };
    let seconds = |t: &chrono::DateTime<Tz>| t.offset().fix().local_minus_utc();
    let utc = match value.offset {
        None => match candidates.as_slice() {
            [one] => one.naive_utc(),
            _ => return Err(TimeError::Ambiguous),
        },
        Some(offset) => {
            let given = match offset {
                toml::value::Offset::Z => 0,
                toml::value::Offset::Custom { minutes } => i32::from(minutes) * 60,
            };
            match candidates.iter().find(|t| seconds(t) == given) {
                Some(t) => t.naive_utc(),
                None => {
                    return Err(TimeError::NotTheZonesOffset(
                        candidates.iter().map(|t| offset_text(seconds(t))).collect(),
                    ))
                }
            }
        }
    };
    Ok(utc.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// `+03:00`, `-05:30`.
fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The wall-clock time (`2024-06-30T08:00`) in `zone` of a UTC instant written by
/// [`instant`], so every renderer shows the election's own time without a zone database.
pub fn wall_clock(utc: &str, zone: Tz) -> Option<String> {
    let naive = NaiveDateTime::parse_from_str(utc, "%Y-%m-%dT%H:%M:%SZ").ok()?;
    Some(
        zone.from_utc_datetime(&naive)
            .format("%Y-%m-%dT%H:%M")
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(s: &str) -> toml::value::Datetime {
        s.parse().unwrap()
    }

    #[test]
    fn local_times_become_utc_across_dst() {
        let paris = parse_zone("Europe/Paris").unwrap();
        // Summer (UTC+2) and winter (UTC+1) in the same zone.
        assert_eq!(
            instant(&dt("2024-06-30T08:00:00"), paris),
            Ok("2024-06-30T06:00:00Z".into())
        );
        assert_eq!(
            instant(
                &dt("2024-11-24T07:00:00"),
                parse_zone("Europe/Bucharest").unwrap()
            ),
            Ok("2024-11-24T05:00:00Z".into())
        );
        assert_eq!(
            instant(&dt("2024-01-10T08:00:00"), paris),
            Ok("2024-01-10T07:00:00Z".into())
        );
    }

    #[test]
    fn an_offset_must_be_the_zones() {
        let paris = parse_zone("Europe/Paris").unwrap();
        assert_eq!(
            instant(&dt("2024-06-30T08:00:00+02:00"), paris),
            Ok("2024-06-30T06:00:00Z".into())
        );
        assert_eq!(
            instant(&dt("2024-06-30T08:00:00+03:00"), paris),
            Err(TimeError::NotTheZonesOffset(vec!["+02:00".into()]))
        );
        assert_eq!(
            instant(&dt("2024-06-30T08:00:00Z"), paris),
            Err(TimeError::NotTheZonesOffset(vec!["+02:00".into()]))
        );
        let london = parse_zone("Europe/London").unwrap();
        assert_eq!(
            instant(&dt("2024-12-12T07:00:00Z"), london),
            Ok("2024-12-12T07:00:00Z".into())
        );
        // The hour repeated in autumn: the offset says which.
        assert_eq!(
            instant(&dt("2024-10-27T02:30:00+02:00"), paris),
            Ok("2024-10-27T00:30:00Z".into())
        );
        assert_eq!(
            instant(&dt("2024-10-27T02:30:00+01:00"), paris),
            Ok("2024-10-27T01:30:00Z".into())
        );
        assert_eq!(
            instant(&dt("2024-10-27T02:30:00+03:00"), paris),
            Err(TimeError::NotTheZonesOffset(vec![
                "+02:00".into(),
                "+01:00".into()
            ]))
        );
    }

    #[test]
    fn dst_gaps_and_overlaps_are_refused() {
        let paris = parse_zone("Europe/Paris").unwrap();
        assert_eq!(
            instant(&dt("2024-03-31T02:30:00"), paris),
            Err(TimeError::Skipped)
        );
        assert_eq!(
            instant(&dt("2024-10-27T02:30:00"), paris),
            Err(TimeError::Ambiguous)
        );
        assert_eq!(
            instant(&dt("2024-10-27"), paris),
            Err(TimeError::NotADateTime)
        );
    }

    #[test]
    fn zones_are_checked_against_the_database() {
        assert!(parse_zone("Europe/Bucharest").is_some());
        assert!(parse_zone("Europe/Bucarest").is_none());
    }

    #[test]
    fn instants_read_back_as_the_zone_wall_clock_across_dst() {
        let paris = parse_zone("Europe/Paris").unwrap();
        assert_eq!(
            wall_clock("2024-06-30T06:00:00Z", paris).as_deref(),
            Some("2024-06-30T08:00")
        );
        assert_eq!(
            wall_clock("2024-12-01T07:00:00Z", paris).as_deref(),
            Some("2024-12-01T08:00")
        );
        assert_eq!(wall_clock("not a time", paris), None);
    }
}
