//! The JSON the build writes and the app reads: the only contract between the two.
//! It is also a public feed, so changes that break readers bump [`SCHEMA_VERSION`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub const SCHEMA_VERSION: u32 = 1;

/// `content/index.json`: every country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteIndex {
    pub schema: u32,
    pub countries: Vec<CountrySummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountrySummary {
    /// ISO 3166-1 alpha-2, lower case; also the URL segment.
    pub code: String,
    /// The country's name keyed by BCP 47 language code.
    pub names: BTreeMap<String, String>,
    pub default_language: String,
    pub languages: Vec<String>,
    /// IANA time zone of the country's elections, e.g. `Europe/Paris`.
    pub time_zone: String,
}

impl CountrySummary {
    /// The name in `lang`, else in English, else in the country's own language.
    pub fn name(&self, lang: &str) -> &str {
        [lang, "en", self.default_language.as_str()]
            .iter()
            .find_map(|l| self.names.get(*l))
            .map_or(self.code.as_str(), String::as_str)
    }
}

/// `content/<country>/<lang>.json`: everything the app needs to draw a country in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountryManifest {
    pub schema: u32,
    pub lang: String,
    pub country: CountrySummary,
    pub hub: PageEntry,
    pub pages: Vec<PageEntry>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    Elections,
    Resources,
    Partners,
    Guides,
    Videos,
}

impl Section {
    pub const ALL: [Section; 5] = [Section::Elections, Section::Resources, Section::Partners, Section::Guides, Section::Videos];

    /// The folder name under a country, which is also the URL segment.
    pub fn dir(self) -> &'static str {
        match self {
            Section::Elections => "elections",
            Section::Resources => "resources",
            Section::Partners => "partners",
            Section::Guides => "guides",
            Section::Videos => "videos",
        }
    }

    pub fn from_dir(dir: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.dir() == dir)
    }
}

/// One page's metadata. Its body, rendered to safe HTML at build time by
/// [`crate::render_markdown`], is a separate file at `body`, relative to the country's
/// folder, so a list view never downloads every body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageEntry {
    /// `None` for the country's hub page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Section>,
    pub slug: String,
    /// Language of this page's text; differs from the manifest's when it is a fallback.
    pub lang: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    pub weight: i32,
    /// `YYYY-MM-DD`.
    pub reviewed: String,
    pub sources: Vec<SourceRef>,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub title: String,
    /// Absent for printed or unpublished documents, which the title must then identify.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}
