//! Problems found in content, each pointing at a file, line and column with a fix.

use std::cell::Cell;
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
    pub severity: Severity,
}

/// An error keeps the content from being published; a warning (a page due for review)
/// does not, except in `--strict` mode, which content CI uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
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
            severity: Severity::Error,
        }
    }

    pub fn warning(self) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..self
        }
    }

    /// The same problem as an error (`--strict` makes warnings errors).
    pub fn error(self) -> Self {
        Diagnostic {
            severity: Severity::Error,
            ..self
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file,
            self.line.max(1),
            self.col.max(1),
            match self.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            self.message
        )?;
        if !self.hint.is_empty() {
            write!(f, "\n  = help: {}", self.hint)?;
        }
        Ok(())
    }
}

/// Line and column (1-based, columns in characters) of a byte offset in `text`. For more
/// than one position in the same text, build a [`LineIndex`] once.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(offset)
}

/// Where each line of a text starts. A file can have a problem on every line, so each
/// position costs a binary search rather than a count from the start of the file.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The last position asked for, as (offset, column): positions asked in order along one
    /// long line count characters from there, not again from the line's start.
    last: Cell<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex {
            text,
            starts,
            last: Cell::new((0, 1)),
        }
    }

    /// Line and column (1-based, columns in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        let (last, last_col) = self.last.get();
        let col = if (start..=offset).contains(&last) {
            last_col + self.text[last..offset].chars().count()
        } else {
            self.text[start..offset].chars().count() + 1
        };
        self.last.set((offset, col));
        (line, col)
    }
}

/// `message` with every `quoted` part longer than a line cut short: a value is echoed back to
/// be recognised, and a megabyte of it would bury the problem.
pub fn shorten_quotes(message: &str) -> String {
    const KEEP: usize = 60;
    message
        .split('`')
        .enumerate()
        .map(|(i, part)| match part.char_indices().nth(KEEP) {
            Some((cut, _)) if i % 2 == 1 => format!("{}…", &part[..cut]),
            _ => part.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("`")
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
    fn the_index_agrees_with_a_count_from_the_start_in_any_order() {
        let text = "ab\n\nçé x\n\nlast";
        let index = LineIndex::new(text);
        let offsets: Vec<usize> = (0..=text.len())
            .filter(|&o| text.is_char_boundary(o))
            .collect();
        for &offset in offsets
            .iter()
            .chain(offsets.iter().rev())
            .chain(&[3, 9, 4, 99])
        {
            let before = &text[..offset.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
            assert_eq!(index.line_col(offset), (line, col), "offset {offset}");
        }
    }

    #[test]
    fn long_quotes_are_cut_short() {
        let long = "é".repeat(100);
        let message = format!("unknown variant `{long}`, expected `labels` or {long}");
        let short = format!(
            "unknown variant `{}…`, expected `labels` or {long}",
            "é".repeat(60)
        );
        assert_eq!(shorten_quotes(&message), short);
        assert_eq!(shorten_quotes("a `b` c"), "a `b` c");
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
