//! Query strings (`?topic=deepfakes&embed=1`): the one reader and writer of them, for the
//! video filters, the embedding settings and anything later. Keys and values are held
//! decoded; writing encodes them again. A pair whose escapes are malformed (`%+1`, `%4`,
//! `%FF` alone) is dropped rather than guessed at: an address is untrusted input, and a
//! lenient decoder turned `%+1` into a control character.

/// The pairs of a query string, in order, decoded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query(Vec<(String, String)>);

impl Query {
    /// From `?a=1&b=2` (or without the `?`). Pairs without `=` have an empty value;
    /// pairs that do not decode are left out.
    pub fn parse(query: &str) -> Query {
        Query(
            query
                .trim_start_matches('?')
                .split('&')
                .filter(|pair| !pair.is_empty())
                .filter_map(|pair| {
                    let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                    Some((decode(key)?, decode(value)?))
                })
                .collect(),
        )
    }

    /// The first value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find_map(|(k, v)| (k == key).then_some(v.as_str()))
    }

    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets `key` to `value` in place of every value it had, at the end.
    pub fn set(&mut self, key: &str, value: &str) {
        self.0.retain(|(k, _)| k != key);
        self.0.push((key.to_owned(), value.to_owned()));
    }

    /// The pairs whose key satisfies `keep`.
    pub fn only(&self, keep: impl Fn(&str) -> bool) -> Query {
        Query(self.0.iter().filter(|(k, _)| keep(k)).cloned().collect())
    }

    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

impl FromIterator<(String, String)> for Query {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Query {
        Query(pairs.into_iter().collect())
    }
}

/// `?a=1&b=2`, or `""` when there are no pairs, so it can follow a path as it is.
impl std::fmt::Display for Query {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, (key, value)) in self.0.iter().enumerate() {
            f.write_str(if i == 0 { "?" } else { "&" })?;
            f.write_str(&encode(key))?;
            f.write_str("=")?;
            f.write_str(&encode(value))?;
        }
        Ok(())
    }
}

/// Percent-encodes all but letters, digits and `-._~` (the URL standard's unreserved set),
/// byte by byte of the UTF-8.
pub fn encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` (a space, as forms send it). `None` when an escape is not
/// `%` and two hex digits, or the bytes are not UTF-8.
pub fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let digit = |b: u8| char::from(b).to_digit(16);
                out.push((digit(hex[0])? * 16 + digit(hex[1])?) as u8);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_any_text() {
        for text in [
            "électoral process",
            "a&b=c?d#e",
            "100%",
            "+",
            "",
            "Ștefan ő",
        ] {
            let mut query = Query::default();
            query.set("k", text);
            assert_eq!(
                Query::parse(&query.to_string()).get("k"),
                Some(text),
                "{text}"
            );
        }
    }

    #[test]
    fn reads_what_browsers_and_forms_write() {
        let query = Query::parse("?topic=a+b&x=%C3%A9&flag&=v&empty=");
        assert_eq!(query.get("topic"), Some("a b"));
        assert_eq!(query.get("x"), Some("é"));
        assert_eq!(query.get("flag"), Some(""));
        assert_eq!(query.get("empty"), Some(""));
        assert_eq!(query.get("missing"), None);
        assert_eq!(Query::parse("").to_string(), "");
        assert_eq!(Query::parse("?").to_string(), "");
    }

    #[test]
    fn malformed_escapes_are_refused_not_guessed() {
        for bad in ["%+1", "%4", "%", "%zz", "%FF", "a%2", "%C3"] {
            assert_eq!(decode(bad), None, "{bad}");
            assert!(
                !Query::parse(&format!("k={bad}&ok=1")).contains("k"),
                "{bad}"
            );
            assert_eq!(Query::parse(&format!("k={bad}&ok=1")).get("ok"), Some("1"));
        }
        assert_eq!(decode("%41%2b"), Some("A+".into()));
    }

    #[test]
    fn set_replaces_and_only_filters() {
        let mut query = Query::parse("?embed=1&theme=dark&topic=x&theme=light");
        query.set("theme", "system");
        assert_eq!(query.to_string(), "?embed=1&topic=x&theme=system");
        let kept = query.only(|k| k != "topic");
        assert_eq!(kept.to_string(), "?embed=1&theme=system");
    }
}
