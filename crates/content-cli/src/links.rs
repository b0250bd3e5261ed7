//! `content-cli links`: asks every address of another site the content links to (sources,
//! a resource's or partner's `url`, `submit_claim_url`, a video's `external_url`, links in
//! bodies) whether it still answers, and how.
//!
//! Run by hand or on a schedule where there is network; never by `make test` (the tests
//! start their own server, `tests/links.rs`). Each address is asked once, however many
//! pages use it, with a bounded number of requests at once and one at a time per site.
//! Redirects are followed here, not by the HTTP client, so every hop is recorded and held
//! to https.
//!
//! The client is `ureq` (blocking, rustls, no async runtime): a command that makes a few
//! hundred requests needs threads, not tokio, and rustls with Mozilla's roots (webpki-roots)
//! gives the same answer on every machine, whatever certificates it has installed.

use std::collections::{BTreeMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use std::{fs, io};

use content::external_links::external_links;
use content::Diagnostic;
use serde::Serialize;

use crate::Tree;

pub const USAGE: &str = "content-cli links <content-dir> [--report <file>] [--timeout <seconds>] [--concurrency <n>] [--strict] [--override-host <host>=<ip:port>]…";

/// `content-cli help links`.
pub const HELP: &str = "\
content-cli links: ask every address of another site the content links to whether it
still answers (needs the internet; CONTENT.md → Checking links)

Usage: content-cli links <content-dir> [--report <file>] [--timeout <seconds>]
                         [--concurrency <n>] [--strict] [--override-host <host>=<ip:port>]…

Checks the sources, a resource's or partner's `url`, `submit_claim_url`, a video's
`external_url` and the links in the text. Each address is asked once (HEAD, then GET when
HEAD is refused), and reported at the first place it is written with every other place.

Options:
  --report <file>       also write every address and its outcome as JSON to <file>
  --timeout <seconds>   how long to wait for each answer (default 15)
  --concurrency <n>     how many sites to ask at once, one request at a time per site
                        (default 8)
  --strict              warnings (a page moved, a site refusing robots) fail the run too
  --override-host <host>=<ip:port>
                        send <host>'s requests to http://<ip:port> instead (tests and
                        local mirrors only); may be given more than once

Exit status: 0 when no address is broken, 1 otherwise, 2 when the command line is wrong.
";

/// The version of the report file's format; bumped when a reader would break.
pub const REPORT_VERSION: u32 = 1;

/// Sent with every request, so that a site's owner can tell who asks and why.
pub const USER_AGENT: &str = concat!(
    "election-center-links/",
    env!("CARGO_PKG_VERSION"),
    " (link checker of the Election Center content; one request per site at a time)"
);

/// Redirects followed before giving up.
pub const MAX_REDIRECTS: usize = 10;

/// One place an address is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    pub file: String,
    pub line: usize,
    pub col: usize,
    /// The front-matter field (`sources.url`, `url`…) or `body`.
    pub field: &'static str,
}

/// One address, with every place it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// As written, without its `#fragment` (which the server never sees).
    pub url: String,
    pub places: Vec<Place>,
}

/// Every web address of the pages of `tree`, each once, in the order first written (by
/// file, then line); and the pages whose front matter could not be read.
pub fn collect(tree: &Tree) -> (Vec<Link>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut links: Vec<Link> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for file in tree.files.iter().filter(|f| f.path.ends_with(".md")) {
        for found in external_links(&file.path, &file.text, &mut problems) {
            let url = found.url.split('#').next().unwrap_or_default().to_owned();
            let place = Place {
                file: found.file,
                line: found.line,
                col: found.col,
                field: found.field,
            };
            match index.get(&url) {
                Some(&i) => links[i].places.push(place),
                None => {
                    index.insert(url.clone(), links.len());
                    links.push(Link {
                        url,
                        places: vec![place],
                    });
                }
            }
        }
    }
    (links, problems)
}

#[derive(Debug, Clone)]
pub struct Options {
    /// For each request (one hop of a redirect chain).
    pub timeout: Duration,
    /// Requests at once, over different sites.
    pub concurrency: usize,
    /// `(host, ip:port)`: requests for `host` go to `http://ip:port` instead, with the same
    /// path (for the tests, and for a local mirror). The address checked stays the one
    /// written, so https is still required of it.
    pub overrides: Vec<(String, String)>,
    /// Whether to use the proxy the environment names (`HTTPS_PROXY`, `NO_PROXY`…).
    pub proxy_from_env: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            timeout: Duration::from_secs(15),
            concurrency: 8,
            overrides: Vec::new(),
            proxy_from_env: true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Ok,
    Warning,
    Error,
}

