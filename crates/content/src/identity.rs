//! A deployment's identity, from one file (`site.toml`, README → "Your own identity"): the
//! site's name per interface language, its logo, its palette for light and dark, the
//! footer's text, contact and privacy links, and the organisation behind it for search
//! engines. Checked like content: every problem at its line, with a hint, including the
//! contrast of every pair of colours the stylesheet draws one on the other (WCAG 2.x), so a
//! palette that some voters could not read is refused before it is published.
//!
//! It is applied at build time only, to files the app already reads (ARCHITECTURE.md →
//! "A deployment's identity"): the palette and logo into the stylesheet
//! ([`Identity::stylesheet`]), the name and footer into the interface texts
//! ([`Identity::name`], [`Identity::footer_html`]), the organisation into the pre-rendered
//! pages' heads. The voter's wasm is the same whatever the identity.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{list, Diagnostic, LineIndex};
use crate::lang::Lang;
use crate::source_file::SourceFile;
use crate::toml_error::{self, Fields};
use crate::url::{classify_url, UrlKind};

/// Where the build writes the identity's palette and logo in `style/main.css`: this line
/// is replaced, so the stylesheet has no colour of its own to drift from the checked ones.
pub const STYLE_MARKER: &str = "/* site.toml: palette and logo */";

/// The file the logo is served as (and the favicon): a name already in the offline
/// worker's shell, and the stylesheet's `url()` finds it beside itself.
pub const LOGO_FILE: &str = "favicon.svg";

/// The file the dark theme's logo is served as: always written (the logo, or the favicon,
/// when there is no dark one), so the build copies one file whatever the identity.
pub const DARK_LOGO_FILE: &str = "logo-dark.svg";

/// The interface texts the identity takes part in (`i18n/<lang>.json`).
pub struct Keys {
    /// Written by the build from the identity, in every language.
    pub name: &'static str,
    pub footer_html: &'static str,
    /// Translated texts the footer is made of, left out of the JSON once folded into it:
    /// the footer's own text, and the labels of the contact and privacy links.
    pub folded: [&'static str; 3],
}

pub const KEYS: Keys = Keys {
    name: "site.name",
    footer_html: "site.footer_html",
    folded: ["site.footer", "site.contact", "site.privacy"],
};

/// Limits of the format (README → "Your own identity").
pub const MAX_NAME_CHARS: usize = 60;
pub const MAX_FOOTER_CHARS: usize = 500;
pub const MAX_LOGO_BYTES: usize = 50_000;

/// The least contrast of text (WCAG 2.x 1.4.3, AA) and of what is not text but must be
/// seen, here the focus ring (1.4.11).
const TEXT: f64 = 4.5;
const NON_TEXT: f64 = 3.0;

/// One `site.toml`, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    pub name: PerLanguage,
    /// Replaces the interface's footer text (`site.footer`) when given.
    pub footer: Option<PerLanguage>,
    /// The logo's path as written, relative to `site.toml`, and its text.
    pub logo: Option<(String, String)>,
    /// The logo drawn on the dark palette, when the logo would not show on it.
    pub logo_dark: Option<(String, String)>,
    pub contact: Option<String>,
    pub privacy: Option<String>,
    pub light: Palette,
    pub dark: Palette,
    pub organisation: Option<Organisation>,
}

/// A text with a `default` for every interface language the table does not name.
#[derive(Debug, Clone, PartialEq)]
pub struct PerLanguage {
    pub default: String,
    pub by_language: BTreeMap<String, String>,
}

impl PerLanguage {
    pub fn get(&self, lang: &str) -> &str {
        self.by_language.get(lang).unwrap_or(&self.default)
    }
}

/// Who publishes the site, for search engines (schema.org `Organization` in JSON-LD).
#[derive(Debug, Clone, PartialEq)]
pub struct Organisation {
    pub name: String,
    pub url: String,
    pub email: Option<String>,
    /// Other pages about it: an encyclopedia entry, a social profile.
    pub same_as: Vec<String>,
}

/// An opaque sRGB colour, written `#rrggbb` in the stylesheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour(pub [u8; 3]);

impl Colour {
    /// `#rgb` or `#rrggbb`: the forms whose contrast is known without a browser (no
    /// transparency, no names, no functions).
    pub fn parse(text: &str) -> Option<Colour> {
        let hex = text.strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok();
        match hex.len() {
            3 => Some(Colour([digit(0)? * 17, digit(1)? * 17, digit(2)? * 17])),
            6 => {
                let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
                Some(Colour([byte(0)?, byte(2)?, byte(4)?]))
            }
            _ => None,
        }
    }

    fn channels(self) -> [f64; 3] {
        self.0.map(f64::from)
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

/// A colour of the palette: a field of `[colours.light]` and `[colours.dark]`, and the
/// custom property of `style/main.css` it sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Background,
    Text,
    Muted,
    Surface,
    Border,
    Accent,
    AccentText,
    Focus,
    Bad,
    Good,
}

impl Role {
    pub const ALL: [Role; 10] = [
        Role::Background,
        Role::Text,
        Role::Muted,
        Role::Surface,
        Role::Border,
        Role::Accent,
        Role::AccentText,
        Role::Focus,
        Role::Bad,
        Role::Good,
    ];

