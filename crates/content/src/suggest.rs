//! "Did you mean …?" for misspelt field names and values.

/// Longer words are not typos of a field or value name, and comparing them would cost time
/// in proportion to the product of their lengths (a hostile value can be a megabyte).
const MAX_WORD: usize = 64;

/// From a serde message such as ``unknown field `titel`, expected one of `title`, `summary` ``,
/// the closest expected word, if it is close enough to be a likely typo.
pub fn did_you_mean(message: &str) -> Option<String> {
    let mut words = message.split('`').skip(1).step_by(2);
    let wrong = words.next()?;
    let length = wrong.chars().take(MAX_WORD + 1).count();
    if length > MAX_WORD {
        return None;
    }
    let within = (length / 3).max(2);
    words
        .filter_map(|w| Some((distance(wrong, w, within)?, w)))
        .min_by_key(|(d, _)| *d)
        .map(|(_, best)| format!("did you mean `{best}`?"))
}

/// Levenshtein distance counted in characters, if it is at most `within`. Words whose
/// lengths differ by more are skipped before any work, so the cost stays bounded by
/// [`MAX_WORD`] squared.
fn distance(a: &str, b: &str, within: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().take(MAX_WORD + 1).collect();
    let b: Vec<char> = b.chars().take(MAX_WORD + 1).collect();
    if a.len() > MAX_WORD || b.len() > MAX_WORD || a.len().abs_diff(b.len()) > within {
        return None;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    Some(row[b.len()]).filter(|&d| d <= within)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        assert_eq!(
            did_you_mean("unknown field `titel`, expected one of `title`, `summary`").as_deref(),
            Some("did you mean `title`?")
        );
        assert_eq!(
            did_you_mean("unknown variant `anulled`, expected one of `held`, `annulled`")
                .as_deref(),
            Some("did you mean `annulled`?")
        );
        assert_eq!(
            did_you_mean("unknown field `colour`, expected `title`"),
            None
        );
        assert_eq!(did_you_mean("invalid type"), None);
    }

    #[test]
    fn long_words_are_never_compared() {
        let long = "x".repeat(100_000);
        let message = format!("unknown variant `{long}` `{long}`, expected `{long}`");
        assert_eq!(did_you_mean(&message), None);
        let message = format!("unknown variant `labls`, expected `{long}`, `labels`");
        assert_eq!(
            did_you_mean(&message).as_deref(),
            Some("did you mean `labels`?")
        );
    }
}
