//! The messages between the site and an app or web page that embeds it (EMBEDDING.md):
//! one versioned schema for every transport, each message one JSON object. Pure, so every
//! rule is tested natively; `bridge` carries the messages in the browser.
//!
//! Whatever a host sends is data: it is parsed into one of three commands, checked, and
//! anything else is refused with a reason sent back. Nothing in a message is ever run.

use content::{lang::Lang, query::Query, route::Route};

/// The protocol's version; every message carries it. A change that older hosts or sites
/// would misread gets a new number.
pub const VERSION: u32 = 1;

/// A message to the host.
#[derive(Debug, Clone, PartialEq)]
pub enum Outgoing<'a> {
    /// The site has started and shows `path` (`/fr/ro/videos`, without any sub-path) in
    /// `lang` with `theme` (`light`, `dark` or `system`): commands are accepted from now on.
    Ready {
        path: &'a str,
        lang: &'a str,
        theme: &'a str,
    },
    /// The voter moved to another page, or a command moved them.
    RouteChanged { path: &'a str, lang: &'a str },
    /// A link that leaves the site (another site, a calendar file, a new window): the host
    /// opens it, in the system browser or its own viewer, instead of the embedded view.
    OpenExternal { url: &'a str },
    /// The page's height in CSS pixels, each time it changes: an iframe host sizes its
    /// frame to it, so the page never scrolls inside a scrolling page.
    ContentHeight { height: u32 },
    /// A command was refused: what was wrong and how to send it right.
    Error { message: &'a str },
}

impl Outgoing<'_> {
    /// The message as JSON, the one form every transport carries.
    pub fn to_json(&self) -> String {
        let (kind, fields): (&str, Vec<(&str, Field)>) = match self {
            Outgoing::Ready { path, lang, theme } => (
                "ready",
                vec![
                    ("path", Field::Text(path)),
                    ("lang", Field::Text(lang)),
                    ("theme", Field::Text(theme)),
                ],
            ),
            Outgoing::RouteChanged { path, lang } => (
                "routeChanged",
                vec![("path", Field::Text(path)), ("lang", Field::Text(lang))],
            ),
            Outgoing::OpenExternal { url } => ("openExternal", vec![("url", Field::Text(url))]),
            Outgoing::ContentHeight { height } => {
                ("contentHeight", vec![("height", Field::Number(*height))])
            }
            Outgoing::Error { message } => ("error", vec![("message", Field::Text(message))]),
        };
        let mut json =
            format!(r#"{{"source":"election-center","version":{VERSION},"type":"{kind}""#);
        for (name, value) in fields {
            json.push_str(&format!(r#","{name}":"#));
            match value {
                Field::Text(text) => content::json::push_string(&mut json, text),
                Field::Number(n) => json.push_str(&n.to_string()),
            }
        }
        json.push('}');
        json
    }
}

enum Field<'a> {
    Text(&'a str),
    Number(u32),
}

/// A message from the host, as sent: every field optional, so that a wrong message gets a
/// precise refusal rather than a parse error. (The browser reads the fields one by one:
/// serde's deserializer measured more wasm.)
#[derive(Debug, Default)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct Incoming {
    pub version: Option<f64>,
    #[cfg_attr(test, serde(rename = "type"))]
    pub kind: Option<String>,
    pub lang: Option<String>,
    pub theme: Option<String>,
    pub path: Option<String>,
}

/// What a host may ask.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Show the same page with the interface in this language.
    SetLanguage(Lang),
    /// `light`, `dark`, or `None` to follow the device's setting.
    SetTheme(Option<&'static str>),
    /// Show this page of the site: a path with an optional query (`/en/ro/videos?partner=afp`).
    Navigate(String),
}

impl Incoming {
    /// The command, or why it is refused. (Fixed texts: the host knows what it sent, and
    /// formatting it back measured more wasm.)
    pub fn command(&self) -> Result<Command, &'static str> {
        if self.version != Some(f64::from(VERSION)) {
            return Err("every message carries \"version\": 1, the version this site speaks");
        }
        match self.kind.as_deref() {
            Some("setLanguage") => self
                .lang
                .as_deref()
                .and_then(Lang::parse)
                .map(Command::SetLanguage)
                .ok_or("setLanguage needs \"lang\", an interface language (i18n/languages.json lists them)"),
            Some("setTheme") => match self.theme.as_deref() {
                Some("light") => Ok(Command::SetTheme(Some("light"))),
                Some("dark") => Ok(Command::SetTheme(Some("dark"))),
                Some("system") => Ok(Command::SetTheme(None)),
                _ => Err("setTheme needs \"theme\": \"light\", \"dark\" or \"system\""),
            },
            Some("navigate") => self
                .path
                .as_deref()
                .and_then(site_path)
                .map(Command::Navigate)
                .ok_or("navigate needs \"path\", a path of this site such as \"/en/ro/videos\""),
            _ => Err("\"type\" is one of setLanguage, setTheme, navigate"),
        }
    }
}

/// Whether a link the voter followed may be handed to the host to open (`openExternal`):
/// the site's own files (same `origin`, such as a calendar download), `https:` pages and
/// `mailto:`/`tel:`. Anything else (`http:`, `file:`, an app's custom scheme, `javascript:`)
/// stays with the browser, so a link can never make the host open what the site would not.
pub fn may_open_externally(url: &str, origin: &str) -> bool {
    let same_site = url
        .strip_prefix(origin)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
    same_site
        || matches!(
            content::url::classify_url(url),
            Ok(content::url::UrlKind::External | content::url::UrlKind::Contact)
        )
}

/// `path` as an address relative to the site's base (`en/ro/videos?partner=afp`), if it is
/// a route of this site in its one form (`content::route`), with an optional query.
/// Anything that could name another site or scheme (`//x`, `javascript:`, `..`) is not.
fn site_path(path: &str) -> Option<String> {
    if path.contains('#') {
        return None;
    }
    let (route, query) = path.split_once('?').unwrap_or((path, ""));
    let route = Route::parse(route).filter(|r| r.path() == route)?;
    Some(format!("{}{}", route.href(), Query::parse(query)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn incoming(json: &str) -> Result<Command, &'static str> {
        content::lang::set_test_languages();
        serde_json::from_str::<Incoming>(json).unwrap().command()
    }

    #[test]
    fn messages_to_the_host_are_json_with_source_version_and_type() {
        let ready = Outgoing::Ready {
            path: "/en/ro/videos",
            lang: "en",
            theme: "system",
        }
        .to_json();
        let value: serde_json::Value = serde_json::from_str(&ready).unwrap();
        assert_eq!(
            value,
            serde_json::json!({"source": "election-center", "version": 1, "type": "ready",
                "path": "/en/ro/videos", "lang": "en", "theme": "system"})
        );
        let height: serde_json::Value =
            serde_json::from_str(&Outgoing::ContentHeight { height: 1234 }.to_json()).unwrap();
        assert_eq!(height["height"], 1234);
        assert_eq!(height["type"], "contentHeight");
        let moved: serde_json::Value = serde_json::from_str(
            &Outgoing::RouteChanged {
                path: "/fr/ro",
                lang: "fr",
            }
            .to_json(),
        )
        .unwrap();
        assert_eq!(
            (&moved["type"], &moved["path"]),
            (&"routeChanged".into(), &"/fr/ro".into())
        );
        let error = Outgoing::Error { message: "why" }.to_json();
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&error).unwrap()["message"],
            "why"
        );
    }

    #[test]
    fn text_is_escaped_so_no_message_can_break_out_of_its_string() {
        let url = "https://example.org/?q=\"a\"\\b\n\u{1}é";
        let json = Outgoing::OpenExternal { url }.to_json();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["url"], url);
        assert_eq!(value["type"], "openExternal");
    }

    #[test]
    fn the_three_commands() {
        assert_eq!(
            incoming(r#"{"version":1,"type":"setLanguage","lang":"hu"}"#),
            Ok(Command::SetLanguage(Lang::parse("hu").unwrap()))
        );
        assert_eq!(
            incoming(r#"{"version":1,"type":"setTheme","theme":"dark"}"#),
            Ok(Command::SetTheme(Some("dark")))
        );
        assert_eq!(
            incoming(r#"{"version":1,"type":"setTheme","theme":"system"}"#),
            Ok(Command::SetTheme(None))
        );
        assert_eq!(
            incoming(r#"{"version":1,"type":"navigate","path":"/fr/ro/videos?partner=afp"}"#),
            Ok(Command::Navigate("fr/ro/videos?partner=afp".into()))
        );
        assert_eq!(
            incoming(r#"{"version":1,"type":"navigate","path":"/"}"#),
            Ok(Command::Navigate("./".into()))
        );
    }

    #[test]
    fn wrong_commands_are_refused_with_what_to_send() {
        let refused = |json: &str| incoming(json).unwrap_err();
        assert!(refused(r#"{"type":"setTheme","theme":"dark"}"#).contains("\"version\": 1"));
        assert!(
            refused(r#"{"version":2,"type":"setTheme","theme":"dark"}"#).contains("\"version\": 1")
        );
        content::lang::set_test_languages();
        let unknown = refused(r#"{"version":1,"type":"setLanguage","lang":"de"}"#);
        assert!(
            unknown.contains("languages.json"),
            "{unknown} says where the languages are"
        );
        assert!(refused(r#"{"version":1,"type":"setLanguage"}"#).contains("\"lang\""));
        assert!(refused(r#"{"version":1,"type":"setTheme","theme":"blue"}"#).contains("\"light\""));
        assert!(refused(r#"{"version":1,"type":"eval","code":"alert(1)"}"#).contains("navigate"));
        assert!(refused(r#"{"version":1}"#).contains("\"type\""));
    }

    #[test]
    fn only_safe_links_are_handed_to_the_host() {
        let site = "https://elections.example";
        for ok in [
            "https://www.arcom.fr/",
            "mailto:contact@example.org",
            "tel:+33123456789",
            "https://elections.example/content/ro/en/elections/x/0.ics",
        ] {
            assert!(may_open_externally(ok, site), "{ok}");
        }
        for refused in [
            "http://example.org/",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "intent://scan/#Intent;scheme=zxing;end",
            "data:text/html,x",
        ] {
            assert!(!may_open_externally(refused, site), "{refused}");
        }
        // A site served over http (a local test) hands over its own files, and only them.
        let local = "http://127.0.0.1:4173";
        assert!(may_open_externally(
            "http://127.0.0.1:4173/content/x.ics",
            local
        ));
        assert!(!may_open_externally("http://127.0.0.1:41730/x", local));
        assert!(!may_open_externally(
            "http://127.0.0.1:4173.evil.test/x",
            local
        ));
    }

    #[test]
    fn navigate_stays_on_this_site() {
        content::lang::set_test_languages();
        for path in [
            "//evil.example/x",
            "https://evil.example/",
            "javascript:alert(1)",
            "/javascript:alert(1)",
            "/en/../../etc",
            "/en/ro#x",
            "/en//ro",
            "/en\\ro",
            "en/ro",
            "/en/ro?x=1#frag",
        ] {
            let json = serde_json::json!({"version": 1, "type": "navigate", "path": path});
            let command = serde_json::from_value::<Incoming>(json).unwrap().command();
            assert!(command.is_err(), "{path} was accepted: {command:?}");
        }
    }

    mod fuzz {
        //! Whatever a host sends, `command` answers without panicking, and a navigation it
        //! accepts stays on this site. A short run with a fixed seed in every `cargo test`;
        //! `FUZZ_CASES=20000` for a long one (`make fuzz`). Failures are saved, shrunk, in
        //! `proptest-regressions/protocol.txt`: commit them, as the crash's fixture.
        use super::*;
        use content::url::{classify_url, UrlKind};
        use proptest::prelude::*;
        use proptest::sample::select;
        use proptest::test_runner::{RngAlgorithm, RngSeed};

        fn config() -> ProptestConfig {
            let long = std::env::var("FUZZ_CASES")
                .ok()
                .and_then(|n| n.parse().ok());
            ProptestConfig {
                cases: long.unwrap_or(256),
                rng_algorithm: RngAlgorithm::ChaCha,
                rng_seed: if long.is_some() {
                    RngSeed::Random
                } else {
                    RngSeed::Fixed(16)
                },
                ..ProptestConfig::default()
            }
        }

        fn field(known: &'static [&'static str]) -> impl Strategy<Value = Option<String>> {
            prop::option::weighted(
                0.9,
                prop_oneof![
                    3 => select(known).prop_map(str::to_owned),
                    1 => any::<String>(),
                ],
            )
        }

        /// Paths as a host might send them, hostile or mistaken.
        fn path() -> impl Strategy<Value = Option<String>> {
            let segment = prop_oneof![
                3 => select(&[
                    "en", "fr", "ro", "hu", "EN", "de", "ro", "aa", "videos", "guides",
                    "check-a-claim", "..", ".", "", "%2e%2e", "javascript:alert(1)", "\\",
                    "evil.example/", "?partner=afp", "?x=%zz&y", "#x", "\u{0}", " ",
                ][..]).prop_map(str::to_owned),
                1 => "[ -~]{0,6}",
            ];
            // Routes in their one form, so that accepted navigations are common too.
            let route = (
                select(&["en", "fr", "ro", "hu"][..]),
                select(&["ro", "fr", "RO", "r0"][..]),
                select(&["videos", "guides", "Videos", "x"][..]),
                select(&["check-a-claim", "a--b", "-x", "ok"][..]),
                0..=3usize,
                select(
                    &[
                        "",
                        "?",
                        "?partner=afp",
                        "?a=%zz&b=%C3%A9",
                        "?x=javascript:alert(1)",
                        "?q=<script>",
                        "?%00=%0A",
                    ][..],
                ),
            )
                .prop_map(|(lang, country, section, slug, depth, query)| {
                    let rest: String = [country, section, slug][..depth]
                        .iter()
                        .map(|s| format!("/{s}"))
                        .collect();
                    format!("/{lang}{rest}{query}")
                });
            prop::option::weighted(
                0.9,
                prop_oneof![
                    3 => route,
                    3 => (select(&["/", "//", "", "\\", "https://", "javascript:"][..]),
                          prop::collection::vec(segment, 0..5))
                        .prop_map(|(start, s)| format!("{start}{}", s.join("/"))),
                    1 => any::<String>(),
                ],
            )
        }

        /// An accepted navigation is relative to the site's base, in a route's one form,
        /// with no way to another origin or scheme.
        fn check_navigation(message: &Incoming) -> Result<(), TestCaseError> {
            if let Ok(Command::Navigate(href)) = message.command() {
                prop_assert_eq!(classify_url(&href), Ok(UrlKind::Internal), "{}", href);
                prop_assert!(!href.starts_with(['/', '\\']), "{}", href);
                prop_assert!(
                    !href.contains(['#', '\\']) && !href.chars().any(char::is_control),
                    "{}",
                    href
                );
                let (route, _) = href.split_once('?').unwrap_or((&href, ""));
                prop_assert!(!route.contains(".."), "{}", href);
                let route = if route == "./" {
                    "/".to_owned()
                } else {
                    format!("/{route}")
                };
                prop_assert!(
                    Route::parse(&route).is_some_and(|r| r.path() == route),
                    "{}",
                    href
                );
            }
            Ok(())
        }

        proptest! {
            #![proptest_config(config())]

            #[test]
            fn any_message_gets_an_answer(
                version in prop::option::weighted(0.9, prop_oneof![
                    3 => Just(1.0),
                    1 => any::<f64>(),
                ]),
                kind in field(&["setLanguage", "setTheme", "navigate", "eval"]),
                lang in field(&["en", "fr", "ro", "hu", "de", "EN", ""]),
                theme in field(&["light", "dark", "system", "blue"]),
                path in path(),
            ) {
                content::lang::set_test_languages();
                check_navigation(&Incoming { version, kind, lang, theme, path })?;
            }

            #[test]
            fn navigation_stays_on_this_site(path in path()) {
                content::lang::set_test_languages();
                let kind = Some("navigate".to_owned());
                check_navigation(&Incoming { version: Some(1.0), kind, path, ..Incoming::default() })?;
            }
        }
    }
}
