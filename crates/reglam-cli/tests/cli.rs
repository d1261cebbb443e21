//! The real binary: exit codes, formats, and bad input.

mod support;
use std::process::Command;
use support::{reglam, temp};

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
fn bad_input_gets_a_diagnostic_never_a_panic() {
    let d = temp("bad");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.reglam", vec![], "W001"),
        ("bom.reglam", b"\xEF\xBB\xBF".to_vec(), "W001"),
        (
            "utf8.reglam",
            b"regulation r {\n title ru \"\xD0\x9F\xFF\"\n}\n".to_vec(),
            "E002",
        ),
        ("nul.reglam", b"regulation r {\0}".to_vec(), "E001"),
        (
            "deep.reglam",
            ("a {".repeat(100_000) + &"}".repeat(100_000)).into_bytes(),
            "E005",
        ),
        ("self.reglam", b"import \"self.reglam\"\n".to_vec(), "E011"),
        (
            "outside.reglam",
            b"import \"../../../../../../../../etc/hostname\"\n".to_vec(),
            "E012",
        ),
        (
            "nofile.reglam",
            b"import \"nothere.reglam\"\n".to_vec(),
            "E010",
        ),
    ];
    for (name, bytes, code) in &cases {
        std::fs::write(d.join(name), bytes).unwrap();
        let (exit, out, err) = reglam(&["check", "--format", "json", name], &d);
        assert!(exit == 0 || exit == 1, "{name}: exit {exit}\n{err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert!(
            out.contains(&format!("\"code\": \"{code}\"")),
            "{name}: expected {code}\n{out}"
        );
    }
    // Two files importing each other.
    std::fs::write(d.join("a.reglam"), "import \"b.reglam\"\n").unwrap();
    std::fs::write(d.join("b.reglam"), "import \"a.reglam\"\n").unwrap();
    let (_, out, _) = reglam(&["check", "--format", "json", "a.reglam"], &d);
    assert!(out.contains("E011"), "{out}");
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
    assert!(
        out.contains("W060") || out.contains("W050") || out.starts_with('['),
        "{out}"
    );
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
    // Root reads everything; the check only means something for other users.
    if std::fs::read_dir(&locked).is_ok() {
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    let (exit, _, err) = reglam(&["check", "."], &d);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(exit, 2, "{err}");
    assert!(err.contains("permission denied"), "{err}");
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
