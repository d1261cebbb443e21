//! The file system side: finding `*.reglam` files and reading imports. The core crates see
//! only the `Loader` trait.

use reglam_diagnostics::ReadFailure;
use reglam_model::{Analysis, LoadError, LoadedFile, Loader, Workspace};
use reglam_syntax::MAX_FILE_BYTES;
use std::path::{Path, PathBuf};

struct FsLoader {
    /// Imports may not leave these directories.
    roots: Vec<PathBuf>,
}

impl FsLoader {
    fn inside(&self, path: &Path) -> bool {
        self.roots.iter().any(|r| path.starts_with(r))
    }
}

fn read(path: &Path, name: String) -> Result<LoadedFile, LoadError> {
    let meta =
        std::fs::metadata(path).map_err(|e| LoadError::Unreadable(ReadFailure::from_io(&e)))?;
    if !meta.is_file() {
        return Err(LoadError::Unreadable(ReadFailure::NotAFile));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge(meta.len()));
    }
    let bytes = std::fs::read(path).map_err(|e| LoadError::Unreadable(ReadFailure::from_io(&e)))?;
    let key = path
        .canonicalize()
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string();
    Ok(LoadedFile { key, name, bytes })
}

impl Loader for FsLoader {
    fn load(&mut self, from: &str, path: &str) -> Result<LoadedFile, LoadError> {
        let base = Path::new(from).parent().unwrap_or(Path::new("."));
        // Judge the path as written first, so that an import outside the tree is refused the
        // same way whether or not the file exists there (nothing is learnt about outside files).
        if !self.inside(&normalize(&base.join(path))) {
            return Err(LoadError::Outside);
        }
        let canonical = base
            .join(path)
            .canonicalize()
            .map_err(|e| LoadError::Unreadable(ReadFailure::from_io(&e)))?;
        // And again after links are followed, so a link cannot lead out either.
        if !self.inside(&canonical) {
            return Err(LoadError::Outside);
        }
        read(&canonical, display_name(&canonical))
    }
}

/// Resolves `.` and `..` without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// A path relative to the current directory when it is inside it: shorter messages.
fn display_name(path: &Path) -> String {
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|c| c.canonicalize().ok());
    match cwd.and_then(|c| path.strip_prefix(&c).ok().map(Path::to_path_buf)) {
        Some(rel) => rel.display().to_string(),
        None => path.display().to_string(),
    }
}

/// The files a run will read, and the folders imports may not leave.
pub struct Inputs {
    /// Every `*.reglam` file under the paths given, sorted.
    pub files: Vec<PathBuf>,
    roots: Vec<PathBuf>,
    /// Problems with the paths given (exit code 2).
    pub io_errors: Vec<String>,
}

/// Finds the files under `paths`.
pub fn discover(paths: &[PathBuf], root: Option<PathBuf>) -> Inputs {
    let mut io_errors = Vec::new();
    let mut files = Vec::new();
    let mut roots = Vec::new();
    if let Some(r) = root.and_then(|r| r.canonicalize().ok()) {
        roots.push(r);
    } else if let Ok(c) = std::env::current_dir().and_then(|c| c.canonicalize()) {
        roots.push(project_root(&c));
    }
    for p in paths {
        match std::fs::metadata(p) {
            Err(e) => io_errors.push(format!(
                "cannot read {}: {}",
                p.display(),
                reglam_diagnostics::words::read_failure(&ReadFailure::from_io(&e))
            )),
            Ok(m) if m.is_dir() => {
                if let Ok(c) = p.canonicalize() {
                    roots.push(c);
                }
                walk(p, &mut files, &mut io_errors);
            }
            Ok(_) => {
                if let Some(parent) = p
                    .canonicalize()
                    .ok()
                    .and_then(|c| c.parent().map(Path::to_path_buf))
                {
                    roots.push(parent);
                }
                files.push(p.clone());
            }
        }
    }
    // Sorted so output is the same whatever order the file system lists files in.
    files.sort();
    files.dedup();
    Inputs {
        files,
        roots,
        io_errors,
    }
}