    pub fn field(self) -> &'static str {
        match self {
            Role::Background => "background",
            Role::Text => "text",
            Role::Muted => "muted",
            Role::Surface => "surface",
            Role::Border => "border",
            Role::Accent => "accent",
            Role::AccentText => "accent_text",
            Role::Focus => "focus",
            Role::Bad => "bad",
            Role::Good => "good",
        }
    }

    fn property(self) -> &'static str {
        match self {
            Role::Background => "--bg",
            Role::Text => "--fg",
            Role::Muted => "--muted",
            Role::Surface => "--surface",
            Role::Border => "--border",
            Role::Accent => "--accent",
            Role::AccentText => "--accent-fg",
            Role::Focus => "--focus",
            Role::Bad => "--bad",
            Role::Good => "--good",
        }
    }
}

/// One theme's colours, in [`Role::ALL`]'s order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette(pub [Colour; 10]);

impl Palette {
    pub fn get(&self, role: Role) -> Colour {
        self.0[role as usize]
    }

    /// The custom properties, one per line, indented by `indent`.
    fn declarations(&self, indent: &str) -> String {
        Role::ALL
            .iter()
            .map(|&role| format!("{indent}{}: {};\n", role.property(), self.get(role)))
            .collect()
    }
}

/// What a colour is drawn on: a colour of the palette, or the search's highlight over one
/// (`mark` in style/main.css: `focus` mixed at 30 % into what is under it).
#[derive(Debug, Clone, Copy)]
enum Ground {
    Plain(Role),
    Highlight(Role),
}

/// The share of `focus` in the highlight (`color-mix(in srgb, var(--focus) 30%, transparent)`).
const HIGHLIGHT: f64 = 0.3;

/// A colour drawn on another somewhere in style/main.css, and the contrast it needs.
struct Pair {
    fg: Role,
    on: Ground,
    min: f64,
    what: &'static str,
}

/// Every pair the stylesheet draws, in both themes. Borders (`border`) are left out: they
/// only separate what its text already identifies (cards, table cells); the one border
/// that identifies a control, the search field's, is drawn in `muted`, checked here as text.
const PAIRS: [Pair; 13] = [
    Pair {
        fg: Role::Text,
        on: Ground::Plain(Role::Background),
        min: TEXT,
        what: "text",
    },
    Pair {
        fg: Role::Text,
        on: Ground::Plain(Role::Surface),
        min: TEXT,
        what: "text on a panel (country cards, tables of contents)",
    },
    Pair {
        fg: Role::Muted,
        on: Ground::Plain(Role::Background),
        min: TEXT,
        what: "secondary text (summaries, the footer) and the search field's border",
    },
    Pair {
        fg: Role::Muted,
        on: Ground::Plain(Role::Surface),
        min: TEXT,
        what: "secondary text on a panel",
    },
    Pair {
        fg: Role::Accent,
        on: Ground::Plain(Role::Background),
        min: TEXT,
        what: "links",
    },
    Pair {
        fg: Role::Accent,
        on: Ground::Plain(Role::Surface),
        min: TEXT,
        what: "links on a panel",
    },
    Pair {
        fg: Role::AccentText,
        on: Ground::Plain(Role::Accent),
        min: TEXT,
        what: "the text of buttons and of the header's ✓ mark",
    },
    Pair {
        fg: Role::Bad,
        on: Ground::Plain(Role::Background),
        min: TEXT,
        what: "an annulled election's status",
    },
    Pair {
        fg: Role::Good,
        on: Ground::Plain(Role::Background),
        min: TEXT,
        what: "an upcoming election's status",
    },
    Pair {
        fg: Role::Text,
        on: Ground::Highlight(Role::Background),
        min: TEXT,
        what: "the words a search result matched",
    },
    Pair {
        fg: Role::Text,
        on: Ground::Highlight(Role::Surface),
        min: TEXT,
        what: "the words the selected search result matched",
    },
    Pair {
        fg: Role::Focus,
        on: Ground::Plain(Role::Background),
        min: NON_TEXT,
        what: "the keyboard focus ring",
    },
    Pair {
        fg: Role::Focus,
        on: Ground::Plain(Role::Surface),
        min: NON_TEXT,
        what: "the keyboard focus ring on a panel",
    },
];

/// WCAG 2.x relative luminance of an sRGB colour given as 0–255 channels.
fn luminance(rgb: [f64; 3]) -> f64 {
    let linear = |c: f64| {
        let c = c / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2])
}

/// WCAG 2.x contrast ratio, from 1 (the same) to 21 (black on white).
pub fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// A ratio as people read it, never rounded up to a pass: 4.496 is "4.49".
fn ratio(r: f64) -> String {
    format!("{:.2}:1", (r * 100.0).floor() / 100.0)
}

impl Ground {
    /// The colour drawn on, from the palette's colours (`None` when one is unknown).
    fn colour(self, get: impl Fn(Role) -> Option<Colour>) -> Option<[f64; 3]> {
        match self {
            Ground::Plain(role) => Some(get(role)?.channels()),
            Ground::Highlight(role) => {
                let (focus, under) = (get(Role::Focus)?.channels(), get(role)?.channels());
                Some(std::array::from_fn(|i| {
                    HIGHLIGHT * focus[i] + (1.0 - HIGHLIGHT) * under[i]
                }))
            }
        }
    }

    fn describe(self) -> String {
        match self {
            Ground::Plain(role) => format!("`{}`", role.field()),
            Ground::Highlight(role) => {
                format!("the highlight (`focus` at 30 % over `{}`)", role.field())
            }
        }
    }
}

