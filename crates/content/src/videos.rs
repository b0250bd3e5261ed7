//! Filtering a country's videos by topic, partner and language, as the video list's address
//! carries it (`?topic=…&partner=…&language=…`), so a filtered list can be shared.

use std::collections::BTreeSet;

use crate::query::Query;
use crate::{Video, VideoSource};

/// The origins of the partners' players these videos use: the CSP's `frame-src` beyond
/// `'self'`, so a voter's browser loads frames from these hosts and no other.
pub fn player_origins<'a>(videos: impl IntoIterator<Item = &'a Video>) -> BTreeSet<String> {
    videos
        .into_iter()
        .filter_map(|v| match &v.source {
            VideoSource::External {
                player: Some(p), ..
            } => crate::url::https_origin(p),
            _ => None,
        })
        .map(|origin| origin.to_ascii_lowercase())
        .collect()
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub topic: Option<String>,
    pub partner: Option<String>,
    pub language: Option<String>,
}

impl Filters {
    const KEYS: [&'static str; 3] = ["topic", "partner", "language"];

    /// From a query string (`?topic=misinformation&partner=afp`); other keys and empty
    /// values are ignored.
    pub fn from_query(query: &str) -> Filters {
        let query = Query::parse(query);
        let get = |key| query.get(key).filter(|v| !v.is_empty()).map(str::to_owned);
        Filters {
            topic: get("topic"),
            partner: get("partner"),
            language: get("language"),
        }
    }

    /// These filters as a query, without the unset ones.
    pub fn to_query(&self) -> Query {
        Filters::KEYS
            .into_iter()
            .zip([&self.topic, &self.partner, &self.language])
            .filter_map(|(key, value)| Some((key.to_owned(), value.clone()?)))
            .collect()
    }

    /// The filter `key` names (one of [`Filters::KEYS`]), to read or set.
    pub fn field(&mut self, key: &str) -> Option<&mut Option<String>> {
        match key {
            "topic" => Some(&mut self.topic),
            "partner" => Some(&mut self.partner),
            "language" => Some(&mut self.language),
            _ => None,
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn video(partner: Option<&str>, language: &str, topics: &[&str]) -> Video {
        Video {
            partner: partner.map(Into::into),
            language: language.into(),
            duration_seconds: None,
            published: None,
            topics: topics.iter().map(|t| (*t).to_owned()).collect(),
            poster: None,
            series: false,
            source: VideoSource::External {
                url: "https://example.org/".into(),
                player: None,
            },
        }
    }

    #[test]
    fn player_origins_are_the_players_hosts_once_each() {
        let with_player = |player: &str| Video {
            source: VideoSource::External {
                url: "https://partner.example/videos".into(),
                player: Some(player.into()),
            },
            ..video(Some("afp"), "fr", &[])
        };
        let videos = [
            with_player("https://Player.Example.org/embed/1"),
            with_player("https://player.example.org/embed/2?t=3"),
            with_player("https://other.example:8443/v/1"),
            // Refused by the checker; never in the policy even if it got this far.
            with_player("https://x.example;script-src *"),
            video(Some("afp"), "fr", &[]),
        ];
        assert_eq!(
            player_origins(&videos).into_iter().collect::<Vec<_>>(),
            ["https://other.example:8443", "https://player.example.org"]
        );
    }

    #[test]
    fn filters_round_trip_through_the_address() {
        let filters = Filters {
            topic: Some("électoral process".into()),
            partner: Some("afp".into()),
            language: None,
        };
        let query = filters.to_query().to_string();
        assert_eq!(query, "?topic=%C3%A9lectoral%20process&partner=afp");
        assert_eq!(Filters::from_query(&query), filters);
        assert_eq!(
            Filters::from_query("?topic=a+b&x=1&language=&bad"),
            Filters {
                topic: Some("a b".into()),
                ..Filters::default()
            }
        );
        assert_eq!(Filters::default().to_query().to_string(), "");
        // A malformed escape is not guessed at.
        assert_eq!(Filters::from_query("?topic=100%"), Filters::default());
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
