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

fn good(id: &str) -> String {
    format!(
        "regulation {id} {{\n  title ru \"Пример\"\n  deadline 1 wd\n  actor s ru \"специалист\"\n  channel provider provider {{\n    step a s 30 min \"регистрирует\"\n    outcome done result\n  }}\n}}\n"
    )
}

/// Every file under `dir` (relative, sorted), the build's own bookkeeping left out.
fn files_under(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.symlink_metadata().is_ok_and(|m| m.is_dir()) {
                walk(base, &p, out);
            } else {
                out.push(p.strip_prefix(base).unwrap().display().to_string());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.retain(|f| !f.starts_with(".reglam-build."));
    out.sort();
    out
}

fn build(dir: &Path, corpus: &str, out: &str) -> (i32, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_reglam"))
        .args(["build", corpus, "--out", out, "--no-svg"])
        .current_dir(dir)
        .env("CI", "true")
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// The number of files `build` says it wrote.
fn reported_files(err: &str) -> usize {
    let at = err.find(": ").and_then(|_| err.find(" files;")).expect(err);
    let before = &err[..at];
    before[before.rfind(' ').unwrap() + 1..].parse().expect(err)
}

/// Temporary names were predictable (`.NAME.PID.tmp`) and opened following links: a planted
/// link made the write overwrite its target. The published file has normal permissions.
#[cfg(unix)]
#[test]
fn atomic_writes_never_follow_a_planted_link() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempfile::tempdir().unwrap();
    let victim = d.path().join("victim");
    std::fs::write(&victim, "precious\n").unwrap();
    let target = d.path().join("out.md");
    let planted = d.path().join(format!(".out.md.{}.tmp", std::process::id()));
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    reglam_pipeline::write_atomically(&target, b"document\n").unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious\n");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "document\n");
    // As a file made by `File::create` (0666 less the umask), not a temporary file's 0600.
    let reference = d.path().join("reference");
    std::fs::File::create(&reference).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&target), mode(&reference));
    let leftovers: Vec<_> = std::fs::read_dir(d.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .filter(|e| e.path() != planted)
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// `emit --out` replaced device nodes and links; it replaces regular files only.
#[cfg(unix)]
#[test]
fn emit_out_refuses_links_and_fifos() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("good.reglam"), good("r")).unwrap();
    let victim = d.path().join("victim");
    std::fs::write(&victim, "precious\n").unwrap();
    std::os::unix::fs::symlink(&victim, d.path().join("link.dot")).unwrap();
    let emit = |out: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_reglam"))
            .args(["emit", "dot", "good.reglam", "--out", out])
            .current_dir(d.path())
            .output()
            .unwrap();
        (
            o.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let (code, err) = emit("link.dot");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not replacing"), "{err}");
    assert!(d
        .path()
        .join("link.dot")
        .symlink_metadata()
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious\n");
    let made_fifo = Command::new("mkfifo")
        .arg(d.path().join("fifo.dot"))
        .status()
        .is_ok_and(|s| s.success());
    if made_fifo {
        let (code, err) = emit("fifo.dot");
        assert_eq!(code, 2, "{err}");
        use std::os::unix::fs::FileTypeExt;
        assert!(d
            .path()
            .join("fifo.dot")
            .symlink_metadata()
            .unwrap()
            .file_type()
            .is_fifo());
    }
    // A regular file is replaced.
    std::fs::write(d.path().join("plain.dot"), "old").unwrap();
    assert_eq!(emit("plain.dot").0, 0);
    assert!(std::fs::read_to_string(d.path().join("plain.dot"))
        .unwrap()
        .starts_with("digraph"));
}

/// `a.b.reglam` and regulation `b` of `a.reglam` both map to `a.b.…`: they silently overwrote
/// each other while `build` counted files it did not keep.
#[test]
fn two_regulations_with_one_output_name_are_an_error() {
    let d = tempfile::tempdir().unwrap();
    let corpus = d.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("a.b.reglam"), good("x")).unwrap();
    std::fs::write(
        corpus.join("a.reglam"),
        format!("{}{}", good("b"), good("c")),
    )
    .unwrap();
    let (code, err) = build(d.path(), "corpus", "out");
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("error[E029]"), "{err}");
    assert!(
        err.contains("a.reglam:1:1"),
        "located at the regulation: {err}"
    );
    let files = files_under(&d.path().join("out"));
    assert_eq!(reported_files(&err), files.len(), "{err}\n{files:?}");
    assert!(err.contains("built 2 regulations"), "{err}");
    // The first in order keeps its files; the other regulation of a.reglam is written.
    let doc = std::fs::read_to_string(d.path().join("out/a.b.ru.md")).unwrap();
    assert!(doc.contains("`x`") || doc.contains(" x"), "{doc}");
    assert!(files.contains(&"a.c.ru.md".to_string()), "{files:?}");
}