impl Identity {
    /// The site's name in `lang`.
    pub fn name(&self, lang: &str) -> &str {
        self.name.get(lang)
    }

    /// The background in light and dark: the browser's bars around the page.
    pub fn backgrounds(&self) -> (Colour, Colour) {
        (
            self.light.get(Role::Background),
            self.dark.get(Role::Background),
        )
    }

    /// `main_css` (style/main.css) with [`STYLE_MARKER`] replaced by the palette (light; dark
    /// by the voter's setting unless an embedding host chose a theme, `data-theme`) and, with
    /// a logo, the header's mark drawn as [`LOGO_FILE`] in place of its ✓.
    pub fn stylesheet(&self, main_css: &str) -> Result<String, String> {
        if main_css.matches(STYLE_MARKER).count() != 1 {
            return Err(format!(
                "the stylesheet must hold the line `{STYLE_MARKER}` once, where the palette goes"
            ));
        }
        let mut block = String::from(
            "/* The palette and logo of site.toml (README → Your own identity), written by the\n   build: change them there, where their contrast is checked. */\n",
        );
        block.push_str(&format!(":root {{\n{}}}\n", self.light.declarations("  ")));
        // A media query cannot be forced, so the dark palette is listed for both ways in.
        block.push_str(&format!(
            ":root[data-theme=\"dark\"] {{\n{}}}\n",
            self.dark.declarations("  ")
        ));
        block.push_str(&format!(
            "@media (prefers-color-scheme: dark) {{\n  :root:not([data-theme]) {{\n{}  }}\n}}",
            self.dark.declarations("    ")
        ));
        if self.logo.is_some() {
            // The ✓ stays in the markup (the wasm is the same for every identity), at size 0:
            // unlike a transparent colour, forced colours cannot bring it back over the logo.
            // Two classes: this block comes before the mark's own rule, which it overrides.
            block.push_str(&format!(
                "\n.brand .brand-mark {{ background: url({LOGO_FILE}) center / contain no-repeat; font-size: 0; border-radius: 0; }}"
            ));
        }
        if self.logo_dark.is_some() {
            let dark = format!("background-image: url({DARK_LOGO_FILE});");
            block.push_str(&format!(
                "\n:root[data-theme=\"dark\"] .brand .brand-mark {{ {dark} }}\n@media (prefers-color-scheme: dark) {{\n  :root:not([data-theme]) .brand .brand-mark {{ {dark} }}\n}}"
            ));
        }
        Ok(main_css.replacen(STYLE_MARKER, &block, 1))
    }

    /// The footer's content as the app draws it (the interface text `site.footer_html`, set
    /// as the footer's HTML): the identity's footer text in `lang`, else the interface's
    /// (`texts`, the language's interface texts), then the contact and privacy links with
    /// their labels in `lang`. Every text is escaped: the only markup is written here.
    pub fn footer_html(&self, lang: &str, texts: &BTreeMap<String, String>) -> String {
        let text = |key: &str| texts.get(key).map_or("", String::as_str);
        let [footer_key, contact_key, privacy_key] = KEYS.folded;
        let footer = match &self.footer {
            Some(footer) => footer.get(lang),
            None => text(footer_key),
        };
        let mut html = String::from("<p>");
        crate::html::escape_attr(&mut html, footer);
        html.push_str("</p>");
        let links: Vec<(&String, &str)> = [
            (self.contact.as_ref(), contact_key),
            (self.privacy.as_ref(), privacy_key),
        ]
        .into_iter()
        .filter_map(|(href, key)| Some((href?, text(key))))
        .collect();
        if !links.is_empty() {
            html.push_str("<ul class=\"footer-links\">");
            for (href, label) in links {
                html.push_str("<li><a href=\"");
                crate::html::escape_attr(&mut html, href);
                html.push_str("\">");
                crate::html::escape_attr(&mut html, label);
                html.push_str("</a></li>");
            }
            html.push_str("</ul>");
        }
        html
    }
}

// What site.toml holds, as written; `load` checks it into an `Identity`.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    logo: Option<Spanned<String>>,
    logo_dark: Option<Spanned<String>>,
    contact: Option<Spanned<String>>,
    privacy: Option<Spanned<String>>,
    name: Spanned<Table>,
    footer: Option<Spanned<Table>>,
    colours: ColoursFile,
    organisation: Option<OrganisationFile>,
}