/// What an answer, or its absence, means; each has its own advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// 2xx, directly or after temporary redirects.
    Ok,
    /// A permanent redirect (301, 308): the link should name the new address.
    Moved,
    /// 429: the site asks us to slow down; says nothing about the page.
    RateLimited,
    /// 403, 999 or a challenge page: the site refuses robots, maybe not voters.
    BotProtection,
    /// Any other 4xx or 5xx.
    HttpStatus,
    /// The host name does not resolve.
    Dns,
    /// The secure connection failed (certificate, protocol).
    Tls,
    /// No answer within the time-out.
    Timeout,
    /// The connection was refused.
    Refused,
    /// Another network failure (reset, malformed answer).
    Network,
    /// An `http://` address, written or redirected to.
    Insecure,
    RedirectLoop,
    TooManyRedirects,
    /// A redirect without a usable `Location`.
    BadRedirect,
    /// An address no request can be made to as written.
    InvalidUrl,
}

/// One request of a redirect chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hop {
    pub url: String,
    /// `HEAD`, or `GET` when the site refused `HEAD`; empty when no request was made
    /// (an `http://` address is not asked).
    pub method: &'static str,
    /// `None` when there was no answer.
    pub status: Option<u16>,
}

/// What asking one address gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub severity: Severity,
    pub category: Category,
    /// The last answer's status, if any.
    pub status: Option<u16>,
    /// The address the chain ended on.
    pub final_url: String,
    /// Every request, in order; more than one when redirected.
    pub chain: Vec<Hop>,
    /// For a permanent redirect: the address the link should name now.
    pub update_to: Option<String>,
    pub message: String,
    pub hint: String,
}

/// An address with what asking it gave.
#[derive(Debug, Clone)]
pub struct Checked {
    pub link: Link,
    pub outcome: Outcome,
}

/// Makes the requests: a client that neither follows redirects nor turns statuses into
/// errors, so that each hop is seen here.
pub struct Checker {
    agent: ureq::Agent,
    /// Without a proxy, for the overridden hosts.
    direct: ureq::Agent,
    options: Options,
}

impl Checker {
    pub fn new(options: Options) -> Self {
        let agent = |proxy: bool| -> ureq::Agent {
            let builder = ureq::Agent::config_builder()
                .max_redirects(0)
                .http_status_as_error(false)
                .timeout_global(Some(options.timeout))
                .user_agent(USER_AGENT)
                .accept("text/html,application/xhtml+xml,*/*;q=0.8");
            let builder = if proxy { builder } else { builder.proxy(None) };
            builder.build().into()
        };
        Checker {
            agent: agent(options.proxy_from_env),
            direct: agent(false),
            options,
        }
    }

