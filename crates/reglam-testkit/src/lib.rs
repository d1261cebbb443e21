//! Test support shared by the crates' tests: the whole pipeline run in memory, as the CLI runs
//! it on disk, and the bundled corpus under `regulations/`.

use codespan_reporting::term::termcolor::NoColor;
use reglam_diagnostics::{render_human, Diagnostic};
use reglam_model::{Analysis, LoadedFile, Regulation, Workspace};
use reglam_pipeline::{DirLoader, FileSystem, MemoryFs, RealFs};
use std::path::{Path, PathBuf};

/// The repository's top folder.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the repository exists")
}

/// The pipeline's loader over the repository: imports may not leave it, and files are named
/// by their path relative to it, as imports name them.
pub fn repo_loader() -> DirLoader<RealFs> {
    let root = repo();
    DirLoader::new(RealFs, vec![root.clone()]).names_relative_to(root)
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

fn root_file(loader: &DirLoader<RealFs>, rel: &str) -> LoadedFile {
    loader
        .read_root_by_path(&repo().join(rel))
        .unwrap_or_else(|e| panic!("corpus file {rel}: {e:?}"))
}

/// One corpus file (relative to the repository) with its imports.
pub fn analyse_file(rel: &str) -> Analysis {
    let loader = repo_loader();
    let file = root_file(&loader, rel);
    let mut ws = Workspace::new(loader);
    ws.add_root(file);
    ws.finish()
}

/// The whole corpus, every file a root.
pub fn analyse_corpus() -> Analysis {
    let loader = repo_loader();
    let files: Vec<LoadedFile> = corpus_files()
        .iter()
        .map(|rel| root_file(&loader, rel))
        .collect();
    let mut ws = Workspace::new(loader);
    for f in files {
        ws.add_root(f);
    }
    ws.finish()
}

/// The folder in-memory files are under, so that an import climbing out of it is refused.
const MEMORY_ROOT: &str = "/ws";

/// Files given as (path, bytes) in a [`MemoryFs`]: the first is the root, the others
/// importable.
pub fn analyse_files(files: &[(&str, &[u8])]) -> Analysis {
    let mut fs = MemoryFs::new(MEMORY_ROOT);
    for (name, bytes) in files {
        fs.insert(name, bytes.to_vec());
    }
    // The root is taken as given (even when too large), so the workspace reports its problems.
    let key = fs
        .canonicalize(Path::new(files[0].0))
        .expect("the root was just added")
        .display()
        .to_string();
    let mut ws = Workspace::new(DirLoader::new(fs, vec![PathBuf::from(MEMORY_ROOT)]));
    ws.add_root(LoadedFile {
        key,
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
