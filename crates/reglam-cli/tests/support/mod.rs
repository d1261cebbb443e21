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

/// A fresh, empty folder for one test of this process.
pub fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("reglam-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp folder");
    d
}
