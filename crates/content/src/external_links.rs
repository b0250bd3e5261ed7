//! Every address of another site a page links to, with where it is written: what the link
//! checker (`content-cli links`) asks, one by one, whether it still answers. Pure: the
//! caller reads the files and makes the requests.
//!
//! The front-matter fields holding an address are listed in [`URL_FIELDS`] (a test keeps the
//! list equal to the fields of `page/mod.rs` whose name ends in `url`); bodies are read with
//! the renderer's own parser options, so a link is found exactly where the page shows one.

use pulldown_cmark::{Event, Parser, Tag};
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, LineIndex};
use crate::front_matter;
use crate::markdown::{link_target, parser_options};

/// The front-matter fields that hold an address, as an editor writes them.
pub const URL_FIELDS: &[&str] = &[
    "sources.url",
    "url",
    "submit_claim_url",
    "external_url",
    "player_url",
];

/// Where a link in a Markdown body is, in [`ExternalLink::field`].
pub const BODY: &str = "body";

/// One address of another site, at one place of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalLink {
    /// As written, without surrounding spaces.
    pub url: String,
    /// Relative to the content root, `/`-separated.
    pub file: String,
    /// 1-based; the column is counted in characters, as the checker's are.
    pub line: usize,
    pub col: usize,
    /// One of [`URL_FIELDS`], or [`BODY`].
    pub field: &'static str,
}

/// The fields of a page that can hold an address; the rest of the front matter is ignored
/// here (the checker judges it).
#[derive(Deserialize)]
struct UrlFields {
    #[serde(default)]
    sources: Vec<SourceUrl>,
    url: Option<Spanned<String>>,
    submit_claim_url: Option<Spanned<String>>,
    external_url: Option<Spanned<String>>,
    player_url: Option<Spanned<String>>,
}

#[derive(Deserialize)]
struct SourceUrl {
    url: Option<Spanned<String>>,
}

