//! Test support shared by the crates' tests: the whole pipeline run in memory, as the CLI runs
//! it on disk, and the bundled corpus under `regulations/`.

use codespan_reporting::term::termcolor::NoColor;
use reglam_diagnostics::{render_human, Diagnostic, ReadFailure};
use reglam_model::{Analysis, LoadError, LoadedFile, Loader, MemoryLoader, Regulation, Workspace};
use std::path::{Path, PathBuf};

/// The repository's top folder.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the repository exists")
}

/// Reads files by their path relative to the repository, as imports name them.
pub struct RepoLoader;

impl Loader for RepoLoader {
    fn load(&mut self, from: &str, path: &str) -> Result<LoadedFile, LoadError> {
        let key = reglam_model::join_path(from, path).ok_or(LoadError::Outside)?;
        let bytes = std::fs::read(repo().join(&key))
            .map_err(|e| LoadError::Unreadable(ReadFailure::Os(e.to_string())))?;
        Ok(LoadedFile {
            key: key.clone(),
            name: key,
            bytes,
        })
    }
}

/// Every file under `dir` with the extension, sorted.
pub fn files_with_ext(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("readable folder") {
            let p = e.expect("readable entry").path();
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

/// Every `.reglam` file of the corpus, relative to the repository, sorted.
pub fn corpus_files() -> Vec<String> {
    let root = repo();
    files_with_ext(&root.join("regulations"), "reglam")
        .into_iter()
        .map(|p| p.strip_prefix(&root).expect("inside").display().to_string())
        .collect()
}

fn root_file(rel: &str) -> LoadedFile {
    LoadedFile {
        key: rel.to_string(),
        name: rel.to_string(),
        bytes: std::fs::read(repo().join(rel)).expect("corpus file"),
    }
}

/// One corpus file (relative to the repository) with its imports.
pub fn analyse_file(rel: &str) -> Analysis {
    let mut ws = Workspace::new(RepoLoader);
    ws.add_root(root_file(rel));
    ws.finish()
}

/// The whole corpus, every file a root.
pub fn analyse_corpus() -> Analysis {
    let mut ws = Workspace::new(RepoLoader);
    for rel in corpus_files() {
        ws.add_root(root_file(&rel));
    }
    ws.finish()
}

/// Files given as (path, bytes): the first is the root, the others importable.
pub fn analyse_files(files: &[(&str, &[u8])]) -> Analysis {
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
    ws.finish()
}

/// Analyses and checks files given as (path, bytes), as `reglam check` does.
pub fn check_files(files: &[(&str, &[u8])]) -> (Analysis, Vec<Diagnostic>) {
    let analysis = analyse_files(files);
    let diagnostics = reglam_check::check(&analysis);
    (analysis, diagnostics)
}

/// Analyses and checks one text.
pub fn check_text(name: &str, text: &str) -> (Analysis, Vec<Diagnostic>) {
    check_files(&[(name, text.as_bytes())])
}

/// The regulations declared in the analysis's root files (not in their imports).
pub fn regulations(a: &Analysis) -> Vec<&Regulation> {
    a.corpus
        .regulations
        .iter()
        .filter(|r| a.roots.contains(&r.file))
        .collect()
}

/// Diagnostics as a person sees them, without colour.
pub fn render(analysis: &Analysis, diagnostics: &[Diagnostic]) -> String {
    let mut out = NoColor::new(Vec::new());
    render_human(&mut out, &analysis.sources, diagnostics).expect("writes to memory");
    String::from_utf8(out.into_inner()).expect("UTF-8")
}

/// The codes of diagnostics, in order.
pub fn codes(diagnostics: &[Diagnostic]) -> Vec<&'static str> {
    diagnostics.iter().map(|d| d.code.as_str()).collect()
}
