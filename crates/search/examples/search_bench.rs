//! `make bench-search`, native half: search over the real content's indexes and over a
//! synthetic country of 500 pages in each of three languages (deterministic), timing index
//! writing, loading and queries (median and p95 per query). Writes the synthetic indexes and
//! the queries to `target/bench-search/` for the Chromium half (`scripts/bench-search.mjs`).
//! A report, not a test: timings vary with the machine.
//!
//! Usage: search_bench <built content dir> <out dir>

use std::path::Path;
use std::time::Instant;

use content::search::{write_index, Doc, Index, Part};

const PAGES: usize = 500;
const RUNS: usize = 30;

/// Words of each language, most common first; the generator draws them with a skew, as
/// text does.
const WORDS: [(&str, &str); 3] = [
    ("en", "the election vote voter ballot polling station register registration deadline candidate campaign result official authority court ruling rerun round president parliament local regional european referendum misinformation disinformation fake account report platform check claim source fact checker video transcript guide identity document abroad embassy postal proxy accessibility observer count tally complaint appeal commission bureau electoral constitutional permanent national security cyber digital services coordinated behaviour manipulated media label advertising"),
    ("ro", "alegeri vot alegător buletin secție votare înregistrare termen candidat campanie rezultat oficial autoritate curte decizie reluare tur președinte parlament local regional european referendum dezinformare cont fals raportare platformă verificare afirmație sursă video transcriere ghid act identitate străinătate ambasadă corespondență observator numărare contestație comisie birou electoral constituțională permanentă națională securitate cibernetică servicii digitale comportament coordonat manipulat etichetă publicitate şedinţă"),
    ("fr", "élection vote électeur bulletin bureau scrutin inscription délai candidat campagne résultat officiel autorité cour décision second tour président assemblée locale régionale européenne référendum désinformation faux compte signaler plateforme vérifier affirmation source vidéo transcription guide pièce identité étranger ambassade procuration observateur dépouillement recours commission conseil constitutionnel permanent national sécurité numérique services comportement coordonné manipulé étiquette publicité"),
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*: deterministic, no dependency.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// An index in `0..n`, skewed towards 0 (Zipf-like: text reuses its common words).
    fn skewed(&mut self, n: usize) -> usize {
        let a = (self.next() % n as u64) as usize;
        let b = (self.next() % n as u64) as usize;
        let c = (self.next() % n as u64) as usize;
        a.min(b).min(c)
    }
}

fn sentence(rng: &mut Rng, words: &[&str], len: usize) -> String {
    let mut s: Vec<String> = (0..len)
        .map(|_| words[rng.skewed(words.len())].to_owned())
        .collect();
    if let Some(first) = s.first_mut() {
        let mut c = first.chars();
        *first = c
            .next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default();
    }
    s.join(" ") + "."
}

/// Syllables of each language's made-up words, accents included.
fn syllables(lang: &str) -> &'static [&'static str] {
    match lang {
        "ro" => &[
            "ba", "ce", "di", "fo", "gu", "la", "me", "ni", "po", "ră", "să", "ți", "ța", "șe",
            "în", "tu", "vâ", "ze", "ro", "ca",
        ],
        "fr" => &[
            "ba", "cé", "di", "fo", "gu", "la", "mè", "ni", "po", "ré", "sa", "ti", "ça", "ée",
            "on", "tu", "vê", "ze", "ro", "ca",
        ],
        _ => &[
            "ba", "ce", "di", "fo", "gu", "la", "me", "ni", "po", "re", "sa", "ti", "ta", "er",
            "on", "tu", "ve", "ze", "ro", "ca",
        ],
    }
}

/// The real words first (the most common), then made-up ones: a vocabulary of thousands of
/// words, as 500 real pages have.
fn vocabulary(lang: &str, real: &[&str], rng: &mut Rng) -> Vec<String> {
    let syl = syllables(lang);
    let mut words: Vec<String> = real.iter().map(|w| (*w).to_owned()).collect();
    while words.len() < 12_000 {
        let n = 2 + rng.skewed(4);
        words.push(
            (0..n)
                .map(|_| syl[(rng.next() % syl.len() as u64) as usize])
                .collect(),
        );
    }
    words
}

fn synthetic(lang: &str, real: &[&str]) -> Vec<Doc> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ lang.len() as u64 ^ (lang.as_bytes()[0] as u64) << 8);
    let vocabulary = vocabulary(lang, real, &mut rng);
    let words: Vec<&str> = vocabulary.iter().map(String::as_str).collect();
    let words = &words[..];
    let kinds = ["elections", "resources", "partners", "guides", "videos"];
    (0..PAGES)
        .map(|n| {
            let kind = kinds[n % kinds.len()];
            let parts = (0..=3 + rng.skewed(4))
                .map(|p| Part {
                    anchor: if p == 0 {
                        String::new()
                    } else {
                        format!("h-{p}")
                    },
                    heading: if p == 0 {
                        String::new()
                    } else {
                        sentence(&mut rng, words, 3)
                            .trim_end_matches('.')
                            .to_owned()
                    },
                    text: (0..4)
                        .map(|_| sentence(&mut rng, words, 12))
                        .collect::<Vec<_>>()
                        .join(" "),
                })
                .collect();
            Doc {
                kind: kind.to_owned(),
                lang: String::new(),
                href: format!("zz/{kind}/page-{n}"),
                title: format!("{} {n}", sentence(&mut rng, words, 4).trim_end_matches('.')),
                parts,
            }
        })
        .collect()
}

