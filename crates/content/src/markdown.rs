//! The one Markdown-to-HTML function. Loading a page (`check` and `build` both do) calls
//! [`render_markdown`]; the app and the pre-renderer only show the HTML it wrote, so a page
//! looks the same wherever it is shown, and what is unsafe is decided in one place.
//!
//! Content is untrusted input: raw HTML is shown as text, never passed through, and every
//! link and image goes through [`classify_url`].

use std::collections::{BTreeSet, HashMap, HashSet};

use pulldown_cmark::{
    Alignment, CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd,
    TextMergeStream,
};

use crate::citation::{self, Piece, Sources};
use crate::html::escape_attr;
use crate::url::{classify_url, UrlKind};

/// Parser options shared with the body checks (`page/body.rs`), so the checker reads a
/// body exactly as the renderer does.
pub fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
}

/// The prefixes of every id a rendered body carries: `h-` for headings, `fn-` for
/// footnotes. The app's own ids (the skip link's `main`, `toc-title`…) and the page's
/// global names start with neither, so a body can never take one of them, whatever its
/// headings say (`tidy.rs::app_ids_are_reserved` holds the app to it).
pub const HEADING_ID_PREFIX: &str = "h-";
pub const FOOTNOTE_ID_PREFIX: &str = "fn-";

/// A heading of a rendered page, for an in-page table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// HTML and outline of one Markdown body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
}

