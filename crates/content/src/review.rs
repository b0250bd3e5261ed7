//! Pages due for a new review. A voter cannot tell an out-of-date page from a current one,
//! so the build, which knows today's date, marks the pages that may be out of date (the app
//! shows a notice on them) and warns their editors; `--strict` makes the warnings errors.
//!
//! A page is due when its `reviewed` date is older than its country's `review_every_days`,
//! or when it was reviewed before a date of an election that its page still calls upcoming
//! or under way: whatever it said about that election was written before the vote.

use crate::countdown::{civil_from_days, day_number};
use crate::diagnostic::Diagnostic;
use crate::manifest::{ElectionStatus, PageEntry, Section};
use crate::site::Site;

/// How long a page stays current when its country does not say (`review_every_days`).
pub(crate) const DEFAULT_REVIEW_EVERY_DAYS: u32 = 365;

impl Site {
    /// Marks every page due for review on `today` (`YYYY-MM-DD`) as stale, and returns a
    /// warning for each, at its `reviewed` field.
    pub fn review(&mut self, today: &str) -> Vec<Diagnostic> {
        let Some(today) = day_number(today) else {
            return Vec::new();
        };
        let mut warnings = Vec::new();
        for country in &mut self.countries {
            // The elections still called upcoming or under way, with the last of their
            // dates that has passed.
            let passed: Vec<(String, String, i64)> = country
                .pages
                .iter()
                .filter_map(|p| {
                    let e = p.entry.election.as_ref()?;
                    if !matches!(
                        e.status,
                        ElectionStatus::Upcoming | ElectionStatus::InProgress
                    ) {
                        return None;
                    }
                    let day = e
                        .events
                        .iter()
                        .filter_map(|ev| day_number(ev.date.as_deref().or(ev.start.as_deref())?))
                        .filter(|day| *day < today)
                        .max()?;
                    Some((p.entry.slug.clone(), p.entry.lang.clone(), day))
                })
                .collect();
            let every = i64::from(country.review_every_days);
            for page in &mut country.pages {
                let Some(reviewed) = day_number(&page.entry.reviewed) else {
                    continue;
                };
                let due = reviewed + every;
                let message = if due < today {
                    Some((
                        format!(
                            "this page was last reviewed on {}, more than {every} days ago",
                            page.entry.reviewed
                        ),
                        format!(
                            "check it against its sources and set `reviewed` to the date you did; \
                             `review_every_days` in content/{}/country.toml sets how often (now \
                             {every})",
                            country.summary.code
                        ),
                    ))
                } else {
                    describes_as_upcoming(&page.entry, &passed, reviewed).map(|day| {
                        (
                            format!(
                                "this page was reviewed before {}, a date of an election its page still calls upcoming",
                                date(day)
                            ),
                            "update the election's `status` and the text that describes it, then `reviewed`".to_owned(),
                        )
                    })
                };
                if let Some((message, hint)) = message {
                    page.entry.stale = true;
                    let (line, col) = page.reviewed_at;
                    warnings.push(Diagnostic::new(&page.file, line, col, message, hint).warning());
                }
            }
        }
        warnings
    }
}

/// The passed election date, after the page's review, of an election the page describes:
/// the election's own page, or the country's hub, which introduces every election.
fn describes_as_upcoming(
    entry: &PageEntry,
    passed: &[(String, String, i64)],
    reviewed: i64,
) -> Option<i64> {
    passed
        .iter()
        .filter(|(slug, lang, _)| match entry.section {
            None => *lang == entry.lang,
            Some(Section::Elections) => *slug == entry.slug && *lang == entry.lang,
            Some(_) => false,
        })
        .map(|(_, _, day)| *day)
        .find(|day| reviewed < *day)
}

fn date(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}
