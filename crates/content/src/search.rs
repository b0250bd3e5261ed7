//! Search within one country's guide in one interface language: what a query means and
//! what it finds. Pure, so the same code is unit-tested natively, run by the content build
//! (which writes the index) and run in the browser (`crates/search`, a wasm of its own,
//! loaded when a voter first focuses a search field).
//!
//! - **The index file is text, not a data structure**: one line per page and per heading
//!   section, fields separated by tabs ([`write_index`]). It is about the size of the
//!   guide's text, compresses like text, and is turned into an inverted index once, when
//!   loaded ([`Index::parse`]). A precomputed dictionary with postings measured larger to
//!   ship than the text it came from, and would be rebuilt in memory anyway.
//! - **Folding** ([`normalize`]): lower case, then the marks a decomposition (NFD) would
//!   split off are dropped, by a table rather than the Unicode normalisation tables (which
//!   would weigh more than this whole module in the wasm): `ș`/`ş`, `ț`/`ţ`, `é`, `á`, `ő`,
//!   Greek tonos and dialytika, Cyrillic `ё`/`й`/`ї` and stress marks; final sigma is sigma;
//!   `ß` is `ss`.
//! - **Matching** ([`Index::search`]): every word of the query must be found in a page (its
//!   title, a heading or the text). A word matches exactly, as the start of a word (the
//!   voter is still typing), or with one typo (Damerau–Levenshtein distance 1: one letter
//!   added, dropped, changed, or two swapped) when it has five letters or more. Stop words
//!   of the index's languages are left out of a query that has other words.
//! - **Ranking**: where the word is found first (title, then a heading, then the text),
//!   then how (exact, prefix, typo); summed over the query's words. The section of the page
//!   that matched best gives the link's anchor and the snippet.

use std::collections::HashMap;

/// The index's file name, in `content/<cc>/<lang>/`.
pub const INDEX_FILE: &str = "search.txt";
/// How many results a query returns at most.
pub const MAX_RESULTS: usize = 20;
/// Letters a query word needs before one typo is forgiven.
pub const TYPO_MIN_LETTERS: usize = 5;
/// About how many letters of text a snippet shows.
const SNIPPET_CHARS: usize = 140;
const VERSION: &str = "ec-search 1";

/// Lower case without diacritics: the form both the index and queries are compared in.
pub fn normalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        for lower in c.to_lowercase() {
            fold(lower, &mut out);
        }
    }
    out
}

fn fold(c: char, out: &mut String) {
    // Marks that a decomposition separates (combining diacritics, Cyrillic stress marks,
    // Arabic short vowels and tatweel) are dropped; so are the same marks precomposed.
    if matches!(c, '\u{300}'..='\u{36f}' | '\u{483}'..='\u{487}' | '\u{64b}'..='\u{65f}' | '\u{670}' | '\u{640}')
    {
        return;
    }
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' | 'ð' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ſ' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ß' => return out.push_str("ss"),
        'æ' => return out.push_str("ae"),
        'œ' => return out.push_str("oe"),
        'þ' => return out.push_str("th"),
        // Greek: tonos, dialytika, final sigma.
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ί' | 'ϊ' | 'ΐ' => 'ι',
        'ό' => 'ο',
        'ύ' | 'ϋ' | 'ΰ' => 'υ',
        'ώ' => 'ω',
        'ς' => 'σ',
        // Cyrillic letters whose decomposition is a base letter and a mark.
        'ё' | 'ѐ' => 'е',
        'й' | 'ѝ' => 'и',
        'ї' => 'і',
        'ѓ' => 'г',
        'ќ' => 'к',
        'ў' => 'у',
        // Arabic hamza carriers and alef forms, as search engines fold them.
        'أ' | 'إ' | 'آ' => 'ا',
        other => other,
    };
    out.push(base);
}

/// The words of `text` with their byte ranges; a word is a run of letters and digits (with
/// any combining marks inside it).
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = loop {
            let (i, c) = chars.next()?;
            if c.is_alphanumeric() {
                break (i, c);
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if c.is_alphanumeric() || is_mark(c) {
                chars.next();
            } else {
                end = i;
                break;
            }
        }
        Some((start, end))
    })
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{483}'..='\u{487}' | '\u{64b}'..='\u{65f}' | '\u{670}')
}

