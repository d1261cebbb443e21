//! Support for the CLI's tests: the shared test kit (crates/reglam-testkit), and running the
//! real binary.
#![allow(unused_imports, dead_code)]
pub use reglam_testkit::*;

use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs `reglam ARGS` in `dir` without colour: exit code, stdout, stderr.
pub fn reglam(args: &[&str], dir: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_reglam"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A fresh, empty folder for one test, removed when the value is dropped (a test run used to
/// leave tens of megabytes behind). Use it as a `&Path`.
pub fn temp(name: &str) -> Scratch {
    let dir = tempfile::Builder::new()
        .prefix(&format!("reglam-test-{name}-"))
        .tempdir()
        .expect("temp folder");
    Scratch(dir)
}

/// A temporary folder; see [`temp`].
pub struct Scratch(tempfile::TempDir);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        self.0.path()
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        self.0.path()
    }
}
