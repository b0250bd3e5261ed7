//! Enough of a Rust lexer for tests that read the workspace's own source: the key scan in
//! `content.rs` reads string literals, the tidy tests search code without its comments and
//! strings (a comment that mentions `std::fs` is not I/O).

#![allow(
    dead_code,
    reason = "each test binary that includes this module uses only part of it"
)]

use std::fs;
use std::path::Path;

/// One file of the workspace, as the tests report it.
pub struct SourceFile {
    /// Relative to the workspace root, with `/`: what a failure names.
    pub path: String,
    pub text: String,
    pub lexed: Lexed,
}

impl SourceFile {
    /// `path:line` of a byte offset, for a failure message.
    pub fn at(&self, offset: usize) -> String {
        let line = self.text[..offset].matches('\n').count() + 1;
        format!("{}:{line}", self.path)
    }
}

pub struct Lexed {
    /// The source with comments and the insides of string and char literals blanked to
    /// spaces: same byte offsets, same lines, so a search finds only code and can say where.
    pub code: String,
    pub literals: Vec<Literal>,
}

pub struct Literal {
    /// Byte offset of the literal's first character (its `r`/`b` prefix, else its quote).
    pub start: usize,
    /// Its text, with each escape sequence dropped (`"say \"hi\""` reads `say hi`): enough to
    /// recognise keys and ids, which hold none.
    pub value: String,
}

pub fn workspace_root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// Every `.rs` file under `dir` (relative to the workspace root), sorted by path.
pub fn rust_files(dir: &str) -> Vec<SourceFile> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<SourceFile>) {
        for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).unwrap();
                let relative = path.strip_prefix(root).unwrap();
                out.push(SourceFile {
                    path: relative.to_string_lossy().replace('\\', "/"),
                    lexed: lex(&text),
                    text,
                });
            }
        }
    }
    let root = workspace_root();
    let mut files = Vec::new();
    walk(root, &root.join(dir), &mut files);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// Offsets where `word` occurs in `code` as a whole identifier or path (`std::fs`, not
/// `my_std::fs` nor `std::fsx`). A `word` ending in `*` matches identifiers it begins
/// (`gloo*`: `gloo_net`, `gloo_timers`).
pub fn find_word(code: &str, word: &str) -> Vec<usize> {
    let (word, prefix) = match word.strip_suffix('*') {
        Some(w) => (w, true),
        None => (word, false),
    };
    let bytes = code.as_bytes();
    code.match_indices(word)
        .map(|(i, _)| i)
        .filter(|&i| {
            let before = i.checked_sub(1).map(|j| bytes[j]);
            let after = bytes.get(i + word.len()).copied();
            !before.is_some_and(is_ident)
                && (prefix
                    || !word.ends_with(|c: char| c.is_alphanumeric() || c == '_')
                    || !after.is_some_and(is_ident))
        })
        .collect()
}

pub fn lex(source: &str) -> Lexed {
    let b = source.as_bytes();
    let mut code = b.to_vec();
    let mut literals = Vec::new();
    let mut blank = |from: usize, to: usize| {
        for c in &mut code[from..to] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    };
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let end = source[i..].find('\n').map_or(b.len(), |n| i + n);
                blank(i, end);
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let (mut depth, mut j) = (1, i + 2);
                while j < b.len() && depth > 0 {
                    if b[j..].starts_with(b"/*") {
                        depth += 1;
                        j += 2;
                    } else if b[j..].starts_with(b"*/") {
                        depth -= 1;
                        j += 2;
                    } else {
                        j += 1;
                    }
                }
                blank(i, j);
                i = j;
            }
            b'\'' => {
                // A char literal, or a lifetime or label, which has no closing quote.
                let close = if b.get(i + 1) == Some(&b'\\') {
                    source[i + 3..].find('\'').map(|n| i + 3 + n)
                } else {
                    source[i + 1..]
                        .chars()
                        .next()
                        .map(|c| i + 1 + c.len_utf8())
                        .filter(|&j| b.get(j) == Some(&b'\''))
                };
                match close {
                    Some(j) => {
                        blank(i + 1, j);
                        i = j + 1;
                    }
                    None => i += 1,
                }
            }
            b'"' => i = string(source, i, i, &mut literals, &mut blank),
            c if is_ident(c) => {
                let end = match source[i..].find(|c: char| !(c.is_alphanumeric() || c == '_')) {
                    None => b.len(),
                    // A character no identifier takes (only a stray one outside a literal).
                    Some(0) => i + source[i..].chars().next().map_or(1, char::len_utf8),
                    Some(n) => i + n,
                };
                let ident = &source[i..end];
                let hashes = source[end..].len() - source[end..].trim_start_matches('#').len();
                if matches!(ident, "r" | "br" | "cr") && b.get(end + hashes) == Some(&b'"') {
                    let body = end + hashes + 1;
                    let close = format!("\"{}", "#".repeat(hashes));
                    let body_end = source[body..].find(&close).map_or(b.len(), |n| body + n);
                    literals.push(Literal {
                        start: i,
                        value: source[body..body_end].to_owned(),
                    });
                    blank(body, body_end);
                    i = (body_end + close.len()).min(b.len());
                } else if matches!(ident, "b" | "c") && b.get(end) == Some(&b'"') {
                    i = string(source, i, end, &mut literals, &mut blank);
                } else {
                    i = end;
                }
            }
            _ => i += 1,
        }
    }
    Lexed {
        code: String::from_utf8(code).expect("only whole characters are blanked"),
        literals,
    }
}

/// Reads the plain string literal whose quote is at `quote`; returns the offset after it.
fn string(
    source: &str,
    start: usize,
    quote: usize,
    literals: &mut Vec<Literal>,
    blank: &mut impl FnMut(usize, usize),
) -> usize {
    let body = &source[quote + 1..];
    let mut value = String::new();
    let mut end = body.len();
    let mut chars = body.char_indices();
    while let Some((j, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '"' => {
                end = j;
                break;
            }
            c => value.push(c),
        }
    }
    literals.push(Literal { start, value });
    blank(quote + 1, quote + 1 + end);
    (quote + 2 + end).min(source.len())
}
