//! CLDR plural rules as data (`i18n/cldr-plurals.json`, from CLDR): which form of a plural
//! message a count takes in a language. Parsed from the rule text CLDR publishes
//! (`n % 10 = 2..4 and n % 100 != 12..14`), so any language CLDR knows works without code,
//! the same in the checker, the pre-renderer and the app.
//!
//! Counts here are whole numbers (sources, days), so the operands of fractions (`v`, `f`,
//! `t`, `w`, `c`, `e`) are 0 and `i` is `n`.

/// One language's rules: each category but `other` with its condition; `other` is what no
/// condition matches.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PluralRules {
    rules: Vec<(String, Vec<Vec<Relation>>)>,
    categories: Vec<String>,
}

/// `operand [% modulo] (= | !=) ranges`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Relation {
    operand: char,
    modulo: Option<u64>,
    negated: bool,
    ranges: Vec<(u64, u64)>,
}

impl PluralRules {
    /// From `(category, rule)` pairs as CLDR writes them (samples after `@` may be left in).
    /// Errors are fixed texts: the rules are CLDR's, checked when the build reads them, and
    /// formatting a message measured wasm bytes the app does not need.
    pub fn parse<'a>(
        rules: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<PluralRules, &'static str> {
        let mut parsed = PluralRules::default();
        for (category, rule) in rules {
            parsed.categories.push(category.to_owned());
            let rule = rule.split('@').next().unwrap_or_default().trim();
            if category == "other" {
                continue;
            }
            let condition = rule
                .split(" or ")
                .map(|and| {
                    and.split(" and ")
                        .map(relation)
                        .collect::<Result<Vec<_>, _>>()
                })
                .collect::<Result<Vec<_>, _>>()?;
            parsed.rules.push((category.to_owned(), condition));
        }
        if !parsed.categories.iter().any(|c| c == "other") {
            return Err("the rules have no `other` category");
        }
        Ok(parsed)
    }

    /// The category of a count: `one`, `few`, `other`…
    pub fn category(&self, n: u64) -> &str {
        self.rules
            .iter()
            .find(|(_, condition)| condition.iter().any(|all| all.iter().all(|r| r.holds(n))))
            .map_or("other", |(category, _)| category)
    }

    /// Every category the language has, as CLDR lists them.
    pub fn categories(&self) -> impl Iterator<Item = &str> {
        self.categories.iter().map(String::as_str)
    }
}

impl Relation {
    fn holds(&self, n: u64) -> bool {
        let value = match self.operand {
            'n' | 'i' => n,
            _ => 0,
        };
        let value = self.modulo.map_or(value, |m| value % m);
        self.ranges
            .iter()
            .any(|&(lo, hi)| (lo..=hi).contains(&value))
            != self.negated
    }
}

fn relation(text: &str) -> Result<Relation, &'static str> {
    let (left, negated, right) = if let Some((l, r)) = text.split_once("!=") {
        (l, true, r)
    } else if let Some((l, r)) = text.split_once('=') {
        (l, false, r)
    } else {
        return Err("a relation without `=` or `!=`");
    };
    let number = |s: &str| {
        s.trim()
            .parse::<u64>()
            .map_err(|_| "a value that is not a whole number")
    };
    let (operand, modulo) = match left.split_once('%') {
        Some((o, m)) => (o.trim(), Some(number(m)?)),
        None => (left.trim(), None),
    };
    let operand = match operand {
        "n" | "i" | "v" | "w" | "f" | "t" | "c" | "e" => operand.chars().next().unwrap_or('n'),
        _ => return Err("an unknown operand"),
    };
    if modulo == Some(0) {
        return Err("modulo 0");
    }
    let ranges = right
        .split(',')
        .map(|part| match part.split_once("..") {
            Some((lo, hi)) => Ok((number(lo)?, number(hi)?)),
            None => number(part).map(|v| (v, v)),
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Relation {
        operand,
        modulo,
        negated,
        ranges,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(pairs: &[(&str, &str)]) -> PluralRules {
        PluralRules::parse(pairs.iter().copied()).unwrap()
    }

    #[test]
    fn cldr_rules_pick_the_forms_of_whole_numbers() {
        // CLDR 48's rules, as i18n/cldr-plurals.json holds them.
        let ro = rules(&[
            ("one", "i = 1 and v = 0"),
            ("few", "v != 0 or n = 0 or n != 1 and n % 100 = 1..19"),
            ("other", ""),
        ]);
        let forms = [0, 1, 2, 19, 20, 101, 119, 120].map(|n| ro.category(n));
        assert_eq!(
            forms,
            ["few", "one", "few", "few", "other", "few", "few", "other"]
        );
        let pl = rules(&[
            ("one", "i = 1 and v = 0"),
            ("few", "v = 0 and i % 10 = 2..4 and i % 100 != 12..14"),
            ("many", "v = 0 and i != 1 and i % 10 = 0..1 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 12..14"),
            ("other", ""),
        ]);
        let forms = [1, 2, 5, 12, 22, 25, 112, 1_000].map(|n| pl.category(n));
        assert_eq!(
            forms,
            ["one", "few", "many", "many", "few", "many", "many", "many"]
        );
        let ar = rules(&[
            ("zero", "n = 0"),
            ("one", "n = 1"),
            ("two", "n = 2"),
            ("few", "n % 100 = 3..10"),
            ("many", "n % 100 = 11..99"),
            ("other", ""),
        ]);
        let forms = [0, 1, 2, 3, 11, 100, 102, 103].map(|n| ar.category(n));
        assert_eq!(
            forms,
            ["zero", "one", "two", "few", "many", "other", "other", "few"]
        );
        assert_eq!(ar.categories().count(), 6);
    }

    #[test]
    fn rules_that_do_not_parse_say_why() {
        assert!(PluralRules::parse([("one", "n = 1")]).is_err(), "no other");
        assert!(PluralRules::parse([("one", "x = 1"), ("other", "")]).is_err());
        assert!(PluralRules::parse([("one", "n % 0 = 1"), ("other", "")]).is_err());
        assert!(PluralRules::parse([("one", "n = a"), ("other", "")]).is_err());
        assert!(PluralRules::parse([("one", "n 1"), ("other", "")]).is_err());
    }
}
