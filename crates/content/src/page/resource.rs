//! Official resource pages: an authority or service a voter can turn to, and what for.

use super::{FrontMatter, Reporter};
use crate::manifest::{Resource, ResourceKind};

pub(super) const FIELDS: &[&str] = &["kind", "url", "purpose", "languages"];

pub(super) fn check(r: &mut Reporter, fm: &FrontMatter) -> Option<Resource> {
    let kind = fm.kind.as_ref().and_then(|k| r.variant::<ResourceKind>(k));
    let languages = r.languages(&fm.languages);
    if let Some(url) = &fm.url {
        r.url(url, "`url`");
    }
    r.require(
        "a resource page",
        &[
            ("kind", fm.kind.is_some()),
            ("url", fm.url.is_some()),
            ("purpose", fm.purpose.is_some()),
        ],
    );
    let (Some(kind), Some(url), Some(purpose)) = (kind, &fm.url, &fm.purpose) else {
        return None;
    };
    Some(Resource {
        kind,
        url: url.get_ref().clone(),
        purpose: purpose.get_ref().clone(),
        languages,
    })
}
