//! Video pages: a video served from this site (`file`, with captions) or one watched on a
//! partner's site (`external_url`, and `player_url` when the partner's player can be shown
//! here), with the facts a voter filters by.

use serde::Deserialize;
use toml::Spanned;

use super::{FrontMatter, Reporter, Target};
use crate::diagnostic::list;
use crate::manifest::{Captions, Video, VideoSource};

pub(super) const FIELDS: &[&str] = &[
    "partner",
    "language",
    "duration",
    "published",
    "topics",
    "poster",
    "file",
    "captions",
    "external_url",
    "player_url",
    "series",
];

pub(super) const CAPTION_FIELDS: &[&str] = &["lang", "label", "file"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CaptionFm {
    lang: Spanned<String>,
    label: String,
    file: Spanned<String>,
}

pub(super) fn check(r: &mut Reporter, fm: &FrontMatter, country: &str) -> Option<Video> {
    if let Some(lang) = &fm.language {
        r.language(lang);
    }
    if let Some(partner) = &fm.partner {
        r.refer(partner.span(), Target::Partner(partner.get_ref().clone()));
    }
    let duration = fm
        .duration
        .as_ref()
        .and_then(|d| match parse_duration(d.get_ref()) {
            Ok(seconds) => Some(seconds),
            Err(DurationError::Malformed) => {
                r.at(
                    d.span(),
                    format!("`{}` is not a duration", d.get_ref()),
                    "write minutes and seconds as \"2:35\", or hours as \"1:02:03\"",
                );
                None
            }
            Err(DurationError::TooLong) => {
                r.at(
                    d.span(),
                    format!("`{}` is longer than a duration can be", d.get_ref()),
                    "check the number: durations are minutes and seconds (\"2:35\") or hours, minutes and seconds (\"1:02:03\")",
                );
                None
            }
        });
    // What we serve ourselves we know fully; for a video on a partner's site, facts
    // that are not known are left out rather than guessed.
    let ours = fm.file.is_some();
    // A video watched elsewhere is a partner's: the page sends voters to a site the
    // partner page vouches for, behind a button that says so.
    let theirs = fm.external_url.is_some() && !ours;
    r.require(
        if ours {
            "a self-hosted video"
        } else if theirs {
            "a video on a partner's site"
        } else {
            "a video page"
        },
        &[
            ("language", fm.language.is_some()),
            ("duration", !ours || fm.duration.is_some()),
            ("published", !ours || fm.published.is_some()),
            ("partner", !theirs || fm.partner.is_some()),
            // Every card shows one, and a partner's player is behind it until played.
            ("poster", fm.poster.is_some()),
        ],
    );
    let published = fm.published.as_ref().map(|p| r.date(p, "published"));
    let poster = fm
        .poster
        .as_ref()
        .and_then(|p| media(r, country, p, &["png", "jpg", "jpeg", "webp", "avif"]));
    let source = match (&fm.file, &fm.external_url) {
        (Some(file), None) => {
            if let Some(player) = &fm.player_url {
                r.at(
                    player.span(),
                    "a self-hosted video plays in this site's own player",
                    "remove `player_url`, or `file` if the video is on the partner's site",
                );
            }
            let captions = fm
                .captions
                .as_ref()
                .map(|c| c.get_ref().as_slice())
                .unwrap_or_default();
            if captions.is_empty() {
                r.at(
                    file.span(),
                    "a self-hosted video needs captions",
                    "add a [[captions]] table with lang, label and a .vtt file",
                );
            }
            let captions: Vec<Captions> = captions
                .iter()
                .filter_map(|c| {
                    r.language(&c.lang);
                    media(r, country, &c.file, &["vtt"]).map(|file| Captions {
                        lang: c.lang.get_ref().clone(),
                        label: c.label.clone(),
                        file,
                    })
                })
                .collect();
            media(r, country, file, &["mp4", "webm"])
                .map(|file| VideoSource::File { file, captions })
        }
        (None, Some(url)) => {
            r.url(url, "`external_url`");
            if let Some(c) = &fm.captions {
                r.at(
                    c.span(),
                    "captions belong to self-hosted videos",
                    "remove [[captions]]; the partner's player shows its own",
                );
            }
            if let Some(player) = &fm.player_url {
                r.url(player, "`player_url`");
                // Its origin goes into the site's CSP (`frame-src`), so it must be plain.
                if crate::url::classify_url(player.get_ref()).is_ok()
                    && crate::url::https_origin(player.get_ref()).is_none()
                {
                    r.at(
                        player.span(),
                        format!("`{}` does not name a plain host", player.get_ref()),
                        "write the player's address as https://host/path, as the partner's \"embed\" code gives it",
                    );
                }
            }
            Some(VideoSource::External {
                url: url.get_ref().clone(),
                player: fm.player_url.as_ref().map(|p| p.get_ref().clone()),
            })
        }
        (Some(file), Some(_)) => {
            r.at(file.span(), "a video has either `file` or `external_url`, not both", "keep `file` for a video served from this site, `external_url` for one on the partner's site");
            None
        }
        (None, None) => {
            r.missing(
                "a video page needs `file` (served here) or `external_url` (on the partner's site)",
                "see the video examples in CONTENT.md",
            );
            None
        }
    };
    let (Some(language), Some(source)) = (&fm.language, source) else {
        return None;
    };
    Some(Video {
        partner: fm.partner.as_ref().map(|p| p.get_ref().clone()),
        language: language.get_ref().clone(),
        duration_seconds: duration,
        published,
        topics: fm
            .topics
            .as_ref()
            .map(|t| t.get_ref().clone())
            .unwrap_or_default(),
        poster,
        series: fm.series.unwrap_or_default(),
        source,
    })
}

#[derive(Debug, PartialEq, Eq)]
enum DurationError {
    Malformed,
    /// More seconds than the manifest's `duration_seconds` holds.
    TooLong,
}

/// `"2:35"` or `"1:02:03"` as seconds.
fn parse_duration(s: &str) -> Result<u32, DurationError> {
    let parts: Vec<&str> = s.split(':').collect();
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(DurationError::Malformed);
    }
    // Only digits are left, so a number that does not parse is one too large.
    let numbers: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().map_err(|_| DurationError::TooLong))
        .collect::<Result<_, _>>()?;
    if numbers[1..].iter().any(|&n| n >= 60) {
        return Err(DurationError::Malformed);
    }
    numbers.iter().try_fold(0u32, |total, &n| {
        total
            .checked_mul(60)
            .and_then(|t| t.checked_add(n))
            .ok_or(DurationError::TooLong)
    })
}

