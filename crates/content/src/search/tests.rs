use super::*;

fn doc(kind: &str, href: &str, title: &str, parts: &[(&str, &str, &str)]) -> Doc {
    Doc {
        kind: kind.to_owned(),
        lang: String::new(),
        href: href.to_owned(),
        title: title.to_owned(),
        parts: parts
            .iter()
            .map(|(a, h, t)| Part {
                anchor: (*a).to_owned(),
                heading: (*h).to_owned(),
                text: (*t).to_owned(),
            })
            .collect(),
    }
}

fn index(lang: &str, docs: &[Doc]) -> Index {
    Index::parse(&write_index(lang, docs)).expect("an index")
}

fn hrefs(index: &Index, query: &str) -> Vec<String> {
    index.search(query).into_iter().map(|f| f.href).collect()
}

/// Whether `query` finds a page titled `title` (alone in its index) in `lang`.
fn finds(lang: &str, title: &str, query: &str) -> bool {
    let i = index(lang, &[doc("guides", "x", title, &[("", "", "")])]);
    !i.search(query).is_empty()
}

#[test]
fn case_and_diacritics_fold_in_every_interface_language() {
    // (language, text as written, as typed without accents or in another case)
    let cases = [
        ("ro", "Curtea Constituțională", "curtea constitutionala"),
        ("ro", "Biroul Electoral Central", "biroul electoral"),
        ("fr", "Élection présidentielle", "election presidentielle"),
        ("fr", "Signaler un faux compte", "signaler"),
        ("hu", "Szavazás és választás", "szavazas valasztas"),
        ("hu", "Hűségnyilatkozat ő", "husegnyilatkozat"),
        ("de", "Straße der Wählerinnen", "strasse wahlerinnen"),
        ("es", "Cómo votar en España", "como votar espana"),
        ("it", "Perché votare? Città", "perche citta"),
        ("pt", "Eleição e votação", "eleicao votacao"),
        ("nl", "Geïnformeerd stemmen", "geinformeerd"),
        ("pl", "Wybory łódzkie, źródło", "lodzkie zrodlo"),
        ("cs", "Volby do Poslanecké sněmovny", "poslanecke snemovny"),
        ("sk", "Voľby prezidenta Slovenskej", "volby prezidenta"),
        ("sl", "Volišče in glasovnica", "volisce glasovnica"),
        ("hr", "Izbori za Đakovo", "dakovo"),
        ("bg", "Избори за Народно събрание", "избори събрание"),
        ("el", "Εκλογές για τη Βουλή", "εκλογες βουλη"),
        ("el", "ΕΚΛΟΓΈΣ", "εκλογες"),
        ("el", "Διαλυτικά: προϊόν", "προιον"),
        ("ru", "Выборы в Государственную думу", "выборы думу"),
        ("ru", "Ёлка и стре́сс", "елка стресс"),
        ("uk", "Вибори до Верховної Ради", "верховноі"),
        ("sv", "Val till riksdagen, röstkort", "rostkort"),
        ("da", "Valg til Folketinget, stemmeseddel æble", "aeble"),
        ("fi", "Äänestäminen ennakkoon", "aanestaminen"),
        ("et", "Valimised ja hääletamine", "haaletamine"),
        ("lv", "Vēlēšanas un balsošana", "velesanas"),
        ("lt", "Rinkimai į Seimą, balsavimas", "seima"),
        ("mt", "Elezzjoni ġenerali ħielsa", "generali hielsa"),
        (
            "ga",
            "Toghchán Uachtaráin na hÉireann",
            "toghchan uachtarain",
        ),
        ("ar", "الانتخابات الرئاسيّة", "الانتخابات الرئاسية"),
        ("en", "HOW TO VOTE ABROAD", "vote abroad"),
    ];
    for (lang, title, query) in cases {
        assert!(
            finds(lang, title, query),
            "{lang}: {query:?} should find {title:?}"
        );
    }
}