/// Renders Markdown into HTML that is safe to insert into the page: no raw HTML, no
/// script-bearing URLs, no images from other origins (no third-party requests), external
/// links marked and opened without an opener.
///
/// Relative image paths (`media/x.png`, relative to the country's folder) are prefixed with
/// `asset_base` (e.g. `content/fr/`), which the page's `<base href>` resolves, so images work
/// on every route and under any hosting sub-path. Site paths are written without a language
/// (`/fr/partners/afp`: France's AFP page) and become `{site_base}/fr/partners/afp`, with
/// `site_base` the language the page is in (`en`): every route starts with its interface
/// language, and hrefs relative to `<base href>` work under any hosting sub-path too.
///
/// A citation (`[@bec]`, see `citation.rs`) of one of `sources` becomes a link to that source
/// in the page's list, numbered as the list is.
pub fn render_markdown(
    src: &str,
    asset_base: &str,
    site_base: &str,
    sources: &Sources,
) -> Rendered {
    // Merged, so that a citation is one text event: the parser hands out `[`, `@bec` and
    // `]` separately when the brackets are not a link.
    let events: Vec<Event> = TextMergeStream::new(Parser::new_ext(src, parser_options())).collect();
    // Every id on the page must be unique, and none may be chosen by the author verbatim:
    // `[^ElectionCenterHost]` rendered as `id="ElectionCenterHost"` would make
    // `window.ElectionCenterHost` that element (named access on window), which the embedding
    // bridge takes for the Android host, and `## Main` as `id="main"` would send the skip
    // link into the body. Ids are therefore prefixed slugs, in two namespaces that cannot
    // meet: `h-` for headings, `fn-` for footnotes.
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let footnotes = footnote_ids(&events, &mut taken);
    let mut headings = Vec::new();
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    // What each open link or image became, so its end tag matches.
    let mut open: Vec<Closing> = Vec::new();
    // The open table's column alignments, whether its cells are in the head, and the
    // next cell's column: cells are opened here rather than by push_html (see table_cell).
    let mut columns: Vec<Alignment> = Vec::new();
    let mut in_head = false;
    let mut column = 0;
    let mut defined = HashSet::new();
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Html(raw) | Event::InlineHtml(raw) => out.push(Event::Text(raw.clone())),
            // Not inside a link's text: an anchor cannot hold another.
            Event::Text(text)
                if text.contains("[@") && !open.iter().any(|o| matches!(o, Closing::Anchor)) =>
            {
                cite(text, sources, &mut out);
            }
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                let text = plain_text_until_end(&events[i + 1..]);
                let id = unique_id(
                    &format!("{HEADING_ID_PREFIX}{}", slugify(&text)),
                    &mut taken,
                );
                headings.push(Heading {
                    level: *level as u8,
                    id: id.clone(),
                    text,
                });
                out.push(Event::Start(Tag::Heading {
                    level: *level,
                    id: Some(CowStr::from(id)),
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) => {
                let target = link_target(*link_type, dest_url);
                match classify_url(&target) {
                    Ok(kind) => {
                        let target = match kind {
                            UrlKind::Internal => heading_fragment(&target),
                            _ => target,
                        };
                        // Browsers read a leading `\` as `/`: left as it is, `\x` would
                        // leave the hosting sub-path for the origin's root.
                        let dest = match target.strip_prefix(['/', '\\']) {
                            Some("") => CowStr::from(site_base.to_owned()),
                            Some(rest) => CowStr::from(format!("{site_base}/{rest}")),
                            None => target.clone(),
                        };
                        out.push(Event::Html(CowStr::from(anchor_open(&dest, title, kind))));
                        open.push(Closing::Anchor);
                    }
                    Err(_) => open.push(Closing::Nothing),
                }
            }
            // push_html makes the info string's first space-separated word a class
            // (`language-…`); a tab or line feed in it would add classes of the author's
            // choosing (```` ```rust\tskip-link ````), so only the first word is passed on.
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let language = info.split_ascii_whitespace().next().unwrap_or_default();
                out.push(Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(
                    CowStr::from(language.to_owned()),
                ))));
            }
            Event::Start(Tag::Table(alignments)) => {
                columns.clone_from(alignments);
                out.push(Event::Start(Tag::Table(Vec::new())));
            }
            Event::Start(Tag::TableHead) => {
                (in_head, column) = (true, 0);
                out.push(events[i].clone());
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                out.push(events[i].clone());
            }
            Event::Start(Tag::TableRow) => {
                column = 0;
                out.push(events[i].clone());
            }
            Event::Start(Tag::TableCell) => {
                let align = columns.get(column).copied().unwrap_or(Alignment::None);
                out.push(Event::Html(CowStr::Borrowed(table_cell(in_head, align))));
                column += 1;
            }
            Event::End(TagEnd::Link) => {
                if let Some(Closing::Anchor) = open.pop() {
                    out.push(Event::Html(CowStr::Borrowed("</a>")));
                }
            }
            Event::Start(image @ Tag::Image { dest_url, .. }) => {
                if matches!(classify_url(dest_url), Ok(UrlKind::Internal))
                    && !dest_url.starts_with(['/', '#'])
                {
                    let Tag::Image {
                        link_type,
                        title,
                        id,
                        ..
                    } = image
                    else {
                        unreachable!("matched an image")
                    };
                    let dest_url = CowStr::from(format!("{asset_base}{dest_url}"));
                    out.push(Event::Start(Tag::Image {
                        link_type: *link_type,
                        dest_url,
                        title: title.clone(),
                        id: id.clone(),
                    }));
                    open.push(Closing::Image);
                } else {
                    // An image from elsewhere would be a third-party request: show its alt text.
                    open.push(Closing::Nothing);
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some(Closing::Image) = open.pop() {
                    out.push(Event::End(TagEnd::Image));
                }
            }
            // Written here rather than by push_html, which uses the label as written for the
            // id and the href.
            Event::FootnoteReference(label) => {
                let (number, id) = &footnotes[&footnote_key(label)];
                let mut sup = String::from("<sup class=\"footnote-reference\"><a href=\"#");
                escape_attr(&mut sup, id);
                sup.push_str(&format!("\">{number}</a></sup>"));
                out.push(Event::InlineHtml(CowStr::from(sup)));
            }
            // A label defined twice would give two elements one id; references lead to the
            // first definition, so the later ones are left out, as GitHub does.
            Event::Start(Tag::FootnoteDefinition(label))
                if !defined.insert(footnote_key(label)) =>
            {
                i = definition_end(&events, i);
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let (number, id) = &footnotes[&footnote_key(label)];
                let mut div = String::from("<div class=\"footnote-definition\" id=\"");
                escape_attr(&mut div, id);
                div.push_str(&format!(
                    "\"><sup class=\"footnote-definition-label\">{number}</sup>"
                ));
                out.push(Event::Html(CowStr::from(div)));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                out.push(Event::Html(CowStr::Borrowed("</div>\n")));
            }
            other => out.push(other.clone()),
        }
        i += 1;
    }
    let mut html = String::with_capacity(src.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    Rendered { html, headings }
}

