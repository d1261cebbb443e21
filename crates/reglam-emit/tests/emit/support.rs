//! Corpus files loaded each on its own with its imports, as `reglam emit FILE` does; see
//! crates/reglam-testkit.
#![allow(dead_code, unused_imports)]

pub use reglam_testkit::{corpus_files, regulations, repo};

/// Analyses one file (a path relative to the repository).
pub fn analyse(rel: &str) -> reglam_model::Analysis {
    reglam_testkit::analyse_file(rel)
}