/// A media file named in front matter, relative to the country's folder, in one of
/// `formats`: its path, noted for the site to confirm the file exists.
fn media(
    r: &mut Reporter,
    country: &str,
    path: &Spanned<String>,
    formats: &[&str],
) -> Option<String> {
    let p = path.get_ref();
    let extension = p
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if p.starts_with('/') || p.contains("..") || p.contains('\\') || p.contains("://") {
        r.at(
            path.span(),
            format!("`{p}` is not a path inside the country's folder"),
            format!("put the file in content/{country}/media/ and write \"media/<file name>\""),
        );
        None
    } else if !formats.contains(&extension.as_str()) {
        r.at(
            path.span(),
            format!("`{p}` is not a {} file", list(formats, "or")),
            "convert the file to one of these formats",
        );
        None
    } else {
        r.refer(path.span(), Target::Asset(format!("{country}/{p}")));
        Some(p.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::{parse_duration, DurationError};

    #[test]
    fn durations() {
        assert_eq!(parse_duration("2:35"), Ok(155));
        assert_eq!(parse_duration("1:02:03"), Ok(3723));
        assert_eq!(parse_duration("0:59"), Ok(59));
        assert_eq!(parse_duration("71582788:15"), Ok(u32::MAX));
        for bad in ["", "2", "2:60", "a:10", "1:2:3:4", "-1:00", "2:"] {
            assert_eq!(parse_duration(bad), Err(DurationError::Malformed), "{bad}");
        }
        for long in [
            "71582789:00",
            "71582788:16",
            "1193047:00:00",
            "99999999999:00",
        ] {
            assert_eq!(parse_duration(long), Err(DurationError::TooLong), "{long}");
        }
    }
}
