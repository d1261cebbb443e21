//! The bundled regulations: all of them parse and resolve, and their findings are
//! snapshotted as JSON so every change in findings shows in review.

mod support;
use reglam_diagnostics::render_json;
use reglam_model::{LoadedFile, Loader, Workspace};
use support::*;

/// Reads the repository's files by path relative to the repository.
struct RepoLoader;

impl Loader for RepoLoader {
    fn load(&mut self, from: &str, path: &str) -> Result<LoadedFile, reglam_model::LoadError> {
        let key = reglam_model::join_path(from, path).ok_or(reglam_model::LoadError::Outside)?;
        let bytes = std::fs::read(repo().join(&key))
            .map_err(|e| reglam_model::LoadError::Unreadable(e.to_string()))?;
        Ok(LoadedFile {
            key: key.clone(),
            name: key,
            bytes,
        })
    }
}

fn corpus() -> (reglam_model::Analysis, Vec<reglam_diagnostics::Diagnostic>) {
    let root = repo();
    let mut ws = Workspace::new(RepoLoader);
    for f in files_with_ext(&root.join("regulations"), "reglam") {
        let key = f.strip_prefix(&root).unwrap().display().to_string();
        ws.add_root(LoadedFile {
            key: key.clone(),
            name: key,
            bytes: std::fs::read(&f).unwrap(),
        });
    }
    let analysis = ws.finish();
    let diags = reglam_check::check(&analysis);
    (analysis, diags)
}

#[test]
fn corpus_has_no_encoding_errors() {
    let (analysis, diags) = corpus();
    assert!(
        analysis.corpus.regulations.len() >= 3,
        "at least three regulations are bundled"
    );
    // Errors that come from how a file is written (syntax, names, references) would mean the
    // encoding is broken; errors about the act's content (E020 and up) are findings.
    let broken: Vec<_> = diags
        .iter()
        .filter(|d| d.is_error() && d.code.as_str() < "E020")
        .collect();
    assert!(
        broken.is_empty(),
        "{}",
        render(&analysis, &broken.into_iter().cloned().collect::<Vec<_>>())
    );
}

#[test]
fn corpus_findings_snapshot() {
    let (analysis, diags) = corpus();
    insta::assert_snapshot!(render_json(&analysis.sources, &diags));
}