/// The normalized words of a query or a text.
pub fn tokens(text: &str) -> Vec<String> {
    words(text)
        .map(|(s, e)| normalize(&text[s..e]))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Words too common to tell pages apart, per interface language, already normalized. Short
/// lists on purpose: a query of only these still searches for them.
pub fn stop_words(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &[
            "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "how", "i", "in", "is",
            "it", "of", "on", "or", "the", "to", "what", "when", "where", "who", "with",
        ],
        "fr" => &[
            "a", "au", "aux", "avec", "ce", "ces", "comment", "dans", "de", "des", "du", "en",
            "est", "et", "la", "le", "les", "l", "d", "ou", "par", "pour", "qui", "que", "quand",
            "sur", "un", "une",
        ],
        "ro" => &[
            "a", "al", "ale", "cu", "cum", "care", "ce", "de", "din", "este", "i", "in", "la", "o",
            "pe", "pentru", "sa", "se", "si", "un", "unei", "unui", "o", "ca", "sau",
        ],
        "hu" => &[
            "a", "az", "egy", "es", "hogy", "is", "mi", "mit", "hogyan", "meg", "nem", "van",
            "vagy", "ki", "be", "el",
        ],
        "de" => &[
            "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "und", "oder", "in",
            "im", "zu", "zum", "zur", "von", "mit", "fur", "auf", "ist", "wie", "was", "wo",
        ],
        "es" => &[
            "el", "la", "los", "las", "de", "del", "y", "o", "en", "un", "una", "a", "al", "que",
            "por", "para", "con", "como", "se", "es",
        ],
        "it" => &[
            "il", "lo", "la", "i", "gli", "le", "di", "del", "della", "e", "o", "in", "un", "una",
            "a", "al", "che", "per", "con", "come", "si", "e",
        ],
        "pt" => &[
            "o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "ou", "em", "no", "na",
            "um", "uma", "que", "por", "para", "com", "como", "se",
        ],
        "nl" => &[
            "de", "het", "een", "en", "of", "in", "van", "op", "te", "voor", "met", "hoe", "wat",
            "is", "aan",
        ],
        "pl" => &[
            "i", "w", "z", "na", "do", "o", "a", "oraz", "lub", "jak", "co", "sie", "to", "jest",
            "od", "po", "dla",
        ],
        "cs" => &[
            "a", "v", "ve", "na", "do", "z", "ze", "o", "k", "s", "se", "je", "jak", "co", "pro",
            "nebo", "to",
        ],
        "sk" => &[
            "a", "v", "vo", "na", "do", "z", "zo", "o", "k", "s", "sa", "je", "ako", "co", "pre",
            "alebo", "to",
        ],
        "sl" => &[
            "in", "v", "na", "za", "z", "s", "o", "je", "kako", "kaj", "ali", "se", "da", "pri",
        ],
        "hr" => &[
            "i", "u", "na", "za", "s", "sa", "o", "je", "kako", "sto", "ili", "se", "da", "od",
            "do",
        ],
        "bg" => &[
            "и",
            "в",
            "във",
            "на",
            "за",
            "с",
            "със",
            "от",
            "до",
            "е",
            "как",
            "какво",
            "или",
            "се",
            "да",
            "по",
        ],
        "el" => &[
            "και", "ο", "η", "το", "οι", "τα", "του", "τη", "την", "των", "σε", "στο", "στη",
            "στην", "με", "για", "απο", "πωσ", "τι", "να", "ενα", "μια",
        ],
        "ru" => &[
            "и", "в", "во", "на", "за", "с", "со", "о", "об", "от", "до", "по", "как", "что",
            "или", "не", "для", "это",
        ],
        "uk" => &[
            "і", "и", "в", "у", "на", "за", "з", "із", "зі", "о", "про", "від", "до", "по", "як",
            "що", "або", "не", "для",
        ],
        "sv" => &[
            "och", "i", "en", "ett", "att", "av", "for", "pa", "med", "som", "hur", "vad", "det",
            "den", "till", "eller",
        ],
        "da" => &[
            "og", "i", "en", "et", "at", "af", "for", "pa", "med", "som", "hvordan", "hvad", "det",
            "den", "til", "eller",
        ],
        "fi" => &[
            "ja", "tai", "on", "ei", "se", "etta", "miten", "mita", "kun",
        ],
        "et" => &["ja", "voi", "on", "ei", "see", "et", "kuidas", "mis", "kui"],
        "lv" => &[
            "un", "vai", "ir", "uz", "no", "par", "ar", "ka", "kas", "kur", "lai",
        ],
        "lt" => &[
            "ir", "ar", "i", "is", "su", "apie", "kaip", "kas", "kur", "yra", "nuo", "iki",
        ],
        "mt" => &[
            "il", "l", "u", "ta", "fil", "fl", "ma", "biex", "kif", "x", "jew", "minn", "lil",
            "ghal",
        ],
        "ga" => &[
            "an", "na", "agus", "i", "ar", "le", "do", "de", "conas", "cad", "is", "ta", "no",
        ],
        "ar" => &[
            "في", "من", "على", "الى", "الي", "عن", "و", "او", "ما", "كيف", "هل", "مع", "ان",
        ],
        _ => &[],
    }
}