/// Text with citations: each one a source of the page becomes a link to it, in a `<sup>`
/// as footnote references are; any other `[@id]` stays as written.
fn cite<'a>(text: &'a str, sources: &Sources, out: &mut Vec<Event<'a>>) {
    for piece in citation::split(text) {
        match piece {
            Piece::Cite(id, _) => match sources.find(id) {
                Some((n, title)) => {
                    let mut sup = String::from("<sup class=\"cite\"><a href=\"#");
                    sup.push_str(&citation::anchor(n));
                    sup.push_str("\" title=\"");
                    escape_attr(&mut sup, title);
                    sup.push_str(&format!("\">[{n}]</a></sup>"));
                    out.push(Event::InlineHtml(CowStr::from(sup)));
                }
                None => out.push(Event::Text(CowStr::from(format!("[@{id}]")))),
            },
            Piece::Text(text) => out.push(Event::Text(CowStr::Borrowed(text))),
        }
    }
}

/// Where a link points. An email autolink (`<name@example.org>`) comes from the parser
/// as the bare address, which would otherwise read as a relative path of this site.
pub fn link_target<'a>(link_type: LinkType, dest_url: &CowStr<'a>) -> CowStr<'a> {
    if link_type == LinkType::Email {
        CowStr::from(format!("mailto:{dest_url}"))
    } else {
        dest_url.clone()
    }
}

/// A content link's fragment names a heading as the author sees it (`#first-steps`, on
/// this page or `/fr/guides/check-a-claim#first-steps`); its element's id carries the
/// heading prefix. Fragments that already name an id as rendered (`#h-…`, `#fn-…`) are
/// kept, so a link copied from the page's address bar works too.
fn heading_fragment<'a>(target: &CowStr<'a>) -> CowStr<'a> {
    match target.split_once('#') {
        Some((before, fragment))
            if !fragment.is_empty()
                && !fragment.starts_with(HEADING_ID_PREFIX)
                && !fragment.starts_with(FOOTNOTE_ID_PREFIX) =>
        {
            CowStr::from(format!("{before}#{HEADING_ID_PREFIX}{fragment}"))
        }
        _ => target.clone(),
    }
}

/// The opening tag of a table cell. push_html writes a column's alignment as
/// `style="text-align: …"`, which the site's Content Security Policy (`style-src 'self'`)
/// refuses, so the alignment would be lost: a class does the same from the style sheet
/// (`.align-*` in style/main.css). push_html still closes the cell, from its own record of
/// head and body.
fn table_cell(in_head: bool, align: Alignment) -> &'static str {
    match (in_head, align) {
        (true, Alignment::None) => "<th>",
        (true, Alignment::Left) => "<th class=\"align-left\">",
        (true, Alignment::Center) => "<th class=\"align-center\">",
        (true, Alignment::Right) => "<th class=\"align-right\">",
        (false, Alignment::None) => "<td>",
        (false, Alignment::Left) => "<td class=\"align-left\">",
        (false, Alignment::Center) => "<td class=\"align-center\">",
        (false, Alignment::Right) => "<td class=\"align-right\">",
    }
}

enum Closing {
    Anchor,
    Image,
    Nothing,
}