/// Stale files of removed regulations stayed; files `build` did not write are never touched.
#[test]
fn build_removes_its_stale_files_and_only_those() {
    let d = tempfile::tempdir().unwrap();
    let corpus = d.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("one.reglam"), good("one")).unwrap();
    std::fs::write(corpus.join("two.reglam"), good("two")).unwrap();
    assert_eq!(build(d.path(), "corpus", "out").0, 0);
    let out = d.path().join("out");
    assert!(out.join("two.ru.md").is_file());
    std::fs::write(out.join("notes.txt"), "mine\n").unwrap();
    std::fs::remove_file(corpus.join("two.reglam")).unwrap();
    let (code, err) = build(d.path(), "corpus", "out");
    assert_eq!(code, 0, "{err}");
    let files = files_under(&out);
    assert!(!files.iter().any(|f| f.starts_with("two.")), "{files:?}");
    assert!(files.iter().any(|f| f.starts_with("one.")), "{files:?}");
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).unwrap(),
        "mine\n"
    );
    // A file of the same name as an output, that no build wrote, is not replaced.
    let fresh = d.path().join("fresh");
    std::fs::create_dir_all(&fresh).unwrap();
    std::fs::write(fresh.join("one.ru.md"), "mine\n").unwrap();
    let (code, err) = build(d.path(), "corpus", "fresh");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not replacing"), "{err}");
    assert_eq!(
        std::fs::read_to_string(fresh.join("one.ru.md")).unwrap(),
        "mine\n"
    );
}

/// A link planted in `--out` in place of a folder led the build's writes elsewhere.
#[cfg(unix)]
#[test]
fn build_does_not_write_through_a_planted_folder_link() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(d.path().join("corpus/sub")).unwrap();
    std::fs::write(d.path().join("corpus/sub/x.reglam"), good("x")).unwrap();
    let victim = d.path().join("victim");
    std::fs::create_dir_all(&victim).unwrap();
    std::fs::create_dir_all(d.path().join("out")).unwrap();
    std::os::unix::fs::symlink(&victim, d.path().join("out/sub")).unwrap();
    let (code, err) = build(d.path(), "corpus", "out");
    assert_eq!(code, 2, "{err}");
    assert_eq!(std::fs::read_dir(&victim).unwrap().count(), 0, "{err}");
}

/// Two builds into one `--out` interleaved: a build now waits for the lock of `--out`.
#[test]
fn a_build_waits_for_another_into_the_same_out() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(d.path().join("corpus")).unwrap();
    std::fs::write(d.path().join("corpus/x.reglam"), good("x")).unwrap();
    let out = d.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let held = std::fs::File::create(out.join(".reglam-build.lock")).unwrap();
    held.lock().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_reglam"))
        .args(["build", "corpus", "--out", "out", "--no-svg"])
        .current_dir(d.path())
        .env("CI", "true")
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let early = out.join("index.md").exists();
    drop(held);
    let status = child.wait().unwrap();
    assert!(!early, "the build wrote while another held the lock");
    assert!(status.success());
    assert!(out.join("index.md").is_file());
}

/// ESC/OSC bytes of a source were echoed raw to the terminal and into Markdown; bidi
/// overrides in strings passed silently.
#[test]
fn control_and_bidi_characters_are_escaped_and_warned() {
    let d = tempfile::tempdir().unwrap();
    let src = good("r")
        .replace(
            "title ru \"Пример\"",
            "title ru \"При\u{1b}]0;pwned\u{7}мер\u{1b}[2J\"",
        )
        .replace("\"регистрирует\"", "\"регистрирует \u{202e}txt.exe\"");
    std::fs::write(d.path().join("r.reglam"), &src).unwrap();
    let raw = |s: &str| {
        s.chars()
            .any(|c| matches!(c, '\u{1b}' | '\u{7}' | '\u{202e}'))
    };
    let (_, out, err) = reglam_env(&["check", "r.reglam"], d.path());
    assert!(out.contains("warning[W070]"), "{out}{err}");
    assert!(out.contains("\\u{202e}"), "{out}");
    assert!(!raw(&out) && !raw(&err), "{out:?}{err:?}");
    let (code, md, err) = reglam_env(&["emit", "md", "r.reglam"], d.path());
    assert_eq!(code, 0, "{err}");
    assert!(!raw(&md), "{md:?}");
    assert!(md.contains("\\u{1b}") && md.contains("\\u{202e}"), "{md}");
    let (_, err) = build(d.path(), ".", "out");
    assert!(!raw(&err), "{err:?}");
    for f in ["out/index.md", "out/r.ru.md"] {
        let text = std::fs::read_to_string(d.path().join(f)).unwrap();
        assert!(!raw(&text), "{f}: {text:?}");
    }
}
