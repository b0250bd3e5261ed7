//! Which link targets content may use. Checked by the renderer (unsafe links are dropped)
//! and by the checker (unsafe links are errors), so both share this one definition.

/// Where an accepted URL points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlKind {
    /// A path or fragment on this site.
    Internal,
    /// An `https:` page elsewhere.
    External,
    /// `mailto:` or `tel:`: opens the voter's mail or phone app.
    Contact,
}

/// Why a URL was refused, with the fix an editor needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlError {
    pub message: String,
    pub hint: &'static str,
}

/// Accepts `https:` URLs, `mailto:`/`tel:`, site paths and fragments; refuses every other
/// scheme (`javascript:`, `data:`, plain `http:`…) and protocol-relative `//host` links.
pub fn classify_url(url: &str) -> Result<UrlKind, UrlError> {
    // Browsers drop tabs and newlines inside URLs and ignore leading spaces, so
    // `java\tscript:` must be judged as `javascript:`.
    let squeezed: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect();
    if squeezed.is_empty() {
        return Err(UrlError {
            message: "the link has no target".into(),
            hint: "write the address between the parentheses: [text](https://…)",
        });
    }
    // Browsers read `\` as `/` in http(s) and relative URLs, so any two of them in a row
    // (`//`, `\\`, `/\`, `\/`) start a host name, not a path.
    let slash = |c: Option<char>| matches!(c, Some('/' | '\\'));
    let mut lead = squeezed.chars();
    if slash(lead.next()) && slash(lead.next()) {
        return Err(UrlError {
            message: format!("`{url}` leaves out the scheme"),
            hint: "write the full address, starting with https://",
        });
    }
    match scheme(&squeezed) {
        None => Ok(UrlKind::Internal),
        Some(s) if s.eq_ignore_ascii_case("https") => {
            if squeezed.len() > "https://".len() && squeezed[6..].starts_with("//") {
                Ok(UrlKind::External)
            } else {
                Err(UrlError {
                    message: format!("`{url}` is not a complete web address"),
                    hint: "write it as https://host/path",
                })
            }
        }
        Some(s) if s.eq_ignore_ascii_case("mailto") || s.eq_ignore_ascii_case("tel") => {
            Ok(UrlKind::Contact)
        }
        Some(s) if s.eq_ignore_ascii_case("http") => Err(UrlError {
            message: format!("`{url}` uses http, which can be intercepted"),
            hint: "use the https:// address of the same page",
        }),
        Some(s) => Err(UrlError {
            message: format!("`{s}:` links are not allowed"),
            hint: "link to an https:// page, a mailto: address or a page of this site",
        }),
    }
}

/// The origin of an `https://` address (`https://host[:port]`), as a Content-Security-Policy
/// source names it and a voter reads it; `None` unless the host is plain letters, digits,
/// dots and dashes (so nothing in it can end or extend a CSP directive) and the port digits.
pub fn https_origin(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("https://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (host, port) = rest[..end].split_once(':').unwrap_or((&rest[..end], "0"));
    let plain = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && !port.is_empty()
        && port.bytes().all(|b| b.is_ascii_digit());
    plain.then(|| &url[.."https://".len() + end])
}

/// The scheme of a URL per the URL standard: letters, digits, `+-.` before the first `:`,
/// starting with a letter, and no `/?#` before it (else the colon is part of a path).
fn scheme(url: &str) -> Option<&str> {
    let end = url.find(':')?;
    let candidate = &url[..end];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
        .then_some(candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins() {
        for (url, origin) in [
            (
                "https://player.example.org/embed/1?x=2",
                Some("https://player.example.org"),
            ),
            ("https://a-b.example:8443", Some("https://a-b.example:8443")),
            ("https://example.org#t", Some("https://example.org")),
            ("https://example.org;script-src *", None),
            ("https://user@example.org/", None),
            ("https://example.org:/x", None),
            ("https://ex ample.org/", None),
            ("https://'self'", None),
            ("https:///path", None),
            ("http://example.org/", None),
            ("HTTPS://example.org/", None),
        ] {
            assert_eq!(https_origin(url), origin, "{url}");
        }
    }

    #[test]
    fn accepts_what_content_needs() {
        assert_eq!(
            classify_url("https://www.elections.interieur.gouv.fr/"),
            Ok(UrlKind::External)
        );
        assert_eq!(classify_url("/ro/guides"), Ok(UrlKind::Internal));
        assert_eq!(classify_url("guides/check-a-claim"), Ok(UrlKind::Internal));
        assert_eq!(classify_url("#how-to-vote"), Ok(UrlKind::Internal));
        assert_eq!(
            classify_url("mailto:contact@example.org"),
            Ok(UrlKind::Contact)
        );
        assert_eq!(classify_url("a/b:c"), Ok(UrlKind::Internal));
    }

    #[test]
    fn refuses_dangerous_or_insecure_targets() {
        for url in [
            "javascript:alert(1)",
            " JAVASCRIPT:x",
            "java\tscript:x",
            "data:text/html,x",
            "vbscript:x",
            "http://example.org",
            "//example.org",
            "\\\\example.org",
            "\\/example.org",
            "/\\example.org",
            " \\/example.org",
            "/\t\\example.org",
            "\\\n\\example.org",
            "https:example.org",
            "file:///etc/passwd",
            "",
        ] {
            assert!(classify_url(url).is_err(), "{url:?} should be refused");
        }
    }
}
