//! A country's hub page, `_index.<lang>.md`: the country's first page, which introduces
//! the sections. It takes only the fields every page takes, and has no rules of its own.

/// How problems name it, where another kind is named by its section folder.
pub(super) const NAME: &str = "the hub page (_index)";

pub(super) const FIELDS: &[&str] = &[];
