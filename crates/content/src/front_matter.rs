//! Splits a page into its TOML front matter (between two `+++` lines) and its Markdown body.

use crate::diagnostic::Diagnostic;

#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub front_matter: &'a str,
    /// Line of the file on which the front matter's first line sits.
    pub front_matter_line: usize,
    pub body: &'a str,
    pub body_line: usize,
}

pub fn split<'a>(file: &str, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "+++" {
        return Err(Diagnostic::new(
            file,
            1,
            1,
            "the page does not start with front matter",
            "begin the file with a line `+++`, the page's fields (title = \"…\"), and another `+++` line; see CONTENT.md",
        ));
    }
    let fm_start = first.len();
    let mut offset = fm_start;
    for (n, line) in lines.enumerate() {
        if line.trim_end() == "+++" {
            return Ok(Split {
                front_matter: &text[fm_start..offset],
                front_matter_line: 2,
                body: &text[offset + line.len()..],
                body_line: n + 3,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::new(
        file,
        1,
        1,
        "the front matter opened here is never closed",
        "add a line `+++` after the last field",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let s = split("a.md", "+++\ntitle = \"x\"\n+++\n\nBody\n").unwrap();
        assert_eq!(s.front_matter, "title = \"x\"\n");
        assert_eq!(s.body, "\nBody\n");
        assert_eq!((s.front_matter_line, s.body_line), (2, 4));
    }

    #[test]
    fn tolerates_bom_and_crlf() {
        let s = split("a.md", "\u{feff}+++\r\ntitle = \"x\"\r\n+++\r\nBody").unwrap();
        assert_eq!(s.body, "Body");
    }

    #[test]
    fn reports_missing_or_unclosed_front_matter() {
        assert_eq!(
            split("a.md", "# Title").unwrap_err().message,
            "the page does not start with front matter"
        );
        assert_eq!(
            split("a.md", "+++\ntitle = 1\n").unwrap_err().message,
            "the front matter opened here is never closed"
        );
    }
}
