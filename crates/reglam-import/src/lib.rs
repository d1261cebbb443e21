//! `reglam import`: a draft Reglam encoding from an act's plain text, and a score of a draft
//! against a hand encoding. Rule-based and deterministic; see `docs/import.md`.

pub mod cli;
pub mod extract;
pub mod render;
pub mod score;
pub mod text;

use reglam_diagnostics::{Diagnostic, Severity};
use reglam_model::{Analysis, LoadedFile, MemoryLoader, Workspace};
use std::path::Path;

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
        if reg.deadlines.is_empty() && reg.scenarios.is_empty() {
            continue;
        }
        let one = [act.clone(), file.clone()];
        if errors(&check(&analyse_memory(&one))) > 0 {
            let mut all = std::mem::take(&mut reg.deadlines);
            for s in &mut reg.scenarios {
                all.append(&mut s.deadlines);
            }
            reg.scenarios.retain(|s| !s.channels.is_empty());
            for d in all {
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
    reglam_check::check(analysis)
}

pub fn errors(diags: &[Diagnostic]) -> usize {
    diags
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .count()
}

/// Analyses the `*.reglam` files of a folder (a draft, or a hand encoding), with the pipeline's
/// loader: the folder's parent is the tree, so a draft's imports may reach a sibling folder
/// (`../standards/…`) and nothing outside it.
pub fn analyse_dir(dir: &Path) -> Result<Analysis, reglam_pipeline::InputError> {
    let root = dir
        .canonicalize()
        .ok()
        .and_then(|d| d.parent().map(Path::to_path_buf));
    let (analysis, errors) =
        reglam_pipeline::analyse_paths(reglam_pipeline::RealFs, &[dir.to_path_buf()], root);
    match errors.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(analysis),
    }
}