    /// Asks every link, each once, at most `concurrency` at a time and one at a time per
    /// host (a redirect to another host is followed at once); the result keeps the links'
    /// order.
    pub fn check_all(&self, links: Vec<Link>) -> Vec<Checked> {
        let mut by_host: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, link) in links.iter().enumerate() {
            let host = WebUrl::parse(&link.url).map(|u| u.host).unwrap_or_default();
            by_host.entry(host).or_default().push(i);
        }
        // The sites with most addresses first: they take longest, one request at a time.
        let mut groups: Vec<Vec<usize>> = by_host.into_values().collect();
        groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
        let queue = Mutex::new(VecDeque::from(groups));
        let outcomes: Mutex<Vec<Option<Outcome>>> = Mutex::new(vec![None; links.len()]);
        let workers = self.options.concurrency.clamp(1, links.len().max(1));
        std::thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| loop {
                    let Some(group) = queue.lock().expect("no worker panics").pop_front() else {
                        break;
                    };
                    for i in group {
                        let outcome = self.check(&links[i].url);
                        outcomes.lock().expect("no worker panics")[i] = Some(outcome);
                    }
                });
            }
        });
        let outcomes = outcomes.into_inner().expect("no worker panics");
        links
            .into_iter()
            .zip(outcomes)
            .map(|(link, outcome)| Checked {
                link,
                outcome: outcome.expect("every link was checked"),
            })
            .collect()
    }

    /// Asks one address, following its redirects.
    pub fn check(&self, url: &str) -> Outcome {
        let mut chain: Vec<Hop> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        let Some(mut current) = WebUrl::parse(url) else {
            return finish(
                chain,
                url,
                Category::InvalidUrl,
                None,
                format!("`{url}` is not a web address a request can be made to"),
                "write it as https://host/path",
            );
        };
        loop {
            let here = current.to_string();
            if current.scheme != "https" {
                let (message, hint) = if chain.is_empty() {
                    (
                        format!("`{url}` uses http, which can be intercepted"),
                        "use the https:// address of the same page",
                    )
                } else {
                    (
                        format!("`{url}` redirects to `{here}`, which uses http and can be intercepted"),
                        "link to an https:// address that does not send voters to http (the site's own page for it, or another source); tell the site if it has none",
                    )
                };
                chain.push(Hop {
                    url: here.clone(),
                    method: "",
                    status: None,
                });
                return finish(chain, &here, Category::Insecure, None, message, hint);
            }
            if !seen.insert(here.clone()) {
                chain.push(Hop {
                    url: here.clone(),
                    method: "",
                    status: None,
                });
                let path: Vec<&str> = chain.iter().map(|h| h.url.as_str()).collect();
                return finish(
                    chain.clone(),
                    &here,
                    Category::RedirectLoop,
                    None,
                    format!("`{url}` redirects in a loop: {}", path.join(" → ")),
                    "the site is misconfigured; open the address in a browser, and link to another page if it does not load",
                );
            }
            if chain.len() > MAX_REDIRECTS {
                return finish(
                    chain,
                    &here,
                    Category::TooManyRedirects,
                    None,
                    format!("`{url}` redirects more than {MAX_REDIRECTS} times"),
                    "open it in a browser: link to the address it ends on if it loads, to another page if not",
                );
            }
            let (method, answer) = self.ask(&current);
            let answer = match answer {
                Ok(answer) => answer,
                Err(e) => {
                    chain.push(Hop {
                        url: here.clone(),
                        method,
                        status: None,
                    });
                    let (category, message, hint) =
                        network_failure(&e, url, &current, self.options.timeout);
                    return finish(chain, &here, category, None, message, hint);
                }
            };
            chain.push(Hop {
                url: here.clone(),
                method,
                status: Some(answer.status),
            });
            if (300..400).contains(&answer.status) && answer.status != 304 {
                match answer.location.as_deref().and_then(|l| current.resolve(l)) {
                    Some(next) => {
                        current = next;
                        continue;
                    }
                    None => {
                        let message = match &answer.location {
                            Some(l) => format!(
                                "`{url}` redirects ({}) to `{l}`, which is not a web address",
                                answer.status
                            ),
                            None => format!(
                                "`{url}` answers {} (a redirect) without saying where to",
                                answer.status
                            ),
                        };
                        return finish(
                            chain,
                            &here,
                            Category::BadRedirect,
                            Some(answer.status),
                            message,
                            "open it in a browser and link to the page it shows",
                        );
                    }
                }
            }
            return judge(url, chain, &here, &answer);
        }
    }

    /// HEAD, then GET when HEAD is refused (a 4xx or 5xx other than 429, or a broken
    /// connection): many servers answer HEAD badly, and only GET's answer is what a
    /// voter's browser would get.
    fn ask(&self, url: &WebUrl) -> (&'static str, Result<Answer, ureq::Error>) {
        let head = self.request("HEAD", url);
        let retry = match &head {
            Ok(a) => (400..600).contains(&a.status) && a.status != 429,
            Err(e) => matches!(
                network_failure(e, "", url, self.options.timeout).0,
                Category::Network
            ),
        };
        if retry {
            ("GET", self.request("GET", url))
        } else {
            ("HEAD", head)
        }
    }

    fn request(&self, method: &str, url: &WebUrl) -> Result<Answer, ureq::Error> {
        let target = url.request_target();
        let (agent, address) = match self
            .options
            .overrides
            .iter()
            .find(|(host, _)| host.eq_ignore_ascii_case(&url.host))
        {
            Some((_, to)) => (&self.direct, format!("http://{to}{target}")),
            None => (
                &self.agent,
                format!("{}://{}{target}", url.scheme, url.authority),
            ),
        };
        let response = match method {
            "HEAD" => agent.head(&address).call()?,
            _ => agent.get(&address).call()?,
        };
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        };
        // The body is never read: dropping the response closes the connection.
        Ok(Answer {
            status: response.status().as_u16(),
            location: header("location"),
            challenge: header("cf-mitigated").is_some_and(|v| v.eq_ignore_ascii_case("challenge")),
        })
    }
}

