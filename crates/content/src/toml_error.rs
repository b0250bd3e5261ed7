//! A TOML error as an editor can act on it: one line, at the place to change. Two mistakes
//! get their own explanation, because the parser's words point the wrong way:
//!
//! - a field written under a table (`weight = 1` after `[[sources]]`) belongs to that
//!   table, so TOML calls it an unknown field *of the table*;
//! - a date that does not exist (`2024-02-30`) is only "invalid date-time".

use crate::diagnostic::{shorten_quotes, Diagnostic, LineIndex};
use crate::suggest;

/// The fields of a file and of its tables, to tell a field written under a table that does
/// not take it.
pub(crate) struct Fields {
    /// Whose fields sit above the first table: "the page's", "the country's".
    pub owner: &'static str,
    /// Whether a key is a field of the file itself.
    pub is_field: fn(key: &str) -> bool,
    /// Whether the table (`sources`, `names`) takes a key.
    pub takes: fn(table: &str, key: &str) -> bool,
}

/// `e`, found in `text` whose first line is line `first_line` of the file `path`.
pub(crate) fn problem(
    path: &str,
    text: &str,
    first_line: usize,
    e: &toml::de::Error,
    fields: Option<&Fields>,
) -> Diagnostic {
    let lines = LineIndex::new(text);
    let at = |offset: usize| {
        let (line, col) = lines.line_col(offset);
        (first_line + line - 1, col)
    };
    // The parser's messages can run over lines ("invalid date-time\nvalue is out of range").
    let message = e
        .message()
        .trim()
        .replace('\n', ": ")
        .replace("expected i32", "expected a whole number");
    if let Some(fields) = fields {
        if let Some(misplaced) = misplaced(text, e, &message, fields) {
            let (line, col) = at(misplaced.key);
            let (first, _) = at(misplaced.first_table);
            let (table_line, _) = at(misplaced.table);
            let (key, table) = (misplaced.name, misplaced.header);
            return Diagnostic::new(
                path,
                line,
                col,
                format!(
                    "`{key}` is inside the {table} table of line {table_line}: TOML puts every \
                     line after `{table}` into that table"
                ),
                format!(
                    "move `{key}` above line {first}, the first table: the fields above it are {} own",
                    fields.owner
                ),
            );
        }
    }
    if let Some((offset, why)) = e.span().and_then(|span| impossible_date(text, span.start)) {
        let (line, col) = at(offset);
        let hint = if why.contains("time of day") {
            "check it against the source; times run from 00:00:00 to 23:59:59 (midnight at the \
             end of a day is 00:00:00 of the next)"
        } else {
            "check it against the source; dates are written year-month-day, e.g. 2025-05-04"
        };
        return Diagnostic::new(path, line, col, why, hint);
    }
    let (line, col) = e.span().map_or((first_line, 1), |span| at(span.start));
    let hint = suggest::did_you_mean(&message).unwrap_or_else(|| {
        if message.starts_with("unknown field") {
            "check the spelling; CONTENT.md lists the fields of every page kind".to_owned()
        } else if message.starts_with("missing field") {
            "add the field; CONTENT.md shows an example of every page kind".to_owned()
        } else if message.starts_with("invalid type: string") && message.contains("datetime") {
            "write dates without quotes: reviewed = 2025-05-04".to_owned()
        } else if message.starts_with("invalid type") {
            "this field takes another kind of value: text in \"quotes\", numbers and true/false without, dates as 2025-05-04".to_owned()
        } else {
            "check the TOML syntax: text in \"quotes\", dates as 2025-05-04, lists in [ ]".to_owned()
        }
    });
    Diagnostic::new(path, line, col, shorten_quotes(&message), hint)
}

/// A field of the file written under a table that does not take it; byte offsets in the text.
struct Misplaced<'a> {
    name: &'a str,
    key: usize,
    /// The table's header (`[[sources]]`) and where it is.
    header: &'a str,
    table: usize,
    first_table: usize,
}

fn misplaced<'a>(
    text: &'a str,
    e: &toml::de::Error,
    message: &str,
    fields: &Fields,
) -> Option<Misplaced<'a>> {
    let named = ["unknown field `", "missing field `", "duplicate key `"]
        .iter()
        .find_map(|start| message.strip_prefix(start)?.split('`').next());
    let missing = message.starts_with("missing field");
    let duplicate = message.starts_with("duplicate key");
    // Fields written where they belong, above the first table.
    let mut above: Vec<&str> = Vec::new();
    let error_line = e.span().map(|span| line_start(text, span.start));
    let mut first_table = None;
    let mut table: Option<(&str, usize)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let here = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            first_table.get_or_insert(here);
            table = Some((trimmed.split('#').next().unwrap_or(trimmed).trim(), here));
            continue;
        }
        let Some(key) = line_key(trimmed) else {
            continue;
        };
        let Some((header, table_at)) = table else {
            above.push(key);
            continue;
        };
        // The line the parser stopped at, or for a missing field any line under a table
        // that names it.
        let wanted = if missing {
            named == Some(key)
        } else {
            error_line == Some(here) && named.is_none_or(|n| n == key)
        };
        let name = header.trim_matches(['[', ']']).trim();
        // A duplicate key is one the table takes, written for it twice.
        if wanted
            && (fields.is_field)(key)
            && !above.contains(&key)
            && (duplicate || !(fields.takes)(name, key))
        {
            let indent = line.len() - line.trim_start().len();
            return Some(Misplaced {
                name: key,
                key: here + indent,
                header,
                table: table_at,
                first_table: first_table.unwrap_or(table_at),
            });
        }
    }
    None
}

