//! The Markdown body of any page: no second title, no raw HTML, links and images the
//! site can serve; site paths and media files are noted for the whole site to confirm.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag};

use super::{Reference, Target};
use crate::diagnostic::{line_col, Diagnostic};
use crate::markdown::{link_target, parser_options};
use crate::url::{classify_url, UrlKind};

pub(super) fn check(
    path: &str,
    country: &str,
    body: &str,
    body_line: usize,
    problems: &mut Vec<Diagnostic>,
    references: &mut Vec<Reference>,
) {
    let mut report = |offset: usize, message: String, hint: &str| {
        let (line, col) = line_col(body, offset);
        problems.push(Diagnostic::new(
            path,
            body_line + line - 1,
            col,
            message,
            hint,
        ));
    };
    for (event, range) in Parser::new_ext(body, parser_options()).into_offset_iter() {
        let (url, is_image) = match &event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => (link_target(*link_type, dest_url), false),
            Event::Start(Tag::Image { dest_url, .. }) => (dest_url.clone(), true),
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => {
                report(
                    range.start,
                    "the body has a level-1 heading; the page title already is one".into(),
                    "start sections with ## instead of #",
                );
                continue;
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                report(
                    range.start,
                    "raw HTML is not allowed in pages".into(),
                    "use Markdown instead; HTML would be shown as text",
                );
                continue;
            }
            _ => continue,
        };
        let (line, col) = line_col(body, range.start);
        let at = |target| Reference {
            target,
            file: path.to_owned(),
            line: body_line + line - 1,
            col,
        };
        match classify_url(&url) {
            Err(e) => report(range.start, e.message, e.hint),
            Ok(UrlKind::External) if is_image => report(range.start, "images from other sites are not allowed".into(), "they would tell that site who reads the page; put the image in the country's media/ folder"),
            Ok(UrlKind::Internal) if is_image && !url.starts_with('/') && !url.contains("..") => references.push(at(Target::Asset(format!("{country}/{url}")))),
            Ok(UrlKind::Internal) if is_image => report(range.start, format!("the image `{url}` is not inside the country's folder"), "put it in the country's media/ folder and write ![description](media/<file name>)"),
            Ok(UrlKind::Internal) if url.starts_with('/') || url.starts_with('#') => {
                if url.starts_with('/') {
                    references.push(at(Target::Link(url.to_string())));
                }
            }
            Ok(UrlKind::Internal) => report(range.start, format!("the link `{url}` is relative"), "start links to pages of this site with /, e.g. /fr/guides/check-a-claim"),
            Ok(_) => {}
        }
    }
}
