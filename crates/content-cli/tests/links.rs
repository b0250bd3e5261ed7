//! `content-cli links` against HTTP servers started here, on 127.0.0.1: no test needs the
//! internet. The content's addresses are https (the checker requires it); `--override-host`
//! sends a host's requests to a local server instead, while the address checked, and held
//! to https, stays the one written.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use std::{fs, thread};

use content_cli::links::{self, Category, Checker, Options, Severity};
use content_cli::{read_tree, Tree};

/// What the server answers to one request.
enum Answer {
    /// A status and headers, no body.
    Status(u16, Vec<(&'static str, String)>),
    /// Nothing, for longer than any client here waits.
    Hang,
}

type Route = dyn Fn(&str, &str) -> Answer + Send + Sync;

/// Connections being answered now, and the most there were at once.
#[derive(Default)]
struct Gauge {
    now: AtomicUsize,
    max: AtomicUsize,
}

impl Gauge {
    fn enter(&self) {
        let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.max.fetch_max(now, Ordering::SeqCst);
    }
    fn leave(&self) {
        self.now.fetch_sub(1, Ordering::SeqCst);
    }
    fn max(&self) -> usize {
        self.max.load(Ordering::SeqCst)
    }
}

#[derive(Debug, Clone)]
struct Seen {
    method: String,
    path: String,
    user_agent: String,
}

struct Server {
    addr: SocketAddr,
    seen: Arc<Mutex<Vec<Seen>>>,
}

/// An HTTP/1.1 server on 127.0.0.1 answering each connection in its own thread, once
/// (`Connection: close`).
fn serve(route: Arc<Route>) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let server = Server {
        addr,
        seen: seen.clone(),
    };
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let (route, seen) = (route.clone(), seen.clone());
            thread::spawn(move || answer(stream, &*route, &seen));
        }
    });
    server
}

fn answer(mut stream: TcpStream, route: &Route, seen: &Mutex<Vec<Seen>>) {
    stream
        .set_read_timeout(Some(Duration::from_secs(2)))
        .unwrap();
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 * 1024 {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
        // A TLS client's hello: this server speaks plain HTTP only.
        if head.first() == Some(&0x16) {
            let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
            return;
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let mut words = head.split_whitespace();
    let (method, path) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let user_agent = head
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("user-agent")
                .then(|| value.trim().to_owned())
        })
        .unwrap_or_default();
    seen.lock().unwrap().push(Seen {
        method: method.to_owned(),
        path: path.to_owned(),
        user_agent,
    });
    match route(method, path) {
        Answer::Hang => thread::sleep(Duration::from_secs(3)),
        Answer::Status(status, headers) => {
            let mut response =
                format!("HTTP/1.1 {status} X\r\nContent-Length: 0\r\nConnection: close\r\n");
            for (name, value) in headers {
                response.push_str(&format!("{name}: {value}\r\n"));
            }
            response.push_str("\r\n");
            let _ = stream.write_all(response.as_bytes());
        }
    }
}

fn to(location: &str, status: u16) -> Answer {
    Answer::Status(status, vec![("Location", location.to_owned())])
}

/// The site every address of the fixture is on (`https://example.org/…`): 200 for any
/// page but the ones the cases name.
fn example_org(method: &str, path: &str) -> Answer {
    let status = |s| Answer::Status(s, Vec::new());
    match path {
        "/missing" => status(404),
        "/broken" => status(500),
        "/moved" => to("https://example.org/new-home", 301),
        "/temporary" => to("/ok", 302),
        "/insecure" => to("http://example.org/ok", 302),
        "/loop-a" => to("/loop-b", 301),
        "/loop-b" => to("https://example.org/loop-a", 302),
        "/no-head" if method == "HEAD" => status(405),
        "/slow" => Answer::Hang,
        "/busy" => status(429),
        "/forbidden" => status(403),
        "/no-location" => status(302),
        _ => match path
            .strip_prefix("/hop/")
            .and_then(|n| n.parse::<u32>().ok())
        {
            Some(n) => to(&format!("/hop/{}", n + 1), 301),
            None => status(200),
        },
    }
}

/// A port nothing listens on.
fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("content-cli-links-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid")
}

