//! `-` as a path: standard input, read once and shown to the pipeline as a file named
//! `<stdin>` in the current directory, so its imports resolve from there and stay inside the
//! tree (the current directory, and `--root`) like any file's.

use reglam_pipeline::{FileSystem, Kind, Metadata, RealFs};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The name standard input has in messages and reports.
pub const STDIN_NAME: &str = "<stdin>";

/// The disk, with standard input as the file `<stdin>` of the current directory when `-` was
/// given.
pub struct WithStdin {
    /// Standard input's bytes and where it stands (the current directory's `<stdin>`).
    stdin: Option<(Vec<u8>, PathBuf)>,
}

impl WithStdin {
    /// Reads standard input when `paths` has `-`, and gives `paths` with `-` renamed.
    /// Reads at most one byte more than a file may have, so a huge input is refused as too
    /// large without being held.
    pub fn new(paths: &[PathBuf]) -> io::Result<(WithStdin, Vec<PathBuf>)> {
        let dash = Path::new("-");
        if !paths.iter().any(|p| p == dash) {
            return Ok((WithStdin { stdin: None }, paths.to_vec()));
        }
        let mut bytes = Vec::new();
        io::stdin()
            .lock()
            .take(reglam_syntax::MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)?;
        let cwd = std::env::current_dir()?.canonicalize()?;
        let renamed = paths
            .iter()
            .map(|p| {
                if p == dash {
                    PathBuf::from(STDIN_NAME)
                } else {
                    p.clone()
                }
            })
            .collect();
        Ok((
            WithStdin {
                stdin: Some((bytes, cwd.join(STDIN_NAME))),
            },
            renamed,
        ))
    }

    fn stdin(&self, path: &Path) -> Option<&[u8]> {
        let (bytes, at) = self.stdin.as_ref()?;
        (path == Path::new(STDIN_NAME) || path == at).then_some(bytes.as_slice())
    }
}

impl FileSystem for WithStdin {
    fn metadata(&self, path: &Path) -> io::Result<Metadata> {
        match self.stdin(path) {
            Some(b) => Ok(Metadata {
                kind: Kind::File,
                len: b.len() as u64,
            }),
            None => RealFs.metadata(path),
        }
    }
    fn symlink_metadata(&self, path: &Path) -> io::Result<Metadata> {
        match self.stdin(path) {
            Some(_) => self.metadata(path),
            None => RealFs.symlink_metadata(path),
        }
    }
    fn read_dir(&self, path: &Path) -> io::Result<Vec<PathBuf>> {
        RealFs.read_dir(path)
    }
    fn read(&self, path: &Path, limit: u64) -> io::Result<Vec<u8>> {
        match self.stdin(path) {
            Some(b) => Ok(b[..b.len().min(limit as usize + 1)].to_vec()),
            None => RealFs.read(path, limit),
        }
    }
    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        match (self.stdin(path), &self.stdin) {
            (Some(_), Some((_, at))) => Ok(at.clone()),
            _ => RealFs.canonicalize(path),
        }
    }
    fn current_dir(&self) -> Option<PathBuf> {
        RealFs.current_dir()
    }
}
