//! Loads regulations in memory for the tests.
#![allow(dead_code)]

use reglam_model::{Analysis, Channel};

/// Analyses one corpus file (path relative to the repository), with its imports.
pub fn corpus_file(rel: &str) -> Analysis {
    reglam_testkit::analyse_file(rel)
}

/// Analyses a regulation given as text.
pub fn text(src: &str) -> Analysis {
    let a = reglam_testkit::analyse_files(&[("t.reglam", src.as_bytes())]);
    assert!(
        a.diagnostics
            .iter()
            .all(|d| d.severity() != reglam_diagnostics::Severity::Error),
        "{:?}",
        a.diagnostics
    );
    a
}

/// The channel `id` of the root file's regulations.
pub fn channel<'a>(a: &'a Analysis, id: &str) -> &'a Channel {
    a.corpus
        .regulations
        .iter()
        .filter(|r| a.roots.contains(&r.file))
        .flat_map(|r| r.channels())
        .map(|(_, c)| c)
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no channel {id}"))
}

pub fn at(s: &str) -> chrono::NaiveDateTime {
    reglam_run::parse_moment(s).unwrap()
}
