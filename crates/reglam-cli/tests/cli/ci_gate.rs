//! Issue 12, "A CI that can gate on the corpus": `--color`, `-` for standard input, an empty
//! run as a usage error, and the GitHub and GitLab report formats.

use crate::support::{acknowledged, reglam, temp, OVERRUN};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// `reglam ARGS` in `dir` with exactly the colour variables given, and `stdin` as input.
fn run(args: &[&str], dir: &Path, env: &[(&str, &str)], stdin: &str) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_reglam"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("the binary runs");
    // The binary may not read it all (no `-` given): a closed pipe is no failure here.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().expect("the binary ends");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn coloured(out: &str) -> bool {
    out.contains("\x1b[")
}

#[test]
fn color_follows_the_flag_no_color_and_clicolor_force() {
    let d = temp("color");
    std::fs::write(d.join("act.reglam"), OVERRUN).unwrap();
    let check = |extra: &[&str], env: &[(&str, &str)]| {
        let mut args = vec!["check"];
        args.extend_from_slice(extra);
        args.push("act.reglam");
        let (code, out, err) = run(&args, &d, env, "");
        assert_eq!(code, 1, "{extra:?} {env:?}: {out}{err}");
        assert!(out.contains("E020"), "{out}");
        coloured(&out)
    };
    // Not a terminal: `auto` is plain.
    assert!(!check(&[], &[]));
    assert!(!check(&["--color", "auto"], &[]));
    assert!(check(&["--color", "always"], &[]));
    // The flag overrides the environment (no-color.org).
    assert!(check(&["--color", "always"], &[("NO_COLOR", "1")]));
    assert!(!check(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]));
    assert!(check(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!check(&[], &[("CLICOLOR_FORCE", "0")]));
    assert!(!check(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
    // NO_COLOR set but empty is as if unset.
    assert!(check(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "")]));
    // Colour is for the human format only.
    let (_, out, _) = run(
        &[
            "check",
            "--color",
            "always",
            "--format",
            "json",
            "act.reglam",
        ],
        &d,
        &[],
        "",
    );
    assert!(!coloured(&out), "{out}");
}

#[test]
fn a_dash_reads_standard_input_named_stdin_and_its_imports_stay_in_the_tree() {
    let d = temp("stdin");
    std::fs::create_dir_all(d.join("acts/std")).unwrap();
    std::fs::write(d.join("secret.reglam"), "xyzzy-secret-value\n").unwrap();
    std::fs::write(d.join("acts/std/b.reglam"), "unreadable statement here\n").unwrap();
    let acts = d.join("acts");
    let (code, out, err) = run(&["check", "-"], &acts, &[("NO_COLOR", "1")], OVERRUN);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("error[E020]") && out.contains("<stdin>:"),
        "{out}"
    );
    assert!(err.contains("checked 1 file: 1 error"), "{err}");
    let (_, out, _) = run(&["check", "--format", "json", "-"], &acts, &[], OVERRUN);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json[0]["file"], "<stdin>");
    // Imports resolve from the current directory…
    let (_, out, err) = run(
        &["check", "-"],
        &acts,
        &[("NO_COLOR", "1")],
        "import \"std/b.reglam\"\n",
    );
    assert!(out.contains("std/b.reglam:1"), "{out}{err}");
    // …and may not leave it.
    let (code, out, err) = run(
        &["check", "-"],
        &acts,
        &[("NO_COLOR", "1")],
        "import \"../secret.reglam\"\n",
    );
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("E012") && !out.contains("xyzzy"), "{out}");
    // With files beside it.
    std::fs::write(acts.join("act.reglam"), OVERRUN).unwrap();
    let (_, _, err) = run(
        &["check", "act.reglam", "-"],
        &acts,
        &[("NO_COLOR", "1")],
        OVERRUN,
    );
    assert!(err.contains("checked 2 files: 2 errors"), "{err}");
}

#[test]
fn checking_no_file_is_a_usage_error() {
    let d = temp("empty");
    std::fs::create_dir_all(d.join("emptydir")).unwrap();
    std::fs::write(d.join("emptydir/notes.txt"), "not a regulation").unwrap();
    for format in ["human", "json", "sarif", "github", "gitlab"] {
        let (code, out, err) = reglam(&["check", "--format", format, "emptydir/"], &d);
        assert_eq!(code, 2, "{format}: {out}{err}");
        assert!(out.is_empty(), "{format}: {out}");
        assert!(err.contains("error: checked 0 files"), "{err}");
    }
}

#[test]
fn github_annotations() {
    let d = temp("github");
    std::fs::write(d.join("act.reglam"), OVERRUN).unwrap();
    std::fs::write(d.join("known.reglam"), acknowledged(OVERRUN)).unwrap();
    let (code, out, err) = reglam(&["check", "--format", "github", "."], &d);
    assert_eq!(code, 1, "{out}{err}");
    // The acknowledged finding of known.reglam is left out.
    assert!(!out.contains("known.reglam"), "{out}");
    assert!(out.lines().all(|l| l.starts_with("::")), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn gitlab_code_quality_report() {
    let d = temp("gitlab");
    std::fs::write(d.join("act.reglam"), OVERRUN).unwrap();
    std::fs::write(d.join("known.reglam"), acknowledged(OVERRUN)).unwrap();
    let (code, out, err) = reglam(&["check", "--format", "gitlab", "."], &d);
    assert_eq!(code, 1, "{out}{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let issues = report.as_array().unwrap();
    assert!(!issues.is_empty());
    for i in issues {
        assert_eq!(
            i["location"]["path"], "act.reglam",
            "acknowledged left out: {i}"
        );
        for field in ["description", "check_name", "fingerprint", "severity"] {
            assert!(i[field].is_string(), "{field}: {i}");
        }
        assert!(i["location"]["lines"]["begin"].is_u64(), "{i}");
    }
    // Stable: a line added above keeps every fingerprint.
    std::fs::write(d.join("act.reglam"), format!("# a comment\n{OVERRUN}")).unwrap();
    let (_, moved, _) = reglam(&["check", "--format", "gitlab", "."], &d);
    let moved: serde_json::Value = serde_json::from_str(&moved).unwrap();
    let prints = |r: &serde_json::Value| -> Vec<String> {
        r.as_array()
            .unwrap()
            .iter()
            .map(|i| i["fingerprint"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(prints(&report), prints(&moved));
    insta::assert_snapshot!(out);
}

/// Standard input is bounded as a file is: an endless stream is refused, not held.
#[test]
fn standard_input_larger_than_a_file_may_be_is_refused() {
    let d = temp("stdin-large");
    let huge = "#".repeat(64 * 1024 * 1024 + 10);
    let (code, out, err) = run(&["check", "-"], &d, &[("NO_COLOR", "1")], &huge);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("cannot read <stdin>"), "{err}");
}
