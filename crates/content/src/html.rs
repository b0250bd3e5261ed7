//! Escaping for HTML written by hand: the Markdown renderer's links and footnotes, and the
//! pre-rendered pages' title and meta tags. Kept apart from `markdown` so that the app, which
//! must not carry a Markdown parser into the wasm, can share it.

/// Appends `s` escaped for an HTML attribute value or text.
pub fn escape_attr(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_could_end_an_attribute_or_open_a_tag() {
        let mut out = String::from("kept ");
        escape_attr(&mut out, r#"a "b" & 'c' <d> é"#);
        assert_eq!(out, "kept a &quot;b&quot; &amp; &#39;c&#39; &lt;d&gt; é");
    }
}