/// Where `key` is written as a line of a table (`[[sources]]`), if it is: the line's offset
/// and the table's header. A field a page lacks may be there, taken as the table's.
pub(crate) fn under_a_table<'a>(text: &'a str, key: &str) -> Option<(usize, &'a str)> {
    let mut table = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let here = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            table = Some(trimmed.split('#').next().unwrap_or(trimmed).trim());
        } else if let (Some(header), Some(k)) = (table, line_key(trimmed)) {
            if k == key {
                return Some((here + line.len() - line.trim_start().len(), header));
            }
        }
    }
    None
}

/// The key of a `key = value` line.
fn line_key(line: &str) -> Option<&str> {
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')).then_some(key)
}

fn line_start(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1)
}

/// The date or date-time at `offset` (anywhere in it), if it is written as one but does not
/// exist: where it starts, and why it is not a date.
fn impossible_date(text: &str, offset: usize) -> Option<(usize, String)> {
    let is_part = |c: char| c.is_ascii_digit() || "-:T.+Zz".contains(c);
    let offset = offset.min(text.len());
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_part(*c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = text[start..]
        .find(|c: char| !is_part(c))
        .map_or(text.len(), |i| start + i);
    let token = &text[start..end];
    let number = |from: usize, to: usize| -> Option<u32> {
        let digits = token.get(from..to)?;
        digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| digits.parse().ok())?
    };
    let (year, month, day) = (number(0, 4)?, number(5, 7)?, number(8, 10)?);
    if token.get(4..5) != Some("-") || token.get(7..8) != Some("-") {
        return None;
    }
    let date = &token[..10];
    let why = if !(1..=12).contains(&month) {
        Some(format!("{date} is not a date: a year has 12 months"))
    } else if day == 0 || day > days_in_month(year, month) {
        Some(format!(
            "{date} is not a date: {} {year} has {} days",
            MONTHS[month as usize - 1],
            days_in_month(year, month)
        ))
    } else if matches!(token.get(10..11), Some("T" | "t")) {
        let (hour, minute) = (number(11, 13)?, number(14, 16)?);
        let second = number(17, 19).unwrap_or(0);
        let time = token.get(11..19).or(token.get(11..16))?;
        if hour > 23 {
            Some(format!(
                "{time} is not a time of day: hours go from 00 to 23"
            ))
        } else if minute > 59 || second > 59 {
            Some(format!(
                "{time} is not a time of day: minutes and seconds go from 00 to 59"
            ))
        } else {
            None
        }
    } else {
        None
    };
    why.map(|why| (start, why))
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn why(text: &str) -> Option<String> {
        let offset = text.find(|c: char| c.is_ascii_digit())?;
        impossible_date(text, offset + 8).map(|(at, why)| {
            assert_eq!(at, offset);
            why
        })
    }

    #[test]
    fn impossible_dates_say_why() {
        assert_eq!(
            why("reviewed = 2024-02-30").as_deref(),
            Some("2024-02-30 is not a date: February 2024 has 29 days")
        );
        assert_eq!(
            why("x = 2023-02-29\n").as_deref(),
            Some("2023-02-29 is not a date: February 2023 has 28 days")
        );
        assert_eq!(
            why("x = 1900-02-29").as_deref(),
            Some("1900-02-29 is not a date: February 1900 has 28 days")
        );
        assert_eq!(
            why("x = 2024-04-31").as_deref(),
            Some("2024-04-31 is not a date: April 2024 has 30 days")
        );
        assert_eq!(
            why("x = 2024-13-01").as_deref(),
            Some("2024-13-01 is not a date: a year has 12 months")
        );
        assert_eq!(
            why("start = 2025-05-04T24:00:00").as_deref(),
            Some("24:00:00 is not a time of day: hours go from 00 to 23")
        );
        assert_eq!(
            why("start = 2025-05-04T07:60").as_deref(),
            Some("07:60 is not a time of day: minutes and seconds go from 00 to 59")
        );
        for fine in [
            "x = 2000-02-29",
            "x = 2024-12-31T23:59:59+02:00",
            "x = 2024-1-1",
            "x = \"2024\"",
        ] {
            assert_eq!(why(fine), None, "{fine}");
        }
    }
}
