//! The Markdown body of any page: no second title, no raw HTML, links and images the
//! site can serve; site paths and media files are noted for the whole site to confirm.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd, TextMergeWithOffset};

use super::{Reference, Target};
use crate::citation::{self, Piece, Sources};
use crate::diagnostic::{list, Diagnostic, LineIndex};
use crate::limits::MAX_NESTING;
use crate::markdown::{link_target, parser_options};
use crate::url::{classify_url, UrlKind};

pub(super) fn check(
    path: &str,
    country: &str,
    body: &str,
    body_line: usize,
    // `None` when the front matter could not be read: citations are then not checked.
    sources: Option<&Sources>,
    problems: &mut Vec<Diagnostic>,
    references: &mut Vec<Reference>,
) {
    let lines = LineIndex::new(body);
    let position = |offset: usize| {
        let (line, col) = lines.line_col(offset);
        (body_line + line - 1, col)
    };
    let mut report = |offset: usize, message: String, hint: &str| {
        let (line, col) = position(offset);
        problems.push(Diagnostic::new(path, line, col, message, hint));
    };
    // Raw HTML is said once per block that holds it: a pasted page or an unclosed
    // `<script>` is one mistake, however many lines it runs over.
    let mut html_reported = false;
    let mut nesting = 0usize;
    let mut links = 0usize;
    // Merged as the renderer merges them, so a citation is read from one text event.
    let events =
        TextMergeWithOffset::new(Parser::new_ext(body, parser_options()).into_offset_iter());
    for (event, range) in events {
        match &event {
            Event::Start(Tag::Link { .. }) => links += 1,
            Event::End(TagEnd::Link) => links -= 1,
            _ => {}
        }
        let (url, is_image) = match &event {
            Event::Text(text) if text.contains("[@") => {
                let Some(sources) = sources else { continue };
                // Each citation at its place in the source: the text may differ from it
                // (smart quotes), the citation itself never does.
                let source = &body[range.clone()];
                let mut cursor = 0;
                for piece in citation::split(text) {
                    let Piece::Cite(id, _) = piece else { continue };
                    let written = format!("[@{id}]");
                    let at = source[cursor..].find(&written).map_or(range.start, |p| {
                        cursor += p + written.len();
                        range.start + cursor - written.len()
                    });
                    if links > 0 {
                        report(at, format!("the citation `{written}` is inside a link's text, where it would show as written"), "put it after the link: [text](address) [@id]");
                    } else if sources.find(id).is_none() {
                        let ids = sources.ids();
                        let named: Vec<String> = ids.iter().map(|i| format!("`{i}`")).collect();
                        let typo =
                            crate::suggest::did_you_mean(&format!("`{id}` {}", named.join(" ")));
                        let hint = if let Some(typo) = typo {
                            typo
                        } else if ids.is_empty() {
                            format!("give one of the page's [[sources]] the line id = \"{id}\"")
                        } else {
                            format!("the page's source ids are {}; or give a [[sources]] entry the line id = \"{id}\"", list(&named, "and"))
                        };
                        report(
                            at,
                            format!("the citation `{written}` names no source of this page"),
                            &hint,
                        );
                    }
                }
                continue;
            }
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
                html_reported = false;
                report(
                    range.start,
                    "the body has a level-1 heading; the page title already is one".into(),
                    "start sections with ## instead of #",
                );
                continue;
            }
            Event::Start(Tag::BlockQuote(_) | Tag::List(_)) => {
                html_reported = false;
                nesting += 1;
                if nesting == MAX_NESTING + 1 {
                    report(
                        range.start,
                        format!("block quotes and lists are nested more than {MAX_NESTING} deep"),
                        "no reader follows that many levels; flatten the text",
                    );
                }
                continue;
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_)) => {
                html_reported = false;
                nesting -= 1;
                continue;
            }
            Event::Start(_) | Event::End(_) if !is_inline(&event) => {
                html_reported = false;
                continue;
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                if !html_reported {
                    html_reported = true;
                    report(
                        range.start,
                        "raw HTML is not allowed in pages".into(),
                        "use Markdown instead; HTML would be shown as text",
                    );
                }
                continue;
            }
            _ => continue,
        };
        let (line, col) = position(range.start);
        let at = |target| Reference {
            target,
            file: path.to_owned(),
            line,
            col,
        };
        match classify_url(&url) {
            Err(e) => report(range.start, e.message, e.hint),
            Ok(UrlKind::External) if is_image => report(range.start, "images from other sites are not allowed".into(), &format!("they would tell that site who reads the page; put the image in content/{country}/media/ and write ![description](media/<file name>)")),
            Ok(UrlKind::Internal) if is_image && !url.starts_with('/') && !url.contains("..") => references.push(at(Target::Asset(format!("{country}/{url}")))),
            Ok(UrlKind::Internal) if is_image => report(range.start, format!("the image `{url}` is not inside the country's folder"), &format!("put it in content/{country}/media/ and write ![description](media/<file name>)")),
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

/// Whether a start or end event is of text inside a block (emphasis, a link), as opposed to
/// a block: raw HTML is reported again in the next block, not again in the same one.
fn is_inline(event: &Event) -> bool {
    match event {
        Event::Start(tag) => is_inline(&Event::End(tag.to_end())),
        Event::End(end) => matches!(
            end,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image
                | TagEnd::Superscript
                | TagEnd::Subscript
        ),
        _ => false,
    }
}