type Table = BTreeMap<Spanned<String>, Spanned<String>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ColoursFile {
    light: Spanned<Table>,
    dark: Spanned<Table>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganisationFile {
    name: Spanned<String>,
    url: Spanned<String>,
    email: Option<Spanned<String>>,
    same_as: Option<Vec<Spanned<String>>>,
}

const TOP_FIELDS: [&str; 8] = [
    "logo",
    "logo_dark",
    "contact",
    "privacy",
    "name",
    "footer",
    "colours",
    "organisation",
];

/// For the parser's errors: a top-level field written under a table belongs to that table.
const FIELDS: Fields = Fields {
    owner: "the site's",
    is_field: |key| TOP_FIELDS.contains(&key),
    takes: |table, key| match table {
        "name" | "footer" => key == "default" || Lang::parse(key).is_some(),
        "organisation" => ["name", "url", "email", "same_as"].contains(&key),
        _ => table.starts_with("colours.") && Role::ALL.iter().any(|r| r.field() == key),
    },
};

const GUIDE: &str = "README.md → Your own identity lists every field of site.toml";

/// Reads and checks `file` (site.toml); `read` gives the bytes of a file named relative to
/// it (the logo), or `None` when there is none. Every problem at once, except that a file
/// the TOML parser cannot read stops at its first.
pub fn load(
    file: &SourceFile,
    read: impl Fn(&str) -> Option<Vec<u8>>,
) -> Result<Identity, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    if !crate::limits::check_text(file, &mut problems) {
        return Err(problems);
    }
    let parsed: File = match toml::from_str(&file.text) {
        Ok(parsed) => parsed,
        Err(e) => {
            let mut problem = toml_error::problem(&file.path, &file.text, 1, &e, Some(&FIELDS));
            // The parser's own hints name CONTENT.md, which is about pages.
            if problem.hint.contains("CONTENT.md") {
                problem.hint = format!("{}; {GUIDE}", problem.hint.split(';').next().unwrap_or(""));
            }
            problems.push(problem);
            return Err(problems);
        }
    };
    let checker = Checker {
        file,
        lines: LineIndex::new(&file.text),
        problems: std::cell::RefCell::new(problems),
    };
    let name = checker.per_language("name", &parsed.name, MAX_NAME_CHARS, false);
    let footer = parsed
        .footer
        .as_ref()
        .map(|footer| checker.per_language("footer", footer, MAX_FOOTER_CHARS, true));
    let logo = parsed
        .logo
        .as_ref()
        .and_then(|logo| checker.logo(logo, &read));
    let logo_dark = parsed.logo_dark.as_ref().and_then(|dark| {
        if parsed.logo.is_none() {
            checker.at(
                dark.span().start,
                "`logo_dark` is the logo for the dark theme, but there is no `logo`",
                "add `logo`, the logo on the light theme, above it",
            );
        }
        checker.logo(dark, &read)
    });
    let contact = parsed.contact.as_ref().and_then(|c| {
        checker.link(
            c,
            "contact",
            &[UrlKind::External, UrlKind::Contact],
            "an https:// or mailto: address",
            "the page or address where voters reach you, e.g. mailto:team@example.org",
        )
    });
    let privacy = parsed.privacy.as_ref().and_then(|p| {
        checker.link(
            p,
            "privacy",
            &[UrlKind::External],
            "a full https:// address",
            "the page of your privacy statement, e.g. https://example.org/privacy",
        )
    });
    let light = checker.palette("light", &parsed.colours.light);
    let dark = checker.palette("dark", &parsed.colours.dark);
    let organisation = parsed
        .organisation
        .as_ref()
        .and_then(|o| checker.organisation(o));
    let mut problems = checker.problems.into_inner();
    problems.sort_by_key(|p| (p.line, p.col));
    // Each part that could not be read said why, so no problem means every part is here.
    match (name, footer, light, dark) {
        (Some(name), footer, Some(light), Some(dark)) if problems.is_empty() => Ok(Identity {
            name,
            footer: footer.flatten(),
            logo,
            logo_dark,
            contact,
            privacy,
            light,
            dark,
            organisation,
        }),
        _ => Err(problems),
    }
}

struct Checker<'a> {
    file: &'a SourceFile,
    lines: LineIndex<'a>,
    problems: std::cell::RefCell<Vec<Diagnostic>>,
}

