//! `content-cli`: checks and builds the content. `content-cli help` says it all; the texts
//! below are that help, one per command. Arguments are parsed by hand: four commands with
//! a handful of options each do not need a parser crate (and its build time).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use content::Diagnostic;
use content_cli::Format;

const HELP: &str = "\
content-cli: checks and builds the content of Election Center (CONTENT.md)

Usage: content-cli <command> [options]

Commands:
  check <content-dir>   check every page and print every problem with its file:line:col
  build <content-dir>   check, then write what the site serves (--out <dir>)
  i18n <i18n-dir>       check the interface translations; write them as JSON with --out
  site [<site.toml>]    check the site's identity (name, logo, colours, footer); with
                        --out, write the stylesheet and favicon it gives
  links <content-dir>   ask every address of another site whether it still answers
                        (needs the internet)
  help [<command>]      this help, or a command's (also: content-cli <command> --help)

Options (each command's help says which it takes):
  --strict              warnings (pages due for review) are errors
  --out <dir>           where to write the build
  --previous <dir>      the build published before, for the change logs
  --format <format>     how problems are printed: text (the default), json or github

Run it from the repository root: check, build and site read the interface languages from
i18n/; i18n --out and site read the identity from site.toml (or SITE_TOML).
With cargo: cargo run -p content-cli -- <command> [options]

Examples:
  content-cli check content
  content-cli check --strict --format github content
  content-cli build content --out target/content
  content-cli help check

Exit status: 0 when there is no problem, 1 when there is one, 2 when the command line is
wrong.
";

const CHECK: &str = "\
content-cli check: check every page of a content tree

Usage: content-cli check [--strict] [--format text|json|github] <content-dir>

Reads <content-dir> (content/ in this repository) and prints every problem at once, each
with its file, line and column, what is wrong and how to fix it. Nothing is written.

Options:
  --strict              pages due for review (CONTENT.md → Review dates) are errors, not
                        warnings: what content CI runs
  --format <format>     text: for people, on standard error (the default)
                        json: on standard output, an array of {file, line, col, severity,
                          message, hint}; severity is error or warning
                        github: on standard output, GitHub Actions workflow commands
                          (::error file=…,line=…,col=…::…), which annotate the lines of a
                          pull request; and as text on standard error, for the log
                        Paths in json and github are relative to the repository root
                        (content/fr/_index.fr.md).

Environment:
  BUILD_DATE=2026-05-01 the day the review dates are counted to (default: today, UTC)

Exit status: 0 with no error (warnings allowed unless --strict), 1 otherwise, 2 when the
command line is wrong.
";

const BUILD: &str = "\
content-cli build: check the content, then write what the site serves

Usage: content-cli build [--strict] [--format text|json|github] <content-dir> --out <dir>
                         [--previous <dir>]

Checks <content-dir> as `check` does; when there is no problem, writes to <dir> the
manifests (index.json, <country>/<lang>.json), each page's body as HTML, each election's
calendar files, the media, and the open feeds (FEEDS.md). Nothing is written when there is
a problem. The app's build runs it as `build content --out dist/content`; to see the
content alone: content-cli build content --out target/content

Options:
  --out <dir>           where to write (required)
  --previous <dir>      the content build published before (its index.json and
                        manifests), for the change logs (changes.json)
  --strict              pages due for review are errors
  --format <format>     how problems are printed: text, json or github (see
                        content-cli help check)

Environment:
  SITE_URL=https://…/   the site's public address, for the feeds' links
  BUILD_DATE=2026-05-01 the build's date (default: today, UTC)
";

const I18N: &str = "\
content-cli i18n: check the interface translations

Usage: content-cli i18n [--format text|json|github] <i18n-dir> [--out <dir>]

Checks every i18n/<lang>.toml against English (i18n/en.toml): no key missing or extra, the
same {placeholders}, the plural forms CLDR gives the language. With --out, writes each
language as JSON, and languages.json, to <dir>.

Options:
  --out <dir>           where to write the translations as JSON, with the site's name
                        and footer from its identity (site.toml, see content-cli help site)
  --format <format>     how problems are printed: text, json or github

Environment:
  SITE_TOML=path        the identity to write with --out (default: site.toml)
";

const SITE: &str = "\
content-cli site: check the site's identity, and write what Trunk builds from it

Usage: content-cli site [--format text|json|github] [<site.toml>] [--out <dir>]

Checks the identity file (README.md → Your own identity; default: SITE_TOML, else
site.toml): its fields, the logo (an SVG file that runs nothing), the https:// links, and
the contrast of every pair of colours the stylesheet draws one on the other, in light and
dark (WCAG AA: 4.5:1 for text, 3:1 for the focus ring). Every problem is printed with its
line and column.

With --out, writes to <dir> style/main.css with the identity's palette and logo in it, and
favicon.svg (the logo, else style/favicon.svg): Trunk's builds link both (index.html,
crates/editor/index.html), so the hook scripts/identity.sh runs this before each build.

