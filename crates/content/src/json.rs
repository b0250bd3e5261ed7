//! JSON written by hand where a serializer would cost the browser's wasm its weight: the
//! embedding bridge's messages (`src/protocol.rs`) and the search results (`search`).

/// Appends `text` as a JSON string (RFC 8259: quotes, backslashes and control characters
/// escaped).
pub fn push_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}