/// One page as the index stores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    /// The section's folder name (`guides`), or `hub`.
    pub kind: String,
    /// The page's language when it is not the index's (a fallback), else empty.
    pub lang: String,
    /// The page's address, relative to `<base href>` (`fr/ro/guides/report`).
    pub href: String,
    pub title: String,
    /// The text before the first heading, then one part per heading.
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Part {
    /// The heading's id (`h-…`); empty for the text before the first heading.
    pub anchor: String,
    pub heading: String,
    pub text: String,
}

/// The index file of one country in one language (`lang`); `stop` names the languages
/// whose stop words queries drop (the interface's, and those of fallback pages).
pub fn write_index(lang: &str, docs: &[Doc]) -> String {
    let clean = |s: &str| -> String {
        let mut out = String::with_capacity(s.len());
        for w in s
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
        {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        out
    };
    let mut langs = vec![lang.to_owned()];
    for doc in docs {
        if !doc.lang.is_empty() && !langs.contains(&doc.lang) {
            langs.push(doc.lang.clone());
        }
    }
    let mut out = format!("{VERSION}\t{}\n", langs.join("\t"));
    for doc in docs {
        out.push_str(&format!(
            "D\t{}\t{}\t{}\t{}\n",
            clean(&doc.kind),
            clean(&doc.lang),
            clean(&doc.href),
            clean(&doc.title)
        ));
        for part in &doc.parts {
            out.push_str(&format!(
                "P\t{}\t{}\t{}\n",
                clean(&part.anchor),
                clean(&part.heading),
                clean(&part.text)
            ));
        }
    }
    out
}

/// A page of a manifest in language `lang` as the index stores it: its title, summary, key
/// dates (an election's), body and, for a video, its transcript (`transcript`, the text
/// of its captions in the page's language).
pub fn page_doc(
    entry: &crate::PageEntry,
    country: &crate::CountryCode,
    lang: &str,
    html: &str,
    transcript: Option<&str>,
) -> Doc {
    let mut parts = parts_of_html(html);
    let mut intro = Vec::new();
    intro.extend(entry.summary.clone());
    if let Some(election) = &entry.election {
        for event in &election.events {
            let date = event
                .date
                .as_deref()
                .or(event.local_start.as_deref().map(|s| &s[..s.len().min(10)]));
            let line = [event.label.as_deref(), date]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            intro.push(line);
        }
    }
    intro.push(std::mem::take(&mut parts[0].text));
    intro.extend(transcript.map(str::to_owned));
    parts[0].text = intro
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    Doc {
        kind: entry.section.map_or("hub", |s| s.dir()).to_owned(),
        lang: if entry.lang == lang {
            String::new()
        } else {
            entry.lang.clone()
        },
        href: crate::route::content_href(country, entry.section, &entry.slug),
        title: entry.title.clone(),
        parts,
    }
}

/// A page body's rendered HTML as the index's parts: split at each `<h2>`…`<h6>` with an
/// id, tags dropped, the entities the renderer writes decoded.
pub fn parts_of_html(html: &str) -> Vec<Part> {
    let mut parts = vec![Part::default()];
    let mut rest = html;
    let mut in_heading = false;
    // Footnote references (`<sup>`) are numbers, not words.
    let mut in_sup = false;
    while let Some(lt) = rest.find('<') {
        let text = &rest[..lt];
        if !in_sup {
            push_text(
                parts.last_mut().expect("one part at least"),
                text,
                in_heading,
            );
        }
        let Some(gt) = rest[lt..].find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let heading =
            name.len() == 2 && name.starts_with('h') && name.as_bytes()[1].is_ascii_digit();
        if name == "sup" {
            in_sup = !tag.starts_with('/');
        } else if heading && !tag.starts_with('/') {
            let anchor = tag
                .split("id=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap_or("");
            parts.push(Part {
                anchor: anchor.to_owned(),
                ..Part::default()
            });
            in_heading = true;
        } else if heading {
            in_heading = false;
        } else if matches!(
            name.as_str(),
            "p" | "li" | "br" | "td" | "th" | "div" | "dd" | "dt" | "blockquote" | "tr"
        ) {
            push_text(
                parts.last_mut().expect("one part at least"),
                " ",
                in_heading,
            );
        }
    }
    push_text(
        parts.last_mut().expect("one part at least"),
        rest,
        in_heading,
    );
    for part in &mut parts {
        part.heading = part
            .heading
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        part.text = part.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    parts
}

fn push_text(part: &mut Part, text: &str, heading: bool) {
    let decoded = decode_entities(text);
    if heading {
        part.heading.push_str(&decoded);
    } else {
        part.text.push_str(&decoded);
    }
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            Some(match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" | "#39" => '\'',
                "nbsp" => ' ',
                _ => {
                    let n = name
                        .strip_prefix("#x")
                        .map(|h| u32::from_str_radix(h, 16))
                        .or_else(|| name.strip_prefix('#').map(|d| d.parse::<u32>()))?
                        .ok()?;
                    char::from_u32(n)?
                }
            })
        });
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text of a WebVTT captions file (a video's transcript): its cues, without timings,
/// numbers or tags.
pub fn vtt_text(vtt: &str) -> String {
    let mut out = String::new();
    for block in vtt.split("\n\n").skip(1) {
        let mut lines = block.lines().map(str::trim).filter(|l| !l.is_empty());
        let Some(mut line) = lines.next() else {
            continue;
        };
        if line.starts_with("NOTE") || line.starts_with("STYLE") || line.starts_with("REGION") {
            continue;
        }
        if !line.contains("-->") {
            match lines.next() {
                Some(next) => line = next,
                None => continue,
            }
        }
        if !line.contains("-->") {
            continue;
        }
        for text in lines {
            let mut plain = String::new();
            let mut in_tag = false;
            for c in text.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => plain.push(c),
                    _ => {}
                }
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&decode_entities(&plain));
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Body = 1,
    Heading = 2,
    Title = 3,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum How {
    Typo = 1,
    Prefix = 2,
    Exact = 3,
}

/// Where field is ranked before how: a word in a title found with a typo ranks above the
/// same word found exactly in the text.
fn score(field: Field, how: How) -> u32 {
    field as u32 * 4 + how as u32
}

#[derive(Debug, Clone, Copy)]
struct Hit {
    doc: u32,
    part: u16,
    field: Field,
}

/// An index, loaded: the pages and, for each normalized word, where it occurs.
#[derive(Debug)]
pub struct Index {
    docs: Vec<Doc>,
    /// Sorted by word, for prefixes.
    words: Vec<(String, Vec<Hit>)>,
    stop: Vec<&'static str>,
}

/// One result, ready to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub kind: String,
    /// Set when the page is in another language than the index's.
    pub lang: String,
    /// The page's address, with the matching heading's anchor (`…#h-report`).
    pub href: String,
    pub title: Vec<Piece>,
    /// The matching heading, if the best match is under one.
    pub heading: Vec<Piece>,
    pub snippet: Vec<Piece>,
}

/// A piece of text; `mark` when it is a matched word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub mark: bool,
}

impl Index {
    /// Reads an index file ([`write_index`]); `None` when it is not one.
    pub fn parse(text: &str) -> Option<Index> {
        let mut lines = text.lines();
        let mut header = lines.next()?.split('\t');
        if header.next()? != VERSION {
            return None;
        }
        let stop = header.flat_map(stop_words).copied().collect();
        let mut docs: Vec<Doc> = Vec::new();
        for line in lines {
            let mut fields = line.split('\t');
            match fields.next() {
                Some("D") => {
                    let mut next = || fields.next().unwrap_or("").to_owned();
                    docs.push(Doc {
                        kind: next(),
                        lang: next(),
                        href: next(),
                        title: next(),
                        parts: Vec::new(),
                    });
                }
                Some("P") => {
                    let mut next = || fields.next().unwrap_or("").to_owned();
                    docs.last_mut()?.parts.push(Part {
                        anchor: next(),
                        heading: next(),
                        text: next(),
                    });
                }
                _ => {}
            }
        }
        let mut map: HashMap<String, Vec<Hit>> = HashMap::new();
        let mut add = |text: &str, doc: usize, part: usize, field: Field| {
            for word in tokens(text) {
                let hits = map.entry(word).or_default();
                let hit = Hit {
                    doc: doc as u32,
                    part: part.min(u16::MAX as usize) as u16,
                    field,
                };
                // A word repeated in one part counts once.
                if !hits
                    .last()
                    .is_some_and(|h| h.doc == hit.doc && h.part == hit.part && h.field == field)
                {
                    hits.push(hit);
                }
            }
        };
        for (d, doc) in docs.iter().enumerate() {
            add(&doc.title, d, 0, Field::Title);
            for (p, part) in doc.parts.iter().enumerate() {
                add(&part.heading, d, p, Field::Heading);
                add(&part.text, d, p, Field::Body);
            }
        }
        let mut words: Vec<(String, Vec<Hit>)> = map.into_iter().collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Some(Index { docs, words, stop })
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The query's words, without stop words unless it has only those.
    fn query_words(&self, query: &str) -> Vec<String> {
        let all = tokens(query);
        let kept: Vec<String> = all
            .iter()
            .filter(|w| !self.stop.contains(&w.as_str()))
            .cloned()
            .collect();
        if kept.is_empty() {
            all
        } else {
            kept
        }
    }

    /// The words of the index that `word` matches, and how.
    fn matches(&self, word: &str) -> Vec<(usize, How)> {
        let mut found = Vec::new();
        let start = self.words.partition_point(|(w, _)| w.as_str() < word);
        for (i, (w, _)) in self.words.iter().enumerate().skip(start) {
            if !w.starts_with(word) {
                break;
            }
            found.push((i, if w == word { How::Exact } else { How::Prefix }));
        }
        let query: Vec<char> = word.chars().collect();
        if query.len() >= TYPO_MIN_LETTERS {
            for (i, (w, _)) in self.words.iter().enumerate() {
                if found.iter().any(|&(f, _)| f == i) {
                    continue;
                }
                if one_typo(&query, w) {
                    found.push((i, How::Typo));
                }
            }
        }
        found
    }

    /// The pages matching `query`, best first, at most [`MAX_RESULTS`].
    pub fn search(&self, query: &str) -> Vec<Found> {
        let words = self.query_words(query);
        if words.is_empty() {
            return Vec::new();
        }
        // For each page, for each part, the best score of each query word.
        let mut scores: HashMap<(u32, u16), Vec<u32>> = HashMap::new();
        let mut matched: Vec<usize> = Vec::new();
        for (q, word) in words.iter().enumerate() {
            for (i, how) in self.matches(word) {
                matched.push(i);
                for hit in &self.words[i].1 {
                    let best = scores
                        .entry((hit.doc, hit.part))
                        .or_insert_with(|| vec![0; words.len()]);
                    best[q] = best[q].max(score(hit.field, how));
                }
            }
        }
        // A page's score for a word is its best part's; every word must be found.
        let mut pages: HashMap<u32, (Vec<u32>, u16, u32)> = HashMap::new();
        for (&(doc, part), best) in &scores {
            let entry = pages
                .entry(doc)
                .or_insert_with(|| (vec![0; words.len()], part, 0));
            for (w, s) in entry.0.iter_mut().zip(best) {
                *w = (*w).max(*s);
            }
            let sum: u32 = best.iter().sum();
            if sum > entry.2 || (sum == entry.2 && part < entry.1) {
                entry.1 = part;
                entry.2 = sum;
            }
        }
        let mut ranked: Vec<(u32, u32, u16)> = pages
            .into_iter()
            .filter(|(_, (best, _, _))| best.iter().all(|&s| s > 0))
            .map(|(doc, (best, part, _))| (best.iter().sum(), doc, part))
            .collect();
        ranked.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked.truncate(MAX_RESULTS);
        matched.sort_unstable();
        matched.dedup();
        let is_match = |word: &str| {
            let n = normalize(word);
            self.words
                .binary_search_by(|(w, _)| w.as_str().cmp(&n))
                .is_ok_and(|i| matched.binary_search(&i).is_ok())
        };
        ranked
            .into_iter()
            .map(|(_, doc, part)| {
                let d = &self.docs[doc as usize];
                let p = d.parts.get(part as usize);
                let anchor = p.map_or("", |p| p.anchor.as_str());
                Found {
                    kind: d.kind.clone(),
                    lang: d.lang.clone(),
                    href: if anchor.is_empty() {
                        d.href.clone()
                    } else {
                        format!("{}#{anchor}", d.href)
                    },
                    title: pieces(&d.title, &is_match),
                    heading: p.map_or_else(Vec::new, |p| pieces(&p.heading, &is_match)),
                    snippet: snippet(
                        p.map(|p| p.text.as_str())
                            .filter(|t| !t.is_empty())
                            .or_else(|| {
                                d.parts
                                    .iter()
                                    .map(|p| p.text.as_str())
                                    .find(|t| !t.is_empty())
                            })
                            .unwrap_or(""),
                        &is_match,
                    ),
                }
            })
            .collect()
    }
}

/// Whether `word` is one edit (insertion, deletion, substitution or transposition of two
/// neighbours) away from `query`; equal words are not.
fn one_typo(query: &[char], word: &str) -> bool {
    let n = word.chars().count();
    let m = query.len();
    if n + 1 < m || m + 1 < n || n < TYPO_MIN_LETTERS - 1 {
        return false;
    }
    let w: Vec<char> = word.chars().collect();
    let prefix = query.iter().zip(&w).take_while(|(a, b)| a == b).count();
    let (q, w) = (&query[prefix..], &w[prefix..]);
    match (q.len(), w.len()) {
        (0, 0) => false,
        (a, b) if a == b => {
            q[1..] == w[1..] || (a >= 2 && q[0] == w[1] && q[1] == w[0] && q[2..] == w[2..])
        }
        (a, b) if a == b + 1 => q[1..] == *w,
        _ => *q == w[1..],
    }
}

fn pieces(text: &str, is_match: &impl Fn(&str) -> bool) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut push = |text: &str, mark: bool| {
        if text.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.mark == mark && !mark => last.text.push_str(text),
            _ => out.push(Piece {
                text: text.to_owned(),
                mark,
            }),
        }
    };
    let mut at = 0;
    for (s, e) in words(text) {
        if is_match(&text[s..e]) {
            push(&text[at..s], false);
            push(&text[s..e], true);
            at = e;
        }
    }
    push(&text[at..], false);
    out
}