#[test]
fn romanian_comma_and_cedilla_forms_match_each_other() {
    for (written, typed) in [
        ("Curtea Constituţională", "Curtea Constituțională"),
        ("Curtea Constituțională", "Curtea Constituţională"),
        ("şedinţă", "ședință"),
        ("ședință", "şedinţă"),
        ("ședință", "sedinta"),
    ] {
        assert!(
            finds("ro", written, typed),
            "{typed:?} should find {written:?}"
        );
    }
}

#[test]
fn greek_final_sigma_is_sigma() {
    assert_eq!(normalize("ΕΚΛΟΓΈΣ"), normalize("εκλογές"));
    assert_eq!(normalize("εκλογές"), "εκλογεσ");
    assert!(finds("el", "Οι εκλογές", "εκλογεσ"));
}

#[test]
fn normalization_examples() {
    assert_eq!(
        normalize("Curtea Constituțională"),
        "curtea constitutionala"
    );
    assert_eq!(normalize("ŞŢşţȘȚșț"), "stststst");
    assert_eq!(normalize("élection"), "election");
    assert_eq!(normalize("SZAVAZÁS"), "szavazas");
    // A decomposed accent (NFD) folds like the precomposed one.
    assert_eq!(normalize("e\u{301}lection"), "election");
    assert_eq!(normalize("ёлка"), "елка");
    assert_eq!(normalize("Ї"), "і");
    assert_eq!(normalize("Straße"), "strasse");
    assert_eq!(normalize("Œuvre"), "oeuvre");
}

#[test]
fn a_word_is_found_by_its_start_while_typing() {
    let i = index(
        "ro",
        &[doc(
            "resources",
            "ro/ro/resources/bec",
            "Biroul Electoral Central",
            &[("", "", "")],
        )],
    );
    for typed in [
        "b",
        "bi",
        "bir",
        "biro",
        "birou",
        "biroul",
        "biroul e",
        "biroul elec",
        "biroul electoral",
    ] {
        assert_eq!(hrefs(&i, typed), ["ro/ro/resources/bec"], "{typed:?}");
    }
}

#[test]
fn one_typo_is_forgiven_in_words_of_five_letters_or_more() {
    let i = index(
        "en",
        &[doc(
            "guides",
            "g",
            "Report misinformation",
            &[("", "", "Tell the platform")],
        )],
    );
    for typo in [
        "reprot",
        "repor misinformation",
        "reportt",
        "rep0rt",
        "misinfomation",
        "misinformaiton",
        "platfrom",
    ] {
        assert_eq!(hrefs(&i, typo), ["g"], "{typo:?}");
    }
    // Two typos, or one in a short word, find nothing.
    for miss in ["rpeotr", "misinformtaoin", "tell the platfmor", "tlel"] {
        assert!(hrefs(&i, miss).is_empty(), "{miss:?}");
    }
    let short = index("en", &[doc("guides", "g", "Vote", &[("", "", "")])]);
    assert!(hrefs(&short, "vite").is_empty());
}

#[test]
fn every_word_of_the_query_must_be_found() {
    let i = index(
        "en",
        &[
            doc("guides", "a", "Report a fake account", &[("", "", "")]),
            doc("guides", "b", "Report an advert", &[("", "", "")]),
        ],
    );
    assert_eq!(hrefs(&i, "report fake"), ["a"]);
    assert_eq!(hrefs(&i, "report zebra"), Vec::<String>::new());
}

#[test]
fn title_ranks_over_heading_over_body_and_exact_over_prefix_over_typo() {
    let i = index(
        "en",
        &[
            doc(
                "guides",
                "body",
                "Something",
                &[("", "", "the ballot is secret")],
            ),
            doc(
                "guides",
                "heading",
                "Other",
                &[("", "", "x"), ("h-ballot", "The ballot", "y")],
            ),
            doc("guides", "title", "Your ballot", &[("", "", "")]),
        ],
    );
    assert_eq!(hrefs(&i, "ballot"), ["title", "heading#h-ballot", "body"]);

    let i = index(
        "en",
        &[
            doc("guides", "typo", "Balot", &[("", "", "")]),
            doc("guides", "prefix", "Ballotpaper", &[("", "", "")]),
            doc("guides", "exact", "Ballot", &[("", "", "")]),
        ],
    );
    assert_eq!(hrefs(&i, "ballot"), ["exact", "prefix", "typo"]);
    let i = index(
        "en",
        &[
            doc("guides", "typo", "Registration", &[("", "", "")]),
            doc("guides", "exact", "Registrar", &[("", "", "")]),
        ],
    );
    assert_eq!(hrefs(&i, "registrar"), ["exact"]);
    assert_eq!(hrefs(&i, "registratio"), ["typo"]);
}

