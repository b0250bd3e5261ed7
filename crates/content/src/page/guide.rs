//! Guide pages: what a voter can do about one topic (checking a claim, how to vote, …).

use super::{FrontMatter, Reporter};
use crate::manifest::Guide;

pub(super) const FIELDS: &[&str] = &["topic"];

pub(super) fn check(r: &mut Reporter, fm: &FrontMatter) -> Option<Guide> {
    let complete = r.require("a guide", &[("topic", fm.topic.is_some())]);
    match (complete, &fm.topic) {
        (true, Some(topic)) => Some(Guide {
            topic: *topic.get_ref(),
        }),
        _ => None,
    }
}