Options:
  --out <dir>           where to write main.css and favicon.svg
  --format <format>     how problems are printed: text, json or github

Environment:
  SITE_TOML=path        the identity when no file is given (default: site.toml)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprint!("{HELP}");
        return ExitCode::from(2);
    };
    let wants_help = rest.iter().any(|a| a == "--help" || a == "-h");
    match command.as_str() {
        "help" | "--help" | "-h" => help(rest.first().map(String::as_str)),
        "check" | "build" | "i18n" | "site" | "links" if wants_help => help(Some(command)),
        "check" => match Args::parse(command, rest, &["--strict", "--format"]) {
            Ok(args) => check(args),
            Err(code) => code,
        },
        "build" => match Args::parse(
            command,
            rest,
            &["--strict", "--format", "--out", "--previous"],
        ) {
            Ok(args) => check(args),
            Err(code) => code,
        },
        "i18n" => match Args::parse(command, rest, &["--format", "--out"]) {
            Ok(args) => i18n(args),
            Err(code) => code,
        },
        "site" => {
            // The file is optional: the build's identity by default.
            let mut rest = rest.to_vec();
            let named = rest.iter().enumerate().any(|(i, a)| {
                !a.starts_with("--")
                    && (i == 0 || !["--out", "--format"].contains(&rest[i - 1].as_str()))
            });
            if !named {
                rest.push(content_cli::identity_path().to_string_lossy().into_owned());
            }
            match Args::parse(command, &rest, &["--format", "--out"]) {
                Ok(args) => site(args),
                Err(code) => code,
            }
        }
        "links" => content_cli::links::main(rest),
        other => {
            eprintln!("error: `{other}` is not a command of content-cli\nsee: content-cli help");
            ExitCode::from(2)
        }
    }
}

/// `content-cli help [<command>]`, on standard output.
fn help(command: Option<&str>) -> ExitCode {
    let text = match command {
        None => HELP,
        Some("check") => CHECK,
        Some("build") => BUILD,
        Some("i18n") => I18N,
        Some("site") => SITE,
        Some("links") => content_cli::links::HELP,
        Some(other) => {
            eprintln!("error: `{other}` is not a command of content-cli\nsee: content-cli help");
            return ExitCode::from(2);
        }
    };
    print!("{text}");
    ExitCode::SUCCESS
}

/// A command's arguments: one folder and the options it takes.
struct Args {
    dir: PathBuf,
    strict: bool,
    out: Option<PathBuf>,
    previous: Option<PathBuf>,
    format: Format,
}