impl Checker<'_> {
    fn at(&self, offset: usize, message: impl Into<String>, hint: impl Into<String>) {
        let (line, col) = self.lines.line_col(offset);
        self.problems
            .borrow_mut()
            .push(Diagnostic::new(&self.file.path, line, col, message, hint));
    }

    fn line(&self, offset: usize) -> usize {
        self.lines.line_col(offset).0
    }

    /// A `[name]` or `[footer]` table: `default`, and interface languages.
    fn per_language(
        &self,
        table: &str,
        spanned: &Spanned<Table>,
        max_chars: usize,
        sentences: bool,
    ) -> Option<PerLanguage> {
        let before = self.problems.borrow().len();
        let mut default = None;
        let mut by_language = BTreeMap::new();
        for (key, value) in spanned.get_ref() {
            let text = value.get_ref().trim();
            if text.is_empty() {
                self.at(
                    value.span().start,
                    format!("[{table}] `{}` is empty", key.get_ref()),
                    "write the text between the quotes, or remove the line",
                );
            } else if text.chars().count() > max_chars {
                self.at(
                    value.span().start,
                    format!(
                        "[{table}] `{}` is longer than {max_chars} characters",
                        key.get_ref()
                    ),
                    if sentences {
                        "keep the footer to a sentence or two: it is on every page"
                    } else {
                        "a name must fit a phone's header: use a shorter form"
                    },
                );
            } else if !sentences && text.contains('\n') {
                self.at(
                    value.span().start,
                    format!("[{table}] `{}` is on more than one line", key.get_ref()),
                    "write the name on one line",
                );
            }
            if key.get_ref() == "default" {
                default = Some(text.to_owned());
            } else if Lang::parse(key.get_ref()).is_some_and(|l| l.as_str() == key.get_ref()) {
                by_language.insert(key.get_ref().clone(), text.to_owned());
            } else {
                let languages: Vec<String> = Lang::all().map(|l| format!("`{l}`")).collect();
                self.at(
                    key.span().start,
                    format!("`{}` is not an interface language", key.get_ref()),
                    format!(
                        "write `default`, which every language not listed uses, or one of {} (i18n/<lang>.toml)",
                        list(&languages, "or")
                    ),
                );
            }
        }
        if default.is_none() {
            self.at(
                spanned.span().start,
                format!("[{table}] has no `default`"),
                format!(
                    "add `default = \"…\"`: the {table} in every language the table does not list"
                ),
            );
        }
        let ok = self.problems.borrow().len() == before;
        Some(PerLanguage {
            default: default?,
            by_language,
        })
        .filter(|_| ok)
    }

    /// The logo: an SVG file of at most [`MAX_LOGO_BYTES`] that draws nothing from elsewhere
    /// and runs nothing. It is served as a file of the site, which a browser opened directly
    /// would run as a document of the site's own origin.
    fn logo(
        &self,
        logo: &Spanned<String>,
        read: &impl Fn(&str) -> Option<Vec<u8>>,
    ) -> Option<(String, String)> {
        let path = logo.get_ref();
        let at = logo.span().start;
        let Some(bytes) = read(path) else {
            self.at(
                at,
                format!("the logo `{path}` is not there"),
                "give the path of an SVG file, relative to site.toml, e.g. logo = \"logo.svg\"",
            );
            return None;
        };
        if bytes.len() > MAX_LOGO_BYTES {
            self.at(
                at,
                format!(
                    "the logo `{path}` is {} bytes; the limit is {MAX_LOGO_BYTES}",
                    bytes.len()
                ),
                "every page loads it: simplify it, or optimise it with a tool such as svgo",
            );
            return None;
        }
        let Some(text) = String::from_utf8(bytes).ok().filter(|t| is_svg(t)) else {
            self.at(at, format!("the logo `{path}` is not an SVG image"), "export it as SVG (a text file starting with <svg xmlns=\"http://www.w3.org/2000/svg\" …>); PNG or JPEG logos are not taken");
            return None;
        };
        if let Some(what) = unsafe_svg(&text) {
            self.at(at, format!("the logo `{path}` contains {what}"), "a logo is a picture: remove scripts, event attributes, embedded HTML and references to other sites (draw or embed everything in the file)");
            return None;
        }
        Some((path.clone(), text))
    }

    fn link(
        &self,
        value: &Spanned<String>,
        field: &str,
        kinds: &[UrlKind],
        what: &str,
        hint: &str,
    ) -> Option<String> {
        match classify_url(value.get_ref()) {
            Ok(kind) if kinds.contains(&kind) && value.get_ref().trim() == value.get_ref() => {
                Some(value.get_ref().clone())
            }
            _ => {
                self.at(
                    value.span().start,
                    format!("`{field}` must be {what}, not `{}`", value.get_ref()),
                    hint,
                );
                None
            }
        }
    }

    /// One theme's table: every colour of [`Role::ALL`], each `#rrggbb` or `#rgb`; and the
    /// contrast of every pair whose two colours could be read.
    fn palette(&self, theme: &str, table: &Spanned<Table>) -> Option<Palette> {
        let mut colours: [Option<(Colour, usize)>; 10] = [None; 10];
        let expected: Vec<String> = Role::ALL
            .iter()
            .map(|r| format!("`{}`", r.field()))
            .collect();
        for (key, value) in table.get_ref() {
            let Some(role) = Role::ALL.iter().find(|r| r.field() == key.get_ref()) else {
                let message = format!(
                    "unknown field `{}`, expected one of {}",
                    key.get_ref(),
                    expected.join(", ")
                );
                let hint =
                    crate::suggest::did_you_mean(&message).unwrap_or_else(|| GUIDE.to_owned());
                self.at(
                    key.span().start,
                    format!("[colours.{theme}]: {message}"),
                    hint,
                );
                continue;
            };
            match Colour::parse(value.get_ref().trim()) {
                Some(colour) => colours[*role as usize] = Some((colour, value.span().start)),
                None => self.at(
                    value.span().start,
                    format!("`{}` is not a colour written as #rrggbb", value.get_ref()),
                    "write it in hexadecimal, e.g. \"#1d4ed8\" (or #rgb): names, rgb() and transparency are not taken, since their contrast cannot be checked",
                ),
            }
        }
        let missing: Vec<String> = Role::ALL
            .iter()
            .filter(|r| !table.get_ref().keys().any(|k| k.get_ref() == r.field()))
            .map(|r| format!("`{}`", r.field()))
            .collect();
        if !missing.is_empty() {
            self.at(
                table.span().start,
                format!("[colours.{theme}] lacks {}", list(&missing, "and")),
                "every colour is set for both themes: copy the table from the repository's site.toml and change what you need",
            );
        }
        self.contrast(theme, &colours);
        let all: Vec<Colour> = colours
            .iter()
            .map(|c| c.map(|(colour, _)| colour))
            .collect::<Option<_>>()?;
        Some(Palette(all.try_into().ok()?))
    }

    /// Every pair of [`PAIRS`] in one theme whose colours are known (with where each is
    /// written), at the line of the colour drawn on the other.
    fn contrast(&self, theme: &str, colours: &[Option<(Colour, usize)>; 10]) {
        let get = |role: Role| colours[role as usize].map(|(colour, _)| colour);
        let line = |role: Role| colours[role as usize].map_or(0, |(_, at)| self.line(at));
        for pair in &PAIRS {
            let (Some(fg), Some(ground)) = (get(pair.fg), pair.on.colour(get)) else {
                continue;
            };
            let found = contrast(fg.channels(), ground);
            if found >= pair.min {
                continue;
            }
            let (fg_way, ground_way) = if luminance(fg.channels()) >= luminance(ground) {
                ("lighter", "darker")
            } else {
                ("darker", "lighter")
            };
            let (under, ground_name) = match pair.on {
                Ground::Plain(role) => (role, format!("`{}` (line {})", role.field(), line(role))),
                Ground::Highlight(role) => (
                    role,
                    format!(
                        "`focus` and `{}` (lines {} and {})",
                        role.field(),
                        line(Role::Focus),
                        line(role)
                    ),
                ),
            };
            let at = colours[pair.fg as usize].map_or(0, |(_, at)| at);
            self.at(
                at,
                format!(
                    "[colours.{theme}]: {}: `{}` {fg} on {} {} has a contrast of {}, below {}:1",
                    pair.what,
                    pair.fg.field(),
                    pair.on.describe(),
                    get(under).map_or_else(String::new, |c| c.to_string()),
                    ratio(found),
                    pair.min
                ),
                format!(
                    "make `{}` {fg_way} or {ground_name} {ground_way} (WCAG 2.x {}; a contrast checker shows the ratio as you pick)",
                    pair.fg.field(),
                    if pair.min == TEXT { "1.4.3, text" } else { "1.4.11, what is not text" }
                ),
            );
        }
    }

    fn organisation(&self, o: &OrganisationFile) -> Option<Organisation> {
        let before = self.problems.borrow().len();
        if o.name.get_ref().trim().is_empty() {
            self.at(
                o.name.span().start,
                "[organisation] `name` is empty",
                "write the organisation's name as it presents itself",
            );
        }
        let url = self.link(
            &o.url,
            "url",
            &[UrlKind::External],
            "a full https:// address",
            "the organisation's own site, e.g. https://example.org/",
        );
        let email = o.email.as_ref().and_then(|email| {
            let text = email.get_ref();
            let valid = text.split('@').count() == 2
                && !text.starts_with('@')
                && !text.ends_with('@')
                && !text.contains(|c: char| c.is_whitespace() || c == ':' || c == '<' || c == '>');
            if !valid {
                self.at(
                    email.span().start,
                    format!("`{text}` is not an e-mail address"),
                    "write the address alone, e.g. team@example.org (without mailto:)",
                );
            }
            valid.then(|| text.clone())
        });
        let same_as: Vec<String> = o
            .same_as
            .iter()
            .flatten()
            .filter_map(|page| {
                self.link(
                    page,
                    "same_as",
                    &[UrlKind::External],
                    "a list of full https:// addresses",
                    "pages about the organisation elsewhere, e.g. its encyclopedia entry",
                )
            })
            .collect();
        let ok = self.problems.borrow().len() == before;
        Some(Organisation {
            name: o.name.get_ref().trim().to_owned(),
            url: url?,
            email,
            same_as,
        })
        .filter(|_| ok)
    }
}

