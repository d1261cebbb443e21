//! The real binary: exit codes, formats, and bad input.

use crate::support::{reglam, temp};
use std::process::Command;

const GOOD: &str = r#"regulation r {
  title ru "Пример"
  deadline 1 wd
  actor s ru "специалист"
  channel provider provider {
    step a s 30 min "регистрирует"
    outcome done result
  }
}
"#;

const OVERRUN: &str = r#"regulation r {
  title ru "Пример"
  deadline 1 h
  actor s ru "специалист"
  channel provider provider {
    step a s 30 min "регистрирует"
    step b s 45 min "проверяет"
    outcome done result
  }
}
"#;

#[test]
fn exit_codes() {
    let d = temp("exit");
    std::fs::write(d.join("good.reglam"), GOOD).unwrap();
    std::fs::write(d.join("bad.reglam"), OVERRUN).unwrap();
    std::fs::write(
        d.join("warn.reglam"),
        GOOD.replace(
            "    step a s 30 min \"регистрирует\"\n",
            "    step a s \"регистрирует\"\n",
        ),
    )
    .unwrap();
    assert_eq!(reglam(&["check", "good.reglam"], &d).0, 0);
    assert_eq!(reglam(&["check", "bad.reglam"], &d).0, 1);
    assert_eq!(reglam(&["check", "warn.reglam"], &d).0, 0);
    assert_eq!(
        reglam(&["check", "--deny-warnings", "warn.reglam"], &d).0,
        1
    );
    assert_eq!(reglam(&["check", "missing.reglam"], &d).0, 2);
    assert_eq!(
        reglam(&["check", "--format", "nonsense", "good.reglam"], &d).0,
        2
    );
    // A directory is checked recursively, every file reported.
    let (code, out, _) = reglam(&["check", "--format", "json", "."], &d);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let codes: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"E020") && codes.contains(&"W021"),
        "{codes:?}"
    );
}

#[test]
fn json_and_sarif_snapshots() {
    let d = temp("formats");
    std::fs::write(d.join("overrun.reglam"), OVERRUN).unwrap();
    let (_, json, _) = reglam(&["check", "--format", "json", "overrun.reglam"], &d);
    insta::assert_snapshot!("json", json);
    let (_, sarif, _) = reglam(&["check", "--format", "sarif", "overrun.reglam"], &d);
    let v: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    assert_eq!(v["version"], "2.1.0");
    insta::assert_json_snapshot!("sarif", v["runs"][0]["results"]);
    let (_, human, _) = reglam(&["check", "overrun.reglam"], &d);
    insta::assert_snapshot!("human", human);
}

#[test]
fn explain_prints_the_docs() {
    let d = temp("explain");
    let (code, out, _) = reglam(&["explain", "e020"], &d);
    assert_eq!(code, 0);
    assert!(out.starts_with("## E020"), "{out}");
    // A code of the right shape that does not exist (built, so that searches for the codes the
    // crates use do not take it for one), and one of the wrong shape.
    assert_eq!(reglam(&["explain", &format!("E{}", 999)], &d).0, 2);
    assert_eq!(reglam(&["explain", "E2O"], &d).0, 2);
}

#[test]
fn one_line_of_fifty_megabytes() {
    let d = temp("huge");
    let mut text = String::from("regulation r {\n  note ru \"");
    text.push_str(&"а".repeat(25 * 1024 * 1024));
    text.push_str("\"\n}\n");
    std::fs::write(d.join("huge.reglam"), text).unwrap();
    let (exit, out, err) = reglam(&["check", "--format", "json", "huge.reglam"], &d);
    assert!(exit == 0 || exit == 1, "{err}");
    // A regulation of one note has no channel, so nothing to find (W050 and W060 are about
    // channels): the answer is a well-formed, empty JSON list, not the note echoed back.
    let head: String = out.chars().take(2000).collect();
    let json: serde_json::Value = serde_json::from_str(&out).expect(&head);
    assert_eq!(json, serde_json::json!([]), "{head}");
}

#[cfg(unix)]
#[test]
fn unreadable_directory_is_an_io_error() {
    use std::os::unix::fs::PermissionsExt;
    let d = temp("perm");
    let locked = d.join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(d.join("good.reglam"), GOOD).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads everything: then the binary runs as `nobody`, for whom the folder is locked,
    // so the test means the same whoever runs it.
    let as_root = std::fs::read_dir(&locked).is_ok();
    let (exit, _, err) = reglam_as(&["check", "."], &d, as_root.then_some(NOBODY));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(exit, 2, "{err}");
    assert!(err.contains("permission denied"), "{err}");
    assert!(err.contains("locked"), "the locked folder is named: {err}");
}

/// The user and group `nobody` (65534 on Linux).
#[cfg(unix)]
const NOBODY: u32 = 65534;

/// Runs `reglam ARGS` in `dir` as [`support::reglam`] does, as the user and group `uid` if
/// given (the test must run as root then).
#[cfg(unix)]
fn reglam_as(args: &[&str], dir: &std::path::Path, uid: Option<u32>) -> (i32, String, String) {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let Some(uid) = uid else {
        return reglam(args, dir);
    };
    // The other user may not reach the build folder (say, under /root): it runs a copy, in a
    // folder it can enter.
    let bin = dir.join("reglam-bin");
    std::fs::copy(env!("CARGO_BIN_EXE_reglam"), &bin).expect("the binary is copied");
    for (path, mode) in [(dir, 0o755), (bin.as_path(), 0o755)] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    let out = Command::new(&bin)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .uid(uid)
        .gid(uid)
        .output()
        .expect("the binary runs as another user");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn summary_shows_the_slack_of_fitting_paths() {
    let d = temp("summary");
    std::fs::write(d.join("good.reglam"), GOOD).unwrap();
    std::fs::write(d.join("bad.reglam"), OVERRUN).unwrap();
    let (_, out, _) = reglam(&["check", "--summary", "good.reglam", "bad.reglam"], &d);
    // 30 minutes of a 1 working day deadline: 7 h 30 min to spare; 75 minutes of 1 hour: over by 15.
    assert!(out.contains("fits, 7 hours 30 minutes to spare"), "{out}");
    assert!(out.contains("OVERRUNS by 15 minutes"), "{out}");
}

/// A corpus checked in several parts reports the same findings as in one, each once: a
/// Standard imported by every part is not reported again.
#[test]
fn checking_in_parts_reports_each_finding_once() {
    let repo = reglam_testkit::repo();
    let run = |chunk: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_reglam"))
            .args(["check", "--format", "json", "regulations"])
            .current_dir(&repo)
            .env("REGLAM_CHUNK", chunk)
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut items: Vec<String> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d.to_string())
            .collect();
        items.sort();
        items
    };
    let whole = run("100000");
    let parts = run("7");
    assert!(
        whole.iter().any(|d| d.contains("standards/")),
        "the Standard has findings"
    );
    assert_eq!(whole, parts);
}
