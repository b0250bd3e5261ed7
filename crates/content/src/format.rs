//! Dates, times and counts written the way a language writes them. Pure, so the browser app
//! and the pre-renderer produce the same text, and a page does not change when the app
//! takes it over. The words and patterns (month names, "{day} {month} {year}") come from the
//! interface texts (`i18n/<lang>.toml`), the number conventions from its `[interface]`
//! table, the plural rules from CLDR (`plural`); what is not data lives here.

use crate::lang::Numbers;

/// A calendar date or a wall-clock date and time: `2024-06-30` or `2024-06-30T08:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateTime {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    /// Hour and minute, for a time of day.
    pub time: Option<(u32, u32)>,
}

impl DateTime {
    pub fn parse(text: &str) -> Option<DateTime> {
        let (date, time) = match text.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (text, None),
        };
        let mut parts = date.splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts
            .next()?
            .parse()
            .ok()
            .filter(|m| (1..=12).contains(m))?;
        let day = parts
            .next()?
            .parse()
            .ok()
            .filter(|d| (1..=31).contains(d))?;
        let time = match time {
            None => None,
            Some(t) => {
                let mut hm = t.splitn(3, ':');
                let hour = hm.next()?.parse().ok().filter(|h| *h < 24)?;
                let minute = hm.next()?.get(..2)?.parse().ok().filter(|m| *m < 60)?;
                Some((hour, minute))
            }
        };
        Some(DateTime {
            year,
            month,
            day,
            time,
        })
    }
}

/// Fills a date pattern: `{day}`, `{month}` (the month's name, given), `{year}`, `{hour}`
/// (24-hour, as written), `{hour12}`, `{minute}` (two digits) and `{period}` (the AM/PM
/// word, given as `(am, pm)`).
pub fn fill_date(pattern: &str, at: &DateTime, month_name: &str, period: (&str, &str)) -> String {
    let (hour, minute) = at.time.unwrap_or((0, 0));
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut rest = pattern;
    // One pass over the pattern: each `{name}` is written where it stands.
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let two = |n: u32| {
            [
                char::from(b'0' + (n / 10) as u8),
                char::from(b'0' + (n % 10) as u8),
            ]
        };
        match &rest[open + 1..open + close] {
            "day" => out.push_str(&at.day.to_string()),
            "month" => out.push_str(month_name),
            "year" => out.push_str(&at.year.to_string()),
            "hour" => out.extend(two(hour)),
            "hour12" => out.push_str(&(if hour % 12 == 0 { 12 } else { hour % 12 }).to_string()),
            "minute" => out.extend(two(minute)),
            "period" => out.push_str(if hour < 12 { period.0 } else { period.1 }),
            other => {
                out.push('{');
                out.push_str(other);
                out.push('}');
            }
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// A whole number the way the language writes it (CLDR): its digits and its grouping,
/// 1,000 · 1 000 · 1.000 · 10 000 · ١٬٠٠٠.
pub fn count(numbers: &Numbers, n: u64) -> String {
    let plain = n.to_string();
    let min_digits = 3 + usize::from(numbers.minimum_grouping_digits.max(1));
    let mut grouped = String::with_capacity(plain.len() * 2);
    for (i, c) in plain.chars().enumerate() {
        if plain.len() >= min_digits && i > 0 && (plain.len() - i) % 3 == 0 {
            grouped.push_str(&numbers.group_separator);
        }
        grouped.push(c);
    }
    digits(numbers, &grouped)
}

/// `text` with the ASCII digits written in the language's own (Arabic-Indic for `ar`).
pub fn digits(numbers: &Numbers, text: &str) -> String {
    let own: Vec<char> = numbers.digits.chars().collect();
    if own.len() != 10 || own[0] == '0' {
        return text.to_owned();
    }
    text.chars()
        .map(|c| c.to_digit(10).map_or(c, |d| own[d as usize]))
        .collect()
}

/// `155` → `2:35`; `3723` → `1:02:03`.
pub fn duration(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_wall_clock_times_parse() {
        let d = DateTime::parse("2024-06-30").unwrap();
        assert_eq!((d.year, d.month, d.day, d.time), (2024, 6, 30, None));
        let t = DateTime::parse("2025-05-04T07:05").unwrap();
        assert_eq!(t.time, Some((7, 5)));
        assert_eq!(
            DateTime::parse("2025-05-04T07:05:00Z").unwrap().time,
            Some((7, 5))
        );
        for bad in [
            "",
            "2024-13-01",
            "2024-06-32",
            "2024-06",
            "2024-06-30T25:00",
            "x-y-z",
        ] {
            assert_eq!(DateTime::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn patterns_write_each_language_its_way() {
        let d = DateTime::parse("2024-06-30T08:00").unwrap();
        let am_pm = ("AM", "PM");
        assert_eq!(
            fill_date("{day} {month} {year}", &d, "juin", am_pm),
            "30 juin 2024"
        );
        assert_eq!(
            fill_date("{month} {day}, {year}", &d, "June", am_pm),
            "June 30, 2024"
        );
        assert_eq!(
            fill_date("{year}. {month} {day}.", &d, "június", am_pm),
            "2024. június 30."
        );
        assert_eq!(fill_date("{hour}:{minute}", &d, "", am_pm), "08:00");
        let evening = DateTime::parse("2024-06-30T20:05").unwrap();
        assert_eq!(
            fill_date("{hour12}:{minute} {period}", &evening, "", am_pm),
            "8:05 PM"
        );
        let midnight = DateTime::parse("2024-06-30T00:30").unwrap();
        assert_eq!(
            fill_date("{hour12}:{minute} {period}", &midnight, "", am_pm),
            "12:30 AM"
        );
    }

    fn numbers(group: &str, min: u8, digits: &str) -> Numbers {
        Numbers {
            group_separator: group.into(),
            minimum_grouping_digits: min,
            digits: digits.into(),
        }
    }

    #[test]
    fn counts_are_written_per_language() {
        let latin = "0123456789";
        let en = numbers(",", 1, latin);
        assert_eq!(count(&en, 999), "999");
        assert_eq!(count(&en, 47_855_301), "47,855,301");
        assert_eq!(count(&numbers("\u{202f}", 1, latin), 1200), "1\u{202f}200");
        assert_eq!(count(&numbers(".", 1, latin), 9000), "9.000");
        let hu = numbers("\u{a0}", 2, latin);
        assert_eq!(count(&hu, 5500), "5500");
        assert_eq!(count(&hu, 12_000), "12\u{a0}000");
        let ar = numbers("\u{66c}", 1, "٠١٢٣٤٥٦٧٨٩");
        assert_eq!(count(&ar, 1250), "١\u{66c}٢٥٠");
        assert_eq!(digits(&ar, "30 يونيو 2024"), "٣٠ يونيو ٢٠٢٤");
        assert_eq!(digits(&en, "30 June 2024"), "30 June 2024");
    }

    #[test]
    fn durations() {
        assert_eq!(duration(155), "2:35");
        assert_eq!(duration(3723), "1:02:03");
    }
}
