//! The Election Center content model.
//!
//! **This crate does no I/O and knows no browser APIs**: the native checker, the build step,
//! the browser app and pre-rendering all call the same functions, so they cannot disagree
//! about what a page means or how it renders.
//!
//! The browser app uses the manifest types, [`route`], [`url`] and [`html`]. Rendering
//! Markdown sits behind the `render` feature, and loading and checking a content tree (TOML,
//! a time-zone database) behind `build`, which implies `render`: only the CLI enables them,
//! so the wasm carries no Markdown parser.

pub mod changes;
pub mod countdown;
pub mod diagnostic;
pub mod feeds;
pub mod format;
pub mod html;
pub mod json;
pub mod lang;
pub mod manifest;
pub mod plural;
pub mod query;
pub mod route;
pub mod url;
pub mod videos;

#[cfg(feature = "render")]
pub mod citation;
#[cfg(feature = "render")]
pub mod markdown;

#[cfg(feature = "search")]
pub mod search;

#[cfg(feature = "build")]
pub mod atom;
#[cfg(feature = "build")]
mod country_code;
#[cfg(feature = "build")]
pub mod editor;
#[cfg(feature = "build")]
pub mod external_links;
#[cfg(feature = "build")]
pub mod front_matter;
#[cfg(feature = "build")]
pub mod i18n;
#[cfg(feature = "build")]
pub mod ics;
#[cfg(feature = "build")]
pub mod identity;
#[cfg(feature = "build")]
pub mod limits;
#[cfg(feature = "build")]
mod page;
#[cfg(feature = "build")]
mod review;
#[cfg(feature = "build")]
pub mod site;
#[cfg(feature = "build")]
mod source_file;
#[cfg(feature = "build")]
mod suggest;
#[cfg(feature = "build")]
mod time;
#[cfg(feature = "build")]
mod toml_error;

#[cfg(feature = "schema")]
pub mod schema;

pub use diagnostic::Diagnostic;
pub use manifest::*;
#[cfg(feature = "render")]
pub use markdown::{render_markdown, Heading, Rendered};