fn anchor_open(dest: &str, title: &str, kind: UrlKind) -> String {
    let mut a = String::from("<a href=\"");
    escape_attr(&mut a, dest);
    a.push('"');
    if !title.is_empty() {
        a.push_str(" title=\"");
        escape_attr(&mut a, title);
        a.push('"');
    }
    if kind == UrlKind::External {
        // `external` lets the app style the link and hand it to an embedding host;
        // noopener/noreferrer keep the target page from reaching back into ours.
        a.push_str(" class=\"external\" rel=\"external noopener noreferrer\"");
    }
    a.push('>');
    a
}

fn plain_text_until_end(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

/// Lower-case ASCII letters and digits joined by dashes; letters with diacritics
/// (é, ă, ő…) are kept, since browsers accept them in fragments and editors read them.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        slug.push_str("section");
    }
    slug
}

/// Claims `base`, or the first free `base-2`, `base-3`…
fn unique_id(base: &str, taken: &mut BTreeSet<String>) -> String {
    let mut id = base.to_owned();
    let mut n = 1;
    while taken.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    taken.insert(id.clone());
    id
}

/// The number and id of each footnote, by [`footnote_key`]. Numbers follow first
/// appearance, as push_html numbers them; ids are `fn-` and the label's slug. They are all
/// chosen first, because a reference comes before its definition.
fn footnote_ids(
    events: &[Event],
    taken: &mut BTreeSet<String>,
) -> HashMap<String, (usize, String)> {
    let mut footnotes = HashMap::new();
    for event in events {
        let (Event::FootnoteReference(label) | Event::Start(Tag::FootnoteDefinition(label))) =
            event
        else {
            continue;
        };
        let key = footnote_key(label);
        if !footnotes.contains_key(&key) {
            let id = unique_id(&format!("{FOOTNOTE_ID_PREFIX}{}", slugify(label)), taken);
            footnotes.insert(key, (footnotes.len() + 1, id));
        }
    }
    footnotes
}

/// The index of the end of the footnote definition that starts at `start`.
fn definition_end(events: &[Event], start: usize) -> usize {
    let mut depth = 0;
    for (i, event) in events.iter().enumerate().skip(start) {
        match event {
            Event::Start(Tag::FootnoteDefinition(_)) => depth += 1,
            Event::End(TagEnd::FootnoteDefinition) if depth == 1 => return i,
            Event::End(TagEnd::FootnoteDefinition) => depth -= 1,
            _ => {}
        }
    }
    events.len()
}