#[test]
fn a_title_typo_ranks_above_an_exact_word_in_the_text() {
    let i = index(
        "en",
        &[
            doc(
                "guides",
                "body",
                "Other",
                &[("", "", "misinformation everywhere")],
            ),
            doc("guides", "title", "Misinfomation", &[("", "", "")]),
        ],
    );
    assert_eq!(hrefs(&i, "misinformation"), ["title", "body"]);
}

#[test]
fn stop_words_do_not_drown_results() {
    let docs = [
        doc("guides", "report", "Report a fake account", &[("", "", "")]),
        doc(
            "guides",
            "other",
            "The role of the courts",
            &[("", "", "in the end it is what it is")],
        ),
    ];
    let i = index("en", &docs);
    assert_eq!(hrefs(&i, "how to report a fake account"), ["report"]);
    // Only stop words: they are searched for.
    assert_eq!(hrefs(&i, "the"), ["other"]);

    let fr = index(
        "fr",
        &[
            doc(
                "guides",
                "signaler",
                "Signaler un faux compte",
                &[("", "", "")],
            ),
            doc(
                "guides",
                "autre",
                "Le rôle de la cour",
                &[("", "", "de la part des juges")],
            ),
        ],
    );
    assert_eq!(hrefs(&fr, "comment signaler un faux compte"), ["signaler"]);
    let ro = index(
        "ro",
        &[
            doc(
                "guides",
                "raport",
                "Cum raportezi dezinformarea",
                &[("", "", "")],
            ),
            doc(
                "guides",
                "alt",
                "Despre vot",
                &[("", "", "și de la în pe cu")],
            ),
        ],
    );
    assert_eq!(hrefs(&ro, "cum sa raportezi"), ["raport"]);
}

#[test]
fn every_interface_language_has_stop_words() {
    for lang in [
        "ar", "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it",
        "lt", "lv", "mt", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sv", "uk",
    ] {
        let words = stop_words(lang);
        assert!(words.len() >= 8, "{lang}");
        for w in words {
            assert_eq!(
                &normalize(w),
                w,
                "{lang}: stop words are written normalized"
            );
        }
    }
}

#[test]
fn a_match_under_a_heading_links_to_it_with_a_highlighted_snippet() {
    let i = index(
        "en",
        &[doc(
            "guides",
            "en/ro/guides/report",
            "Report misinformation",
            &[
                ("", "", "Introduction text."),
                (
                    "h-platforms",
                    "On platforms",
                    "Use the menu next to the post to report a fake account to the platform.",
                ),
            ],
        )],
    );
    let found = i.search("fake account");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].href, "en/ro/guides/report#h-platforms");
    assert_eq!(
        found[0].heading,
        [Piece {
            text: "On platforms".into(),
            mark: false
        }]
    );
    let marked: Vec<&str> = found[0]
        .snippet
        .iter()
        .filter(|p| p.mark)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(marked, ["fake", "account"]);
    let text: String = found[0].snippet.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        text,
        "Use the menu next to the post to report a fake account to the platform."
    );
}

#[test]
fn a_long_text_is_cut_around_the_match() {
    let long = format!("{} needle {}", "word ".repeat(100), "tail ".repeat(100));
    let i = index("en", &[doc("guides", "g", "T", &[("", "", &long)])]);
    let found = i.search("needle");
    let text: String = found[0].snippet.iter().map(|p| p.text.as_str()).collect();
    assert!(text.starts_with("… word"), "{text}");
    assert!(text.ends_with(" …"), "{text}");
    assert!(text.chars().count() < 160, "{text}");
    assert!(found[0]
        .snippet
        .iter()
        .any(|p| p.mark && p.text == "needle"));
}

