//! Loads corpus files from the repository, each on its own with its imports, as
//! `reglam emit FILE` does.
#![allow(dead_code)]

use reglam_model::{Analysis, LoadError, LoadedFile, Loader, Regulation, Workspace};
use std::path::{Path, PathBuf};

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

struct RepoLoader;

impl Loader for RepoLoader {
    fn load(&mut self, from: &str, path: &str) -> Result<LoadedFile, LoadError> {
        let key = reglam_model::join_path(from, path).ok_or(LoadError::Outside)?;
        let bytes =
            std::fs::read(repo().join(&key)).map_err(|e| LoadError::Unreadable(e.to_string()))?;
        Ok(LoadedFile {
            key: key.clone(),
            name: key,
            bytes,
        })
    }
}

/// Analyses one file (a path relative to the repository).
pub fn analyse(rel: &str) -> Analysis {
    let mut ws = Workspace::new(RepoLoader);
    ws.add_root(LoadedFile {
        key: rel.to_string(),
        name: rel.to_string(),
        bytes: std::fs::read(repo().join(rel)).unwrap(),
    });
    ws.finish()
}

/// The regulations declared in the analysed root file.
pub fn regulations(a: &Analysis) -> Vec<&Regulation> {
    a.corpus
        .regulations
        .iter()
        .filter(|r| a.roots.contains(&r.file))
        .collect()
}

/// Every regulation file of the corpus, relative to the repository, sorted.
pub fn corpus_files() -> Vec<String> {
    let root = repo();
    let mut out = Vec::new();
    let mut stack = vec![root.join("regulations")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "reglam") {
                out.push(p.strip_prefix(&root).unwrap().display().to_string());
            }
        }
    }
    out.sort();
    out
}
