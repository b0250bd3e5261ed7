//! Fixture folders that each hold the exact report expected of them (`expected.txt`): one
//! folder per rule, for content (`fixtures/invalid/`) and for the site's identity
//! (`fixtures/identity-invalid/`). `BLESS=1` rewrites the expectations after an intended
//! change; review the diff before committing it.

use std::fs;
use std::path::{Path, PathBuf};

/// Every folder of `dir` (at least `at_least`: a fixture per rule) reported by `report`,
/// which must give its `expected.txt`; every difference is listed at once.
pub fn each_case_reports_as_expected(
    dir: &Path,
    at_least: usize,
    report: impl Fn(&Path) -> String,
) {
    let mut cases: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= at_least,
        "expected a fixture per rule, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in cases {
        let report = report(&case);
        let expected_path = case.join("expected.txt");
        if std::env::var_os("BLESS").is_some() {
            fs::write(&expected_path, &report).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if report != expected {
            failures.push(format!(
                "{}:\n--- expected\n{expected}--- got\n{report}",
                case.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
