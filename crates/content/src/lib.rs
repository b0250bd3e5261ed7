//! The Election Center content model.
//!
//! **This crate does no I/O and knows no browser APIs**: the native checker, the build step,
//! the browser app and pre-rendering all call the same functions, so they cannot disagree
//! about what a page means or how it renders.
//!
//! The browser app uses the manifest types and [`url`]; loading and checking a content tree
//! (TOML, a time-zone database) sits behind the `build` feature, which only the CLI enables.

pub mod countdown;
pub mod diagnostic;
pub mod format;
pub mod lang;
pub mod manifest;
pub mod markdown;
pub mod query;
pub mod route;
pub mod url;
pub mod videos;

#[cfg(feature = "build")]
pub mod front_matter;
#[cfg(feature = "build")]
pub mod i18n;
#[cfg(feature = "build")]
pub mod ics;
#[cfg(feature = "build")]
mod page;
#[cfg(feature = "build")]
pub mod site;
#[cfg(feature = "build")]
mod source_file;
#[cfg(feature = "build")]
mod suggest;
#[cfg(feature = "build")]
mod time;

pub use diagnostic::Diagnostic;
pub use manifest::*;
pub use markdown::{render_markdown, Heading, Rendered};