/// Whether `url` is an address of another site a request can be made to: `https://…`, or
/// `http://…`, which the checker refuses and the link checker reports too.
pub fn is_web_address(url: &str) -> bool {
    let url = url.trim();
    ["https://", "http://"].iter().any(|scheme| {
        url.get(..scheme.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
            && url.len() > scheme.len()
    })
}

/// Every web address in one page file (`path`, `text`), in the order they are written.
/// A front matter that cannot be read is one problem in `problems` (the body's links are
/// still listed): `content-cli check` says what is wrong with it.
pub fn external_links(path: &str, text: &str, problems: &mut Vec<Diagnostic>) -> Vec<ExternalLink> {
    let split = match front_matter::split(path, text) {
        Ok(split) => split,
        Err(problem) => {
            problems.push(problem);
            return Vec::new();
        }
    };
    let mut links = Vec::new();
    let lines = LineIndex::new(split.front_matter);
    let mut add = |url: &Spanned<String>, field: &'static str| {
        if is_web_address(url.get_ref()) {
            let (line, col) = lines.line_col(url.span().start);
            links.push(ExternalLink {
                url: url.get_ref().trim().to_owned(),
                file: path.to_owned(),
                line: split.front_matter_line + line - 1,
                col,
                field,
            });
        }
    };
    match toml::from_str::<UrlFields>(split.front_matter) {
        Ok(fields) => {
            for url in fields.sources.iter().filter_map(|s| s.url.as_ref()) {
                add(url, "sources.url");
            }
            for (url, field) in [
                (&fields.url, "url"),
                (&fields.submit_claim_url, "submit_claim_url"),
                (&fields.external_url, "external_url"),
                (&fields.player_url, "player_url"),
            ] {
                if let Some(url) = url {
                    add(url, field);
                }
            }
        }
        Err(e) => {
            let (line, col) = e
                .span()
                .map(|span| lines.line_col(span.start))
                .unwrap_or((1, 1));
            problems.push(Diagnostic::new(
                path,
                split.front_matter_line + line - 1,
                col,
                "the front matter cannot be read, so its addresses were not checked",
                "run `content-cli check` to see what is wrong, then check the links again",
            ));
        }
    }

    let body_lines = LineIndex::new(split.body);
    for (event, range) in Parser::new_ext(split.body, parser_options()).into_offset_iter() {
        if let Event::Start(Tag::Link {
            link_type,
            dest_url,
            ..
        }) = &event
        {
            let url = link_target(*link_type, dest_url);
            if is_web_address(&url) {
                let (line, col) = body_lines.line_col(range.start);
                links.push(ExternalLink {
                    url: url.trim().to_owned(),
                    file: path.to_owned(),
                    line: split.body_line + line - 1,
                    col,
                    field: BODY,
                });
            }
        }
    }
    links.sort_by_key(|l| (l.line, l.col));
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "+++
title = \"AFP\"
url = \"https://factuel.afp.com/\"
submit_claim_url = \"mailto:tips@example.org\"

[[sources]]
title = \"About\"
url = \"https://factuel.afp.com/propos\"

[[sources]]
title = \"A book\"
+++

See [the ministry](https://www.interieur.gouv.fr/elections), [a guide](/fr/guides/x),
<https://example.org/auto> and [a reference][r].

[r]: http://insecure.example.org/
";

    fn at(links: &[ExternalLink]) -> Vec<(&str, usize, usize, &str)> {
        links
            .iter()
            .map(|l| (l.url.as_str(), l.line, l.col, l.field))
            .collect()
    }

    #[test]
    fn finds_every_web_address_with_its_place() {
        let mut problems = Vec::new();
        let links = external_links("fr/partners/afp.fr.md", PAGE, &mut problems);
        assert_eq!(problems, []);
        assert_eq!(
            at(&links),
            [
                ("https://factuel.afp.com/", 3, 7, "url"),
                ("https://factuel.afp.com/propos", 8, 7, "sources.url"),
                ("https://www.interieur.gouv.fr/elections", 14, 5, BODY),
                ("https://example.org/auto", 15, 1, BODY),
                ("http://insecure.example.org/", 15, 32, BODY),
            ]
        );
        assert!(links.iter().all(|l| l.file == "fr/partners/afp.fr.md"));
    }

    #[test]
    fn a_front_matter_it_cannot_read_is_said_and_the_body_still_read() {
        let mut problems = Vec::new();
        let page = "+++\ntitle = \"x\"\nsources = 3\n+++\n[a](https://example.org/)\n";
        let links = external_links("a.md", page, &mut problems);
        assert_eq!(at(&links), [("https://example.org/", 5, 1, BODY)]);
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].line, problems[0].col), (3, 11));
    }

    #[test]
    fn only_web_addresses_count() {
        for url in [
            "https://a.example",
            "HTTP://a.example/x",
            " https://a.example ",
        ] {
            assert!(is_web_address(url), "{url}");
        }
        for url in [
            "https://",
            "mailto:a@b",
            "/fr",
            "ftp://a.example",
            "httpx://a",
        ] {
            assert!(!is_web_address(url), "{url}");
        }
    }

    /// A new field of the front matter that holds an address must be checked too: every
    /// field of `page/mod.rs`'s `FrontMatter` and `SourceFm` whose name ends in `url` is in
    /// [`URL_FIELDS`] (and read by [`UrlFields`]).
    #[test]
    fn every_url_field_of_the_front_matter_is_listed() {
        let source = include_str!("page/mod.rs");
        let fields = |name: &str, prefix: &str| -> Vec<String> {
            let start = source
                .find(&format!("struct {name} {{"))
                .unwrap_or_else(|| panic!("page/mod.rs has no struct {name}"));
            let body = &source[start..];
            body[..body.find("\n}").unwrap()]
                .lines()
                .filter_map(|l| l.trim().split_once(':'))
                .map(|(field, _)| field.trim_start_matches("pub ").trim())
                .filter(|f| f.ends_with("url"))
                .map(|f| format!("{prefix}{f}"))
                .collect()
        };
        let mut found = fields("FrontMatter", "");
        found.extend(fields("SourceFm", "sources."));
        found.sort();
        let mut listed: Vec<String> = URL_FIELDS.iter().map(|f| f.to_string()).collect();
        listed.sort();
        assert_eq!(found, listed);
    }
}
