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

/// A regulation whose path (75 min) overruns its deadline (1 h): an E020 of the act.
pub const OVERRUN: &str = r#"regulation r {
  title ru "Пример"
  deadline 1 h
  actor s ru "специалист"
  channel provider provider {
    step a s 30 min "регистрирует"
    step b s 45 min "проверяет"
    outcome done result @5.2
  }
}
"#;

/// `text` (such as [`OVERRUN`]) with its overrun acknowledged as the act's own.
pub fn acknowledged(text: &str) -> String {
    text.replace(
        "    outcome done result @5.2\n",
        "    outcome done result @5.2\n    acknowledge E020 done \"the act's steps add up to more\" @5.1\n",
    )
}