/// About [`SNIPPET_CHARS`] letters of `text` around its first matched word, cut at words.
fn snippet(text: &str, is_match: &impl Fn(&str) -> bool) -> Vec<Piece> {
    let first = words(text)
        .find(|&(s, e)| is_match(&text[s..e]))
        .map_or(0, |(s, _)| s);
    let chars_before = text[..first].chars().count();
    let mut start = if chars_before > SNIPPET_CHARS / 3 {
        let skip = chars_before - SNIPPET_CHARS / 3;
        text.char_indices().nth(skip).map_or(0, |(i, _)| i)
    } else {
        0
    };
    // Start at a word.
    if start > 0 {
        start = text[start..first]
            .find(' ')
            .map_or(first, |i| start + i + 1);
    }
    let mut end = text[start..]
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(text.len(), |(i, _)| start + i);
    if end < text.len() {
        end = text[start..end].rfind(' ').map_or(end, |i| start + i);
    }
    let mut out = pieces(&text[start..end], is_match);
    if start > 0 {
        out.insert(
            0,
            Piece {
                text: "… ".to_owned(),
                mark: false,
            },
        );
    }
    if end < text.len() {
        out.push(Piece {
            text: " …".to_owned(),
            mark: false,
        });
    }
    out
}

/// Results as JSON, for the browser's script: `[{k, l, h, t, s, e}]` where `t` (title),
/// `s` (heading) and `e` (snippet) are lists of `[text, 1 if marked]`.
pub fn results_json(found: &[Found]) -> String {
    let mut out = String::from("[");
    for (i, f) in found.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"k\":");
        crate::json::push_string(&mut out, &f.kind);
        out.push_str(",\"l\":");
        crate::json::push_string(&mut out, &f.lang);
        out.push_str(",\"h\":");
        crate::json::push_string(&mut out, &f.href);
        for (key, pieces) in [("t", &f.title), ("s", &f.heading), ("e", &f.snippet)] {
            out.push_str(&format!(",\"{key}\":["));
            for (j, p) in pieces.iter().enumerate() {
                if j > 0 {
                    out.push(',');
                }
                out.push('[');
                crate::json::push_string(&mut out, &p.text);
                out.push_str(if p.mark { ",1]" } else { ",0]" });
            }
            out.push(']');
        }
        out.push('}');
    }
    out.push(']');
    out
}

#[cfg(test)]
mod tests;
