//! What an address carries besides the route: the sub-path the site is served under
//! (`<base href>`), the `.html` of files packaged inside an app (kept while moving, so a
//! reload finds the file), and the embedding settings `?embed=1&theme=…` (kept on every
//! address, EMBEDDING.md). Pure, so tested natively; the router applies it in the browser.

use content::query::Query;

/// The route part of an address's path (`/fr/ro`): without the sub-path of `base` (the
/// path of `<base href>`, `/` at a site's root) and without the `.html` of packaged files.
pub fn route_path(pathname: &str, base: &str) -> String {
    let rest = pathname
        .strip_prefix(base.trim_end_matches('/'))
        .unwrap_or(pathname);
    let rest = rest.strip_suffix(".html").unwrap_or(rest);
    // One slash: a doubled one is another form of the address, which the router replaces.
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    if rest == "index" {
        "/".to_owned()
    } else {
        format!("/{rest}")
    }
}

/// The address path of a packaged file: `/www/fr/ro` is the file `/www/fr/ro.html`, the
/// site's root its `index.html`.
pub fn file_path(pathname: &str) -> String {
    if pathname.ends_with('/') {
        format!("{pathname}index.html")
    } else if pathname.rsplit('/').next().is_some_and(|s| s.contains('.')) {
        pathname.to_owned()
    } else {
        format!("{pathname}.html")
    }
}

/// The embedding settings: they belong to the visit, not to one address, so every next
/// address keeps them (a reload or a restored webview starts embedded again).
const KEPT: [&str; 2] = ["embed", "theme"];

/// The query of the next address: its own (`to`, with or without `?`) plus the kept
/// settings of the current one (`from`) that it does not set itself.
pub fn carry_params(from: &str, to: &str) -> String {
    let mut next = Query::parse(to);
    for (key, value) in Query::parse(from).only(|k| KEPT.contains(&k)).pairs() {
        if !next.contains(key) {
            next.set(key, value);
        }
    }
    next.to_string()
}

/// `search` with `key` set to `value`, in place of any value it had.
pub fn with_param(search: &str, key: &str, value: &str) -> String {
    let mut query = Query::parse(search);
    query.set(key, value);
    query.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_under_a_sub_path_or_as_files_name_the_same_routes() {
        assert_eq!(route_path("/fr/ro", "/"), "/fr/ro");
        assert_eq!(route_path("/", "/"), "/");
        let base = "/election-center/";
        assert_eq!(
            route_path("/election-center/fr/ro/videos", base),
            "/fr/ro/videos"
        );
        assert_eq!(route_path("/election-center/", base), "/");
        assert_eq!(route_path("/election-center", base), "/");
        assert_eq!(route_path("/election-center/fr/ro.html", base), "/fr/ro");
        assert_eq!(route_path("/election-center/index.html", base), "/");
        assert_eq!(route_path("/elsewhere/fr", base), "/elsewhere/fr");
        assert_eq!(route_path("//fr/ro", "/"), "//fr/ro");
        assert_eq!(file_path("/www/fr/ro"), "/www/fr/ro.html");
        assert_eq!(file_path("/www/"), "/www/index.html");
        assert_eq!(file_path("/www/fr.html"), "/www/fr.html");
    }

    #[test]
    fn embedding_settings_follow_the_voter_and_nothing_else_does() {
        assert_eq!(
            carry_params("?embed=1&theme=dark", ""),
            "?embed=1&theme=dark"
        );
        assert_eq!(
            carry_params("?embed=1&topic=x", "?partner=afp"),
            "?partner=afp&embed=1"
        );
        assert_eq!(carry_params("?theme=dark", "?theme=light"), "?theme=light");
        assert_eq!(carry_params("?topic=x", ""), "");
        assert_eq!(carry_params("", "?topic=x"), "?topic=x");
        assert_eq!(carry_params("?embedded=1", ""), "");
    }

    #[test]
    fn a_setting_replaces_its_old_value_and_keeps_the_rest() {
        assert_eq!(
            with_param("?embed=1&theme=dark", "theme", "light"),
            "?embed=1&theme=light"
        );
        assert_eq!(with_param("", "theme", "dark"), "?theme=dark");
        assert_eq!(with_param("?a=1", "partner", "afp"), "?a=1&partner=afp");
        assert_eq!(
            with_param("?partner=afp", "theme", "system"),
            "?partner=afp&theme=system"
        );
    }
}