/// What one request was answered.
struct Answer {
    status: u16,
    location: Option<String>,
    /// Cloudflare's mark of a bot challenge instead of the page.
    challenge: bool,
}

fn finish(
    chain: Vec<Hop>,
    final_url: &str,
    category: Category,
    status: Option<u16>,
    message: String,
    hint: &str,
) -> Outcome {
    Outcome {
        severity: Severity::Error,
        category,
        status,
        final_url: final_url.to_owned(),
        chain,
        update_to: None,
        message,
        hint: hint.to_owned(),
    }
}

/// The last answer of a chain that ended without a redirect.
fn judge(url: &str, chain: Vec<Hop>, final_url: &str, answer: &Answer) -> Outcome {
    let status = answer.status;
    let said = status_text(status);
    let outcome = |severity, category, message: String, hint: &str| Outcome {
        severity,
        category,
        status: Some(status),
        final_url: final_url.to_owned(),
        chain: chain.clone(),
        update_to: None,
        message,
        hint: hint.to_owned(),
    };
    if answer.challenge || status == 403 || status == 999 {
        return outcome(
            Severity::Warning,
            Category::BotProtection,
            format!("`{url}` refused the link checker ({said}), often a site's protection against robots"),
            "open it in a browser: if it loads, the link is fine; if not, find the page's new address",
        );
    }
    if status == 429 {
        return outcome(
            Severity::Warning,
            Category::RateLimited,
            format!("`{url}` asked the link checker to slow down ({said})"),
            "nothing is known about the page; check again later",
        );
    }
    if (400..600).contains(&status) {
        let hint = match status {
            404 | 410 => "find the page's new address on the site (or another page that says the same) and link to it; remove the link if it is gone",
            401 => "voters cannot read a page behind a login: link to a public page that says the same",
            500.. => "the site may be down for a while: check again later, and find another address if it stays broken",
            _ => "open it in a browser; if it does not load, find the page's new address",
        };
        let message = if chain.len() > 1 {
            format!("`{url}` is broken: it redirects to `{final_url}`, which answers {said}")
        } else {
            format!("`{url}` is broken: {said}")
        };
        return outcome(Severity::Error, Category::HttpStatus, message, hint);
    }
    // The first permanent redirects say where the page lives now; a temporary one after
    // them is the site's business.
    let moved = chain
        .iter()
        .take_while(|h| matches!(h.status, Some(301 | 308)))
        .count();
    if moved > 0 {
        let new = chain[moved].url.clone();
        let mut o = outcome(
            Severity::Warning,
            Category::Moved,
            format!("`{url}` has moved permanently to `{new}`"),
            "",
        );
        o.hint = format!("update the link to {new}");
        o.update_to = Some(new);
        return o;
    }
    outcome(Severity::Ok, Category::Ok, format!("`{url}`: {said}"), "")
}

fn status_text(status: u16) -> String {
    match ureq::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
    {
        Some(reason) => format!("{status} {reason}"),
        None => status.to_string(),
    }
}

