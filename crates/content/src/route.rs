//! Every address of the site, and the only place that knows their shape:
//!
//! | route     | address                        | pre-rendered file            |
//! |-----------|--------------------------------|------------------------------|
//! | `Root`    | `/`                            | `index.html`                 |
//! | `Home`    | `/fr`                          | `fr.html`                    |
//! | `Hub`     | `/fr/ro`                       | `fr/ro.html`                 |
//! | `Section` | `/fr/ro/videos`                | `fr/ro/videos.html`          |
//! | `Page`    | `/fr/ro/guides/check-a-claim`  | `fr/ro/guides/check-a-claim.html` |
//! | `Document`| `/fr/ro/print`, `/fr/ro/changes`, `/fr/ro/offline`, `/fr/ro/search` | `fr/ro/print.html` |
//! The first segment is the interface language; content links leave it out
//! (`/ro/guides/check-a-claim`) and get the language of the page they are in. The router,
//! every view that links, the pre-renderer (and its `routes.json`, which the browser tests
//! read), the checker's link rule and the renderer's links all go through this module, so
//! adding a route or a section is a change here plus its view.
//!
//! **One form per page**: lower case, single slashes, no trailing slash. [`Route::parse`]
//! forgives the other forms (`/FR/RO/`, `/fr//ro`) and the app replaces such an address
//! with [`Route::path`]; hosts answer them with the not-found page, which starts the app.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::manifest::{CountryCode, CountryManifest, CountrySummary, SiteIndex};

/// The sections of a country, in the order its hub lists them. A new section is a variant
/// here (with its folder name), its page kind in `page/` and its view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(description = "A section of a country: its folder and address segment.")
)]
#[serde(rename_all = "lowercase")]
// As the manifests' other names (`manifest::names!`): less wasm than the derived visitor.
#[cfg_attr(
    all(target_arch = "wasm32", not(feature = "build")),
    serde(try_from = "String")
)]
pub enum Section {
    Elections,
    Resources,
    Partners,
    Guides,
    Videos,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Elections,
        Section::Resources,
        Section::Partners,
        Section::Guides,
        Section::Videos,
    ];

    /// The folder name under a country, which is also the URL segment.
    pub fn dir(self) -> &'static str {
        match self {
            Section::Elections => "elections",
            Section::Resources => "resources",
            Section::Partners => "partners",
            Section::Guides => "guides",
            Section::Videos => "videos",
        }
    }

    pub fn from_dir(dir: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.dir() == dir)
    }
}

impl TryFrom<String> for Section {
    type Error = &'static str;

    fn try_from(dir: String) -> Result<Self, Self::Error> {
        Section::from_dir(&dir).ok_or("an unknown section")
    }
}

/// Pages that only the pre-renderer writes, with the app's components run natively. The
/// app links to them and leaves them to the browser (`router.rs`), so their views cost the
/// voter's wasm nothing; their pages carry no script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Document {
    /// A country's whole guide, laid out to print as a booklet.
    Print,
    /// What changed in a country's guide, build by build.
    Changes,
    /// Saving a country's guide on the device, to read it without a connection. The one
    /// document with a script of its own (`scripts/offline.mjs`), which does the saving.
    Offline,
    /// Where the search forms lead (`?q=`): without JavaScript, every page of the guide by
    /// section; with it, the results too (`scripts/search/ui.js`).
    Search,
}

impl Document {
    pub const ALL: [Document; 4] = [
        Document::Print,
        Document::Changes,
        Document::Offline,
        Document::Search,
    ];

