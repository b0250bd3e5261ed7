//! The JSON the build writes and the app reads: the only contract between the two.
//! It is also a public feed (documented in CONTENT.md), so a change that breaks readers
//! bumps [`SCHEMA_VERSION`]; adding an optional field does not.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use crate::route::Section;

pub const SCHEMA_VERSION: u32 = 1;

/// `content/index.json`: every country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SiteIndex {
    pub schema: u32,
    pub countries: Vec<CountrySummary>,
}

/// A country's ISO 3166-1 alpha-2 code, lower case (`fr`): the folder under `content/` and
/// the address segment. Checked when read, from a folder name, an address or a manifest.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode(String);

impl CountryCode {
    /// `code` if it has the shape of an alpha-2 code: two lower-case ASCII letters.
    pub fn parse(code: &str) -> Option<CountryCode> {
        (code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()))
            .then(|| CountryCode(code.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for CountryCode {
    type Error = String;
    fn try_from(code: String) -> Result<Self, String> {
        CountryCode::parse(&code).ok_or_else(|| format!("`{code}` is not a country code"))
    }
}

impl From<CountryCode> for String {
    fn from(code: CountryCode) -> String {
        code.0
    }
}

impl std::ops::Deref for CountryCode {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for CountryCode {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for CountryCode {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl std::fmt::Display for CountryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CountrySummary {
    /// Also the address segment.
    pub code: CountryCode,
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

    /// The language of the manifest shown with the interface in `ui`: `ui` when the country
    /// offers it, else the country's default (its pages then say so).
    pub fn shown_language(&self, ui: crate::lang::Lang) -> &str {
        self.languages
            .iter()
            .find(|l| ui == **l)
            .unwrap_or(&self.default_language)
    }
}

/// `content/<country>/<lang>.json`: everything the app needs to draw a country in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CountryManifest {
    pub schema: u32,
    pub lang: String,
    pub country: CountrySummary,
    pub hub: PageEntry,
    pub pages: Vec<PageEntry>,
}

/// One page's metadata. Its body, rendered to safe HTML at build time by
/// `markdown::render_markdown`, is a separate file at `body`, relative to the country's
/// folder, so a list view never downloads every body. Exactly one of the kind-specific
/// fields is present, matching `section`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    #[cfg_attr(feature = "schema", schemars(extend("format" = "date")))]
    pub reviewed: String,
    /// Due for a new review when the content was built (`review.rs`): voters are told the
    /// page may be out of date.
    #[serde(default, skip_serializing_if = "is_false")]
    pub stale: bool,
    pub sources: Vec<SourceRef>,
    pub body: String,
    /// The body's headings, for a table of contents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub toc: Vec<TocEntry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub election: Option<Election>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<Resource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<Partner>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guide: Option<Guide>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<Video>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SourceRef {
    pub title: String,
    /// Absent for printed or unpublished documents, which the title must then identify.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("format" = "uri")))]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Election {
    #[serde(rename = "type")]
    pub election_type: ElectionType,
    pub status: ElectionStatus,
    /// Slug of the election this one reruns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rerun_of: Option<String>,
    /// How to vote in a sentence or two: the hub's first screen says it, and links to the
    /// election's page for the rest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how_to_vote: Option<String>,
    /// Sorted by time.
    pub events: Vec<ElectionEvent>,
}

/// In the browser, each unit enum of the manifests is read as a `String` and then named
/// from this table, rather than by serde's derived visitor: the derived visitors, whose
/// error messages format numbers and escape strings, measured about 1.5 KB brotli of wasm.
/// Wherever the checker runs (the `build` feature: natively, and in the editor's wasm) the
/// derive stays, for its "expected one of …" messages; a test holds the two to the same names.
macro_rules! names {
    ($ty:ident { $($variant:ident = $name:literal),* $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),*];

            /// The name the manifests write.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),*
                }
            }
        }

        impl TryFrom<String> for $ty {
            type Error = &'static str;

            fn try_from(name: String) -> Result<Self, Self::Error> {
                $ty::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == name)
                    .ok_or("an unknown name")
            }
        }
    };
}

