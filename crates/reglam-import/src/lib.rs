//! `reglam import`: a draft Reglam encoding from an act's plain text, and a score of a draft
//! against a hand encoding. Rule-based and deterministic; see `docs/import.md`.

pub mod cli;
pub mod extract;
pub mod render;
pub mod score;
pub mod text;

use reglam_diagnostics::{Diagnostic, Severity};
use reglam_model::{Analysis, LoadError, LoadedFile, Loader, MemoryLoader, Workspace};
use std::path::{Path, PathBuf};

/// The draft files (name, text) of an act. The draft always checks without errors: a
/// regulation whose deadlines its read times exceed (E020 and the like) gets its deadlines as
/// TODOs instead, since one of the two was misread or the act is at fault, and a person must
/// tell which.
pub fn import(src: &str) -> Vec<(String, String)> {
    let mut draft = extract::extract(src);
    let files = render::render(&draft);
    let act = files[0].clone();
    let mut changed = false;
    for (i, reg) in draft.regs.iter_mut().enumerate() {
        let Some(file) = files.get(i + 1) else {
            continue;
        };
        if reg.deadlines.is_empty() {
            continue;
        }
        let one = [act.clone(), file.clone()];
        if errors(&check(&analyse_memory(&one))) > 0 {
            for d in std::mem::take(&mut reg.deadlines) {
                reg.todos.push(extract::Todo {
                    line: d.line,
                    what: "deadline-exceeded",
                    quote: d.quote,
                });
            }
            changed = true;
        }
    }
    if changed {
        render::render(&draft)
    } else {
        files
    }
}

/// Analyses files held in memory (name, text), as `reglam check` would.
pub fn analyse_memory(files: &[(String, String)]) -> Analysis {
    let mut loader = MemoryLoader::default();
    for (n, t) in files {
        loader.files.insert(n.clone(), t.as_bytes().to_vec());
    }
    let mut ws = Workspace::new(loader);
    ws.add_roots(
        files
            .iter()
            .map(|(n, t)| LoadedFile {
                key: n.clone(),
                name: n.clone(),
                bytes: t.as_bytes().to_vec(),
            })
            .collect(),
    );
    ws.finish()
}

/// Every finding of the checks on the analysis, the loader's own included.
pub fn check(analysis: &Analysis) -> Vec<Diagnostic> {
    let mut all = analysis.diagnostics.clone();
    all.extend(reglam_check::check(analysis));
    all
}

pub fn errors(diags: &[Diagnostic]) -> usize {
    diags
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .count()
}

/// Reads files under a base folder; keys are paths relative to it, so imports may climb to
/// a sibling folder (`../standards/…`) but never above the base.
struct DirLoader {
    base: PathBuf,
}

impl Loader for DirLoader {
    fn load(&mut self, from: &str, path: &str) -> Result<LoadedFile, LoadError> {
        let key = reglam_model::join_path(from, path).ok_or(LoadError::Outside)?;
        let bytes = std::fs::read(self.base.join(&key))
            .map_err(|e| LoadError::Unreadable(reglam_diagnostics::ReadFailure::from_io(&e)))?;
        Ok(LoadedFile {
            name: key.clone(),
            key,
            bytes,
        })
    }
}

/// Analyses every `*.reglam` file of a folder (not recursively), in name order.
pub fn analyse_dir(dir: &Path) -> std::io::Result<Analysis> {
    let dir = dir.canonicalize()?;
    let base = dir.parent().unwrap_or(&dir).to_path_buf();
    let prefix = dir
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let mut names: Vec<String> = std::fs::read_dir(&dir)?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".reglam"))
        .collect();
    names.sort();
    let mut files = Vec::new();
    for n in names {
        let bytes = std::fs::read(dir.join(&n))?;
        let key = format!("{prefix}/{n}");
        files.push(LoadedFile {
            name: key.clone(),
            key,
            bytes,
        });
    }
    let mut ws = Workspace::new(DirLoader { base });
    ws.add_roots(files);
    Ok(ws.finish())
}
