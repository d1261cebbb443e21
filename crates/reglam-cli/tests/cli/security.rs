//! Issue 12, "Security and data loss": what the tool reads, what it writes, and what it echoes.

use std::path::Path;
use std::process::Command;

/// `reglam ARGS` in `dir` with an environment variable whose value must never be printed.
fn reglam_env(args: &[&str], dir: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_reglam"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("REGLAM_TEST_SECRET", "xyzzy-secret-value")
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A corpus file linked to `/proc/self/environ` printed the whole environment in an E001
/// snippet; one linked to a file beside the tree printed that file.
#[cfg(unix)]
#[test]
fn a_link_out_of_the_corpus_is_refused_and_never_echoed() {
    let d = tempfile::tempdir().unwrap();
    let tree = d.path().join("acts");
    std::fs::create_dir_all(&tree).unwrap();
    std::fs::write(d.path().join("secret.txt"), "xyzzy-secret-value\n").unwrap();
    std::os::unix::fs::symlink(d.path().join("secret.txt"), tree.join("beside.reglam")).unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", tree.join("environ.reglam")).unwrap();
    for args in [&["check", "acts"][..], &["check", "acts/beside.reglam"]] {
        let (exit, out, err) = reglam_env(args, d.path());
        assert_eq!(exit, 2, "{args:?}: {out}{err}");
        assert!(
            !out.contains("xyzzy") && !err.contains("xyzzy"),
            "{args:?}: {out}{err}"
        );
        assert!(err.contains("outside the tree"), "{args:?}: {err}");
    }
}

/// From the working directory `/`, `import "/etc/passwd"` was read and its first line printed.
#[cfg(unix)]
#[test]
fn an_absolute_import_is_refused_from_the_top_directory() {
    let d = tempfile::tempdir().unwrap();
    let secret = d.path().join("passwd");
    std::fs::write(&secret, "xyzzy-secret-value:x:0:0\n").unwrap();
    let act = d.path().join("acts/a.reglam");
    std::fs::create_dir_all(act.parent().unwrap()).unwrap();
    std::fs::write(&act, format!("import \"{}\"\n", secret.display())).unwrap();
    let (exit, out, err) = reglam_env(&["check", &act.display().to_string()], Path::new("/"));
    assert_eq!(exit, 1, "{out}{err}");
    assert!(out.contains("E012"), "{out}");
    assert!(
        !out.contains("xyzzy") && !err.contains("xyzzy"),
        "{out}{err}"
    );
}

/// The tree is the paths given, not the git project around the working directory.
#[test]
fn a_file_of_the_project_beside_the_tree_is_not_imported() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(d.path().join(".git")).unwrap();
    std::fs::write(d.path().join("secret.reglam"), "xyzzy-secret-value\n").unwrap();
    std::fs::create_dir_all(d.path().join("acts")).unwrap();
    std::fs::write(
        d.path().join("acts/a.reglam"),
        "import \"../secret.reglam\"\n",
    )
    .unwrap();
    let (exit, out, err) = reglam_env(&["check", "acts/a.reglam"], d.path());
    assert_eq!(exit, 1, "{out}{err}");
    assert!(out.contains("E012") && !out.contains("xyzzy"), "{out}");
    // `--root` widens the tree on purpose.
    let (_, out, _) = reglam_env(&["check", "--root", ".", "acts/a.reglam"], d.path());
    assert!(!out.contains("E012"), "{out}");
}
