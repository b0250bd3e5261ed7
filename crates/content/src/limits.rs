//! The format's limits (CONTENT.md, "Limits"). Content is written by many hands and checked
//! on every change, so whatever a file holds, the check must end quickly with every problem
//! said: these bound its time and memory, and each is reported like any other rule.

use crate::diagnostic::{Diagnostic, LineIndex};
use crate::source_file::SourceFile;

/// A page or settings file larger than this is not read further.
pub const MAX_FILE_BYTES: usize = 1 << 20;
/// Longer lines are refused: no sentence needs them, and an editor cannot review one.
pub const MAX_LINE_CHARS: usize = 10_000;
/// Block quotes and lists inside one another, counted together.
pub const MAX_NESTING: usize = 16;
/// Past this many problems in one file, the rest are counted, not listed.
pub const MAX_PROBLEMS_PER_FILE: usize = 50;

/// A file's bytes as text. Bytes that are not UTF-8 are replaced, so that the rest of the
/// file is still checked, and reported where the first of them is. `bytes` may stop just
/// past [`MAX_FILE_BYTES`] (the reader need not read more): such a file is refused by
/// [`check_text`] anyway, and a character cut at the end is not the file's fault.
pub fn decode(path: String, bytes: Vec<u8>) -> (SourceFile, Option<Diagnostic>) {
    match String::from_utf8(bytes) {
        Ok(text) => (SourceFile { path, text }, None),
        Err(e) => {
            let valid_up_to = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let valid = std::str::from_utf8(&bytes[..valid_up_to]).expect("valid up to there");
            let (line, col) = LineIndex::new(valid).line_col(valid.len());
            let problem = (bytes.len() <= MAX_FILE_BYTES).then(|| {
                Diagnostic::new(
                    &path,
                    line,
                    col,
                    "the file is not UTF-8 text",
                    "save it with the encoding UTF-8 (in most editors: Save as… → Encoding); a file that is not text does not belong in content/",
                )
            });
            let text = String::from_utf8_lossy(&bytes).into_owned();
            (SourceFile { path, text }, problem)
        }
    }
}

/// Checks a file as text, before it is parsed. False when it is too large to be parsed at
/// all; the other problems found here do not stop the rest of the check.
pub fn check_text(file: &SourceFile, problems: &mut Vec<Diagnostic>) -> bool {
    if file.text.len() > MAX_FILE_BYTES {
        problems.push(Diagnostic::new(
            &file.path,
            1,
            1,
            format!(
                "the file is larger than {} MiB, the limit for one file",
                MAX_FILE_BYTES >> 20
            ),
            "split it into several pages (1 MiB is some 150,000 words); images and videos go in \
             the country's media/ folder",
        ));
        return false;
    }
    if let Some(nul) = file.text.find('\0') {
        let (line, col) = LineIndex::new(&file.text).line_col(nul);
        problems.push(Diagnostic::new(
            &file.path,
            line,
            col,
            "the file contains a NUL byte",
            "it is not text, or was saved as UTF-16: save it with the encoding UTF-8",
        ));
    }
    for (n, line) in file.text.split('\n').enumerate() {
        // A line of no more bytes than the limit has no more characters either.
        if line.len() > MAX_LINE_CHARS {
            let chars = line.chars().count();
            if chars > MAX_LINE_CHARS {
                problems.push(Diagnostic::new(
                    &file.path,
                    n + 1,
                    MAX_LINE_CHARS + 1,
                    format!(
                        "the line is {chars} characters long; the limit is {MAX_LINE_CHARS}"
                    ),
                    "break it into several lines: in Markdown a single line break inside a paragraph does not show",
                ));
            }
        }
    }
    true
}

/// Problems as they are shown: by file and position, at most [`MAX_PROBLEMS_PER_FILE`] per
/// file and then one line saying how many more there are. Thousands of copies of one
/// mistake help nobody, and listing them all would be the slowest part of the check.
pub fn cap(mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    problems.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
    let mut shown: Vec<Diagnostic> = Vec::with_capacity(problems.len());
    let mut rest = problems.into_iter().peekable();
    while let Some(first) = rest.next() {
        let file = first.file.clone();
        shown.push(first);
        let mut count = 1;
        let mut omitted: Option<(Diagnostic, usize)> = None;
        while let Some(next) = rest.next_if(|p| p.file == file) {
            count += 1;
            match &mut omitted {
                None if count > MAX_PROBLEMS_PER_FILE => omitted = Some((next, 1)),
                None => shown.push(next),
                Some((_, n)) => *n += 1,
            }
        }
        if let Some((at, n)) = omitted {
            shown.push(Diagnostic::new(
                &file,
                at.line,
                at.col,
                format!("and {n} more problem(s) in this file"),
                format!(
                    "fix the {MAX_PROBLEMS_PER_FILE} above and check again; they are often one mistake repeated"
                ),
            ));
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile {
            path: "aa/x.en.md".into(),
            text: text.into(),
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_are_reported_where_they_start() {
        let (file, problem) = decode("aa/x.en.md".into(), b"ok\nab\xe9c".to_vec());
        assert_eq!(file.text, "ok\nab\u{fffd}c");
        let problem = problem.unwrap();
        assert_eq!((problem.line, problem.col), (2, 3));
        assert!(decode("a".into(), "é".into()).1.is_none());
        let cut = [vec![b'a'; MAX_FILE_BYTES], "é".as_bytes()[..1].to_vec()].concat();
        assert!(decode("a".into(), cut).1.is_none(), "refused for its size");
    }

    #[test]
    fn text_limits() {
        let mut problems = Vec::new();
        assert!(!check_text(
            &file(&"a".repeat(MAX_FILE_BYTES + 1)),
            &mut problems
        ));
        assert_eq!(problems.len(), 1);
        problems.clear();
        let long = "é".repeat(MAX_LINE_CHARS + 1);
        let short = "é".repeat(MAX_LINE_CHARS);
        assert!(check_text(
            &file(&format!("{short}\n{long}\nx\0")),
            &mut problems
        ));
        let at: Vec<(usize, usize)> = problems.iter().map(|p| (p.line, p.col)).collect();
        assert_eq!(at, [(3, 2), (2, MAX_LINE_CHARS + 1)]);
    }

    #[test]
    fn at_most_so_many_problems_per_file_then_a_count() {
        let problem = |file: &str, line| Diagnostic::new(file, line, 1, "x", "");
        let mut problems: Vec<Diagnostic> = (1..=MAX_PROBLEMS_PER_FILE + 10)
            .rev()
            .map(|line| problem("b", line))
            .collect();
        problems.push(problem("a", 3));
        problems.push(problem("c", 1));
        let shown = cap(problems);
        assert_eq!(shown.len(), 1 + MAX_PROBLEMS_PER_FILE + 1 + 1);
        assert_eq!(shown[0].file, "a");
        assert_eq!(shown[1].line, 1);
        let more = &shown[MAX_PROBLEMS_PER_FILE + 1];
        assert_eq!(more.message, "and 10 more problem(s) in this file");
        assert_eq!(more.line, MAX_PROBLEMS_PER_FILE + 1);
        assert_eq!(shown.last().unwrap().file, "c");
    }
}