/// A failed request as a category, a message and a hint.
fn network_failure(
    e: &ureq::Error,
    url: &str,
    asked: &WebUrl,
    timeout: Duration,
) -> (Category, String, &'static str) {
    let host = asked.host.as_str();
    let detail = e.to_string();
    let detail = detail.strip_prefix("io: ").unwrap_or(&detail);
    let lower = detail.to_ascii_lowercase();
    let dns = || {
        (
            Category::Dns,
            format!("`{url}` cannot be reached: `{host}` was not found (DNS: {detail})"),
            "check the address for a typing mistake; the site may have closed, or this machine may have no network",
        )
    };
    let timed_out = || {
        (
            Category::Timeout,
            format!(
                "`{url}` cannot be reached: `{host}` did not answer within {} s",
                timeout.as_secs_f64()
            ),
            "the site may be slow or down: check again later, or with a longer --timeout",
        )
    };
    let tls = || {
        (
            Category::Tls,
            format!("`{url}` cannot be reached: the secure connection to `{host}` failed ({detail})"),
            "the site's certificate may have expired or name another site: open it in a browser; link to another address if it warns",
        )
    };
    match e {
        ureq::Error::Timeout(_) => timed_out(),
        ureq::Error::HostNotFound => dns(),
        ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::Pem(_) => tls(),
        ureq::Error::BadUri(_) | ureq::Error::Http(_) => (
            Category::InvalidUrl,
            format!("no request can be made to `{url}`: {detail}"),
            "check the address for spaces or characters that need escaping",
        ),
        ureq::Error::Io(io) => match io.kind() {
            io::ErrorKind::ConnectionRefused => (
                Category::Refused,
                format!("`{url}` cannot be reached: `{host}` refused the connection"),
                "the site may be down: check again later; if it stays down, find another address",
            ),
            io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => timed_out(),
            _ if [
                "lookup address",
                "name or service",
                "nodename nor servname",
                "name resolution",
                "no address associated",
            ]
            .iter()
            .any(|s| lower.contains(s)) =>
            {
                dns()
            }
            // ureq reports HTTP it cannot parse as a protocol error: invalid data on an
            // https connection is rustls refusing what it was sent.
            io::ErrorKind::InvalidData if asked.scheme == "https" => tls(),
            _ if ["tls", "certificate", "handshake"]
                .iter()
                .any(|s| lower.contains(s)) =>
            {
                tls()
            }
            _ => network(url, host, detail),
        },
        _ => network(url, host, detail),
    }
}

fn network(url: &str, host: &str, detail: &str) -> (Category, String, &'static str) {
    (
        Category::Network,
        format!("`{url}` cannot be reached: the request to `{host}` failed ({detail})"),
        "check again later; if it keeps failing, open the address in a browser",
    )
}

/// An absolute http(s) address, split as a request needs it; no fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
struct WebUrl {
    /// Lower case.
    scheme: String,
    /// As written: `[user@]host[:port]`.
    authority: String,
    /// Lower case, without user or port.
    host: String,
    /// Starts with `/`.
    path: String,
    query: Option<String>,
}

impl WebUrl {
    fn parse(url: &str) -> Option<WebUrl> {
        let url = url.trim();
        let url = url.split('#').next().unwrap_or_default();
        let (scheme, rest) = url.split_once("://")?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return None;
        }
        let end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, rest) = rest.split_at(end);
        let host_port = authority.rsplit('@').next().unwrap_or_default();
        let host = if host_port.starts_with('[') {
            &host_port[..host_port.find(']').map_or(host_port.len(), |i| i + 1)]
        } else {
            host_port.split(':').next().unwrap_or_default()
        };
        if host.is_empty() {
            return None;
        }
        let (path, query) = match rest.split_once('?') {
            Some((path, query)) => (path, Some(query.to_owned())),
            None => (rest, None),
        };
        Some(WebUrl {
            scheme,
            authority: authority.to_owned(),
            host: host.to_ascii_lowercase(),
            path: if path.is_empty() { "/" } else { path }.to_owned(),
            query,
        })
    }

    /// `reference` (a `Location` header) resolved against this address (RFC 3986, 5.2).
    fn resolve(&self, reference: &str) -> Option<WebUrl> {
        let reference = reference.trim();
        let reference = reference.split('#').next().unwrap_or_default();
        let has_scheme = reference
            .find(':')
            .is_some_and(|i| !reference[..i].contains(['/', '?']) && i > 0);
        if has_scheme {
            return WebUrl::parse(reference);
        }
        if let Some(rest) = reference.strip_prefix("//") {
            return WebUrl::parse(&format!("{}://{rest}", self.scheme));
        }
        let (path, query) = match reference.split_once('?') {
            Some((path, query)) => (path, Some(query.to_owned())),
            None => (reference, None),
        };
        let (path, query) = if path.is_empty() {
            (self.path.clone(), query.or_else(|| self.query.clone()))
        } else if path.starts_with('/') {
            (remove_dot_segments(path), query)
        } else {
            let dir = &self.path[..self.path.rfind('/').map_or(0, |i| i + 1)];
            (remove_dot_segments(&format!("{dir}{path}")), query)
        };
        Some(WebUrl {
            path,
            query,
            ..self.clone()
        })
    }

    /// The path and query as sent: bytes a request line cannot carry are percent-encoded.
    fn request_target(&self) -> String {
        let mut target = String::new();
        let whole = match &self.query {
            Some(q) => format!("{}?{q}", self.path),
            None => self.path.clone(),
        };
        for byte in whole.bytes() {
            if byte <= b' ' || byte >= 0x7f || b"\"<>\\^`{|}".contains(&byte) {
                target.push_str(&format!("%{byte:02X}"));
            } else {
                target.push(byte as char);
            }
        }
        target
    }
}

