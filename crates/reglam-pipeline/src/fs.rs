//! The file system as the pipeline sees it: a trait with the disk ([`RealFs`]) and memory
//! ([`MemoryFs`]: tests, an editor's unsaved buffers) behind it, and [`DirLoader`], the
//! model's [`Loader`] over any of them.

use reglam_diagnostics::ReadFailure;
use reglam_model::{LoadError, LoadedFile, Loader};
use reglam_syntax::MAX_FILE_BYTES;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

/// What a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    File,
    Dir,
    /// A symbolic link (only from [`FileSystem::symlink_metadata`]), a device, a socket…
    Other,
}

/// What the pipeline needs to know about a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Metadata {
    pub kind: Kind,
    /// The size in bytes.
    pub len: u64,
}

/// The file system operations the pipeline uses. Errors are `std::io` errors so both
/// implementations report the same [`ReadFailure`]s.
pub trait FileSystem {
    /// What `path` names, links followed.
    fn metadata(&self, path: &Path) -> io::Result<Metadata>;
    /// What `path` names, links not followed.
    fn symlink_metadata(&self, path: &Path) -> io::Result<Metadata>;
    /// The entries of a directory, sorted, so every run sees the same order.
    fn read_dir(&self, path: &Path) -> io::Result<Vec<PathBuf>>;
    /// At most `limit + 1` bytes of a file: enough to tell that it is larger than `limit`
    /// without reading all of a huge (or growing) file.
    fn read(&self, path: &Path, limit: u64) -> io::Result<Vec<u8>>;
    /// The absolute path with `.`, `..` and links resolved; an error when it does not exist.
    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf>;
    /// The canonical current directory, if there is one.
    fn current_dir(&self) -> Option<PathBuf>;
}

impl<F: FileSystem + ?Sized> FileSystem for &F {
    fn metadata(&self, path: &Path) -> io::Result<Metadata> {
        (**self).metadata(path)
    }
    fn symlink_metadata(&self, path: &Path) -> io::Result<Metadata> {
        (**self).symlink_metadata(path)
    }
    fn read_dir(&self, path: &Path) -> io::Result<Vec<PathBuf>> {
        (**self).read_dir(path)
    }
    fn read(&self, path: &Path, limit: u64) -> io::Result<Vec<u8>> {
        (**self).read(path, limit)
    }
    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        (**self).canonicalize(path)
    }
    fn current_dir(&self) -> Option<PathBuf> {
        (**self).current_dir()
    }
}

/// The disk.
#[derive(Debug, Clone, Copy, Default)]
pub struct RealFs;

fn meta_of(m: &std::fs::Metadata) -> Metadata {
    let kind = if m.is_file() {
        Kind::File
    } else if m.is_dir() {
        Kind::Dir
    } else {
        Kind::Other
    };
    Metadata { kind, len: m.len() }
}

impl FileSystem for RealFs {
    fn metadata(&self, path: &Path) -> io::Result<Metadata> {
        std::fs::metadata(path).map(|m| meta_of(&m))
    }
    fn symlink_metadata(&self, path: &Path) -> io::Result<Metadata> {
        std::fs::symlink_metadata(path).map(|m| meta_of(&m))
    }
    fn read_dir(&self, path: &Path) -> io::Result<Vec<PathBuf>> {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        Ok(entries)
    }
    fn read(&self, path: &Path, limit: u64) -> io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        std::fs::File::open(path)?
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)?;
        Ok(bytes)
    }
    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        path.canonicalize()
    }
    fn current_dir(&self) -> Option<PathBuf> {
        std::env::current_dir()
            .ok()
            .and_then(|c| c.canonicalize().ok())
    }
}

/// Files held in memory under absolute paths; relative paths are taken from its current
/// directory (`/` unless set). Folders exist where files are, or where added.
#[derive(Debug, Clone)]
pub struct MemoryFs {
    files: BTreeMap<PathBuf, Vec<u8>>,
    dirs: BTreeSet<PathBuf>,
    unreadable: BTreeSet<PathBuf>,
    cwd: PathBuf,
}

impl Default for MemoryFs {
    fn default() -> Self {
        MemoryFs::new("/")
    }
}