#[test]
fn a_fallback_page_keeps_its_language_and_its_stop_words_count() {
    let mut ro = doc(
        "resources",
        "hu/ro/resources/bec",
        "Biroul Electoral Central",
        &[("", "", "")],
    );
    ro.lang = "ro".into();
    let i = index(
        "hu",
        &[
            ro,
            doc("guides", "hu/ro/guides/x", "Szavazás", &[("", "", "")]),
        ],
    );
    let found = i.search("biroul electoral");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].lang, "ro");
    // Romanian stop words are dropped too ("și" is not searched for).
    assert_eq!(hrefs(&i, "biroul si electoral"), ["hu/ro/resources/bec"]);
}

#[test]
fn parts_come_from_the_rendered_html() {
    let html = "<p>Intro &amp; more<sup class=\"footnote-reference\"><a href=\"#fn-1\">1</a></sup></p>\n<h2 id=\"h-how\">How <em>to</em> vote</h2>\n<p>Bring your <a href=\"x\">ID</a>.</p><ul><li>one</li><li>two</li></ul><h3 id=\"h-abroad\">Abroad</h3><p>At an embassy.</p>";
    let parts = parts_of_html(html);
    assert_eq!(
        parts,
        [
            Part {
                anchor: String::new(),
                heading: String::new(),
                text: "Intro & more".into()
            },
            Part {
                anchor: "h-how".into(),
                heading: "How to vote".into(),
                text: "Bring your ID. one two".into()
            },
            Part {
                anchor: "h-abroad".into(),
                heading: "Abroad".into(),
                text: "At an embassy.".into()
            },
        ]
    );
}

#[test]
fn captions_give_a_transcript() {
    let vtt = "WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\nCheck <b>who</b> said it.\n\nNOTE a note\n\n00:00:02.000 --> 00:00:04.000 align:start\nThen check when &amp; where.\n";
    assert_eq!(vtt_text(vtt), "Check who said it. Then check when & where.");
}

#[test]
fn the_index_file_survives_tabs_and_newlines_in_text() {
    let d = doc(
        "guides",
        "g",
        "A\ttitle\nwith breaks",
        &[("", "", "line one\nline\ttwo")],
    );
    let i = index("en", &[d]);
    assert_eq!(i.len(), 1);
    assert_eq!(hrefs(&i, "breaks two"), ["g"]);
    assert!(Index::parse("not an index").is_none());
}

#[test]
fn results_are_json() {
    let found = vec![Found {
        kind: "guides".into(),
        lang: "ro".into(),
        href: "a\"b".into(),
        title: vec![Piece {
            text: "T\\".into(),
            mark: true,
        }],
        heading: vec![],
        snippet: vec![Piece {
            text: "x\u{1}".into(),
            mark: false,
        }],
    }];
    let json: serde_json::Value = serde_json::from_str(&results_json(&found)).expect("valid JSON");
    assert_eq!(json[0]["h"], "a\"b");
    assert_eq!(json[0]["t"][0][0], "T\\");
    assert_eq!(json[0]["t"][0][1], 1);
    assert_eq!(json[0]["e"][0][0], "x\u{1}");
}

#[test]
fn typo_distance_is_exactly_one() {
    let q = |s: &str| s.chars().collect::<Vec<_>>();
    assert!(one_typo(&q("electoral"), "electorla"));
    assert!(one_typo(&q("electoral"), "electora"));
    assert!(one_typo(&q("electoral"), "electorals"));
    assert!(one_typo(&q("electoral"), "elektoral"));
    assert!(!one_typo(&q("electoral"), "electoral"));
    assert!(!one_typo(&q("electoral"), "elektorla"));
    assert!(!one_typo(&q("electoral"), "lectora"));
}
