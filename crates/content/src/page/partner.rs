//! Partner pages: a fact-checker, media-literacy or civil-society organisation, and where
//! a voter can send it a claim.

use super::{FrontMatter, Reporter};
use crate::manifest::{Partner, PartnerKind};

pub(super) const FIELDS: &[&str] = &["kind", "url", "languages", "submit_claim_url"];

pub(super) fn check(r: &mut Reporter, fm: &FrontMatter) -> Option<Partner> {
    let kind = fm.kind.as_ref().and_then(|k| r.variant::<PartnerKind>(k));
    let languages = r.languages(&fm.languages);
    if let Some(url) = &fm.url {
        r.url(url, "`url`");
    }
    if let Some(url) = &fm.submit_claim_url {
        // A tip line is often an e-mail address.
        r.url_or_contact(url, "`submit_claim_url`", true);
    }
    r.require(
        "a partner page",
        &[
            ("kind", fm.kind.is_some()),
            ("url", fm.url.is_some()),
            ("languages", !languages.is_empty()),
        ],
    );
    let (Some(kind), Some(url), false) = (kind, &fm.url, languages.is_empty()) else {
        return None;
    };
    Some(Partner {
        kind,
        url: url.get_ref().clone(),
        languages,
        submit_claim_url: fm.submit_claim_url.as_ref().map(|u| u.get_ref().clone()),
    })
}