    /// The URL segment; no section has it.
    pub fn name(self) -> &'static str {
        match self {
            Document::Print => "print",
            Document::Changes => "changes",
            Document::Offline => "offline",
            Document::Search => "search",
        }
    }

    fn from_name(name: &str) -> Option<Document> {
        Document::ALL.into_iter().find(|d| d.name() == name)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Route {
    /// `/`: the home page before the voter's language is known.
    Root,
    /// `/fr`: the home page in a language, listing the countries.
    Home { lang: Lang },
    /// `/fr/ro`: a country's hub.
    Hub { lang: Lang, country: CountryCode },
    /// `/fr/ro/videos`: every page of one section of a country.
    Section {
        lang: Lang,
        country: CountryCode,
        section: Section,
    },
    /// `/fr/ro/guides/check-a-claim`: one page of a country.
    Page {
        lang: Lang,
        country: CountryCode,
        section: Section,
        slug: String,
    },
    /// `/fr/ro/print`: a page of a country the app does not draw (see [`Document`]).
    Document {
        lang: Lang,
        country: CountryCode,
        document: Document,
    },
}

impl Route {
    /// The route an address path names (from the site's base, without query or fragment),
    /// if it has a route's shape; whether the country or page exists is the content's
    /// business. Letter case and empty segments are forgiven: compare [`Route::path`] with
    /// `path` to know whether the address is the page's one form.
    pub fn parse(path: &str) -> Option<Route> {
        let path = path.to_ascii_lowercase();
        let mut segments = path.split('/').filter(|s| !s.is_empty());
        let Some(first) = segments.next() else {
            return Some(Route::Root);
        };
        Route::within(Lang::parse(first)?, &segments.collect::<Vec<_>>())
    }

    /// A link as content writes it, without the language (`/ro/guides/check-a-claim`, `/`),
    /// in the language `lang` of the page it is in. Exact: content is checked, so each link
    /// has its one form.
    pub fn from_content_link(path: &str, lang: Lang) -> Option<Route> {
        match path.strip_prefix('/')? {
            "" => Some(Route::Home { lang }),
            rest => Route::within(lang, &rest.split('/').collect::<Vec<_>>()),
        }
    }

    fn within(lang: Lang, rest: &[&str]) -> Option<Route> {
        let country = |code: &str| CountryCode::parse(code);
        Some(match *rest {
            [] => Route::Home { lang },
            [code] => Route::Hub {
                lang,
                country: country(code)?,
            },
            [code, name] => match Section::from_dir(name) {
                Some(section) => Route::Section {
                    lang,
                    country: country(code)?,
                    section,
                },
                None => Route::Document {
                    lang,
                    country: country(code)?,
                    document: Document::from_name(name)?,
                },
            },
            [code, section, slug] if is_slug(slug) => Route::Page {
                lang,
                country: country(code)?,
                section: Section::from_dir(section)?,
                slug: slug.to_owned(),
            },
            _ => return None,
        })
    }

    /// The interface language; `None` for `/`.
    pub fn lang(&self) -> Option<Lang> {
        match self {
            Route::Root => None,
            Route::Home { lang }
            | Route::Hub { lang, .. }
            | Route::Section { lang, .. }
            | Route::Page { lang, .. }
            | Route::Document { lang, .. } => Some(*lang),
        }
    }

    /// The interface language, with `/` in the default one (as it is written).
    pub fn shown_lang(&self) -> Lang {
        self.lang().unwrap_or(Lang::DEFAULT)
    }

    /// The same page with the interface in `to` (`/` becomes the home page in it).
    pub fn in_lang(&self, to: Lang) -> Route {
        let mut route = self.clone();
        match &mut route {
            Route::Root => return Route::Home { lang: to },
            Route::Home { lang }
            | Route::Hub { lang, .. }
            | Route::Section { lang, .. }
            | Route::Page { lang, .. }
            | Route::Document { lang, .. } => *lang = to,
        }
        route
    }

    /// The address relative to `<base href>` (`fr/ro/guides/x`; `./` for `/`), so links
    /// work under any sub-path the site is served from.
    pub fn href(&self) -> String {
        match self {
            Route::Root => "./".to_owned(),
            Route::Home { lang } => lang.to_string(),
            Route::Hub { lang, country } => format!("{lang}/{country}"),
            Route::Section {
                lang,
                country,
                section,
            } => format!("{lang}/{country}/{}", section.dir()),
            Route::Page {
                lang,
                country,
                section,
                slug,
            } => format!("{lang}/{country}/{}/{slug}", section.dir()),
            Route::Document {
                lang,
                country,
                document,
            } => format!("{lang}/{country}/{}", document.name()),
        }
    }

    /// Whether the app draws this route, or leaves it to the browser ([`Document`]).
    pub fn is_document(&self) -> bool {
        matches!(self, Route::Document { .. })
    }

    /// The address path from the site's base: `/fr/ro/guides/x`, `/`. The page's one form.
    pub fn path(&self) -> String {
        match self {
            Route::Root => "/".to_owned(),
            _ => format!("/{}", self.href()),
        }
    }

    /// The pre-rendered file, relative to the build's root: `fr/ro.html`, `index.html`.
    pub fn file(&self) -> String {
        match self {
            Route::Root => "index.html".to_owned(),
            _ => format!("{}.html", self.href()),
        }
    }

    /// The same page in every interface language, for `hreflang` links; the last entry,
    /// `None`, is `x-default`: for the home pages `/` (which picks the voter's language),
    /// for other pages the default language's version.
    pub fn alternates(&self) -> Vec<(Option<Lang>, Route)> {
        let default = match self {
            Route::Root | Route::Home { .. } => Route::Root,
            _ => self.in_lang(Lang::DEFAULT),
        };
        Lang::all()
            .map(|lang| (Some(lang), self.in_lang(lang)))
            .chain([(None, default)])
            .collect()
    }
}

/// A page's address without the interface language (`ro`, `ro/guides/x`): what the search
/// index stores, one index serving every interface language that shows the same content.
#[cfg(feature = "search")]
pub fn content_href(country: &CountryCode, section: Option<Section>, slug: &str) -> String {
    match section {
        None => country.to_string(),
        Some(section) => format!("{country}/{}/{slug}", section.dir()),
    }
}

/// A page's name in its address and file name: lower-case ASCII letters, digits and inner
/// dashes (`check-a-claim`).
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Every route of a built site, in the order pages are listed: `/`, then per interface
/// language its home page and, per country, the hub, each section that has pages and each
/// page. `manifest` reads a country's manifest in a language (see
/// [`CountrySummary::shown_language`]).
pub fn site_routes<E>(
    index: &SiteIndex,
    mut manifest: impl FnMut(&CountrySummary, &str) -> Result<CountryManifest, E>,
) -> Result<Vec<Route>, E> {
    let mut routes = vec![Route::Root];
    for lang in Lang::all() {
        routes.push(Route::Home { lang });
        for country in &index.countries {
            let shown = manifest(country, country.shown_language(lang))?;
            let code = &country.code;
            routes.push(Route::Hub {
                lang,
                country: code.clone(),
            });
            for section in Section::ALL {
                if shown.pages.iter().any(|p| p.section == Some(section)) {
                    routes.push(Route::Section {
                        lang,
                        country: code.clone(),
                        section,
                    });
                }
            }
            routes.extend(shown.pages.iter().filter_map(|p| {
                Some(Route::Page {
                    lang,
                    country: code.clone(),
                    section: p.section?,
                    slug: p.slug.clone(),
                })
            }));
            routes.extend(Document::ALL.map(|document| Route::Document {
                lang,
                country: code.clone(),
                document,
            }));
        }
    }
    Ok(routes)
}

/// The editor's address, one per interface language (the preview's first language):
/// `/fr/editor`. No country is called `editor` (country codes have two letters).
///
/// The editor (`crates/editor`: check and preview pages in the browser) is no [`Route`]:
/// it is a page of its own with its own wasm, which the voter app never draws.
/// [`Route::parse`] does not know it, so the router leaves its address to the browser; and
/// this type exists only where the editor is built or written (the `build` feature, or
/// natively for the pre-renderer), since even unused code changes how the rest of the
/// voter's wasm is compiled (measured: 12 bytes more).
#[cfg(any(feature = "build", not(target_arch = "wasm32")))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Editor {
    pub lang: Lang,
}

