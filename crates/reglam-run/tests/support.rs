//! Loads regulations in memory for the tests.
#![allow(dead_code)]

use reglam_model::{Analysis, Channel, LoadedFile, MemoryLoader, Workspace};
use std::path::{Path, PathBuf};

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "reglam") {
            out.push(p);
        }
    }
}

/// Analyses one corpus file (path relative to the repository), with its imports.
pub fn corpus_file(rel: &str) -> Analysis {
    let root = repo();
    let mut files = Vec::new();
    collect(&root.join("regulations"), &mut files);
    let mut loader = MemoryLoader::default();
    for f in &files {
        let key = f.strip_prefix(&root).unwrap().display().to_string();
        loader.files.insert(key, std::fs::read(f).unwrap());
    }
    let bytes = loader.files[rel].clone();
    let mut ws = Workspace::new(loader);
    ws.add_root(LoadedFile {
        key: rel.into(),
        name: rel.into(),
        bytes,
    });
    ws.finish()
}

/// Analyses a regulation given as text.
pub fn text(src: &str) -> Analysis {
    let mut ws = Workspace::new(MemoryLoader::default());
    ws.add_root(LoadedFile {
        key: "t.reglam".into(),
        name: "t.reglam".into(),
        bytes: src.as_bytes().to_vec(),
    });
    let a = ws.finish();
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