impl MemoryFs {
    /// An empty file system whose current directory is `cwd` (made absolute under `/`).
    pub fn new(cwd: impl AsRef<Path>) -> Self {
        let cwd = normalize(&Path::new("/").join(cwd));
        let mut fs = MemoryFs {
            files: BTreeMap::new(),
            dirs: BTreeSet::new(),
            unreadable: BTreeSet::new(),
            cwd: PathBuf::new(),
        };
        fs.add_dir(&cwd);
        fs.cwd = cwd;
        fs
    }

    fn absolute(&self, path: &Path) -> PathBuf {
        normalize(&self.cwd.join(path))
    }

    /// Adds (or replaces) a file, and the folders above it.
    pub fn insert(&mut self, path: impl AsRef<Path>, bytes: impl Into<Vec<u8>>) -> &mut Self {
        let path = self.absolute(path.as_ref());
        if let Some(parent) = path.parent() {
            self.add_dir(parent);
        }
        self.files.insert(path, bytes.into());
        self
    }

    /// Adds an empty folder (and the folders above it).
    pub fn add_dir(&mut self, path: impl AsRef<Path>) -> &mut Self {
        let path = self.absolute(path.as_ref());
        for a in path.ancestors() {
            self.dirs.insert(a.to_path_buf());
        }
        self
    }

    /// Makes a file or folder unreadable, as a file without read permission is on disk.
    pub fn deny(&mut self, path: impl AsRef<Path>) -> &mut Self {
        let path = self.absolute(path.as_ref());
        self.unreadable.insert(path);
        self
    }

    fn find(&self, path: &Path) -> io::Result<(PathBuf, Metadata)> {
        let path = self.absolute(path);
        if let Some(bytes) = self.files.get(&path) {
            let len = bytes.len() as u64;
            return Ok((
                path,
                Metadata {
                    kind: Kind::File,
                    len,
                },
            ));
        }
        if self.dirs.contains(&path) {
            return Ok((
                path,
                Metadata {
                    kind: Kind::Dir,
                    len: 0,
                },
            ));
        }
        Err(io::ErrorKind::NotFound.into())
    }

    fn readable(&self, path: &Path) -> io::Result<()> {
        if self.unreadable.contains(path) {
            Err(io::ErrorKind::PermissionDenied.into())
        } else {
            Ok(())
        }
    }
}

impl FileSystem for MemoryFs {
    fn metadata(&self, path: &Path) -> io::Result<Metadata> {
        self.find(path).map(|(_, m)| m)
    }
    // Memory holds no links.
    fn symlink_metadata(&self, path: &Path) -> io::Result<Metadata> {
        self.metadata(path)
    }
    fn read_dir(&self, path: &Path) -> io::Result<Vec<PathBuf>> {
        let (dir, meta) = self.find(path)?;
        if meta.kind != Kind::Dir {
            return Err(io::Error::other("not a directory"));
        }
        self.readable(&dir)?;
        // Entries keep the spelling of the path asked for, as the disk's do.
        let children = self
            .files
            .keys()
            .chain(self.dirs.iter())
            .filter(|p| p.parent() == Some(dir.as_path()))
            .filter_map(|p| p.file_name().map(|n| path.join(n)));
        let mut out: Vec<PathBuf> = children.collect();
        out.sort();
        out.dedup();
        Ok(out)
    }
    fn read(&self, path: &Path, limit: u64) -> io::Result<Vec<u8>> {
        let (p, meta) = self.find(path)?;
        if meta.kind != Kind::File {
            return Err(io::Error::other("is a directory"));
        }
        self.readable(&p)?;
        let bytes = &self.files[&p];
        let keep = bytes
            .len()
            .min(usize::try_from(limit.saturating_add(1)).unwrap_or(usize::MAX));
        Ok(bytes[..keep].to_vec())
    }
    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        self.find(path).map(|(p, _)| p)
    }
    fn current_dir(&self) -> Option<PathBuf> {
        Some(self.cwd.clone())
    }
}

