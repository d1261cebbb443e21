//! Acknowledged findings and baselines through the binary: exit status, outputs, round trip.

use crate::support::{acknowledged, reglam, temp, OVERRUN};

#[test]
fn an_acknowledged_error_does_not_fail_the_check() {
    let d = temp("ack-exit");
    std::fs::write(d.join("act.reglam"), acknowledged(OVERRUN)).unwrap();
    let (code, out, err) = reglam(&["check", "act.reglam"], &d);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("error[E020]"), "still shown: {out}");
    assert!(
        out.contains("= acknowledged: the act's steps add up to more (@5.1)"),
        "{out}"
    );
    assert!(
        err.contains("checked 1 file: 0 errors, 0 warnings (1 acknowledged, not counted)"),
        "{err}"
    );
    let (code, out, _) = reglam(&["check", "--format", "json", "act.reglam"], &d);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json[0]["acknowledged"]["kind"], "in-source");
    assert_eq!(json[0]["acknowledged"]["citation"], "5.1");
    // An acknowledgement left behind once the act is fixed is a warning.
    std::fs::write(
        d.join("act.reglam"),
        acknowledged(&OVERRUN.replace("45 min", "15 min")),
    )
    .unwrap();
    let (code, out, _) = reglam(&["check", "act.reglam"], &d);
    assert_eq!(code, 0);
    assert!(out.contains("warning[W071]"), "{out}");
    assert_eq!(reglam(&["check", "--deny-warnings", "act.reglam"], &d).0, 1);
}

#[test]
fn a_baseline_round_trip() {
    let d = temp("baseline");
    std::fs::write(d.join("act.reglam"), OVERRUN).unwrap();
    assert_eq!(reglam(&["check", "act.reglam"], &d).0, 1);
    let (code, _, err) = reglam(
        &["check", "act.reglam", "--write-baseline", "base.json"],
        &d,
    );
    assert_eq!(code, 0, "{err}");
    let written = std::fs::read_to_string(d.join("base.json")).unwrap();
    let base: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(base["entries"][0]["code"], "E020");
    assert_eq!(base["entries"][0]["file"], "act.reglam");

    // Lines added above the finding: still in the baseline.
    std::fs::write(d.join("act.reglam"), format!("# moved\n\n{OVERRUN}")).unwrap();
    let (code, out, _) = reglam(&["check", "act.reglam", "--baseline", "base.json"], &d);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("= acknowledged: in the baseline"), "{out}");
    let (_, sarif, _) = reglam(
        &[
            "check",
            "act.reglam",
            "--baseline",
            "base.json",
            "--format",
            "sarif",
        ],
        &d,
    );
    let log: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["suppressions"][0]["kind"], "external");

    // A new finding fails; the old entry, now unmatched, is reported.
    std::fs::write(d.join("act.reglam"), OVERRUN.replace("45 min", "50 min")).unwrap();
    let (code, out, _) = reglam(&["check", "act.reglam", "--baseline", "base.json"], &d);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("warning[W072]"), "{out}");

    // Writing it again gives the same bytes for the same findings.
    std::fs::write(d.join("act.reglam"), OVERRUN).unwrap();
    reglam(
        &["check", "act.reglam", "--write-baseline", "again.json"],
        &d,
    );
    assert_eq!(
        std::fs::read_to_string(d.join("again.json")).unwrap(),
        written
    );

    // A baseline that cannot be read stops the run.
    std::fs::write(d.join("broken.json"), "{").unwrap();
    assert_eq!(
        reglam(&["check", "act.reglam", "--baseline", "broken.json"], &d).0,
        2
    );
    assert_eq!(
        reglam(&["check", "act.reglam", "--baseline", "missing.json"], &d).0,
        2
    );
}

/// The bundled corpus acknowledges its acts' errors, so CI can gate on it; a baseline of its
/// warnings, written and read in several parts, accepts every one and leaves no entry over.
#[test]
fn the_corpus_passes_and_its_baseline_round_trips_in_parts() {
    let repo = reglam_testkit::repo();
    let (code, _, err) = reglam(&["check", "regulations"], &repo);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(": 0 errors,"), "{err}");
    let d = temp("corpus-baseline");
    let base = d.join("base.json");
    let base = base.to_str().unwrap();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_reglam"))
            .args(args)
            .current_dir(&repo)
            .env("REGLAM_CHUNK", "7")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, _, err) = run(&["check", "regulations", "--write-baseline", base]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = run(&[
        "check",
        "--deny-warnings",
        "regulations",
        "--baseline",
        base,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("W072"), "{out}");
    assert!(err.contains(": 0 errors, 0 warnings ("), "{err}");
}