names!(ElectionType { Presidential = "presidential", Legislative = "legislative", Local = "local", Regional = "regional", European = "european", Referendum = "referendum" });
names!(ElectionStatus { Upcoming = "upcoming", InProgress = "in_progress", Held = "held", Annulled = "annulled", Rerun = "rerun" });
names!(EventKind { Announcement = "announcement", RegistrationDeadline = "registration_deadline", CampaignStart = "campaign_start", CampaignEnd = "campaign_end", VotingDay = "voting_day", Results = "results", CourtRuling = "court_ruling", Other = "other" });
names!(ResourceKind { ElectoralAuthority = "electoral_authority", GovernmentInformation = "government_information", Regulator = "regulator", Court = "court", PoliceCyber = "police_cyber", Other = "other" });
names!(PartnerKind { FactChecker = "fact_checker", MediaLiteracy = "media_literacy", CivilSociety = "civil_society" });
names!(GuideTopic { CheckAClaim = "check_a_claim", ManipulatedMedia = "manipulated_media", AiGenerated = "ai_generated", Labels = "labels", CoordinatedBehaviour = "coordinated_behaviour", Reporting = "reporting", HowToVote = "how_to_vote", Results = "results", Other = "other" });

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    all(target_arch = "wasm32", not(feature = "build")),
    serde(try_from = "String")
)]
pub enum ElectionType {
    Presidential,
    Legislative,
    Local,
    Regional,
    European,
    Referendum,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    all(target_arch = "wasm32", not(feature = "build")),
    serde(try_from = "String")
)]
pub enum ElectionStatus {
    Upcoming,
    InProgress,
    Held,
    Annulled,
    Rerun,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ElectionEvent {
    pub kind: EventKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// When the event lasts whole days: `YYYY-MM-DD` in `time_zone`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("format" = "date")))]
    pub date: Option<String>,
    /// When it has a time: the instant, RFC 3339 in UTC (`2024-06-30T06:00:00Z`). Computed at
    /// build time from the local time and zone, so the browser needs no time-zone database.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("format" = "date-time")))]
    pub start: Option<String>,
    /// `start` as the wall clock in `time_zone` (`2024-06-30T08:00`), computed at build
    /// time: how the app and pre-rendered pages write the time, identically on both sides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("format" = "date-time")))]
    pub end: Option<String>,
    /// IANA zone the event is defined in; show times in it.
    pub time_zone: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    all(target_arch = "wasm32", not(feature = "build")),
    serde(try_from = "String")
)]
pub enum EventKind {
    Announcement,
    RegistrationDeadline,
    CampaignStart,
    CampaignEnd,
    VotingDay,
    Results,
    CourtRuling,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Resource {
    pub kind: ResourceKind,
    #[cfg_attr(feature = "schema", schemars(extend("format" = "uri")))]
    pub url: String,
    /// What a voter goes there for.
    pub purpose: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    all(target_arch = "wasm32", not(feature = "build")),
    serde(try_from = "String")
)]
pub enum ResourceKind {
    ElectoralAuthority,
    GovernmentInformation,
    Regulator,
    Court,
    PoliceCyber,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Partner {
    pub kind: PartnerKind,
    #[cfg_attr(feature = "schema", schemars(extend("format" = "uri")))]
    pub url: String,
    pub languages: Vec<String>,
    /// Where a voter can send a claim to be checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("format" = "uri")))]
    pub submit_claim_url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    all(target_arch = "wasm32", not(feature = "build")),
    serde(try_from = "String")
)]
pub enum PartnerKind {
    FactChecker,
    MediaLiteracy,
    CivilSociety,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Guide {
    pub topic: GuideTopic,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    all(target_arch = "wasm32", not(feature = "build")),
    serde(try_from = "String")
)]
pub enum GuideTopic {
    CheckAClaim,
    ManipulatedMedia,
    AiGenerated,
    Labels,
    CoordinatedBehaviour,
    Reporting,
    HowToVote,
    Results,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Video {
    /// Slug of a partner page of the same country; absent for videos Election Center made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
    /// BCP 47 code of the spoken language.
    pub language: String,
    /// Known for self-hosted videos; may be absent for a series on a partner's site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_seconds: Option<u32>,
    /// `YYYY-MM-DD`; as `duration_seconds`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("format" = "date")))]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// Path relative to the country's folder; every video has one (the checker requires
    /// it), optional here for manifests written before that rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poster: Option<String>,
    /// A series of videos rather than one.
    #[serde(default, skip_serializing_if = "is_false")]
    pub series: bool,
    pub source: VideoSource,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum VideoSource {
    /// Served from this site; paths relative to the country's folder.
    File {
        file: String,
        captions: Vec<Captions>,
    },
    /// Watched on the partner's site, or in its player (`player`, an https address shown
    /// in an iframe only after the voter asks for it; its origin is in the CSP's
    /// `frame-src`).
    External {
        #[cfg_attr(feature = "schema", schemars(extend("format" = "uri")))]
        url: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "schema", schemars(extend("format" = "uri")))]
        player: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Captions {
    pub lang: String,
    pub label: String,
    pub file: String,
}

fn is_false(b: &bool) -> bool {
    !b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::Section;

    /// What the browser reads (`names!`, `Section::from_dir`) is what serde writes.
    fn same_names<T>(all: &[T], name: impl Fn(&T) -> &'static str)
    where
        T: Serialize + for<'de> Deserialize<'de> + TryFrom<String> + PartialEq + std::fmt::Debug,
    {
        for v in all {
            assert_eq!(
                serde_json::to_string(v).unwrap(),
                format!("\"{}\"", name(v))
            );
            assert!(
                T::try_from(name(v).to_owned()).is_ok_and(|read| read == *v),
                "{v:?}"
            );
        }
        assert!(T::try_from("not_a_name".to_owned()).is_err());
    }

    #[test]
    fn the_browser_reads_the_names_serde_writes() {
        same_names(ElectionType::ALL, |v| v.as_str());
        same_names(ElectionStatus::ALL, |v| v.as_str());
        same_names(EventKind::ALL, |v| v.as_str());
        same_names(ResourceKind::ALL, |v| v.as_str());
        same_names(PartnerKind::ALL, |v| v.as_str());
        same_names(GuideTopic::ALL, |v| v.as_str());
        same_names(&Section::ALL, |v| v.dir());
    }
}