/// Resolves `.` and `..` without touching the file system.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Reads a whole file of at most [`MAX_FILE_BYTES`]: a folder, a file too large or one that
/// cannot be read is a [`LoadError`], never a panic.
pub fn read_bounded(fs: &impl FileSystem, path: &Path) -> Result<Vec<u8>, LoadError> {
    let unreadable = |e: io::Error| LoadError::Unreadable(ReadFailure::from_io(&e));
    let meta = fs.metadata(path).map_err(unreadable)?;
    if meta.kind != Kind::File {
        return Err(LoadError::Unreadable(ReadFailure::NotAFile));
    }
    if meta.len > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge(meta.len));
    }
    let bytes = fs.read(path, MAX_FILE_BYTES).map_err(unreadable)?;
    // The file may have grown since its size was asked.
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The model's [`Loader`] over a [`FileSystem`]: imports are resolved from the importing file's
/// folder and may not leave the roots (neither as written nor once links are followed).
/// Keys are canonical paths; names are relative to the current directory when inside it.
pub struct DirLoader<F: FileSystem> {
    fs: F,
    /// Imports may not leave these directories.
    roots: Vec<PathBuf>,
    /// Names are given relative to this directory.
    names_from: Option<PathBuf>,
}

impl<F: FileSystem> DirLoader<F> {
    /// A loader confined to `roots` (canonical paths), naming files from the current directory.
    pub fn new(fs: F, roots: Vec<PathBuf>) -> Self {
        let names_from = fs.current_dir();
        DirLoader {
            fs,
            roots,
            names_from,
        }
    }

    /// Names files relative to `dir` instead of the current directory.
    pub fn names_relative_to(mut self, dir: PathBuf) -> Self {
        self.names_from = Some(dir);
        self
    }

    /// The file system it reads.
    pub fn fs(&self) -> &F {
        &self.fs
    }

    fn inside(&self, path: &Path) -> bool {
        self.roots.iter().any(|r| path.starts_with(r))
    }

    /// Reads a file (not confined to the roots: the caller has judged it), named `name` in
    /// messages.
    pub fn read_root(&self, path: &Path, name: String) -> Result<LoadedFile, LoadError> {
        let bytes = read_bounded(&self.fs, path)?;
        let key = self
            .fs
            .canonicalize(path)
            .unwrap_or_else(|_| path.to_path_buf())
            .display()
            .to_string();
        Ok(LoadedFile { key, name, bytes })
    }

    /// Reads a file given to check or found by a walk, refused unread ([`LoadError::Outside`])
    /// when it is, once links are followed, outside the roots.
    pub fn read_inside(&self, path: &Path, name: String) -> Result<LoadedFile, LoadError> {
        let canonical = self
            .fs
            .canonicalize(path)
            .map_err(|e| LoadError::Unreadable(ReadFailure::from_io(&e)))?;
        if !self.inside(&canonical) {
            return Err(LoadError::Outside);
        }
        self.read_root(&canonical, name)
    }

    /// Reads a file given to check, named as an import of it would be.
    pub fn read_root_by_path(&self, path: &Path) -> Result<LoadedFile, LoadError> {
        let canonical = self.fs.canonicalize(path).unwrap_or_else(|_| path.into());
        self.read_root(path, self.display_name(&canonical))
    }

    /// A path relative to the naming directory when it is inside it: shorter messages.
    fn display_name(&self, path: &Path) -> String {
        match self
            .names_from
            .as_ref()
            .and_then(|c| path.strip_prefix(c).ok())
        {
            Some(rel) => rel.display().to_string(),
            None => path.display().to_string(),
        }
    }
}

impl<F: FileSystem> Loader for DirLoader<F> {
    fn load(&mut self, from: &str, path: &str) -> Result<LoadedFile, LoadError> {
        let base = Path::new(from).parent().unwrap_or(Path::new("."));
        // Judge the path as written first, so that an import outside the tree is refused the
        // same way whether or not the file exists there (nothing is learnt about outside files).
        if !self.inside(&normalize(&base.join(path))) {
            return Err(LoadError::Outside);
        }
        let canonical = self
            .fs
            .canonicalize(&base.join(path))
            .map_err(|e| LoadError::Unreadable(ReadFailure::from_io(&e)))?;
        // And again after links are followed, so a link cannot lead out either.
        if !self.inside(&canonical) {
            return Err(LoadError::Outside);
        }
        let name = self.display_name(&canonical);
        self.read_root(&canonical, name)
    }
}