#[cfg(any(feature = "build", not(target_arch = "wasm32")))]
impl Editor {
    const NAME: &'static str = "editor";

    /// The editor at `path` (from the site's base, its one form only), if it is one.
    pub fn parse(path: &str) -> Option<Editor> {
        let (lang, name) = path.strip_prefix('/')?.split_once('/')?;
        (name == Editor::NAME).then_some(())?;
        Some(Editor {
            lang: Lang::parse(lang).filter(|l| l.as_str() == lang)?,
        })
    }

    /// Relative to `<base href>`, as [`Route::href`].
    pub fn href(self) -> String {
        format!("{}/{}", self.lang, Editor::NAME)
    }

    /// `/fr/editor`.
    pub fn path(self) -> String {
        format!("/{}", self.href())
    }

    /// The page's file, relative to the build's root: `fr/editor.html`.
    pub fn file(self) -> String {
        format!("{}.html", self.href())
    }

    /// The editor in every interface language.
    pub fn all() -> impl Iterator<Item = Editor> {
        Lang::all().map(|lang| Editor { lang })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> Lang {
        crate::lang::set_test_languages();
        Lang::parse(code).unwrap()
    }

    fn ro() -> CountryCode {
        CountryCode::parse("ro").unwrap()
    }

    /// One route of every shape, in every interface language.
    fn every_shape() -> Vec<Route> {
        crate::lang::set_test_languages();
        let mut all = vec![Route::Root];
        for lang in Lang::all() {
            all.extend([
                Route::Home { lang },
                Route::Hub {
                    lang,
                    country: ro(),
                },
                Route::Section {
                    lang,
                    country: ro(),
                    section: Section::Videos,
                },
            ]);
            all.extend(Section::ALL.map(|section| Route::Page {
                lang,
                country: ro(),
                section,
                slug: "check-a-claim-2".into(),
            }));
            all.extend(Document::ALL.map(|document| Route::Document {
                lang,
                country: ro(),
                document,
            }));
        }
        all
    }

    #[test]
    fn a_document_is_no_section() {
        for document in Document::ALL {
            assert_eq!(Section::from_dir(document.name()), None);
            assert!(Route::parse(&format!("/en/ro/{}", document.name()))
                .is_some_and(|r| r.is_document()));
        }
        assert!(!Route::parse("/en/ro/videos").unwrap().is_document());
    }

    #[test]
    fn every_route_round_trips_through_its_address_and_its_href() {
        for route in every_shape() {
            assert_eq!(
                Route::parse(&route.path()).as_ref(),
                Some(&route),
                "{route:?}"
            );
            let href = route.href();
            assert!(
                !href.starts_with('/'),
                "{href} must be relative to <base href>"
            );
            let from_base = if href == "./" {
                "/".to_owned()
            } else {
                format!("/{href}")
            };
            assert_eq!(Route::parse(&from_base).as_ref(), Some(&route), "{href}");
            assert_eq!(
                route.file(),
                if route == Route::Root {
                    "index.html".to_owned()
                } else {
                    format!("{href}.html")
                }
            );
        }
    }

    #[test]
    fn other_forms_of_an_address_name_the_same_page_but_are_not_its_form() {
        crate::lang::set_test_languages();
        let hub = Route::Hub {
            lang: lang("fr"),
            country: ro(),
        };
        for other in ["/fr/ro/", "/FR/RO", "//fr//ro", "fr/ro", "/fr/ro//"] {
            let parsed = Route::parse(other).unwrap();
            assert_eq!(parsed, hub, "{other}");
            assert_ne!(parsed.path(), other, "{other} is not the page's one form");
        }
        assert_eq!(Route::parse("//"), Some(Route::Root));
        assert_eq!(Route::parse("/fr/"), Some(Route::Home { lang: lang("fr") }));
    }

    #[test]
    fn addresses_that_are_no_route() {
        crate::lang::set_test_languages();
        for path in [
            "/de",
            "/de/fr",
            "/france",
            "/fr/fra",
            "/fr/r1",
            "/fr/ro/blog",
            "/fr/ro/guides/bad_slug",
            "/fr/ro/guides/-x",
            "/a/b/c/d/e",
            "/en/fr/guides/x/y",
        ] {
            assert_eq!(Route::parse(path), None, "{path}");
        }
    }

    #[test]
    fn content_links_take_the_language_of_their_page() {
        let hu = lang("hu");
        assert_eq!(
            Route::from_content_link("/", hu),
            Some(Route::Home { lang: hu })
        );
        assert_eq!(
            Route::from_content_link("/ro/videos", hu).map(|r| r.href()),
            Some("hu/ro/videos".into())
        );
        assert_eq!(
            Route::from_content_link("/ro/guides/check-a-claim", hu).map(|r| r.href()),
            Some("hu/ro/guides/check-a-claim".into())
        );
        for bad in [
            "/ro/",
            "ro/guides",
            "/ro//guides",
            "/RO",
            "/ro/guides/x/y",
            "/hu/ro",
        ] {
            assert_eq!(Route::from_content_link(bad, hu), None, "{bad}");
        }
    }

    #[test]
    fn a_section_s_folder_address_and_feed_name_are_one_word() {
        for section in Section::ALL {
            assert_eq!(Section::from_dir(section.dir()), Some(section));
            let json = serde_json::to_string(&section).unwrap();
            assert_eq!(json, format!("\"{}\"", section.dir()));
        }
    }

    #[test]
    fn the_editor_has_its_own_address_which_no_route_takes() {
        crate::lang::set_test_languages();
        for editor in Editor::all() {
            let path = editor.path();
            assert_eq!(Editor::parse(&path), Some(editor), "{path}");
            assert_eq!(editor.file(), format!("{}.html", editor.href()));
            assert!(!editor.href().starts_with('/'));
            // The voter app's router leaves it to the browser, which loads its own page.
            assert_eq!(Route::parse(&path), None, "{path}");
        }
        assert_eq!(
            Editor::parse("/fr/editor").map(Editor::href),
            Some("fr/editor".into())
        );
        for other in [
            "/editor",
            "/fr/editor/",
            "/FR/editor",
            "/fr/ro/editor",
            "/de/editor",
            "/fr/editors",
        ] {
            assert_eq!(Editor::parse(other), None, "{other}");
        }
    }

    #[test]
    fn switching_language_keeps_the_page() {
        crate::lang::set_test_languages();
        let page = Route::parse("/fr/ro/guides/x").unwrap();
        assert_eq!(page.in_lang(lang("hu")).path(), "/hu/ro/guides/x");
        assert_eq!(Route::Root.in_lang(lang("ro")).path(), "/ro");
        let alternates = page.alternates();
        assert_eq!(alternates.len(), Lang::all().count() + 1);
        assert_eq!(
            alternates.last().unwrap(),
            &(None, page.in_lang(Lang::DEFAULT))
        );
        assert_eq!(
            Route::parse("/hu").unwrap().alternates().last().unwrap(),
            &(None, Route::Root)
        );
    }
}