impl std::fmt::Display for WebUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}://{}{}", self.scheme, self.authority, self.path)?;
        if let Some(q) = &self.query {
            write!(f, "?{q}")?;
        }
        Ok(())
    }
}

fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if joined.starts_with('/') {
        joined
    } else {
        format!("/{joined}")
    }
}

/// Whether the run failed: a broken link, or with `strict` a warning too.
pub fn failed(checked: &[Checked], problems: &[Diagnostic], strict: bool) -> bool {
    !problems.is_empty()
        || checked.iter().any(|c| match c.outcome.severity {
            Severity::Error => true,
            Severity::Warning => strict,
            Severity::Ok => false,
        })
}

/// Counts for the summary and the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub addresses: usize,
    pub places: usize,
    pub ok: usize,
    pub warnings: usize,
    pub errors: usize,
}

pub fn summary(checked: &[Checked]) -> Summary {
    let count = |s| checked.iter().filter(|c| c.outcome.severity == s).count();
    Summary {
        addresses: checked.len(),
        places: checked.iter().map(|c| c.link.places.len()).sum(),
        ok: count(Severity::Ok),
        warnings: count(Severity::Warning),
        errors: count(Severity::Error),
    }
}

/// What an editor reads: one block per address that is not fine, at the first place it is
/// written, as the checker writes its problems (`path:line:col: error: …`), then the
/// counts. Errors first, then warnings, each by place.
pub fn text_report(root: &Path, checked: &[Checked], problems: &[Diagnostic]) -> String {
    let root = root.display().to_string();
    let root = root.trim_end_matches('/');
    let at = |p: &Place| format!("{root}/{}:{}:{}", p.file, p.line, p.col);
    let mut out = Vec::new();
    for p in problems {
        out.push(format!("{root}/{p}"));
    }
    let mut shown: Vec<&Checked> = checked
        .iter()
        .filter(|c| c.outcome.severity != Severity::Ok)
        .collect();
    shown.sort_by_key(|c| std::cmp::Reverse(c.outcome.severity));
    for c in shown {
        let o = &c.outcome;
        let severity = match o.severity {
            Severity::Error => "error",
            _ => "warning",
        };
        let mut block = format!("{}: {severity}: {}", at(&c.link.places[0]), o.message);
        for place in &c.link.places[1..] {
            block.push_str(&format!("\n  = note: also at {}", at(place)));
        }
        if o.chain.len() > 1 {
            let hops: Vec<String> = o
                .chain
                .iter()
                .map(|h| match h.status {
                    Some(s) => format!("{} ({s})", h.url),
                    None => h.url.clone(),
                })
                .collect();
            block.push_str(&format!("\n  = note: redirects: {}", hops.join(" → ")));
        }
        if !o.hint.is_empty() {
            block.push_str(&format!("\n  = help: {}", o.hint));
        }
        out.push(block);
    }
    let s = summary(checked);
    let mut last = format!(
        "{} addresses checked ({} places in {root}): {} ok, {} warning(s), {} broken",
        s.addresses, s.places, s.ok, s.warnings, s.errors
    );
    if !problems.is_empty() {
        last.push_str(&format!("; {} page(s) could not be read", problems.len()));
    }
    out.push(last);
    out.join("\n\n")
}

/// The report file: the run (version, times, options), the counts, and every address with
/// its places, chain and outcome, the fine ones included.
#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    tool: String,
    content: String,
    started: String,
    finished: String,
    timeout_seconds: f64,
    concurrency: usize,
    strict: bool,
    summary: Summary,
    problems: Vec<ProblemEntry<'a>>,
    links: Vec<LinkEntry<'a>>,
}