impl Args {
    /// The arguments after `command`, or the exit code after saying what is wrong.
    fn parse(command: &str, args: &[String], takes: &[&str]) -> Result<Args, ExitCode> {
        let wrong = |what: String| {
            eprintln!(
                "error: {what}\n\nusage: {}\nsee: content-cli help {command}",
                usage(command)
            );
            ExitCode::from(2)
        };
        let mut parsed = Args {
            dir: PathBuf::new(),
            strict: false,
            out: None,
            previous: None,
            format: Format::Text,
        };
        let mut dirs = Vec::new();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            if !arg.starts_with("--") || arg == "--" {
                dirs.push(arg.clone());
                continue;
            }
            let (name, inline) = match arg.split_once('=') {
                Some((name, value)) => (name, Some(value.to_owned())),
                None => (arg.as_str(), None),
            };
            if !takes.contains(&name) {
                return Err(wrong(format!("`{command}` has no option `{name}`")));
            }
            if name == "--strict" {
                if inline.is_some() {
                    return Err(wrong("`--strict` takes no value".into()));
                }
                parsed.strict = true;
                continue;
            }
            let Some(value) = inline.or_else(|| args.next().cloned()) else {
                return Err(wrong(format!("`{name}` needs a value")));
            };
            match name {
                "--out" => parsed.out = Some(value.into()),
                "--previous" => parsed.previous = Some(value.into()),
                _ => match Format::parse(&value) {
                    Some(format) => parsed.format = format,
                    None => {
                        return Err(wrong(format!(
                            "`--format {value}`: the formats are text, json and github"
                        )))
                    }
                },
            }
        }
        match dirs.as_slice() {
            [dir] => parsed.dir = dir.into(),
            [] => return Err(wrong("which folder? Give it, e.g. `content`".into())),
            _ => return Err(wrong(format!("one folder only, not {}", dirs.join(" ")))),
        }
        if command == "build" && parsed.out.is_none() {
            return Err(wrong("`build` needs `--out <dir>`".into()));
        }
        Ok(parsed)
    }
}

fn usage(command: &str) -> &'static str {
    match command {
        "check" => "content-cli check [--strict] [--format text|json|github] <content-dir>",
        "build" => "content-cli build [--strict] [--format text|json|github] <content-dir> --out <dir> [--previous <dir>]",
        "site" => "content-cli site [--format text|json|github] [<site.toml>] [--out <dir>]",
        _ => "content-cli i18n [--format text|json|github] <i18n-dir> [--out <dir>]",
    }
}