/// What voters type: whole words, prefixes, words without accents, typos, several words,
/// stop words, and nothing that exists.
fn queries(lang: &str) -> Vec<&'static str> {
    match lang {
        "en" => vec![
            "election",
            "elec",
            "vote",
            "ballot",
            "polling station",
            "registraton",
            "misinformation",
            "report fake account",
            "how to vote abroad",
            "constitutional court",
            "cyber",
            "zqxwvy",
            "the",
            "postal proxy",
            "digital services coordinator",
        ],
        "ro" => vec![
            "alegeri",
            "aleg",
            "biroul electoral",
            "curtea constitutionala",
            "constituţională",
            "dezinformare",
            "raportare cont fals",
            "sectie votare",
            "ambasada",
            "securitate cibernetica",
            "alegatr",
            "zqxwvy",
            "si",
            "sedinta",
            "comportament coordonat",
        ],
        _ => vec![
            "élection",
            "election",
            "elec",
            "signaler",
            "faux compte",
            "bureau de vote",
            "desinformation",
            "conseil constitutionnel",
            "procuration",
            "inscripton",
            "zqxwvy",
            "le",
            "securite numerique",
            "second tour",
            "verifier affirmation",
        ],
    }
}

fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn stats(mut t: Vec<f64>) -> (f64, f64) {
    t.sort_by(f64::total_cmp);
    let at = |q: f64| t[((t.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.95))
}

fn bench(name: &str, text: &str, queries: &[&str]) {
    let start = Instant::now();
    let index = Index::parse(text).expect("an index");
    let load = ms(start.elapsed());
    let mut all = Vec::new();
    let mut worst = (0.0, "");
    for q in queries {
        let times: Vec<f64> = (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(index.search(q));
                ms(start.elapsed())
            })
            .collect();
        let (_, p95) = stats(times.clone());
        if p95 > worst.0 {
            worst = (p95, q);
        }
        all.extend(times);
    }
    let (median, p95) = stats(all);
    println!(
        "native  {name:<22} {:>4} pages {:>8.1} KB  load {load:>6.1} ms  query median {median:>6.3} ms  p95 {p95:>6.3} ms  (slowest p95: {:.3} ms, {:?})",
        index.len(),
        text.len() as f64 / 1000.0,
        worst.0,
        worst.1
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (content, out) = (Path::new(&args[1]), Path::new(&args[2]));
    std::fs::create_dir_all(out).expect("an output folder");
    let mut real = Vec::new();
    for country in std::fs::read_dir(content)
        .expect("a built content folder")
        .flatten()
    {
        for lang in std::fs::read_dir(country.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let file = lang.path().join(content::search::INDEX_FILE);
            if let Ok(text) = std::fs::read_to_string(&file) {
                real.push((
                    format!(
                        "{}/{}",
                        country.file_name().to_string_lossy(),
                        lang.file_name().to_string_lossy()
                    ),
                    text,
                ));
            }
        }
    }
    real.sort();
    let mut chromium = Vec::new();
    for (name, text) in &real {
        let lang = name.rsplit('/').next().unwrap_or("en");
        bench(name, text, &queries(lang));
        chromium.push((name.clone(), format!("{name}.txt"), queries(lang)));
        let file = out.join(format!("{name}.txt"));
        std::fs::create_dir_all(file.parent().expect("a parent")).expect("a folder");
        std::fs::write(file, text).expect("written");
    }
    for (lang, words) in WORDS {
        let words: Vec<&str> = words.split(' ').collect();
        let docs = synthetic(lang, &words);
        let start = Instant::now();
        let text = write_index(lang, &docs);
        let build = ms(start.elapsed());
        let name = format!("synthetic/{lang}");
        println!("native  {name:<22} index written in {build:.1} ms");
        bench(&name, &text, &queries(lang));
        std::fs::create_dir_all(out.join("synthetic")).expect("a folder");
        std::fs::write(out.join(format!("{name}.txt")), &text).expect("written");
        chromium.push((name.clone(), format!("{name}.txt"), queries(lang)));
    }
    let list: Vec<String> = chromium
        .iter()
        .map(|(name, file, queries)| {
            format!(
                "{{\"name\":{name:?},\"file\":{file:?},\"queries\":[{}]}}",
                queries
                    .iter()
                    .map(|q| format!("{q:?}"))
                    .collect::<Vec<_>>()
                    .join(",")
            )
        })
        .collect();
    std::fs::write(out.join("cases.json"), format!("[{}]", list.join(","))).expect("written");
}
