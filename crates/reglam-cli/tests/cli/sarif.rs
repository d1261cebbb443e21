//! SARIF that code-scanning services accept: `check --format sarif` validated against the
//! official SARIF 2.1.0 schema (vendored in tests/sarif/, see its README), formats included.

use crate::support::{acknowledged, reglam, repo, temp, OVERRUN};
use serde_json::Value;

fn schema() -> Value {
    let text = std::fs::read_to_string(repo().join("tests/sarif/sarif-schema-2.1.0.json"))
        .expect("the vendored SARIF schema");
    serde_json::from_str(&text).expect("the schema is JSON")
}

/// Every schema error of `log`, with formats checked: once under the schema's own draft (04),
/// and once under draft 07, whose `uri-reference` format draft 04 does not check.
fn schema_errors(log: &Value) -> Vec<String> {
    let schema = schema();
    let mut errors = Vec::new();
    for draft in [None, Some(jsonschema::Draft::Draft7)] {
        let mut options = jsonschema::options().should_validate_formats(true);
        if let Some(d) = draft {
            options = options.with_draft(d);
        }
        let validator = options.build(&schema).expect("the schema compiles");
        errors.extend(
            validator
                .iter_errors(log)
                .map(|e| format!("{draft:?} {}: {e}", e.instance_path())),
        );
    }
    errors
}

fn assert_valid(log: &Value) {
    let errors = schema_errors(log);
    assert!(
        errors.is_empty(),
        "{} schema errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
    let run = &log["runs"][0];
    assert!(run["originalUriBaseIds"]["%SRCROOT%"].is_object(), "{run}");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for result in run["results"].as_array().unwrap() {
        let location = &result["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(location["uriBaseId"], "%SRCROOT%", "{result}");
        let index = result["ruleIndex"].as_u64().expect("a rule index") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"], "{result}");
    }
}

fn sarif(args: &[&str], dir: &std::path::Path) -> Value {
    let (code, out, err) = reglam(args, dir);
    assert!(code == 0 || code == 1, "{code}: {err}");
    serde_json::from_str(&out).expect("SARIF is JSON")
}

#[test]
fn the_corpus_validates_against_the_sarif_schema() {
    let log = sarif(&["check", "--format", "sarif", "regulations/"], &repo());
    assert_valid(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(
        results
            .iter()
            .any(|r| r["suppressions"][0]["kind"] == "inSource"),
        "the corpus acknowledges findings"
    );
    let uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    assert!(uri.starts_with("regulations/"), "{uri}");
}

#[test]
fn a_small_case_validates_with_odd_names_and_a_baseline() {
    let d = temp("sarif");
    std::fs::create_dir(d.join("акты и 100%")).unwrap();
    std::fs::write(d.join("акты и 100%/act.reglam"), acknowledged(OVERRUN)).unwrap();
    std::fs::write(
        d.join("plain.reglam"),
        acknowledged(OVERRUN).replace("    acknowledge", "#"),
    )
    .unwrap();
    let log = sarif(
        &[
            "check",
            "--format",
            "sarif",
            "./акты и 100%",
            "plain.reglam",
        ],
        &d,
    );
    assert_valid(&log);
    let uris: Vec<&str> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(
        uris.contains(&"%D0%B0%D0%BA%D1%82%D1%8B%20%D0%B8%20100%25/act.reglam"),
        "{uris:?}"
    );
    assert!(uris.contains(&"plain.reglam"), "{uris:?}");

    // A baseline's suppressions are valid too.
    reglam(
        &["check", "plain.reglam", "--write-baseline", "base.json"],
        &d,
    );
    let log = sarif(
        &[
            "check",
            "--format",
            "sarif",
            "--baseline",
            "base.json",
            "plain.reglam",
        ],
        &d,
    );
    assert_valid(&log);
    assert_eq!(
        log["runs"][0]["results"][0]["suppressions"][0]["kind"],
        "external"
    );
}

/// The checker catches what the old renderer wrote: relative `helpUri` and `informationUri`, a
/// `null` rule index, an unencoded path.
#[test]
fn the_schema_check_rejects_the_old_output() {
    let d = temp("sarif-old");
    std::fs::write(d.join("act.reglam"), acknowledged(OVERRUN)).unwrap();
    let mut log = sarif(&["check", "--format", "sarif", "act.reglam"], &d);
    assert_valid(&log);
    let driver = &mut log["runs"][0]["tool"]["driver"];
    driver["informationUri"] = "docs/diagnostics.md".into();
    driver["rules"][0]["helpUri"] = "docs/diagnostics.md#e001".into();
    assert_eq!(schema_errors(&log).len(), 4, "{:#?}", schema_errors(&log));
    let mut log = sarif(&["check", "--format", "sarif", "act.reglam"], &d);
    log["runs"][0]["results"][0]["ruleIndex"] = Value::Null;
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
        "акты и/act.reglam".into();
    assert!(schema_errors(&log).len() >= 2, "{:#?}", schema_errors(&log));
}