/// The parser matches a reference to its definition by case folding (`[^Note]`,
/// `[^NOTE]`; `[^Straße]`, `[^STRASSE]`), which upper- then lower-casing approximates.
fn footnote_key(label: &str) -> String {
    label.to_uppercase().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(src: &str) -> String {
        render_markdown(src, "content/fr/", "fr", &Sources::default()).html
    }

    #[test]
    fn renders_common_markdown() {
        assert_eq!(html("Hello *world*"), "<p>Hello <em>world</em></p>\n");
        assert!(html("| a |\n|---|\n| b |").contains("<tbody>"));
    }

    #[test]
    fn table_alignment_is_a_class_not_a_style() {
        assert_eq!(
            html("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n| 5 |"),
            "<table><thead><tr><th class=\"align-left\">a</th><th class=\"align-center\">b</th>\
             <th class=\"align-right\">c</th><th>d</th></tr></thead><tbody>\n\
             <tr><td class=\"align-left\">1</td><td class=\"align-center\">2</td>\
             <td class=\"align-right\">3</td><td>4</td></tr>\n\
             <tr><td class=\"align-left\">5</td><td class=\"align-center\"></td>\
             <td class=\"align-right\"></td><td></td></tr>\n</tbody></table>\n"
        );
    }

    #[test]
    fn a_code_block_has_one_class_at_most() {
        // Found by the fuzz test (crates/content-cli/tests/fuzz.rs).
        assert_eq!(
            html("```rust\tskip-link external\n\n```"),
            "<pre><code class=\"language-rust\">\n</code></pre>\n"
        );
        assert_eq!(html("```\ncode\n```"), "<pre><code>code\n</code></pre>\n");
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let out = html("<script>alert(1)</script>\n\nand <img src=x onerror=alert(1)> inline");
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains("&lt;script&gt;"), "{out}");
    }

    #[test]
    fn script_urls_lose_their_link_but_keep_their_text() {
        for dest in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "&#106;avascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "http://example.org/",
            "//evil.example/",
            r"\\/evil.example/",
            r"/\\evil.example/",
        ] {
            let out = html(&format!("[click]({dest})"));
            assert_eq!(out, "<p>click</p>\n", "{dest}");
        }
    }

    #[test]
    fn external_links_are_marked_and_escaped() {
        let out = html(r#"[AFP](https://factuel.afp.com/?a=1&b="2" "AFP \"Factuel\"")"#);
        assert!(
            out.contains("class=\"external\" rel=\"external noopener noreferrer\""),
            "{out}"
        );
        assert!(
            out.contains("&amp;b=%222%22") || out.contains("&amp;b=&quot;2&quot;"),
            "{out}"
        );
        assert!(out.contains("title=\"AFP &quot;Factuel&quot;\""), "{out}");
    }

    #[test]
    fn internal_links_get_the_page_language_and_stay_plain() {
        assert_eq!(
            html("[guides](/fr/guides)"),
            "<p><a href=\"fr/fr/guides\">guides</a></p>\n"
        );
        assert_eq!(html("[up](#top)"), "<p><a href=\"#h-top\">up</a></p>\n");
    }

    #[test]
    fn a_backslash_path_stays_under_the_base_like_a_slash_path() {
        // Found by the fuzz test (crates/content-cli/tests/fuzz.rs).
        assert_eq!(
            html(r"[x](\\aa/guides)"),
            "<p><a href=\"fr/aa/guides\">x</a></p>\n"
        );
    }

    #[test]
    fn email_autolinks_open_the_mail_app() {
        assert_eq!(
            html("Write to <contact@example.org>."),
            "<p>Write to <a href=\"mailto:contact@example.org\">contact@example.org</a>.</p>\n"
        );
        assert_eq!(
            html("<mailto:contact@example.org>"),
            "<p><a href=\"mailto:contact@example.org\">mailto:contact@example.org</a></p>\n"
        );
    }

    #[test]
    fn only_same_origin_images_load() {
        assert!(
            html("![poster](media/poster.png)")
                .contains("<img src=\"content/fr/media/poster.png\" alt=\"poster\""),
            "{}",
            html("![poster](media/poster.png)")
        );
        assert_eq!(html("![root](/etc/x.png)"), "<p>root</p>\n");
        assert_eq!(
            html("![tracker](https://cdn.example/x.png)"),
            "<p>tracker</p>\n"
        );
    }

    #[test]
    fn heading_ids_are_prefixed_so_no_heading_takes_an_app_id() {
        let r = render_markdown(
            "## Main\n\n## Key dates\n\n## Main",
            "",
            "fr",
            &Sources::default(),
        );
        let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["h-main", "h-key-dates", "h-main-2"]);
        assert!(
            r.html.starts_with("<h2 id=\"h-main\">Main</h2>"),
            "{}",
            r.html
        );
    }

    #[test]
    fn link_fragments_name_the_prefixed_heading_ids() {
        for (src, href) in [
            ("[a](#first-steps)", "#h-first-steps"),
            (
                "[a](/aa/guides/check-a-claim#first-steps)",
                "fr/aa/guides/check-a-claim#h-first-steps",
            ),
            ("[a](#h-first-steps)", "#h-first-steps"),
            ("[a](#fn-note)", "#fn-note"),
            ("[a](/aa/guides#)", "fr/aa/guides#"),
            ("[a](https://example.org/#top)", "https://example.org/#top"),
            ("[a](mailto:a@example.org#x)", "mailto:a@example.org#x"),
        ] {
            let out = html(src);
            assert!(out.contains(&format!("href=\"{href}\"")), "{src}: {out}");
        }
    }

    #[test]
    fn footnote_ids_are_prefixed_slugs_apart_from_headings() {
        let out = html(
            "## Fn ElectionCenterHost\n\nSee[^ElectionCenterHost] and[^Two].\n\n\
             [^electioncenterhost]: The host.\n\n[^two]: <b>Two</b>.\n",
        );
        assert_eq!(
            out,
            "<h2 id=\"h-fn-electioncenterhost\">Fn ElectionCenterHost</h2>\n\
             <p>See<sup class=\"footnote-reference\"><a href=\"#fn-electioncenterhost\">1</a></sup> \
             and<sup class=\"footnote-reference\"><a href=\"#fn-two\">2</a></sup>.</p>\n\
             <div class=\"footnote-definition\" id=\"fn-electioncenterhost\">\
             <sup class=\"footnote-definition-label\">1</sup>\n<p>The host.</p>\n</div>\n\
             <div class=\"footnote-definition\" id=\"fn-two\">\
             <sup class=\"footnote-definition-label\">2</sup>\n<p>&lt;b&gt;Two&lt;/b&gt;.</p>\n</div>\n"
        );
    }

    #[test]
    fn a_citation_links_to_its_numbered_source() {
        let sources = Sources {
            cited: vec![
                (None, "Reference".into()),
                (Some("bec".into()), "Biroul \"Electoral\" Central".into()),
            ],
        };
        let out = |src| render_markdown(src, "", "ro", &sources).html;
        assert_eq!(
            out("Polls close at 21:00.[@bec] Not [@ccr], not `[@bec]`."),
            "<p>Polls close at 21:00.<sup class=\"cite\"><a href=\"#src-2\" \
             title=\"Biroul &quot;Electoral&quot; Central\">[2]</a></sup> Not [@ccr], \
             not <code>[@bec]</code>.</p>\n"
        );
        // Inside a link's text a citation would be a link in a link: it stays text.
        assert_eq!(
            out("[see [@bec]](https://example.org/)"),
            "<p><a href=\"https://example.org/\" class=\"external\" rel=\"external noopener noreferrer\">see [@bec]</a></p>\n"
        );
    }

    #[test]
    fn a_footnote_defined_twice_keeps_its_first_definition() {
        // Found by the fuzz test (crates/content-cli/tests/fuzz.rs): both had one id.
        assert_eq!(
            html("a[^1]\n\n[^1]: first\n\n[^1]: second [link](/aa)\n\nend"),
            "<p>a<sup class=\"footnote-reference\"><a href=\"#fn-1\">1</a></sup></p>\n\
             <div class=\"footnote-definition\" id=\"fn-1\">\
             <sup class=\"footnote-definition-label\">1</sup>\n<p>first</p>\n</div>\n\
             <p>end</p>\n"
        );
    }

    #[test]
    fn footnote_labels_that_slugify_alike_get_their_own_ids() {
        let out = html("a[^a b] b[^a-b]\n\n[^a b]: one\n\n[^a-b]: two\n");
        assert!(out.contains("href=\"#fn-a-b\">1<"), "{out}");
        assert!(out.contains("href=\"#fn-a-b-2\">2<"), "{out}");
        assert!(
            out.contains("id=\"fn-a-b\"><sup class=\"footnote-definition-label\">1<"),
            "{out}"
        );
        assert!(
            out.contains("id=\"fn-a-b-2\"><sup class=\"footnote-definition-label\">2<"),
            "{out}"
        );
    }

    #[test]
    fn headings_get_unique_ids_and_an_outline() {
        let r = render_markdown(
            "## Vote par procuration\n\n## Vote par procuration\n\n### Où voter ?",
            "",
            "fr",
            &Sources::default(),
        );
        assert!(
            r.html.contains("<h2 id=\"h-vote-par-procuration\">"),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("<h2 id=\"h-vote-par-procuration-2\">"),
            "{}",
            r.html
        );
        assert_eq!(
            r.headings[2],
            Heading {
                level: 3,
                id: "h-où-voter".into(),
                text: "Où voter ?".into()
            }
        );
    }
}