/// `check`, and `build` (which checks first).
fn check(args: Args) -> ExitCode {
    let Args {
        dir,
        strict,
        out,
        previous,
        format,
    } = &args;
    if let Err(code) = set_interface_languages() {
        return code;
    }
    let tree = match content_cli::read_tree(dir) {
        Ok(tree) => tree,
        Err(e) => {
            eprintln!("cannot read {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    let mut site = match content_cli::check(&tree) {
        Ok(site) => site,
        Err(problems) => return failed(*format, dir, &problems),
    };
    let today = match content_cli::build_date(std::env::var("BUILD_DATE").ok().as_deref()) {
        Ok(today) => today,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let warnings = site.review(&today);
    if *strict && !warnings.is_empty() {
        let errors: Vec<Diagnostic> = warnings.into_iter().map(Diagnostic::error).collect();
        return failed(*format, dir, &errors);
    }
    if *format != Format::Text {
        print!("{}", format.render(dir, &warnings));
    }
    // GitHub shows ten annotations of a kind per step: the log lists them all.
    if *format != Format::Json && !warnings.is_empty() {
        eprintln!("{}", content_cli::report_warnings(dir, &warnings));
    }
    let pages: usize = site.countries.iter().map(|c| c.pages.len()).sum();
    eprintln!(
        "content ok: {} countries, {pages} pages",
        site.countries.len()
    );
    if let Some(out) = out {
        let env = |name| std::env::var(name).ok();
        let publish =
            match content_cli::Publish::new(env("SITE_URL").as_deref(), &today, previous.clone()) {
                Ok(publish) => publish,
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::FAILURE;
                }
            };
        match content_cli::build_with(&site, dir, out, &publish) {
            Ok(notes) => notes.iter().for_each(|n| eprintln!("note: {n}")),
            Err(e) => {
                eprintln!("cannot write {}: {e}", out.display());
                return ExitCode::FAILURE;
            }
        }
        for line in content_cli::search_sizes(&site, out) {
            eprintln!("{line}");
        }
        eprintln!("content written to {}", out.display());
    }
    ExitCode::SUCCESS
}

/// Which languages voters can be shown: the interface's (run from the repository).
fn set_interface_languages() -> Result<(), ExitCode> {
    let i18n_dir = Path::new("i18n");
    match content_cli::interface_languages(i18n_dir) {
        Ok(languages) => {
            content::lang::set_languages(languages);
            Ok(())
        }
        Err(e) => {
            eprintln!(
                "cannot read the interface languages in {}: {e} (run content-cli from the \
                 repository's root)",
                i18n_dir.display()
            );
            Err(ExitCode::FAILURE)
        }
    }
}

/// Prints the problems in `format` and fails.
fn failed(format: Format, root: &Path, problems: &[Diagnostic]) -> ExitCode {
    match format {
        Format::Text => eprintln!("{}", content_cli::report(root, problems)),
        Format::Json => {
            print!("{}", format.render(root, problems));
            eprintln!(
                "{} problem(s) in {}; nothing was published",
                problems.len(),
                root.display()
            );
        }
        Format::Github => {
            print!("{}", format.render(root, problems));
            // GitHub shows ten annotations of a kind per step: the log lists them all.
            eprintln!("{}", content_cli::report(root, problems));
        }
    }
    ExitCode::FAILURE
}

fn i18n(args: Args) -> ExitCode {
    let catalog = match content_cli::check_i18n(&args.dir) {
        Ok(Ok(catalog)) => catalog,
        Ok(Err(problems)) => return failed(args.format, &args.dir, &problems),
        Err(e) => {
            eprintln!("cannot read {}: {e}", args.dir.display());
            return ExitCode::FAILURE;
        }
    };
    if args.format != Format::Text {
        print!("{}", args.format.render(&args.dir, &[]));
    }
    eprintln!(
        "translations ok: {}",
        catalog.keys().cloned().collect::<Vec<_>>().join(", ")
    );
    if let Some(out) = args.out {
        // The identity names texts by interface language: these.
        content::lang::set_languages(
            catalog
                .values()
                .map(|t| (t.language.code.clone(), t.language.name.clone()))
                .collect(),
        );
        let identity = match identity(&content_cli::identity_path(), args.format) {
            Ok(identity) => identity,
            Err(code) => return code,
        };
        if let Err(e) = content_cli::build_i18n(&catalog, &identity, &out) {
            eprintln!("cannot write {}: {e}", out.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// `content-cli site`: the identity checked, and with `--out` what Trunk builds from it.
fn site(args: Args) -> ExitCode {
    if let Err(code) = set_interface_languages() {
        return code;
    }
    let identity = match identity(&args.dir, args.format) {
        Ok(identity) => identity,
        Err(code) => return code,
    };
    if args.format != Format::Text {
        print!("{}", args.format.render(Path::new(""), &[]));
    }
    eprintln!("identity ok: {}", args.dir.display());
    if let Some(out) = args.out {
        if let Err(e) = content_cli::write_identity(&identity, Path::new("style"), &out) {
            eprintln!("cannot write {}: {e}", out.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// The identity at `path`, or the exit code after printing its problems.
fn identity(path: &Path, format: Format) -> Result<content::identity::Identity, ExitCode> {
    match content_cli::load_identity(path) {
        Ok(Ok(identity)) => Ok(identity),
        // The problems name the file by its own path.
        Ok(Err(problems)) => Err(failed(format, Path::new(""), &problems)),
        Err(e) => {
            eprintln!(
                "cannot read the site's identity {}: {e} (SITE_TOML names another; README.md → Your own identity)",
                path.display()
            );
            Err(ExitCode::FAILURE)
        }
    }
}