#[derive(Serialize)]
struct ProblemEntry<'a> {
    file: &'a str,
    line: usize,
    col: usize,
    message: &'a str,
    hint: &'a str,
}

#[derive(Serialize)]
struct LinkEntry<'a> {
    url: &'a str,
    places: &'a [Place],
    #[serde(flatten)]
    outcome: &'a Outcome,
}

/// Everything the report file holds beside the links.
pub struct Run<'a> {
    pub root: &'a Path,
    pub started: SystemTime,
    pub finished: SystemTime,
    pub options: &'a Options,
    pub strict: bool,
}

pub fn json_report(run: &Run, checked: &[Checked], problems: &[Diagnostic]) -> Vec<u8> {
    let report = Report {
        version: REPORT_VERSION,
        tool: format!("content-cli links {}", env!("CARGO_PKG_VERSION")),
        content: run.root.display().to_string(),
        started: timestamp(run.started),
        finished: timestamp(run.finished),
        timeout_seconds: run.options.timeout.as_secs_f64(),
        concurrency: run.options.concurrency,
        strict: run.strict,
        summary: summary(checked),
        problems: problems
            .iter()
            .map(|p| ProblemEntry {
                file: &p.file,
                line: p.line,
                col: p.col,
                message: &p.message,
                hint: &p.hint,
            })
            .collect(),
        links: checked
            .iter()
            .map(|c| LinkEntry {
                url: &c.link.url,
                places: &c.link.places,
                outcome: &c.outcome,
            })
            .collect(),
    };
    crate::to_json(&report)
}