/// Appends `lines` to a page's body; the line number of the first one.
fn append(file: &Path, lines: &[&str]) -> usize {
    let mut text = fs::read_to_string(file).unwrap();
    assert!(text.ends_with('\n'));
    let first = text.lines().count() + 2;
    text.push('\n');
    for line in lines {
        text.push_str(line);
        text.push('\n');
    }
    fs::write(file, text).unwrap();
    first
}

fn run(dir: &Path, extra: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_content-cli"))
        .arg("links")
        .arg(dir)
        .args(extra)
        .env_remove("HTTPS_PROXY")
        .env_remove("https_proxy")
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The block of the report that starts at `place` (`…/aa/_index.en.md:15:3`).
fn block<'a>(stdout: &'a str, place: &str) -> &'a str {
    stdout
        .split("\n\n")
        .find(|b| b.contains(&format!("{place}: ")) && b.starts_with(stdout_root(stdout)))
        .unwrap_or_else(|| panic!("no block at {place} in:\n{stdout}"))
}

fn stdout_root(stdout: &str) -> &str {
    &stdout[..stdout.find("/aa/").expect("a place in the fixture")]
}

#[test]
fn every_case_is_reported_at_its_places_and_in_the_report_file() {
    let site = serve(Arc::new(example_org));
    let dir = temp_dir("cases");
    content_cli::copy_dir(&fixture(), &dir).unwrap();
    let hub = dir.join("aa/_index.en.md");
    let guide = dir.join("aa/guides/check-a-claim.en.md");
    let cases = [
        "https://example.org/missing",
        "https://example.org/broken",
        "https://example.org/moved",
        "https://example.org/temporary",
        "https://example.org/insecure",
        "https://example.org/loop-a",
        "https://example.org/no-head",
        "https://example.org/slow",
        "https://down.example.net/",
        "https://example.org/busy",
        "https://example.org/forbidden",
        "https://example.org/no-location",
        "https://example.org/hop/1",
    ];
    let lines: Vec<String> = cases
        .iter()
        .map(|url| format!("- [a case]({url})"))
        .collect();
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let first = append(&hub, &lines);
    let line_of = |url: &str| first + cases.iter().position(|c| *c == url).unwrap();
    // The same broken address in a second file, with a fragment (the same request).
    let second = append(
        &guide,
        &["See [this](https://example.org/missing#part) too."],
    );

    // The tree is still content the checker accepts: these are https addresses.
    content::lang::set_test_languages();
    content_cli::check(&read_tree(&dir).unwrap()).unwrap_or_else(|p| panic!("{p:#?}"));

    let report = dir.join("out/links-report.json");
    let started = Instant::now();
    let (code, stdout, stderr) = run(
        &dir,
        &[
            "--report",
            report.to_str().unwrap(),
            "--timeout",
            "0.5",
            "--override-host",
            &format!("example.org={}", site.addr),
            "--override-host",
            &format!("down.example.net=127.0.0.1:{}", closed_port()),
        ],
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(code, 1, "a broken link fails the run:\n{stdout}\n{stderr}");

    let at = |url: &str| format!("{}/aa/_index.en.md:{}:3", dir.display(), line_of(url));
    let expect = |url: &str, severity: &str, message: &str, help: &str| {
        let block = block(&stdout, &at(url));
        assert!(
            block.starts_with(&format!("{}: {severity}: {message}", at(url))),
            "{url}:\n{block}"
        );
        assert!(
            block.contains(&format!("\n  = help: {help}")),
            "{url}:\n{block}"
        );
        block.to_owned()
    };
    let missing = expect(
        "https://example.org/missing",
        "error",
        "`https://example.org/missing` is broken: 404 Not Found",
        "find the page's new address",
    );
    assert!(
        missing.contains(&format!(
            "\n  = note: also at {}/aa/guides/check-a-claim.en.md:{second}:5",
            dir.display()
        )),
        "{missing}"
    );
    expect(
        "https://example.org/broken",
        "error",
        "`https://example.org/broken` is broken: 500 Internal Server Error",
        "the site may be down for a while",
    );
    let moved = expect(
        "https://example.org/moved",
        "warning",
        "`https://example.org/moved` has moved permanently to `https://example.org/new-home`",
        "update the link to https://example.org/new-home",
    );
    assert!(
        moved.contains("= note: redirects: https://example.org/moved (301) → https://example.org/new-home (200)"),
        "{moved}"
    );
    let insecure = expect(
        "https://example.org/insecure",
        "error",
        "`https://example.org/insecure` redirects to `http://example.org/ok`, which uses http",
        "link to an https:// address that does not send voters to http",
    );
    assert!(
        insecure.contains("(302) → http://example.org/ok"),
        "{insecure}"
    );
    expect(
        "https://example.org/loop-a",
        "error",
        "`https://example.org/loop-a` redirects in a loop: https://example.org/loop-a → https://example.org/loop-b → https://example.org/loop-a",
        "the site is misconfigured",
    );
    expect(
        "https://example.org/slow",
        "error",
        "`https://example.org/slow` cannot be reached: `example.org` did not answer within 0.5 s",
        "the site may be slow or down: check again later, or with a longer --timeout",
    );
    expect(
        "https://down.example.net/",
        "error",
        "`https://down.example.net/` cannot be reached: `down.example.net` refused the connection",
        "the site may be down",
    );
    expect(
        "https://example.org/busy",
        "warning",
        "`https://example.org/busy` asked the link checker to slow down (429 Too Many Requests)",
        "nothing is known about the page; check again later",
    );
    expect(
        "https://example.org/forbidden",
        "warning",
        "`https://example.org/forbidden` refused the link checker (403 Forbidden)",
        "open it in a browser",
    );
    expect(
        "https://example.org/no-location",
        "error",
        "`https://example.org/no-location` answers 302 (a redirect) without saying where to",
        "open it in a browser",
    );
    expect(
        "https://example.org/hop/1",
        "error",
        "`https://example.org/hop/1` redirects more than 10 times",
        "open it in a browser: link to the address it ends on",
    );
    // Fine: no block (a temporary redirect is the site's business; HEAD refused, GET fine).
    for url in [
        "https://example.org/temporary",
        "https://example.org/no-head",
    ] {
        assert!(!stdout.contains(&format!("`{url}`")), "{url}:\n{stdout}");
    }
    // Errors come before warnings; the counts close the report.
    let position = |needle: &str| stdout.find(needle).unwrap();
    assert!(position(": error: ") < position(": warning: "));
    assert!(
        stdout.contains(&format!(
            "21 addresses checked (29 places in {}): 10 ok, 3 warning(s), 8 broken\nreport written to ",
            dir.display()
        )),
        "{stdout}"
    );

    // Every request said who asks; HEAD first, GET only when HEAD was refused.
    let seen = site.seen.lock().unwrap().clone();
    assert!(
        seen.iter().all(|s| s.user_agent == links::USER_AGENT),
        "{seen:#?}"
    );
    let methods = |path: &str| -> Vec<String> {
        seen.iter()
            .filter(|s| s.path == path)
            .map(|s| s.method.clone())
            .collect()
    };
    assert_eq!(methods("/no-head"), ["HEAD", "GET"]);
    assert_eq!(methods("/temporary"), ["HEAD"]);
    assert_eq!(
        methods("/missing"),
        ["HEAD", "GET"],
        "asked once for both files"
    );
    assert_eq!(methods("/slow"), ["HEAD"], "a time-out is not asked again");
    assert_eq!(
        methods("/busy"),
        ["HEAD"],
        "a site asking to slow down is not asked again"
    );

    // The report file: the run, the counts, and every address with its places and chain.
    let json: serde_json::Value = serde_json::from_slice(&fs::read(&report).unwrap()).unwrap();
    assert_eq!(json["version"], 1);
    for time in ["started", "finished"] {
        let t = json[time].as_str().unwrap();
        assert!(
            t.len() == 20 && t.ends_with('Z') && t.as_bytes()[10] == b'T',
            "{time}: {t}"
        );
    }
    assert_eq!(json["timeout_seconds"], 0.5);
    assert_eq!(
        json["summary"],
        serde_json::json!({"addresses": 21, "places": 29, "ok": 10, "warnings": 3, "errors": 8})
    );
    let by_url: BTreeMap<&str, &serde_json::Value> = json["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["url"].as_str().unwrap(), l))
        .collect();
    let entry = |url: &str| {
        *by_url
            .get(url)
            .unwrap_or_else(|| panic!("{url} not in the report"))
    };
    let missing = entry("https://example.org/missing");
    assert_eq!(missing["severity"], "error");
    assert_eq!(missing["category"], "http-status");
    assert_eq!(missing["status"], 404);
    assert_eq!(
        missing["places"],
        serde_json::json!([
            {"file": "aa/_index.en.md", "line": line_of("https://example.org/missing"), "col": 3, "field": "body"},
            {"file": "aa/guides/check-a-claim.en.md", "line": second, "col": 5, "field": "body"},
        ])
    );
    assert_eq!(
        missing["chain"],
        serde_json::json!([{"url": "https://example.org/missing", "method": "GET", "status": 404}])
    );
    let moved = entry("https://example.org/moved");
    assert_eq!(moved["category"], "moved");
    assert_eq!(moved["update_to"], "https://example.org/new-home");
    assert_eq!(moved["final_url"], "https://example.org/new-home");
    let temporary = entry("https://example.org/temporary");
    assert_eq!(temporary["severity"], "ok");
    assert_eq!(temporary["update_to"], serde_json::Value::Null);
    assert_eq!(
        temporary["chain"],
        serde_json::json!([
            {"url": "https://example.org/temporary", "method": "HEAD", "status": 302},
            {"url": "https://example.org/ok", "method": "HEAD", "status": 200},
        ])
    );
    for (url, category) in [
        ("https://example.org/insecure", "insecure"),
        ("https://example.org/loop-a", "redirect-loop"),
        ("https://example.org/slow", "timeout"),
        ("https://down.example.net/", "refused"),
        ("https://example.org/busy", "rate-limited"),
        ("https://example.org/forbidden", "bot-protection"),
        ("https://example.org/hop/1", "too-many-redirects"),
        ("https://example.org/no-location", "bad-redirect"),
    ] {
        assert_eq!(entry(url)["category"], category, "{url}");
    }
    assert_eq!(
        entry("https://example.org/no-head")["chain"][0]["method"],
        "GET"
    );
    // Every field that holds an address was read: the fixture's addresses are all there.
    let fields: Vec<&str> = json["links"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|l| l["places"].as_array().unwrap())
        .map(|p| p["field"].as_str().unwrap())
        .collect();
    for field in content::external_links::URL_FIELDS.iter().chain(&["body"]) {
        if *field != "submit_claim_url" {
            assert!(fields.contains(field), "no {field} in {fields:?}");
        }
    }
    fs::remove_dir_all(&dir).unwrap();
}

/// Warnings alone pass, unless `--strict`.
#[test]
fn warnings_fail_only_with_strict() {
    let site = serve(Arc::new(example_org));
    let dir = temp_dir("strict");
    fs::create_dir_all(dir.join("aa")).unwrap();
    fs::write(
        dir.join("aa/_index.en.md"),
        "+++\ntitle = \"T\"\nreviewed = 2025-01-15\n\n[[sources]]\ntitle = \"S\"\nurl = \"https://example.org/ok\"\n+++\n\n[Moved](https://example.org/moved), [mail](mailto:a@example.org), [here](/aa).\n",
    )
    .unwrap();
    let host = format!("example.org={}", site.addr);
    let (code, stdout, _) = run(&dir, &["--override-host", &host]);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains(&format!(
            "2 addresses checked (2 places in {}): 1 ok, 1 warning(s), 0 broken",
            dir.display()
        )),
        "{stdout}"
    );
    assert!(stdout.contains(&format!(
        "{}/aa/_index.en.md:10:1: warning: `https://example.org/moved` has moved permanently",
        dir.display()
    )));
    let (code, _, _) = run(&dir, &["--override-host", &host, "--strict"]);
    assert_eq!(code, 1);
    let (code, _, stderr) = run(&dir, &["--timeout", "soon"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("usage: content-cli links <content-dir>"),
        "{stderr}"
    );
    fs::remove_dir_all(&dir).unwrap();
}

fn options() -> Options {
    Options {
        timeout: Duration::from_secs(2),
        proxy_from_env: false,
        ..Options::default()
    }
}

/// Many addresses on two sites: never two requests at once to one site, but both sites
/// at once.
#[test]
fn one_request_per_site_at_a_time() {
    // Counted while the request is answered, before the response is sent: the next
    // request of the same site can only come after it.
    let slow = |site: Arc<Gauge>, both: Arc<Gauge>| {
        move |_: &str, _: &str| {
            site.enter();
            both.enter();
            thread::sleep(Duration::from_millis(60));
            site.leave();
            both.leave();
            Answer::Status(200, Vec::new())
        }
    };
    let (gauge_a, gauge_b, both) = (Arc::default(), Arc::default(), Arc::new(Gauge::default()));
    let a = serve(Arc::new(slow(Arc::clone(&gauge_a), both.clone())));
    let b = serve(Arc::new(slow(Arc::clone(&gauge_b), both.clone())));
    let links: Vec<links::Link> = (0..5)
        .flat_map(|i| ["a.test", "b.test"].map(|host| format!("https://{host}/{i}")))
        .map(|url| links::Link {
            url,
            places: Vec::new(),
        })
        .collect();
    let checker = Checker::new(Options {
        concurrency: 8,
        overrides: vec![
            ("a.test".into(), a.addr.to_string()),
            ("b.test".into(), b.addr.to_string()),
        ],
        ..options()
    });
    let checked = checker.check_all(links);
    assert!(checked.iter().all(|c| c.outcome.severity == Severity::Ok));
    assert_eq!(
        checked[0].link.url, "https://a.test/0",
        "the links' order is kept"
    );
    assert_eq!((gauge_a.max(), gauge_b.max()), (1, 1));
    assert_eq!(both.max(), 2);
}

/// An https address whose server does not speak TLS; a page that is http to begin with.
#[test]
fn tls_failures_and_http_addresses_are_errors_of_their_own() {
    let plain = serve(Arc::new(example_org));
    let checker = Checker::new(options());
    let tls = checker.check(&format!("https://{}/ok", plain.addr));
    assert_eq!(tls.category, Category::Tls, "{tls:#?}");
    assert_eq!(tls.severity, Severity::Error);
    let http = checker.check(&format!("http://{}/ok", plain.addr));
    assert_eq!(http.category, Category::Insecure);
    assert_eq!(http.hint, "use the https:// address of the same page");
    assert!(
        plain.seen.lock().unwrap().is_empty(),
        "an http address is not asked"
    );
}

/// The valid fixture's addresses, each once with every place, in the order written.
#[test]
fn every_address_of_the_content_is_collected_with_its_places() {
    let tree: Tree = read_tree(&fixture()).unwrap();
    let (links, problems) = links::collect(&tree);
    assert!(problems.is_empty(), "{problems:#?}");
    let places = |url: &str| -> Vec<String> {
        links
            .iter()
            .find(|l| l.url == url)
            .unwrap_or_else(|| panic!("{url} not collected"))
            .places
            .iter()
            .map(|p| format!("{}:{}:{} {}", p.file, p.line, p.col, p.field))
            .collect()
    };
    assert_eq!(
        places("https://example.org/checkers"),
        [
            "aa/guides/check-a-claim.en.md:22:27 body",
            "aa/partners/checkers.en.md:5:7 url",
            "aa/videos/spot-a-fake.en.md:19:7 sources.url",
        ]
    );
    assert_eq!(
        places("https://example.org/checkers/videos"),
        [
            "aa/videos/on-partner-site.en.md:8:16 external_url",
            "aa/videos/on-partner-site.en.md:15:7 sources.url",
        ]
    );
    assert_eq!(
        places("https://example.org/checkers/player/1"),
        ["aa/videos/on-partner-site.en.md:10:14 player_url"]
    );
    let urls: Vec<&str> = links.iter().map(|l| l.url.as_str()).collect();
    let mut sorted = urls.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(urls.len(), sorted.len(), "each address once: {urls:?}");
}