/// Whether `text` is an SVG document: its root element, after any XML declaration,
/// comments and doctype, is `<svg` in the SVG namespace (without it a browser draws no image).
fn is_svg(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    loop {
        let skipped = if rest.starts_with("<?") {
            rest.find("?>").map(|e| e + 2)
        } else if rest.starts_with("<!--") {
            rest.find("-->").map(|e| e + 3)
        } else if rest.starts_with("<!") {
            rest.find('>').map(|e| e + 1)
        } else {
            break;
        };
        let Some(end) = skipped else { return false };
        rest = rest[end..].trim_start();
    }
    let Some(tag) = rest.strip_prefix("<svg") else {
        return false;
    };
    let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
    tag.starts_with(|c: char| c.is_ascii_whitespace())
        && (tag.contains("xmlns=\"http://www.w3.org/2000/svg\"")
            || tag.contains("xmlns='http://www.w3.org/2000/svg'"))
}

/// What in an SVG would run, or reach another site: the first found, named.
fn unsafe_svg(text: &str) -> Option<&'static str> {
    let lower = text.to_ascii_lowercase();
    if lower.contains("<script") {
        return Some("a script");
    }
    if lower.contains("<foreignobject") {
        return Some("embedded HTML (foreignObject)");
    }
    if lower.contains("javascript:") {
        return Some("a javascript: address");
    }
    // An attribute `on…=`: after a space, letters, then `=`.
    let bytes = lower.as_bytes();
    let handler = lower.match_indices("on").any(|(i, _)| {
        i > 0
            && bytes[i - 1].is_ascii_whitespace()
            && lower[i + 2..]
                .trim_start_matches(|c: char| c.is_ascii_lowercase())
                .trim_start()
                .starts_with('=')
            && bytes.get(i + 2).is_some_and(u8::is_ascii_lowercase)
    });
    if handler {
        return Some("an event attribute (onload=…)");
    }
    let external = [
        "href=\"http",
        "href='http",
        "url(http",
        "href=\"//",
        "url(//",
        "@import",
    ];
    if external.iter().any(|e| lower.contains(e)) {
        return Some("a reference to another site");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = include_str!("../../../site.toml");

    fn load_text(text: &str) -> Result<Identity, Vec<Diagnostic>> {
        crate::lang::set_test_languages();
        let file = SourceFile {
            path: "site.toml".into(),
            text: text.into(),
        };
        load(&file, |path| {
            ["logo.svg", "logo-dark.svg"]
                .contains(&path)
                .then(|| LOGO.as_bytes().to_vec())
        })
    }

    const LOGO: &str = r##"<?xml version="1.0"?>
<!-- a mark -->
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" fill="#0a5"/></svg>"##;

    fn messages(text: &str) -> Vec<String> {
        match load_text(text) {
            Ok(_) => vec![],
            Err(problems) => problems.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn contrast_follows_wcag() {
        let black = [0.0; 3];
        let white = [255.0; 3];
        assert!((contrast(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast(white, white) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1, the lightest grey that passes AA.
        let grey = Colour::parse("#767676").unwrap().channels();
        assert_eq!(ratio(contrast(grey, white)), "4.54:1");
        let lighter = Colour::parse("#777").unwrap().channels();
        assert!(contrast(lighter, white) < TEXT);
        assert_eq!(ratio(4.4999), "4.49:1");
    }

    #[test]
    fn colours_are_hexadecimal_and_opaque() {
        assert_eq!(Colour::parse("#1D4ed8"), Some(Colour([0x1d, 0x4e, 0xd8])));
        assert_eq!(Colour::parse("#fff"), Some(Colour([255, 255, 255])));
        assert_eq!(Colour([0x1d, 0x4e, 0xd8]).to_string(), "#1d4ed8");
        for bad in [
            "1d4ed8",
            "#1d4ed",
            "#1d4ed8ff",
            "blue",
            "#ggg",
            "rgb(0,0,0)",
            "#",
            "#+1+2+3",
        ] {
            assert_eq!(Colour::parse(bad), None, "{bad}");
        }
    }

    /// The shipped identity is today's look: Election Center, and the palette that was in
    /// style/main.css, every pair of which passes with room to spare.
    #[test]
    fn the_shipped_identity_passes_and_keeps_the_look() {
        let identity = load_text(SITE).unwrap_or_else(|p| panic!("{p:#?}"));
        assert_eq!(identity.name("fr"), "Election Center");
        assert!(identity.logo.is_none() && identity.footer.is_none());
        assert_eq!(identity.backgrounds().0.to_string(), "#ffffff");
        assert_eq!(identity.backgrounds().1.to_string(), "#111418");
        let lowest = |palette: &Palette| {
            PAIRS
                .iter()
                .map(|p| {
                    let ground = p.on.colour(|r| Some(palette.get(r))).unwrap();
                    contrast(palette.get(p.fg).channels(), ground) / p.min
                })
                .fold(f64::INFINITY, f64::min)
        };
        assert!(lowest(&identity.light) >= 1.0 && lowest(&identity.dark) >= 1.0);
    }

    #[test]
    fn the_stylesheet_gets_the_palette_in_place_of_its_marker() {
        let identity = load_text(SITE).unwrap();
        let css = identity
            .stylesheet(&format!("a {{}}\n{STYLE_MARKER}\nb {{}}\n"))
            .unwrap();
        assert!(css.starts_with("a {}\n/* The palette"));
        assert!(css.contains(":root {\n  --bg: #ffffff;\n  --fg: #1a1a1a;\n"));
        assert!(css.contains(":root[data-theme=\"dark\"] {\n  --bg: #111418;\n"));
        assert!(css.contains("@media (prefers-color-scheme: dark) {\n  :root:not([data-theme]) {\n    --bg: #111418;\n"));
        assert!(!css.contains("brand-mark"), "no logo, the ✓ stays");
        assert!(css.ends_with("}\nb {}\n"));
        assert!(identity.stylesheet("a {}").is_err());
        let logo = SITE.replacen("[name]", "logo = \"logo.svg\"\n\n[name]", 1);
        let css = load_text(&logo).unwrap().stylesheet(STYLE_MARKER).unwrap();
        assert!(css.ends_with("\n.brand .brand-mark { background: url(favicon.svg) center / contain no-repeat; font-size: 0; border-radius: 0; }"));
        assert!(!css.contains("logo-dark.svg"));
        // A dark version, for both ways into the dark palette.
        let both = SITE.replacen(
            "[name]",
            "logo = \"logo.svg\"\nlogo_dark = \"logo-dark.svg\"\n\n[name]",
            1,
        );
        let css = load_text(&both).unwrap().stylesheet(STYLE_MARKER).unwrap();
        assert!(css.contains(":root[data-theme=\"dark\"] .brand .brand-mark { background-image: url(logo-dark.svg); }"));
        assert!(css.contains("@media (prefers-color-scheme: dark) {\n  :root:not([data-theme]) .brand .brand-mark { background-image: url(logo-dark.svg); }\n}"));
        // Not without the logo it is the dark version of.
        let alone = SITE.replacen("[name]", "logo_dark = \"logo-dark.svg\"\n\n[name]", 1);
        let problems = load_text(&alone).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(
            problems[0].message,
            "`logo_dark` is the logo for the dark theme, but there is no `logo`"
        );
    }

    #[test]
    fn the_footer_is_escaped_text_then_the_links() {
        let texts: BTreeMap<String, String> = [
            ("site.footer", "Independent <b>& open</b>."),
            ("site.contact", "Contact"),
            ("site.privacy", "Privacy \"statement\""),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .into();
        let mut identity = load_text(SITE).unwrap();
        assert_eq!(
            identity.footer_html("en", &texts),
            "<p>Independent &lt;b&gt;&amp; open&lt;/b&gt;.</p>"
        );
        identity.privacy = Some("https://example.org/privacy?a=1&b=\"2\"".into());
        identity.footer = Some(PerLanguage {
            default: "Ours.".into(),
            by_language: [("fr".to_owned(), "À nous.".to_owned())].into(),
        });
        assert_eq!(
            identity.footer_html("fr", &texts),
            "<p>À nous.</p><ul class=\"footer-links\"><li><a href=\"https://example.org/privacy?a=1&amp;b=&quot;2&quot;\">Privacy &quot;statement&quot;</a></li></ul>"
        );
        identity.contact = Some("mailto:team@example.org".into());
        assert!(identity.footer_html("hu", &texts).starts_with("<p>Ours.</p><ul class=\"footer-links\"><li><a href=\"mailto:team@example.org\">Contact</a></li><li>"));
    }

    #[test]
    fn every_problem_is_found_at_its_line() {
        let text = r##"logo = "missing.svg"
contact = "http://example.org/contact"
privacy = "https://example.org/privacy"

[name]
default = ""
xx = "Nowhere"

[colours.light]
background = "#fff"
text = "#000"
muted = "grey"
surface = "#fff"
border = "#ccc"
accent = "#8ab4ff"
accent_text = "#fff"
focus = "#ff0"
bad = "#b42318"
good = "#15803d"
backgroud = "#fff"

[colours.dark]
background = "#111418"

[organisation]
name = "Us"
url = "https://example.org/"
email = "mailto:us@example.org"
"##;
        let got = messages(text);
        let lines: Vec<&str> = got
            .iter()
            .map(|m| m.split(": error").next().unwrap())
            .collect();
        assert_eq!(
            lines,
            [
                "site.toml:1:8",
                "site.toml:2:11",
                "site.toml:6:11",
                "site.toml:7:1",
                "site.toml:12:9",
                "site.toml:15:10",
                "site.toml:15:10",
                "site.toml:16:15",
                "site.toml:17:9",
                "site.toml:17:9",
                "site.toml:20:1",
                "site.toml:22:1",
                "site.toml:28:9"
            ],
            "{got:#?}"
        );
        let all = got.join("\n");
        for part in [
            "the logo `missing.svg` is not there",
            "`contact` must be an https:// or mailto: address, not `http://example.org/contact`",
            "[name] `default` is empty",
            "`xx` is not an interface language",
            "[colours.light]: links: `accent` #8ab4ff on `background` #ffffff has a contrast of 2.08:1, below 4.5:1",
            "make `accent` darker or `background` (line 10) lighter",
            "`grey` is not a colour written as #rrggbb",
            "did you mean `background`?",
            "[colours.dark] lacks `text`, `muted`",
            "the keyboard focus ring on a panel: `focus` #ffff00 on `surface` #ffffff has a contrast of 1.07:1, below 3:1",
            "`mailto:us@example.org` is not an e-mail address",
        ] {
            assert!(all.contains(part), "{part} not in:\n{all}");
        }
    }

    #[test]
    fn the_parser_s_errors_point_at_site_toml_s_fields() {
        let misplaced = SITE.replacen("[name]", "[organisation]\nname = \"Us\"\nurl = \"https://example.org/\"\nlogo = \"logo.svg\"\n\n[name]", 1);
        let got = messages(&misplaced).join("\n");
        assert!(
            got.contains("`logo` is inside the [organisation] table"),
            "{got}"
        );
        let unknown = SITE.replacen("[name]", "colour = \"#fff\"\n\n[name]", 1);
        let got = messages(&unknown).join("\n");
        assert!(
            got.contains("unknown field `colour`") && got.contains("did you mean `colours`?"),
            "{got}"
        );
        let missing = SITE.replacen("[name]", "[nom]", 1);
        let got = messages(&missing).join("\n");
        assert!(
            got.contains("README.md → Your own identity") || got.contains("did you mean"),
            "{got}"
        );
    }

    #[test]
    fn a_logo_is_an_svg_picture_that_runs_nothing() {
        assert!(is_svg(LOGO));
        assert!(is_svg("\u{feff}<svg xmlns='http://www.w3.org/2000/svg'/>"));
        for not in [
            "<svg></svg>",
            "<svgx xmlns=\"http://www.w3.org/2000/svg\">",
            "\u{89}PNG",
            "<html><svg xmlns=\"http://www.w3.org/2000/svg\"></svg></html>",
            "<!-- unclosed",
        ] {
            assert!(!is_svg(not), "{not}");
        }
        assert_eq!(unsafe_svg(LOGO), None);
        for (svg, what) in [
            ("<svg><SCRIPT>alert(1)</SCRIPT></svg>", "a script"),
            ("<svg onload=\"x()\">", "an event attribute (onload=…)"),
            (
                "<svg>\n<rect\tONCLICK = 'x()'/>",
                "an event attribute (onload=…)",
            ),
            ("<svg><foreignObject/>", "embedded HTML (foreignObject)"),
            ("<svg><a href=\"javascript:x()\">", "a javascript: address"),
            (
                "<svg><image href=\"https://tracker.example/x.png\"/>",
                "a reference to another site",
            ),
            (
                "<svg><style>@import 'x.css';</style>",
                "a reference to another site",
            ),
        ] {
            assert_eq!(unsafe_svg(svg), Some(what), "{svg}");
        }
        // Words that merely contain "on" are not attributes.
        assert_eq!(
            unsafe_svg("<svg><polygon points=\"0 0\"/><text>on = off</text></svg>"),
            None
        );
    }
}