/// `2025-05-20T07:03:09Z`: a time as RFC 3339, in UTC, to the second.
pub fn timestamp(time: SystemTime) -> String {
    let secs = time
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (year, month, day) = content::countdown::civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// `content-cli links …`: the arguments after `links`.
pub fn main(args: &[String]) -> ExitCode {
    let usage = || {
        eprintln!("usage: {USAGE}\nsee: content-cli help links");
        ExitCode::from(2)
    };
    let mut dir: Option<PathBuf> = None;
    let mut report: Option<PathBuf> = None;
    let mut strict = false;
    let mut options = Options::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--strict" => strict = true,
            "--report" | "--timeout" | "--concurrency" | "--override-host" => {
                let Some(value) = args.next() else {
                    return usage();
                };
                match arg.as_str() {
                    "--report" => report = Some(PathBuf::from(value)),
                    "--timeout" => match value.parse::<f64>() {
                        Ok(s) if s > 0.0 && s.is_finite() => {
                            options.timeout = Duration::from_secs_f64(s)
                        }
                        _ => return usage(),
                    },
                    "--concurrency" => match value.parse::<usize>() {
                        Ok(n) if n > 0 => options.concurrency = n,
                        _ => return usage(),
                    },
                    _ => match value.split_once('=') {
                        Some((host, to)) if !host.is_empty() && !to.is_empty() => {
                            options.overrides.push((host.to_owned(), to.to_owned()))
                        }
                        _ => return usage(),
                    },
                }
            }
            a if a.starts_with('-') => return usage(),
            a if dir.is_none() => dir = Some(PathBuf::from(a)),
            _ => return usage(),
        }
    }
    let Some(dir) = dir else {
        return usage();
    };
    let tree = match crate::read_tree(&dir) {
        Ok(tree) => tree,
        Err(e) => {
            eprintln!("cannot read {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    let (links, problems) = collect(&tree);
    let hosts: HashSet<String> = links
        .iter()
        .filter_map(|l| WebUrl::parse(&l.url).map(|u| u.host))
        .collect();
    eprintln!(
        "checking {} addresses on {} sites, {} at a time…",
        links.len(),
        hosts.len(),
        options.concurrency.min(hosts.len().max(1))
    );
    let started = SystemTime::now();
    let checked = Checker::new(options.clone()).check_all(links);
    let finished = SystemTime::now();
    println!("{}", text_report(&dir, &checked, &problems));
    if let Some(path) = report {
        let run = Run {
            root: &dir,
            started,
            finished,
            options: &options,
            strict,
        };
        let written = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| fs::write(&path, json_report(&run, &checked, &problems)));
        match written {
            Ok(()) => println!("report written to {}", path.display()),
            Err(e) => {
                eprintln!("cannot write {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    if failed(&checked, &problems, strict) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_locations_as_browsers_do() {
        let base = WebUrl::parse("https://Example.org:8443/a/b/c?q=1#f").unwrap();
        assert_eq!(base.host, "example.org");
        assert_eq!(base.to_string(), "https://Example.org:8443/a/b/c?q=1");
        let cases = [
            ("https://other.org/x", "https://other.org/x"),
            ("HTTP://other.org", "http://other.org/"),
            ("//other.org/y?z", "https://other.org/y?z"),
            ("/root", "https://Example.org:8443/root"),
            ("d", "https://Example.org:8443/a/b/d"),
            ("../d/./e", "https://Example.org:8443/a/d/e"),
            ("../../../../d", "https://Example.org:8443/d"),
            ("?p=2", "https://Example.org:8443/a/b/c?p=2"),
            ("", "https://Example.org:8443/a/b/c?q=1"),
            ("./", "https://Example.org:8443/a/b/"),
            ("/x#frag", "https://Example.org:8443/x"),
        ];
        for (reference, want) in cases {
            assert_eq!(
                base.resolve(reference).map(|u| u.to_string()),
                Some(want.to_owned()),
                "{reference}"
            );
        }
        assert_eq!(base.resolve("ftp://x/"), None);
        assert_eq!(base.resolve("mailto:a@b.org"), None);
    }

    #[test]
    fn request_targets_escape_what_a_request_line_cannot_carry() {
        let url = WebUrl::parse("https://a.org/é t?q=\"x\"").unwrap();
        assert_eq!(url.request_target(), "/%C3%A9%20t?q=%22x%22");
        assert_eq!(
            WebUrl::parse("https://a.org").unwrap().request_target(),
            "/"
        );
        assert_eq!(WebUrl::parse("https://u@[::1]:80/").unwrap().host, "[::1]");
    }

    #[test]
    fn network_failures_fall_in_their_categories() {
        let url = WebUrl::parse("https://a.example/").unwrap();
        let category =
            |e| network_failure(&e, "https://a.example/", &url, Duration::from_secs(1)).0;
        let io = |e: io::Error| ureq::Error::Io(e);
        assert_eq!(category(ureq::Error::HostNotFound), Category::Dns);
        assert_eq!(
            category(io(io::Error::other(
                "failed to lookup address information: Name or service not known"
            ))),
            Category::Dns
        );
        assert_eq!(
            category(io(io::ErrorKind::ConnectionRefused.into())),
            Category::Refused
        );
        assert_eq!(
            category(io(io::ErrorKind::ConnectionReset.into())),
            Category::Network
        );
        assert_eq!(
            category(io(io::ErrorKind::InvalidData.into())),
            Category::Tls
        );
        assert_eq!(
            category(ureq::Error::Timeout(ureq::Timeout::Global)),
            Category::Timeout
        );
        assert_eq!(category(ureq::Error::Tls("bad")), Category::Tls);
    }

    #[test]
    fn timestamps_are_rfc_3339_utc() {
        let at = |secs| timestamp(UNIX_EPOCH + Duration::from_secs(secs));
        assert_eq!(at(0), "1970-01-01T00:00:00Z");
        assert_eq!(at(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(at(1_747_724_589), "2025-05-20T07:03:09Z");
    }

    #[test]
    fn a_permanent_redirect_suggests_where_the_page_is_now() {
        let hop = |url: &str, status| Hop {
            url: url.to_owned(),
            method: "HEAD",
            status: Some(status),
        };
        let ok = Answer {
            status: 200,
            location: None,
            challenge: false,
        };
        let chain = vec![
            hop("https://a/", 301),
            hop("https://b/", 302),
            hop("https://c/", 200),
        ];
        let o = judge("https://a/", chain, "https://c/", &ok);
        assert_eq!(o.severity, Severity::Warning);
        assert_eq!(o.update_to.as_deref(), Some("https://b/"));
        let chain = vec![
            hop("https://a/", 302),
            hop("https://b/", 301),
            hop("https://c/", 200),
        ];
        assert_eq!(
            judge("https://a/", chain, "https://c/", &ok).severity,
            Severity::Ok
        );
    }
}
