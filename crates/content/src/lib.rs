//! The Election Center content model.
//!
//! **This crate does no I/O and knows no browser APIs**: the native checker, the build step,
//! the browser app and pre-rendering all call the same functions, so they cannot disagree
//! about what a page means or how it renders.

pub mod diagnostic;
pub mod front_matter;
pub mod manifest;
pub mod markdown;
pub mod site;
pub mod url;

pub use diagnostic::Diagnostic;
pub use manifest::{CountryManifest, CountrySummary, PageEntry, Section, SiteIndex, SourceRef, SCHEMA_VERSION};
pub use markdown::{render_markdown, Heading, Rendered};
