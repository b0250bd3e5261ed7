//! "Did you mean …?" for misspelt field names and values.

/// From a serde message such as ``unknown field `titel`, expected one of `title`, `summary` ``,
/// the closest expected word, if it is close enough to be a likely typo.
pub fn did_you_mean(message: &str) -> Option<String> {
    let mut words = message.split('`').skip(1).step_by(2);
    let wrong = words.next()?;
    let best = words.min_by_key(|w| distance(wrong, w))?;
    (distance(wrong, best) <= (wrong.chars().count() / 3).max(2))
        .then(|| format!("did you mean `{best}`?"))
}

/// Levenshtein distance, counted in characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
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
}
