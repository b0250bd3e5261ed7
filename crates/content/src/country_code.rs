//! ISO 3166-1 alpha-2: the codes a country folder may have. Only the shape of a code
//! (two lower-case letters) is the route's business (`manifest::CountryCode`); whether it
//! names a country is the checker's, so the list is not in the wasm.

/// The 249 officially assigned codes (ISO 3166-1, as Debian's iso-codes 4.15 lists them),
/// in lower case and sorted.
const ASSIGNED: &[&str] = &[
    "ad", "ae", "af", "ag", "ai", "al", "am", "ao", "aq", "ar", "as", "at", "au", "aw", "ax", "az",
    "ba", "bb", "bd", "be", "bf", "bg", "bh", "bi", "bj", "bl", "bm", "bn", "bo", "bq", "br", "bs",
    "bt", "bv", "bw", "by", "bz", "ca", "cc", "cd", "cf", "cg", "ch", "ci", "ck", "cl", "cm", "cn",
    "co", "cr", "cu", "cv", "cw", "cx", "cy", "cz", "de", "dj", "dk", "dm", "do", "dz", "ec", "ee",
    "eg", "eh", "er", "es", "et", "fi", "fj", "fk", "fm", "fo", "fr", "ga", "gb", "gd", "ge", "gf",
    "gg", "gh", "gi", "gl", "gm", "gn", "gp", "gq", "gr", "gs", "gt", "gu", "gw", "gy", "hk", "hm",
    "hn", "hr", "ht", "hu", "id", "ie", "il", "im", "in", "io", "iq", "ir", "is", "it", "je", "jm",
    "jo", "jp", "ke", "kg", "kh", "ki", "km", "kn", "kp", "kr", "kw", "ky", "kz", "la", "lb", "lc",
    "li", "lk", "lr", "ls", "lt", "lu", "lv", "ly", "ma", "mc", "md", "me", "mf", "mg", "mh", "mk",
    "ml", "mm", "mn", "mo", "mp", "mq", "mr", "ms", "mt", "mu", "mv", "mw", "mx", "my", "mz", "na",
    "nc", "ne", "nf", "ng", "ni", "nl", "no", "np", "nr", "nu", "nz", "om", "pa", "pe", "pf", "pg",
    "ph", "pk", "pl", "pm", "pn", "pr", "ps", "pt", "pw", "py", "qa", "re", "ro", "rs", "ru", "rw",
    "sa", "sb", "sc", "sd", "se", "sg", "sh", "si", "sj", "sk", "sl", "sm", "sn", "so", "sr", "ss",
    "st", "sv", "sx", "sy", "sz", "tc", "td", "tf", "tg", "th", "tj", "tk", "tl", "tm", "tn", "to",
    "tr", "tt", "tv", "tw", "tz", "ua", "ug", "um", "us", "uy", "uz", "va", "vc", "ve", "vg", "vi",
    "vn", "vu", "wf", "ws", "ye", "yt", "za", "zm", "zw",
];

/// Codes that ISO 3166-1 leaves to its users and that this project uses: `xk`, Kosovo (as
/// the European Union, CLDR and most data sets write it), and `aa`, the test country of
/// `crates/content-cli/tests/fixtures/` (never shipped: a test of content-cli says so).
const USER_ASSIGNED: &[&str] = &["aa", "xk"];

/// Whether `code` (lower case) names a country a folder of `content/` may be.
pub fn is_country(code: &str) -> bool {
    ASSIGNED.binary_search(&code).is_ok() || USER_ASSIGNED.contains(&code)
}

/// Codes an editor may write for a country whose code is another: ISO reserves them (`uk`)
/// or another standard uses them (`el`, the European Union's code for Greece).
pub fn instead_of(code: &str) -> Option<(&'static str, &'static str)> {
    match code {
        "uk" => Some(("gb", "the United Kingdom")),
        "el" => Some(("gr", "Greece")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_and_complete() {
        assert_eq!(ASSIGNED.len(), 249);
        assert!(ASSIGNED.windows(2).all(|w| w[0] < w[1]));
        for code in ["fr", "ro", "hu", "gb", "us", "ad", "zw", "xk", "aa"] {
            assert!(is_country(code), "{code}");
        }
        for code in ["zz", "uk", "el", "eu", "qm", "xa", "en"] {
            assert!(!is_country(code), "{code}");
        }
    }
}
