//! The unit every loader reads. It sits apart so that pages, the site and the interface
//! translations can all take it without depending on one another.

/// A text file of the content tree; `path` is relative to the content root, `/`-separated.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}