impl Inputs {
    /// Reads and analyses some of the files (with their imports). Returns the I/O problems
    /// with those files separately.
    pub fn analyse(&self, files: &[PathBuf]) -> (Analysis, Vec<String>) {
        let mut io_errors = Vec::new();
        let mut ws = Workspace::new(FsLoader {
            roots: self.roots.clone(),
        });
        let mut loaded_files = Vec::with_capacity(files.len());
        for f in files {
            let name = f.display().to_string();
            match read(f, name.clone()) {
                Ok(loaded) => loaded_files.push(loaded),
                Err(LoadError::TooLarge(size)) => io_errors.push(format!(
                    "cannot read {name}: the file is {size} bytes, more than the {MAX_FILE_BYTES} Reglam reads"
                )),
                Err(LoadError::Unreadable(reason)) => io_errors.push(format!(
                    "cannot read {name}: {}",
                    reglam_diagnostics::words::read_failure(&reason)
                )),
                Err(LoadError::Outside) => {}
            }
        }
        // Parsed on all cores; the order of files (and so of the output) stays the sorted one.
        ws.add_roots(loaded_files);
        (ws.finish(), io_errors)
    }
}

/// Finds the files under `paths`, reads them, and analyses them with their imports. Returns
/// the I/O problems with the paths given (exit code 2) separately.
pub fn analyse_paths(paths: &[PathBuf], root: Option<PathBuf>) -> (Analysis, Vec<String>) {
    let inputs = discover(paths, root);
    let (analysis, more) = inputs.analyse(&inputs.files);
    let mut io_errors = inputs.io_errors;
    io_errors.extend(more);
    (analysis, io_errors)
}

/// The project a directory belongs to: the nearest ancestor holding `.git` (so a drafter can
/// check one file from inside an act's folder and still import `../standards/…`), else the
/// directory itself.
fn project_root(dir: &Path) -> PathBuf {
    dir.ancestors()
        .find(|a| a.join(".git").exists())
        .unwrap_or(dir)
        .to_path_buf()
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, io_errors: &mut Vec<String>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            io_errors.push(format!(
                "cannot read {}: {}",
                dir.display(),
                reglam_diagnostics::words::read_failure(&ReadFailure::from_io(&e))
            ));
            return;
        }
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        // Symbolic links are not followed into directories, so a link loop cannot hang a run.
        let Ok(meta) = std::fs::symlink_metadata(&p) else {
            continue;
        };
        if meta.is_dir() {
            walk(&p, files, io_errors);
        } else if p.extension().is_some_and(|e| e == "reglam") {
            files.push(p);
        }
    }
}

/// Files analysed together. A corpus larger than this is processed part by part, so memory
/// stays bounded however many files there are. `REGLAM_CHUNK` overrides it (the tests use it
/// to exercise several parts on a small corpus).
pub fn part_size() -> usize {
    const PART: usize = 1000;
    std::env::var("REGLAM_CHUNK")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|c| *c > 0)
        .unwrap_or(PART)
}

/// The files in parts of [`part_size`]; an empty list is one empty part, so a run still reports.
pub fn parts(files: &[PathBuf]) -> Vec<&[PathBuf]> {
    if files.is_empty() {
        vec![&[]]
    } else {
        files.chunks(part_size()).collect()
    }
}

/// One part of a run: analysed and checked, with only the findings new to the run, counted.
pub struct Part {
    pub analysis: Analysis,
    pub diagnostics: Vec<reglam_diagnostics::Diagnostic>,
    pub errors: usize,
    pub warnings: usize,
}

impl Inputs {
    /// Analyses and checks `files`; I/O problems go to `io_errors`.
    pub fn check_part(
        &self,
        files: &[PathBuf],
        reported: &mut ReportedOnce,
        io_errors: &mut Vec<String>,
    ) -> Part {
        let (analysis, more) = self.analyse(files);
        io_errors.extend(more);
        let mut diagnostics = reglam_check::check(&analysis);
        reported.retain_new(&analysis, &mut diagnostics);
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = diagnostics.len() - errors;
        Part {
            analysis,
            diagnostics,
            errors,
            warnings,
        }
    }
}

/// Keeps only the diagnostics not reported by an earlier part: a file imported by several
/// parts (a Standard) comes back with each, and again in the part where it is itself a root.
#[derive(Default)]
pub struct ReportedOnce {
    seen: std::collections::HashSet<(String, u32, u32, &'static str, String)>,
}

impl ReportedOnce {
    pub fn retain_new(
        &mut self,
        analysis: &Analysis,
        diagnostics: &mut Vec<reglam_diagnostics::Diagnostic>,
    ) {
        diagnostics.retain(|d| {
            self.seen.insert((
                analysis.sources.name(d.primary.span.file).to_string(),
                d.primary.span.start,
                d.primary.span.end,
                d.code.as_str(),
                d.message.clone(),
            ))
        });
    }
}
