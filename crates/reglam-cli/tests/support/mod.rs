//! Runs the whole pipeline on in-memory files, as the CLI does on disk.
#![allow(dead_code)]

use codespan_reporting::term::termcolor::NoColor;
use reglam_diagnostics::{render_human, Diagnostic};
use reglam_model::{Analysis, LoadedFile, MemoryLoader, Workspace};
use std::path::{Path, PathBuf};

/// The repository's top folder.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Checks files given as (path, text); the first is the root, the others importable.
pub fn check_files(files: &[(&str, &[u8])]) -> (Analysis, Vec<Diagnostic>) {
    let mut loader = MemoryLoader::default();
    for (name, bytes) in files {
        loader.files.insert(name.to_string(), bytes.to_vec());
    }
    let mut ws = Workspace::new(loader);
    ws.add_root(LoadedFile {
        key: files[0].0.to_string(),
        name: files[0].0.to_string(),
        bytes: files[0].1.to_vec(),
    });
    let analysis = ws.finish();
    let diagnostics = reglam_check::check(&analysis);
    (analysis, diagnostics)
}

pub fn check_text(name: &str, text: &str) -> (Analysis, Vec<Diagnostic>) {
    check_files(&[(name, text.as_bytes())])
}

/// The diagnostics as a person sees them, without colour.
pub fn render(analysis: &Analysis, diagnostics: &[Diagnostic]) -> String {
    let mut out = NoColor::new(Vec::new());
    render_human(&mut out, &analysis.sources, diagnostics).unwrap();
    String::from_utf8(out.into_inner()).unwrap()
}

pub fn codes(diagnostics: &[Diagnostic]) -> Vec<&'static str> {
    diagnostics.iter().map(|d| d.code.as_str()).collect()
}

/// Every file under `dir` with the extension, sorted.
pub fn files_with_ext(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == ext) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
