//! From the paths a run is given to the files it reads and the tree imports may not leave.

use crate::fs::{DirLoader, FileSystem, Kind, RealFs};
use reglam_diagnostics::ReadFailure;
use reglam_model::{Analysis, LoadError, Workspace};
use std::path::{Path, PathBuf};

/// A path that could not be read, and why. A run with one exits with code 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The path as given or found.
    pub path: String,
    pub failure: ReadFailure,
}

/// The files a run will read, and the folders imports may not leave.
pub struct Inputs<F: FileSystem = RealFs> {
    fs: F,
    /// Every `*.reglam` file under the paths given, sorted.
    pub files: Vec<PathBuf>,
    /// The canonical folders imports may not leave.
    pub roots: Vec<PathBuf>,
    /// Problems with the paths given.
    pub errors: Vec<InputError>,
}

fn input_error(path: &Path, e: &std::io::Error) -> InputError {
    InputError {
        path: path.display().to_string(),
        failure: ReadFailure::from_io(e),
    }
}

/// Finds the files under `paths`. The tree files and imports may not leave (once links are
/// followed) is the paths given (a file's folder), and `root` when given: never more than was
/// asked for, so neither a link in the corpus nor an import reads a file elsewhere.
pub fn discover<F: FileSystem>(fs: F, paths: &[PathBuf], root: Option<PathBuf>) -> Inputs<F> {
    let mut errors = Vec::new();
    let mut files = Vec::new();
    let mut roots = Vec::new();
    if let Some(r) = root {
        match fs.canonicalize(&r) {
            Ok(c) => roots.push(c),
            Err(e) => errors.push(input_error(&r, &e)),
        }
    }
    for p in paths {
        match fs.metadata(p) {
            Err(e) => errors.push(input_error(p, &e)),
            Ok(m) if m.kind == Kind::Dir => {
                if let Ok(c) = fs.canonicalize(p) {
                    roots.push(c);
                }
                walk(&fs, p, &mut files, &mut errors);
            }
            Ok(_) => {
                // The folder the path names, not the one its link leads to: a file given is
                // judged as the files of a walk are.
                let folder = match p.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d,
                    _ => Path::new("."),
                };
                if let Ok(c) = fs.canonicalize(folder) {
                    roots.push(c);
                }
                files.push(p.clone());
            }
        }
    }
    // Sorted so output is the same whatever order the file system lists files in.
    files.sort();
    files.dedup();
    Inputs {
        fs,
        files,
        roots,
        errors,
    }
}

impl<F: FileSystem> Inputs<F> {
    /// The file system the inputs were found on.
    pub fn fs(&self) -> &F {
        &self.fs
    }

    /// A loader confined to the inputs' tree.
    pub fn loader(&self) -> DirLoader<&F> {
        DirLoader::new(&self.fs, self.roots.clone())
    }

    /// Reads and analyses some of the files (with their imports). Returns the problems with
    /// those files separately (a file too large carries [`ReadFailure::TooLarge`]).
    pub fn analyse(&self, files: &[PathBuf]) -> (Analysis, Vec<InputError>) {
        let mut errors = Vec::new();
        let loader = self.loader();
        let mut loaded_files = Vec::with_capacity(files.len());
        for f in files {
            let name = f.display().to_string();
            match loader.read_inside(f, name.clone()) {
                Ok(loaded) => loaded_files.push(loaded),
                Err(LoadError::TooLarge(size)) => errors.push(InputError {
                    path: name,
                    failure: ReadFailure::TooLarge { size },
                }),
                Err(LoadError::Unreadable(failure)) => errors.push(InputError {
                    path: name,
                    failure,
                }),
                Err(LoadError::Outside) => errors.push(InputError {
                    path: name,
                    failure: ReadFailure::Outside,
                }),
            }
        }
        let mut ws = Workspace::new(loader);
        // Parsed on all cores; the order of files (and so of the output) stays the sorted one.
        ws.add_roots(loaded_files);
        (ws.finish(), errors)
    }
}

/// Finds the files under `paths`, reads them, and analyses them with their imports. Returns
/// the problems with the paths given separately.
pub fn analyse_paths<F: FileSystem>(
    fs: F,
    paths: &[PathBuf],
    root: Option<PathBuf>,
) -> (Analysis, Vec<InputError>) {
    let inputs = discover(fs, paths, root);
    let (analysis, more) = inputs.analyse(&inputs.files);
    let mut errors = inputs.errors;
    errors.extend(more);
    (analysis, errors)
}

fn walk<F: FileSystem>(fs: &F, dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
    let entries = match fs.read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(input_error(dir, &e));
            return;
        }
    };
    for p in entries {
        // Symbolic links are not followed into directories, so a link loop cannot hang a run;
        // a link to a file is judged where it leads when the file is read (`read_inside`).
        let Ok(meta) = fs.symlink_metadata(&p) else {
            continue;
        };
        if meta.kind == Kind::Dir {
            walk(fs, &p, files, errors);
        } else if p.extension().is_some_and(|e| e == "reglam") {
            files.push(p);
        }
    }
}
