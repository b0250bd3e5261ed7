//! Problems found in content, each pointing at a file, line and column with a fix.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Path relative to the content root, with `/` separators.
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file (for example a missing file).
    pub line: usize,
    /// 1-based, counted in characters.
    pub col: usize,
    pub message: String,
    pub hint: String,
}

impl Diagnostic {
    pub fn new(
        file: &str,
        line: usize,
        col: usize,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Diagnostic {
            file: file.to_owned(),
            line,
            col,
            message: message.into(),
            hint: hint.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: error: {}",
            self.file,
            self.line.max(1),
            self.col.max(1),
            self.message
        )?;
        if !self.hint.is_empty() {
            write!(f, "\n  = help: {}", self.hint)?;
        }
        Ok(())
    }
}

/// Line and column (1-based, columns in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Words as a hint lists them: `a`, `a or b`, `a, b or c` (likewise with `and`).
pub fn list(words: &[impl AsRef<str>], conjunction: &str) -> String {
    match words {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} {conjunction} {}", rest.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let text = "a\nbé=c\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 2), (2, 1));
        assert_eq!(line_col(text, 5), (2, 3));
    }

    #[test]
    fn display_is_file_line_col() {
        let d = Diagnostic::new(
            "fr/_index.fr.md",
            3,
            1,
            "unknown key `titel`",
            "did you mean `title`?",
        );
        assert_eq!(
            d.to_string(),
            "fr/_index.fr.md:3:1: error: unknown key `titel`\n  = help: did you mean `title`?"
        );
    }

    #[test]
    fn lists_read_as_a_sentence() {
        assert_eq!(list(&["vtt"], "or"), "vtt");
        assert_eq!(list(&["mp4", "webm"], "or"), "mp4 or webm");
        assert_eq!(list(&["`a`", "`b`", "`c`"], "and"), "`a`, `b` and `c`");
    }
}
