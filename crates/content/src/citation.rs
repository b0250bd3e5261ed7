//! Citations: a page's text names the source that backs a statement with `[@id]`, where
//! `id` is one of its `[[sources]]` (`id = "bec"`). The renderer turns each into a numbered
//! link to the source in the page's list; the checker refuses an id the page does not have.
//!
//! Pandoc's syntax, so editors who know it need nothing new, and Markdown without a
//! definition for `[@id]` leaves it as text, which is where this reads it from.

use crate::route::is_slug;

/// A run of text split at its citations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    /// The id, and the citation's byte offset in the text.
    Cite(&'a str, usize),
}

/// Splits `text` at every `[@id]` whose id is written as source ids are (a slug). Anything
/// else in brackets stays text.
pub fn split(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = 0;
    let mut from = 0;
    while let Some(found) = text[from..].find("[@") {
        let start = from + found;
        let id_start = start + 2;
        let Some(len) = text[id_start..].find(']') else {
            break;
        };
        let id = &text[id_start..id_start + len];
        if is_slug(id) {
            if start > rest {
                pieces.push(Piece::Text(&text[rest..start]));
            }
            pieces.push(Piece::Cite(id, start));
            rest = id_start + len + 1;
            from = rest;
        } else {
            from = id_start;
        }
    }
    if rest < text.len() {
        pieces.push(Piece::Text(&text[rest..]));
    }
    pieces
}

/// The sources a page can cite: their ids in list order (`None` for a source without one),
/// numbered from 1 as the page shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sources {
    pub cited: Vec<(Option<String>, String)>,
}

impl Sources {
    /// The source's number in the page's list and its title.
    pub fn find(&self, id: &str) -> Option<(usize, &str)> {
        self.cited
            .iter()
            .position(|(i, _)| i.as_deref() == Some(id))
            .map(|n| (n + 1, self.cited[n].1.as_str()))
    }

    pub fn ids(&self) -> Vec<&str> {
        self.cited
            .iter()
            .filter_map(|(i, _)| i.as_deref())
            .collect()
    }
}

/// The anchor of a page's `n`th source in its list of sources (`src-2`), which the app
/// writes and citations link to. Its own prefix: no heading (`h-`) or footnote (`fn-`) id
/// of a body can take it.
pub fn anchor(n: usize) -> String {
    format!("src-{n}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_are_found_and_the_rest_is_text() {
        assert_eq!(
            split("Polls close at 21:00 [@bec]."),
            [
                Piece::Text("Polls close at 21:00 "),
                Piece::Cite("bec", 21),
                Piece::Text(".")
            ]
        );
        assert_eq!(
            split("[@a][@b-2]"),
            [Piece::Cite("a", 0), Piece::Cite("b-2", 4)]
        );
    }

    #[test]
    fn brackets_that_are_not_citations_stay_text() {
        for text in [
            "an email [@ home]",
            "[@]",
            "[@Upper]",
            "[@unclosed",
            "[at] and @me",
            "[@a b]",
        ] {
            assert_eq!(split(text), [Piece::Text(text)], "{text}");
        }
        assert_eq!(
            split("[@ x] [@y]"),
            [Piece::Text("[@ x] "), Piece::Cite("y", 6)]
        );
        assert_eq!(split(""), []);
    }

    #[test]
    fn sources_are_numbered_in_list_order() {
        let sources = Sources {
            cited: vec![
                (None, "Reference".into()),
                (Some("bec".into()), "Central Electoral Bureau".into()),
            ],
        };
        assert_eq!(sources.find("bec"), Some((2, "Central Electoral Bureau")));
        assert_eq!(sources.find("ccr"), None);
        assert_eq!(sources.ids(), ["bec"]);
        assert_eq!(anchor(2), "src-2");
    }
}
