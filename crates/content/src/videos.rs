//! Filtering a country's videos by topic, partner and language, as the video list's address
//! carries it (`?topic=…&partner=…&language=…`), so a filtered list can be shared.

use crate::Video;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub topic: Option<String>,
    pub partner: Option<String>,
    pub language: Option<String>,
}

impl Filters {
    /// From a query string (`?topic=misinformation&partner=afp`); unknown keys are ignored.
    pub fn from_query(query: &str) -> Filters {
        let mut filters = Filters::default();
        for pair in query.trim_start_matches('?').split('&') {
            let Some((key, value)) = pair.split_once('=') else {
                continue;
            };
            let value = decode(value);
            if value.is_empty() {
                continue;
            }
            match key {
                "topic" => filters.topic = Some(value),
                "partner" => filters.partner = Some(value),
                "language" => filters.language = Some(value),
                _ => {}
            }
        }
        filters
    }

    /// The query string for these filters, `""` when there are none.
    pub fn to_query(&self) -> String {
        let pairs: Vec<String> = [
            ("topic", &self.topic),
            ("partner", &self.partner),
            ("language", &self.language),
        ]
        .into_iter()
        .filter_map(|(key, value)| value.as_ref().map(|v| format!("{key}={}", encode(v))))
        .collect();
        crate::url::query_string(pairs.iter().map(String::as_str))
    }

    pub fn matches(&self, video: &Video) -> bool {
        self.topic.as_ref().is_none_or(|t| video.topics.contains(t))
            && self
                .partner
                .as_ref()
                .is_none_or(|p| video.partner.as_ref() == Some(p))
            && self.language.as_ref().is_none_or(|l| &video.language == l)
    }
}

/// Percent-encoding of what is not a letter, digit or `-._~` (UTF-8 bytes).
fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(text.get(i + 1..i + 3).unwrap_or(""), 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::VideoSource;

    fn video(partner: Option<&str>, language: &str, topics: &[&str]) -> Video {
        Video {
            partner: partner.map(Into::into),
            language: language.into(),
            duration_seconds: None,
            published: None,
            topics: topics.iter().map(|t| (*t).to_owned()).collect(),
            poster: None,
            source: VideoSource::External {
                url: "https://example.org/".into(),
            },
        }
    }

    #[test]
    fn filters_round_trip_through_the_address() {
        let filters = Filters {
            topic: Some("électoral process".into()),
            partner: Some("afp".into()),
            language: None,
        };
        let query = filters.to_query();
        assert_eq!(query, "?topic=%C3%A9lectoral%20process&partner=afp");
        assert_eq!(Filters::from_query(&query), filters);
        assert_eq!(
            Filters::from_query("?topic=a+b&x=1&language=&bad"),
            Filters {
                topic: Some("a b".into()),
                ..Filters::default()
            }
        );
        assert_eq!(Filters::default().to_query(), "");
        assert_eq!(
            Filters::from_query("?topic=100%"),
            Filters {
                topic: Some("100%".into()),
                ..Filters::default()
            }
        );
    }

    #[test]
    fn every_filter_must_match() {
        let v = video(Some("afp"), "fr", &["misinformation", "electoral process"]);
        assert!(Filters::default().matches(&v));
        assert!(Filters::from_query("?topic=misinformation&partner=afp&language=fr").matches(&v));
        assert!(!Filters::from_query("?topic=deepfakes").matches(&v));
        assert!(!Filters::from_query("?partner=lead-stories").matches(&v));
        assert!(!Filters::from_query("?language=ro").matches(&v));
        assert!(!Filters::from_query("?partner=afp").matches(&video(None, "fr", &[])));
    }
}
